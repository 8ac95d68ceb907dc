"""What a reply says back in words, beside or instead of picks: each verdict under its own words, the facts of a
film asked about, what the assistant remembers of the person, and titles or names the catalog does not know. Split
from ``nodes`` (the graph's nodes call these).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from chat_rec.understanding import film_facts, lexicon
from chat_rec.understanding.signal import PreferenceSignal

if TYPE_CHECKING:
    from chat_rec.catalog.models import Item
    from chat_rec.profile.records import Profile


def _quoted(words: Sequence[str], n: int = 3, chars: int = 60) -> str:
    """The first ``n`` words or phrases a note names, each in quotes and cut at ``chars``."""
    return ", ".join(f"“{w[:chars]}”" for w in list(words)[:n])


def _unknown_titles_note(signal: PreferenceSignal, replies: dict[str, Any]) -> str:
    if not signal.unresolved_titles:
        return ""
    titles = _quoted(signal.unresolved_titles)
    key = "unknown_title" if len(signal.unresolved_titles) == 1 else "unknown_titles"
    return replies[key].format(titles=titles) + " "


def _unknown_names_note(signal: PreferenceSignal, replies: dict[str, Any], key: str = "unknown_names") -> str:
    """Says which people the message asked for are unknown to the catalog (``signal.unknown_names``);
    ``key``: the reply above picks, or ``unknown_names_ask`` before a question.
    """
    if not signal.unknown_names:
        return ""
    names = _quoted(signal.unknown_names)
    return str(replies[key]).format(names=names) + " "


def remembered(profile: Profile, replies: dict[str, Any], item: Callable[[int], Item | None]) -> str:
    """What the assistant remembers of the person, in words ("what do you know about me?"): the films liked and
    disliked (a few, and how many more), the genres and years kept to; the profile panel holds the rest.
    """
    def names(ids: set[int]) -> str:
        found = sorted(film.label for i in ids if (film := item(i)) is not None)
        more = replies["more_names"].format(n=len(found) - 5) if len(found) > 5 else ""
        return ", ".join(found[:5]) + more

    parts = [replies[key].format(titles=said) for key, ids in (
        ("profile_liked", profile.liked_ids), ("profile_disliked", profile.disliked_ids | profile.rejected_ids))
        if (said := names(ids))]
    if profile.excluded_genres:
        parts.append(replies["profile_excluded"].format(genres=", ".join(sorted(profile.excluded_genres))))
    if profile.year_min is not None or profile.year_max is not None:
        parts.append(replies["profile_years"].format(low=profile.year_min or "…", high=profile.year_max or "…"))
    if not parts:
        return str(replies["profile_empty"])
    return " ".join([replies["profile_intro"], *parts, replies["profile_panel"]])


def acknowledge(signal: PreferenceSignal, replies: dict[str, Any], item: Callable[[int], Item | None]) -> str:
    """Say back each verdict under its own words: liked as liked, disliked as disliked, seen as seen."""
    parts = []
    for key, ids in (("feedback_like", signal.liked_ids), ("feedback_dislike", signal.disliked_ids),
                     ("feedback_seen", signal.seen_ids)):
        names = [found.label for i in ids if (found := item(i)) is not None]
        if names:  # three names at most, and how many more ("… Inside Out (2015) and 1 more"): none left unsaid
            more = replies["more_names"].format(n=len(names) - 3) if len(names) > 3 else ""
            parts.append(replies[key].format(title=", ".join(names[:3]) + more))
    return " ".join(parts)


def answer_facts(signal: PreferenceSignal, replies: dict[str, Any], item: Callable[[int], Item | None]) -> str:
    """The reply to a question about a film's facts (``understanding.film_facts``): the year and what
    its genres and tags say when that is what was asked, and otherwise plainly that the catalog does not
    hold it (running time, cast, director, where to watch), followed by what the catalog does know.
    """
    if not signal.fact_topic:
        return ""
    films = [found for i in signal.fact_ids[:3] if (found := item(i)) is not None]
    topic = signal.fact_topic
    if not films:
        return "" if topic in film_facts.KNOWN else str(replies["fact_cannot_any"])
    parts = []
    for film in films:
        if topic == "year" and film.year:
            parts.append(replies["fact_year"].format(title=film.title, year=film.year))
            continue
        if topic not in film_facts.KNOWN:
            parts.append(replies["fact_cannot"].format(what=replies[f"fact_{topic}"].format(title=film.title)))
        about = [t for t in film.tags if not (lexicon.NEGATIVE.search(t) or lexicon.POSITIVE.search(t))]
        tags = ", ".join(f"“{t}”" for t in about[:3])  # what it is about, not what someone thought of it
        tagged = replies["fact_tags"].format(tags=tags) if tags else ""
        parts.append(replies["fact_known"].format(title=film.label, genres=", ".join(film.genres), tags=tagged,
                                                  rating=film.mean_rating, count=film.popularity))
    return " ".join(parts)
