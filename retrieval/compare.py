"""Comparisons: "Which is higher, the PIPL's maximum fine or the DSL's?" asks two figures, each cited, and which
is higher. The question is answered once per side (the other side's name taken out), and the two answers are
joined with the comparison stated."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.manifest import load_manifest
from retrieval.compose import Composition, abstain, citation_label
from retrieval.laws import SECONDARY_KINDS, law_names, law_spans
from retrieval.query import QueryAnalysis
from retrieval.records import TraceStep
from retrieval.rules.asks import asks_comparison, comparison_direction
from retrieval.rules.registry import enabled
from retrieval.verify import Claim

_ARTICLE_AFTER = re.compile(r"['’]?s?\s*(?:Article|Art\.?)\s*\d+|\s*第[一二三四五六七八九十百零\d]+条", re.I)


@dataclass(frozen=True)
class Side:
    law: str  # doc id of the law this side asks about
    question: str  # the question with the other side's law taken out


def sides(question: str) -> list[Side]:
    """The two sides of a comparison between two laws the question names ([] when it is no such comparison)."""
    if not enabled("comparison") or not asks_comparison(question):
        return []
    manifest = load_manifest()
    # a guide the question names is where a comparison was read, not a side of it
    spans = [(a, b, doc_id) for a, b, doc_id in law_spans(question, manifest)
             if (entry := manifest.by_id(doc_id)) is None or entry.kind not in SECONDARY_KINDS]
    laws = list(dict.fromkeys(doc_id for _, _, doc_id in spans))
    if len(laws) != 2:
        return []
    out = []
    for law in laws:
        text = question
        for start, end, doc_id in sorted(spans, reverse=True):
            if doc_id != law:
                # "the DSL Article 45 tier": the other side's article goes with its name
                tail = _ARTICLE_AFTER.match(text[end:])
                text = f"{text[:start]} {text[end + (tail.end() if tail else 0):]}"
        out.append(Side(law, " ".join(text.split())))
    return out


def _value(comp: Composition, analysis: QueryAnalysis) -> float | None:
    primary = comp.primary
    if primary is None:
        return None
    values = [f.value for f in primary.figures if f.kind in analysis.wants]
    return max(values) if values else None


def _verdict(names: list[str], values: list[float | None], question: str, language: str) -> str:
    if None in values or values[0] == values[1]:
        same = values[0] is not None and values[0] == values[1]
        return ("两者相同。" if language == "zh" else "Both are the same.") if same else ""
    direction = comparison_direction(question)
    larger = 0 if values[0] > values[1] else 1
    pick = larger if direction in ("higher", "longer") else 1 - larger
    word = {"higher": ("higher", "更高"), "lower": ("lower", "更低"), "longer": ("longer", "更长"),
            "shorter": ("shorter", "更短")}[direction]
    return f"{names[pick]}的{word[1]}。" if language == "zh" else f"{names[pick]}'s is {word[0]}."


def join(question: str, parts: list[tuple[Side, Composition, QueryAnalysis]], analysis: QueryAnalysis) -> Composition:
    """One answer from the two sides: each side's figure and quote with its citation, then the comparison."""
    missing = [side for side, comp, _ in parts if comp.abstained or not comp.key_figure]
    if missing:
        names = ", ".join(law_names([side.law])[0] for side in missing)
        reasons = " ".join(comp.reason for _, comp, _ in parts if comp.abstained)
        return abstain([p for _, comp, _ in parts for p in comp.cited][:3],
                       f"It states no figure of the kind asked for {names}. {reasons}".strip(), analysis,
                       "comparison")
    out = Composition(support=min(comp.support for _, comp, _ in parts), primary=parts[0][1].primary)
    names = [law_names([side.law])[0] for side, _, _ in parts]
    lines = []
    for n, ((_, comp, _), name) in enumerate(zip(parts, names, strict=True), start=1):
        out.cited.append(comp.cited[0])
        out.quotes.append(comp.quotes[0])
        out.claims.append(Claim(comp.key_figure, (n,)))
        out.stated += comp.stated
        quote = comp.quotes[0].text
        out.claims.append(Claim(quote, (n,)))
        lines.append(f"{name}: {comp.key_figure} [{n}] — {citation_label(comp.cited[0], comp.quotes[0])}: "
                     f"“{quote}” [{n}]")
        out.trace += comp.trace
    verdict = _verdict(names, [_value(comp, a) for _, comp, a in parts], question, analysis.language)
    out.key_figure = "; ".join(f"{name}: {comp.key_figure}" for name, (_, comp, _) in zip(names, parts, strict=True))
    out.text = "\n\n".join([*([verdict] if verdict else []), *lines])
    out.trace.append(TraceStep("comparison", verdict or "two figures, not comparable", "kept"))
    return out
