"""Rule `renumbered_article`: "Our manual cites CSL Article 37 (CII data stored in China). Which article is it in
the amended CSL?" An amendment that inserts articles renumbers the rest; the later text's article that says what
the earlier text's article said is the answer, found by comparing the two texts' words, with both quoted."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from ingest.lexical import tokenize
from ingest.manifest import load_manifest
from retrieval.compose import Composition, citation_label, figures_named, states_all
from retrieval.laws import amended_laws, resolve_laws, text_pair
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import sentence_spans
from retrieval.verify import Claim

RULE = "renumbered_article"
# the article asked of the later text: "现在是第几条", "变成了第几条", "which article is it now / in the amended text"
_ASKS_NEW_NUMBER = re.compile(r"(?:现在|如今|变成|改为|成为|改成)[^，。？?]{0,12}第几条|(?:修正|修改|修订)后[^，。？?]{0,20}第几条|"
                              r"\b(?:which|what) article (?:is it|is that|is this|does it become|did it become|has it become)\b|"
                              r"\brenumbered\b|\bnow (?:numbered|article)\b", re.I)
MIN_SIMILARITY = 0.35  # the share of words the two articles must share to be the same provision
_ARTICLE_HEAD = re.compile(r"^\s*第[一二三四五六七八九十百零]+条\s*")


def asks_renumbered(question: str) -> bool:
    return bool(_ASKS_NEW_NUMBER.search(question))


def _articles(chunks: list[Passage]) -> dict[int, tuple[Passage, str]]:
    """Each article of a text: its first part and its whole text (the parts joined in order)."""
    parts: dict[int, list[Passage]] = {}
    for p in sorted(chunks, key=lambda p: p.part):
        if p.article is not None:
            parts.setdefault(p.article, []).append(p)
    return {number: (found[0], " ".join(p.text for p in found)) for number, found in parts.items()}


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    # remembered by text: every answer quoting a CSL article compares it with the other text's articles
    # (rule other_version), which are the same strings each time
    return frozenset(tokenize(_ARTICLE_HEAD.sub("", text), "bigram"))


def _shared(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / (len(a | b) or 1)


def renumbered_article(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """The later text's article most alike the earlier text's article the question names, when the two share
    at least MIN_SIMILARITY of their words; None when the question asks no such thing."""
    if not enabled(RULE) or len(analysis.articles) != 1 or not asks_renumbered(analysis.question):
        return None
    ref = analysis.articles[0]
    pair = _texts_compared([ref.doc_id, *analysis.laws, *resolve_laws(analysis.question)])
    if pair is None:
        return None
    earlier, current = pair
    old, old_text = _articles(chunks_of(earlier)).get(ref.article, (None, ""))
    if old is None:
        return None
    similarity, new = most_alike(old_text, chunks_of(current))
    if new is None or similarity < MIN_SIMILARITY:
        return None
    return _answer(old, new, similarity, analysis.language)


def most_alike(text: str, chunks: list[Passage]) -> tuple[float, Passage | None]:
    """The article of a text whose words are most alike ``text`` (the lower number of a tie), and their share."""
    words = _words(text)
    scored = [(_shared(words, _words(other)), number, passage)
              for number, (passage, other) in _articles(chunks).items()]
    similarity, _, passage = max(scored, key=lambda s: (s[0], -s[1]), default=(0.0, 0, None))
    return similarity, passage


def renumbered_by_content(analysis: QueryAnalysis, passages: list[Passage],
                          chunks_of: Callable[[str], list[Passage]], depth: int = 10) -> Composition | None:
    """"The CIIO data-localisation rule got renumbered in the 2025 amendment: which article is it now, and which
    was it in the 2016 text?" names no article but says what it provides: the best passage retrieved from either
    text of the law is that article, and the other text's article most alike it is its other number."""
    if not enabled(RULE) or analysis.articles or not asks_renumbered(analysis.question):
        return None
    named = [*analysis.laws, *resolve_laws(analysis.question)]
    pair = _texts_compared([*named, *(law for doc_id in named for law in amended_laws(doc_id))])
    if pair is None:
        return None
    earlier, current = pair
    found = next((p for p in passages[:depth] if p.doc_id in pair and p.article), None)
    if found is None:
        return None
    other = current if found.doc_id == earlier else earlier
    own_text = _articles(chunks_of(found.doc_id)).get(found.article, (found, found.text))[1]
    similarity, match = most_alike(own_text, chunks_of(other))
    if match is None or similarity < MIN_SIMILARITY:
        return None
    if not states_all(figures_named(analysis.question), f"{own_text} {_articles(chunks_of(other))[match.article][1]}"):
        return None  # "罚款提到了营业额5%，这是修正后的第几条？": an article without that figure is not it (rule which_article)
    found = _articles(chunks_of(found.doc_id))[found.article][0]  # the article's first part, quoted from its start
    old, new = (found, match) if found.doc_id == earlier else (match, found)
    return _answer(old, new, similarity, analysis.language)


def _texts_compared(named: list[str]) -> tuple[str, str] | None:
    """The earlier text and the later one of the first law named that has both: a superseded text named ("the
    2016 CSL") is compared with the text that superseded it, a current one with the text it superseded. The
    amending decision names neither ("after the 2025 amendment"), so a law named beside it decides."""
    manifest = load_manifest()
    return next(filter(None, (text_pair(law, manifest) for law in dict.fromkeys(filter(None, named)))), None)


def _answer(old: Passage, new: Passage, similarity: float, language: str) -> Composition:
    label = citation_label(new)
    new_span, old_span = sentence_spans(new.text)[0], sentence_spans(old.text)[0]
    text = (f"{label} [1].\n\n{citation_label(new, new_span)}: “{new_span.text.strip()}” [1]\n\n"
            f"{citation_label(old, old_span)}: “{old_span.text.strip()}” [2]\n\n"
            + (f"按措辞对应：两条共有{similarity:.0%}的词语相同。" if language == "zh" else
               f"Matched by wording: the two articles share {similarity:.0%} of their words."))
    comp = Composition(text=text, cited=[new, old], quotes=[new_span, old_span], key_figure=label)
    comp.claims = [Claim(new_span.text.strip(), (1,)), Claim(old_span.text.strip(), (2,))]
    comp.trace = [TraceStep(RULE, f"{citation_label(old)} is {label} ({similarity:.0%} of words shared)", "answered")]
    return comp
