"""The register's reading of a sanction (tier, range, status, law names) and the transfer decision table, on the
statute texts read straight from the corpus files: no store, no model."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED_CORPUS


def units_of(doc_id: str, text: str | None = None):
    """The articles of a corpus document, as the register stitches them from a store's chunks."""
    from ingest.loaders import load_file
    from ingest.manifest import load_manifest
    from ingest.structure import find_structure
    from retrieval.register.read import stitch_units, vocabulary

    entry = load_manifest().by_id(doc_id)
    path = SHARED_CORPUS / entry.path
    if not path.is_file():
        pytest.skip(f"reference corpus not found at {SHARED_CORPUS}")
    text = text if text is not None else load_file(path, 10**8).text
    sections = find_structure(text).sections
    metas = [{"doc_id": doc_id, "kind": entry.kind, "locator": s.locator, "start": s.start, "end": s.end,
              "article": -1 if s.article is None else s.article, "short": entry.short} for s in sections]
    return stitch_units([""] * len(sections), [text[s.start:s.end] for s in sections], metas,
                        vocabulary().regulatory_kinds)


def test_tiers_read_from_the_words_before_the_figure():
    from retrieval.register.read import tier_of, vocabulary

    vocab = vocabulary()
    assert tier_of("由有关主管部门责令改正，给予警告，可以并处", vocab) == "first"
    assert tier_of("…；拒不改正的，并处", vocab) == "refused to correct"
    assert tier_of("…；拒不改正或者造成大量数据泄露等严重后果的，处", vocab) == "refused to correct or serious"
    assert tier_of("有前款规定的违法行为，情节严重的，由省级以上…并处", vocab) == "serious"
    assert tier_of("…严重危害网络安全后果的，…；造成关键信息基础设施丧失主要功能等特别严重危害网络安全后果的，处", vocab) == \
        "especially serious"


def test_status_as_of_a_date_and_the_law_in_force():
    from ingest.manifest import load_manifest
    from retrieval.register.build import RegisterError, resolve_law
    from retrieval.register.read import status_as_of

    manifest = load_manifest()
    old = manifest.by_id("csl-2016")
    assert status_as_of(old, "2025-06-01") == "in force"
    assert status_as_of(old, "2026-06-01") == "superseded by csl-2025 from 2026-01-01"
    assert status_as_of(manifest.by_id("csl-2025"), "2025-06-01") == "in force from 2026-01-01"
    assert status_as_of(manifest.by_id("scc-measures"), "2025-06-01") == \
        "in force, partly superseded by cbdt-provisions"
    held = {"csl-2016": "CSL 2016", "csl-2025": "CSL", "dsl": "DSL"}
    assert resolve_law("CSL", held, manifest, "2026-06-01") == "csl-2025"
    assert resolve_law("CSL", held, manifest, "2024-01-01") == "csl-2016"
    assert resolve_law("数据安全法", held, manifest, "2024-01-01") == "dsl"
    with pytest.raises(RegisterError, match=r"PIPL.*holds: csl-2016 \(CSL 2016\), csl-2025 \(CSL\), dsl \(DSL\)"):
        resolve_law("PIPL", held, manifest, "2026-06-01")


def test_fines_of_the_dsl_with_party_tier_and_breached_duties():
    from ingest.manifest import load_manifest
    from retrieval.register.read import records_of_unit

    manifest = load_manifest()
    records = [r for u in units_of("dsl") for r in records_of_unit(u, manifest, "2026-06-01")]
    art45 = [(r.low, r.high, r.party, r.tier, r.duty_articles) for r in records if r.article == 45
             and r.paragraph == 1]
    assert art45 == [(50_000, 500_000, "organisation", "first", (27, 29, 30)),
                     (10_000, 100_000, "managers", "first", (27, 29, 30)),
                     (500_000, 2_000_000, "organisation", "refused to correct or serious", (27, 29, 30)),
                     (50_000, 200_000, "managers", "refused to correct or serious", (27, 29, 30))]
    threshold = next(r for r in records if r.article == 47 and r.kind == "threshold")
    assert (threshold.low, threshold.high, threshold.high_strict) == (None, 100_000, True)  # 违法所得不足十万元


def test_a_retention_floor_and_a_reporting_deadline():
    from ingest.manifest import load_manifest
    from retrieval.register.read import records_of_unit

    manifest = load_manifest()
    pipl = [r for u in units_of("pipl") for r in records_of_unit(u, manifest, "2026-06-01") if r.article == 56]
    assert [(r.kind, r.low, r.high, r.unit, r.english) for r in pipl] == [("period", 3, None, "year", "at least 3 years")]
    ndsmr = [r for u in units_of("ndsmr") for r in records_of_unit(u, manifest, "2026-06-01") if r.article == 10]
    assert [(r.kind, r.low, r.high, r.unit, r.party) for r in ndsmr] == [("deadline", None, 24, "hour", "organisation")]


def test_transfer_counts_are_checked():
    from retrieval.transfer import TransferError, count

    assert count("200,000", "individuals") == 200_000
    for bad, message in (("-1", "negative"), ("ten", "whole number"), ("1e5", "whole number"), ("", "whole number")):
        with pytest.raises(TransferError, match=message):
            count(bad, "individuals")


def test_transfer_route_from_the_text_and_refused_on_a_changed_text():
    from retrieval.transfer import Transfer, TransferError, route

    units = units_of("cbdt-provisions")
    assert route(Transfer(150_000, 0), units).route == "standard_contract_or_certification"
    assert route(Transfer(0, 0), units).route == "exempt"
    text = (SHARED_CORPUS / "statutes/zh/cbdt-provisions.md").read_text(encoding="utf-8")
    changed = units_of("cbdt-provisions", text.replace("不满1万人敏感个人信息", "不满5万人敏感个人信息"))
    with pytest.raises(TransferError, match=r"Art\. 8 ¶1 .*不满1万人.*stale"):
        route(Transfer(150_000, 0), changed)
    without = [u for u in units if u.article != 9]
    with pytest.raises(TransferError, match=r"does not hold cbdt-provisions Art\. 9"):
        route(Transfer(150_000, 0), without)
    with pytest.raises(TransferError, match="does not hold the 2024"):
        route(Transfer(150_000, 0), units_of("dsl"))


def test_a_chinese_policy_and_frequencies_against_the_law():
    from ingest.manifest import load_manifest
    from retrieval.policy_check import check_text
    from retrieval.register.read import records_of_unit

    manifest = load_manifest()
    units = [u for doc in ("cii", "csl-2025", "ndsmr", "cbdt-provisions") for u in units_of(doc)]
    records = [r for u in units for r in records_of_unit(u, manifest, "2026-06-01")]
    policy = ("# 数据安全制度\n\n## 日志\n\n网络日志保存一年。\n\n## 评估\n\n"
              "We carry out a risk assessment of our important data every two years.\n\n"
              "Our critical systems undergo security testing and risk assessment annually.\n\n"
              "We send the sensitive personal information of 20,000 patients abroad each year after a security "
              "assessment.\n")
    report = check_text("制度.md", policy, records, units)
    got = [(f.topic, f.verdict, f.law and (f.law.doc_id, f.law.locator)) for f in report.findings]
    assert got == [
        ("log retention", "meets", ("csl-2025", "Art. 23 ¶1 (3)")),
        ("risk assessment of important data", "falls_short", ("ndsmr", "Art. 33 ¶1")),
        ("security testing and risk assessment of critical information infrastructure", "meets", ("cii", "Art. 17 ¶1")),
        ("yearly volume of personal information sent abroad", "meets", ("cbdt-provisions", "Art. 7 ¶1 (2)")),
    ]
    assert report.findings[-1].route == "security_assessment"
    assert check_text("memo.txt", "Nothing to count here.", records, units).findings == []


def test_export_formats_of_records():
    import csv
    import io
    import json

    from ingest.manifest import load_manifest
    from retrieval.register.export import render, row
    from retrieval.register.read import records_of_unit

    records = [r for u in units_of("dsl") for r in records_of_unit(u, load_manifest(), "2026-06-01")]
    fine = next(r for r in records if r.kind == "fine")
    assert row(fine)["low"] == "50,000" and row(fine)["duty_articles"] == "Art. 27, Art. 29, Art. 30"
    date = next(r for r in records if r.kind == "date")
    assert row(date)["low"] == "2021-06-10"
    rows = list(csv.DictReader(io.StringIO(render(records, "csv"))))
    n = records.index(fine)
    assert len(rows) == len(records) and (rows[n]["party"], rows[n + 1]["party"]) == ("organisation", "managers")
    assert json.loads(render(records, "json"))[n]["duty_articles"] == [27, 29, 30]
    assert render(records, "md").count("\n") == len(records) + 2
    assert "五万元以上五十万元以下" in render(records, "table")


def test_two_figures_of_one_paragraph_are_told_apart_by_their_clauses():
    import re

    from retrieval.register.read import clause_of

    text = ("网信部门收到备案人提交的备案材料后，材料齐全的，应当在三十个工作日内予以备案；"
            "材料不齐全的，不予备案，并应当在三十个工作日内通知备案人并说明理由。")
    first, second = re.finditer("三十个工作日", text)
    assert clause_of(text, first.start(), first.end()).endswith("应当在三十个工作日内予以备案")
    assert clause_of(text, second.start(), second.end()).startswith("材料不齐全的")
    long = "甲" * 80 + "十个工作日" + "乙" * 80
    cut = clause_of(long, 80, 85)
    assert cut.startswith("…") and cut.endswith("…") and "十个工作日" in cut and len(cut) <= 62
