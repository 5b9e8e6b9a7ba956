"""Follow-ups read in their conversation (retrieval/followup.py): what they leave out comes from the questions
before; a new topic starts afresh."""

from __future__ import annotations

import pytest

from retrieval.followup import describe, read_in_context
from retrieval.laws import resolve_laws

PIPL_FINE = "What is the maximum fine under the PIPL for a serious violation?"


def test_a_law_alone_inherits_the_subject():
    reading = read_in_context("And under the Data Security Law?", [PIPL_FINE])
    assert reading.inherited == ("subject",)
    assert reading.read_as == "maximum fine under the Data Security Law for a serious violation"
    laws = resolve_laws(reading.text)
    assert laws[0] == "dsl" and "pipl" not in laws


def test_a_party_alone_inherits_the_law_and_subject_through_a_chain():
    reading = read_in_context("what about for individuals?", [PIPL_FINE, "And under the DSL?"])
    assert set(reading.inherited) == {"subject", "law"}
    assert resolve_laws(reading.text)[0] == "dsl"
    assert "responsible individuals" in reading.text and "maximum fine" in reading.text


def test_a_chinese_party_follow_up():
    reading = read_in_context("那如果是关键信息基础设施运营者呢？", ["数据出境安全评估的有效期是多久？"])
    assert reading.follows_up
    assert reading.text.startswith("对于关键信息基础设施运营者，") and "有效期" in reading.text


def test_a_chinese_law_follow_up_keeps_the_chinese_question():
    reading = read_in_context("那数据安全法呢？", ["个人信息保护法规定的最高罚款是多少？"])
    assert reading.text == "数据安全法规定的最高罚款是多少？"
    assert reading.read_as == "数据安全法规定的最高罚款"


def test_a_follow_up_with_its_own_subject_inherits_the_law():
    reading = read_in_context("And how long must logs be kept?", [PIPL_FINE])
    assert reading.inherited == ("law",)
    assert reading.text == "How long must logs be kept under the PIPL?"


def test_the_party_replaces_the_one_asked_before():
    reading = read_in_context("And for the managers?", ["What fine can a company get under the PIPL?"])
    assert reading.text == "What fine can the responsible individuals get under the PIPL?"


@pytest.mark.parametrize("question", ["When did the Data Security Law take effect?", "What is the maximum GDPR fine?",
                                      "How long must access logs be kept?", "数据安全法什么时候施行？"])
def test_a_new_topic_starts_afresh(question):
    reading = read_in_context(question, [PIPL_FINE])
    assert not reading.follows_up and reading.text == question


def test_no_conversation_means_no_inheritance():
    reading = read_in_context("And under the DSL?", [])
    assert not reading.follows_up and reading.text == "And under the DSL?"


def test_describe_drops_the_scaffolding_only():
    assert describe("What is the maximum fine under the DSL?") == "maximum fine under the DSL"
    assert describe("How many days does the review take?") == "how many days does the review take"
    assert describe("请问数据安全法规定的最高罚款是多少？") == "数据安全法规定的最高罚款"


@pytest.mark.parametrize("follow_up", ["What about the GDPR?", "And under the Anti-Monopoly Law?"])
def test_a_law_the_corpus_does_not_hold_is_still_the_law_asked(follow_up):
    reading = read_in_context(follow_up, [PIPL_FINE])
    assert reading.inherited == ("subject",) and "PIPL" not in reading.text
    assert reading.text.startswith("What is the maximum fine under the ") and "for a serious violation" in reading.text


def test_an_acronym_that_names_a_party_is_not_taken_for_a_law():
    reading = read_in_context("And for CII operators?", ["How long must network logs be kept under the CSL?"])
    assert "critical information infrastructure operator" in reading.text and "CSL" in reading.text


def test_a_version_alone_asks_the_same_question_of_the_law_s_other_text():
    from retrieval.rules.asks import asks_two_versions, version_marks

    reading = read_in_context("And under the 2016 text?", ["How long must network logs be kept under the CSL?"])
    assert reading.inherited == ("subject", "law")
    assert reading.text.startswith("How long must network logs be kept under the CSL")
    assert version_marks(reading.text)[0] and not asks_two_versions(reading.text)
    zh = read_in_context("那修改前呢？", ["网安法规定网络日志要保存多久？"])
    assert zh.text == "修改前，网安法规定网络日志要保存多久？"
    # a subject of its own is no version: it keeps only the law
    assert read_in_context("And how long must logs be kept?", ["What is the maximum fine under the CSL?"]).inherited \
        == ("law",)


RETENTION = "How long must a PIPIA report be kept under the PIPL?"


def test_a_new_subject_alone_is_asked_the_kind_of_figure_asked_before():
    reading = read_in_context("And network logs under the CSL?", [RETENTION])
    assert reading.text == "How long for network logs under the CSL?"
    assert reading.inherited == ("subject",)
    assert resolve_laws(reading.text)[0] == "csl-2025"


def test_a_new_chinese_subject_inherits_the_law_it_leaves_out():
    reading = read_in_context("那网络日志呢？", ["个保法规定的个人信息保护影响评估报告要保存多久？"])
    assert reading.text.endswith("网络日志的期限是多久？")
    assert set(reading.inherited) == {"subject", "law"} and resolve_laws(reading.text)[0] == "pipl"


def test_a_new_breach_is_asked_its_fine():
    reading = read_in_context("And for selling personal information abroad?", [PIPL_FINE])
    assert reading.text.startswith("What is the fine for selling personal information abroad")
    assert resolve_laws(reading.text)[0] == "pipl"


@pytest.mark.parametrize("follow_up", ["And the deadline?", "And how long must logs be kept?"])
def test_a_follow_up_naming_its_own_ask_is_not_given_the_ask_before(follow_up):
    assert "fine" not in read_in_context(follow_up, [PIPL_FINE]).text


def test_a_date_is_not_carried_to_a_new_subject():
    # "When did the PIPL take effect?" then "And the filing portal?": too bound to its subject to carry over
    assert not read_in_context("And the filing portal?", ["When did the PIPL take effect?"]).text.startswith("When")
