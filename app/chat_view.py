"""The chat UI's plain functions the tests can call: the conversation download and upload handling
(the answer itself is drawn from app/render.py's parts)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.render import markdown
from retrieval.records import Answer

ALLOWED_UPLOADS = (".pdf", ".docx", ".txt", ".md", ".html", ".htm")


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


# ---------------------------------------------------------------------------- the conversation
def previous_questions(history: list[dict]) -> list[str]:
    """The questions asked so far, oldest first, as the user wrote them: the context of the next one."""
    return [turn["content"] for turn in history if turn["role"] == "user"]


def latest_language(history: list[dict]) -> str:
    """The language of the last question asked ("en" before any)."""
    from ingest.normalise import detect_language

    asked = previous_questions(history)
    return detect_language(asked[-1]) if asked else "en"


# ---------------------------------------------------------------------------- the library
@dataclass(frozen=True)
class LibraryEntry:
    doc_id: str
    label: str  # the short name, or the file name a user's document was uploaded as
    uploaded: bool


def documents_listing(service, documents: list[dict]) -> list[LibraryEntry]:
    """The store's documents for the sidebar, the user's uploads first, each under the name a reader knows
    (never the hashed file name it is kept under)."""
    from ingest.pipeline import uploaded_file

    out = []
    for doc in documents:
        uploaded = uploaded_file(doc["doc_id"], service.settings) is not None
        label = doc.get("source") if uploaded else (doc.get("short") or doc.get("title") or doc["doc_id"])
        out.append(LibraryEntry(doc["doc_id"], label or doc["doc_id"], uploaded))
    return sorted(out, key=lambda e: (not e.uploaded, e.label.lower()))


def delete_document(service, doc_id: str) -> int:
    """Remove a document from the store, and its uploaded file with it."""
    from ingest.pipeline import remove_documents

    return remove_documents([doc_id], service.settings, store=service.store).get(doc_id, 0)


def ingest_uploads(service, files: list[tuple[str, bytes]], language: str = "en",
                   on_progress=None) -> list[tuple[str, str]]:
    """Keep and ingest uploaded files; (level, message) for each, in the reader's language."""
    from app.render import message

    settings = service.settings
    outcomes: list[tuple[str, str]] = []
    for i, (name, data) in enumerate(files, start=1):
        if on_progress is not None:
            on_progress(i - 1, len(files), name)
        saved = save_upload(name, data, settings.uploads_dir, int(settings.max_file_mb * 1e6))
        if saved.status == "rejected":
            outcomes.append(("error", message("upload_skipped", language, name=name, reason=saved.reason)))
            continue
        report = service.ingest([saved.path], display_names={saved.path: name})
        result = report.files[0]
        if result.status == "skipped":
            outcomes.append(("error", message("upload_skipped", language, name=name, reason=result.reason)))
        else:
            outcomes.append(("success", message("upload_added", language, name=name, chunks=str(result.chunks),
                                                status=message(f"status_{result.status}", language),
                                                documents=str(len(service.store.documents())))))
    if on_progress is not None:
        on_progress(len(files), len(files), "")
    return outcomes
