"""Whether a store built with one encoder may be read with another: only when their vectors are shown
equivalent, on the store's own passages and a few questions, by cosine similarity.

The check's result is recorded in the store (collection metadata), so it runs once per pair of encoders,
and a store read with an encoder that is not equivalent is refused with the command that rebuilds it.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

import numpy as np

from ingest.embedder import LexCiteEmbeddings, embedder_for_model_id

EQUIVALENT_COSINE = 0.999
PROBE_QUESTIONS = ("What is the maximum fine under the PIPL for a serious violation?",
                   "个人信息出境需要通过哪些安全评估？", "When must a data breach be reported?")


@dataclass(frozen=True)
class EquivalenceCheck:
    built_with: str
    read_with: str
    texts: int
    min_cosine: float
    mean_cosine: float
    threshold: float
    checked_at: str

    @property
    def equivalent(self) -> bool:
        return self.min_cosine >= self.threshold

    def to_dict(self) -> dict:
        return {**asdict(self), "equivalent": self.equivalent}


def cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a = a / np.linalg.norm(a, axis=1, keepdims=True)
    b = b / np.linalg.norm(b, axis=1, keepdims=True)
    return (a * b).sum(axis=1)


def compare(built: LexCiteEmbeddings, reading: LexCiteEmbeddings, passages: list[str]) -> EquivalenceCheck:
    """Both encoders on the same passages and probe questions; the worst cosine decides."""
    values = np.concatenate([
        cosines(built.encode_passages(passages), reading.encode_passages(passages)),
        cosines(np.stack([built.encode_query(q) for q in PROBE_QUESTIONS]),
                np.stack([reading.encode_query(q) for q in PROBE_QUESTIONS]))])
    return EquivalenceCheck(built.model_id, reading.model_id, len(passages) + len(PROBE_QUESTIONS),
                            round(float(values.min()), 6), round(float(values.mean()), 6), EQUIVALENT_COSINE,
                            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))


def check_against(reading: LexCiteEmbeddings, built_with: str, passages: list[str]) -> EquivalenceCheck | None:
    """The check of ``reading`` against the encoder named ``built_with``; None when that encoder is not
    installed here (or has another dimension), so nothing can be shown."""
    built = embedder_for_model_id(built_with)
    if built is None or built.dim != reading.dim:
        return None
    return compare(built, reading, passages)
