"""The user's own documents (kind "internal": policies, contracts, standards) in answers: called theirs
("Your document (Northwind DHS-7 § 4 Incidents) says"), preferred when the question is about the user's own
rules ("our policy", the company's name), set back when it asks about the law."""

from __future__ import annotations

import re

from retrieval.locate import quote_locator
from retrieval.query import QueryAnalysis
from retrieval.records import Passage

INTERNAL = "internal"
PREFERENCE = 0.5  # added to (or taken from) an internal passage's reranked score
OWN_CUE = re.compile(r"\b(?:our|ours|we|us|my|internal|in-house|company's|policy|policies|standard|handbook|"
                     r"procedure|contract|agreement)\b|我们|我司|本公司|内部|制度|规程|合同|协议", re.I)
LAW_CUE = re.compile(r"\b(?:the law|laws?|legal(?:ly)?|statut\w*|regulations?|regulators?|required by|"
                     r"minimum|at least)\b|法律|法规|依法|法定|条例|规定", re.I)
_GENERIC = {"data", "standard", "policy", "handling", "security", "protection", "personal", "information",
            "internal", "rules", "the", "and", "for", "document", "procedure", "version", "company"}


def is_internal(passage: Passage) -> bool:
    return passage.kind == INTERNAL


def _names_document(question: str, passages: list[Passage]) -> bool:
    """The question names an internal document or its owner ("Northwind", "DHS-7")."""
    words = {w.lower() for p in passages for w in re.findall(r"[\w-]{4,}", p.title) if w.lower() not in _GENERIC}
    asked = {w.lower() for w in re.findall(r"[\w-]{4,}", question)}
    return bool(words & asked)


def prefer_by_question(passages: list[Passage], analysis: QueryAnalysis) -> list[Passage]:
    """A question about the user's own rules ranks their documents up; one about the law ranks them down.
    Nothing moves when no internal document is among the candidates."""
    own_docs = [p for p in passages if is_internal(p)]
    if not own_docs:
        return passages
    question = analysis.question
    own = bool(OWN_CUE.search(question)) or _names_document(question, own_docs)
    law = bool(analysis.laws) or bool(LAW_CUE.search(question))
    shift = PREFERENCE if own and not law else -PREFERENCE if law and not own else 0.0
    if not shift:
        return passages
    for p in own_docs:
        p.score += shift
        p.features["internal"] = shift
    return sorted(passages, key=lambda p: -p.score)


def own_label(passage: Passage, label: str) -> str:
    """'Northwind DHS-7 § 4 Incidents' -> 'Your document (Northwind DHS-7 § 4 Incidents) says' for the user's own."""
    return f"Your document ({label}) says" if is_internal(passage) else label


def secondary_note(picks) -> str:
    """The note when no statute or regulation states the answer: a guide is a secondary source, the user's
    own document is their rule, not the law."""
    own = [n for n, p in enumerate(picks, start=1) if is_internal(p.passage)]
    if not own:
        return ("Only a secondary source (guide or article) states this; no statute or regulation passage in the "
                "corpus was found to say it.")
    return (f"[{own[0]}] is your own document, not the law: no statute or regulation passage in the corpus was "
            "found to say it.")


ASKED_COUNT = re.compile(r"\bhow many ([a-z][a-z\- ]*?)(?=\s+(?:does|do|did|is|are|was|were|must|can|may|will|"
                         r"should|shall|have|has|had|in|on|at|of|for|per|under|before|after)\b|\s*[?.]|$)", re.I)
ASKED_COUNT_ZH = re.compile(r"多少(?:个|名|家|台|项|次|人|位|间|张|辆|座)?([\u4e00-\u9fff]{1,4}?)(?=[？?。，,吗呢]|$)")
_PROPER = re.compile(r"\b[A-Z][a-z]{3,}\b")


def _about_own_world(question: str, passages: list[Passage]) -> bool:
    """The question names a place or thing only the user's documents mention ("the Chengdu data centre")."""
    own_text = " ".join(p.text for p in passages if is_internal(p))
    names = {w for w in _PROPER.findall(question) if w.lower() not in {"how", "what", "which", "when", "does"}}
    return bool(own_text) and any(name in own_text for name in names)


def count_not_stated(comp, analysis: QueryAnalysis, passages: list[Passage] | None = None) -> str:
    """A count asked of the user's own documents ("how many parking spaces…", "多少个停车位") is answered only by a
    sentence that names what is counted; else the reason to abstain. A version number, a date, a clause number
    or the count of something else (two factors) is no answer. This holds for an answer from the user's own
    document, and for a secondary source's answer to a question about the user's own world; statute answers are
    left to the composer."""
    if comp.abstained or not comp.cited or not comp.quotes or comp.quotes[0] is None:
        return ""
    lead = comp.cited[0]
    if not is_internal(lead) and not (lead.authority > LAW_AUTHORITY and passages
                                      and _about_own_world(analysis.question, passages)):
        return ""
    quote = comp.quotes[0].text.lower()
    asked = ASKED_COUNT.search(analysis.question)
    if asked:
        words = [w.rstrip("s") for w in re.findall(r"[a-z]{3,}", asked.group(1).lower())]
    elif zh := ASKED_COUNT_ZH.search(analysis.question):
        asked, words = zh, [zh.group(1)[-2:]]
    else:
        return ""
    if not words or any(w in quote for w in words):
        return ""
    return f"The documents found state no number of {asked.group(1).strip()}."


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
    from retrieval.figures import extract_figures

    kinds = [{f.kind for f in extract_figures(c.key_figure)} for c in (own, law)]
    return bool(kinds[0] & kinds[1])


LAW_AUTHORITY = 3  # statutes, regulations, departmental rules, judicial interpretations


def _side_by_side(own, law):
    from retrieval.compose import Composition, citation_label

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
