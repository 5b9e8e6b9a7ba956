"""`lexcite train-off-topic`: learn whether a question is about the corpus' field (retrieval/topic.py).

The field's questions are every question of the gold-format sets given that is not off-topic (near misses
included: they are about the field, the corpus just does not answer them) and the field asked in everyday words
(evals/data/in_domain_plain_questions.txt); the general questions are the sets'
off-topic ones and the list of everyday questions in evals/data/off_domain_questions.txt (sport, weather,
cooking, IT how-to; many sharing words with the law on purpose: "penalty shoot-out", "fine weather", "data plan").
Features: the question's e5 vector, its counts of words of the field and of words naming a subject of it, and the share of its words the store lacks
(retrieval/topic.py, over the store the trainer is given: the reference corpus). A logistic regression (scikit-learn)
learns the weights; the threshold is chosen on out-of-fold probabilities, as the lowest that screens out no more
than the allowed share of the field's answerable questions that name no law (the only ones the screen reads)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from evals.gold_check import load_gold
from evals.metrics import facts_correct
from retrieval.query import analyse
from retrieval.rules.asks import domain_terms, subject_terms, weakly_on_topic
from retrieval.topic import MAX_TERMS, TOPIC_MODEL_PATH, unseen_shares

if TYPE_CHECKING:
    from ingest.embedding import LexCiteEmbeddings

GENERAL_QUESTIONS = Path(__file__).parent / "data" / "off_domain_questions.txt"
# the field asked about in everyday words ("can my boss read my work emails", 孩子玩游戏每天最多几个小时): the
# sets' questions are written like a lawyer's, and a model that saw only those would call plain ones off-topic
PLAIN_FIELD_QUESTIONS = Path(__file__).parent / "data" / "in_domain_plain_questions.txt"
SPACE = "intfloat/multilingual-e5-small"


@dataclass(frozen=True)
class Labelled:
    question: str
    off_topic: bool
    answerable: bool = False
    facts: tuple[tuple[str, ...], ...] = ()  # the gold's figures, each in its accepted forms (none: not known)


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def labelled(sets: list[Path], general: Path = GENERAL_QUESTIONS,
             plain: Path = PLAIN_FIELD_QUESTIONS) -> list[Labelled]:
    rows = [Labelled(g["question"], g.get("type") == "offtopic", bool(g.get("answerable", True)),
                     tuple(tuple(forms) for forms in g.get("facts") or ()))
            for path in sets for g in load_gold(path)]
    return rows + [Labelled(q, True) for q in _lines(general)] + [Labelled(q, False, True) for q in _lines(plain)]


def feature_matrix(embedder: LexCiteEmbeddings, rows: list[Labelled], vocabulary: Mapping[str, float]) -> np.ndarray:
    vectors = np.vstack([embedder.encode_query(r.question) for r in rows])
    terms = np.array([[min(len(domain_terms(r.question)), MAX_TERMS), min(len(subject_terms(r.question)), MAX_TERMS)]
                      for r in rows], dtype=np.float32)
    return np.hstack([vectors, terms, np.array([unseen_of(r.question, vocabulary) for r in rows], dtype=np.float32)])


def unseen_of(question: str, vocabulary: Mapping[str, float]) -> tuple[float, float]:
    """The shares of the question's words the store lacks, read as the service reads them (retrieval/service.py)."""
    analysis = analyse(question)
    return unseen_shares(analysis.topic_tokens, vocabulary, analysis.glossary_tokens)


def choose_threshold(chances: np.ndarray, rows: list[Labelled], max_false: float) -> tuple[float, dict]:
    """The lowest threshold that screens out at most ``max_false`` of the field's answerable screenable
    questions, with what it screens out of each kind on the held-out folds. A near miss screened out abstains
    as it should, with another reason."""
    screenable = np.array([weakly_on_topic(r.question) for r in rows])
    field = np.array([r.answerable and not r.off_topic for r in rows]) & screenable
    general = np.array([r.off_topic for r in rows])
    allowed = int(max_false * field.sum())
    kept = np.sort(chances[field])[::-1]
    threshold = float(kept[allowed] + 1e-4) if allowed < len(kept) else 0.5
    caught = general & (chances >= threshold)
    refused = field & (chances >= threshold)
    return round(threshold, 4), {"general_screened": f"{int(caught.sum())}/{int(general.sum())}",
                                 "field_screened": f"{int(refused.sum())}/{int(field.sum())}"}


# the answer check's candidate thresholds: the topic model's probability, the passage's topical support
CHECK_CHANCES = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
CHECK_SUPPORTS = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2)
CHECK_MAX_FIELD = 0.15  # share of the field's answered questions in the doubted band the check may refuse
# the support under which an answer stating a figure is refused on the lower probability (1.1: any support)
CHECK_FIGURE_SUPPORTS = (0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.1)
# the same for an answer stating no figure, a quote only (1.1: any support)
CHECK_QUOTE_SUPPORTS = (0.1, 0.15, 0.2, 0.25, 0.3, 1.1)


def choose_answer_check(chances: np.ndarray, rows: list[Labelled], threshold: float,
                        support_of: Callable[[str, float], tuple | None]) -> dict:
    """The answer check (rule off_topic_answer) for the questions the screen lets through with some doubt (a
    held-out probability from the lowest candidate up to the screen's threshold): answered (``support_of`` gives,
    for the question read with its held-out probability, the topical support of the passage the answer is composed
    from, whether the answer states a figure and, optionally, the answer's text; None when it abstains anyway),
    which pair of thresholds refuses the most general questions while refusing at most CHECK_MAX_FIELD of the
    field's answerable ones, together with the probability from which, and the support under which, an answer
    stating a figure is refused, and the same pair for an answer stating no figure (a quote only)? A field answer
    known wrong (its text lacks a figure of the gold) costs nothing refused: refusing it is no false abstention.
    Ties go to the higher probabilities, then the lower supports: the check that fires least."""
    screenable = [weakly_on_topic(r.question) for r in rows]
    band = [(r, float(p)) for r, p, s in zip(rows, chances, screenable, strict=True)
            if s and CHECK_CHANCES[0] <= p < threshold and (r.off_topic or r.answerable)]
    answered = [(r, p, *read[:2], read[2] if len(read) > 2 else None) for r, p in band
                if (read := support_of(r.question, p)) is not None]
    field = [(p, sup, fig) for r, p, sup, fig, text in answered if not r.off_topic and not _known_wrong(r, text)]
    general = [(p, sup, fig) for r, p, sup, fig, _ in answered if r.off_topic]
    allowed = int(CHECK_MAX_FIELD * len(field))
    def caught(rows_: list[tuple[float, float, bool]], chance: float, support: float, figure: float = 1.1,
               figure_support: float = 1.1, quote: float = 1.1, quote_support: float = 1.1) -> int:
        return sum(1 for p, sup, fig in rows_
                   if (p >= chance and sup < support) or (fig and p >= figure and sup < figure_support)
                   or (not fig and p >= quote and sup < quote_support))

    best = max(((caught(general, *check), *_preference(check)) for check in _candidate_checks()
                if caught(field, *check) <= allowed), default=(0, *_preference(_NEVER)))
    check = _preference(best[1:])  # its own inverse: the check itself
    return {**dict(zip(_CHECK_FIELDS, check, strict=True)), "held_out_folds": {
        "general_refused": f"{caught(general, *check)}/{len(general)}",
        "field_refused": f"{caught(field, *check)}/{len(field)}"}}


def _known_wrong(row: Labelled, answer: str | None) -> bool:
    return bool(row.facts) and answer is not None and not facts_correct([list(f) for f in row.facts], answer)


_CHECK_FIELDS = ("chance", "support", "figure_chance", "figure_support", "quote_chance", "quote_support")
_NEVER = (1.1, 0.0, 1.1, 1.1, 1.1, 1.1)


def _candidate_checks():
    return itertools.product(CHECK_CHANCES, CHECK_SUPPORTS, (*CHECK_CHANCES, 1.1), CHECK_FIGURE_SUPPORTS,
                             (*CHECK_CHANCES, 1.1), CHECK_QUOTE_SUPPORTS)


def _preference(check: tuple[float, ...]) -> tuple[float, ...]:
    """The order ties are broken in, after the general questions caught: the higher probabilities, then the lower
    supports (the check that fires least). Negating the supports is its own inverse."""
    chance, support, figure, figure_support, quote, quote_support = check
    return chance, -support, figure, -figure_support, quote, -quote_support


def train_off_topic(embedder: LexCiteEmbeddings, sets: list[Path], vocabulary: Mapping[str, float],
                    out: Path = TOPIC_MODEL_PATH, max_false: float = 0.0, c: float = 0.1,
                    support_of: Callable[[str, float], tuple[float, bool] | None] | None = None) -> dict:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    rows = labelled(sets)
    x = feature_matrix(embedder, rows, vocabulary)
    y = np.array([r.off_topic for r in rows], dtype=int)
    # standardised: the vector's 384 small components and the counts and shares then weigh alike under the
    # penalty (unscaled, the penalty starved the vector: 192 of 360 general questions screened out of fold,
    # against 281 scaled, both with no answerable field question screened)
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, class_weight="balanced", max_iter=5000))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    chances = cross_val_predict(model, x, y, cv=folds, method="predict_proba")[:, 1]
    threshold, held_out = choose_threshold(chances, rows, max_false)
    check = choose_answer_check(chances, rows, threshold, support_of) if support_of else None
    model.fit(x, y)
    weights, bias = _unscaled(model)
    record = {"space": SPACE, "weights": [round(float(w), 6) for w in weights[:-4]],
              "term_weight": round(float(weights[-4]), 6), "subject_weight": round(float(weights[-3]), 6),
              "unseen_weights": [round(float(w), 6) for w in weights[-2:]], "bias": round(bias, 6),
              "threshold": threshold, "held_out_folds": held_out, "c": c,
              **({"answer_check": check} if check else {}),
              "trained_on": ", ".join([p.name for p in sets] + [GENERAL_QUESTIONS.name, PLAIN_FIELD_QUESTIONS.name]),
              "examples": {"field": int((y == 0).sum()), "general": int(y.sum())}, "date": date.today().isoformat()}
    out.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return {k: v for k, v in record.items() if k != "weights"}


def _unscaled(model) -> tuple[np.ndarray, float]:
    """The weights and bias of a standardise-then-regress pipeline over the raw features, so the shipped model
    is one dot product: w·(x − μ)/σ + b = (w/σ)·x + (b − Σ w·μ/σ)."""
    scaler, regression = model.steps[0][1], model.steps[-1][1]
    weights = regression.coef_[0] / scaler.scale_
    return weights, float(regression.intercept_[0] - np.dot(weights, scaler.mean_))
