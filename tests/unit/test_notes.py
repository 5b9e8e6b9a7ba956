"""The notes a kind filter adds to an answer: the filter is named as the reason no statute is cited, and a
guide-only answer is still called a secondary source."""

from __future__ import annotations

from retrieval.internal import secondary_note
from retrieval.notes import SECONDARY_ONLY, filter_note
from retrieval.records import Answer


def _guide_answer() -> Answer:
    return Answer(question="q", text="The law took effect on 1 September 2021 [1].", abstained=False,
                  verified=True, warnings=[secondary_note([])])


def test_a_guide_only_filter_keeps_the_secondary_source_note_and_names_the_filter():
    answer = _guide_answer()
    filter_note(answer, ("guide",))
    assert len(answer.warnings) == 1
    assert "excluded by your filter (kinds: guide)" in answer.warnings[0]
    assert "secondary source" in answer.warnings[0]


def test_a_filter_that_allows_statutes_adds_no_note():
    answer = _guide_answer()
    filter_note(answer, ("statute", "guide"))
    assert answer.warnings == _guide_answer().warnings


def test_the_note_is_added_once_when_no_secondary_note_was_there():
    answer = Answer(question="q", text="From your policy [1].", abstained=False, verified=True)
    filter_note(answer, ("internal",))
    filter_note(answer, ("internal",))
    assert len(answer.warnings) == 1 and "kinds: internal" in answer.warnings[0]


def test_the_filter_note_recognises_the_note_internal_writes():
    # the notes' text lives in retrieval.internal; notes.SECONDARY_ONLY must keep matching them
    assert SECONDARY_ONLY.fullmatch(secondary_note([]))

    class Pick:
        def __init__(self, kind):
            self.passage = type("P", (), {"kind": kind})()

    for kind in ("internal", "document"):
        assert SECONDARY_ONLY.fullmatch(secondary_note([Pick(kind)]))


def test_a_document_only_filter_turns_the_added_document_note_into_the_filter_reason():
    note = "[1] is a document you added, not the law: no statute or regulation passage in the corpus was found to say it."
    answer = Answer(question="q", text=f"50 records [1].\n\n{note}", abstained=False, verified=True, warnings=[note])
    filter_note(answer, ("document",))
    assert "was found to say it" not in answer.text + " ".join(answer.warnings)
    assert answer.warnings[0].endswith("What it cites is [1], a document you added, not the law itself.")
