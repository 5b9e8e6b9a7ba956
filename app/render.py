"""The one place an `Answer` becomes something to read: terminal text, Markdown, CSV cells and the parts the
chat UI draws. Every phrase around the answer (the badge above all) comes from app/messages.toml, in the
answer's language, so the CLI, batch files and the UI say the same thing in the same words."""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from retrieval.locate import zh_locator
from retrieval.records import Answer, Citation
from retrieval.source import SourceView, clip, linked_paragraph

MESSAGES_PATH = Path(__file__).with_name("messages.toml")
LANGUAGES = ("en", "zh")


WORD_TABLES = ("register_words",)  # tables of words by language, not phrases in both languages


@cache
def _tables() -> dict:
    return tomllib.loads(MESSAGES_PATH.read_text(encoding="utf-8"))


@cache
def _messages() -> dict[str, dict[str, str]]:
    table = {k: v for k, v in _tables().items() if k not in WORD_TABLES}
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
    register: list[str] = field(default_factory=list)  # the register's reading of the stated figures

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


def register_word(word: str, language: str) -> str:
    """A register word (fine, managers, serious) in the answer's language; English where none is given."""
    return _tables()["register_words"].get(language, {}).get(word, word)


def register_lines(answer: Answer) -> list[str]:
    """How the register reads each figure the answer states (kind, party, tier), and any stated figure it does
    not read in the cited sentences: the same reading the `figures` register shows."""
    language = answer.language
    sep = "，" if language == "zh" else ", "
    lines = [message("register", language, law=r.law, locator=locator_text(r.locator, language),
                     reading=sep.join(register_word(x, language) for x in (r.kind, r.party, r.tier) if x),
                     figure=r.english if language != "zh" else r.figure)
             for r in answer.register]
    if answer.register_unread:
        lines.append(message("register_unread", language, figures=", ".join(answer.register_unread)))
    return lines


def notes(answer: Answer) -> list[str]:
    """The answer's warnings, less the service's own note on unverified figures, which the badge states."""
    if not answer.unsupported_figures:
        return list(answer.warnings)
    return [w for w in answer.warnings if not all(f in w for f in answer.unsupported_figures)]


@cache
def _manifest():
    from ingest.manifest import load_manifest

    return load_manifest()


def locator_text(locator: str, language: str = "en") -> str:
    """A locator in the reader's language: "Art. 66 ¶2" reads 第66条第2款 in Chinese."""
    return zh_locator(locator) if language == "zh" else locator


def document_name(citation: Citation, language: str = "en", short: bool = False) -> str:
    """The document as a reader names it: its Chinese title for Chinese readers, else its title or short name
    (PIPL); a user's own document by the file name it was uploaded as."""
    entry = _manifest().by_id(citation.doc_id)
    if entry is None:
        return citation.title or citation.source
    original = _manifest().by_id(entry.translation_of) if entry.translation_of else None
    if language == "zh" and (entry.title_zh or (original and original.title_zh)):
        return (entry.title_zh or original.title_zh).removeprefix("中华人民共和国")
    return (entry.short or entry.title) if short else entry.title


def kind_label(kind: str, language: str = "en") -> str:
    key = "kind_" + kind.replace("-", "_")
    return message(key if key in _messages() else "kind_document", language)


def citation_label(citation: Citation, language: str = "en") -> str:
    name = document_name(citation, language)
    return f"[{citation.n}] {name} — {locator_text(citation.locator, language)}" if citation.locator else f"[{citation.n}] {name}"


def citation_facts(citation: Citation, language: str = "en") -> str:
    """The plain label under a citation: "Statute · in force since 2021-11-01 · PIPL Art. 66 ¶2"."""
    parts = [kind_label(citation.kind, language)]
    if citation.kind in ("guide", "article") and citation.effective:
        parts.append(message("published", language, date=citation.effective))  # commentary is not in force
    elif citation.status == "in-force" and citation.effective and not citation.status_label:
        parts.append(message("in_force_since", language, date=citation.effective))
    elif citation.status_label or citation.status != "in-force":
        parts.append(citation.status_label or citation.status)
    parts.append(f"{document_name(citation, language, short=True)} {locator_text(citation.locator, language)}".strip())
    return " · ".join(parts)


def highlight_quote(citation: Citation) -> str:
    """The passage as HTML with the quoted sentence marked. Document text is untrusted: escaped first."""
    return marked_html(citation.text, _span_of(citation.text, citation.quote))


def _span_of(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle) if needle else -1
    return (at, at + len(needle)) if at >= 0 else None


def marked_html(text: str, span: tuple[int, int] | None) -> str:
    """`text` escaped, its span in <mark>, line breaks kept."""
    if span is None:
        body = html.escape(text)
    else:
        start, end = span
        body = (html.escape(text[:start]) + "<mark>" + html.escape(text[start:end]) + "</mark>"
                + html.escape(text[end:]))
    return "<div style='white-space: pre-wrap; line-height: 1.6'>" + body + "</div>"


def translation_label(citation: Citation, language: str = "en") -> str:
    linked = citation.linked
    return message("translation", language, locator=locator_text(linked.locator, language)) if linked else ""


def quote_block(citation: Citation, language: str = "en") -> QuoteBlock:
    linked = citation.linked
    return QuoteBlock(n=citation.n, label=citation_label(citation, language),
                      facts=citation_facts(citation, language), quote=citation.quote or citation.text,
                      passage_html=highlight_quote(citation),
                      linked_label=translation_label(citation, language) if linked else "",
                      linked_text=linked_paragraph(citation) if linked else "")


def read_as(answer: Answer) -> str:
    """"Read as: maximum fine under the Data Security Law" when the question was read with its conversation."""
    return message("read_as", answer.language, text=answer.read_as) if answer.read_as else ""


@dataclass(frozen=True)
class SourceParts:
    """What a citation opens: the whole article (or page) with the quote marked, the matching paragraph of
    the translation marked in the whole translated article, and the official source's address."""

    label: str
    html: str
    translation_label: str = ""
    translation_html: str = ""
    translation_note: str = ""
    url: str = ""
    url_label: str = ""


def source_parts(view: SourceView, citation: Citation, language: str = "en") -> SourceParts:
    title = document_name(citation, language)
    out = SourceParts(label=message("whole_article", language, title=title,
                                    locator=locator_text(view.locator, language)),
                      html=marked_html(view.text, view.quote),
                      url=view.url, url_label=message("official_source", language) if view.url else "")
    if view.translation is None:
        return out
    return SourceParts(out.label, out.html, translation_label=translation_label(citation, language),
                       translation_html=marked_html(view.translation.text, view.translation_paragraph),
                       translation_note=message("unofficial_translation", language),
                       url=out.url, url_label=out.url_label)


def _foreign_tail(text: str) -> bool:
    """Whether a Chinese text carries an English sentence (more Latin letters than Chinese characters)."""
    return len(re.findall(r"[A-Za-z]", text)) > len(re.findall(r"[\u4e00-\u9fff]", text))


def without_quote(body: str, citation: Citation, language: str = "en") -> str:
    """The answer's text with one citation's quote left to its open source view: "DSL Art. 45 ¶2: “…” [1]"
    becomes "DSL Art. 45 ¶2 [1]" (数据安全法 第45条第2款 [1] for a Chinese reader). The quote appears once on
    the page, marked in its article."""
    quote = citation.quote.strip()
    if not quote:
        return body
    label = f"{document_name(citation, language, short=True)} {locator_text(citation.locator, language)}"
    pattern = re.compile(r"(?m)^[^\n“]*?[:：]\s*“" + re.escape(quote) + "”")
    if pattern.search(body):
        return pattern.sub(lambda _: label, body, count=1)
    return body.replace(f"“{quote}”", label, 1) if f"“{quote}”" in body else body


def parts(answer: Answer, opened: int = 0) -> AnswerParts:
    """The answer as the UI draws it; ``opened``: the number of the citation shown open, whose quote the body
    then leaves to it."""
    body, headline = answer.text, ""
    if opened and not answer.abstained:
        body = next((without_quote(body, c, answer.language) for c in answer.citations if c.n == opened), body)
    if answer.key_figure and not answer.abstained:
        headline = answer.key_figure
        # the answer text leads with the same figure; the headline already shows it
        if body.startswith(answer.key_figure) and "\n\n" in body:
            body = body.split("\n\n", 1)[1]
    language = answer.language
    extra: list[str] = []
    if answer.abstained and language == "zh" and _foreign_tail(body):
        # "语料库中没有找到答案。 No retrieved passage…": the reader's language first, the engine's reason as a note
        body, extra = message("not_found", language), [body]
    shown = [n for n in notes(answer) if n not in body] + extra  # an abstention's reason is in its text already
    return AnswerParts(headline=headline, body=body, abstained=answer.abstained, badge=badge(answer),
                       quotes=[quote_block(c, language) for c in answer.citations], notes=shown,
                       closest=[quote_block(c, language) for c in answer.closest],
                       closest_title=message("closest", language) if answer.closest else "",
                       register=[] if answer.abstained else register_lines(answer))


# ---------------------------------------------------------------------------- terminal
def terminal(answer: Answer) -> str:
    """`lexcite ask`: the answer, its badge, notes, and each citation with its quote."""
    language = answer.language
    lines = ([read_as(answer)] if answer.read_as else []) + [answer.text, ""]
    if answer.abstained:
        if answer.closest:
            lines.append(message("closest", language) + ":")
            for c in answer.closest:
                lines.append(f"  - {document_name(c, language)} — {locator_text(c.locator, language)}: "
                             f"{clip(c.text, 160)}")
        return "\n".join(lines)
    mark = badge(answer)
    if mark is not None:
        lines.append(mark.text)
    lines += [f"{message('note', language)}: {w}" for w in notes(answer)]
    lines += register_lines(answer)
    lines.append("")
    for c in answer.citations:
        lines.append(f"{citation_label(c, language)} ({citation_facts(c, language)})")
        lines.append(f"    “{c.quote or clip(c.text, 300)}”")
        if c.linked:
            lines.append(f"    {c.linked.language.upper()} {c.linked.locator}: {clip(linked_paragraph(c), 600)}")
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
        lines = ([f"_{read_as(answer)}_", ""] if answer.read_as else []) + \
            [answer.text or f"_{message('no_answer', language)}_", ""]
    mark = badge(answer) if answer is not None else None
    status = " · ".join(s for s in ((mark.text if mark else ""), suffix) if s)
    if status:
        lines += [f"*{status}*", ""]
    for w in list(warnings) + (notes(answer) if answer is not None else []):
        lines.append(f"> ⚠ {w}")
    if answer is not None and not answer.abstained:
        lines += [f"*{line}*  " for line in register_lines(answer)]
    if answer is not None and answer.closest:
        lines += ["", f"**{message('closest', language)}**", ""]
    for c in (answer.citations or answer.closest) if answer is not None else []:
        lines.append(f"{c.n}. **{document_name(c, language)}** — {locator_text(c.locator, language)} "
                     f"({citation_facts(c, language)})  ")
        lines.append(f"   > {clip(c.quote or c.text, 600)}")
        if c.linked:
            lines.append(f"   >> *{translation_label(c, language)}:* {clip(linked_paragraph(c), 900)}")
    return lines


# ---------------------------------------------------------------------------- CSV
def csv_cells(answer: Answer | None, warnings: list[str] = ()) -> dict[str, str]:
    """The cells a CSV row gives an answer: its key figure, the quote it rests on and that quote's citation
    ("PIPL Art. 66 ¶2") each in a column of its own, then its badge, all its citations and its warnings."""
    mark = badge(answer) if answer is not None else None
    cited = answer.citations if answer is not None else []
    first = cited[0] if cited else None
    return {"key_figure": answer.key_figure if answer is not None and not answer.abstained else "",
            "quote": (first.quote or first.text) if first else "",
            "citation": f"{document_name(first, answer.language, short=True)} "
                        f"{locator_text(first.locator, answer.language)}" if first else "",
            "badge": mark.text if mark else "",
            "citations": " | ".join(citation_label(c) for c in cited),
            "warnings": " | ".join(list(warnings) + (notes(answer) if answer is not None else [])),
            "register": " | ".join(register_lines(answer)) if answer is not None and not answer.abstained else ""}
