"""retrieval/classes.py, rule class_by_definition: a threshold asked as what makes something one of the classes
the law defines is answered by a sentence that defines or classifies it. Pure: no store, no model."""

from __future__ import annotations

import pytest

from retrieval.classes import classified_term, defines, states_class

DUTY = ("第二十八条 网络数据处理者处理1000万人以上个人信息的，还应当遵守本条例第三十条、第三十二条对处理重要数据的网络数据"
        "处理者（以下简称重要数据的处理者）作出的规定。")
DEFINITION = "（八）大型网络平台，是指注册用户5000万以上或者月活跃用户1000万以上，业务类型复杂的网络平台。"


@pytest.mark.parametrize(("question", "term"), [
    ("Under the NDSMR, how many individuals' records make a dataset count as 'important data'?", "important data"),
    ("汽车行业里，涉及多少人以上的个人信息就会被认定为重要数据？", "重要数据"),
    ("注册用户多少以上的平台属于大型网络平台？", "大型网络平台"),
    # the scene: what has (not) been classified already is no ask
    ("None of our data has been designated important data. What's the headcount trigger for the extra rules?", ""),
    ("我们已被认定为关键信息基础设施运营者，保护工作部门要在多长时间内完成重新认定？", ""),
    ("How many people's personal information must a processor handle before the important-data rules apply?", ""),
])
def test_the_class_a_threshold_is_asked_to_make_something_is_read_in_the_asking_clause(question, term):
    assert classified_term(question) == term


def test_a_duty_for_processors_of_ten_million_people_does_not_classify_their_data():
    assert not states_class(DUTY, "重要数据")
    assert not states_class(DUTY, "important data")
    assert states_class(DEFINITION, "大型网络平台")
    assert states_class(DEFINITION, "large network platform")  # through the glossary
    assert states_class("数据达到上述规模的，属于重要数据。", "重要数据")


def test_the_shape_of_a_definition():
    assert defines("重要数据，是指特定领域、特定群体、特定区域或者达到一定精度和规模的数据", "重要数据")
    assert defines("本法所称个人信息处理者，是指…", "个人信息处理者")
    assert defines("'Important data' means data in specific fields", "important data")
    assert not defines("处理重要数据的网络数据处理者应当明确网络数据安全负责人", "重要数据")


def test_a_sentence_that_does_not_classify_answers_no_class_threshold():
    from retrieval.compose import compose
    from retrieval.query import analyse
    from retrieval.records import Passage

    def article(text: str, number: int, score: float) -> Passage:
        return Passage(chunk_id=f"ndsmr-{number}", doc_id="ndsmr", text=text, start=0, end=len(text),
                       locator=f"Art. {number}", title="NDSMR", source="", kind="regulation", authority=2,
                       status="in-force", language="zh", short="NDSMR", article=number, score=score, fused=score)

    refused = compose([article(DUTY, 28, 2.0)], analyse("网数条例里，涉及多少人以上的个人信息就会被认定为重要数据？", "bigram"),
                      5, 0.0, "bigram")
    assert refused.abstained and [step.rule for step in refused.trace] == ["class_by_definition", "no_figure_of_kind"]
    assert "defines or classifies 重要数据" in refused.reason
    # the same sentence answers the duty's own threshold
    duty = analyse("网数条例里，处理多少人以上个人信息的处理者还要遵守重要数据处理者的规定？", "bigram")
    assert "1000万人以上" in compose([article(DUTY, 28, 2.0)], duty, 5, 0.0, "bigram").text
