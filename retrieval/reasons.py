"""Why an answer abstains, in the reader's language. The rules write their reasons in English, with the names,
figures and quotes they found; a Chinese question gets the same reason in Chinese from the catalogue of forms in
retrieval/data/reasons_zh.toml (a pattern over the English reason and the Chinese sentence saying the same). A
reason no form matches stays in English."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from retrieval.locate import zh_locator

CATALOGUE = Path(__file__).with_name("data") / "reasons_zh.toml"


@dataclass(frozen=True)
class ReasonForm:
    pattern: re.Pattern[str]
    zh: str


@dataclass(frozen=True)
class Catalogue:
    forms: tuple[ReasonForm, ...]
    kinds: dict[str, str]
    units: dict[str, str]


@cache
def catalogue(path: Path = CATALOGUE) -> Catalogue:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    forms = []
    for n, form in enumerate(data.get("forms", []), start=1):
        try:
            forms.append(ReasonForm(re.compile(form["en"]), form["zh"]))
        except (KeyError, re.error) as err:
            raise ValueError(f"{path.name}: form {n}: {err}") from err
    return Catalogue(tuple(forms), dict(data.get("kinds", {})), dict(data.get("units", {})))


def in_chinese(reason: str) -> str | None:
    """The reason in Chinese, or None when no form of the catalogue says it."""
    book = catalogue()
    for form in book.forms:
        if (m := form.pattern.fullmatch(reason.strip())) is not None:
            parts = {name: _part(name, value or "", book) for name, value in m.groupdict().items()}
            return form.zh.format(**parts).strip()
    return None


def _part(name: str, value: str, book: Catalogue) -> str:
    if name in ("label", "other"):
        return zh_locator(value)
    if name == "kind":
        # "fee, tax"; "duration in days": each kind, then the unit it was asked in
        return "、".join(_kind(kind.strip(), book) for kind in value.split(","))
    if name == "rest":
        return (in_chinese(value) or value) if value else ""
    return value


def _kind(value: str, book: Catalogue) -> str:
    kind, _, unit = value.partition(" in ")
    return book.kinds.get(kind, kind) + (f"（以{book.units.get(unit, unit)}计）" if unit else "")
