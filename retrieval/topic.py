"""Whether a question is about the corpus' field at all, learned rather than listed: a logistic regression over
the question's e5 vector and the count of words of the field it uses, trained (`lexcite train-off-topic`,
evals/off_topic.py) on the field's own questions against general ones. The weights live in
retrieval/data/topic_model.json with the threshold chosen on held-out folds; they apply only to the vector space
they were learned in (multilingual-e5-small, whichever engine runs it)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

TOPIC_MODEL_PATH = Path(__file__).with_name("data") / "topic_model.json"
MAX_TERMS = 3  # beyond three words of the field, more say nothing new


class TopicModelError(ValueError):
    pass


@dataclass(frozen=True)
class TopicModel:
    space: str  # the model id prefix of the vectors the weights were learned on
    weights: np.ndarray  # one per vector dimension
    term_weight: float  # per word of the field (capped at MAX_TERMS)
    bias: float
    threshold: float  # the off-topic probability at and above which a question is screened out
    trained_on: str = ""

    def applies_to(self, model_id: str) -> bool:
        return bool(self.space) and model_id.startswith(self.space)

    def off_topic_probability(self, vector: np.ndarray, field_terms: int) -> float:
        z = float(np.dot(self.weights, vector)) + self.term_weight * min(field_terms, MAX_TERMS) + self.bias
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@lru_cache(maxsize=2)
def load_topic_model(path: Path = TOPIC_MODEL_PATH) -> TopicModel | None:
    """The shipped model, or None without a file (then only the list of the field's words screens)."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return TopicModel(space=data["space"], weights=np.asarray(data["weights"], dtype=np.float32),
                          term_weight=float(data["term_weight"]), bias=float(data["bias"]),
                          threshold=float(data["threshold"]), trained_on=data.get("trained_on", ""))
    except (KeyError, TypeError, ValueError) as exc:
        raise TopicModelError(f"{path}: not a topic model ({exc}); refit it with `lexcite train-off-topic`") from exc
