"""The `recommend` node: the picks at once, then the model's intro as it is written, checked."""

from __future__ import annotations

import logging
import time
from typing import Any

from langchain_core.messages import BaseMessage
from langgraph.runtime import Runtime

from chat_rec.conversation.deps import Deps, TurnContext
from chat_rec.conversation.intro import (
    NOTHING_ASKED,
    NOTHING_LIKED,
    IntroGate,
    check_intro,
    echoes_message,
    stream_intro,
    stream_pieces,
)
from chat_rec.conversation.state import State
from chat_rec.conversation.turn import elapsed, signal_of
from chat_rec.limits import scrub_reply
from chat_rec.understanding.signal import PreferenceSignal

log = logging.getLogger(__name__)

__all__ = ["INTRO_MAX_TOKENS", "check_intro", "describe_request", "echoes_message", "recommend"]

INTRO_MAX_TOKENS = 48
"""Two short sentences; the list of picks is written by code."""
PROMPT_MAX_CHARS = {"request": 300, "taste": 240, "picks": 400}
"""Bounds on the intro prompt's variable parts (the static part is fixed), so prefill stays short."""
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def recommend(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Show the picks first (cards and list), then stream the model's checked intro beside them.

    Events on the graph's custom stream: ``{"picks": chosen, "lead": str, "list": str}`` once, then
    ``{"intro": sentence}`` per sentence of the model's intro that passed the checks.
    """
    started = time.perf_counter()
    deps = runtime.context.deps
    signal = signal_of(state)
    replies = deps.replies(signal.language)
    chosen = state.get("chosen") or []
    items = [deps.catalog.get(c["item_id"]) for c in chosen]
    lead = scrub_reply((state.get("reply") or "").strip())
    lines = [
        f"{n}. {item.label} — {c['reason']}" for n, (item, c) in enumerate(zip(items, chosen, strict=True), 1) if item
    ]
    listing = "\n".join(lines)
    writer = runtime.stream_writer
    writer({"picks": chosen, "lead": lead, "list": listing})
    no_taste = not (state.get("profile_vector") or signal.liked_genres)
    fallback = replies["intro_popular"] if no_taste else replies["intro"]
    labels = [i.label for i in items if i]
    intro, call = _model_intro(state, deps, labels, signal.language, lambda s: writer({"intro": s}))
    parts = [p for p in (lead, intro or fallback) if p]
    text = scrub_reply(" ".join(parts) + "\n\n" + listing)
    turn_id = state.get("turn_id")
    if turn_id is not None:
        deps.repo.record_reply(turn_id, text)
    trace = elapsed(state, "recommend", started)
    if call:
        trace["llm_calls"] = [*trace.get("llm_calls", []), call]
    return {"reply": text, "trace": trace}


def intro_messages(state: State, deps: Deps, labels: list[str], language: str) -> list[BaseMessage]:
    """The intro prompt: a static system part (cacheable) and a bounded user part."""
    signal = signal_of(state)
    liked = [item for i in signal.liked_ids if (item := deps.catalog.get(i))]
    taste = _top_genres([[g, g] for g in signal.liked_genres] + [list(item.genres) for item in liked])  # said: x2
    picks = [item for c in state.get("chosen") or [] if (item := deps.catalog.get(c["item_id"]))]
    years = sorted(item.year for item in picks if item.year)
    summary = f"{len(picks) or len(labels)} films"
    if genres := _top_genres([list(item.genres) for item in picks]):
        summary += f"; genres: {', '.join(genres)}"
    if years:
        summary += f"; from {years[0]} to {years[-1]}" if years[0] != years[-1] else f"; from {years[0]}"
    return _format_intro(language, describe_request(signal)[: PROMPT_MAX_CHARS["request"]],
                         (", ".join(taste) or NOTHING_LIKED)[: PROMPT_MAX_CHARS["taste"]],
                         summary[: PROMPT_MAX_CHARS["picks"]])


def intro_warm_up_messages(language: str = "en") -> list[BaseMessage]:
    """The intro prompt with neutral values: warming the model on it caches the prompt's static prefix."""
    return _format_intro(language, NOTHING_ASKED, NOTHING_LIKED, "5 films")


def _format_intro(language: str, request: str, taste: str, picks: str) -> list[BaseMessage]:
    from chat_rec.llm.prompts import load_prompt

    template = load_prompt(_intro_prompt_name(language))
    values = {"language": LANGUAGE_NAMES.get(language, "English"), "request": request, "taste": taste,
              "picks": picks}
    return template.format_messages(**{k: v for k, v in values.items() if k in template.input_variables})


def _intro_prompt_name(language: str) -> str:
    """``recommend.<language>`` when that file exists (its examples are in that language), else ``recommend``.

    A small model copies the language of its examples, so each language has its own few-shot file
    rather than one file with an instruction to switch.
    """
    from chat_rec.llm.prompts import prompt_path

    name = f"recommend.{language}"
    return name if language.isalpha() and prompt_path(name).is_file() else "recommend"


_NOT_KINDS = frozenset({"IMAX", "(no genres listed)"})
"""MovieLens "genres" that say how a film was shown or that none is known, not what kind it is: an
intro that calls the picks "IMAX" describes nothing."""


def _top_genres(genre_lists: list[list[str]], n: int = 4) -> list[str]:
    """The most frequent genres over the lists, most frequent first (kinds of film only)."""
    counts: dict[str, int] = {}
    for genres in genre_lists:
        for genre in genres:
            if genre not in _NOT_KINDS:
                counts[genre] = counts.get(genre, 0) + 1
    return [g for g, _ in sorted(counts.items(), key=lambda kv: -kv[1])[:n]]


def describe_request(signal: PreferenceSignal) -> str:
    """What this turn asked for, from the signal rather than the person's words.

    The model never sees the message itself, so it has nothing to parrot back ("I've seen the
    first one. What do you like?") and no instructions to follow.
    """
    parts = list(signal.liked_genres) + list(signal.liked_aspects)
    avoid = list(signal.disliked_genres) + list(signal.disliked_aspects)
    if avoid:
        parts.append("nothing " + ", ".join(avoid))
    if signal.year_min is not None and signal.year_max is not None:
        parts.append(f"from {signal.year_min} to {signal.year_max}")
    elif signal.year_min is not None:
        parts.append(f"from {signal.year_min} on")
    elif signal.year_max is not None:
        parts.append(f"up to {signal.year_max}")
    return "; ".join(parts) or NOTHING_ASKED


def _model_intro(state: State, deps: Deps, labels: list[str], language: str,
                 emit: Any) -> tuple[str, dict[str, Any] | None]:
    """The model's checked intro ("" when there is no model or nothing passed) and the call's record."""
    if deps.llm is None or not labels:
        return "", None
    avoid = sorted(set((state.get("constraints") or {}).get("excluded_genres") or ())
                   | set((state.get("signal") or {}).get("disliked_genres") or ()))
    picks = [deps.catalog.get(c["item_id"]) for c in state.get("chosen") or []]
    liked = sorted(set((state.get("constraints") or {}).get("liked_genres") or ())
                   | set((state.get("signal") or {}).get("liked_genres") or ()))
    avoid_moods = sorted(set((state.get("constraints") or {}).get("disliked_aspects") or ())
                         | set((state.get("signal") or {}).get("disliked_aspects") or ()))
    gate = IntroGate(deps, labels, state.get("user_text") or "", avoid=avoid, avoid_moods=avoid_moods,
                     pick_genres=[frozenset(item.genres) for item in picks if item], liked=liked)
    try:
        messages = intro_messages(state, deps, labels, language)
        call = stream_intro(stream_pieces(deps.llm, messages, INTRO_MAX_TOKENS), gate, emit)
    except Exception as exc:  # a model failure must never lose the turn
        log.warning("LLM intro failed, using the template: %s", exc)
        return " ".join(gate.kept), {"call": "intro", "error": type(exc).__name__}
    return " ".join(gate.kept), call
