"""Word (.docx) documents through python-docx: heading styles become sections, numbered and bulleted lists
keep their markers, tables are read row by row with their header cells ("Table 1, row 2: Customer contracts |
Retention: 6 years"). python-docx does not expose footnotes, so they are not read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ingest.errors import LoadError
from ingest.normalise import normalise_text
from ingest.pdf_text import table_rows

_HEADING_STYLE = re.compile(r"^Heading (\d)$")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass
class DocxText:
    text: str
    title: str = ""
    headings: list[tuple[int, int, str]] = field(default_factory=list)  # (offset, level, heading)


def load_docx(path: Path) -> DocxText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise LoadError(f"not a readable Word file ({type(exc).__name__}: {exc})") from exc
    return _Reader().read(document)


class _Reader:
    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.offset = 0
        self.out = DocxText(text="")
        self.heading_numbers: list[int] = []
        self.list_number = 0
        self.tables = 0

    def read(self, document) -> DocxText:
        from docx.table import Table

        for item in document.iter_inner_content():
            if isinstance(item, Table):
                self.list_number = 0
                self._table(item)
            else:
                self._paragraph(item)
        self.out.text = "\n\n".join(self.blocks)
        return self.out

    def _add(self, text: str) -> int:
        start = self.offset + (2 if self.blocks else 0)
        self.blocks.append(text)
        self.offset = start + len(text)
        return start

    def _paragraph(self, paragraph) -> None:
        text = normalise_text(paragraph.text.replace("\n", " "))
        if not text:
            return
        style = paragraph.style.name if paragraph.style is not None else ""
        heading = _HEADING_STYLE.match(style)
        if style == "Title":
            self.out.title = self.out.title or text
            self._add(text)
        elif heading:
            self.list_number = 0
            level = int(heading.group(1))
            text = self._numbered_heading(paragraph, level, text)
            self.out.headings.append((self._add(text), level, text))
        elif style.startswith("List Number") or (_numbered(paragraph) and not style.startswith("List Bullet")):
            self.list_number += 1
            self._add(f"{self.list_number}. {text}")
        elif style.startswith("List Bullet"):
            self._add(f"- {text}")
        else:
            self.list_number = 0
            self._add(text)

    def _numbered_heading(self, paragraph, level: int, text: str) -> str:
        """A heading numbered by Word (not typed) gets its number written out: "4. Incidents", "4.2 Notice"."""
        if not _numbered(paragraph, style_too=True) or re.match(r"^\d+(\.\d+)*\.?\s", text):
            return text
        self.heading_numbers = (self.heading_numbers + [0] * level)[:level]
        self.heading_numbers[-1] += 1
        number = ".".join(str(n or 1) for n in self.heading_numbers)
        return f"{number}{'.' if level == 1 else ''} {text}"

    def _table(self, table) -> None:
        rows = []
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                value = " ".join(cell.text.split())
                if not cells or value != cells[-1]:  # a merged cell repeats across the columns it spans
                    cells.append(value)
            if any(cells):
                rows.append(cells)
        if not rows:
            return
        self.tables += 1
        self._add("\n".join(table_rows(rows, self.tables) if len(rows) > 1 else [" | ".join(rows[0])]))


def _numbered(paragraph, style_too: bool = False) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.find(f"{_W}numPr") is not None:
        return True
    if style_too and paragraph.style is not None:
        style_ppr = paragraph.style.element.pPr
        return style_ppr is not None and style_ppr.find(f"{_W}numPr") is not None
    return False
