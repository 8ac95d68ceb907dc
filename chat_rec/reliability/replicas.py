"""Replicas: two `chat-rec serve` processes on one PostgreSQL and one Chroma server.

Every session sends its turns alternately to both replicas (as a round-robin load balancer
would), and every fourth time two turns at once, one to each, so the per-user advisory lock is what
keeps them apart. Midway, one replica is SIGKILLed while a turn is in flight on it; the person
whose turn it was continues on the other replica, and the killed one is restarted and rejoins.
Checked afterwards, on the database itself:

- lost: every acknowledged turn is stored (sends by their unique text, likes by count);
- interleaved: each turn starts from the profile its predecessor left (``vector_before`` equals
  the previous turn's ``vector_after``); two turns of one user run at once would break the chain;
- half-applied: ``turn_count`` equals the user's turn rows and the profile vector is the last turn's;
- checkpoints: the LangGraph checkpoint of each user holds the last message and the last list shown.
"""

from __future__ import annotations

import random
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import create_engine, text

from chat_rec.reliability.backends import ChromaServer, PostgresServer, catalog_slice
from chat_rec.reliability.crash import SCRIPT, Ack
from chat_rec.reliability.server import ApiClient, ApiError, ServerGone, ServerProcess

RATE_LIMIT = 600
"""Per-user turns per minute on the replicas: counted in the database, never reached by this load."""


@dataclass
class _Replicas:
    servers: list[ServerProcess]
    alive: list[bool]
    guard: threading.Lock = field(default_factory=threading.Lock)

    def pick(self, n: int) -> int:
        """The replica for a session's n-th call: alternate, skipping a dead one (the balancer's health check)."""
        with self.guard:
            first = n % 2
            return first if self.alive[first] else 1 - first


@dataclass
class _Session:
    user: str
    acked: list[Ack] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failovers: int = 0
    pairs: int = 0
    in_flight: int | None = None
    """The replica this session is waiting on right now."""


def _call(replicas: _Replicas, session: _Session, index: int, name: str, *args: Any) -> dict[str, Any] | None:
    """One call; on a dead replica, retry once on the other (what a load balancer does); None if lost."""
    for attempt in (index, 1 - index):
        client = ApiClient(replicas.servers[attempt].url)
        started = time.perf_counter()
        session.in_flight = attempt
        try:
            if replicas.servers[attempt].accounts:
                client.sign_in(session.user)  # a fresh client, as a browser after the balancer switched
            result = client.call(name, *args)
        except ServerGone:
            session.failovers += attempt == index
            continue
        except ApiError as exc:
            session.errors.append(str(exc))
            return None
        finally:
            session.in_flight = None
            client.close()
        session.latencies.append(time.perf_counter() - started)
        return dict(result) if isinstance(result, dict) else {}
    session.errors.append(f"{name}: both replicas unreachable")
    return None


def _session_loop(replicas: _Replicas, session: _Session, rng: random.Random, deadline: float) -> None:
    items: list[int] = []
    n = 0
    if _call(replicas, session, replicas.pick(0), "start", session.user) is None:
        return
    while time.perf_counter() < deadline:
        n += 1
        if n % 4 == 2:  # every fourth turn: two turns at once, one on each replica
            texts = [f"{SCRIPT[n % len(SCRIPT)]} (ref {uuid.uuid4().hex[:6]})" for _ in range(2)]
            results: list[dict[str, Any] | None] = [None, None]

            def one(k: int, texts: list[str] = texts, results: list[dict[str, Any] | None] = results) -> None:
                results[k] = _call(replicas, session, replicas.pick(k), "send", session.user, texts[k])

            threads = [threading.Thread(target=one, args=(k,)) for k in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            session.pairs += 1
            for message, result in zip(texts, results, strict=True):
                if result is not None:
                    session.acked.append(Ack(session.user, "send", message, str(result.get("stage", ""))))
                    items = [int(i["item_id"]) for i in result.get("items") or []] or items
            continue
        if items and rng.random() < 0.25:
            item = rng.choice(items)
            result = _call(replicas, session, replicas.pick(n), "feedback", session.user, item, rng.random() < 0.6)
            kind, message = "feedback", f"[feedback:{item}]"
        else:
            message = f"{SCRIPT[n % len(SCRIPT)]} (ref {uuid.uuid4().hex[:6]})"
            result = _call(replicas, session, replicas.pick(n), "send", session.user, message)
            kind = "send"
        if result is not None:
            session.acked.append(Ack(session.user, kind, message, str(result.get("stage", ""))))
            items = [int(i["item_id"]) for i in result.get("items") or []] or items


def _kill_mid_turn(replicas: _Replicas, sessions: list[_Session], rng: random.Random,
                   timeout_s: float = 60.0) -> dict[str, Any]:
    """SIGKILL replica 0 while a session waits on it; then that person's next turn goes to replica 1."""
    time.sleep(rng.uniform(0.0, 0.05))  # a random moment, then the first turn in flight on replica 0
    deadline = time.perf_counter() + timeout_s
    victim: _Session | None = None
    while time.perf_counter() < deadline and victim is None:
        victim = next((s for s in sessions if s.in_flight == 0), None)
        if victim is None:
            time.sleep(0.002)  # killed at once when found: a turn shorter than a pause must not slip by
    with replicas.guard:
        replicas.alive[0] = False
    mid_turn = victim is not None and victim.in_flight == 0
    replicas.servers[0].kill()
    out: dict[str, Any] = {"killed_mid_turn": mid_turn}
    if victim is None:
        return {**out, "continued_on_other_replica": False}
    client = ApiClient(replicas.servers[1].url)
    try:
        message = f"still there? something like Heat (ref {uuid.uuid4().hex[:6]})"
        if replicas.servers[1].accounts:
            client.sign_in(victim.user)
        result = client.call("send", victim.user, message)
        victim.acked.append(Ack(victim.user, "send", message, str(result.get("stage", ""))))
        out["continued_on_other_replica"] = bool(result.get("reply"))
    except (ApiError, ServerGone) as exc:
        victim.errors.append(f"after the kill: {exc}")
        out["continued_on_other_replica"] = False
    finally:
        client.close()
    return out


def check_shared_database(url: str, acked: list[Ack]) -> dict[str, Any]:
    """The invariants of the module docstring, counted on the PostgreSQL database at ``url``."""
    from langgraph.checkpoint.postgres import PostgresSaver

    from chat_rec.profile.coordination import libpq_url
    from chat_rec.profile.repository import database_url

    engine = create_engine(database_url(url))
    out: dict[str, Any] = {"lost": 0, "interleaved": 0, "half_applied": 0, "checkpoint_mismatches": 0,
                           "problems": []}
    try:
        with engine.connect() as conn:
            users = {key: uid for uid, key in conn.execute(text("SELECT id, name_key FROM users"))}
            texts = {(uid, t) for uid, t in conn.execute(text("SELECT user_id, user_text FROM turns"))}
            for ack in acked:
                uid = users.get(ack.user.casefold())
                if ack.kind == "send" and (uid, ack.text) not in texts:
                    out["lost"] += 1
                    out["problems"].append(f"acknowledged turn lost: {ack.user}: {ack.text!r}")
            for user in {a.user for a in acked if a.kind == "feedback"}:
                uid = users.get(user.casefold())
                wanted = sum(1 for a in acked if a.user == user and a.kind == "feedback")
                stored = sum(1 for u, t in texts if u == uid and t.startswith("[feedback:"))
                if stored < wanted:
                    out["lost"] += wanted - stored
                    out["problems"].append(f"{user}: {wanted} likes acknowledged, {stored} stored")
            with PostgresSaver.from_conn_string(libpq_url(engine.url)) as saver:
                for uid in users.values():
                    _check_user(conn, saver, uid, out)
    finally:
        engine.dispose()
    return out


def _check_user(conn: Any, saver: Any, uid: int, out: dict[str, Any]) -> None:
    rows = conn.execute(text("SELECT user_text, vector_before, vector_after, shown_item_ids FROM turns "
                             "WHERE user_id = :u ORDER BY id"), {"u": uid}).all()
    for prev, turn in zip(rows, rows[1:], strict=False):
        if turn.vector_before is not None and bytes(turn.vector_before) != bytes(prev.vector_after or b""):
            out["interleaved"] += 1
            out["problems"].append(f"user {uid}: turn {turn.user_text[:40]!r} did not start from its predecessor")
    count, vector = conn.execute(text("SELECT turn_count, vector FROM profiles WHERE user_id = :u"),
                                 {"u": uid}).one()
    last = bytes(rows[-1].vector_after) if rows and rows[-1].vector_after is not None else None
    if count != len(rows) or (bytes(vector) if vector is not None else None) != last:
        out["half_applied"] += 1
        out["problems"].append(f"user {uid}: {len(rows)} turn rows, profile says {count}")
    state = saver.get_tuple({"configurable": {"thread_id": f"user-{uid}"}})
    values = state.checkpoint.get("channel_values", {}) if state else {}
    said = [m["text"] for m in values.get("history") or [] if m.get("role") == "user"]
    sends = [r.user_text for r in rows if r.user_text and not r.user_text.startswith("[")]
    shown = [r.shown_item_ids for r in rows if r.shown_item_ids]
    if (sends and (not said or said[-1] != sends[-1][:1000])) or \
            (shown and list(values.get("last_items") or []) != list(shown[-1])):
        out["checkpoint_mismatches"] += 1
        out["problems"].append(f"user {uid}: the checkpoint does not hold the last stored turn")


def run_replicas(workdir: Path | None = None, sessions: int = 6, seconds: float = 30.0, kill: bool = True,
                 items: int = 400, seed: int = 0, concurrency: int = 4, restart: bool = True) -> dict[str, Any]:
    """Start PostgreSQL, Chroma and two replicas; drive, kill (and restart), check; the figures."""
    from chat_rec.catalog.index import CatalogIndex
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import Settings
    from chat_rec.embedding import Embedder

    workdir = Path(workdir or tempfile.mkdtemp(prefix="chat-rec-replicas-")).resolve()
    rng = random.Random(seed)
    figures: dict[str, Any] = {"replicas": 2, "sessions": sessions}
    with PostgresServer() as pg, ChromaServer() as chroma:
        url = pg.create_database("chat_rec")
        folder = catalog_slice(workdir / "catalog", items=items)
        env = {"CHAT_REC_DATABASE_URL": url, "CHAT_REC_CHROMA_HOST": "127.0.0.1",
               "CHAT_REC_CHROMA_PORT": str(chroma.port), "CHAT_REC_CATALOG_DIR": str(folder),
               "CHAT_REC_RATE_LIMIT_PER_MINUTE": str(RATE_LIMIT)}
        started = time.perf_counter()  # build the shared index once, before the replicas open it
        settings = Settings(home=workdir / "indexer", catalog_dir=folder, chroma_host="127.0.0.1",
                            chroma_port=chroma.port)
        catalog = load_catalog(folder)
        CatalogIndex.open(settings, catalog, Embedder(settings.embedding_model), progress=False)
        figures["index_build_s"] = round(time.perf_counter() - started, 1)
        servers = [ServerProcess(workdir / f"replica-{k}", None, env=env, concurrency=concurrency) for k in (0, 1)]
        replicas = _Replicas(servers, [True, True])
        try:
            starts: list[float] = [0.0, 0.0]
            threads = [threading.Thread(target=lambda k=k: starts.__setitem__(k, servers[k].start())) for k in (0, 1)]
            for t in threads:  # both at once: their migrations and checkpoint setup race, on purpose
                t.start()
            for t in threads:
                t.join()
            figures["replica_start_s"] = [round(s, 1) for s in starts]
            if not all(s.proc is not None and s.proc.poll() is None for s in servers):
                raise RuntimeError("a replica did not start; see the logs under " + str(workdir))
            runs = [_Session(f"rep-{seed}-{n}") for n in range(sessions)]
            began = time.perf_counter()
            deadline = began + seconds
            workers = [threading.Thread(target=_session_loop, args=(replicas, s, random.Random(rng.random()), deadline),
                                        daemon=True) for s in runs]
            for t in workers:
                t.start()
            if kill:
                time.sleep(seconds / 3)
                figures.update(_kill_mid_turn(replicas, runs, rng))
                if restart:  # the killed replica rejoins; sessions alternate over both again
                    figures["replica_restart_s"] = round(servers[0].start(), 1)
                    with replicas.guard:
                        replicas.alive[0] = True
            for t in workers:
                t.join(timeout=seconds + 300)
            elapsed = time.perf_counter() - began
        finally:
            for server in servers:
                server.stop()
        acked = [a for s in runs for a in s.acked]
        check = check_shared_database(url, acked)
    latencies = np.array([x for s in runs for x in s.latencies]) * 1000
    errors = [e for s in runs for e in s.errors]
    figures.update({
        "seconds": round(elapsed, 1), "turns_acknowledged": len(acked),
        "turns_per_s": round(len(acked) / elapsed, 2) if elapsed else 0.0,
        "concurrent_pairs": sum(s.pairs for s in runs), "failovers": sum(s.failovers for s in runs),
        "errors": len(errors), "error_examples": sorted(set(errors))[:3],
        "p50_ms": round(float(np.percentile(latencies, 50)), 1) if latencies.size else None,
        "p95_ms": round(float(np.percentile(latencies, 95)), 1) if latencies.size else None,
        "acknowledged_turns_lost": check["lost"], "interleaved_writes": check["interleaved"],
        "half_applied_users": check["half_applied"], "checkpoint_mismatches": check["checkpoint_mismatches"],
        "kill_continuation_failures": int(kill and not figures.get("continued_on_other_replica")),
        "problems": check["problems"][:10],
    })
    return figures
