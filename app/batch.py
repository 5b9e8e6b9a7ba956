"""`lexcite batch`: answer a file of questions into .jsonl, .csv or .md, resumably.

Input errors that make the file unusable stop the run before any work, naming the file and line;
a bad single question becomes a row with a warning. Output is appended one whole record at a time,
so an interrupted run keeps what it finished and `--resume` continues from there.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ingest.textcodec import TextDecodeError, decode_text
from retrieval.records import Answer

CITATION_KEYS = ("n", "doc_id", "source", "title", "locator", "text", "start", "end", "kind", "status", "score")
OUTPUT_KEYS = ("id", "question", "answer", "abstained", "verified", "citations", "warnings", "latency_ms")
MD_OPEN = "<!-- lexcite-id: {} -->"
MD_CLOSE = "<!-- /lexcite-id -->"


class BatchInputError(ValueError):
    pass


@dataclass
class Question:
    id: str
    question: str
    extra: dict = field(default_factory=dict)
    line: int = 0


# ---------------------------------------------------------------------------- input
def read_questions(path: Path) -> list[Question]:
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
        return [Question(str(n), line.strip(), line=n) for n, line in enumerate(raw.splitlines(), start=1)
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


def _read_csv(path: Path, raw: str) -> list[Question]:
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
            out.append(Question(qid, question, {k: v for k, v in clean.items()}, first))
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


def _read_jsonl(path: Path, raw: str) -> list[Question]:
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
        out.append(Question(qid or str(n), question, record, n))
    return out


# ---------------------------------------------------------------------------- records
def record_for(q: Question, answer: Answer | None, warnings: list[str], latency_ms: float) -> dict:
    record: dict = {
        "id": q.id,
        "question": q.question,
        "answer": answer.text if answer else "",
        "abstained": bool(answer.abstained) if answer else False,
        "verified": bool(answer.verified) if answer else False,
        "citations": [{k: getattr(c, k) for k in CITATION_KEYS} for c in (answer.citations if answer else [])],
        "warnings": warnings + (answer.warnings if answer else []),
        "latency_ms": round(latency_ms, 2),
    }
    for key, value in q.extra.items():
        record[key if key not in record else f"input_{key}"] = value
    return record


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
            complete = [r for r in rows if None not in r and r.get("latency_ms") not in (None, "")]
            if rows:
                self._csv_fields = list(rows[0].keys())
                buffer = io.StringIO()
                writer = csv.DictWriter(buffer, fieldnames=self._csv_fields)
                writer.writeheader()
                writer.writerows(complete)
                self._rewrite(buffer.getvalue())
            return [r["id"] for r in complete]
        keep, ids = [], []
        for block in text.split(MD_CLOSE):
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

    def append(self, record: dict) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.suffix == ".jsonl":
            chunk = json.dumps(record, ensure_ascii=False) + "\n"
        elif self.suffix == ".csv":
            row = {k: v for k, v in record.items() if k not in ("citations", "warnings")}
            row["citations"] = " | ".join(f"[{c['n']}] {c['title']} — {c['locator']}" for c in record["citations"])
            row["warnings"] = " | ".join(record["warnings"])
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
            chunk = _markdown(record)
        # one write call per whole record, flushed: a kill never leaves half a record behind
        # that --resume would take for a finished one
        with open(self.path, "a", encoding="utf-8", newline="") as fh:
            fh.write(chunk)
            fh.flush()


def _markdown(record: dict) -> str:
    lines = [MD_OPEN.format(record["id"]), f"## {record['id']}. {record['question'] or '(empty question)'}", ""]
    status = "not found in the corpus" if record["abstained"] else (
        "all figures verified" if record["verified"] else "NOT verified")
    lines += [record["answer"] or "_no answer_", "", f"*{status} · {record['latency_ms']} ms*", ""]
    for w in record["warnings"]:
        lines.append(f"> ⚠ {w}")
    for c in record["citations"]:
        quote = " ".join(c["text"].split())
        lines.append(f"{c['n']}. **{c['title']}** — {c['locator']} ({c['kind']}, {c['status']})  ")
        lines.append(f"   > {quote[:600]}")
    lines += ["", MD_CLOSE, ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- run
def still_to_answer(questions: list[Question], done: Counter[str]) -> list[Question]:
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


def run_batch(args, settings) -> int:
    from app.cli import options_from_args
    from retrieval.service import AnswerService, EmptyStoreError, QuestionError

    try:
        questions = read_questions(Path(args.input))
        output = Output(Path(args.output))
    except BatchInputError as exc:
        print(f"lexcite batch: {exc}", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    for q in questions:
        counts[q.id] = counts.get(q.id, 0) + 1
    for qid, n in counts.items():
        if n > 1:
            print(f"lexcite batch: warning: id {qid!r} appears {n} times in {args.input}; all are answered",
                  file=sys.stderr)
    done = output.finished() if args.resume else Counter()
    if not args.resume and output.path.exists():
        output.path.unlink()
    todo = still_to_answer(questions, done)
    try:
        service = AnswerService(settings)
        service.ensure_ready()
    except EmptyStoreError as exc:
        print(f"lexcite batch: {exc}", file=sys.stderr)
        return 1
    options = options_from_args(args)
    from tqdm import tqdm

    started = time.perf_counter()
    answered = 0
    for q in tqdm(todo, unit="q", desc="batch", disable=args.quiet, dynamic_ncols=True):
        t = time.perf_counter()
        warnings: list[str] = []
        answer = None
        try:
            answer = service.answer(q.question, options)
        except QuestionError as exc:
            warnings.append(str(exc))
        output.append(record_for(q, answer, warnings, (time.perf_counter() - t) * 1000))
        answered += 1
    seconds = time.perf_counter() - started
    rate = answered / seconds if seconds > 0 else 0.0
    print(f"{answered} answered ({len(questions) - len(todo)} already done) in {seconds:.1f} s, {rate:.1f} questions/s -> {output.path}",
          file=sys.stderr)
    return 0
