"""Where a quoted sentence stands: the section (or table row) and page of the sentence itself, not of the
first line of the passage it was found in. A sentence that runs over a page break is cited as "pp. 1–2"."""

from __future__ import annotations

import json
import re

from retrieval.records import Passage

_PAGE_SUFFIX = re.compile(r"(?:^|\s)\(?pp?\. [\d–-]+\)?$")


def _marks(raw: str) -> list[tuple[int, object]]:
    try:
        return [(int(offset), value) for offset, value in json.loads(raw)] if raw else []
    except (ValueError, TypeError):
        return []


def _at(marks: list[tuple[int, object]], offset: int):
    found = None
    for start, value in marks:
        if start > offset:
            break
        found = value
    return found


def quote_locator(passage: Passage, start: int | None = None, end: int | None = None) -> str:
    """The locator of passage.text[start:end] (offsets into the passage); the passage's own without a span."""
    sections, pages = _marks(passage.section_marks), _marks(passage.page_marks)
    if start is None or end is None or not (sections or pages):
        return passage.locator
    first, last = passage.start + start, passage.start + max(start, end - 1)
    base = _PAGE_SUFFIX.sub("", str(_at(sections, first) or passage.locator)).strip()
    if not pages:
        return base
    page_from, page_to = _at(pages, first), _at(pages, last)
    if page_from is None:
        return base
    where = f"p. {page_from}" if page_to in (None, page_from) else f"pp. {page_from}–{page_to}"
    return f"{base} ({where})" if base else where
