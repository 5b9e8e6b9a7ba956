"""retrieval/roles.py: what a figure measures in its clause and which questions it can answer. Pure: no store, no model."""

from __future__ import annotations

import pytest


def test_which_questions_a_sanction_or_another_count_can_answer():
    from retrieval.roles import counts_differ, money_roles, sanctions_answer

    assert sanctions_answer("What is the maximum fine under the PIPL?")
    assert sanctions_answer("What can happen to a company that violates the DSL?")
    assert not sanctions_answer("Above what annual income do individuals pay tax on crypto gains?")
    # damages for a breach are not the fine for it
    assert not sanctions_answer("How much compensation do courts award for a data breach?")
    assert money_roles("What is the registration fee for filing a standard contract?") == ("fee",)
    assert money_roles("消费者权益保护法规定的罚款") == ()  # 消费 is no fee
    assert money_roles("What is the fine for price discrimination against consumers?") == ()  # an act, not a price
    assert money_roles("Under a PIPL investigation, what can the company be fined?") == ()  # an investigation is no investment
    assert money_roles("How much must we invest in security each year?") == ("spending",)
    assert counts_differ("stars", "people") and not counts_differ("users", "people")
    # a six-month remediation period says nothing of how long something stays valid
    from retrieval.roles import period_roles, speaks_of

    asked = period_roles("个人信息出境标准合同最长可以约定多少年的有效期？")
    assert asked == ("validity",) and not speaks_of(asked, "应当自本办法施行之日起6个月内完成整改。")
    assert speaks_of(asked, "通过数据出境安全评估的结果有效期为3年")
    assert not counts_differ("万", "people")  # 多少万… names nothing a count could contradict
    # and the time to bring existing transfers into line is no validity
    grace = period_roles("How long a grace period did the provisions give to bring existing transfers into line?")
    assert grace == ("grace",) and not speaks_of(grace, "通过数据出境安全评估的结果有效期为3年")
    assert speaks_of(grace, "应当自本办法施行之日起6个月内完成整改。")
    # the years after which a breach goes unpunished are a limitation, which a ban from posts is not
    limit = period_roles("违法行为两年内没被发现就不再给予行政处罚了吗？")
    assert limit == ("limitation",) and not speaks_of(limit, "受到治安管理处罚的人员，五年内不得从事网络安全管理和网络运营关键岗位的工作")


def test_a_date_a_count_starts_from_is_no_due_date_and_places_name_institutions():
    from retrieval.roles import asks_by_date, counted_from, institution_places
    text = "自当年1月1日起累计向境外提供100万人以上个人信息"
    assert counted_from(text, text.index("1月"), text.index("1月") + 4)
    effective = "本办法自2022年9月1日起施行。"
    assert counted_from(effective, 4, 13)  # a start, which answers "when does it take effect" but no due date
    assert asks_by_date("年度风险评估报告每年要在几月几日之前报送？") and not asks_by_date("本法何时施行？")
    assert institution_places("How many cases did the Guangzhou Internet Court receive?") == ["Guangzhou"]
    assert institution_places("广州互联网法院受理了多少案件？") == ["广州"]
    assert institution_places("Our Shanghai subsidiary must file within how many days?") == []
    assert institution_places("What did the Supreme People's Court decide?") == []


def test_what_the_asker_says_it_is_is_scenery_and_a_glossed_acronym_is_named_by_its_words():
    from retrieval.roles import acronyms, asks_lead_time, institution_places

    assert acronyms("We're a bank designated as a CII operator. How long may the review take?") == []
    assert acronyms("If a network operator fails its multi-level protection (MLPS) duties, what is the fine?") == []
    assert acronyms("What foreign equity may a value-added telecom (ICP) licence holder have?") == ["ICP"]
    assert acronyms("Within how many days must MIIT decide?") == ["MIIT"]
    assert institution_places("We're in the Tianjin Pilot Free Trade Zone. Who approves the negative list?") == []
    assert institution_places("How many cases did the Hangzhou Internet Court hear?") == ["Hangzhou"]
    assert asks_lead_time("必须在递交上市申请前多少天申报？") and asks_lead_time("How early can we apply to extend it?")
    assert not asks_lead_time("标准合同生效后多少个工作日内备案？")


def test_an_extension_is_read_from_the_clause_that_extends():
    from retrieval.roles import extends_by

    text = "特别审查程序一般应当在90个工作日内完成，情况复杂的可以延长。情况复杂的，可以延长15个工作日。"
    assert not extends_by(text, text.index("90"), text.index("90") + 7)
    assert extends_by(text, text.index("15"), text.index("15") + 7)


def test_a_wait_until_something_is_allowed_again_is_no_lead_time():
    from retrieval.roles import asks_lead_time

    assert not asks_lead_time("After our permit was revoked, how long before we can apply again?")
    assert not asks_lead_time("Our licence got revoked. How long before we're allowed to apply for it again?")
    assert not asks_lead_time("How long until a barred manager may take the post again?")
    assert asks_lead_time("How long before the listing must we file the review application?")


def test_the_period_asked_is_the_one_of_the_asking_clause():
    from retrieval.roles import period_roles

    assert period_roles("She served a detention for hacking. How long is she barred from security jobs?") == ("ban",)
    assert period_roles("If the regulator bans a manager from office, for how many years?") == ("ban",)
    assert period_roles("How long can someone be held in detention for this?") == ("detention",)
    # "bar" as noun and verb is a ban; the bar association is not
    assert period_roles("The regulator can bar the executives from serving. For how many years can that bar last?") == \
        ("ban",)
    assert period_roles("How long must a bar association keep its member records?") != ("ban",)


def test_a_prison_term_is_asked_in_the_words_people_use():
    from retrieval.roles import period_roles

    assert period_roles("侵犯公民个人信息罪最高判几年？") == ("imprisonment",)
    assert period_roles("情节特别严重的，最高刑期是多少？") == ("imprisonment",)
    assert period_roles("How many years can someone be sentenced to for selling data?") == ("imprisonment",)
    assert period_roles("How long is the assessment valid?") == ("validity",)
    # how long until one may apply again is how long one is barred from applying
    assert period_roles("How long before we're allowed to apply for the licence again?") == ("ban",)
    assert period_roles("吊销许可证后几年才能重新申请？") == ("ban",)
    assert period_roles("数据安全负责人至少要有几年管理工作经历？") == ("experience",)


def test_a_period_the_scene_already_states_is_not_the_one_asked():
    from retrieval.query import given_periods

    assert given_periods("数据出境安全评估结果我们不服，已经在15个工作日内申请了复评。国家网信办多长时间内要给出复评结果？") == \
        ((15.0, "working-day"),)
    assert given_periods("We applied for re-assessment within the 15 working days. How long does the CAC have to "
                         "decide?") == ((15.0, "working-day"),)
    assert given_periods("Is the filing deadline 10 working days?") == ()
    assert given_periods("How many working days does the office have to review?") == ()


def test_a_period_offered_as_one_of_the_answers_is_asked_not_stated():
    from retrieval.query import given_periods

    assert given_periods("结果有效期到底是2年还是3年？我看两个文件写得不一样，现在按哪个？") == ()
    assert given_periods("Which rule prevails now? Is it valid for 2 years, or longer under the new rules?") == ()


def test_a_date_the_question_states_is_not_the_one_asked_when_the_sentence_states_another():
    from retrieval.compose import _a_stated_date
    from retrieval.figures import extract_figures, stated_months
    from retrieval.query import analyse

    told = analyse("When does the NPCSC decision amending the Cybersecurity Law, adopted in October 2025, come into force?")
    assert told.given_months == {202510}
    sentence = "…于2025年10月28日通过，现予公布，自2026年1月1日起施行。"
    adopted, effective = extract_figures(sentence)
    assert _a_stated_date(adopted, sentence, told.given_months)
    assert not _a_stated_date(effective, sentence, told.given_months)
    # the only date of its sentence is kept: "what day in November 2021" asks the day of that month
    only = "本法自2021年11月1日起施行。"
    asked = analyse("On what day in November 2021 did the PIPL take effect?")
    assert not _a_stated_date(extract_figures(only)[0], only, asked.given_months)
    assert stated_months("the 2021 law") == frozenset()  # a year names no month
    assert analyse("Did it take effect in January 2026?").given_months == frozenset()  # yes or no: it asks that one


def test_a_period_of_keeping_is_told_by_its_clause():
    from retrieval.roles import keeps_for

    logs = "（三）采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月；"
    assert keeps_for(logs, logs.index("六个月"))
    english = "Network operators shall retain relevant web logs for at least six months."
    assert keeps_for(english, english.index("six"))
    filing = "个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。"
    assert not keeps_for(filing, filing.index("10"))
    # an act asked a time to be done in is not answered by a period of keeping; a question about keeping is
    from retrieval.compose import _fits
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    six_months = next(f for f in extract_figures(logs) if f.kind == "duration")
    assert not _fits(six_months, logs, analyse("新系统上线多久内要做备案？"))
    assert _fits(six_months, logs, analyse("网络日志至少要留多久？"))
    assert _fits(six_months, logs, analyse("How long do we need to hang on to our logs?"))
    # keeping told in an earlier clause says nothing of the period after the break
    after = "日志应当保存，并在收到通知之日起15个工作日内提交。"
    assert not keeps_for(after, after.index("15"))


def test_what_is_kept_when_the_keeper_is_named_first():
    from retrieval.roles import retained_thing

    # "information" says nothing of what is kept; the glossary knows "real-name" (真实身份信息, 实名)
    assert retained_thing("How long must network operators keep users' real-name identity information?") == "real-name"
    assert retained_thing("How long must operators keep network logs under the CSL?") == "log"
    assert retained_thing("How long must access logs be kept?") == "log"
    assert retained_thing("How long must operators retain personal information after closing an account?") == ""


def test_what_is_kept_after_a_spoken_modal():
    from retrieval.roles import retained_thing

    # 得, 需, 还要 say "must" as 应当 does: the thing kept is the noun before them
    assert retained_thing("我们在做等保整改，按网安法网络日志至少得保存多长时间？") == "日志"
    assert retained_thing("网络日志需保存多久？") == "日志"
    assert retained_thing("风险评估报告还要保存几年？") == "报告"


def test_the_year_of_an_amendment_told_a_few_words_after_it():
    from retrieval.roles import amended_in

    assert amended_in("The NPC Standing Committee amended the Cybersecurity Law in October 2025. When in force?") == 2025
    assert amended_in("The 2016 CSL text, before it was amended in 2025") == 0  # asks the original text
    assert amended_in("What was amended in the contract?") == 0
    assert amended_in("when do the 2025 changes to the Cybersecurity Law actually kick in?") == 2025


def test_a_period_after_an_event_is_not_a_lead_time_before_another():
    from retrieval.roles import asks_after_event, is_lead_time

    assert asks_after_event("实际控制人变了，要在变更后多少天内重新申报？")
    assert asks_after_event("Within how many days after the change must we re-apply?")
    assert not asks_after_event("How many days before expiry must we apply?")
    text = "有效期届满，需要继续开展数据出境活动的，数据处理者应当在有效期届满60个工作日前重新申报评估。"
    assert is_lead_time(text, text.index("60"), text.index("60") + 6)


def test_a_headcount_asked_is_a_count_of_people_not_of_processors():
    from retrieval.figures import extract_figures
    from retrieval.roles import asked_count_noun, counts_differ

    noun = asked_count_noun("At what headcount of personal information must a processor follow those rules?")
    assert noun == "people"
    joint = extract_figures("两个以上的网络数据处理者共同决定处理目的")[0]
    assert counts_differ(noun, joint.counts)
    assert not counts_differ(noun, extract_figures("处理1000万人以上个人信息")[0].counts)
    assert asked_count_noun("What is the fine?") == ""


def test_a_plural_without_an_s_is_the_counted_noun_not_the_verb_after_it():
    from retrieval.figures import extract_figures
    from retrieval.roles import asked_count_noun, counts_differ

    noun = asked_count_noun("Under the 2024 rules, how many people triggers an assessment?")
    assert noun == "people"
    assert not counts_differ(noun, extract_figures("累计向境外提供100万人以上个人信息")[0].counts)
    assert asked_count_noun("How many children under fourteen use the app?") == "children"
    assert asked_count_noun("How many data processors are there?") == "data processors"


def test_a_loss_asked_is_not_the_gains_made_and_a_loss_in_the_scene_asks_nothing():
    from retrieval.roles import money_roles, speaks_of

    asked = money_roles("侵犯公民个人信息案里，经济损失达到多少钱算重大经济损失？")
    assert asked == ("loss",)
    assert not speaks_of(asked, "违法所得五千元以上的")
    assert money_roles("造成重大经济损失的，数安法罚多少？") == ()


def test_what_is_kept_when_the_law_or_a_rule_requires_it():
    from retrieval.roles import retained_thing

    # "法律要求", "按规定", "依法": who requires the keeping, not what is kept
    assert retained_thing("个人信息保护影响评估报告要求至少保存多久？") == "报告"
    assert retained_thing("网络日志法律要求至少保存多久？") == "日志"
    assert retained_thing("处理记录按规定要保存几年？") == "记录"
    assert retained_thing("网络日志按法律要求最少得保留多长时间？") == "日志"


def test_an_extension_ask_names_the_period_it_extends_and_only_a_sentence_stating_it_answers():
    from retrieval.query import extended_periods

    assert extended_periods("Special procedure: by how many working days can the 90-day period be extended?") == (90.0,)
    assert extended_periods("The CAC has 45 working days to finish an assessment but can extend it. What's the maximum "
                            "extension allowed?") == (45.0,)
    assert extended_periods("By how many working days can the initial review be extended?") == ()
    assert extended_periods("Can the 45-working-day assessment be extended?") == ()  # yes or no


@pytest.mark.parametrize("question, thing", [
    ("关键信息基础设施的认定结果有效期是几年？", ("认定", "结果")),
    ("数据出境安全评估结果的有效期是多久？", ("评估", "结果")),
    ("个人信息保护认证证书有效期多长？", ("认证", "证书")),
    ("它的有效期是多久？", ()),
    ("有效期是多久？", ()),
])
def test_a_validity_question_names_what_stays_valid(question, thing):
    from retrieval.roles import validated_thing

    assert validated_thing(question) == thing


def test_an_english_count_of_another_unclassed_thing_is_not_the_count_asked():
    from retrieval.roles import count_heads_differ

    assert count_heads_differ("protection levels", "Three Fundamental Laws", "")
    assert not count_heads_differ("protection levels", "five protection levels", "")
    assert not count_heads_differ("levels of protection", "five levels", "")
    assert not count_heads_differ("categories", "three categories", "")
    assert not count_heads_differ("articles", "74", "")  # a bare number names nothing else
    # every spelled number the figure reader knows is a number, not a thing counted
    assert not count_heads_differ("articles", "sixty", "")
    assert not count_heads_differ("articles", "forty-five", "")
    assert not count_heads_differ("measures", "some fifteen hundreds", "")
    # a class the counts know decides instead (counts_differ): individuals are people
    assert not count_heads_differ("people", "1 million individuals", "people")


def test_the_counted_word_is_a_plural_not_an_acronym_ending_in_s():
    from retrieval.roles import asked_count_noun, count_heads_differ

    assert asked_count_noun("How many MLPS protection levels are there?") == "MLPS protection levels"
    assert asked_count_noun("How many CIIOs are there in the energy sector?") == "CIIOs"
    assert not count_heads_differ("MLPS protection levels", "five protection levels", "")


def test_the_year_of_a_version_asked_is_read_in_brackets_and_beside_its_adjective():
    from retrieval.roles import version_year

    assert version_year("When did the first (2020) version of the Cybersecurity Review Measures come into force?") == 2020
    assert version_year("What did the 2016 original text say?") == 2016
    assert version_year("网络安全法2025年修改后") == 0


def test_a_question_keeping_personal_data_itself_is_not_answered_by_a_record_s_period():
    from retrieval.roles import KEPT_DOCUMENT, retains_data

    assert retains_data("How many years can we keep customer personal data?")
    assert retains_data("客户个人信息可以保存多久？")
    assert not retains_data("How long must we keep network logs?")
    assert not retains_data("个人信息保护影响评估报告要保存几年？")
    assert KEPT_DOCUMENT.search("个人信息保护影响评估报告和处理情况记录应当至少保存三年。")
    assert KEPT_DOCUMENT.search("提供个人信息的处理情况记录，应当至少保存3年。")
    assert not KEPT_DOCUMENT.search("个人信息的保存期限应当为实现处理目的所必要的最短时间。")


def test_the_number_of_a_thing_counts_that_thing():
    from retrieval.roles import asked_count_noun

    assert asked_count_noun("What's the minimum number of data-protection items the contract must spell out?") == \
        "data-protection items"
    assert asked_count_noun("What number of people triggers the duty?") == "people"
