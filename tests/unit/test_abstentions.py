"""The composer's registered abstentions, without a store: each refuses on its own evidence, and switched off it
no longer does (what `lexcite eval --without NAME` measures)."""

from __future__ import annotations

import pytest

from retrieval.compose import compose
from retrieval.query import analyse
from retrieval.rules.registry import disabled, rules
from tests.statutes import statute

FINE = statute("第六十六条 违反本法规定处理个人信息……由履行个人信息保护职责的部门责令改正，给予警告，没收违法所得；"
               "拒不改正的，并处一百万元以下罚款。", 66, score=2.0)
LEFT_OPEN = statute("第五十二条 处理个人信息达到国家网信部门规定数量的个人信息处理者应当指定个人信息保护负责人。", 52, score=2.0)
KEPT = statute("第五十六条 个人信息保护影响评估报告和处理情况记录应当至少保存三年。", 56, score=2.0)
NO_BODY = statute("第六十三条 履行个人信息保护职责的部门履行个人信息保护职责，可以采取下列措施。", 63, score=2.0)
SERIOUS = statute("第六十六条 有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，没收违法所得，"
                  "并处五千万元以下或者上一年度营业额百分之五以下罚款。", 66, score=2.0)
ADDED = statute("七、增加一条，作为第六十三条：“违反本法第二十五条规定，销售或者提供未经安全认证的网络关键设备的，"
                "由有关主管部门责令停止销售，没收违法所得；没有违法所得的，并处二万元以上十万元以下罚款。”", 0,
                "csl-2025-decision", short="CSL Amendment Decision 2025", title="关于修改《中华人民共和国网络安全法》的决定",
                score=2.0)

CASES = [
    ("foreign_regime", "What is the maximum financial penalty under Singapore's PDPA?", FINE),
    ("unknown_law", "《汽车数据安全管理若干规定》规定的罚款是多少？", FINE),
    ("draft_text", "What fine did the 2020 draft of the PIPL propose?", FINE),
    ("version_year", "个人信息保护法2012年版规定的罚款是多少？", FINE),
    ("fixed_figure", "What is the exact fixed fine for refusing to correct under the PIPL?", FINE),
    ("figure_left_open", "个保法第五十二条说'达到国家网信部门规定数量'的处理者要指定负责人，这个数量是多少？", LEFT_OPEN),
    ("no_figure_of_kind", "How many hours does a PIPL processor have to keep the impact assessment report?", KEPT),
    ("names_no_body", "Which ministry exactly enforces the PIPL's measures?", NO_BODY),
    ("open_choice", "PIPL's 5% fine: is it calculated on the group's global turnover or only on the China entity's "
                    "turnover?", SERIOUS),
    ("added_later", "Under the original 2016 Cybersecurity Law, what fine could be imposed for selling critical network "
                    "equipment that had not passed security certification?", ADDED),
]


def _refused_by(question: str, passage) -> str | None:
    comp = compose([passage], analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    return comp.trace[-1].rule if comp.abstained else None


@pytest.mark.parametrize("rule, question, passage", CASES, ids=[c[0] for c in CASES])
def test_each_abstention_refuses_on_its_own_evidence_and_can_be_switched_off(rule, question, passage):
    assert _refused_by(question, passage) == rule
    with disabled({rule}):
        assert _refused_by(question, passage) != rule


def test_every_abstention_tested_here_is_a_registered_rule_with_this_example():
    registry = rules()
    for rule, question, _ in CASES:
        assert question in registry[rule].examples, f"cues.toml [rules.{rule}] should list {question!r}"


def test_a_question_the_passage_answers_is_not_refused():
    assert _refused_by("个人信息保护法规定影响评估报告要保存多久？", KEPT) is None
    assert _refused_by("What is the maximum fine under the PIPL for refusing to correct?", FINE) is None
    # a choice the passage speaks to is settled by it
    assert _refused_by("Is the serious-case fine capped at CNY 50 million or at 5% of turnover?", SERIOUS) is None
    # the fine the amendment added answers what the amended law sets
    assert _refused_by("Under the amended Cybersecurity Law, what fine applies for selling critical network "
                       "equipment that had not passed security certification?", ADDED) is None
    # "the biggest fixed fine amount" asks the top of the scale, which a ceiling states
    assert _refused_by("What is the biggest fixed fine amount under the PIPL for refusing to correct?", FINE) is None


def test_a_scale_left_to_others_is_open_unless_the_figure_found_applies_the_article_named():
    def ndsmr(text: str, article: int, part: int = 0):
        return statute(text, article, "ndsmr", part=part, short="NDSMR", title="网络数据安全管理条例", score=2.0)

    scale = ndsmr("第三十条 掌握有关主管部门规定的特定种类、规模的重要数据的网络数据处理者，应当对网络数据安全负责人和关键岗位的人员"
                  "进行安全背景审查。", 30)
    applies = ndsmr("第二十八条 网络数据处理者处理1000万人以上个人信息的，还应当遵守本条例第三十条、第三十二条的规定。", 28)
    asked_of_30 = "网数条例第三十条说掌握特定种类、规模重要数据的处理者要做安全背景审查，这个规模是多少人？"
    assert _refused_by(asked_of_30, scale) == "figure_left_open"
    named_as_duties = "网数条例规定，处理多少人以上的个人信息，就要遵守重要数据处理者的义务（第三十条、第三十二条）？"
    comp = compose([applies, scale], analyse(named_as_duties, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert not comp.abstained and "1000万人" in comp.key_figure


def test_a_duty_found_first_is_the_breach_and_a_fine_for_other_articles_is_not_its_fine():
    def csl(text: str, article: int, score: float):
        return statute(text, article, "csl-2025", short="CSL", title="网络安全法", score=score)

    duty = csl("第三十九条 关键信息基础设施的运营者在中华人民共和国境内运营中收集和产生的个人信息和重要数据应当在境内存储。", 39, 2.4)
    # a fine for other articles that shares as many of the question's words (个人信息, 重要数据, 关键信息基础设施)
    others = csl("第六十一条 关键信息基础设施的运营者不履行本法第三十五条、第三十六条、第三十八条、第四十条规定的个人信息和重要数据"
                 "保护义务的，由有关主管部门责令改正，可以处五万元以上十万元以下罚款。", 61, 2.3)
    referral = csl("第七十一条 有下列行为之一的，依照有关法律、行政法规的规定处理、处罚：\n\n（一）发布禁止发布的信息的；\n\n"
                   "（三）违反本法第三十九条规定，关键信息基础设施的运营者在境外存储个人信息和重要数据的。", 71, 2.2)
    question = "修正后的网安法本身对关基运营者在境外存储个人信息和重要数据规定了多少罚款？"
    passages = [duty, others, referral]
    comp = compose(passages, analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert comp.abstained and comp.trace[-1].rule == "breach_without_figure" and "Art. 71" in comp.reason
    # without the duty, the referral that fits the breach best still refuses: it sends the breach to other laws
    with disabled({"duty_cited"}):
        comp = compose(passages, analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert comp.abstained and "Art. 71 refers the breach described to other laws" in comp.reason
    # and a sanction that only fined by number, fitting as well, would have been answered
    plain = csl(referral.text.replace("依照有关法律、行政法规的规定处理、处罚", "由有关主管部门责令改正"), 71, 2.2)
    with disabled({"duty_cited"}):
        comp = compose([duty, others, plain], analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert not comp.abstained and comp.primary.passage.article == 61


def test_a_year_of_another_law_s_text_the_corpus_holds_is_no_version_asked_of_this_one():
    from retrieval.compose import _year_of_another_law

    assert _year_of_another_law(analyse("Which article of the amended CSL says operators must follow the PIPL, and what "
                                        "number did it have in the 2016 text?"))
    assert not _year_of_another_law(analyse("个人信息保护法2012年版规定的罚款是多少？"))


def test_a_sentence_that_is_the_set_aside_tier_from_its_start_gives_way_to_the_tier_asked():
    ordinary = statute("第六十六条 违反本法规定处理个人信息的，由履行个人信息保护职责的部门责令改正；拒不改正的，并处一百万元以下罚款。",
                       66, score=2.0)
    grave = statute("有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，并处五千万元以下罚款。", 66,
                    part=1, score=2.0)
    question = "PIPL violation, not a 'grave' case. We refused to correct it. What fine can the company get?"
    comp = compose([grave, ordinary], analyse(question, "bigram"), 5, 0.0, "bigram", idf={}, unknown_idf=3.0)
    assert comp.key_figure.startswith("Up to CNY 1 million")
