"""Rules party_provision and amended_in_force: a party the law treats apart, and the amended text's commencement.
Pure: the store's texts are made here."""

from __future__ import annotations

from retrieval.amended import amended_in_force, asks_amended_in_force
from retrieval.parties import party_asked, party_provision
from retrieval.query import analyse
from tests.statutes import statute

PIPL = [statute("第六十六条 违反本法规定处理个人信息的，由履行个人信息保护职责的部门责令改正；拒不改正的，并处一百万元以下罚款。",
                66, "pipl", title="PIPL", short="PIPL"),
        statute("第六十八条 国家机关不履行本法规定的个人信息保护义务的，由其上级机关或者履行个人信息保护职责的部门责令改正；"
                "对直接负责的主管人员和其他直接责任人员依法给予处分。", 68, "pipl", title="PIPL", short="PIPL")]
DSL_BROKER = [statute("第四十七条 国家机关不履行本法规定的数据安全保护义务的，处十万元以上一百万元以下罚款。", 47, "dsl",
                      title="DSL", short="DSL")]


def test_a_state_organ_asked_a_fine_is_answered_from_its_own_provision_which_sets_none():
    question = "If a city government bureau mishandles residents' PI, how large a fine can be imposed on it under PIPL?"
    comp = party_provision(analyse(question), lambda doc_id: PIPL if doc_id == "pipl" else [])
    assert comp is not None and comp.abstained
    assert "Art. 68" in comp.reason and "国家机关不履行" in comp.reason


def test_a_party_provision_that_states_the_figure_is_left_to_the_composer():
    question = "数安法下，国家机关不履行数据安全保护义务，要罚多少钱？"
    assert party_provision(analyse(question), lambda doc_id: DSL_BROKER if doc_id == "dsl" else []) is None


def test_no_party_or_no_fine_asked_fires_nothing():
    chunks = lambda doc_id: PIPL  # noqa: E731
    assert party_provision(analyse("What is the maximum fine under the PIPL?"), chunks) is None
    assert party_provision(analyse("If a government bureau leaks PI, which PIPL article applies?"), chunks) is None
    assert party_asked("公安机关调取数据要经过什么批准？") is None


DECISION = [statute("十四、本决定自2026年1月1日起施行。", None, "csl-2025-decision", title="CSL Amendment Decision 2025",
                    short="CSL Amendment Decision 2025")]


def test_the_amended_text_takes_effect_on_the_decision_s_day_not_the_law_s_first():
    comp = amended_in_force(analyse("When does the amended Cybersecurity Law actually take effect?"),
                            lambda doc_id: DECISION if doc_id == "csl-2025-decision" else [])
    assert comp is not None and comp.key_figure == "1 January 2026"
    zh = amended_in_force(analyse("修改后的网络安全法从什么时候开始施行？"),
                          lambda doc_id: DECISION if doc_id == "csl-2025-decision" else [])
    assert zh is not None and zh.key_figure == "2026年1月1日"


def test_the_earlier_text_s_commencement_is_not_the_amendment_s():
    assert not asks_amended_in_force("网络安全法最初是什么时候施行的？")
    assert not asks_amended_in_force("When did the original Cybersecurity Law take effect, before it was amended?")
