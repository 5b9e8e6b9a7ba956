"""A fresh clone answers from the statutes that ship with it; a user's amended text supersedes the one it amends.

Both run the real CLI in subprocesses (real model, real embedded Chroma) on temporary folders.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.integration

QUESTION_LINE = re.compile(r"^\S*lexcite ask .*$", re.M)


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LEXCITE_") and k != "PYTHONPATH"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False", **extra)
    return env


def _run(command: list[str] | str, cwd: Path, env: dict[str, str], timeout: int = 2400) -> str:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout,
                          shell=isinstance(command, str))
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


@pytest.mark.slow
def test_a_fresh_clone_without_the_mirror_answers_the_readme_question(tmp_path):
    """What it does, exactly:

    1. `git clone` this repository (its committed HEAD) into a temporary folder that has no `../shared` beside it.
    2. In the clone, `make ingest` with `VENV` set to the environment running this test and `-o $(VENV)/bin/lexcite`
       (so make neither creates a venv nor reinstalls: a fresh install takes minutes). PYTHONPATH is the clone, so
       the clone's code and its corpus/ are what run; no LEXCITE_* variable is passed on. That runs the README's
       first command (`make run`) up to its ingest: `lexcite ingest --from ../shared/corpus`, with no such mirror.
       It ingests the 17 shipped statutes (about 800 chunks: the costly step) and names the 5 guides and 2
       translations it could not find in one line.
    3. `lexcite corpus list` in the clone: each document shipped or missing.
    4. The sample question exactly as `make run` asks it (its `lexcite ask` line, read from `make -n run`);
       `make run`'s last step, starting the chat UI, is not run.
    The answer must be the PIPL's CNY 50 million, cited to Art. 66 ¶2.
    """
    venv = Path(sys.prefix)
    if not (venv / "bin" / "lexcite").is_file() or shutil.which("make") is None or shutil.which("git") is None \
            or not (REPO / ".git").exists():
        pytest.skip(f"needs make, git, a git checkout and the lexcite script in {venv}/bin")
    clone = tmp_path / "fresh" / "lexcite"
    clone.parent.mkdir()
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, timeout=120)
    assert not (clone.parent / "shared").exists() and not (clone / "corpus-data").exists()
    env = _clean_env(PYTHONPATH=str(clone))
    where = _run([str(venv / "bin" / "python"), "-c", "import corpus; print(corpus.CORPUS_DIR)"], clone, env)
    assert Path(where.strip()) == clone / "corpus"  # the clone's texts, not this checkout's
    make = ["make", "-o", f"{venv}/bin/lexcite", f"VENV={venv}"]

    out = _run([*make, "ingest"], clone, env)
    assert "17 shipped text(s) installed" in out
    assert out.count("5 guides and 2 translations not available: pull them with `lexcite corpus pull --from DIR`") == 1
    assert "17 file(s): 17 added" in out and "0 skipped" in out

    listing = {line.split()[1]: line.split()[0] for line in _run([f"{venv}/bin/lexcite", "corpus", "list"],
                                                                   clone, env).splitlines()}
    assert listing["pipl"] == "shipped" and listing["pipl-en"] == "missing"
    assert sum(state == "shipped" for state in listing.values()) == 17

    ask = QUESTION_LINE.findall(_run([*make, "-n", "run"], clone, env))
    assert len(ask) == 1, ask
    answer = _run(ask[0], clone, env, timeout=300)
    first = answer.splitlines()[0]
    assert "CNY 50 million" in first, answer
    assert "[1] Personal Information Protection Law of the PRC — Art. 66 ¶2" in answer, answer


def test_an_added_text_supersedes_the_one_it_amends(tmp_path):
    """`lexcite corpus add` with --supersedes on a copy of the Standard Contract Measures whose filing period is
    changed (10 → 15 working days), through the CLI with LEXCITE_CORPUS_ROOT / LEXCITE_STORE in temporary
    folders: the answer comes from the new text, the old text is labelled superseded from the new one's date,
    and `corpus list` shows it added."""
    from corpus import CORPUS_DIR

    root, store = tmp_path / "root", tmp_path / "store"
    (root / "statutes" / "zh").mkdir(parents=True)
    original = CORPUS_DIR / "statutes" / "zh" / "scc-measures.md"
    shutil.copyfile(original, root / "statutes" / "zh" / "scc-measures.md")
    text = original.read_text(encoding="utf-8")
    assert text.count("标准合同生效之日起10个工作日内") == 1
    amended = tmp_path / "scc-2026.md"
    amended.write_text(text.replace("标准合同生效之日起10个工作日内", "标准合同生效之日起15个工作日内"), encoding="utf-8")
    env = _clean_env(PYTHONPATH=str(REPO), LEXCITE_CORPUS_ROOT=str(root), LEXCITE_STORE=str(store))
    cli = [sys.executable, "-m", "app.cli"]
    question = "Under the Standard Contract Measures, within how many working days must the standard contract be filed?"

    first = _run([*cli, "ingest", "--quiet", str(root)], REPO, env)
    assert _run([*cli, "ask", question], REPO, env).startswith("Within 10 working days")

    added = _run([*cli, "corpus", "add", str(amended), "--id", "scc-2026", "--kind", "departmental-rule",
                  "--effective", "2025-01-01", "--supersedes", "scc-measures"], REPO, env)
    assert "added scc-2026" in added and (root / "user-manifest.toml").is_file()
    listing = {line.split()[1]: line.split()[:5] for line in _run([*cli, "corpus", "list"], REPO, env).splitlines()}
    assert listing["scc-2026"][0] == "added" and listing["scc-measures"][4] == "amended"
    ingested = _run([*cli, "ingest", "--quiet", str(root)], REPO, env)
    written = re.compile(r"(\d+) chunk\(s\) written")
    assert "1 added, 1 updated" in ingested  # the old text relabelled, not embedded again
    assert written.search(ingested).group(1) == written.search(first).group(1)

    new = json.loads(_run([*cli, "ask", "--json", question], REPO, env))
    assert new["text"].startswith("Within 15 working days")
    assert [(c["doc_id"], c["locator"], c["status"]) for c in new["citations"]][0] == \
        ("scc-2026", "Art. 7 ¶1", "in-force")
    old = json.loads(_run([*cli, "ask", "--json", "--doc", "scc-measures", question], REPO, env))
    assert old["citations"][0]["status"] == "amended"
    assert old["citations"][0]["status_label"] == "superseded by scc-2026 from 2025-01-01"
