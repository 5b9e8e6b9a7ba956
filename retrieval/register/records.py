"""Typed records of the register: one per figure (or range of figures) a statute or regulation states."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("fine", "multiple", "period", "deadline", "count", "threshold", "percentage", "date", "age", "frequency")
PARTIES = ("organisation", "managers", "individual", "office")


@dataclass(frozen=True)
class RegisterRecord:
    law: str  # the law's short name (PIPL, DSL, CSL)
    doc_id: str
    title: str
    locator: str  # "Art. 45 ¶1", "Art. 62 ¶1 (3)"
    article: int | None
    paragraph: int
    item: str  # "(3)" when the figure stands in an enumerated item, else ""
    kind: str  # fine | multiple | period | deadline | count | threshold | percentage | date | age | frequency
    low: float | None  # the range's lower figure (None when the text states only a ceiling)
    high: float | None  # the range's upper figure (None when the text states only a floor)
    unit: str  # CNY | % | times | day | working-day | hour | month | year | per-year | people | …
    low_strict: bool  # 超过 / more than: the lower figure itself is not included
    high_strict: bool  # 不满 / less than: the upper figure itself is not included
    figure: str  # verbatim surface of the figure(s) ("五万元以上五十万元以下")
    english: str  # the figure in English ("CNY 50,000 to 500,000")
    party: str  # organisation | managers | individual | office | ""
    party_words: str  # the words naming the party
    condition: str  # the breach or condition the figure follows, in the text's words
    duty_articles: tuple[int, ...]  # the articles whose duties the condition says were breached
    tier: str  # first | refused to correct | serious | especially serious (sanctions); "" otherwise
    status: str  # "in force", "superseded by csl-2025 from 2026-01-01", "in force from 2026-01-01"
    effective: str
    quote: str  # the sentence the figure stands in, verbatim
    quote_start: int  # offsets of the quote in the document
    quote_end: int
    translation: str = ""  # the same paragraph in the linked translation, where there is one
    sanction: bool = False
    counts: str = ""  # what a count counts: people | items | times | entities
    # the clause the figure stands in (材料不齐全的，…并应当在三十个工作日内通知备案人): what the figure is for,
    # which tells two figures of one paragraph apart
    clause: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["duty_articles"] = list(self.duty_articles)
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> RegisterRecord:
        """A record as `to_dict` (or `asdict`) wrote it; fields added since keep their defaults."""
        known = {k: v for k, v in raw.items() if k in cls.__dataclass_fields__}
        known["duty_articles"] = tuple(known.get("duty_articles", ()))
        return cls(**known)


@dataclass
class Register:
    """The records of one store generation, with the laws it holds."""

    generation: str
    records: list[RegisterRecord] = field(default_factory=list)
    laws: dict[str, str] = field(default_factory=dict)  # doc_id -> short name, of every statute read
