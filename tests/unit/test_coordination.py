"""What replicas share through PostgreSQL: turn locks and the rate limit (and the URL they connect with)."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from chat_rec.errors import InvalidInputError
from chat_rec.limits import RateLimitError
from chat_rec.profile.coordination import DatabaseRateLimiter, TurnLocks, UserBusyError, rate_limiter
from chat_rec.profile.repository import ProfileRepository, database_url


def test_a_bare_postgresql_url_uses_psycopg_and_a_bad_url_is_a_sentence() -> None:
    assert database_url("postgresql://u:p@db:5432/chat").drivername == "postgresql+psycopg"
    assert database_url("postgresql+psycopg://u@db/chat").drivername == "postgresql+psycopg"
    assert database_url("sqlite:///x.sqlite").drivername == "sqlite"
    with pytest.raises(InvalidInputError, match="CHAT_REC_DATABASE_URL"):
        database_url("not a url")


@pytest.fixture
def pg_repo(postgres_url: str):
    repo = ProfileRepository.open(postgres_url)
    yield repo
    repo.close()


def test_the_database_rate_limit_slides_over_a_minute(pg_repo: ProfileRepository) -> None:
    now = [datetime(2026, 1, 1, tzinfo=UTC)]
    user = pg_repo.get_or_create_user("ana").id
    other = pg_repo.get_or_create_user("ben").id
    limiter = DatabaseRateLimiter(pg_repo, 3, clock=lambda: now[0])
    twin = DatabaseRateLimiter(pg_repo, 3, clock=lambda: now[0])  # another replica
    limiter.check(user)
    twin.check(user)
    now[0] += timedelta(seconds=20)
    limiter.check(user)
    with pytest.raises(RateLimitError, match="wait 40 seconds"):
        twin.check(user)
    limiter.check(other)  # one user's limit never touches another's
    now[0] += timedelta(seconds=41)  # the first two turns left the window
    twin.check(user)
    limiter.check(user)
    with pytest.raises(RateLimitError):
        limiter.check(user)
    with pg_repo.engine.connect() as conn:  # events that left the window were deleted
        counts = dict(conn.execute(text("SELECT user_id, count(*) FROM rate_events GROUP BY user_id")).all())
    assert counts == {user: 3, other: 1}


def test_rate_limits_are_in_memory_on_sqlite_and_in_the_database_on_postgresql(pg_repo, chat_rec_home) -> None:
    from chat_rec.config import get_settings
    from chat_rec.limits import TurnRateLimiter

    settings = get_settings()
    assert isinstance(rate_limiter(settings, pg_repo), DatabaseRateLimiter)
    sqlite = ProfileRepository.open(settings.db_url)
    assert isinstance(rate_limiter(settings, sqlite), TurnRateLimiter)
    sqlite.close()


def test_a_users_turn_lock_is_held_across_replicas_and_released(pg_repo: ProfileRepository) -> None:
    one, two = TurnLocks(pg_repo), TurnLocks(pg_repo, timeout_s=0.3)
    inside, release = threading.Event(), threading.Event()

    def hold() -> None:
        with one.hold(7):
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=hold)
    worker.start()
    assert inside.wait(10)
    with pytest.raises(UserBusyError, match="still being answered"):
        with two.hold(7):
            pass
    with two.hold(8):  # another user is not blocked
        pass
    release.set()
    worker.join(10)
    with two.hold(7):  # released by the first replica
        pass
