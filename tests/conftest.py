"""Shared fixtures: the reference corpus from ../shared, real stores in temporary folders, the real model.

Two tiers: tests/unit/ (no store, no model, seconds: `make test-fast`) and tests/integration/ (the reference
store, a Chroma server, Chromium), every test of which is marked ``integration``."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

REPO = Path(__file__).resolve().parents[1]
SHARED_CORPUS = Path(os.environ.get("LEXCITE_CORPUS_MIRROR", REPO.parent / "shared" / "corpus"))
STATUTES = SHARED_CORPUS / "statutes" / "zh"


ARTIFACTS = REPO / "out" / "test-artifacts"  # out/ is git-ignored


def pytest_collection_modifyitems(config, items):
    integration = Path(__file__).parent / "integration"
    for item in items:
        if integration in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests leave what CI keeps (screenshots, reports): out/test-artifacts, never the checkout root."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def corpus_mirror() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"reference corpus not found at {SHARED_CORPUS} (set LEXCITE_CORPUS_MIRROR)")
    return SHARED_CORPUS


@pytest.fixture
def make_settings(tmp_path):
    from ingest.settings import Settings

    def make(**overrides):
        overrides.setdefault("store", tmp_path / "store")
        overrides.setdefault("corpus_root", tmp_path / "corpus-root")
        return Settings(**overrides)

    return make


@pytest.fixture(scope="session")
def reference_settings(tmp_path_factory, corpus_mirror):
    """The whole reference corpus ingested once per test session into an embedded store."""
    from ingest.pipeline import ingest_paths
    from ingest.settings import Settings

    root = tmp_path_factory.mktemp("reference")
    settings = Settings(store=root / "store", corpus_root=corpus_mirror)
    report = ingest_paths([corpus_mirror], settings, progress=False)
    assert report.ok, [(f.path, f.reason) for f in report.skipped]
    return settings


@pytest.fixture(scope="session")
def service(reference_settings):
    from retrieval.service import AnswerService

    return AnswerService(reference_settings)
