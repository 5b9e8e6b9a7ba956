"""The things a question names, and which of them a store never uses (rule foreign_subject's evidence)."""

import pytest

from retrieval.nouns import foreign_nouns, question_nouns
from retrieval.rules.asks import names_no_subject, subject_terms

STORE = ("第十一条 网络安全审查办公室认为需要开展网络安全审查的，应当自向当事人发出书面通知之日起30个工作日内完成初步审查；"
         "第十四条 特别审查程序一般应当在90个工作日内完成。Personal information handlers shall label the data.")


def uses(text: str) -> bool:
    return text.lower() in STORE.lower()


def test_nouns_of_another_field_are_foreign():
    assert "经营者" in foreign_nouns("市场监管总局对经营者集中的初步审查期限是多少天？", uses)
    assert foreign_nouns("Are tobacco adverts allowed?", uses) == ()  # common English words are not read


def test_rare_english_words_the_store_lacks_are_foreign():
    assert foreign_nouns("Fine for operating a signal jammer in China?", uses) == ("jammer",)
    assert foreign_nouns("Are DocuSign contracts enforceable?", uses) == ("DocuSign",)
    # the store's words and the glossary's are the field's, however rare in English at large
    assert foreign_nouns("Must handlers label the data?", uses) == ()
    assert foreign_nouns("Does a PIPIA need a filing?", lambda text: False) == ()


def test_nouns_the_store_uses_are_not_foreign():
    assert foreign_nouns("特别审查程序要多少个工作日？", uses) == ()


def test_glossary_terms_and_question_frames_are_never_foreign():
    assert foreign_nouns("逾期罚款的区间是多少？", lambda text: False) == ()


def test_question_nouns_keep_order_and_skip_places():
    nouns = question_nouns("深圳的公司对经营者集中")
    assert "深圳" not in nouns and "经营者" in nouns


def test_subject_terms_read_everyday_kinds_of_personal_information():
    assert subject_terms("酒店前台扫我身份证留存，安全吗？") == ["身份证"]
    assert "facial" in subject_terms("facial-recognition gates")
    assert names_no_subject("How long does a trademark opposition take?")
    assert not names_no_subject("How long does the PIPL allow?")


def test_a_party_whose_case_the_corpus_tells_is_a_subject():
    assert not names_no_subject("In the 2022 DiDi case, how much were the executives fined?")


def test_a_name_before_a_subject_of_the_field_says_which_of_it_is_meant():
    from retrieval.rules.asks import names_a_subject_s_kind

    assert names_a_subject_s_kind("Do we keep logs six months? What about our CloudTrail logs?", "CloudTrail")
    assert names_a_subject_s_kind("May tenants be made to register for ANPR cameras?", "ANPR")
    assert not names_a_subject_s_kind("Does a small WeChat shop need a business license?", "WeChat")
    assert not names_a_subject_s_kind("In Java's HashMap, what load factor triggers a resize?", "HashMap")


def test_a_general_subject_word_qualified_into_another_field_s_thing_is_absorbed():
    from retrieval.nouns import absorbing_compounds
    from retrieval.rules.asks import subjects_outside, weakly_on_topic

    question = "申请公开政府信息，行政机关多少个工作日内答复？"
    assert absorbing_compounds(question, uses) == ("政府信息",)
    assert weakly_on_topic(question) and not subjects_outside(question, absorbing_compounds(question, uses))
    assert not names_no_subject(question)


def test_the_field_s_own_compounds_keep_their_subject():
    from retrieval.nouns import absorbing_compounds

    # a compound the store uses, one whose head is not the subject word, one of the field's own words, and one
    # whose qualifier is itself a subject of the field
    assert absorbing_compounds("个人信息多久删除？", lambda text: True) == ()
    assert absorbing_compounds("个人信息影响评估报告要留存几年？", lambda text: False) == ()
    assert absorbing_compounds("系统日志按规定至少要留存多久？", lambda text: False) == ()
    assert absorbing_compounds("员工数据要保存多久？", lambda text: False) == ()


def test_face_and_personal_name_the_field_s_subject_only_in_its_company():
    from retrieval.rules.asks import names_a_subject_s_kind

    assert subject_terms("Can my gym make me scan my face to get in?") == ["face"]
    assert "face" in subject_terms("Is face-scan attendance legal?")
    assert "personal" in subject_terms("Can we export personal data?")
    # a verb, a value, another field's injury
    assert subject_terms("What fine can the manager face after a work accident?") == []
    assert subject_terms("What is the maximum face value of a VAT invoice?") == []
    assert subject_terms("How long is the limitation period for a personal injury claim?") == []
    # and a name before such a word says which of the field's subjects is meant
    assert names_a_subject_s_kind("Is the OAID personal information?", "OAID")


@pytest.mark.parametrize(("word", "slip"), [("cybersecurty", True), ("infomation", True), ("pharmacy", False),
                                            ("firearm", False), ("DocuSign", False)])
def test_a_misspelt_word_of_the_field_is_no_foreign_thing(word, slip):
    from retrieval.nouns import _misspelt_field_word

    assert _misspelt_field_word(word) is slip
