"""retrieval/clauses.py: several figures asked clause by clause. Pure: no store, no model."""

from __future__ import annotations

from retrieval.clauses import asked_clauses, clause_question


def test_each_clause_asking_a_figure_is_asked_after_the_scene():
    scene, asks = asked_clauses("我们申报了数据出境安全评估，想知道：决定是否受理要多久、评估本身要多久、复评的期限是多少？")
    assert scene == "我们申报了数据出境安全评估，想知道"
    assert asks == ["决定是否受理要多久", "评估本身要多久", "复评的期限是多少"]
    assert clause_question(scene, asks[1]) == "我们申报了数据出境安全评估，想知道，评估本身要多久？"


def test_a_clause_asking_only_which_wins_needs_no_figure_and_one_ask_is_no_list():
    _, asks = asked_clauses("What user count triggers a review filing, and what volume pulls a processor under the "
                            "important-data duties? Which bar is higher?")
    assert len(asks) == 2 and not any("higher" in a for a in asks)
    assert asked_clauses("What is the maximum fine under the PIPL?") == ("", [])
    assert asked_clauses("网络安全审查的初步审查要多久？哪个部门负责？") == ("", [])


def test_an_english_lead_before_a_colon_is_scene():
    scene, asks = asked_clauses("Walk me through a review: how long does the office take to decide, how long is the "
                                "preliminary review, and how long can a special review run?")
    assert scene == "Walk me through a review" and len(asks) == 3


def test_an_opening_when_clause_is_scene_but_when_was_asks():
    assert asked_clauses("When the Measures took effect, how long did companies get, and what did they have to do?") \
        == ("", [])
    _, asks = asked_clauses("When was the amendment adopted, when does it take effect, and when did the law take effect?")
    assert len(asks) == 3
