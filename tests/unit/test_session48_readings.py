"""Readings of formal, memo-style questions that cite their source by its full title, article and item."""

import pytest

from retrieval.rules.asks import asks_law_maximum, superlatives_read


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

