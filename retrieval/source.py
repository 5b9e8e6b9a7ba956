"""The source at hand: the whole article (or PDF page) a citation quotes, the quoted sentence's place in it,
the matching paragraph of the translation and the official address of the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.manifest import Manifest
from retrieval.records import Citation, LinkedText, Passage

if TYPE_CHECKING:
    from retrieval.search import ChunkTable

_PARAGRAPH = re.compile(r"¶\s*(\d+)|第([一二三四五六七八九十]+)款")
_BREAK = re.compile(r"\n\s*\n|\n")
_ZH_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九十", start=1)}


@dataclass
class SourceView:
    """What a citation opens: `text` whole, with `quote` and `paragraph` as (start, end) offsets in it."""

    title: str
    locator: str  # of the whole unit shown: "Art. 66", "p. 3"
    text: str
    quote: tuple[int, int] | None
    paragraph_number: int | None  # of the quoted paragraph, 1-based
    translation: LinkedText | None = None
    translation_paragraph: tuple[int, int] | None = None  # the matching paragraph in translation.text
    url: str = ""  # the official source's address, from the manifest


def joined(passages: list[Passage]) -> str:
    """Passages of one unit in document order, their overlaps written once (offsets are the document's)."""
    out: list[str] = []
    end = None
    for p in sorted(passages, key=lambda p: (p.start, p.end)):
        if end is None or p.start >= end:
            out.append(("\n\n" if out else "") + p.text)
        elif p.end > end and len(p.text) == p.end - p.start:
            out.append(p.text[end - p.start:])
        elif p.end > end:
            out.append("\n\n" + p.text)  # text that is not the document's slice: keep it whole
        end = p.end if end is None else max(end, p.end)
    return "".join(out)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: lines separated by line breaks, blank lines skipped."""
    spans, start = [], 0
    for m in _BREAK.finditer(text + "\n"):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    return spans


def quoted_paragraph(citation: Citation, text: str, quote: tuple[int, int] | None) -> int | None:
    """The quoted paragraph's number: from the locator ("Art. 66 ¶2", 第二款), else by where the quote stands."""
    m = _PARAGRAPH.search(citation.locator or "")
    if m:
        return int(m.group(1)) if m.group(1) else _ZH_DIGITS.get(m.group(2)[-1], None)
    if quote is None:
        return None
    for n, (start, end) in enumerate(paragraphs(text), start=1):
        if start <= quote[0] < end:
            return n
    return None


def _unit_passages(table: ChunkTable, citation: Citation, article: int | None, page: int | None) -> list[Passage]:
    if article is not None:
        return [table.passage(r) for r in table.by_article.get((citation.doc_id, article), [])]
    rows = [r for r, m in enumerate(table.index.metadatas) if m.get("doc_id") == citation.doc_id
            and page is not None and int(m.get("page", -1)) == page]
    return [table.passage(r) for r in rows]


def _cited_passage(table: ChunkTable, citation: Citation) -> Passage | None:
    for row, meta in enumerate(table.index.metadatas):
        if meta.get("doc_id") == citation.doc_id and int(meta.get("start", -1)) == citation.start:
            return table.passage(row)
    return None


def source_view(table: ChunkTable, citation: Citation, manifest: Manifest | None = None) -> SourceView:
    """The whole unit around a citation. A passage not found in the store (removed since) is shown alone."""
    cited = _cited_passage(table, citation)
    article = cited.article if cited else None
    page = cited.page if cited else None
    passages = _unit_passages(table, citation, article, page) if cited else []
    text = joined(passages) if passages else citation.text
    needle = citation.quote or ""
    at = text.find(needle) if needle else -1
    quote = (at, at + len(needle)) if at >= 0 else None
    number = quoted_paragraph(citation, text, quote)
    locator = f"Art. {article}" if article is not None else (f"p. {page}" if page is not None else citation.locator)
    entry = manifest.by_id(citation.doc_id) if manifest is not None else None
    view = SourceView(title=citation.title, locator=locator, text=text, quote=quote, paragraph_number=number,
                      translation=citation.linked, url=getattr(entry, "url", "") if entry else "")
    if citation.linked is not None and number is not None:
        spans = [s for s in paragraphs(citation.linked.text) if not _heading_only(citation.linked.text[s[0]:s[1]])]
        if 0 < number <= len(spans):
            view.translation_paragraph = spans[number - 1]
    return view


def _heading_only(line: str) -> bool:
    """A line that is only the article's heading ("**Article 66**"): not one of its paragraphs."""
    return bool(re.fullmatch(r"\W*(?:Article|Art\.?)\s*\d+\W*", line.strip(), re.I))


def linked_paragraph(citation: Citation) -> str:
    """The paragraph of the citation's translation that matches the quoted one (¶2 for "Art. 66 ¶2"), or the
    whole translated article when the paragraph cannot be told."""
    linked = citation.linked
    if linked is None:
        return ""
    quote = citation.text.find(citation.quote) if citation.quote else -1
    number = quoted_paragraph(citation, citation.text, (quote, quote + len(citation.quote)) if quote >= 0 else None)
    spans = _items_joined(linked.text, [s for s in paragraphs(linked.text) if not _heading_only(linked.text[s[0]:s[1]])])
    if number is not None and 0 < number <= len(spans):
        start, end = spans[number - 1]
        return linked.text[start:end].strip()
    return linked.text.strip()


# a numbered item of a list ("1.", "(2)", "（三）") continues the paragraph that leads it: the locator's ¶2 is the
# paragraph after the whole list, as the Chinese text counts its 款
_ITEM = re.compile(r"\s*(?:\d+\.\s|\(\d+\)|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


def _items_joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _ITEM.match(text, start):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


_CUT = re.compile(r"[\s,;:.!?，。；：、！？)）]")


def clip(text: str, limit: int) -> str:
    """At most about `limit` characters, cut after a whole word or sentence mark, never inside a word."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if len(text) <= limit:
        return text
    cuts = [m.start() for m in _CUT.finditer(text, 0, limit + 1)]
    cut = cuts[-1] if cuts and cuts[-1] > limit // 2 else limit
    if not _CUT.match(text[cut:cut + 1] or " ") and re.match(r"[A-Za-z0-9]", text[cut:cut + 1]):
        cut = cuts[-1] if cuts else limit  # a Latin word is never split; Chinese can stop at any character
    return text[:cut].rstrip(" ,;:，；：、") + "…"
