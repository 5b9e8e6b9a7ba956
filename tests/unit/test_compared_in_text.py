"""Rule compared_in_text: a sentence that compares states the other side's figure beside the answer's own."""

from retrieval.compared_in_text import _other_figure, asks_to_compare
from retrieval.figures import extract_figures
from retrieval.sentences import sentence_spans

GUIDE = ("The Regulations mandate reporting within 24 hours for incidents that pose a risk to national security, "
         "which is a shorter timeframe than the 48-hour reporting period established under the vulnerability rules.")


def _span(text: str):
    return sentence_spans(text)[0]


def test_the_other_figure_of_the_answers_kind_and_unit():
    other = _other_figure(_span(GUIDE), extract_figures("Within 24 hours"))
    assert other is not None and other.text == "48-hour"


def test_no_other_figure_when_the_sentence_does_not_state_the_answers():
    assert _other_figure(_span(GUIDE), extract_figures("Within 72 hours")) is None


def test_a_year_is_not_the_answers_date():
    text = "Prosecutors handled over 2,000 cases in 2023, compared with 2021."
    assert _other_figure(_span(text), extract_figures("1 June 2023")) is None


def test_a_comparison_is_asked_but_not_a_figure_of_each_party():
    assert asks_to_compare("How fast must we report under the NDSMR, and how does that compare with the "
                           "vulnerability rules?")
    assert not asks_to_compare("单位和直接负责的主管人员分别最高罚多少？")
