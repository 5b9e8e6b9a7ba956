"""Articles of laws the corpus does not hold, named by the question ("Article 111 of the Criminal Law",
"新公司法第一百八十二条"): the corpus speaks of such an article only where a stored passage cites it (the PI crimes
interpretation cites 刑法第二百五十三条之一), so an article no stored passage cites is positive evidence that the
corpus cannot answer (rule unheld_article)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ingest.manifest import load_manifest
from ingest.numerals import chinese_to_int, int_to_chinese
from retrieval.glossary import name_forms
from retrieval.laws import resolve_laws
from retrieval.rules.registry import cues


@dataclass(frozen=True)
class UnheldArticle:
    law: str  # the law's name as the question writes it
    article: int
    written: str  # the reference as the question writes it


@lru_cache(maxsize=1)
def _reading() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...], re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"]["unheld_article"]
    return (re.compile(spec["zh_reference"]), tuple(re.compile(p) for p in spec["en_references"]),
            re.compile(spec["zh_name_before"]), re.compile(spec["not_a_name"]))


def unheld_article_refs(question: str) -> list[UnheldArticle]:
    """The articles the question names beside a law the manifest does not hold."""
    zh_reference, en_references, name_before, not_a_name = _reading()
    found: list[UnheldArticle] = []
    for m in zh_reference.finditer(question):
        law = name_before.split(m.group("law"))[-1]
        try:
            number = chinese_to_int(m.group("article"))
        except ValueError:
            continue
        found.append(UnheldArticle(law, number, law + question[m.end("law"):m.end()]))
    for pattern in en_references:
        for m in pattern.finditer(question):
            found.append(UnheldArticle(m.group("law").strip(), int(m.group("article")), m.group(0)))
    return [ref for ref in dict.fromkeys(found)
            if len(ref.law) >= 2 and not not_a_name.search(ref.law) and not _held(ref.law)]


def _held(law: str) -> bool:
    """Whether a name may be a document the manifest holds: it resolves to one, or it is a short form of a title of
    the same kind (审查办法 of 网络安全审查办法, 未保条例 of 未成年人网络保护条例: its characters, or its words, in
    the title in order, the title ending in the name's kind word); 刑法 is no short form of an interpretation."""
    if resolve_laws(law):
        return True
    titles = [t for e in load_manifest().entries for t in (e.title, e.title_zh, *e.aliases) if t]
    if law.isascii():
        words = law.lower().split()
        return any(words[-1] in title.lower().split() and all(w in title.lower().split() for w in words)
                   for title in titles)
    kind = next((k for k in ("法典", "条例", "办法", "规定", "法") if law.endswith(k)), "")
    return any(title.endswith(kind) and in_order(law, title) for title in titles)


def in_order(name: str, title: str) -> bool:
    """Whether the name's characters stand in the text in order (审查办法 in 网络安全审查办法)."""
    position = 0
    for character in name:
        position = title.find(character, position)
        if position < 0:
            return False
        position += 1
    return True


def unheld_articles_named(question: str) -> bool:
    """The rule's question predicate (its examples run through it): the question names such an article."""
    return bool(unheld_article_refs(question))


def _name_forms(law: str) -> list[str]:
    """The law's name as a passage may write it: as written, through the glossary, and for a Chinese name each of
    its tails of two characters or more (新公司法 is cited as 公司法)."""
    forms = list(name_forms(law)) + list(name_forms(law.lower()))
    if not law.isascii():
        forms += [law[i:] for i in range(1, len(law) - 1)]
    return [f for f in dict.fromkeys(forms) if f]


def cites(ref: UnheldArticle, text: str) -> bool:
    """Whether a passage cites the article of that law: a form of the law's name, then the article's number."""
    numbers = f"(?:{int_to_chinese(ref.article)}|{ref.article})"
    for form in _name_forms(ref.law):
        name = re.escape(form)
        if re.search(rf"{name}》?(?:的)?\s*第{numbers}条", text) \
                or re.search(rf"(?i:article)\s+{ref.article}\b[^.;。]{{0,12}}(?i:{name})", text) \
                or re.search(rf"(?i:{name})(?:['’]s)?\s+(?i:art(?:icle|\.))\s*{ref.article}\b", text):
            return True
    return False


def uncited(question: str, texts: Iterable[str]) -> tuple[str, ...]:
    """The unheld articles the question names that no stored text cites, as the question writes them."""
    refs = unheld_article_refs(question)
    if not refs:
        return ()
    texts = list(texts)
    return tuple(ref.written for ref in refs if not any(cites(ref, text) for text in texts))
