"""Ingest and query through a real `chroma run` server on 127.0.0.1 (the scale-out path)."""

from __future__ import annotations

import shutil

import pytest

from ingest.pipeline import ingest_paths
from retrieval.service import AnswerService

pytestmark = pytest.mark.integration


@pytest.fixture
def chroma_server(tmp_path):
    from evals.chroma_server import ChromaServerError
    from evals.chroma_server import chroma_server as running_server

    try:
        with running_server(tmp_path / "server-data") as port:
            yield port
    except ChromaServerError as error:
        pytest.fail(str(error))


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
