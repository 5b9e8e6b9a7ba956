"""Readings added in session 41: instruments named by their order number, a comparison asked sentence by
sentence, and a comparison side the question itself tells."""

from retrieval.compare import _side_label, sides
from retrieval.laws import resolve_laws
from retrieval.query import analyse
from retrieval.service import _told_by_question


def test_an_order_number_names_the_instrument_whose_title_carries_it():
    assert resolve_laws("CAC Order No. 11") == ["outbound-assessment"]
    assert resolve_laws("按16号令，有效期多久？") == ["cbdt-provisions"]
    assert resolve_laws("网信办令第13号") == ["scc-measures"]


def test_a_number_no_title_carries_names_nothing():
    assert resolve_laws("Order No. 99") == []
    assert resolve_laws("in order 2 days later") == []


def test_two_asking_sentences_then_which_is_longer_are_two_sides():
    asked = sides("网络日志按网安法至少要留多久？个人信息保护影响评估报告又至少要留多久？哪个更长？")
    assert [side.label for side in asked] == ["网络日志", "个人信息保护影响评估报告"]
    asked = sides("How long must network logs be kept? How long must PIA reports be kept? Which is longer?")
    assert [side.question for side in asked] == ["How long must network logs be kept?",
                                                 "How long must PIA reports be kept?"]


def test_one_asking_sentence_then_a_comparison_is_no_pair_of_sentences():
    assert sides("网络日志至少要留多久？哪个更长？") == []


def test_a_side_is_called_by_the_thing_its_sentence_asks_about():
    assert _side_label("内审问我们：网络日志按网安法至少要留多久？") == "网络日志"
    assert _side_label("How long is the special review?") == "special review"
    assert _side_label("多久？") == "多久"


def test_a_silent_side_the_question_tells_is_told_not_asked():
    silent = [analyse("数据出境安全评估结果的有效期，11号令写的是几年？")]
    assert _told_by_question("有效期，11号令写的是2年，后来改成多久了？哪个更长？", silent)
    assert not _told_by_question("11号令和16号令的有效期哪个更长？", silent)


def test_a_law_named_only_in_the_scene_is_no_side_of_two_asks():
    from retrieval.compare import _laws_asked_of

    told = ("DSL question: a client shipped important data offshore without going through the outbound rules. "
            "If it is serious, what fine range applies, and what's the ceiling if it's not serious?")
    assert _laws_asked_of(told) < 2
    assert _laws_asked_of("What is the top fine under the PIPL, and what is it under the DSL?") == 2


def test_a_countrys_data_protection_authority_names_its_regime():
    from retrieval.compose import foreign_regimes

    assert foreign_regimes("意大利数据保护局对一家公司开的罚款是多少欧元？") == ["意大利"]
    assert foreign_regimes("法国当局要求我们删除数据吗？") == ["法国"]
    assert foreign_regimes("数据传到美国总部，需要做安全评估吗？") == []


def test_a_payout_or_a_premium_is_money_and_hours_per_month_a_duration():
    from retrieval.figures import question_wants

    assert "amount" in question_wants("What's the maximum payout under the bug bounty programme?")
    assert "amount" in question_wants("What premium do insurers charge for breach cover?")
    assert "duration" in question_wants("What's the legal cap on overtime hours per month?")
