"""retrieval/violations.py: the breach a sanction follows, read from its condition. Pure: no store, no model."""

from __future__ import annotations


def test_the_breach_a_sanction_follows_is_read_from_its_condition():
    from retrieval.sentences import sentence_spans
    from retrieval.violations import breach_of, condition_of, duty_articles

    fine = "第四十六条 违反本法第三十一条规定，向境外提供重要数据的，由有关主管部门责令改正，给予警告，可以并处十万元以上一百万元以下罚款。"
    assert condition_of(fine) == "第四十六条 违反本法第三十一条规定，向境外提供重要数据"
    assert condition_of("第三十一条 关键信息基础设施的运营者…应当向境外提供重要数据的，依照本法规定。") == ""  # no sanction
    assert duty_articles("开展数据处理活动的组织、个人不履行本法第二十七条、第二十九条、第三十条规定的数据安全保护义务") == \
        frozenset({27, 29, 30})
    # a tier reads under the breach of the paragraph before it; an English sentence under its paragraph's first
    lead = "第六十六条 违反本法规定处理个人信息的，由履行个人信息保护职责的部门责令改正，处一百万元以下罚款。"
    tier = "有前款规定的违法行为，情节严重的，由省级以上部门责令改正，并处五千万元以下罚款。"
    span = sentence_spans(tier)[0]
    assert breach_of(span, tier, tier, lead) == "第六十六条 违反本法规定处理个人信息 有前款规定的违法行为，情节严重"
    english = ("Where the circumstances are grave, the departments are to order correction and impose a fine. "
               "The directly responsible person in charge are to be fined between 100,000 and 1 million Yuan.")
    second = sentence_spans(english)[1]
    assert breach_of(second, second.text, english, "") == "Where the circumstances are grave, the departments are to"


def test_a_listed_sanction_punishes_each_item_and_a_referral_to_other_laws_is_a_sanction():
    from retrieval.sentences import chapeaus, sentence_spans
    from retrieval.violations import breach_of

    article = ("第七十一条 有下列行为之一的，依照有关法律、行政法规的规定处理、处罚：\n"
               "（一）发布或者传输禁止发布或者传输的信息的；\n"
               "（三）违反本法第三十九条规定，关键信息基础设施的运营者在境外存储个人信息和重要数据的。")
    spans = sentence_spans(article)
    item, chapeau = spans[-1], chapeaus(spans)[-1]
    assert chapeau is not None
    breach = breach_of(item, f"{chapeau.text} {item.text}", article, "")
    assert breach.startswith("第七十一条 有下列行为之一") and "在境外存储个人信息" in breach
    assert "禁止发布" not in breach  # the other items are other breaches


def test_a_law_s_sanction_map_names_the_duties_its_fines_punish_by_number():
    from retrieval.violations import sanction_map

    listed = ("第五十五条 违反本条例第十二条、第十六条至第二十条规定的，由主管部门责令改正，给予警告；拒不改正的，"
              "处100万元以下罚款。")
    referral = "第六十条 国家机关不履行本条例规定的网络数据安全保护义务的，对直接负责的主管人员依法给予处分。"
    law = sanction_map([listed, referral])
    assert law.cited == frozenset({12, 16, 17, 18, 19, 20})
    assert law.by_number_only  # the referral sets no figure
    assert law.leaves_unsanctioned(44) and not law.leaves_unsanctioned(18)
    # a fine for an act described in words may reach a duty no number names
    described = "第四十五条 违反国家核心数据管理制度，危害国家主权、安全和发展利益的，由有关主管部门处二百万元以上一千万元以下罚款。"
    assert not sanction_map([listed, described]).leaves_unsanctioned(44)
    assert not sanction_map([referral]).leaves_unsanctioned(44)  # no sanction names any article


def test_an_article_named_in_a_fine_question_is_the_duty_breached_when_a_sanction_of_its_law_cites_it():
    from retrieval.query import analyse
    from retrieval.violations import SanctionMap, duties_named

    law = SanctionMap(frozenset({12, 13, 42}), True)
    duty = analyse("NDSMR: what is the maximum fine for a company for ignoring the national security review "
                   "requirement (Art 13)?")
    assert duties_named(duty, lambda doc_id: law) == frozenset({13})
    assert duties_named(analyse("What fine does NDSMR Art. 56 set?"), lambda doc_id: law) == frozenset()
    assert duties_named(analyse("What does NDSMR Art. 13 require?"), lambda doc_id: law) == frozenset()  # no fine


def test_what_a_breach_caused_is_not_who_breached():
    from retrieval.duties import is_of_kind
    from retrieval.violations import without_consequences

    caused = "有前两款行为，造成大量数据泄露、关键信息基础设施丧失局部功能等严重危害网络安全后果的"
    assert is_of_kind(caused, "关键信息基础设施")
    assert not is_of_kind(without_consequences(caused), "关键信息基础设施")
    breached = "关键信息基础设施的运营者不履行本法第三十五条规定的网络安全保护义务，导致危害网络安全等后果的"
    assert is_of_kind(without_consequences(breached), "关键信息基础设施")
