"""One AnswerService shared by many threads (the chat UI's sessions) answers as it does alone (issue 19, case 11)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from evals.load import run_users
from ingest.pipeline import ingest_paths
from ingest.settings import Settings

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]
DOCS = ("pipl.md", "scc-measures.md", "cbdt-provisions.md", "pi-crimes-interpretation.md",
        "facial-recognition-provisions.md")


def _questions(doc_ids: set[str], n: int = 50) -> list[str]:
    """Gold questions about the stored documents, and some that should abstain, up to n."""
    rows = [json.loads(line) for line in (REPO / "evals" / "gold" / "gold.jsonl").read_text(encoding="utf-8")
            .splitlines() if line.strip()]
    about = [r["question"] for r in rows if r.get("evidence") and {e["doc_id"] for e in r["evidence"]} <= doc_ids]
    others = [r["question"] for r in rows if not r.get("answerable", True)]
    return (about[: n - 10] + others[:10])[:n]


def _fingerprint(answer) -> tuple:
    return (answer.text, answer.abstained, tuple((c.doc_id, c.locator, c.quote) for c in answer.citations),
            tuple(answer.warnings))


def test_eight_threads_answer_as_one(corpus_mirror, tmp_path):
    from retrieval.service import AnswerService

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in DOCS:
        shutil.copy(corpus_mirror / "statutes" / "zh" / name, docs / name)
    settings = Settings(store=tmp_path / "store", corpus_root=tmp_path / "none")
    assert ingest_paths([docs], settings, progress=False).ok
    questions = _questions({"pipl", "scc-measures", "cbdt-provisions", "pi-crimes", "facial-recognition"})
    assert len(questions) == 50

    alone = AnswerService(settings)
    serial = {q: _fingerprint(alone.answer(q)) for q in questions}
    assert sum(not a[1] for a in serial.values()) >= 20, "too few answered questions to compare"

    shared = AnswerService(settings)  # a fresh one: its caches fill while the threads race
    results, latencies, errors, _ = run_users(shared, questions, users=8, per_user=50, max_seconds=1e9)
    assert errors == []
    assert len(latencies) == 8 * 50
    for asked in results:
        assert len(asked) == 50
        for question, answer in asked:
            assert _fingerprint(answer) == serial[question], question
