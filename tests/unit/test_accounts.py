"""Passwords, sign-in, failed-sign-in limits and the serving guard, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from chat_rec.accounts import (
    LEGACY,
    WRONG,
    AccountStore,
    SignInError,
    SignInLimiter,
    SignInLockedError,
    hash_password,
    verify_password,
)
from chat_rec.errors import ConfigError, InvalidInputError
from chat_rec.profile.repository import ProfileRepository


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def repo(tmp_path: Path) -> ProfileRepository:
    return ProfileRepository.open(f"sqlite:///{tmp_path / 'p.sqlite'}")


def test_hashes_are_salted_bcrypt_and_verify_only_the_password() -> None:
    one, two = hash_password("correct horse", 4), hash_password("correct horse", 4)
    assert one != two and one.startswith("$2b$04$") and "correct" not in one
    assert verify_password("correct horse", one) and verify_password("correct horse", two)
    for wrong in ("correct hors", "Correct horse", "", None, "x" * 100):
        assert not verify_password(wrong, one)
    assert not verify_password("correct horse", "not-a-hash")


@pytest.mark.parametrize("bad", ["short", "é" * 40, 12345678])
def test_weak_or_overlong_passwords_are_refused_with_a_sentence(bad: object) -> None:
    with pytest.raises(InvalidInputError, match=r"password of at (least 8 characters|most 72 bytes)"):
        hash_password(bad, 4)  # type: ignore[arg-type]


def test_sign_up_then_sign_in_by_any_spelling_of_the_name(repo: ProfileRepository) -> None:
    store = AccountStore(repo, rounds=4)
    first = store.sign_in("Ana", "ana's password")
    assert first.created and first.user.name == "Ana"
    again = store.sign_in("  ANA ", "ana's password")
    assert not again.created and again.user.id == first.user.id
    with pytest.raises(SignInError, match=WRONG):
        store.sign_in("ana", "someone's guess")
    assert store.names() == ["Ana"]


def test_closed_sign_up_and_legacy_profiles_need_the_machine_owner(repo: ProfileRepository) -> None:
    repo.get_or_create_user("old-timer")  # made before accounts existed: no password
    store = AccountStore(repo, rounds=4, open_signup=False)
    with pytest.raises(SignInError, match=WRONG):
        store.sign_in("newcomer", "a fine password")
    with pytest.raises(SignInError) as legacy:
        AccountStore(repo, rounds=4).sign_in("old-timer", "a fine password")
    assert str(legacy.value) == LEGACY.format(name="old-timer")
    store.set_password("old-timer", "given by the owner")
    assert store.sign_in("old-timer", "given by the owner").user.name == "old-timer"
    assert store.remove_password("old-timer") and not store.has_password("old-timer")


def test_failed_sign_ins_lock_the_name_and_the_address_then_expire() -> None:
    clock = Clock()
    limiter = SignInLimiter(failures=3, window_s=60, clock=clock)
    for _ in range(3):
        limiter.check(("name", "ana"), ("address", "10.0.0.1"))
        limiter.failed(("name", "ana"), ("address", "10.0.0.1"))
    with pytest.raises(SignInLockedError, match=r"Too many failed sign-ins; please wait 60 seconds"):
        limiter.check(("name", "bob"), ("address", "10.0.0.1"))  # the same address, another name
    with pytest.raises(SignInLockedError):
        limiter.check(("name", "ana"), ("address", "10.0.0.2"))  # the same name, another address
    limiter.check(("name", "bob"), ("address", "10.0.0.2"))
    clock.now += 61
    limiter.check(("name", "ana"), ("address", "10.0.0.1"))
    assert len(limiter) == 0


def test_a_locked_name_refuses_even_the_right_password(repo: ProfileRepository) -> None:
    store = AccountStore(repo, rounds=4, limiter=SignInLimiter(failures=2, window_s=60))
    store.sign_in("carol", "carol's password")
    for _ in range(2):
        with pytest.raises(SignInError):
            store.sign_in("carol", "guess", address="10.0.0.9")
    with pytest.raises(SignInLockedError):
        store.sign_in("carol", "carol's password", address="10.0.0.8")


def test_reset_keeps_the_password_and_export_leaves_the_hash_out(repo: ProfileRepository) -> None:
    from chat_rec.profile.export import export_user

    store = AccountStore(repo, rounds=4)
    user = store.sign_in("dora", "dora's password").user
    repo.reset(user.id)
    assert store.sign_in("dora", "dora's password").user.id == user.id
    data = export_user(repo, user.id)
    assert data["user"]["has_password"] is True and "$2b$" not in str(data)


@pytest.mark.parametrize(("host", "accounts", "share", "refused"), [
    ("127.0.0.1", False, False, False), ("localhost", False, False, False), ("::1", False, False, False),
    ("0.0.0.0", False, False, True), ("192.168.1.5", False, False, True), ("127.0.0.1", False, True, True),
    ("0.0.0.0", True, False, False),
])
def test_serving_beyond_this_machine_needs_accounts(host: str, accounts: bool, share: bool, refused: bool) -> None:
    from ui.access import check_exposure

    if refused:
        with pytest.raises(ConfigError, match="without sign-in.*--accounts"):
            check_exposure(host, accounts, share)
    else:
        check_exposure(host, accounts, share)


def test_cli_serve_refuses_a_public_address_before_loading_anything(capsys: pytest.CaptureFixture[str]) -> None:
    from chat_rec.cli import main

    assert main(["serve", "--host", "0.0.0.0", "--llm", "none"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: Refusing to serve on 0.0.0.0") and err.endswith("serve on 127.0.0.1.")


def test_cli_account_passwd_then_sign_in(chat_rec_home: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import io

    from chat_rec.cli import main
    from chat_rec.config import get_settings

    monkeypatch.setenv("CHAT_REC_PASSWORD_ROUNDS", "4")
    monkeypatch.setattr("sys.stdin", io.StringIO("owner's secret\n"))
    assert main(["account", "passwd", "erin", "--password-stdin"]) == 0
    assert main(["account", "list"]) == 0
    assert capsys.readouterr().out.split() == ["password", "of", "erin", "set", "erin"]
    store = AccountStore(ProfileRepository.open(get_settings().db_url), rounds=4)
    assert store.sign_in("erin", "owner's secret").user.name == "erin"
