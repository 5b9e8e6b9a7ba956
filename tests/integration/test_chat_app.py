"""The Streamlit chat UI through Streamlit's own testing API, on the real reference store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.chat_view import save_upload
from tests.pdfs import corrupt_pdf, text_pdf

APP = str(Path(__file__).resolve().parents[2] / "app" / "chat.py")
pytestmark = pytest.mark.integration


@pytest.fixture
def app(reference_settings, monkeypatch, tmp_path):
    # a copy: the chat keeps its history beside the store, and each test starts a conversation of its own
    store = tmp_path / "store"
    shutil.copytree(reference_settings.store, store)
    monkeypatch.setenv("LEXCITE_STORE", str(store))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    return at


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [e.label for e in at.expander] + [c.value for c in at.caption]
    parts += [s.value for s in at.success] + [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_question_renders_key_figure_badge_and_citations(app):
    app.chat_input[0].set_value("What is the maximum fine under the PIPL for a serious violation?").run()
    assert not app.exception
    text = _texts(app)
    assert "50 million" in text and "五千万元" in text
    assert any(s.value == "✓ figures match the cited text" for s in app.success)
    labels = [e.label for e in app.expander]
    assert any("Personal Information Protection Law" in label and "Art. 66" in label for label in labels)
    assert "<mark>" in text  # the quoted sentence is highlighted inside its passage


def test_chinese_question_and_history(app):
    app.chat_input[0].set_value("数据安全法规定违反国家核心数据管理制度的，罚款是多少？").run()
    app.chat_input[0].set_value("What is the maximum GDPR fine?").run()
    text = _texts(app)
    assert "二百万元以上一千万元以下" in text
    assert any("does not answer" in i.value for i in app.info)
    assert len(app.chat_message) == 4


def test_filters_change_the_citations(app):
    app.multiselect(key="kinds").set_value(["guide"]).run()
    app.chat_input[0].set_value("What is the maximum fine under the PIPL for a serious violation?").run()
    labels = [e.label for e in app.expander]
    assert labels and not any("Personal Information Protection Law of the PRC" in label for label in labels)


def test_too_long_question_is_an_error_message(app):
    app.chat_input[0].set_value("x" * 2100).run()
    assert not app.exception
    assert any("2000" in e.value for e in app.error)


def test_empty_store_says_ingest_first(make_settings, monkeypatch):
    monkeypatch.setenv("LEXCITE_STORE", str(make_settings().store))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert any("ingest first" in w.value for w in at.warning)


def test_an_upload_is_ingested_and_answers_under_its_own_name(make_settings, tmp_path):
    from retrieval.service import AnswerService

    settings = make_settings()
    uploads = settings.uploads_dir
    pdf = text_pdf(tmp_path / "policy.pdf", [["Data Retention Policy", "", "Access logs are kept for 180 days."]])
    saved = save_upload("../../evil/policy.pdf", pdf.read_bytes(), uploads, 10_000_000)
    broken = save_upload("broken.pdf", corrupt_pdf(tmp_path / "b.pdf", pdf).read_bytes(), uploads, 10_000_000)
    service = AnswerService(settings)
    report = service.ingest([saved.path, broken.path], display_names={saved.path: "policy.pdf"})
    statuses = {f.path: (f.status, f.reason) for f in report.files}
    assert statuses[str(saved.path)][0] == "added"
    assert statuses[str(broken.path)][0] == "skipped"
    answer = service.answer("How long are access logs kept?")
    assert "180 days" in answer.text and answer.citations[0].source == "policy.pdf"
