"""The procedures a question asks about by their own qualifier: "ICP备案", "外商投资安全审查", "a CSRC filing". A
filing, review or licence of another field borrows this field's procedure words, and the period or fine of the
field's own filing (the algorithm filing's thirty working days) is the careless answer. The qualifier is the word
right before the procedure's name (cues.toml [rules.other_procedure]); the service keeps those the store uses in
few passages, and an answer whose passage never names them is about another procedure."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate

from retrieval.glossary import load_glossary
from retrieval.nouns import jieba_tagged, never_foreign
from retrieval.rules.registry import cues
from retrieval.sentences import clause_around

_CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,}")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
# jieba's parts of speech of a word that names a thing: nouns, names of bodies and places, abbreviations (外商投资 is
# tagged j), Latin words; not verbs and adverbs (必须, 没过, 主动 are how, not which procedure)
_NAMING = re.compile(r"n[a-z]?|j|eng")
_ASPECT = frozenset({"了", "过", "着"})


@lru_cache(maxsize=1)
def _spec() -> dict:
    return cues()["rules"]["other_procedure"]


@lru_cache(maxsize=1)
def _field_words() -> frozenset[str]:
    """The glossary's terms in both languages and the nouns any question asks with (nouns.never_foreign, with the
    English terms in lower case): the field's own qualifiers (网安, SCC), never another field's."""
    english = {t.lower() for entry in load_glossary() for t in entry.en}
    return never_foreign() | english | {t.lower() for t in _spec()["not_qualifiers"]}


def procedure_qualifiers(question: str) -> tuple[str, ...]:
    """The words the question names a procedure by: a Chinese word of two characters or more, or an English
    acronym, right before a procedure's name (skipping words such as 安全, "security"), that is no term of the
    field."""
    spec = _spec()
    found = _chinese_qualifiers(question, frozenset(spec["heads_zh"]), frozenset(spec["skip_zh"]))
    heads_en = "|".join(spec["heads_en"])
    skip_en = {w.lower() for w in spec["skip_en"]}
    for match in re.finditer(rf"\b([\w'-]+(?:\s+[\w'-]+){{0,2}})\s+(?:{heads_en})\b", question, re.I):
        words = [w for w in match.group(1).split() if w.lower() not in skip_en]
        if words and _ACRONYM.fullmatch(words[-1]):
            found.append(words[-1])
    return tuple(dict.fromkeys(q for q in found if q.lower() not in _field_words()))


def _chinese_qualifiers(question: str, heads: frozenset[str], skip: frozenset[str]) -> list[str]:
    tagged = jieba_tagged(question)
    starts = list(accumulate((len(word) for word, _ in tagged), initial=0))
    covered = _glossary_spans(question)
    found = []
    for at, (word, _) in enumerate(tagged):
        # a procedure's name used as a verb (备案了) is qualified by no word: the one before says who or how
        if word not in heads or (at + 1 < len(tagged) and tagged[at + 1][0] in _ASPECT):
            continue
        before = at - 1
        while before >= 0 and tagged[before][0] in skip:
            before -= 1
        if before < 0 or not _NAMING.fullmatch(tagged[before][1]):
            continue
        qualifier = tagged[before][0]
        if _cut_across(starts[before], starts[before + 1], covered):
            continue
        if _CJK_WORD.fullmatch(qualifier) or _ACRONYM.fullmatch(qualifier):
            found.append(qualifier)
    return found


def _cut_across(first: int, end: int, terms: list[tuple[int, int]]) -> bool:
    """Whether the word at first..end straddles the edge of a glossary term: jieba may cut 网信办报 as 网信 + 办报, and
    such a piece names nothing."""
    return any(start < first < term_end < end or first < start < end < term_end for start, term_end in terms)


def _glossary_spans(question: str) -> list[tuple[int, int]]:
    """Where the glossary's Chinese terms of three characters or more stand in the question."""
    return [(m.start(), m.end()) for term in _glossary_chinese() for m in re.finditer(re.escape(term), question)]


@lru_cache(maxsize=1)
def _glossary_chinese() -> tuple[str, ...]:
    return tuple(t for entry in load_glossary() for t in entry.zh if len(t) >= 3)


def rare_qualifiers(question: str, passages_using: Callable[[str], int]) -> tuple[str, ...]:
    """The qualifiers few stored passages use (at most cues' most_passages): a thing the corpus speaks of in few
    places, if at all. The field's own qualifiers (出境, 网络安全) are in hundreds, and an answer's passage that
    leaves them to its document's title is no answer about another procedure."""
    most = int(_spec()["most_passages"])
    return tuple(q for q in procedure_qualifiers(question) if passages_using(q) <= most)


def acts_asked(question: str) -> list[tuple[str, ...]]:
    """The acts the question asks about that a sentence answering must state (cues [rules.act_not_stated] acts:
    which court has jurisdiction, 由哪个法院管辖), each as its words in both languages: an act in a clause that asks
    (哪, which, who…), not one that tells the scene (受个保法管辖的境外公司)."""
    return [tuple(act) for act in cues()["rules"]["act_not_stated"]["acts"]
            if any(_ASKING.search(clause_around(question, m.start(), m.end(), _CLAUSE_BREAK))
                   for word in act for m in re.finditer(rf"(?<![A-Za-z]){re.escape(word)}", question, re.I))]


_CLAUSE_BREAK = re.compile(r"[，,。？?；;！!]|\.(?:\s|$)")
_ASKING = re.compile(r"哪|什么|谁|是否|\b(?:which|what|who|whom|where|whether)\b", re.I)


def rare_acts(question: str, passages_using: Callable[[str], int]) -> tuple[tuple[str, ...], ...]:
    """The acts asked (acts_asked) that few stored passages state (at most cues' most_passages, in any of their
    words): an answer whose sentence never states one answers something else."""
    most = int(cues()["rules"]["act_not_stated"]["most_passages"])
    # the act as the question words it first, then its other words: the reason names it so
    return tuple(tuple(sorted(act, key=lambda word: word.lower() not in question.lower()))
                 for act in acts_asked(question) if max(passages_using(word) for word in act) <= most)
