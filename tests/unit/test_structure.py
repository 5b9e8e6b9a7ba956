"""Statute splitting against known articles of the reference corpus, and the guards against cross-references."""

from __future__ import annotations

import pytest

from ingest.loaders import load_file
from ingest.structure import find_structure

MB = 50_000_000


@pytest.mark.parametrize(("name", "articles"), [("pipl.md", 74), ("dsl.md", 55), ("csl.md", 79),
                                                ("csl-2025-consolidated.md", 81), ("ndsmr.md", 64),
                                                ("cii-regulations.md", 51), ("pi-crimes-interpretation.md", 13)])
def test_chinese_statutes_split_into_their_articles(corpus_mirror, name, articles):
    loaded = load_file(corpus_mirror / "statutes" / "zh" / name, MB)
    structure = find_structure(loaded.text)
    numbers = [s.article for s in structure.sections if s.article is not None]
    assert structure.kind == "zh-statute"
    assert numbers == list(range(1, articles + 1))


def test_pipl_article_66_holds_its_fines_and_chapter(corpus_mirror):
    loaded = load_file(corpus_mirror / "statutes" / "zh" / "pipl.md", MB)
    section = next(s for s in find_structure(loaded.text).sections if s.article == 66)
    body = loaded.text[section.start:section.end]
    assert body.startswith("第六十六条")
    assert "五千万元" in body and "百分之五" in body
    assert "第六十七条" not in body
    assert section.heading_path == ("第七章 法律责任",)
    assert section.locator == "Art. 66"


def test_english_translation_splits_on_article_n(corpus_mirror):
    loaded = load_file(corpus_mirror / "statutes" / "en" / "pipl.md", MB)
    structure = find_structure(loaded.text)
    assert structure.kind == "en-statute"
    art66 = next(s for s in structure.sections if s.article == 66)
    assert "50 million Yuan" in loaded.text[art66.start:art66.end]


def test_cross_reference_at_line_start_is_not_a_new_article():
    text = ("# 某法\n\n第一条 总则内容。\n\n第二条 依照本法第六十六条的规定处理。\n\n"
            "第六十六条规定的情形，不适用本条。\n\n第三条 第三条的内容。\n\n第四条 最后一条。")
    structure = find_structure(text)
    numbers = [s.article for s in structure.sections if s.article]
    assert numbers == [1, 2, 3, 4]
    art2 = next(s for s in structure.sections if s.article == 2)
    assert "第六十六条规定的情形" in text[art2.start:art2.end]


def test_chapter_heading_stays_with_the_following_article_not_the_previous_one():
    text = "## 第一章 总则\n\n第一条 甲。\n\n第二条 乙。\n\n## 第二章 责任\n\n第三条 丙。\n\n第四条 丁。"
    sections = {s.article: s for s in find_structure(text).sections if s.article}
    assert "第二章" not in text[sections[2].start:sections[2].end]
    assert sections[3].heading_path == ("第二章 责任",)


def test_amendment_decision_is_split_into_items(corpus_mirror):
    loaded = load_file(corpus_mirror / "statutes" / "zh" / "csl-2025-amendment-decision.md", MB)
    structure = find_structure(loaded.text)
    assert structure.kind == "zh-items"
    assert [s.locator for s in structure.sections if s.locator.startswith("Item")][:3] == ["Item 1", "Item 2", "Item 3"]
    # the decision's own commencement clause after its last item is a unit of its own, not part of that item
    *_, last_item, closing = structure.sections
    assert closing.locator == "Closing" and loaded.text[closing.start:].startswith("本决定自2026年1月1日起施行")
    assert "本决定" not in loaded.text[last_item.start:last_item.end]


def test_guides_are_cut_at_their_headings(corpus_mirror):
    loaded = load_file(corpus_mirror / "guides" / "004_cbd705364c2689ad.txt", MB)
    structure = find_structure(loaded.text)
    locators = [s.locator for s in structure.sections]
    assert structure.kind == "headings"
    assert any("Calculation of Administrative Fines" in loc for loc in locators)
    assert len(structure.sections) > 10


def test_a_guide_s_author_box_is_no_section_and_its_biography_is_not_stored():
    from ingest.chunker import merge_small_sections

    long = " It applies to every processor of personal information in the People's Republic of China."
    text = (f"Data Protection Guide\n\nLaw and Practice\n\nKey Rules\n\nThe PIPL sets fines of up to CNY 50 million.{long}"
            f"\n\nAuthors\n\nExample Law Firm was founded in 1979 and has over 400 partners in twenty cities of China.\n\n"
            f"The DSL took effect on 1 September 2021.{long}\n\nFines\n\nThe DSL sets fines of up to CNY 10 million.{long}\n")
    sections = find_structure(text).sections
    stored = [text[s.start:s.end] for s in sections]
    assert not any("Example Law Firm" in body or body.startswith("Authors") for body in stored)
    # the chapter text after the biography goes on under the heading before the box
    after = next(s for s in sections if text[s.start:s.end].startswith("The DSL took effect"))
    assert after.locator == "Key Rules"
    merged = merge_small_sections(text, sections, lambda t: len(t.split()), 400)
    assert not any("Example Law Firm" in text[s.start:s.end] for s in merged)  # no merge spans the biography
