"""The English–Chinese bridge: law resolution, article references and the bilingual glossary (data file)."""

from __future__ import annotations

import pytest

from retrieval.glossary import GlossaryError, expand_query, glossary_pairs, load_glossary
from retrieval.laws import article_refs, background_laws, resolve_laws


@pytest.mark.parametrize(("question", "docs"), [
    ("What is the most a company can be fined under the PIPL?", {"pipl", "pipl-en"}),
    ("Personal Information Protection Law, serious violations", {"pipl", "pipl-en"}),
    ("个人信息保护法规定的罚款", {"pipl", "pipl-en"}),
    ("fines under the Data Security Law", {"dsl"}),
    ("数据安全法第四十五条", {"dsl"}),
    ("the Network Data Security Management Regulations", {"ndsmr"}),
    ("CII regulations", {"cii"}),
    ("the Cybersecurity Law", {"csl-2025"}),
])
def test_law_names_abbreviations_and_chinese_titles_resolve_to_manifest_documents(question, docs):
    assert set(resolve_laws(question)) == docs


@pytest.mark.parametrize("question", ["Article 66 of the PIPL", "PIPL art. 66", "个人信息保护法第六十六条",
                                      "What does PIPL Article 66 say about fines?"])
def test_article_references_in_either_language_name_the_same_article(question):
    refs = article_refs(question)
    assert [(r.doc_id, r.article) for r in refs] == [("pipl", 66)]


def test_a_question_without_a_law_name_resolves_to_nothing():
    assert resolve_laws("What is the maximum fine for a serious violation?") == []
    assert article_refs("What happens in article writing?") == []


@pytest.mark.parametrize(("english", "chinese"), [
    ("fine", "罚款"), ("turnover", "营业额"), ("person directly in charge", "直接负责的主管人员"),
    ("important data", "重要数据"), ("core data", "核心数据"),
    ("critical information infrastructure", "关键信息基础设施"), ("cross-border", "出境"),
    ("security assessment", "安全评估"), ("refuse to correct", "拒不改正"), ("serious circumstances", "情节严重"),
])
def test_glossary_carries_the_statutes_terms_both_ways(english, chinese):
    assert chinese in expand_query(f"What does the law say about {english}?")
    assert english in expand_query(f"关于{chinese}的规定")


def test_inflected_english_forms_find_their_entries():
    found = dict(glossary_pairs("Transfers not yet rectified; operators fined after they refused to correct"))
    assert found.get("rectify") in {"责令改正", "整改"}
    assert found.get("fined") == "罚款" or "fine" in found
    assert "refuse to correct" in found
    # an inflection must not reach into another word
    assert glossary_pairs("finesse") == []


def test_every_glossary_entry_has_both_languages_and_bad_files_are_named(tmp_path):
    entries = load_glossary()
    assert len(entries) >= 100
    assert all(e.en and e.zh for e in entries)
    bad = tmp_path / "glossary.toml"
    bad.write_text('[[terms]]\nen = ["fine"]\nzh = []\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"glossary\.toml: terms\[1\]"):
        load_glossary(bad)


def test_the_amendment_a_question_names_is_its_subject_and_the_amended_law_its_background():
    laws = resolve_laws("When does the 2025 amendment of the Cybersecurity Law take effect?")
    assert laws[:2] == ["csl-2025-decision", "csl-2025"]
    assert background_laws(laws) == {"csl-2025"}
    assert background_laws(resolve_laws("Compare the fines of the PIPL and the Data Security Law")) == set()


@pytest.mark.parametrize("question, docs", [
    ("According to the Lawzana guide for Zhengzhou, what legal mechanisms can transfers require?",
     ["lawzana-zhengzhou-it"]),
    ("Which regulators handle IT enforcement in Harbin according to Lawzana?", ["lawzana-harbin-it"]),
    ("What does Lawzana say about data protection in Harbin?", ["lawzana-harbin-cyber"]),
    ("According to Lawzana, which authority enforces the rules?",
     ["lawzana-zhengzhou-it", "lawzana-harbin-it", "lawzana-harbin-cyber"]),
    ("根据实务指南，网信办在2022年处罚了哪家公司？", ["zhonglun-dpp-2025"]),
])
def test_a_guide_is_named_by_its_publisher_and_the_words_that_tell_its_titles_apart(question, docs):
    assert sorted(resolve_laws(question)) == sorted(docs)
