"""Readings of formal, memo-style questions that cite their source by its full title, article and item."""

import pytest

from retrieval.laws import owned_article_refs, resolve_laws, unknown_law_names
from retrieval.rules.asks import asks_law_maximum, states_ordinal, superlatives_read


@pytest.mark.parametrize("question", [
    "依据最高人民法院、最高人民检察院《关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》第五条第一款第（三）项，"
    "非法获取行踪轨迹信息达到多少条以上的，应当认定为“情节严重”？",
    "最高法关于人脸识别的规定自何日起施行？",
])
def test_a_body_named_with_a_superlative_asks_no_top_of_a_scale(question):
    assert "最高" not in superlatives_read(question)


@pytest.mark.parametrize(("question", "maximum"), [
    ("数据安全法最高罚款是多少？", True),
    ("最高人民检察院认为数据安全法的罚款是多少？", False),
])
def test_law_maximum_reads_the_superlative_not_the_court(question, maximum):
    assert asks_law_maximum(question) is maximum


@pytest.mark.parametrize(("sentence", "states"), [
    ("2021年6月8日 最高人民法院审判委员会第1841次会议通过", True),
    ("国家互联网信息办公室令第16号", True),
    ("CAC Order No. 13", True),
    ("adopted at the 29th session of the Standing Committee", True),
    ("第三条 在国家网信部门统筹协调下，国务院公安部门负责指导监督关键信息基础设施安全保护工作。", False),
    ("第五十五条 有下列情形之一的，个人信息处理者应当事前进行个人信息保护影响评估", False),
])
def test_an_ordinal_is_stated_only_by_a_session_or_order_number(sentence, states):
    assert states_ordinal(sentence) is states


@pytest.mark.parametrize(("question", "article"), [
    ("依据2025年修正后《网络安全法》第八十二条，应当在多长期限内完成整改？", 82),
    ("根据《个人信息保护法》第六十六条第二款，罚款上限是多少？", 66),
])
def test_an_article_written_after_a_title_in_marks_is_that_law_s(question, article):
    assert [ref.article for ref in owned_article_refs(question)] == [article]


@pytest.mark.parametrize(("question", "law"), [
    ("《全国人民代表大会常务委员会关于修改〈中华人民共和国网络安全法〉的决定》共作出多少项修改？", "csl-2025-decision"),
    ("Under the Decision of the NPC Standing Committee on Amending the Cybersecurity Law, how many items?",
     "csl-2025-decision"),
    ("Under the Regulations on the Online Protection of Minors, what fine applies?", "minors"),
    ("Under the Interpretation on Several Issues Concerning the Application of Law in Handling Criminal Cases of "
     "Infringing on Citizens' Personal Information, how many items make it serious?", "pi-crimes"),
])
def test_a_law_named_by_its_full_official_title_is_that_law(question, law):
    assert resolve_laws(question) == [law]
    assert unknown_law_names(question) == []


def test_a_judicial_interpretation_s_title_written_another_way_is_no_unknown_law():
    question = ("Under the SPC Provisions on Several Issues Concerning the Application of Law in Hearing Civil Cases "
                "Involving Facial Recognition Technology, when did they take effect?")
    assert unknown_law_names(question) == []


def test_a_quote_answering_without_a_figure_keeps_the_clauses_using_the_question_s_words():
    from retrieval.compose import _trim

    sentence = ("Local enforcement in Harbin typically involves municipal and provincial organs - including the Harbin "
                "Municipal Public Security Bureau for criminal cyber incidents and investigations, local market "
                "supervision authorities for consumer and business compliance issues, local courts for civil "
                "disputes and appeals over administrative decisions, tax bureaus for invoices, customs offices for "
                "imports, and provincial cyberspace administration offices for implementing CAC policies.")
    words = frozenset({"offic", "implement", "cac", "polici"})
    assert "implementing CAC policies" in _trim(sentence, set(), words)
    assert "implementing CAC policies" not in _trim(sentence, set())
