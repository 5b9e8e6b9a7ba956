"""`lexcite train-confidence`: learn the weights that turn an answer's features into a confidence, on the gold's
dev split, and choose the abstention threshold on blind questions.

Each answered dev question is one example: label 1 when the answer holds the gold facts, 0 when it is wrong or
answers a question the corpus cannot answer. A logistic regression (scikit-learn, deterministic) learns the weights;
the threshold is the highest that keeps false abstentions on the calibration set at or under the allowed share
of its answerable questions. The result is a small JSON file shipped with the product."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from evals.gold_check import load_gold
from evals.metrics import facts_correct
from retrieval.decide import FEATURES, MODEL_PATH, ConfidenceModel

if TYPE_CHECKING:
    from retrieval.service import AnswerService


@dataclass(frozen=True)
class Example:
    features: dict[str, float]
    answerable: bool
    correct: bool  # the answer holds the facts (answerable) — unanswerable ones are never correct when answered


def examples(service: AnswerService, gold: list[dict]) -> list[Example]:
    """The answered questions, with the confidence gate off, so every answer's features are seen."""
    from retrieval.service import Options

    out = []
    for g in gold:
        answer = service.answer(g["question"], Options(without=("confidence",)))
        if answer.abstained or not answer.features:
            continue
        answerable = bool(g.get("answerable", True))
        correct = answerable and facts_correct(g["facts"], answer.text)
        out.append(Example(answer.features, answerable, correct))
    return out


def examples_from_entries(entries: list[dict], system: str = "lexcite") -> list[Example]:
    """The same examples, read from an eval's per-question entries (results.json) instead of answering again."""
    out = []
    for e in entries:
        got = e["systems"][system]
        if got["abstained"] or not got.get("features"):
            continue
        out.append(Example(got["features"], bool(e["answerable"]), bool(e["answerable"] and got.get("fact_correct"))))
    return out


def fit(train: list[Example], c: float = 1.0) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    names = [f for f in FEATURES if f != "bias"]
    x = [[e.features.get(f, 0.0) for f in names] for e in train]
    y = [int(e.correct) for e in train]
    model = LogisticRegression(C=c, max_iter=2000, solver="lbfgs").fit(x, y)
    weights = {"bias": float(model.intercept_[0])}
    weights.update({f: float(w) for f, w in zip(names, model.coef_[0], strict=True)})
    return weights


def choose_threshold(scored: list[tuple[float, Example]], answerable_total: int, max_false: float) -> float:
    """The highest threshold whose newly refused correct answers stay within ``max_false`` of the answerable
    questions (those already abstained on count against the same budget, by the caller)."""
    allowed = int(max_false * answerable_total)
    best = 0.0
    for threshold in sorted({round(p, 4) for p, _ in scored}):
        lost = sum(1 for p, e in scored if e.correct and p < threshold)
        if lost <= allowed:
            best = threshold
    return best


def train(service: AnswerService, dev_gold: Path, calibration: list[Path], out: Path = MODEL_PATH,
          max_false: float = 0.01) -> dict:
    """Answer the dev split and the calibration sets, then fit and choose (see ``fit_and_choose``)."""
    dev = [g for g in load_gold(dev_gold) if g.get("split") == "dev"]
    calib_gold = [g for path in calibration for g in load_gold(path)]
    dev_examples = examples(service, dev)
    groups = [(examples(service, calib_gold), sum(1 for g in calib_gold if g.get("answerable", True))),
              (dev_examples, sum(1 for g in dev if g.get("answerable", True)))]
    return fit_and_choose(dev_examples, groups, out, max_false, f"{dev_gold.name} split dev ({len(dev)} questions)",
                          ", ".join(p.name for p in calibration) + " and dev")


def fit_and_choose(train_set: list[Example], calib: list[tuple[list[Example], int]], out: Path,
                   max_false: float, trained_on: str, calibrated_on: str) -> dict:
    """Fit the weights on ``train_set`` (the blind calibration answers join it: the gold alone holds too few
    wrong answers to learn from), and choose the threshold that keeps every calibration group (its answered
    examples, its count of answerable questions) within the false-abstention budget."""
    weights = fit(train_set + [e for examples_, _ in calib for e in examples_])
    model = ConfidenceModel(weights, 0.0)
    groups = [([(model.confidence(e.features), e) for e in examples_], answerable) for examples_, answerable in calib]
    threshold = min(choose_threshold(scored, answerable, max_false) for scored, answerable in groups)
    scored = [item for group, _ in groups for item in group]
    record = {"weights": {k: round(v, 6) for k, v in weights.items()}, "threshold": threshold,
              "trained_on": f"{trained_on} and {calibrated_on}; threshold: the highest keeping each of "
                            f"{calibrated_on} within {max_false:.0%} false abstentions",
              "calibration": {"answered": len(scored),
                              "near_misses_caught": sum(1 for p, e in scored if not e.answerable and p < threshold),
                              "wrong_answers_caught": sum(1 for p, e in scored
                                                          if e.answerable and not e.correct and p < threshold),
                              "right_answers_refused": sum(1 for p, e in scored if e.correct and p < threshold)},
              "date": date.today().isoformat()}
    out.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    return record


def train_from_results(results: list[Path], calibration: list[Path], out: Path = MODEL_PATH,
                       max_false: float = 0.01) -> dict:
    """The same from eval results already written (results.json of `lexcite eval`, or per-set files): the gold's
    dev entries train; the threshold is chosen on the calibration sets and on the dev split itself, so that it
    refuses no more right answers there than the budget allows."""
    entries = [e for path in results for e in _entries(json.loads(path.read_text(encoding="utf-8")))]
    calib_ids = {g["id"] for path in calibration for g in load_gold(path)}
    dev = [e for e in entries if e["split"] == "dev" and e["id"] not in calib_ids]
    calib = [e for e in entries if e["id"] in calib_ids]
    groups = [(examples_from_entries(calib), sum(1 for e in calib if e["answerable"])),
              (examples_from_entries(dev), sum(1 for e in dev if e["answerable"]))]
    return fit_and_choose(examples_from_entries(dev), groups[:1] + groups[1:], out, max_false,
                          f"gold split dev ({len(dev)} questions)", ", ".join(p.name for p in calibration) + " and dev")


def _entries(results: dict) -> list[dict]:
    return results["questions"] + [e for entries in results.get("blind_questions", {}).values() for e in entries]
