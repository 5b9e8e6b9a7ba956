"""evals/gold_check.py: the gold set validates against the corpus files, and rot is caught."""

from __future__ import annotations


def test_gold_set_validates_against_the_corpus(corpus_mirror):
    from evals.gold_check import coverage, load_gold, validate

    gold = load_gold()
    assert validate(gold, corpus_mirror) == []
    counts = coverage(gold)
    assert counts["questions"] >= 100 and counts["zh"] >= 20 and counts["unanswerable"] >= 15


def test_validator_catches_rot(corpus_mirror):
    from evals.gold_check import validate

    good = {"id": "x", "question": "q", "language": "en", "type": "penalty", "answerable": True,
            "facts": [["五千万"]], "evidence": [{"doc_id": "pipl", "locator": "Art. 66",
                                                 "quote": "并处五千万元以下或者上一年度营业额百分之五以下罚款"}]}
    problems = validate([good, dict(good, id="x")], corpus_mirror)
    assert any("duplicate id" in p for p in problems)
    wrong_quote = dict(good, id="y", evidence=[dict(good["evidence"][0], quote="并处六千万元以下罚款")])
    wrong_fact = dict(good, id="z", facts=[["六千万"]])
    wrong_article = dict(good, id="w", evidence=[dict(good["evidence"][0], locator="Art. 65")])
    problems = validate([wrong_quote, wrong_fact, wrong_article], corpus_mirror)
    assert any(p.startswith("y: quote not in pipl") for p in problems)
    assert any(p.startswith("z: no variant") for p in problems)
    assert any(p.startswith("w: locator Art. 65") for p in problems)
