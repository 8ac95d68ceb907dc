"""What replicas share through the database: the LangGraph checkpointer, per-user turn locks, rate limits.

SQLite (the default) is one process's database: conversation checkpoints go to a SQLite file
under home, a user's turns are serialized by an in-process lock and the rate limit is counted in
memory. On PostgreSQL every one of these lives in the database, so any number of ``chat-rec serve``
processes can answer the same people: checkpoints in LangGraph's Postgres tables, a user's turns
serialized by a session-level advisory lock (released by the server when a replica dies), and
turns counted in the ``rate_events`` table.
"""

from __future__ import annotations

import logging
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.engine import URL, Engine

from chat_rec.errors import ChatRecError
from chat_rec.limits import WINDOW_S, RateLimitError, TurnRateLimiter
from chat_rec.profile.models import RateEvent, utcnow

if TYPE_CHECKING:
    from chat_rec.config import Settings
    from chat_rec.profile.repository import ProfileRepository

log = logging.getLogger(__name__)

TURN_LOCK_NS = 0x6372  # "cr"
"""First key of the advisory locks that serialize one user's turns (the second is the user id)."""
RATE_LOCK_NS = 0x6373
"""First key of the advisory transaction locks around one user's rate-limit count."""
SETUP_LOCK_KEY = 0x63725F7365747570
"""Advisory lock held while one replica creates tables (migrations, checkpointer setup)."""
TURN_LOCK_TIMEOUT_S = 180
"""How long a turn waits for the same user's turn running on another replica."""


class UserBusyError(ChatRecError):
    """The user's previous turn is still running (on this or another replica) after the wait."""


def is_postgres(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def libpq_url(url: URL) -> str:
    """The SQLAlchemy URL as a plain ``postgresql://`` connection string for psycopg itself."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


# ---------------------------------------------------------------- checkpointer
def open_checkpointer(settings: Settings) -> Any:
    """LangGraph's Postgres checkpointer on a PostgreSQL database URL, else its SQLite one under home."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.db_url)
    if not is_postgres(url):
        from langgraph.checkpoint.sqlite import SqliteSaver

        saver = SqliteSaver(sqlite3.connect(str(settings.checkpoints_path), check_same_thread=False))
        saver.setup()
        return saver
    try:
        from langgraph.checkpoint.postgres import PostgresSaver
        from psycopg import connect
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool
    except ImportError as exc:  # pragma: no cover - both are dependencies of chat-rec
        raise ChatRecError("PostgreSQL needs psycopg and langgraph-checkpoint-postgres: "
                           "run `pip install 'psycopg[binary]' langgraph-checkpoint-postgres`.") from exc
    conninfo = libpq_url(url)
    kwargs = {"autocommit": True, "prepare_threshold": 0, "row_factory": dict_row}
    pool: ConnectionPool[Any] = ConnectionPool(conninfo, kwargs=kwargs, min_size=1, max_size=16, open=True,
                                               name="chat-rec-checkpoints")
    pg_saver = PostgresSaver(pool)  # type: ignore[arg-type]
    with connect(conninfo, autocommit=True) as conn:  # one replica at a time creates the tables
        # Polled, not waited for inside a statement: setup() runs CREATE INDEX CONCURRENTLY, which
        # waits for every open statement, so a replica blocked in pg_advisory_lock would deadlock it.
        while not (conn.execute("SELECT pg_try_advisory_lock(%s)", (SETUP_LOCK_KEY,)).fetchone() or (False,))[0]:
            time.sleep(0.2)
        try:
            pg_saver.setup()
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (SETUP_LOCK_KEY,))
    return pg_saver


# ---------------------------------------------------------------- turn locks
class TurnLocks:
    """``hold(user_id)``: one turn per user at a time, in this process and (on PostgreSQL) across replicas."""

    def __init__(self, repo: ProfileRepository, timeout_s: float = TURN_LOCK_TIMEOUT_S) -> None:
        self.engine: Engine = repo.engine
        self.shared = is_postgres(repo.url)
        self.timeout_s = timeout_s
        self._local: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()

    def _thread_lock(self, user_id: int) -> threading.Lock:
        with self._guard:
            return self._local.setdefault(user_id, threading.Lock())

    def hold(self, user_id: int) -> AbstractContextManager[None]:
        """A context manager that owns the user's turn lock while it is open."""
        return self._hold(user_id)

    @contextmanager
    def _hold(self, user_id: int) -> Iterator[None]:
        with self._thread_lock(user_id):  # threads of this process queue here, without a connection each
            if not self.shared:
                yield
                return
            with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text(f"SET lock_timeout = {int(self.timeout_s * 1000)}"))
                try:
                    conn.execute(text("SELECT pg_advisory_lock(:ns, :uid)"), {"ns": TURN_LOCK_NS, "uid": user_id})
                except Exception as exc:  # lock_timeout: the other replica's turn did not finish
                    raise UserBusyError("Your previous message is still being answered; "
                                        "please try again in a moment.") from exc
                try:
                    yield
                finally:
                    try:
                        conn.execute(text("SELECT pg_advisory_unlock(:ns, :uid)"),
                                     {"ns": TURN_LOCK_NS, "uid": user_id})
                    except Exception:  # noqa: BLE001 - a broken connection releases the lock itself
                        log.warning("could not release the turn lock of user %s; dropping the connection",
                                    user_id)
                        conn.invalidate()


# ---------------------------------------------------------------- rate limits
class DatabaseRateLimiter:
    """``TurnRateLimiter``'s sliding 60-second window, counted in the ``rate_events`` table.

    Every replica sees the same count; a per-user advisory transaction lock makes
    count-then-insert atomic. Old events are deleted as the user's window slides.
    """

    def __init__(self, repo: ProfileRepository, per_minute: int, clock: Callable[[], Any] = utcnow) -> None:
        self.engine: Engine = repo.engine
        self.per_minute = int(per_minute)
        self._clock = clock
        self._shared = is_postgres(repo.url)

    @property
    def enabled(self) -> bool:
        return self.per_minute > 0

    def check(self, key: int) -> None:
        """Count one turn for user ``key``, or raise RateLimitError saying how long to wait."""
        if not self.enabled:
            return
        now = self._clock()
        window = timedelta(seconds=WINDOW_S)
        with self.engine.begin() as conn:
            if self._shared:
                conn.execute(text("SELECT pg_advisory_xact_lock(:ns, :uid)"), {"ns": RATE_LOCK_NS, "uid": int(key)})
            conn.execute(delete(RateEvent).where(RateEvent.user_id == key, RateEvent.at <= now - window))
            count, oldest = conn.execute(
                select(func.count(), func.min(RateEvent.at)).where(RateEvent.user_id == key)).one()
            if count >= self.per_minute:
                if oldest is not None and oldest.tzinfo is None:
                    oldest = oldest.replace(tzinfo=now.tzinfo)
                wait = max(1, math.ceil(WINDOW_S - (now - oldest).total_seconds())) if oldest else 1
                raise RateLimitError(
                    f"You are sending messages too fast (limit: {self.per_minute} per minute). "
                    f"Please wait {wait} second{'s' if wait != 1 else ''} and try again."
                )
            conn.execute(insert(RateEvent).values(user_id=int(key), at=now))


def rate_limiter(settings: Settings, repo: ProfileRepository) -> TurnRateLimiter | DatabaseRateLimiter:
    """Counted in the database on PostgreSQL (shared by replicas), in memory on SQLite."""
    if is_postgres(repo.url):
        return DatabaseRateLimiter(repo, settings.rate_limit_per_minute)
    return TurnRateLimiter(settings.rate_limit_per_minute)
