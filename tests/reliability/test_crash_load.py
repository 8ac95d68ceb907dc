"""A real `chat-rec serve` process: concurrent sessions, then SIGKILL mid-turn, restart, check the files.

CI-sized (4 sessions x 8 s, one kill); `chat-rec bench reliability` runs the full versions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from chat_rec.reliability.crash import run_crash
from chat_rec.reliability.load import run_load
from chat_rec.reliability.server import ServerProcess


@pytest.fixture(scope="module")
def server(attack_service: Any, index_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A served chat-rec (scripted LLM) over the session's index; ``attack_service`` builds that index first."""
    proc = ServerProcess(tmp_path_factory.mktemp("served") / "home", index_dir)
    proc.start()
    yield proc
    proc.stop()


def test_concurrent_sessions_complete_without_errors(server: ServerProcess, tmp_path: Path) -> None:
    figures = run_load(tmp_path, None, sessions=4, seconds=8, server=server)
    assert figures["turns_completed"] >= 4, figures
    assert figures["errors"] == 0, figures["error_examples"]
    assert figures["db_integrity"] == "ok" and figures["acknowledged_turns_lost"] == 0
    assert figures["rss_end_mb"] > 0
    # Each turn's server time comes back in its trace, so the queue wait is the rest of the latency.
    assert figures["queue_wait_p50_ms"] is not None
    assert 0 <= figures["queue_wait_p50_ms"] <= figures["p50_ms"]
    assert figures["pace_s"] * server.rate_limit_per_minute >= 60, "the sessions must stay under the rate limit"

    # What an operator sees of the same run: the served /metrics and the JSON log lines.
    metrics = httpx.get(f"{server.url}/metrics").text
    counted = [float(line.split()[-1]) for line in metrics.splitlines()
               if line.startswith("chat_rec_turn_seconds_count{")]
    assert sum(counted) >= figures["turns_completed"], metrics[:2000]
    lines = [json.loads(line) for line in (server.home / "logs" / "chat-rec.jsonl").read_text().splitlines()]
    assert sum(line.get("event") == "turn" for line in lines) >= figures["turns_completed"]


def test_sigkill_mid_turn_loses_no_acknowledged_turn(server: ServerProcess, tmp_path: Path) -> None:
    figures = run_crash(tmp_path, None, kills=1, clients=3, seed=7, max_kill_delay_s=1.5, server=server)
    assert figures["kills_survived"] == 1, figures["problems"]
    assert figures["acknowledged_turns"] >= 1
    assert figures["acknowledged_turns_lost"] == 0 and figures["half_applied_users"] == 0, figures["problems"]
    assert figures["turns_after_last_restart_ok"] == 3
