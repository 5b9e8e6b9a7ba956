"""retrieval/compose.py: the pure helpers the composer reads a question with. Pure: no store, no model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, regimes", [
    ("What is the maximum financial penalty under Singapore's PDPA?", ["PDPA", "Singapore"]),
    ("Under Japanese law, how fast must a leak be reported?", ["Japanese"]),
    ("新加坡个人数据保护法的最高罚款是多少？", ["新加坡"]),
    ("新加坡PDPA违规的最高罚款是多少？", ["PDPA"]),  # an acronym right after Chinese characters
    ("The EUR 5 million fine under the DSL?", []),
    # where the data goes, who asks for it, who the asker is: scenery, not a regime
    ("我们准备向新加坡母公司传输个人信息，标准合同生效后多久内备案？", []),
    ("我们把境内数据提供给了美国一家法院，按数据安全法罚多少？", []),
    ("US law enforcement asked our Shanghai subsidiary for data: what does the DSL fine for handing it over?", []),
    # any country's law, its decree or its regulator; 内蒙古 is no 蒙古
    ("Under Vietnam's Decree 13/2023, within how many hours must a breach be reported?", ["Vietnam"]),
    ("德国的数据保护法罚款多少？", ["德国"]),
    ("内蒙古的数据条例规定了什么？", []),
    ("Our German parent wants the data: what does the PIPL require?", []),
])
def test_a_country_names_a_regime_only_when_its_law_is_asked_about(question, regimes):
    from retrieval.compose import foreign_regimes

    assert foreign_regimes(question) == regimes


def test_the_count_written_before_the_noun_asked_leads():
    from retrieval.compose import _the_count_asked
    from retrieval.query import analyse

    text = ("302 generative AI services had been registered as of 31 December 2024; 105 services that integrate "
            "third-party AI interfaces were also registered.")
    glosses = [("302", "302"), ("105", "105")]
    asked = analyse("How many generative AI services had registered by the end of 2024?", None)
    assert _the_count_asked(glosses, text, asked) == [("302", "302")]
    other = analyse("How many services that integrate third-party interfaces were registered?", None)
    assert _the_count_asked(glosses, text, other) == [("105", "105")]
    unnamed = analyse("How many were registered by the end of 2024?", None)
    assert _the_count_asked(glosses, text, unnamed) == glosses


def test_a_which_article_question_asks_no_figure_but_names_the_ones_its_article_must_state():
    from retrieval.compose import figures_named
    from retrieval.query import analyse

    assert analyse("这是个保法第几条规定的？", None).wants == set()
    assert analyse("Which article sets the 5% of turnover fine?", None).which_article
    assert [f.text for f in figures_named("Which article of the DSL sets the 5% of turnover fine?")] == ["5%"]
    assert figures_named("Which article of the PIPL (2021) requires an impact assessment?") == []
    # an article counted is the article sought, not a figure in it
    assert figures_named("修改后的网安法新增了一条关于人工智能的规定，是第几条？") == []
    assert [f.text for f in figures_named("哪一条规定了100万人以上的门槛？")] == ["100万人以上"]


def test_the_sentence_that_asks_says_which_date_is_asked():
    from retrieval.compose import _asks_adoption

    assert not _asks_adoption("数安法是哪天开始施行的？我只记得是2021年6月通过的。")
    assert _asks_adoption("数安法是哪天通过的？")
    assert _asks_adoption("When was the DSL adopted, and when did it take effect?")
    assert not _asks_adoption("The PIPL was passed in August 2021. When did it take effect?")


def test_a_which_article_question_is_answered_by_an_article_not_the_preamble():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    def passage(text: str, article: int | None, locator: str, score: float) -> Passage:
        return Passage(chunk_id=locator, doc_id="csl-2025", text=text, start=0, end=len(text), locator=locator,
                       title="网络安全法", source="", kind="statute", authority=1, status="in-force", language="zh",
                       article=article, short="CSL", score=score, fused=score)

    preamble = passage("中华人民共和国网络安全法（2025年修正）人工智能 伦理规范 支持", None, "Preamble", 2.0)
    article = passage("第二十条 国家支持人工智能基础理论研究和算法等关键技术研发，完善人工智能伦理规范。", 20, "Art. 20", 1.5)
    analysis = analyse("网安法2025年修正后，规定国家支持人工智能研究、完善人工智能伦理规范的是第几条？", "bigram")
    comp = compose([preamble, article], analysis, 5, 0.0, "bigram")
    assert not comp.abstained and comp.key_figure == "《中华人民共和国网络安全法（2025年修正）》第二十条"


def test_the_first_of_two_asks_decides_whether_the_adoption_or_the_commencement_leads():
    from retrieval.compose import _asks_adoption
    from retrieval.query import analyse

    analysis = analyse("On what date did the court adopt the provisions, and when did they take effect?")
    assert analysis.first_ask and _asks_adoption(analysis.first_ask)
    assert not _asks_adoption(analysis.follow_up.question)


def test_a_regime_named_as_a_style_is_not_the_law_asked_about():
    from retrieval.compose import foreign_regimes

    assert foreign_regimes("Which PIPL article gives a GDPR-style data portability right?") == []
    assert foreign_regimes("GDPR式的数据可携权在个保法哪一条？") == []
    assert foreign_regimes("What is the maximum GDPR fine?") == ["GDPR"]
    assert foreign_regimes("72 hours like GDPR?") == ["GDPR"]  # asks whether the GDPR's figure holds
    # beside a law the corpus holds, a likeness describes what is asked of that law
    assert foreign_regimes("PIPL's worst-case fine? Is there a revenue-based cap like GDPR?") == []
    assert foreign_regimes("个保法有没有类似GDPR的被遗忘权？") == []
    assert foreign_regimes("Does PIPL fine like the CCPA, and what is the GDPR maximum?") == ["GDPR"]


def test_a_which_article_question_about_a_duty_is_answered_by_the_duty_not_the_penalty_citing_it():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    def passage(text: str, article: int, score: float) -> Passage:
        return Passage(chunk_id=f"a{article}", doc_id="dsl", text=text, start=0, end=len(text),
                       locator=f"Art. {article}", title="数据安全法", source="", kind="statute", authority=1,
                       status="in-force", language="zh", article=article, short="DSL", score=score, fused=score)

    penalty = passage("第四十八条 违反本法第三十六条规定，未经主管机关批准向外国司法或者执法机构提供数据的，由有关主管部门"
                      "给予警告，可以并处十万元以上一百万元以下罚款。", 48, 2.0)
    duty = passage("第三十六条 非经中华人民共和国主管机关批准，境内的组织、个人不得向外国司法或者执法机构提供存储于中华人民"
                   "共和国境内的数据。", 36, 1.5)
    analysis = analyse("数安法里禁止未经主管机关批准向外国司法或者执法机构提供境内数据的是第几条？", "bigram")
    assert compose([penalty, duty], analysis, 5, 0.0, "bigram").key_figure == "《中华人民共和国数据安全法》第三十六条"
    fine = analyse("数安法里未经批准向外国执法机构提供数据的，罚款规定在第几条？", "bigram")
    assert compose([penalty, duty], fine, 5, 0.0, "bigram").key_figure == "《中华人民共和国数据安全法》第四十八条"  # the fine's own article
    # the duty found first, and the penalty provisions asked: the sanction citing the duty answers
    penalty_asked = analyse("禁止向外国执法机构提供境内数据的规定，罚则在第几条？", "bigram")
    assert compose([duty, penalty], penalty_asked, 5, 0.0, "bigram").key_figure == "《中华人民共和国数据安全法》第四十八条"
    assert compose([duty, penalty], analysis, 5, 0.0, "bigram").key_figure == "《中华人民共和国数据安全法》第三十六条"


def test_a_which_article_question_is_answered_by_the_duty_not_a_sanction_naming_its_words_in_passing():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from tests.statutes import statute

    ban = statute("有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，并处五千万元以下罚款；并可以决定"
                  "禁止其在一定期限内担任相关企业的董事、监事、高级管理人员和个人信息保护负责人。", 66, score=2.0)
    duty = statute("第五十二条 处理个人信息达到国家网信部门规定数量的个人信息处理者应当指定个人信息保护负责人。", 52, score=1.9)
    asked = analyse("Which PIPL article says we need a DPO?")
    assert asked.which_article
    assert compose([ban, duty], asked, 5, 0.0, "bigram").key_figure == "PIPL Article 52"
    # a duty of another law is no article of the law the sanction is in
    other = statute("第五十二条 处理个人信息达到国家网信部门规定数量的个人信息处理者应当指定个人信息保护负责人。", 52,
                    doc_id="other", short="Other", score=1.9)
    assert compose([ban, other], asked, 5, 0.0, "bigram").key_figure == "PIPL Article 66"


def test_a_sentence_naming_the_stage_of_review_asked_answers_before_one_naming_none():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from tests.statutes import statute

    def measures(text: str, article: int, score: float):
        return statute(text, article, doc_id="cybersecurity-review", short="Cybersecurity Review Measures",
                       title="网络安全审查办法", score=score)

    replies = measures("第十二条 网络安全审查工作机制成员单位和相关部门应当自收到审查结论建议之日起15个工作日内书面回复意见。", 12, 2.0)
    special = measures("第十四条 特别审查程序一般应当在90个工作日内完成，情况复杂的可以延长。", 14, 1.5)
    asked = analyse("How long does a special cybersecurity review take?")
    assert asked.assessments == {"special review"}
    assert "90" in compose([replies, special], asked, 5, 0.0, "bigram").key_figure
    # a question naming no kind keeps the order the scorer chose
    plain = analyse("网络安全审查工作机制成员单位多少个工作日内书面回复意见？")
    assert "15" in compose([replies, special], plain, 5, 0.0, "bigram").key_figure


def test_a_which_article_answer_names_the_article_speaking_most_to_the_question_among_sentences_scoring_alike():
    from dataclasses import replace

    from retrieval import compose as c
    from retrieval.query import analyse
    from tests.statutes import statute

    notify = statute("第三十九条 个人信息处理者向中华人民共和国境外提供个人信息的，应当向个人告知境外接收方的名称或者姓名、联系方式。", 39)
    representative = statute(
        "Article 53: Personal information handlers outside the borders of the People's Republic of China shall "
        "establish a dedicated entity or appoint a representative within the borders of the People's Republic of "
        "China.", 53, doc_id="pipl-en", short="PIPL (EN)", translation_of="pipl")
    asked = analyse("Which PIPL article requires an overseas company to set up a dedicated entity or appoint a "
                    "representative in China?")
    ask = c._Ask([notify, representative], asked, 5, 0.0, "bigram", {}, 8.0, "", None, None)
    by_article = {p.passage.article: p for p in c._score_sentences(ask.passages, asked, "bigram", {}, 8.0)}
    alike = [replace(by_article[39], score=2.22), replace(by_article[53], score=2.16)]
    assert c._article_speaking_most_first(alike, ask)[0].passage.article == 53
    # a sentence scoring well below the first is not chosen for what its article speaks to
    apart = [replace(by_article[39], score=2.22), replace(by_article[53], score=1.5)]
    assert c._article_speaking_most_first(apart, ask)[0].passage.article == 39
    # the article is the law's, named in the authoritative text's name whichever text was quoted
    assert c._article_label(representative) == "PIPL Article 53"
    assert c._article_label(notify) == "PIPL Article 39"


def test_other_passages_stating_the_figure_are_also_stated_in_and_without_a_figure_only_see_also():
    from retrieval import compose as c
    from retrieval.query import analyse
    from tests.statutes import statute

    same = [statute(f"第六十{n}条 违反本法规定处理个人信息的，处一百万元以下罚款。", 66 + i, score=2.0 - i / 10)
            for i, n in enumerate("六七八")]
    fine = c.compose(same, analyse("Under the PIPL, what is the maximum fine for handling personal information "
                                   "unlawfully?"), 5, 0.0, "bigram")
    assert fine.text.endswith("Also stated in PIPL Art. 68 [3].")
    asked = analyse("Which PIPL article requires a personal information protection officer?")
    picks = c._score_sentences(same, asked, "bigram", {}, 8.0)[:3]
    parts = c._lead_and_quotes(c.Composition(), picks, "", asked)
    assert parts[-1].startswith("See also ")


def _statute(text: str, article: int):
    from tests.statutes import statute

    return statute(text, article, score=1.0)


def test_the_asking_sentence_not_the_scene_chooses_the_article():
    from retrieval.compose import compose
    from retrieval.query import analyse

    apps = _statute("第六十一条 履行个人信息保护职责的部门履行下列个人信息保护职责：\n（三）组织对用户的应用程序等个人信息保护情况进行测评。", 61)
    moving = _statute("第四十五条 个人请求将个人信息转移至其指定的个人信息处理者的，个人信息处理者应当提供转移的途径。", 45)
    question = "A user wants us to port her data to a competitor's app. Which PIPL article gives her that portability right?"
    comp = compose([apps, moving], analyse(question), 5, 0.0, "bigram", idf={"应用": 3.0}, unknown_idf=3.0)
    assert comp.key_figure == "PIPL Article 45"
    from retrieval.rules.registry import disabled
    with disabled({"asked_article"}):
        assert compose([apps, moving], analyse(question), 5, 0.0, "bigram", idf={"应用": 3.0},
                       unknown_idf=3.0).key_figure == "PIPL Article 61"
    # the same words with no scene: the first sentence is what was asked
    assert analyse("Which PIPL article gives a portability right?").which_article


def test_a_second_ask_naming_no_law_asks_of_the_law_named_and_its_commencement_answers_it():
    from retrieval.compose import _dates_the_event_asked, _score_sentences
    from retrieval.query import analyse
    from tests.statutes import statute

    analysis = analyse("Quick check: when was PIPL passed by the NPCSC, and when did it actually take effect?")
    second = analysis.follow_up
    assert second is not None and "pipl" in second.laws
    commencement = statute("Article 74: This Law shall enter into force on November 1, 2021.", 74, "pipl-en",
                           translation_of="pipl")
    other = statute("本决定自2026年1月1日起施行。", 1, "csl-2025-decision", short="CSL Decision")
    own, foreign = (_score_sentences([p], second, "bigram", None, 8.0)[0] for p in (commencement, other))
    assert _dates_the_event_asked(own, second) and not _dates_the_event_asked(foreign, second)


def test_a_fine_set_before_a_list_of_breaches_fines_the_item_the_question_describes():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from tests.statutes import statute

    listed = statute("第三十九条 运营者有下列情形之一的，由有关主管部门责令改正，给予警告；拒不改正的，处10万元以上100万元以下罚款："
                     "\n\n（一）安全保护措施未同步规划、同步建设、同步使用的；"
                     "\n\n（二）未对关键信息基础设施每年至少进行一次网络安全检测和风险评估的。", 39, "cii", short="CII Regulations",
                     title="关键信息基础设施安全保护条例", score=2.0)
    other = statute("第四十条 运营者发生重大网络安全事件未按照有关规定报告的，由保护工作部门责令改正；拒不改正的，处10万元以上50万元以下"
                    "罚款。", 40, "cii", short="CII Regulations", title="关键信息基础设施安全保护条例", score=2.0)
    question = "关基运营者没有每年做一次网络安全检测和风险评估，拒不改正，按关基条例对单位罚多少？"
    comp = compose([other, listed], analyse(question, "bigram"), 5, 0.0, "bigram",
                   idf={"检测": 6.0, "风险": 4.0, "评估": 4.0, "每年": 5.0}, unknown_idf=3.0)
    assert not comp.abstained and comp.primary.passage.article == 39 and "100万元" in comp.key_figure


def test_an_article_asked_then_its_fine_is_two_asks_and_the_fine_of_that_article_s_breach_answers_the_second():
    from retrieval.compose import compose
    from retrieval.query import analyse, split_asks
    from tests.statutes import statute

    question = "数安法哪一条禁止未经主管机关批准向外国执法机构提供数据？如果没批就给了，单位最高罚多少？"
    assert split_asks(question)[1].startswith("如果没批")
    assert split_asks("What's the highest fine band in the NDSMR, and which article sets it?")[1] == \
        "which article sets it?"
    duty = statute("第三十六条 非经中华人民共和国主管机关批准，境内的组织、个人不得向外国司法或者执法机构提供存储于境内的数据。", 36, "dsl",
                   short="DSL", title="数据安全法", score=2.0)
    fine = statute("第四十八条 违反本法第三十六条规定，提供数据的，由有关主管部门给予警告，可以并处十万元以上一百万元以下罚款。", 48, "dsl",
                   short="DSL", title="数据安全法", score=1.5)
    comp = compose([duty, fine], analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert comp.key_figure.startswith("《中华人民共和国数据安全法》第三十六条") and "一百万元" in comp.key_figure
    assert comp.text.index("[1]") < comp.text.index("[2]")


def test_the_first_ask_s_own_words_choose_the_sentence_that_answers_first():
    from retrieval.query import analyse

    analysis = analyse("办公室多少个工作日内决定要不要审？如果要审，初步审查一般多少个工作日内完成？", "bigram")
    assert "决定" in analysis.content_tokens and "初步" not in analysis.content_tokens
    assert "初步" in analysis.follow_up.content_tokens


def test_two_answers_join_with_the_second_numbered_after_the_first():
    from retrieval.compose import Composition, joined
    from retrieval.verify import Claim
    from tests.statutes import statute

    units = statute("第五十五条 本法自2021年9月1日起施行。", 55, "dsl", short="DSL")
    first = Composition(text="55条 [1].", cited=[units], key_figure="55条", claims=[Claim("55条", (1,))])
    second = Composition(text="2021年9月1日 [1].\n\nDSL Art. 55: “…” [1]", cited=[units], key_figure="2021年9月1日",
                         claims=[Claim("2021年9月1日", (1,))])
    both = joined(first, second)
    assert both.text == "55条 [1].\n\n2021年9月1日 [2].\n\nDSL Art. 55: “…” [2]"
    assert both.key_figure == "55条; 2021年9月1日"
    assert [c.cites for c in both.claims] == [(1,), (2,)]
    assert len(both.cited) == 2


def test_the_tier_the_question_describes_answers_before_the_first_tier_of_its_article():
    from retrieval.compose import Pick, _asked_tier_first
    from retrieval.figures import read_figures
    from retrieval.query import analyse
    from retrieval.sentences import sentence_spans
    from tests.statutes import statute

    text = ("第五十四条 违反本条例第二十条第一款规定的，责令改正；拒不改正的，并处100万元以下罚款。\n\n"
            "违反本条例第二十条第一款第五项规定，情节严重的，并处5000万元以下或者上一年度营业额百分之五以下罚款。")
    passage = statute(text, 54, "minors", short="Minors Online Regulations")
    first, serious = (Pick(passage, span, score, list(read_figures(span.text)))
                      for span, score in zip(sentence_spans(text), (2.4, 2.0), strict=True))
    asked = analyse("If we seriously fail our Art. 20 duties under the Minors Online Protection Regulations, "
                    "what's the maximum fine?")
    assert _asked_tier_first([first, serious], asked)[0] is serious
    plain = analyse("If we fail our Art. 20 duties under the Minors Online Protection Regulations, what's the fine?")
    assert _asked_tier_first([first, serious], plain)[0] is first


def test_a_duty_asked_is_answered_by_the_sentence_imposing_it_not_the_one_exempting_from_it():
    from retrieval.compose import Pick, _duty_not_exemption_first
    from retrieval.figures import read_figures
    from retrieval.query import analyse
    from retrieval.sentences import sentence_spans
    from tests.statutes import statute

    exempt = statute("第五条 数据处理者累计向境外提供不满10万人个人信息的，免予申报数据出境安全评估。", 5, "cbdt-provisions")
    duty = statute("第七条 数据处理者累计向境外提供100万人以上个人信息的，应当申报数据出境安全评估。", 7, "cbdt-provisions")
    picks = [Pick(p, sentence_spans(p.text)[0], score, list(read_figures(p.text)))
             for p, score in ((exempt, 2.7), (duty, 2.6))]
    must = analyse("从今年1月1日起累计，向境外提供多少人的个人信息就必须申报数据出境安全评估？")
    assert _duty_not_exemption_first(picks, must)[0].passage is duty
    asked_exemption = analyse("向境外提供多少人以下的个人信息可以免予申报安全评估？")
    assert _duty_not_exemption_first(picks, asked_exemption)[0].passage is exempt


def test_a_multiple_that_is_no_fine_does_not_answer_how_much_money():
    from retrieval.compose import _accepts
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    threshold = extract_figures("数量或者数额达到前款第三项至第八项规定标准十倍以上的")[0]
    fine = extract_figures("违法所得十万元以上的，并处违法所得一倍以上五倍以下罚款")[-1]
    money = analyse("经济损失达到多少钱算情节特别严重？", None)
    assert threshold.kind == fine.kind == "multiple"
    assert not _accepts(threshold, money)
    assert _accepts(threshold, analyse("达到标准的几倍算情节特别严重？", None))
    assert _accepts(fine, analyse("违法所得二十万元，罚多少？", None))


def test_the_day_a_text_was_published_is_no_due_date():
    from retrieval.compose import _fits
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    text = "2022年7月7日公布的《数据出境安全评估办法》等相关规定与本规定不一致的，适用本规定。"
    published = extract_figures(text)[0]
    assert not _fits(published, text, analyse("We want the approval extended. By when must we apply?", None))
    assert _fits(published, text, analyse("When were the Outbound Assessment Measures published?", None))
    # a law adopted at a named session, and a question asking when an act (a report) is due
    adopted = "2021年6月10日 第十三届全国人民代表大会常务委员会第二十九次会议通过"
    day = extract_figures(adopted)[0]
    assert not _fits(day, adopted, analyse("年度数据安全报告什么时候交？", None))
    assert _fits(day, adopted, analyse("数据安全法什么时候通过的？", None))



def test_the_day_a_text_takes_effect_is_not_the_day_it_was_adopted():
    from retrieval.compose import _commences_only
    from retrieval.figures import extract_figures

    def dates(text: str):
        return [f for f in extract_figures(text) if f.kind == "date"]

    assert _commences_only("第六十四条 本条例自2025年1月1日起施行。", dates("第六十四条 本条例自2025年1月1日起施行。")[0])
    decision = "已由第十四届全国人民代表大会常务委员会第十八次会议于2025年10月28日通过，现予公布，自2026年1月1日起施行。"
    assert not any(_commences_only(decision, f) for f in dates(decision))  # adoption said beside both


def test_a_law_s_commencement_or_adoption_record_is_found_in_either_language():
    from retrieval.search import _COMMENCEMENT

    assert _COMMENCEMENT.search("第五十五条 本法自2021年9月1日起施行。")
    assert _COMMENCEMENT.search("第十四条 本规定自公布之日起施行。")
    assert _COMMENCEMENT.search("Article 74: This Law shall enter into force on November 1, 2021.")
    assert _COMMENCEMENT.search("（2021年8月20日第十三届全国人民代表大会常务委员会第三十次会议通过）")
    assert not _COMMENCEMENT.search("本办法施行前已经开展的数据出境活动，应当自本办法施行之日起6个月内完成整改。")


def test_the_record_day_beside_on_publication_is_not_a_figure_of_the_sentence():
    from retrieval.compose import _stated_by_text

    assert _stated_by_text("自公布之日起施行（2024年3月22日）") == ["自公布之日起施行"]
    assert _stated_by_text("On the date of publication (22 March 2024)") == ["On the date of publication"]
    assert _stated_by_text("2021年9月1日") == ["2021年9月1日"]


def test_a_brand_must_be_named_by_the_answer_and_a_short_name_need_not():
    from retrieval.compose import must_be_named

    assert must_be_named("DiDi")
    assert not must_be_named("CIIO") and not must_be_named("SCC")


def test_an_amending_decision_and_the_law_it_amends_state_one_provision():
    from retrieval.compose import _same_provision
    from retrieval.records import Passage

    def passage(doc_id: str, translation_of: str = "") -> Passage:
        return Passage(chunk_id=doc_id, doc_id=doc_id, text="", start=0, end=0, locator="", title="", source="",
                       kind="statute", authority=1, status="in-force", language="zh", translation_of=translation_of)

    assert _same_provision(passage("csl-2025-decision"), passage("csl-2025"))
    assert _same_provision(passage("csl-2025"), passage("csl-2025-decision"))
    assert _same_provision(passage("pipl"), passage("pipl-en", translation_of="pipl"))
    assert not _same_provision(passage("csl-2025-decision"), passage("pipl"))


def test_a_fine_asked_for_a_duty_no_sanction_of_its_law_names_is_refused_not_answered_with_the_listed_duties_fine():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage
    from retrieval.violations import sanction_map

    def passage(text: str, article: int, score: float) -> Passage:
        return _article_of("ndsmr", "NDSMR", text, article, score, kind="regulation", authority=2)

    duty = passage("第四十四条 大型网络平台服务提供者应当每年度发布个人信息保护社会责任报告。", 44, 2.5)
    fine = passage("第五十五条 违反本条例第十二条、第四十二条规定的，由网信等主管部门责令改正，给予警告；拒不改正或者情节严重的，"
                   "处100万元以下罚款。", 55, 2.0)
    question = analyse("网络数据安全管理条例里，大型平台没有每年度发布个人信息保护社会责任报告，罚款多少？", "bigram")
    law = sanction_map([duty.text, fine.text])
    refused = compose([duty, fine], question, 5, 0.0, "bigram", sanctions=lambda doc_id: law)
    assert refused.abstained and refused.trace[-1].rule == "duty_unsanctioned"
    assert "NDSMR Art. 44" in refused.reason
    # the same duty listed by the fine is answered by it
    listing = passage("第五十五条 违反本条例第十二条、第四十四条规定的，由网信等主管部门责令改正，给予警告；拒不改正或者情节严重的，"
                      "处100万元以下罚款。", 55, 2.0)
    law = sanction_map([duty.text, listing.text])
    answered = compose([duty, listing], question, 5, 0.0, "bigram", sanctions=lambda doc_id: law)
    assert not answered.abstained and "100万" in answered.text


def test_a_guide_speaking_of_the_law_answers_for_it_unless_the_question_asks_what_the_law_itself_says():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    def guide(text: str) -> Passage:
        return Passage(chunk_id="g1", doc_id="zhonglun-dpp-2025", text=text, start=0, end=len(text),
                       locator="Compliance audits", title="Zhong Lun/GLO Practice Guide 2025", source="", kind="guide",
                       authority=5, status="in-force", language="en", score=2.0, fused=2.0)

    final = guide("Under the PIPL, the Compliance Audit Measures require businesses that process the personal "
                  "information of more than ten million individuals to conduct a compliance audit at least once every "
                  "two years.")
    itself = compose([final], analyse("How often does the PIPL itself require a compliance audit?"), 5, 0.0, "bigram")
    assert itself.abstained and itself.trace[-1].rule == "outside_named_law"
    asked = analyse("How often must a compliance audit be done under the PIPL?")
    described = compose([final], asked, 5, 0.0, "bigram")
    assert not described.abstained and "once every two years" in described.text
    # what a draft proposed is not what the law in force requires (rule draft_described), unless the draft is asked
    draft = guide("Under the PIPL, the Draft Measures require businesses that process the personal information of "
                  "more than one million individuals to conduct a compliance audit at least once a year.")
    proposed = compose([draft], asked, 5, 0.0, "bigram")
    assert proposed.abstained and proposed.trace[-1].rule == "draft_described"
    drafted = compose([draft], analyse("How often would the draft measures under the PIPL require an audit?"), 5, 0.0,
                      "bigram")
    assert not drafted.abstained and "once a year" in drafted.text


def test_a_named_law_that_says_promptly_is_not_answered_with_another_text_s_number_of_hours():
    from retrieval.compose import compose
    from retrieval.query import analyse

    passage = _article_of

    dsl = passage("dsl", "DSL", "第二十九条 开展数据处理活动应当加强风险监测，发生数据安全事件时，应当立即采取处置措施，"
                                "按照规定及时告知用户并向有关主管部门报告。", 29, 2.0)
    ndsmr = passage("ndsmr", "NDSMR", "第十条 发生数据安全事件，涉及危害国家安全、公共利益的，网络数据处理者应当在24小时内"
                                      "向有关主管部门报告。", 10, 1.9)
    asked = analyse("根据数据安全法，发生数据安全事件后几个小时内必须向主管部门报告？", "bigram")
    left_open = compose([dsl, ndsmr], asked, 5, 0.0, "bigram")
    assert left_open.abstained and left_open.trace[-1].rule == "figure_left_open" and "DSL Art. 29" in left_open.reason
    regulation = analyse("根据网络数据安全管理条例，发生数据安全事件后几个小时内必须向主管部门报告？", "bigram")
    assert "24小时" in compose([dsl, ndsmr], regulation, 5, 0.0, "bigram").text


def test_ordinary_information_is_the_list_s_residual_item_not_its_first():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    text = ("第五条 非法获取、出售或者提供公民个人信息，具有下列情形之一的，应当认定为“情节严重”：\n\n"
            "（三）非法获取、出售或者提供行踪轨迹信息、通信内容、征信信息、财产信息五十条以上的；\n\n"
            "（五）非法获取、出售或者提供第三项、第四项规定以外的公民个人信息五千条以上的；")
    article = Passage(chunk_id="a5", doc_id="pi-crimes", text=text, start=0, end=len(text), locator="Art. 5",
                      title="解释", source="", kind="judicial-interpretation", authority=1, status="in-force",
                      language="zh", article=5, short="PI Crimes Interpretation", score=2.0, fused=2.0)
    ordinary = compose([article], analyse("侵犯公民个人信息罪里，普通个人信息达到多少条算情节严重？", "bigram"), 5, 0.0,
                       "bigram")
    assert "五千条" in ordinary.key_figure
    tracking = compose([article], analyse("侵犯公民个人信息罪里，行踪轨迹信息达到多少条算情节严重？", "bigram"), 5, 0.0,
                       "bigram")
    assert "五十条" in tracking.key_figure


def test_a_figure_from_a_passage_speaking_to_far_less_than_the_silent_one_found_first_is_refused():
    from retrieval.compose import compose
    from retrieval.query import analyse

    passage = _article_of

    duty = passage("pipl", "PIPL", "第五十三条 境外的个人信息处理者，应当在中华人民共和国境内设立专门机构或者指定代表，并将有关机构"
                                   "的名称或者代表的姓名、联系方式等报送履行个人信息保护职责的部门。", 53, 2.0)
    filing = passage("scc-measures", "Standard Contract Measures",
                     "第七条 个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。", 7, 1.6)
    asked = analyse("境外个人信息处理者在境内指定了代表，要在多少日内把代表的姓名和联系方式给到网信部门？", "bigram")
    # the words every passage of the field uses weigh little, as in the corpus
    common = {"个人": 0.2, "人信": 0.2, "信息": 0.2, "处理": 0.2, "理者": 0.2, "网信": 0.5, "信部": 0.5, "部门": 0.5}
    refused = compose([duty, filing], asked, 5, 0.0, "bigram", common)
    assert refused.abstained and refused.trace[-1].rule == "silent_lead" and "PIPL Art. 53" in refused.reason
    on_point = analyse("标准合同生效后多少个工作日内要向省级网信部门备案？", "bigram")
    assert "10个工作日" in compose([filing, duty], on_point, 5, 0.0, "bigram", common).text


def _article_of(doc_id: str, short: str, text: str, article: int, score: float, kind: str = "statute",
                authority: int = 1):
    from retrieval.records import Passage

    return Passage(chunk_id=f"{doc_id}{article}", doc_id=doc_id, text=text, start=0, end=len(text),
                   locator=f"Art. {article}", title=short, source="", kind=kind, authority=authority,
                   status="in-force", language="zh", article=article, short=short, score=score, fused=score)


def test_a_fine_asked_for_a_duty_on_point_that_no_sanction_names_is_refused_though_a_fine_was_found_first():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.violations import sanction_map

    def passage(text: str, article: int, score: float):
        return _article_of("algorithm-recommendation", "Algorithm Provisions", text, article, score,
                           kind="regulation", authority=2)

    fine = passage("第三十一条 算法推荐服务提供者违反本规定第七条、第八条、第十条规定的，由网信部门给予警告、通报批评，"
                   "责令限期改正；拒不改正或者情节严重的，责令暂停信息更新，并处一万元以上十万元以下罚款。", 31, 2.5)
    pricing = passage("第二十一条 算法推荐服务提供者向消费者销售商品或者提供服务的，应当保护消费者公平交易的权利，不得根据"
                      "消费者的偏好、交易习惯等特征，利用算法在交易价格等交易条件上实施不合理的差别待遇。", 21, 2.0)
    law = sanction_map([fine.text, pricing.text])
    asked = analyse("算法推荐服务提供者利用算法根据消费者的交易习惯在交易价格上实施差别待遇，罚款多少？", "bigram")
    refused = compose([fine, pricing], asked, 5, 0.0, "bigram", sanctions=lambda doc_id: law)
    assert refused.abstained and refused.trace[-1].rule == "unsanctioned_duty_on_point"
    assert "Algorithm Provisions Art. 21" in refused.reason
    # the same duty named by the fine is answered by it
    listing = passage(fine.text.replace("第十条", "第二十一条"), 31, 2.5)
    law = sanction_map([listing.text, pricing.text])
    answered = compose([listing, pricing], asked, 5, 0.0, "bigram", sanctions=lambda doc_id: law)
    assert not answered.abstained and "一万元以上十万元以下" in answered.text


def test_kick_in_asks_when_a_text_takes_effect():
    from retrieval.compose import EFFECTIVE_CUE

    assert EFFECTIVE_CUE.search("when do the 2025 changes actually kick in?")
    assert not EFFECTIVE_CUE.search("how many days does the CAC have to decide?")


def test_a_year_alone_answers_which_year_not_when():
    from retrieval.compose import _accepts
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    (year,) = extract_figures("中华人民共和国网络安全法（2025年修正）")
    assert not _accepts(year, analyse("When was the amendment to the Cybersecurity Law adopted?"))
    assert _accepts(year, analyse("In which year was the Cybersecurity Law amended?"))
    (published,) = extract_figures("本规定自公布之日起施行")
    assert _accepts(published, analyse("When did the Provisions take effect?"))


def test_an_english_date_is_read_with_the_words_around_it():
    from retrieval.compose import _commences_only
    from retrieval.figures import extract_figures

    text = "the Regulations were finally released in September 2024, and came into effect on 1 January 2025."
    day = next(f for f in extract_figures(text) if f.value == 20250101)
    assert _commences_only(text, day)


def test_a_text_s_own_commencement_clause_is_told_from_an_order_repeating_it():
    from retrieval.compose import OWN_COMMENCEMENT

    assert OWN_COMMENCEMENT.search("本决定自2026年1月1日起施行。")
    assert OWN_COMMENCEMENT.search("第七十四条 本法自2021年11月1日起施行。")
    assert OWN_COMMENCEMENT.search("Article 74: This Law shall take effect on 1 November 2021.")
    assert not OWN_COMMENCEMENT.search("《决定》已由…于2025年10月28日通过，现予公布，自2026年1月1日起施行。")


def test_the_day_a_text_takes_effect_is_cited_from_its_own_commencement_clause():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    def part(text: str, locator: str, score: float) -> Passage:
        return Passage(chunk_id=locator, doc_id="csl-2025-decision", text=text, start=0, end=len(text),
                       locator=locator, title="Decision", source="", kind="statute", authority=1,
                       status="in-force", language="zh", short="CSL Decision", score=score, fused=score)

    order = part("《关于修改<网络安全法>的决定》已于2025年10月28日通过，现予公布，自2026年1月1日起施行。", "Preamble", 2.0)
    closing = part("本决定自2026年1月1日起施行。", "Closing", 1.5)
    answer = compose([order, closing], analyse("网络安全法2025年的修改决定从哪天起施行？", "bigram"), 5, 0.0, "bigram")
    assert "2026年1月1日" in answer.key_figure and answer.cited[0].locator == "Closing"


def test_a_guide_s_figure_loses_to_the_silent_statute_by_less_unless_the_question_asks_what_the_guide_says():
    from retrieval.compose import compose
    from retrieval.query import analyse

    statute = _article_of("cii", "CII Regulations", "第十八条 关键信息基础设施发生重大网络安全事件时，运营者应当按照有关规定向"
                                                   "保护工作部门、公安机关报告。", 18, 2.0, kind="regulation", authority=2)
    guide = _article_of("zhonglun-dpp-2025", "Zhong Lun guide", "关键信息基础设施发生重大网络安全事件的，运营者应当在24小时内报告。",
                        0, 1.8, kind="guide", authority=4)
    guide.article = None
    common = {"关键": 0.3, "信息": 0.2, "基础": 0.3, "设施": 0.3, "运营": 0.3, "营者": 0.3, "报告": 0.3}
    asked = analyse("关键信息基础设施发生重大网络安全事件，运营者要在几个小时内向保护工作部门、公安机关报告？", "bigram")
    refused = compose([statute, guide], asked, 5, 0.0, "bigram", common)
    assert refused.abstained and refused.trace[-1].rule == "silent_lead"
    # asked what the guide says, the guide answers
    of_guide = analyse("中伦的实务指南说，关键信息基础设施发生重大网络安全事件，运营者要在几个小时内向保护工作部门、公安机关报告？",
                       "bigram")
    assert "24小时" in compose([statute, guide], of_guide, 5, 0.0, "bigram", common).text


@pytest.mark.parametrize("question, validity", [
    ("数据出境安全评估结果的有效期，2022年的办法和2024年的规定哪个更长？", True),
    ("Is an assessment result valid longer under the 2024 Provisions than under the 2022 Measures?", True),
    ("Which lasts longer, the validity under the 2022 Measures or under the 2024 Provisions?", True),
    ("有效期届满前多少个工作日内申请延长？", False),
])
def test_a_comparison_of_validity_asks_how_long_each_stays_valid(question, validity):
    from retrieval.compose import VALIDITY_CUE

    assert bool(VALIDITY_CUE.search(question)) is validity


def test_a_sanction_referring_the_breach_to_other_laws_is_not_answered_with_another_breach_s_fine():
    from retrieval.compose import compose
    from retrieval.query import analyse

    def passage(text: str, article: int, score: float):
        return _article_of("dsl", "DSL", text, article, score)

    general = passage("第四十五条 开展数据处理活动的组织、个人不履行本法第二十七条、第二十九条、第三十条规定的数据安全保护义务的，"
                      "由有关主管部门责令改正，给予警告，可以并处五万元以上五十万元以下罚款。", 45, 2.5)
    referral = passage("第五十一条 窃取或者以其他非法方式获取数据，开展数据处理活动排除、限制竞争，或者损害个人、组织合法权益的，"
                       "依照有关法律、行政法规的规定处罚。", 51, 2.0)
    asked = analyse("数据安全法下，窃取别人的数据的，罚款是多少？", "bigram")
    refused = compose([general, referral], asked, 5, 0.0, "bigram")
    assert refused.abstained and refused.trace[-1].rule == "breach_without_figure"
    assert "DSL Art. 51 refers the breach described to other laws" in refused.reason
    on_point = analyse("数据安全法规定，开展数据处理活动的组织不履行数据安全保护义务的，罚款是多少？", "bigram")
    assert "五万元以上五十万元以下" in compose([general, referral], on_point, 5, 0.0, "bigram").text


def test_the_words_a_referral_shares_with_another_sanction_do_not_tell_the_breaches_apart():
    from functools import partial

    from retrieval.compose import compose
    from retrieval.query import analyse

    passage = partial(_article_of, "csl-2025", "CSL")
    # Art. 61's second paragraph fines the CII operator for four duties; those duties, retrieved, spell the operator
    # out again and again, so the party alone makes it fit nearly as well as the referral does
    duties = passage("第四十条 关键信息基础设施的运营者应当自行或者委托网络安全服务机构对其网络的安全性和可能存在的风险每年至少"
                     "进行一次检测评估，并将检测评估情况和改进措施报送相关负责关键信息基础设施安全保护工作的部门。", 40, 1.5)
    fine = passage("第六十一条 关键信息基础设施的运营者不履行本法第三十五条、第三十六条、第三十八条、第四十条规定的网络安全保护义务"
                   "的，由有关主管部门责令改正，给予警告，可以处五万元以上十万元以下罚款。", 61, 2.5)
    referral = passage("第七十一条 有下列行为之一的，依照有关法律、行政法规的规定处理、处罚：\n\n（三）违反本法第三十九条规定，"
                       "关键信息基础设施的运营者在境外存储个人信息和重要数据的。", 71, 2.0)
    asked = analyse("按修正后的网络安全法，关键信息基础设施运营者把个人信息存到境外，罚款是多少？", "bigram")
    refused = compose([fine, referral, duties], asked, 5, 0.0, "bigram")
    assert refused.abstained and refused.trace[-1].rule == "breach_without_figure"
    assert "refers the breach described to other laws" in refused.reason
    # "关基" is read through the glossary; with the operator's words weighing most, both fit as well through the
    # operator alone, and the referral, better in the words only it holds, is the sanction on point
    short = analyse("新网安法对关基运营者把个人信息存在境外的行为，罚款数额是多少？", "bigram")
    operator = dict.fromkeys(["关键", "键信", "息基", "基础", "础设", "设施", "运营", "营者"], 3.0)
    assert compose([fine, referral, duties], short, 5, 0.0, "bigram", operator, 1.0).trace[-1].rule == "breach_without_figure"
    # the duty to test the network yearly is Art. 61's: its fine answers
    tested = analyse("按修正后的网络安全法，关键信息基础设施运营者没有每年进行检测评估，罚款是多少？", "bigram")
    assert "五万元以上十万元以下" in compose([fine, referral, duties], tested, 5, 0.0, "bigram").text


def test_a_fine_for_the_paragraph_before_s_breach_is_not_the_fine_for_the_article_said_to_be_breached():
    from retrieval.compose import compose
    from retrieval.query import analyse

    article = _article_of("csl-2025", "CSL", "第六十六条 违反本法第二十九条规定，从事危害网络安全的活动，尚不构成犯罪的，由公安机关"
                                             "处五日以下拘留，可以并处五万元以上五十万元以下罚款。\n\n"
                                             "单位有前款行为的，由公安机关没收违法所得，处十万元以上一百万元以下罚款。", 66, 2.5)
    asked = analyse("新网络安全法新增的第二十条是人工智能条款，违反这一条的罚款是多少？", "bigram")
    assert compose([article], asked, 5, 0.0, "bigram").abstained
    # the article said to be breached answers
    breached = analyse("网络安全法第二十九条禁止危害网络安全的活动，违反这一条的罚款是多少？", "bigram")
    assert not compose([article], breached, 5, 0.0, "bigram").abstained


def test_a_ceiling_alone_sets_no_minimum_fine_for_the_party_asked():
    from retrieval.compose import compose
    from retrieval.query import analyse

    grave = _article_of("pipl", "PIPL", "有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，并处五千万元以下"
                                        "罚款，对直接负责的主管人员和其他直接责任人员处十万元以上一百万元以下罚款。", 66, 2.0)
    refused = compose([grave], analyse("个保法情节严重的最低罚款是多少？", "bigram"), 5, 0.0, "bigram")
    assert refused.abstained and refused.trace[-1].rule == "fixed_figure" and "no minimum" in refused.reason
    # the managers' fine has a floor
    managers = compose([grave], analyse("个保法情节严重的，对直接负责的主管人员最低罚多少？", "bigram"), 5, 0.0, "bigram")
    assert not managers.abstained and "十万元以上" in managers.text
    # the top is asked: the ceiling answers
    assert not compose([grave], analyse("个保法情节严重的最高罚款是多少？", "bigram"), 5, 0.0, "bigram").abstained


def test_the_later_text_s_list_item_restating_an_earlier_one_answers_before_it():
    from retrieval.compose import Pick, _later_rule_first
    from retrieval.figures import read_figures
    from retrieval.query import analyse
    from retrieval.sentences import Span
    from tests.statutes import statute

    def item(doc_id: str, article: int, chapeau: str, text: str) -> Pick:
        passage = statute(chapeau + text, article, doc_id)
        return Pick(passage, Span(len(chapeau), len(chapeau) + len(text), text, 1), 2.0, list(read_figures(text)),
                    chapeau=Span(0, len(chapeau), chapeau, 1))

    earlier = item("outbound-assessment", 4, "第四条 数据处理者向境外提供数据，有下列情形之一的，应当通过所在地省级网信部门向"
                   "国家网信部门申报数据出境安全评估：", "（三）自上年1月1日起累计向境外提供10万人个人信息或者1万人敏感个人信息的数据处理者向境外提供个人信息；")
    later = item("cbdt-provisions", 7, "第七条 数据处理者向境外提供数据，符合下列条件之一的，应当通过所在地省级网信部门向"
                 "国家网信部门申报数据出境安全评估：", "（二）关键信息基础设施运营者以外的数据处理者向境外提供重要数据，或者自当年1月1日起"
                 "累计向境外提供100万人以上个人信息（不含敏感个人信息）或者1万人以上敏感个人信息。")
    other = item("cbdt-provisions", 5, "第五条 数据处理者向境外提供个人信息，符合下列条件之一的，免予申报数据出境安全评估、"
                 "订立个人信息出境标准合同、通过个人信息保护认证：", "（三）紧急情况下为保护自然人的生命健康和财产安全，确需向境外提供个人信息的；")
    asked = analyse("非关基的数据处理者累计向境外提供多少人的个人信息就得申报数据出境安全评估？")
    assert _later_rule_first([earlier, other, later], asked)[0] is later
    assert _later_rule_first([earlier, other], asked)[0] is earlier
    as_issued = analyse("原来的数据出境安全评估办法规定累计向境外提供多少人的个人信息就得申报安全评估？")
    assert _later_rule_first([earlier, later], as_issued)[0] is earlier


def test_a_count_asked_of_what_may_be_done_without_a_duty_is_answered_by_the_exemption():
    from retrieval.compose import Pick, _exemption_asked_first
    from retrieval.figures import read_figures
    from retrieval.query import analyse
    from retrieval.sentences import Span
    from tests.statutes import statute

    duty_text = ("第八条 关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供10万人以上、不满100万人个人信息"
                 "（不含敏感个人信息）的，应当依法与境外接收方订立个人信息出境标准合同或者通过个人信息保护认证。")
    duty = Pick(statute(duty_text, 8, "cbdt-provisions"), Span(0, len(duty_text), duty_text, 1), 2.51,
                list(read_figures(duty_text)))
    chapeau = "第五条 数据处理者向境外提供个人信息，符合下列条件之一的，免予申报数据出境安全评估、订立个人信息出境标准合同、通过个人信息保护认证："
    item = "（四）关键信息基础设施运营者以外的数据处理者自当年1月1日起累计向境外提供不满10万人个人信息（不含敏感个人信息）的。"
    exemption = Pick(statute(chapeau + item, 5, "cbdt-provisions"), Span(len(chapeau), len(chapeau) + len(item), item, 1),
                     2.50, list(read_figures(item)), chapeau=Span(0, len(chapeau), chapeau, 1))
    spared = analyse("我们不是关基，多少人以内可以不用走安全评估、标准合同或认证？")
    assert _exemption_asked_first([duty, exemption], spared)[0] is exemption
    waived = analyse("多少人以下的个人信息出境可以免申报？")
    assert _exemption_asked_first([duty, exemption], waived)[0] is exemption
    required = analyse("我们不是关基，累计向境外提供多少人的个人信息就要订立标准合同？")
    assert _exemption_asked_first([duty, exemption], required)[0] is duty
    fined = analyse("What's the fine for sending data abroad without a security assessment?")
    assert _exemption_asked_first([duty, exemption], fined)[0] is duty


def test_which_article_lists_is_answered_by_the_article_with_a_list():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from tests.statutes import statute

    consent = statute("第三十九条 个人信息处理者向中华人民共和国境外提供个人信息的，应当向个人告知境外接收方的名称或者姓名、联系方式、"
                      "处理目的、处理方式、个人信息的种类等事项，并取得个人的单独同意。", 39, score=2.0)
    routes = statute("第三十八条 个人信息处理者因业务等需要，确需向中华人民共和国境外提供个人信息的，应当具备下列条件之一：\n"
                     "（一）通过国家网信部门组织的安全评估；\n（二）经专业机构进行个人信息保护认证；\n"
                     "（三）按照国家网信部门制定的标准合同与境外接收方订立合同。", 38, score=1.95)
    assert compose([consent, routes], analyse("Which PIPL article lists the ways to send PI abroad?"), 5, 0.0,
                   "bigram").key_figure == "PIPL Article 38"
    # asked which article requires consent, not which lists: the top sentence stays
    assert compose([consent, routes], analyse("Which PIPL article requires separate consent to send PI abroad?"), 5,
                   0.0, "bigram").key_figure == "PIPL Article 39"


def test_the_day_a_guide_says_a_law_came_into_effect_is_no_due_date():
    from retrieval.compose import _fits
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    text = "As for standard contractual clauses, the Measures came into effect on 1 June 2023."
    day = extract_figures(text)[0]
    assert not _fits(day, text, analyse("By when do we file a signed China SCC?", None))
    assert _fits(day, text, analyse("When did the SCC Measures take effect?", None))


def test_a_which_article_question_is_answered_by_the_duty_not_the_item_of_a_penalty_restating_it():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from tests.statutes import statute

    penalty = statute("第三十九条 运营者有下列情形之一的，由有关主管部门依据职责责令改正，给予警告；拒不改正或者导致危害网络安全等后果的，"
                      "处10万元以上100万元以下罚款：\n（一）未按照规定每年至少进行一次网络安全检测和风险评估的；\n"
                      "（二）未按照规定报告的。", 39, score=2.0)
    duty = statute("第十七条 运营者应当自行或者委托网络安全服务机构对关键信息基础设施每年至少进行一次网络安全检测和风险评估。",
                   17, score=1.95)
    asked = analyse("Which article requires operators to carry out a cybersecurity test and risk assessment once a year?")
    assert compose([penalty, duty], asked, 5, 0.0, "bigram").key_figure.endswith("Article 17")


def test_a_detention_s_days_are_no_time_to_act_in():
    from retrieval.compose import _fits
    from retrieval.figures import extract_figures
    from retrieval.query import analyse

    text = "情节较重的，处五日以上十五日以下拘留。"
    days = extract_figures(text)[0]
    assert not _fits(days, text, analyse("网信办的罚款决定下来后，多少天内要交？", None))
    assert _fits(days, text, analyse("情节较重的，最多拘留多少天？", None))


def test_a_name_the_store_never_uses_in_the_scene_or_beside_the_field_s_subjects_is_setting():
    from retrieval.compose import _setting_names
    from retrieval.query import analyse
    from retrieval.records import Passage

    passage = Passage(chunk_id="a7", doc_id="scc-measures", text="第七条 …10个工作日内…备案。", start=0, end=12,
                      locator="Art. 7", title="个人信息出境标准合同办法", source="", kind="departmental-rule",
                      authority=2, status="in-force", language="zh", article=7, short="SCC Measures")
    # told before the sentence that asks
    told = analyse("We signed the standard contract with our HubSpot reseller. How many working days do we have to "
                   "file it?", "bigram")
    assert "HubSpot" in _setting_names(told, passage)
    # one of the field's own words, in a question about consent to location tracking
    tracked = analyse("If our app tracks rider GPS location, do we need separate consent?", "bigram")
    assert "GPS" in _setting_names(tracked, passage)
    # the only subject the question names: what it asks about, not its setting
    shop = analyse("Does a small WeChat shop selling handmade clothes need a business license?", "bigram")
    assert "WeChat" not in _setting_names(shop, passage)


@pytest.mark.parametrize(("second_ask", "again"), [("各自的施行日期是哪天？", True), ("What is each law's fine?", True),
                                                   ("国家网信办受理以后多少个工作日内要评估完？", False),
                                                   ("and how long can it be extended?", False)])
def test_a_second_ask_of_each_thing_named_asks_the_first_again(second_ask, again):
    from retrieval.compose import _asks_again

    assert _asks_again(second_ask) is again
