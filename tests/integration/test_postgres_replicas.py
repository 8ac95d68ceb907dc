"""Two ChatService instances on one PostgreSQL database behave like two replicas of one deployment."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from chat_rec.llm.scripted import ScriptedChatModel


@pytest.fixture(scope="module")
def replicas(make_service, postgres_server):
    """Replica A, and B: a second service with its own repository, checkpointer and locks (as after a restart)."""
    url = postgres_server.create_database("replicas")
    a = make_service(ScriptedChatModel(default=""), name="replica-a", database_url=url, rate_limit_per_minute=0)
    return a, a.restarted()


def test_a_users_concurrent_turns_on_two_replicas_are_serialized(replicas) -> None:
    a, b = replicas
    assert type(a.checkpointer).__name__ == type(b.checkpointer).__name__ == "PostgresSaver"
    assert not (a.deps.settings.home / "checkpoints.sqlite").exists()
    user = "dana"
    a.send_sync(user, "I loved Toy Story")
    errors: list[str] = []

    def turn(service, text_: str) -> None:
        result = service.send_sync(user, text_)
        if result.stage == "error":
            errors.append(result.reply)

    for round_ in range(4):
        threads = [threading.Thread(target=turn, args=(svc, f"something like Heat, round {round_} via {name}"))
                   for svc, name in ((a, "a"), (b, "b"))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
    assert errors == []
    uid = a.deps.repo.find_user(user).id
    turns = a.deps.repo.history(uid, limit=100)
    assert len(turns) == 9 == a.deps.repo.load(uid).turn_count
    for before, after in zip(turns, turns[1:], strict=False):  # each turn starts from its predecessor's profile
        assert after.vector_before is not None and (after.vector_before == before.vector_after).all()
    # Both replicas read the same conversation state from the Postgres checkpointer.
    assert a.last_items(user) == b.last_items(user)
    assert [i.item_id for i in a.last_items(user)] == turns[-1].shown_item_ids


def test_the_rate_limit_is_shared_by_the_replicas(replicas) -> None:
    a, b = replicas
    limited = (a.restarted(), b.restarted())
    for svc in limited:
        svc.limiter.per_minute = 3
    stages = [limited[n % 2].send_sync("eli", f"a comedy please ({n})").stage for n in range(4)]
    assert stages[:3] != ["error"] * 3 and "error" not in stages[:3]
    assert stages[3] == "error"
    refused = limited[1].send_sync("eli", "one more")
    assert "too fast" in refused.reply
    with a.deps.repo.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM rate_events")).scalar() == 3


def test_a_reset_on_one_replica_is_seen_by_the_other(replicas) -> None:
    a, b = replicas
    a.send_sync("finn", "I loved Alien")
    assert b.profile("finn").turns == 1
    b.reset("finn")
    assert a.profile("finn").turns == 0
    assert a.last_items("finn") == ()
