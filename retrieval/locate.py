"""Where a quoted sentence stands: the section (or table row) and page of the sentence itself, not of the
first line of the passage it was found in. A sentence that runs over a page break is cited as "pp. 1–2"."""

from __future__ import annotations

import json
import re

from retrieval.records import Passage

_PAGE_SUFFIX = re.compile(r"(?:^|\s)\(?pp?\. [\d–-]+\)?$")
# "PIPL Art. 66 ¶2, p. 3" is PIPL第66条第2款, 第3页 to a Chinese reader; the short name of the law stays as written
_ZH_LOCATOR = [(re.compile(r"\s*\bArts?\.\s*(\d+)"), "第{}条"), (re.compile(r"\s*¶\s*(\d+)"), "第{}款"),
               (re.compile(r"\s*\bitem\s*(\d+)", re.I), "第{}项"), (re.compile(r"\bpp?\.\s*(\d+)"), "第{}页")]


def zh_locator(text: str) -> str:
    """A locator, or a citation label ending in one, as a Chinese reader writes it: "PIPL Art. 66 ¶2" ->
    "PIPL第66条第2款"."""
    for pattern, form in _ZH_LOCATOR:
        text = pattern.sub(lambda m, form=form: form.format(m.group(1)), text)
    return text


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
