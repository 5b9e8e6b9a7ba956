"""app/render.py: one wording of each badge in both languages, the check mark only when figures_match,
and the same answer drawn as terminal text, Markdown, CSV cells and the UI's parts."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from app import render
from retrieval.records import Answer, Citation, LinkedText

APP = Path(render.__file__).parent
PIPL_66 = ("有前款规定的违法行为，情节严重的，由省级以上履行个人信息保护职责的部门责令改正，没收违法所得，"
           "并处五千万元以下或者上一年度营业额百分之五以下罚款。")


def _citation(n: int = 1, **overrides) -> Citation:
    values = dict(n=n, doc_id="pipl", source="statutes/zh/pipl.md", title="中华人民共和国个人信息保护法",
                  locator="第六十六条", text="第六十六条 " + PIPL_66, start=0, end=80, kind="statute", authority=1,
                  status="in-force", score=0.9, language="zh", quote=PIPL_66, effective="2021-11-01")
    values.update(overrides)
    return Citation(**values)


def _answer(language: str = "en", **overrides) -> Answer:
    values = dict(question="What is the maximum PIPL fine?", text="CNY 50 million or 5% of turnover\n\nUp to [1].",
                  abstained=False, verified=True, citations=[_citation()], key_figure="CNY 50 million or 5% of turnover",
                  figures=["五千万元", "百分之五"], language=language)
    values.update(overrides)
    return Answer(**values)


def test_every_message_has_both_languages():
    table = tomllib.loads((APP / "messages.toml").read_text(encoding="utf-8"))
    assert table, "no messages"
    for key, row in table.items():
        if key in render.WORD_TABLES:
            # words by language: every Chinese word stands for an English one the register uses
            assert set(row) <= {"en", "zh"} and all(isinstance(v, str) and v.strip() for v in row["zh"].values())
            continue
        assert set(row) == {"en", "zh"}, key
        assert row["en"].strip() and row["zh"].strip(), key
        # the same placeholders in both languages
        assert re.findall(r"{(\w+)}", row["en"]) == re.findall(r"{(\w+)}", row["zh"]), key


@pytest.mark.parametrize(("language", "text"), [("en", "✓ figures match the cited text"),
                                                ("zh", "✓ 数字与引文一致")])
def test_the_check_mark_in_each_language(language, text):
    mark = render.badge(_answer(language))
    assert mark == render.Badge("success", text)


@pytest.mark.parametrize("overrides", [
    {"figures": [], "key_figure": ""},  # no figure stated: nothing to match
    {"confident": False},  # not given with confidence
])
def test_no_check_mark_without_figures_or_confidence(overrides):
    answer = _answer(**overrides)
    assert not answer.figures_match
    assert render.badge(answer) is None
    for shown in (render.terminal(answer), "\n".join(render.markdown(answer)), render.csv_cells(answer)["badge"]):
        assert "✓" not in shown


def test_unsupported_figures_get_a_warning_naming_them_and_the_service_note_is_not_repeated():
    note = "Not verified: the figure(s) 6000万 could not be found in the cited passages."
    answer = _answer(verified=False, unsupported_figures=["6000万"], warnings=[note, "Only a guide states this."])
    mark = render.badge(answer)
    assert mark.level == "warning" and mark.text.startswith("⚠") and "6000万" in mark.text
    assert render.notes(answer) == ["Only a guide states this."]
    zh = render.badge(_answer("zh", verified=False, unsupported_figures=["6000万"]))
    assert zh.level == "warning" and "6000万" in zh.text and "未核实" in zh.text
    terminal = render.terminal(answer)
    assert terminal.count("6000万") == 1 and "note: Only a guide states this." in terminal


def test_abstention_is_an_info_badge_with_the_closest_passages():
    answer = _answer(abstained=True, verified=False, citations=[], key_figure="", figures=[],
                     text="The corpus does not answer this.", closest=[_citation()])
    assert render.badge(answer).level == "info"
    parts = render.parts(answer)
    assert parts.abstained and parts.headline == "" and parts.quotes == []
    assert [b.label for b in parts.closest] == ["[1] Personal Information Protection Law of the PRC — 第六十六条"]
    assert parts.closest_title == "Closest passages"
    assert "Closest passages:" in render.terminal(answer)
    assert render.parts(_answer("zh", abstained=True, closest=[_citation()])).closest_title == "最接近的段落"


def test_ui_parts_split_the_headline_and_mark_the_quote_escaped():
    hostile = _citation(text="<script>x</script> 第六十六条 " + PIPL_66,
                        linked=LinkedText("pipl-en", "PIPL (EN)", "Art. 66", "en", "A fine of up to 50 million"))
    parts = render.parts(_answer(citations=[hostile]))
    assert parts.headline == "CNY 50 million or 5% of turnover" and parts.body == "Up to [1]."
    assert parts.badge == render.Badge("success", "✓ figures match the cited text")
    block = parts.quotes[0]
    assert "<script>" not in block.passage_html and "&lt;script&gt;" in block.passage_html
    assert f"<mark>{PIPL_66}</mark>" in block.passage_html
    assert block.linked_label == "English translation — Art. 66" and block.linked_text.startswith("A fine")
    # plain labels: kind, status, the short name and locator; no authority rank, no source path
    assert block.facts == "Statute · in force since 2021-11-01 · PIPL 第六十六条"
    assert parts.citations == ["[1] Personal Information Protection Law of the PRC — 第六十六条"]
    zh = render.parts(_answer("zh", citations=[_citation(locator="Art. 66 ¶2")])).quotes[0]
    assert zh.label == "[1] 个人信息保护法 — 第66条第2款"
    assert zh.facts == "法律 · 自 2021-11-01 起施行 · 个人信息保护法 第66条第2款"


def test_markdown_and_csv_carry_the_badge_citations_and_warnings():
    answer = _answer(warnings=["Only a guide states this."])
    lines = render.markdown(answer, ["asked twice"], suffix="12.5 ms")
    text = "\n".join(lines)
    assert "*✓ figures match the cited text · 12.5 ms*" in text
    assert "> ⚠ asked twice" in text and "> ⚠ Only a guide states this." in text
    assert f"   > {PIPL_66}" in text
    cells = render.csv_cells(answer, ["asked twice"])
    assert cells == {"key_figure": "CNY 50 million or 5% of turnover", "quote": PIPL_66, "citation": "PIPL 第六十六条",
                     "badge": "✓ figures match the cited text",
                     "citations": "[1] Personal Information Protection Law of the PRC — 第六十六条",
                     "warnings": "asked twice | Only a guide states this.", "register": ""}
    refused = render.csv_cells(None, ["The question is empty."])
    assert refused == {"key_figure": "", "quote": "", "citation": "", "badge": "", "citations": "",
                       "warnings": "The question is empty.", "register": ""}
    assert render.markdown(None, ["The question is empty."])[0] == "_no answer_"


def test_no_second_badge_wording_in_the_app():
    """The badge's words live in messages.toml only: no module under app/ spells them out."""
    table = tomllib.loads((APP / "messages.toml").read_text(encoding="utf-8"))
    wordings = [table[k][lang].split("{")[0].strip("⚠✓ ") for k in ("figures_match", "not_verified", "not_found")
                for lang in ("en", "zh")]
    stale = ["figures verified", "NOT VERIFIED", "NOT verified"]
    for module in APP.rglob("*.py"):
        source = module.read_text(encoding="utf-8")
        for words in wordings + stale:
            assert words.lower() not in source.lower(), f"{module.name} spells out {words!r}"


def test_the_register_line_speaks_the_answer_s_language():
    from retrieval.register.records import RegisterRecord

    record = RegisterRecord(law="DSL", doc_id="dsl", title="", locator="Art. 45 ¶2", article=45, paragraph=2,
                            item="", kind="fine", low=2e6, high=1e7, unit="CNY", low_strict=False,
                            high_strict=False, figure="二百万元以上一千万元以下", english="CNY 2 million to 10 million",
                            party="organisation", party_words="", condition="", duty_articles=(), tier="first",
                            status="in force", effective="", quote="", quote_start=0, quote_end=0)
    zh = Answer(question="q", text="t", abstained=False, verified=True, language="zh", register=[record])
    en = Answer(question="q", text="t", abstained=False, verified=True, language="en", register=[record])
    assert render.register_lines(zh) == ["登记册：DSL 第45条第2款 — 罚款，单位，一般情形：二百万元以上一千万元以下"]
    assert render.register_lines(en) == ["Register: DSL Art. 45 ¶2 — fine, organisation, first: CNY 2 million to 10 million"]
    assert RegisterRecord.from_dict(record.to_dict()) == record


def test_the_register_table_keeps_numbers_without_float_noise():
    from dataclasses import replace

    from app.register_view import table_rows
    from retrieval.register.records import RegisterRecord

    record = RegisterRecord(law="CBDT", doc_id="cbdt-provisions", title="", locator="Art. 5 ¶1 (4)", article=5,
                            paragraph=1, item="(4)", kind="threshold", low=None, high=100000.00000000001,
                            unit="people", low_strict=False, high_strict=True, figure="10万人", english="100,000",
                            party="", party_words="", condition="", duty_articles=(), tier="", status="in force",
                            effective="", quote="", quote_start=0, quote_end=0)
    row = table_rows([record, replace(record, kind="date", low=20220301, high=20220301)])
    assert (row[0]["low"], row[0]["high"]) == (None, 100000.0)
    assert (row[1]["low"], row[1]["high"]) == (20220301, 20220301)  # a date stays a whole number
