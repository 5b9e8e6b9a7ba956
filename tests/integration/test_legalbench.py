"""LegalBench-RAG PrivacyQA: the paper's character-overlap scoring, the raw-offset alignment, and a real subset run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from evals.legalbench import (
    KS,
    disk_path,
    load_tests,
    run_benchmark,
    write_outputs,
)

BENCH_DIR = Path(os.environ.get("LEXCITE_BENCHMARKS", Path(__file__).resolve().parents[3] / "shared" / "benchmarks")) \
    / "legalbench-rag-privacyqa"


@pytest.fixture(scope="module")
def bench_dir():
    if not (BENCH_DIR / "benchmarks" / "privacy_qa.json").is_file():
        pytest.skip(f"LegalBench-RAG PrivacyQA not found at {BENCH_DIR} (set LEXCITE_BENCHMARKS)")
    return BENCH_DIR


def test_every_gold_span_matches_its_answer_text_including_the_renamed_file(bench_dir):
    tests = load_tests(bench_dir)
    assert len(tests) == 194
    for test in tests:
        for snippet in test["snippets"]:
            raw = disk_path(bench_dir, snippet["file_path"]).read_text(encoding="utf-8-sig")
            start, end = snippet["span"]
            assert raw[start:end] == snippet["answer"], snippet["file_path"]


def test_a_subset_run_scores_every_k_and_finds_most_of_the_gold_text(bench_dir, tmp_path, make_settings):
    settings = make_settings()
    results = run_benchmark(bench_dir, tmp_path / "lb", settings, files=["Keep.txt"], limit=12, progress=False,
                            systems=["lexcite", "bm25"])
    assert results["meta"]["questions"] == 12 and results["meta"]["documents"] == 1
    assert results["meta"]["gold_problems"] == [] and results["meta"]["unplaced_snippets"] == 0
    for metric in ("precision", "recall"):
        assert set(results[metric]) == {str(k) for k in KS}
        assert all(0.0 <= v <= 100.0 for v in results[metric].values())
    recall = [results["recall"][str(k)] for k in KS]
    assert recall == sorted(recall), "recall@k cannot fall as k grows"
    # one short policy, 64 passages: nearly all of the gold text must be among them
    assert results["recall"]["64"] > 80, results["recall"]
    assert results["precision"]["1"] > 0, results["precision"]
    assert results["paper"]["recall"]["64"] == 84.19
    # the benchmark's store is its own, under OUT, never the user's
    assert str(tmp_path / "lb") in results["meta"]["store"] and not settings.store.exists()
    paths = write_outputs(results, tmp_path / "lb", "lexcite eval --benchmark legalbench-privacyqa")
    saved = json.loads(paths[0].read_text(encoding="utf-8"))
    assert saved["recall"] == results["recall"] and "paper" in saved
    report = paths[1].read_text(encoding="utf-8")
    assert "| 64 |" in report and "distractors" in report
    assert paths[2].stat().st_size > 0
