"""Rule `listed_count`: a count the law states by listing. "How many lawful bases does PIPL Article 13 list?" is
answered by the number of the named article's enumerated items (（一）…（七）, or 1. … 7. in a translation), which
no sentence of the article states as a figure."""

from __future__ import annotations

import re

from ingest.numerals import chinese_to_int
from retrieval.compose import Composition, citation_label
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import sentence_spans
from retrieval.verify import Claim

# the question asks what an article lists, not a number it states ("how many days…" is not this)
ASKS_LISTED = re.compile(r"\b(?:lists?|listed|enumerat\w*|sets? out|set forth|provides?|names?|contains?|recogni[sz]es?|"
                         r"items?|grounds|bases|circumstances|conditions|categories|situations|cases)\b|"
                         r"列(?:举|明|出|了)|(?:几|多少)(?:项|种|类|个情形|种情形|种情况)|哪几", re.I)
_ZH_ITEM = re.compile(r"^[ \t　]*（([一二三四五六七八九十]{1,3})）", re.M)
_EN_ITEM = re.compile(r"^[ \t]*\(?(\d{1,2})[.)]\s", re.M)
RULE = "listed_count"


def item_numbers(text: str) -> set[int]:
    """The numbers of the items the text enumerates (（三） -> 3; "3. " at a line's start -> 3)."""
    found = {chinese_to_int(m.group(1)) for m in _ZH_ITEM.finditer(text)}
    return found if len(found) >= 2 else {int(m.group(1)) for m in _EN_ITEM.finditer(text)}


def listed_items(text: str) -> int:
    """How many items the text enumerates, counted from the first with none missing: 0 when it lists none."""
    numbers, count = item_numbers(text), 0
    while count + 1 in numbers:
        count += 1
    return count if count >= 2 else 0


def asks_listed_count(analysis: QueryAnalysis) -> bool:
    return analysis.wants == {"count"} and len(analysis.articles) == 1 and bool(ASKS_LISTED.search(analysis.question))


def asks_listed_count_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    return asks_listed_count(analyse(question))


def listed_count(passages: list[Passage], analysis: QueryAnalysis) -> Composition | None:
    """The answer from the named article's own list, or None when no retrieved passage of it lists items."""
    if not enabled(RULE) or not asks_listed_count(analysis):
        return None
    ref = analysis.articles[0]
    laws = [ref.doc_id] if ref.doc_id else analysis.laws
    by_doc: dict[str, list[Passage]] = {}
    for p in passages:
        if p.article == ref.article and (p.doc_id in laws or p.translation_of in laws):
            by_doc.setdefault(p.doc_id, []).append(p)
    # the law's own text before a translation; an article split into parts counts only when every part
    # up to the last one retrieved is there (the overlap between parts repeats an item, never adds one)
    for doc_id in sorted(by_doc, key=lambda d: bool(by_doc[d][0].translation_of)):
        parts = sorted({p.part: p for p in by_doc[doc_id]}.values(), key=lambda p: p.part)
        if [p.part for p in parts] != list(range(len(parts))):
            continue
        count = listed_items("\n".join(p.text for p in parts))
        if count:
            return _answer(parts[0], count, analysis)
    return None


def _answer(passage: Passage, count: int, analysis: QueryAnalysis) -> Composition:
    chapeau = sentence_spans(passage.text)[0]
    lead = f"{count}项" if analysis.language == "zh" else f"{count} items"
    label = citation_label(passage, chapeau)
    quote = f"{label}: “{chapeau.text.strip()}” … ({count} items follow)"
    comp = Composition(text=f"{lead} [1].\n\n{quote} [1]", cited=[passage], quotes=[chapeau], key_figure=lead)
    comp.claims = [Claim(chapeau.text, (1,))]
    comp.notes.append(f"Counted: {label} lists {count} items; the number is the count of its list, not a "
                      f"figure the text states.")
    comp.text += "\n\n" + comp.notes[0]
    comp.trace.append(TraceStep(RULE, f"{label} enumerates {count} items", "answered"))
    return comp
