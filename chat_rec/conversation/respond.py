"""The `recommend` node: the reply about the chosen items, checked before it is shown."""

from __future__ import annotations

import logging
import re
import time
from typing import Any

from langchain_core.messages import BaseMessage
from langgraph.runtime import Runtime

from chat_rec.catalog.models import GENRES
from chat_rec.catalog.titles import fold
from chat_rec.conversation.deps import Deps, TurnContext
from chat_rec.conversation.nodes import _elapsed, signal_of
from chat_rec.conversation.state import State
from chat_rec.limits import echoes_prompt, scrub_reply
from chat_rec.llm.calls import invoke_bounded
from chat_rec.understanding.signal import PreferenceSignal

log = logging.getLogger(__name__)

_SENTENCE_END = re.compile(r"(?<=[.!?¡¿])\s+")
_FORBIDDEN = re.compile(r"(\(\s*(19|20)\d\d\s*\)|[\"“”«»*#<>\[\]`{}|]|https?://|system prompt|instruction)", re.I)
ECHO_RUN = 4
"""Words in a row shared with the person's message that make an intro sentence an echo."""
INTRO_MAX_TOKENS = 48
"""Two short sentences; the list of picks is written by code."""
_LIST_MARKER = re.compile(r"^\s*(\d+|[a-zA-Z])[.):]\s")
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def recommend(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Write the reply: a short intro (LLM, checked) and one line per chosen catalog item."""
    started = time.perf_counter()
    deps = runtime.context.deps
    signal = signal_of(state)
    replies = deps.replies(signal.language)
    chosen = state.get("chosen") or []
    items = [deps.catalog.get(c["item_id"]) for c in chosen]
    lead = (state.get("reply") or "").strip()
    no_taste = not (state.get("profile_vector") or signal.liked_genres)
    fallback = replies["intro_popular"] if no_taste else replies["intro"]
    intro = _llm_intro(state, deps, [i.label for i in items if i], signal.language) or fallback
    lines = [
        f"{n}. {item.label} — {c['reason']}" for n, (item, c) in enumerate(zip(items, chosen, strict=True), 1) if item
    ]
    writer = runtime.stream_writer
    parts = [p for p in (lead, intro) if p]
    text = scrub_reply(" ".join(parts) + "\n\n" + "\n".join(lines))
    for chunk in _chunks(text):
        writer({"token": chunk})
    turn_id = state.get("turn_id")
    if turn_id is not None:
        deps.repo.record_reply(turn_id, text)
    return {"reply": text, "trace": _elapsed(state, "recommend", started)}


def _chunks(text: str) -> list[str]:
    return re.findall(r"\S+\s*|\s+", text)


def _llm_intro(state: State, deps: Deps, labels: list[str], language: str) -> str:
    """The LLM's introduction, or "" when there is no LLM or its text breaks a rule."""
    if deps.llm is None or not labels:
        return ""
    from chat_rec.llm.prompts import load_prompt

    signal = signal_of(state)
    taste = [item.label for i in signal.liked_ids if (item := deps.catalog.get(i))] + signal.liked_genres
    try:
        messages: list[BaseMessage] = load_prompt("recommend").format_messages(
            language=LANGUAGE_NAMES.get(language, "English"),
            request=describe_request(signal),
            taste=", ".join(taste) or "not said yet",
            picks="; ".join(labels),
        )
        raw = invoke_bounded(deps.llm, messages, INTRO_MAX_TOKENS)
    except Exception as exc:  # a model failure must never lose the turn
        log.warning("LLM intro failed, using the template: %s", exc)
        return ""
    return check_intro(str(raw), deps, labels, message=state.get("user_text") or "")


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
    return "; ".join(parts) or "nothing specific"


def echoes_message(sentence: str, message: str) -> bool:
    """Whether the sentence repeats the person: ECHO_RUN words in a row, or barely a word of its own."""
    words, said = fold(sentence).split(), fold(message).split()
    if not words or not said:
        return False
    runs = {tuple(said[i:i + ECHO_RUN]) for i in range(len(said) - ECHO_RUN + 1)}
    if any(tuple(words[i:i + ECHO_RUN]) in runs for i in range(len(words) - ECHO_RUN + 1)):
        return True
    vocabulary = set(said)
    own = [w for w in words if w not in vocabulary]
    return len(own) * 4 <= len(words)


def check_intro(raw: str, deps: Deps, allowed_labels: list[str], message: str = "") -> str:
    """Keep the sentences that name no movie outside the chosen items; "" if none survive.

    A sentence is also dropped when it echoes ``message`` (the person's own words) or asks a
    question: the intro presents picks, and the turn does not wait for an answer.
    """
    kept: list[str] = []
    allowed_titles = {label.lower() for label in allowed_labels}
    for sentence in _SENTENCE_END.split(raw.strip()):
        sentence = " ".join(sentence.split())
        if (len(re.findall(r"[^\W\d_]{2,}", sentence)) < 3 or _LIST_MARKER.match(sentence)
                or _FORBIDDEN.search(sentence) or len(sentence) > 300 or echoes_prompt(sentence)):
            continue  # fragments, list items, markup and prompt echoes never reach the user
        if sentence.rstrip("\"'”»)").endswith("?") or echoes_message(sentence, message):
            continue
        mentions = deps.resolver.find_in_text(sentence)
        if mentions:  # a named movie, chosen or not: the list names the items, the intro does not
            continue
        if any(t in sentence.lower() for t in allowed_titles) or _names_something(sentence):
            continue
        kept.append(sentence)
        if len(kept) == 2:
            break
    return " ".join(kept)


def _names_something(sentence: str) -> bool:
    """A capitalised word inside a sentence is a name (a film, a person): the intro names none."""
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", sentence)
    for word in words[1:]:
        if word.isdigit() or (word[0].isupper() and word not in ALLOWED_CAPITALISED):
            return True
    return False


ALLOWED_CAPITALISED = {"I", "I'm", "I've", "I'll", "I'd", "OK", "TV", *GENRES, "Sci", "Fi", "Noir", "Film"}
