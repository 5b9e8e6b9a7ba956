"""Rule `about_law`: "What is the PIPL?" asks what a law is, and names nothing in it. The law's own first
article says what it is for (为了保护个人信息权益…，制定本法) and its commencement article since when it applies:
those answer, not a guide's sentence that happens to mention the law's name most often."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.manifest import load_manifest
from retrieval.compose import OWN_COMMENCEMENT, Composition, citation_label
from retrieval.laws import law_spans
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import sentence_spans
from retrieval.verify import Claim

RULE = "about_law"
# all that is left of the question once the law's name is taken out
_EN_ABOUT = re.compile(r"^\s*(?:what|which law)\s+(?:is|are)\s+(?:the\s+|china'?s\s+)?\s*(?:about\s*)?[?？.]?\s*$|"
                       r"^\s*what\s+(?:is|does)\s+(?:the\s+)?\s*(?:about|for|cover)\s*[?？.]?\s*$", re.I)
_ZH_ABOUT = re.compile(r"^\s*(?:什么是|何为)?\s*(?:《\s*》)?\s*(?:是什么|是一部什么(?:样的)?法律?|是干什么的|讲的是什么|主要(?:规定|讲)(?:了)?什么)?"
                       r"\s*[？?]?\s*$")


def asks_about_law(question: str) -> str:
    """The doc id of the one law a question asks about as a whole ("What is the PIPL?", 数据安全法是什么？), or ""."""
    spans = law_spans(question)
    if len({doc_id for _, _, doc_id in spans}) != 1:
        return ""
    rest = question
    for start, end, _ in sorted(spans, reverse=True):
        rest = f"{rest[:start]}{rest[end:]}"
    if not rest.strip(" ?？.") or not (_EN_ABOUT.match(rest) or _ZH_ABOUT.match(rest)):
        return ""
    entry = load_manifest().by_id(spans[0][2])
    return entry.translation_of or entry.id if entry is not None else ""


def about_law(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The law's first article and its commencement clause, quoted; None when the question asks something else
    or the store holds no first article of the law."""
    # a question naming no law asks about none: its names need not be looked for again
    doc_id = asks_about_law(analysis.question) if enabled(RULE) and analysis.laws else ""
    if not doc_id:
        return None
    chunks = sorted((p for p in chunks_of(doc_id) if p.article is not None), key=lambda p: (p.article, p.part))
    first = next((p for p in chunks if p.article == 1), None)
    if first is None:
        return None
    starts = next((p for p in reversed(chunks) if OWN_COMMENCEMENT.search(p.text)), None)
    cited = [first] + ([starts] if starts is not None and starts is not first else [])
    spans = [next(iter(sentence_spans(p.text))) for p in cited]
    entry = load_manifest().by_id(doc_id)
    title = entry.title_zh if analysis.language == "zh" and entry.title_zh else entry.title
    lines = [f"{title} [1]."] + [f"{citation_label(p, s)}: “{s.text.strip()}” [{n}]"
                                  for n, (p, s) in enumerate(zip(cited, spans, strict=True), start=1)]
    comp = Composition(text="\n\n".join(lines), cited=cited, quotes=spans, key_figure=title)
    comp.claims = [Claim(s.text.strip(), (n,)) for n, s in enumerate(spans, start=1)]
    comp.trace = [TraceStep(RULE, f"{title}: its first article and its commencement", "answered")]
    return comp
