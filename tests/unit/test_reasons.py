"""The Chinese reasons of abstentions (retrieval/reasons.py): each form of the catalogue says its own example in
Chinese, with the names, figures and quotes the English reason carries."""

from __future__ import annotations

import re
import tomllib

import pytest

from retrieval.locate import zh_locator
from retrieval.reasons import CATALOGUE, catalogue, in_chinese

FORMS = tomllib.loads(CATALOGUE.read_text(encoding="utf-8"))["forms"]


@pytest.mark.parametrize("form", FORMS, ids=[f["zh"][:12] for f in FORMS])
def test_each_form_says_its_example_in_chinese(form):
    said = in_chinese(form["example"])
    assert said is not None
    # the English sentence is gone; only names, labels and quoted text may stay Latin
    outside_quotes = re.sub(r"“[^”]*”", "", said)
    assert not re.search(r"\b(?:the|of|and|states?|passages?|closest|figure)\b", outside_quotes)
    for quoted in re.findall(r"“[^”]*”", form["example"]):
        assert quoted in said


def test_the_first_matching_form_is_the_example_own():
    for form in FORMS:
        first = next(f for f in catalogue().forms if f.pattern.fullmatch(form["example"]))
        assert first.zh == form["zh"]


def test_a_reason_no_form_says_stays_english():
    assert in_chinese("Something no rule ever writes.") is None


@pytest.mark.parametrize(("label", "zh"), [("PIPL Art. 66 ¶2", "PIPL第66条第2款"), ("DSL Art. 45", "DSL第45条"),
                                           ("Zhong Lun/GLO Practice Guide 2025 Introduction",
                                            "Zhong Lun/GLO Practice Guide 2025 Introduction")])
def test_a_citation_label_in_chinese(label, zh):
    assert zh_locator(label) == zh


def test_a_kind_and_its_unit_in_chinese():
    assert in_chinese("No retrieved passage states a figure of the kind asked for (duration in hours).") == \
        "检索到的段落都没有给出所问的期限（以小时计）。"


def test_several_kinds_each_in_chinese():
    assert in_chinese("No retrieved passage states a figure of the kind asked for (fee, tax).") == \
        "检索到的段落都没有给出所问的费用、税额。"
