"""The gold set's validator: every quote is in its document, every fact is in its evidence, article
locators agree with the text, and the coverage the evaluation promises is there.

    python -m evals.gold_check [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

from ingest.manifest import load_manifest
from ingest.numerals import chinese_to_int

GOLD_PATH = Path(__file__).with_name("gold") / "gold.jsonl"
TYPES = ("penalty", "threshold", "deadline", "date", "authority", "procedure", "count", "percentage", "article",
         "comparison", "offtopic")
REQUIRED = ("id", "question", "language", "type", "answerable", "facts", "evidence")
COVERAGE = {"questions": 100, "penalty_or_threshold": 60, "zh": 20, "unanswerable": 15, "en->zh": 25}
_ZH_ARTICLE_LINE = re.compile(r"^第([零〇一二三四五六七八九十百千0-9]+)条", re.M)
_EN_ARTICLE_LINE = re.compile(r"^\**Article (\d+)", re.M)


class GoldError(ValueError):
    pass


def load_gold(path: Path | None = None) -> list[dict]:
    path = Path(path or GOLD_PATH)
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}:{n}: malformed JSON ({exc.msg})") from exc
        missing = [k for k in REQUIRED if k not in record]
        if missing:
            raise GoldError(f"{path}:{n}: missing field(s) {', '.join(missing)}")
        records.append(record)
    return records


def _article_at(text: str, position: int, language: str) -> int | None:
    pattern = _ZH_ARTICLE_LINE if language == "zh" else _EN_ARTICLE_LINE
    last = None
    for m in pattern.finditer(text):
        if m.start() > position:
            break
        last = m
    if last is None:
        return None
    return chinese_to_int(last.group(1)) if language == "zh" else int(last.group(1))


def validate(gold: list[dict], corpus_root: Path) -> list[str]:
    manifest = load_manifest()
    problems: list[str] = []
    texts: dict[str, str] = {}
    ids = Counter(g["id"] for g in gold)
    problems += [f"{i}: duplicate id" for i, n in ids.items() if n > 1]
    for g in gold:
        where = g["id"]
        if g["type"] not in TYPES:
            problems.append(f"{where}: type {g['type']!r} is not one of {', '.join(TYPES)}")
        if g["language"] not in ("en", "zh"):
            problems.append(f"{where}: language must be en or zh")
        if g["answerable"] and (not g["facts"] or not g["evidence"]):
            problems.append(f"{where}: an answerable question needs facts and evidence")
        if not g["answerable"] and (g["facts"] or g["evidence"]):
            problems.append(f"{where}: an unanswerable question has no facts or evidence")
        for ev in g["evidence"]:
            entry = manifest.by_id(ev["doc_id"])
            if entry is None:
                problems.append(f"{where}: unknown doc_id {ev['doc_id']!r}")
                continue
            if entry.id not in texts:
                path = corpus_root / entry.path
                texts[entry.id] = path.read_text(encoding="utf-8").replace("\r\n", "\n") if path.is_file() else ""
            text = texts[entry.id]
            position = text.find(ev["quote"])
            if position < 0:
                problems.append(f"{where}: quote not in {entry.id}: {ev['quote'][:60]!r}")
                continue
            locator = ev.get("locator", "")
            if locator.startswith("Art. ") and entry.kind != "guide":
                wanted = int(re.match(r"\s*(\d+)", locator[5:]).group(1))
                found = set()
                while position >= 0:
                    found.add(_article_at(text, position, entry.language))
                    position = text.find(ev["quote"], position + 1)
                if wanted not in found:
                    problems.append(f"{where}: locator {locator} but the quote is in Art. {sorted(found)}")
        for fact in g["facts"]:
            if not any(v in ev["quote"] for v in fact for ev in g["evidence"]):
                problems.append(f"{where}: no variant of fact {fact} appears in its evidence")
    counts = coverage(gold)
    for name, floor in COVERAGE.items():
        if counts[name] < floor:
            problems.append(f"coverage: {name} = {counts[name]}, at least {floor} expected")
    return problems


def coverage(gold: list[dict]) -> dict[str, int]:
    return {
        "questions": len(gold),
        "penalty_or_threshold": sum(1 for g in gold if g["type"] in ("penalty", "threshold")),
        "zh": sum(1 for g in gold if g["language"] == "zh"),
        "unanswerable": sum(1 for g in gold if not g["answerable"]),
        "en->zh": sum(1 for g in gold if g.get("notes") == "en->zh"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the gold question set against the corpus.")
    default = os.environ.get("LEXCITE_CORPUS_MIRROR") or str(Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--corpus", default=default)
    parser.add_argument("--gold", default=str(GOLD_PATH))
    args = parser.parse_args(argv)
    gold = load_gold(Path(args.gold))
    problems = validate(gold, Path(args.corpus))
    for p in problems:
        print(p)
    print(json.dumps({**coverage(gold), "by_type": Counter(g["type"] for g in gold),
                      "by_split": Counter(g.get("split", "") for g in gold)}, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
