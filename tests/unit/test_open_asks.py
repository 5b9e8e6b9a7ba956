"""retrieval/open_asks.py (rule rest_of_article): the asks an answer leaves open, answered from the rest of the
article it quotes. Pure: passages made here, no store, no model."""

from __future__ import annotations

import pytest

ARTICLE_7 = ("第七条 个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。\n\n"
             "备案应当提交以下材料：\n（一）标准合同；\n（二）个人信息保护影响评估报告。\n\n"
             "个人信息处理者应当对所备案材料的真实性负责。")
FINE = ("第四十五条 开展数据处理活动的组织、个人不履行本法规定的数据安全保护义务的，由有关主管部门责令改正，给予警告，"
        "可以并处五万元以上五十万元以下罚款。\n\n违反国家核心数据管理制度，危害国家主权的，由有关主管部门处二百万元以上一千万元以下罚款。")


def _passage(text: str, doc_id: str = "scc-measures", article: int = 7):
    from retrieval.records import Passage

    return Passage(chunk_id=f"{doc_id}-{article}", doc_id=doc_id, text=text, start=0, end=len(text),
                   locator=f"Art. {article}", title="Standard Contract Measures", source="", kind="departmental-rule",
                   authority=3, status="in-force", language="zh", article=article, short="Standard Contract Measures")


def _answer(passage, sentence: str):
    from retrieval.compose import Composition, Pick
    from retrieval.sentences import Span

    start = passage.text.index(sentence)
    span = Span(start, start + len(sentence), sentence, 1)
    text = f"10个工作日内 [1].\n\nStandard Contract Measures Art. 7 ¶1: “{sentence}” [1]\n\n[1] is from a text partly superseded."
    return Composition(text=text, cited=[passage], primary=Pick(passage, span, 1.0, []))


def _rest(comp, question: str, passage):
    from retrieval.open_asks import with_rest_of_article

    return with_rest_of_article(comp, question, lambda doc_id: [passage], _idf(passage.text), "bigram")


def _idf(*texts: str) -> dict[str, float]:
    """Words weigh as in a store: a word it never uses nothing, a single character little, and a word few passages
    use (材料, 服务) far more than one most of the outbound rules use (合同, 备案)."""
    from ingest.lexical import tokenize

    weights = {word: 1.0 if len(word) >= 2 else 0.1 for text in texts for word in tokenize(text, "bigram")}
    return {**weights, **{word: 4.0 for word in ("材料", "服务", "核心") if word in weights}}


@pytest.mark.parametrize("question, count", [
    ("合同生效后多少天内要备案？备案除了合同本身还要交什么材料？", 2),
    # a statement told between two asks belongs to the ask after it
    ("一般人卖住宿信息要多少条才算情节严重？这个员工是在提供服务过程中拿到的，门槛会不会不一样？", 2),
    ("How many days do we have to file it, with which office, and what do we need to attach?", 3),
    ("个人信息保护法规定的最高罚款是多少？", 1),
    ("What is the maximum fine under the PIPL for a serious violation?", 1),
])
def test_a_question_is_cut_after_each_clause_that_asks(question, count):
    from retrieval.open_asks import ask_segments

    segments = ask_segments(question)
    assert len(segments) == count
    assert all(segment in question for segment in segments)


def test_an_ask_the_quoted_sentence_leaves_open_is_answered_from_the_same_article():
    passage = _passage(ARTICLE_7)
    comp = _answer(passage, "第七条 个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。")
    out = _rest(comp, "合同生效后多少天内要备案？备案除了合同本身还要交什么材料？", passage)
    assert "个人信息保护影响评估报告" in out.text and "（一）标准合同" in out.text
    assert out.text.index("个人信息保护影响评估报告") < out.text.index("[1] is from")  # before the notes on sources
    assert out.cited == [passage] and out.trace[-1].rule == "rest_of_article"


def test_one_ask_or_an_ask_the_answer_speaks_to_adds_nothing():
    passage = _passage(ARTICLE_7)
    sentence = "第七条 个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。"
    for question in ("标准合同生效后多少天内要备案？", "标准合同生效后多少天内要备案？向哪个部门备案？"):
        comp = _answer(passage, sentence)
        assert _rest(comp, question, passage).text == _answer(passage, sentence).text


def test_a_fine_of_another_tier_is_never_quoted_for_an_open_ask():
    passage = _passage(FINE, "dsl", 45)
    comp = _answer(passage, "开展数据处理活动的组织、个人不履行本法规定的数据安全保护义务的，由有关主管部门责令改正，给予警告，"
                            "可以并处五万元以上五十万元以下罚款。")
    out = _rest(comp, "不履行数据安全保护义务罚多少？违反国家核心数据管理制度，危害国家主权的呢，罚多少？", passage)
    assert "一千万元" not in out.text


def test_an_ask_which_side_wins_is_no_open_ask():
    passage = _passage(ARTICLE_7)
    comp = _answer(passage, "第七条 个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。")
    out = _rest(comp, "标准合同生效后多少天内要备案？备案材料的真实性现在按哪个执行？", passage)
    assert "真实性负责" not in out.text


def test_a_figure_asked_that_the_answer_does_not_speak_to_is_an_open_ask():
    from retrieval.open_asks import open_figure_asks, speaks_to

    answer = "Standard Contract Measures Art. 7 ¶1: “个人信息处理者应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。”"
    idf = _idf(ARTICLE_7, "国家网信部门应当自向数据处理者发出书面受理通知书之日起45个工作日内完成数据出境安全评估。")
    question = "标准合同生效后多少个工作日内要备案？数据出境安全评估受理以后，国家网信部门多少个工作日内完成评估？"
    (ask, rest), = open_figure_asks(question, answer, idf, "bigram")
    assert ask.startswith("数据出境安全评估受理以后")
    assert speaks_to(rest, "国家网信部门应当自向数据处理者发出书面受理通知书之日起45个工作日内完成数据出境安全评估。", idf, "bigram")
    assert not speaks_to(rest, "个人信息处理者应当对所备案材料的真实性负责。", idf, "bigram")
    # the ask the answer speaks to, and one asking which side wins, are not open
    assert open_figure_asks("标准合同生效后多少个工作日内要备案？哪个更长？", answer, idf, "bigram") == []


COMMENCEMENT = ("第十六条 本规定自2021年8月1日起施行。\n\n"
                "信息处理者使用人脸识别技术处理人脸信息的行为发生在本规定施行前的，不适用本规定。")


@pytest.mark.parametrize("question", [
    "这个规定是几号开始施行的？我们小区2020年就上了刷脸门禁，那时候的行为能用这个规定来告吗？",
    "When did the provisions take effect? Do they reach face scans from before that date?",
])
def test_whether_a_text_reaches_conduct_before_it_took_effect_is_its_commencement_article_s_to_say(question):
    passage = _passage(COMMENCEMENT, "facial-recognition", 16)
    comp = _rest(_answer(passage, "第十六条 本规定自2021年8月1日起施行。"), question, passage)
    assert "不适用本规定" in comp.text
    assert comp.trace[-1].rule == "rest_of_article"


def test_a_date_asked_alone_quotes_no_rule_on_earlier_conduct():
    passage = _passage(COMMENCEMENT, "facial-recognition", 16)
    comp = _rest(_answer(passage, "第十六条 本规定自2021年8月1日起施行。"), "这个规定是几号开始施行的？由谁发布？", passage)
    assert "不适用本规定" not in comp.text
