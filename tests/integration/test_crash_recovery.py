"""Ingest is a transaction: a process killed at any named step of a write leaves a store that the next
open repairs and the next ingest finishes, ending identical to a store that was never interrupted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.faults import EXIT_CODE, STEPS
from ingest.pipeline import ingest_paths, open_store
from ingest.settings import Settings

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
FIRST = ("scc-measures.md", "cbdt-provisions.md")
LATER = "pi-crimes-interpretation.md"
QUESTION = "非法获取行踪轨迹信息多少条属于情节严重？"


def _folder(corpus_mirror: Path, target: Path, names) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(corpus_mirror / "statutes" / "zh" / name, target / name)
    return target


def _state(settings: Settings) -> dict:
    from retrieval.service import AnswerService

    store = open_store(settings, create=False)
    chroma_ids = sorted(store.all_ids())
    lexical = store.lexical(max_age_s=0)
    answer = AnswerService(settings, store=store).answer(QUESTION)
    return {
        "chroma_ids": chroma_ids,
        "bm25_ids": sorted(lexical.ids),
        "documents": {d: e["chunks"] for d, e in store.documents().items()},
        "answer": answer.text,
        "cited": [(c.doc_id, c.locator) for c in answer.citations],
    }


@pytest.fixture(scope="module")
def stores(corpus_mirror, tmp_path_factory):
    """A store holding the first two documents, and the uninterrupted store holding all three."""
    root = tmp_path_factory.mktemp("crash")
    first = _folder(corpus_mirror, root / "docs", FIRST)
    base = Settings(store=root / "base", corpus_root=root / "none")
    assert ingest_paths([first], base, progress=False).ok
    full_folder = _folder(corpus_mirror, root / "docs-all", (*FIRST, LATER))
    clean = Settings(store=root / "clean", corpus_root=root / "none")
    assert ingest_paths([full_folder], clean, progress=False).ok
    return base, full_folder, _state(clean)


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_heals_to_the_uninterrupted_store(step, stores, tmp_path, capfd):
    base, folder, expected = stores
    assert expected["documents"].keys() == {"scc-measures", "cbdt-provisions", "pi-crimes"}
    settings = Settings(store=tmp_path / "store", corpus_root=tmp_path / "none")
    shutil.copytree(base.store, settings.store)
    env = dict(os.environ, LEXCITE_FAULT=step, PYTHONPATH=str(REPO))
    killed = subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(folder), "--store", str(settings.store),
                             "--quiet"], env=env, capture_output=True, text=True, timeout=600)
    assert killed.returncode == EXIT_CODE, killed.stderr[-2000:]

    # opening the store alone brings BM25 in line with Chroma
    store = open_store(settings, create=False)
    assert sorted(store.lexical(max_age_s=0).ids) == sorted(store.all_ids())

    # and the next ingest finishes the interrupted document
    capfd.readouterr()
    report = ingest_paths([folder], settings, progress=False)
    assert report.ok
    assert _state(settings) == expected


def test_the_crash_window_between_vectors_and_generation_is_repaired_with_a_note(stores, tmp_path, caplog):
    """The case from issue 19: vectors written, the sidecar and generation not: re-ingest finds nothing to
    write, yet the lost document must be searchable and the repair said in one line."""
    base, folder, expected = stores
    settings = Settings(store=tmp_path / "store", corpus_root=tmp_path / "none")
    shutil.copytree(base.store, settings.store)
    env = dict(os.environ, LEXCITE_FAULT="after_vectors", PYTHONPATH=str(REPO))
    subprocess.run([sys.executable, "-m", "app.cli", "ingest", str(folder), "--store", str(settings.store),
                    "--quiet"], env=env, capture_output=True, timeout=600)
    with caplog.at_level("WARNING", logger="lexcite.store"):
        report = ingest_paths([folder], settings, progress=False)
    assert report.count("unchanged") == 3 and report.chunks_written == 0
    notes = [r.getMessage() for r in caplog.records if "repaired" in r.getMessage()]
    assert len(notes) == 1 and "\n" not in notes[0] and "interrupted" in notes[0]
    assert _state(settings) == expected
