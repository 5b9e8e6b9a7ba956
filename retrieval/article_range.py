"""Rule `no_such_article`: "个保法第七十五条是怎么规定的？" names an article its law does not have (the PIPL ends at
Article 74). The numbering of the chunks the store holds of the law, in every text of it, is positive evidence
that the corpus cannot answer; the nearest article's words are the careless answer."""

from __future__ import annotations

from collections.abc import Callable

from retrieval.compose import Composition, abstain
from retrieval.enumeration import unit_number
from retrieval.laws import owned_article_refs, with_versions
from retrieval.query import QueryAnalysis
from retrieval.records import Passage
from retrieval.rules.registry import enabled

RULE = "no_such_article"


def articles_held(doc_id: str, chunks_of: Callable[[str], list[Passage]]) -> int:
    """How many articles the law has, in its longest text the store holds, when every text's articles run 1…N
    with none missing; 0 when not known (a law the store lacks, or one without numbered articles)."""
    counts = []
    for version in sorted(with_versions([doc_id])):
        numbers = {unit_number(p) for p in chunks_of(version) if p.article is not None} - {0}
        if numbers and numbers != set(range(1, max(numbers) + 1)):
            return 0
        counts.append(max(numbers, default=0))
    return max(counts, default=0)


def no_such_article(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """An abstention naming how many articles the law has, when the question names an article beyond its last."""
    if not enabled(RULE):
        return None
    for ref in owned_article_refs(analysis.question):
        held = articles_held(ref.doc_id, chunks_of) if ref.doc_id else 0
        if held and ref.article > held:
            last = next((p for p in chunks_of(ref.doc_id) if unit_number(p) == held), None)
            name = last.short or last.title if last else ref.doc_id
            reason = (f"{name} has {held} articles; it has no Article {ref.article}." if analysis.language != "zh"
                      else f"{name}共{held}条，没有第{ref.article}条。")
            return abstain([last] if last else [], reason, analysis, RULE)
    return None


def names_owned_article(question: str) -> bool:
    """The rule's question side (its examples in cues.toml run through it): an article named beside its law."""
    return bool(owned_article_refs(question))
