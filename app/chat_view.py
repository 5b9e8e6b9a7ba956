"""The chat UI's plain functions the tests can call: the conversation download and upload handling
(the answer itself is drawn from app/render.py's parts)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.render import markdown
from retrieval.records import Answer

ALLOWED_UPLOADS = (".pdf", ".txt", ".md", ".html", ".htm")


def conversation_markdown(history: list[dict]) -> str:
    """The conversation with its citations, for download."""
    lines = ["# LexCite conversation", ""]
    for turn in history:
        if turn["role"] == "user":
            lines += [f"## Q: {turn['content']}", ""]
            continue
        answer: Answer | None = turn.get("answer")
        if answer is None:
            lines += [turn["content"], ""]
            continue
        lines += markdown(answer) + [""]
    return "\n".join(lines)


@dataclass
class UploadResult:
    name: str
    status: str  # saved | rejected
    reason: str = ""
    path: Path | None = None


def save_upload(name: str, data: bytes, uploads_dir: Path, max_bytes: int) -> UploadResult:
    """Keep an upload only inside the store's uploads folder, under a name made from its content:
    nothing of the user's file name reaches the file system but a checked extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_UPLOADS:
        return UploadResult(name, "rejected", f"file type {suffix or '(none)'} is not accepted "
                                              f"({', '.join(ALLOWED_UPLOADS)})")
    if not data:
        return UploadResult(name, "rejected", "empty file")
    if len(data) > max_bytes:
        return UploadResult(name, "rejected", f"{len(data) / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit")
    uploads_dir.mkdir(parents=True, exist_ok=True)
    target = uploads_dir / f"{hashlib.sha256(data).hexdigest()[:24]}{suffix}"
    if not target.exists():
        tmp = target.with_suffix(target.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    return UploadResult(name, "saved", path=target)
