"""Deterministic metrics: evidence hits, recall@k, MRR, nDCG, fact accuracy with figure
normalisation, citation support, figure faithfulness, abstention — no LLM judge."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from retrieval.figures import extract_figures, figures_match

KS = (1, 2, 3, 4, 5, 10)
# citation labels and markers are not figures the answer states
_LABELS = re.compile(r"\[\d+\]|\bArt\. \d+(?: ¶\d+)?(?: \(p\. \d+\))?|\bp\. \d+|\bItem \d+|¶\d+|第[零一二三四五六七八九十百千]+[条款项]")


@dataclass
class Evidence:
    doc_id: str
    quote: str
    locator: str = ""


@dataclass
class Retrieved:
    doc_id: str
    text: str
    translation_of: str = ""


@dataclass
class SystemOutput:
    """What one system produced for one question."""

    answer: str
    abstained: bool
    retrieved: list[Retrieved]  # ranked passages (for retrieval metrics)
    cited: list[Retrieved]  # passages the answer cites
    latency_ms: float
    verified: bool | None = None
    extra: dict = field(default_factory=dict)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def is_hit(passage: Retrieved, evidence: list[Evidence]) -> bool:
    body = _squash(passage.text)
    for ev in evidence:
        if passage.doc_id != ev.doc_id:
            continue
        quote = _squash(ev.quote)
        if quote in body or (len(quote) > 40 and (quote[:30] in body or quote[-30:] in body)):
            return True
    return False


def first_hit_rank(retrieved: list[Retrieved], evidence: list[Evidence]) -> int | None:
    for rank, passage in enumerate(retrieved, start=1):
        if is_hit(passage, evidence):
            return rank
    return None


def ndcg_at(retrieved: list[Retrieved], evidence: list[Evidence], k: int = 10) -> float:
    gains = [1.0 if is_hit(p, evidence) else 0.0 for p in retrieved[:k]]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal_hits = min(len({e.doc_id for e in evidence}), k) or 1
    idcg = sum(1 / math.log2(i + 2) for i in range(ideal_hits))
    return min(dcg / idcg, 1.0)


_NUMERAL = "0123456789零一二三四五六七八九十百千万两"


def _contains(squashed: str, variant: str) -> bool:
    """Whether the answer states the variant as written, not as the tail of another number (十个工作日 is not stated by
    二十个工作日, nor 10 days by 110 days)."""
    start = squashed.find(variant)
    while start >= 0:
        before = squashed[max(0, start - 2):start]
        if not (variant[0] in _NUMERAL and before and (before[-1] in _NUMERAL or
                                                       before[-1] in ".," and before[:1].isdigit())):
            return True
        start = squashed.find(variant, start + 1)
    return False


def fact_present(variants: list[str], answer: str) -> bool:
    squashed = _squash(answer)
    if any(_squash(v) and _contains(squashed, _squash(v)) for v in variants):
        return True
    answer_figures = extract_figures(_LABELS.sub(" ", answer))
    for variant in variants:
        wanted = extract_figures(variant)
        if wanted and all(any(figures_match(w, a) for a in answer_figures) for w in wanted):
            return True
    return False


def facts_correct(facts: list[list[str]], answer: str) -> bool:
    return all(fact_present(variants, answer) for variants in facts)


def figure_support(answer: str, cited: list[Retrieved]) -> tuple[int, int]:
    """(supported, total) figures of the answer text against the passages it cites."""
    figures = extract_figures(_LABELS.sub(" ", answer))
    pool = [f for p in cited for f in extract_figures(p.text)]
    supported = sum(1 for f in figures if any(figures_match(f, g) for g in pool))
    return supported, len(figures)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def score_question(gold: dict, out: SystemOutput) -> dict:
    evidence = [Evidence(e["doc_id"], e["quote"], e.get("locator", "")) for e in gold.get("evidence", [])]
    answerable = bool(gold.get("answerable", True))
    row: dict = {"abstained": out.abstained, "latency_ms": out.latency_ms, "answer_chars": len(out.answer)}
    if answerable:
        rank = first_hit_rank(out.retrieved, evidence)
        row["rank"] = rank
        for k in KS:
            row[f"recall@{k}"] = 1.0 if rank is not None and rank <= k else 0.0
        row["mrr"] = 1.0 / rank if rank else 0.0
        row["ndcg@10"] = ndcg_at(out.retrieved, evidence, 10)
        row["fact_correct"] = (not out.abstained) and facts_correct(gold["facts"], out.answer)
        row["citation_support"] = any(is_hit(p, evidence) for p in out.cited) if not out.abstained else None
    if not out.abstained:
        supported, total = figure_support(out.answer, out.cited)
        row["figures_supported"], row["figures_total"] = supported, total
    row["correct"] = row.get("fact_correct", False) if answerable else out.abstained
    return row


def aggregate(rows: list[tuple[dict, dict]]) -> dict:
    """rows: (gold, scored row) pairs -> metrics."""
    answerable = [(g, r) for g, r in rows if g.get("answerable", True)]
    unanswerable = [(g, r) for g, r in rows if not g.get("answerable", True)]
    metrics: dict = {"questions": len(rows), "answerable": len(answerable), "unanswerable": len(unanswerable)}

    def mean(values):
        values = [v for v in values if v is not None]
        return round(sum(values) / len(values), 4) if values else None

    metrics["fact_accuracy"] = mean([1.0 if r["fact_correct"] else 0.0 for _, r in answerable])
    for k in KS:
        metrics[f"recall@{k}"] = mean([r[f"recall@{k}"] for _, r in answerable])
    metrics["mrr"] = mean([r["mrr"] for _, r in answerable])
    metrics["ndcg@10"] = mean([r["ndcg@10"] for _, r in answerable])
    metrics["citation_support"] = mean([1.0 if r["citation_support"] else 0.0 for _, r in answerable
                                        if r["citation_support"] is not None])
    supported = sum(r.get("figures_supported", 0) for _, r in rows)
    total = sum(r.get("figures_total", 0) for _, r in rows)
    metrics["figure_faithfulness"] = round(supported / total, 4) if total else 1.0
    abstained = [(g, r) for g, r in rows if r["abstained"]]
    metrics["abstention_precision"] = mean([0.0 if g.get("answerable", True) else 1.0 for g, _ in abstained]) \
        if abstained else (1.0 if not unanswerable else 0.0)
    metrics["abstention_recall"] = mean([1.0 if r["abstained"] else 0.0 for _, r in unanswerable])
    metrics["false_abstentions"] = sum(1 for g, r in answerable if r["abstained"])
    metrics["overall_accuracy"] = mean([1.0 if r["correct"] else 0.0 for _, r in rows])
    latencies = [r["latency_ms"] for _, r in rows]
    metrics["p50_ms"] = round(percentile(latencies, 0.5), 2)
    metrics["p95_ms"] = round(percentile(latencies, 0.95), 2)
    metrics["mean_answer_chars"] = round(sum(r["answer_chars"] for _, r in rows) / len(rows), 1) if rows else 0
    return metrics
