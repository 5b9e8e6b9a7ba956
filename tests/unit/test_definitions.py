"""Rule defined_term: whether a named law defines a term, read off its whole text. Pure: no store, no model."""

from __future__ import annotations

import pytest

from retrieval.definitions import asked_term, defined_term
from retrieval.query import analyse
from retrieval.records import Passage
from tests.statutes import statute


def _article(doc_id: str, article: int, text: str) -> Passage:
    return statute(text, article, doc_id, title=doc_id, short=doc_id.upper())


DSL = {"dsl": [_article("dsl", 21, "第二十一条 国家建立数据分类分级保护制度，制定重要数据目录，加强对重要数据的保护。")]}
NDSMR = {"ndsmr": [_article("ndsmr", 62, "第六十二条 本条例下列用语的含义：\n（四）重要数据，是指特定领域、特定群体的数据。")]}
PIPL = {"pipl": [_article("pipl", 28, "第二十八条 敏感个人信息是一旦泄露或者非法使用，容易导致危害的个人信息。")]}


@pytest.mark.parametrize(("question", "term"), [
    ("Which article of the Data Security Law defines 'important data'?", "important data"),
    ("《网络数据安全管理条例》对'大型网络平台'的定义规定在哪一条？", "大型网络平台"),
    ("Which article of the PIPL defines sensitive personal information?", "sensitive personal information"),
    ("数据安全法如何界定重要数据？", "重要数据"),
    ("Which article of the PIPL sets the fine for a serious violation?", ""),
])
def test_the_term_asked_to_be_defined(question, term):
    assert asked_term(question) == term


def test_a_law_that_uses_a_term_without_defining_it_says_so():
    comp = defined_term(analyse("Which article of the Data Security Law defines 'important data'?"),
                        lambda doc_id: DSL.get(doc_id, []))
    assert comp is not None and comp.abstained and "uses the term without defining it" in comp.text


@pytest.mark.parametrize(("question", "store", "answer"), [
    ("How does the NDSMR define important data?", NDSMR, "NDSMR Art. 62"),
    ("Which article of the PIPL defines sensitive personal information?", PIPL, "PIPL Art. 28"),
])
def test_the_defining_article_answers_wherever_it_ranks(question, store, answer):
    comp = defined_term(analyse(question), lambda doc_id: store.get(doc_id, []))
    assert comp is not None and not comp.abstained and comp.key_figure == answer


def test_a_figure_asked_or_no_law_named_is_left_to_the_composer():
    assert defined_term(analyse("深度合成管理规定在界定“深度合成技术”时，列举了几类技术？"), lambda d: []) is None
    assert defined_term(analyse("What does 'important data' mean?"), lambda d: DSL["dsl"]) is None


@pytest.mark.parametrize(("question", "term"), [
    ("What is sensitive personal information under the PIPL?", "sensitive personal information"),
    ("个人信息保护法里什么是敏感个人信息？", "敏感个人信息"),
    ("敏感个人信息是指什么？", "敏感个人信息"),
    # a phrase the glossary holds no term for asks no meaning
    ("What is the maximum fine under the PIPL?", ""),
    ("What is the PIPL?", ""),
])
def test_what_is_a_term_of_the_field_asks_its_meaning(question, term):
    assert asked_term(question) == term


def test_what_is_a_term_is_answered_by_its_definition_and_left_to_the_composer_where_the_law_has_none():
    comp = defined_term(analyse("What is sensitive personal information under the PIPL?"), lambda d: PIPL.get(d, []))
    assert comp is not None and not comp.abstained and comp.key_figure == "PIPL Art. 28"
    assert defined_term(analyse("What are important data under the DSL?"), lambda d: DSL.get(d, [])) is None


def test_a_term_asked_of_no_law_is_defined_by_the_highest_text_that_defines_it():
    store = {**PIPL, **NDSMR}
    comp = defined_term(analyse("What is sensitive personal information?"), lambda d: store.get(d, []))
    assert comp is not None and comp.key_figure == "PIPL Art. 28"
    assert defined_term(analyse("What is personal information?"), lambda d: store.get(d, [])) is None
