"""Metrics (Prometheus) and JSON-lines logs with a turn id.

One ``Metrics`` object per process, made on first use (nothing is registered at import), with
its own registry so tests and several apps in one process never collide. The web server exposes
it at ``/metrics``; ``configure_json_logs`` writes every log record as one JSON line under
``CHAT_REC_HOME/logs``, carrying the id of the turn being answered when there is one.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import logging
import logging.handlers
import re
import threading
import time
import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0)
"""Seconds: from a 5 ms template turn to a two-minute CPU model call."""
LOG_FILE = "chat-rec.jsonl"

TURN_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("chat_rec_turn_id", default=None)
"""The id of the turn being answered in this context (None outside a turn)."""


class Metrics:
    """Counters and histograms of one server: turns, per-node latency, model calls, errors, queue wait."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.turns = Counter("chat_rec_turns", "Turns answered, by kind (start, send, feedback, seen) and stage.",
                             ["kind", "stage"], registry=r)
        self.turn_seconds = Histogram("chat_rec_turn_seconds", "Server time of a whole turn, by kind.", ["kind"],
                                      buckets=LATENCY_BUCKETS, registry=r)
        self.node_seconds = Histogram("chat_rec_node_seconds", "Time spent in each conversation-graph node.",
                                      ["node"], buckets=LATENCY_BUCKETS, registry=r)
        self.queue_wait = Histogram("chat_rec_queue_wait_seconds", "Time a request waited in the page's queue.",
                                    buckets=LATENCY_BUCKETS, registry=r)
        self.model_calls = Counter("chat_rec_model_calls", "Language-model calls, by outcome.", ["outcome"],
                                   registry=r)
        self.model_seconds = Histogram("chat_rec_model_call_seconds", "Wall time of one language-model call.",
                                       buckets=LATENCY_BUCKETS, registry=r)
        self.model_tokens = Counter(
            "chat_rec_model_tokens", "Tokens in and out of the model (the backend's count; otherwise estimated "
            "from word pieces, see docs/ui.md).", ["direction"], registry=r)
        self.errors = Counter("chat_rec_errors", "Requests answered with an error, by kind (user: a sentence for "
                              "the user; internal: a crash, logged).", ["kind"], registry=r)
        self.sign_ins = Counter("chat_rec_sign_ins", "Sign-in attempts by outcome (ok, created, wrong, locked).",
                                ["outcome"], registry=r)
        self.refused = Counter("chat_rec_access_refused", "Requests refused because the profile was not the "
                               "caller's or nobody was signed in.", registry=r)
        self.up = Gauge("chat_rec_start_time_seconds", "Unix time the server started.", registry=r)
        self.up.set_to_current_time()

    def observe_turn(self, kind: str, stage: str, seconds: float, trace: Mapping[str, Any] | None) -> None:
        """Count one answered turn and its per-node times (``trace["ms"]``, as the graph records them)."""
        self.turns.labels(kind, stage).inc()
        self.turn_seconds.labels(kind).observe(seconds)
        for node, ms in ((trace or {}).get("ms") or {}).items():
            if isinstance(ms, int | float):
                self.node_seconds.labels(node).observe(ms / 1000)
        if stage == "error":
            self.errors.labels("user").inc()

    def observe_model_call(self, seconds: float, ok: bool, tokens_in: int | None, tokens_out: int | None) -> None:
        self.model_calls.labels("ok" if ok else "failed").inc()
        self.model_seconds.observe(seconds)
        if tokens_in:
            self.model_tokens.labels("in").inc(tokens_in)
        if tokens_out:
            self.model_tokens.labels("out").inc(tokens_out)

    def exposition(self) -> bytes:
        """The Prometheus text format of every metric."""
        return generate_latest(self.registry)


_METRICS: Metrics | None = None
_METRICS_GUARD = threading.Lock()


def metrics() -> Metrics:
    """The process's Metrics, made on first use."""
    global _METRICS
    with _METRICS_GUARD:
        if _METRICS is None:
            _METRICS = Metrics()
        return _METRICS


_PIECES = re.compile(r"\w+|[^\w\s]")


def estimate_tokens(text: str) -> int:
    """Word pieces (words and punctuation marks): a stand-in for a backend that reports no usage."""
    return len(_PIECES.findall(text))


def record_model_call(started: float, ok: bool, message: Any = None, prompt: str = "") -> None:
    """Count one model call that began at ``started`` (perf_counter); usage from the reply when given."""
    usage = getattr(message, "usage_metadata", None) or {}
    text = str(getattr(message, "content", "") or "")
    tokens_in = usage.get("input_tokens") or (estimate_tokens(prompt) if prompt else None)
    tokens_out = usage.get("output_tokens") or (estimate_tokens(text) if text else None)
    metrics().observe_model_call(time.perf_counter() - started, ok, tokens_in, tokens_out)


def new_turn_id() -> str:
    return uuid.uuid4().hex[:12]


@contextlib.contextmanager
def turn_scope(turn_id: str | None = None) -> Iterator[str]:
    """Mark log records made inside as belonging to one turn; yields its id.

    Only around code that runs in one thread without yielding (not around a generator's yields).
    """
    turn_id = turn_id or new_turn_id()
    token = TURN_ID.set(turn_id)
    try:
        yield turn_id
    finally:
        TURN_ID.reset(token)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, turn id, and any ``extra`` fields."""

    _STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname, "logger": record.name, "message": record.getMessage(),
        }
        turn_id = getattr(record, "turn_id", None) or TURN_ID.get()
        if turn_id:
            out["turn_id"] = turn_id
        for key, value in record.__dict__.items():
            if key not in self._STANDARD and key not in out and not key.startswith("_"):
                out[key] = value
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str, ensure_ascii=False)


def configure_json_logs(log_dir: Path, level: int = logging.INFO, max_bytes: int = 10 * 2**20,
                        backups: int = 5) -> Path:
    """Send chat_rec (and ui) records at ``level`` and up to ``log_dir/chat-rec.jsonl``, rotated; its path.

    Idempotent: a second call for the same file adds no second handler.
    """
    log_dir.mkdir(parents=True, exist_ok=True)
    path = (log_dir / LOG_FILE).resolve()
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and Path(handler.baseFilename) == path:
            return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=max_bytes, backupCount=backups,
                                                   encoding="utf-8")
    handler.setFormatter(JsonFormatter())
    handler.setLevel(level)
    handler.addFilter(_OwnOrWarning())
    if root.level > level:  # other handlers keep showing what they showed before
        for other in root.handlers:
            if other.level == logging.NOTSET:
                other.setLevel(root.level)
        root.setLevel(level)
    root.addHandler(handler)
    return path


class _OwnOrWarning(logging.Filter):
    """chat-rec's own records at any level; other libraries' from WARNING up (no per-request chatter)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.name.split(".")[0] in ("chat_rec", "ui") or record.levelno >= logging.WARNING
