"""Repairs that work: --rebuild after a model mismatch, a malformed sidecar, --json refusals (issue 19)."""

from __future__ import annotations

import json
import shutil

import pytest

from app.cli import main
from ingest.embedder import get_embedder
from ingest.pipeline import ingest_paths, open_store
from ingest.store import ModelMismatchError

pytestmark = pytest.mark.integration


@pytest.fixture
def docs(corpus_mirror, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(corpus_mirror / "statutes" / "zh" / "pi-crimes-interpretation.md", folder)
    return folder


def test_rebuild_after_a_model_mismatch_rebuilds_with_the_settings_model(docs, make_settings, capsys):
    settings = make_settings(embedder="minilm")
    assert ingest_paths([docs], settings, progress=False).ok
    store = str(settings.store)
    with pytest.raises(ModelMismatchError, match="rebuild"):
        open_store(make_settings())  # e5, the default
    # without --yes and without a terminal to ask on, nothing is deleted
    assert main(["ingest", str(docs), "--store", store, "--rebuild", "--quiet"]) == 2
    assert "add --yes" in capsys.readouterr().err
    assert open_store(make_settings(embedder="minilm"), create=False).count() > 0
    assert main(["ingest", str(docs), "--store", store, "--rebuild", "--yes", "--quiet"]) == 0
    rebuilt = open_store(make_settings(), create=False)
    assert rebuilt.model_id == get_embedder(make_settings().embedder).model_id
    assert rebuilt.collection.metadata["lexcite_model"] == get_embedder(make_settings().embedder).model_id
    assert set(rebuilt.documents()) == {"pi-crimes"}


@pytest.mark.parametrize("content", ["{}", '{"ids": [], "texts": [], "metadatas": [], "generation": 5}', "[1, 2"])
def test_a_malformed_sidecar_is_rebuilt_silently(docs, make_settings, content, caplog):
    settings = make_settings()
    assert ingest_paths([docs], settings, progress=False).ok
    expected = sorted(open_store(settings, create=False).all_ids())
    (settings.bm25_dir / "chunks.json").write_text(content, encoding="utf-8")
    assert main(["stats", "--store", str(settings.store)]) == 0
    store = open_store(settings, create=False)
    assert sorted(store.lexical(max_age_s=0).ids) == expected
    assert json.loads((settings.bm25_dir / "chunks.json").read_text(encoding="utf-8"))["ids"]
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_json_refusals_print_json_with_the_exit_code(make_settings, capsys):
    store = str(make_settings().store)
    assert main(["ask", "   ", "--json", "--store", store]) == 2
    refused = json.loads(capsys.readouterr().out)
    assert refused["code"] == 2 and "empty" in refused["error"]
    assert main(["ask", "what is the fine?", "--json", "--store", store]) == 1
    empty = json.loads(capsys.readouterr().out)
    assert empty == {"error": empty["error"], "code": 1} and "ingest" in empty["error"]
