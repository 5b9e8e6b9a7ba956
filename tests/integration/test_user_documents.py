"""A user's own documents through the real pipeline (real model, real Chroma): a folder ingest names every file
it skips, OCR reads a scanned page, and answers from a generated internal standard cite its section, table row
and page and call it the user's own."""

from __future__ import annotations

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
