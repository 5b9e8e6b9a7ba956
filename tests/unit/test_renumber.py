"""Rule renumbered_article: an earlier text's article found in the later text by its words. Pure: no store."""

from __future__ import annotations

from retrieval.query import analyse
from retrieval.records import Passage
from retrieval.renumber import asks_renumbered, renumbered_article
from tests.statutes import statute


def _article(doc_id: str, article: int, text: str) -> Passage:
    return statute(text, article, doc_id, title=doc_id, short="CSL 2016" if doc_id == "csl-2016" else "CSL")


STORE = {
    "csl-2016": [_article("csl-2016", 37, "第三十七条 关键信息基础设施的运营者在境内运营中收集和产生的个人信息和重要数据应当在境内存储。"),
                 _article("csl-2016", 38, "第三十八条 关键信息基础设施的运营者应当每年至少进行一次检测评估。")],
    "csl-2025": [_article("csl-2025", 37, "第三十七条 关键信息基础设施的运营者采购网络产品和服务，应当通过国家安全审查。"),
                 _article("csl-2025", 39, "第三十九条 关键信息基础设施的运营者在境内运营中收集和产生的个人信息和重要数据应当在境内存储。")],
}


def test_the_later_number_is_the_article_that_says_the_same_not_the_one_with_the_old_number():
    question = "我们手册引用网安法第三十七条（CII数据境内存储）。按2025年修正后的网络安全法，这条现在是第几条？"
    comp = renumbered_article(analyse(question), lambda doc_id: STORE.get(doc_id, []))
    assert comp is not None and comp.key_figure == "CSL Art. 39"
    assert [p.doc_id for p in comp.cited] == ["csl-2025", "csl-2016"]


def test_only_a_question_asking_the_new_number_is_read_so():
    assert asks_renumbered("2016年网安法第二十一条在修正后的网安法里变成了第几条？")
    assert asks_renumbered("CSL Article 37 of the 2016 text: which article is it in the amended law?")
    assert not asks_renumbered("Which article of the amended CSL sets the fine for CII operators?")
    assert renumbered_article(analyse("网安法第三十七条规定了什么？"), lambda doc_id: STORE.get(doc_id, [])) is None


def test_an_article_described_not_numbered_is_found_in_either_text_and_matched_in_the_other():
    from retrieval.renumber import renumbered_by_content

    question = ("The CIIO data-localisation rule got renumbered in the 2025 CSL amendment. Which article is it now, "
                "and which was it in the 2016 text?")
    retrieved = [STORE["csl-2025"][1], STORE["csl-2025"][0]]
    comp = renumbered_by_content(analyse(question), retrieved, lambda doc_id: STORE.get(doc_id, []))
    assert comp is not None and comp.key_figure == "CSL Art. 39"
    assert "CSL 2016 Art. 37" in comp.text
    # found in the earlier text, matched forward
    comp = renumbered_by_content(analyse(question), [STORE["csl-2016"][0]], lambda doc_id: STORE.get(doc_id, []))
    assert comp is not None and comp.key_figure == "CSL Art. 39"
    # nothing of either text retrieved: no answer made up
    assert renumbered_by_content(analyse(question), [], lambda doc_id: STORE.get(doc_id, [])) is None


def test_an_article_described_by_a_figure_it_does_not_state_is_not_that_article():
    from retrieval.renumber import renumbered_by_content

    chunks = lambda doc_id: STORE.get(doc_id, [])  # noqa: E731
    retrieved = [STORE["csl-2025"][1]]
    stated = "The CIIO data-localisation rule was renumbered in the 2025 CSL amendment: which article is it now?"
    assert renumbered_by_content(analyse(stated), retrieved, chunks) is not None
    # the premise names a fine neither text of the article states: rule which_article refuses it instead
    premise = ("After the 2025 CSL amendment the data-localisation rule carries a fine of 5% of turnover: which "
               "article is it now?")
    assert renumbered_by_content(analyse(premise), retrieved, chunks) is None
