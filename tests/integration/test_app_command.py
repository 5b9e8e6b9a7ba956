"""`lexcite app` behaves like `streamlit run`: it honours STREAMLIT_* variables, becomes the server (so SIGTERM
stops it and nothing is left running), and a taken port gets a message naming the fix."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from evals.chroma_server import free_port, stop_process

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integration


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, LEXCITE_STORE=str(tmp_path / "store"), PYTHONPATH=str(REPO), **extra)
    env.pop("STREAMLIT_SERVER_PORT", None)
    env.update(extra)
    return env


def _healthy(port: int, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
            return True
        except OSError:
            time.sleep(0.3)
    return False


def _streamlit_processes(port: int) -> list[int]:
    """Processes whose command line runs our chat UI on this port (any process, not only our children)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        args = [a.decode(errors="replace") for a in cmdline]
        if any("streamlit" in a for a in args) and any(a.endswith("chat.py") for a in args) and \
                (str(port) in args or f"STREAMLIT_SERVER_PORT={port}" in _environ(entry)):
            found.append(int(entry.name))
    return found


def _environ(entry: Path) -> str:
    try:
        return (entry / "environ").read_bytes().replace(b"\0", b"\n").decode(errors="replace")
    except OSError:
        return ""


def test_sigterm_stops_the_server_and_leaves_no_streamlit_process(tmp_path):
    port = free_port()
    # the port comes from Streamlit's own variable: `lexcite app` must not override it
    proc = subprocess.Popen([sys.executable, "-m", "app.cli", "app"], cwd=tmp_path,
                            env=_env(tmp_path, STREAMLIT_SERVER_PORT=str(port)),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _healthy(port), "the chat UI did not answer on STREAMLIT_SERVER_PORT"
        assert _streamlit_processes(port) == [proc.pid]  # exec: the server is the process we started
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        time.sleep(0.5)
        assert _streamlit_processes(port) == []
        with socket.socket() as sock:
            assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing holds the port
    finally:
        stop_process(proc)


def test_port_flag_wins_and_a_taken_port_names_the_fix(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "app.cli", "app", "--port", str(port)], cwd=tmp_path,
                              env=_env(tmp_path), capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert f"port {port}" in done.stderr
    assert f"lexcite app --port {port + 1}" in done.stderr and f"make run PORT={port + 1}" in done.stderr
