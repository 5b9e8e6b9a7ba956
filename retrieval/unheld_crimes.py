"""Crimes the question names by their Chinese charge (帮助信息网络犯罪活动罪, 诈骗罪) that no stored passage names:
the corpus speaks of a crime only where a passage names its charge (侵犯公民个人信息罪, 拒不履行信息网络安全管理义务罪),
so a charge no passage names is positive evidence that the corpus cannot answer (rule unheld_crime), however well
an administrative fine for a similar act fits the question's figure."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from retrieval.rules.registry import cues
from retrieval.unheld_articles import in_order

_CHARGE_END = "罪"


@lru_cache(maxsize=1)
def _reading() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    spec = cues()["rules"]["unheld_crime"]
    return re.compile(spec["name_before"]), re.compile(spec["not_a_charge"]), int(spec["least_characters"])


def charges_named(question: str) -> tuple[str, ...]:
    """The charges the question names, each as written up to 罪: the Chinese run before a 罪, cut after the last
    word that cannot be part of a charge's name (涉嫌, 构成, 的); a run too short for a charge, or one ending as
    犯罪 or 定罪 do, names no charge."""
    name_before, not_a_charge, least = _reading()
    found: list[str] = []
    for run in _runs_before_charges(question):
        name = name_before.split(run)[-1]
        if len(name) >= least and not not_a_charge.search(name):
            found.append(name + _CHARGE_END)
    return tuple(dict.fromkeys(found))


def _runs_before_charges(text: str) -> list[str]:
    """Before each 罪, the run of up to 20 Chinese characters that ends there (a run may hold an earlier 罪:
    帮助信息网络犯罪活动罪)."""
    runs = []
    for charge_end in re.finditer(_CHARGE_END, text):
        end = charge_end.start()
        run = _RUN_TO_END.search(text, max(0, end - _LONGEST_CHARGE), end)
        if run:
            runs.append(run.group())
    return runs


_LONGEST_CHARGE = 20
_RUN_TO_END = re.compile(rf"[\u4e00-\u9fff]{{1,{_LONGEST_CHARGE}}}$")


def charge_named_by(charge: str, stored_runs: Callable[[str], list[str]]) -> bool:
    """Whether a stored passage names the charge: a run of text before a stored 罪 that ends in the charge's last
    character and holds the last four characters of its name in order, so that the words before a name that the cut
    missed do not count (按两高关于侵犯公民个人信息罪) and a shortened stored charge does (侵犯个人信息罪 is
    侵犯公民个人信息罪 shortened). Any longer tail in order holds its last four in order too."""
    name = charge[: -len(_CHARGE_END)]
    return any(in_order(name[-_LEAST_TAIL:], run) for run in stored_runs(name[-1]))


_LEAST_TAIL = 4


def stored_charge_runs(texts: Iterable[str]) -> Callable[[str], list[str]]:
    """For a last character, the runs of up to 20 Chinese characters the stored texts hold before a 罪 that end in
    it (read once for all texts)."""
    runs: dict[str, list[str]] = {}
    for text in texts:
        for run in _runs_before_charges(text):
            runs.setdefault(run[-1], []).append(run)
    return lambda last: runs.get(last, [])


def unheld_charges(question: str, texts: Iterable[str]) -> tuple[str, ...]:
    """The charges the question names that no stored text names (the texts are read only when it names one)."""
    charges = charges_named(question)
    if not charges:
        return ()
    stored_runs = stored_charge_runs(texts)
    return tuple(c for c in charges if not charge_named_by(c, stored_runs))


def charge_named(question: str) -> bool:
    """The rule's question predicate (its examples run through it): the question names a charge."""
    return bool(charges_named(question))
