"""How a question is read, store-free: the kinds of figure it asks, the asides that ask nothing, the names that
only say what the asker is not, and a law's other texts."""

from __future__ import annotations

from retrieval.enumeration import asks_count_by_lead, asks_document_units
from retrieval.figures import question_wants
from retrieval.laws import with_versions
from retrieval.query import analyse, not_who_spans
from retrieval.rules.choice import open_choice, speaks_to


def test_a_headcount_asks_a_count_wherever_it_stands():
    assert "count" in question_wants("What's the exact headcount at which PIPL Article 40 applies?")
    assert "count" in question_wants("At what headcount does the NDSMR apply?")
    assert "count" in question_wants("At what volumes does a processor need a security assessment?")
    assert "count" in question_wants("数据量达到多少要申报评估？")


def test_max_and_min_ask_a_quantity():
    assert question_wants("What's the max single top-up a minor can make?") - {"quantity"} <= {"amount"}
    assert question_wants("What's the max single top-up a minor can make?")
    assert question_wants("What payment methods are allowed?") == set()
    assert question_wants("What's the max single in-game payment a minor can make?") == {"amount"}


def test_spending_asks_money():
    assert "amount" in question_wants("What are the daily spending caps for a minor in online games?")
    assert "amount" in question_wants("未成年人每月充值上限是多少？")


def test_an_aside_that_describes_the_article_asks_nothing():
    wants = question_wants("关基条例第三十九条（处10万到100万元罚款那条）一共列了多少种运营者违规情形？")
    assert wants == {"count"}
    # an aside that asks is still read
    assert "count" in question_wants("What does the exemption require (how many people)?")


def test_a_count_of_articles_is_no_list_count_and_a_part_of_a_document_is_not_the_document():
    annex = analyse("《个人信息出境标准合同办法》附件里的标准合同范本一共有多少条？")
    assert not asks_document_units(annex)
    assert asks_document_units(analyse("个人信息保护法一共有多少条？"))
    assert not asks_count_by_lead(analyse("How many articles does the standard contract contain?"))
    assert asks_count_by_lead(analyse("How many categories of deep synthesis technology do the provisions list?"))


def test_what_the_asker_is_not_is_said_in_words_that_name_it():
    spans = not_who_spans("We're not a CIIO. Do we need a security assessment?")
    assert any("CIIO" in span for span in spans)
    assert not_who_spans("As a CIIO, do we need a security assessment?") == []


def test_a_law_goes_with_its_other_texts_and_an_amending_decision_with_the_law_it_amends():
    assert {"csl-2016", "csl-2025"} <= with_versions(["csl-2016"])
    assert {"csl-2016", "csl-2025"} <= with_versions(["csl-2025-decision"])
    assert with_versions(["pipl"]) == {"pipl"}


def test_a_choice_is_settled_only_by_a_text_naming_one_reading():
    choice = open_choice("Does 'turnover' mean our China entity's revenue or the global group's consolidated revenue?")
    assert choice is not None
    assert not speaks_to(choice, "上一年度营业额百分之五以下罚款 annual revenue")
    assert speaks_to(choice, "the consolidated revenue of the group")
    # figures and comparisons are answered by their figures
    assert open_choice("Is the assessment result valid for two years or three?") is None
    assert open_choice("Which is higher: the PIPL's maximum fine or the DSL's?") is None


def test_a_duty_said_to_be_the_laws_own_is_asked_of_the_law_itself():
    assert analyse("How often does the Data Security Law require important-data processors to report?").law_itself
    assert analyse("数安法要求数据交易中介的交易记录保存几年？").law_itself
    assert not analyse("Under the PIPL, within how many working days must the office check the filing?").law_itself
    assert not analyse("按照个保法规定，影响评估报告要保存多久？").law_itself


def test_an_elliptical_second_ask_asks_what_the_first_asked_of_its_own_subject():
    analysis = analyse("倒卖了一批行踪轨迹信息，多少条就构成“情节严重”？如果是姓名、电话这类普通信息呢？")
    assert analysis.follow_up is not None
    assert analysis.follow_up.question.startswith("姓名、电话这类普通信息，多少条")
    assert analysis.follow_up.wants == {"count"}
    # a second ask of its own is left as written
    own = analyse("数安法一共有多少条？最后一条从哪天起施行？")
    assert own.follow_up is not None and own.follow_up.question.startswith("最后一条")


def test_versus_joins_a_second_ask():
    analysis = analyse("How many records of location data make it serious, versus how many records of ordinary PI?")
    assert analysis.follow_up is not None and analysis.follow_up.wants == {"count"}


def test_the_law_an_article_is_asked_of_is_the_one_asked():
    assert analyse("Which DSL article sets the penalties for sending important data abroad in breach of the outbound "
                   "rules?").laws[0] == "dsl"


def test_by_how_much_longer_asks_a_time():
    assert question_wants("Which is longer, and by how much: the validity under the 2022 Measures or the 2024 "
                          "Provisions?") == {"duration"}


def test_a_second_ask_joined_by_you_is_split():
    analysis = analyse("个保法是哪天通过的，又是哪天开始施行的？")
    assert analysis.follow_up is not None and analysis.follow_up.wants == {"date"}


def test_a_scheme_named_by_its_short_form_is_read():
    from retrieval.glossary import scheme_names

    assert scheme_names("等保三级系统多久测评一次？") == [("等保", "等级保护")]
    assert scheme_names("关基运营者多久测评一次？") == []


def test_the_amending_decision_answers_to_its_users_names():
    from retrieval.laws import amended_laws, resolve_laws

    assert resolve_laws("the NPCSC's decision revising the Cybersecurity Law")[0] == "csl-2025-decision"
    assert resolve_laws("网安法这次修改是哪天通过的")[0] == "csl-2025-decision"
    assert "csl-2025" in amended_laws("csl-2025-decision") and amended_laws("pipl") == []


def test_two_situations_told_one_by_one_are_the_sides_of_a_comparison():
    from retrieval.compare import sides

    found = sides("数安法下，有两个情形比较一下罚款上限：一是未经主管机关批准向外国执法机构提供数据；二是违反第三十一条向境外"
                  "提供重要数据。哪个上限更高？")
    assert [s.question for s in found] == ["数安法下，未经主管机关批准向外国执法机构提供数据，罚款上限是多少？",
                                           "数安法下，违反第三十一条向境外提供重要数据，罚款上限是多少？"]


def test_options_named_before_the_comparison_are_the_sides():
    from retrieval.compare import sides

    found = sides("Cybersecurity review: initial review or special procedure, which takes longer?")
    assert [s.label for s in found] == ["Cybersecurity review initial review", "Cybersecurity review special procedure"]
    # a short second option leans on the first's noun
    found = sides("算法备案的变更和注销，哪个期限更长？")
    assert [s.label for s in found] == ["算法备案的变更", "算法备案的注销"]
    assert sides("Is the review longer than thirty days?") == []


def test_a_dated_text_set_against_now_asks_both_texts():
    from retrieval.compare import sides

    found = sides("How long is the result valid now, and how long was it under the 2022 Outbound Data Transfer Security "
                  "Assessment Measures?")
    assert [s.law for s in found] == ["outbound-assessment", "cbdt-provisions"]
    assert sides("How long is an outbound assessment result valid under the 2022 Measures?") == []


def test_an_extension_is_what_a_clause_extends_by_not_when_to_apply_for_one():
    from retrieval.roles import extends_by

    by = "情况复杂的，可以延长15个工作日。"
    assert extends_by(by, by.index("15"), by.index("15") + 6)
    when = "在有效期届满前60个工作日内提出延长评估结果有效期申请。"
    assert not extends_by(when, when.index("60"), when.index("60") + 6)
    assert extends_by("a 30-day extension may be granted", 2, 8)


def test_a_bare_lead_is_read_with_the_sentence_before_it():
    from retrieval.enumeration import list_lead

    text = "第五十七条 发生个人信息泄露的，应当通知有关部门和个人。通知应当包括下列事项：\n（一）原因；\n（二）措施；"
    assert list_lead(text).startswith("第五十七条 发生个人信息泄露的")
    assert list_lead("第五十六条 个人信息保护影响评估应当包括下列内容：\n（一）目的；\n（二）影响；") == \
        "第五十六条 个人信息保护影响评估应当包括下列内容："


def test_two_dates_on_one_day_are_said_to_fall_on_the_same_day():
    from retrieval.compare import _verdict

    assert _verdict(["DSL", "CII Regulations"], [20210901.0, 20210901.0], "Which took effect first?", "en",
                    dates=True) == "Both fall on the same day."


def test_a_bare_second_ask_asks_the_first_ones_kind():
    analysis = analyse("The regulator ordered us to fix it and we didn't. What fine can the company get under the "
                       "PIPL, and what's the range for the people directly in charge?")
    assert analysis.follow_up is not None
    assert analysis.follow_up.wants == {"amount"} and analysis.follow_up.audience == "individuals"


def test_whats_the_cap_asks_a_quantity():
    assert question_wants("What's the cap on a single in-game purchase for a 12-year-old?") == {"quantity"}


def test_of_two_periods_compared_without_a_direction_the_longer_is_said():
    from retrieval.compare import _verdict

    assert _verdict(["Outbound Measures", "CBDT Provisions"], [730.0, 1095.0], "How do they differ?", "en",
                    periods=True) == "CBDT Provisions' is longer."


def test_the_amending_decision_dates_the_law_whose_articles_are_counted():
    from retrieval.enumeration import _counted_document

    after = analyse("After the 2025 amendment, how many articles does the Cybersecurity Law have?")
    assert asks_document_units(after) and _counted_document(after) == "csl-2025"
    items = analyse("How many numbered amendment items are in the 2025 decision amending the Cybersecurity Law?")
    assert _counted_document(items) == "csl-2025-decision"


def test_two_dates_asked_in_one_breath_are_two_asks():
    for question in ("个保法是哪天通过、哪天施行的？", "When was the PIPL adopted and when did it take effect?"):
        second = analyse(question).follow_up
        assert second is not None and second.wants == {"date"}
    # a list of things is not a second ask
    assert analyse("收集姓名、电话需要同意吗？").follow_up is None


def test_a_counted_noun_of_kinds_or_people_is_not_answered_by_another_kind_of_count():
    from retrieval.roles import counts_differ

    assert question_wants("外部独立监督机构至少要有几名外部成员？") == {"count"}
    assert counts_differ("类重要", "people")  # 多少类 is not answered by 1000万人
    assert not counts_differ("categories", "items")  # a list's items are its kinds
    assert counts_differ("名外部", "items")


def test_each_of_two_named_laws_asks_one_figure_of_each():
    from retrieval.compare import sides

    parts = sides("数据出境安全评估结果的有效期，2022年的《数据出境安全评估办法》和2024年的《促进和规范数据跨境流动规定》各是几年？")
    assert [side.law for side in parts] == ["outbound-assessment", "cbdt-provisions"]
    # the other side's year goes with its name: the first side names no 2024 text
    assert "2024" not in parts[0].question and "2022" not in parts[1].question


def test_a_transfer_described_is_read_with_what_it_says_it_is_not():
    from retrieval.transfer_ask import described_transfer

    t = described_transfer("We're a non-CIIO SaaS company. Since 1 January we have sent PI of about 80,000 people "
                           "(no sensitive PI) to our US parent. Do we need a CAC security assessment, SCC or certification?")
    assert t is not None and (t.individuals, t.sensitive, t.cii, t.important_data) == (80000, 0, False, False)
    t = described_transfer("我们向境外提供了5000人的敏感个人信息，需要做安全评估吗？")
    assert t is not None and (t.individuals, t.sensitive) == (0, 5000)
    t = described_transfer("我们是关基运营者，要把2万名用户的个人信息传到境外总部，需要申报安全评估还是签标准合同？")
    assert t is not None and t.cii
    # a threshold asked, not a transfer described: no headcount of the asker's own
    assert described_transfer("我们不是关基运营者。累计向境外提供多少人的个人信息就必须申报数据出境安全评估？") is None


def test_a_day_of_every_year_written_in_english_is_no_count():
    from retrieval.figures import figures_match, read_figures

    (day,) = read_figures("since 1 January of this year")
    assert day.kind == "day-of-year" and figures_match(day, read_figures("自当年1月1日起累计")[0])
    assert read_figures("on January 1, 2026")[0].kind == "date"


def test_an_amendment_the_corpus_does_not_hold_is_named_as_such():
    from retrieval.compose import _amendment_not_held

    assert _amendment_not_held(analyse("数安法2025年修正后，违法向境外提供重要数据的罚款上限提高了多少？")) == 2025
    assert _amendment_not_held(analyse("网安法2025年修正后，关基运营者不履行保护义务最高罚多少？")) == 0
    assert _amendment_not_held(analyse("What is the maximum fine under the PIPL?")) == 0


def test_a_change_asked_of_no_named_law_is_asked_of_the_text_that_answered_and_the_one_it_replaced():
    from retrieval.compare import changed_sides_of

    question = "数据出境安全评估通过后，结果有效期以前是几年、现在是几年？"
    assert [side.law for side in changed_sides_of(question, "cbdt-provisions")] == ["outbound-assessment",
                                                                                   "cbdt-provisions"]
    assert changed_sides_of(question, "pipl") == []  # a text that replaced none
    assert changed_sides_of("数据出境安全评估结果有效期是几年？", "cbdt-provisions") == []


def test_any_one_and_each_are_no_count_of_one():
    from retrieval.figures import read_figures

    assert read_figures("不影响个人向其中任何一个个人信息处理者要求行使权利") == ()
    assert [f.value for f in read_figures("设立一个以上专门机构")] == [1.0]


def test_an_example_of_what_was_not_done_describes_the_breach_and_sets_nothing_aside():
    example = analyse("If we seriously fail our Art. 20 duties (e.g., not cutting off sellers that harm minors), "
                      "what's the maximum fine?")
    assert example.excluded_terms == set()
    assert "location" in analyse("How many records make it serious (not location or property data)?").excluded_terms


def test_the_consequences_a_question_rules_out_are_set_aside_but_a_missing_gain_is_a_tier():
    leak = analyse("A leak with no national-security or public-interest impact: within how many hours do we report?")
    assert {"national security", "国家安全"} <= leak.excluded_terms
    assert "国家安全" in analyse("泄露不涉及国家安全的，多少小时内报告？").excluded_terms
    assert analyse("The company had no illegal gains; what is the fine?").excluded_terms == set()


def test_a_fine_asked_as_a_share_of_turnover_asks_a_percentage():
    assert question_wants("Under the DSL, what's the maximum fine expressed as a percentage of annual turnover?") == \
        {"percent"}


def test_a_figure_named_before_the_readings_is_what_both_are_of():
    choice = open_choice("For the PIPL 5% turnover fine, is it 5% of global group revenue or only China revenue?")
    assert choice is not None and choice.marks == (("global", "group"), ("china",))
    assert open_choice("Is the fine 5% or 10% of turnover?") is None  # readings told apart by their figures


def test_the_most_a_law_can_fine_is_asked_without_the_word_for_a_fine():
    from retrieval.rules.asks import asks_law_maximum

    assert asks_law_maximum("数安法最高罚多少？")
    assert not asks_law_maximum("数安法第四十五条最高罚多少？")  # an article named is that article's fine


def test_a_breach_described_in_plain_chinese_makes_it_that_breach_s_fine():
    from retrieval.rules.asks import asks_law_maximum

    assert not asks_law_maximum("公司没向主管部门报处置方案，责令改正也没改。按网数条例，老板个人最多罚多少？")
    assert asks_law_maximum("网数条例最多罚多少？")


def test_a_second_ask_may_name_its_law_before_a_comma():
    from retrieval.query import split_asks

    first, second = split_asks("Under the 2022 Measures, how far ahead of expiry must you re-apply, and under the 2024 "
                               "Provisions, by how much can the validity be extended?")
    assert first.endswith("re-apply") and second.startswith("under the 2024 Provisions")


def test_a_law_s_adoption_is_asked_of_the_text_first_adopted_and_its_amendment_of_the_decision():
    from retrieval.compose import _amendment_for_the_law

    assert "csl-2016" in analyse("When did the NPC Standing Committee adopt the Cybersecurity Law?").laws
    assert "csl-2016" not in analyse("When did the amended Cybersecurity Law take effect?").laws
    assert _amendment_for_the_law("csl-2025-decision", "网络安全法是哪天通过的？")
    assert not _amendment_for_the_law("csl-2025-decision", "网络安全法修改决定是哪天通过的？")


def test_two_things_joined_then_asked_of_each_then_compared_are_two_sides():
    from retrieval.compare import sides

    found = sides("网络日志和个人信息保护影响评估报告，法律分别要求至少保存多久？哪个更长？")
    assert [side.question for side in found] == ["网络日志法律要求至少保存多久？", "个人信息保护影响评估报告法律要求至少保存多久？"]


def test_two_things_asked_of_each_keep_the_scene_before_them():
    from retrieval.compare import sides

    found = sides("网数条例里的“大型网络平台”，注册用户和月活分别要到多少？哪个数字更大？")
    assert [side.question for side in found] == ["网数条例里的“大型网络平台”，注册用户要到多少？",
                                                 "网数条例里的“大型网络平台”，月活要到多少？"]


def test_what_a_retention_question_keeps_is_the_thing_not_the_time_it_is_kept_from():
    from retrieval.roles import retained_thing

    assert retained_thing("个人信息保护影响评估报告做完之后要留存多久？") == "报告"
    assert retained_thing("网络日志的保存期限是多久？") == "日志"  # the 的 before its period is no part of it
    assert retained_thing("风险评估报告出具以后要保存几年？") == "报告"
    assert retained_thing("网络日志要留存多久？") == "日志"
    # nor the law it is kept under
    assert retained_thing("网络运营者的网络日志按网络安全法至少要留存多久？") == "日志"
    assert retained_thing("处理情况记录依照《个人信息保护法》的规定要保存几年？") == "记录"
    assert retained_thing("Do we keep PIPIA reports under PIPL for three years?") == "report"
    assert retained_thing("Must we keep the logs under the CSL for six months?") == "log"


def test_the_previous_year_and_a_child_s_age_do_not_ask_for_an_earlier_text():
    from retrieval.roles import asks_earlier_text

    assert not asks_earlier_text("the fine cap as a percentage of the previous year's revenue")
    assert not asks_earlier_text("my 15 year old plays games until 2am")
    assert not asks_earlier_text("based on the prior fiscal year's turnover")
    assert asks_earlier_text("under the old CSL")
    assert asks_earlier_text("under the previous version of the Measures")
    amended = analyse("Under the amended Cybersecurity Law, what is the fine cap as a share of the previous year's revenue?")
    assert amended.laws == ["csl-2025"]


def test_a_gloss_naming_the_kind_of_figure_is_part_of_the_ask():
    # "(percentage of …)" says which figure the cap is asked as; "(up to 5% of turnover)" is an aside
    assert question_wants("What is the turnover-based fine cap (percentage of the previous year's revenue)?") == {"percent"}
    assert question_wants("What fine applies (up to 5% of turnover) under the PIPL?") == {"amount"}
    assert question_wants("What is the fine for a CII operator (not a processor) that fails to report?") == {"amount"}


def test_a_closing_which_is_longer_is_no_second_ask_of_its_own():
    from retrieval.compare import sides

    found = sides("How long is a passed outbound data security assessment valid under the 2022 Outbound Assessment "
                  "Measures versus the 2024 cross-border data flow Provisions? Which is longer?")
    assert [side.law for side in found] == ["outbound-assessment", "cbdt-provisions"]
    assert all("valid" in side.question for side in found)  # each side keeps what is asked
    # two halves each asking their own figure still part at "compared with"
    halves = sides("How long must logs be kept under the CSL, compared with how long the NDSMR requires records to "
                   "be kept? Which is longer?")
    assert [side.question for side in halves][0] == "How long must logs be kept under the CSL?"


def test_what_changed_asked_of_the_earlier_text_pairs_it_with_the_text_that_replaced_it():
    from retrieval.compare import sides

    found = sides("2022年的评估办法规定的评估结果有效期后来改了吗？以前是几年、现在是几年？")
    assert [side.law for side in found] == ["outbound-assessment", "cbdt-provisions"]



def test_rules_listed_by_subject_then_named_together_are_each_a_side_of_its_own_law():
    from retrieval.compare import sides

    found = sides("算法推荐、深度合成、生成式AI这三部规定各自什么时候开始施行？哪一部最早？")
    assert [side.law for side in found] == ["algorithm-recommendation", "deep-synthesis", "genai"]


def test_each_step_from_the_first_to_the_last_is_asked_what_every_one_is():
    from retrieval.compare import sides

    found = sides("申报数据出境安全评估，从省级网信部门查验材料、国家网信部门决定是否受理、完成评估，到不服结果申请复评，"
                  "每一步的时限分别是多少？")
    assert [side.question for side in found] == [
        "申报数据出境安全评估，省级网信部门查验材料的时限是多少？", "申报数据出境安全评估，国家网信部门决定是否受理的时限是多少？",
        "申报数据出境安全评估，完成评估的时限是多少？", "申报数据出境安全评估，不服结果申请复评的时限是多少？"]
    stages = sides("Walk me through the clock in a cybersecurity review: how long does each stage take, from deciding "
                   "whether to review, through the preliminary review and the member units' replies, to a special review?")
    assert [side.label for side in stages] == ["deciding whether to review", "the preliminary review",
                                               "the member units' replies", "a special review"]
    assert all(side.question.startswith("Walk me through the clock in a cybersecurity review: how long does")
               for side in stages)


def test_lettered_items_are_each_asked_what_the_question_asks_before_them():
    from retrieval.compare import sides

    found = sides("For the crime of infringing citizens' personal information, how many records make a case "
                  "'serious' for (a) whereabouts or credit information, (b) health or transaction data, and (c) other "
                  "personal information?")
    assert [side.label for side in found] == ["whereabouts or credit information", "health or transaction data",
                                              "other personal information"]
    assert found[0].question.endswith("make a case 'serious' for whereabouts or credit information?")


def test_the_first_of_two_asks_decides_the_occasion_it_asks_about():
    # the whole question says both occasions; the first ask, which answers first, says one
    reading = analyse("首次认定的结果多久通知运营者？另外，重新认定需要多少个工作日？")
    assert reading.occasion == "first"
    assert reading.follow_up is not None and reading.follow_up.occasion == "repeat"


def test_the_year_a_sum_is_of_is_no_date_asked():
    assert "date" not in question_wants("Which year's turnover is the 5% fine calculated on?")
    assert "date" not in question_wants("百分之五的罚款按哪一年的营业额计算？")
    assert "date" in question_wants("Which year did the PIPL take effect?")


def test_each_law_of_a_which_first_comparison_is_asked_its_own_date():
    from retrieval.compare import sides

    found = sides("数据安全法和个保法，哪个先生效？")
    assert [s.law for s in found] == ["dsl", "pipl"]
    assert all("什么时候生效" in s.question and "哪个" not in s.question for s in found)
    assert all("哪个罚款更高" in s.question for s in sides("数据安全法和个保法，哪个罚款更高？"))


def test_each_law_of_an_english_which_came_first_is_asked_its_own_date():
    from retrieval.compare import sides

    found = sides("Which came first: the deep synthesis rules or the genAI measures?")
    assert [s.law for s in found] == ["deep-synthesis", "genai"]
    assert all("when did it take effect" in s.question and question_wants(s.question) == {"date"} for s in found)
    assert all("when was adopted" in s.question for s in sides("Which was adopted first, the PIPL or the DSL?"))
    # a comparison of fines is no date
    assert all("when" not in s.question for s in sides("Which fine is higher, the DSL's or the PIPL's?"))


def test_how_did_x_compare_with_y_asks_each_side():
    from retrieval.compare import sides

    found = sides("How did the CAC's fine on DiDi Chuxing compare in size with the fine it imposed on CNKI?")
    assert [s.question for s in found] == ["What was the CAC's fine on DiDi Chuxing?",
                                           "What was the fine it imposed on CNKI?"]


def test_what_two_options_are_compared_by_may_stand_between_them_and_the_ask():
    from retrieval.compare import sides

    found = sides("数据出境安全评估（国家网信部门受理后）和网络安全审查的初步审查，法定期限哪个更长？各是多少个工作日？")
    assert [s.question for s in found] == ["数据出境安全评估（国家网信部门受理后）的法定期限是多久？", "网络安全审查的初步审查的法定期限是多久？"]


def test_periods_a_question_asks_the_source_of_are_not_set_aside_as_known():
    from retrieval.query import given_periods
    from retrieval.rules.asks import asks_two_things

    memo = ("One memo says the approval is valid for two years, another says three. Which figure comes from the "
            "2022 Measures and which from the 2024 Provisions?")
    assert given_periods(memo) == ()
    assert asks_two_things(memo)
    assert given_periods("Our assessment is valid for 2 years. How early can we apply to renew?") == ((2.0, "year"),)


def test_two_things_then_what_is_asked_of_each_are_two_sides():
    from retrieval.compare import sides

    asked = [s.question for s in sides("倒卖个人信息要入刑的话，行踪轨迹类信息和一般的个人信息，“情节严重”的条数门槛分别是多少？")]
    assert asked == ["倒卖个人信息要入刑的话，行踪轨迹类信息“情节严重”的条数门槛是多少？",
                     "倒卖个人信息要入刑的话，一般的个人信息“情节严重”的条数门槛是多少？"]
    assert sides("公司和直接负责的主管人员分别罚多少？") == []  # one provision answers both


def test_options_each_under_its_own_law_are_sides_of_their_laws():
    from retrieval.compare import sides

    found = sides("Which do we have to keep longer — our PIPIA reports under PIPL, or network logs under the "
                  "Cybersecurity Law?")
    assert [s.law for s in found] == ["pipl", "csl-2025"]
    assert "network logs" not in found[0].question and "PIPIA" not in found[1].question
    # two laws asked one thing are the laws' sides, each asked the thing
    same = sides("Which validity period is longer for a passed outbound data security assessment: the one in the "
                 "2022 Outbound Assessment Measures or the one in the 2024 CBDT Provisions?")
    assert all("validity period" in s.question for s in same)


def test_a_clause_compared_with_another_thing_asks_the_clause_of_each():
    from retrieval.compare import sides

    found = sides("What is the maximum fine for a CIIO under the CSL, compared with a regular operator?")
    assert [s.question for s in found] == ["What is the maximum fine for a CIIO under the CSL?",
                                           "What is the maximum fine for a regular operator under the CSL?"]


def test_two_things_of_two_laws_set_side_by_side_then_asked_of_each_are_two_sides():
    from retrieval.compare import sides

    found = sides("Must PIPIA reports be kept under the PIPL for the same time as the NDSMR keeps records of outsourced "
                  "processing? How long is each?")
    assert [side.law for side in found] == ["pipl", "ndsmr"]
    assert "PIPIA" in found[0].question and "NDSMR" not in found[0].question
    assert "records of outsourced processing" in found[1].question and "PIPIA" not in found[1].question


def test_two_things_asked_whether_the_same_are_two_sides_each_asked_its_own_figure():
    from retrieval.compare import sides

    found = sides("网络日志和个人信息保护影响评估报告的保存期限一样吗？")
    assert [side.question for side in found] == ["网络日志的保存期限是多久？", "个人信息保护影响评估报告的保存期限是多久？"]
    assert [side.question for side in sides("数安法和个保法的最高罚款一样吗？")] == ["数安法和 的最高罚款是多少？",
                                                                               "和个保法的最高罚款是多少？"]
