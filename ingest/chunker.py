"""Sections to chunks that fit the embedding model.

A section (an article, a headed part of a guide) is one chunk when it fits the target size; only a
unit that does not fit is split, on paragraph and sentence boundaries, with overlap. The model's
maximum sequence length is a hard limit: nothing is silently truncated by the embedder.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from ingest.records import Chunk, Document, Section

SEPARATORS = ["\n\n", "\n", "。", "；", ". ", "; ", "，", ", ", " ", ""]
# No token of the embedding models spans more characters than this, so a text longer than this many
# characters per token allowed is over any budget without being counted. Counting is the costly part:
# the tokenizer's time grows faster than linearly with the length of one unbroken run (a 5 MB single
# line took minutes), so long texts are split on separators until the pieces are short enough to count.
MAX_CHARS_PER_TOKEN = 24


def bounded_counter(count_tokens: Callable[[str], int], limit: int) -> Callable[[str], int]:
    """count_tokens for texts that may fit ``limit`` tokens; longer texts get their length in characters,
    which is then certainly over the limit, without tokenizing them."""
    longest = limit * MAX_CHARS_PER_TOKEN

    def count(text: str) -> int:
        return len(text) if len(text) > longest else count_tokens(text)

    return count


def chunk_id(doc_id: str, locator: str, text: str) -> str:
    digest = hashlib.sha1(f"{doc_id}\x1f{locator}\x1f{text}".encode()).hexdigest()[:16]
    return f"{doc_id}:{digest}"


def embed_prefix(document: Document, section: Section, part_locator: str) -> str:
    """Title path the embedder sees before the text: the law's names in both languages help an
    English question find a Chinese article."""
    meta = document.meta
    names = [n for n in (meta.title, meta.title_zh, meta.short) if n]
    parts = [" / ".join(dict.fromkeys(names))]
    parts.extend(section.heading_path)
    if part_locator:
        parts.append(part_locator)
    return " > ".join(p for p in parts if p)


def chunk_document(
    document: Document,
    sections: list[Section],
    count_tokens: Callable[[str], int],
    max_tokens: int,
    target_tokens: int,
    overlap_tokens: int,
) -> list[Chunk]:
    # keep a margin for the model's own prefix ("passage: ") and special tokens
    hard_limit = max_tokens - 8
    target = min(target_tokens, hard_limit)
    count_tokens = bounded_counter(count_tokens, max(hard_limit, target * 2))
    chunks: list[Chunk] = []
    for section in merge_small_sections(document.text, sections, count_tokens, target):
        body = document.text[section.start:section.end]
        if not body.strip():
            continue
        prefix = embed_prefix(document, section, section.locator)
        prefix_tokens = count_tokens(prefix) if prefix else 0
        budget = max(32, target - prefix_tokens)
        whole = f"{prefix}\n{body}" if prefix else body
        if count_tokens(whole) <= min(hard_limit, target + target // 2):
            chunks.append(_make(document, section, section.start, section.end, body, prefix, 0))
            continue
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=budget,
            chunk_overlap=min(overlap_tokens, budget // 4),
            length_function=count_tokens,
            separators=SEPARATORS,
            keep_separator="end",
        )
        cursor = 0
        for part, piece in enumerate(splitter.split_text(body), start=1):
            found = body.find(piece, max(0, cursor - len(piece)))
            if found < 0:
                found = body.find(piece)
            if found < 0:  # the splitter only ever returns substrings; guard anyway
                continue
            cursor = found + len(piece)
            start = section.start + found
            chunks.append(_make(document, section, start, start + len(piece), piece, prefix, part))
    for c in chunks:
        if count_tokens(c.embed_text) > hard_limit:
            raise ValueError(f"{document.path}: chunk at {c.locator} exceeds the model limit of {max_tokens} tokens")
    return chunks


def merge_small_sections(text: str, sections: list[Section], count_tokens: Callable[[str], int],
                         target: int) -> list[Section]:
    """Headed prose (guides, policies) often yields many tiny sections; adjacent ones are joined up to the
    target size, so a chunk carries enough context to be found. Statute articles are never joined."""
    merged: list[Section] = []
    run: list[Section] = []
    tokens = 0

    def flush() -> None:
        nonlocal run, tokens
        if run:
            first, last = run[0], run[-1]
            merged.append(Section(first.start, last.end, first.locator, first.heading_path, None, first.page))
        run, tokens = [], 0

    for section in sections:
        if section.article is not None or section.locator.startswith("Item "):
            flush()
            merged.append(section)
            continue
        size = count_tokens(text[section.start:section.end])
        if run and (tokens + size > target or section.after_unstored):
            flush()  # full, or text that is not stored (an author's biography) lies between the two
        run.append(section)
        tokens += size
    flush()
    return merged


def _make(document: Document, section: Section, start: int, end: int, text: str, prefix: str, part: int) -> Chunk:
    locator = section.locator
    return Chunk(
        chunk_id=chunk_id(document.meta.doc_id, f"{locator}#{part}@{start}", text),
        doc_id=document.meta.doc_id,
        text=text,
        start=start,
        end=end,
        locator=locator,
        embed_text=f"{prefix}\n{text}" if prefix else text,
        heading_path=section.heading_path,
        article=section.article,
        page=section.page,
        part=part,
        meta=document.meta,
    )
