"""Fault injection for crash tests: ``LEXCITE_FAULT=STEP`` (or ``STEP@N`` for the N-th time the step is
reached) ends the process at once with exit code 75 at that named step of a write, as ``kill -9`` would.

Steps of ingest, in order, for each document that writes anything:
``before_vectors`` (chunked, nothing written), ``mid_vectors`` (the first batch of vectors written),
``after_vectors`` (every new vector written, stale ones not yet deleted), ``after_stale`` (stale chunks
deleted, generation not yet bumped), ``after_generation`` (the document committed, BM25 not yet saved);
then once per run ``bm25_part_written`` (the sidecar's temporary file written, not yet renamed) and
``after_bm25`` (everything written).
"""

from __future__ import annotations

import os
import sys

ENV = "LEXCITE_FAULT"
EXIT_CODE = 75
STEPS = ("before_vectors", "mid_vectors", "after_vectors", "after_stale", "after_generation",
         "bm25_part_written", "after_bm25")
_seen: dict[str, int] = {}


def checkpoint(step: str) -> None:
    """End the process here if LEXCITE_FAULT names this step (and occurrence)."""
    wanted = os.environ.get(ENV)
    if not wanted:
        return
    name, _, nth = wanted.partition("@")
    if name != step:
        return
    _seen[step] = _seen.get(step, 0) + 1
    if _seen[step] != (int(nth) if nth else 1):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_CODE)
