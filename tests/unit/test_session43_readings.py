"""Readings added in session 43, each measured on the blind sets: the act a which-body ask asks the body of."""

from __future__ import annotations


def test_the_act_a_which_body_ask_asks_is_read_in_its_own_clause():
    from retrieval.compose import body_acts_asked, states_act

    acts = body_acts_asked("各行业主管部门定的关基认定规则，要报哪个部门备案？")
    assert acts and states_act("制定关键信息基础设施认定规则，并报国务院公安部门备案。", acts)
    assert not states_act("及时将认定结果通知运营者，并通报国务院公安部门。", acts)
    assert body_acts_asked("once the rules are written, which body do those rules have to be filed with?")
    # a filing told in the scene is not what the which-body clause asks
    assert body_acts_asked("我们已经备案了，现在由哪个部门负责监督？") == []
    assert body_acts_asked("对认定结果不服，可以向哪个机关申请复核？") and \
        states_act("申请复评", body_acts_asked("可以向哪个机关申请复核？"))


def test_a_measure_word_after_duoshao_asks_a_count_not_a_period():
    from retrieval.query import analyse

    assert analyse("网信办一共公布了多少批算法备案信息？", "jieba").wants == {"count"}
    assert analyse("这条规定列了多少项义务？", "jieba").wants == {"count"}
    assert "duration" in analyse("要在多少个工作日内备案？", "jieba").wants


def test_a_held_name_s_chinese_subject_with_its_kind_in_english_names_it():
    from retrieval.laws import resolve_laws

    assert resolve_laws("the 2017 interpretation on 侵犯公民个人信息 criminal cases") == ["pi-crimes"]
    assert resolve_laws("个人信息出境标准合同 measures 下备案要多久") == ["scc-measures"]
    # a subject of fewer than four characters names nothing
    assert resolve_laws("数据 measures") == []


def test_a_held_name_s_english_subject_with_its_kind_in_chinese_names_it():
    from retrieval.laws import resolve_laws

    assert resolve_laws("CII条例里运营者要做什么") == ["cii"]
    assert resolve_laws("SCC办法下备案") == ["scc-measures"]
    assert resolve_laws("what is cii?") == []


def test_challenging_a_result_is_asking_for_it_to_be_assessed_again():
    from retrieval.duties import activities

    assert "reassessment" in activities("Is there any way to challenge it, and by when?")
    assert "reassessment" in activities("数据处理者对评估结果有异议的")
    assert "reassessment" not in activities("a challenge for the industry")


def test_an_ordinal_asked_names_a_thing_and_is_no_quantity():
    from retrieval.query import analyse

    assert analyse("这个条例是国务院第几号令公布的？哪一天签发的？", "jieba").wants == {"date"}
    assert analyse("罚款最高几倍？", "jieba").wants


def test_periods_set_against_each_other_with_which_is_it_are_what_is_asked():
    from retrieval.query import given_periods

    assert given_periods("The Measures say 2 years but I keep hearing 3 years. Which is it now?") == ()
    assert given_periods("文件说2年，有人说3年，到底是哪个？") == ()
    assert given_periods("We applied within the 15 working days. How long does the office have?")


def test_asking_whether_any_regulator_may_impose_a_stated_fine_asks_who():
    from retrieval.figures import question_wants

    assert question_wants("The 50m / 5% fines: can any local regulator impose them, or must it be a certain level?") == set()
    assert question_wants("Can a fine exceed 5% of turnover?") == {"percent"}


def test_the_end_of_a_month_is_the_day_a_count_is_asked_for():
    from retrieval.figures import as_of_day

    assert as_of_day("How many had registered as of the end of June 2025?") == 20250600
    assert as_of_day("as of end-June 2025") == 20250600
    assert as_of_day("by the end of 2023") == 20231231
