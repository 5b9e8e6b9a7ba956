"""`lexcite batch` on the real store: formats, carried-through fields, bad rows, bad files, resume."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

QUESTIONS = [
    "What is the maximum fine under the PIPL for a serious violation?",
    "数据安全法规定违反国家核心数据管理制度的，最高罚款多少？",
    "What is the maximum GDPR fine?",
]


def _run(reference_settings, *args):
    command = [sys.executable, "-m", "app.cli", "batch", *args, "--store", str(reference_settings.store), "--quiet"]
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


def test_jsonl_output_has_exactly_the_documented_keys(reference_settings, tmp_path):
    source = tmp_path / "q.csv"
    with open(source, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "question", "owner"])
        writer.writerow(["a1", QUESTIONS[0], "legal"])
        writer.writerow(["", QUESTIONS[1], "it"])
        writer.writerow(["a3", "", "legal"])
        writer.writerow(["a4", "x" * 2100, "legal"])
        writer.writerow(["a5", QUESTIONS[2], "legal"])
    out = tmp_path / "answers.jsonl"
    done = _run(reference_settings, str(source), "-o", str(out))
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["a1", "3", "a3", "a4", "a5"]  # missing id -> its line number
    keys = {"id", "question", "answer", "abstained", "verified", "citations", "warnings", "latency_ms", "owner"}
    assert all(set(r) == keys for r in records)
    first = records[0]
    assert first["verified"] and not first["abstained"]
    assert set(first["citations"][0]) == {"n", "doc_id", "source", "title", "locator", "text", "start", "end",
                                          "kind", "status", "score"}
    assert first["citations"][0]["source"] == "statutes/zh/pipl.md"
    assert records[2]["warnings"] and "empty" in records[2]["warnings"][0]
    assert records[3]["warnings"] and "limit" in records[3]["warnings"][0]
    assert records[4]["abstained"] and not records[4]["citations"]


def test_csv_and_markdown_outputs(reference_settings, tmp_path):
    source = tmp_path / "q.txt"
    source.write_text("# audit questions\n\n" + QUESTIONS[0] + "\n" + QUESTIONS[1] + "\n", encoding="utf-8")
    csv_out, md_out = tmp_path / "a.csv", tmp_path / "a.md"
    assert _run(reference_settings, str(source), "-o", str(csv_out)).returncode == 0
    assert _run(reference_settings, str(source), "-o", str(md_out)).returncode == 0
    rows = list(csv.DictReader(open(csv_out, encoding="utf-8")))
    assert [r["id"] for r in rows] == ["3", "4"]
    assert rows[0]["citations"].startswith("[1] ") and " — Art. 66" in rows[0]["citations"]
    assert rows[0]["verified"] == "True" and rows[0]["badge"] == "✓ figures match the cited text"
    md = md_out.read_text(encoding="utf-8")
    assert "## 3. " + QUESTIONS[0] in md and "\n*✓ figures match the cited text · " in md and "   > " in md


def test_resume_skips_finished_ids_and_drops_a_cut_off_record(reference_settings, tmp_path):
    source = tmp_path / "q.jsonl"
    source.write_text("\n".join(json.dumps({"id": f"q{i}", "question": q, "team": "x"})
                                for i, q in enumerate(QUESTIONS)) + "\n", encoding="utf-8")
    out = tmp_path / "a.jsonl"
    finished = {"id": "q0", "question": QUESTIONS[0], "answer": "kept", "abstained": False, "verified": True,
                "citations": [], "warnings": [], "latency_ms": 1.0}
    out.write_text(json.dumps(finished) + "\n" + '{"id": "q1", "quest', encoding="utf-8")  # killed mid-write
    done = _run(reference_settings, str(source), "-o", str(out), "--resume")
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["q0", "q1", "q2"]
    assert records[0]["answer"] == "kept"


def test_an_unreadable_input_stops_the_command_before_any_work(reference_settings, tmp_path):
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text('{"question": "ok"}\n{"question": broken}\n', encoding="utf-8")
    out = tmp_path / "never.jsonl"
    done = _run(reference_settings, str(bad_json), "-o", str(out))
    assert done.returncode == 2 and f"{bad_json}:2: malformed JSON" in done.stderr
    assert not out.exists()


def test_duplicate_ids_warn_and_keep_both(reference_settings, tmp_path):
    source = tmp_path / "dup.jsonl"
    source.write_text(json.dumps({"id": "x", "question": QUESTIONS[0]}) + "\n"
                      + json.dumps({"id": "x", "question": QUESTIONS[2]}) + "\n", encoding="utf-8")
    out = tmp_path / "a.jsonl"
    done = _run(reference_settings, str(source), "-o", str(out))
    assert done.returncode == 0 and "appears 2 times" in done.stderr
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_a_reader_that_stops_early_gets_no_traceback(reference_settings):
    """`lexcite ask … | head -1`: the pipe closes before the answer is written."""
    command = [sys.executable, "-m", "app.cli", "ask", QUESTIONS[0], "--store", str(reference_settings.store)]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone long before the model has loaded
    _, err = proc.communicate(timeout=300)
    assert "Traceback" not in err and "BrokenPipeError" not in err
    assert proc.returncode != 0
