"""Two `chat-rec serve` replicas on one PostgreSQL and one Chroma server, one of them SIGKILLed mid-turn."""

from __future__ import annotations

from pathlib import Path


def test_two_replicas_lose_nothing_and_never_interleave_a_users_turns(postgres_server, tmp_path: Path) -> None:
    from chat_rec.reliability.replicas import run_replicas

    # postgres_server only proves the binaries are here (or fails under CI); run_replicas starts its own.
    figures = run_replicas(tmp_path, sessions=3, seconds=20.0, items=200, restart=False)
    assert figures["problems"] == []
    assert figures["turns_acknowledged"] >= 6 and figures["concurrent_pairs"] >= 1
    assert figures["killed_mid_turn"] and figures["continued_on_other_replica"]
    for key in ("errors", "acknowledged_turns_lost", "interleaved_writes", "half_applied_users",
                "checkpoint_mismatches", "kill_continuation_failures"):
        assert figures[key] == 0, (key, figures)
