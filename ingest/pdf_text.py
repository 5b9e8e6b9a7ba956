"""A PDF page's text as its author wrote it: paragraphs from pypdf's layout mode, wrapped lines joined,
tables row by row with their header cells, page numbers dropped, a sentence running over a page break
joined up (the page spans still say where each page's text lies)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalise import (
    STRUCTURAL_START,
    is_cjk,
    is_page_number,
    join_wrapped_lines,
    looks_like_title,
    normalise_text,
)
from ingest.records import PageSpan

_CELL_GAP = re.compile(r"[ \t]{3,}")
_FINAL = ".!?。！？:：;；"


@dataclass
class _Tables:
    count: int = 0


def page_text(layout: str, tables: _Tables) -> str:
    """One page's layout text -> normalised paragraphs separated by blank lines."""
    lines = [line.rstrip() for line in layout.replace("\r", "\n").split("\n")]
    while lines and (not lines[-1].strip() or is_page_number(lines[-1])):
        lines.pop()
    while lines and (not lines[0].strip() or is_page_number(lines[0])):
        lines.pop(0)
    blocks: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(lines):
        rows = _table_at(lines, i)
        if rows:
            if current:
                blocks.append("\n".join(current))
                current = []
            tables.count += 1
            blocks.append(_render_table(rows, tables.count))
            i += len(rows)
            continue
        if lines[i].strip():
            current.append(" ".join(lines[i].split()))  # layout spacing ("1.    Scope") is not the author's
        elif current:
            blocks.append("\n".join(current))
            current = []
        i += 1
    if current:
        blocks.append("\n".join(current))
    paragraphs = [normalise_text(join_wrapped_lines(b, wrapped=True), from_pdf=True) for b in blocks]
    return "\n\n".join(p for p in paragraphs if p)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELL_GAP.split(line.strip()) if c.strip()]


_LIST_MARKER = re.compile(r"^(?:\d{1,3}[.)]|[-•*·▪◦]|[（(][一二三四五六七八九十\d]+[)）]|[a-z][.)])$")


def _columns(line: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", line)]


def _aligned(first: list[tuple[int, int]], row: list[tuple[int, int]]) -> bool:
    """Cells of a table stand in columns: each starts or ends where the first row's does (justified prose, whose
    wide gaps fall anywhere, does not)."""
    return all(abs(a[0] - b[0]) <= 3 or abs(a[1] - b[1]) <= 3 for a, b in zip(first, row, strict=True))


def _table_at(lines: list[str], i: int) -> list[list[str]]:
    """Consecutive lines with the same number (>= 2) of cells in aligned columns, set apart by wide gaps; a
    numbered or bulleted list ("1.    Report…") is no table."""
    width = len(_cells(lines[i])) if lines[i].strip() else 0
    if width < 2:
        return []
    first = _columns(lines[i])
    rows = []
    while i < len(lines) and lines[i].strip() and len(_cells(lines[i])) == width:
        cells = _cells(lines[i])
        if _LIST_MARKER.match(cells[0]) or len(_columns(lines[i])) != len(first) or \
                not _aligned(first, _columns(lines[i])):
            break
        rows.append(cells)
        i += 1
    return rows if len(rows) >= 2 else []


def _render_table(rows: list[list[str]], number: int) -> str:
    return "\n".join(table_rows(rows, number))


def table_rows(rows: list[list[str]], number: int) -> list[str]:
    """'Table 1: Record | Retention | Owner', then 'Table 1, row 2: Customer contracts | Retention: 6 years | …'
    (the header is row 1): each row carries its header cells, so a row quoted alone still says what it holds."""
    header = rows[0]
    out = [f"Table {number}: " + " | ".join(header)]
    for r, row in enumerate(rows[1:], start=2):
        cells = [row[0]] + [f"{header[c]}: {cell}" if c < len(header) and header[c] else cell
                            for c, cell in enumerate(row[1:], start=1)]
        out.append(f"Table {number}, row {r}: " + " | ".join(cell for cell in cells if cell))
    return out


def join_pages(page_texts: list[tuple[int, str]]) -> tuple[str, list[PageSpan]]:
    """Pages in order; a paragraph cut by a page break ("… within 24" / "hours of …") is joined with a
    space (none for CJK), any other page break is a paragraph break."""
    text = ""
    pages: list[PageSpan] = []
    for number, body in page_texts:
        if not body:
            continue
        if text:
            last, first_line = text.rstrip(), body.split("\n", 1)[0]
            continues = (last[-1] not in _FINAL and not STRUCTURAL_START.match(first_line)
                         and not looks_like_title(last.rsplit("\n", 1)[-1]) and not last.rsplit("\n", 1)[-1]
                         .startswith("Table ") and (first_line[:1].islower() or is_cjk(first_line[:1])))
            text += ("" if is_cjk(last[-1]) and is_cjk(first_line[:1]) else " ") if continues else "\n\n"
        pages.append(PageSpan(page=number, start=len(text), end=len(text) + len(body)))
        text += body
    return text, pages


def extract_pages(reader) -> list[str]:
    """Layout-mode text of each page (plain mode when the layout extraction fails on a page)."""
    texts = []
    for page in reader.pages:
        try:
            texts.append(page.extract_text(extraction_mode="layout") or "")
        except Exception:  # pypdf's layout mode is newer and stricter; plain text is better than nothing
            texts.append(page.extract_text() or "")
    return texts


_FURNITURE = re.compile(r"^(?:(?:file|https?)://\S+|\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?: ?[AP]M)?)"
                        r"(?:\s{2,}.*)?$|^.*\s{2,}\d{1,4}\s*/\s*\d{1,4}$", re.I)


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def without_furniture(layouts: list[str]) -> list[str]:
    """Running headers and footers off: a first or last line that repeats on every page (digits aside), and a
    browser's print furniture (date and time, the file's address, "1/3")."""
    pages = [[line.rstrip() for line in layout.replace("\r", "\n").split("\n")] for layout in layouts]
    for end in (0, -1):
        edges = [next((i if end == 0 else len(lines) - 1 - i for i, line in
                       enumerate(lines if end == 0 else reversed(lines)) if line.strip()), None) for lines in pages]
        keys = {_key(pages[n][i]) for n, i in enumerate(edges) if i is not None}
        repeated = len(pages) > 1 and len(keys) == 1 and all(i is not None for i in edges)
        for n, i in enumerate(edges):
            if i is not None and (repeated or _FURNITURE.match(pages[n][i].strip())):
                pages[n][i] = ""
    return ["\n".join(lines) for lines in pages]


def pdf_text(reader) -> tuple[str, list[PageSpan]]:
    tables = _Tables()
    layouts = without_furniture(extract_pages(reader))
    pages = [(n, page_text(raw, tables)) for n, raw in enumerate(layouts, start=1)]
    return join_pages(pages)
