"""Readings added in session 34, each with what it must and must not do. Pure: no store, no model."""

from __future__ import annotations

import pytest

from retrieval.records import Passage


def _passage(doc_id: str, text: str = "", article: int | None = 1, translation_of: str = "",
             bm25: float = 1.0) -> Passage:
    return Passage(chunk_id=f"{doc_id}-{article}", doc_id=doc_id, text=text, start=0, end=len(text), locator="",
                   title="", source="", kind="statute", authority=1, status="in-force", language="zh",
                   article=article, translation_of=translation_of, bm25=bm25, features={"lexical": 0.1})


def test_the_later_text_joins_the_sentences_that_compete_when_an_earlier_one_it_supersedes_is_there():
    from retrieval.compose import SENTENCE_POOL, sentence_pool
    from retrieval.query import analyse

    asked = analyse("How many people's personal information can we send abroad before we need a standard contract?")
    earlier = [_passage("scc-measures", article=4)] + [_passage("pipl", article=n) for n in range(2, SENTENCE_POOL + 1)]
    later = _passage("cbdt-provisions", article=5)
    pool = sentence_pool([*earlier, _passage("dsl", article=9), later], asked)
    assert pool[-1] is later and len(pool) == SENTENCE_POOL + 1
    # nothing superseded among the first: the pool is what it was
    plain = [_passage("pipl", article=n) for n in range(1, SENTENCE_POOL + 1)]
    assert sentence_pool([*plain, later], asked) == plain


def test_a_which_body_question_also_reads_the_passage_that_matches_its_words_best():
    from retrieval.compose import SENTENCE_POOL, sentence_pool
    from retrieval.query import analyse

    top = [_passage("minors", article=n, bm25=30.0) for n in range(1, SENTENCE_POOL + 1)]
    worded = _passage("minors", article=48, bm25=51.0)
    who = analyse("未成年人游戏的时段、时长、消费上限的管理规定由哪个部门牵头制定？")
    assert sentence_pool([*top, worded], who)[-1] is worded
    # a figure asked: the ranking decides
    fine = analyse("未成年人游戏违规最高罚款多少？")
    assert sentence_pool([*top, worded], fine) == top


def test_the_bodies_a_which_department_answer_names_are_read_from_the_vocabulary():
    from retrieval.compose import SPECIFIC_BODY

    assert SPECIFIC_BODY.search("国家新闻出版部门牵头组织开展未成年人沉迷网络游戏防治工作")
    assert SPECIFIC_BODY.search("the state cybersecurity and informatization department shall notify the relevant organs")
    assert not SPECIFIC_BODY.search("由有关主管部门责令改正")


def test_the_date_a_translation_gives_the_law_is_the_one_line_of_its_front_matter_that_may_answer():
    from retrieval.compose import _stating_sentences

    front = _passage("genai-en", "Interim Measures (English translation)\n\n**Promulgation Date:** 2023-7-10\n"
                     "**Title:** Interim Measures", article=None, translation_of="genai")
    assert [s.text for s in _stating_sentences(front)] == ["**Promulgation Date:** 2023-7-10"]
    article = _passage("genai-en", "Article 24: These measures take effect on August 15, 2023.", article=24,
                       translation_of="genai")
    assert len(_stating_sentences(article)) == 1


@pytest.mark.parametrize("question, first, second", [
    ("When were the GenAI measures promulgated, and on what date did they take effect?",
     "When were the GenAI measures promulgated", "on what date did they take effect?"),
    ("On what date were they adopted, and from when do they apply?", "On what date were they adopted",
     "from when do they apply?"),
])
def test_a_second_ask_may_open_with_a_preposition(question, first, second):
    from retrieval.query import split_asks

    assert split_asks(question) == (first, second)


def test_by_when_asks_a_period_as_much_as_a_date():
    from retrieval.figures import question_wants

    assert question_wants("We signed the standard contract: filing with the provincial CAC is due by when?") >= \
        {"date", "duration"}
    assert "duration" not in question_wants("On what date did the measures take effect?")


def test_an_annual_deadline_asks_a_day_of_the_year():
    from retrieval.figures import question_wants

    assert "day-of-year" in question_wants("What's the annual deadline for the report?")
    assert "day-of-year" not in question_wants("What's the deadline for the report?")


def test_the_term_a_question_sets_aside_is_no_strike_against_a_sentence_about_everyone_else():
    from retrieval.compose import _set_aside
    from retrieval.query import analyse

    asked = analyse("Our SaaS (we're not CII): how many people's data can we send abroad without an assessment?")
    assert asked.excluded_terms
    others = "关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供不满10万人个人信息"
    assert _set_aside(others, asked) < 0  # the residual: what the question asks
    assert _set_aside("关键信息基础设施运营者向境外提供个人信息的，应当申报安全评估", asked) > 0


def test_a_count_asked_per_year_counts_the_noun_before_the_rate():
    from retrieval.internal import ASKED_COUNT

    assert ASKED_COUNT.search("Up to how many people a year can we send?").group(1) == "people"
    assert ASKED_COUNT.search("how many users each year sign up?").group(1) == "users"


def test_profit_asks_money():
    from retrieval.figures import question_wants

    assert "amount" in question_wants("At what profit level does buying personal data become a crime?")
    assert "amount" in question_wants("获利多少构成情节严重？")


def test_a_place_is_named_in_either_language_as_english_writes_it():
    from retrieval.roles import places_named

    assert places_named("在郑州做个网站要办ICP备案，归哪个部门管？") == ("zhengzhou",)
    assert places_named("a marketing site for our Zhengzhou office") == ("zhengzhou",)
    assert places_named("个保法第66条罚多少？") == ()


def test_an_acronym_written_against_chinese_characters_is_still_one():
    from retrieval.roles import acronyms

    assert acronyms("在郑州做个网站要办ICP备案") == ["ICP"]
    assert acronyms("The ICP licence") == ["ICP"]


def test_how_many_articles_asks_a_count_and_which_article_does_not():
    from retrieval.figures import question_wants
    from retrieval.rules.asks import asks_which_article

    assert question_wants("标准合同范本一共有几条？") == {"count"}
    assert asks_which_article("个保法第几条规定了影响评估？") and "count" not in question_wants("个保法第几条规定了影响评估？")


def test_the_prior_year_s_turnover_is_no_earlier_text():
    from retrieval.roles import asks_earlier_text

    assert not asks_earlier_text("What percentage of prior-year turnover can the CSL fine?")
    assert asks_earlier_text("Under the prior CSL, what was the fine?")


def test_a_law_named_to_say_the_same_figure_is_not_the_law_asked_about():
    from retrieval.query import analyse

    asked = analyse("Under the amended Cybersecurity Law, what percentage of turnover can be fined, same 5% as PIPL?")
    assert asked.laws == ["csl-2025"]


def test_from_when_a_text_applies_asks_its_commencement():
    from retrieval.compose import EFFECTIVE_CUE

    assert EFFECTIVE_CUE.search("From when do the SPC facial recognition provisions apply?")
    assert not EFFECTIVE_CUE.search("From when can we apply for a renewal?")


def test_the_question_word_names_the_kind_when_no_other_word_does():
    from retrieval.figures import question_wants

    assert question_wants("被拖库了，要在多少小时以内通知到受影响的用户？") == {"duration"}
