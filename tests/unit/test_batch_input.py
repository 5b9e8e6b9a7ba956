"""Batch input is read whole or refused naming the line; resume never skips a row (issue 19, cases 3 and 7)."""

from __future__ import annotations

import codecs
import json
from collections import Counter

import pytest

from app.batch import BatchInputError, Output, read_questions, still_to_answer
from retrieval.batch import BatchQuestion as Question
from retrieval.batch import BatchRecord


def record_for(question, answer, warnings, latency_ms):
    return BatchRecord(question, answer, warnings, latency_ms)


def test_resume_with_repeated_ids_keeps_every_row(tmp_path):
    questions = [Question(str(n % 1000), f"question {n}", line=n + 2) for n in range(2000)]
    output = Output(tmp_path / "answers.jsonl")
    for q in questions[:1326]:  # a run interrupted after 1,326 of 2,000 rows
        output.append(record_for(q, None, [], 1.0))
    done = output.finished()
    todo = still_to_answer(questions, done)
    assert len(todo) == 674
    assert [q.question for q in todo] == [q.question for q in questions[1326:]]
    for q in todo:
        output.append(record_for(q, None, [], 1.0))
    rows = [json.loads(line) for line in output.path.read_text(encoding="utf-8").splitlines()]
    assert [r["question"] for r in rows] == [q.question for q in questions]
    assert still_to_answer(questions, Output(output.path).finished()) == []


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".md"])
def test_finished_counts_repeats_in_every_output_format(tmp_path, suffix):
    output = Output(tmp_path / f"answers{suffix}")
    for qid in ("a", "b", "a"):
        output.append(record_for(Question(qid, "q"), None, [], 1.0))
    assert Output(output.path).finished() == Counter({"a": 2, "b": 1})


def test_an_unterminated_quote_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,question\n1,"What is the fine?\n2,How long are logs kept?\n', encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"q\.csv:2: malformed CSV"):
        read_questions(path)


def test_a_record_spanning_lines_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text('id,question\n1,"What is the fine?\n2,How long"\n3,ok\n', encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"q\.csv:2: a quoted cell opened on this line runs on to line 3"):
        read_questions(path)


def test_more_cells_than_the_header_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("id,question\n1,fine\n2,fine for a, b\n", encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"q\.csv:3: 3 cells but the header has 2"):
        read_questions(path)


def test_blank_lines_do_not_shift_csv_line_numbers(tmp_path):
    path = tmp_path / "q.csv"
    path.write_text("id,question\n\n1,first\n\n2,second\n", encoding="utf-8")
    assert [(q.id, q.question, q.line) for q in read_questions(path)] == [("1", "first", 3), ("2", "second", 5)]


def test_every_question_cell_is_read_as_text(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": 7, "question": 42}\n{"question": 3.5}\n', encoding="utf-8")
    assert [(q.id, q.question) for q in read_questions(path)] == [("7", "42"), ("2", "3.5")]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "ok"}\n{"question": ["a"]}\n', encoding="utf-8")
    with pytest.raises(BatchInputError, match=r"bad\.jsonl:2: the 'question' field must be text"):
        read_questions(bad)


@pytest.mark.parametrize("encoding,bom", [("gb18030", b""), ("gbk", b""), ("utf-16-le", codecs.BOM_UTF16_LE),
                                          ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-8", codecs.BOM_UTF8)])
@pytest.mark.parametrize("suffix", [".txt", ".csv", ".jsonl"])
def test_question_files_are_read_in_the_encodings_ingest_reads(tmp_path, encoding, bom, suffix):
    question = "个人信息处理者违反本法的罚款是多少？"
    body = {".txt": f"{question}\n", ".csv": f"id,question\nq1,{question}\n",
            ".jsonl": json.dumps({"id": "q1", "question": question}, ensure_ascii=False) + "\n"}[suffix]
    path = tmp_path / f"q{suffix}"
    path.write_bytes(bom + body.encode(encoding))
    assert [q.question for q in read_questions(path)] == [question]


def test_text_that_is_no_known_encoding_names_the_line(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("first line\nsecond caf\xe9\n".encode("latin-1"))
    with pytest.raises(BatchInputError, match=r"latin\.txt:2: not UTF-8"):
        read_questions(path)
