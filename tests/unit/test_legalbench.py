"""evals/legalbench.py: the paper's character-overlap scoring and the raw-offset alignment."""

from __future__ import annotations

from evals.legalbench import (
    SourceText,
    char_precision_recall,
    merge_spans,
    offset_map,
)


def test_merge_spans_joins_overlapping_and_touching_intervals_and_drops_empty_ones():
    assert merge_spans([(5, 9), (0, 3), (3, 4), (8, 12), (20, 20)]) == [(0, 4), (5, 12)]


def test_character_precision_and_recall_follow_the_paper():
    gold = [("a.txt", 100, 200)]
    # half of the retrieved characters are gold, and they cover half of the gold
    assert char_precision_recall([("a.txt", 50, 150)], gold) == (0.5, 0.5)
    # the same span twice is counted once; a span in another file only costs precision
    p, r = char_precision_recall([("a.txt", 100, 150), ("a.txt", 100, 150), ("b.txt", 0, 50)], gold)
    assert (p, r) == (0.5, 0.5)
    assert char_precision_recall([], gold) == (0.0, 0.0)
    assert char_precision_recall([("a.txt", 0, 1000)], gold) == (0.1, 1.0)


def test_offset_map_places_normalised_passages_back_in_the_raw_file(tmp_path):
    raw = "Privacy Policy  \r\n\r\n\r\n\r\nWe collect your e\u200bmail address.\r\nWe never sell it.   \r\n"
    path = tmp_path / "policy.txt"
    path.write_bytes(raw.encode("utf-8"))
    source = SourceText.load("privacy_qa/policy.txt", path)
    assert source.mapping is not None and source.normalised != raw
    start = source.normalised.index("We never sell it.")
    placed = source.to_raw(start, start + len("We never sell it."), "We never sell it.")
    assert placed is not None and raw[placed[0]:placed[1]] == "We never sell it."
    # a text the normalisation changed in place (NFC) cannot be mapped character by character
    assert offset_map("cafe\u0301", "caf\u00e9") is None
