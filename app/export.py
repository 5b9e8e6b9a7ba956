"""Take it away: the conversation, or one answer, as a Word memo (.docx) or as Markdown. Every phrase comes
from the renderer's message table (app/render.py), in each answer's language."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from app import render
from app.render import message
from retrieval.records import Answer, Citation
from retrieval.source import linked_paragraph

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Exchange:
    """One question and what came back: an Answer, or the message of a question refused."""

    question: str
    answer: Answer | None = None
    error: str = ""


def exchanges(history: list[dict]) -> list[Exchange]:
    """The chat's turns ({"role": "user"|"assistant", "content", "answer"?}) as question-and-answer pairs."""
    out: list[Exchange] = []
    question = ""
    for turn in history:
        if turn["role"] == "user":
            question = turn["content"]
        else:
            answer = turn.get("answer")
            out.append(Exchange(question, answer, "" if answer is not None else turn.get("content", "")))
    return out


def _language(items: list[Exchange]) -> str:
    answers = [e.answer for e in items if e.answer is not None]
    return answers[-1].language if answers else "en"


# ---------------------------------------------------------------------------- Word
def _style(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")


def _citation(doc, c: Citation, language: str) -> None:
    p = doc.add_paragraph(style="List Number")
    p.add_run(render.citation_label(c, language).split("] ", 1)[-1]).bold = True
    p.add_run(f"\n{render.citation_facts(c, language)}").italic = True
    quote = doc.add_paragraph(style="Quote")
    quote.add_run(c.quote or c.text)
    if c.linked:
        english = doc.add_paragraph(style="Quote")
        english.add_run(message("memo_translation", language, locator=c.linked.locator) + ": ").bold = True
        english.add_run(linked_paragraph(c))


def _exchange(doc, item: Exchange) -> None:
    answer = item.answer
    language = answer.language if answer is not None else "en"
    doc.add_heading(f"{message('memo_question', language)}: {item.question}", level=2)
    if answer is None:
        doc.add_paragraph(item.error)
        return
    if answer.read_as:
        doc.add_paragraph().add_run(render.read_as(answer)).italic = True
    view = render.parts(answer)
    doc.add_heading(message("memo_answer", language), level=3)
    if view.headline:
        run = doc.add_paragraph().add_run(view.headline)
        run.bold, run.font.size = True, Pt(14)
    doc.add_paragraph(view.body)
    if view.badge is not None:
        run = doc.add_paragraph().add_run(view.badge.text)
        run.font.color.rgb = RGBColor(0x1B, 0x7F, 0x3B) if view.badge.level == "success" else RGBColor(0x9A, 0x5B, 0)
    for note in view.notes + view.register:
        doc.add_paragraph(note).runs[0].italic = True
    cited = answer.citations or answer.closest
    if cited:
        doc.add_heading(message("memo_sources" if answer.citations else "closest", language), level=3)
    for c in cited:
        _citation(doc, c, language)


def memo_docx(history: list[dict] | list[Exchange], documents: int = 0, when: date | None = None) -> bytes:
    """The conversation (or the one exchange given) as a Word memo: each question, its answer and check mark,
    the quoted texts with their English translations, the citations with locator and status, and the date."""
    items = [h for h in history if isinstance(h, Exchange)] or exchanges(history)  # type: ignore[arg-type]
    language = _language(items)
    doc = Document()
    _style(doc)
    doc.add_heading(message("memo_title", language), level=1)
    doc.add_paragraph(message("memo_date", language, date=(when or date.today()).isoformat(),
                              documents=str(documents))).runs[0].italic = True
    for item in items:
        _exchange(doc, item)
    doc.add_paragraph().add_run(message("memo_disclaimer", language)).italic = True
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------- Markdown
def memo_markdown(history: list[dict] | list[Exchange], documents: int = 0, when: date | None = None) -> str:
    """The same memo as Markdown: the renderer's Markdown of each answer under its question."""
    items = [h for h in history if isinstance(h, Exchange)] or exchanges(history)  # type: ignore[arg-type]
    language = _language(items)
    lines = [f"# {message('memo_title', language)}", "",
             f"_{message('memo_date', language, date=(when or date.today()).isoformat(), documents=str(documents))}_",
             ""]
    for item in items:
        lines += [f"## {message('memo_question', item.answer.language if item.answer else 'en')}: {item.question}", ""]
        lines += (render.markdown(item.answer) if item.answer is not None else [item.error]) + [""]
    lines += [f"_{message('memo_disclaimer', language)}_", ""]
    return "\n".join(lines)
