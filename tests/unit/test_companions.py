"""retrieval/companions.py: the amending decision's item and the consolidated article it wrote cite each other.
Pure: no store, no model (the manifest says which decision amends which law)."""

from __future__ import annotations

from dataclasses import replace

from retrieval.companions import (
    original_of,
    other_text,
    other_version,
    with_amending_item,
    with_later_restatement,
    with_original_text,
    with_other_version,
)
from retrieval.compose import Composition, Pick
from retrieval.figures import extract_figures
from retrieval.records import Passage
from retrieval.sentences import sentence_spans
from tests.statutes import statute

ARTICLE = ("第六十一条 网络运营者不履行本法第二十三条、第二十七条规定的网络安全保护义务的，由有关主管部门责令改正，给予警告，"
           "可以处一万元以上五万元以下罚款；拒不改正或者导致危害网络安全等后果的，处五万元以上五十万元以下罚款。")
CONSOLIDATED = statute(ARTICLE, 61, "csl-2025", short="CSL", title="网络安全法")
ITEM = replace(statute(f"五、将第五十九条改为第六十一条，修改为：“{ARTICLE.removeprefix('第六十一条 ')}”", 0,
                       "csl-2025-decision", short="CSL Amendment Decision 2025", title="修改决定"),
               article=None, locator="Item 5", chunk_id="decision-5")
RENUMBERED = replace(statute("六、将第六十条改为第六十二条。", 0, "csl-2025-decision"), article=None,
                     locator="Item 6", chunk_id="decision-6")
OTHER = statute("第六十二条 违反本法第二十四条规定的，由有关主管部门责令改正。", 62, "csl-2025", short="CSL")


def _chunks(doc_id: str) -> list[Passage]:
    return {"csl-2025": [CONSOLIDATED, OTHER], "csl-2025-decision": [RENUMBERED, ITEM]}.get(doc_id, [])


def test_the_item_that_wrote_an_article_and_the_article_it_wrote_are_each_other_s_other_text():
    assert other_text(CONSOLIDATED, _chunks) is ITEM
    assert other_text(ITEM, _chunks) is CONSOLIDATED
    # an article no item wrote, and a law no decision amended, have none
    assert other_text(OTHER, _chunks) is None
    assert other_text(statute("第六十六条 …处五千万元以下罚款。", 66), _chunks) is None


def test_the_other_text_is_cited_after_the_answer_s_and_said_to_be_the_same_provision():
    comp = Composition(text="五万元以上五十万元以下 [1].", cited=[CONSOLIDATED])
    comp = with_amending_item(comp, _chunks, "en")
    assert [p.chunk_id for p in comp.cited] == [CONSOLIDATED.chunk_id, ITEM.chunk_id]
    assert comp.text.endswith("As written by CSL Amendment Decision 2025 Item 5 [2].")
    answered_from_item = with_amending_item(Composition(text="… [1].", cited=[ITEM]), _chunks, "zh")
    assert answered_from_item.text.endswith("现行条文为CSL Art. 61 [2]。")


ORIGINAL = statute("第六十六条 违反本法规定处理个人信息的，拒不改正的，并处一百万元以下罚款。\n\n"
                   "有前款规定的违法行为，情节严重的，并处五千万元以下或者上一年度营业额百分之五以下罚款。", 66)
TRANSLATION = replace(statute("Article 66: Where correction is refused, a fine of not more than 1 million Yuan is imposed.\n\n"
                              "Where the circumstances are grave, a fine of not more than 50 million Yuan, or 5% of "
                              "annual revenue.", 66, "pipl-en", short="PIPL (EN)", translation_of="pipl"),
                      language="en")


def _texts(doc_id: str) -> list[Passage]:
    return {"pipl": [statute("第六十五条 任何组织、个人有权投诉、举报。", 65), ORIGINAL], "pipl-en": [TRANSLATION]}.get(doc_id, [])


def test_a_translation_s_paragraph_has_its_original_in_the_paragraph_stating_the_same_figures():
    found = original_of(TRANSLATION, 2, _texts)
    assert found is not None and found[0] is ORIGINAL and found[1] is not None and found[1].paragraph == 2
    # the whole article, when the answer's paragraph is not known
    assert original_of(TRANSLATION, 0, _texts)[0] is ORIGINAL
    # an original is no translation; an original holding no such article, or other figures, is none
    assert original_of(ORIGINAL, 2, _texts) is None
    assert original_of(replace(TRANSLATION, article=67), 2, _texts) is None
    assert original_of(replace(TRANSLATION, text="a fine of not more than 80 million Yuan."), 1, _texts) is None


def test_an_answer_quoted_from_a_translation_cites_the_authoritative_text_after_the_rest():
    comp = with_original_text(Composition(text="Up to CNY 50 million [1].", cited=[TRANSLATION]), _texts, "en")
    assert [p.chunk_id for p in comp.cited] == [TRANSLATION.chunk_id, ORIGINAL.chunk_id]
    assert comp.text.endswith("Authoritative Chinese text: PIPL Art. 66 [2].")
    assert comp.trace[-1].rule == "original_text"
    # cited already, or outside the documents the user allowed: nothing added
    both = Composition(text="… [1] [2].", cited=[TRANSLATION, ORIGINAL])
    assert len(with_original_text(both, _texts, "en").cited) == 2
    # another article of the original cited beside it is not the translation's original
    neighbour = statute("第六十五条 任何组织、个人有权投诉、举报。", 65)
    beside = with_original_text(Composition(text="… [1] [2].", cited=[TRANSLATION, neighbour]), _texts, "en")
    assert [p.article for p in beside.cited] == [66, 65, 66]
    kept_out = with_original_text(Composition(text="… [1].", cited=[TRANSLATION]), _texts, "en",
                                  lambda doc_id: doc_id == "pipl-en")
    assert len(kept_out.cited) == 1


LOGS = "第{n}条 网络运营者应当按照网络安全等级保护制度的要求，履行下列安全保护义务：\n\n（三）采取监测、记录网络运行状态、网络安全事件的技术措施，并按照规定留存相关的网络日志不少于六个月；"
CURRENT = statute(LOGS.format(n="二十三"), 23, "csl-2025", short="CSL", title="网络安全法")
EARLIER = replace(statute(LOGS.format(n="二十一"), 21, "csl-2016", short="CSL 2016", title="网络安全法（2016年）"),
                  status="amended")
REWRITTEN = replace(statute("第五十九条 网络运营者不履行本法第二十一条规定的网络安全保护义务的，处一万元以上十万元以下罚款。", 59, "csl-2016",
                            short="CSL 2016"), status="amended")


def _versions(doc_id: str) -> list[Passage]:
    return {"csl-2025": [CURRENT, CONSOLIDATED], "csl-2016": [EARLIER, REWRITTEN]}.get(doc_id, [])


def test_a_provision_kept_word_for_word_is_found_in_the_law_s_other_text_and_a_rewritten_one_is_not():
    assert other_version(CURRENT, _versions) is EARLIER
    assert other_version(EARLIER, _versions) is CURRENT
    # the 2025 text rewrote the fine of CSL 2016 Art. 59 (now Art. 61): no other text says the same
    assert other_version(CONSOLIDATED, _versions) is None
    assert other_version(statute("第六十六条 …处五千万元以下罚款。", 66), _versions) is None  # a law with one text


def test_the_other_text_is_cited_and_said_to_be_the_same_provision_with_no_day_to_mistake_for_the_answer():
    comp = with_other_version(Composition(text="At least 6 months [1].", cited=[CURRENT]), _versions, "en")
    assert [p.chunk_id for p in comp.cited] == [CURRENT.chunk_id, EARLIER.chunk_id]
    assert comp.text.endswith("Same provision in the earlier text: CSL 2016 Art. 21 [2].")
    assert comp.trace[-1].rule == "other_version"
    older = with_other_version(Composition(text="六个月 [1].", cited=[EARLIER]), _versions, "zh")
    assert older.text.endswith("现行文本为CSL Art. 23 [2]。")
    both = Composition(text="… [1] [2].", cited=[CURRENT, EARLIER])
    assert len(with_other_version(both, _versions, "en").cited) == 2
    # "how many articles has the CSL?" is answered of one text: CSL 2016 Art. 79 beside it would read as a count
    counted = Composition(text="81 articles [1].", cited=[CURRENT], of_named_subject=True)
    assert len(with_other_version(counted, _versions, "en").cited) == 1


ORDER_11 = statute("第十四条 通过数据出境安全评估的结果有效期为2年，自评估结果出具之日起计算。", 14, "outbound-assessment",
                  short="Outbound Data Assessment Measures")
ORDER_16 = statute("第九条 通过数据出境安全评估的结果有效期为3年，自评估结果出具之日起计算。有效期届满，需要继续开展数据出境活动的，"
                "数据处理者可以在有效期届满前60个工作日内提出延长评估结果有效期申请。", 9, "cbdt-provisions",
                short="Cross-border Data Flow Provisions")
UNRELATED = statute("第十条 数据处理者应当按照规定履行数据安全保护义务。", 10, "cbdt-provisions")


def _answered_from(passage: Passage) -> Composition:
    span = sentence_spans(passage.text)[0]
    return Composition(text="2年 [1].", cited=[passage], quotes=[span],
                       primary=Pick(passage, span, 1.0, extract_figures(span.text)))


def test_a_later_text_restating_the_answer_with_another_figure_is_quoted_after_it():
    comp = with_later_restatement(_answered_from(ORDER_11), lambda d: [UNRELATED, ORDER_16] if d == "cbdt-provisions" else [],
                                  "en")
    assert comp.cited[-1] is ORDER_16 and "有效期为3年" in comp.text and "governs where the two differ" in comp.text
    assert "60个工作日" not in comp.text  # the restating sentence, not the article
    assert comp.trace[-1].rule == "later_restated"
    # a filter allowing the earlier text alone allows no quote of the later one
    only_earlier = with_later_restatement(_answered_from(ORDER_11), lambda d: [ORDER_16], "en",
                                          lambda doc_id: doc_id == "outbound-assessment")
    assert "governs" not in only_earlier.text


def test_no_later_quote_when_the_later_text_says_the_same_figure_or_is_cited_already():
    same = replace(ORDER_16, text=ORDER_16.text.replace("3年", "2年"))
    assert "governs" not in with_later_restatement(_answered_from(ORDER_11), lambda d: [same], "en").text
    cited = _answered_from(ORDER_11)
    cited.cited.append(ORDER_16)
    assert "governs" not in with_later_restatement(cited, lambda d: [ORDER_16], "en").text
