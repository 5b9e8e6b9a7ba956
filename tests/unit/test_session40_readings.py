"""Readings and gates added in session 40, each with examples it must pass and must not fire on (no store needed)."""

import pytest

from evals.confidence import Example


def test_fined_is_a_word_of_its_own_not_the_end_of_defined():
    from retrieval.figures import question_wants

    assert "amount" not in question_wants("Is a 'large network platform' defined by registered users, and what are "
                                          "the numeric cut-offs?")
    assert "amount" in question_wants("How much can a platform be fined for this?")


def test_money_named_only_in_the_scene_is_asked_only_by_an_ask_of_money():
    from retrieval.query import analyse

    scene = "We hold HR files of 200 employees for global payroll. What are the headcount thresholds?"
    assert analyse(scene).money_roles == ()
    assert analyse("We pay an annual registration fee. How much is it?").money_roles == ("fee",)
    assert analyse("个人所得税专项附加扣除包括哪几项？").money_roles == ("tax",)


def test_a_measure_word_begins_no_law_name():
    from retrieval.laws import unknown_law_names

    assert unknown_law_names("朋友问了个刑法问题：按两高的司法解释，多少条算情节严重？") == []
    assert unknown_law_names("问了个反垄断法问题：罚多少？") == ["《反垄断法》"]


def test_only_figures_of_one_measure_are_compared():
    from retrieval.compare import _comparable

    assert _comparable([(8.02e9, "amount CNY"), (10.0, "multiple times")]) == [None, None]
    assert _comparable([(5e7, "amount CNY"), (1e7, "amount CNY")]) == [5e7, 1e7]
    assert _comparable([(1095.0, "duration"), (14.0, "duration")]) == [1095.0, 14.0]
    assert _comparable([(5e7, "amount CNY"), None]) == [5e7, None]


def test_an_answer_stating_no_figure_must_clear_the_quote_model_too():
    from retrieval.decide import ConfidenceModel

    model = ConfidenceModel({"bias": 0.0}, 0.3, quote_weights={"bias": -2.0, "support": 4.0}, quote_threshold=0.5)
    assert model.quote_confidence({"bias": 1.0, "support": 0.2}) < 0.5 < model.quote_confidence({"bias": 1.0,
                                                                                                  "support": 0.9})
    assert ConfidenceModel({"bias": 0.0}, 0.3).quote_confidence({"bias": 1.0}) is None


def _quote(support: float, correct: bool, group: str) -> Example:
    return Example({"bias": 1.0, "support": support, "key_figure": 0.0}, True, correct, group)


def test_the_quote_threshold_refuses_no_right_quote_out_of_fold():
    from evals.confidence import fit_quote
    from retrieval.decide import ConfidenceModel

    quotes = [_quote(s / 10, s >= 4, f"set{s % 4}") for s in range(10) for _ in range(3)]
    figure = Example({"bias": 1.0, "support": 0.0, "key_figure": 1.0}, True, True, "set0")
    quote = fit_quote(quotes + [figure], ConfidenceModel({"bias": 30.0}, 0.0))
    assert quote is not None and quote["refused"]["right"] == 0
    assert quote["refused"]["wrong_or_unanswerable"] > 0
    model = ConfidenceModel({"bias": 30.0}, 0.0, quote_weights=quote["weights"], quote_threshold=quote["threshold"])
    assert model.quote_confidence({"bias": 1.0, "support": 0.0}) < quote["threshold"]


@pytest.mark.parametrize("quotes", [
    [_quote(0.5, True, "only")],  # one set: no folds
    [_quote(0.5, True, "a"), _quote(0.1, True, "b")],  # no wrong quote to learn from
])
def test_no_quote_model_without_folds_or_wrong_quotes(quotes):
    from evals.confidence import fit_quote
    from retrieval.decide import ConfidenceModel

    assert fit_quote(quotes, ConfidenceModel({"bias": 30.0}, 0.0)) is None


def test_the_shipped_quote_model_loads_beside_the_first():
    from retrieval.decide import load_model

    model = load_model()
    assert model.quote_weights is not None and 0.0 < model.quote_threshold < 1.0


def test_an_ask_naming_a_body_or_a_report_is_read_as_an_open_ask_of_its_own():
    from retrieval.open_asks import _NAMING_ASK, open_naming_asks

    assert _NAMING_ASK.search("And besides the procuratorate, who else can bring such a suit under PIPL?")
    assert _NAMING_ASK.search("网络安全审查办公室到底设在哪个部门？")
    assert _NAMING_ASK.search("被认定为大平台以后每年要发布什么报告？")
    assert _NAMING_ASK.search("which level of regulator is allowed to impose it?")
    # the first ask's figure again, anything at all, or a law asked are no naming ask
    assert not _NAMING_ASK.search("and what is it after the 2025 amendment?")
    assert not _NAMING_ASK.search("另外还有什么任职限制？")
    assert not _NAMING_ASK.search("which regulation governs the filing?")
    idf = {"procuratorate": 3.0, "suit": 3.0, "bring": 2.0, "2023": 2.0, "number": 1.0, "else": 1.0}
    asks = open_naming_asks("What was the number for 2023? And besides the procuratorate, who else can bring such "
                            "a suit under PIPL?", "More than 6,300 cases in 2023.", idf, "bigram")
    assert [ask for ask, _ in asks] == ["And besides the procuratorate who else can bring such a suit under PIPL?"]
    assert open_naming_asks("Who enforces the PIPL?", "", idf, "bigram") == []  # one ask: nothing left open


def test_a_date_a_text_applies_from_asked_after_a_lead_stating_no_date_is_an_ask_of_its_own():
    from retrieval.open_asks import commencement_asked

    fines = "CNY 500,000 to 2 million"
    assert commencement_asked("And from which date does the new penalty regime actually apply?", fines)
    assert commencement_asked("新规从哪天开始施行？", "50万元以上200万元以下")
    # the turnover's year, a count's start, a when-clause setting the scene, a lead stating a date already
    assert not commencement_asked("and of which year?", "5%")
    assert not commencement_asked("and from when is the count made?", "10,000 individuals")
    assert not commencement_asked("When the Standard Contract Measures took effect,", "6 months")
    assert not commencement_asked("And from which date does it apply?", "1 January 2026")


def test_several_asks_of_one_law_are_answered_as_one_question_when_a_clause_leans_on_another():
    from retrieval.compare import sides

    parts = sides("For a board memo: under PIPL, for 'grave' violations what's the max fine as a % of turnover, "
                  "what's the fixed-amount alternative, and which level of regulator is allowed to impose it?")
    assert {side.law for side in parts} == {"pipl"}  # one law: no side is "the figure asked of each law named"


def test_numbered_situations_take_the_law_told_after_them():
    from retrieval.compare import sides

    question = ("合规部在比较两种风险：一是没按规定定期做重要数据风险评估、报送报告；二是没按规定把重要数据传给境外合作方。"
                "按数安法，在没到“情节严重”的情况下，这两种违法对单位的罚款上限哪个更高？")
    assert [side.question.split("，")[0] for side in sides(question)] == ["按数安法", "按数安法"]
    # no law told after them: the situations are asked as they are
    plain = sides("一是没做风险评估；二是违规向境外提供重要数据。哪个罚款更高？")
    assert all(not side.question.startswith("按") for side in plain)


def test_an_english_validity_question_names_its_thing_by_a_head_of_one_kind():
    from retrieval.roles import validated_thing

    assert validated_thing("How long is a personal information protection certification valid before renewal?") \
        == ("认证",)
    assert validated_thing("How long does a CII identification stay valid?") == ("认定",)
    assert validated_thing("What is the validity period of a value-added telecom licence?") == ("许可",)
    # "that approval" points back to whatever was approved; the rest name nothing
    assert validated_thing("We passed the CAC assessment. How long is that approval valid?") == ()
    assert validated_thing("How long must logs be kept?") == ()


@pytest.mark.parametrize("question, read", [
    ("How long is the certificate vaild for?", "How long is the certificate valid for?"),
    ("What is the thresold for a security assessment?", "What is the threshold for a security assessment?"),
    ("What is the penality?", "What is the penalty?"),
])
def test_a_misspelt_common_word_is_read_as_meant(question, read):
    from retrieval.spelling import respelt

    assert respelt(question, lambda word: False)[0] == read


@pytest.mark.parametrize("question", [
    "Can pseudonymised data leave China?",  # a term of art: no common word one edit away
    "What was the fine on Yunmanman?",  # a name, capitalised
    "Is the vaild flag stored?",  # a word the store uses is no misspelling
])
def test_names_terms_of_art_and_stored_words_are_left_as_written(question):
    from retrieval.spelling import respelt

    assert respelt(question, lambda word: word == "vaild") == (question, [])


def test_an_english_sentence_ending_in_a_question_mark_is_an_ask_of_its_own():
    from retrieval.open_asks import ask_segments

    question = ("Our assessment was approved in 2023. I remember the approval was good for 2 years - is that still the "
                "validity period or did the 2024 provisions change it? And if we want to extend, by when do we have "
                "to apply?")
    assert len(ask_segments(question)) == 2
    # a Chinese question keeps its own reading: 怎样的？ leads into the asks after it
    assert len(ask_segments("整个流程时间线大概是怎样的？省网信办查材料要几天，正式评估又要多少个工作日？")) == 2
