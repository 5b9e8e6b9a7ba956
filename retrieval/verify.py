"""Figure verification: every figure an answer states must be in a passage it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from retrieval.figures import Figure, extract_figures, figures_match

_MARKER = re.compile(r"\[(\d+)\]")


@dataclass
class Claim:
    """A piece of answer text and the citation numbers it leans on."""

    text: str
    cites: tuple[int, ...]


def claims_from_text(text: str) -> list[Claim]:
    """Split free text (e.g. an LLM's answer) into sentences with the [n] markers each carries."""
    parts = re.split(r"(?<=[.!?。；;])\s*", text)
    claims = []
    carried: tuple[int, ...] = ()
    for part in parts:
        if not part.strip():
            continue
        cites = tuple(int(n) for n in _MARKER.findall(part))
        claims.append(Claim(_MARKER.sub("", part), cites or carried))
        carried = cites or carried
    return claims


def unsupported(claims: list[Claim], cited_texts: dict[int, str]) -> list[Figure]:
    """Figures of each claim with no match in the passages that claim cites (all passages when it
    cites none: an uncited figure must at least be somewhere in what was retrieved)."""
    missing: list[Figure] = []
    cache: dict[int, list[Figure]] = {n: extract_figures(t) for n, t in cited_texts.items()}
    for claim in claims:
        sources = [n for n in claim.cites if n in cache] or list(cache)
        pool = [f for n in sources for f in cache[n]]
        for fig in extract_figures(claim.text):
            if not any(figures_match(fig, other) for other in pool):
                missing.append(fig)
    return missing
