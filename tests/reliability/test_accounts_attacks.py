"""Other people's profiles stay closed: ≥ 100 cross-user attempts through gradio_client and raw HTTP
against a page served with accounts, plus the report's handling of crashed sections and pacing."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from chat_rec.limits import RateLimitError, TurnRateLimiter
from chat_rec.reliability.accounts import run_accounts
from chat_rec.reliability.load import pace_s
from chat_rec.reliability.report import MIN_ACCOUNT_ATTEMPTS, failed_goals


@pytest.fixture(scope="module")
def served_with_accounts(attack_service: Any) -> Iterator[str]:
    from ui.app import launch

    demo = launch(attack_service, host="127.0.0.1", port=None, prevent_thread_lock=True, quiet=True, accounts=True)
    try:
        yield demo.local_url.rstrip("/")
    finally:
        demo.close()


@pytest.mark.e2e
def test_no_cross_user_attempt_succeeds(served_with_accounts: str, attack_service: Any) -> None:
    figures = run_accounts(served_with_accounts, attack_service.deps.settings.home)
    assert figures["attempts"] >= MIN_ACCOUNT_ATTEMPTS, figures
    assert figures["succeeded"] == 0, figures["problems"]
    assert figures["victim_profiles_changed"] == 0, figures["problems"]
    assert figures["refusals_without_sentence"] == 0, figures["problems"]
    assert figures["gradio_client_attempts"] > 0 and figures["by_channel"]["http_not_signed_in"] > 0
    assert figures["sign_ins_locked"] > 0, "repeated wrong passwords were never rate-limited"
    assert not failed_goals({"accounts": figures})


def test_a_crashed_section_or_too_few_attempts_fail_the_report() -> None:
    assert failed_goals({"fuzz": {"check_failed": "RuntimeError: boom"}}) == ["fuzz.check_failed"]
    assert failed_goals({"accounts": {"attempts": 10, "succeeded": 0}}) == ["accounts.attempts"]
    assert failed_goals({"load": {"errors": 0}, "accounts": {"attempts": 150, "succeeded": 0}}) == []


def test_a_paced_session_never_meets_the_rate_limit() -> None:
    now = [0.0]
    limiter = TurnRateLimiter(30, clock=lambda: now[0])
    for _ in range(200):  # ~7 minutes of turns at the load generator's pace
        limiter.check("load-0")
        now[0] += pace_s(30)
    unpaced = TurnRateLimiter(30, clock=lambda: now[0])
    with pytest.raises(RateLimitError):
        for _ in range(31):
            unpaced.check("load-1")
