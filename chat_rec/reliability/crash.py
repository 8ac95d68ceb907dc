"""Crash safety: SIGKILL a real server mid-turn, restart it, and check that nothing was lost or half-written.

Invariants checked after every kill, on the files the dead process left behind:
- ``PRAGMA integrity_check`` is ``ok`` on the profile database and the LangGraph checkpoints;
- every turn a client saw acknowledged is in ``turns`` (sends by their unique text, likes by count);
- for every user, ``profiles.turn_count`` equals the number of turn rows (turn + profile update are
  one transaction) and the profile vector equals the ``vector_after`` of the user's latest turn;
- an acknowledged recommendation has its reply recorded.
"""

from __future__ import annotations

import random
import sqlite3
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chat_rec.reliability.server import ApiClient, ApiError, ServerGone, ServerProcess

SCRIPT = (
    "I loved Toy Story and Heat",
    "something funnier please",
    "not horror",
    "more like Heat",
    "anything from the 90s",
    "I didn't like the first one",
    "show me something new",
)


@dataclass
class Ack:
    """A turn the client saw acknowledged (the endpoint returned a result)."""

    user: str
    kind: str
    text: str
    stage: str


@dataclass
class ClientLog:
    acked: list[Ack] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    server_seconds: list[float | None] = field(default_factory=list)
    """Per acknowledged call, the server's own time for the turn (``server_ms``), when reported."""
    api_errors: list[str] = field(default_factory=list)
    gone: int = 0


def client_loop(url: str, user: str, stop: threading.Event, log: ClientLog, rng: random.Random,
                deadline: float | None = None, min_interval_s: float = 0.0) -> None:
    """Chat as ``user`` until ``stop`` is set or the deadline passes: messages, sometimes a like.

    ``min_interval_s`` paces the turns (a turn starts at least that long after the previous one
    started), so a client can stay under the server's per-user rate limit.
    """
    client = ApiClient(url)
    items: list[int] = []
    try:
        try:
            client.sign_in(user)
            client.call("start", user)
        except ApiError as exc:
            log.api_errors.append(str(exc))
            return
        n = 0
        next_turn = time.perf_counter()
        while not stop.is_set() and (deadline is None or time.perf_counter() < deadline):
            pause = next_turn - time.perf_counter()
            if pause > 0 and stop.wait(pause):
                break
            if deadline is not None and time.perf_counter() >= deadline:
                break
            started = time.perf_counter()
            next_turn = started + min_interval_s
            try:
                if items and rng.random() < 0.25:
                    item = rng.choice(items)
                    result = client.call("feedback", user, item, rng.random() < 0.6)
                    kind, text = "feedback", f"[feedback:{item}]"
                else:
                    text = f"{SCRIPT[n % len(SCRIPT)]} (ref {uuid.uuid4().hex[:6]})"
                    n += 1
                    result = client.call("send", user, text)
                    kind = "send"
            except ApiError as exc:
                log.api_errors.append(str(exc))
                continue
            log.latencies.append(time.perf_counter() - started)
            server_ms = result.get("server_ms")
            log.server_seconds.append(server_ms / 1000 if isinstance(server_ms, int | float) else None)
            log.acked.append(Ack(user, kind, text, str(result.get("stage", ""))))
            items = [int(i["item_id"]) for i in result.get("items") or []] or items
    except ServerGone:
        log.gone += 1
    finally:
        client.close()


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of one SQLite file ("ok" when sound, "missing" when absent)."""
    if not path.exists():
        return "missing"
    conn = sqlite3.connect(str(path))
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def check_database(home: Path, acked: list[Ack]) -> dict[str, Any]:
    """Check the invariants above on the files under ``home``; counts of each kind of violation."""
    db, checkpoints = home / "chat_rec.sqlite", home / "checkpoints.sqlite"
    out: dict[str, Any] = {"integrity": integrity(db), "checkpoints_integrity": integrity(checkpoints),
                           "lost": 0, "half_applied": 0, "reply_missing": 0, "problems": []}
    conn = sqlite3.connect(str(db))
    try:
        users = {key: uid for uid, key in conn.execute("SELECT id, name_key FROM users")}
        for ack in acked:
            uid = users.get(ack.user.casefold())
            if ack.kind == "send":
                row = conn.execute("SELECT stage, reply_text FROM turns WHERE user_id=? AND user_text=?",
                                   (uid, ack.text)).fetchone()
                if row is None:
                    out["lost"] += 1
                    out["problems"].append(f"acknowledged turn lost: {ack.user}: {ack.text!r}")
                elif row[0] == "recommend" and not row[1]:
                    out["reply_missing"] += 1
                    out["problems"].append(f"acknowledged recommendation without its reply: {ack.text!r}")
        for ack_user in {a.user for a in acked if a.kind == "feedback"}:
            uid = users.get(ack_user.casefold())
            wanted = sum(1 for a in acked if a.user == ack_user and a.kind == "feedback")
            stored = conn.execute("SELECT count(*) FROM turns WHERE user_id=? AND user_text LIKE '[feedback:%'",
                                  (uid,)).fetchone()[0]
            if stored < wanted:
                out["lost"] += wanted - stored
                out["problems"].append(f"{ack_user}: {wanted} likes acknowledged, {stored} stored")
        for uid in users.values():
            count = conn.execute("SELECT count(*) FROM turns WHERE user_id=?", (uid,)).fetchone()[0]
            profile = conn.execute("SELECT turn_count, vector FROM profiles WHERE user_id=?", (uid,)).fetchone()
            last = conn.execute("SELECT vector_after FROM turns WHERE user_id=? ORDER BY id DESC LIMIT 1",
                                (uid,)).fetchone()
            turn_count, vector = profile if profile else (0, None)
            if count != (turn_count or 0) or (last[0] if last else None) != vector:
                out["half_applied"] += 1
                out["problems"].append(f"user {uid}: {count} turn rows, profile says {turn_count}; "
                                       f"vector matches last turn: {(last[0] if last else None) == vector}")
    finally:
        conn.close()
    return out


def run_crash(workdir: Path, index_dir: Path | None, kills: int = 3, clients: int = 4, seed: int = 0,
              max_kill_delay_s: float = 4.0, server: ServerProcess | None = None) -> dict[str, Any]:
    """Start, drive, SIGKILL, check, restart ``kills`` times; then check a turn works after the last restart.

    ``server`` may be one already running (its home is then the one checked).
    """
    rng = random.Random(seed)
    server = server or ServerProcess(Path(workdir) / "crash-home", index_dir)
    home = server.home
    users = [f"crash-c{n}" for n in range(clients)]
    acked: list[Ack] = []
    survived, lost, half, reply_missing, gone, start_s = 0, 0, 0, 0, 0, []
    problems: list[str] = []
    api_errors: list[str] = []
    try:
        for _ in range(kills):
            if server.proc is None or server.proc.poll() is not None:
                start_s.append(server.start())
            stop = threading.Event()
            logs = [ClientLog() for _ in users]
            threads = [
                threading.Thread(target=client_loop, daemon=True,
                                 args=(server.url, u, stop, log, random.Random(rng.random())))
                for u, log in zip(users, logs, strict=True)
            ]
            for t in threads:
                t.start()
            _wait_for_turns(logs, 1, 120.0)  # let the clients get going before the axe falls
            time.sleep(rng.uniform(0.05, max_kill_delay_s))
            server.kill()
            stop.set()
            for t in threads:
                t.join(timeout=60)
            for log in logs:
                acked += log.acked
                gone += log.gone
                api_errors += log.api_errors
            check = check_database(home, acked)
            ok = check["integrity"] == "ok" and check["checkpoints_integrity"] == "ok"
            survived += ok and not (check["lost"] or check["half_applied"] or check["reply_missing"])
            lost, half, reply_missing = check["lost"], check["half_applied"], check["reply_missing"]
            if not ok:
                problems.append(f"integrity: {check['integrity']} / {check['checkpoints_integrity']}")
            problems += check["problems"]
        start_s.append(server.start())
        after_restart_ok = _one_turn_each(server.url, users)
    finally:
        server.stop()
    return {
        "kills": kills, "clients": clients, "kills_survived": survived, "acknowledged_turns": len(acked),
        "acknowledged_turns_lost": lost, "half_applied_users": half, "replies_missing": reply_missing,
        "turns_after_last_restart_ok": after_restart_ok, "api_errors": len(api_errors),
        "api_error_examples": sorted(set(api_errors))[:3], "server_start_s_median": _median(start_s),
        "problems": problems[:10],
    }


def _wait_for_turns(logs: list[ClientLog], n: int, timeout_s: float) -> None:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline and sum(len(log.acked) for log in logs) < n:
        time.sleep(0.05)


def _one_turn_each(url: str, users: list[str]) -> int:
    """How many users get a normal answer after the final restart (their threads resume)."""
    ok = 0
    for user in users:
        client = ApiClient(url)
        try:
            try:
                client.sign_in(user)
                result = client.call("send", user, "something new please")
                ok += bool(result.get("reply"))
            except (ApiError, ServerGone):
                pass
        finally:
            client.close()
    return ok


def _median(values: list[float]) -> float:
    return round(sorted(values)[len(values) // 2], 1) if values else 0.0
