"""Several figures asked in one question, clause by clause (rule several_asks): "我们申报了数据出境安全评估，想知道：
决定是否受理要多久、评估本身要多久、对结果不服申请复评的期限是多少？" asks three periods. Each clause that asks a
figure becomes a question of its own, after the scene the question set before its first ask; a clause that only
asks which is higher ("哪个更长？", "Which bar is higher?") needs no figure of its own."""

from __future__ import annotations

import re

from retrieval.figures import question_wants, yes_or_no

# where one ask ends and the next may begin: Chinese enumeration and clause marks, a question mark, a semicolon,
# and an English comma or "and" before an asking word
_ZH_BREAK = re.compile(r"[、，,；;？?]")
_EN_BREAK = re.compile(r"[?;]\s*|,\s*(?:and\s+)?(?=(?:(?:once|after|then|also|finally)(?:\s+[\w-]+){0,2}\s+)?"
                       r"(?:how|what|when|which|who|within|by how|up to what)\b)|"
                       r"\s+and\s+(?=(?:how|what|when|which|within|by how|up to what)\b)", re.I)
_ASKING = re.compile(r"多少|多久|多长|(?<![那这])几|何时|什么时候|哪天|哪一天|\b(?:how|what|when|which|within|by how)\b", re.I)
# a clause asking only which side wins, or whether something changed: the figures the others ask answer it
VERDICT = re.compile(r"哪(?:个|一个|项|种|部)?(?:更|比较|较)|谁更|有(?:什么|何)(?:变化|不同|区别)|变了吗|"
                      r"\bwhich (?:[\w'-]+ ){0,3}?(?:is|one is|are)\s+(?:higher|lower|longer|shorter|steeper|"
                      r"heavier|stricter|bigger|larger|greater|earlier|later)\b|\bwhich (?:[\w'-]+ ){0,2}?is\b[^?]*"
                      r"(?:higher|longer|steeper|heavier|stricter|bigger|larger|greater)\b|\bby how much\b", re.I)
# an opening subordinate clause: "When/If/Once/After …, how long…" sets the scene of the ask after it
_SCENE_OPENING = re.compile(r"^\s*(?:when|if|once|after|where|since)\b(?!\s+(?:was|is|did|does|do|were|will|are|can|"
                            r"could|must|should|shall|has|have)\b)[^?,]*,", re.I)
_SCENE_MARK = "\x00"
MIN_CLAUSE_CHARS = 4  # a clause shorter than this asks nothing of its own ("多久？")


def _chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def _clauses(question: str) -> list[str]:
    pattern = _ZH_BREAK if _chinese(question) else _EN_BREAK
    return [part.strip(" ,，、：:") for part in pattern.split(question) if part and part.strip(" ,，、：:")]


def asked_clauses(question: str) -> tuple[str, list[str]]:
    """The scene before the first ask, and each clause asking a figure of its own; ("", []) unless two or more
    clauses ask one."""
    parts = _clauses(question)
    if _SCENE_OPENING.match(question):
        # "When the Measures took effect, how long did companies get…": the when-clause sets the scene
        parts = [f"{_SCENE_MARK}{parts[0]}", *parts[1:]]
    first = next((n for n, part in enumerate(parts) if _ASKING.search(part) and not part.startswith(_SCENE_MARK)),
                 None)
    if first is None:
        return "", []
    lead, colon, rest = re.split(r"([:：])", parts[first], maxsplit=1) if re.search(r"[:：]", parts[first]) \
        else (parts[first], "", "")
    if colon and _ASKING.search(rest) and not _ASKING.search(lead):
        # "Walk me through a cybersecurity review: how long…", "…，想知道：决定是否受理要多久": the lead is scene
        parts = [*parts[:first], lead.strip(), rest.strip(), *parts[first + 1:]]
        first += 1
    asks = [part for part in parts[first:] if len(part) >= MIN_CLAUSE_CHARS and not VERDICT.search(part)
            and _ASKING.search(part) and question_wants(part) and not yes_or_no(part)]
    if len(asks) < 2:
        return "", []
    scene = ("，" if _chinese(question) else ", ").join(part.removeprefix(_SCENE_MARK) for part in parts[:first])
    return scene, asks


def clause_question(scene: str, clause: str) -> str:
    """A clause asked on its own, after the scene ("我们申报了…评估，想知道：决定是否受理要多久？")."""
    zh = _chinese(clause)
    if not scene:
        return f"{clause}{'？' if zh else '?'}"
    return f"{scene}，{clause}？" if zh else f"{scene}: {clause}?"
