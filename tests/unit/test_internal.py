"""The user's own documents in answers: preferred for questions about their own rules, set back for questions
about the law, called theirs, and no count read from what does not count the thing asked."""

from __future__ import annotations

from dataclasses import replace

from retrieval.compose import Composition, citation_label
from retrieval.internal import count_not_stated, own_label, prefer_by_question, secondary_note
from retrieval.query import analyse
from retrieval.records import Passage
from retrieval.sentences import Span


def _passage(doc_id: str, kind: str, authority: int, score: float, title: str) -> Passage:
    return Passage(chunk_id=f"{doc_id}:1", doc_id=doc_id, text="Logs are kept for 90 days.", start=0, end=26,
                   locator="§ 2 Retention", title=title, source=f"{doc_id}.pdf", kind=kind, authority=authority,
                   status="in-force", language="en", score=score)


def _ranked(question: str) -> list[str]:
    passages = [_passage("csl", "statute", 1, 1.0, "Cybersecurity Law"),
                _passage("dhs7", "internal", 4, 0.8, "Northwind DHS-7 Data Handling Standard")]
    return [p.doc_id for p in prefer_by_question(passages, analyse(question, "bigram"))]


def test_a_question_about_our_own_rules_prefers_our_document():
    assert _ranked("How long does our policy keep server logs?") == ["dhs7", "csl"]
    assert _ranked("How long does Northwind keep server logs?") == ["dhs7", "csl"]


def test_a_question_about_the_law_prefers_the_statute():
    assert _ranked("How long must logs be kept under the Cybersecurity Law?") == ["csl", "dhs7"]
    assert _ranked("What is the legal minimum for keeping server logs?") == ["csl", "dhs7"]


def test_without_an_internal_document_nothing_moves():
    passages = [_passage("guide", "guide", 5, 1.0, "A guide"), _passage("csl", "statute", 1, 0.8, "CSL")]
    assert [p.doc_id for p in prefer_by_question(passages, analyse("our policy on logs?", "bigram"))] == \
        ["guide", "csl"]


def test_the_users_document_is_called_theirs():
    own = _passage("dhs7", "internal", 4, 1.0, "Northwind DHS-7")
    guide = _passage("guide", "guide", 4, 1.0, "A guide")
    assert own_label(own, "Northwind DHS-7 § 4 Incidents") == "Your document (Northwind DHS-7 § 4 Incidents) says"
    assert own_label(guide, "A guide § 4") == "A guide § 4"

    class Pick:
        def __init__(self, passage):
            self.passage, self.span = passage, None

    assert secondary_note([Pick(guide), Pick(own)]).startswith("[2] is your own document, not the law")
    assert secondary_note([Pick(guide)]).startswith("Only a secondary source")
    added = _passage("memo", "document", 1, 1.0, "A memo")
    assert secondary_note([Pick(guide), Pick(added)]).startswith("[2] is a document you added, not the law")


def _composition(sentence: str, kind: str = "internal") -> Composition:
    passage = _passage("dhs7", kind, 4 if kind == "internal" else 1, 1.0, "Northwind DHS-7")
    return Composition(text="…", cited=[passage], quotes=[Span(0, len(sentence), sentence, 1)])


def test_a_count_is_answered_only_by_a_sentence_naming_what_is_counted():
    parking = analyse("How many parking spaces does the Chengdu data centre have?", "bigram")
    assert count_not_stated(_composition("Administrators sign in with two factors."), parking)
    assert count_not_stated(_composition("This standard is version 3.2 and was approved on 12 March 2024."), parking)
    assert not count_not_stated(_composition("The Chengdu data centre has 40 parking spaces."), parking)
    customers = analyse("How many customers must an incident affect before the board is told?", "bigram")
    assert not count_not_stated(_composition("An incident affecting more than 5,000 customers is reported."),
                                customers)
    # statutes are the composer's business
    assert not count_not_stated(_composition("Administrators sign in with two factors.", "statute"), parking)


def test_a_chinese_count_is_answered_only_by_a_sentence_naming_what_is_counted():
    question = analyse("成都数据中心有多少个停车位？", "bigram")
    assert count_not_stated(_composition("本标准为3.2版，于2024年3月12日批准。"), question)
    assert not count_not_stated(_composition("成都数据中心设有40个停车位。"), question)


def test_a_guides_count_does_not_answer_a_question_about_the_users_own_world():
    own = _passage("dhs7", "internal", 4, 1.0, "Northwind DHS-7")
    own.text = "This standard applies to the Chengdu data centre."
    guide = _passage("guide", "guide", 5, 1.0, "A guide")
    comp = Composition(text="…", cited=[guide], quotes=[Span(0, 14, "Takes 2 min.", 1)])
    question = analyse("How many parking spaces does the Chengdu data centre have?", "bigram")
    assert count_not_stated(comp, question, [guide, own])


def test_a_guides_count_of_another_thing_does_not_answer_a_count_asked_in_its_language():
    guide = _passage("guide", "guide", 5, 1.0, "A guide")
    said = "302 generative AI services had been registered."
    comp = Composition(text="…", cited=[guide], quotes=[Span(0, len(said), said, 1)])
    users = analyse("How many registered users does a recommendation service need before it must file?", "bigram")
    assert count_not_stated(comp, users, [guide])
    services = analyse("How many generative AI services had been registered by the end of 2024?", "bigram")
    assert not count_not_stated(comp, services, [guide])
    # asked in Chinese, an English guide's words are not the question's: the composer's call
    assert not count_not_stated(comp, analyse("推荐服务要有多少注册用户才需要备案？", "bigram"), [guide])


def test_how_many_followed_by_a_verb_names_no_noun_to_look_for():
    from retrieval.internal import ASKED_COUNT

    assert ASKED_COUNT.search("How many had been registered by the end of 2024?") is None
    assert ASKED_COUNT.search("How many parking spaces does the site have?").group(1) == "parking spaces"


def test_a_heading_path_starting_with_the_title_names_the_document_once():
    policy = replace(_passage("pol", "document", 1, 1.0, "Our policy"), locator="Our policy > Retention")
    assert citation_label(policy) == "Our policy Retention"
    assert citation_label(replace(policy, locator="Our policy")) == "Our policy"
    assert citation_label(replace(policy, locator="Privacy > Retention")) == "Our policy Privacy > Retention"
