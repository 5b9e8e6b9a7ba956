"""retrieval/laws.py, the English–Chinese bridge: laws named in either language or by alias resolve to the
manifest's documents, article references name the same article; laws the corpus does not hold are told apart."""

from __future__ import annotations

import pytest

from retrieval.laws import article_refs, background_laws, resolve_laws, unknown_law_names


@pytest.mark.parametrize(("question", "docs"), [
    ("What is the most a company can be fined under the PIPL?", {"pipl", "pipl-en"}),
    ("Personal Information Protection Law, serious violations", {"pipl", "pipl-en"}),
    ("个人信息保护法规定的罚款", {"pipl", "pipl-en"}),
    ("fines under the Data Security Law", {"dsl"}),
    ("数据安全法第四十五条", {"dsl"}),
    ("the Network Data Security Management Regulations", {"ndsmr"}),
    ("CII regulations", {"cii"}),
    ("the Cybersecurity Law", {"csl-2025"}),
])
def test_law_names_abbreviations_and_chinese_titles_resolve_to_manifest_documents(question, docs):
    assert set(resolve_laws(question)) == docs


@pytest.mark.parametrize("question", ["Article 66 of the PIPL", "PIPL art. 66", "个人信息保护法第六十六条",
                                      "What does PIPL Article 66 say about fines?"])
def test_article_references_in_either_language_name_the_same_article(question):
    refs = article_refs(question)
    assert [(r.doc_id, r.article) for r in refs] == [("pipl", 66)]


@pytest.mark.parametrize("question", ["Under Article 66, paragraph 2 of the PIPL, what is the fine?",
                                      "PIPL Art. 66 para. 2", "Article 66(2) PIPL", "PIPL Art. 66 ¶2",
                                      "个人信息保护法第六十六条第二款"])
def test_a_paragraph_is_read_however_a_lawyer_writes_it(question):
    assert [(r.doc_id, r.article, r.paragraph) for r in article_refs(question)] == [("pipl", 66, 2)]


def test_a_list_of_articles_names_no_paragraph():
    refs = article_refs("Articles 66, 67 and 69 of the PIPL")
    assert [(r.article, r.paragraph) for r in refs] == [(66, None), (67, None), (69, None)]


def test_a_question_without_a_law_name_resolves_to_nothing():
    assert resolve_laws("What is the maximum fine for a serious violation?") == []
    assert article_refs("What happens in article writing?") == []


def test_the_amendment_a_question_names_is_its_subject_and_the_amended_law_its_background():
    laws = resolve_laws("When does the 2025 amendment of the Cybersecurity Law take effect?")
    assert laws[:2] == ["csl-2025-decision", "csl-2025"]
    assert background_laws(laws) == {"csl-2025"}
    assert background_laws(resolve_laws("Compare the fines of the PIPL and the Data Security Law")) == set()


@pytest.mark.parametrize("question, docs", [
    ("According to the Lawzana guide for Zhengzhou, what legal mechanisms can transfers require?",
     ["lawzana-zhengzhou-it"]),
    ("Which regulators handle IT enforcement in Harbin according to Lawzana?", ["lawzana-harbin-it"]),
    ("What does Lawzana say about data protection in Harbin?", ["lawzana-harbin-cyber"]),
    ("According to Lawzana, which authority enforces the rules?",
     ["lawzana-zhengzhou-it", "lawzana-harbin-it", "lawzana-harbin-cyber"]),
    ("根据实务指南，网信办在2022年处罚了哪家公司？", ["zhonglun-dpp-2025"]),
])
def test_a_guide_is_named_by_its_publisher_and_the_words_that_tell_its_titles_apart(question, docs):
    assert sorted(resolve_laws(question)) == sorted(docs)


def test_laws_the_corpus_does_not_hold_are_told_from_aliases_of_those_it_does():
    from retrieval.laws import mentions_law, unknown_law_names

    assert unknown_law_names("What is the maximum fine under China's Anti-Monopoly Law?") == ["Anti-Monopoly Law"]
    assert unknown_law_names("Under the CAC's 2025 Measures for Reporting National Cybersecurity Incidents, "
                             "within how many hours…") == ["Measures for Reporting National Cybersecurity Incidents"]
    assert unknown_law_names("根据《反垄断法》，罚多少？") == ["《反垄断法》"]
    # a guide's own title in the marks a Chinese question puts around it is the guide
    assert unknown_law_names("中伦那份《Data Protection & Privacy 2025》指南里写的罚款金额是多少？") == []
    assert "《Personal Data Protection Act 2012》" in unknown_law_names("《Personal Data Protection Act 2012》里罚多少？")
    # a title's subject in lower case is part of its name: held titles are still told apart by it
    assert unknown_law_names("Under the final 2025 Measures on PI protection compliance audits, how often…") == \
        ["Measures on PI protection compliance audits"]
    assert unknown_law_names("Under the Measures on security assessment of outbound data, how long…") == []
    # a Law on the protection of minors is not the Regulations on the Protection of Minors Online
    assert unknown_law_names("When did the amended Law on the Protection of Minors take effect?") == \
        ["Law on the Protection of Minors"]
    # its words are in the GenAI Measures' title, but a "Law" is no department's measures
    assert unknown_law_names("When does the PRC Artificial Intelligence Law take effect?") == \
        ["PRC Artificial Intelligence Law"]
    for known in ("Under China's Regulations on the Protection of Minors Online, what…",
                  "Under the Network Data Security Management Regulations, how…",
                  "Under the Criminal Law, how many pieces…",  # interpreted by the SPC/SPP interpretation
                  "2025年关于修改《网络安全法》的决定从什么时候起生效？"):
        assert unknown_law_names(known) == [], known
    assert mentions_law("Measures for Personal Information Protection Compliance Audits",
                        "the Measures for Personal Information Protection Compliance Audits took effect")
    # a law's telling words inside another rule's title do not speak of the law
    assert not mentions_law("PRC Artificial Intelligence Law", "The Interim Measures for the Administration of "
                            "Generative Artificial Intelligence Services came into effect on 15 August 2023")
    assert mentions_law("Anti-Monopoly Law", "fined under the Anti-Monopoly Law of the PRC")


def test_a_decision_amending_a_law_is_named_by_any_name_of_that_law():
    from retrieval.laws import resolve_laws

    assert resolve_laws("网安法修改决定什么时候施行？") == ["csl-2025-decision"]
    assert resolve_laws("网络安全法的修改决定哪天生效") == ["csl-2025-decision"]
    assert resolve_laws("When did the CSL amendment decision take effect?") == ["csl-2025-decision"]
    assert resolve_laws("网安法规定日志保存多久？") == ["csl-2025"]  # the law itself, not the decision


def test_colloquial_short_names_of_the_three_laws():
    from retrieval.laws import resolve_laws

    assert resolve_laws("数安法最高罚多少？") == ["dsl"]
    assert resolve_laws("个保法最高罚多少？")[0] == "pipl"


def test_a_law_named_in_the_scene_is_not_asked_about():
    from retrieval.query import analyse

    assert analyse("We comply with the PIPL. Under the DSL, what is the maximum fine?", None).laws == ["dsl"]
    assert analyse("我们已经按个保法做了评估。按数安法，最高罚多少？", None).laws == ["dsl"]
    assert set(analyse("Under the PIPL and the DSL, what are the maximum fines?", None).laws) == \
        {"pipl", "pipl-en", "dsl"}


def test_the_old_text_is_asked_for_by_the_words_users_use():
    from retrieval.query import analyse

    assert analyse("Under the old (pre-2026) CSL, what was the fine?", None).laws == ["csl-2016"]
    assert analyse("修改前的网络安全法对关基运营者罚多少？", None).laws == ["csl-2016"]
    assert analyse("Under the CSL, what is the fine?", None).laws == ["csl-2025"]
    assert analyse("As originally issued, how long was a passed assessment valid?", None).earlier_text


def test_a_two_character_chinese_name_names_its_document_and_two_latin_letters_do_not():
    from retrieval.laws import resolve_laws

    assert resolve_laws("据中伦那份2025年数据保护指南，截至2024年底有多少个服务完成了备案？") == ["zhonglun-dpp-2025"]
    assert "zhonglun-dpp-2025" not in resolve_laws("Is an IT company a processor under the PIPL?")


def test_a_decision_amending_a_law_is_named_as_the_decision_to_amend_it():
    from retrieval.laws import resolve_laws

    assert resolve_laws("全国人大常委会那个修改网安法的决定一共几项？") == ["csl-2025-decision"]


def test_an_english_guide_mentions_a_chinese_title_through_the_glossary():
    from retrieval.laws import mentions_law

    title = "《个人信息保护合规审计管理办法（征求意见稿）》"
    assert mentions_law(title, "The draft requires handlers to conduct a personal information compliance audit yearly")
    assert not mentions_law(title, "Personal information handlers shall be fined")  # one term of two
    assert mentions_law(title, "依照个人信息保护合规审计管理办法（征求意见稿）")


def test_a_short_name_takes_the_word_that_says_the_rule_is_provisional():
    from retrieval.laws import resolve_laws

    assert resolve_laws("when did the GenAI interim measures take effect?")[0] == "genai"
    assert resolve_laws("生成式AI暂行办法什么时候施行？")[0] == "genai"
    assert resolve_laws("the interim measures") == []


def test_an_ordinary_network_operator_is_not_a_cii_operator():
    from retrieval.query import not_who

    assert not_who("一般网络运营者拒不改正的，罚多少？") == {"关键信息基础设施"}
    assert not_who("an ordinary network operator refuses to rectify") == {"关键信息基础设施"}
    # a plain network operator, no word of critical infrastructure: not the CII operator either
    assert not_who("网络运营者拒不改正的，罚多少？") == {"关键信息基础设施"}
    assert not_who("关键信息基础设施的网络运营者拒不改正的，罚多少？") == frozenset()
    assert not_who("A CIIO is a network operator too: what is its fine?") == frozenset()


def test_a_title_in_book_marks_that_only_holds_a_held_laws_alias_is_another_rule():
    from retrieval.laws import unknown_law_names

    assert unknown_law_names("按《人脸识别技术应用安全管理办法》，多少人要备案？") == ["《人脸识别技术应用安全管理办法》"]
    assert unknown_law_names("《个保法》第66条怎么罚？") == []
    assert unknown_law_names("《生成式人工智能服务管理暂行办法》什么时候施行？") == []


@pytest.mark.parametrize(("question", "law"), [
    ("Under the 2024 CBDT rules, below what headcount are we exempt?", "cbdt-provisions"),
    ("What do the standard contract rules require us to file?", "scc-measures"),
    ("Which body runs reviews under the cybersecurity review regulations?", "cybersecurity-review"),
    ("CII regs: what % of last year's turnover can a CIIO be fined?", "cii"),
])
def test_a_rule_is_named_by_its_short_name_with_any_word_for_its_kind(question, law):
    assert law in resolve_laws(question)


@pytest.mark.parametrize(("question", "law"), [
    ("关基安全保护条例要求运营者设置的专门安全管理机构要履行几项职责？", "cii"),
    ("网安审查办法规定的特别审查程序要多久？", "cybersecurity-review"),
])
def test_a_chinese_name_written_with_a_short_form_of_its_term_names_the_law(question, law):
    assert resolve_laws(question) == [law]


@pytest.mark.parametrize(("question", "laws"), [
    # of the two 2022 measures, the one whose title the question shares; of the 2024 rules, the one replacing it
    ("数据出境安全评估通过后，结果有效期原来按2022年的办法是多久？2024年新规改成了多久？", ["outbound-assessment", "cbdt-provisions"]),
    ("How long is a security assessment approval valid under the original 2022 Measures?", ["outbound-assessment"]),
    # a year and a kind that no one instrument is: nothing
    ("Under the 2023 measures, how long?", []),
    # a year with the end of a Chinese title: the one instrument of that year whose title ends so
    ("2022年的评估办法规定的有效期是多久？", ["outbound-assessment"]),
    ("2022年的审查办法什么时候施行？", ["cybersecurity-review"]),
    ("2022年的保护办法是什么？", []),  # no 2022 measures' title ends in 保护办法
])
def test_a_rule_named_by_its_year_and_kind_alone(question, laws):
    assert [law for law in resolve_laws(question) if not law.endswith("-en")] == laws


def test_a_law_named_by_either_text_pairs_its_earlier_and_later_texts():
    from retrieval.laws import text_pair

    assert text_pair("csl-2016") == ("csl-2016", "csl-2025")
    assert text_pair("csl-2025") == ("csl-2016", "csl-2025")
    assert text_pair("pipl") is None


def test_translations_fold_into_their_originals_and_a_lone_translation_stays_when_asked():
    from retrieval.laws import originals

    assert originals(["pipl", "pipl-en", "dsl"]) == ["pipl", "dsl"]
    assert originals(["pipl-en"]) == []
    assert originals(["pipl-en"], keep_lone=True) == ["pipl-en"]
    assert originals(["pipl", "pipl-en"], keep_lone=True) == ["pipl"]


@pytest.mark.parametrize("question, names", [
    ("人工智能法哪天开始施行？", ["《人工智能法》"]),
    ("按照电子商务法，平台要保存交易信息几年？", ["《电子商务法》"]),
    ("违反反电信网络诈骗法会怎样？", ["《反电信网络诈骗法》"]),
    ("《人工智能法》规定的罚款是多少？", ["《人工智能法》"]),
    ("个人信息保护合规审计管理办法什么时候施行？", ["《个人信息保护合规审计管理办法》"]),
    ("AI生成内容标识办法哪天起施行？", ["《生成内容标识办法》"]),
    ("网络安全等级保护条例哪天施行？", ["《网络安全等级保护条例》"]),
    # a measure the corpus holds, shortened; a way out; the user's own rules; a name pointing back
    ("出境评估办法哪天开始施行？", []),
    ("数据泄露了有什么补救办法？", []),
    ("我们公司的数据管理办法要写几年保存期？", []),
    ("生成式AI那个暂行办法是哪天开始施行的？", []),
    # a loose name of a measure asked for a figure, not for its date of effect
    ("按照数据跨境办法，多少人以上要申报？", []),
])
def test_a_chinese_law_named_without_title_marks_that_the_corpus_lacks_is_unknown(question, names):
    from retrieval.laws import unknown_law_names

    assert unknown_law_names(question) == names


@pytest.mark.parametrize("question", [
    "数安法哪天开始施行？", "数据安全法规定的罚款是多少？", "最高法关于人脸识别的司法解释哪天施行？", "推荐算法要备案吗？",
    "修法前后罚款分别是多少？", "未成年人在法定节假日每天最多能玩几个小时？", "刑法规定的罚金是多少？",
    "中华人民共和国个人信息保护法第六十六条", "依法应当如何处理？",
])
def test_a_held_law_or_a_word_that_only_ends_in_fa_is_no_unknown_law(question):
    from retrieval.laws import unknown_law_names

    assert unknown_law_names(question) == []


@pytest.mark.parametrize("question, law", [
    ("How many articles are in the Supreme People's Court provisions on facial recognition civil cases?",
     "facial-recognition"),
    ("Under the rules for deep synthesis, what must be labelled?", "deep-synthesis"),
    ("What do the measures on security assessment of outbound data say?", "outbound-assessment"),
])
def test_a_rule_named_with_its_subject_after_its_kind_is_that_rule(question, law):
    from retrieval.laws import resolve_laws

    assert resolve_laws(question)[:1] == [law]


def test_a_one_word_subject_after_the_kind_names_no_rule():
    from retrieval.laws import resolve_laws

    # "AI measures" is an alias of the GenAI Measures; the labelling measures are another rule
    assert resolve_laws("When did the measures for labelling AI content take effect?") == []


def test_a_rule_named_by_its_year_may_carry_words_of_its_title_before_its_kind():
    from retrieval.laws import resolve_laws

    assert resolve_laws("under the March 2024 cross-border data Provisions")[:1] == ["cbdt-provisions"]
    assert resolve_laws("In 2024 the rules changed") == []  # a year and the word "rules" name no rule


def test_a_lower_case_english_name_of_measures_the_corpus_lacks_is_unknown_when_its_date_is_asked():
    from retrieval.laws import unknown_law_names

    asked = "when did the PI protection compliance audit measures come into force?"
    assert unknown_law_names(asked) == ["PI protection compliance audit measures"]
    # held measures written loosely, and a figure asked of a loose name, are not
    for held in ("When did the cross-border data flow provisions take effect?",
                 "When did the algorithm recommendation provisions come into force?",
                 "When did the data export assessment measures take effect?",
                 "What fine do the PI protection compliance audit measures set?"):
        assert unknown_law_names(held) == [], held


@pytest.mark.parametrize("question, names", [
    # the article cited after a law's name is no part of it: the Criminal Law is interpreted by a held text
    ("Under Criminal Law Art. 253-1, how many pieces of credit information make it serious?", []),
    ("(Criminal Law Article 253-1) what counts as especially serious?", []),
    ("Under the Anti-Monopoly Law Art. 3, what is a concentration?", ["Anti-Monopoly Law"]),
    ("What does the Measures on PI Export Certification say?", ["Measures on PI Export Certification"]),
])
def test_an_article_cited_after_a_law_s_name_is_not_part_of_the_name(question, names):
    from retrieval.laws import unknown_law_names

    assert unknown_law_names(question) == names


@pytest.mark.parametrize(("question", "law"), [
    ("深度合成那个规定（管AI换脸的）是从哪天开始施行的？", "deep-synthesis"),
    ("管算法推荐的那个规定什么时候生效", "algorithm-recommendation"),
    ("未成年人网络保护的那个条例哪天施行", "minors"),
])
def test_a_rule_s_subject_names_it_whatever_stands_before_its_kind(question, law):
    assert resolve_laws(question)[:1] == [law]


def test_a_bare_law_name_starts_at_a_word():
    # 对应刑法: 对 begins the word 对应, so the name is 刑法 (too short to read bare), not 应刑法
    assert unknown_law_names("这种倒卖个人信息的行为对应刑法哪一条？") == []
    assert unknown_law_names("按照电子商务法，平台要保存多久？") == ["《电子商务法》"]
