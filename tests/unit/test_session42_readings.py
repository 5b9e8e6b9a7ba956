"""Readings added in session 42: a which-body ask naming the kind of body, and a count of things no list holds."""

from retrieval.compose import body_kinds_asked, names_body
from retrieval.enumeration import asks_count_by_lead_of


def test_a_which_body_ask_names_the_kind_of_body_in_either_language():
    assert body_kinds_asked("具体是哪家认证机构来做认证？")[0][0] == "认证"
    assert body_kinds_asked("Which certification body do we apply to?")[0][0] == "认证"
    assert body_kinds_asked("Which government body houses the review office?") == []


def test_a_body_of_another_kind_does_not_answer_a_kind_asked():
    kinds = body_kinds_asked("哪家认证机构出证？")
    assert not names_body("经省级网络安全和信息化委员会批准后，报国家网信部门备案", kinds)
    assert not names_body("经专业机构进行个人信息保护认证", kinds)
    assert names_body("由认证机构进行个人信息保护认证", kinds)
    # no kind asked: any particular body answers
    assert names_body("报国家网信部门备案", [])


def test_a_count_of_things_no_list_holds_is_not_a_list_count():
    assert not asks_count_by_lead_of("How many SIM cards may one person register, as the telecom rules provide?")
    assert asks_count_by_lead_of("How many legal bases does the PIPL provide?")
    # a list named: its items are counted, whatever they are called
    assert asks_count_by_lead_of("How many separate violations are listed in the CII Regulations' fine article?")


def test_a_country_s_rules_named_in_chinese_are_a_foreign_regime_a_party_there_is_not():
    from retrieval.compose import foreign_regimes

    assert foreign_regimes("按新加坡的规定，数据泄露要几天内通报？") == ["新加坡"]
    assert foreign_regimes("What does CERT-In require?") == ["CERT-In"]
    # a court or a parent company abroad is the scene of a question about the mainland's law
    assert foreign_regimes("美国法院要求我们提供境内数据，数安法怎么规定？") == []
    assert foreign_regimes("我们新加坡母公司有内部规定，个保法怎么要求？") == []


def test_a_validity_period_qualified_by_another_thing_names_another_procedure():
    from retrieval.procedures import procedure_qualifiers

    assert procedure_qualifiers("驾驶证有效期还剩几个月就要换证？") == ("驾驶证",)
    assert procedure_qualifiers("标准合同的有效期多久？") == ()


def test_faster_and_slower_compare_two_periods_each_asked_on_its_own():
    from retrieval.compare import sides
    from retrieval.rules.asks import comparison_direction

    question = "Which is faster: the special review procedure or the ordinary review?"
    assert comparison_direction(question) == "shorter"
    assert [side.question for side in sides(question)] == ["How long is the special review procedure?",
                                                           "How long is the ordinary review?"]
    assert comparison_direction("Which is slower, the initial review or the special review?") == "longer"
