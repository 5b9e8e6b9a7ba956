"""Readings added in session 38, each from a class of misses on fresh blind sets. Pure: no store, no model."""

from __future__ import annotations

import pytest

from retrieval.compose import _PAGE_CHROME, Composition, _governed_by, figures_named
from retrieval.figures import question_wants
from retrieval.laws import split_title_laws, unknown_law_names
from retrieval.open_asks import ask_segments
from retrieval.query import analyse, not_who
from retrieval.roles import count_heads_differ, counted_class
from retrieval.service import _states_already


@pytest.mark.parametrize(("question", "wants"), [
    ("网安审查强制申报的门槛是多少用户？应该向哪个机构申报？报上去之后多久告诉我们要不要审？", {"count", "duration"}),
    ("How long is the assessment valid? Who approves an extension?", {"duration"}),
    ("由谁审批？", set()),
    ("人脸识别民事案件的规定是哪天开始施行的？我能不能要求物业给别的进门方式？", {"date"}),
    ("个保法是否适用于境外？", set()),
    ("Is there a statutory minimum compensation per person under the facial recognition provisions?", {"amount"}),
    ("Is there a deadline for filing the SCC?", {"duration"}),
    ("Is there a DPO requirement?", set()),
    ("Who must approve extending the validity period?", set()),
])
def test_a_who_or_a_yes_no_asked_in_a_sentence_of_its_own_leaves_the_other_sentences_figures_wanted(question, wants):
    assert question_wants(question) == wants


@pytest.mark.parametrize("question", [
    "We run a SaaS helpdesk out of Shenzhen - definitely not a CII operator. What fine after refusing to correct?",
    "Our firm (not a CII operator) ignored an order to fix its logs: what fine now?",
])
def test_a_party_set_aside_in_passing_is_not_the_askers(question):
    assert "关键信息基础设施" in not_who(question)


def test_a_fine_set_aside_in_passing_names_no_party():
    assert not_who("The fine, not a warning, is what we face under the PIPL.") == frozenset()


@pytest.mark.parametrize(("question", "unknown"), [
    ("律师意见里引用的是《网络安全审查办法》。现行这一版审查办法是从哪天起施行的？", []),
    ("From the Zhong Lun 'Law and Practice' chapter of the Data Protection & Privacy 2025 guide: what cap does it cite?",
     []),
    ("工信部和金融监管总局关于促进网络安全保险规范健康发展的意见是哪一年发布的？", ["《关于促进网络安全保险规范健康发展的意见》"]),
    ("按照电子商务法，平台要保存交易信息几年？", ["《电子商务法》"]),
])
def test_a_name_pointing_back_or_part_of_a_held_title_is_no_unknown_law(question, unknown):
    assert unknown_law_names(question) == unknown


@pytest.mark.parametrize(("question", "named"), [
    ("我们是一家连锁药房，会员数据量很大。个保法里规定指定个人信息保护负责人的是第几条？", []),
    ("We have 1.5 million users. Which article sets the 1 million threshold?", ["1 million"]),
    ("Which article of the DSL sets the 5%-of-turnover fine?", ["5%"]),
])
def test_a_which_article_question_names_the_figures_of_its_asking_sentence_only(question, named):
    assert [f.text for f in figures_named(question)] == named


@pytest.mark.parametrize(("question", "asks"), [
    ("Which came into force first, the facial recognition provisions or the PIPL? give me both dates. also does the "
     "SPC rule cover face scans done before it took effect?", 2),
    ("After we file, how many working days for the completeness check, how long to decide whether to accept it, and "
     "once accepted what's the standard time to finish the assessment?", 3),
    ("Under PIPL Art. 66 what is the fine?", 1),
])
def test_asks_after_a_sentence_or_after_and_with_a_condition_are_asks_of_their_own(question, asks):
    assert len(ask_segments(question)) == asks


def test_a_which_article_question_pointing_back_names_the_figures_told_before():
    question = "The 2025 amendment raised CSL fines to CNY 50 million or 5% of turnover. Which article says that?"
    assert [f.text for f in figures_named(question)] == ["CNY 50 million", "5%"]
    assert figures_named("我是一家物业公司的法务。司法解释里哪一条规定了这种情况？") == []


def test_a_figure_led_to_by_a_clause_naming_what_the_question_sets_aside_is_for_that_case():
    sentence = "发现风险时，应当立即采取补救措施；涉及危害国家安全、公共利益的，还应当在24小时内向有关主管部门报告。"
    at = sentence.index("24")
    assert _governed_by(sentence, at, {"国家安全", "公共利益"})
    assert not _governed_by(sentence, at, {"情节严重"})
    # named to say the clause is about everyone else: the figure is for the case asked
    other = "关键信息基础设施运营者以外的数据处理者累计提供不满10万人个人信息的，免予申报。"
    assert not _governed_by(other, other.index("10"), {"关键信息基础设施运营者"})


def test_what_a_clause_imposes_is_no_condition_set_aside():
    sentence = "违反本条例第二十四条规定的，由有关部门责令限期改正，给予警告，没收违法所得，可以并处10万元以下罚款。"
    assert not _governed_by(sentence, sentence.index("10万"), {"违法所得", "警告"})


@pytest.mark.parametrize(("sentence", "chrome"), [
    ("Takes 2 min.", True), ("5 min read", True), ("Reading time: 4 minutes", True), ("阅读时间：5分钟", True),
    ("Report the incident within 2 minutes.", False), ("本法自2021年11月1日起施行。", False),
])
def test_a_web_page_s_reading_time_is_no_sentence_that_may_answer(sentence, chrome):
    assert bool(_PAGE_CHROME.fullmatch(sentence)) is chrome


def test_a_second_answer_adds_nothing_when_the_first_lead_states_its_figure():
    first = Composition(text="2025年10月28日通过修改决定，自2026年1月1日起施行 [1].\n\nquote")
    assert _states_already(first, "2026年1月1日")
    assert not _states_already(first, "2017年6月1日")


@pytest.mark.parametrize(("question", "laws"), [
    ("生成式人工智能服务提供者拒不改正的，暂行办法规定罚款多少钱？", ["genai"]),
    ("数据出境安全评估要几个工作日？办法里怎么规定的？", ["outbound-assessment"]),
    ("个人信息保护负责人的办法", []),
])
def test_a_held_title_written_as_its_subject_then_its_bare_kind_names_that_text(question, laws):
    assert split_title_laws(question) == laws


def test_a_law_the_question_says_another_was_aligned_with_is_not_the_law_asked_about():
    question = "听说网安法这次修改把罚款跟个保法拉齐了。正式通过的修正文本里这个比例是百分之几？"
    assert "pipl" not in analyse(question).laws


def test_a_chinese_count_of_a_known_class_is_not_answered_by_a_count_of_a_named_thing():
    assert count_heads_differ("件", "Three Fundamental Laws", "")
    assert not count_heads_differ("件", "2,000 cases", counted_class("cases"))
