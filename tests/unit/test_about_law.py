"""retrieval/about_law.py: "What is the PIPL?" is answered by the law's first article and its commencement. Pure: no
store, no model."""

from __future__ import annotations

from retrieval.about_law import about_law
from retrieval.query import analyse
from tests.statutes import statute

PIPL = [statute("第七十四条 本法自2021年11月1日起施行。", 74),
        statute("第一条 为了保护个人信息权益，规范个人信息处理活动，促进个人信息合理利用，根据宪法，制定本法。", 1),
        statute("第二条 自然人的个人信息受法律保护。", 2)]


def _chunks(doc_id: str):
    return PIPL if doc_id == "pipl" else []


def test_what_a_law_is_is_its_first_article_and_since_when_it_applies():
    comp = about_law(analyse("What is the PIPL?"), _chunks)
    assert comp is not None and [p.article for p in comp.cited] == [1, 74]
    assert "为了保护个人信息权益" in comp.text and "2021年11月1日" in comp.text


def test_a_question_about_something_in_the_law_is_not_about_the_law():
    assert about_law(analyse("What is the maximum fine under the PIPL?"), _chunks) is None
    assert about_law(analyse("What is the PIPL?"), lambda doc_id: []) is None
