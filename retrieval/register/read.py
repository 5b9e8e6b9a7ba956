"""Reading the register from the store: each article of each statute and regulation, sentence by sentence,
through the same readers the answers use (figures, roles, duties, violations)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.manifest import Manifest, ManifestEntry
from ingest.numerals import chinese_to_int
from retrieval.duties import duty_at
from retrieval.figures import Figure, glossed_figures
from retrieval.register.records import RegisterRecord
from retrieval.roles import aimed_at_individuals, is_lead_time
from retrieval.sentences import Span, chapeaus, paragraphs, sentence_spans
from retrieval.violations import breach_of, condition_of, duty_articles

DATA = Path(__file__).resolve().parent.parent / "data" / "register.toml"
_FLOOR = re.compile(r"至少|不少于|不得少于|不低于|最少|at least|no less than|not less than", re.I)
_ITEM = re.compile(r"^[ \t\u3000]*[（(]([一二三四五六七八九十]+|\d+)[)）]")


@dataclass(frozen=True)
class Unit:
    """An article (or a headed section) stitched back together from its chunks."""

    doc_id: str
    locator: str
    article: int | None
    start: int  # offset of text in the document
    text: str
    meta: dict


@dataclass(frozen=True)
class Vocabulary:
    regulatory_kinds: frozenset[str]
    tiers: tuple[tuple[str, re.Pattern[str]], ...]
    period: re.Pattern[str]
    deadline: re.Pattern[str]
    ban: re.Pattern[str]
    fine_after: re.Pattern[str]
    managers: re.Pattern[str]
    unit: re.Pattern[str]
    detention: re.Pattern[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return Vocabulary(
        regulatory_kinds=frozenset(data["regulatory_kinds"]),
        tiers=tuple((t["name"], re.compile(t["pattern"])) for t in data["tiers"]),
        period=re.compile(data["durations"]["period"], re.I), deadline=re.compile(data["durations"]["deadline"], re.I),
        ban=re.compile(data["durations"]["ban"]),
        fine_after=re.compile(data["fines"]["after"]), managers=re.compile(data["parties"]["managers"]),
        unit=re.compile(data["parties"]["unit"]), detention=re.compile(data["parties"]["detention"]))


def stitch_units(ids: list[str], texts: list[str], metas: list[dict], kinds: frozenset[str]) -> list[Unit]:
    """Articles of the documents of ``kinds``, each joined from its chunks by their offsets in the document
    (a long article is split with overlap; the overlap is read once)."""
    groups: dict[tuple[str, str], list[tuple[int, int, str, dict]]] = {}
    for text, meta in zip(texts, metas, strict=True):
        if meta.get("kind") not in kinds:
            continue
        key = (meta["doc_id"], meta.get("locator", ""))
        groups.setdefault(key, []).append((int(meta["start"]), int(meta["end"]), text, meta))
    units = []
    for (doc_id, locator), parts in groups.items():
        parts.sort(key=lambda p: p[0])
        start, end, body, meta = parts[0]
        for p_start, p_end, p_text, _ in parts[1:]:
            if p_end <= end:
                continue
            body += p_text[end - p_start:] if p_start < end else "\n" * (p_start - end) + p_text
            end = p_end
        article = int(meta["article"]) if meta.get("article", -1) not in (-1, None) else None
        units.append(Unit(doc_id, locator, article, start, body, meta))
    return sorted(units, key=lambda u: (u.doc_id, u.start))


def item_of(span: Span) -> str:
    m = _ITEM.match(span.text)
    if not m:
        return ""
    number = m.group(1)
    return f"({int(number) if number.isdigit() else chinese_to_int(number)})"


def _locator(unit: Unit, paragraph: int, item: str) -> str:
    base = f"Art. {unit.article}" if unit.article is not None else unit.locator
    return f"{base} ¶{paragraph}{f' {item}' if item else ''}"


def tier_of(before: str, vocab: Vocabulary) -> str:
    """The tier a sanction stands in: the last tier its paragraph names before it ("first" when none). A tier
    named inside a wider one ("拒不改正或者造成…严重后果") is the wider one's."""
    found: list[tuple[int, int, str]] = []
    for name, pattern in vocab.tiers:
        for m in pattern.finditer(before):
            if not any(a <= m.start() < b for a, b, _ in found):
                found.append((m.start(), m.end(), name))
    return max(found)[2] if found else "first"


def _kind(fig: Figure, span_text: str, end: int, vocab: Vocabulary) -> str:
    after = span_text[end:]
    if fig.kind in ("amount", "percent"):
        if fig.sanction and vocab.fine_after.search(after):
            return "fine" if fig.kind == "amount" else "percentage"
        return "threshold" if fig.kind == "amount" else "percentage"
    if fig.kind == "duration":
        if fig.sanction or vocab.ban.search(after):
            return "period"  # detention; 五年内不得从事…: a time barred
        if fig.text.endswith("内") or is_lead_time(span_text, fig.start, fig.end):
            return "deadline"  # 24小时内, 十个工作日内; 有效期届满60个工作日前
        if vocab.period.search(span_text[max(0, fig.start - 12):end + 8]):
            return "period"
        return "deadline" if fig.bound in ("max", "below") or vocab.deadline.search(after[:4]) else "period"
    if fig.kind == "count":
        return "threshold" if fig.bound else "count"
    return {"multiple": "multiple", "age": "age", "frequency": "frequency", "date": "date",
            "day-of-year": "date"}.get(fig.kind, "")


def _a_year(fig: Figure) -> bool:
    """2025年 in a title（2025年修正）is a year of the calendar, not a duration of 2,025 years."""
    return fig.kind == "duration" and fig.unit == "year" and 1900 <= fig.value <= 2100


def _range(figs: tuple[Figure, ...]) -> tuple[float | None, float | None, bool, bool]:
    """(low, high, low_strict, high_strict) of one figure or a merged range."""
    if len(figs) == 2:
        return figs[0].value, figs[1].value, figs[0].bound == "above", figs[1].bound == "below"
    fig = figs[0]
    if fig.bound in ("max", "below"):
        return None, fig.value, False, fig.bound == "below"
    if fig.bound in ("min", "above"):
        return fig.value, None, fig.bound == "above", False
    return fig.value, fig.value, False, False


def _unit(fig: Figure) -> str:
    if fig.kind == "count":
        return fig.counts or ""
    return {"percent": "%", "multiple": "times", "frequency": "per-year", "day-of-year": "month-day"}.get(
        fig.kind, fig.unit)


def _party(fig: Figure, span_text: str, condition: str, vocab: Vocabulary) -> tuple[str, str]:
    """Whom the figure binds: the persons in charge of a fined entity, the entity, a person detained or fined
    as one, or — for a figure that is no sanction — the actor of the duty it measures."""
    if fig.sanction:
        if aimed_at_individuals(span_text, fig.start):
            m = vocab.managers.search(span_text, 0, fig.start)
            return "managers", m.group() if m else ""
        if vocab.unit.search(condition) or vocab.unit.search(span_text[:fig.start]):
            return "organisation", "单位"
        if vocab.detention.search(span_text):
            return "individual", ""
        return "organisation", ""
    actor, words = duty_at(span_text, fig.start)
    return {"authority": "office", "party": "organisation", "individual": "individual"}.get(actor, ""), words


def status_as_of(entry: ManifestEntry | None, as_of: str) -> str:
    """A text's status on a day (ISO date): in force, superseded by…, in force from…, repealed, draft."""
    if entry is None:
        return ""
    if entry.status == "draft":
        return "draft, not in force"
    if entry.effective and entry.effective > as_of:
        return f"in force from {entry.effective}"
    if entry.superseded_by and (not entry.superseded_on or entry.superseded_on <= as_of):
        since = f" from {entry.superseded_on}" if entry.superseded_on else ""
        return f"superseded by {entry.superseded_by}{since}"
    if entry.status == "repealed":
        return "repealed"
    if entry.partly_superseded_by:
        return f"in force, partly superseded by {entry.partly_superseded_by}"
    return "in force"


def in_force(status: str) -> bool:
    """Whether a status read by ``status_as_of`` is in force on its day (wholly, or partly superseded)."""
    return status == "in force" or status.startswith("in force,")


def _paragraph_text(text: str, number: int) -> str:
    ranges = paragraphs(text)
    if not 1 <= number <= len(ranges):
        return ""
    return text[ranges[number - 1][0]:ranges[number - 1][1]].strip()


def records_of_unit(unit: Unit, manifest: Manifest, as_of: str, translated: str = "") -> list[RegisterRecord]:
    vocab = vocabulary()
    spans = sentence_spans(unit.text)
    heads = chapeaus(spans)
    firsts = {s.paragraph: s for s in reversed(spans)}
    out: list[RegisterRecord] = []
    for span, head in zip(spans, heads, strict=True):
        for surface, english, figs in glossed_figures(span.text):
            if figs[0].kind in ("timing",) or figs[0].unit == "on-publication" or _a_year(figs[0]):
                continue
            out.append(_record(unit, span, head, firsts, (surface, english, figs), manifest, as_of, translated,
                               vocab))
    return out


def _record(unit: Unit, span: Span, head: Span | None, firsts: dict[int, Span], glossed, manifest: Manifest,
            as_of: str, translated: str, vocab: Vocabulary) -> RegisterRecord:
    surface, english, figs = glossed
    fig = figs[0]
    end = figs[-1].end
    kind = _kind(fig, span.text, end, vocab)
    lead = firsts.get(span.paragraph - 1)
    condition = breach_of(span, span.text, unit.text, lead.text if lead else "") if fig.sanction else ""
    if not condition and head is not None:
        condition = head.text
    elif not condition and not fig.sanction:
        condition = condition_of(span.text)
    party, words = _party(fig, span.text, condition, vocab)
    paragraph_start = paragraphs(unit.text)[span.paragraph - 1][0]
    tier = tier_of(unit.text[paragraph_start:span.start + fig.start], vocab) if fig.sanction else ""
    low, high, low_strict, high_strict = _range(figs)
    if kind == "period" and low == high and _FLOOR.search(span.text[max(0, fig.start - 8):fig.start]):
        high = None  # 至少保存三年: kept at least three years, a floor the figure's own words do not carry
        english = f"at least {english}"
    entry = manifest.by_id(unit.doc_id)
    item = item_of(span)
    meta = unit.meta
    return RegisterRecord(
        law=meta.get("short") or unit.doc_id, doc_id=unit.doc_id, title=meta.get("title", ""),
        locator=_locator(unit, span.paragraph, item), article=unit.article, paragraph=span.paragraph, item=item,
        kind=kind, low=low, high=high, unit=_unit(fig), low_strict=low_strict, high_strict=high_strict,
        figure=surface, english=english, party=party, party_words=words, condition=condition.strip(),
        duty_articles=tuple(sorted(duty_articles(condition))), tier=tier, status=status_as_of(entry, as_of),
        effective=meta.get("effective", ""), quote=span.text, quote_start=unit.start + span.start,
        quote_end=unit.start + span.end, translation=_paragraph_text(translated, span.paragraph) if translated else "",
        sanction=fig.sanction, counts=fig.counts, clause=clause_of(span.text, fig.start, end))


# where a clause of a sentence ends: a semicolon or a full stop (a comma joins the condition to what it requires)
_CLAUSE_END = re.compile(r"[；;。]")
CLAUSE_WIDTH = 60  # characters of a long clause kept, the figure among them


def clause_of(text: str, start: int, end: int) -> str:
    """The clause of a sentence a figure stands in, from the semicolon or full stop before it to the next one;
    a long clause is cut to CLAUSE_WIDTH characters around the figure, with an ellipsis where cut."""
    before = [m.end() for m in _CLAUSE_END.finditer(text, 0, start)]
    after = _CLAUSE_END.search(text, end)
    left, right = (before[-1] if before else 0), (after.start() if after else len(text))
    if right - left > CLAUSE_WIDTH:
        half = (CLAUSE_WIDTH - (end - start)) // 2
        cut_left, cut_right = max(left, start - half), min(right, end + half)
        return ("…" if cut_left > left else "") + text[cut_left:cut_right].strip() + ("…" if cut_right < right else "")
    return text[left:right].strip()
