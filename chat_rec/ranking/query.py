"""The text retrieval embeds for a turn: the latest message plus a few turns before it.

A message like "Sure, go on" or "yes" says nothing about the movie wanted; the turns before it
do ("Shall I find you a heist film too?"). The graph and the
CRS benchmark both build the query here, from the same window of turns, so they search the
same way. How many turns, and whose, is chosen on the validation dialogues (docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

TEXT_CHARS = 500
"""Retrieval embeds at most this much text."""

def dialogue_query(turns: Sequence[Mapping[str, str]], chars: int = TEXT_CHARS) -> str:
    """The window's texts joined, the most recent first, cut at ``chars`` (the oldest text goes first)."""
    texts = [" ".join(str(t.get("text") or "").split()) for t in reversed(turns)]
    return " ".join(t for t in texts if t)[:chars]


def query_window(history: Sequence[Mapping[str, str]], text: str, turns: int) -> list[dict[str, str]]:
    """The last ``turns`` turns (``settings.query_turns``) ending with the message ``text``.

    ``history``: the earlier turns as {"role", "text"}, oldest first.
    """
    window = [{"role": str(t.get("role", "")), "text": str(t.get("text") or "")} for t in history]
    window.append({"role": "user", "text": text})
    return window[-max(1, turns):]
