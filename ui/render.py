"""Turn ChatService results into escaped HTML, DataFrames and JSON-able dicts (no Gradio here).

Every string that came from the catalog, the user or the model goes through ``html.escape``:
a title or a reply must never be able to inject markup into the page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from html import escape
from typing import TYPE_CHECKING, Any

import pandas as pd

from chat_rec.results import ProfileView, RecommendedItem, TurnResult
from chat_rec.understanding.audience import AUDIENCE_TERM

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MAX_CARDS = 5
"""Card slots on the page; each has its own 👍 / 👎 / "Seen it" buttons."""

MAX_CHIPS = 4
"""Quick-reply buttons on the page."""

PLOT_GENRES = 4
"""Genres drawn in the "how your taste moved" plot."""

PRESENTER_TURNS = 6
"""Turns kept in the presenter panel (newest first)."""

SCORE_PARTS = ("content", "collaborative", "popularity", "genre", "final")

TYPING = "…"
"""The placeholder reply shown while the answer is being written."""


def chat_text(text: str) -> str:
    """Make a chat message inert text: markup is shown, never rendered."""
    return escape(text, quote=False)


def header_html(info: Mapping[str, object]) -> str:
    """One line saying what is loaded (model, catalog, startup times)."""

    def text(value: object) -> str:
        if isinstance(value, Mapping):
            return ", ".join(f"{key} {val}" for key, val in value.items())
        return str(value)

    shown = {key: value for key, value in info.items() if key != "startup_s"}
    parts = [
        f"<span class='cr-fact'><b>{escape(str(key))}</b> {escape(text(value))}</span>" for key, value in shown.items()
    ]
    return "<div class='cr-header'>" + " · ".join(parts) + "</div>"


# ------------------------------------------------------------------ cards
def item_dict(item: RecommendedItem) -> dict[str, Any]:
    """Convert a recommended item to plain JSON data (for API clients and the page's state)."""
    return {
        "item_id": int(item.item_id),
        "title": item.title,
        "year": item.year,
        "genres": list(item.genres),
        "reason": item.reason,
        "score": float(item.score),
        "breakdown": {str(key): float(value) for key, value in (item.breakdown or {}).items()},
    }


def item_from_dict(data: Mapping[str, Any]) -> RecommendedItem:
    """The inverse of ``item_dict`` (cards are re-drawn from the page's state)."""
    return RecommendedItem(
        item_id=int(data["item_id"]),
        title=str(data["title"]),
        year=data.get("year"),
        genres=tuple(data.get("genres") or ()),
        reason=str(data.get("reason") or ""),
        score=float(data.get("score") or 0.0),
        breakdown=dict(data.get("breakdown") or {}),
    )


def card_html(position: int, item: RecommendedItem) -> str:
    """One recommendation card: title, year, genres and the one-line reason it was picked."""
    year = f" <span class='cr-year'>({item.year})</span>" if item.year else ""
    genres = "".join(f"<span class='cr-genre'>{escape(genre)}</span>" for genre in item.genres)
    reason = escape(item.reason) if item.reason else "<span class='cr-muted'>From your last visit.</span>"
    return (
        f"<div class='cr-card' data-item-id='{int(item.item_id)}' data-label='{escape(item.label)}'>"
        f"<div class='cr-title'><span class='cr-pos'>{position}</span>{escape(item.title)}{year}</div>"
        f"<div class='cr-genres'>{genres}</div>"
        f"<div class='cr-reason'>{reason}</div>"
        "</div>"
    )


EMPTY_CARDS = (
    "<div class='cr-empty'>Your picks will appear here. Tell me a movie you loved, "
    "or tap a suggestion under the chat.</div>"
)


# ------------------------------------------------------------------ profile
def _pills(values: Sequence[str], kind: str) -> str:
    if not values:
        return "<span class='cr-muted'>none yet</span>"
    return "".join(f"<span class='cr-pill cr-{kind}'>{escape(value)}</span>" for value in values)


def _leaning(view: ProfileView, n: int = 3) -> tuple[list[str], list[str]]:
    """(genres the taste leans towards, genres it leans away from), from the latest turn."""
    towards = [genre for genre, _ in view.top_genres[:n]]
    latest = view.genre_history[-1] if view.genre_history else {}
    away = [genre for genre, _ in sorted(latest.items(), key=lambda kv: kv[1])[:n] if genre not in towards]
    return towards, away


def profile_html(view: ProfileView | None) -> str:
    """Render the profile panel: what the recommender remembers about this user."""
    if view is None:
        return "<div class='cr-profile cr-muted'>Press Start (or sign in): your profile shows up here.</div>"

    towards, away = _leaning(view)
    turns = "turn" if view.turns == 1 else "turns"
    constraints = [f"no {genre}" for genre in view.excluded_genres]
    if view.year_min or view.year_max:
        constraints.append(f"years {view.year_min or '…'}–{view.year_max or '…'}")
    constraints += ["for all ages" if mood == AUDIENCE_TERM else mood for mood in view.moods]
    constraints += [f"not {mood}" for mood in view.avoided_moods]

    def row(field: str, label: str, body: str) -> str:
        return f"<div class='cr-profile-line' data-field='{field}'><b>{label}</b> {body}</div>"

    return (
        "<div class='cr-profile'>"
        f"<div class='cr-profile-who'><b>{escape(view.user)}</b> · {int(view.turns)} {turns}</div>"
        + row("liked", "👍 Liked", _pills(view.liked, "like"))
        + row("disliked", "👎 Disliked", _pills(view.disliked, "dislike"))
        + row("seen", "👁 Seen", _pills(view.seen, "seen"))
        + row("towards", "Leaning towards", _pills(towards, "like"))
        + row("away", "Leaning away from", _pills(away, "dislike"))
        + row("constraints", "Constraints", _pills(constraints, "rule"))
        + "</div>"
    )


def genre_history_frame(view: ProfileView | None, genres: int = PLOT_GENRES) -> pd.DataFrame:
    """Long table (turn, genre, similarity) for the plot: the top genres over the conversation.

    ``turn`` is a string ("1", "2", …) as turns are categories, not quantities.
    """
    columns = ["turn", "genre", "similarity"]
    if view is None or not view.genre_history:
        return pd.DataFrame(columns=columns)
    chosen = [genre for genre, _ in view.top_genres[:genres]]
    if not chosen:
        latest = view.genre_history[-1]
        chosen = sorted(latest, key=lambda genre: -latest[genre])[:genres]
    rows = [
        (str(turn), genre, float(scores[genre]))
        for genre in sorted(chosen)
        for turn, scores in enumerate(view.genre_history, start=1)
        if genre in scores
    ]
    return pd.DataFrame(rows, columns=columns)


def genre_history_figure(view: ProfileView | None, genres: int = PLOT_GENRES) -> Figure | None:
    """A small line chart of ``genre_history_frame``: one line per top genre, one point per turn."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    frame = genre_history_frame(view, genres)
    if frame.empty:
        return None
    figure = Figure(figsize=(4.2, 3.4), dpi=110, layout="constrained")
    axes = figure.add_subplot()
    for genre, rows in frame.groupby("genre", sort=True):
        turns = rows["turn"].astype(int)
        axes.plot(turns, rows["similarity"], marker="o", markersize=3.5, linewidth=2, label=str(genre))
    axes.set_xlabel("turn")
    axes.set_ylabel("similarity to genre")
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.grid(alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title("How your taste moved", fontsize=10)
    figure.legend(fontsize=8, frameon=False, ncols=genres, loc="outside lower center")
    return figure


# ------------------------------------------------------------------ presenter mode
def _table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    th = "".join(f"<th>{escape(cell)}</th>" for cell in head)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    table = f"<table class='cr-table'><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"
    return f"<div class='cr-scroll'>{table}</div>"


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return escape(", ".join(str(v) for v in value))
    return escape(str(value))


def _filled(data: Mapping[str, object]) -> list[tuple[str, object]]:
    """The entries worth showing: no empty lists, Nones or Falses."""
    return [(key, value) for key, value in data.items() if value not in (None, False, "", [], (), {})]


def model_calls_html(calls: Sequence[Mapping[str, Any]]) -> str:
    """Which model calls the turn made and how long each took ("none" when templates answered)."""
    if not calls:
        return "<div class='cr-calls' data-field='llm-calls'><b>Model calls:</b> none (fixed replies)</div>"
    parts = []
    for call in calls:
        facts = [f"{float(call.get('ms') or 0):.0f} ms"]
        if call.get("first_token_ms") is not None:
            facts.append(f"first token {float(call['first_token_ms']):.0f} ms")
        if call.get("pieces") is not None:
            facts.append(f"{int(call['pieces'])} pieces")
        if call.get("shown") is not None:
            facts.append(f"{int(call['shown'])} sentence(s) shown")
        if call.get("dropped"):
            facts.append("dropped: " + ", ".join(str(d) for d in call["dropped"]))
        if call.get("error"):
            facts.append(f"failed ({call['error']})")
        parts.append(f"<code>{escape(str(call.get('call', 'model')))}</code> " + escape(", ".join(facts)))
    return "<div class='cr-calls' data-field='llm-calls'><b>Model calls:</b> " + "; ".join(parts) + "</div>"


def turn_html(number: int, label: str, result: TurnResult) -> str:
    """What the machine did for one turn: stage, graph path with ms, signal, filters, scored picks."""
    trace: dict[str, Any] = dict(result.trace or {})
    ms: Mapping[str, float] = trace.get("ms") or {}
    path = list(trace.get("path") or ms.keys())
    total = trace.get("total_ms")
    steps = (
        "<span class='cr-arrow'>→</span>".join(
            f"<span class='cr-step'>{escape(str(node))}<small>{float(ms.get(node, 0.0)):.1f} ms</small></span>"
            for node in path
        )
        or "<span class='cr-muted'>no graph run (greeting from the stored profile)</span>"
    )
    signal = _filled(result.signal or {})
    constraints = _filled(trace.get("constraints") or {})
    calls = model_calls_html(trace.get("llm_calls") or [])
    parts = [
        f"<div class='cr-turn-head'><b>Turn {number}</b> · {escape(label)} · stage "
        f"<code>{escape(result.stage)}</code>" + (f" · {float(total):.0f} ms" if total is not None else "") + "</div>",
        f"<div class='cr-path' aria-label='graph path'>{steps}</div>",
        calls,
    ]
    facts = []
    if signal:
        facts.append(
            "<div><div class='cr-sub'>Extracted signal</div>"
            + _table(("field", "value"), [(escape(k), _value(v)) for k, v in signal])
            + "</div>"
        )
    if constraints:
        facts.append(
            "<div><div class='cr-sub'>Filters</div>"
            + _table(("filter", "value"), [(escape(k), _value(v)) for k, v in constraints])
            + "</div>"
        )
    if facts:
        parts.append("<div class='cr-facts'>" + "".join(facts) + "</div>")
    if result.items:
        rows = [
            [str(n), escape(item.label)] + [f"{float(item.breakdown.get(part, 0.0)):.3f}" for part in SCORE_PARTS]
            for n, item in enumerate(result.items, start=1)
        ]
        parts.append(
            "<div class='cr-sub'>Top candidates and their scores</div>" + _table(("#", "title", *SCORE_PARTS), rows)
        )
    return "<section class='cr-turn'>" + "".join(parts) + "</section>"


def presenter_html(turns: Sequence[str]) -> str:
    """The presenter panel: the latest turns' blocks, newest first."""
    if not turns:
        return "<div class='cr-muted'>Send a message: each turn's path through the graph shows up here.</div>"
    return "".join(reversed(list(turns)[-PRESENTER_TURNS:]))


# ------------------------------------------------------------------ API dicts
def result_dict(result: TurnResult) -> dict[str, object]:
    """Convert a turn's outcome to plain JSON data (for API clients)."""
    return {
        "reply": result.reply,
        "stage": result.stage,
        "asks_question": bool(result.asks_question),
        "quick_replies": list(result.quick_replies),
        "items": [item_dict(item) for item in result.items],
        "server_ms": result.trace.get("total_ms"),
        "llm_calls": list(result.trace.get("llm_calls") or []),  # type: ignore[call-overload]
    }


def profile_dict(view: ProfileView) -> dict[str, object]:
    """Convert a profile view to plain JSON data (tuples become lists, numbers stay numbers)."""
    data = asdict(view)
    data["top_genres"] = [[genre, float(score)] for genre, score in view.top_genres]
    data["genre_history"] = [{genre: float(score) for genre, score in turn.items()} for turn in view.genre_history]
    return data
