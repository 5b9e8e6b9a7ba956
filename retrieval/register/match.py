"""Answers matched against the register: the figures an answer states from a statute or regulation are found
among the register's records of the sentence it cites, so an answer and the register never read one sentence
two ways. What the register says about such a figure (its kind, the party it binds, its tier) travels with the
answer; a stated figure the register does not read in the cited sentence is named."""

from __future__ import annotations

from dataclasses import dataclass

from retrieval.figures import ON_PUBLICATION, Figure, extract_figures, figures_match
from retrieval.records import Answer, Citation
from retrieval.register.records import Register, RegisterRecord


@dataclass(frozen=True)
class RegisterMatch:
    """The register's records read in the sentences an answer cites, and the stated figures none of them read."""

    records: tuple[RegisterRecord, ...] = ()
    unread: tuple[str, ...] = ()
    covered: bool = False  # some cited sentence is one the register reads (a statute or regulation)


def records_of_citation(citation: Citation, register: Register, original_of: dict[str, str]) -> list[RegisterRecord]:
    """The records of the sentence a citation quotes: those overlapping its quote in the same document, or, for
    a translation, those of the same article of the original text."""
    source = original_of.get(citation.doc_id, "")
    if source:
        article = citation.article
        return [r for r in register.records if r.doc_id == source and article is not None and r.article == article]
    start, end = (citation.quote_start, citation.quote_end) if citation.quote_start >= 0 else \
        (citation.start, citation.end)
    return [r for r in register.records if r.doc_id == citation.doc_id and r.quote_start < end and start < r.quote_end]


def _reads(record: RegisterRecord, figure: Figure) -> bool:
    return any(figures_match(figure, own) for own in extract_figures(record.figure))


def _stated(answer: Answer) -> list[tuple[str, Figure]]:
    """Each number the answer states, with its reading (an answer's figure may be English or Chinese). A
    timing in words ("immediately", "on the date of publication", with the day the text's record gives) is no
    number for the register to hold."""
    readings = [(surface, extract_figures(surface)) for surface in answer.figures]
    return [(surface, fig) for surface, figures in readings if not any(f.unit == ON_PUBLICATION for f in figures)
            for fig in figures if fig.kind != "timing"]


def _cover(held: list[RegisterRecord], stated: list[tuple[str, Figure]]) -> list[RegisterRecord]:
    """The fewest records that read the stated figures, the record reading most of them first (a range's
    record reads both its ends), earlier citations first on a tie."""
    chosen: list[RegisterRecord] = []
    left = list(stated)
    while left:
        reads = [(sum(_reads(r, fig) for _, fig in left), -n, r) for n, r in enumerate(held) if r not in chosen]
        best = max(reads, key=lambda x: x[:2], default=(0, 0, None))
        if best[0] == 0:
            break
        chosen.append(best[2])
        left = [(s, fig) for s, fig in left if not _reads(best[2], fig)]
    return chosen


def match_answer(answer: Answer, register: Register, original_of: dict[str, str]) -> RegisterMatch:
    """The register's records of the figures the answer states, read in the sentences it cites."""
    if answer.abstained or not answer.figures:
        return RegisterMatch()
    covered = any(c.doc_id in register.laws or original_of.get(c.doc_id, "") in register.laws
                  for c in answer.citations)
    if not covered:
        return RegisterMatch()
    held = [r for c in answer.citations for r in records_of_citation(c, register, original_of)]
    stated = _stated(answer)
    chosen = _cover(held, stated)
    unread = [s for s, fig in stated if not any(_reads(r, fig) for r in chosen)]
    return RegisterMatch(records=tuple(chosen), unread=tuple(dict.fromkeys(unread)), covered=True)
