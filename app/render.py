"""The one place an `Answer` becomes something to read: terminal text, Markdown, CSV cells and the parts the
chat UI draws. Every phrase around the answer (the badge above all) comes from app/messages.toml, in the
answer's language, so the CLI, batch files and the UI say the same thing in the same words."""

from __future__ import annotations

import html
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from retrieval.records import Answer, Citation

MESSAGES_PATH = Path(__file__).with_name("messages.toml")
LANGUAGES = ("en", "zh")


@cache
def _messages() -> dict[str, dict[str, str]]:
    table = tomllib.loads(MESSAGES_PATH.read_text(encoding="utf-8"))
    for key, row in table.items():
        missing = [lang for lang in LANGUAGES if not row.get(lang)]
        if missing:
            raise ValueError(f"{MESSAGES_PATH}: [{key}] has no {', '.join(missing)} text")
    return table


def message(key: str, language: str = "en", **values: str) -> str:
    """The phrase ``key`` in ``language`` (English when the language has no column), placeholders filled."""
    row = _messages()[key]
    return row.get(language if language in LANGUAGES else "en", row["en"]).format(**values)


# ---------------------------------------------------------------------------- the parts
@dataclass(frozen=True)
class Badge:
    """What the answer's figures earned: ``success`` (the check mark), ``warning`` (figures not found in the
    cited text) or ``info`` (nothing found in the corpus)."""

    level: str
    text: str


@dataclass(frozen=True)
class QuoteBlock:
    """One cited (or, when abstaining, nearest) passage: its label, facts, the passage with the quoted
    sentence marked (escaped HTML), and the same article in the other language when the corpus holds it."""

    n: int
    label: str
    facts: str
    quote: str
    passage_html: str
    linked_label: str = ""
    linked_text: str = ""


@dataclass(frozen=True)
class AnswerParts:
    """An answer as the UI draws it, top to bottom."""

    headline: str  # the key figure, or "" (the body then carries the whole answer)
    body: str
    abstained: bool
    badge: Badge | None
    quotes: list[QuoteBlock] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    closest: list[QuoteBlock] = field(default_factory=list)
    closest_title: str = ""  # the heading over the closest passages

    @property
    def citations(self) -> list[str]:
        return [q.label for q in self.quotes]


def badge(answer: Answer) -> Badge | None:
    """The check mark only when ``figures_match``; a warning naming figures missing from the cited text;
    nothing at all for an answer with no figure or not given with confidence."""
    language = answer.language
    if answer.abstained:
        return Badge("info", message("not_found", language))
    if answer.figures_match:
        return Badge("success", message("figures_match", language))
    if answer.unsupported_figures:
        return Badge("warning", message("not_verified", language, figures=", ".join(answer.unsupported_figures)))
    return None


def notes(answer: Answer) -> list[str]:
    """The answer's warnings, less the service's own note on unverified figures, which the badge states."""
    if not answer.unsupported_figures:
        return list(answer.warnings)
    return [w for w in answer.warnings if not all(f in w for f in answer.unsupported_figures)]


def citation_label(citation: Citation) -> str:
    return f"[{citation.n}] {citation.title} — {citation.locator}"


def citation_facts(citation: Citation, language: str = "en") -> str:
    parts = [citation.kind, message("authority", language, rank=str(citation.authority))]
    if citation.status == "in-force" and citation.effective:
        parts.append(message("in_force_since", language, date=citation.effective))
    if citation.status_label:
        parts.append(citation.status_label)
    elif citation.status != "in-force":
        parts.append(citation.status)
    parts.append(message("source", language, source=citation.source))
    return " · ".join(parts)


def highlight_quote(citation: Citation) -> str:
    """The passage as HTML with the quoted sentence marked. Document text is untrusted: escaped first."""
    text, quote = citation.text, citation.quote
    if quote and quote in text:
        start = text.index(quote)
        body = (html.escape(text[:start]) + "<mark>" + html.escape(quote) + "</mark>"
                + html.escape(text[start + len(quote):]))
    else:
        body = html.escape(text)
    return "<div style='white-space: pre-wrap; line-height: 1.6'>" + body + "</div>"


def quote_block(citation: Citation, language: str = "en") -> QuoteBlock:
    linked = citation.linked
    return QuoteBlock(n=citation.n, label=citation_label(citation), facts=citation_facts(citation, language),
                      quote=citation.quote or citation.text, passage_html=highlight_quote(citation),
                      linked_label=f"{linked.title} — {linked.locator} ({linked.language})" if linked else "",
                      linked_text=linked.text if linked else "")


def parts(answer: Answer) -> AnswerParts:
    body, headline = answer.text, ""
    if answer.key_figure and not answer.abstained:
        headline = answer.key_figure
        # the answer text leads with the same figure; the headline already shows it
        if body.startswith(answer.key_figure) and "\n\n" in body:
            body = body.split("\n\n", 1)[1]
    language = answer.language
    return AnswerParts(headline=headline, body=body, abstained=answer.abstained, badge=badge(answer),
                       quotes=[quote_block(c, language) for c in answer.citations], notes=notes(answer),
                       closest=[quote_block(c, language) for c in answer.closest],
                       closest_title=message("closest", language) if answer.closest else "")


# ---------------------------------------------------------------------------- terminal
def terminal(answer: Answer) -> str:
    """`lexcite ask`: the answer, its badge, notes, and each citation with its quote."""
    language = answer.language
    lines = [answer.text, ""]
    if answer.abstained:
        if answer.closest:
            lines.append(message("closest", language) + ":")
            for c in answer.closest:
                lines.append(f"  - {c.title} — {c.locator}: {c.text[:160].strip()}…")
        return "\n".join(lines)
    mark = badge(answer)
    if mark is not None:
        lines.append(mark.text)
    lines += [f"{message('note', language)}: {w}" for w in notes(answer)]
    lines.append("")
    for c in answer.citations:
        status = f" · {c.status_label}" if c.status_label else ""
        effective = (" · " + message("in_force_since", language, date=c.effective)
                     if c.effective and c.status == "in-force" else "")
        lines.append(f"[{c.n}] {c.title} — {c.locator} ({c.kind}{effective}{status})")
        lines.append(f"    “{c.quote or c.text[:300]}”")
        if c.linked:
            lines.append(f"    {c.linked.language.upper()}: {c.linked.text[:400]}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------- Markdown
def markdown(answer: Answer | None, warnings: list[str] = (), suffix: str = "") -> list[str]:
    """An answer as Markdown lines (under a heading the caller writes): the text, the badge in italics
    (with ``suffix``, e.g. a latency, after it), ``warnings`` the caller adds and the answer's notes as
    quotes, then the numbered citations with their quoted sentences."""
    language = answer.language if answer is not None else "en"
    if answer is None:
        lines = [f"_{message('no_answer', language)}_", ""]
    else:
        lines = [answer.text or f"_{message('no_answer', language)}_", ""]
    mark = badge(answer) if answer is not None else None
    status = " · ".join(s for s in ((mark.text if mark else ""), suffix) if s)
    if status:
        lines += [f"*{status}*", ""]
    for w in list(warnings) + (notes(answer) if answer is not None else []):
        lines.append(f"> ⚠ {w}")
    for c in answer.citations if answer is not None else []:
        lines.append(f"{c.n}. **{c.title}** — {c.locator} ({citation_facts(c, language)})  ")
        lines.append(f"   > {' '.join((c.quote or c.text).split())[:600]}")
    return lines


# ---------------------------------------------------------------------------- CSV
def csv_cells(answer: Answer | None, warnings: list[str] = ()) -> dict[str, str]:
    """The cells a CSV row gives an answer: its badge, its citations and its warnings, each in one cell."""
    mark = badge(answer) if answer is not None else None
    cited = answer.citations if answer is not None else []
    return {"badge": mark.text if mark else "",
            "citations": " | ".join(citation_label(c) for c in cited),
            "warnings": " | ".join(list(warnings) + (notes(answer) if answer is not None else []))}
