"""Readings of questions whose ask is a way to go rather than a figure, and of counts asked beside a second ask."""

import pytest

from retrieval.enumeration import asks_document_units_of
from retrieval.figures import question_wants
from retrieval.rules.asks import superlatives_read


@pytest.mark.parametrize("question", [
    "According to the guide, what route may a party that refuses to accept an administrative penalty take first?",
    "What remedies does a company fined under the PIPL have?",
    "对行政处罚不服有什么救济途径？",
    "被罚款了，可以通过哪些途径申诉？",
])
def test_a_route_asked_wants_no_figure(question):
    assert question_wants(question) == set()


@pytest.mark.parametrize(("question", "kind"), [
    ("What penalty applies to a processor that ignores a rectification order?", "amount"),
    ("What route applies, and how much is the fine?", "amount"),
])
def test_a_route_beside_a_figure_asked_keeps_the_figure(question, kind):
    assert kind in question_wants(question)


@pytest.mark.parametrize(("question", "counted"), [
    ("《全国人民代表大会常务委员会关于修改〈中华人民共和国网络安全法〉的决定》共对该法作出多少项修改？"
     "其中新增作为第二十条的条文涉及何种技术领域？", True),
    ("关于修改网络安全法的决定一共作出多少项修改？", True),
    ("个人信息保护法第五十条一共有多少条？", False),
])
def test_a_count_of_a_documents_units_is_read_in_its_own_sentence(question, counted):
    assert asks_document_units_of(question) is counted


def test_the_highest_statutory_sentence_is_a_superlative_not_the_court():
    assert "最高" in superlatives_read("侵犯公民个人信息罪的最高法定刑是几年？")
    assert "最高" not in superlatives_read("最高法关于人脸识别的规定自何日起施行？")


def test_every_chinese_step_of_the_transfer_table_states_the_figure_it_verifies():
    from retrieval.transfer import table

    for group in ("thresholds", "conditions"):
        for name, entry in table()[group].items():
            assert entry.get("text_zh"), f"{group}.{name} has no Chinese text"
            assert entry.get("figure", "") in entry["text_zh"], f"{group}.{name}"


def test_a_step_is_told_in_the_questions_language():
    from retrieval.transfer import Cited, Step

    step = Step("A security assessment.", Cited("cbdt-provisions", "Art. 7", "…"), "", "申报数据出境安全评估。")
    assert step.told_in("zh") == "申报数据出境安全评估。"
    assert step.told_in("en") == "A security assessment."
    assert Step("Exempt.", Cited("cbdt-provisions", "Art. 5", "…")).told_in("zh") == "Exempt."


@pytest.mark.parametrize("question", [
    "我们公司不是关键基础设施，今年往海外总部传了大概120万个会员的资料（都是普通的姓名手机号）。这种情况要走什么手续？",
    "We are not a CII operator and send about 300,000 customers' records to our head office in Germany this year. "
    "What paperwork do we need?",
])
def test_a_transfer_told_in_plain_words_asks_its_route(question):
    from retrieval.transfer_ask import asks_transfer_route

    assert asks_transfer_route(question)



@pytest.mark.parametrize(("question", "set_aside"), [
    ("It's an ordinary leak, nothing to do with national security. How many hours do we have?", "national security"),
    ("The breach doesn't involve any sensitive data. How long to report?", "sensitive data"),
    ("这次泄露跟国家安全没关系，要几小时内报告？", "国家安全"),
    ("这个漏洞和公共利益没有关系，多久要报告？", "公共利益"),
])
def test_what_the_asker_says_is_unrelated_is_set_aside(question, set_aside):
    from retrieval.query import exclusions

    assert set_aside in exclusions(question)


def test_a_question_that_sets_nothing_aside_has_no_exclusion():
    from retrieval.query import exclusions

    assert exclusions("个人信息和重要数据出境要申报什么？") == ""
    # the breach itself, in the statute's words: collecting what is unrelated to the service
    assert exclusions("收集与其提供的服务无关的个人信息，罚多少？") == ""
    assert exclusions("What is the fine for collecting PI unrelated to the services it provides?") == ""


@pytest.mark.parametrize(("question", "kind"), [
    ("One colleague says that approval lasts 2 years, another says 3. Which is it now?", "duration"),
    ("有人说罚五十万元，有人说罚一百万元，到底哪个对？", "amount"),
])
def test_figures_told_as_claims_and_asked_which_holds_want_their_kind(question, kind):
    assert kind in question_wants(question)


def test_an_approval_that_lasts_asks_its_validity():
    from retrieval.roles import period_roles

    assert period_roles("How long does the approval last? One colleague says that approval lasts 2 years.") == \
        ("validity",)


@pytest.mark.parametrize(("question", "law"), [
    ("Under the kids online rules, how long may a child play?", "minors"),
])
def test_a_rule_set_named_in_plain_words_is_the_law(question, law):
    from retrieval.laws import resolve_laws

    assert resolve_laws(question)[:1] == [law]
