"""A real browser against the running chat UI: Debian's headless Chromium driven by selenium."""

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
pytestmark = pytest.mark.integration


@pytest.fixture
def running_app(reference_settings):
    port = free_port()
    env = dict(os.environ, LEXCITE_STORE=str(reference_settings.store))
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(REPO / "app" / "chat.py"),
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(url + "/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("the chat UI did not start within 60 s")
        yield url
    finally:
        stop_process(proc)


def test_ask_in_the_browser_and_see_the_quoted_text(running_app, tmp_path, artifacts_dir):
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver_path:
        pytest.skip("Debian chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1800"):
        options.add_argument(flag)
    browser = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        browser.get(running_app)
        wait = WebDriverWait(browser, 90)
        box = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "[data-testid='stChatInputTextArea']")))
        box.send_keys("What is the maximum fine under the PIPL for a serious violation?")
        box.send_keys(Keys.ENTER)
        wait.until(lambda b: "figures match the cited text" in b.find_element(By.TAG_NAME, "body").text)
        marks = wait.until(lambda b: [m for m in b.find_elements(By.TAG_NAME, "mark") if m.is_displayed()])
        assert "五千万元" in marks[0].text
        browser.save_screenshot(str(artifacts_dir / "chat_e2e.png"))
    finally:
        browser.quit()
