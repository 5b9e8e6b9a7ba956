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


def test_the_kind_of_a_procedure_said_before_its_name_is_no_other_procedure():
    from retrieval.procedures import procedure_qualifiers

    assert "普通" not in procedure_qualifiers("特别审查程序和普通的初步审查，哪个时限更长？")
    assert procedure_qualifiers("ICP备案一般要多少个工作日能批下来？") == ("ICP",)
