"""A real browser against the running chat UI: Debian's headless Chromium driven by selenium, with the system
chromedriver. One conversation: a question, a follow-up that inherits its subject, a Chinese question, and a
citation opened on its source. Screenshots go to out/screenshots/ (look at them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from evals.chroma_server import free_port, stop_process

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "out" / "screenshots"
DRIVER = Path("/usr/bin/chromedriver")
pytestmark = pytest.mark.integration


@pytest.fixture
def running_app(reference_settings, tmp_path):
    port = free_port()
    store = tmp_path / "store"
    shutil.copytree(reference_settings.store, store)  # the app keeps its history beside the store
    env = dict(os.environ, LEXCITE_STORE=str(store), STREAMLIT_SERVER_PORT=str(port), PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "app"], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the chat UI did not start within 120 s")
        yield url
    finally:
        stop_process(proc)


@pytest.fixture
def browser(tmp_path):
    chromium = shutil.which("chromium")
    if not chromium or not DRIVER.exists():
        pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _ask(browser, wait, question: str, answered) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec

    box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
    box.send_keys(question)
    box.send_keys(Keys.ENTER)
    wait.until(lambda b: answered(b.find_element(By.TAG_NAME, "body").text))
    time.sleep(1.0)  # let the page settle before the screenshot


def _headline_in_view(browser) -> bool:
    from selenium.webdriver.common.by import By

    heads = [h for h in browser.find_elements(By.CSS_SELECTOR, "h3") if h.is_displayed()]
    if not heads:
        return False
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", heads[0])
    return 0 <= top <= browser.execute_script("return window.innerHeight")


def test_a_conversation_in_the_browser(running_app, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.get(running_app)
    wait = WebDriverWait(browser, 180)
    _ask(browser, wait, "What is the maximum fine under the PIPL for a serious violation?",
         lambda body: "figures match the cited text" in body)
    assert _headline_in_view(browser), "the headline figure scrolled out of view"
    assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid='stAppDeployButton']")  # no Deploy button
    marks = [m for m in browser.find_elements(By.TAG_NAME, "mark") if m.is_displayed()]
    assert any("五千万元" in m.text for m in marks)
    assert any("50 million" in m.text for m in marks)  # the English paragraph that holds the fine
    browser.save_screenshot(str(SHOTS / "1-answer.png"))

    # the source at hand: the whole article, the quote marked, the English paragraph that matches marked beside it
    viewer = next(e for e in browser.find_elements(By.CSS_SELECTOR, "[data-testid='stExpander']")
                  if e.is_displayed() and "[1]" in e.text)
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", viewer)
    time.sleep(0.5)
    assert "English translation — Art. 66" in viewer.text and "whole text" in viewer.text
    english = [m.text for m in viewer.find_elements(By.TAG_NAME, "mark")]
    assert any(m.startswith("Where the circumstances of the unlawful acts") for m in english)  # ¶2, not ¶1
    browser.save_screenshot(str(SHOTS / "4-source-viewer.png"))
    browser.execute_script("window.scrollTo(0, 0)")

    _ask(browser, wait, "And under the Data Security Law?", lambda body: "Read as: maximum fine under the Data" in body)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert body.index("Read as: maximum fine under the Data") < body.index("What is the maximum fine under the PIPL")
    assert _headline_in_view(browser)
    browser.save_screenshot(str(SHOTS / "2-follow-up.png"))

    _ask(browser, wait, "数据安全法规定违反国家核心数据管理制度的，罚款是多少？", lambda body: "数字与引文一致" in body)
    body = browser.find_element(By.TAG_NAME, "body").text
    assert "法律 · " in body and "筛选" in body  # Chinese labels around the answer and in the sidebar
    assert "数据安全法 第45条第2款 [1]" in body  # the answer names its source in Chinese too
    browser.save_screenshot(str(SHOTS / "3-chinese.png"))
