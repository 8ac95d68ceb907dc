"""The request in force: what a conversation keeps asking for until the person asks for something else.

A message that only reacts to the picks on screen ("the second one looks good", "anything else?",
a 👍) states no request of its own. Embedding its words as the query, or dropping the genres and
year range of the request it reacts to, moved every follow-up list away from the request's own
ranking: simulated people found fewer of their movies by talking than by paging through the first
answer (docs/benchmarks.md, "Whole conversations"). So the request's query vector and genres are
kept until a new request replaces them, and a steer ("more sci-fi!") is folded into them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Literal

import numpy as np

from chat_rec.understanding.signal import PreferenceSignal

MessageKind = Literal["new", "steer", "react"]

STEER_SHARE = 0.5
"""A steer's words weigh this much in the query after it; the request it steers keeps the rest."""


@dataclass(frozen=True)
class ActiveRequest:
    """The query vector and the liked genres in force (the genres are a soft boost, not a filter)."""

    query: tuple[float, ...] | None = None
    genres: tuple[str, ...] = ()

    def vector(self) -> np.ndarray | None:
        """The query as float32, or None."""
        return None if self.query is None else np.asarray(self.query, dtype=np.float32)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (the graph keeps it in its checkpointed state)."""
        return {"query": None if self.query is None else list(self.query), "genres": list(self.genres)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> ActiveRequest | None:
        """The inverse of ``as_dict``; None when no request was made yet."""
        if not data:
            return None
        query = data.get("query")
        genres = data.get("genres") or ()
        return cls(None if query is None else tuple(float(x) for x in query),  # type: ignore[attr-defined]
                   tuple(str(g) for g in genres))  # type: ignore[attr-defined]


def message_kind(signal: PreferenceSignal, shown: Collection[int], has_text: bool) -> MessageKind:
    """How a message relates to the request in force.

    ``new``: it asks for something in its own words (liked genres, moods, a year range or titles
    not on screen; a relative era alone is not one) and asks for picks; ``steer``: it states such a
    preference without asking for a new list ("more sci-fi!"); ``react``: it only judges what is on
    screen or asks for more (a button, "the second one", "anything else?", "not so much drama").
    """
    named = [i for i in signal.liked_ids if i not in set(shown)]
    # A relative era ("something older") is a wish about the picks on screen, not a request of its
    # own: the request in force stays, and the era moves the year range (``constraints.era_range``).
    states = bool(signal.liked_genres or signal.liked_aspects or named
                  or signal.year_min is not None or signal.year_max is not None)
    if not has_text or not states:
        return "react"
    return "new" if signal.wants_new_recommendations else "steer"


def _unit(v: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(v))
    return None if norm <= 0 or not np.isfinite(norm) else (v / norm).astype(np.float32)


def next_request(previous: ActiveRequest | None, kind: MessageKind, signal: PreferenceSignal,
                 text_vector: np.ndarray | None) -> ActiveRequest:
    """The request in force after this message.

    The first request, and every ``new`` one, is the message itself (its embedding, its liked
    genres). A ``steer`` mixes its words into the query (``STEER_SHARE``) and adds its genres; a
    ``react`` keeps the query. Genres the message rules out leave the boost either way.
    """
    dropped = set(signal.disliked_genres)
    if previous is None or kind == "new":
        query = text_vector
        genres = list(signal.liked_genres)
    elif kind == "steer":
        old = previous.vector()
        if old is None or text_vector is None:
            query = text_vector if old is None else old
        else:
            query = _unit((1.0 - STEER_SHARE) * old + STEER_SHARE * _unit(np.asarray(text_vector, np.float32)))  # type: ignore[operator]
        genres = list(dict.fromkeys([*previous.genres, *signal.liked_genres]))
    else:
        query = previous.vector()
        genres = list(previous.genres)
    unit = None if query is None else _unit(np.asarray(query, dtype=np.float32))
    return ActiveRequest(None if unit is None else tuple(float(x) for x in unit),
                         tuple(g for g in genres if g not in dropped))
