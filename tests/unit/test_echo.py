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
