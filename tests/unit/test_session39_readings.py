"""Readings added in session 39, each with examples it must pass and must not fire on (no store needed)."""


def test_a_standard_is_a_name_by_series_and_number_not_by_its_edition_year():
    from retrieval.roles import acronyms

    assert acronyms("When does GB/T 45574-2025 take effect?") == ["GB/T 45574"]
    assert acronyms("GB/T35273-2020规定了什么？") == ["GB/T 35273"]
    assert "ISO/IEC 27701" in acronyms("Does ISO/IEC 27701 certification satisfy the PIPL?")
    # a fine, a date or an article number is no standard
    assert acronyms("Is the fine under PIPL Art. 66 up to CNY 50 million or 5% of 2023 turnover?") == ["PIPL"]
    assert acronyms("第66条规定的罚款是多少？2021年11月1日施行") == []


def test_a_number_that_names_a_thing_asks_no_quantity():
    from retrieval.figures import question_wants

    assert question_wants("What's the standard number of the national guide on de-identification?") == set()
    assert question_wants("这个标准的标准号是多少？") == set()
    assert question_wants("What is the document number of the CAC notice?") == set()
    # a number of things, or a figure beside the name, is still asked
    assert "count" in question_wants("What is the number of users that triggers a filing?")
    assert "duration" in question_wants("备案号公示后多少个工作日内生效？")


def test_a_chinese_count_counts_the_noun_before_it_when_nothing_after_says():
    from retrieval.figures import extract_figures

    counted = {f.text: f.counts for f in extract_figures("大型网络平台，是指注册用户5000万以上或者月活跃用户1000万以上")}
    assert counted["1000万以上"] == "people"
    assert [f.counts for f in extract_figures("两个以上的网络数据处理者共同决定")] == ["entities"]
    assert [f.counts for f in extract_figures("处理1000万人以上个人信息")] == ["people"]


def test_those_few_points_back_and_asks_no_count():
    from retrieval.clauses import asked_clauses
    from retrieval.figures import question_wants

    assert question_wants("就得额外遵守针对重要数据处理者的那几条要求") == set()
    assert "count" in question_wants("重要数据处理者要遵守哪几条、一共几条要求？")
    assert asked_clauses("网数条例规定处理多少人以上的个人信息，就得额外遵守针对重要数据处理者的那几条要求？") == ("", [])


def test_a_guide_sentence_naming_another_law_is_that_law_s_even_after_a_lead_naming_the_one_asked():
    from retrieval.compose import Pick, _of_another_law
    from retrieval.records import Passage
    from retrieval.sentences import sentence_spans

    lead = ("The Measures for Certification of Personal Information Protection for Outbound Transfer (Exposure Draft) "
            "(个人信息出境个人信息保护认证办法(征求意见稿)) were released on 3 January 2025.")
    other = ("As for standard contractual clauses, the Measures for the Standard Contracts for Outbound Transfer of "
             "Personal Information (个人信息出境标准合同办法) came into effect on 1 June 2023.")
    text = f"{lead} {other}"
    passage = Passage("g#1", "guide", text, 0, len(text), "Challenges", "A guide", "guide.txt", "guide", 1, "",
                      "en")
    spans = sentence_spans(text)
    asked = "《个人信息出境个人信息保护认证办法》"
    assert _of_another_law(Pick(passage, spans[-1], 1.0, [], lead=lead), asked)
    assert not _of_another_law(Pick(passage, spans[0], 1.0, []), asked)


def test_illegal_content_is_a_kind_of_information_not_a_breach_asked():
    from retrieval.roles import sanctions_answer

    assert not sanctions_answer("生成式AI训练语料里违法不良信息的比例上限是多少？")
    assert not sanctions_answer("What share of training data may be illegal content?")
    assert sanctions_answer("发现违法信息不处置，怎么罚？")
    assert sanctions_answer("What is the fine for failing to remove illegal content?")


def test_how_big_a_share_asks_a_share_not_an_age():
    from retrieval.figures import question_wants

    assert question_wants("门槛是按普通标准的多大比例算的？") == {"percent"}
    assert question_wants("孩子多大可以自己同意处理个人信息？") == {"age"}


def test_each_party_named_is_asked_on_its_own_with_the_others_left_out():
    from retrieval.compare import party_sides

    sides = party_sides("How much was DiDi fined in 2022, and how much did the CAC fine CNKI in 2023?")
    assert [s.label for s in sides] == ["DiDi", "CNKI"]
    assert "CNKI" not in sides[0].question and "DiDi" not in sides[1].question
    zh = party_sides("滴滴和知网分别被网信办罚了多少钱？")
    assert [s.question for s in zh] == ["滴滴分别被网信办罚了多少钱？", "知网分别被网信办罚了多少钱？"]
    assert party_sides("How much was DiDi fined in 2022?") == []


def test_the_time_to_finish_something_asks_a_period():
    from retrieval.figures import question_wants

    assert question_wants("Once accepted, what's the standard time to finish the assessment?") == {"duration"}
    assert question_wants("What is the timeframe for notifying the regulator?") == {"duration"}
    assert question_wants("What time does the office open?") == set()


def test_an_ask_after_a_short_lead_in_is_a_clause_of_its_own():
    from retrieval.clauses import asked_clauses

    _, asks = asked_clauses("After filing, how many working days for the completeness check, how long to decide on "
                            "acceptance, and once accepted what's the standard time to finish the assessment?")
    assert asks[-1] == "once accepted what's the standard time to finish the assessment"
    assert len(asks) == 3


def test_a_draft_asked_is_answered_by_the_guide_telling_what_it_proposed_not_refused_for_the_statute():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    statute = ("第六十一条 网络运营者不履行本法第二十三条规定的网络安全保护义务的，由有关主管部门责令改正，给予警告，"
               "可以处一万元以上五万元以下罚款。")
    csl = Passage(chunk_id="csl61", doc_id="csl-2025", text=statute, start=0, end=len(statute), locator="Art. 61",
                  title="CSL", source="", kind="statute", authority=1, status="in-force", language="zh", article=61,
                  short="CSL", score=2.0, fused=2.0)
    told = ("It is worth noting that the revised draft of the CSL, released in September 2022, has increased the upper "
            "limits of the fines. For severe violation, the amount of the fine may be up to CNY50 million or 5% of the "
            "violator's turnover in the previous year.")
    guide = Passage(chunk_id="g1", doc_id="zhonglun-dpp-2025", text=told, start=0, end=len(told), locator="Fines",
                    title="Zhong Lun/GLO Practice Guide 2025", source="", kind="guide", authority=5, status="in-force",
                    language="en", score=1.5, fused=1.5)
    drafted = compose([csl, guide], analyse("What did the 2022 draft amendment of the CSL propose as the maximum fine?"),
                      5, 0.0, "bigram")
    assert not drafted.abstained and "50 million" in drafted.text
    in_force = compose([guide], analyse("Under the amended CSL, what is the maximum fine as a share of turnover?"), 5,
                       0.0, "bigram")
    assert in_force.abstained and in_force.trace[-1].rule == "draft_described"
