"""Ingest end to end on real parts: loaders, chunks, the e5 model, embedded Chroma, the BM25 sidecar."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from ingest.embedder import get_embedder
from ingest.pipeline import ingest_paths, open_store, remove_documents
from ingest.store import ModelMismatchError
from tests.pdfs import blank_pdf, corrupt_pdf, encrypted_pdf, text_pdf


def _copy(corpus_mirror, tmp_path, *names):
    folder = tmp_path / "docs"
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(corpus_mirror / "statutes" / "zh" / name, folder / name)
    return folder


def _snapshot(settings):
    store = open_store(settings, create=False)
    ids, texts, metas = store.all_chunks()
    return {i: (t, m["locator"], m["start"], m["end"]) for i, t, m in zip(ids, texts, metas, strict=True)}


def test_chunks_are_exact_slices_within_the_model_limit(corpus_mirror, make_settings, tmp_path):
    folder = _copy(corpus_mirror, tmp_path, "pipl.md")
    settings = make_settings()
    report = ingest_paths([folder], settings, progress=False)
    assert report.count("added") == 1
    store = open_store(settings, create=False)
    ids, texts, metas = store.all_chunks()
    source = (folder / "pipl.md").read_text(encoding="utf-8")
    embedder = get_embedder(settings.embedder)
    for text, meta in zip(texts, metas, strict=True):
        assert meta["doc_id"] == "pipl"  # matched to the manifest by sha256
        assert meta["kind"] == "statute" and meta["status"] == "in-force" and meta["language"] == "zh"
        assert text in source
        assert embedder.count_tokens(text) <= embedder.max_tokens
        if meta["article"] > 0:
            assert meta["locator"].startswith(f"Art. {meta['article']}")
    art66 = [t for t, m in zip(texts, metas, strict=True) if m["article"] == 66]
    assert art66 and art66[0].startswith("第六十六条") and "五千万元" in art66[0]


def test_reingest_is_idempotent_and_a_changed_document_is_replaced(corpus_mirror, make_settings, tmp_path):
    folder = _copy(corpus_mirror, tmp_path, "scc-measures.md", "cbdt-provisions.md")
    settings = make_settings()
    first = ingest_paths([folder], settings, progress=False)
    before = _snapshot(settings)
    again = ingest_paths([folder], settings, progress=False)
    assert again.chunks_written == 0 and again.count("unchanged") == 2
    assert _snapshot(settings) == before

    # a user's own file, edited: new chunks replace the old ones, none left stale
    mine = folder / "policy.md"
    mine.write_text("# Our retention policy\n\nLogs are kept for 6 months.\n\nBackups are kept for 2 years.\n",
                    encoding="utf-8")
    ingest_paths([folder], settings, progress=False)
    mine.write_text("# Our retention policy\n\nLogs are kept for 12 months.\n", encoding="utf-8")
    report = ingest_paths([folder], settings, progress=False)
    assert report.count("updated") == 1
    texts = [t for t, *_ in _snapshot(settings).values()]
    assert any("12 months" in t for t in texts)
    assert not any("6 months" in t or "2 years" in t for t in texts)
    assert len(_snapshot(settings)) == len(before) + 1
    assert first.chunks_written == len(before)


def test_remove_deletes_one_document_and_updates_bm25(corpus_mirror, make_settings, tmp_path):
    folder = _copy(corpus_mirror, tmp_path, "scc-measures.md", "cbdt-provisions.md")
    settings = make_settings()
    ingest_paths([folder], settings, progress=False)
    removed = remove_documents(["scc-measures"], settings)
    assert removed["scc-measures"] > 0
    store = open_store(settings, create=False)
    docs = {m["doc_id"] for m in store.lexical(max_age_s=0).metadatas}
    assert docs == {"cbdt-provisions"}
    assert remove_documents(["no-such-doc"], settings) == {"no-such-doc": 0}


def test_bad_files_are_reported_skipped_and_leave_the_store_as_it_was(corpus_mirror, make_settings, tmp_path):
    settings = make_settings(max_file_mb=0.05)
    good = _copy(corpus_mirror, tmp_path, "scc-measures.md")
    ingest_paths([good], settings, progress=False)
    before = _snapshot(settings)

    bad = tmp_path / "bad"
    bad.mkdir()
    pdf = text_pdf(bad / "ok-source.pdf", [["Article 1 something"]])
    encrypted_pdf(bad / "locked.pdf", pdf)
    corrupt_pdf(bad / "broken.pdf", pdf)
    blank_pdf(bad / "blank.pdf")
    pdf.unlink()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    (bad / "latin1.txt").write_bytes("caf\xe9 \xff\xfe\x00 binary".encode("latin-1"))
    (bad / "huge.txt").write_text("x" * 60_000, encoding="utf-8")
    (bad / "notes.docx").write_bytes(b"PK\x03\x04")
    (bad / "sheet.xlsx").write_bytes(b"PK\x03\x04")
    report = ingest_paths([bad, tmp_path / "missing-folder"], settings, progress=False)
    reasons = {f.path.rsplit("/", 1)[-1]: f.reason for f in report.skipped}
    assert "encrypted" in reasons["locked.pdf"]
    assert "corrupt" in reasons["broken.pdf"]
    assert "no text" in reasons["blank.pdf"]
    assert reasons["empty.txt"] == "empty file"
    assert "limit" in reasons["huge.txt"]
    assert "missing-folder" in reasons and "no such file" in reasons["missing-folder"]
    assert "not a readable Word file" in reasons["notes.docx"]
    assert reasons["sheet.xlsx"] == "unsupported type .xlsx"  # listed, in a folder as well as given directly
    assert not report.ok
    assert _snapshot(settings) == before

    direct = ingest_paths([bad / "sheet.xlsx"], settings, progress=False)
    assert "unsupported type .xlsx" in direct.skipped[0].reason and not direct.ok


def test_pdf_pages_are_kept_in_locators_and_chinese_line_breaks_mended(make_settings, tmp_path):
    settings = make_settings()
    pdf = text_pdf(tmp_path / "rules.pdf", [
        ["Internal Data Handling Rules", "", "Section one covers the scope of these rules for staff."],
        ["第一条 为了保护个人信息权益，持股比", "例不得超过百分之五。", "第二条 违反本规则的，处一万元以下罚款。",
         "第三条 本规则自2024年1月1日起施行。"],
    ], title="Internal Data Handling Rules")
    report = ingest_paths([pdf], settings, progress=False)
    assert report.ok, report.skipped
    store = open_store(settings, create=False)
    index = store.lexical(max_age_s=0)
    by_article = {m["article"]: (t, m) for t, m in zip(index.texts, index.metadatas, strict=True)}
    text, meta = by_article[1]
    assert "持股比例不得超过百分之五" in text  # the PDF line break inside the word is gone
    assert meta["page"] == 2 and meta["locator"] == "Art. 1 (p. 2)"
    assert meta["title"] == "Internal Data Handling Rules" and meta["kind"] == "document"


def test_html_loader_drops_scripts_styles_and_navigation(make_settings, tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Cookie Rules</title><style>p{color:red}</style></head><body>"
                    "<nav>Home | About</nav><h1>Cookie Rules</h1><p>Consent is needed before tracking.</p>"
                    "<script>alert('x')</script><footer>(c) 2025</footer></body></html>", encoding="utf-8")
    settings = make_settings()
    ingest_paths([page], settings, progress=False)
    index = open_store(settings, create=False).lexical(max_age_s=0)
    text = " ".join(index.texts)
    assert "Consent is needed before tracking." in text
    assert "alert" not in text and "color" not in text and "Home | About" not in text
    assert index.metadatas[0]["title"] == "Cookie Rules"


def test_sources_notes_are_excluded(corpus_mirror, make_settings):
    settings = make_settings()
    from ingest.pipeline import discover

    files, _ = discover([corpus_mirror], settings)
    assert files and not any(f.name in ("SOURCES.md", "SOURCE.md") for f in files)


def test_opening_a_store_with_another_model_is_a_clear_error(corpus_mirror, make_settings, tmp_path):
    folder = _copy(corpus_mirror, tmp_path, "scc-measures.md")
    settings = make_settings()
    ingest_paths([folder], settings, progress=False)
    with pytest.raises(ModelMismatchError, match="rebuild"):
        open_store(settings.model_copy(update={"embedder": "minilm"}), get_embedder("minilm"))


def test_killed_ingest_resumes_to_the_same_store(corpus_mirror, make_settings, tmp_path):
    folder = _copy(corpus_mirror, tmp_path, "dsl.md", "cii-regulations.md", "ndsmr.md", "scc-measures.md")
    interrupted = make_settings(store=tmp_path / "interrupted")
    command = [sys.executable, "-m", "app.cli", "ingest", str(folder), "--store", str(interrupted.store)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    # kill once the first document is in: the chroma folder grows as soon as chunks are written
    while time.time() < deadline and proc.poll() is None:
        sqlite = interrupted.store / "chroma" / "chroma.sqlite3"
        if sqlite.exists() and sqlite.stat().st_size > 400_000:
            break
        time.sleep(0.2)
    proc.kill()
    proc.wait()
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    clean = make_settings(store=tmp_path / "clean")
    ingest_paths([folder], clean, progress=False)
    assert _snapshot(interrupted) == _snapshot(clean)
