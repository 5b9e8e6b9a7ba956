"""Find the structure of a document: articles of statutes, headings of guides, pages of PDFs.

A Chinese statute is cut at each line that opens with 第N条 (the article number must grow, so a
paragraph that happens to begin with a cross-reference like "第六十六条规定的…" never starts a new
article); 编/章/节 headings become context. An English statute is cut at "Article N". Anything else
is cut at its headings. Sections never overlap and cover the text in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.numerals import NUMERAL_CHARS, chinese_to_int
from ingest.records import Chunk, PageSpan, Section

_NUM = f"[{NUMERAL_CHARS}0-9]+"
ZH_ARTICLE = re.compile(rf"^[ \t\u3000]*(?:\*\*)?第({_NUM})条(?:之[一二三四五六七八九十]+)?(?:\*\*)?(?=[\s\u3000：:]|$)", re.M)
ZH_HEADING = re.compile(rf"^[ \t\u3000]*(?:#+[ \t]*)?(第{_NUM}[编章节])[ \t\u3000]*(.*)$", re.M)
ZH_ITEM = re.compile(r"^[ \t\u3000]*([一二三四五六七八九十]+)、", re.M)
EN_ARTICLE = re.compile(r"^[ \t]*(?:\*\*)?Article[ \t]+(\d+)\b", re.M)
EN_HEADING = re.compile(r"^[ \t]*(?:#+[ \t]*)?(?:\*\*)?((?:Chapter|CHAPTER|Section|Part)[ \t]+[IVXLC\d]+\b.*?)(?:\*\*)?[ \t]*$", re.M)
MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+){0,3})\.?[ \t\u3000]+([A-Z\u3400-\u9fff][^\n]{1,100})$")


MAX_ARTICLE_GAP = 10  # articles run in order; a jump further than this is a cross-reference


@dataclass(frozen=True)
class Structure:
    kind: str  # "zh-statute" | "en-statute" | "zh-items" | "headings"
    sections: list[Section]


def find_structure(text: str, pages: list[PageSpan] | None = None,
                   headings: list[tuple[int, int, str]] | None = None, numbered: bool = False) -> Structure:
    """headings: (offset, level, heading) when the file format marks them (Word's heading styles).
    numbered: locate numbered headings as "§ 4 Incidents" (a user's documents) rather than by heading path."""
    pages = pages or []
    for kind, finder in (("zh-statute", _zh_articles), ("en-statute", _en_articles), ("zh-items", _zh_items)):
        sections = finder(text)
        if sections:
            return Structure(kind, _with_pages(sections, pages))
    heads = None
    if headings:  # the format's own headings, and numbered ones it did not mark
        marked = {offset for offset, _, _ in headings}
        heads = sorted(list(headings) + [h for h in _heading_lines(text) if h[0] not in marked])
    return Structure("headings", _with_pages(_headed_sections(text, heads, numbered), pages))


def page_at(pages: list[PageSpan], offset: int) -> int | None:
    for span in pages:
        if span.start <= offset < span.end + 2:
            return span.page
    return None


def _with_pages(sections: list[Section], pages: list[PageSpan]) -> list[Section]:
    if not pages:
        return sections
    out = []
    for s in sections:
        page = page_at(pages, s.start)
        locator = f"{s.locator} (p. {page})" if s.locator and page else (f"p. {page}" if page else s.locator)
        out.append(Section(s.start, s.end, locator, s.heading_path, s.article, page, s.after_unstored))
    return out


def _headings_before(text: str, pattern: re.Pattern[str], levels: dict[str, int]) -> list[tuple[int, int, str]]:
    """(offset, level, heading) for each structural heading (编 > 章 > 节)."""
    found = []
    for m in pattern.finditer(text):
        label = m.group(1)
        level = levels.get(label[-1], 1)
        heading = " ".join(f"{label} {m.group(2)}".split())
        found.append((m.start(), level, heading))
    return found


def _zh_articles(text: str) -> list[Section]:
    starts: list[tuple[int, int]] = []  # (offset, article number)
    last = 0
    for m in ZH_ARTICLE.finditer(text):
        try:
            number = chinese_to_int(m.group(1))
        except ValueError:
            continue
        if number <= last or (last and number > last + MAX_ARTICLE_GAP):
            continue  # a cross-reference at the start of a line, not a new article
        starts.append((m.start(), number))
        last = number
    if len(starts) < 3:
        return []
    headings = _headings_before(text, ZH_HEADING, {"编": 0, "章": 1, "节": 2})
    return _cut(text, starts, headings, lambda n: f"Art. {n}")


def _en_articles(text: str) -> list[Section]:
    starts: list[tuple[int, int]] = []
    last = 0
    for m in EN_ARTICLE.finditer(text):
        number = int(m.group(1))
        if number <= last:
            continue
        starts.append((m.start(), number))
        last = number
    if len(starts) < 3:
        return []
    headings = [(m.start(), 1, " ".join(m.group(1).replace("*", "").split())) for m in EN_HEADING.finditer(text)]
    return _cut(text, starts, headings, lambda n: f"Art. {n}")


def _zh_items(text: str) -> list[Section]:
    """Amendment decisions are numbered 一、二、三、… rather than by article."""
    starts: list[tuple[int, int]] = []
    last = 0
    for m in ZH_ITEM.finditer(text):
        number = chinese_to_int(m.group(1))
        if number != last + 1:
            continue
        starts.append((m.start(), number))
        last = number
    if len(starts) < 3:
        return []
    return _with_closing(text, _cut(text, starts, [], lambda n: f"Item {n}", numbered=False))


# a decision's own closing provision after its last item (本决定自2026年1月1日起施行。): not part of that item
_CLOSING = re.compile(r"^[ \t\u3000]*本决定", re.M)


def _with_closing(text: str, sections: list[Section]) -> list[Section]:
    last = sections[-1]
    m = _CLOSING.search(text, last.start, last.end)
    if m is None or m.start() == last.start:
        return sections
    item = Section(last.start, _rstrip(text, last.start, m.start()), last.locator, last.heading_path, last.article)
    return [*sections[:-1], item, Section(m.start(), last.end, "Closing")]


def _cut(text, starts, headings, locate, numbered: bool = True) -> list[Section]:
    """Turn unit starts into sections; a heading ends the unit before it and becomes context after it."""
    sections: list[Section] = []
    first = starts[0][0]
    preamble_end = min([first] + [h[0] for h in headings if h[0] < first])
    if text[:preamble_end].strip():
        sections.append(Section(0, _rstrip(text, 0, preamble_end), "Preamble"))
    boundaries = sorted({s for s, _ in starts} | {h[0] for h in headings} | {len(text)})
    path: dict[int, str] = {}
    heading_iter = iter(sorted(headings))
    pending = next(heading_iter, None)
    for offset, number in starts:
        while pending is not None and pending[0] < offset:
            level = pending[1]
            path = {lv: h for lv, h in path.items() if lv < level}
            path[level] = pending[2]
            pending = next(heading_iter, None)
        end = next(b for b in boundaries if b > offset)
        heading_path = tuple(path[lv] for lv in sorted(path))
        sections.append(Section(offset, _rstrip(text, offset, end), locate(number), heading_path,
                                number if numbered else None))
    # text after the last unit that follows a trailing heading is kept as its own section
    tail_start = max(h[0] for h in headings) if headings else -1
    if tail_start > starts[-1][0] and text[tail_start:].strip():
        sections.append(Section(tail_start, _rstrip(text, tail_start, len(text)), "Annex"))
    return sections


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t\n\u3000":
        end -= 1
    return end


def _looks_like_heading(line: str, next_line: str) -> tuple[int, str] | None:
    stripped = line.strip()
    md = MD_HEADING.match(stripped)
    if md:
        return len(md.group(1)), md.group(2).strip()
    if not stripped or len(stripped) > 110 or stripped[-1] in ".,;:!?。，；：！？)）\"”":
        return None
    numbered = NUMBERED_HEADING.match(stripped)
    if numbered:
        return numbered.group(1).count(".") + 1, stripped
    words = stripped.split()
    # an unnumbered heading: a short title-like line followed by a longer paragraph
    if 1 <= len(words) <= 12 and stripped[0].isupper() and len(next_line.strip()) > 2 * len(stripped) \
            and len(next_line.strip()) > 80:
        return 1, stripped
    return None


def _heading_lines(text: str) -> list[tuple[int, int, str]]:
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    heads: list[tuple[int, int, str]] = []
    for i, line in enumerate(lines):
        following = next((candidate for candidate in lines[i + 1:] if candidate.strip()), "")
        found = _looks_like_heading(line, following)
        if found:
            heads.append((offsets[i], found[0], found[1]))
    return heads


def section_locator(heading_path: tuple[str, ...], numbered: bool = True) -> str:
    """'4. Incidents' -> '§ 4 Incidents', '4.2 Notice' -> '§ 4.2 Notice'; unnumbered headings keep their path."""
    numbered = NUMBERED_HEADING.match(heading_path[-1]) if heading_path and numbered else None
    if numbered:
        return f"§ {numbered.group(1)} {numbered.group(2).strip()}"
    return " > ".join(heading_path[-2:])


def _headed_sections(text: str, heads: list[tuple[int, int, str]] | None = None,
                     numbered: bool = False) -> list[Section]:
    heads = heads if heads is not None else _heading_lines(text)
    if not heads:
        return [Section(0, _rstrip(text, 0, len(text)), "")]
    sections: list[Section] = []
    preamble = text[: heads[0][0]].strip()
    # a user's document opening with its title alone: the title names the document, not a section of it
    if preamble and not (numbered and "\n" not in preamble and len(preamble) <= 150):
        sections.append(Section(0, _rstrip(text, 0, heads[0][0]), "Introduction"))
    path: dict[int, str] = {}
    for idx, (offset, level, heading) in enumerate(heads):
        end = heads[idx + 1][0] if idx + 1 < len(heads) else len(text)
        end = _rstrip(text, offset, end)
        if AUTHOR_BOX.match(heading):
            # a guide's author box: the firm's biography under it is not the guide's subject and is not stored; the
            # chapter text after it goes on under the headings before the box
            sections += _after_author_box(text, offset, end, path, numbered)
            continue
        path = {lv: h for lv, h in path.items() if lv < level}
        path[level] = heading
        body = text[offset:end]
        if body.strip() == line_of(body):  # a heading with no body of its own joins the next section
            continue
        heading_path = tuple(path[lv] for lv in sorted(path))
        sections.append(Section(offset, end, section_locator(heading_path, numbered), heading_path))
    return sections


AUTHOR_BOX = re.compile(r"^(?:about the )?authors?(?: business card)?$", re.I)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")


def _after_author_box(text: str, offset: int, end: int, path: dict[int, str], numbered: bool) -> list[Section]:
    """The text after an author box's heading line and the paragraph under it (the biography), as a section of
    the headings before the box (none: the document's introduction)."""
    body_start = text.find("\n", offset, end)
    first = re.search(r"\S", text[body_start:end]) if body_start >= 0 else None
    if first is None:
        return []
    paragraph_end = _PARAGRAPH_END.search(text, body_start + first.start(), end)
    rest = re.search(r"\S", text[paragraph_end.end():end]) if paragraph_end else None
    if rest is None:
        return []
    start = paragraph_end.end() + rest.start()
    heading_path = tuple(path[lv] for lv in sorted(path))
    return [Section(start, end, section_locator(heading_path, numbered) if heading_path else "Introduction",
                    heading_path, after_unstored=True)]


def line_of(body: str) -> str:
    return body.strip().split("\n", 1)[0].strip()


_PAGE_SUFFIX = re.compile(r"(?:^|\s)\(?p\. \d+\)?$")
TABLE_ROW = re.compile(r"^Table (\d+)(?:, row (\d+))?: ", re.M)


def _bare(locator: str) -> str:
    return _PAGE_SUFFIX.sub("", locator).strip()


def annotate_chunks(chunks: list[Chunk], text: str, sections: list[Section], pages: list[PageSpan]) -> None:
    """Give each chunk the offsets where a section, a table row or a page starts inside it, so a citation can
    name the section and page of the sentence it quotes rather than those of the chunk's first line."""
    for chunk in chunks:
        marks: list[tuple[int, str]] = []
        for section in sections:
            if section.start < chunk.end and section.end > chunk.start or section.start == chunk.start:
                locator = _bare(section.locator)
                marks.append((max(section.start, chunk.start), locator))
                for row in TABLE_ROW.finditer(text, max(section.start, chunk.start), min(section.end, chunk.end)):
                    where = f", table {row.group(1)}" + (f", row {row.group(2)}" if row.group(2) else "")
                    marks.append((row.start(), locator + where))
                    line_end = text.find("\n", row.start())
                    if 0 <= line_end < min(section.end, chunk.end):
                        marks.append((line_end + 1, locator))
        marks = sorted(dict(marks).items())
        chunk.section_marks = tuple(marks) if len(marks) > 1 else ()
        chunk.page_marks = tuple((max(p.start, chunk.start), p.page) for p in pages
                                 if p.start < chunk.end and p.end + 2 > chunk.start)
