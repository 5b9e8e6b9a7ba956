"""The figures register, the transfer route and the policy check, through the command line, on real stores.

The fine ranges are read a second time, independently, from the raw statute files with a plain regex, and the
register must list exactly those ranges (article, low, high, party, first tier or not)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import SHARED_CORPUS

pytestmark = pytest.mark.integration

STATUTES = SHARED_CORPUS / "statutes"


@pytest.fixture(scope="module")
def statute_settings(reference_settings):
    """The store of the whole reference corpus the session ingests once: the register reads only its statutes
    and regulations (Chinese and English); the guides beside them must change nothing. Tests here only read it
    (the one that removes a document works on a copy)."""
    return reference_settings


def run(capsys, *argv: str) -> tuple[int, str, str]:
    from app.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ an independent reading of the fines
_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def zh_number(text: str) -> int:
    """一千万 -> 10000000, 五十万 -> 500000, 二十万 -> 200000, 十万 -> 100000 (written here, not imported)."""
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            section += (digit or 1) * _UNITS[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10000
            section, digit = 0, 0
    return total + section + digit


NUM = "[零一二两三四五六七八九十百千万]+"
RANGE = re.compile(rf"({NUM})元以上({NUM})元以下罚款")
CEILING = re.compile(rf"(?<=处)({NUM})元以下(?:罚款|或者)")
ARTICLE = re.compile(r"^第([零一二三四五六七八九十百]+)条", re.M)
TIER_WORDS = re.compile(r"拒不改正|严重|情节较重")


def fines_in_file(path: Path) -> Counter:
    """(article, low, high, managers?, first tier?) of every fine a statute file states."""
    text = path.read_text(encoding="utf-8")
    found: Counter = Counter()
    heads = list(ARTICLE.finditer(text))
    for n, head in enumerate(heads):
        body = text[head.start():heads[n + 1].start() if n + 1 < len(heads) else len(text)]
        article = zh_number(head.group(1))
        for paragraph in body.split("\n\n"):
            hits = [(m.start(), zh_number(m.group(1)), zh_number(m.group(2))) for m in RANGE.finditer(paragraph)]
            hits += [(m.start(), None, zh_number(m.group(1))) for m in CEILING.finditer(paragraph)]
            for start, low, high in hits:
                clause = re.split(r"[；。]", paragraph[:start])[-1]
                managers = "主管人员" in clause
                first = not TIER_WORDS.search(paragraph[:start])
                found[(article, low, high, managers, first)] += 1
    return found


def fines_in_register(records: list[dict]) -> Counter:
    return Counter((r["article"], r["low"] and int(r["low"]), int(r["high"]), r["party"] == "managers",
                    r["tier"] == "first") for r in records)


@pytest.mark.parametrize("law, path", [("DSL", "zh/dsl.md"), ("PIPL", "zh/pipl.md"),
                                       ("CSL", "zh/csl-2025-consolidated.md")])
def test_register_lists_every_fine_range_the_statute_states(statute_settings, capsys, law, path):
    code, out, err = run(capsys, "figures", "--law", law, "--kind", "fine", "--format", "json",
                         "--store", str(statute_settings.store))
    assert code == 0, err
    records = json.loads(out)
    expected = fines_in_file(STATUTES / path)
    assert expected, f"the independent regex found no fines in {path}"
    assert fines_in_register(records) == expected
    assert {r["party"] for r in records} <= {"organisation", "managers", "individual"}
    assert all(r["unit"] == "CNY" and r["quote"] and r["locator"].startswith("Art. ") for r in records)


def test_register_tiers_parties_and_the_text_in_force(statute_settings, capsys):
    store = str(statute_settings.store)
    _, out, _ = run(capsys, "figures", "--law", "CSL", "--kind", "fine", "--format", "json", "--store", store)
    csl = json.loads(out)
    assert {r["doc_id"] for r in csl} == {"csl-2025"}  # today the amended text is in force
    art61 = [r for r in csl if r["article"] == 61 and r["paragraph"] == 3]
    assert {(r["low"], r["high"], r["party"], r["tier"]) for r in art61} >= {
        (2_000_000, 10_000_000, "organisation", "especially serious"), (500_000, 2_000_000, "organisation", "serious")}
    assert set(csl[0]["duty_articles"]) == {23, 27}
    _, out, _ = run(capsys, "figures", "--law", "CSL", "--as-of", "2024-06-01", "--kind", "fine", "--format",
                    "json", "--store", store)
    assert {r["doc_id"] for r in json.loads(out)} == {"csl-2016"}
    _, out, _ = run(capsys, "figures", "--law", "PIPL", "--kind", "percentage", "--format", "json", "--store", store)
    pipl = json.loads(out)
    assert [(r["locator"], r["high"], r["tier"]) for r in pipl] == [("Art. 66 ¶2", 5.0, "serious")]
    assert "5%" in pipl[0]["translation"] or "five percent" in pipl[0]["translation"].lower()


def test_register_formats_and_bad_input(statute_settings, capsys, tmp_path):
    store = str(statute_settings.store)
    code, out, _ = run(capsys, "figures", "--law", "dsl", "--kind", "fine", "--format", "csv", "--store", store)
    assert code == 0 and out.splitlines()[0].startswith("law,doc_id,locator,kind,low,high")
    code, out, _ = run(capsys, "figures", "--law", "DSL", "--party", "managers", "--format", "md", "--store", store)
    assert code == 0 and "| DSL | Art. 45 ¶1 | fine | 10,000 | 100,000 |" in out
    xlsx = tmp_path / "register.xlsx"
    code, out, _ = run(capsys, "figures", "--kind", "deadline", "--format", "xlsx", "-o", str(xlsx), "--store", store)
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx).active
    assert code == 0 and sheet["A1"].value == "law" and sheet.max_row > 5
    code, _, err = run(capsys, "figures", "--law", "GDPR", "--store", store)
    assert code == 2 and "GDPR" in err and "dsl (DSL)" in err and "pipl (PIPL)" in err
    code, _, err = run(capsys, "figures", "--law", "DSL", "--kind", "age", "--store", store)
    assert code == 1 and "no figures found" in err


# ------------------------------------------------------------------ transfer
def transfer(capsys, settings, *args: str) -> dict:
    code, out, err = run(capsys, "transfer", *args, "--json", "--store", str(settings.store))
    assert code == 0, err
    return json.loads(out)


def cited(result: dict) -> list[tuple[str, str]]:
    return [(s["citation"]["doc_id"], s["citation"]["locator"]) for s in result["steps"]]


@pytest.mark.parametrize("args, route, first", [
    (("--individuals", "10", "--cii"), "security_assessment", ("cbdt-provisions", "Art. 7 ¶1 (1)")),
    (("--individuals", "10", "--important-data"), "security_assessment", ("cbdt-provisions", "Art. 7 ¶1 (2)")),
    (("--individuals", "0", "--sensitive", "10001"), "security_assessment", ("cbdt-provisions", "Art. 7 ¶1 (2)")),
    (("--individuals", "1000000"), "security_assessment", ("cbdt-provisions", "Art. 7 ¶1 (2)")),
    (("--individuals", "100000"), "standard_contract_or_certification", ("cbdt-provisions", "Art. 8 ¶1")),
    (("--individuals", "999999"), "standard_contract_or_certification", ("cbdt-provisions", "Art. 8 ¶1")),
    (("--individuals", "50", "--sensitive", "9999"), "standard_contract_or_certification",
     ("cbdt-provisions", "Art. 8 ¶1")),
    (("--individuals", "99999"), "exempt", ("cbdt-provisions", "Art. 5 ¶1 (4)")),
    (("--individuals", "5000000", "--sensitive", "50000", "--purpose", "hr"), "exempt",
     ("cbdt-provisions", "Art. 5 ¶1 (2)")),
    (("--individuals", "5000000", "--purpose", "contract"), "exempt", ("cbdt-provisions", "Art. 5 ¶1 (1)")),
    (("--individuals", "5000000", "--purpose", "emergency"), "exempt", ("cbdt-provisions", "Art. 5 ¶1 (3)")),
    (("--individuals", "5000000", "--free-trade-zone"), "exempt", ("cbdt-provisions", "Art. 6 ¶2")),
])
def test_transfer_routes(statute_settings, capsys, args, route, first):
    result = transfer(capsys, statute_settings, *args)
    assert result["route"] == route
    assert cited(result)[0] == first
    assert ("cbdt-provisions", "Art. 13 ¶1") in cited(result)  # what the Provisions supersede
    for step in result["steps"]:
        assert step["text"] and step["citation"]["quote"]
    if route == "security_assessment":
        validity = [s for s in result["steps"] if s["citation"]["locator"] == "Art. 9 ¶1"]
        assert len(validity) == 3 and "3年" in validity[0]["citation"]["quote"]
        assert ("outbound-assessment", "Art. 14 ¶1") in cited(result)  # the 2022 two years, superseded
    if route == "standard_contract_or_certification":
        assert ("scc-measures", "Art. 4 ¶1 (3)") in cited(result)


@pytest.mark.parametrize("args, message", [
    (("--individuals", "-5"), "cannot be negative"), (("--individuals", "many"), "whole number"),
    (("--individuals", "10", "--sensitive", "1.5"), "whole number")])
def test_transfer_bad_counts(statute_settings, capsys, args, message):
    code, _, err = run(capsys, "transfer", *args, "--store", str(statute_settings.store))
    assert code == 2 and message in err


def _small_store(tmp_path, files: dict[str, str]):
    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings

    root = tmp_path / "corpus"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    settings = Settings(store=tmp_path / "store", corpus_root=root)
    assert ingest_paths([root], settings, progress=False).ok
    return settings


def test_transfer_refused_without_the_provisions_or_on_a_changed_text(capsys, tmp_path, corpus_mirror):
    dsl = (STATUTES / "zh" / "dsl.md").read_text(encoding="utf-8")
    settings = _small_store(tmp_path / "a", {"statutes/zh/dsl.md": dsl})
    code, _, err = run(capsys, "transfer", "--individuals", "200000", "--store", str(settings.store))
    assert code == 1 and "does not hold the 2024" in err and "cbdt-provisions" in err
    provisions = (STATUTES / "zh" / "cbdt-provisions.md").read_text(encoding="utf-8")
    changed = provisions.replace("累计向境外提供100万人以上个人信息", "累计向境外提供200万人以上个人信息")
    assert changed != provisions
    settings = _small_store(tmp_path / "b", {"statutes/zh/cbdt-provisions.md": changed})
    code, _, err = run(capsys, "transfer", "--individuals", "200000", "--store", str(settings.store))
    assert code == 1 and "Art. 7 ¶1 (2)" in err and "100万人以上" in err and "stale" in err


# ------------------------------------------------------------------ a policy checked against the law
POLICY = """# Data Retention and Security Policy

## Part 1 Network logs

Network logs are kept for 3 months.

## Part 2 Impact assessments

Personal information protection impact assessment reports are kept for 3 years.

## Part 3 Incidents

A security incident that endangers national security or the public interest is reported to the competent
authority within 48 hours.

## Part 4 Entrusted processing

Records of entrusted processing are kept for 1 year.

## Part 5 Transfers abroad

We send the personal information of about 200,000 customers abroad each year.

## Part 6 Backups

Backup tapes are rotated every 30 days.
"""


def test_check_a_policy_with_six_figures(statute_settings, capsys, tmp_path):
    policy = tmp_path / "policy.md"
    policy.write_text(POLICY, encoding="utf-8")
    code, out, err = run(capsys, "check", str(policy), "--json", "--store", str(statute_settings.store))
    assert code == 0, err
    report = json.loads(out)
    assert report["document"] == "policy.md"
    got = [(f["policy"]["locator"], f["verdict"], f["law"] and (f["law"]["doc_id"], f["law"]["locator"]))
           for f in report["findings"]]
    assert got == [
        ("Part 1 Network logs", "falls_short", ("csl-2025", "Art. 23 ¶1 (3)")),
        ("Part 2 Impact assessments", "meets", ("pipl", "Art. 56 ¶2")),
        ("Part 3 Incidents", "falls_short", ("ndsmr", "Art. 10 ¶1")),
        ("Part 4 Entrusted processing", "falls_short", ("ndsmr", "Art. 12 ¶1")),
        ("Part 5 Transfers abroad", "falls_short", ("cbdt-provisions", "Art. 8 ¶1")),
        ("Part 6 Backups", "no_statutory_figure", None),
    ]
    logs = report["findings"][0]
    assert "3 months" in logs["policy"]["figure"] and "不少于六个月" in logs["law"]["quote"]
    assert report["findings"][4]["route"] == "standard_contract_or_certification"
    code, out, _ = run(capsys, "check", str(policy), "--format", "md", "--store", str(statute_settings.store))
    assert code == 0 and "| log retention |" in out and "falls_short" in out
    memo = tmp_path / "memo.docx"
    code, _, _ = run(capsys, "check", str(policy), "--format", "docx", "-o", str(memo), "--store",
                     str(statute_settings.store))
    import docx

    rows = docx.Document(str(memo)).tables[0].rows
    assert code == 0 and len(rows) == 7 and rows[3].cells[4].text == "falls_short" and "24" in rows[3].cells[3].text
    word = tmp_path / "policy.docx"
    document = docx.Document()
    for paragraph in POLICY.split("\n\n"):
        document.add_paragraph(paragraph.replace("\n", " ").lstrip("# "))
    document.save(str(word))
    code, out, _ = run(capsys, "check", str(word), "--json", "--store", str(statute_settings.store))
    assert code == 0 and [f["verdict"] for f in json.loads(out)["findings"]] == [
        "falls_short", "meets", "falls_short", "falls_short", "falls_short", "no_statutory_figure"]


def test_check_a_document_without_figures(statute_settings, capsys, tmp_path):
    empty = tmp_path / "memo.txt"
    empty.write_text("We take privacy seriously and review our practices regularly.\n", encoding="utf-8")
    code, _, err = run(capsys, "check", str(empty), "--store", str(statute_settings.store))
    assert code == 1 and "no figures found" in err
    code, _, err = run(capsys, "check", str(tmp_path / "missing.md"), "--store", str(statute_settings.store))
    assert code == 2 and "missing.md" in err


def test_register_is_cached_per_store_generation(statute_settings, tmp_path):
    from retrieval.register.build import build_register, open_store_for_reading

    copy = tmp_path / "store"
    shutil.copytree(statute_settings.store, copy)
    settings = statute_settings.model_copy(update={"store": copy})
    store = open_store_for_reading(settings)
    first = build_register(store)
    assert build_register(store) is first
    from ingest.pipeline import remove_documents

    remove_documents(["dsl"], settings)
    again = build_register(open_store_for_reading(settings))
    assert again is not first and "dsl" not in again.laws and "dsl" in first.laws


# ------------------------------------------------------------------ the pages
PAGES = Path(__file__).resolve().parents[2] / "app" / "pages"


def test_register_page_filters_and_opens_an_article(statute_settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LEXCITE_STORE", str(statute_settings.store))
    at = AppTest.from_file(str(PAGES / "1_Register.py"), default_timeout=120).run()
    assert not at.exception and "Register" in at.title[0].value
    at.selectbox(key="law").set_value("dsl").run()
    at.selectbox(key="kind").set_value("fine").run()
    rows = at.dataframe[0].value
    assert not at.exception and set(rows["law"]) == {"DSL"}
    assert len(rows) == sum(fines_in_file(STATUTES / "zh" / "dsl.md").values())
    shown = at.dataframe[0].proto  # an open bound shows blank, not "None"
    assert shown.HasField("placeholder") and shown.placeholder == ""
    at.selectbox(key="kind").set_value("age").run()
    assert at.info[0].value == "no figures found"


def test_transfer_page_gives_the_route(statute_settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("LEXCITE_STORE", str(statute_settings.store))
    at = AppTest.from_file(str(PAGES / "3_Transfer_route.py"), default_timeout=120).run()
    at.number_input(key="individuals").set_value(200_000)
    at.button[0].click().run()
    assert not at.exception
    assert at.subheader[0].value == "standard contract or certification"
    assert any("Art. 8 ¶1" in m.value for m in at.markdown)
    at.checkbox(key="cii").check()
    at.button[0].click().run()
    assert at.subheader[0].value == "security assessment"


def test_check_page_and_its_view(statute_settings, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from app.register_view import check_rows, check_upload

    monkeypatch.setenv("LEXCITE_STORE", str(statute_settings.store))
    at = AppTest.from_file(str(PAGES / "2_Check_a_document.py"), default_timeout=120).run()
    assert not at.exception and "Check a policy" in at.title[0].value
    report = check_upload("policy.md", POLICY.encode())
    assert [f.verdict for f in report.findings].count("falls_short") == 4
    assert check_rows(report)[2]["verdict"] == "falls_short" and check_rows(report)[2]["article"] == "ndsmr Art. 10 ¶1"
    assert check_upload("memo.txt", b"No numbers here at all.\n").findings == []


# ------------------------------------------------------------------ the pages in a real browser
def _serve(page: Path, store: Path):
    import subprocess
    import sys
    import time
    import urllib.request

    from evals.chroma_server import free_port

    port = free_port()
    env = dict(os.environ, LEXCITE_STORE=str(store))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(page), "--server.address", "127.0.0.1",
                             "--server.port", str(port), "--server.headless", "true",
                             "--browser.gatherUsageStats", "false"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            urllib.request.urlopen(url + "/_stcore/health", timeout=1)
            return proc, url
        except OSError:
            time.sleep(0.5)
    proc.kill()
    pytest.fail(f"{page.name} did not start within 120 s")


def test_each_page_in_chromium(statute_settings, tmp_path):
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from evals.chroma_server import stop_process

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1800"):
        options.add_argument(flag)
    policy = tmp_path / "policy.md"
    policy.write_text(POLICY, encoding="utf-8")
    artifacts = Path(__file__).resolve().parents[2] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)

    def body(b) -> str:
        return b.find_element(By.TAG_NAME, "body").text

    try:
        for page in ("1_Register.py", "3_Transfer_route.py", "2_Check_a_document.py"):
            proc, url = _serve(PAGES / page, statute_settings.store)
            try:
                browser.get(url)
                wait = WebDriverWait(browser, 120)
                if page == "1_Register.py":
                    wait.until(lambda b: "select a row to open its article" in body(b))
                    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "[data-testid='stDataFrame']"))
                elif page == "3_Transfer_route.py":
                    box = wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "input[type='number']"))[0]
                    box.clear()
                    box.send_keys("200000")
                    browser.find_element(By.XPATH, "//button[.//p[text()='Find the route']]").click()
                    wait.until(lambda b: "standard contract or certification" in body(b))
                    assert "Art. 8 ¶1" in body(browser)
                else:
                    wait.until(lambda b: b.find_elements(By.CSS_SELECTOR, "input[type='file']"))[0].send_keys(
                        str(policy))
                    wait.until(lambda b: "Download the memo" in body(b))
                wait.until(lambda b: not b.find_elements(By.CSS_SELECTOR, "[data-testid='stStatusWidget']"))
                browser.save_screenshot(str(artifacts / f"register_{page.removesuffix('.py')}.png"))
            finally:
                stop_process(proc)
    finally:
        browser.quit()


def test_answers_are_matched_against_the_register_records(service):
    """One reading of the law: the figure an answer states is the register's record of the sentence it cites,
    and the answer shows the register's kind, party and tier for it."""
    from app.render import terminal
    from retrieval.register.build import build_register

    answer = service.answer("What fine can the PIPL impose on the responsible manager for a serious violation?")
    assert answer.figures_match and not answer.register_unread, answer.text
    assert [(r.doc_id, r.locator, r.party, r.tier) for r in answer.register] == \
        [("pipl", "Art. 66 ¶2", "managers", "serious")]
    assert answer.register[0] in build_register(service.store, service.manifest).records
    assert "Register: PIPL Art. 66 ¶2 — fine, managers, serious" in terminal(answer)
    guide_only = service.answer("When did the Data Security Law take effect?", kinds=("guide",))
    assert not guide_only.register and not guide_only.register_unread
