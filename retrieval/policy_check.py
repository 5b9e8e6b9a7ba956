"""A user's policy checked against the law: each figure of the document (a retention period, a reporting deadline,
a yearly volume sent abroad), what it is about and whom it binds, beside the register's statutory figure of the
same role, with one verdict: meets, falls_short or no_statutory_figure."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from retrieval.duties import duty_at
from retrieval.figures import Figure, extract_figures, figure_glosses
from retrieval.register.read import in_force
from retrieval.register.records import RegisterRecord
from retrieval.sentences import paragraphs, sentence_spans
from retrieval.transfer import Transfer, TransferError, route

DATA = Path(__file__).resolve().parent / "data" / "policy_topics.toml"
# what a policy states that the law may measure: not dates or words like "promptly"
POLICY_KINDS = ("duration", "count", "frequency", "percent", "amount")
HOURS = {"minute": 1 / 60, "hour": 1.0, "day": 24.0, "working-day": 24.0, "week": 168.0, "month": 720.0,
         "year": 8760.0}
# a line break inside a paragraph, not before a heading or a list item
_SOFT_BREAK = re.compile(r"(?<=[^\n])\n(?=[^\n#\-*•（(\d])")
_HEADING = re.compile(r"^\s*#{1,6}\s*(.+?)\s*#*\s*$")
_PARTIES = {"authority": "office", "party": "organisation", "individual": "individual"}


class CheckError(ValueError):
    """A document we cannot read; str() names the file and why."""


@dataclass
class Quoted:
    figure: str
    quote: str
    locator: str
    doc_id: str = ""


@dataclass
class Finding:
    topic: str
    binds: str
    policy: Quoted
    law: Quoted | None
    verdict: str  # meets | falls_short | no_statutory_figure
    route: str = ""  # for a volume sent abroad: the route the law requires
    note: str = ""


@dataclass
class CheckReport:
    document: str
    findings: list[Finding] = field(default_factory=list)

    def to_dict(self) -> dict:
        out = {"document": self.document, "findings": []}
        for f in self.findings:
            item = asdict(f)
            if f.law is None:
                item["law"] = None
            else:
                item["law"] = asdict(f.law)
            item["policy"] = {k: v for k, v in item["policy"].items() if k != "doc_id"}
            out["findings"].append(item)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@lru_cache(maxsize=2)
def topics(path: Path = DATA) -> tuple[dict, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return tuple(data["topics"])


def read_document(path: Path) -> str:
    """The text of a policy (.txt .md .html .pdf, or .docx)."""
    if not path.is_file():
        raise CheckError(f"{path}: no such file")
    if path.suffix.lower() == ".docx":
        import docx

        try:
            return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        except Exception as exc:  # a damaged or mislabelled file
            raise CheckError(f"{path}: not a readable Word file ({exc})") from exc
    from ingest.loaders import LoadError, load_file

    try:
        return load_file(path, 50_000_000).text
    except LoadError as exc:
        raise CheckError(f"{path}: {exc}") from exc


def _heading(block: str) -> str:
    """A block that is a heading ("## Part 1 Logs", a short line with no full stop), else ""."""
    line = block.strip()
    if "\n" in line:
        return ""
    m = _HEADING.match(line)
    if m:
        return m.group(1)
    return line if len(line) <= 60 and not re.search(r"[.。;；:：!?！？]$", line) else ""


def policy_sentences(text: str) -> list[tuple[str, str, int]]:
    """(locator, sentence, paragraph) of every sentence that is not a heading, under the heading it stands in."""
    text = _SOFT_BREAK.sub(" ", text)  # a sentence wrapped over lines is one sentence
    headings: dict[int, str] = {}
    current = ""
    for number, (start, end) in enumerate(paragraphs(text), start=1):
        heading = _heading(text[start:end])
        current = heading or current
        headings[number] = "" if heading else current
    out = []
    for span in sentence_spans(text):
        locator = headings.get(span.paragraph, "")
        if locator or not _heading(span.text):
            out.append((locator or f"¶{span.paragraph}", span.text, span.paragraph))
    return out


def topic_of(sentence: str) -> dict | None:
    return next((t for t in topics() if re.search(t["policy"], sentence, re.I)), None)


def statutory(topic: dict, records: list[RegisterRecord]) -> RegisterRecord | None:
    """The register's figure for a topic: the in-force text's sentence stating the same duty."""
    found = [r for r in records if r.kind == topic.get("law_kind") and in_force(r.status)
             and re.search(topic["law"], r.quote)]
    return found[0] if found else None


def in_hours(value: float, unit: str) -> float | None:
    scale = HOURS.get(unit)
    return value * scale if scale is not None else None


def compare(fig: Figure, law: RegisterRecord, how: str) -> str:
    """meets | falls_short: a floor the policy's figure must reach (kept six months, tested once a year), or a
    ceiling it must not pass (reported within 24 hours). Durations compare in hours, other figures in their unit."""
    bound = law.low if how == "floor" else law.high
    if bound is None:
        return "no_statutory_figure"
    if fig.unit == law.unit:
        mine, theirs = fig.value, bound
    else:
        mine, theirs = in_hours(fig.value, fig.unit), in_hours(bound, law.unit)
    if mine is None or theirs is None:
        return "no_statutory_figure"
    ok = mine >= theirs - 1e-9 if how == "floor" else mine <= theirs + 1e-9
    return "meets" if ok else "falls_short"


def _gloss(text: str, fig: Figure) -> str:
    glosses = dict(figure_glosses(text))
    return glosses.get(fig.text, fig.text)


def _law_quote(record: RegisterRecord) -> Quoted:
    figure = record.english or record.figure
    return Quoted(f"{figure} ({record.law} {record.locator})", record.quote, record.locator, record.doc_id)


def _transfer_finding(topic: dict, fig: Figure, sentence: str, units) -> tuple[Quoted | None, str, str, str]:
    sensitive = bool(re.search(topic["sensitive"], sentence, re.I))
    number = int(fig.value)
    transfer = Transfer(0 if sensitive else number, number if sensitive else 0)
    try:
        decided = route(transfer, units)
    except TransferError as exc:
        return None, "no_statutory_figure", "", str(exc)
    first = decided.steps[0].citation
    law = Quoted(decided.steps[0].figure or decided.steps[0].text, first.quote, first.locator, first.doc_id)
    if decided.route == "exempt":
        return law, "meets", decided.route, ""
    taken = re.search(topic["mechanisms"][decided.route], sentence, re.I)
    return law, "meets" if taken else "falls_short", decided.route, ""


def finding(locator: str, sentence: str, fig: Figure, records: list[RegisterRecord], units) -> Finding | None:
    topic = topic_of(sentence)
    if topic is not None and fig.kind not in topic["kinds"]:
        return None
    actor, _ = duty_at(sentence, fig.start)
    binds = _PARTIES.get(actor, "organisation")
    policy = Quoted(_gloss(sentence, fig), sentence, locator)
    if topic is None:
        return Finding(_about(sentence), binds, policy, None, "no_statutory_figure")
    if topic["compare"] == "route":
        law, verdict, decided, note = _transfer_finding(topic, fig, sentence, units)
        return Finding(topic["name"], binds, policy, law, verdict, decided, note)
    record = statutory(topic, records)
    if record is None:
        return Finding(topic["name"], binds, policy, None, "no_statutory_figure")
    return Finding(topic["name"], binds, policy, _law_quote(record), compare(fig, record, topic["compare"]))


def _about(sentence: str) -> str:
    words = re.sub(r"\s+", " ", sentence).strip()
    return words[:60] + ("…" if len(words) > 60 else "")


def check_text(name: str, text: str, records: list[RegisterRecord], units) -> CheckReport:
    report = CheckReport(name)
    for locator, sentence, _ in policy_sentences(text):
        for fig in extract_figures(sentence):
            if fig.kind not in POLICY_KINDS:
                continue
            found = finding(locator, sentence, fig, records, units)
            if found is not None:
                report.findings.append(found)
    return report


def check_document(path: Path, store) -> CheckReport:
    from retrieval.register.build import build_register, store_units

    text = read_document(path)
    return check_text(path.name, text, build_register(store).records, store_units(store))


def summary(f: Finding) -> str:
    """One line per finding: what the policy says, what the law says, and the verdict."""
    law = f"The law: {f.law.figure}, {f.law.doc_id} {f.law.locator}" if f.law else "No statute in the store sets one"
    route = f" Route: {f.route}." if f.route else ""
    return f"{f.verdict}: your policy: {f.policy.figure} ({f.policy.locator}). {law}.{route}"


def to_markdown(report: CheckReport) -> str:
    lines = [f"# {report.document} checked against the law", ""]
    if not report.findings:
        return "\n".join(lines + ["no figures found", ""])
    lines += ["| topic | binds | policy | law | verdict |", "|---|---|---|---|---|"]
    for f in report.findings:
        law = f"{f.law.figure} — “{f.law.quote}” ({f.law.doc_id} {f.law.locator})" if f.law else "—"
        policy = f"{f.policy.figure} — “{f.policy.quote}” ({f.policy.locator})"
        cells = [f.topic, f.binds, policy, law, f.verdict + (f" ({f.route})" if f.route else "")]
        lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
    return "\n".join(lines) + "\n"


def to_table(report: CheckReport, width: int = 200) -> str:
    import io

    from rich.console import Console
    from rich.table import Table

    if not report.findings:
        return "no figures found\n"
    table = Table(title=f"{report.document} checked against the law", show_lines=True)
    for column in ("topic", "binds", "policy", "law", "verdict"):
        table.add_column(column, overflow="fold")
    for f in report.findings:
        law = f"{f.law.figure}\n“{f.law.quote}”\n{f.law.doc_id} {f.law.locator}" if f.law else "—"
        table.add_row(f.topic, f.binds, f"{f.policy.figure}\n“{f.policy.quote}”\n{f.policy.locator}", law,
                      f.verdict + (f"\n{f.route}" if f.route else ""))
    console = Console(file=io.StringIO(), width=width, record=True)
    console.print(table)
    return console.export_text()


def to_docx(report: CheckReport, path: Path) -> Path:
    """The check as a Word memo: one row per figure, both texts quoted."""
    import docx

    memo = docx.Document()
    memo.add_heading(f"{report.document} checked against the law", level=1)
    if not report.findings:
        memo.add_paragraph("no figures found")
    else:
        table = memo.add_table(rows=1, cols=5)
        for cell, title in zip(table.rows[0].cells, ("Topic", "Binds", "Policy", "Law", "Verdict"), strict=True):
            cell.text = title
        for f in report.findings:
            cells = table.add_row().cells
            cells[0].text, cells[1].text = f.topic, f.binds
            cells[2].text = f"{f.policy.figure}\n“{f.policy.quote}” ({f.policy.locator})"
            cells[3].text = f"{f.law.figure}\n“{f.law.quote}” ({f.law.doc_id} {f.law.locator})" if f.law else "—"
            cells[4].text = f.verdict + (f" ({f.route})" if f.route else "")
    path.parent.mkdir(parents=True, exist_ok=True)
    memo.save(str(path))
    return path
