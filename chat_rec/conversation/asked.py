"""Answers to "would I like X?", from what the ranker knows about the person and the film.

A question about a film ("would I like Jaws?", "¿crees que me gustaría Heat?") is no verdict
(``PreferenceSignal.asked_ids``); the reply answers it from the ranker's own evidence, over the
whole catalog and without the turn's filters (``HybridRanker.evidence``):

- a genre the person rules out: probably not;
- the item-item signals (films liked together with theirs, in ratings or in conversations) put the
  film in the catalog's top ``LIKELY`` share: I think you'd like it;
- they put it below the catalog's usual score (a film liked by those who disliked what the person
  disliked): probably not;
- otherwise it shares a genre with what they like: maybe; it shares none: probably not.

The content similarity and the popularity priors are left out: the first ranks a romance near an
action film more often than not, the second ranks a famous film high for anyone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

import numpy as np
from langgraph.runtime import Runtime

from chat_rec.catalog.models import Item
from chat_rec.conversation.deps import TurnContext
from chat_rec.conversation.explain import reason_for
from chat_rec.ranking import pipeline
from chat_rec.ranking.constraints import Constraints
from chat_rec.ranking.hybrid import HybridRanker, RankRequest
from chat_rec.understanding.signal import PreferenceSignal

LIKELY = 0.98
"""The item-item signals put the film above this share of the catalog: "I think you'd like it".
They are sparse (a film's few hundred nearest neighbours), so a film among them is already in the
top few percent; a reading threshold for a reply, not fitted to any benchmark."""
ITEM_ITEM = ("collaborative", "conversation")


def verdict(film: Item, request: RankRequest, ranker: HybridRanker, liked_genres: Collection[str]) -> str:
    """"avoid", "yes", "no", "maybe" or "unknown" for one film."""
    if set(film.genres) & set(request.excluded_genres):
        return "avoid"
    if not (request.liked_ids or request.disliked_ids or liked_genres):
        return "unknown"
    evidence = ranker.evidence(request, film.item_id) or {}
    pairs = [evidence[name] for name in ITEM_ITEM if name in evidence and getattr(ranker.weights, name)]
    if any(value > 0 and share >= LIKELY for value, share in pairs):
        return "yes"
    if any(value < 0 for value, _ in pairs):
        return "no"
    return "maybe" if set(film.genres) & set(liked_genres) else "no"


def answer(asked: Collection[int], request: RankRequest, ranker: HybridRanker, replies: dict[str, Any],
           item: Callable[[int], Item | None], reason: Callable[[int, bool], str],
           liked_genres: Collection[str]) -> str:
    """One sentence per asked film (at most three), in the reply's language. ``reason(item_id,
    cite)`` gives the catalog facts, with the closest liked film only when ``cite``: on a yes, whose
    evidence is films liked together with theirs (a maybe or a no has no such film to cite).
    """
    out = []
    for item_id in list(asked)[:3]:
        film = item(item_id)
        if film is None:
            continue
        kind = verdict(film, request, ranker, liked_genres)
        if kind == "avoid":
            avoided = [g for g in film.genres if g in set(request.excluded_genres)]
            out.append(replies["asked_avoid"].format(title=film.label, genres=", ".join(avoided)))
        elif kind == "unknown":
            out.append(replies["asked_unknown"].format(title=film.label))
        else:
            out.append(replies[f"asked_{kind}"].format(title=film.label, reason=reason(item_id, kind == "yes")))
    return " ".join(out)


def answer_turn(signal: PreferenceSignal, c: Constraints, profile_vector: np.ndarray | None,
                query: np.ndarray | None, runtime: Runtime[TurnContext]) -> str:
    """``answer`` for the films ``signal`` asks about, under the turn's constraints ``c``."""
    deps = runtime.context.deps
    request = pipeline.rank_request(profile_vector, c, 1, 0.0, None, query)
    liked = set(c.liked_ids)
    genres = {*c.liked_genres, *(g for i in liked if (film := deps.catalog.get(i)) for g in film.genres)}
    return answer(signal.asked_ids, request, deps.ranker, deps.replies(signal.language), deps.catalog.get,
                  lambda i, cite: reason_for(i, liked if cite else set(), runtime, signal.language,
                                             c.liked_aspects, c.liked_genres, capital=False),
                  genres)
