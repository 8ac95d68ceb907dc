"""What ChatService hands to its callers: plain data, no framework types."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Stage = Literal["onboarding", "elicit", "recommend", "feedback", "smalltalk", "error"]


@dataclass(frozen=True)
class RecommendedItem:
    """One catalog item shown to the user, with the facts its reason was built from."""

    item_id: int
    title: str
    year: int | None
    genres: tuple[str, ...]
    reason: str
    score: float
    breakdown: dict[str, float] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True)
class TurnResult:
    """The outcome of one user message."""

    reply: str
    stage: Stage
    items: tuple[RecommendedItem, ...] = ()
    asks_question: bool = False
    quick_replies: tuple[str, ...] = ()
    """Suggested short answers (onboarding chips)."""
    signal: dict[str, object] = field(default_factory=dict)
    """The extracted preference signal (for presenters and tests)."""
    trace: dict[str, object] = field(default_factory=dict)
    """Per-step timings and the path through the graph."""

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


@dataclass(frozen=True)
class TurnEvent:
    """A streamed piece of a turn, then one final "done" (or "error").

    A recommendation turn streams "picks" first (``result`` holds the items, ``text`` the list), then
    "intro" per checked sentence of the model's intro; other turns stream "token" text.
    """

    kind: Literal["token", "picks", "intro", "done", "error"]
    text: str = ""
    result: TurnResult | None = None


@dataclass(frozen=True)
class ProfileView:
    """What the user may see of their stored profile."""

    user: str
    turns: int
    liked: tuple[str, ...]
    disliked: tuple[str, ...]
    seen: tuple[str, ...]
    top_genres: tuple[tuple[str, float], ...]
    """Genres by similarity of the preference vector to each genre's centroid."""
    excluded_genres: tuple[str, ...]
    year_min: int | None
    year_max: int | None
    onboarding_done: bool
    has_vector: bool
    genre_history: tuple[dict[str, float], ...] = ()
    """Per turn: the preference vector's cosine similarity to each genre centroid."""
    moods: tuple[str, ...] = ()
    """Moods (and who watches: ``understanding.audience.AUDIENCE_TERM``) the picks hold to now."""
    avoided_moods: tuple[str, ...] = ()
    """Moods the picks keep away from now."""
