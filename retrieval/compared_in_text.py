"""Rule `compared_in_text`: "How fast must we report under the NDSMR, and how does that compare with the
vulnerability rules' window?" is answered with the NDSMR's 24 hours; a guide's sentence that states those 24 hours
and the other rule's 48 ("…within 24 hours, a shorter timeframe than the 48-hour reporting period…") answers the
other side, which no passage of a text the corpus holds states. Quoted after the answer, it gives both figures,
each cited, where the careless answer gives one."""

from __future__ import annotations

import re

from retrieval.compose import Composition
from retrieval.figures import Figure, extract_figures, figures_match
from retrieval.open_asks import quoted_after
from retrieval.records import Passage
from retrieval.rules.asks import asks_comparison
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import Span, sentence_spans
from retrieval.verify import Claim

RULE = "compared_in_text"


def asks_to_compare(question: str) -> bool:
    """The rule's question side: a comparison ("how does that compare with", "哪个更短"), not a figure asked of
    each of several parties (分别, each), which one provision answers (its examples run through it)."""
    return asks_comparison(question) or bool(re.search(cues()["rules"][RULE]["compared_asked"], question, re.I))


def with_compared_in_text(comp: Composition, question: str, passages: list[Passage]) -> Composition:
    """The composition with the first retrieved sentence that compares (than, 相比) and states the answer's figure
    and another of the same kind quoted after it, when the question compares and the answer states one figure."""
    if not enabled(RULE) or comp.abstained or not comp.key_figure or not asks_to_compare(question):
        return comp
    stated = extract_figures(comp.key_figure)
    if len(stated) != 1:
        return comp  # a range or several figures is more than one side's figure
    comparing = re.compile(cues()["rules"][RULE]["comparing"], re.I)
    for passage in passages:
        for span in sentence_spans(passage.text):
            if not comparing.search(span.text):
                continue
            if (other := _other_figure(span, stated)) is not None and other.text not in comp.text:
                comp = quoted_after(comp, passage, span, span.text, f"states {other.text} beside the answer's "
                                    "figure", RULE)
                return _led_with(comp, other, passage, question)
    return comp


def _led_with(comp: Composition, other: Figure, passage: Passage, question: str) -> Composition:
    """The answer's first line with the other figure after its own, cited to the sentence stating both."""
    n = next(i for i, p in enumerate(comp.cited, start=1) if p.chunk_id == passage.chunk_id)
    lead, sep, rest = comp.text.partition("\n\n")
    beside = f" 对比：{other.text} [{n}]。" if re.search(r"[\u4e00-\u9fff]", question) else \
        f" Compared with: {other.text} [{n}]."
    comp.text = f"{lead}{beside}{sep}{rest}"
    comp.claims = [*comp.claims, Claim(other.text, (n,))]
    return comp


def _other_figure(span: Span, stated: list[Figure]) -> Figure | None:
    """The figure of the answer's kind and unit a sentence states beside the answer's own; None when it states
    not the answer's, or nothing else of that kind."""
    figures = extract_figures(span.text)
    own = stated[0]
    same = [f for f in figures if f.kind == own.kind and f.unit == own.unit]
    # the answer's own figure as written, not a year holding its date ("2023" is no "1 June 2023")
    if not any(f.value == own.value for f in same):
        return None
    return next((f for f in same if not figures_match(f, own)), None)
