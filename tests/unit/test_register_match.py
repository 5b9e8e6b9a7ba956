"""Answers matched against the register: the records the register reads in the PIPL's own text (read straight
from the corpus file, no store, no model) are found for the figures an answer states from a cited sentence."""

from __future__ import annotations

import pytest

from retrieval.records import Answer, Citation
from retrieval.register.match import match_answer
from retrieval.register.records import Register
from tests.unit.test_register import units_of

SERIOUS = "对直接负责的主管人员和其他直接责任人员处十万元以上一百万元以下罚款"


@pytest.fixture(scope="module")
def pipl():
    """The register of the PIPL's records, as `lexcite figures` reads them, and the PIPL's articles."""
    from ingest.manifest import load_manifest
    from retrieval.register.read import records_of_unit

    manifest = load_manifest()
    units = units_of("pipl")
    register = Register(generation="test", laws={"pipl": "PIPL"})
    for unit in units:
        register.records.extend(records_of_unit(unit, manifest, "2026-12-01", ""))
    return register, units


def _cited(units, needle: str, figures: list[str], doc_id: str = "pipl", locator: str = "Art. 66 ¶2") -> Answer:
    unit = next(u for u in units if needle in u.text)
    start = unit.start + unit.text.index(needle)
    citation = Citation(n=1, doc_id=doc_id, source="", title="", locator=locator, text=needle, start=start,
                        end=start + len(needle), kind="statute", authority=1, status="in-force", score=1.0,
                        quote=needle, quote_start=start, quote_end=start + len(needle))
    return Answer(question="q", text="", abstained=False, verified=True, citations=[citation], figures=figures)


def test_a_stated_range_is_matched_to_the_one_record_that_reads_both_ends(pipl):
    register, units = pipl
    found = match_answer(_cited(units, SERIOUS, ["CNY 100,000", "1 million"]), register, {})
    assert found.covered and not found.unread
    assert [(r.locator, r.party, r.tier) for r in found.records] == [("Art. 66 ¶2", "managers", "serious")]


def test_a_figure_the_cited_sentence_does_not_hold_is_named_as_unread(pipl):
    register, units = pipl
    found = match_answer(_cited(units, SERIOUS, ["CNY 100,000", "5 million"]), register, {})
    assert found.unread == ("5 million",)
    assert len(found.records) == 1


def test_a_translation_is_matched_through_its_article(pipl):
    register, units = pipl
    answer = _cited(units, SERIOUS, ["1 million"], doc_id="pipl-en")
    answer.citations[0].quote_start = answer.citations[0].quote_end = -1  # offsets of another document
    found = match_answer(answer, register, {"pipl-en": "pipl"})
    assert found.records and all(r.article == 66 for r in found.records) and not found.unread


def test_no_match_for_an_abstention_a_timing_in_words_or_a_text_the_register_does_not_read(pipl):
    register, units = pipl
    abstained = _cited(units, SERIOUS, ["1 million"])
    abstained.abstained = True
    assert match_answer(abstained, register, {}).covered is False
    timing = match_answer(_cited(units, SERIOUS, ["Immediately"]), register, {})
    assert timing.unread == () and timing.records == ()
    guide = _cited(units, SERIOUS, ["1 million"], doc_id="some-guide")
    assert match_answer(guide, register, {}).covered is False


def test_an_unread_figure_takes_the_check_mark_away(pipl):
    answer = _cited(pipl[1], SERIOUS, ["1 million"])
    assert answer.figures_match
    answer.register_unread = ["5 million"]
    assert not answer.figures_match
