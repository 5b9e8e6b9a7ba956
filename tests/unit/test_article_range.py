"""Rule no_such_article: an article beyond the last one of its law, read off the numbering of the law's chunks."""

from retrieval.article_range import articles_held, no_such_article
from retrieval.laws import ArticleRef, owned_article_refs
from retrieval.query import analyse
from retrieval.records import Passage


def _article(doc_id: str, number: int) -> Passage:
    return Passage(chunk_id=f"{doc_id}-{number}", doc_id=doc_id, text=f"第{number}条 ……", start=0, end=1,
                   locator=f"Art. {number}", title="Personal Information Protection Law", source="", kind="statute",
                   authority=1, status="in_force", language="zh", article=number, short="PIPL")


def _store(counts: dict[str, int]):
    return lambda doc_id: [_article(doc_id, n) for n in range(1, counts.get(doc_id, 0) + 1)]


def test_an_article_is_the_named_laws_only_when_written_beside_it():
    assert owned_article_refs("个保法第七十五条是怎么规定的？") == [ArticleRef("pipl", 75)]
    assert owned_article_refs("What does Article 80 of the DSL say?") == [ArticleRef("dsl", 80)]
    assert owned_article_refs("根据个保法，刑法第二百五十三条之一规定的罪怎么判？") == []


def test_an_article_past_the_last_abstains_and_says_how_many_the_law_has():
    comp = no_such_article(analyse("个保法第七十五条是怎么规定的？"), _store({"pipl": 74}))
    assert comp is not None and comp.abstained
    assert "74" in comp.reason and "75" in comp.reason
    assert comp.trace[0].rule == "no_such_article"


def test_an_article_the_law_has_is_left_to_the_composer():
    assert no_such_article(analyse("What does PIPL Article 66 say about fines?"), _store({"pipl": 74})) is None


def test_a_law_the_store_lacks_or_numbers_with_gaps_is_not_counted():
    assert articles_held("pipl", _store({})) == 0
    gapped = lambda doc_id: [_article(doc_id, n) for n in (1, 2, 5)]  # noqa: E731
    assert articles_held("pipl", gapped) == 0
    assert no_such_article(analyse("个保法第七十五条是怎么规定的？"), gapped) is None


def test_every_text_of_an_amended_law_counts():
    # the 2016 CSL has 79 articles, the amended text 81: Article 80 is the amended text's
    assert no_such_article(analyse("网络安全法第八十条是怎么规定的？"), _store({"csl-2016": 79, "csl-2025": 81})) is None
