"""Many questions through one service: the loop `lexcite batch`, `lexcite bench` and the UI share.

Reading question files and writing answer files is the app's business (app/batch.py); this module only
answers, one typed record per question, in order, as it goes (so a caller can write each one as it comes).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from retrieval.records import Answer

if TYPE_CHECKING:  # the service (and its model and store libraries) loads only when answering
    from retrieval.service import AnswerService, Options

CITATION_KEYS = ("n", "doc_id", "source", "title", "locator", "text", "start", "end", "kind", "status", "score")
RECORD_KEYS = ("id", "question", "answer", "abstained", "verified", "citations", "warnings", "latency_ms")


@dataclass
class BatchQuestion:
    """One question of a batch: its id, its text, and the input's other fields, carried through."""

    id: str
    question: str
    extra: dict[str, Any] = field(default_factory=dict)
    line: int = 0  # where it stands in the input file (for messages)


@dataclass
class BatchRecord:
    """What one question got: the answer (None when the question was refused), the refusal's reason
    among the warnings, and how long it took."""

    question: BatchQuestion
    answer: Answer | None
    warnings: list[str] = field(default_factory=list)
    latency_ms: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The record as a batch file stores it (the documented keys, then the input's own fields)."""
        answer = self.answer
        record: dict[str, Any] = {
            "id": self.question.id,
            "question": self.question.question,
            "answer": answer.text if answer else "",
            "abstained": bool(answer.abstained) if answer else False,
            "verified": bool(answer.verified) if answer else False,
            "citations": [{k: getattr(c, k) for k in CITATION_KEYS} for c in (answer.citations if answer else [])],
            "warnings": self.warnings + (answer.warnings if answer else []),
            "latency_ms": round(self.latency_ms, 2),
        }
        for key, value in self.question.extra.items():
            record[key if key not in record else f"input_{key}"] = value
        return record


def duplicate_ids(questions: Iterable[BatchQuestion]) -> dict[str, int]:
    """Ids given to more than one question, with how many times (all of them are answered)."""
    counts: dict[str, int] = {}
    for q in questions:
        counts[q.id] = counts.get(q.id, 0) + 1
    return {qid: n for qid, n in counts.items() if n > 1}


def answer_many(questions: Iterable[BatchQuestion], service: AnswerService,
                options: Options | None = None) -> Iterator[BatchRecord]:
    """Answer each question in turn. A question the service refuses (empty, too long) becomes a record
    with no answer and the reason as its warning; an empty store stops the run (EmptyStoreError) before
    the first answer."""
    from retrieval.service import Options, QuestionError

    service.ensure_ready()
    options = options or Options()
    for q in questions:
        started = time.perf_counter()
        answer, warnings = None, []
        try:
            answer = service.answer(q.question, options)
        except QuestionError as exc:
            warnings.append(str(exc))
        yield BatchRecord(q, answer, warnings, (time.perf_counter() - started) * 1000)
