"""Sentence spans of a passage, in Chinese and English, with offsets into the passage text."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZH_END = "。！？"
_EN_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z(“\"\[])")
# "1.  Obtaining consent; 2.  Where necessary…": the full stop of an enumeration marker ends no sentence
_ENUMERATION_MARKER = re.compile(r"(?:^|[;:；：])\s*[(（]?\d{1,2}[.)）]$")
_ITEM_START = re.compile(r"^[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.)]\s|[-•*]\s)")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    paragraph: int  # 1-based paragraph (款) of the passage the span sits in


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph ranges; enumerated items （一）(二)… belong to the paragraph that introduces them."""
    ranges: list[tuple[int, int]] = []
    pos = 0
    for block in text.split("\n\n"):
        start, end = pos, pos + len(block)
        pos = end + 2
        if not block.strip():
            continue
        if ranges and _ITEM_START.match(block):
            ranges[-1] = (ranges[-1][0], end)
        else:
            ranges.append((start, end))
    return ranges


def sentence_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text), start=1):
        block = text[p_start:p_end]
        for line_start, line in _lines(block):
            for s, e in _split_line(line):
                piece = line[s:e]
                stripped = piece.strip()
                if len(stripped) < 2:
                    continue
                lead = len(piece) - len(piece.lstrip())
                start = p_start + line_start + s + lead
                spans.append(Span(start, start + len(stripped), stripped, number))
    return spans


def chapeaus(spans: list[Span]) -> list[Span | None]:
    """For each span, the lead-in sentence of the list it is an item of ("具有下列情形之一的……：" before
    "（七）违法所得五千元以上的；"), else None: an item means what it means only under its chapeau."""
    out: list[Span | None] = []
    current: Span | None = None
    for span in spans:
        if _ITEM_START.match(span.text) and current is not None and current.paragraph == span.paragraph:
            out.append(current)
            continue
        out.append(None)
        current = span if span.text.rstrip().endswith(("：", ":")) else None
    return out


def _lines(block: str):
    pos = 0
    for line in block.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _split_line(line: str) -> list[tuple[int, int]]:
    cuts = [0]
    for i, ch in enumerate(line):
        if ch in _ZH_END:
            cuts.append(i + 1)
    for m in _EN_END.finditer(line):
        if _ENUMERATION_MARKER.search(line[:m.start()].rstrip("\"”’)")):
            continue
        cuts.append(m.start())
    cuts = sorted(set(cuts + [len(line)]))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if line[a:b].strip()]


# where a question's sentences end: at 。！？；, and at . ! ? before a space (not the point of 1.5 million)
# a full stop after an abbreviation ("CSL Art. 21", "Order No. 16", "e.g. logs") ends no sentence
_ABBREVIATED = r"(?<!\bArt\.)(?<!\bArts\.)(?<!\bNo\.)(?<!\bNos\.)(?<!\bPara\.)(?<!\bpara\.)(?<!\bItem\.)" \
               r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bCo\.)(?<!\bcf\.)"
_QUESTION_SENTENCE_END = re.compile(rf"(?<=[。!！?？;；])\s*|(?<=[!?])\s+|(?<=\.){_ABBREVIATED}\s+")


def question_sentences(question: str) -> list[str]:
    """The sentences of a question, as written (a scene told first, then the asks)."""
    return [s for s in _QUESTION_SENTENCE_END.split(question) if s.strip()]


def sentences_asking(question: str) -> str:
    """The sentences with a question mark, joined; the whole question when none has one."""
    return " ".join(s for s in question_sentences(question) if re.search(r"[?？]", s)) or question


# where clauses and sentences end, for reading the clause a figure stands in
CLAUSE_END = re.compile(r"[。；;！？!?]|\.(?:\s|$)")
SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")


def clause_around(text: str, start: int, end: int, breaks: re.Pattern[str] = CLAUSE_END) -> str:
    """The clause holding text[start:end]: from the last ``breaks`` before it to the first after it."""
    begin = max((m.end() for m in breaks.finditer(text, 0, start)), default=0)
    stop = breaks.search(text, end)
    return text[begin:stop.start() if stop else len(text)]


def clause_start(text: str, position: int) -> int:
    """Where the clause holding ``position`` begins (after the last 。；;!? before it)."""
    return max((m.end() for m in CLAUSE_END.finditer(text, 0, position)), default=0)
