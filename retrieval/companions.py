"""Companion citations: a second text of the same provision, cited beside the one that answered. Nothing is
answered from a companion: the figures stay checked against the passage quoted.

Rule `amending_item`: a provision an amending decision rewrote has two texts that say the same: the article of
the law as amended (CSL Art. 61, in force) and the decision's item that wrote it (修改决定 五、将第五十九条改为第六十一条，
修改为：“…”). Whichever answered, the other is cited beside it, so that a reader who works from the consolidated text
and one who works from the amending instrument both find the provision they know.

Rule `other_version`: a provision the later text of a law kept word for word (CSL 2016 Art. 21 is CSL Art. 23 since
1 January 2026) is cited in the other text beside it: a contract or a manual cites the number it was written under.

Rule `later_restated`: an answer quoted from a text a later one partly supersedes (the 2022 outbound assessment
measures, where the 2024 cross-border provisions differ) keeps its lead when the question names the earlier text, but
the later text's sentence restating the provision with another figure (有效期为2年 -> 有效期为3年) is quoted after it:
what governs now is what a reader acts on.

Rule `original_text`: an answer quoted from an unofficial translation (PIPL (EN)) cites the authoritative text of
the same article beside it (个人信息保护法 第六十六条), the paragraph whose figures the translation's paragraph
states, so that a lawyer can rely on the text that binds."""

from __future__ import annotations

from collections.abc import Callable

from ingest.lexical import tokenize
from ingest.manifest import load_manifest
from retrieval.compose import Composition, citation_label, read_item, restatement_share
from retrieval.figures import extract_figures
from retrieval.laws import amended_laws, text_pair
from retrieval.records import Passage, TraceStep
from retrieval.renumber import most_alike
from retrieval.rules.registry import cues, enabled
from retrieval.sentences import Span, chapeaus, paragraphs, sentence_spans
from retrieval.verify import Claim

RULE = "amending_item"
ORIGINAL = "original_text"
VERSION = "other_version"
LATER = "later_restated"


def _words(text: str) -> set[str]:
    return set(tokenize(text, "bigram"))


def _alike(a: set[str], b: set[str]) -> float:
    """The share of the longer text's words the two share: an item quotes the whole article it writes and little
    else, where a short article's few words are found in many a longer item."""
    return len(a & b) / (max(len(a), len(b)) or 1)


def _decisions_of(doc_id: str) -> list[str]:
    return [e.id for e in load_manifest().entries if doc_id in amended_laws(e.id)]


def other_text(passage: Passage, chunks_of: Callable[[str], list[Passage]]) -> Passage | None:
    """The decision item that wrote a consolidated article, or the consolidated article a decision item wrote;
    None when the passage is neither or no counterpart says nearly the same."""
    targets = amended_laws(passage.doc_id) or _decisions_of(passage.doc_id)
    if not targets:
        return None
    least = cues()["rules"][RULE]["least_alike"]
    words = _words(passage.text)
    scored = [(_alike(words, _words(other.text)), other) for doc_id in targets for other in chunks_of(doc_id)
              if other.article or not amended_laws(passage.doc_id)]
    score, best = max(scored, key=lambda s: s[0], default=(0.0, None))
    return best if best is not None and score >= least else None


def with_amending_item(comp: Composition, chunks_of: Callable[[str], list[Passage]], language: str) -> Composition:
    """The composition with the other text of its first cited provision cited after the rest, and said to be."""
    if not enabled(RULE) or comp.abstained or not comp.cited:
        return comp
    first = comp.cited[0]
    other = other_text(first, chunks_of)
    if other is None or any(p.chunk_id == other.chunk_id for p in comp.cited):
        return comp
    comp.cited = [*comp.cited, other]
    n, label = len(comp.cited), citation_label(other)
    if amended_laws(first.doc_id):
        line = f"现行条文为{label} [{n}]。" if language == "zh" else f"In force as {label} [{n}]."
    else:
        line = f"该条由{label}修改 [{n}]。" if language == "zh" else f"As written by {label} [{n}]."
    comp.text = f"{comp.text}\n\n{line}"
    comp.trace = [*comp.trace, TraceStep(RULE, f"{citation_label(other)} states the same provision as "
                                               f"{citation_label(first)}", "cited")]
    return comp


def _figures_of(text: str) -> set[tuple]:
    return {f.key() for f in extract_figures(text)}


def _paragraph_spans(passage: Passage) -> list[Span]:
    return [Span(start, end, passage.text[start:end], n)
            for n, (start, end) in enumerate(paragraphs(passage.text), start=1)]


def _answered_paragraph(comp: Composition) -> int:
    """The paragraph (1-based) of its first cited passage the answer quotes, or 0 when it quotes none of it."""
    first = comp.cited[0]
    return comp.primary.span.paragraph if comp.primary and comp.primary.passage.chunk_id == first.chunk_id else 0


def _cited_beside(comp: Composition, other: Passage, span: Span | None, rule: str,
                  line: Callable[[str, int], str], detail: Callable[[str], str]) -> Composition:
    """The composition with ``other`` cited after the rest (its paragraph ``span`` shown in the source list when
    known), the line saying what it is appended to the answer, and the rule traced."""
    if span is not None and len(comp.quotes) == len(comp.cited):
        comp.quotes = [*comp.quotes, span]  # the source list shows the paragraph, not the article's opening
    comp.cited = [*comp.cited, other]
    label = citation_label(other, span)
    comp.text = f"{comp.text}\n\n{line(label, len(comp.cited))}"
    comp.trace = [*comp.trace, TraceStep(rule, detail(label), "cited")]
    return comp


def original_of(translated: Passage, paragraph: int, chunks_of: Callable[[str], list[Passage]]
                ) -> tuple[Passage, Span | None] | None:
    """The authoritative text's passage of the article a translation's passage renders, and the paragraph of it that
    states what the translation's paragraph states (its figures, else its place when the two have as many
    paragraphs); None when the original holds no such article or no part of it states the translation's figures."""
    if not translated.translation_of or translated.article is None:
        return None
    mine = _paragraph_spans(translated)
    said = mine[paragraph - 1] if 0 < paragraph <= len(mine) else None
    wanted = _figures_of(said.text if said else translated.text)
    for other in (p for p in chunks_of(translated.translation_of) if p.article == translated.article):
        theirs = _paragraph_spans(other)
        if said is not None and len(theirs) == len(mine) and _figures_of(theirs[paragraph - 1].text) >= wanted:
            return other, theirs[paragraph - 1]
        if _figures_of(other.text) >= wanted:
            return other, next((span for span in theirs if wanted and _figures_of(span.text) >= wanted), None)
    return None


def with_original_text(comp: Composition, chunks_of: Callable[[str], list[Passage]], language: str,
                       allowed: Callable[[str], bool] = lambda doc_id: True) -> Composition:
    """The composition with the authoritative text of its first cited passage cited after the rest, when that
    passage is a translation and the original is neither cited already nor outside the documents allowed."""
    if not enabled(ORIGINAL) or comp.abstained or not comp.cited:
        return comp
    first = comp.cited[0]
    if not first.translation_of or not allowed(first.translation_of) or \
            any(p.doc_id == first.translation_of and p.article == first.article for p in comp.cited):
        return comp  # its article is cited in the original already (another article of it is no original)
    found = original_of(first, _answered_paragraph(comp), chunks_of)
    if found is None:
        return comp
    other, span = found
    return _cited_beside(comp, other, span, ORIGINAL, lambda label, n: f"原文（权威文本）：{label} [{n}]。" if language == "zh"
                         else f"Authoritative Chinese text: {label} [{n}].",
                         lambda label: f"{label} is the text {citation_label(first)} translates")


def other_version(passage: Passage, chunks_of: Callable[[str], list[Passage]]) -> Passage | None:
    """The passage of the law's other text (the one it superseded, or the one superseding it) whose article says
    what the passage's article says, nearly word for word and with every figure of the passage; None when the
    law has one text, or its other text rewrote the provision."""
    pair = text_pair(passage.doc_id)
    if pair is None or passage.article is None:
        return None
    other_id = pair[0] if pair[1] == passage.doc_id else pair[1]
    whole = " ".join(p.text for p in sorted(chunks_of(passage.doc_id), key=lambda p: p.part)
                     if p.article == passage.article) or passage.text
    others = chunks_of(other_id)
    similarity, first = most_alike(whole, others)
    if first is None or similarity < cues()["rules"][VERSION]["least_alike"]:
        return None
    words = _words(passage.text)
    best = max((p for p in others if p.article == first.article),
               key=lambda p: _alike(words, _words(p.text)))
    return best if _figures_of(best.text) >= _figures_of(passage.text) else None


def with_other_version(comp: Composition, chunks_of: Callable[[str], list[Passage]], language: str,
                       allowed: Callable[[str], bool] = lambda doc_id: True) -> Composition:
    """The composition with its first cited provision cited in the law's other text after the rest, when that
    text says the same and neither it is cited already nor outside the documents allowed."""
    if not enabled(VERSION) or comp.abstained or not comp.cited or comp.of_named_subject:
        # an answer about a law's own structure (its articles counted, an article renumbered) speaks of each text
        # by itself: the other text's article beside it would read as another count or number
        return comp
    first = comp.cited[0]
    other = other_version(first, chunks_of)
    if other is None or not allowed(other.doc_id) or any(p.doc_id == other.doc_id for p in comp.cited):
        return comp
    mine, theirs = _paragraph_spans(first), _paragraph_spans(other)
    paragraph = _answered_paragraph(comp)
    span = theirs[paragraph - 1] if paragraph and len(mine) == len(theirs) >= paragraph else None

    # no day in the line: a date beside the answer would read as part of it (and be checked as its figure)
    def line(label: str, n: int) -> str:
        if other.status == "amended":
            return f"修改前的文本为{label} [{n}]。" if language == "zh" else f"Same provision in the earlier text: {label} [{n}]."
        return f"现行文本为{label} [{n}]。" if language == "zh" else f"Same provision in the text now in force: {label} [{n}]."

    return _cited_beside(comp, other, span, VERSION, line, lambda label: f"{label} says what {citation_label(first)} says")


def later_restatement(comp: Composition, chunks_of: Callable[[str], list[Passage]]) -> tuple[Passage, Span] | None:
    """The sentence of the text partly superseding the answer's that restates the answer's sentence with another
    figure of a kind it states (each read under its chapeau), the most alike; None when there is none."""
    primary = comp.primary
    entry = load_manifest().by_id(primary.passage.doc_id) if primary is not None else None
    if entry is None or not entry.partly_superseded_by or \
            any(p.doc_id == entry.partly_superseded_by for p in comp.cited):
        return None
    spec = cues()["rules"][LATER]
    said = read_item(primary.span, primary.chapeau)
    kinds, figures = {f.kind for f in extract_figures(said)}, _figures_of(said)
    best, most = None, 0.0
    for passage in chunks_of(entry.partly_superseded_by):
        spans = sentence_spans(passage.text)
        for span, lead in zip(spans, chapeaus(spans), strict=True):
            text = read_item(span, lead)
            share = restatement_share(said, text)
            restated = {f.kind for f in extract_figures(span.text)} & kinds and _figures_of(text) != figures
            if restated and share >= spec["least_alike"] and share > most:
                best, most = (passage, span), share
    return best


def with_later_restatement(comp: Composition, chunks_of: Callable[[str], list[Passage]], language: str,
                           allowed: Callable[[str], bool] = lambda doc_id: True) -> Composition:
    """The composition with the later text's restatement of its provision quoted after the answer, when there is one
    and the documents allowed include it."""
    if not enabled(LATER) or comp.abstained or not comp.cited:
        return comp
    found = later_restatement(comp, chunks_of)
    if found is None or not allowed(found[0].doc_id):
        return comp
    passage, span = found
    comp.cited = [*comp.cited, passage]
    if len(comp.quotes) == len(comp.cited) - 1:
        comp.quotes = [*comp.quotes, span]
    n, label, quote = len(comp.cited), citation_label(passage, span), span.text.strip()
    line = (f"后来的规定另有规定，两者不一致的以后者为准：{label}：“{quote}” [{n}]" if language == "zh" else
            f"The later text says otherwise, and governs where the two differ: {label}: “{quote}” [{n}]")
    comp.text = f"{comp.text}\n\n{line}"
    comp.claims = [*comp.claims, Claim(quote, (n,))]
    comp.trace = [*comp.trace, TraceStep(LATER, f"{label} restates {citation_label(comp.primary.passage)}", "cited")]
    return comp
