"""The conversation graph's state: a narrow input and the fuller per-thread state."""

from __future__ import annotations

from typing import Any, TypedDict


class InputState(TypedDict, total=False):
    """What one call of the graph brings in."""

    user_text: str
    """The user's message q_t (empty for a button event)."""

    event: dict[str, Any] | None
    """A UI event instead of text: {"type": "feedback", "item_id": int, "like": bool} or
    {"type": "seen", "item_id": int}."""


class State(InputState, total=False):
    """Everything a thread (one user) keeps between turns, plus this turn's working data."""

    history: list[dict[str, str]]
    """The last turns as {"role", "text"}; bounded by settings.max_history_turns."""

    last_items: list[int]
    """Catalog ids shown in the previous reply, in order (for "the second one")."""

    about_items: list[int]
    """The films the previous reply talked about instead of showing picks ("Would I like Aliens?" "Aliens (1986)? I
    think you'd like it"): what the next message refers to ("loved it", "seen it") in place of ``last_items``. Empty
    after any other reply."""

    last_reply: str
    """The previous reply r_t."""

    signal: dict[str, Any]
    """This turn's PreferenceSignal (model_dump)."""

    profile_vector: list[float] | None
    """p_{t+1} after this turn's update (not yet committed until `persist`)."""

    vector_before: list[float] | None
    """p_t, as loaded at the start of the turn."""

    onboarding_step: int
    """Questions asked so far (from the stored profile)."""

    onboarding_done: bool

    stage: str
    """onboarding | elicit | recommend | feedback | smalltalk."""

    reply: str
    """This turn's reply text (templated replies are set before `persist`)."""

    asks_question: bool

    quick_replies: list[str]

    candidates: list[int]
    """Ids retrieved from the index for ranking."""

    chosen: list[dict[str, Any]]
    """The ranked items to show: {"item_id", "score", "breakdown", "reason"}."""

    marks: dict[str, list[int]]
    """Item marks to store this turn: liked / disliked / seen / rejected."""

    onboarding_answer: str | None

    turn_id: int | None
    """The committed turn's row id (set by `persist`)."""

    trace: dict[str, Any]
    """Path through the graph and milliseconds per step (for the presenter view)."""

    constraints: dict[str, Any]
    """This turn's filters: excluded_genres, year_min/max, exclude_ids, liked/disliked ids."""

    query_vector: list[float] | None
    """The message's embedding (retrieval and the content score share it)."""

    aspects: dict[str, list[str]]
    """Moods and topics in force, {"liked": [...], "disliked": [...]}: kept for the next turn
    ("more please"), replaced by new ones, dropped by a fresh request for titles or genres."""

    request: dict[str, Any]
    """The request in force, {"query": [...] | None, "genres": [...], "topic": [...]}
    (``ranking.session``): kept while the person reacts to the picks, steered by "more X" or a mood
    that fits, replaced by a new request or a change of topic."""

    era_span: list[int | None] | None
    """The year range a relative era ("too old for me") made, while it lasts (``nodes.compute_constraints``)."""

    era_base: list[int | None] | None
    """The year range in force before the era narrowed it ("after 1982", then "something older"):
    what the range returns to when the era ends."""
