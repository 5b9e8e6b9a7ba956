"""Load .txt, .md, .html, .pdf and .docx files into normalised text (with page spans for PDFs).

Every failure is a LoadError with a reason a user can act on; the caller reports it and goes on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ingest.normalise import join_wrapped_lines, normalise_text, strip_html_comments, strip_markdown_emphasis
from ingest.records import PageSpan
from ingest.textcodec import TextDecodeError, decode_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
NO_TEXT_LAYER = "no text layer (scanned?); run with --ocr or OCR it first"


from ingest.errors import LoadError  # noqa: E402  (re-exported: callers import it from here)


@dataclass
class LoadedText:
    text: str
    pages: list[PageSpan] = field(default_factory=list)
    first_heading: str = ""
    headings: list[tuple[int, int, str]] | None = None  # (offset, level, heading) when the format marks them


def load_file(path: Path, max_bytes: int, *, ocr: bool = False) -> LoadedText:
    """ocr: read a PDF without a text layer with Tesseract (chi_sim + eng) instead of refusing it."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"unsupported type {suffix or '(none)'}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > max_bytes:
        raise LoadError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (max_file_mb)")
    if suffix == ".pdf":
        loaded = _load_pdf(path, ocr)
    elif suffix == ".docx":
        from ingest.docx_loader import load_docx

        docx = load_docx(path)
        loaded = LoadedText(text=docx.text, first_heading=docx.title or _first_heading(docx.text),
                            headings=docx.headings)
    elif suffix in (".html", ".htm"):
        loaded = _load_html(_decode(path.read_bytes()))
    else:
        raw = _decode(path.read_bytes())
        if suffix in (".md", ".markdown"):
            raw = strip_markdown_emphasis(strip_html_comments(raw))
        text = normalise_text(join_wrapped_lines(raw))
        headings = None
        if suffix == ".txt":  # "## 4. Incidents" in plain text is a heading, not "##" to quote
            text, headings = _txt_headings(text)
        loaded = LoadedText(text=text, first_heading=_first_heading(text), headings=headings)
    if not loaded.text.strip():
        raise LoadError(NO_TEXT_LAYER if suffix == ".pdf" else "no text found")
    return loaded


def _decode(data: bytes) -> str:
    try:
        return decode_text(data)
    except TextDecodeError as exc:
        raise LoadError(str(exc)) from exc


_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")


def _txt_headings(text: str) -> tuple[str, list[tuple[int, int, str]] | None]:
    """Markdown heading marks in a .txt file taken off the text and kept as (offset, level, heading)."""
    lines, heads, pos = [], [], 0
    for line in text.split("\n"):
        found = _MD_HEADING.match(line)
        if found:
            line = found.group(2)
            heads.append((pos, len(found.group(1)), line))
        lines.append(line)
        pos += len(line) + 1
    return ("\n".join(lines), heads) if heads else (text, None)


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip().strip("*").strip()
        if line:
            return line[:200]
    return ""


def _load_pdf(path: Path, ocr: bool = False) -> LoadedText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception as exc:  # pypdf raises several types for unsupported crypto
                raise LoadError(f"encrypted PDF ({exc})") from exc
            if not ok:
                raise LoadError("encrypted PDF: a password is needed")
        from ingest.pdf_text import pdf_text

        text, pages = pdf_text(reader)
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf surfaces malformed streams as assorted exceptions
        raise LoadError(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    if not text.strip() and ocr:
        from ingest.ocr import OCRError, ocr_pdf

        try:
            text, pages = ocr_pdf(path)
        except OCRError as exc:
            raise LoadError(f"no text layer and OCR failed: {exc}") from exc
    title = ""
    try:
        title = (reader.metadata.title or "") if reader.metadata else ""
    except Exception:  # broken metadata should not stop a readable document
        title = ""
    return LoadedText(text=text, pages=pages, first_heading=title.strip() or _first_heading(text))


class _HTMLText(HTMLParser):
    SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "form"}
    BLOCK = {"p", "div", "section", "article", "li", "tr", "br", "table", "ul", "ol", "blockquote", "pre",
             "h1", "h2", "h3", "h4", "h5", "h6", "title", "main", "dd", "dt"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip_depth = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self._in_title = True
        elif tag in self.BLOCK:
            self.out.append("\n\n")
            if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and not self.skip_depth:
                self.out.append("#" * int(tag[1]) + " ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self._in_title = False
        elif tag in self.BLOCK:
            self.out.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if not self.skip_depth:
            self.out.append(" ".join(data.split()) if data.strip() else (" " if data else ""))


def _load_html(html: str) -> LoadedText:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.out).split("\n")]
    text = normalise_text("\n".join(lines))
    return LoadedText(text=text, first_heading=parser.title.strip() or _first_heading(text))
