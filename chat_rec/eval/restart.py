"""Start-up and memory of ``chat-rec serve`` as a separate process: cold start, RSS, and serving
again after SIGKILL (``chat-rec bench restart``).

The server runs as a child process on a free loopback port with the caller's environment (so
``CHAT_REC_HOME``, ``CHAT_REC_LLM`` … apply); "serving" means the page answers HTTP 200 and one
turn through ``/send`` comes back. RSS is read from ``/proc/<pid>/status`` after that turn.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from typing import Any

from chat_rec.errors import ChatRecError


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` and its children (Linux)."""
    total = 0.0
    pids = [pid]
    try:
        children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False).stdout
        pids += [int(p) for p in children.split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0) / 1024
        except OSError:
            continue
    return round(total, 1)


def _wait_serving(proc: subprocess.Popen[bytes], url: str, limit_s: float, log_path: str) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < limit_s:
        if proc.poll() is not None:
            with open(log_path, encoding="utf-8", errors="replace") as fh:
                tail = fh.read()[-2000:]
            raise ChatRecError(f"chat-rec serve exited with code {proc.returncode} before serving:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.2)
    raise ChatRecError(f"chat-rec serve did not answer {url} within {limit_s:.0f} s")


def _one_turn(url: str) -> float:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    started = time.perf_counter()
    client = Client(url, verbose=False)
    client.predict("", api_name="/start")  # the served page's one local profile (created the first time)
    client.predict("", "I loved The Matrix, no horror", api_name="/send")
    return time.perf_counter() - started


def run_restart_bench(llm: str | None = None, limit_s: float = 600, engine: str | None = None) -> dict[str, Any]:
    """Cold start, first turn, RSS; then SIGKILL and time until the page serves again (logs in the temp dir).

    ``engine`` sets ``CHAT_REC_LLM_ENGINE`` for the server.
    """
    port = _free_port()
    env = {**os.environ, **({"CHAT_REC_LLM_ENGINE": engine} if engine else {})}
    url = f"http://127.0.0.1:{port}/"
    command = [sys.executable, "-m", "chat_rec.cli", "serve", "--port", str(port)]
    if llm:
        command += ["--llm", llm]
    result: dict[str, Any] = {"command": " ".join(command[1:]) + (f" (CHAT_REC_LLM_ENGINE={engine})" if engine else "")}
    for run in ("cold", "after_sigkill"):
        started = time.perf_counter()
        log_path = os.path.join(tempfile.gettempdir(), f"chat-rec-restart-{os.getpid()}-{run}.log")
        with open(log_path, "wb") as log_file:
            proc = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=env)
        try:
            serving = _wait_serving(proc, url, limit_s, log_path)
            rss_idle = _rss_mb(proc.pid)
            turn = _one_turn(url)
            result[run] = {"serving_s": round(serving, 1), "first_turn_s": round(turn, 1),
                           "serve_and_turn_s": round(time.perf_counter() - started, 1),
                           "rss_idle_mb": rss_idle, "rss_after_turn_mb": _rss_mb(proc.pid)}
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
    result["load_avg"] = os.getloadavg()[0]
    return result


def format_restart_table(result: dict[str, Any]) -> str:
    lines = [f"chat-rec {result['command']}  (1-min load average at the end: {result['load_avg']:.1f})"]
    for run in ("cold", "after_sigkill"):
        r = result[run]
        lines.append(f"  {run:<14} serving after {r['serving_s']:6.1f} s, first turn {r['first_turn_s']:5.1f} s, "
                     f"RSS {r['rss_idle_mb']:.0f} MB idle / {r['rss_after_turn_mb']:.0f} MB after a turn")
    return "\n".join(lines)
