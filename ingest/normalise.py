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
