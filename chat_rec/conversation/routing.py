"""Routers: pure functions of the state that name the next node."""

from __future__ import annotations

from typing import Literal

from chat_rec.conversation.state import State
from chat_rec.conversation.turn import about_me, referable
from chat_rec.understanding import intent
from chat_rec.understanding.signal import PreferenceSignal


def route_start(state: State) -> Literal["understand", "feedback"]:
    """A button event skips understanding; text goes through it."""
    event = state.get("event")
    if event:
        if event.get("type") not in ("feedback", "seen") or "item_id" not in event:
            raise ValueError(f"impossible event {event!r}")
        return "feedback"
    return "understand"


def route_turn(state: State) -> Literal["onboard", "elicit", "feedback", "refine"]:
    """Decide what this message needs: onboarding, a question, feedback or recommendations."""
    signal = PreferenceSignal.model_validate(state.get("signal") or {})
    has_vector = state.get("profile_vector") is not None
    positive = bool(signal.liked_ids or signal.liked_genres or signal.liked_aspects)
    if not state.get("onboarding_done"):
        if positive or (has_vector and signal.wants_new_recommendations):
            return "refine"
        return "onboard"
    if about_me(state, signal):
        return "feedback"  # "what do you know about me?": said back, no picks
    about_shown = set(signal.liked_ids + signal.disliked_ids + signal.seen_ids) & set(referable(state))
    wants_picks = signal.wants_new_recommendations or signal.era is not None  # "too old for me": other picks
    if (about_shown or signal.asked_ids or signal.fact_topic) and not wants_picks:
        return "feedback"  # a verdict on the picks, "would I like X?" or "how long is it?": no new picks
    if not wants_picks and state.get("onboarding_done") and intent.deferred(state.get("user_text", "")):
        return "elicit"  # "I'll ask you for westerns another day": a request put off gets no picks now
    if signal.wants_new_recommendations or not signal.is_empty():
        if has_vector or positive or signal.year_min is not None or signal.year_max is not None or (
                signal.era and state.get("last_items")):
            return "refine"
        return "elicit"
    if signal.liked_ids or signal.disliked_ids or signal.seen_ids:
        return "feedback"
    return "elicit"


def route_after_onboard(state: State) -> Literal["refine", "persist"]:
    """Onboarding ends in recommendations once the questions are answered or skipped."""
    return "refine" if state.get("onboarding_done") else "persist"


def route_after_feedback(state: State) -> Literal["refine", "persist"]:
    """Buttons and "more like that" get fresh picks; plain feedback is acknowledged."""
    signal = PreferenceSignal.model_validate(state.get("signal") or {})
    if state.get("event", {}) and (state.get("event") or {}).get("type") == "seen":
        return "persist"
    return "refine" if signal.wants_new_recommendations or signal.era else "persist"


def route_after_persist(state: State) -> Literal["recommend", "remember"]:
    """Only a turn with chosen items needs the recommend node's reply."""
    return "recommend" if state.get("chosen") else "remember"
