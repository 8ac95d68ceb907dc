"""Small helpers every node uses: the turn's trace, vectors as the state keeps them, the turn's signal."""

from __future__ import annotations

import time
from typing import Any

import numpy as np

from chat_rec.catalog.titles import fold
from chat_rec.conversation.state import State
from chat_rec.understanding import request_words
from chat_rec.understanding.signal import PreferenceSignal


def elapsed(state: State, step: str, started: float) -> dict[str, Any]:
    """The turn's trace with this step's time since ``started`` (ms) and its place in the path."""
    trace = dict(state.get("trace") or {})
    steps = dict(trace.get("ms") or {})
    steps[step] = round((time.perf_counter() - started) * 1000, 2)
    path = list(trace.get("path") or []) + [step]
    trace.update(ms=steps, path=path)
    return trace


def as_list(vec: np.ndarray | None) -> list[float] | None:
    """A vector as the JSON-ready list the graph's state keeps."""
    return None if vec is None else [float(x) for x in vec]


def as_array(vec: list[float] | None) -> np.ndarray | None:
    """The state's list back as float32."""
    return None if vec is None else np.asarray(vec, dtype=np.float32)


def referable(state: State) -> list[int]:
    """The films the next message may point at: those the previous reply talked about ("Would I like Aliens?"),
    else those it showed.
    """
    return list(state.get("about_items") or state.get("last_items") or [])


def about_me(state: State, signal: PreferenceSignal) -> bool:
    """Whether the message only asks what the assistant remembers of the person ("what have I liked so far?"):
    it names no film, genre or year of its own.
    """
    return bool(request_words.ABOUT_ME.search(fold(state.get("user_text") or ""))) and not (
        signal.liked_ids or signal.disliked_ids or signal.liked_genres or signal.disliked_genres
        or signal.year_min is not None or signal.year_max is not None)


def signal_of(state: State) -> PreferenceSignal:
    """The turn's reading of the message (``understand``)."""
    return PreferenceSignal.model_validate(state.get("signal") or {})
