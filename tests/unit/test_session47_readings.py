"""Readings of terse questions typed into a search box: English shorthand and magnitudes written onto a number."""

import pytest

from retrieval.figures import read_figures
from retrieval.spelling import unshortened


@pytest.mark.parametrize(("question", "read"), [
    ("report to the regulator within how many hrs", "report to the regulator within how many hours"),
    ("non ciio sending 300k ppl's PI abroad", "non ciio sending 300k people's PI abroad"),
    ("can we share PI w/o consent", "can we share PI without consent"),
    ("how many yrs is the assessment good for", "how many years is the assessment good for"),
    ("report within 72hrs?", "report within 72 hours?"),
    ("vuln notifs reqd within how long", "vulnerability notifications required within how long"),
])
def test_shorthand_is_read_as_the_word_meant(question, read):
    assert unshortened(question)[0] == read


@pytest.mark.parametrize("question", [
    "Which HR records must we keep?",  # upper case: a name, not shorthand
    "what does the CHRS filing require",
    "Are the shrs counted?",  # inside a longer word
])
def test_names_and_longer_words_are_left_as_written(question):
    assert unshortened(question) == (question, [])


@pytest.mark.parametrize(("text", "value"), [
    ("we send 300k users' data abroad", 300_000),
    ("an app with 1.5M MAU", 1_500_000),
    ("about 20K records", 20_000),
    ("3mn customers", 3_000_000),
    ("300,000 people", 300_000),
])
def test_a_magnitude_written_onto_a_number_scales_it(text, value):
    counts = [f.value for f in read_figures(text) if f.kind == "count"]
    assert counts == [value]


def test_a_year_is_no_count_and_a_bare_decimal_is_not_cut_short():
    assert [f for f in read_figures("the 2021 law") if f.kind == "count"] == []
    assert [f.value for f in read_figures("1.5 users") if f.kind == "count"] == [1.5]


def test_a_dated_name_that_goes_on_with_its_own_title_is_that_title_not_a_year_and_a_kind():
    from retrieval.laws import resolve_laws, unknown_law_names

    question = ("Penalty for running a payment business without a licence under the 2023 Regulations on the "
                "Supervision and Administration of Non-bank Payment Institutions")
    assert resolve_laws(question) == []
    assert unknown_law_names(question) == [
        "Regulations on the Supervision and Administration of Non-bank Payment Institutions"]
    # a year and a kind alone, or with a held title after it, are still read as the held rule
    assert resolve_laws("the 2024 provisions on cross-border data: what threshold?") == ["cbdt-provisions"]
    assert resolve_laws("the 2022 Measures for Security Assessment of Outbound Data Transfers: how long valid?") \
        == ["outbound-assessment"]


def test_a_comparison_keeps_the_period_it_states_as_one_of_its_sides():
    from retrieval.query import given_periods

    assert given_periods("Order 11 said the assessment is good for 2 years. Which validity period is longer now?") == ()
    assert given_periods("We applied within the 15 working days. How long does the office have to decide?") \
        == ((15.0, "working-day"),)


def test_nothing_sensitive_denies_sensitive_information():
    from retrieval.transfer_ask import described_transfer

    transfer = described_transfer("Not a CIIO; we pushed about 400k customers' order data (name, phone, nothing "
                                  "sensitive) to our parent's servers in Singapore. Is an SCC enough or do we need the assessment?")
    assert transfer is not None and (transfer.individuals, transfer.sensitive) == (400_000, 0)


def test_a_which_article_ask_pointing_back_reads_the_sentence_before_not_the_scene():
    from retrieval.compose import figures_named

    scene = ("We're an HR SaaS with roughly 600k employees' payroll data. Our DPO wants to cite the PIPL provision on "
             "appointing a PI protection officer. Which article is that?")
    assert figures_named(scene) == []
    assert [f.value for f in figures_named("Platforms over 1 million users must appoint one. Which article says that?")] \
        == [1_000_000]


def test_a_full_stop_after_an_abbreviation_ends_no_sentence_of_a_question():
    from retrieval.sentences import question_sentences

    assert question_sentences("Engineers cite 'CSL Art. 21' for the log rule. Which article is it now?") == [
        "Engineers cite 'CSL Art. 21' for the log rule.", "Which article is it now?"]
    assert question_sentences("Under Order No. 16, e.g. for HR data. What is it? 我们是谁。好吗？") == [
        "Under Order No. 16, e.g. for HR data.", "What is it?", "我们是谁。", "好吗？"]


def test_shorthand_is_read_before_the_spelling_rule_could_take_it_for_a_misspelling():
    from retrieval.spelling import respelt

    assert respelt("how many usrs and txns", lambda word: False)[0] == "how many uses and tons"
    question = unshortened("how many usrs and txns")[0]
    assert respelt(question, lambda word: False)[0] == "how many users and transactions"


@pytest.mark.parametrize("word", ["beian", "miping", "ceping", "dengbao", "wfoe"])
def test_a_chinese_term_typed_in_pinyin_or_an_acronym_in_lower_case_is_no_misspelling(word):
    from retrieval.spelling import meant

    assert meant(word, lambda w: False) is None


@pytest.mark.parametrize(("word", "read"), [("securty", "security"), ("reveiw", "review"), ("maxium", "maximum"),
                                            ("compensaton", "compensation"), ("levles", "levels")])
def test_misspellings_that_are_no_pinyin_are_still_read_as_meant(word, read):
    from retrieval.spelling import meant

    assert meant(word, lambda w: False) == read


def test_a_users_short_form_of_a_field_term_is_no_foreign_noun():
    from retrieval.nouns import foreign_nouns

    assert foreign_nouns("标合 备案 几天", lambda word: False) == ()
    assert foreign_nouns("外卖骑手 备案 几天", lambda word: False) == ("骑手",)
