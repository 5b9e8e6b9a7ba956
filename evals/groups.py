"""The three groups every evaluation reports: the gold's dev and test splits, and the blind sets, each set scored
as it was first written (evals/gold/blind*.jsonl and holdout9.jsonl). The blind figures are the headline: they are
the only ones no rule was tuned on.

For each group: facts in the answer, evidence cited, near misses abstained, off-topic questions abstained, false
abstentions; and the risk–coverage curve of the answer's confidence (how many answers are wrong among those given
at each confidence threshold)."""

from __future__ import annotations

from pathlib import Path

from evals.gold_check import load_gold

GOLD_DIR = Path(__file__).with_name("gold")
# kept out of all work: scored at the start and at the end of a session only (blind11 since session 6, blind13
# since session 7, blind21 and blind23 since session 12; blind25, 26, 28, 30, 32, 33 and 34 since session 13; 36, 38,
# 40-44 since session 14; 46, 48, 49 and 50 since session 15; 55 since session 16; 57 since session 17; 61 since session 18; 66 since session 19; 71 since session 20; 75 since session 21; 78 and 82 since session 22; 84, 86 and 88 since session 23; 90, 92 and 94
# since session 24; 96, 98 and 100 since session 25; 102, 104 and 106 since session 26; 108, 110 and 112 since session 27; 118, 120 and 123 since session 28; 125 and 128 since session 29; 130 and 132 since session 30; 134 and 136 since session 31; 138 and 140 since session 32; 142 and 144 since session 33; 148 and 150 since session 34; 154, 156 and 159 since session 35; 159 written at the session's end and scored only on its first and last commits; 161, 163 and 166 since session 36; 166 written at the session's end and scored only on its first and last commits; 167 and 170 since session 37; 172 written at the session's end and scored only on its first and last commits; 174 and 178 since session 38; 179 and 183 since session 39; 184 and 188 since session 40; 189 and 193 since session 41; 194 and 198 since session 42; 200 and 204 since session 43; 205, 208 and 210 since session 44; 212 and 215 since session 45; 217 and 220 since session 46; 222 and 225 since session 47; 227 and 230 since session 48; 232 and 235 since session 49); the others
# were scored once before any work on them, then worked on
HELD_OUT = ("blind11", "blind13", "blind21", "blind23", "blind25", "blind26", "blind28", "blind30", "blind32", "blind33",
            "blind34", "blind36", "blind38", "blind40", "blind41", "blind42", "blind43", "blind44", "blind46", "blind48",
            "blind49", "blind50", "blind55", "blind57", "blind61", "blind66", "blind71",
            "blind75", "blind78", "blind82", "blind84", "blind86", "blind88", "blind90", "blind92", "blind94",
            "blind96", "blind98", "blind100", "blind102", "blind104", "blind106", "blind108",
            "blind110", "blind112", "blind118", "blind120", "blind123",
            "blind125", "blind128", "blind130", "blind132", "blind134", "blind136",
            "blind138", "blind140", "blind142", "blind144", "blind148",
            "blind150", "blind154", "blind156", "blind159",
            "blind161", "blind163", "blind166", "blind167", "blind170", "blind172",
            "blind174", "blind178", "blind179", "blind183",
            "blind184", "blind188", "blind189", "blind193", "blind194", "blind198",
            "blind200", "blind204", "blind205", "blind208", "blind210",
            "blind212", "blind215", "blind217", "blind220",
            "blind222", "blind225", "blind227", "blind230",
            "blind232", "blind235")


def blind_sets(folder: Path = GOLD_DIR) -> list[Path]:
    return sorted([*folder.glob("blind*.jsonl"), *folder.glob("holdout*.jsonl")])


def worked_sets(folder: Path = GOLD_DIR) -> list[Path]:
    """The gold and the blind sets worked on: what a model may be trained on (never the held-out ones)."""
    return [folder / "gold.jsonl", *(p for p in blind_sets(folder) if p.stem not in HELD_OUT)]


def summarise(entries: list[dict], system: str = "lexcite") -> dict:
    """The headline counts of one group, from the runner's per-question entries."""
    answerable = [e for e in entries if e["answerable"]]
    unanswerable = [e for e in entries if not e["answerable"]]
    off = [e for e in unanswerable if e["type"] == "offtopic"]
    near = [e for e in unanswerable if e["type"] != "offtopic"]

    def out(e: dict) -> dict:
        return e["systems"][system]

    facts = sum(1 for e in answerable if out(e).get("fact_correct"))
    cited = sum(1 for e in answerable if out(e).get("citation_support"))
    return {
        "questions": len(entries), "answerable": len(answerable),
        "facts": facts, "fact_accuracy": round(facts / len(answerable), 4) if answerable else None,
        "evidence": cited, "evidence_rate": round(cited / len(answerable), 4) if answerable else None,
        "near_misses": len(near), "near_misses_abstained": sum(1 for e in near if out(e)["abstained"]),
        "offtopic": len(off), "offtopic_abstained": sum(1 for e in off if out(e)["abstained"]),
        "false_abstentions": sum(1 for e in answerable if out(e)["abstained"]),
        "false_abstention_rate": round(sum(1 for e in answerable if out(e)["abstained"]) / len(answerable), 4)
        if answerable else None,
    }


def risk_coverage(entries: list[dict], system: str = "lexcite") -> list[dict]:
    """For each confidence threshold: the share of questions answered (coverage) and the share of those answers
    that are wrong (risk: a wrong figure, or an answer to a question the corpus cannot answer)."""
    given = [(out["confidence"], bool(out.get("correct")))
             for e in entries if not (out := e["systems"][system])["abstained"] and "confidence" in out]
    curve = []
    for threshold in sorted({c for c, _ in given} | {0.0}):
        kept = [ok for c, ok in given if c >= threshold]
        if kept:
            curve.append({"threshold": threshold, "coverage": round(len(kept) / len(entries), 4),
                          "risk": round(1 - sum(kept) / len(kept), 4)})
    return curve


def group_entries(gold_entries: list[dict], blind: dict[str, list[dict]]) -> dict[str, list[dict]]:
    groups = {"dev": [e for e in gold_entries if e["split"] == "dev"],
              "test": [e for e in gold_entries if e["split"] == "test"],
              "blind": [e for entries in blind.values() for e in entries]}
    groups.update({f"blind:{name}": entries for name, entries in blind.items()})
    return {name: entries for name, entries in groups.items() if entries}


def load_blind(paths: list[Path]) -> dict[str, list[dict]]:
    return {path.stem: load_gold(path) for path in paths}
