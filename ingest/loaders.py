"""Load .txt, .md, .html and .pdf files into normalised text (with page spans for PDFs).

Every failure is a LoadError with a reason a user can act on; the caller reports it and goes on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from ingest.normalise import normalise_text, strip_html_comments, strip_markdown_emphasis
from ingest.records import PageSpan
from ingest.textcodec import TextDecodeError, decode_text

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")


class LoadError(Exception):
    """A file that cannot be ingested; str() is the reason."""


@dataclass
class LoadedText:
    text: str
    pages: list[PageSpan] = field(default_factory=list)
    first_heading: str = ""


def load_file(path: Path, max_bytes: int) -> LoadedText:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise LoadError(f"unsupported file type {suffix or '(none)'}; supported: {', '.join(SUPPORTED_SUFFIXES)}")
    size = path.stat().st_size
    if size == 0:
        raise LoadError("empty file")
    if size > max_bytes:
        raise LoadError(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit (max_file_mb)")
    if suffix == ".pdf":
        loaded = _load_pdf(path)
    elif suffix in (".html", ".htm"):
        loaded = _load_html(_decode(path.read_bytes()))
    else:
        raw = _decode(path.read_bytes())
        if suffix in (".md", ".markdown"):
            raw = strip_markdown_emphasis(strip_html_comments(raw))
        text = normalise_text(raw)
        loaded = LoadedText(text=text, first_heading=_first_heading(text))
    if not loaded.text.strip():
        raise LoadError("no text found" + (" (a scanned PDF without a text layer?)" if suffix == ".pdf" else ""))
    return loaded


def _decode(data: bytes) -> str:
    try:
        return decode_text(data)
    except TextDecodeError as exc:
        raise LoadError(str(exc)) from exc


def _first_heading(text: str) -> str:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip().strip("*").strip()
        if line:
            return line[:200]
    return ""


def _load_pdf(path: Path) -> LoadedText:
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
        page_texts = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise LoadError(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    except Exception as exc:  # pypdf surfaces malformed streams as assorted exceptions
        raise LoadError(f"corrupt or unreadable PDF ({type(exc).__name__}: {exc})") from exc
    parts: list[str] = []
    pages: list[PageSpan] = []
    offset = 0
    for number, raw in enumerate(page_texts, start=1):
        page_text = normalise_text(raw, from_pdf=True)
        if not page_text:
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        pages.append(PageSpan(page=number, start=offset, end=offset + len(page_text)))
        parts.append(page_text)
        offset += len(page_text)
    text = "".join(parts)
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
