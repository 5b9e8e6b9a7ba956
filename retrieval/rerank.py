"""A transparent reranker: a weighted sum of features a lawyer can read off each passage.

No packaged cross-encoder exists, so the score is explained rather than learned: similarity,
lexical coverage of the question (with its glossary expansion), whether the passage holds a figure
of the kind asked for, the source's authority, and whether it is the law or article the question
names. Weights live in settings (tuned on the gold set's dev split)."""

from __future__ import annotations

import heapq
from functools import lru_cache

from ingest.lexical import tokenize
from ingest.numerals import int_to_chinese
from ingest.settings import RerankWeights
from retrieval.figures import Figure, extract_figures
from retrieval.query import QueryAnalysis
from retrieval.records import Passage


@lru_cache(maxsize=20000)
def passage_tokens(text: str, tokenizer: str) -> frozenset[str]:
    return frozenset(tokenize(text, tokenizer))


@lru_cache(maxsize=20000)
def passage_figures(text: str) -> tuple[Figure, ...]:
    return tuple(extract_figures(text))


def coverage(query_tokens: set[str], passage: frozenset[str]) -> float:
    return len(query_tokens & passage) / len(query_tokens) if query_tokens else 0.0


def features(passage: Passage, analysis: QueryAnalysis, max_fused: float, dense_lo: float, dense_hi: float,
             tokenizer: str) -> dict[str, float]:
    """Every feature but figure_type, which rerank fills in best-first (reading a passage's figures is the
    costliest feature: _add_figure_type)."""
    tokens = passage_tokens(passage.full_text, tokenizer)
    named = bool(analysis.laws) and (passage.doc_id in analysis.laws or passage.translation_of in analysis.laws)
    # a guide whose title names the place the question names ("在郑州做个网站…") is named by it, as by its title
    placed = any(place in passage.title.lower() for place in analysis.named_places)
    if named and analysis.scoped_tokens:
        # within a law the question names, its name is in every article: what else the question says decides
        lexical = max(coverage(analysis.scoped_content, tokens), coverage(analysis.scoped_expansion, tokens))
    else:
        lexical = max(coverage(analysis.content_tokens, tokens), coverage(analysis.expansion_tokens, tokens))
    refs = analysis.articles
    article_hit = any(
        passage.article == ref.article and (ref.doc_id in (None, passage.doc_id, passage.translation_of))
        and (ref.doc_id is not None or not analysis.laws or passage.doc_id in analysis.laws
             or passage.translation_of in analysis.laws)
        for ref in refs
    )
    cited = not article_hit and any(_cites(passage, ref, analysis) for ref in refs)
    spread = max(dense_hi - dense_lo, 1e-6)
    return {
        "fused": passage.fused / max_fused if max_fused else 0.0,
        "dense": (passage.dense - dense_lo) / spread,
        "lexical": lexical,
        "figure_type": 0.0,
        "authority": (6 - min(max(passage.authority, 1), 5)) / 5,
        "law_match": 1.0 if named or placed else 0.0,
        "article_match": 1.0 if article_hit else 0.0,
        "article_cited": 1.0 if cited else 0.0,
        "superseded": 0.0 if passage.status == "in-force" else 1.0,
    }


def _cites(passage: Passage, ref, analysis: QueryAnalysis) -> bool:
    """"违反本条例第二十条第一款规定的…": the passage cites the article (and paragraph) the question names."""
    same_law = passage.doc_id == ref.doc_id if ref.doc_id else passage.doc_id in analysis.laws
    if not same_law or passage.article == ref.article:
        return False
    # 条 and 款 close the numbers, so 第二十条 is never the start of 第二十一条
    cite = f"第{int_to_chinese(ref.article)}条" + (f"第{int_to_chinese(ref.paragraph)}款" if ref.paragraph else "")
    return cite in passage.text


# the top of the ranking computed exactly; below it the figure feature may be left unread (see _add_figure_type)
EXACT_TOP = 12  # more than any answer reads (RANKED_DEPTH 10; compose reads SENTENCE_POOL 6)


def rerank(passages: list[Passage], analysis: QueryAnalysis, weights: RerankWeights, tokenizer: str) -> list[Passage]:
    if not passages:
        return passages
    max_fused = max(p.fused for p in passages)
    dense = [p.dense for p in passages if p.dense]
    lo, hi = (min(dense), max(dense)) if dense else (0.0, 1.0)
    for p in passages:
        f = features(p, analysis, max_fused, lo, hi, tokenizer)
        p.features = f
        p.score = (weights.fused * f["fused"] + weights.dense * f["dense"] + weights.lexical * f["lexical"]
                   + weights.authority * f["authority"]
                   + weights.law_match * f["law_match"] + weights.article_match * f["article_match"]
                   + weights.article_cited * f["article_cited"]
                   - weights.superseded_penalty * f["superseded"])
    if analysis.wants:
        _add_figure_type(passages, analysis, weights)
    return sorted(passages, key=lambda p: -p.score)


def _add_figure_type(passages: list[Passage], analysis: QueryAnalysis, weights: RerankWeights) -> None:
    """Whether a passage holds a figure of the kind asked costs a full reading of its figures (about 2 ms, and
    at 100k chunks rarely cached). Read best-first, stopping once no passage left could reach the top EXACT_TOP
    even with the feature: the top is then exactly what reading every passage would give."""
    # a question naming an institution or a short name is answered from any passage naming it, however deep
    exact = len(passages) if analysis.held_names or analysis.institutions else EXACT_TOP
    most = max(weights.figure_type, weights.reported_count) if analysis.reported_count else weights.figure_type
    top: list[float] = []  # the `exact` best full scores read so far, smallest first (a min-heap)
    best_first = sorted(passages, key=lambda p: -p.score)
    for n, p in enumerate(best_first):
        if len(top) == exact and p.score + most < top[0]:
            for unread in best_first[n:]:
                unread.figures_unread = True
            return
        _read_figure_type(p, analysis, weights)
        (heapq.heappush if len(top) < exact else heapq.heappushpop)(top, p.score)


def _read_figure_type(passage: Passage, analysis: QueryAnalysis, weights: RerankWeights) -> None:
    passage.figures_unread = False
    if {f.kind for f in passage_figures(passage.text)} & analysis.wants:
        passage.features["figure_type"] = 1.0
        # a count asked for a day or a year (how many cases in 2022) no statute states: a guide's or article's
        # passage nearest in meaning that states a count is the candidate, though it shares few words with a
        # question in the other language
        passage.score += weights.reported_count if passage.reports_count else weights.figure_type


def settle_figure_type(passages: list[Passage], analysis: QueryAnalysis, weights: RerankWeights) -> None:
    """The figure feature of passages an answer cites from below the exact top (found deeper, by the name they
    hold): their scores then are what reading every passage would have given."""
    for p in passages:
        if p.figures_unread:
            _read_figure_type(p, analysis, weights)


def plain_fusion(passages: list[Passage]) -> list[Passage]:
    """The no-rerank baseline: fused order as is, with the same feature record for inspection."""
    for p in passages:
        p.score = p.fused
    return passages
