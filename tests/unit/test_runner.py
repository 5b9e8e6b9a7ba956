"""evals/runner.py and evals/bench.py take typed jobs; a job they cannot run is refused before any work."""

from __future__ import annotations

from evals import bench, runner
from ingest.settings import Settings


def test_an_unknown_embedder_is_refused_before_the_eval_runs(tmp_path, capsys):
    settings = Settings(store=tmp_path / "store", corpus_root=tmp_path / "corpus")
    job = runner.EvalJob(out=tmp_path / "out", embedders=("e5", "word2vec"))
    assert runner.run(job, settings) == 2
    assert "unknown embedder(s) word2vec" in capsys.readouterr().err
    assert not (tmp_path / "out").exists() and not settings.store.exists()


def test_a_bench_without_a_corpus_is_refused_naming_it(tmp_path, capsys):
    settings = Settings(store=tmp_path / "store", corpus_root=tmp_path / "missing")
    assert bench.run(bench.BenchJob(out=tmp_path / "bench", quick=True), settings) == 1
    assert f"corpus {tmp_path / 'missing'} not found" in capsys.readouterr().err
    assert not (tmp_path / "bench").exists()
