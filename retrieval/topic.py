"""Whether a question is about the corpus' field at all, learned rather than listed: a logistic regression over
the question's e5 vector, the count of words of the field it uses and the share of its words the store never uses
(positive evidence: "the penalty for a false start in the Olympic 100m" uses field words, but "olympic", "start"
and "100m" are nowhere in a corpus of data law), trained (`lexcite train-off-topic`,
evals/off_topic.py) on the field's own questions against general ones. The weights live in
retrieval/data/topic_model.json with the threshold chosen on held-out folds; they apply only to the vector space
they were learned in (multilingual-e5-small, whichever engine runs it)."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ingest.normalise import is_cjk

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
    # per share (0..1) of the question's Latin words and of its Chinese characters the store lacks
    unseen_weights: tuple[float, float] = (0.0, 0.0)
    # per word naming a subject of the field (data, an app, an ID card; capped at MAX_TERMS), as against the frame
    # every field of law shares (a fine, a deadline, a department), which the words of the field also count
    subject_weight: float = 0.0
    # the answer check (rule off_topic_answer): a question the model doubts (probability at or over the first)
    # answered from a passage that speaks to less of it than the second (topical support) is about nothing the
    # corpus holds; chosen on held-out folds by `lexcite train-off-topic`. By default it never fires.
    answer_check: tuple[float, float] = (1.1, 0.0)
    # and a figure given for a question the model doubts at least this much (the field's figure questions are
    # the ones it doubts least: "how long is a trademark registration valid" answered with an assessment's 3 years),
    # from a passage speaking to less of the question than figure_support (1.1: however much it speaks to)
    figure_chance: float = 1.1
    figure_support: float = 1.1
    # and an answer stating no figure (a quote only: the weakest evidence it answers) for a question the model
    # doubts at least this much, from a passage speaking to less of the question than quote_support (1.1: however
    # much it speaks to)
    quote_chance: float = 1.1
    quote_support: float = 1.1

    def doubts(self, chance: float) -> bool:
        """Whether a question the model gives this off-topic probability is one it doubts: at or over the answer
        check's probability (a model without an answer check doubts every question)."""
        return self.answer_check[0] > 1.0 or chance >= self.answer_check[0]

    def applies_to(self, model_id: str) -> bool:
        return bool(self.space) and model_id.startswith(self.space)

    def off_topic_probability(self, vector: np.ndarray, field_terms: int,
                              unseen: tuple[float, float] = (0.0, 0.0), subject_terms: int = 0) -> float:
        z = float(np.dot(self.weights, vector)) + self.term_weight * min(field_terms, MAX_TERMS) + self.bias \
            + self.subject_weight * min(subject_terms, MAX_TERMS) \
            + sum(w * share for w, share in zip(self.unseen_weights, unseen, strict=True))
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
                          threshold=float(data["threshold"]), trained_on=data.get("trained_on", ""),
                          unseen_weights=tuple(float(w) for w in data.get("unseen_weights", (0.0, 0.0))),
                          subject_weight=float(data.get("subject_weight", 0.0)),
                          **_answer_check(data.get("answer_check")))
    except (KeyError, TypeError, ValueError) as exc:
        raise TopicModelError(f"{path}: not a topic model ({exc}); refit it with `lexcite train-off-topic`") from exc


def _answer_check(spec: dict | None) -> dict:
    """The answer check's fields of TopicModel, from the file's "answer_check" table (none: it never fires)."""
    if not spec:
        return {}
    return {"answer_check": (float(spec["chance"]), float(spec["support"])),
            "figure_chance": float(spec.get("figure_chance", 1.1)),
            "figure_support": float(spec.get("figure_support", 1.1)),
            "quote_chance": float(spec.get("quote_chance", 1.1)),
            "quote_support": float(spec.get("quote_support", 1.1))}


def _is_cjk(text: str) -> bool:
    return all(is_cjk(c) for c in text)


def unseen_words(tokens: set[str], vocabulary: Mapping[str, float], known: set[str] = frozenset()) -> float:
    """The share of the question's Latin words (three letters or more) that no stored passage uses and the
    glossary does not know: "olympic", "goalkeeper" in a corpus of data law. 0 without such words."""
    words = [t for t in tokens if len(t) >= 3 and any(c.isascii() and c.isalpha() for c in t)]
    if not words:
        return 0.0
    return sum(1 for t in words if t not in vocabulary and t not in known) / len(words)


def unseen_characters(tokens: set[str], vocabulary: Mapping[str, float], known: set[str] = frozenset()) -> float:
    """The share of the question's Chinese characters that belong to no bigram a stored passage uses (or the
    glossary knows). Characters, not bigrams: the bigrams that straddle two words are unseen in any corpus."""
    characters = {t for t in tokens if len(t) == 1 and _is_cjk(t)}
    if not characters:
        return 0.0
    seen = {c for t in tokens if len(t) == 2 and _is_cjk(t) and (t in vocabulary or t in known) for c in t}
    return sum(1 for c in characters if c not in seen) / len(characters)


def unseen_shares(tokens: set[str], vocabulary: Mapping[str, float], known: set[str] = frozenset()) \
        -> tuple[float, float]:
    """Both shares, Latin words first: what the topic model and the confidence read."""
    return unseen_words(tokens, vocabulary, known), unseen_characters(tokens, vocabulary, known)
