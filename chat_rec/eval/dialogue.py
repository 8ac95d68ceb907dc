"""Scripted dialogue files: parse, run through ChatService, check every expectation."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from chat_rec.errors import DialogueFileError
from chat_rec.eval import dialogue_checks as checks
from chat_rec.eval.dialogue_checks import ItemRef, ListMemory
from chat_rec.llm.scripted import ScriptedChatModel
from chat_rec.results import TurnResult

if TYPE_CHECKING:
    from chat_rec.service import ChatService

log = logging.getLogger(__name__)
_LINE_RE = re.compile(r"^\s*\d+\.\s+(.+?)\s+—", re.M)


class Expect(BaseModel):
    """What must hold after a turn; every key is optional."""

    model_config = ConfigDict(extra="forbid")

    stage: str | None = None
    asks_question: bool | None = None
    recommends_at_least: int | None = None
    all_in_catalog: bool | None = None
    includes_any_ids: list[ItemRef] | None = None
    excludes_ids: list[ItemRef] | None = None
    """Catalog ids or $itemN / $turnK.itemN (a pick shown earlier that must not come back)."""
    excludes_genres: list[str] | None = None
    most_have_any_genre: list[str] | None = None
    """More than half of the picks have at least one of these genres."""
    all_but_one_have_any_genre: list[str] | None = None
    """Every pick but at most one has at least one of these genres (a request that must hold)."""
    all_have_any_genre: list[str] | None = None
    """Every pick has at least one of these genres (a genre asked for, which the catalog has plenty of)."""
    most_carry_any_tag: list[str] | None = None
    """More than half of the picks carry, in their own tags or keywords, one of these words or phrases
    (whole words: a mood or topic asked for, such as "court" or "heist")."""
    year_between: tuple[int, int] | None = None
    some_outside_years: tuple[int, int] | None = None
    """At least one pick lies outside this range (a range that should have ended)."""
    profile_moved_toward_id: ItemRef | None = None
    profile_moved_away_from_id: ItemRef | None = None
    reply_contains: str | list[str] | None = None
    reply_not_contains: str | list[str] | None = None
    items_differ_from_previous: bool | None = None
    liked_exactly: list[ItemRef] | None = None
    """The profile panel lists exactly these movies as liked (catalog ids or $itemN / $turnK.itemN)."""
    disliked_exactly: list[ItemRef] | None = None
    """... exactly these as disliked (disliked in words or 👎 on a shown pick)."""
    seen_exactly: list[ItemRef] | None = None
    """... exactly these as seen (no verdict)."""
    not_shown_again: bool | None = None
    """No pick of this turn was shown earlier in the dialogue."""
    reasons_cite_only_liked: bool | None = None
    """Every movie named in a pick's reason is one the profile lists as liked."""
    no_echo: bool | None = None
    """The reply's text above the list repeats no four words in a row of the message."""


class Turn(BaseModel):
    """One step: a message, a button press, a page (re)start, or a server restart."""

    model_config = ConfigDict(extra="forbid")

    user: str | None = None
    feedback: dict[str, Any] | None = None
    seen: dict[str, Any] | None = None
    start: bool | None = None
    restart: bool | None = None
    llm: list[str] | None = None
    """Replies queued for the scripted model before this turn (extraction first, then the intro),
    $itemN / $turnK.itemN filled with labels; ignored with any other model. Use it to replay what a
    real model did wrong; every expectation must also hold with the default model."""
    expect: Expect = Field(default_factory=Expect)

    @model_validator(mode="after")
    def _one_action(self) -> Turn:
        actions = [a for a in (self.user, self.feedback, self.seen, self.start, self.restart) if a is not None]
        if len(actions) != 1:
            raise ValueError("each turn needs exactly one of: user, feedback, seen, start, restart")
        return self


class Dialogue(BaseModel):
    """A named conversation for one user."""

    model_config = ConfigDict(extra="forbid")

    name: str
    user: str
    keep_profile: bool = False
    """Keep what the user has from earlier runs (a returning user); default: start fresh."""
    turns: list[Turn]


def load_dialogue(path: Path) -> Dialogue:
    """Parse and validate one YAML file; DialogueFileError says what is wrong."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DialogueFileError(f"Dialogue file {path} does not exist.") from exc
    except (UnicodeDecodeError, OSError) as exc:
        raise DialogueFileError(f"Dialogue file {path} could not be read as UTF-8 text ({exc}).") from exc
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "it could not be parsed"
        raise DialogueFileError(
            f"Dialogue file {path} is not valid YAML{where}: {problem}. Fix the file and run again."
        ) from exc
    if not isinstance(data, dict):
        raise DialogueFileError(f"Dialogue file {path} must be a mapping with name, user and turns.")
    try:
        return Dialogue.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DialogueFileError(f"Dialogue file {path}: {where}: {first['msg']}.") from exc


@dataclass
class TurnOutcome:
    index: int
    action: str
    failures: list[str] = field(default_factory=list)
    reply: str = ""


@dataclass
class DialogueOutcome:
    name: str
    path: str
    turns: list[TurnOutcome]

    @property
    def passed(self) -> bool:
        return all(not t.failures for t in self.turns)


class DialogueRunner:
    """Runs dialogues through a ChatService and checks their expectations."""

    def __init__(self, service: ChatService) -> None:
        self.service = service
        self._labels: list[str] | None = None

    def run_file(self, path: Path) -> DialogueOutcome:
        return self.run(load_dialogue(path), str(path))

    def run(self, dialogue: Dialogue, path: str = "") -> DialogueOutcome:
        service = self.service
        user = dialogue.user
        if not dialogue.keep_profile and service.deps.repo.find_user(user) is not None:
            service.reset(user)
        outcomes: list[TurnOutcome] = []
        lists = ListMemory()
        for n, turn in enumerate(dialogue.turns, 1):
            before = self._vector(user)
            previous_ids = [i.item_id for i in lists.last]
            shown_before = set(lists.shown_ids)
            started = time.perf_counter()
            if turn.restart:
                service = self.service = service.restarted()
                outcomes.append(TurnOutcome(n, "restart"))
                continue
            unused = self._queue(turn.llm, lists)
            if turn.start:
                action, result = "start", service.start(user)
            elif turn.feedback is not None:
                item_id = self._item(turn.feedback.get("item"), lists)
                action = f"feedback {turn.feedback}"
                result = service.feedback(user, item_id, bool(turn.feedback.get("like")))
            elif turn.seen is not None:
                action = f"seen {turn.seen}"
                result = service.mark_seen(user, self._item(turn.seen.get("item"), lists))
            else:
                action = f"user: {turn.user}"
                result = service.send_sync(user, turn.user or "")
            failures = self._check(turn.expect, result, before, self._vector(user), lists, previous_ids)
            failures += self._check_memory(turn, result, user, lists, shown_before)
            left = unused()
            if left:
                failures.append(f"{left} scripted LLM replies were not used by this turn")
            log.info("%s turn %d (%s): %s in %.1f s", dialogue.name, n, action[:50], result.stage,
                     time.perf_counter() - started)
            outcomes.append(TurnOutcome(n, action, failures, result.reply))
            lists.record(n, result.items)
        return DialogueOutcome(dialogue.name, path, outcomes)

    def _queue(self, replies: list[str] | None, lists: ListMemory) -> Callable[[], int]:
        """Queue a turn's scripted replies; the returned call counts (and drops) unused ones."""
        llm = self.service.deps.llm
        if not replies or not isinstance(llm, ScriptedChatModel):
            return lambda: 0
        llm.responses.clear()
        llm.enqueue(*(lists.fill(reply) for reply in replies))

        def unused() -> int:
            left = len(llm.responses)
            llm.responses.clear()
            return left

        return unused

    def _vector(self, user: str) -> np.ndarray | None:
        info = self.service.deps.repo.find_user(user)
        return None if info is None else self.service.deps.repo.load(info.id).vector

    @staticmethod
    def _item(ref: Any, lists: ListMemory) -> int:
        """A 1-based position in the last list."""
        if isinstance(ref, int) and not isinstance(ref, bool) and 1 <= ref <= len(lists.last):
            return lists.last[ref - 1].item_id
        raise DialogueFileError(f"item {ref!r} is not a position in the last list ({len(lists.last)} items shown).")

    def _label(self, item_id: int) -> str | None:
        item = self.service.deps.catalog.get(item_id)
        return None if item is None else item.label

    def _check_memory(self, turn: Turn, r: TurnResult, user: str, lists: ListMemory,
                      shown_before: set[int]) -> list[str]:
        """The truth keys: exact profile sets, reasons citing real likes, nothing shown twice, no echo."""
        e = turn.expect
        f: list[str] = []
        wanted = {"liked_exactly": e.liked_exactly, "disliked_exactly": e.disliked_exactly,
                  "seen_exactly": e.seen_exactly}
        view = None
        if any(v is not None for v in wanted.values()) or e.reasons_cite_only_liked:
            view = self.service.profile(user)
        if view is not None:
            shown_sets = checks.profile_sets(view)
            for key, refs in wanted.items():
                if refs is not None:
                    ids = [lists.item_id(ref) for ref in refs]
                    f += checks.exact_set_failures(key, ids, shown_sets[key], self._label)
            if e.reasons_cite_only_liked:
                if self._labels is None:
                    self._labels = [item.label for item in self.service.deps.catalog]
                f += checks.reason_failures(r.items, view.liked, self._labels)
        if e.not_shown_again:
            failure = checks.shown_again_failure([i.item_id for i in r.items], shown_before, self._label)
            f += [failure] if failure else []
        if e.no_echo and turn.user:
            failure = checks.echo_failure(r.reply, turn.user)
            f += [failure] if failure else []
        return f

    def _check(self, e: Expect, r: TurnResult, before: np.ndarray | None, after: np.ndarray | None,
               lists: ListMemory, previous_ids: list[int]) -> list[str]:
        f: list[str] = []
        catalog = self.service.deps.catalog
        ids = [i.item_id for i in r.items]
        if e.stage is not None and r.stage != e.stage:
            f.append(f"stage is {r.stage!r}, expected {e.stage!r}")
        if e.asks_question is not None and r.asks_question != e.asks_question:
            f.append(f"asks_question is {r.asks_question}, expected {e.asks_question}")
        if e.recommends_at_least is not None and len(ids) < e.recommends_at_least:
            f.append(f"recommended {len(ids)} items, expected at least {e.recommends_at_least}")
        if e.all_in_catalog:
            outside = [i for i in ids if i not in catalog]
            labels = {item.label for item in r.items}
            named = [m for m in _LINE_RE.findall(r.reply) if m not in labels]
            if outside or named:
                f.append(f"items outside the catalog or the shown list: {outside + named}")
        if e.includes_any_ids is not None:
            included = {lists.item_id(ref) for ref in e.includes_any_ids}
            if not set(ids) & included:
                f.append(f"none of {sorted(included)} in {ids}")
        if e.excludes_ids is not None:
            shown = set(ids) & {lists.item_id(ref) for ref in e.excludes_ids}
            if shown:
                f.append(f"excluded ids shown: {sorted(shown)}")
        if e.excludes_genres:
            bad = [i.label for i in r.items if set(i.genres) & set(e.excludes_genres)]
            if bad:
                f.append(f"items with excluded genres {e.excludes_genres}: {bad}")
        if e.most_have_any_genre:
            having = [i for i in r.items if set(i.genres) & set(e.most_have_any_genre)]
            if not r.items or 2 * len(having) <= len(r.items):
                f.append(f"{len(having)} of {len(r.items)} picks have a genre in {e.most_have_any_genre}: "
                         f"{[i.label for i in r.items]}")
        if e.all_but_one_have_any_genre:
            lacking = [i.label for i in r.items if not set(i.genres) & set(e.all_but_one_have_any_genre)]
            if not r.items or len(lacking) > 1:
                f.append(f"picks without a genre in {e.all_but_one_have_any_genre}: {lacking}")
        if e.all_have_any_genre:
            lacking = [i.label for i in r.items if not set(i.genres) & set(e.all_have_any_genre)]
            if not r.items or lacking:
                f.append(f"picks without a genre in {e.all_have_any_genre}: {lacking}")
        if e.most_carry_any_tag:
            from chat_rec.catalog.aspects import item_terms
            from chat_rec.catalog.titles import fold

            wanted = [f" {fold(t)} " for t in e.most_carry_any_tag]
            carrying = [i for i in r.items if (item := catalog.get(i.item_id)) is not None
                        and any(w in f" {term} " for w in wanted for term in item_terms(item))]
            if not r.items or 2 * len(carrying) <= len(r.items):
                f.append(f"{len(carrying)} of {len(r.items)} picks carry a tag in {e.most_carry_any_tag}: "
                         f"{[i.label for i in r.items]}")
        if e.year_between is not None:
            lo, hi = e.year_between
            bad = [i.label for i in r.items if i.year is None or not lo <= i.year <= hi]
            if bad:
                f.append(f"items outside {lo}-{hi}: {bad}")
        if e.some_outside_years is not None:
            lo, hi = e.some_outside_years
            if r.items and all(i.year is not None and lo <= i.year <= hi for i in r.items):
                f.append(f"every pick still inside {lo}-{hi}: the range did not end")
        moves = ((e.profile_moved_toward_id, 1, "toward"), (e.profile_moved_away_from_id, -1, "away from"))
        for ref, sign, word in moves:
            if ref is None:
                continue
            target = self.service.deps.item_vector(lists.item_id(ref))
            if target is None or after is None:
                f.append(f"profile has no vector to move {word} {ref}")
                continue
            old = float(np.dot(before, target)) if before is not None else 0.0
            new = float(np.dot(after, target))
            if sign * (new - old) <= 1e-6:
                f.append(f"profile did not move {word} {ref} (cosine {old:.3f} -> {new:.3f})")
        for needle in _as_list(e.reply_contains):
            if needle.lower() not in r.reply.lower():
                f.append(f"reply does not contain {needle!r}")
        for needle in _as_list(e.reply_not_contains):
            if needle.lower() in r.reply.lower():
                f.append(f"reply contains {needle!r}")
        if e.items_differ_from_previous and (not ids or ids == previous_ids):
            f.append("the items did not change")
        return f


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)
