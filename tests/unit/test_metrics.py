"""evals/metrics.py: how a stated fact is found in an answer."""

from __future__ import annotations


def test_a_fact_is_not_found_as_the_tail_of_another_number():
    from evals.metrics import fact_present

    assert not fact_present(["十个工作日"], "应当在二十个工作日内办理注销备案")
    assert not fact_present(["5%"], "up to 15% of turnover")
    assert fact_present(["十个工作日"], "应当在十个工作日内备案")
    assert fact_present(["52"], "PIPL (EN) Art. 52 ¶1")
    assert fact_present(["10 working days"], "Within 10 working days [1].")
