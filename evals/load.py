"""Concurrent users through one AnswerService, as the chat UI serves every browser session from its own
thread with one cached service: questions per second and latency percentiles under N users, bounded in time."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ingest.settings import Settings


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))], 2)


def run_users(service, questions: list[str], users: int = 8, per_user: int | None = None,
              max_seconds: float = 60.0) -> tuple[list[list[tuple[str, object]]], list[float], list[str], float]:
    """Each user asks the questions in its own order (rotated by its number) until it has asked ``per_user``
    (default: all of them) or ``max_seconds`` have passed. Returns per-user (question, answer) lists, every
    latency in ms, the errors raised, and the wall time in seconds."""
    per_user = per_user or len(questions)
    deadline = time.perf_counter() + max_seconds
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start = threading.Barrier(users)

    def user(n: int) -> list[tuple[str, object]]:
        asked: list[tuple[str, object]] = []
        start.wait()
        for i in range(per_user):
            if time.perf_counter() > deadline:
                break
            question = questions[(i + n * 7) % len(questions)]
            t = time.perf_counter()
            try:
                answer = service.answer(question)
            except Exception as exc:  # every failure is counted and reported, never lost in a thread
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")
                continue
            with lock:
                latencies.append((time.perf_counter() - t) * 1000)
            asked.append((question, answer))
        return asked

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        results = list(pool.map(user, range(users)))
    return results, latencies, errors, time.perf_counter() - started


def bench_concurrency(settings: Settings, questions: list[str], users: int = 8, max_seconds: float = 30.0) -> dict:
    """Throughput and latency of ``users`` concurrent users on one service (for `lexcite bench`)."""
    from retrieval.service import AnswerService

    service = AnswerService(settings)
    for q in questions[:3]:
        service.answer(q)  # warm: model, sidecar, caches
    _, latencies, errors, seconds = run_users(service, questions, users, max_seconds=max_seconds)
    return {"users": users, "questions": len(latencies), "seconds": round(seconds, 2),
            "questions_per_s": round(len(latencies) / seconds, 2) if seconds > 0 else 0.0,
            "p50_ms": _pct(latencies, 50), "p95_ms": _pct(latencies, 95), "errors": len(errors)}
