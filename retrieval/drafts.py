"""Rule draft_described: a guide's sentence that tells what a draft proposed ("It is worth noting that the revised
draft of the CSL, released in September 2022, has increased the upper limits … For severe violation, the fine may
be up to CNY50 million or 5%") says nothing of the text in force. Asked of the law as it stands, it is no answer."""

from __future__ import annotations

import re
from functools import lru_cache

from retrieval.laws import law_spans
from retrieval.query import DRAFT_CUE
from retrieval.rules.registry import cues

RULE = "draft_described"


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    spec = cues()["rules"][RULE]
    return (re.compile("|".join(spec["asks_draft"]), re.I), re.compile("|".join(spec["in_force"]), re.I))


def asks_a_draft(question: str) -> bool:
    """Whether the question asks what a draft or a proposal said ("the 2022 draft", 征求意见稿, "proposed")."""
    return bool(DRAFT_CUE.search(question) or _words()[0].search(question))


def draft_described(sentence: str, before: str) -> bool:
    """Whether a guide's sentence tells what a draft proposed: it speaks of a draft itself, or follows a sentence
    that does and names no text of its own; a sentence telling what took effect finally is about the text in force."""
    if _words()[1].search(sentence):
        return False
    return bool(DRAFT_CUE.search(sentence)) or bool(DRAFT_CUE.search(before)) and not law_spans(sentence)


def describes_a_draft(text: str) -> bool:
    """The rule's predicate on an example ("sentence before ‖ sentence"), with no store."""
    before, _, sentence = text.rpartition("‖")
    return draft_described(sentence.strip(), before.strip())
