"""Rule `referred_elsewhere`: a law that sends a breach to other laws sets no fine for it.

The amended Cybersecurity Law (2025) lists breaches it no longer punishes itself: "有下列行为之一的，依照有关法律、
行政法规的规定处理、处罚：（二）违反本法第二十四条第三款、第四十三条至第四十五条规定，侵害个人信息权益的". A question
asking the fine that law sets for such a breach has no answer in it; the fine of a neighbouring article, for
another breach, is the careless answer. The rule reads the named law's referral provisions and gives way to the
answer only when the breach described fits the sanction it quotes better than any breach the law refers away.
"""

from __future__ import annotations

import re

from retrieval.compose import BREACH_FLOOR, Composition, abstain, article_texts, breach_fit, citation_label
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import Span, chapeaus, sentence_spans
from retrieval.violations import REFERRAL, breach_of

RULE = "referred_elsewhere"
_BREACH_NAMED = re.compile(r"违反本(?:法|条例|办法|规定)|不履行|未履行")


def referral_items(passage: Passage) -> list[Span]:
    """The breaches a passage refers to other laws: the items under a referring chapeau, or a sentence that names
    a breach and refers it itself (违反本规定第…条规定的，按照有关法律…予以处理)."""
    spans = sentence_spans(passage.text)
    items = []
    for span, chapeau in zip(spans, chapeaus(spans), strict=True):
        if chapeau is not None and REFERRAL.search(chapeau.text) or \
                REFERRAL.search(span.text) and _BREACH_NAMED.search(span.text):
            items.append(span)
    return items


def asks_fine_for_breach(analysis: QueryAnalysis) -> bool:
    """A fine asked of a law for a breach described in words (not its maximum, not an article it names: a
    detention's days or a ban's years are set where they are set)."""
    return "amount" in analysis.wants and analysis.sanctions_answer and bool(analysis.laws) and \
        not analysis.law_maximum and not analysis.articles


def asks_fine_for_breach_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    return asks_fine_for_breach(analyse(question))


def referred_elsewhere(comp: Composition, analysis: QueryAnalysis, passages: list[Passage], tokenizer: str,
                       idf: dict[str, float], unknown_idf: float) -> Composition | None:
    """An abstention quoting the referral when the question's breach is one the named law refers away (it fits the
    breach better than the sanction quoted does); None otherwise."""
    primary = comp.primary
    if not enabled(RULE) or not asks_fine_for_breach(analysis) or comp.abstained or primary is None or \
            primary.passage.doc_id not in analysis.laws:
        return None
    articles = article_texts(passages)
    quoted = breach_of(primary.span, primary.span.text if primary.chapeau is None else
                       f"{primary.chapeau.text} {primary.span.text}", primary.passage.text, primary.lead)
    quoted_fit = breach_fit(quoted, primary.passage, articles, analysis, tokenizer, idf, unknown_idf) if quoted else 0.0
    best: tuple[float, Passage, Span] | None = None
    for passage in passages:
        if passage.doc_id != primary.passage.doc_id or not REFERRAL.search(passage.text):
            continue
        for item in referral_items(passage):
            fit = breach_fit(item.text, passage, articles, analysis, tokenizer, idf, unknown_idf)
            if best is None or fit > best[0]:
                best = (fit, passage, item)
    if best is None or best[0] < BREACH_FLOOR or best[0] <= quoted_fit:
        return None
    fit, passage, item = best
    label = citation_label(passage, item)
    out = abstain([passage], f"{label} leaves the sanction for this breach to other laws and administrative "
                             f"regulations: “{item.text.strip()}”", analysis, RULE)
    out.trace.insert(0, TraceStep(RULE, f"{label} fits the breach {fit:.2f}; the sanction quoted "
                                        f"({citation_label(primary.passage, primary.span)}) {quoted_fit:.2f}", "read"))
    return out
