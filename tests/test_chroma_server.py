"""Ingest and query through a real `chroma run` server on 127.0.0.1 (the scale-out path)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from retrieval.service import AnswerService

pytestmark = pytest.mark.integration


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the chroma CLI is not installed")
    port = _free_port()
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.3)
        else:
            pytest.fail("chroma run did not start within 60 s")
        yield port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_ingest_and_answer_through_a_chroma_server(chroma_server, corpus_mirror, make_settings, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in ("dsl.md", "scc-measures.md"):
        shutil.copy(corpus_mirror / "statutes" / "zh" / name, folder / name)
    settings = make_settings(chroma_host="127.0.0.1", chroma_port=chroma_server)
    first = ingest_paths([folder], settings, progress=False)
    assert first.ok and first.chunks_written > 0
    again = ingest_paths([folder], settings, progress=False)
    assert again.chunks_written == 0  # idempotent against the server too
    # a second "machine" (its own local folder) queries the same server
    reader = AnswerService(make_settings(chroma_host="127.0.0.1", chroma_port=chroma_server,
                                         store=tmp_path / "reader"))
    answer = reader.answer("What fine does the Data Security Law set for violating the core data management system?")
    assert answer.citations[0].doc_id == "dsl" and "二百万元以上一千万元以下" in answer.text
    assert reader.stats()["documents"] == 2
