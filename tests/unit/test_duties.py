"""retrieval/duties.py: who must act, the act asked about and the breach a penalty follows. Pure: no store, no model."""

from __future__ import annotations

import pytest


def test_who_must_act_is_read_from_the_question_and_from_the_source():
    from retrieval.duties import asked_duty, duty_at

    def duty_bearer(question: str) -> str:
        return asked_duty(question)[0]

    def bearer_at(text: str, start: int) -> str:
        return duty_at(text, start)[0]

    assert duty_bearer("Within how many working days must the office finish reviewing the filing?") == "authority"
    assert duty_bearer("How many days does a company have to respond to an individual's request?") == "party"
    # "it" is whoever the question named first; a passive names no one
    assert duty_bearer("If a processor finds a vulnerability, within how many hours must it report to the "
                       "competent authorities?") == "party"
    assert duty_bearer("Within how many hours must incidents be reported?") == ""
    assert duty_bearer("网络安全审查办公室要求补充材料的，当事人应在多少个工作日内提交？") == "party"
    assert duty_bearer("成员单位要在多少个工作日内书面回复意见？") == "authority"  # 单位 within 成员单位
    filing = "个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。"
    assert bearer_at(filing, filing.index("10")) == "party"
    # a condition names whom it is about, not who acts; without another actor, its subject acts
    granting = "网信部门收到备案人提交的备案材料后，材料齐全的，应当在三十个工作日内予以备案"
    assert bearer_at(granting, granting.index("三十")) == "authority"
    review = ("网络安全审查办公室认为需要开展网络安全审查的，应当自向当事人发出书面通知之日起30个工作日内完成初步审查；"
              "情况复杂的，可以延长15个工作日。")
    assert bearer_at(review, review.index("15")) == "authority"  # after ；the subject goes on
    renewal = "数据处理者可以在有效期届满前60个工作日内通过所在地省级网信部门向国家网信部门提出延长评估结果有效期申请。"
    assert bearer_at(renewal, renewal.index("60")) == "party"  # a permission binds whoever it permits
    assert bearer_at("特别审查程序一般应当在90个工作日内完成。", 12) == ""


def test_the_act_a_time_is_asked_for_is_read_in_the_asking_clause():
    from retrieval.duties import activities_at, asked_activities, assessment_kinds, others_only
    # the office's name speaks of a review; the question asks about a submission
    assert asked_activities("网络安全审查办公室要求补充材料的，当事人应在多少个工作日内提交？") == {"submission"}
    assert asked_activities("How often must an MLPS Level 3 system undergo graded protection testing?") == {"testing"}
    # a question asking with its noun alone: the topic before the colon is not the act asked about
    assert asked_activities("Cybersecurity review: deadline to hand in supplementary materials?") == {"submission"}
    # a changed filing is a change, not the filing itself
    assert asked_activities("算法备案信息变了，几个工作日内办变更？") == {"change"}
    # "有没有时间要求" asks a time with no asking word: the asks after it (报给哪一级, 交什么材料) are other asks
    assert asked_activities("标准合同已经签了，备案有没有时间要求？是报给哪一级网信部门？还要交什么材料？") == {"filing"}
    yearly = "（六）每年发布专门的未成年人网络保护社会责任报告，并接受社会监督。"
    assert activities_at(yearly, yearly.index("每年"), yearly.index("每年") + 2) == {"report"}
    assert others_only(frozenset({"assessment"}), frozenset({"report"}))
    assert not others_only(frozenset({"testing", "assessment"}), frozenset({"testing"}))
    assert not others_only(frozenset(), frozenset({"report"}))
    assert assessment_kinds("未成年人网络保护影响评估") == {"impact"}
    assert assessment_kinds("businesses processing important data must conduct risk assessments annually") == {"risk"}
    # a cybersecurity review's two stages, however the question names the second
    assert assessment_kinds("How long may the special procedure be extended?") == {"special review"}
    assert assessment_kinds("初步审查完成后") == {"preliminary review"}


def test_a_penalty_for_breaching_other_articles_and_a_noun_s_head_are_read():
    from retrieval.duties import asking_clause, breached_articles
    from retrieval.roles import _zh_noun_class, audience
    assert breached_articles("平台违反了《未成年人网络保护条例》第二十四条。") == {24}
    assert breached_articles("违反本法第二十七条、第四十二条规定的，由有关主管部门责令改正") == {27, 42}
    assert breached_articles("违反本法第二十四条第三款、第四十三条至第四十五条规定，侵害个人信息权益的") == {24, 43, 44, 45}
    assert breached_articles("违反本条例第二十条第一款第一项和第五项规定，情节严重的") == {20}  # 款 and 项 are not articles
    assert breached_articles("Whoever violates Article 20 or 21 of this Law") == {20, 21}
    assert breached_articles("违反本法规定处理个人信息") == frozenset()
    # the breach told in words with its article in brackets after them
    assert breached_articles("What fine applies to exports in breach of export control (Art. 25)?") == {25}
    assert breached_articles("a breach of the DSL. What fine does Art. 46 set?") == frozenset()
    assert _zh_noun_class("个人信息处理者") == "entities" and _zh_noun_class("个人") == "people"
    # the scene names the company; the clause that asks is about its managers
    question = "A company broke the core data rules of the DSL. What fine can its managers personally receive?"
    assert asking_clause(question).strip() == "What fine can its managers personally receive"
    assert audience(question) == "individuals"


def test_what_the_asker_is_not_which_office_acts_and_words_that_are_no_names():
    from retrieval.duties import authority_level
    from retrieval.query import analyse
    from retrieval.roles import acronyms, audience, institution_places
    assert acronyms("Our SaaS team found a flaw in WeChat") == ["WeChat"]  # SaaS is a trade word, not a brand
    assert institution_places("我们已经通过所在地的省级网信办递交了材料") == []  # 省级 is a level, not a place
    assert audience("公司负责这条产品线的副总个人会被罚多少钱？") == "individuals"
    assert analyse("我们是一家电商公司（不是关键信息基础设施运营者），多久要做一次等级测评？").not_who == {"关键信息基础设施运营者"}
    assert analyse("We are not a CII operator. How often must we test our systems?").not_who == {"关键信息基础设施"}
    assert analyse("How often must a CII operator test its systems?").not_who == frozenset()
    # a generic actor word says who is fined, not a kind of party: 个人 would match every 个人信息
    assert analyse("公司层面（不是个人）最高可能被罚多少？").not_who == frozenset()
    assert authority_level("省级网信部门") == "provincial" and authority_level("国家网信部门") == "national"
    assert authority_level("国家和省、自治区、直辖市网信部门") == ""


def test_with_an_office_s_approval_the_one_who_acts_is_the_one_who_asked():
    from retrieval.duties import duty_at
    from retrieval.roles import asks_extension, asks_lead_time

    text = "经国家网信部门批准，可以延长评估结果有效期3年。"
    assert duty_at(text, text.index("3年"))[0] == "party"
    assert not asks_extension("How long does the national CAC have to approve or refuse the extension?")
    assert asks_extension("How long can the validity be extended?")
    assert asks_extension("How long can CAC extend the assessment when the case is complicated?")
    assert asks_lead_time("How far ahead of expiry can we apply to extend it?")


def test_scene_words_are_not_places_and_what_the_question_asks_is_read_from_its_words():
    from retrieval.duties import activities_at, asked_activities
    from retrieval.figures import question_wants
    from retrieval.query import not_who
    from retrieval.roles import institution_places

    assert institution_places("合同今天生效，要在多长时间内去省网信办备案？") == []
    assert institution_places("上海市网信办的罚款是多少？") == ["上海"]
    assert question_wants("Can we challenge the result, and what's the window to do so?") == {"duration"}
    assert question_wants("PIPL Art. 52 leaves it to the CAC. What is that number?") == {"quantity"}
    assert not_who("an ordinary (non-CII) network operator") == frozenset({"关键信息基础设施"})
    # telling the users affected is not reporting to the regulator
    text = "应当及时告知用户并向有关主管部门报告；涉及危害国家安全的，还应当在24小时内向有关主管部门报告。"
    assert activities_at(text, text.index("24"), text.index("24") + 4) == frozenset({"report"})
    assert asked_activities("数据泄露后需要在多少小时内通知受影响的用户？") == frozenset({"informing"})
    # the interested parties are told, the authorities reported to
    assert asked_activities("数据安全事件危害个人权益的，要在多少小时内通知利害关系人？") == frozenset({"informing"})
    assert asked_activities("Within how many hours must we notify affected parties?") == frozenset({"informing"})
    # answering a person's request, however it is said to be dealt with
    assert asked_activities("How many days do we have to answer a user's access request?") == frozenset({"response"})
    assert asked_activities("用户提出删除请求，我们多久内要处理完请求？") == frozenset({"response"})


def test_a_completeness_check_is_an_inspection_and_no_decision():
    from retrieval.duties import activities_at, lacks_decisive, others_only

    text = "省级网信部门应当自收到申报材料之日起5个工作日内完成完备性查验。"
    checked = activities_at(text, text.index("5个"), text.index("5个") + 6)
    assert checked == frozenset({"completeness"})
    # a re-assessment's conclusion or an answer to an extension is not the check of the materials
    assert lacks_decisive(frozenset({"reassessment"}), checked)
    assert others_only(frozenset({"extension", "response"}), checked)
    # the check is a step of the assessment it belongs to
    assert not others_only(frozenset({"assessment"}), checked)
    assert not others_only(frozenset({"completeness"}), checked)


def test_who_must_act_in_a_spoken_chinese_question():
    from retrieval.duties import asked_duty

    assert asked_duty("国家网信办多长时间内要给出复评结果？")[0] == "authority"
    assert asked_duty("省网信办多久要出结果？")[0] == "authority"
    assert asked_duty("除了及时告知用户，我们最晚多长时间内要向主管部门报告？")[0] == "party"
    # an office doing what offices do, with no modal: its own time
    assert asked_duty("数据出境安全评估结果，多少个工作日内网信办要给延期申请答复？")[0] == "authority"
    assert asked_duty("自贸区的负面清单，省级网信委要在多少个工作日内批准？")[0] == "authority"
    # the office right after a comma, its time told before the act (多少个工作日内审完), with no 在
    assert asked_duty("标准合同备案，网信办多少个工作日内审完？")[0] == "authority"
    assert asked_duty("合同备案，我们多少个工作日内要交？")[0] == "party"
    # and its time told with no 内 at all (几个工作日给结果, 多少天能批)
    assert asked_duty("材料交上去以后，省网信办几个工作日给结果？")[0] == "authority"
    assert asked_duty("评估申报了，国家网信部门多少天能批？")[0] == "authority"
    assert asked_duty("材料交上去以后，我们几个工作日要补正？")[0] != "authority"
    # "they", after the asker's own act: the office the asker reported to, not the asker
    question = "我们报告保护工作部门以后，他们要在多长时间内完成重新认定？"
    assert asked_duty(question)[0] == "authority"
    assert asked_duty(question.replace("他们", "我们"))[0] == "party"


def test_an_office_taking_time_is_the_office_s_deadline():
    from retrieval.duties import asked_duty

    assert asked_duty("How many working days does the provincial CAC take to finish reviewing our SCC filing?")[0] \
        == "authority"
    assert asked_duty("How long does the review office need to complete the initial review?")[0] == "authority"
    # a party taking time is not an office's
    assert asked_duty("How many days does a company have to respond to an individual's request?")[0] == "party"
    assert asked_duty("How long does it take to get the result?")[0] == ""


def test_answering_a_request_is_an_act_of_its_own():
    from retrieval.duties import activities, asked_activities

    assert asked_activities("用户申请删除个人信息，我们必须在多少个工作日内答复？") == frozenset({"response"})
    assert "response" not in activities("个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。")


def test_asking_for_a_re_review_is_asking_for_a_reassessment():
    from retrieval.duties import asked_activities

    assert asked_activities("How long do we have to ask for a re-review of the result?") == frozenset({"reassessment"})
    assert asked_activities("How long does the review take?") == frozenset({"review"})


def test_a_negated_audience_sets_no_clause_aside():
    """"（不是个人）" says whose fine is asked; read as a term to set aside, 个人 would strike every clause
    naming 个人信息 (the entity's fine among them)."""
    from retrieval.query import analyse, exclusions

    assert exclusions("公司层面（不是个人）最高可能被罚多少？") == ""
    assert exclusions("What fine applies (not the individuals)?") == ""
    assert exclusions("What is the fine (not location data)?") == "(not location data)"
    reading = analyse("公司层面（不是个人）最高可能被罚多少？")
    assert reading.audience == "entity" and not reading.excluded_terms


def test_cancelling_a_filing_is_an_act_a_filing_does_not_stand_in_for():
    from retrieval.duties import activities, asked_activities, lacks_decisive

    asked = asked_activities("服务下线了，算法备案的注销手续要在多长时间内办完？")
    assert asked == frozenset({"filing", "deregistration"})
    assert asked_activities("Within how many days must we cancel the algorithm filing?") >= {"deregistration"}
    assert asked_activities("Within how many working days must it complete cancellation of its algorithm filing?") \
        >= {"deregistration"}
    making = activities("应当在提供服务之日起十个工作日内通过备案系统填报信息，履行备案手续")
    assert lacks_decisive(asked, making)
    assert not lacks_decisive(asked, activities("终止服务的，应当在终止服务之日起二十个工作日内办理注销备案手续"))
    assert asked_activities("How long does the filing take?") == frozenset({"filing"})


def test_both_audiences_can_be_asked():
    from retrieval.roles import audience

    question = "PIPL violation, not a 'grave' case. What fine can the company get, and the people directly in charge?"
    assert audience(question) == ""  # both: the company's fine and the persons'
    assert audience("What fine can the people directly in charge get?") == "individuals"


def test_an_assessment_s_result_is_no_act_of_assessing():
    from retrieval.duties import activities, asked_activities, others_only

    renewal = activities("可以在有效期届满前60个工作日内向国家网信部门提出延长评估结果有效期申请")
    assert "assessment" not in renewal and "extension" in renewal
    assert others_only(frozenset({"assessment"}), renewal)
    assert "assessment" in activities("自发出书面受理通知书之日起45个工作日内完成数据出境安全评估")
    assert "assessment" in activities("How long does the security assessment take?")
    assert "assessment" not in activities("How long are the assessment results valid?")
    assert asked_activities("网信办发出受理通知以后，多少个工作日内要出评估结果？") == frozenset({"assessment"})


def test_a_chinese_place_is_a_place_not_the_verb_before_an_office():
    from retrieval.roles import institution_places

    assert institution_places("审查机制包括网信办在内一共几个部门？") == []  # 包括 is a verb
    assert institution_places("呼和浩特市网信办罚了多少？") == ["呼和浩特"]
    assert institution_places("听说我们北京互联网法院判了") == ["北京"]


def test_an_office_doing_what_offices_do_names_who_acts():
    from retrieval.duties import asked_duty

    assert asked_duty("标准合同已经备案了，省网信办审查备案材料的法定期限是多少个工作日？")[0] == "authority"
    assert asked_duty("我们向网信办申报后多久能拿到结果？") == ("", "")  # the office is where we file, not who acts


def test_updating_a_filing_is_neither_filing_nor_answering():
    from retrieval.duties import activities_at

    text = "算法推荐服务提供者的备案信息发生变更的，应当在变更之日起十个工作日内办理变更手续。"
    at = text.index("十个")
    assert activities_at(text, at, at + 5) == frozenset({"change"})


def test_a_parenthesis_that_rules_kinds_out_sets_them_aside_wherever_the_negation_falls_in_it():
    from retrieval.query import exclusions

    question = "倒卖普通客户名单（只有姓名、电话这类，不涉及行踪、住宿、交易信息），多少条构成“情节严重”？"
    assert "不涉及行踪、住宿、交易信息" in exclusions(question)
    assert exclusions("传了8万人的个人信息（不含敏感个人信息）") == "（不含敏感个人信息）"
    # a fact the asker states is no kind set aside
    assert exclusions("非法收购行踪轨迹信息（没有证据显示被用于犯罪）卖到多少条算情节严重？") == ""
    assert exclusions("What do the CBDT Provisions (CAC Order No. 16) exempt?") == ""


def test_a_re_assessment_asked_is_not_answered_by_the_first_assessments_period():
    from retrieval.duties import activities, asked_activities, lacks_decisive

    asked = asked_activities("If a handler applies for re-assessment (复评), within how many working days must the CAC decide?")
    assert lacks_decisive(asked, activities("国家网信部门应当自发出书面受理通知书之日起45个工作日内完成数据出境安全评估"))
    assert not lacks_decisive(asked, activities("可以在收到评估结果15个工作日内向国家网信部门申请复评"))


def test_a_second_ask_for_a_fine_is_read_with_the_scene_set_before_the_first():
    from retrieval.query import analyse

    reading = analyse("The regulator is treating our case as a 'serious circumstances' case. What is the most the "
                      "company can be fined, and what is the top fine for the executives directly in charge?")
    assert "serious circumstances" in reading.follow_up.question
    deadline = analyse("We passed the assessment in April 2024. How long is the approval valid, and when can we "
                       "apply to extend it?")
    assert deadline.follow_up.question == "when can we apply to extend it?"


def test_the_acceptance_a_period_runs_from_is_not_the_act_asked_even_with_its_object_between():
    from retrieval.duties import asked_activities

    assert "acceptance" not in asked_activities("国家网信办受理数据出境安全评估申报后，原则上要在多少个工作日内评完？")
    assert "acceptance" in asked_activities("国家网信部门收到申报材料后，要在几个工作日内决定是否受理？")


def test_a_body_named_by_its_work_is_not_the_act_asked_and_a_re_evaluation_is_a_reassessment():
    from retrieval.duties import activities, activities_at, asked_activities, lacks_decisive, others_only

    assert asked_activities("网络安全审查办公室要求补充材料的，我们要在几个工作日内交上去？") == {"submission"}
    assert others_only({"submission"}, activities_at("特别审查程序一般应当在90个工作日内完成", 10, 17))
    asked = asked_activities("Within how many working days must the CAC deliver the re-evaluation result?")
    assert asked == {"reassessment"}
    assert lacks_decisive(asked, activities("应当自受理之日起45个工作日内完成数据出境安全评估"))
    assert asked_activities("控制人变了，按规定要在变更后多少天内重新申报？") == {"application"}
    assert asked_activities("已经提交了申报材料。办公室多少个工作日内决定要不要审？") == {"acceptance"}
    assert "application" in activities("应当在有效期届满60个工作日前重新申报评估")


def test_breaching_this_article_breaches_the_one_article_named_before():
    from retrieval.duties import breached_articles

    assert breached_articles("新网络安全法新增的第二十条是人工智能条款，违反这一条的罚款是多少？") == {20}
    assert breached_articles("Article 20 of the amended CSL is the AI clause. What is the fine for breaching that article?") == {20}
    # two articles named: which one "this" is, is not said
    assert breached_articles("第二十条和第三十条，违反这一条罚多少？") == frozenset()
    assert breached_articles("第二十条规定了什么？") == frozenset()


@pytest.mark.parametrize(("text", "acts"), [
    ("网信部门要求限期整改，这个期限是多少天？", {"rectification"}),
    ("用户申请把个人信息转移到别的平台，要在多少天内完成？", {"portability"}),
    ("How soon must we port the user's data to the new provider?", {"portability"}),
    # notifying an authority is reporting to it; telling the users is informing them
    ("How long do we have to notify the CAC after a data breach?", {"report"}),
    ("发生泄露后多久内要通知网信部门？", {"report"}),
])
def test_rectifying_and_moving_data_are_acts_of_their_own(text, acts):
    from retrieval.duties import activities

    assert activities(text) >= acts
    assert not activities("个人信息出境标准合同备案") & {"rectification", "portability"}


def test_a_body_s_time_to_approve_asks_no_validity_and_no_assessment():
    from retrieval.duties import asked_activities
    from retrieval.query import analyse
    from retrieval.roles import period_roles

    asked = analyse("How long does CAC take to approve extending an assessment's validity?")
    assert asked.processing_time and "validity" not in asked.period_roles
    assert period_roles("申请延长出境评估有效期，网信办多久批下来？") == ()
    assert asked_activities("申请延长出境评估有效期，网信办多久批下来？") == {"extension"}
    assert not analyse("How long is a security assessment result valid?").processing_time
    assert "validity" in analyse("How long is a security assessment result valid?").period_roles


def test_neither_the_validity_granted_nor_the_lead_time_is_a_body_s_time_to_approve():
    from retrieval.compose import _fits
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    text = "有效期届满前60个工作日内提出延长评估结果有效期申请。经国家网信部门批准，可以延长评估结果有效期3年。"
    asked = analyse("申请延长出境评估有效期，网信办多久批下来？")
    assert not any(_fits(f, text, asked) for f in extract_figures(text))
    assert any(_fits(f, text, analyse("评估结果有效期可以延长几年？")) for f in extract_figures(text))


def test_reporting_to_an_authority_said_as_baogei_is_a_report():
    from retrieval.duties import activities

    assert "report" in activities("最晚几个小时内得报给主管部门？")
    assert "report" in activities("网络数据处理者还应当在24小时内向有关主管部门报告")


def test_an_office_issuing_a_result_is_the_office_acting():
    from retrieval.duties import asked_duty

    assert asked_duty("标准合同交到省网信办备案以后，网信办几个工作日内出备案结果？")[0] == "authority"
    assert asked_duty("出境数据要多少天内报给网信办？")[0] != "authority"


def test_an_extension_asked_is_not_answered_by_the_assessment_itself():
    from retrieval.duties import activities, lacks_decisive

    asked = activities("We've applied to extend our 3-year security assessment result. How many working days?")
    assert lacks_decisive(asked, activities("国家网信部门应当自受理之日起45个工作日内完成数据出境安全评估"))
    assert not lacks_decisive(asked, activities("情况复杂的，可以延长15个工作日"))


def test_a_submission_said_loosely_is_a_submission_but_not_the_event_a_period_runs_from():
    from retrieval.duties import asked_activities

    assert asked_activities("审查办公室要求补材料，企业要在几个工作日内交上去？") == {"submission"}
    assert asked_activities("How many days do we have to hand in the extra documents?") == {"submission"}
    assert asked_activities("我们交上去以后网信办多久给结果？") == frozenset()
