"""The term of art a question asks something to count as (达到多少算“数额特别巨大”, 属于“问题地图”): a term no stored
passage uses and no glossary entry knows is defined by no text the corpus holds, so its threshold is positive
evidence that the corpus cannot answer (rule unused_term), however well another term's threshold fits."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from retrieval.glossary import chinese_terms
from retrieval.rules.registry import cues


@lru_cache(maxsize=1)
def _counted_as() -> re.Pattern[str]:
    return re.compile(cues()["rules"]["unused_term"]["counted_as"])


def counted_as_terms(question: str) -> tuple[str, ...]:
    """The quoted Chinese terms the question asks something to count as, once each."""
    return tuple(dict.fromkeys(m.group("term") for m in _counted_as().finditer(question)))


def unused_terms(question: str, uses: Callable[[str], bool]) -> tuple[str, ...]:
    """Of those, the ones no stored passage uses (`uses` searches the whole store) and the glossary does not know."""
    return tuple(t for t in counted_as_terms(question) if t not in chinese_terms() and not uses(t))


def asks_counted_as(question: str) -> bool:
    """The rule's question predicate (its examples run through it): the question quotes a term it asks to count as."""
    return bool(counted_as_terms(question))
