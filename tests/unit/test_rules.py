"""Every named rule's examples, without a store: each fires on what it must and on nothing it must not."""

from __future__ import annotations

import pytest

from retrieval.rules.registry import RuleError, disabled, enabled, rules

RUNNABLE = [r for r in rules().values() if r.fires is not None]


def test_every_rule_is_described_with_why_and_what_it_reads():
    for rule in rules().values():
        assert rule.why.strip() and rule.reads.strip(), rule.name


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.name)
def test_rule_fires_on_its_examples(rule):
    assert rule.examples, f"{rule.name} has no examples in cues.toml"
    missed = [text for text in rule.examples if not rule.fires(text)]
    assert not missed, f"{rule.name} did not fire on {missed}"


@pytest.mark.parametrize("rule", RUNNABLE, ids=lambda r: r.name)
def test_rule_stays_quiet_on_its_counter_examples(rule):
    assert rule.counter, f"{rule.name} has no counter-examples in cues.toml"
    fired = [text for text in rule.counter if rule.fires(text)]
    assert not fired, f"{rule.name} fired on {fired}"


def test_a_rule_can_be_switched_off_for_one_answer_only():
    assert enabled("off_topic")
    with disabled({"off_topic"}):
        assert not enabled("off_topic")
        assert enabled("comparison")
    assert enabled("off_topic")


def test_switching_off_an_unknown_rule_names_the_known_ones():
    with pytest.raises(RuleError, match="off_topic"), disabled({"no_such_rule"}):
        pass


def test_the_answering_doc_is_the_registry_s_own_catalogue():
    from pathlib import Path

    from retrieval.rules.registry import catalogue

    doc = Path(__file__).resolve().parents[2] / "docs" / "answering.md"
    assert doc.read_text(encoding="utf-8").strip() == catalogue().strip(), \
        "docs/answering.md is stale: regenerate it with `lexcite rules --markdown > docs/answering.md`"
