"""ingest/numerals.py: Chinese numerals read as numbers, and article numbers written back."""

from __future__ import annotations

import pytest

from ingest.numerals import chinese_to_int, chinese_to_number, int_to_chinese


@pytest.mark.parametrize(("text", "value"), [("六十六", 66), ("二百五十三", 253), ("一千万", 10_000_000),
                                             ("五千万", 50_000_000), ("5000万", 50_000_000), ("1.5亿", 150_000_000),
                                             ("一百零五", 105), ("二〇二一", 2021), ("十", 10)])
def test_chinese_numerals(text, value):
    assert chinese_to_number(text) == value


def test_article_numbers_round_trip():
    for n in (1, 10, 11, 20, 66, 74, 100, 105, 110, 253):
        assert chinese_to_int(int_to_chinese(n)) == n
