"""Load: many concurrent sessions against a real server for a bounded time.

With the scripted LLM it measures the serving stack; with the real CPU model (``run_model_load``)
turns take seconds each and queue in the page's queue (``serve --concurrency``): the figures then
include the queue wait, the client's latency minus the server's own time for the turn.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.reliability.crash import ClientLog, check_database, client_loop
from chat_rec.reliability.server import ApiClient, ServerProcess


def run_load(workdir: Path, index_dir: Path | None, sessions: int = 10, seconds: float = 20.0,
             seed: int = 0, server: ServerProcess | None = None) -> dict[str, Any]:
    """Drive ``sessions`` users at once for ``seconds``; turns, errors, latency, server memory.

    One warm-up turn runs first (and is reported on its own): the clock measures a warm server.
    Each session paces itself just under the server's per-user turn limit (``rate_limit_per_minute``),
    as a person would, so a refusal from the limit is a real error, never an accident of the load.
    """
    own = server is None
    server = server or ServerProcess(Path(workdir) / "load-home", index_dir)
    rng = random.Random(seed)
    try:
        if own:
            server.start()
        first_turn_ms = _warm_up(server.url)
        rss_start = server.rss_mb()
        stop = threading.Event()
        logs = [ClientLog() for _ in range(sessions)]
        started = time.perf_counter()
        deadline = started + seconds
        interval = pace_s(server.rate_limit_per_minute)
        threads = [
            threading.Thread(target=client_loop, daemon=True,
                             args=(server.url, f"load-{seed}-{n}", stop, log, random.Random(rng.random()), deadline,
                                   interval))
            for n, log in enumerate(logs)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=seconds + 300)
        elapsed = time.perf_counter() - started
        rss_end = server.rss_mb()
        acked = [a for log in logs for a in log.acked]
        db = check_database(server.home, acked)
    finally:
        if own:
            server.stop()
    latencies = np.array([x for log in logs for x in log.latencies]) * 1000
    waits = np.array([(lat - srv) * 1000 for log in logs
                      for lat, srv in zip(log.latencies, log.server_seconds, strict=True) if srv is not None])
    errors = [e for log in logs for e in log.api_errors]
    return {
        "sessions": sessions, "seconds": round(elapsed, 1), "turns_completed": len(acked),
        "pace_s": round(interval, 2), "rate_limit_per_minute": server.rate_limit_per_minute,
        "turns_per_s": round(len(acked) / elapsed, 2) if elapsed else 0.0,
        "errors": len(errors) + sum(log.gone for log in logs), "error_examples": sorted(set(errors))[:3],
        "p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies.size else None,
        "p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies.size else None,
        "queue_wait_p50_ms": round(float(np.percentile(waits, 50)), 1) if waits.size else None,
        "queue_wait_p95_ms": round(float(np.percentile(waits, 95)), 1) if waits.size else None,
        "first_turn_after_start_ms": first_turn_ms,
        "rss_start_mb": round(rss_start, 1), "rss_end_mb": round(rss_end, 1),
        "db_integrity": db["integrity"], "acknowledged_turns_lost": db["lost"],
    }


def run_model_load(workdir: Path, index_dir: Path | None, sessions: int = 4, seconds: float = 180.0,
                   llm: str = "local", concurrency: int = 1, timeout_s: float = 60.0) -> dict[str, Any]:
    """``run_load`` against a server with the real model: do requests queue instead of failing?

    ``timeout_s`` bounds each model call (``CHAT_REC_LLM_TIMEOUT_S``): a slow call falls back to
    the templated reply instead of holding the queue.
    """
    server = ServerProcess(Path(workdir) / f"load-{llm}-home", index_dir, llm=llm, concurrency=concurrency,
                           env={"CHAT_REC_LLM_TIMEOUT_S": str(timeout_s)})
    try:
        start_s = server.start(timeout_s=900.0)
        figures = run_load(workdir, index_dir, sessions, seconds, seed=1, server=server)
    finally:
        server.stop()
    return {"llm": llm, "concurrency": concurrency, "server_start_s": round(start_s, 1), **figures}


def pace_s(per_minute: int) -> float:
    """Seconds between one session's turns that keep it under ``per_minute`` in any 60-second window."""
    from chat_rec.limits import WINDOW_S

    return 0.0 if per_minute <= 0 else WINDOW_S / per_minute * 1.05


def _warm_up(url: str) -> float:
    """One turn before the clock starts (the first one loads models lazily); its time in ms."""
    client = ApiClient(url)
    started = time.perf_counter()
    try:
        client.sign_in("load-warmup")
        client.call("start", "load-warmup")
        client.call("send", "load-warmup", "I loved Heat")
    finally:
        client.close()
    return round((time.perf_counter() - started) * 1000, 1)
