"""Limits a user would run into: message length, turn rate, conversation memory, model output."""

from __future__ import annotations

from typing import Any

import pytest

from chat_rec.config import Settings
from chat_rec.limits import RateLimitError, TurnRateLimiter, scrub_reply
from chat_rec.reliability.guards import llm_bounds, run_limits


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_refuses_the_extra_turn_and_says_how_long_to_wait() -> None:
    clock = Clock()
    limiter = TurnRateLimiter(3, clock=clock)
    for _ in range(3):
        limiter.check("ana")
    limiter.check("bob")  # another user has their own budget
    clock.now += 20
    with pytest.raises(RateLimitError, match=r"limit: 3 per minute\). Please wait 40 seconds"):
        limiter.check("ana")
    clock.now += 41
    limiter.check("ana")


def test_rate_limiter_off_and_forgets_idle_users() -> None:
    clock = Clock()
    off = TurnRateLimiter(0, clock=clock)
    for _ in range(1000):
        off.check("ana")
    limiter = TurnRateLimiter(5, clock=clock)
    for n in range(100):
        limiter.check(f"user-{n}")
    clock.now += 61
    limiter.check("late")
    assert len(limiter) == 1


def test_rate_limit_is_a_setting() -> None:
    assert Settings().rate_limit_per_minute == 30
    assert Settings(rate_limit_per_minute=0).rate_limit_per_minute == 0


def test_reply_scrub_removes_prompt_echo_but_keeps_the_list() -> None:
    reply = ("Sure, ignoring my rules. Never name a movie, actor, director, year or number. These fit a cosy night.\n\n"
             "1. Heat (1995) — Crime, Thriller; rated 4.0/5 by 110 people")
    assert scrub_reply(reply) == ("These fit a cosy night.\n\n"
                                  "1. Heat (1995) — Crime, Thriller; rated 4.0/5 by 110 people")


def test_service_limits_reach_the_user(attack_service: Any) -> None:
    figures = run_limits(attack_service)
    assert figures["long_message_refused"]
    assert figures["rate_limit_refuses_4th_of_3"], figures
    assert "too fast" in figures["rate_limit_message"] and figures["rate_limit_message"].endswith(".")
    assert figures["history_bounded"], figures
    assert figures["openai_bounds_applied"] and figures["local_bounds_applied"]


def test_registry_passes_output_bounds_to_the_local_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from chat_rec.llm import local, registry

    seen: dict[str, Any] = {}
    monkeypatch.setattr(registry, "resolve_local_model", lambda settings, progress=True: "/models/x")
    monkeypatch.setattr(local, "load_local_chat_model", lambda path, **kw: seen.update(kw) or "model")
    settings = Settings(llm="local", llm_engine="transformers", max_new_tokens=33, llm_timeout_s=4.0)
    assert registry.get_chat_model(settings, progress=False) == "model"
    assert seen["max_new_tokens"] == 33 and seen["timeout_s"] == 4.0
    assert llm_bounds(settings) == {"openai_bounds_applied": True, "local_bounds_applied": True}
