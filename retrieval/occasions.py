"""Rule `first_or_repeat`: "关键信息基础设施首次认定时，保护工作部门要在多长时间内完成认定？" asks about the first time
an act is done; CII Regulations Art. 11's three months are for a re-identification (重新认定) and do not answer it.
A question that says which occasion it asks (the first, or a repeat) is answered only by a sentence that says the
same occasion or none."""

from __future__ import annotations

import re

RULE = "first_or_repeat"
_FIRST = re.compile(r"首次|第一次|初次|\bfirst[\s-]time\b|\bfor the first time\b|\binitial(?:ly)?\b", re.I)
# a repeat of the act: 重新认定, 再次申报, "re-identification", "renewed", "again"
_REPEAT = re.compile(r"重新|再次|\bre-?(?:identif|assess|appl|submi|certif|evaluat|examin|review|designat|fil)\w*|"
                     r"\brenew\w*|\bagain\b", re.I)


def occasion(text: str) -> str:
    """"first", "repeat" or "" (the text says neither, or says both)."""
    first, repeat = bool(_FIRST.search(text)), bool(_REPEAT.search(text))
    return "first" if first and not repeat else "repeat" if repeat and not first else ""


def asks_one_occasion(question: str) -> bool:
    """Whether the question says which occasion of an act it asks about (the predicate the examples run through)."""
    return bool(occasion(question))


def other_occasion(asked: str, sentence: str) -> bool:
    """Whether the sentence states its figure for the other occasion than the one asked."""
    if not asked:
        return False  # most questions say no occasion: the sentence is not read (every candidate passes here)
    said = occasion(sentence)
    return bool(said and said != asked)
