"""The last stage of answering: whether to give the composed answer, and how sure it is.

A question about nothing the corpus covers abstains before any search (rule ``off_topic``), or once composed when
the topic model doubts it and the passage speaks to little of it (rule ``off_topic_answer``). A composed answer
gets a confidence from a logistic model over the features of the sentence chosen (its score, how much of the
question it covers, the passage's similarity, whether it states a figure of the kind asked, the source's rank)
with weights learned on the gold's dev split (`lexcite train-confidence`, retrieval/data/confidence.json). Below
the threshold chosen on blind questions (a higher one for an answer stating a figure), the answer abstains and says
how sure it was. An answer stating no figure, only a quote, must also clear a second model learned on such answers
alone (rule ``quote_confidence``): a quote is the weakest evidence an answer gives, and the first model, learned
mostly on figures, lets through quotes about something else ("Can a child appear in an advert?" answered with the
guardian's duty to teach a minor about personal information)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from retrieval.compose import STATUTE_AUTHORITY, Composition, abstain
from retrieval.laws import with_versions
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.asks import domain_terms, off_topic, subject_terms, weakly_on_topic
from retrieval.rules.registry import cues, enabled
from retrieval.topic import TopicModel, load_topic_model

MODEL_PATH = Path(__file__).with_name("data") / "confidence.json"
FEATURES = ("bias", "score", "coverage", "support", "dense", "rerank", "figure_asked", "figure_found",
            "key_figure", "statute", "in_named_law", "names_law", "domain_terms", "secondary_only", "unseen_words",
            "unseen_characters", "off_topic")
OFF_TOPIC = "The question is not about data-protection or cybersecurity law: the corpus holds nothing on it."
OFF_TOPIC_ZH = "这个问题与数据保护和网络安全法律无关，语料库中没有相关内容。"
# a question naming a subject of the field (an ID card, a camera, an app) is not told it is outside the field
UNANSWERED = "No passage found speaks to what the question asks."
UNANSWERED_ZH = "找到的段落都没有谈到问题所问的内容。"


@dataclass(frozen=True)
class ConfidenceModel:
    weights: dict[str, float]
    threshold: float
    trained_on: str = ""
    # the threshold for an answer stating a figure, chosen on those answers alone: a wrong figure is the costliest
    # error, and a threshold shared with quotes is held down by the right quotes that score low
    figure_threshold: float | None = None
    # the second model an answer stating no figure must clear: weights learned on the quotes the first model lets
    # through, its threshold chosen on out-of-fold predictions (None: no second model)
    quote_weights: dict[str, float] | None = None
    quote_threshold: float = 0.0

    def threshold_for(self, key_figure: bool) -> float:
        """The threshold an answer must reach: the figure threshold for one stating a figure, when it is higher."""
        if key_figure and self.figure_threshold is not None:
            return max(self.threshold, self.figure_threshold)
        return self.threshold

    def confidence(self, features: dict[str, float]) -> float:
        return _logistic(self.weights, features)

    def quote_confidence(self, features: dict[str, float]) -> float | None:
        """The second model's confidence in an answer stating no figure; None without a second model."""
        return None if self.quote_weights is None else _logistic(self.quote_weights, features)


def _logistic(weights: dict[str, float], features: dict[str, float]) -> float:
    z = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


class ModelError(ValueError):
    pass


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> ConfidenceModel:
    """The shipped weights; without a file every answer is as sure as its rules made it (confidence 1)."""
    if not path.is_file():
        return ConfidenceModel({"bias": 30.0}, 0.0, "none")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        figure, quote = data.get("figure_threshold"), data.get("quote")
        return ConfidenceModel({k: float(v) for k, v in data["weights"].items()}, float(data["threshold"]),
                               data.get("trained_on", ""), None if figure is None else float(figure),
                               None if quote is None else {k: float(v) for k, v in quote["weights"].items()},
                               0.0 if quote is None else float(quote["threshold"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{path}: not a confidence model ({exc}); retrain it with `lexcite train-confidence`") \
            from exc


def off_topic_chance(analysis: QueryAnalysis, vector: np.ndarray, topic: TopicModel) -> float:
    """The learned topic model's probability that the question is outside the field, from its vector, its words
    of the field and the shares of its words the store lacks; 0 for a question naming a law or an article."""
    if not weakly_on_topic(analysis.question):
        return 0.0
    return topic.off_topic_probability(vector, len(domain_terms(analysis.question)), analysis.unseen,
                                       len(subject_terms(analysis.question)))


def screen(analysis: QueryAnalysis, topic: TopicModel | None = None) -> Composition | None:
    """Abstain before any search on positive evidence that the question is outside the corpus' field: the
    learned topic model's probability (``analysis.off_topic_chance``, when the model applies to the encoder) at or
    over its threshold, or no word of the field at all while the model doubts it too (a plain question of the
    field, "Do AI-generated images need a watermark?", uses none of the listed words, and the model, reading its
    meaning, is sure it is the field's; no off-topic question of the sets lacks a word of the field with so little
    doubt), or (rule foreign_subject) no subject of the field named and a thing named that no stored passage and no
    glossary entry uses ("经营者集中" asked with a review's deadline), unless the model is all but sure the question
    is the field's. A question naming a law or an article is always inside it."""
    if not weakly_on_topic(analysis.question):
        return None
    rule, detail = "off_topic", _off_topic_detail(analysis, topic) if enabled("off_topic") else None
    if detail is None and analysis.foreign and enabled("foreign_subject") and \
            (topic is None or analysis.off_topic_chance >= cues()["rules"]["foreign_subject"]["least_doubt"]):
        rule, detail = "foreign_subject", "no subject of the field, no law, no article; it names what no stored " \
            f"passage and no glossary entry uses: {', '.join(analysis.foreign)}"
    if detail is None:
        return None
    comp = refusal(analysis, rule)
    comp.trace.insert(0, TraceStep(rule, detail, "abstained"))
    return comp


def refusal(analysis: QueryAnalysis, rule: str) -> Composition:
    """The abstention of a question the field does not answer: "not about data-protection law" when it names
    nothing of the field; when it names a subject of it ("房东要我身份证照片合法吗"), only that the corpus does not
    answer it."""
    if subject_terms(analysis.question):
        return abstain([], UNANSWERED_ZH if analysis.language == "zh" else UNANSWERED, analysis, rule)
    comp = abstain([], OFF_TOPIC_ZH if analysis.language == "zh" else OFF_TOPIC, analysis, rule)
    comp.text = comp.reason
    return comp


def _off_topic_detail(analysis: QueryAnalysis, topic: TopicModel | None) -> str | None:
    """Why the topic model (or, without one, the list of the field's words) screens the question out; None when
    it does not."""
    chance, unseen = analysis.off_topic_chance, analysis.unseen
    if topic is not None and chance >= topic.threshold:
        return (f"off-topic probability {chance:.2f} >= {topic.threshold:.2f} "
                f"({len(domain_terms(analysis.question))} word(s) of the field; nowhere in the store: "
                f"{unseen[0]:.0%} of its words, {unseen[1]:.0%} of its characters)")
    if off_topic(analysis.question) and (topic is None or topic.doubts(chance)):
        return "no word of the field, no law, no article" + \
            (f" (off-topic probability {chance:.2f} >= {topic.answer_check[0]:.2f})" if topic else "")
    return None


def off_topic_answer(comp: Composition, analysis: QueryAnalysis, topic: TopicModel | None) -> Composition | None:
    """Abstain on two pieces of evidence together: the topic model doubts the question (below its screen's
    threshold, over the answer check's) and either the passage composed from speaks to little of what the question
    is about, or the question has no word of the field at all. "What's the fine for returning a library book late?"
    passes the screen on its field words and finds a fine, in a passage that says nothing of libraries or books;
    "How long does a Chinese passport renewal take?" finds the sixty working days to apply to renew an assessment
    through the glossary's "renewal", with no word of the field. (The screen now refuses a question with no word of
    the field before any search; that reading here matters only when the screen is switched off, `--without
    off_topic`.) An answer stating a figure is refused from a lower probability (`figure_chance`), from a passage
    speaking to less of the question than `figure_support`: the field's figure questions are the ones the model
    doubts least. An answer stating no figure, only a quote, is refused from `quote_chance`, from a passage speaking
    to less of the question than `quote_support`.
    An answer a rule computed from a law or a glossary term the question names (its definition, "what does CII
    stand for") is about the field by that name, and is not doubted."""
    if topic is None or comp.abstained or comp.of_named_subject or not enabled("off_topic_answer"):
        return None
    chance, least_support = topic.answer_check
    doubted = analysis.off_topic_chance
    # an answer stating a figure and one stating none (a quote only) each have their own pair of thresholds
    stated, (own_chance, own_support) = ("a", (topic.figure_chance, topic.figure_support)) if comp.key_figure \
        else ("no", (topic.quote_chance, topic.quote_support))
    if _shares_nothing(comp, analysis):
        why = "the question has no word of the field and the sentence answering shares none of its words"
    elif doubted >= own_chance and comp.support < own_support:
        why = f"off-topic probability {doubted:.2f} >= {own_chance:.2f} for an answer stating {stated} figure" + \
            (f" from a passage speaking to {comp.support:.0%} of the question (< {own_support:.0%})"
             if own_support <= 1.0 else "")
    elif doubted < chance or (comp.support >= least_support and domain_terms(analysis.question)):
        return None
    else:
        second = (f"the passage speaks to {comp.support:.0%} of the question (< {least_support:.0%})"
                  if comp.support < least_support else "the question has no word of the field")
        why = f"off-topic probability {doubted:.2f} >= {chance:.2f} and {second}"
    doubt = refusal(analysis, "off_topic_answer")
    doubt.trace = comp.trace + [TraceStep("off_topic_answer", why, "abstained")]
    return doubt


def _shares_nothing(comp: Composition, analysis: QueryAnalysis) -> bool:
    """Positive evidence that the question is about nothing the corpus holds, whatever the topic model's doubt: it
    uses no word of the field, and the sentence the answer quotes holds none of its words in either language ("What
    year did Tim Berners-Lee write his proposal for the World Wide Web?" answered with a guide's 2025)."""
    return comp.primary is not None and comp.primary.coverage == 0.0 and not domain_terms(analysis.question)


def features(comp: Composition, analysis: QueryAnalysis, passages: list[Passage]) -> dict[str, float]:
    """What the confidence is computed from, each in 0..1 or a small count."""
    primary = comp.primary
    passage = primary.passage if primary else (comp.cited[0] if comp.cited else None)
    top = max((p.score for p in passages), default=1.0) or 1.0
    wanted = bool(analysis.wants)
    found = wanted and primary is not None and any(f.kind in analysis.wants for f in primary.figures)
    return {
        "bias": 1.0,
        "score": primary.score / 3.0 if primary else 0.0,
        "coverage": primary.coverage if primary else 0.0,
        "support": comp.support,
        "dense": passage.dense if passage else 0.0,
        "rerank": (passage.score / top) if passage else 0.0,
        "figure_asked": float(wanted),
        "figure_found": float(found),
        "key_figure": float(bool(comp.key_figure)),
        "statute": float(passage is not None and passage.authority <= STATUTE_AUTHORITY),
        "in_named_law": float(passage is not None and bool(named := with_versions(analysis.laws))
                              and (passage.doc_id in named or passage.translation_of in named)),
        "names_law": float(bool(analysis.laws)),
        "domain_terms": min(len(domain_terms(analysis.question)), 6) / 6.0,
        "secondary_only": float(passage is not None and passage.authority > STATUTE_AUTHORITY),
        "unseen_words": analysis.unseen[0],
        "unseen_characters": analysis.unseen[1],
        # the subject the question names found (a bank whose case a guide tells, a law's count of articles): that
        # is the positive evidence the topic model's doubt asks for
        "off_topic": 0.0 if comp.of_named_subject else analysis.off_topic_chance,
    }


def _apart(value: float, other: float) -> str:
    """The value with as many decimals as tell it from the other ("0.226, below 0.227", not "0.23, below 0.23")."""
    places = next((n for n in (2, 3, 4) if round(value, n) != round(other, n)), 4)
    return f"{value:.{places}f}"


def decide(comp: Composition, analysis: QueryAnalysis, passages: list[Passage],
           model: ConfidenceModel | None = None, scoped: bool = False) -> tuple[Composition, float, dict[str, float]]:
    """The composition to give (the same, or an abstention when confidence falls short), its confidence and the
    features that decided. ``scoped``: the user named the documents to search, which says what the question is
    about; the topic model's doubt then refuses no answer found in them (the screen before the search still
    refuses a question the model is sure is about something else)."""
    if comp.abstained:
        return comp, 0.0, {}
    if not scoped and (doubt := off_topic_answer(comp, analysis, load_topic_model())) is not None:
        return doubt, 0.0, {}
    model = model or load_model()
    feats = features(comp, analysis, passages)
    sure = model.confidence(feats)
    # a figure the question's own named subject selected (a named bank's reported fine, a law's count of articles)
    # is held to the threshold of every answer: the figure threshold weighs figures found by likeness
    threshold = model.threshold_for(bool(comp.key_figure) and not comp.of_named_subject)
    comp.trace.append(TraceStep("confidence", f"{sure:.2f} (threshold {threshold:.2f}; "
                                + ", ".join(f"{k} {v:.2f}" for k, v in feats.items() if k != "bias") + ")",
                                "scored"))
    if enabled("confidence") and sure < threshold:
        return _refused(comp, analysis, "confidence", sure, threshold), sure, feats
    if not comp.key_figure and (quoted := model.quote_confidence(feats)) is not None:
        comp.trace.append(TraceStep("quote_confidence", f"{quoted:.2f} (threshold {model.quote_threshold:.2f})",
                                    "scored"))
        if enabled("quote_confidence") and quoted < model.quote_threshold:
            return _refused(comp, analysis, "quote_confidence", quoted, model.quote_threshold), sure, feats
    return comp, sure, feats


def _refused(comp: Composition, analysis: QueryAnalysis, rule: str, sure: float, threshold: float) -> Composition:
    """The abstention saying how sure the answer was and the threshold it fell below."""
    low = abstain(comp.cited, f"The closest passage may not answer this (confidence {_apart(sure, threshold)}, "
                              f"below {_apart(threshold, sure)}).", analysis, rule)
    low.trace = comp.trace + low.trace
    return low
