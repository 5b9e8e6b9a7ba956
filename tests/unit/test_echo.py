"""Rule echoed_figure: a comparison that states one side is not answered by that side's figure."""

from retrieval.compose import Composition
from retrieval.echo import echoed_figure
from retrieval.query import analyse

ASKED = "DiDi's company fine was about CNY 8.02 billion. How did that compare with the personal fines on its chairman?"


def test_the_figure_a_comparison_states_is_no_answer():
    comp = echoed_figure(Composition(text="CNY 8.02 billion [1].", key_figure="CNY 8.02 billion"), analyse(ASKED))
    assert comp.abstained and comp.trace[0].rule == "echoed_figure"


def test_another_figure_answers():
    comp = Composition(text="Up to CNY 1 million [1].", key_figure="Up to CNY 1 million")
    assert echoed_figure(comp, analyse(ASKED)) is comp


def test_a_question_comparing_nothing_is_left_alone():
    comp = Composition(text="CNY 8.02 billion [1].", key_figure="CNY 8.02 billion")
    assert echoed_figure(comp, analyse("Was DiDi fined CNY 8.02 billion?")) is comp


def test_a_question_asking_another_kind_is_not_answered_by_its_own_scene():
    scene = ("PLTFRM's guide says companies handling over 1 million users must submit a yearly report. "
             "What's the annual deadline for that report?")
    comp = echoed_figure(Composition(text="More than 1 million [1].", key_figure="More than 1 million"), analyse(scene))
    assert comp.abstained and "day of year or duration asked" in comp.reason


def test_a_question_offering_its_own_figures_is_answered_by_one_of_them():
    offered = "One memo says the assessment result is valid for two years, another says three years. Which is right?"
    comp = Composition(text="3 years [1].", key_figure="3 years")
    assert echoed_figure(comp, analyse(offered)) is comp
    assert echoed_figure(comp, analyse("Is the assessment result valid for 3 years?")) is comp
