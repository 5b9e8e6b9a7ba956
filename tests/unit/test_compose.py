"""retrieval/compose.py: the pure helpers the composer reads a question with. Pure: no store, no model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, regimes", [
    ("What is the maximum financial penalty under Singapore's PDPA?", ["PDPA", "Singapore"]),
    ("Under Japanese law, how fast must a leak be reported?", ["Japanese"]),
    ("新加坡个人数据保护法的最高罚款是多少？", ["新加坡"]),
    # where the data goes, who asks for it, who the asker is: scenery, not a regime
    ("我们准备向新加坡母公司传输个人信息，标准合同生效后多久内备案？", []),
    ("我们把境内数据提供给了美国一家法院，按数据安全法罚多少？", []),
    ("US law enforcement asked our Shanghai subsidiary for data: what does the DSL fine for handing it over?", []),
])
def test_a_country_names_a_regime_only_when_its_law_is_asked_about(question, regimes):
    from retrieval.compose import foreign_regimes

    assert foreign_regimes(question) == regimes
