"""Memory and truthfulness checks for scripted dialogues: exact profile sets, honest reasons, no echo.

Each check is a plain function of what a user would see (the profile panel, the reasons under the
picks, the reply text) so a dialogue file can say what must hold without knowing the code.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from chat_rec.catalog.titles import fold
from chat_rec.errors import DialogueFileError
from chat_rec.results import ProfileView, RecommendedItem

ItemRef = int | str
"""A catalog id, ``$itemN`` (item N of the list shown before this turn) or ``$turnK.itemN``
(item N of the list shown in the reply to turn K)."""

_REF = re.compile(r"^\$(?:turn(\d+)\.)?item(\d+)$")
_REF_IN_TEXT = re.compile(r"\$(?:turn(\d+)\.)?item(\d+)\b")
ECHO_WORDS = 4
"""A reply that repeats this many of the person's words in a row echoes them."""


class ListMemory:
    """The lists shown so far in one dialogue run, to resolve ``$itemN`` and ``$turnK.itemN``."""

    def __init__(self) -> None:
        self.by_turn: dict[int, list[RecommendedItem]] = {}
        self.last: list[RecommendedItem] = []
        self.shown_ids: set[int] = set()

    def record(self, turn: int, items: Sequence[RecommendedItem]) -> None:
        """Remember a turn's list (a turn that showed nothing leaves the last list in place)."""
        if items:
            self.by_turn[turn] = list(items)
            self.last = list(items)
            self.shown_ids.update(i.item_id for i in items)

    def item(self, ref: ItemRef) -> RecommendedItem | int:
        """The shown item a placeholder names, or the catalog id itself."""
        if isinstance(ref, bool):
            raise DialogueFileError(f"{ref!r} is neither an item id nor a $itemN placeholder.")
        if isinstance(ref, int):
            return ref
        match = _REF.match(str(ref).strip())
        if not match:
            raise DialogueFileError(f"{ref!r} is neither an item id nor a $itemN / $turnK.itemN placeholder.")
        turn, position = match.group(1), int(match.group(2))
        items = self.by_turn.get(int(turn), []) if turn else self.last
        where = f"the list shown at turn {turn}" if turn else "the last list"
        if not 1 <= position <= len(items):
            raise DialogueFileError(f"{ref!r}: {where} has {len(items)} items, not {position}.")
        return items[position - 1]

    def item_id(self, ref: ItemRef) -> int:
        found = self.item(ref)
        return found if isinstance(found, int) else found.item_id

    def fill(self, text: str) -> str:
        """``text`` with every placeholder replaced by the item's label, escaped for a JSON string."""
        def label(match: re.Match[str]) -> str:
            found = self.item(match.group(0))
            name = found.label if isinstance(found, RecommendedItem) else str(found)
            return json.dumps(name)[1:-1]

        return _REF_IN_TEXT.sub(label, text)


def exact_set_failures(name: str, expected_ids: Iterable[int], actual_labels: Iterable[str],
                       label_of: Callable[[int], str | None]) -> list[str]:
    """Compare an expected id set with the labels the profile panel shows; say what differs."""
    expected: set[str] = set()
    failures: list[str] = []
    for item_id in expected_ids:
        label = label_of(item_id)
        if label is None:
            failures.append(f"{name}: item {item_id} is not in the catalog")
        else:
            expected.add(label)
    actual = set(actual_labels)
    extra, missing = sorted(actual - expected), sorted(expected - actual)
    if extra or missing:
        failures.append(f"{name} is {sorted(actual)}; not expected: {extra}, missing: {missing}")
    return failures


def profile_sets(view: ProfileView) -> Mapping[str, tuple[str, ...]]:
    """What the profile panel lists, by expectation key."""
    return {"liked_exactly": view.liked, "disliked_exactly": view.disliked, "seen_exactly": view.seen}


def cited_titles(reason: str, labels: Sequence[str]) -> set[str]:
    """Catalog labels ("Title (Year)") a reason names; a label inside a longer cited one is not counted."""
    found = {label for label in labels if label in reason}
    return {label for label in found if not any(label != other and label in other for other in found)}


def reason_failures(items: Sequence[RecommendedItem], liked: Iterable[str], labels: Sequence[str]) -> list[str]:
    """Every movie a reason names must be one the profile lists as liked."""
    allowed = set(liked)
    failures = []
    for item in items:
        wrong = sorted(cited_titles(item.reason, labels) - allowed)
        if wrong:
            failures.append(f"the reason for {item.label} cites {wrong}, which the person never said they liked")
    return failures


def echo_failure(reply: str, message: str, words: int = ECHO_WORDS) -> str | None:
    """The reply's text above the list must not repeat ``words`` of the person's words in a row."""
    intro = reply.split("\n\n", 1)[0] if "\n\n" in reply else reply
    said, told = fold(message).split(), fold(intro).split()
    runs = {tuple(said[i:i + words]) for i in range(len(said) - words + 1)}
    for i in range(len(told) - words + 1):
        if tuple(told[i:i + words]) in runs:
            return f"the reply echoes the message: {' '.join(told[i:i + words])!r}"
    return None


def shown_again_failure(ids: Sequence[int], shown_before: set[int], label_of: Callable[[int], Any]) -> str | None:
    """None of this turn's picks was shown earlier in the dialogue."""
    again = [i for i in ids if i in shown_before]
    if again:
        return f"picks shown again: {[label_of(i) or i for i in again]}"
    return None
