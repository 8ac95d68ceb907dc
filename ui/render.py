"""Turn ChatService results into escaped HTML and JSON-able dicts (no Gradio here).

Every string that came from the catalog, the user or the model goes through ``html.escape``:
a title or a reply must never be able to inject markup into the page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from html import escape

from chat_rec.results import ProfileView, RecommendedItem, TurnResult

MAX_CARDS = 5
"""Card slots on the page; each has its own 👍/👎 buttons."""

MAX_CHIPS = 4
"""Quick-reply buttons on the page."""


def chat_text(text: str) -> str:
    """Make a chat message inert text: markup is shown, never rendered."""
    return escape(text, quote=False)


def header_html(info: Mapping[str, object]) -> str:
    """One line saying what is loaded (model, catalog, index, home)."""

    def text(value: object) -> str:
        if isinstance(value, Mapping):
            return ", ".join(f"{key} {val}" for key, val in value.items())
        return str(value)

    parts = [
        f"<span class='cr-fact'><b>{escape(str(key))}</b>: {escape(text(value))}</span>" for key, value in info.items()
    ]
    return "<div class='cr-header'>" + " · ".join(parts) + "</div>"


def card_html(position: int, item: RecommendedItem) -> str:
    """One recommendation card: title, year, genres and the reason it was picked."""
    year = f" <span class='cr-year'>({item.year})</span>" if item.year else ""
    genres = "".join(f"<span class='cr-genre'>{escape(genre)}</span>" for genre in item.genres)
    return (
        f"<div class='cr-card' data-item-id='{int(item.item_id)}'>"
        f"<div class='cr-title'><span class='cr-pos'>{position}.</span> {escape(item.title)}{year}</div>"
        f"<div class='cr-genres'>{genres}</div>"
        f"<div class='cr-reason'>{escape(item.reason)}</div>"
        "</div>"
    )


def profile_html(view: ProfileView | None) -> str:
    """Render the profile panel: what the recommender remembers about this user."""
    if view is None:
        return "<div class='cr-profile cr-muted'>Start a conversation to build your profile.</div>"

    def line(label: str, values: tuple[str, ...] | list[str]) -> str:
        shown = ", ".join(escape(value) for value in values) if values else "<i>none yet</i>"
        return f"<div class='cr-profile-line'><b>{label}</b>: {shown}</div>"

    genres = [f"{genre} {score:+.2f}" for genre, score in view.top_genres[:5]]
    years = ""
    if view.year_min or view.year_max:
        years = f"{view.year_min or '…'}–{view.year_max or '…'}"
    constraints = list(f"no {genre}" for genre in view.excluded_genres)
    if years:
        constraints.append(f"years {years}")
    return (
        "<div class='cr-profile'>"
        f"<div class='cr-profile-line'><b>{escape(view.user)}</b> · {int(view.turns)} turns</div>"
        + line("Liked", view.liked)
        + line("Disliked", view.disliked)
        + line("Top genres", genres)
        + line("Constraints", constraints)
        + "</div>"
    )


def item_dict(item: RecommendedItem) -> dict[str, object]:
    """Convert a recommended item to plain JSON data (for API clients)."""
    return {
        "item_id": int(item.item_id),
        "title": item.title,
        "year": item.year,
        "genres": list(item.genres),
        "reason": item.reason,
        "score": float(item.score),
    }


def result_dict(result: TurnResult) -> dict[str, object]:
    """Convert a turn's outcome to plain JSON data (for API clients)."""
    return {
        "reply": result.reply,
        "stage": result.stage,
        "asks_question": bool(result.asks_question),
        "quick_replies": list(result.quick_replies),
        "items": [item_dict(item) for item in result.items],
    }


def profile_dict(view: ProfileView) -> dict[str, object]:
    """Convert a profile view to plain JSON data (tuples become lists, numbers stay numbers)."""
    data = asdict(view)
    data["top_genres"] = [[genre, float(score)] for genre, score in view.top_genres]
    data["genre_history"] = [{genre: float(score) for genre, score in turn.items()} for turn in view.genre_history]
    return data
