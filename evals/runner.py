"""`lexcite eval`: run the gold questions through LexCite (and the baselines), score, report."""

from __future__ import annotations

import json
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

from evals.gold_check import load_gold
from evals.groups import blind_sets, group_entries, load_blind, risk_coverage, summarise
from evals.metrics import aggregate, score_question
from ingest.settings import Settings

FLOORS_PATH = Path(__file__).with_name("floors.toml")
HEADLINE = ("fact_accuracy", "recall@1", "recall@5", "recall@10", "mrr", "ndcg@10", "citation_support",
            "figure_faithfulness", "abstention_precision", "abstention_recall", "p50_ms")


def pairing(gold: dict, languages: dict[str, str]) -> str:
    docs = [e["doc_id"] for e in gold.get("evidence", [])]
    if not docs:
        return f"{gold['language']}->none"
    evidence_languages = {languages.get(d, "?") for d in docs}
    target = "en" if "en" in evidence_languages else next(iter(evidence_languages))
    return f"{gold['language']}->{target}"


def _breakdown(rows: list[tuple[dict, dict]], key) -> dict:
    groups: dict[str, list] = {}
    for gold, row in rows:
        groups.setdefault(key(gold), []).append((gold, row))
    return {name: aggregate(items) for name, items in sorted(groups.items())}


def run_eval(settings: Settings, *, gold_path: Path | None = None, split: str = "all", baselines: bool = False,
             corpus_root: Path | None = None, progress: bool = True, service=None, blind: bool | None = None,
             without: tuple[str, ...] = (), blind_paths: list[Path] | None = None) -> dict:
    """Score the gold (or ``gold_path``) and, for the whole gold, the blind sets (all of evals/gold/blind*, or
    ``blind_paths``) as a group of their own."""
    from evals.systems import build_systems
    from ingest.manifest import load_manifest
    from retrieval.service import AnswerService

    gold = [g for g in load_gold(gold_path) if split == "all" or g.get("split") == split]
    service = service or AnswerService(settings)
    service.ensure_ready()
    languages = {e.id: e.language for e in load_manifest().entries}
    systems = build_systems(service, corpus_root or settings.corpus_root, baselines, without)
    questions, per_system = _score_all(gold, systems, languages, progress, "eval")
    results = {"systems": {}, "questions": questions,
               "meta": {"gold": str(gold_path or "evals/gold/gold.jsonl"), "split": split, "model": service.embedder.model_id,
                        "store": settings.describe_store(), "questions": len(gold)}}
    for name, rows in per_system.items():
        metrics = aggregate(rows)
        metrics["by_type"] = _breakdown(rows, lambda g: g["type"])
        metrics["by_language"] = _breakdown(rows, lambda g: g["language"])
        metrics["by_pairing"] = _breakdown(rows, lambda g: pairing(g, languages))
        results["systems"][name] = metrics
    if blind if blind is not None else (gold_path is None and split == "all"):
        blind_questions = {stem: _score_all(rows, systems, languages, progress, stem)[0]
                           for stem, rows in load_blind(blind_paths or blind_sets()).items()}
        results["blind_questions"] = blind_questions
        groups = group_entries(questions, blind_questions)
        results["groups"] = {name: {s.name: summarise(entries, s.name) for s in systems}
                             for name, entries in groups.items()}
        results["risk_coverage"] = {name: risk_coverage(entries) for name, entries in groups.items()
                                    if name in ("dev", "test", "blind")}
    return results


def _score_all(gold: list[dict], systems: list, languages: dict[str, str], progress: bool,
               label: str) -> tuple[list[dict], dict[str, list[tuple[dict, dict]]]]:
    from tqdm import tqdm

    per_system: dict[str, list[tuple[dict, dict]]] = {s.name: [] for s in systems}
    questions = []
    for g in tqdm(gold, unit="q", desc=label, disable=not progress, dynamic_ncols=True):
        entry = {"id": g["id"], "question": g["question"], "type": g["type"], "language": g["language"],
                 "answerable": g.get("answerable", True), "split": g.get("split", ""),
                 "pairing": pairing(g, languages), "expected": g.get("facts", []),
                 "evidence": g.get("evidence", []), "systems": {}}
        for system in systems:
            out = system.run(g["question"])
            row = score_question(g, out)
            per_system[system.name].append((g, row))
            entry["systems"][system.name] = {"answer": out.answer, "abstained": out.abstained,
                                             "verified": out.verified, "correct": row["correct"],
                                             "fact_correct": row.get("fact_correct"), "rank": row.get("rank"),
                                             "citation_support": row.get("citation_support"),
                                             "latency_ms": round(out.latency_ms, 2), **out.extra}
        questions.append(entry)
    return questions, per_system


PAIRING_SYSTEMS = ("lexcite", "naive_langchain")


def pairing_table(results: dict, systems: tuple[str, ...] = PAIRING_SYSTEMS) -> dict:
    """{system: {pairing: {questions, recall@5, fact_accuracy}}} from one eval's results."""
    table = {}
    for name in systems:
        by_pairing = results["systems"].get(name, {}).get("by_pairing", {})
        table[name] = {p: {"questions": m["questions"], "recall@5": m["recall@5"], "fact_accuracy": m["fact_accuracy"]}
                       for p, m in by_pairing.items() if not p.endswith("->none")}
    return table


def compare_embedders(settings: Settings, embedders: list[str], out_dir: Path, *, main: dict | None = None,
                      gold_path: Path | None = None, split: str = "all", corpus_root: Path | None = None,
                      progress: bool = True) -> dict:
    """LexCite and the tutorial pipeline with each embedder, broken down by language pairing.

    The settings' own embedder reuses the main run (``main``) and store; any other embedder gets a store of
    its own under OUT/stores/<embedder>, built from the same corpus root, so the user's store is untouched.
    """
    from ingest.pipeline import ingest_paths

    corpus_root = corpus_root or settings.corpus_root
    comparison = {}
    for name in embedders:
        if name == settings.embedder and main is not None:
            results = main
        else:
            own = settings if name == settings.embedder else settings.model_copy(
                update={"embedder": name, "store": out_dir / "stores" / name, "chroma_host": None})
            report = ingest_paths([corpus_root], own, progress=progress)
            if not report.ok:
                raise RuntimeError(f"ingest with {name} failed: "
                                   + "; ".join(f"{f.path}: {f.reason}" for f in report.skipped))
            results = run_eval(own, gold_path=gold_path, split=split, baselines=True, corpus_root=corpus_root,
                               progress=progress)
        lexcite = results["systems"]["lexcite"]
        comparison[name] = {"model": results["meta"]["model"], "systems": pairing_table(results),
                            "overall": {k: lexcite.get(k) for k in ("recall@5", "fact_accuracy", "questions")}}
    return comparison


def check_floors(results: dict, floors_path: Path = FLOORS_PATH) -> list[str]:
    floors = tomllib.loads(floors_path.read_text(encoding="utf-8"))["lexcite"]
    metrics = results["systems"]["lexcite"]
    return [f"{name} = {metrics.get(name)} is below the floor {floor}" for name, floor in floors.items()
            if metrics.get(name) is None or metrics[name] < floor]


def write_results(results: dict, out_dir: Path) -> None:
    from evals.report import write_report

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    write_report(results, out_dir)


@dataclass(frozen=True)
class EvalJob:
    """What `lexcite eval` was asked to do (the gold set, its split, the systems, where to write)."""

    out: Path = Path("out/eval")
    gold: Path | None = None
    split: str = "all"
    baselines: bool = False
    embedders: tuple[str, ...] = ()
    check_floors: bool = False
    progress: bool = True
    without: tuple[str, ...] = ()  # named rules switched off, to measure what each is worth


def run(job: EvalJob, settings: Settings) -> int:
    """Run the gold evaluation, write results and reports under ``job.out``; the exit status."""
    from ingest.embedder import EMBEDDERS

    unknown = [n for n in job.embedders if n not in EMBEDDERS]
    if unknown:
        print(f"lexcite eval: --embedders: unknown embedder(s) {', '.join(unknown)} (choose from "
              f"{', '.join(EMBEDDERS)})", file=sys.stderr)
        return 2
    results = run_eval(settings, gold_path=job.gold, split=job.split,
                       baselines=job.baselines or bool(job.embedders), progress=job.progress,
                       without=job.without)
    if job.embedders:
        results["embedders"] = compare_embedders(settings, list(job.embedders), job.out, main=results,
                                                 gold_path=job.gold, split=job.split, progress=job.progress)
    write_results(results, job.out)
    if results.get("groups"):
        from evals.report import groups_table

        print(groups_table(results) + "\n")
    print(summary_table(results))
    print(f"\nwrote {job.out / 'results.json'}, {job.out / 'report.md'}, {job.out / 'report.html'}")
    if job.check_floors:
        problems = check_floors(results)
        for p in problems:
            print(f"FLOOR: {p}", file=sys.stderr)
        return 1 if problems else 0
    return 0


def summary_table(results: dict) -> str:
    names = list(results["systems"])
    lines = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for metric in HEADLINE + ("overall_accuracy", "false_abstentions"):
        cells = [results["systems"][n].get(metric) for n in names]
        lines.append(f"| {metric} | " + " | ".join("–" if c is None else f"{c}" for c in cells) + " |")
    return "\n".join(lines)
