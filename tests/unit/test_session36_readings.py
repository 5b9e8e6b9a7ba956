"""Readings added in session 36, each with what it must and must not do. Pure: no store, no model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "wants"), [
    ("按2026年起施行的新网安法条文本身，关基运营者违规把个人信息存到境外，罚款写的是多少到多少？", {"amount"}),
    ("新网安法施行以后罚款最高多少？", {"amount"}),
    ("合同生效以后多少天内要备案？", {"duration"}),
])
def test_a_text_taking_effect_named_as_the_scene_asks_no_date(question, wants):
    from retrieval.figures import question_wants
    from retrieval.query import classify

    assert question_wants(question) == wants
    assert classify(question, wants) != "date"


@pytest.mark.parametrize("question", [
    "个保法是哪一年施行的？",
    "个保法施行的日期是哪天？",
    "数安法什么时候生效的？",
    "PIPL是2021年11月1日施行的吗？",
])
def test_a_date_asked_of_a_text_taking_effect_is_still_a_date(question):
    from retrieval.figures import question_wants

    assert "date" in question_wants(question)


@pytest.mark.parametrize("question", [
    "跟海外母公司签了个人信息出境标准合同，找哪一级网信部门、多少天内要交？",
    "向哪个部门备案，多少天内要备案？",
    "Which authority do we file with, and within how many days must we file?",
])
def test_a_body_asked_about_is_not_who_acts(question):
    from retrieval.duties import asked_duty

    assert asked_duty(question)[0] != "authority"


@pytest.mark.parametrize("question", [
    "省网信办应当在几个工作日内完成查验？",
    "网信部门要在多少个工作日内答复？",
])
def test_a_body_that_acts_is_still_the_bearer(question):
    from retrieval.duties import asked_duty

    assert asked_duty(question)[0] == "authority"


def test_the_ask_before_two_options_set_against_each_other_is_asked_of_each():
    from retrieval.compare import sides

    question = ("DSL fines, serious cases: max for sending important data abroad in breach of Art 31 vs handing "
                "data to a foreign court without approval (Art 36)?")
    assert [side.question for side in sides(question)] == [
        "DSL fines, serious cases: max for sending important data abroad in breach of Art 31?",
        "DSL fines, serious cases: max for handing data to a foreign court without approval (Art 36)?"]


def test_options_set_against_each_other_after_no_figure_asked_are_no_sides():
    from retrieval.compare import _ask_then_versus_sides

    assert _ask_then_versus_sides("Tell me about the history of encryption vs hashing in data law?") == []


def test_what_each_option_is_asked_may_follow_the_options():
    from retrieval.compare import sides

    question = ("DSL question: which is punished harder — illegally exporting important data (serious case) or "
                "handing data to a foreign court without approval? Give me the top fine for each.")
    asked = [side.question for side in sides(question)]
    assert len(asked) == 2 and all("top fine" in q and q.startswith("Under the") for q in asked)


@pytest.mark.parametrize("question", [
    "CSL old vs new: what's the top company fine under the 2016 text vs the version in force from Jan 2026?",
    "What was the fine cap under the 2016 text, and what is it under the version in force from 2026?",
])
def test_a_version_in_force_from_a_later_year_is_the_later_text(question):
    from retrieval.rules.asks import asks_two_versions

    assert asks_two_versions(question)


def test_a_law_in_force_from_its_first_year_is_no_later_text():
    from retrieval.rules.asks import version_marks

    assert version_marks("Which PIPL article has been in force since 2021?")[1] == []


@pytest.mark.parametrize(("question", "asks"), [
    ("When did the NPCSC amend the Data Security Law in 2024?", True),
    ("数安法是哪一年修订的？", True),
    ("When was the Data Security Law adopted?", False),
    ("Has the PIPL been amended, and what is its top fine?", False),
])
def test_an_amendment_date_is_asked_in_the_clause_asking_a_date(question, asks):
    from retrieval.amended import asks_amendment_date

    assert asks_amendment_date(question) is asks


def test_a_statement_that_something_took_effect_asks_no_date():
    from retrieval.figures import question_wants

    assert question_wants("We signed the SCC and it took effect last week. Where do we file it, and what's the "
                          "deadline?") == {"duration"}
    assert question_wants("The PIPL took effect in 2021. When did the DSL take effect?") == {"date"}


def test_latin_letters_for_a_title_s_words_name_the_law():
    from retrieval.laws import resolve_laws

    assert resolve_laws("生成式AI服务管理暂行办法是哪天开始施行的？")[0] == "genai"


@pytest.mark.parametrize(("question", "law"), [
    ("2024年的促进规定里评估结果有效期是多久？", "cbdt-provisions"),
    ("2022年的评估办法里评估结果有效期是多久？", "outbound-assessment"),
])
def test_a_rule_named_by_year_kind_and_some_words_of_its_title(question, law):
    from retrieval.laws import resolve_laws

    assert resolve_laws(question) == [law]


def test_the_old_text_and_the_new_one_are_two_versions():
    from retrieval.rules.asks import asks_two_versions

    assert asks_two_versions("What was the max fine under the old text, and what is it under the new one?")
