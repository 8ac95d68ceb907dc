"""A real `chat-rec serve` process and a plain-HTTP client for its named API endpoints.

The client speaks Gradio's HTTP API (POST /gradio_api/call/<name>, then read the event stream):
no gradio_client, no Hugging Face hub look-ups, and a server killed mid-turn shows up as a
``ServerGone`` rather than a hang.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from chat_rec.errors import ChatRecError


class ServerGone(Exception):
    """The server closed the connection or never answered (killed, or not up yet)."""


class ApiError(Exception):
    """The server answered with an error event; ``str(error)`` is the message it showed."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`python -m chat_rec.cli serve --llm LLM` with its own CHAT_REC_HOME and a shared index.

    ``llm`` is "scripted" (the default: fast and deterministic) or any backend of ``--llm``;
    ``concurrency`` is the page's queue concurrency (``serve --concurrency``). With ``accounts`` (the
    default) every client signs in (``ApiClient.sign_in``; a new name creates its account) and bcrypt
    runs at its lowest cost, so many sign-ins stay cheap.
    """

    def __init__(self, home: Path, index_dir: Path | None, env: dict[str, str] | None = None,
                 log_path: Path | None = None, llm: str = "scripted", concurrency: int = 1,
                 accounts: bool = True, rate_limit_per_minute: int = 30) -> None:
        self.home = Path(home)
        self.llm = llm
        self.concurrency = concurrency
        self.accounts = accounts
        self.rate_limit_per_minute = rate_limit_per_minute
        """The server's turn limit per user; the load generator paces its clients under it."""
        self.index_dir = index_dir
        self.port = free_port()
        self.extra_env = dict(env or {})
        self.log_path = log_path or self.home.parent / f"{self.home.name}-server.log"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 300.0) -> float:
        """Start the server and wait until its API answers; the seconds it took."""
        env = {**os.environ, "CHAT_REC_HOME": str(self.home), "HF_HUB_OFFLINE": "1",
               "GRADIO_ANALYTICS_ENABLED": "False", "ANONYMIZED_TELEMETRY": "False", "CHAT_REC_PASSWORD_ROUNDS": "4",
               "CHAT_REC_RATE_LIMIT_PER_MINUTE": str(self.rate_limit_per_minute), **self.extra_env}
        if self.index_dir is not None:
            env["CHAT_REC_INDEX_DIR"] = str(self.index_dir)
        self.home.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "chat_rec.cli", "serve", "--llm", self.llm, "--port", str(self.port),
             "--concurrency", str(self.concurrency), *(["--accounts"] if self.accounts else [])],
            env=env, stdout=log, stderr=subprocess.STDOUT, cwd=str(Path(__file__).resolve().parents[2]),
        )
        log.close()
        self.starts += 1
        deadline = started + timeout_s
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise ChatRecError(f"The server exited with code {self.proc.returncode} while starting; "
                                   f"see {self.log_path}.")
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return time.perf_counter() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.kill()
        raise ChatRecError(f"The server did not answer within {timeout_s:.0f} s; see {self.log_path}.")

    @property
    def pid(self) -> int | None:
        return self.proc.pid if self.proc is not None else None

    def rss_mb(self) -> float:
        """Resident memory of the server process in MiB (0 when it is not running)."""
        import psutil

        try:
            return psutil.Process(self.pid).memory_info().rss / 2**20 if self.pid else 0.0
        except psutil.Error:
            return 0.0

    def kill(self) -> None:
        """SIGKILL: no cleanup, no flush, exactly what a power cut or OOM kill does."""
        if self.proc is not None and self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        """A polite stop (SIGTERM), then SIGKILL if it lingers."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()


PASSWORD = "load-test-password"
"""The password of every account the reliability clients create."""


class ApiClient:
    """Calls one server's named endpoints (/start /send /feedback /profile /reset) over HTTP.

    ``sign_in`` keeps the session cookie for every later call, as a browser would.
    """

    def __init__(self, url: str, timeout_s: float = 120.0) -> None:
        self.url = url
        self.http = httpx.Client(timeout=timeout_s)

    def sign_in(self, name: str, password: str = PASSWORD) -> None:
        """Sign in (creating the account when the name is new); ApiError with the server's sentence."""
        try:
            answer = self.http.post(f"{self.url}/login", data={"username": name, "password": password})
        except httpx.HTTPError as exc:
            raise ServerGone(f"{type(exc).__name__}: {exc}") from exc
        if answer.status_code != 200:
            raise ApiError(error_message(answer))

    def call(self, name: str, *data: Any) -> Any:
        """The endpoint's result, ApiError with the shown message, or ServerGone."""
        try:
            posted = self.http.post(f"{self.url}/gradio_api/call/{name}", json={"data": list(data)})
            if posted.status_code in (401, 403, 429):
                raise ApiError(error_message(posted))
            posted.raise_for_status()
            event_id = posted.json()["event_id"]
            with self.http.stream("GET", f"{self.url}/gradio_api/call/{name}/{event_id}") as stream:
                event = ""
                for line in stream.iter_lines():
                    if line.startswith("event:"):
                        event = line[6:].strip()
                    elif line.startswith("data:") and event in ("complete", "error"):
                        payload = json.loads(line[5:].strip() or "null")
                        if event == "complete":
                            return payload[0] if isinstance(payload, list) and payload else payload
                        message = payload.get("error") if isinstance(payload, dict) else None
                        raise ApiError(message or "error event without a message")
        except (httpx.HTTPError, json.JSONDecodeError, KeyError) as exc:
            raise ServerGone(f"{type(exc).__name__}: {exc}") from exc
        raise ServerGone("the event stream ended without a result")

    def close(self) -> None:
        self.http.close()


def error_message(answer: httpx.Response) -> str:
    """The sentence in an HTTP error answer (FastAPI's ``detail``, Gradio's ``error``/``auth_message``)."""
    try:
        body = answer.json()
        detail = body.get("detail") or body.get("error") or ""
    except (json.JSONDecodeError, AttributeError):
        return answer.text.strip()[:200] or f"HTTP {answer.status_code}"
    if isinstance(detail, dict):
        parts = [str(detail.get("error") or "").rstrip("."), str(detail.get("auth_message") or "")]
        return ". ".join(p for p in parts if p)
    return str(detail) or f"HTTP {answer.status_code}"
