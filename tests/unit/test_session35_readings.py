"""Readings added in session 35, each with what it must and must not do. Pure: no store, no model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("question", "second"), [
    ("How many working days after launch do we have to file the algorithm, and how many after shutting the service "
     "down to cancel it?", "how many working days after shutting the service down to cancel it?"),
    ("How many hours does the processor have to report, and how many for a major incident?",
     "how many hours for a major incident?"),
])
def test_a_bare_second_how_many_asks_in_the_unit_of_the_first(question, second):
    from retrieval.figures import question_wants
    from retrieval.query import split_asks

    assert split_asks(question)[1] == second
    assert question_wants(split_asks(question)[1]) == {"duration"}


@pytest.mark.parametrize("question", [
    # the second names its own noun: nothing is carried over
    "How many working days does the CAC take to accept, and how many people must the data cover?",
    # the first names no unit: a bare "how many" stays a count
    "How many individuals trigger the assessment, and how many for sensitive data?",
])
def test_a_second_how_many_keeps_its_own_noun_or_the_first_has_no_unit(question):
    from retrieval.query import split_asks

    assert "days" not in split_asks(question)[1]


@pytest.mark.parametrize("question", [
    "网信办2023年全年一共开了多少张个人信息保护方面的行政罚单？",
    "去年全国发生了几起重大数据泄露事件？",
    "这些年一共出台了多少部数据相关的法律？",
    "北京互联网法院一年收了多少宗个人信息案件？",
])
def test_a_chinese_measure_word_asks_a_count(question):
    from retrieval.figures import question_wants

    assert "count" in question_wants(question)


@pytest.mark.parametrize("question", [
    "多少部门联合制定了这个办法？",  # 部门 is a department, not a measure word
    "罚款多少？",
])
def test_a_department_or_a_fine_is_no_count(question):
    from retrieval.figures import question_wants

    assert "count" not in question_wants(question)


@pytest.mark.parametrize(("text", "open_"), [
    ("个人信息处理者应当定期对其处理个人信息遵守法律、行政法规的情况进行合规审计。", True),
    ("Personal information handlers shall regularly engage in audits of their personal information handling.", True),
    ("个人信息处理者应当每年对其处理未成年人个人信息的情况进行合规审计。", False),
])
def test_regularly_leaves_the_interval_open(text, open_):
    from retrieval.compose import _open_quantities

    assert ("interval" in _open_quantities(text)) is open_


@pytest.mark.parametrize(("question", "kind"), [
    ("网信办2023年一共开了多少张个人信息保护方面的罚单？", "items"),  # tickets, not the persons of 个人信息
    ("北京互联网法院一年收了多少件个人信息案件？", "items"),
    ("数据处理者要告知多少个人？", "people"),
    ("多少部门联合制定了这个办法？", "entities"),
])
def test_a_measure_word_says_what_a_chinese_count_counts(question, kind):
    from retrieval.roles import asked_count_noun, counted_class

    assert counted_class(asked_count_noun(question)) == kind
