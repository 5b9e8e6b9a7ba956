"""Shared fixtures: the reference corpus from ../shared, real stores in temporary folders, the real model."""

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


def pytest_configure(config):
    # test artifacts (screenshots, reports) go here so CI can keep them
    (REPO / "test-artifacts").mkdir(exist_ok=True)


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
