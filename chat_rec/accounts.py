"""Accounts: who may open which profile.

A profile reachable from other machines opens only with its owner's password. Passwords are
hashed with bcrypt (a per-hash salt and a tunable cost); failed sign-ins are counted per name
and per client address, and too many lock that key for a while. The web page's session on top
of a successful sign-in is Gradio's (``ui/access.py``); this module never imports gradio.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import bcrypt
from sqlalchemy import select

from chat_rec.errors import ChatRecError, InvalidInputError
from chat_rec.profile.models import Account, User, utcnow
from chat_rec.profile.records import UserInfo, name_key, validate_user_name
from chat_rec.profile.repository import ProfileRepository

PASSWORD_MIN_CHARS = 8
PASSWORD_MAX_BYTES = 72
"""bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut."""


class SignInError(ChatRecError):
    """A sign-in that did not succeed; the message says what to do (never which part was wrong)."""


class SignInLockedError(SignInError):
    """Too many failed sign-ins for one name or one address; the message says how long to wait."""


WRONG = "That name and password do not match. Check both and try again."
LEGACY = ("The profile {name!r} was made before accounts existed. Its owner can give it a password on the "
          "server machine with `chat-rec account passwd {name}`.")


def validate_password(password: object) -> str:
    """The password, or InvalidInputError saying what a password must be."""
    if not isinstance(password, str) or len(password) < PASSWORD_MIN_CHARS:
        raise InvalidInputError(f"Please choose a password of at least {PASSWORD_MIN_CHARS} characters.")
    if len(password.encode("utf-8")) > PASSWORD_MAX_BYTES:
        raise InvalidInputError(f"Please choose a password of at most {PASSWORD_MAX_BYTES} bytes (about "
                                f"{PASSWORD_MAX_BYTES} letters).")
    return password


def hash_password(password: str, rounds: int = 12) -> str:
    """A bcrypt hash (salt and cost inside) of a valid password."""
    validate_password(password)
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=rounds)).decode("ascii")


def verify_password(password: object, hashed: str) -> bool:
    """Whether ``password`` matches ``hashed`` (constant-time inside bcrypt); False for junk input."""
    if not isinstance(password, str) or not password or len(password.encode("utf-8")) > PASSWORD_MAX_BYTES:
        return False
    try:
        return bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii"))
    except ValueError:  # a malformed stored hash never signs anyone in
        return False


class SignInLimiter:
    """At most ``failures`` failed sign-ins per key in ``window_s`` seconds; then the key waits.

    Keys are names (case-folded) and client addresses. A success clears the name's count.
    """

    def __init__(self, failures: int = 5, window_s: float = 300.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.failures = failures
        self.window_s = window_s
        self._clock = clock
        self._seen: dict[Hashable, deque[float]] = {}
        self._guard = threading.Lock()

    def check(self, *keys: Hashable) -> None:
        """Raise SignInLockedError if any key has used up its failures."""
        now = self._clock()
        with self._guard:
            for key in keys:
                times = self._recent(key, now)
                if len(times) >= self.failures:
                    wait = max(1, math.ceil(self.window_s - (now - times[0])))
                    raise SignInLockedError(
                        f"Too many failed sign-ins; please wait {wait} second{'s' if wait != 1 else ''} "
                        "before trying again.")

    def failed(self, *keys: Hashable) -> None:
        now = self._clock()
        with self._guard:
            for key in keys:
                self._seen.setdefault(key, deque()).append(now)
                self._recent(key, now)

    def succeeded(self, key: Hashable) -> None:
        with self._guard:
            self._seen.pop(key, None)

    def _recent(self, key: Hashable, now: float) -> deque[float]:
        times = self._seen.get(key, deque())
        while times and now - times[0] >= self.window_s:
            times.popleft()
        if not times:
            self._seen.pop(key, None)
        return times

    def __len__(self) -> int:
        return len(self._seen)


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: the user, and whether this sign-in created the account."""

    user: UserInfo
    created: bool


class AccountStore:
    """Passwords of the users in one profile database (the same SQLAlchemy URL as the profiles)."""

    def __init__(self, repo: ProfileRepository, rounds: int = 12, open_signup: bool = True,
                 limiter: SignInLimiter | None = None) -> None:
        self.repo = repo
        self.rounds = rounds
        self.open_signup = open_signup
        """Whether signing in with a name nobody has creates that account (and its empty profile)."""
        self.limiter = limiter if limiter is not None else SignInLimiter()
        self._dummy = hash_password("not-a-real-password", rounds)
        self._signup_guard = threading.Lock()

    def has_password(self, name: str) -> bool:
        user = self.repo.find_user(name)
        return user is not None and self._hash(user.id) is not None

    def set_password(self, name: str, password: str) -> UserInfo:
        """Give ``name`` (created when new) this password: the machine owner's command."""
        hashed = hash_password(password, self.rounds)
        user = self.repo.get_or_create_user(name)
        with self.repo._sessions.begin() as s:
            row = s.get(Account, user.id)
            if row is None:
                s.add(Account(user_id=user.id, password_hash=hashed, created_at=utcnow(), updated_at=utcnow()))
            else:
                row.password_hash, row.updated_at = hashed, utcnow()
        return user

    def remove_password(self, name: str) -> bool:
        """Take the password away (the profile stays, reachable only on this machine)."""
        user = self.repo.find_user(name)
        if user is None:
            return False
        with self.repo._sessions.begin() as s:
            row = s.get(Account, user.id)
            if row is not None:
                s.delete(row)
            return row is not None

    def names(self) -> list[str]:
        """Names that have a password, sorted."""
        with self.repo._sessions() as s:
            return sorted(s.scalars(select(User.name).join(Account, Account.user_id == User.id)).all())

    def sign_in(self, name: object, password: object, address: str | None = None) -> SignedIn:
        """The user ``name`` if ``password`` is theirs (or a new account when sign-up is open).

        Raises SignInLockedError after too many failures for the name or the address, and
        SignInError (one message for a wrong name or a wrong password) otherwise.
        """
        if not isinstance(name, str):
            raise SignInError(WRONG)
        cleaned = validate_user_name(name)
        keys: list[Hashable] = [("name", name_key(cleaned))]
        if address:
            keys.append(("address", address))
        self.limiter.check(*keys)
        user = self.repo.find_user(cleaned)
        hashed = self._hash(user.id) if user is not None else None
        if user is None and self.open_signup:
            return self._sign_up(cleaned, password)
        if hashed is None:
            verify_password(password, self._dummy)  # the same time whether or not the name exists
            self.limiter.failed(*keys)
            if user is not None:
                raise SignInError(LEGACY.format(name=user.name))
            raise SignInError(WRONG)
        if user is None or not verify_password(password, hashed):
            self.limiter.failed(*keys)
            raise SignInError(WRONG)
        self.limiter.succeeded(keys[0])
        return SignedIn(user, created=False)

    def _sign_up(self, name: str, password: object) -> SignedIn:
        validate_password(password)
        with self._signup_guard:
            if self.repo.find_user(name) is not None:  # someone took the name meanwhile
                raise SignInError(WRONG)
            return SignedIn(self.set_password(name, str(password)), created=True)

    def _hash(self, user_id: int) -> str | None:
        with self.repo._sessions() as s:
            row = s.get(Account, user_id)
            return None if row is None else row.password_hash
