"""retrieval/search.py's chunk table and retrieval/rerank.py's exact top: the fast paths that keep a 100k-chunk store
quick give what the plain readings give. No store, no model: a BM25 index built here."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from ingest.lexical import LexicalIndex
from ingest.settings import RerankWeights
from retrieval.glossary import names_in
from retrieval.query import analyse
from retrieval.records import Passage
from retrieval.rerank import EXACT_TOP, rerank
from retrieval.search import ChunkTable

TEXTS = [
    "Our CRM system stores customer records.", "客户关系管理系统（CRM）保存客户信息。", "crm exports are weekly.",
    "The CRMs of our affiliates.", "交通银行被处罚款。", "Bank of Communications was fined CNY1.6 million.",
    "No name here at all.", "İstanbul office and the CBDT rules.", "跨境数据传输适用标准合同。", "",
]


def _table(texts: list[str]) -> ChunkTable:
    ids = [f"c{i}" for i in range(len(texts))]
    metas = [{"doc_id": f"d{i % 3}", "title": "t", "locator": f"part {i}"} for i in range(len(texts))]
    return ChunkTable(LexicalIndex.build(ids, texts, metas, "g1", "bigram"))


@pytest.mark.parametrize("name", ["CRM", "crm", "交通银行", "Bank of Communications", "CBDT", "跨境", "Nowhere"])
def test_rows_naming_a_name_are_those_a_text_by_text_reading_finds(name):
    table = _table(TEXTS)
    expected = [float(names_in(name, text)) for text in TEXTS]
    assert table.rows_naming(name).tolist() == expected


def test_some_names_are_found_and_some_are_not():
    table = _table(TEXTS)
    assert table.holds_name("CRM") and table.holds_name("交通银行") and not table.holds_name("Nowhere")


def _passages(n: int, seed: int) -> list[Passage]:
    rng = random.Random(seed)
    words = ["处五十万元以下罚款", "应当在十五个工作日内", "个人信息处理者", "fine of CNY 1 million", "三年", "重要数据"]
    return [Passage(chunk_id=f"c{i}", doc_id=f"d{i % 4}", text=" ".join(rng.sample(words, 3)), start=0, end=10,
                    locator=f"Art. {i}", title="t", source="s", kind="statute", authority=1 + i % 3,
                    status="in-force", language="zh", dense=rng.random(), fused=rng.random())
            for i in range(n)]


@pytest.mark.parametrize("seed", range(5))
def test_the_reranked_top_is_what_reading_every_passages_figures_gives(seed):
    analysis = analyse("对个人信息处理者罚款多少元？", "bigram")
    assert analysis.wants  # the figure feature is in play
    quick = rerank(_passages(80, seed), analysis, RerankWeights(), "bigram")
    # a question naming an institution has every passage's figures read
    slow = rerank(_passages(80, seed), replace(analysis, institutions=("x",)), RerankWeights(), "bigram")
    assert [p.chunk_id for p in quick[:EXACT_TOP]] == [p.chunk_id for p in slow[:EXACT_TOP]]
    assert any(p.figures_unread for p in quick)  # the quick path did leave some passages unread


def _source(chunk_id: str, kind: str, text: str) -> Passage:
    return Passage(chunk_id=chunk_id, doc_id=chunk_id, text=text, start=0, end=10, locator="", title="t", source="s",
                   kind=kind, authority=1 if kind == "statute" else 4, status="in-force", language="en",
                   dense=0.5, fused=0.5)


@pytest.mark.parametrize(("nearest", "guide_first"), [
    (True, True),  # the search found it among the guides nearest in meaning to a count asked for a year
    (False, False),  # any other guide's count weighs as any figure does ("two police officers")
])
def test_a_count_reported_for_a_day_or_year_is_sought_in_the_guides_nearest_in_meaning(nearest, guide_first):
    statute = _source("law", "statute", "Providers of generative AI services shall have 2 services registered.")
    guide = _source("guide", "guide", "By then the list held 302.")
    guide.reports_count = nearest
    question = "As of the end of 2024, how many generative AI services had been registered?"
    ranked = rerank([statute, guide], analyse(question, "bigram"), RerankWeights(), "bigram")
    assert (ranked[0].chunk_id == "guide") == guide_first
