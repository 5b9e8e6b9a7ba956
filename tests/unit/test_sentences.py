"""retrieval/sentences.py: sentences and enumerated items under their chapeau. Pure: no store, no model."""

from __future__ import annotations


def test_an_enumeration_marker_does_not_end_a_sentence():
    from retrieval.sentences import sentence_spans

    text = "Handlers may only handle it where:  1.  Obtaining consent; 2.  Where necessary to conclude a contract. Next."
    assert [s.text for s in sentence_spans(text)] == [
        "Handlers may only handle it where:  1.  Obtaining consent; 2.  Where necessary to conclude a contract.", "Next."]


def test_an_enumerated_item_is_read_under_its_chapeau():
    from retrieval.sentences import chapeaus, sentence_spans

    text = ("第五条 非法提供公民个人信息，具有下列情形之一的，应当认定为“情节严重”：\n\n"
            "（一）出售行踪轨迹信息的；\n\n（二）违法所得五千元以上的；\n\n第二款 其他情形。")
    spans = sentence_spans(text)
    heads = chapeaus(spans)
    items = [s.text for s, h in zip(spans, heads, strict=True) if h is not None]
    assert items == ["（一）出售行踪轨迹信息的；", "（二）违法所得五千元以上的；"]
    assert all(h.text.endswith("：") for h in heads if h is not None)


def test_a_question_is_split_where_its_sentences_end_not_at_a_decimal_point():
    from retrieval.sentences import question_sentences, sentences_asking

    question = "We hold 1.5 million records. What fine applies? 处理者；罚款多少？"
    assert question_sentences(question) == ["We hold 1.5 million records.", "What fine applies?", "处理者；", "罚款多少？"]
    assert sentences_asking(question) == "What fine applies? 罚款多少？"
    assert sentences_asking("罚款多少") == "罚款多少"
