"""`lexcite bench --scale`: the whole answer path on synthetic stores of 10k and 100k chunks.

A synthetic chunk is made from the corpus's own text: the first half of one real chunk joined to the
second half of another, its vector the normalised mean of theirs (nothing is re-embedded), its metadata
that of a user's document (so the statutes' own chunks stay what they are). The real chunks are in every
store too, so the gold questions still have their answers. For each size, and for the embedded store and
a `chroma run` server: full-answer p50/p95 through AnswerService (BM25, dense search, rerank, compose),
the BM25 index's load time, the store's size on disk and the process's resident memory.
"""

from __future__ import annotations

import time
from contextlib import nullcontext
from pathlib import Path

import numpy as np

from ingest.settings import Settings

SIZES = (10_000, 100_000)
QUICK_SIZES = (2_000, 10_000)
WRITE_BATCH = 2_000
DOC_CHUNKS = 40  # synthetic chunks per synthetic document


def _pct(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 2) if values else 0.0


def rss_mb() -> float:
    """Resident memory now (not the peak: the peak of a run that built the bigger store would mask growth)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        import os

        return round(pages * os.sysconf("SC_PAGE_SIZE") / 1e6, 1)
    except (OSError, ValueError):
        import resource

        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def folder_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6, 2) if path.exists() else 0.0


def read_base(source: Settings) -> tuple[list[str], list[str], list[dict], np.ndarray]:
    """Every chunk of the source store, with its vector."""
    from ingest.pipeline import open_store

    collection = open_store(source, create=False).collection
    ids, texts, metas, vectors = [], [], [], []
    for offset in range(0, collection.count(), 2000):
        got = collection.get(include=["documents", "metadatas", "embeddings"], limit=2000, offset=offset)
        ids += got["ids"]
        texts += got["documents"]
        metas += got["metadatas"]
        vectors.append(np.asarray(got["embeddings"], dtype=np.float32))
    return ids, texts, metas, np.concatenate(vectors)


def synthetic_batch(texts: list[str], vectors: np.ndarray, start: int, n: int,
                    rng: np.random.Generator) -> tuple[list[str], list[str], list[dict], np.ndarray]:
    i, j = rng.integers(0, len(texts), n), rng.integers(0, len(texts), n)
    mixed = vectors[i] + vectors[j]
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    docs = [texts[a][:len(texts[a]) // 2] + texts[b][len(texts[b]) // 2:] for a, b in zip(i, j, strict=True)]
    ids, metas = [], []
    for k in range(n):
        number = start + k
        doc = number // DOC_CHUNKS
        ids.append(f"synthetic-{doc}:{number}")
        metas.append({"doc_id": f"synthetic-{doc}", "doc_sha256": "", "title": f"Synthetic policy {doc}",
                      "short": "", "kind": "document", "authority": 5, "status": "in-force", "language": "zh",
                      "source": f"synthetic-{doc}.txt", "locator": f"part {number % DOC_CHUNKS + 1}", "start": 0,
                      "end": len(docs[k]), "article": -1, "page": -1, "part": number % DOC_CHUNKS,
                      "heading_path": "", "translation_of": "", "effective": ""})
    return ids, docs, metas, mixed


def build_store(target: Settings, base: tuple, size: int, seed: int = 7) -> float:
    """A store of ``size`` chunks (the real ones plus synthetic ones); returns the seconds it took."""
    from ingest.pipeline import open_store

    started = time.perf_counter()
    ids, texts, metas, vectors = base
    target.store.mkdir(parents=True, exist_ok=True)  # the BM25 sidecar is kept here, for a server store too
    store = open_store(target)
    store.drop()
    store = open_store(target)
    collection = store.collection
    for start in range(0, len(ids), WRITE_BATCH):
        collection.add(ids=ids[start:start + WRITE_BATCH], documents=texts[start:start + WRITE_BATCH],
                       metadatas=metas[start:start + WRITE_BATCH], embeddings=vectors[start:start + WRITE_BATCH])
    rng = np.random.default_rng(seed)
    for start in range(0, max(0, size - len(ids)), WRITE_BATCH):
        n = min(WRITE_BATCH, size - len(ids) - start)
        s_ids, s_docs, s_metas, s_vectors = synthetic_batch(texts, vectors, start, n, rng)
        collection.add(ids=s_ids, documents=s_docs, metadatas=s_metas, embeddings=s_vectors)
    store.bump_generation()
    store.lexical(max_age_s=0)  # build and save the BM25 sidecar, as ingest does
    return time.perf_counter() - started


def measure(target: Settings, questions: list[str]) -> dict:
    """BM25 load time (from its saved sidecar) and full-answer latencies in this process."""
    from ingest.lexical import LexicalIndex
    from retrieval.service import AnswerService

    started = time.perf_counter()
    if LexicalIndex.load(target.bm25_dir) is None:
        raise RuntimeError(f"no BM25 index saved in {target.bm25_dir}")
    bm25_load_s = time.perf_counter() - started
    service = AnswerService(target)
    opened = time.perf_counter()
    service.answer(questions[0])  # opens the sidecar, warms the caches
    first_answer_s = time.perf_counter() - opened
    latencies = []
    for question in questions:
        began = time.perf_counter()
        service.answer(question)
        latencies.append((time.perf_counter() - began) * 1000)
    return {"answer_p50_ms": _pct(latencies, 50), "answer_p95_ms": _pct(latencies, 95),
            "bm25_load_s": round(bm25_load_s, 3), "first_answer_s": round(first_answer_s, 2),
            "rss_mb": rss_mb(), "questions": len(questions)}


def run_scale(settings: Settings, out: Path, questions: list[str], sizes=SIZES, server: bool = True) -> list[dict]:
    """Rows of {store, chunks, answer_p50_ms, answer_p95_ms, bm25_load_s, store_mb, rss_mb, build_s}."""
    from evals.chroma_server import chroma_server

    base = read_base(settings)
    rows: list[dict] = []
    backends = [("embedded", None)] + ([("server", out / "scale-server-data")] if server else [])
    for backend, data in backends:
        context = chroma_server(data) if data is not None else nullcontext(None)
        with context as port:
            for size in sizes:
                folder = out / "scale" / f"{backend}-{size}"
                target = settings.model_copy(update={
                    "store": folder, "collection": "scale", "chroma_host": "127.0.0.1" if port else None,
                    "chroma_port": port or settings.chroma_port})
                build_s = build_store(target, base, size)
                row = {"store": backend, "chunks": max(size, len(base[0])), "build_s": round(build_s, 1),
                       **measure(target, questions)}
                # the server's data folder holds one collection at a time: each size drops the last
                row["store_mb"] = folder_mb(folder) + (folder_mb(data) if data is not None else 0.0)
                rows.append(row)
                print(f"  scale {backend} {row['chunks']}: answer p50 {row['answer_p50_ms']} ms, "
                      f"p95 {row['answer_p95_ms']} ms, BM25 load {row['bm25_load_s']} s, "
                      f"{row['store_mb']} MB, RSS {row['rss_mb']} MB", flush=True)
    return rows


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(13, 4))
    for backend in sorted({r["store"] for r in rows}):
        mine = [r for r in rows if r["store"] == backend]
        sizes = [r["chunks"] for r in mine]
        axes[0].plot(sizes, [r["answer_p50_ms"] for r in mine], marker="o", label=f"{backend} p50")
        axes[0].plot(sizes, [r["answer_p95_ms"] for r in mine], marker="o", linestyle="--", label=f"{backend} p95")
        axes[1].plot(sizes, [r["bm25_load_s"] for r in mine], marker="o", label=backend)
        axes[2].plot(sizes, [r["rss_mb"] for r in mine], marker="o", label=f"{backend} RSS")
        axes[2].plot(sizes, [r["store_mb"] for r in mine], marker="s", linestyle=":", label=f"{backend} on disk")
    for ax, title, unit in zip(axes, ("full answer latency", "BM25 index load", "memory and disk"),
                               ("ms", "s", "MB"), strict=True):
        ax.set_xscale("log")
        ax.set_xlabel("chunks in the store")
        ax.set_ylabel(unit)
        ax.set_title(title)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def markdown(rows: list[dict], command: str) -> str:
    lines = ["# LexCite scale benchmark", "", f"Command: `{command}`", "",
             "| store | chunks | answer p50 ms | answer p95 ms | BM25 load s | first answer s | store MB | RSS MB |",
             "|---|---|---|---|---|---|---|---|"]
    lines += [f"| {r['store']} | {r['chunks']} | {r['answer_p50_ms']} | {r['answer_p95_ms']} | {r['bm25_load_s']} | "
              f"{r['first_answer_s']} | {r['store_mb']} | {r['rss_mb']} |" for r in rows]
    lines += ["", "Synthetic chunks join halves of two real chunks (vector: the normalised mean of theirs); the real "
              "chunks are in every store. Latency is the whole answer (AnswerService.answer), warm. "
              "![scale](scale_answer.png)"]
    return "\n".join(lines)
