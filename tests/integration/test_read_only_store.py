"""A read-only store (another user's, a mounted snapshot) answers `ask` and `stats` (issue 19, case 4)."""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import ingest_paths
from ingest.settings import Settings

pytestmark = pytest.mark.integration
REPO = Path(__file__).resolve().parents[2]
PR_CAPBSET_DROP = 24


def _freeze(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(0o444 if path.is_file() else 0o555)
    folder.chmod(0o555)


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _without_root_override() -> None:
    """Root writes through file modes; drop the capabilities that let it (DAC_OVERRIDE, DAC_READ_SEARCH,
    FOWNER) from the child's bounding set so a 0444 file is read-only to it as to any user."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2, 3):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def _run_as_reader(*args: str, home: Path) -> subprocess.CompletedProcess:
    # another user on a machine that was set up: the encoder converted once (make setup) is the machine's
    env = dict(os.environ, PYTHONPATH=str(REPO), HOME=str(home), TMPDIR=str(home),
               LEXCITE_MODEL_CACHE=str(Settings().model_cache))
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, capture_output=True, text=True,
                          timeout=600, cwd=str(home),
                          preexec_fn=_without_root_override if os.geteuid() == 0 else None)


@pytest.fixture
def frozen_store(corpus_mirror, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(corpus_mirror / "statutes" / "zh" / "pi-crimes-interpretation.md", docs)
    outside = tmp_path / "outside"
    settings = Settings(store=outside / "store", corpus_root=tmp_path / "none")
    assert ingest_paths([docs], settings, progress=False).ok
    home = outside / "home"
    home.mkdir()
    _freeze(settings.store)
    yield settings.store, home
    for path in [outside, *outside.rglob("*")]:
        path.chmod(stat.S_IRWXU | (0 if path.is_file() else stat.S_IRWXG))
    shutil.rmtree(outside, ignore_errors=True)


def test_a_read_only_store_answers_and_is_left_untouched(frozen_store):
    store, home = frozen_store
    before = _digests(store)
    asked = _run_as_reader("ask", "非法获取行踪轨迹信息多少条属于情节严重？", "--store", str(store), home=home)
    assert asked.returncode == 0, asked.stderr[-3000:]
    assert "Traceback" not in asked.stderr and "五十条" in asked.stdout
    stats = _run_as_reader("stats", "--json", "--store", str(store), home=home)
    assert stats.returncode == 0, stats.stderr[-3000:]
    assert "Traceback" not in stats.stderr and '"documents": 1' in stats.stdout
    assert _digests(store) == before


def test_writing_to_a_read_only_store_fails_in_one_line(frozen_store, corpus_mirror):
    store, home = frozen_store
    removed = _run_as_reader("remove", "pi-crimes", "--store", str(store), home=home)
    assert removed.returncode == 1
    assert "Traceback" not in removed.stderr and len(removed.stderr.strip().splitlines()) == 1
    assert "read-only" in removed.stderr
