"""Text normalisation shared by every loader, so offsets and quotes agree everywhere."""

from __future__ import annotations

import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_TRAILING_SPACE = re.compile(r"[ \t]+\n")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
CJK = r"\u3400-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef"
# PDF extraction breaks Chinese lines and inserts spaces inside words ("持股比 例"): a space between two
# CJK characters carries no meaning, and neither does a line break inside a sentence. A break after
# sentence-final punctuation, or before an article number or an enumerated item, is real structure.
_CJK_SPACE = re.compile(f"(?<=[{CJK}{CJK_PUNCT}])[ \t]+(?=[{CJK}{CJK_PUNCT}])")
_CJK_BREAK = re.compile(f"(?<=[{CJK}，、（“《])[ \t]*\n[ \t]*(?=[{CJK}{CJK_PUNCT}])(?!第[零〇一二三四五六七八九十百千0-9]+[条章节编])(?![（(][一二三四五六七八九十]+[)）])")
# ...and the space after an article or chapter number ("第一条 为了") marks a heading: keep it as an
# ideographic space, which the rules above leave alone.
_UNIT_SPACE = re.compile(r"^([ \t\u3000]*第[零〇一二三四五六七八九十百千0-9]+[条章节编])[ \t]+", re.M)


def normalise_text(text: str, *, from_pdf: bool = False) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    if from_pdf:
        text = _UNIT_SPACE.sub("\\1\u3000", text)
        text = _CJK_BREAK.sub("", text)
        text = _CJK_SPACE.sub("", text)
    text = _TRAILING_SPACE.sub("\n", text)
    text = _MANY_BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def strip_html_comments(text: str) -> str:
    """Markdown files carry editors' notes in HTML comments; they are not part of the document."""
    return _HTML_COMMENT.sub("", text)


_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def strip_markdown_emphasis(text: str) -> str:
    """**Article 66:** -> Article 66: so quotes read as the law does, not as its markup."""
    return _EMPHASIS.sub(r"\2", text)


def detect_language(text: str) -> str:
    """'zh' when CJK characters make up a fair share of the letters, else 'en'."""
    sample = text[:20000]
    cjk = len(re.findall(f"[{CJK}]", sample))
    latin = len(re.findall(r"[A-Za-z]", sample))
    return "zh" if cjk and cjk * 2 >= latin * 0.5 else "en"


# ---------------------------------------------------------------------------- lines into sentences
# A line that opens a unit of structure: a heading, a numbered clause, an article, a list item, a table row.
STRUCTURAL_START = re.compile(
    r"^[ \t\u3000]*(?:#{1,6}[ \t]|[-•*·▪◦][ \t]|\d+(?:\.\d+)+\.?[ \t\u3000]|\d{1,3}[.)][ \t\u3000]|[（(][一二三四五六七八九十\d]+[)）]"
    r"|[(（]?[a-z][)）][ \t]|第[零〇一二三四五六七八九十百千0-9]+[条章节编款项]|[一二三四五六七八九十]+、"
    r"|(?:Article|Chapter|Section|Part|Table|Annex|Appendix)[ \t]+[\dIVXLC]|\||```|>)")
_NUMBERED_TITLE = re.compile(r"^(?:\d+(?:\.\d+)*\.?|第[零〇一二三四五六七八九十百千0-9]+[章节编]|Article \d+)"
                             r"(?:[ \t\u3000]+\S.{0,60})?$")
_FINAL = ".!?。！？:：;；"
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|\d{1,4}\s*/\s*\d{1,4}|Page \d+(?: of \d+)?|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?)$",
                          re.I)


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f"
                         or "\uff00" <= ch <= "\uffef")


def looks_like_title(line: str) -> bool:
    """'1. Scope', '4.2 Notification', '第五条 ...' with no sentence ending: a heading line of its own."""
    line = line.strip()
    return bool(_NUMBERED_TITLE.match(line)) and line[-1] not in _FINAL + ",，"


def is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER.match(line.strip()))


def _breaks(prev: str, nxt: str, wrapped: bool) -> bool:
    """Whether the line break between prev and nxt is the author's (kept) or the layout's (joined).
    wrapped: the text is known to be wrapped by layout (a PDF paragraph), not typed line by line."""
    if not prev.strip() or not nxt.strip() or STRUCTURAL_START.match(nxt) or prev.rstrip().startswith(("#", "|")):
        return True
    if looks_like_title(prev) or prev.endswith("  "):  # markdown's hard break: two trailing spaces
        return True
    if wrapped:
        return False
    # typed text: join only a line that plainly stops mid-sentence (long, no final punctuation) or after a comma
    last = prev.rstrip()[-1]
    if last in _FINAL:
        return True
    first = nxt.lstrip()[0]
    if last in ",，、" or (_HYPHENATED.search(prev.rstrip()) and first.islower()):
        return False
    long_enough = len(prev.strip()) >= (20 if is_cjk(last) else 40)
    return not (long_enough and (first.islower() or first.isdigit() or (is_cjk(last) and is_cjk(first))))


def join_wrapped_lines(text: str, *, wrapped: bool = False) -> str:
    """Lines broken by a PDF's layout or a typist's line width joined back into the sentences the author
    wrote: "regulators and\\ncustomers" -> "regulators and customers", "regu-\\nlators" -> "regulators",
    CJK wraps joined with no space. Blank lines, headings, numbered clauses, list items and table rows stay."""
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not out or fenced or line.lstrip().startswith("```") or _breaks(out[-1], line, wrapped):
            out.append(line.rstrip() if not fenced else line)
            continue
        prev, nxt = out[-1].rstrip(), line.strip()
        if _HYPHENATED.search(prev) and nxt[:1].islower():
            out[-1] = prev[:-1] + nxt
        elif is_cjk(prev[-1]) and is_cjk(nxt[0]):
            out[-1] = prev + nxt
        else:
            out[-1] = f"{prev} {nxt}"
    return "\n".join(out)
