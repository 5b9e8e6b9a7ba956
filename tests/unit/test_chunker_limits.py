"""A long single-line text is chunked without tokenizing any long stretch of it (issue 19, case 10)."""

from __future__ import annotations

from ingest.chunker import MAX_CHARS_PER_TOKEN, chunk_document
from ingest.records import Document, DocumentMeta
from ingest.structure import find_structure

SENTENCE = "个人信息处理者应当采取必要措施保障所处理的个人信息的安全，防止未经授权的访问以及个人信息泄露。"


def test_no_long_text_is_ever_tokenized(monkeypatch):
    text = (SENTENCE * 12_000)[:500_000]  # one line, half a megabyte
    meta = DocumentMeta(doc_id="big", title="big", kind="document", authority=5, status="in-force",
                        language="zh", source="big.txt")
    document = Document(meta=meta, text=text, sha256="x", path="big.txt", pages=[])
    longest = []

    def count_tokens(piece: str) -> int:  # about what the model counts for Chinese: a token per character
        longest.append(len(piece))
        return len(piece) + 2

    chunks = chunk_document(document, find_structure(text, []).sections, count_tokens, 512, 350, 48)
    # tokenizing time grows with the length of what is tokenized: nothing long may be counted
    assert max(longest) <= 512 * MAX_CHARS_PER_TOKEN
    assert sum(longest) < 5 * len(text)  # each character is counted a bounded number of times
    # and the chunks still cover the text in order, each within the limit
    assert "".join(c.text for c in chunks if c.part).replace("\n", "") == text
    assert all(count_tokens(c.embed_text) <= 504 for c in chunks)
