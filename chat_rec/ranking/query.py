"""The text retrieval embeds for a turn: the latest message plus a few turns before it.

A message like "Sure, go on" or "yes" says nothing about the movie wanted; the turns before it
do ("Shall I find you a heist film too?"). The graph and the
CRS benchmark both build the query here, from the same window of turns, so they search the
same way. How many turns, and whose, is chosen on the validation dialogues (docs/benchmarks.md).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon

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


_WORD = re.compile(r"[^\W_][\w'’-]*")


def without_disliked(text: str, disliked_ids: Collection[int], disliked_aspects: Collection[str],
                     resolver: Any) -> str:
    """``text`` without what it dislikes: the titles of the disliked films and the words of the
    disliked moods ("Alien was way too scary, what else?" -> "was way too , what else?").

    Retrieval embeds the words of the message, and an embedding does not know they were a
    complaint: a disliked title left in pulls the films whose titles share its words (*The Heat*
    for *Heat*), a disliked mood the films that have it. ``resolver`` is the title resolver
    (``find_in_text``; None: titles stay); the disliked films win its ties. A mood's words count in
    any regular form (``lexicon.bases``: "boring" covers "bored").
    """
    if not text.strip() or not (disliked_ids or disliked_aspects):
        return text
    spans: list[tuple[int, int]] = []
    if disliked_ids and resolver is not None:
        wanted = set(disliked_ids)
        spans += [(m.start, m.end) for m in resolver.find_in_text(text, prefer=wanted) if m.item_id in wanted]
    moods = {b for phrase in disliked_aspects for w in fold(phrase).split()
             if w not in lexicon.EN_STOPWORDS and w not in lexicon.ES_STOPWORDS for b in lexicon.bases(w)}
    if moods:
        spans += [(m.start(), m.end()) for m in _WORD.finditer(text)
                  if any(lexicon.bases(w) & moods for w in fold(m.group()).split())]
    if not spans:
        return text
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(text[pos:max(pos, start)])
        pos = max(pos, end)
    out.append(text[pos:])
    return " ".join("".join(out).split())
