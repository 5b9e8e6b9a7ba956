"""Rule `party_provision`: "If a city government bureau mishandles residents' PI, how large a fine can be imposed
on the bureau under PIPL?" A law that treats a party apart (a state organ, retrieval/data/parties.toml) says what
happens to it in a provision of its own, and a fine the general article sets for everyone else is not that party's.
When the named law's provision for the party sets no figure of the kind asked, the answer is that it sets none,
with the provision quoted: positive evidence, not a nearby figure."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from retrieval.compose import Composition, abstain, citation_label
from retrieval.figures import read_figures
from retrieval.laws import originals
from retrieval.query import QueryAnalysis
from retrieval.records import Passage, TraceStep
from retrieval.rules.registry import enabled
from retrieval.sentences import Span, sentence_spans

RULE = "party_provision"
_FINE_ASKED = re.compile(r"\bfine[ds]?\b|\bfining\b|\bpenalt(?:y|ies)\b|罚", re.I)
_FINE_KINDS = frozenset({"amount", "percent", "multiple"})  # a fine's figure (a detention's days are no fine)
DATA = Path(__file__).with_name("data") / "parties.toml"
_ARTICLE_HEAD = re.compile(r"^\s*第[一二三四五六七八九十百零]+条\s*")
_LIABILITY = re.compile(r"不履行|违反|未履行|未依照|未按照")  # the clause says what follows a breach


@dataclass(frozen=True)
class Party:
    name: str
    name_zh: str
    asked: re.Pattern[str]
    marker: tuple[str, ...]


@lru_cache(maxsize=1)
def parties(path: Path = DATA) -> tuple[Party, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(Party(p["name"], p["name_zh"],
                       re.compile("|".join(rf"\b{re.escape(w)}\b" if w.isascii() else re.escape(w) for w in p["asked"]),
                                  re.I),
                       tuple(p["marker"])) for p in data["parties"])


def party_asked(question: str) -> Party | None:
    return next((p for p in parties() if p.asked.search(question)), None)


def asks_party_fine_of(question: str) -> bool:
    """The rule's predicate on a question alone (its examples in cues.toml run through it)."""
    from retrieval.query import analyse

    analysis = analyse(question)
    return _asks_fine(analysis) and party_asked(question) is not None and bool(originals(analysis.laws))


def _asks_fine(analysis: QueryAnalysis) -> bool:
    return bool(analysis.wants & _FINE_KINDS) and bool(_FINE_ASKED.search(analysis.question))


def _provision(chunks: list[Passage], party: Party) -> tuple[Passage, Span] | None:
    """The liability clause a law opens with the party's name (国家机关不履行本法规定的…义务的，…)."""
    for passage in sorted(chunks, key=lambda p: (p.article or 0, p.part)):
        for span in sentence_spans(passage.text):
            head = _ARTICLE_HEAD.sub("", span.text.strip())
            if any(head.startswith(m) for m in party.marker) and _LIABILITY.search(head[:40]):
                return passage, span
    return None


def party_provision(analysis: QueryAnalysis, chunks_of: Callable[[str], list[Passage]]) -> Composition | None:
    """An abstention quoting the party's own provision when it sets no figure of the kind asked; None otherwise
    (no party named, no provision of its own, or one that states the figure: the composer answers from it)."""
    party = party_asked(analysis.question)
    if not enabled(RULE) or party is None or not _asks_fine(analysis):
        return None
    for law in originals(analysis.laws):
        found = _provision(chunks_of(law), party)
        if found is None:
            continue
        passage, span = found
        if any(f.kind in analysis.wants for f in read_figures(span.text)):
            return None
        label = citation_label(passage, span)
        reason = (f"{label}对{party.name_zh}另有规定，未规定罚款等此类数额：“{span.text.strip()}”"
                  if analysis.language == "zh" else
                  f"{label} sanctions the breach described (a {party.name}'s, which the law treats apart) and states "
                  f"no figure of the kind asked ({', '.join(sorted(analysis.wants))}) for it: “{span.text.strip()}”")
        comp = abstain([passage], reason, analysis, RULE)
        comp.trace = [TraceStep(RULE, f"{label}: the {party.name}'s own provision", "abstained")]
        return comp
    return None
