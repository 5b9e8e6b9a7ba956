"""Records that cross module lines on the ingest side: a loaded Document and its Chunks."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageSpan:
    """Character range [start, end) of the normalised text that came from one PDF page."""

    page: int
    start: int
    end: int


@dataclass
class DocumentMeta:
    """What we know about a document: from the manifest, or inferred for a user's own file."""

    doc_id: str
    title: str
    kind: str = "document"
    authority: int = 5
    status: str = "in-force"
    language: str = "en"
    source: str = ""  # file name relative to the corpus root (or the file name for a user's file)
    short: str = ""
    title_zh: str = ""
    effective: str = ""
    promulgated: str = ""
    issuer: str = ""
    translation_of: str = ""
    note: str = ""
    aliases: tuple[str, ...] = ()
    in_manifest: bool = False

    @property
    def label(self) -> str:
        return self.short or self.title


@dataclass
class Document:
    meta: DocumentMeta
    text: str  # normalised text; chunk offsets point into this
    sha256: str
    path: str
    pages: list[PageSpan] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """A structural unit found in a document: an article, a headed section, a page."""

    start: int
    end: int
    locator: str  # "Art. 66", "p. 3", "Law and Practice > 5. Cross-border"
    heading_path: tuple[str, ...] = ()
    article: int | None = None
    page: int | None = None
    after_unstored: bool = False  # text that is not stored (an author's biography) lies just before it


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    text: str  # exactly document.text[start:end]
    start: int
    end: int
    locator: str
    embed_text: str  # title path + text: what the embedder sees
    heading_path: tuple[str, ...] = ()
    article: int | None = None
    page: int | None = None
    part: int = 0  # 0 for a whole unit; 1.. when a unit had to be split
    meta: DocumentMeta | None = None
    # (document offset, locator) where a section or table row starts inside the chunk, and (offset, page)
    # where a page starts: a citation names the section and page of the sentence it quotes
    section_marks: tuple[tuple[int, str], ...] = ()
    page_marks: tuple[tuple[int, int], ...] = ()
