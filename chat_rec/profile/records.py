"""Profile records: the plain data the repository reads and writes, and user-name rules."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from pydantic import BaseModel

from chat_rec.errors import InvalidInputError
from chat_rec.profile.models import NAME_MAX

_NAME_PUNCT = frozenset(" _-.")


def validate_user_name(name: str) -> str:
    r"""Return the cleaned user name, or raise InvalidInputError saying what a name may contain.

    Names are NFC-normalised, stripped, inner runs of spaces collapsed; 1-40 characters of
    letters (any script, with their accents), digits, space, "_", "-" and ".". Emoji and other
    symbols are refused (a name is typed on every visit, and is shown in plain places such as
    logs). Names that look like paths ("..", ".hidden", anything with "/" or "\\") are refused.
    """
    if not isinstance(name, str):
        raise InvalidInputError("Please type a user name.")
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFC", name)).strip()
    if not cleaned:
        raise InvalidInputError("Please type a user name (letters or digits, up to 40 characters).")
    if len(cleaned) > NAME_MAX:
        raise InvalidInputError(f"That user name is too long; use at most {NAME_MAX} characters.")
    for ch in cleaned:
        category = unicodedata.category(ch)
        if not (category[0] in "LM" or category == "Nd" or ch in _NAME_PUNCT):
            raise InvalidInputError(
                f"A user name cannot contain {ch!r}; use letters, digits, spaces, '_', '-' or '.'."
            )
    if cleaned.startswith(".") or ".." in cleaned or not any(ch.isalnum() for ch in cleaned):
        raise InvalidInputError(
            "A user name must contain a letter or digit and cannot start with '.' or contain '..'."
        )
    return cleaned


def name_key(name: str) -> str:
    """Return the case-insensitive identity of a name: "Ana" and "ANA" are one user."""
    return unicodedata.normalize("NFC", name.casefold())


@dataclass(frozen=True)
class UserInfo:
    """A user as the service sees them at login."""

    id: int
    name: str
    created: datetime
    onboarding_step: int
    onboarding_done: bool
    language: str


@dataclass
class Profile:
    """Everything the recommender needs about one user, loaded at the start of a turn."""

    user_id: int
    name: str
    vector: np.ndarray | None
    turn_count: int
    liked_ids: set[int] = field(default_factory=set)
    disliked_ids: set[int] = field(default_factory=set)
    seen_ids: set[int] = field(default_factory=set)
    rejected_ids: set[int] = field(default_factory=set)
    shown_ids: set[int] = field(default_factory=set)
    """Items recommended in the user's last ``SHOWN_MEMORY_TURNS`` recommending turns: not shown
    again unless asked for. Unlike the marks above, being shown says nothing about taste."""
    genre_weights: dict[str, float] = field(default_factory=dict)
    year_min: int | None = None
    year_max: int | None = None
    excluded_genres: set[str] = field(default_factory=set)
    onboarding_step: int = 0
    onboarding_done: bool = False
    language: str = "en"


@dataclass
class TurnWrite:
    """What one turn changes; None / empty means "leave as it is"."""

    user_text: str
    signal: Mapping[str, Any] | BaseModel | None = None
    """The PreferenceSignal (or its ``model_dump()``), stored as JSON."""
    stage: str | None = None
    vector_before: np.ndarray | None = None
    """Defaults to the stored profile vector at commit time."""
    vector_after: np.ndarray | None = None
    """The new profile vector p_{t+1}; None keeps the stored one."""
    shown_item_ids: list[int] = field(default_factory=list)
    reply_text: str | None = None
    liked_ids: list[int] = field(default_factory=list)
    disliked_ids: list[int] = field(default_factory=list)
    seen_ids: list[int] = field(default_factory=list)
    rejected_ids: list[int] = field(default_factory=list)
    genre_deltas: dict[str, float] = field(default_factory=dict)
    """Added to the stored genre weights (a genre not stored yet starts at 0)."""
    year_min: int | None = None
    year_max: int | None = None
    clear_year_range: bool = False
    """Forget the stored year range (applied before year_min / year_max)."""
    excluded_genres: set[str] | None = None
    """Replaces the stored excluded genres when given."""
    onboarding_step: int | None = None
    onboarding_done: bool | None = None
    onboarding_answer: str | None = None
    onboarding_question: int | None = None
    """Index the answer belongs to; defaults to the user's onboarding step before this turn."""
    language: str | None = None
    feedback: list[tuple[int, bool, str]] = field(default_factory=list)
    """Likes and dislikes of shown items this turn: (item_id, like, source "button" or "text")."""


@dataclass(frozen=True)
class TurnInfo:
    """One stored turn, for history views and profile plots."""

    id: int
    created: datetime
    user_text: str
    signal: dict[str, Any] | None
    stage: str | None
    vector_before: np.ndarray | None
    vector_after: np.ndarray | None
    shown_item_ids: list[int]
    reply_text: str | None


def vector_to_bytes(vector: np.ndarray | None) -> bytes | None:
    """float32 bytes of a finite 1-D vector (None stays None)."""
    if vector is None:
        return None
    arr = np.asarray(vector, dtype="<f4").reshape(-1)
    if arr.size == 0 or not np.all(np.isfinite(arr)):
        raise ValueError("A preference vector must be non-empty and finite.")
    return arr.tobytes()


def vector_from_bytes(data: bytes | None) -> np.ndarray | None:
    """Return the float32 vector stored as bytes (a writable copy), or None."""
    return None if data is None else np.frombuffer(data, dtype="<f4").astype(np.float32)
