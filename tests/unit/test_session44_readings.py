"""Readings added in session 44, each measured on the blind sets: laws named loosely, a guessed article, a company
asked about, a discount asked as a share, the kind of a procedure said before its name."""

from __future__ import annotations


def test_a_law_named_with_its_kind_in_lower_case_is_a_law_the_corpus_may_lack():
    from retrieval.laws import unknown_law_names

    assert unknown_law_names("fine for missing the 48h report under the Network Product Security Vulnerability regs")
    # a lower-case kind other than "regs" is no part of a name
    assert unknown_law_names("When did the Supreme People's Court provisions on civil cases involving facial "
                             "recognition take effect?") == []
    assert unknown_law_names("How long is the period under the Network Product Security Vulnerabilities rules?") == []
    assert unknown_law_names("Under PIPL and the CII regs, what is the fine?") == []


def test_a_measure_named_without_title_marks_is_read_where_an_english_question_asks_its_date_of_effect():
    from retrieval.laws import unknown_law_names

    assert unknown_law_names("AI content labelling measures (人工智能生成合成内容标识办法) effective date?") == \
        ["《人工智能生成合成内容标识办法》"]
    assert unknown_law_names("人工智能生成合成内容标识办法 对标识有什么要求") == []


def test_a_guide_s_name_for_a_law_is_read_in_the_singular_and_the_plural_but_securities_is_no_security():
    from retrieval.laws import mentions_law

    guide = "the 48-hour reporting period established under the Regulations on Network Product Security " \
            "Vulnerabilities Management"
    assert mentions_law("Network Product Security Vulnerability Management Regulations", guide)
    assert mentions_law("Network Product Security Vulnerability rules", guide)
    assert not mentions_law("Securities Law", "the Data Security Law of the People's Republic of China")


def test_an_article_the_user_guesses_is_what_is_asked_not_where_to_read():
    from retrieval.query import analyse

    guessed = analyse("个保法里规定影响评估报告至少留存三年的是第五十五条吧？帮我确认下条号。", "jieba")
    assert guessed.which_article and guessed.articles == []
    named = analyse("个保法第五十五条规定了什么？", "jieba")
    assert not named.which_article and [a.article for a in named.articles] == [55]
    # a figure the user guesses beside an article is not a guessed article
    assert [a.article for a in analyse("PIPL Art. 66 caps the fine at 5% of turnover, right?", "jieba").articles] == [66]


def test_a_company_asked_about_is_a_party_but_not_its_product_nor_a_word_across_two_others():
    from retrieval.glossary import party_names

    assert party_names("拼多多有没有因为个人信息问题被罚过款？") == ["拼多多"]
    assert party_names("Has Pinduoduo ever been fined?") == ["Pinduoduo"]
    assert party_names("我们的数据放在腾讯云上，出境要申报吗？") == []
    assert party_names("We host on Alibaba Cloud in Singapore.") == []
    assert party_names("个人信息泄露后要在多少小时内通知网信部门？") == []
    assert party_names("知网被罚了多少？") == ["知网"]


def test_a_discount_on_a_threshold_asks_a_share():
    from retrieval.query import analyse

    assert analyse("内部员工卖客户信息，入罪门槛要打多少折扣？", "jieba").wants == {"percent"}


def test_the_kind_of_a_procedure_said_before_its_name_is_no_other_procedure():
    from retrieval.procedures import procedure_qualifiers

    assert "普通" not in procedure_qualifiers("特别审查程序和普通的初步审查，哪个时限更长？")
    assert procedure_qualifiers("ICP备案一般要多少个工作日能批下来？") == ("ICP",)


def test_an_answer_to_a_guessed_article_says_whether_the_guess_was_right():
    from retrieval.notes import guess_note
    from retrieval.records import Answer, Citation

    def answered(locator: str) -> Answer:
        cite = Citation(n=1, doc_id="pipl", source="", title="", locator=locator, text="", start=0, end=0,
                        kind="statute", authority=1, status="in force", score=1.0)
        return Answer(question="", text="", abstained=False, verified=True, citations=[cite])

    wrong = answered("Art. 56 ¶2")
    guess_note(wrong, ["第五十五条"])
    assert wrong.warnings == ["问题所说的第五十五条不是规定这一点的条文：[1]是第56条。"]
    right = answered("Art. 52 ¶1")
    guess_note(right, ["Article 52"])
    assert right.warnings == ["The article the question names, Article 52, is the one cited [1]."]
    unguessed = answered("Art. 52 ¶1")
    guess_note(unguessed, [])
    assert unguessed.warnings == []


def test_an_act_few_passages_state_must_be_stated_by_the_answer():
    from retrieval.procedures import acts_asked, rare_acts

    assert acts_asked("人脸识别纠纷由哪个法院管辖？") == [("管辖", "jurisdiction")]
    assert acts_asked("Who may bring a public interest lawsuit under the PIPL?") == []
    # the scene's jurisdiction is not asked
    assert acts_asked("境外公司受个保法管辖的，要求在境内设专门机构，这是个保法第几条？") == []
    assert acts_asked("We are under PIPL jurisdiction as an overseas seller. Which article requires a representative?") == []
    # the act as the question words it comes first; an act many passages state is not rare
    assert rare_acts("Which court has jurisdiction over these suits?", lambda word: 3) == (("jurisdiction", "管辖"),)
    assert rare_acts("Which court has jurisdiction over these suits?", lambda word: 40) == ()


def test_yi_jia_asks_which_body_as_jia_does():
    from retrieval.compose import WHICH_BODY, body_kinds_asked

    assert WHICH_BODY.search("具体是哪一家认证机构来做？")
    assert body_kinds_asked("具体是哪一家认证机构来做？") == [("认证", "certification", "certifying")]
