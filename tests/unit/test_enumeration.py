"""Rule listed_count: an article's list counted, without a store."""

from __future__ import annotations

from retrieval.enumeration import listed_count, listed_items
from retrieval.query import analyse
from retrieval.records import Passage
from tests.statutes import statute

ARTICLE_13 = ("第十三条 符合下列情形之一的，个人信息处理者方可处理个人信息：\n（一）取得个人的同意；\n（二）为订立、履行合同所必需；\n"
              "（三）为履行法定职责或者法定义务所必需；\n（四）为应对突发公共卫生事件所必需；\n（五）为新闻报道在合理的范围内处理个人信息；\n"
              "（六）在合理的范围内处理已公开的个人信息；\n（七）法律、行政法规规定的其他情形。")


def _passage(text: str, article: int = 13, part: int = 0, doc_id: str = "pipl", translation_of: str = "") -> Passage:
    return statute(text, article, doc_id, part=part, translation_of=translation_of)


def test_items_are_counted_from_the_first_with_none_missing():
    assert listed_items(ARTICLE_13) == 7
    assert listed_items("Article 13: one of the following:\n1.  consent;\n2.  a contract;\n3.  a duty.") == 3
    assert listed_items("（二）只有第二项；\n（三）和第三项。") == 0  # no first item: a part, not the list
    assert listed_items("处五十万元以上二百万元以下罚款（一次）。") == 0


def test_the_named_articles_list_answers_and_says_it_was_counted():
    question = "个人信息保护法第十三条列举了几种可以处理个人信息的情形？"
    comp = listed_count([_passage(ARTICLE_13)], analyse(question))
    assert comp is not None and comp.text.startswith("7项 [1].") and "Counted" in comp.text
    assert comp.trace[-1].rule == "listed_count"


def test_a_split_article_counts_only_with_every_part_and_another_article_never():
    first, rest = ARTICLE_13[:60], ARTICLE_13[50:]  # the parts overlap, as chunks do
    question = "How many circumstances does PIPL Article 13 list?"
    assert listed_count([_passage(first), _passage(rest, part=1)], analyse(question)).key_figure == "7 items"
    assert listed_count([_passage(rest, part=1)], analyse(question)) is None
    assert listed_count([_passage(ARTICLE_13, article=14)], analyse(question)) is None
    assert listed_count([_passage(ARTICLE_13)], analyse("How many days does PIPL Article 13 give?")) is None


def _unit(number: int, doc_id: str = "csl-2025-decision", item: bool = True, part: int = 0) -> Passage:
    text = f"第{number}项修改。" if item else f"第{number}条 内容。"
    return Passage(chunk_id=f"{doc_id}-{number}-{part}", doc_id=doc_id, text=text, start=0, end=len(text),
                   locator=f"Item {number}" if item else f"Art. {number}", title="决定", source="", kind="statute",
                   authority=1, status="in-force", language="zh", article=-1 if item else number, part=part,
                   short="Decision")


def test_a_documents_units_are_counted_from_its_numbering_when_none_is_missing():
    from retrieval.enumeration import document_units

    question = "How many numbered amendment items are in the 2025 decision amending the Cybersecurity Law?"
    analysis = analyse(question)
    preamble = _unit(0)
    preamble.locator = "Preamble"
    comp = document_units(analysis, lambda doc: [preamble] + [_unit(n) for n in range(1, 15)])
    assert comp is not None and comp.key_figure == "14 items" and comp.cited[0].locator == "Item 14"
    assert comp.trace[-1].rule == "document_units"
    assert document_units(analysis, lambda doc: [_unit(n) for n in (1, 2, 4)]) is None  # a unit missing: no count
    articles = analyse("个人信息保护法一共有多少条？")
    assert document_units(articles, lambda doc: [_unit(n, "pipl", item=False) for n in range(1, 75)]).key_figure \
        == "74条"
    assert document_units(analyse("How many lawful bases does the PIPL recognise?"), lambda doc: []) is None


def test_the_bodies_a_sentence_lists_are_counted_with_the_one_that_leads():
    from retrieval.enumeration import _BODY_LIST, _TWO_BODIES, asks_listed_bodies

    text = ("国家互联网信息办公室会同中华人民共和国国家发展和改革委员会、中华人民共和国工业和信息化部、"
            "中国人民银行、国家保密局和国家密码管理局建立工作机制。")
    m = _BODY_LIST.search(text)
    assert m["lead"] == "国家互联网信息办公室"
    members = m["members"].split("、")
    assert len(members) + bool(_TWO_BODIES.fullmatch(members[-1])) == 5  # 和 inside a name joins nothing
    assert asks_listed_bodies("工作机制一共几个部门？") and not asks_listed_bodies("审查要多少个工作日？")


INLINE = ("第二十三条 本规定中下列用语的含义：深度合成技术，是指利用生成合成类算法制作网络信息的技术，包括但不限于：（一）篇章生成等技术；"
          "（二）文本转语音等技术；（三）音乐生成等技术。")
DUTIES = "第十五条 专门安全管理机构具体负责本单位的安全保护工作，履行下列职责：\n（一）建立健全制度；\n（二）组织推动工作；\n（三）开展教育培训。"
PENALTY = "第三十九条 运营者有下列情形之一的，处10万元以上100万元以下罚款：\n（一）未及时报告的；\n（二）未整改的。"


def test_items_run_on_in_one_paragraph_are_counted_and_the_lead_is_the_sentence_before_them():
    from retrieval.enumeration import list_lead

    assert listed_items(INLINE) == 3
    assert list_lead(INLINE).endswith("包括但不限于") and "篇章生成" not in list_lead(INLINE)
    assert list_lead(DUTIES).endswith("履行下列职责：")


def _by_words(words: tuple[str, ...], own: tuple[str, ...] = ()):
    return lambda text: (sum(w in text for w in words) / len(words), sum(w in text for w in own))


def test_a_count_with_no_article_named_is_read_off_the_list_whose_lead_fits_the_question():
    from retrieval.enumeration import listed_by_lead

    question = "专门安全管理机构要履行几项职责？"
    fit = _by_words(("专门安全管理机构", "职责"))
    comp = listed_by_lead([_passage(PENALTY, 39), _passage(DUTIES, 15)], analyse(question), fit, lambda p: True)
    assert comp is not None and comp.key_figure == "3项" and comp.cited[0].article == 15
    assert comp.trace[-1].rule == "listed_by_lead"


def test_no_list_is_counted_when_no_lead_fits_or_a_figure_is_asked_or_the_source_is_no_statute():
    from retrieval.enumeration import listed_by_lead

    fit = _by_words(("专门安全管理机构", "职责"))
    assert listed_by_lead([_passage(PENALTY, 39)], analyse("专门安全管理机构要履行几项职责？"), fit, lambda p: True) is None
    assert listed_by_lead([_passage(DUTIES, 15)], analyse("专门安全管理机构要在几日内报告？"), fit, lambda p: True) is None
    assert listed_by_lead([_passage(DUTIES, 15)], analyse("专门安全管理机构要履行几项职责？"), fit, lambda p: False) is None


def test_a_count_said_to_be_of_a_list_is_read_off_the_list_before_any_stated_number():
    from retrieval.enumeration import asks_list_count

    assert asks_list_count(analyse("人脸识别司法解释列举了几种侵害人格权益的情形？"))
    assert asks_list_count(analyse("条例里向境外提供个人信息的条件一共列了几种？"))
    assert asks_list_count(analyse("How many conditions does the NDSMR list for sending personal information abroad?"))
    assert not asks_list_count(analyse("专门安全管理机构要履行几项职责？"))  # a count: read off a list only failing a number
    assert not asks_list_count(analyse("How many people make a processor subject to the assessment?"))


def test_two_leads_that_fit_alike_are_told_apart_by_the_question_s_own_words():
    from retrieval.enumeration import listed_by_lead

    contents = _passage("第五十六条 个人信息保护影响评估应当包括下列内容：\n（一）目的；\n（二）影响；\n（三）措施。", 56)
    occasions = _passage("第五十五条 有下列情形之一的，个人信息处理者应当事前进行个人信息保护影响评估：\n（一）甲；\n（二）乙；\n"
                         "（三）丙；\n（四）丁；\n（五）戊。", 55)
    question = "个保法规定必须事前做影响评估的情形一共列了几项？"
    fit = _by_words(("影响评估",), own=("事前", "情形"))
    comp = listed_by_lead([contents, occasions], analyse(question), fit, lambda p: True)
    assert comp is not None and comp.cited[0].article == 55 and comp.key_figure == "5项"


def test_a_lead_fitting_less_names_the_list_only_when_no_other_list_comes_near_it():
    from retrieval.enumeration import _fits_as_lead

    assert _fits_as_lead(0.3, 0.29)  # fits enough however close the next
    assert _fits_as_lead(0.25, 0.12)  # 包括下列事项 for 写几项内容: no other list near
    assert not _fits_as_lead(0.25, 0.2)  # two lists fit alike: neither is named
    assert not _fits_as_lead(0.15, 0.0)  # too little of the question
