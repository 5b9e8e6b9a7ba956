"""The decision stage without a store: the confidence model, the off-topic screen, comparisons split by law,
the threshold chosen for a false-abstention budget, and the eval's groups."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from evals.confidence import Example, choose_threshold
from evals.groups import risk_coverage, summarise
from retrieval.compare import sides
from retrieval.compose import Composition
from retrieval.decide import ConfidenceModel, ModelError, features, load_model, screen
from retrieval.query import analyse
from retrieval.rules.asks import comparison_direction


def test_confidence_is_a_logistic_of_the_weighted_features():
    model = ConfidenceModel({"bias": -1.0, "support": 4.0}, 0.5)
    assert model.confidence({"bias": 1.0, "support": 0.0}) == pytest.approx(0.2689, abs=1e-4)
    assert model.confidence({"bias": 1.0, "support": 1.0}) == pytest.approx(0.9526, abs=1e-4)


def test_the_shipped_model_loads_with_a_threshold_between_0_and_1():
    model = load_model()
    assert 0.0 <= model.threshold < 1.0
    assert "support" in model.weights


def test_a_malformed_model_file_is_named(tmp_path):
    bad = tmp_path / "confidence.json"
    bad.write_text(json.dumps({"weights": {"bias": 1}}))
    with pytest.raises(ModelError, match="confidence.json"):
        load_model(bad)


@pytest.mark.parametrize("question", ["Who won the 2022 World Cup?", "明天北京天气怎么样？"])
def test_off_topic_questions_abstain_before_any_search_in_their_language(question):
    comp = screen(analyse(question))
    assert comp is not None and comp.abstained
    assert comp.trace[0].rule == "off_topic"
    assert ("语料库" in comp.text) == question.endswith("？")


def test_a_named_subject_found_answers_the_topic_model_s_doubt():
    doubted = replace(analyse("交通银行2024年因为数据安全问题被罚了多少钱？"), off_topic_chance=0.95)
    assert features(Composition(), doubted, [])["off_topic"] == 0.95
    assert features(Composition(of_named_subject=True), doubted, [])["off_topic"] == 0.0


def test_a_law_question_passes_the_screen():
    assert screen(analyse("What is the maximum fine under the PIPL?")) is None


def test_a_question_with_no_word_of_the_field_is_screened_out_only_when_the_model_doubts_it_too():
    from dataclasses import replace

    model = _doubting_model(0.8, 0.2)  # screen threshold 0.97; it doubts a question from 0.8
    refused = screen(replace(analyse("专利保护期是多少年？"), off_topic_chance=0.85), model)
    assert refused is not None and refused.trace[0].rule == "off_topic"
    assert "0.85 >= 0.80" in refused.trace[0].detail
    # a plain question of the field using none of the listed words: the model is sure it is the field's
    assert screen(replace(analyse("Do AI-generated images need a watermark?"), off_topic_chance=0.06), model) is None
    assert screen(replace(analyse("专利保护期是多少年？"), off_topic_chance=0.06), model) is None
    assert screen(replace(analyse("网络日志要保存多久？"), off_topic_chance=0.06), model) is None
    # without a model, no word of the field is enough
    assert screen(analyse("专利保护期是多少年？")) is not None


def test_a_comparison_of_two_laws_is_asked_once_per_law_without_the_other_name():
    left, right = sides("Which is higher, the PIPL's maximum fine or the DSL's maximum fine?")
    assert (left.law, right.law) == ("pipl", "dsl")
    assert "DSL" not in left.question and "PIPL" not in right.question
    assert "maximum fine" in left.question and "maximum fine" in right.question


def test_the_other_sides_article_goes_with_its_name():
    """"the DSL Article 45 tier" is the DSL side's: left behind, the PIPL side would ask about PIPL Article 45."""
    left, right = sides("Which is heavier: the PIPL serious tier or the DSL Article 45 serious tier?")
    assert "45" not in left.question and "DSL Article 45" in right.question
    left, right = sides("个保法第六十六条和数安法第四十五条，哪个罚款更高？")
    assert "四十五" not in left.question and "六十六" not in right.question


def test_the_other_side_s_version_word_goes_with_its_name():
    """"the original 2016 Cybersecurity Law … the amended CSL": left behind, "original" would turn the amended
    side back to the 2016 text, and "amended" the 2016 side to the amended one."""
    old, new = sides("How does the top fine under the original 2016 Cybersecurity Law compare with the amended CSL "
                     "in force from 2026?")
    assert (old.law, new.law) == ("csl-2016", "csl-2025")
    assert "amended" not in old.question and "original" not in new.question


def test_a_question_naming_one_law_is_no_comparison():
    assert sides("Which is higher under the PIPL, the fine for companies or for managers?") == []


@pytest.mark.parametrize(("question", "direction"), [
    ("Which is higher, the PIPL's fine or the DSL's?", "higher"),
    ("Which is shorter, X or Y?", "shorter"),
    ("个保法和数据安全法哪个罚款更低？", "lower"),
    ("Which took effect first, the Deep Synthesis Provisions or the GenAI Measures?", "shorter"),
    ("深度合成规定和生成式人工智能办法，哪个先施行？", "shorter"),
])
def test_the_direction_of_a_comparison(question, direction):
    assert comparison_direction(question) == direction


def test_the_threshold_keeps_false_abstentions_within_the_budget():
    good = [(0.9, Example({}, True, True)), (0.4, Example({}, True, True))]
    bad = [(0.3, Example({}, False, False)), (0.2, Example({}, False, False))]
    # 2% of 49 answerable questions is no refusal at all: the threshold stays at the lowest correct answer
    assert choose_threshold(good + bad, answerable_total=49, max_false=0.02) == 0.4
    assert choose_threshold(good + bad, answerable_total=100, max_false=0.02) == 0.9


def test_an_answer_stating_a_figure_must_reach_the_figure_threshold_when_it_is_higher():
    from retrieval.decide import ConfidenceModel

    model = ConfidenceModel({"bias": 0.0}, threshold=0.3, figure_threshold=0.6)
    assert model.threshold_for(key_figure=True) == 0.6 and model.threshold_for(key_figure=False) == 0.3
    assert ConfidenceModel({"bias": 0.0}, threshold=0.7, figure_threshold=0.6).threshold_for(True) == 0.7
    assert ConfidenceModel({"bias": 0.0}, threshold=0.3).threshold_for(True) == 0.3


def test_the_figure_threshold_is_chosen_on_the_answers_stating_a_figure(tmp_path):
    from evals.confidence import fit_and_choose

    def example(score, figure, correct):
        return Example({"bias": 1.0, "score": score, "key_figure": float(figure)}, True, correct)

    # figure answers are right from a score of 0.5; one right quote scores as low as the wrong ones, which holds the
    # threshold for every answer down, not the one for answers stating a figure
    train = [example(s / 10, True, s >= 5) for s in range(3, 10)] + [example(s / 10, False, False) for s in range(5)] \
        + [example(0.1, False, True)]
    record = fit_and_choose(train, [(train, len(train))], tmp_path / "confidence.json", 0.0, "test", "test")
    assert record["figure_threshold"] > record["threshold"]
    assert record["calibration"]["right_answers_refused"] == 0
    assert record["calibration"]["wrong_answers_caught"] == 3  # the two wrong figures, and the quote at 0


def _entry(answerable, kind, abstained, correct, confidence=0.5, fact=None):
    return {"answerable": answerable, "type": kind, "systems": {"lexcite": {
        "abstained": abstained, "correct": correct, "fact_correct": fact, "citation_support": fact,
        "confidence": confidence}}}


def test_group_summary_counts_near_misses_and_off_topic_apart():
    entries = [_entry(True, "penalty", False, True, fact=True), _entry(True, "penalty", True, False, fact=False),
               _entry(False, "offtopic", True, True), _entry(False, "deadline", False, False)]
    s = summarise(entries)
    assert (s["facts"], s["false_abstentions"], s["offtopic_abstained"], s["near_misses_abstained"]) == (1, 1, 1, 0)


def test_risk_falls_as_the_threshold_rises_when_confidence_ranks_well():
    entries = [_entry(True, "penalty", False, True, 0.9), _entry(False, "penalty", False, False, 0.2)]
    curve = risk_coverage(entries)
    assert curve[0]["risk"] == 0.5 and curve[-1]["risk"] == 0.0


def test_a_comparison_of_two_things_named_by_what_they_are_is_asked_once_per_thing():
    left, right = sides("Which clock is longer: the initial cybersecurity review (from the written notice) or the "
                        "outbound data security assessment (from the acceptance notice)?")
    assert left.label.startswith("the initial cybersecurity review") and left.question.startswith("How long is")
    assert right.label.startswith("the outbound data security assessment") and not left.law
    left, right = sides("网络安全审查的初步审查期限和数据出境安全评估的期限哪个更长？")
    assert (left.question, right.question) == ("网络安全审查的初步审查期限是多久？", "数据出境安全评估的期限是多久？")
    # an option leaning on the other's noun is no thing of its own
    assert sides("Which is higher under the PIPL, the fine for companies or for managers?") == []


def test_periods_are_compared_in_days():
    from retrieval.compare import _DAYS

    assert 3 * _DAYS["year"] > 30 * _DAYS["working-day"] > 30 * _DAYS["day"] > 24 * _DAYS["hour"]


def test_two_questions_in_one_each_naming_a_law_are_two_sides_and_a_title_goes_whole():
    left, right = sides("两高《关于办理侵犯公民个人信息刑事案件适用法律若干问题的解释》什么时候开始施行？跟网安法生效是同一天吗？")
    assert (left.law, right.law) == ("pi-crimes", "csl-2025")
    assert "《" not in right.question and "关于办理" not in right.question  # the other title, whole
    assert sides("个保法规定的最高罚款是多少？情节严重的呢？") == []  # two asks, one law: answered as one


def test_a_law_before_and_after_its_amendment_is_two_sides_each_named_by_its_own_title():
    from retrieval.compare import version_sides

    old, new = version_sides("网安法2016年版和2025年修正版对单位的罚款上限分别是多少？哪个高？")
    assert (old.law, new.law) == ("csl-2016", "csl-2025")
    assert "2025年修正版" not in old.question and "2016年版" not in new.question
    old, new = version_sides("Compare the Cybersecurity Law before and after the 2025 amendment: the maximum fine?")
    assert "after" not in old.question and "before" not in new.question
    assert version_sides("Under the Cybersecurity Law as amended in 2025, what is the fine?") == []
    # a version's year inside the law's name goes with the name the side writes
    old, new = version_sides("What is the maximum fine under the 2016 Cybersecurity Law, and what is it after the 2025 "
                             "amendment?")
    assert "CSL 2016" in old.question and "2016" not in new.question
    old, new = version_sides("拒不改正的，2016年原版网安法和2025年修正后的网安法罚款上限分别是多少？")
    assert "原版" not in new.question and "2016" not in new.question


def test_clauses_naming_no_law_ask_of_the_one_law_a_clause_names():
    from retrieval.compare import clause_sides

    adopted, effect, original = clause_sides("When was the amendment to the Cybersecurity Law adopted, when does it "
                                             "take effect, and when did the original law take effect?")
    assert adopted.law == effect.law == original.law == "csl-2025"
    assert effect.question.startswith("Under the CSL") and original.label == "when did the original law take effect"


def _doubting_model(chance: float, support: float):
    import numpy as np

    from retrieval.topic import TopicModel
    return TopicModel(space="intfloat/multilingual-e5-small", weights=np.zeros(2, dtype=np.float32), term_weight=0.0,
                      bias=0.0, threshold=0.97, answer_check=(chance, support))


@pytest.mark.parametrize(("chance", "support", "refused"), [
    (0.9, 0.05, True),   # doubted, and the passage says nothing of the question: refused as off-topic
    (0.9, 0.30, False),  # doubted, but the passage speaks to the question
    (0.4, 0.05, False),  # a passage that says little, of a question the model does not doubt
])
def test_a_doubted_question_answered_from_a_passage_that_speaks_to_little_of_it_abstains(chance, support, refused):
    from dataclasses import replace

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer

    analysis = replace(analyse("What's the fine for returning a library book late?"), off_topic_chance=chance)
    comp = Composition(text="CNY 10,000 to 50,000", support=support)
    doubt = off_topic_answer(comp, analysis, _doubting_model(0.7, 0.12))
    assert (doubt is not None) == refused
    if refused:
        assert doubt.abstained and doubt.trace[-1].rule == "off_topic_answer"
        assert "not about data-protection" in doubt.text


def test_a_doubted_question_with_no_word_of_the_field_abstains_however_much_the_passage_shares():
    from dataclasses import replace

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.rules.asks import domain_terms

    question = "How long does a Chinese passport renewal take?"
    assert not domain_terms(question)
    comp = Composition(text="Within 60 working days", support=0.38)
    doubted = off_topic_answer(comp, replace(analyse(question), off_topic_chance=0.92), _doubting_model(0.8, 0.2))
    assert doubted is not None and "no word of the field" in doubted.trace[-1].detail
    assert off_topic_answer(comp, replace(analyse(question), off_topic_chance=0.5), _doubting_model(0.8, 0.2)) is None
    field = "How long does a security assessment renewal take?"
    assert off_topic_answer(comp, replace(analyse(field), off_topic_chance=0.92), _doubting_model(0.8, 0.2)) is None


@pytest.mark.parametrize(("question", "coverage", "refused"), [
    # no word of the field, and the sentence quoted holds none of the question's words: about nothing held
    ("What year did Tim Berners-Lee write his proposal for the World Wide Web?", 0.0, True),
    # the sentence shares some of its words: the topic model decides, as before
    ("What year did Tim Berners-Lee write his proposal for the World Wide Web?", 0.2, False),
    # a question of the field is never refused for a sentence that words it otherwise
    ("How long must network logs be kept?", 0.0, False),
])
def test_a_question_of_no_field_answered_by_a_sentence_sharing_none_of_its_words_abstains(question, coverage,
                                                                                          refused):
    from dataclasses import replace

    from retrieval.compose import Composition, Pick
    from retrieval.decide import off_topic_answer
    from retrieval.records import Passage
    from retrieval.sentences import sentence_spans

    text = "What to expect in 2025: legal developments on data security will continue in 2025."
    guide = Passage(chunk_id="g", doc_id="zhonglun-dpp-2025", text=text, start=0, end=len(text), locator="",
                    title="", source="", kind="guide", authority=5, status="in-force", language="en")
    pick = Pick(guide, sentence_spans(text)[0], 1.0, [], coverage=coverage)
    comp = Composition(text="2025", support=0.3, primary=pick, key_figure="2025")
    doubt = off_topic_answer(comp, replace(analyse(question), off_topic_chance=0.1), _doubting_model(0.8, 0.2))
    assert (doubt is not None) == refused
    if refused:
        assert "shares none of its words" in doubt.trace[-1].detail


def test_the_answer_check_is_off_without_a_chosen_pair():
    from dataclasses import replace

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.topic import TopicModel

    analysis = replace(analyse("What's the fine for a late library book?"), off_topic_chance=0.99)
    default = TopicModel(space="x", weights=None, term_weight=0.0, bias=0.0, threshold=0.97)
    assert off_topic_answer(Composition(support=0.0), analysis, default) is None


def test_the_answer_check_is_chosen_to_refuse_the_most_general_questions_within_the_field_budget():
    import numpy as np

    from evals.off_topic import Labelled, choose_answer_check

    rows = [Labelled(f"general question {i}", True) for i in range(4)] + \
        [Labelled(f"field question {i} about data", False, True) for i in range(10)]
    chances = np.array([0.9, 0.8, 0.75, 0.35] + [0.9] + [0.5] * 9)
    supports = dict(zip([r.question for r in rows], [(s, False) for s in [0.02, 0.05, 0.3, 0.01] + [0.04] + [0.4] * 9],
                        strict=True))
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: supports[question])
    # one field question in ten may be refused. No answer states a figure: from 0.7 the quotes of the three general
    # questions doubted most go, with the field's one; (0.3, 0.05) takes the last, whose passage says nothing of it
    assert check["quote_chance"] == 0.7
    assert (check["chance"], check["support"]) == (0.3, 0.05)
    assert check["held_out_folds"] == {"general_refused": "4/4", "field_refused": "1/10"}
    assert check["figure_chance"] == 1.1  # no answer states a figure: the figure check stays off
    # answers that state figures leave the quote check off: the pair alone catches three, as before it existed
    figures = {question: (support, True) for question, (support, _) in supports.items()}
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: figures[question])
    assert check["quote_chance"] == 1.1


def test_a_figure_answered_for_a_doubted_question_is_refused_from_the_probability_chosen_for_figures():
    import numpy as np

    from evals.off_topic import Labelled, choose_answer_check

    rows = [Labelled(f"general question {i}", True) for i in range(3)] + \
        [Labelled(f"field question {i} about data", False, True) for i in range(10)]
    chances = np.array([0.75, 0.65, 0.45] + [0.55] + [0.35] * 9)
    # every answer states a figure, and every passage speaks to the question: only the figure check can refuse
    supports = dict(zip([r.question for r in rows], [(0.4, True)] * 13, strict=True))
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: supports[question])
    # one field question in ten may be refused: from 0.4 the two doubted most and the field's one at 0.55 go
    assert check["figure_chance"] == 0.4
    assert check["held_out_folds"] == {"general_refused": "3/3", "field_refused": "1/10"}


def test_a_figure_answer_is_refused_on_doubt_alone_from_the_figure_probability():
    from dataclasses import replace

    import numpy as np

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.topic import TopicModel

    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.zeros(2, dtype=np.float32), term_weight=0.0,
                       bias=0.0, threshold=0.97, answer_check=(0.8, 0.2), figure_chance=0.5)
    question = analyse("商标注册有效期是几年？")
    figure = Composition(text="3年", key_figure="3年", support=0.3)
    refused = off_topic_answer(figure, replace(question, off_topic_chance=0.54), model)
    assert refused is not None and "for an answer stating a figure" in refused.trace[-1].detail
    assert off_topic_answer(figure, replace(question, off_topic_chance=0.3), model) is None
    # without a figure, the pair decides: doubted less than 0.8, it stands
    quote = Composition(text="第九条 …", support=0.3)
    assert off_topic_answer(quote, replace(question, off_topic_chance=0.54), model) is None


def test_a_figure_from_a_passage_that_speaks_to_the_question_stands_under_the_figure_support():
    from dataclasses import replace

    import numpy as np

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.topic import TopicModel

    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.zeros(2, dtype=np.float32), term_weight=0.0,
                       bias=0.0, threshold=0.97, answer_check=(0.8, 0.05), figure_chance=0.5, figure_support=0.3)
    question = replace(analyse("商标注册有效期是几年？"), off_topic_chance=0.6)
    refused = off_topic_answer(Composition(text="3年", key_figure="3年", support=0.13), question, model)
    assert refused is not None and "speaking to 13% of the question" in refused.trace[-1].detail
    assert off_topic_answer(Composition(text="3年", key_figure="3年", support=0.65), question, model) is None


def test_the_figure_support_is_chosen_with_the_figure_probability():
    import numpy as np

    from evals.off_topic import Labelled, choose_answer_check

    rows = [Labelled(f"general question {i}", True) for i in range(3)] + \
        [Labelled(f"field question {i} about data", False, True) for i in range(10)]
    chances = np.array([0.75, 0.65, 0.6] + [0.6, 0.6] + [0.35] * 8)
    # the general answers come from passages that say little of the question; the field's doubted two from ones
    # that speak to most of it: only a figure check bounded by support refuses all three and no field question
    supports = dict(zip([r.question for r in rows], [(0.1, True)] * 3 + [(0.65, True)] * 2 + [(0.4, True)] * 8,
                        strict=True))
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: supports[question])
    assert check["held_out_folds"] == {"general_refused": "3/3", "field_refused": "0/10"}
    assert check["figure_chance"] <= 0.6 and 0.1 < check["figure_support"] <= 0.65


def test_options_part_at_the_comma_before_or_and_each_is_asked_with_the_noun_compared():
    left, right = sides("Under the DSL, which carries the bigger maximum fine: exporting important data (serious case) "
                        "or handing data to a foreign court without approval (serious consequences)?")
    assert left.question == "Under the DSL, what is the maximum fine for exporting important data (serious case)?"
    assert right.label == "handing data to a foreign court without approval (serious consequences)"
    left, right = sides("Which clock is shorter — the NDSMR deadline for vulnerabilities that endanger national "
                        "security or the public interest, or the reporting period in the vulnerability rules? Give both.")
    assert left.label.endswith("national security or the public interest")
    assert right.question == "How long is the reporting period in the vulnerability rules?"


def test_a_long_noun_compared_with_whom_it_concerns_is_asked_of_each_option():
    left, right = sides("Under the DSL, which has the higher top fine for the company in the worst tier: illegally "
                        "exporting important data, or handing data to a foreign law-enforcement body without approval?")
    assert left.question == ("Under the DSL, what is the top fine for the company in the worst tier for illegally "
                             "exporting important data?")
    assert right.label == "handing data to a foreign law-enforcement body without approval"


def test_two_options_set_one_versus_the_other_are_each_asked_what_follows_the_colon():
    left, right = sides("Under the Data Security Law, handing data to a foreign law-enforcement body without approval "
                        "versus illegally exporting important data: what are the top-tier company fines, and which "
                        "is steeper?")
    assert left.question == ("Under the Data Security Law, what are the top-tier company fines for handing data to a "
                             "foreign law-enforcement body without approval?")
    assert right.label == "illegally exporting important data"
    each = sides("Selling uncertified equipment versus using unreviewed products: under the amended CSL, up to what "
                 "multiple can each be fined?")
    assert each[1].question == "under the amended CSL, up to what multiple can using unreviewed products be fined?"


def test_two_options_set_one_versus_the_other_then_only_which_are_each_asked_for_what_is_compared():
    left, right = sides("Standard deadline: CAC export assessment vs initial cybersecurity review, which is longer?")
    assert left.question == "How long is the standard deadline of CAC export assessment?"
    assert right.label == "initial cybersecurity review"
    assert sides("Log retention vs PIA report retention, which is longer?")[1].question == \
        "How long is PIA report retention?"
    assert sides("Fine for a company vs fine for its manager, which is higher?")[0].question == \
        "What is Fine for a company?"
    # two laws set against each other are the laws' sides, not options
    assert [side.law for side in sides("PIPL vs DSL, which has the higher maximum fine?")] == ["pipl", "dsl"]


def test_a_law_in_force_from_a_year_and_its_amended_version_are_the_later_text():
    earlier, later = sides("网络运营者拒不改正的：2016年版网安法和2026年起施行的修正版，对单位的罚款上限分别是多少？哪个更高？")
    assert (earlier.law, later.law) == ("csl-2016", "csl-2025")
    assert "施行" not in later.question and "修正版" not in later.question


def test_a_comparative_followed_by_a_clause_carries_no_noun_into_the_options():
    left, right = sides("Which takes longer on paper once the clock starts: the outbound security assessment or the "
                        "initial cybersecurity review? Give both statutory periods.")
    assert (left.question, right.question) == ("How long is the outbound security assessment?",
                                               "How long is the initial cybersecurity review?")


def test_the_amended_text_and_what_it_is_now_are_the_later_version():
    earlier, later = sides("Comparing the 2016 CSL with the 2025 amended text: for an operator that refuses to fix "
                           "its duties, what was the top fine before the amendment, and what is it now?")
    assert (earlier.law, later.law) == ("csl-2016", "csl-2025")


def test_one_figure_asked_of_two_laws_set_beside_each_other_is_asked_of_each():
    later, earlier = sides("How long is the approval valid under the 2024 cross-border provisions, compared with the "
                           "original 2022 Measures?")
    assert (later.law, earlier.law) == ("cbdt-provisions", "outbound-assessment")
    first, second = sides("数据出境安全评估通过后，结果有效期原来按2022年的办法是多久？2024年新规改成了多久？")
    assert "促进和规范数据跨境流动规定" in second.question  # its own title, not a year the other side told apart
    # "compare X with Y" sets the two laws beside each other as "compared with" does
    dsl, pipl = sides("Compare the maximum company fine under the DSL with the maximum under the PIPL.")
    assert (dsl.law, pipl.law) == ("dsl", "pipl")
    # each half of a comparison asking its own figure of its own law is a side of its own
    logs, records = sides("How long must network logs be kept under the Cybersecurity Law, compared with how long "
                          "the NDSMR requires records of entrusted processing to be kept?")
    assert (logs.law, records.law) == ("csl-2025", "ndsmr") and "records" not in logs.question
    # a figure asked of two laws named together is asked of each; a law named in the scene is no side
    assert [s.law for s in sides("What are the top fines under the PIPL and the DSL?")] == ["pipl", "dsl"]
    assert [s.law for s in sides("个保法和数安法的最高罚款分别是多少？")] == ["pipl", "dsl"]
    assert sides("PIPL Art. 38 lets us transfer after an assessment; under the 2024 cross-border Provisions, "
                 "how long is the assessment result valid?") == []


def test_of_two_dates_the_smaller_is_said_to_be_the_earlier():
    from retrieval.compare import _verdict

    names = ["Deep Synthesis Provisions", "GenAI Measures"]
    question = "Which took effect first, the Deep Synthesis Provisions or the GenAI Measures?"
    assert _verdict(names, [20230110.0, 20230815.0], question, "en", dates=True) == \
        "Deep Synthesis Provisions' is earlier."


def test_a_change_asked_of_a_law_that_replaces_another_in_part_asks_both_texts():
    from retrieval.compare import changed_sides
    from retrieval.rules.registry import disabled

    question = ("Did the March 2024 cross-border data flow Provisions change how long a passed CAC outbound security "
                "assessment stays valid? From what to what?")
    earlier, later = changed_sides(question)
    assert (earlier.law, later.law) == ("outbound-assessment", "cbdt-provisions")
    # the date dates the law that replaced the other: the earlier side is asked without it
    assert "2024" not in earlier.question and "Outbound Data Assessment Measures" in earlier.question
    assert changed_sides("How long does a passed security assessment stay valid under the 2024 Provisions?") == []
    with disabled({"what_changed"}):
        assert changed_sides(question) == []


@pytest.mark.parametrize("question", [
    "Did the CII Regulations come into force before or after the DSL? Give the dates.",
    "关基条例是在数据安全法之前还是之后施行的？",
])
def test_before_or_after_asks_two_dates_not_yes_or_no(question):
    from retrieval.query import analyse
    from retrieval.rules.asks import asks_comparison

    analysis = analyse(question)
    assert asks_comparison(question) and analysis.wants == {"date"} and not analysis.by_date


def test_a_side_of_two_texts_of_one_law_asks_one_figure_and_new_and_original_mark_the_texts():
    from retrieval.compare import sides

    question = ("按2026年1月1日起施行的新网安法，关基运营者单位最高能罚多少？对照2016年原网安法，单位罚款上限又是多少？")
    earlier, later = sides(question)
    assert (earlier.law, later.law) == ("csl-2016", "csl-2025") and earlier.one_ask and later.one_ask
    assert not any(side.one_ask for side in sides("Which is higher, the PIPL's maximum fine or the DSL's?"))


def test_two_asks_each_naming_its_law_are_asked_alone_when_the_second_says_what_it_asks():
    from retrieval.compare import sides

    own = sides("个保法下的个人信息保护影响评估报告至少留多久？网数条例里向其他处理者提供、委托处理个人信息和重要数据的处理情况记录"
                "又至少留多久？")
    assert [s.law for s in own] == ["pipl", "ndsmr"] and all(s.one_ask for s in own)
    assert "网数条例" not in own[0].question and "影响评估" not in own[1].question
    # "2024年新规改成了多久？" leans on the first ask's subject: each side keeps the whole question
    leaning = sides("数据出境安全评估结果有效期原来按2022年的办法是多久？2024年新规改成了多久？")
    assert all("有效期" in s.question for s in leaning)


def test_took_effect_asks_a_date():
    from retrieval.query import analyse

    assert analyse("Which took effect first, the PIPL or the DSL?").wants == {"date"}


def test_steps_listed_with_the_enumeration_comma_are_asked_one_by_one():
    from retrieval.compare import listed_sides

    steps = listed_sides("材料交上去以后，省级网信部门完备性查验、国家网信部门决定是否受理、以及国家网信部门完成评估，"
                         "各自的法定时限是多少？")
    assert [s.label for s in steps] == ["省级网信部门完备性查验", "国家网信部门决定是否受理", "国家网信部门完成评估"]
    assert steps[0].question == "材料交上去以后，省级网信部门完备性查验的法定时限是多少？"
    last_joined = listed_sides("申报后，完备性查验、决定是否受理和完成评估的期限分别是多少？")
    assert [s.question for s in last_joined][-1] == "申报后，完成评估的期限是多少？"
    assert listed_sides("网数条例里的“大型网络平台”，注册用户和月活分别要达到多少？") == []
    stages = listed_sides("How long does each stage of a review take — deciding whether to review, the initial review, "
                          "and the special review procedure?")
    assert [s.question for s in stages][0] == "How long does deciding whether to review of a review take?"
    assert len(stages) == 3
    joined = listed_sides("打算赴美上市。网络安全审查的强制申报门槛，以及《网络数据安全管理条例》里的人数门槛，分别是多少？")
    assert [s.law for s in joined] == ["", "ndsmr"]
    assert joined[0].question == "打算赴美上市。网络安全审查的强制申报门槛是多少？"


def test_the_cases_told_before_these_two_are_the_sides():
    from retrieval.compare import listed_sides

    cases = listed_sides("数据交易中介机构没尽审核义务又没有违法所得，和企业拒不配合数据调取，这两种情况下对单位的罚款幅度各自"
                         "是多少？")
    assert [s.question for s in cases] == ["数据交易中介机构没尽审核义务又没有违法所得，对单位的罚款幅度是多少？",
                                           "企业拒不配合数据调取，对单位的罚款幅度是多少？"]
    told = listed_sides("按数据安全法，企业没尽到保护义务导致大量数据泄露，和违规出境重要数据，这两种情况罚款上限分别是多少？哪个更重？")
    assert told[0].question.startswith("按数据安全法，企业没尽到保护义务") and len(told) == 2


def test_a_choice_between_two_figures_is_a_comparison_not_yes_or_no():
    from retrieval.compare import sides
    from retrieval.figures import question_wants, yes_or_no
    from retrieval.rules.asks import asks_comparison

    question = ("Is a passed outbound security assessment valid for longer under the 2022 assessment measures or "
                "under the 2024 cross-border data flow provisions?")
    assert asks_comparison(question) and not yes_or_no(question) and "duration" in question_wants(question)
    assert [side.law for side in sides(question)] == ["outbound-assessment", "cbdt-provisions"]
    assert not asks_comparison("Is the assessment still valid?")


def test_two_situations_under_the_law_the_opening_names_are_each_asked_the_compared_figure():
    from retrieval.compare import sides

    first, second = sides("按数据安全法，违规向境外提供重要数据情节严重的，和未经批准向外国执法机构提供数据造成严重后果的，"
                          "哪个罚款上限更高？")
    assert first.question == "按数据安全法，违规向境外提供重要数据情节严重的，罚款上限是多少？"
    assert second.label == "未经批准向外国执法机构提供数据造成严重后果的"


def test_an_answer_stating_no_figure_is_refused_on_doubt_alone_from_the_quote_probability():
    from dataclasses import replace

    import numpy as np

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.topic import TopicModel

    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.zeros(2, dtype=np.float32), term_weight=0.0,
                       bias=0.0, threshold=0.97, answer_check=(0.8, 0.05), quote_chance=0.5)
    question = analyse("Is a contract valid without the company chop if the legal representative signs it?")
    quote = Composition(text="第十一条 …格式条款…", support=0.6)
    refused = off_topic_answer(quote, replace(question, off_topic_chance=0.61), model)
    assert refused is not None and "for an answer stating no figure" in refused.trace[-1].detail
    assert off_topic_answer(quote, replace(question, off_topic_chance=0.3), model) is None
    # a figure is not a quote only: the pair decides it
    figure = Composition(text="3年", key_figure="3年", support=0.6)
    assert off_topic_answer(figure, replace(question, off_topic_chance=0.61), model) is None


def test_a_quote_is_refused_on_doubt_only_from_a_passage_speaking_to_little_of_the_question():
    from dataclasses import replace

    import numpy as np

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer
    from retrieval.topic import TopicModel

    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.zeros(2, dtype=np.float32), term_weight=0.0,
                       bias=0.0, threshold=0.97, answer_check=(0.8, 0.05), quote_chance=0.5, quote_support=0.25)
    question = replace(analyse("Can a foreign company sell lottery tickets online in China?"), off_topic_chance=0.61)
    refused = off_topic_answer(Composition(text="第五条 …出售…", support=0.2), question, model)
    assert refused is not None and "speaking to 20% of the question (< 25%)" in refused.trace[-1].detail
    # a quote on point stands, however doubted the question
    assert off_topic_answer(Composition(text="第四十九条 …近亲属…", support=0.6), question, model) is None


def test_the_quote_check_may_ask_for_little_support_too():
    import numpy as np

    from evals.off_topic import Labelled, choose_answer_check

    rows = [Labelled(f"general question {i}", True) for i in range(3)] + \
        [Labelled(f"field question {i} about data", False, True) for i in range(10)]
    chances = np.array([0.9, 0.8, 0.75] + [0.9] * 10)
    # the field's doubted quotes speak to much of their questions, the general ones' to little
    reads = [(0.1, False), (0.2, False), (0.05, False)] + [(0.6, False)] * 10
    supports = dict(zip([r.question for r in rows], reads, strict=True))
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: supports[question])
    assert check["held_out_folds"] == {"general_refused": "3/3", "field_refused": "0/10"}
    assert check["quote_support"] < 0.6


def test_an_answer_computed_from_a_term_the_question_names_is_not_doubted():
    from dataclasses import replace

    from retrieval.compose import Composition
    from retrieval.decide import off_topic_answer

    model = _doubting_model(0.4, 0.08)
    question = replace(analyse("What does CII stand for?"), off_topic_chance=0.78)
    definition = Composition(text="CII Regulations Art. 2 [1].", key_figure="CII Regulations Art. 2", support=0.0)
    assert off_topic_answer(definition, question, model) is not None  # composed from ranked sentences: doubted
    definition.of_named_subject = True
    assert off_topic_answer(definition, question, model) is None


@pytest.mark.parametrize(("question", "outside"), [
    ("What's the fine for returning a library book late?", True),
    ("房东要我身份证照片合法吗", False),  # names a subject of the field: the corpus only does not answer it
])
def test_a_refusal_says_outside_the_field_only_of_a_question_naming_nothing_of_it(question, outside):
    from retrieval.decide import refusal

    comp = refusal(analyse(question), "off_topic_answer")
    assert comp.abstained
    assert (("not about data-protection" in comp.text) or ("无关" in comp.text)) == outside


def test_a_refusal_shows_its_confidence_and_threshold_told_apart():
    from retrieval.decide import _apart

    assert (_apart(0.2262, 0.2268), _apart(0.2268, 0.2262)) == ("0.226", "0.227")
    assert (_apart(0.13, 0.2268), _apart(0.2268, 0.13)) == ("0.13", "0.23")


def test_a_field_answer_known_wrong_costs_nothing_refused():
    import numpy as np

    from evals.off_topic import Labelled, choose_answer_check

    general = [Labelled(f"general question {i}", True) for i in range(2)]
    wrong = [Labelled(f"field question {i} about data", False, True, (("90 days",),)) for i in range(8)]
    right = [Labelled(f"field question {i} about data retention", False, True, (("6 months",),)) for i in range(2)]
    rows = general + wrong + right
    chances = np.array([0.9, 0.9] + [0.9] * 8 + [0.35] * 2)
    reads = {r.question: (0.05, False, "3 years [1].") for r in general + wrong}
    reads |= {r.question: (0.05, False, "6 months [1].") for r in right}
    check = choose_answer_check(chances, rows, 0.97, lambda question, chance: reads[question])
    # the eight wrong field answers go with the two general ones; the two right ones, doubted less, stay
    assert check["held_out_folds"] == {"general_refused": "2/2", "field_refused": "0/2"}
