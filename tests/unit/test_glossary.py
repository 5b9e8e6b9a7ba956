"""retrieval/glossary.py: the bilingual glossary (retrieval/data/glossary.toml) carries the statutes' terms both
ways, finds inflected English forms, and names the entry of a bad file."""

from __future__ import annotations

import pytest

from retrieval.glossary import GlossaryError, expand_query, glossary_pairs, load_glossary


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
    assert found.get("fined") == "罚款"
    assert "refuse to correct" in found
    # an inflection must not reach into another word
    assert glossary_pairs("finesse") == []
    assert "核心数据" in dict(glossary_pairs("a core-data violation")).values()  # words joined by a hyphen


def test_every_glossary_entry_has_both_languages_and_bad_files_are_named(tmp_path):
    entries = load_glossary()
    assert len(entries) >= 100
    assert all(e.en and e.zh for e in entries)
    bad = tmp_path / "glossary.toml"
    bad.write_text('[[terms]]\nen = ["fine"]\nzh = []\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"glossary\.toml: terms\[1\]"):
        load_glossary(bad)


def test_a_chinese_short_form_is_searched_as_the_full_term():
    from retrieval.glossary import glossary_pairs

    assert ("关基", "关键信息基础设施") in glossary_pairs("关基运营者要每年检测几次？")
    assert not any(term == "网安" for term, _ in glossary_pairs("网络安全等级保护"))


def test_an_abbreviation_without_a_chinese_short_form_is_named(tmp_path):
    import pytest

    from retrieval.glossary import GlossaryError, abbreviations

    bad = tmp_path / "glossary.toml"
    bad.write_text('[abbreviations]\n"CII" = "关键信息基础设施"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="abbreviations CII"):
        abbreviations(bad)


def test_who_enforces_a_law_is_searched_as_its_supervision():
    from retrieval.glossary import glossary_pairs

    assert ("enforces", "监督管理") in {(found.lower(), zh) for found, zh in glossary_pairs("Who enforces the PIPL?")}


def test_a_party_named_in_either_language_is_found_and_named_by_a_passage_in_the_other():
    from retrieval.glossary import names_in, party_names

    assert party_names("滴滴当年被网信办罚了多少钱？") == ["滴滴"]
    assert party_names("How much was Didi fined?") == ["Didi"]
    assert party_names("滴滴打车的数据出境要申报吗？") == ["滴滴"]
    assert party_names("What fine does the PIPL set?") == []
    guide = "In 2022, the CAC fined leading Chinese ride-hailing company DiDi Chuxing approximately CNY8.02 billion"
    assert names_in("滴滴", guide) and names_in("Didi", guide)
    assert not names_in("CAC", "the efficacy of a measure")  # an acronym is matched as written
