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
