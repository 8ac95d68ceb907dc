"""The ``refine`` node: the request in force after a message (``ranking.session``) and this turn's filters.

What a message asks for is folded into the request it continues or replaces (its query vector,
genres, seeds and the films it leaves behind), and the stored exclusions, the year range (a relative
era's included) and the moods carried are built into this turn's ``Constraints``
(``ranking.constraints.build_constraints``, the rule the CRS benchmark shares).
"""

from __future__ import annotations

import re
import time
from typing import Any

from langgraph.runtime import Runtime

from chat_rec.conversation.deps import TurnContext
from chat_rec.conversation.state import State
from chat_rec.conversation.turn import as_list, elapsed, signal_of
from chat_rec.ranking import session
from chat_rec.ranking.constraints import build_constraints, carried_aspects, with_era
from chat_rec.ranking.query import dialogue_query, query_window, without_disliked
from chat_rec.ranking.retriever import embed_query
from chat_rec.understanding.aspects import asked_aspects
from chat_rec.understanding.intent import relative_ask
from chat_rec.understanding.own_mentions import asked_like_films

MENTION_MIN_SCORE = 90
"""A title match this sure counts as the message naming the movie (as in ``nodes.answer_in_context``)."""


def refine(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Fold this turn's constraints into the stored ones, and the message into the request in force."""
    started = time.perf_counter()
    request, kind = active_request(state, runtime)
    # Only named genres end the old topic's years: a mood word is weaker evidence of a new topic
    # (and the aspect reader still takes some frame words, "looks", for moods).
    named_genres = bool(signal_of(state).liked_genres)
    # Films all outside the range in force end it, whether they start a request or narrow one
    # ("comedy from the eighties", then "loved Amélie (2001), anything similar?").
    new_topic = (kind == "change" and named_genres) or (kind in ("new", "steer")
                                                        and _seeds_outside_range(state, runtime))
    constraints = compute_constraints(state, runtime, request, fresh_request=kind in ("new", "change"),
                                      reacting=kind == "react", new_topic=new_topic)
    return {"stage": "recommend", "onboarding_done": True, "constraints": constraints,
            "aspects": {"liked": constraints["liked_aspects"], "disliked": constraints["disliked_aspects"]},
            "request": request.as_dict(), "query_vector": as_list(request.vector()),
            "era_span": constraints["era_span"], "era_base": constraints["era_base"],
            "trace": elapsed(state, "refine", started)}


def active_request(state: State, runtime: Runtime[TurnContext]) -> tuple[session.ActiveRequest, session.MessageKind]:
    """The request in force after this message (``ranking.session``): only a message stating a
    preference of its own is embedded; a reaction to the picks keeps the request it reacts to.
    A change of topic is embedded alone: the turns before it were about the topic it leaves.
    """
    text = "" if state.get("event") else state.get("user_text", "").strip()[:500]
    signal = signal_of(state)
    previous = session.ActiveRequest.from_dict(state.get("request"))
    deps = runtime.context.deps
    affinity = getattr(deps, "genre_affinity", None)  # without it (a bare test double) no change of topic is told
    shown = state.get("last_items") or []
    kind, named = session.classify(previous, signal, text, shown,
                                   lambda i: found.genres if (found := deps.catalog.get(i)) else None,
                                   affinity, getattr(deps, "aspects", None))
    # a message that only turns things down ("Titanic, and anything like The Notebook" in answer to what to avoid)
    # asks for nothing to search by: its words, the films it rules out taken away, are "and anything like"
    against_only = bool(signal.disliked_ids or signal.disliked_genres or signal.disliked_aspects) and not (
        signal.liked_ids or signal.liked_genres or signal.liked_aspects
        or signal.year_min is not None or signal.year_max is not None)
    embed = bool(text) and (previous is None or kind != "react") and not against_only
    # the message and the turns before it, as the CRS benchmark builds the query (ranking/query.py)
    turns = 1 if kind == "change" else deps.ranker.weights.query_turns
    name = getattr(runtime.context, "user_name", "")  # a bare test double has none
    searched = without_disliked(text, signal.disliked_ids, signal.disliked_aspects, deps.resolver)
    window = _without_name(query_window(state.get("history") or [], searched, turns), name)
    vector = embed_query(deps.ranker, deps.index, dialogue_query(window)) if embed else None
    earlier = runtime.context.stored_profile().liked_ids if kind == "change" else ()  # what a change may leave
    like = (asked_like_films(text, deps.resolver, state.get("history") or [], signal.disliked_ids, signal.liked_ids)
            if text else [])
    return session.next_request(previous, kind, signal, vector, named, earlier, like), kind


def _without_name(window: list[dict[str, str]], name: str) -> list[dict[str, str]]:
    """The query window without the person's name in the assistant's turns ("Hi sim-0-285! …"):
    a name says nothing about the film wanted, and two people saying the same thing get the same
    search whatever they are called.
    """
    if not name or not name.strip():
        return window
    pattern = re.compile(re.escape(name.strip()), re.IGNORECASE)
    return [{**turn, "text": pattern.sub(" ", turn["text"])} if turn.get("role") == "assistant" else turn
            for turn in window]


def _seeds_outside_range(state: State, runtime: Runtime[TurnContext]) -> bool:
    """Whether a new request is seeded only by films outside the year range in force ("the 90s",
    then "something like Amélie (2001)?"): the person asks for their kind of film, so the old range
    ends with the old request (a range stated in the same message still holds).
    """
    profile = runtime.context.stored_profile()
    if profile.year_min is None and profile.year_max is None:
        return False
    on_screen = set(state.get("last_items") or [])
    catalog = runtime.context.deps.catalog
    found = [getattr(catalog.get(i), "year", None) for i in signal_of(state).liked_ids if i not in on_screen]
    years: list[int] = [int(y) for y in found if y is not None]
    low, high = profile.year_min, profile.year_max
    return bool(years) and all((low is not None and y < low) or (high is not None and y > high) for y in years)


def compute_constraints(state: State, runtime: Runtime[TurnContext], request: session.ActiveRequest | None = None,
                        fresh_request: bool | None = None, reacting: bool = True,
                        new_topic: bool = False) -> dict[str, Any]:
    """The filters for this turn: stored exclusions plus what the message said (``build_constraints``);
    the liked-genre boost is the request's in force when one is given. A relative era ("these feel
    dated") becomes a range around the picks on screen that lasts while the person reacts to picks and
    ends with the next message stating a preference of its own (``reacting`` False); in a new request
    (``fresh_request``: "what's new in sci-fi?" after westerns) it reads the catalog's own years. A change of
    topic (``new_topic``) ends the old topic's year range too, unless the message states one;
    excluded genres stay (a "no horror" is about the person, not the topic).
    """
    profile = runtime.context.stored_profile()
    signal = signal_of(state)
    history: Any = profile
    stated = signal.year_min is not None or signal.year_max is not None
    era_span = state.get("era_span")  # kept across turns (``begin`` clears "constraints")
    era_base = state.get("era_base") or [None, None]  # the range in force before the era narrowed it
    era_on = bool(era_span) and [profile.year_min, profile.year_max] == list(era_span or ())
    if new_topic and not (stated or signal.era):
        history = _WithYears(profile, None, None)  # the range belonged to the topic the person left
        era_span, era_base = None, [None, None]
    elif era_on and not reacting and not (stated or signal.era):
        # "too old for me" shaped the last request, not this new one: back to the range it narrowed
        history = _WithYears(profile, *era_base)
        era_span, era_base = None, [None, None]
    span = None
    if signal.era:
        # a request of its own ("what's new in sci-fi?" after westerns) reads the catalog's years, not the picks'
        on_screen = [] if fresh_request else state.get("last_items") or []
        # an era after an era starts from the range before the first (an older ask after a newer one must not
        # stay inside the newer range; a second older ask still ends older than the older picks on screen)
        low, high = era_base if era_on else (history.year_min, history.year_max)
        signal, span = with_era(signal, on_screen, low, high, runtime.context.deps.catalog)
    if span is not None:
        if not era_on:  # a second era in the same direction narrows it again: the range before it stays the base
            era_base = [history.year_min, history.year_max]
        era_span = list(span)
    elif stated:
        era_span, era_base = None, [None, None]
    shown = set(profile.shown_ids) | set(state.get("last_items") or [])
    c = build_constraints(history, signal, state.get("marks") or {}, shown, asked_again=asked_again(state, runtime))
    c.liked_aspects, c.disliked_aspects = carried_aspects(signal, state.get("aspects"), fresh_request,
                                                          relative_ask(state.get("user_text", "")))
    c.asked_aspects = asked_aspects(state.get("user_text", ""), [a for a in signal.liked_aspects
                                                                 if a in set(c.liked_aspects)])
    if request is not None:
        c.left_ids = tuple(request.left)
        c.liked_genres = tuple(g for g in request.genres if g not in set(c.excluded_genres))
        c.seed_ids = tuple(i for i in request.seeds if i in set(c.liked_ids))
        if c.seed_ids:  # a request by title: its films, not films seen or named for earlier requests, set the
            c.context_ids = tuple(i for i in c.context_ids if i in set(signal.seen_ids))  # item-item pull
    return {**c.as_dict(), "era_span": era_span, "era_base": era_base}


class _WithYears:
    """A stored profile seen with another year range (an era or a topic that ended)."""

    def __init__(self, profile: Any, year_min: int | None, year_max: int | None) -> None:
        self._profile = profile
        self.year_min, self.year_max = year_min, year_max

    def __getattr__(self, name: str) -> Any:
        return getattr(self._profile, name)


def asked_again(state: State, runtime: Runtime[TurnContext]) -> set[int]:
    """Items the message names without a verdict ("what about Heat again?"): they may be shown again."""
    text = "" if state.get("event") else (state.get("user_text") or "")
    if not text.strip():
        return set()
    signal = signal_of(state)
    verdicts = set(signal.liked_ids) | set(signal.disliked_ids) | set(signal.seen_ids)
    mentions = runtime.context.deps.resolver.find_in_text(text, prefer=state.get("last_items") or [])
    return {m.item_id for m in mentions if m.score >= MENTION_MIN_SCORE} - verdicts
