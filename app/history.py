"""The chat's history, kept across browser sessions in one local file under the store folder
(chat-history.json), and clearable."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from retrieval.records import Answer, Citation, LinkedText, TraceStep
from retrieval.register.records import RegisterRecord

HISTORY_FILE = "chat-history.json"


def history_path(store: Path) -> Path:
    return Path(store) / HISTORY_FILE


def _citation(raw: dict[str, Any]) -> Citation:
    raw = dict(raw)
    linked = raw.pop("linked", None)
    known = {k: v for k, v in raw.items() if k in Citation.__dataclass_fields__}
    return Citation(**known, linked=LinkedText(**linked) if linked else None)


def answer_from_dict(raw: dict[str, Any]) -> Answer:
    """An Answer as `Answer.to_dict` wrote it (fields added since are left at their defaults)."""
    raw = dict(raw)
    citations = [_citation(c) for c in raw.pop("citations", [])]
    closest = [_citation(c) for c in raw.pop("closest", [])]
    trace = [TraceStep(**t) for t in raw.pop("trace", [])]
    register = [RegisterRecord.from_dict(r) for r in raw.pop("register", [])]
    known = {k: v for k, v in raw.items() if k in Answer.__dataclass_fields__}
    return Answer(**known, citations=citations, closest=closest, trace=trace, register=register)


def load_history(store: Path) -> list[dict[str, Any]]:
    """The saved turns ({"role", "content", "answer"?}); an unreadable file is set aside, never fatal."""
    path = history_path(store)
    if not path.is_file():
        return []
    try:
        turns = json.loads(path.read_text(encoding="utf-8"))
        return [dict(t, answer=answer_from_dict(t["answer"])) if t.get("answer") else t for t in turns]
    except (ValueError, TypeError, KeyError):
        path.replace(path.with_suffix(".unreadable.json"))
        return []


def save_history(store: Path, history: list[dict[str, Any]]) -> None:
    path = history_path(store)
    if not Path(store).is_dir():
        return  # no store yet: nothing to keep the history beside
    turns = [dict(t, answer=t["answer"].to_dict()) if t.get("answer") is not None else
             {k: v for k, v in t.items() if k != "answer"} for t in history]
    tmp = path.with_suffix(".part")
    tmp.write_text(json.dumps(turns, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def clear_history(store: Path) -> None:
    history_path(store).unlink(missing_ok=True)
