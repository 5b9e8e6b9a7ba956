"""app/batch.py's files and retrieval/batch.py's records, without a store: questions read from .txt, .csv and
.jsonl with errors naming file and line, records written as .jsonl, .csv and .md, and resume."""

from __future__ import annotations

import csv
import json

import pytest

from app.batch import BatchInputError, Output, read_questions
from retrieval.batch import RECORD_KEYS, BatchQuestion, BatchRecord, duplicate_ids
from retrieval.records import Answer, Citation

PIPL_66 = "并处五千万元以下或者上一年度营业额百分之五以下罚款"


def _answer() -> Answer:
    cite = Citation(n=1, doc_id="pipl", source="statutes/zh/pipl.md", title="中华人民共和国个人信息保护法",
                    locator="Art. 66", text="第六十六条 " + PIPL_66, start=0, end=40, kind="statute", authority=1,
                    status="in-force", score=0.9, quote=PIPL_66)
    return Answer(question="q", text="CNY 50 million [1].", abstained=False, verified=True, citations=[cite],
                  key_figure="CNY 50 million", language="en", warnings=["Only one source."])


def _record(qid: str = "a1", answer: Answer | None = None, warnings: list[str] | None = None) -> BatchRecord:
    return BatchRecord(BatchQuestion(qid, "What is the PIPL fine?", {"owner": "legal", "id": "dup"}), answer,
                       warnings or [], 12.345)


def test_questions_are_read_from_each_input_type(tmp_path):
    txt = tmp_path / "q.txt"
    txt.write_text("# a comment\n\nfirst?\nsecond?\n", encoding="utf-8")
    assert [(q.id, q.question, q.line) for q in read_questions(txt)] == [("3", "first?", 3), ("4", "second?", 4)]
    table = tmp_path / "q.csv"
    table.write_text("ID,Question,Owner\na1,first?,legal\n,second?,it\n", encoding="utf-8")
    rows = read_questions(table)
    assert [(q.id, q.question, q.extra) for q in rows] == [("a1", "first?", {"owner": "legal"}),
                                                           ("3", "second?", {"owner": "it"})]
    lines = tmp_path / "q.jsonl"
    lines.write_text('{"id": 7, "question": "first?", "team": "x"}\n\n{"question": 5}\n', encoding="utf-8")
    assert [(q.id, q.question, q.extra) for q in read_questions(lines)] == [("7", "first?", {"team": "x"}),
                                                                            ("3", "5", {})]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("nocol.csv", "id,text\n1,hello\n", "nocol.csv:1: no 'question' column"),
    ("bad.jsonl", '{"question": "ok"}\n{"question": broken}\n', "bad.jsonl:2: malformed JSON"),
    ("list.jsonl", '["a question"]\n', "list.jsonl:1: each line must be a JSON object"),
    ("nofield.jsonl", '{"q": "x"}\n', "nofield.jsonl:1: no 'question' field"),
    ("q.xlsx", "", "unsupported input type .xlsx"),
])
def test_unreadable_inputs_are_named_by_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(BatchInputError, match=message):
        read_questions(path)


def test_a_file_not_in_utf8_is_named_by_its_line(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("first line\nsecond caf\xe9\n".encode("latin-1"))
    with pytest.raises(BatchInputError, match="latin.txt:2: not UTF-8"):
        read_questions(latin)
    with pytest.raises(BatchInputError, match="no such file"):
        read_questions(tmp_path / "missing.txt")
    with pytest.raises(BatchInputError, match="unsupported output type"):
        Output(tmp_path / "a.xlsx")


def test_a_record_has_the_documented_keys_then_the_inputs_own_fields():
    record = _record(answer=_answer()).to_dict()
    assert list(record)[:len(RECORD_KEYS)] == list(RECORD_KEYS)
    assert record["owner"] == "legal" and record["input_id"] == "dup" and record["id"] == "a1"
    assert record["latency_ms"] == 12.35 and record["verified"] and record["warnings"] == ["Only one source."]
    assert record["citations"][0]["locator"] == "Art. 66" and "quote" not in record["citations"][0]
    refused = _record(warnings=["The question is empty."]).to_dict()
    assert (refused["answer"], refused["abstained"], refused["citations"]) == ("", False, [])
    assert refused["warnings"] == ["The question is empty."]
    assert duplicate_ids([BatchQuestion("x", "a"), BatchQuestion("y", "b"), BatchQuestion("x", "c")]) == {"x": 2}


def test_each_output_type_writes_the_badge_and_citations(tmp_path):
    jsonl, table, md = Output(tmp_path / "a.jsonl"), Output(tmp_path / "a.csv"), Output(tmp_path / "a.md")
    for output in (jsonl, table, md):
        output.append(_record("a1", _answer()))
        output.append(_record("a2", None, ["The question is empty."]))
    assert [json.loads(line)["id"] for line in jsonl.path.read_text(encoding="utf-8").splitlines()] == ["a1", "a2"]
    rows = list(csv.DictReader(open(table.path, encoding="utf-8")))
    assert rows[0]["badge"] == "✓ figures match the cited text" and rows[1]["badge"] == ""
    assert rows[0]["citations"] == "[1] Personal Information Protection Law of the PRC — Art. 66"
    # one row a question: its key figure, the quote it rests on and that quote's citation in columns of their own
    assert (rows[0]["key_figure"], rows[0]["quote"], rows[0]["citation"]) == (
        _answer().key_figure, PIPL_66, "PIPL Art. 66")
    assert (rows[1]["key_figure"], rows[1]["quote"], rows[1]["citation"]) == ("", "", "")
    assert rows[1]["warnings"] == "The question is empty."
    text = md.path.read_text(encoding="utf-8")
    assert "## a1. What is the PIPL fine?" in text and "*✓ figures match the cited text · 12.35 ms*" in text
    assert f"   > {PIPL_66}" in text and "_no answer_" in text and "> ⚠ The question is empty." in text


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".md"])
def test_resume_keeps_finished_records_and_drops_one_cut_off(tmp_path, suffix):
    output = Output(tmp_path / f"a{suffix}")
    output.append(_record("a1", _answer()))
    output.append(_record("a2", _answer()))
    whole = output.path.read_text(encoding="utf-8")
    output.path.write_text(whole[: len(whole) - 25], encoding="utf-8")  # killed while writing a2
    again = Output(output.path)
    assert again.existing_ids() == {"a1"}
    again.append(_record("a2", _answer()))
    assert Output(output.path).existing_ids() == {"a1", "a2"}
