"""app/chat_view.py: uploads are checked and kept inside the store's folder under a name of their content;
the conversation download carries each answer as app/render.py writes it."""

from __future__ import annotations

from app.chat_view import conversation_markdown, save_upload
from retrieval.records import Answer


def test_uploads_are_checked_and_kept_inside_the_uploads_folder(tmp_path):
    uploads = tmp_path / "store" / "uploads"
    data = b"Access logs are kept for 180 days."
    saved = save_upload("../../evil/policy.txt", data, uploads, 10_000_000)
    assert saved.status == "saved" and saved.path.parent == uploads and ".." not in saved.path.name
    assert saved.path.read_bytes() == data and saved.path.suffix == ".txt"
    assert save_upload("again.txt", data, uploads, 10_000_000).path == saved.path  # same content, same file
    assert save_upload("run.exe", b"MZ", uploads, 10_000_000).reason.startswith("file type .exe")
    assert save_upload("empty.md", b"", uploads, 10_000_000).reason == "empty file"
    assert "limit" in save_upload("big.txt", b"x" * 2000, uploads, 1000).reason
    assert sorted(p.name for p in uploads.iterdir()) == [saved.path.name]


def test_the_conversation_download_carries_questions_answers_and_badges():
    answer = Answer(question="q", text="Within 72 hours [1].", abstained=False, verified=True, key_figure="72 hours",
                    language="en")
    text = conversation_markdown([{"role": "user", "content": "How fast must a breach be reported?"},
                                  {"role": "assistant", "content": answer.text, "answer": answer},
                                  {"role": "assistant", "content": "The question is empty."}])
    assert text.startswith("# LexCite conversation")
    assert "## Q: How fast must a breach be reported?" in text and "Within 72 hours [1]." in text
    assert "*✓ figures match the cited text*" in text and "The question is empty." in text
