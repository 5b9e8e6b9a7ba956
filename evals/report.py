"""report.md and report.html (with matplotlib plots) from an eval's results."""

from __future__ import annotations

import base64
import html
from pathlib import Path

KS_PLOT = (1, 2, 3, 4, 5, 10)
TABLE_METRICS = ("fact_accuracy", "overall_accuracy", "recall@1", "recall@5", "recall@10", "mrr", "ndcg@10",
                 "citation_support", "figure_faithfulness", "abstention_precision", "abstention_recall",
                 "false_abstentions", "p50_ms", "p95_ms", "mean_answer_chars")


def _fmt(value) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _save(fig, path: Path) -> Path:
    import matplotlib.pyplot as plt

    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plots(results: dict, out_dir: Path) -> dict[str, Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    systems = results["systems"]
    names = list(systems)
    made: dict[str, Path] = {}

    types = sorted({t for m in systems.values() for t in m.get("by_type", {})})
    fig, ax = plt.subplots(figsize=(9, 4))
    width = 0.8 / max(len(names), 1)
    for i, name in enumerate(names):
        values = [systems[name]["by_type"].get(t, {}).get("overall_accuracy") or 0 for t in types]
        ax.bar([x + i * width for x in range(len(types))], values, width, label=name)
    ax.set_xticks([x + width * (len(names) - 1) / 2 for x in range(len(types))], types)
    ax.set_ylim(0, 1)
    ax.set_ylabel("accuracy (facts right, or correct abstention)")
    ax.set_title("Accuracy by question type and system")
    ax.legend(fontsize=8)
    made["accuracy_by_type"] = _save(fig, out_dir / "accuracy_by_type.png")

    fig, ax = plt.subplots(figsize=(6, 4))
    for name in names:
        ax.plot(KS_PLOT, [systems[name].get(f"recall@{k}") or 0 for k in KS_PLOT], marker="o", label=name)
    ax.set_xlabel("k")
    ax.set_ylabel("recall@k of the evidence passage")
    ax.set_ylim(0, 1)
    ax.set_title("Recall@k")
    ax.legend(fontsize=8)
    made["recall_at_k"] = _save(fig, out_dir / "recall_at_k.png")

    fig, ax = plt.subplots(figsize=(6, 4))
    for name in names:
        latencies = [q["systems"][name]["latency_ms"] for q in results["questions"] if name in q["systems"]]
        if latencies:
            ax.hist(latencies, bins=30, alpha=0.5, label=name)
    ax.set_xlabel("latency per question (ms)")
    ax.set_ylabel("questions")
    ax.set_title("Latency")
    ax.legend(fontsize=8)
    made["latency"] = _save(fig, out_dir / "latency.png")
    if results.get("risk_coverage"):
        made["risk_coverage"] = _risk_coverage_plot(results["risk_coverage"], out_dir)
    return made


def _risk_coverage_plot(curves: dict[str, list[dict]], out_dir: Path) -> Path:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for group, curve in curves.items():
        if curve:
            ax.plot([c["coverage"] for c in curve], [c["risk"] for c in curve], marker=".", label=group)
    ax.set_xlabel("coverage (share of questions answered at the threshold)")
    ax.set_ylabel("risk (share of given answers that are wrong)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, max(0.05, max((c["risk"] for cs in curves.values() for c in cs), default=0.5)))
    ax.set_title("Risk against coverage, by the answer's confidence")
    ax.legend(fontsize=8)
    return _save(fig, out_dir / "risk_coverage.png")


GROUP_COLUMNS = ("facts", "evidence", "near misses abstained", "off-topic abstained", "false abstentions")


def groups_table(results: dict, system: str = "lexcite") -> str:
    """Blind first: the only figures no rule was tuned on."""
    groups = results.get("groups", {})
    order = sorted(groups, key=lambda g: (not g.startswith("blind"), g != "blind", g))
    rows = []
    for name in order:
        m = groups[name].get(system)
        if not m:
            continue
        rows.append([name, str(m["questions"]), f"{m['facts']}/{m['answerable']} ({_fmt(m['fact_accuracy'])})",
                     f"{m['evidence']}/{m['answerable']} ({_fmt(m['evidence_rate'])})",
                     f"{m['near_misses_abstained']}/{m['near_misses']}",
                     f"{m['offtopic_abstained']}/{m['offtopic']}",
                     f"{m['false_abstentions']} ({_fmt(m['false_abstention_rate'])})"])
    return _table(["group", "n", *GROUP_COLUMNS], rows)


def failures(results: dict, system: str = "lexcite") -> list[dict]:
    out = []
    for q in results["questions"]:
        got = q["systems"].get(system)
        if got is not None and not got["correct"]:
            out.append({"id": q["id"], "question": q["question"], "type": q["type"], "pairing": q["pairing"],
                        "answerable": q["answerable"], "expected": q["expected"], "answer": got["answer"],
                        "abstained": got["abstained"], "rank": got.get("rank"),
                        "citations": got.get("citations", [])})
    return out


def markdown(results: dict) -> str:
    systems = results["systems"]
    names = list(systems)
    meta = results.get("meta", {})
    parts = [f"# LexCite evaluation\n\nGold: `{meta.get('gold')}` (split: {meta.get('split')}, "
             f"{meta.get('questions')} questions) · model: {meta.get('model')} · store: {meta.get('store')}\n",
             *(["## Blind, dev and test groups (blind first)\n", groups_table(results) + "\n"]
               if results.get("groups") else []),
             "## Systems side by side\n",
             _table(["metric", *names], [[m, *[_fmt(systems[n].get(m)) for n in names]] for m in TABLE_METRICS])]
    for title, key in (("By question type", "by_type"), ("By language", "by_language"),
                       ("By language pairing (question → evidence)", "by_pairing")):
        parts.append(f"\n## {title}\n")
        groups = sorted({g for n in names for g in systems[n].get(key, {})})
        rows = []
        for g in groups:
            for n in names:
                m = systems[n].get(key, {}).get(g)
                if m:
                    rows.append([g, n, str(m["questions"]), _fmt(m.get("fact_accuracy")), _fmt(m.get("recall@5")),
                                 _fmt(m.get("overall_accuracy")), _fmt(m.get("abstention_recall"))])
        parts.append(_table(["group", "system", "n", "fact_accuracy", "recall@5", "overall", "abstention_recall"], rows))
    if results.get("embedders"):
        parts.append("\n## By language pairing and embedder\n")
        rows = []
        pairings = sorted({p for e in results["embedders"].values() for s in e["systems"].values() for p in s})
        for p in pairings:
            for embedder, entry in results["embedders"].items():
                for system, table in entry["systems"].items():
                    if p in table:
                        m = table[p]
                        rows.append([p, f"{embedder} ({entry['model']})", system, str(m["questions"]),
                                     _fmt(m["recall@5"]), _fmt(m["fact_accuracy"])])
        parts.append(_table(["pairing", "embedder", "system", "n", "recall@5", "fact_accuracy"], rows))
    parts.append("\n## Plots\n\n![accuracy by type](accuracy_by_type.png)\n![recall@k](recall_at_k.png)\n"
                 "![latency](latency.png)\n" + ("![risk against coverage](risk_coverage.png)\n"
                                                 if results.get("risk_coverage") else ""))
    fails = failures(results)
    parts.append(f"\n## Failures of lexcite ({len(fails)})\n")
    for f in fails:
        expected = "abstain" if not f["answerable"] else " AND ".join(" | ".join(v) for v in f["expected"])
        got = "(abstained) " if f["abstained"] else ""
        parts.append(f"### {f['id']} · {f['type']} · {f['pairing']}\n\n**Q:** {f['question']}\n\n"
                     f"**Expected:** {expected}  \n**Evidence rank:** {f['rank']}\n\n**Got:** {got}"
                     f"{f['answer'][:700]}\n\n**Cited:** {'; '.join(f['citations'])}\n")
    return "\n".join(parts)


def write_report(results: dict, out_dir: Path) -> None:
    made = plots(results, out_dir)
    md = markdown(results)
    (out_dir / "report.md").write_text(md, encoding="utf-8")
    images = {name: base64.b64encode(path.read_bytes()).decode() for name, path in made.items()}
    body = html.escape(md)
    for name in images:
        body = body.replace(html.escape(f"]({name if name != 'recall_at_k' else 'recall_at_k'}.png)"), "]")
    figures = "".join(f'<figure><img src="data:image/png;base64,{data}" alt="{name}"><figcaption>{name}'
                      f"</figcaption></figure>" for name, data in images.items())
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>LexCite evaluation</title>"
            "<style>body{font-family:sans-serif;max-width:1100px;margin:auto;padding:1em}"
            "pre{white-space:pre-wrap}img{max-width:100%}</style></head><body>"
            f"<h1>LexCite evaluation</h1>{figures}<pre>{body}</pre></body></html>")
    (out_dir / "report.html").write_text(page, encoding="utf-8")
