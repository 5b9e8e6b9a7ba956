"""Records that cross module lines on the answer side: Passage, Citation, Answer."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

from retrieval.register.records import RegisterRecord


@dataclass
class Passage:
    """A retrieved chunk with everything the reranker and the composer need."""

    chunk_id: str
    doc_id: str
    text: str
    start: int
    end: int
    locator: str
    title: str
    source: str
    kind: str
    authority: int
    status: str
    language: str
    article: int | None = None
    page: int | None = None
    part: int = 0
    heading_path: str = ""
    translation_of: str = ""
    effective: str = ""
    short: str = ""
    section_marks: str = ""  # JSON [[offset, locator], ...]: sections and table rows starting inside the text
    page_marks: str = ""  # JSON [[offset, page], ...]: pages starting inside the text (PDFs)
    dense: float = 0.0  # cosine similarity
    bm25: float = 0.0
    fused: float = 0.0
    score: float = 0.0  # final (reranked) score
    features: dict[str, float] = field(default_factory=dict)
    figures_unread: bool = False  # below the reranker's exact top: its figure feature not read (see rerank)
    # among the guides and articles nearest in meaning to a count asked for a day or a year (see search)
    reports_count: bool = False

    @property
    def full_text(self) -> str:
        """What the passage says with the title and headings it stands under."""
        return f"{self.title} {self.heading_path} {self.text}"

    @classmethod
    def from_store(cls, chunk_id: str, text: str, meta: dict[str, Any]) -> Passage:
        return cls(
            chunk_id=chunk_id,
            doc_id=meta["doc_id"],
            text=text,
            start=int(meta["start"]),
            end=int(meta["end"]),
            locator=meta.get("locator", ""),
            title=meta.get("title", ""),
            source=meta.get("source", ""),
            kind=meta.get("kind", "document"),
            authority=int(meta.get("authority", 5)),
            status=meta.get("status", "in-force"),
            language=meta.get("language", "en"),
            article=int(meta["article"]) if meta.get("article", -1) not in (-1, None) else None,
            page=int(meta["page"]) if meta.get("page", -1) not in (-1, None) else None,
            part=int(meta.get("part", 0)),
            heading_path=meta.get("heading_path", ""),
            translation_of=meta.get("translation_of", ""),
            effective=meta.get("effective", ""),
            short=meta.get("short", ""),
            section_marks=meta.get("section_marks", ""),
            page_marks=meta.get("page_marks", ""),
        )


@dataclass
class LinkedText:
    """The same article in the document's other language (e.g. PIPL Art. 66 in English)."""

    doc_id: str
    title: str
    locator: str
    language: str
    text: str


_LOCATOR_ARTICLE = re.compile(r"Art\.\s*(\d+)")


@dataclass
class Citation:
    n: int
    doc_id: str
    source: str
    title: str
    locator: str
    text: str  # the exact quoted passage
    start: int
    end: int
    kind: str
    authority: int
    status: str
    score: float
    language: str = ""
    quote: str = ""  # the sentence(s) the answer relies on, verbatim from text
    quote_start: int = -1  # offsets of quote in the document
    quote_end: int = -1
    effective: str = ""
    status_label: str = ""  # "draft", "superseded by ..." — empty when in force
    linked: LinkedText | None = None

    @property
    def article(self) -> int | None:
        """The article the locator names ("Art. 56 ¶2" -> 56); None for a guide's heading."""
        found = _LOCATOR_ARTICLE.search(self.locator)
        return int(found.group(1)) if found else None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class TraceStep:
    """One named unit that took part in an answer: what it read and what it decided."""

    rule: str
    detail: str = ""
    effect: str = ""  # "kept" | "dropped" | "abstained" | "scored" | "read" — for --explain


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    verified: bool
    citations: list[Citation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    key_figure: str = ""
    unsupported_figures: list[str] = field(default_factory=list)
    question_type: str = ""
    language: str = ""
    closest: list[Citation] = field(default_factory=list)  # shown when abstaining
    # how sure the answerer is that the quoted sentence answers the question (0..1, calibrated on blind data)
    confidence: float = 1.0
    confident: bool = True  # confidence at or above the abstention threshold
    figures: list[str] = field(default_factory=list)  # the figures the answer states, each checked in its quote
    read_as: str = ""  # how the question was read (with what it inherited from the conversation)
    trace: list[TraceStep] = field(default_factory=list)
    features: dict[str, float] = field(default_factory=dict)  # what the confidence was computed from
    # the chunk ids the question's search ranked first, best first: what retrieval metrics score, without
    # searching again
    ranked: list[str] = field(default_factory=list)
    # the register's records of the figures the answer states (retrieval/register/match.py), and the stated
    # figures the register does not read in the cited sentences
    register: list[RegisterRecord] = field(default_factory=list)
    register_unread: list[str] = field(default_factory=list)

    @property
    def figures_match(self) -> bool:
        """The one condition for the check mark: an answer that states figures, each found in the cited text
        and read there the same way by the register, given with confidence. No figure, or low confidence, earns
        no mark."""
        return (not self.abstained and self.verified and bool(self.figures or self.key_figure)
                and self.confident and not self.register_unread)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
