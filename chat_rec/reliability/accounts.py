"""Accounts: try to read, change and erase other people's profiles, knowing their names.

Against a served page with accounts (``ServerProcess``): victims sign in and chat; an attacker
signed in as someone else, and callers who never signed in, then aim every named endpoint at the
victims' names (as typed, upper-cased, padded) through gradio_client and raw HTTP, fetch
/export, and guess passwords. Figures: attempts, how many succeeded (goal 0), refusals without
a readable sentence (goal 0), and victims whose stored rows changed (goal 0, read from the file).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from chat_rec.reliability.server import PASSWORD, ApiClient, ApiError, ServerGone, error_message

ENDPOINTS = (("profile", ()), ("export", ()), ("reset", ()), ("start", ()), ("send", ("I hate every movie",)),
             ("feedback", (1, False)), ("seen", (1,)))
"""Every named endpoint with the arguments after the user name."""


def _variants(name: str) -> tuple[str, ...]:
    return (name, name.upper(), f"  {name}  ")


def _snapshot(db: Path, names: list[str]) -> dict[str, str]:
    """A digest of every row each victim owns (users, profiles, turns, marks, feedback, accounts)."""
    conn = sqlite3.connect(str(db))
    try:
        out = {}
        for name in names:
            row = conn.execute("SELECT id, name, onboarding_step, onboarding_done FROM users WHERE name_key=?",
                               (name.casefold(),)).fetchone()
            parts = [repr(row)]
            if row is not None:
                for table in ("profiles", "turns", "item_marks", "feedback", "accounts", "onboarding_answers"):
                    parts.append(repr(conn.execute(f"SELECT * FROM {table} WHERE user_id=? ORDER BY 1",  # noqa: S608
                                                   (row[0],)).fetchall()))
            out[name] = hashlib.sha256("|".join(parts).encode()).hexdigest()
        return out
    finally:
        conn.close()


def clear(message: str) -> bool:
    """A refusal a person can read: a sentence, no traceback."""
    text = message.strip()
    return len(text) >= 12 and "Traceback" not in text and text[-1] in ".!)"


def run_accounts(url: str, home: Path, victims: int = 5, guesses: int = 4) -> dict[str, Any]:
    """Cross-user attempts against the server at ``url`` whose profile database is under ``home``."""
    tag = uuid.uuid4().hex[:6]
    names = [f"victim-{tag}-{n}" for n in range(victims)]
    attacker = f"attacker-{tag}"
    for name in names:  # each victim signs up and tells the recommender something
        client = ApiClient(url)
        try:
            client.sign_in(name)
            client.call("send", name, "I loved Heat and Toy Story")
        finally:
            client.close()
    before = _snapshot(home / "chat_rec.sqlite", names)
    tally: Counter[str] = Counter()
    succeeded: list[str] = []
    unclear: list[str] = []
    messages: Counter[str] = Counter()

    def attempt(channel: str, what: str, call: Any) -> None:
        tally[channel] += 1
        try:
            call()
        except ApiError as exc:
            message = str(exc)
            messages[message.split("'")[0][:70]] += 1
            if not clear(message):
                unclear.append(f"{channel} {what}: {message!r}")
            return
        succeeded.append(f"{channel} {what}")

    attack = ApiClient(url)
    anonymous = ApiClient(url)
    forged = ApiClient(url)
    forged.http.cookies.set("access-token-unsecure-x", secrets.token_urlsafe(16))
    try:
        attack.sign_in(attacker)
        tally_gc = _gradio_client_attempts(url, attacker, names, attempt)
        for name in names:
            for endpoint, rest in ENDPOINTS:
                attempt("http_signed_in_as_other", f"/{endpoint} {name}",
                        lambda e=endpoint, n=name, r=rest: attack.call(e, n, *r))
                attempt("http_not_signed_in", f"/{endpoint} {name}",
                        lambda e=endpoint, n=name, r=rest: anonymous.call(e, n, *r))
            for variant in _variants(name):
                attempt("http_forged_cookie", f"/profile {variant!r}", lambda v=variant: forged.call("profile", v))
            attempt("http_export_not_signed_in", f"GET /export for {name}", lambda: _get_export(url))
        for name in names:  # last: failed sign-ins soon lock this address out for a while
            for n in range(guesses):
                attempt("sign_in_wrong_password", f"{name} guess {n}",
                        lambda n_=name, g=n: _guess(url, n_, f"{PASSWORD}-guess-{g}"))
    except ServerGone as exc:
        return {"check_failed": f"the server went away: {exc}"}
    finally:
        for client in (attack, anonymous, forged):
            client.close()
    after = _snapshot(home / "chat_rec.sqlite", names)
    changed = [n for n in names if before[n] != after[n]]
    return {
        "attempts": sum(tally.values()), "succeeded": len(succeeded), "refusals_without_sentence": len(unclear),
        "victim_profiles_changed": len(changed), "victims": victims, "by_channel": dict(tally),
        "sign_ins_locked": sum(n for m, n in messages.items() if m.startswith("Too many failed sign-ins")),
        "gradio_client_attempts": tally_gc, "refusal_messages": [f"{n} x {m}" for m, n in messages.most_common(6)],
        "problems": (succeeded + unclear + [f"{n}'s rows changed" for n in changed])[:10],
    }


def _guess(url: str, name: str, password: str) -> None:
    client = ApiClient(url)
    try:
        client.sign_in(name, password)
    finally:
        client.close()


def _get_export(url: str) -> None:
    answer = httpx.get(f"{url}/export", timeout=30)
    if answer.status_code != 200:
        raise ApiError(error_message(answer) if "json" in answer.headers.get("content-type", "") else answer.text)


def _gradio_client_attempts(url: str, attacker: str, names: list[str], attempt: Any) -> int:
    """The same attempts through gradio_client (as another app would call the page), signed in as the attacker."""
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    client = Client(url, auth=(attacker, PASSWORD), verbose=False)
    count = 0

    def predict(endpoint: str, *args: Any) -> None:
        try:
            client.predict(*args, api_name=f"/{endpoint}")
        except AppError as exc:
            raise ApiError(str(exc)) from None

    for name in names:
        for endpoint, rest in ENDPOINTS:
            for variant in _variants(name)[:2]:
                attempt("gradio_client_signed_in_as_other", f"/{endpoint} {variant!r}",
                        lambda e=endpoint, v=variant, r=rest: predict(e, v, *r))
                count += 1
    return count
