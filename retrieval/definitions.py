"""Rule `defined_term`: "Which article of the DSL defines 'important data'?" The DSL uses the term and
defines it nowhere (the NDSMR does). A law's definitions are sentences of a known shape (重要数据，是指…; 本法所称
重要数据; "… means …"), so whether the law the question names defines the term is read off the law's whole
text, not off the passages that happen to rank first: the defining sentence answers, and when the law holds none,
that is the answer."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from ingest.manifest import load_manifest
from retrieval.classes import defines, term_forms
from retrieval.compose import STATUTE_AUTHORITY, Composition, abstain, citation_label
from retrieval.glossary import load_glossary
from retrieval.laws import law_names
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import sentence_spans
from retrieval.verify import Claim

RULE = "defined_term"
ASKS_DEFINITION = re.compile(r"\bdefin(?:e|es|ed|ing|ition)\b|\bmeaning of\b|定义|界定|含义|"
                             # "what counts as a 'large network platform'", "when is a platform a 'large…'": what
                             # makes a thing one is its definition
                             r"\bwhat (?:counts|qualifies) as\b|\bwhen (?:is|are|does|do) (?:(?!(?:of|for|in|on|under|to)\b)[\w'’-]+ ){1,5}"
                             r"(?:an? ['‘“\"]|counts? as|qualif(?:y|ies) as)|(?:什么样的?|怎样|哪些)[^，。？]{0,12}?才?算", re.I)
_QUOTED = re.compile(r"['‘\"“「《]([^'’\"”」》]{2,40})['’\"”」》]")
_ENGLISH_TERM = re.compile(r"\bdefines?\s+(?:the\s+term\s+)?([a-z][a-z -]{2,40}?)\s*[?？.]?\s*$", re.I)


# "What is personal information under the PIPL?", 什么是敏感个人信息: a term of the field asked about as such is asked
# for its meaning; the glossary says which phrases are terms ("the maximum fine" is none)
_WHAT_IS = re.compile(r"^\s*what\s+(?:is|are|does)\s+(?:an?\s+|the\s+)?['‘“\"]?(?P<term>[a-z][a-z' -]{2,40}?)['’”\"]?"
                      r"(?:\s+mean)?\s*(?:\b(?:under|in|according to|for the purposes? of)\b.*)?[?？.]?\s*$", re.I)
# "what counts as X", "what is considered X", "what does CII stand for": the same ask in other words
_EN_COUNTS_AS = re.compile(r"^\s*what\s+(?:counts|qualifies|is\s+(?:considered|regarded|treated)|are\s+(?:considered|regarded|"
                           r"treated))\s+(?:as\s+)?(?:to\s+be\s+)?(?:an?\s+|the\s+)?['‘“\"]?(?P<term>[a-z][a-z' -]{2,40}?)['’”\"]?"
                           r"\s*(?:\b(?:under|in|according to|for the purposes? of)\b.*)?[?？.]?\s*$|"
                           r"^\s*what\s+does\s+(?:an?\s+|the\s+)?['‘“\"]?(?P<term2>[a-z][a-z' -]{1,40}?)['’”\"]?\s+stand\s+for\b", re.I)
_ZH_COUNTS_AS = re.compile(r"^\s*(?:什么|哪些)(?:信息|数据)?(?:算|属于|算是)(?P<term>[\u4e00-\u9fff]{2,12}?)[？?]?\s*$|"
                           r"^\s*(?P<term2>[\u4e00-\u9fff]{2,12}?)(?:包括哪些|包含哪些|指哪些)[^，。]{0,6}[？?]?\s*$")
_ZH_WHAT_IS = re.compile(r"^\s*(?:(?:什么|啥)(?:是|叫|叫做)|何为|何谓)(?P<term>[\u4e00-\u9fff]{2,12}?)[？?]?\s*$|"
                         r"(?P<term2>[\u4e00-\u9fff]{2,12}?)(?:是指什么|指的是什么|是什么意思|指什么)")


def meaning_asked(question: str) -> str:
    """A term of the glossary that a 'what is X' question asks about, or "" (rule defined_term answers it only
    where the law defines it)."""
    question = re.sub(r"^.*?(?:里|中|下|规定的|所称的?)(?=(?:什么|啥)是)", "", question)
    for pattern in (_WHAT_IS, _ZH_WHAT_IS, _EN_COUNTS_AS, _ZH_COUNTS_AS):
        if m := pattern.search(question):
            term = (m.groupdict().get("term") or m.groupdict().get("term2") or "").strip().lower()
            if term in _glossary_terms():
                return term
    return ""


@lru_cache(maxsize=1)
def _glossary_terms() -> frozenset[str]:
    """Every term of the glossary, lower case: read once, where each question built the set anew (now up to four
    times, once per way of asking a meaning)."""
    return frozenset(t.lower() for entry in load_glossary() for t in (*entry.en, *entry.zh))


def asked_term(question: str) -> str:
    """The term whose definition the question asks for ('important data', “大型网络平台”), or ""."""
    if not ASKS_DEFINITION.search(question):
        return meaning_asked(question)
    quoted = [m.group(1).strip() for m in _QUOTED.finditer(question)]
    # a quoted law title (《网络数据安全管理条例》) is where to look, not the term
    quoted = [q for q in quoted if not re.search(r"(?:法|条例|办法|规定|measures|law|regulations)$", q, re.I)]
    if quoted:
        return quoted[0]
    if m := _ENGLISH_TERM.search(question):
        return m.group(1).strip()
    # 个人信息的定义, 如何界定重要数据: the longest term of the glossary next to the word for a definition
    terms = [t for entry in load_glossary() for t in entry.zh
             if re.search(rf"{re.escape(t)}(?:的)?(?:定义|含义)|(?:界定|定义)(?:了)?{re.escape(t)}", question)]
    return max(terms, key=len, default="") or meaning_asked(question)


def asks_defined_term_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    return bool(asked_term(question))


def defined_term(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The article of a law the question names that defines the term it asks about (the law's whole text read),
    or an abstention saying the law defines it nowhere (and whether it uses it at all); None when nothing was
    asked of a named law the store holds."""
    term = asked_term(analysis.question)
    if not enabled(RULE) or not term or analysis.wants:
        return None
    forms = term_forms(term)
    if not analysis.laws:
        return _defined_anywhere(term, forms, chunks_of)
    chunks = {doc_id: chunks_of(doc_id) for doc_id in analysis.laws}
    if not any(chunks.values()):
        return None  # the store holds no text of it: another rule says so
    if (found := _first_definition((p for doc_id in analysis.laws for p in chunks[doc_id]), term, forms)) is not None:
        return found
    if not ASKS_DEFINITION.search(analysis.question):
        return None  # "what is X": a law that defines it answers; one that does not is read as any question
    used = any(form in p.text.lower() for found in chunks.values() for p in found for form in forms)
    if not used and all(form.isascii() for form in forms):
        return None  # an English term the glossary cannot carry into the Chinese text: its absence says nothing
    names = ", ".join(dict.fromkeys(law_names(analysis.laws)))
    if analysis.language == "zh":
        reason = f"{names}没有条文定义“{term}”：{'条文使用了这个术语但没有定义' if used else '条文没有使用这个术语'}；其他规定可能作出定义。"
    else:
        reason = (f"No article of {names} defines “{term}”: the text "
                  f"{'uses the term without defining it' if used else 'never uses it'}; another instrument may define it.")
    comp = abstain([], reason, analysis, RULE)
    comp.trace = [TraceStep(RULE, f"searched every passage of {names} for a definition of {', '.join(sorted(forms))}",
                            "abstained")]
    return comp


def _defined_anywhere(term: str, forms: set[str], chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """"What is sensitive personal information?" names no law: the defining sentence of the highest-ranking text
    that defines the term answers (a law before a regulation, a regulation before a department's rules); None
    when no text defines it."""
    texts = sorted((e for e in load_manifest().entries if e.authority <= STATUTE_AUTHORITY and not e.translation_of
                    and e.status != "amended"), key=lambda e: e.authority)
    return _first_definition((p for entry in texts for p in chunks_of(entry.id)), term, forms)


def _first_definition(passages: Iterable[Passage], term: str, forms: set[str]) -> Composition | None:
    """The first article sentence, in the order given, that defines the term in one of its forms."""
    for passage in passages:
        for span in sentence_spans(passage.text):
            if passage.article is not None and any(defines(span.text, form) for form in forms):
                return _defining(passage, span, term)
    return None


def _defining(passage: Passage, span, term: str) -> Composition:
    label = citation_label(passage)
    quote = span.text.strip()
    comp = Composition(text=f"{label} [1].\n\n{citation_label(passage, span)}: “{quote}” [1]", cited=[passage],
                       quotes=[span], key_figure=label)
    comp.claims = [Claim(quote, (1,))]
    comp.trace = [TraceStep(RULE, f"{label} defines “{term}”", "answered")]
    return comp
