"""Which route the law requires for personal information sent abroad: exempt, a standard contract or
certification, or a security assessment. The thresholds come from the text: retrieval/data/transfer.toml names,
for each, the sentence and the figure; each is checked in the store before it is used, and a missing or changed
text is a refusal, never an answer from a stale table."""

from __future__ import annotations

import json
import tomllib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from retrieval.figures import extract_figures, figures_match
from retrieval.register.read import Unit, item_of
from retrieval.sentences import sentence_spans

DATA = Path(__file__).resolve().parent / "data" / "transfer.toml"
ROUTES = ("exempt", "standard_contract_or_certification", "security_assessment")
PURPOSES = ("contract", "hr", "emergency")


class TransferError(ValueError):
    """A transfer question we cannot answer from this store, or a bad input; str() says which."""


@dataclass
class Cited:
    doc_id: str
    locator: str
    quote: str


@dataclass
class Step:
    text: str
    citation: Cited
    figure: str = ""  # the figure of the decision table this step verified in the text, verbatim
    text_zh: str = ""  # the same step told in Chinese, for a question asked in Chinese ("" when the table has none)

    def told_in(self, language: str) -> str:
        return self.text_zh if language == "zh" and self.text_zh else self.text


@dataclass
class Route:
    route: str
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"route": self.route, "steps": [asdict(s) for s in self.steps], "notes": self.notes}

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)


@dataclass(frozen=True)
class Transfer:
    individuals: int  # personal information (not sensitive) of this many individuals, since 1 January
    sensitive: int  # sensitive personal information of this many individuals, since 1 January
    cii: bool = False
    important_data: bool = False
    purpose: str = ""  # contract | hr | emergency
    free_trade_zone: bool = False


@lru_cache(maxsize=2)
def table(path: Path = DATA) -> dict:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def count(value: object, name: str) -> int:
    """A count of individuals from user input: a whole number, not negative."""
    text = str(value).strip().replace(",", "").replace("_", "")
    try:
        number = int(text)
    except ValueError:
        raise TransferError(f"--{name} must be a whole number of individuals, not {value!r}") from None
    if number < 0:
        raise TransferError(f"--{name} cannot be negative ({number})")
    return number


def check(transfer: Transfer) -> Transfer:
    count(transfer.individuals, "individuals")
    count(transfer.sensitive, "sensitive")
    if transfer.purpose and transfer.purpose not in PURPOSES:
        raise TransferError(f"--purpose must be one of {', '.join(PURPOSES)}, not {transfer.purpose!r}")
    return transfer


def _locator(article: int, paragraph: int, item: int) -> str:
    return f"Art. {article} ¶{paragraph}{f' ({item})' if item else ''}"


def find_sentence(units: dict[tuple[str, int], Unit], entry: dict) -> tuple[str, str]:
    """(locator, sentence) of the table entry in the store, or a TransferError saying what is missing."""
    doc_id, article, paragraph, item = entry["doc_id"], entry["article"], entry["paragraph"], entry["item"]
    locator = _locator(article, paragraph, item)
    unit = units.get((doc_id, article))
    if unit is None:
        raise TransferError(f"the store does not hold {doc_id} Art. {article}, which the decision table cites "
                            f"({locator}); ingest it, or the route cannot be given")
    wanted = entry.get("words") or entry.get("figure", "")
    spans = [s for s in sentence_spans(unit.text) if s.paragraph == paragraph and (not item or
                                                                                   item_of(s) == f"({item})")]
    for span in spans:
        if wanted in span.text:
            return locator, span.text
    found = " / ".join(s.text for s in spans) or "nothing there"
    raise TransferError(f"{doc_id} {locator} in the store no longer says {wanted!r} (it says: {found[:300]}); "
                        "the decision table is stale and no route is given")


def verify_figure(entry: dict, sentence: str, locator: str) -> None:
    """The table's figure, read as answers read figures, is in the cited sentence with the table's value and bound."""
    expected = extract_figures(entry["figure"])
    if not expected or abs(expected[0].value - entry["value"]) > 1e-9:
        raise TransferError(f"the decision table's figure {entry['figure']!r} does not read as {entry['value']}; "
                            f"fix {DATA.name}")
    for fig in extract_figures(sentence):
        if figures_match(expected[0], fig) and (not entry.get("bound") or fig.bound == entry["bound"]):
            return
    raise TransferError(f"{entry['doc_id']} {locator} no longer states {entry['figure']!r} as the decision table "
                        "says; no route is given from a stale table")


def step(units: dict[tuple[str, int], Unit], entry: dict) -> Step:
    locator, sentence = find_sentence(units, entry)
    if "figure" in entry:
        verify_figure(entry, sentence, locator)
    figure = entry.get("figure", "")
    return Step(entry["text"].format(figure=figure), Cited(entry["doc_id"], locator, sentence), figure,
                entry.get("text_zh", "").format(figure=figure))


def articles(units: list[Unit]) -> dict[tuple[str, int], Unit]:
    return {(u.doc_id, u.article): u for u in units if u.article is not None}


def verified_table(units: list[Unit]) -> tuple[dict, dict[str, Step]]:
    """Every threshold and condition of the Provisions, checked in the store: {name: Step}."""
    data = table()
    by_article = articles(units)
    if not any(doc_id == data["provisions"] for doc_id, _ in by_article):
        raise TransferError(f"the store does not hold the 2024 {data['provisions_name']} ({data['provisions']}); "
                            "the route for personal information sent abroad depends on it. Ingest it first.")
    steps = {}
    for group in ("thresholds", "conditions", "validity"):
        for name, entry in data[group].items():
            steps[name] = step(by_article, entry)
    return data, steps


def _superseded(units: list[Unit], data: dict, route: str) -> tuple[list[Step], list[str]]:
    by_article = articles(units)
    steps, notes = [], []
    for name, entry in data["superseded"].items():
        if route not in entry["routes"]:
            continue
        if (entry["doc_id"], entry["article"]) not in by_article:
            notes.append(f"{entry['doc_id']} Art. {entry['article']} ({name}) is not in the store: not cited")
            continue
        steps.append(step(by_article, entry))
    return steps, notes


def decide(transfer: Transfer, steps: dict[str, Step], data: dict) -> tuple[str, list[Step]]:
    """The route and the steps of the Provisions that lead to it."""
    th = data["thresholds"]
    if transfer.important_data:
        return "security_assessment", [steps["important_data"], steps["important_not_exempt"]]
    if transfer.purpose:
        return "exempt", [steps[transfer.purpose], steps["exemptions_prevail"]]
    if transfer.free_trade_zone:
        return "exempt", [steps["free_trade_zone"], steps["exemptions_prevail"]]
    if transfer.cii:  # a CII operator sending any personal information at all
        return "security_assessment", [steps["cii"]]
    if transfer.sensitive >= th["assessment_sensitive"]["value"]:
        return "security_assessment", [steps["assessment_sensitive"]]
    if transfer.individuals >= th["assessment_ordinary"]["value"]:
        return "security_assessment", [steps["assessment_ordinary"]]
    if transfer.sensitive:
        return "standard_contract_or_certification", [steps["contract_sensitive"]]
    if transfer.individuals >= th["contract_ordinary"]["value"]:
        return "standard_contract_or_certification", [steps["contract_ordinary"]]
    return "exempt", [steps["exempt_below"]]


def route(transfer: Transfer, units: list[Unit]) -> Route:
    """The route for ``transfer`` on the texts of ``units`` (the store's articles)."""
    check(transfer)
    data, steps = verified_table(units)
    name, chosen = decide(transfer, steps, data)
    chosen = list(chosen) + [steps["supersedes"]]
    if name == "security_assessment":
        chosen += [steps["result"], steps["apply_before"], steps["extension"]]
    superseded, notes = _superseded(units, data, name)
    return Route(name, chosen + superseded, notes)


def route_in_store(transfer: Transfer, store) -> Route:
    from retrieval.register.build import store_units

    return route(transfer, store_units(store))
