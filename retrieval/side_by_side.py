"""The user's own document beside the law: when a question about the user's rules is also answered by the law
(or asks for both), both answers are shown side by side. Above the composer (it composes twice), below the
service."""

from __future__ import annotations

import re

from retrieval.compose import Composition, citation_label
from retrieval.figures import extract_figures
from retrieval.internal import LAW_AUTHORITY, LAW_CUE, OWN_CUE, _names_document, count_not_stated, is_internal
from retrieval.locate import quote_locator
from retrieval.query import QueryAnalysis
from retrieval.records import Passage


def both_sides(comp, passages: list[Passage], analysis: QueryAnalysis, compose_from) -> object:
    """A question about the user's own rules that the law also answers (or one asking for both) gets both, side
    by side: "Your document: 90 days (§ 2 Retention). The law: at least 6 months (CSL Art. 23)." An answer
    from the law alone is never presented as the user's practice. compose_from(passages) composes an answer
    from the passages given, as the composer does for the whole list."""
    own_docs = [p for p in passages if is_internal(p)]
    if not own_docs or comp.abstained:
        return comp
    question = analysis.question
    own_asked = bool(OWN_CUE.search(question)) or _names_document(question, own_docs)
    law_asked = bool(analysis.laws) or bool(LAW_CUE.search(question))
    lead_is_own = bool(comp.cited) and is_internal(comp.cited[0])
    if not own_asked and not (law_asked and lead_is_own):
        return comp
    own = compose_from(own_docs) if not lead_is_own else comp
    if own.abstained or count_not_stated(own, analysis, passages):
        return comp
    law = compose_from([p for p in passages if p.authority <= LAW_AUTHORITY]) if lead_is_own else comp
    if law.abstained or not law.cited or law.cited[0].authority > LAW_AUTHORITY or not _same_kind(own, law):
        return own
    return _side_by_side(own, law)


def _same_kind(own, law) -> bool:
    """Both answers state a figure of one kind (two durations): the law's count is no match for a policy's days."""
    kinds = [{f.kind for f in extract_figures(c.key_figure)} for c in (own, law)]
    return bool(kinds[0] & kinds[1])


def _side_by_side(own, law):
    shift = len(own.cited)

    def renumber(text: str) -> str:
        return re.sub(r"\[(\d+)\]", lambda m: f"[{int(m.group(1)) + shift}]", text)

    own_where = quote_locator(own.cited[0], own.quotes[0].start, own.quotes[0].end) if own.quotes[0] else ""
    own_where = re.sub(r" \((pp?\. [^)]+)\)$", r", \1", own_where)  # "§ 2 Retention, p. 1"
    law_where = citation_label(law.cited[0], law.quotes[0] if law.quotes else None)
    header = (f"Your document: {own.key_figure} ({own_where}) [1]. "
              f"The law: {law.key_figure[:1].lower() + law.key_figure[1:]} ({law_where}) [{shift + 1}].")
    own_body = _without_lead(own.text, own.key_figure)
    for note in own.notes:
        own_body = own_body.replace(f"\n\n{note}", "")
    law_body = renumber(_without_lead(law.text, law.key_figure))
    merged = Composition(text=f"{header}\n\n{own_body}\n\n{law_body}", cited=own.cited + law.cited,
                         quotes=own.quotes + law.quotes, key_figure=own.key_figure, support=own.support,
                         notes=[renumber(n) for n in law.notes])
    merged.claims = own.claims + [type(c)(c.text, tuple(n + shift for n in c.cites)) for c in law.claims]
    return merged


def _without_lead(text: str, figure: str) -> str:
    """The composer's first line ("90 days [1].") is in the side-by-side header already."""
    first, _, rest = text.partition("\n\n")
    return rest if figure and first.startswith(figure) and rest else text
