"""Rule `amending_item`: a provision an amending decision rewrote has two texts that say the same: the article of
the law as amended (CSL Art. 61, in force) and the decision's item that wrote it (修改决定 五、将第五十九条改为第六十一条，
修改为：“…”). Whichever answered, the other is cited beside it, so that a reader who works from the consolidated text
and one who works from the amending instrument both find the provision they know. Nothing is answered from it: the
figures stay checked against the passage quoted."""

from __future__ import annotations

from collections.abc import Callable

from ingest.lexical import tokenize
from ingest.manifest import load_manifest
from retrieval.compose import Composition, citation_label
from retrieval.laws import amended_laws
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import cues, enabled

RULE = "amending_item"


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
