"""A working day in the chat, through Streamlit's AppTest on the real reference store: follow-ups inherit
their law, party and subject while a new topic starts afresh; a Chinese question gets Chinese labels
throughout; no check mark without a figure; the conversation exported as a Word memo; uploads listed and
deleted with their files; `lexcite ask --context`."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from docx import Document
from streamlit.testing.v1 import AppTest

from app.chat_view import save_upload
from app.export import memo_docx
from tests.pdfs import text_pdf

APP = str(Path(__file__).resolve().parents[2] / "app" / "chat.py")
PIPL_FINE = "What is the maximum fine under the PIPL for a serious violation?"
pytestmark = pytest.mark.integration


@pytest.fixture
def store_copy(reference_settings, tmp_path):
    """The reference store copied, so a test may add and delete documents and keep a history."""
    target = tmp_path / "store"
    shutil.copytree(reference_settings.store, target)
    return reference_settings.model_copy(update={"store": target})


@pytest.fixture
def app(store_copy, monkeypatch):
    monkeypatch.setenv("LEXCITE_STORE", str(store_copy.store))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    assert not at.exception
    return at


def _ask(at, question: str) -> None:
    at.chat_input(key="question").set_value(question).run()
    assert not at.exception, at.exception


def _newest(at):
    """The newest answer, as the app keeps it."""
    return [t["answer"] for t in at.session_state["history"] if t.get("answer") is not None][-1]


def _labels(at) -> list[str]:
    """Every label, caption, badge and message around the answers (not the quoted law itself)."""
    # the main area's captions (the sidebar's are the documents' own names)
    out = [c.value for c in at.main.caption] + [e.label for e in at.expander]
    out += [m.value for kind in (at.success, at.info, at.warning, at.error) for m in kind]
    out += [w.label for kind in (at.multiselect, at.toggle, at.slider, at.button) for w in kind]
    out += [m.label for m in at.metric]
    return [str(o) for o in out]


def test_follow_ups_inherit_and_a_new_topic_starts_afresh(app):
    _ask(app, PIPL_FINE)
    assert "pipl" in _newest(app).citations[0].doc_id
    _ask(app, "And under the Data Security Law?")
    dsl = _newest(app)
    assert dsl.question == "And under the Data Security Law?"
    assert dsl.read_as.startswith("maximum fine under the Data Security Law")
    assert any(c.value.startswith("Read as: maximum fine under the Data Security Law") for c in app.caption)
    assert dsl.citations and dsl.citations[0].doc_id in ("dsl", "dsl-en")  # the law asked is the DSL
    # the newest exchange is drawn first: its citation is the first expander on the page
    assert "Data Security Law" in app.expander[0].label
    app.button(key="alone-0").click().run()  # the reader corrects the reading: asked on its own
    alone = _newest(app)
    assert alone.question == "And under the Data Security Law?" and alone.read_as == ""
    assert len(app.chat_message) == 4
    _ask(app, "And under the Data Security Law?")
    _ask(app, "what about for individuals?")
    managers = _newest(app)
    assert "Data Security Law" in managers.read_as and "responsible individuals" in managers.read_as
    _ask(app, "When did the Cybersecurity Law first take effect?")
    fresh = _newest(app)
    assert fresh.read_as == "" and not any(c.value.startswith("Read as") for c in app.caption[:3])
    assert len(app.chat_message) == 10


def test_a_chinese_question_gets_chinese_labels_throughout(app):
    _ask(app, "数据安全法规定违反国家核心数据管理制度的，罚款是多少？")
    answer = _newest(app)
    assert answer.language == "zh" and not answer.abstained
    labels = _labels(app)
    assert any("数字与引文一致" in label for label in labels)
    assert any(label.startswith("法律 · ") for label in labels)  # the plain label, in Chinese
    allowed = {"LexCite", "PDF", "txt", "md", "html", "zh", "en", "PIPL", "DSL", "CSL", "docx", "Markdown", "Word"}
    for label in labels:
        words = set(re.findall(r"[A-Za-z]{3,}", label)) - allowed
        assert not words, f"English in a Chinese page: {label!r}"


def test_an_answer_with_no_figure_shows_no_check_mark(app):
    _ask(app, "Which department is responsible for coordinating personal information protection work?")
    answer = _newest(app)
    assert not answer.figures_match
    assert not any("✓" in s.value for s in app.success)


def test_the_conversation_exports_to_a_word_memo(app):
    _ask(app, PIPL_FINE)
    answer = _newest(app)
    data = memo_docx(app.session_state["history"], documents=24)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    cited = answer.citations[0]
    assert cited.quote and cited.quote in text
    assert f"{cited.locator}" in text and "Personal Information Protection Law" in text
    assert "Statute · in force since 2021-11-01" in text


def test_uploads_are_listed_and_deleted_with_their_file(store_copy, monkeypatch, tmp_path):
    from retrieval.service import AnswerService

    pdf = text_pdf(tmp_path / "retention.pdf", [["Log Retention Policy", "", "Access logs are kept for 180 days."]])
    saved = save_upload("retention-policy.pdf", pdf.read_bytes(), store_copy.uploads_dir, 10_000_000)
    report = AnswerService(store_copy).ingest([saved.path], display_names={saved.path: "retention-policy.pdf"})
    doc_id = report.files[0].doc_id
    monkeypatch.setenv("LEXCITE_STORE", str(store_copy.store))
    at = AppTest.from_file(APP, default_timeout=180)
    at.run()
    before = int(at.metric[0].value)
    assert any(c.value == "retention-policy.pdf" for c in at.sidebar.caption)  # listed by its own name
    assert not any(saved.path.stem in c.value for c in at.sidebar.caption)  # never the hashed file name
    at.button(key=f"delete-{doc_id}").click().run()
    assert not at.exception
    assert int(at.metric[0].value) == before - 1  # the count refreshed at once
    assert any("retention-policy.pdf" in s.value for s in at.success)
    assert not any(c.value == "retention-policy.pdf" for c in at.sidebar.caption)
    assert not saved.path.exists()


def test_history_is_kept_across_sessions_and_cleared(app, store_copy, monkeypatch):
    _ask(app, PIPL_FINE)
    again = AppTest.from_file(APP, default_timeout=180)  # a new browser session
    again.run()
    assert len(again.chat_message) == 2
    again.button(key="clear-history").click().run()
    assert len(again.chat_message) == 0
    assert not (store_copy.store / "chat-history.json").exists()


def test_ask_with_context_on_the_command_line(store_copy, capsys):
    from app.cli import main

    code = main(["ask", "--store", str(store_copy.store), "--json", "--context", PIPL_FINE,
                 "And under the Data Security Law?"])
    assert code == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["question"] == "And under the Data Security Law?"
    assert answer["read_as"].startswith("maximum fine under the Data Security Law")
    assert answer["citations"][0]["doc_id"] in ("dsl", "dsl-en")
    assert answer["trace"][0]["rule"] == "follow_up" and "inherited subject" in answer["trace"][0]["detail"]


def test_lexcite_remove_deletes_the_uploaded_file_too(store_copy, tmp_path):
    from app.cli import main
    from retrieval.service import AnswerService

    saved = save_upload("notes.txt", b"Internal note: backups are kept for 30 days.", store_copy.uploads_dir, 10_000)
    doc_id = AnswerService(store_copy).ingest([saved.path], display_names={saved.path: "notes.txt"}).files[0].doc_id
    assert main(["remove", doc_id, "--store", str(store_copy.store)]) == 0
    assert not saved.path.exists()


def test_an_upload_is_reported_by_its_name_with_the_new_count(store_copy):
    from app.chat_view import ingest_uploads
    from retrieval.service import AnswerService

    service = AnswerService(store_copy)
    before = len(service.store.documents())
    outcomes = ingest_uploads(service, [("backup-policy.txt", b"Backups are kept for 30 days."),
                                        ("run.exe", b"MZ")], "en")
    assert outcomes[0] == ("success", f"backup-policy.txt: added, 1 passages. The library now holds {before + 1} "
                                      "documents.")
    assert outcomes[1][0] == "error" and outcomes[1][1].startswith("run.exe: not added — file type .exe")


def test_a_chain_of_follow_ups_on_the_command_line_keeps_the_law_and_takes_the_party(store_copy, capsys):
    from app.cli import main

    code = main(["ask", "--store", str(store_copy.store), "--context", PIPL_FINE, "--context",
                 "And under the DSL?", "what about for individuals?"])
    assert code == 0
    out = capsys.readouterr().out
    assert out.startswith("Read as: maximum fine under the DSL for a serious violation for the responsible individuals")
