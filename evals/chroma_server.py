"""A local `chroma run` server on 127.0.0.1, for the scale-out benchmark and the integration tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ChromaServerError(RuntimeError):
    pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chroma_cli() -> Path | None:
    """The `chroma` command installed beside this interpreter (the venv's), else the one on PATH."""
    beside = Path(sys.executable).with_name("chroma")
    if beside.exists():
        return beside
    found = shutil.which("chroma")
    return Path(found) if found else None


@contextmanager
def chroma_server(data_dir: Path, start_timeout_s: float = 60) -> Iterator[int]:
    """Start `chroma run` on a free port of 127.0.0.1 with its data in ``data_dir``; yields the port."""
    cli = chroma_cli()
    if cli is None:
        raise ChromaServerError("the chroma command is not installed (it comes with the chromadb package)")
    port = free_port()
    proc = subprocess.Popen([str(cli), "run", "--path", str(data_dir), "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + start_timeout_s
        while True:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if proc.poll() is not None:
                raise ChromaServerError(f"chroma run exited with code {proc.returncode} before listening")
            if time.time() > deadline:
                raise ChromaServerError(f"chroma run did not listen on 127.0.0.1:{port} within {start_timeout_s:.0f} s")
            time.sleep(0.3)
        yield port
    finally:
        stop_process(proc)


def stop_process(proc: subprocess.Popen, timeout_s: float = 15) -> None:
    """Terminate politely, then kill: a server that ignores SIGTERM must not outlive its run."""
    proc.terminate()
    try:
        proc.wait(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
