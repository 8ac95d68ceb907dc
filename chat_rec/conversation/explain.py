"""Why a pick is shown, in one line of catalog facts the reply and the cards both carry."""

from __future__ import annotations

from collections.abc import Collection, Sequence

import numpy as np
from langgraph.runtime import Runtime

from chat_rec.conversation.deps import TurnContext


def reason_for(item_id: int, liked: set[int], runtime: Runtime[TurnContext], language: str,
               aspects: Sequence[str] = (), genres: Collection[str] = (), capital: bool = True) -> str:
    """A one-line reason from catalog facts: the closest liked movie (among those sharing a genre with
    the pick), tags matching the mood, genres (the asked-for ``genres`` first, so a western shows
    "Western" even when it is its fourth), rating.
    """
    deps = runtime.context.deps
    replies = deps.replies(language)
    item = deps.catalog.get(item_id)
    if item is None:
        return ""
    parts: list[str] = []
    vec = deps.item_vector(item_id)
    kin = [i for i in sorted(liked) if i != item_id and (other := deps.catalog.get(i)) is not None
           and set(other.genres) & set(item.genres)]  # "Because you liked Solaris" never over a plain comedy
    pairs = [(i, v) for i in kin if (v := deps.item_vector(i)) is not None]
    if vec is not None and pairs:
        best_id, best_vec = max(pairs, key=lambda pair: float(np.dot(vec, pair[1])))
        if float(np.dot(vec, best_vec)) > 0.35 and (best := deps.catalog.get(best_id)):
            parts.append(replies["reason_because"].format(title=best.label))
    tags: list[str] = []
    if deps.aspects is not None and aspects and (row := deps.index.row_of.get(item_id)) is not None:
        tags = deps.aspects.explain(row, aspects)
    if tags:
        parts.append(replies["reason_aspects"].format(tags=", ".join(tags)))
    if item.genres:
        asked = [g for g in item.genres if g in set(genres)]
        shown = [*asked, *(g for g in item.genres if g not in set(asked))][:max(3, len(asked))]
        parts.append(replies["reason_genres"].format(genres=", ".join(shown)))
    if item.popularity >= 5:
        parts.append(replies["reason_popular"].format(rating=item.mean_rating, count=item.popularity))
    if not parts:  # no liked film near it, no tag asked, no genre, few ratings: a card never ends in a bare dash
        parts.append(replies["reason_little_known"])
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] if capital else text
