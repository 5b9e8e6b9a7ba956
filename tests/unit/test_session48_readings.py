"""Readings of formal, memo-style questions that cite their source by its full title, article and item."""

import pytest

from retrieval.laws import owned_article_refs
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
