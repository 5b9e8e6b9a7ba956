"""A user's own documents through the real pipeline (real model, real Chroma): a folder ingest names every file
it skips, OCR reads a scanned page, and answers from a generated internal standard cite its section, table row
and page and call it the user's own."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from tests.userdocs import scanned_pdf, standard_docx, standard_pdf

pytestmark = pytest.mark.integration

SCANNED_LINES = ["第五条 数据处理者应当在二十四小时内报告。", "Server access logs are kept for 90 days."]


def test_a_folder_ingest_lists_every_skipped_file_and_fails_when_nothing_was_ingested(tmp_path, capsys):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "retention.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    scanned_pdf(folder / "scan.pdf", SCANNED_LINES)
    code = main(["ingest", str(folder), "--store", str(tmp_path / "store"), "--quiet"])
    err = capsys.readouterr().err
    assert code != 0
    assert "retention.xlsx: unsupported type .xlsx" in err
    assert "scan.pdf: no text layer (scanned?); run with --ocr or OCR it first" in err
    assert "nothing was ingested" in err


def test_ocr_reads_the_chinese_and_english_of_a_scanned_pdf(tmp_path, capsys):
    from ingest.pipeline import open_store
    from ingest.settings import Settings

    folder = tmp_path / "scans"
    folder.mkdir()
    scanned_pdf(folder / "scan.pdf", SCANNED_LINES)
    store = tmp_path / "store"
    assert main(["ingest", str(folder), "--store", str(store), "--quiet", "--ocr"]) == 0, capsys.readouterr().err
    index = open_store(Settings(store=store), create=False).lexical(max_age_s=0)
    text = " ".join(index.texts)
    assert "数据处理者应当在二十四小时内报告" in text
    assert "Server access logs are kept for 90 days." in text
    assert {m["page"] for m in index.metadatas} == {1}


@pytest.fixture(scope="module")
def own_service(tmp_path_factory):
    """The generated internal standard, as a PDF and as Word, ingested from a folder named internal/."""
    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings
    from retrieval.service import AnswerService

    root = tmp_path_factory.mktemp("own")
    folder = root / "internal"
    folder.mkdir()
    standard_pdf(folder / "dhs7.pdf")
    standard_docx(folder / "dhs7.docx")
    settings = Settings(store=root / "store", corpus_root=root / "corpus")
    report = ingest_paths([folder], settings, progress=False)
    assert report.ok and report.count("added") == 2, report.skipped
    return AnswerService(settings)


@pytest.mark.parametrize(("question", "figure", "locator", "sentence"), [
    ("How long does Northwind keep server access logs?", "90 days", "§ 2 Retention (p. 1)",
     "Server access logs are kept for 90 days and are then deleted by the log service."),
    ("How long is CCTV footage kept under our standard?", "30 days", "§ 2 Retention, table 1, row 3 (p. 1)",
     "Table 1, row 3: CCTV footage | Retention: 30 days | Owner: Facilities"),
    ("Within how many hours is the board told about an incident affecting more than 5,000 customers?", "24 hours",
     "§ 4 Incidents (p. 2)", "An incident affecting more than 5,000 customers is reported to the board of "
                             "directors within 24 hours of its discovery."),
    ("Within how many days must a new employee complete data protection training?", "30 days",
     "§ 5 Training (p. 3)", "Every employee completes data protection training within 30 days of joining."),
])
def test_answers_from_the_users_document_cite_section_row_and_page(own_service, question, figure, locator,
                                                                   sentence):
    answer = own_service.answer(question)
    assert not answer.abstained, answer.text
    assert answer.text.lower().startswith(figure), answer.text
    pdf = [c for c in answer.citations if c.source == "dhs7.pdf"]
    word = [c for c in answer.citations if c.source == "dhs7.docx"]
    assert pdf and pdf[0].locator == locator and pdf[0].quote == sentence
    assert word and word[0].locator == locator.rsplit(" (p.", 1)[0] and word[0].quote == sentence
    assert all(c.kind == "internal" for c in answer.citations)
    assert "Your document (Northwind DHS-7 Data Handling Standard § " in answer.text
    assert "secondary source" not in answer.text and "your own document, not the law" in answer.text


def test_a_count_the_document_does_not_state_is_not_read_from_its_codes_versions_or_dates(own_service):
    answer = own_service.answer("How many parking spaces does the Chengdu data centre have?")
    assert answer.abstained, answer.text


def test_the_ui_uploader_takes_word_and_an_upload_is_the_users_own(own_service, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from app.chat_view import save_upload

    monkeypatch.setenv("LEXCITE_STORE", str(own_service.settings.store))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "app" / "chat.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert ".docx" in list(at.get("file_uploader")[0].proto.type)

    word = standard_docx(tmp_path / "Northwind DHS-7.docx")
    saved = save_upload(word.name, word.read_bytes(), own_service.settings.uploads_dir, 10_000_000)
    assert saved.status == "saved", saved.reason
    report = own_service.ingest([saved.path], display_names={saved.path: word.name})
    assert report.files[0].status == "added", report.files[0].reason
    documents = own_service.store.documents()
    uploaded = next(d for doc_id, d in documents.items() if doc_id == report.files[0].doc_id)
    assert uploaded["kind"] == "internal"


@pytest.fixture(scope="module")
def law_and_own(tmp_path_factory, corpus_mirror):
    """The amended CSL (a statute, from the reference corpus) and the generated internal standard."""
    import shutil

    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings
    from retrieval.service import AnswerService

    root = tmp_path_factory.mktemp("law-and-own")
    statutes = root / "corpus" / "statutes" / "zh"
    statutes.mkdir(parents=True)
    shutil.copy(corpus_mirror / "statutes" / "zh" / "csl-2025-consolidated.md", statutes)
    (root / "internal").mkdir()
    standard_pdf(root / "internal" / "dhs7.pdf")
    settings = Settings(store=root / "store", corpus_root=root / "corpus")
    report = ingest_paths([root / "corpus", root / "internal"], settings, progress=False)
    assert report.ok, report.skipped
    return AnswerService(settings)


def test_our_rule_and_the_law_are_shown_side_by_side(law_and_own):
    answer = law_and_own.answer("How long do we keep server access logs?")
    assert answer.text.startswith("Your document: 90 days (§ 2 Retention, p. 1) [1]. The law: at least 6 months "
                                  "(CSL Art. 23"), answer.text
    assert [c.kind for c in answer.citations[:2]] == ["internal", "statute"]
    assert answer.citations[1].locator.startswith("Art. 23")
    assert "六个月" in answer.citations[1].quote


def test_a_question_about_the_law_is_answered_by_the_law(law_and_own):
    answer = law_and_own.answer("How long must network logs be kept under the Cybersecurity Law?")
    assert answer.text.lower().startswith("at least 6 months"), answer.text
    assert answer.citations[0].kind == "statute" and "Your document" not in answer.text
