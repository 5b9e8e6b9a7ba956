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


def test_a_question_set_that_is_not_one_is_refused_naming_its_file_and_line(tmp_path, capsys, monkeypatch):
    from app.cli import main

    monkeypatch.setenv("LEXCITE_STORE", str(tmp_path / "store"))
    bad = tmp_path / "set.jsonl"
    bad.write_text('{"id": "q1", "question": "How long are logs kept?"}\n', encoding="utf-8")
    assert main(["eval", "--gold", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert f"{bad}:1: missing field(s) language" in capsys.readouterr().err
    assert not (tmp_path / "store").exists()
