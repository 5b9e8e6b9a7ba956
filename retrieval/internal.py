"""The user's own documents (kind "internal": policies, contracts, standards) in answers: called theirs
("Your document (Northwind DHS-7 § 4 Incidents) says"), preferred when the question is about the user's own
rules ("our policy", the company's name), set back when it asks about the law."""

from __future__ import annotations

import re

from retrieval.query import QueryAnalysis
from retrieval.records import Passage
from retrieval.roles import counted_class

INTERNAL = "internal"
ADDED = "document"  # a file outside the manifest that the user did not mark as their own
LAW_AUTHORITY = 3  # statutes, regulations, departmental rules, judicial interpretations
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
    own document is their rule, a document they added is neither the law nor a guide."""
    for kind, whose in ((INTERNAL, "your own document"), (ADDED, "a document you added")):
        cited = [n for n, p in enumerate(picks, start=1) if p.passage.kind == kind]
        if cited:
            return (f"[{cited[0]}] is {whose}, not the law: no statute or regulation passage in the corpus was "
                    "found to say it.")
    return ("Only a secondary source (guide or article) states this; no statute or regulation passage in the "
            "corpus was found to say it.")


# "how many had been registered" names no noun: what is counted is in the sentence before
ASKED_COUNT = re.compile(r"\bhow many (?!(?:had|have|has|were|was|are|is|did|do|does|will|would|can|could|must|should|"
                         r"shall|may|might|of)\b)([a-z][a-z\- ]*?)(?=\s+(?:does|do|did|is|are|was|were|must|can|may|will|"
                         r"should|shall|have|has|had|in|on|at|of|for|per|under|before|after|each|every|annually|"
                         r"yearly|a (?:year|month|week|day))\b|\s*[?.]|$)", re.I)
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
    # a guide in the question's language names what it counts in the question's words ("302 generative AI
    # services" is no count of registered users)
    secondary = lead.authority > LAW_AUTHORITY and (lead.language == analysis.language or bool(passages)
                                                    and _about_own_world(analysis.question, passages))
    if not is_internal(lead) and not secondary:
        return ""
    quote = comp.quotes[0].text.lower()
    asked = ASKED_COUNT.search(analysis.question)
    if asked:
        words = [w.rstrip("s") for w in re.findall(r"[a-z]{3,}", asked.group(1).lower())]
    elif zh := ASKED_COUNT_ZH.search(analysis.question):
        asked, words = zh, [zh.group(1)[-2:]]
    else:
        return ""
    if not words or words[-1] in quote:  # the head noun: "registered" is no count of registered users
        return ""
    if (kind := counted_class(words[-1])) and any(counted_class(w) == kind for w in re.findall(r"[a-z]{3,}", quote)):
        return ""  # a count of people asked, of individuals stated
    return f"The documents found state no number of {asked.group(1).strip()}."
