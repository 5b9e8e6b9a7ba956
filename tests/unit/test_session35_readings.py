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


@pytest.mark.parametrize(("text", "draft"), [
    ("We've filed our declaration (declaration form, draft IPO docs). How long does the review take?", False),
    ("Our draft privacy policy says 30 days; what does the law say?", False),
    ("Under the draft measures, how long is the assessment valid?", True),
    ("征求意见稿里规定的期限是多久？", True),
])
def test_a_draft_is_one_of_the_rules_not_the_users_own_documents(text, draft):
    from retrieval.query import DRAFT_CUE

    assert bool(DRAFT_CUE.search(text)) is draft


def test_steps_listed_in_one_clause_are_asked_one_by_one():
    from retrieval.compare import listed_sides

    sides = listed_sides("数据出境安全评估申报流程：省级网信部门查材料完备性、国家网信办决定受不受理、最后完成评估，"
                         "这几个环节的法定时限分别是多少个工作日？")
    assert [s.question for s in sides] == [
        "数据出境安全评估申报流程，省级网信部门查材料完备性，法定时限是多少个工作日？",
        "数据出境安全评估申报流程，国家网信办决定受不受理，法定时限是多少个工作日？",
        "数据出境安全评估申报流程，完成评估，法定时限是多少个工作日？"]


@pytest.mark.parametrize(("question", "law"), [
    ("AI换脸、合成人声这类“深度合成”服务的管理规定，是从哪天开始施行的？", "deep-synthesis"),
    ("算法推荐服务的管理规定什么时候施行？", "algorithm-recommendation"),
    ("Under the SPC's facial recognition judicial interpretation, how many items does Article 2 list?",
     "facial-recognition"),
])
def test_a_law_is_named_with_words_between_its_subject_and_its_kind(question, law):
    from retrieval.query import analyse

    assert analyse(question).laws == [law]


def test_a_which_body_ask_after_a_scene_is_read_by_its_own_words():
    from retrieval.compose import _scene_apart
    from retrieval.query import analyse

    asked = analyse("我们准备去纳斯达克IPO，要报网络安全审查。那个“网络安全审查办公室”到底设在哪个部门下面？")
    assert _scene_apart(asked) == "那个“网络安全审查办公室”到底设在哪个部门下面？"
    # no scene told before the ask, or a figure asked: nothing to set apart
    assert _scene_apart(analyse("网络安全审查办公室设在哪个部门？")) == ""
    assert _scene_apart(analyse("我们准备去纳斯达克IPO。网络安全审查要多少个工作日？")) == ""


@pytest.mark.parametrize(("question", "duration"), [
    ("Is the approval still only good for 2 years like the 2022 Measures say?", True),
    ("Is the PIPL good for business?", False),
])
def test_good_for_a_number_of_years_asks_a_period(question, duration):
    from retrieval.figures import question_wants

    assert ("duration" in question_wants(question)) is duration


def test_two_things_asked_each_under_a_rule_named_between():
    from retrieval.compare import sides

    asked = [s.question for s in sides("倒卖酒店入住记录和倒卖普通的姓名手机号，按两高那个侵犯公民个人信息的司法解释，"
                                       "分别要多少条才算“情节严重”？")]
    assert asked == ["按两高那个侵犯公民个人信息的司法解释，倒卖酒店入住记录要多少条才算“情节严重”？",
                     "按两高那个侵犯公民个人信息的司法解释，倒卖普通的姓名手机号要多少条才算“情节严重”？"]


@pytest.mark.parametrize(("question", "ordinary"), [
    ("倒卖普通的姓名手机号要多少条才算情节严重？", True),
    ("How many ordinary phone numbers make the crime serious?", True),
    ("倒卖行踪轨迹信息要多少条才算情节严重？", False),
    ("How many other numbers does the list have?", False),
])
def test_ordinary_information_named_by_its_plain_kinds(question, ordinary):
    from retrieval.query import asks_ordinary

    assert asks_ordinary(question) is ordinary


@pytest.mark.parametrize(("question", "maximum"), [
    ("网安法2025年修正后，网络运营者违法收集、使用个人信息的，网安法自己规定的罚款上限是多少？", False),
    ("网安法的罚款上限是多少？", True),
])
def test_an_unlawful_act_named_by_its_verb_is_a_breach_described(question, maximum):
    from retrieval.rules.asks import asks_law_maximum

    assert asks_law_maximum(question) is maximum


@pytest.mark.parametrize(("question", "challenge"), [
    ("网络安全审查结论我们不服，可以在多少个工作日内申请复审？", True),
    ("对评估结果有异议，多少个工作日内可以提出复评申请？", True),
    ("复评要在多少个工作日内完成？", False),  # the body's time
    ("Within how many days can we appeal the assessment result?", True),
    ("How long does the CAC have to give its re-assessment result?", False),
])
def test_the_applicants_time_to_challenge_is_asked(question, challenge):
    from retrieval.roles import asks_challenge_time

    assert asks_challenge_time(question) is challenge


def test_a_bodys_period_does_not_answer_the_applicants_time_to_challenge():
    from retrieval.roles import applicant_period

    body = "特别审查程序一般应当在90个工作日内完成，情况复杂的可以延长。"
    applicant = "数据处理者对评估结果有异议的，可以在收到评估结果15个工作日内向国家网信部门申请复评。"
    assert not applicant_period(body, body.index("90个工作日") + len("90个工作日"))
    assert applicant_period(applicant, applicant.index("15个工作日") + len("15个工作日"))
