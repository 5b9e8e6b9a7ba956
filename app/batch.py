"""`lexcite batch`: answer a file of questions into .jsonl, .csv or .md, resumably.

Input errors that make the file unusable stop the run before any work, naming the file and line;
a bad single question becomes a row with a warning. Output is appended one whole record at a time,
so an interrupted run keeps what it finished and `--resume` continues from there.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from app import render
from ingest.textcodec import TextDecodeError, decode_text
from retrieval.batch import BatchQuestion, BatchRecord, answer_many, duplicate_ids

MD_OPEN = "<!-- lexcite-id: {} -->"
MD_CLOSE = "<!-- /lexcite-id -->"


class BatchInputError(ValueError):
    pass


# ---------------------------------------------------------------------------- input
def read_questions(path: Path) -> list[BatchQuestion]:
    suffix = path.suffix.lower()
    if not path.is_file():
        raise BatchInputError(f"{path}: no such file")
    if suffix not in (".txt", ".csv", ".jsonl"):
        raise BatchInputError(f"{path}: unsupported input type {suffix or '(none)'}; use .txt, .csv or .jsonl")
    data = path.read_bytes()
    try:
        raw = decode_text(data)  # as ingest reads text: UTF-8, UTF-16 with a BOM, GB18030
    except TextDecodeError as exc:
        raise BatchInputError(f"{path}:{_first_bad_line(data)}: {exc}; save the file as UTF-8") from exc
    if suffix == ".txt":
        return [BatchQuestion(str(n), line.strip(), line=n) for n, line in enumerate(raw.splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if suffix == ".csv":
        return _read_csv(path, raw)
    return _read_jsonl(path, raw)


def _first_bad_line(data: bytes) -> int:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return data[: exc.start].count(b"\n") + 1
    nul = data.find(b"\x00")
    return data[:nul].count(b"\n") + 1 if nul >= 0 else 1


def _read_csv(path: Path, raw: str) -> list[BatchQuestion]:
    # strict: an unterminated quote is an error at the end of the file, not a question that swallows the rest
    reader = csv.DictReader(io.StringIO(raw, newline=""), strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        raise BatchInputError(f"{path}:1: malformed CSV header ({exc})") from exc
    if not fieldnames or "question" not in [f.strip().lower() for f in fieldnames]:
        raise BatchInputError(f"{path}:1: no 'question' column (columns: {', '.join(fieldnames or [])})")
    names = {f: f.strip().lower() for f in fieldnames}
    out = []
    first = reader.line_num + 1  # the physical line the next record starts on (for errors)
    try:
        for row in reader:
            breaks = sum(v.count("\n") for v in row.values() if isinstance(v, str))
            first = reader.line_num - breaks
            if breaks:
                raise BatchInputError(
                    f"{path}:{first}: a quoted cell opened on this line runs on to line {reader.line_num} "
                    "(an unterminated quote?); each question must be one record on one line")
            if None in row:
                raise BatchInputError(f"{path}:{first}: {len(fieldnames) + len(row[None])} cells but the header "
                                      f"has {len(fieldnames)}; quote cells that hold a comma")
            clean = {names.get(k, k): v for k, v in row.items() if k is not None}
            question = (clean.pop("question", "") or "").strip()
            qid = (clean.pop("id", "") or "").strip() or str(first)
            out.append(BatchQuestion(qid, question, {k: v for k, v in clean.items()}, first))
            first = reader.line_num + 1
    except csv.Error as exc:
        raise BatchInputError(f"{path}:{first}: malformed CSV from this line on ({exc}); "
                              "is a quote left open?") from exc
    return out


def _as_text(value, path: Path, n: int, field_name: str) -> str:
    """Every question cell is text: numbers are written out (42 -> "42"), null is empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return json.dumps(value)
    raise BatchInputError(f"{path}:{n}: the '{field_name}' field must be text, not {type(value).__name__}")


def _read_jsonl(path: Path, raw: str) -> list[BatchQuestion]:
    out = []
    for n, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BatchInputError(f"{path}:{n}: malformed JSON ({exc.msg} at column {exc.colno})") from exc
        if not isinstance(record, dict):
            raise BatchInputError(f"{path}:{n}: each line must be a JSON object with a 'question' field")
        if "question" not in record:
            raise BatchInputError(f"{path}:{n}: no 'question' field")
        question = _as_text(record.pop("question"), path, n, "question")
        qid = _as_text(record.pop("id", None), path, n, "id")
        out.append(BatchQuestion(qid or str(n), question, record, n))
    return out


# ---------------------------------------------------------------------------- output formats
class Output:
    """Append-only writer per format; ``existing_ids`` reads what a previous run finished."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.suffix = path.suffix.lower()
        if self.suffix not in (".jsonl", ".csv", ".md"):
            raise BatchInputError(f"{path}: unsupported output type {self.suffix or '(none)'}; use .jsonl, .csv or .md")
        self._csv_fields: list[str] | None = None

    def existing_ids(self) -> set[str]:
        return set(self.finished())

    def finished(self) -> Counter[str]:
        """How many records of each id a previous run finished; a record cut off by a kill is dropped
        (the file is rewritten whole). A count, not a set: ids may repeat in the input."""
        return Counter(self._finished_ids())

    def _finished_ids(self) -> list[str]:
        if not self.path.is_file():
            return []
        text = self.path.read_text(encoding="utf-8")
        if self.suffix == ".jsonl":
            good = []
            for line in text.splitlines():
                try:
                    good.append(json.loads(line))
                except json.JSONDecodeError:
                    continue
            self._rewrite("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in good))
            return [str(r.get("id")) for r in good]
        if self.suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
            # a row cut off by a kill lacks its last fields (None) or has an unclosed quote swallowing more
            complete = [r for r in rows if None not in r and None not in r.values()
                        and r.get("latency_ms") not in (None, "")]
            if rows:
                self._csv_fields = list(rows[0].keys())
                buffer = io.StringIO()
                writer = csv.DictWriter(buffer, fieldnames=self._csv_fields)
                writer.writeheader()
                writer.writerows(complete)
                self._rewrite(buffer.getvalue())
            return [r["id"] for r in complete]
        keep, ids = [], []
        for block in text.split(MD_CLOSE)[:-1]:  # what follows the last closing mark is unfinished
            start = block.find("<!-- lexcite-id: ")
            if start >= 0 and block.strip():
                ids.append(block[start + 17: block.index(" -->", start)])
                keep.append(block)
        self._rewrite("".join(b + MD_CLOSE for b in keep) + "\n" if keep else "")
        return ids

    def _rewrite(self, content: str) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(content, encoding="utf-8")
        os.replace(tmp, self.path)

    def append(self, result: BatchRecord) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = result.to_dict()
        if self.suffix == ".jsonl":
            chunk = json.dumps(record, ensure_ascii=False) + "\n"
        elif self.suffix == ".csv":
            row = {k: v for k, v in record.items() if k not in ("citations", "warnings")}
            row.update(render.csv_cells(result.answer, result.warnings))
            fresh = not self.path.is_file() or self.path.stat().st_size == 0
            if self._csv_fields is None:
                self._csv_fields = list(row)
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=self._csv_fields, extrasaction="ignore")
            if fresh:
                writer.writeheader()
            writer.writerow(row)
            chunk = buffer.getvalue()
        else:
            chunk = _markdown(result)
        # one write call per whole record, flushed: a kill never leaves half a record behind
        # that --resume would take for a finished one
        with open(self.path, "a", encoding="utf-8", newline="") as fh:
            fh.write(chunk)
            fh.flush()


def _markdown(result: BatchRecord) -> str:
    q = result.question
    lines = [MD_OPEN.format(q.id), f"## {q.id}. {q.question or '(empty question)'}", ""]
    lines += render.markdown(result.answer, result.warnings, suffix=f"{round(result.latency_ms, 2)} ms")
    lines += ["", MD_CLOSE, ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- run
def still_to_answer(questions: list[BatchQuestion], done: Counter[str]) -> list[BatchQuestion]:
    """The questions a resumed run must still answer. Records are written in input order, so the k
    finished records of an id are its first k occurrences: resume keys on id and position together."""
    left = Counter(done)
    todo = []
    for q in questions:
        if left[q.id] > 0:
            left[q.id] -= 1
        else:
            todo.append(q)
    return todo


@dataclass(frozen=True)
class BatchJob:
    """What `lexcite batch` was asked to do, apart from the answering options."""

    input: Path
    output: Path
    resume: bool = False
    quiet: bool = False


def run_batch(job: BatchJob, settings, options=None) -> int:
    """Read the questions, answer the ones not already in the output (``answer_many``), append each record
    as it comes. Returns the exit status; messages go to stderr."""
    from tqdm import tqdm

    from retrieval.service import AnswerService, EmptyStoreError

    try:
        questions = read_questions(job.input)
        output = Output(job.output)
    except BatchInputError as exc:
        print(f"lexcite batch: {exc}", file=sys.stderr)
        return 2
    for qid, n in duplicate_ids(questions).items():
        print(f"lexcite batch: warning: id {qid!r} appears {n} times in {job.input}; all are answered",
              file=sys.stderr)
    done = output.finished() if job.resume else Counter()
    if not job.resume and output.path.exists():
        output.path.unlink()
    todo = still_to_answer(questions, done)
    try:
        service = AnswerService(settings)
        service.ensure_ready()
    except EmptyStoreError as exc:
        print(f"lexcite batch: {exc}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    answered = 0
    progress = tqdm(total=len(todo), unit="q", desc="batch", disable=job.quiet, dynamic_ncols=True)
    for result in answer_many(todo, service, options):
        output.append(result)
        answered += 1
        progress.update()
    progress.close()
    seconds = time.perf_counter() - started
    rate = answered / seconds if seconds > 0 else 0.0
    print(f"{answered} answered ({sum(done.values())} already done) in {seconds:.1f} s, {rate:.1f} questions/s -> {output.path}",
          file=sys.stderr)
    return 0


def job_from_args(args: argparse.Namespace) -> BatchJob:
    return BatchJob(Path(args.input), Path(args.output), resume=args.resume, quiet=args.quiet)
