"""Isolation between users, limits, and data integrity: each check returns figures (0 = good)."""

from __future__ import annotations

import hashlib
import json
import tempfile
import uuid
from pathlib import Path
from typing import Any

from chat_rec.errors import ChatRecError
from chat_rec.limits import TurnRateLimiter

PATH_LIKE_NAMES = ("../../etc", "../x", "a/b", "a\\b", "..", ".hidden", "/etc/passwd", "x..y", "~root", "")


def run_isolation(service: Any) -> dict[str, Any]:
    """User A's turns, likes, resets and odd names never touch user B's profile or thread."""
    a, b = f"iso-a-{uuid.uuid4().hex[:6]}", f"iso-b-{uuid.uuid4().hex[:6]}"
    problems: list[str] = []
    for user in (a, b):
        service.start(user)
    service.send_sync(b, "I loved Heat and Toy Story")
    b_before, b_items = service.profile(b), service.last_items(b)
    service.send_sync(a, "I like Alien, something scary please")
    a_items = service.last_items(a)
    if a_items:
        service.feedback(a, a_items[0].item_id, False)
    service.reset(a)
    b_after = service.profile(b)
    if (b_before.turns, b_before.liked, b_before.top_genres) != (b_after.turns, b_after.liked, b_after.top_genres):
        problems.append("B's profile changed while A chatted, gave feedback and reset")
    if service.last_items(b) != b_items:
        problems.append("B's shown items changed while A chatted")
    if service.profile(a).turns != 0:
        problems.append("A's reset left turns behind")
    accepted = []
    for name in PATH_LIKE_NAMES:
        if service.start(name).stage != "error":
            accepted.append(name)
    problems += _names_need_their_password(service, b)
    if service.last_items(a):
        problems.append("A's conversation thread survived A's reset")
    return {"isolation_violations": len(problems), "path_like_names_accepted": len(accepted),
            "isolation_problems": problems + [f"accepted name {n!r}" for n in accepted]}


def _names_need_their_password(service: Any, owner: str) -> list[str]:
    """Knowing a name (in any spelling) never opens its account; the owner's password does."""
    from chat_rec.accounts import AccountStore, SignInError

    store = AccountStore(service.deps.repo, rounds=4)
    password = uuid.uuid4().hex
    store.set_password(owner, password)
    problems = []
    for name in (owner, owner.upper(), f"  {owner}  "):
        try:
            store.sign_in(name, "a-guessed-password")
            problems.append(f"{name!r} opened {owner!r}'s account with a wrong password")
        except SignInError:
            pass
    if store.sign_in(owner.upper(), password).user.id != service.deps.repo.find_user(owner).id:
        problems.append(f"{owner.upper()!r} with the owner's password reached another profile")
    return problems


def run_limits(service: Any) -> dict[str, Any]:
    """Message cap, turn rate limit, bounded history, bounded model output reach where they should."""
    settings = service.deps.settings
    out: dict[str, Any] = {}
    user = f"limits-{uuid.uuid4().hex[:6]}"
    service.start(user)
    long = service.send_sync(user, "x" * (settings.max_message_chars + 1))
    out["long_message_refused"] = long.stage == "error" and "characters" in long.reply

    saved = service.limiter
    service.limiter = TurnRateLimiter(3)
    try:
        stages = [service.send_sync(user, "something funny").stage for _ in range(4)]
        refused = service.send_sync(user, "one more")
        out["rate_limit_refuses_4th_of_3"] = stages[:3] != ["error"] * 3 and stages[3] == "error"
        out["rate_limit_message"] = refused.reply
    finally:
        service.limiter = saved

    service.limiter = TurnRateLimiter(0)
    try:
        turns = settings.max_history_turns + 3
        for n in range(turns):
            service.send_sync(user, f"more like Heat, number {n}")
        u = service._user(user, create=False)
        history = service.graph.get_state(service._config(u)).values.get("history") or []
        out["history_entries"] = len(history)
        out["history_bounded"] = len(history) <= 2 * settings.max_history_turns
    finally:
        service.limiter = saved
    out.update(llm_bounds(settings))
    return out


def llm_bounds(settings: Any) -> dict[str, Any]:
    """max_new_tokens and llm_timeout_s arrive in the model objects the registry builds."""
    from chat_rec.llm.openai_compat import openai_chat_model_from_settings

    probe = settings.model_copy(update={"max_new_tokens": 77, "llm_timeout_s": 9.5})
    model: Any = openai_chat_model_from_settings(probe)
    out = {"openai_bounds_applied": model.max_tokens == 77 and model.request_timeout == 9.5}
    try:
        from chat_rec.llm.local import LocalChatModel
    except ImportError:
        return out

    class _Config:
        do_sample = True
        temperature = top_p = top_k = max_length = max_time = None
        pad_token_id = 0
        max_new_tokens = 10_000

    class _Model:
        generation_config = _Config()

    local = LocalChatModel(model=_Model(), tokenizer=None, max_new_tokens=77, timeout_s=9.5)
    config = local._generate_kwargs({}, None)["generation_config"]
    out["local_bounds_applied"] = config.max_new_tokens == 77 and config.max_time == 9.5
    return out


def run_integrity(catalog: Any, index_service: Any | None = None, csv_path: Path | None = None) -> dict[str, Any]:
    """Ingest hashes match the files; the index is rebuilt when the catalog changes; bad model hashes refused."""
    from chat_rec.config import Settings
    from chat_rec.llm import packaged

    out: dict[str, Any] = {}
    folder = Path(catalog_folder(catalog))
    mismatched = [name for name, digest in catalog.sources.items()
                  if (folder / name).is_file() and hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest]
    out["source_hashes_checked"] = len(catalog.sources)
    out["source_hash_mismatches"] = len(mismatched)
    if index_service is not None and csv_path is not None:
        out["index_rebuilt_on_change"] = index_rebuilt_on_change(index_service, csv_path)
    with tempfile.TemporaryDirectory() as home:
        # Its own models folder, whatever CHAT_REC_MODELS_ROOT says: never touch the real model.
        settings = Settings(home=Path(home), models_root=Path(home) / "models")
        target = packaged.packaged_model_dir(settings)
        target.mkdir(parents=True)
        (target / packaged.MARKER).write_text(json.dumps({"source_sha256": "0" * 64}))
        out["wrong_model_hash_refused"] = not packaged.is_converted(target)
    return out


def catalog_folder(catalog: Any) -> Path:
    from chat_rec.config import BUNDLED_CATALOG

    return BUNDLED_CATALOG if catalog.name == BUNDLED_CATALOG.name else Path(".")


def index_rebuilt_on_change(service: Any, csv_path: Path) -> bool:
    """Re-open the index of a CSV catalog after one overview changed: it must rebuild, then not again."""
    from chat_rec.catalog.index import CatalogIndex
    from chat_rec.catalog.loaders import load_catalog

    settings = service.deps.settings
    embedder = service.deps.index.embedder
    unchanged = CatalogIndex.open(settings, load_catalog(csv_path), embedder, progress=False)
    text = csv_path.read_text(encoding="utf-8")
    csv_path.write_text(text.replace("Ice, in slow motion.", "Ice, in slow motion, again."), encoding="utf-8")
    try:
        changed = CatalogIndex.open(settings, load_catalog(csv_path), embedder, progress=False)
        again = CatalogIndex.open(settings, load_catalog(csv_path), embedder, progress=False)
    finally:
        csv_path.write_text(text, encoding="utf-8")
    return (not unchanged.built_now) and changed.built_now and not again.built_now


def safe(check: Any, *args: Any) -> dict[str, Any]:
    """Run one check; a crash becomes a figure instead of ending the whole report."""
    try:
        result: dict[str, Any] = check(*args)
        return result
    except ChatRecError as exc:
        return {"check_failed": f"{type(exc).__name__}: {exc}"}
    except Exception as exc:  # noqa: BLE001 - the report must still come out
        return {"check_failed": f"{type(exc).__name__}: {exc}"}
