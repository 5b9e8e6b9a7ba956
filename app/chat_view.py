"""Rendering and upload handling for the chat UI, as plain functions the tests can call."""

from __future__ import annotations

import hashlib
import html
from dataclasses import dataclass
from pathlib import Path

from retrieval.records import Answer, Citation

ALLOWED_UPLOADS = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")


def highlight_quote(citation: Citation) -> str:
    """The passage as HTML with the quoted sentence marked. Document text is untrusted: escaped first."""
    text, quote = citation.text, citation.quote
    if quote and quote in text:
        start = text.index(quote)
        body = (html.escape(text[:start]) + "<mark>" + html.escape(quote) + "</mark>"
                + html.escape(text[start + len(quote):]))
    else:
        body = html.escape(text)
    return "<div style='white-space: pre-wrap; line-height: 1.6'>" + body + "</div>"


def citation_title(citation: Citation) -> str:
    return f"[{citation.n}] {citation.title} — {citation.locator}"


def citation_facts(citation: Citation) -> str:
    parts = [citation.kind, f"authority rank {citation.authority}"]
    if citation.status == "in-force" and citation.effective:
        parts.append(f"in force since {citation.effective}")
    if citation.status_label:
        parts.append(citation.status_label)
    elif citation.status != "in-force":
        parts.append(citation.status)
    parts.append(f"source: {citation.source}")
    return " · ".join(parts)


def badge(answer: Answer) -> tuple[str, str]:
    """(level, text) for the verification badge: success, warning or info."""
    if answer.abstained:
        return "info", "Not found in the corpus."
    if answer.verified:
        return "success", "✓ All figures verified against the cited text."
    return "warning", "⚠ Not verified: " + ", ".join(answer.unsupported_figures) + " not found in the cited passages."


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
        lines += [answer.text, "", f"*{badge(answer)[1]}*", ""]
        for c in answer.citations:
            lines.append(f"{c.n}. **{c.title}** — {c.locator} ({citation_facts(c)})")
            lines.append(f"   > {' '.join((c.quote or c.text).split())}")
        lines.append("")
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
