"""One rule for a turn's filters: what the user judged before, plus what this message says.

The conversation graph (``nodes.compute_constraints``), the CRS benchmark's replay and the latency
bench all call ``build_constraints``, so the benchmark scores exactly the filters the app applies.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from chat_rec.catalog.models import Catalog, era_years
from chat_rec.understanding.signal import PreferenceSignal


class History(Protocol):
    """What is known from earlier turns (``profile.records.Profile`` has these fields)."""

    @property
    def liked_ids(self) -> Collection[int]: ...

    @property
    def disliked_ids(self) -> Collection[int]: ...

    @property
    def seen_ids(self) -> Collection[int]: ...

    @property
    def rejected_ids(self) -> Collection[int]: ...

    @property
    def excluded_genres(self) -> Collection[str]: ...

    @property
    def year_min(self) -> int | None: ...

    @property
    def year_max(self) -> int | None: ...


@dataclass
class Constraints:
    """Hard filters and the ids the user has already judged."""

    excluded_genres: Collection[str] = ()
    year_min: int | None = None
    year_max: int | None = None
    exclude_ids: Collection[int] = ()
    liked_ids: Collection[int] = ()
    disliked_ids: Collection[int] = ()
    liked_genres: Collection[str] = field(default_factory=tuple)
    context_ids: Collection[int] = ()
    """Movies named in the conversation with no verdict (seen, or talked about): weak positive
    evidence for the collaborative and conversation scores, never shown again."""
    liked_aspects: Sequence[str] = ()
    """Moods, topics and attributes asked for (soft: they pull, see ``RankWeights.aspect``)."""
    disliked_aspects: Sequence[str] = ()
    """Aspects to avoid (soft: they push)."""
    asked_aspects: Sequence[str] = ()
    """The liked aspects this message itself asks for (not carried from earlier turns): the picks'
    floor (``pipeline.with_aspect_floor``) holds for these only."""
    seed_ids: Sequence[int] = ()
    """The films the request in force asks for more of ("something like Amélie"): when set, the
    item-item signals start from them instead of from every liked film (``session.ActiveRequest.seeds``)."""
    left_ids: Sequence[int] = ()
    """Films liked before the last change of topic by a mood: still liked and excluded, but no seeds
    or context for the item-item signals (``session.ActiveRequest.left``)."""

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (the graph keeps constraints in its state)."""
        return {"excluded_genres": sorted(self.excluded_genres), "year_min": self.year_min,
                "year_max": self.year_max, "exclude_ids": sorted(self.exclude_ids),
                "liked_ids": sorted(self.liked_ids), "disliked_ids": sorted(self.disliked_ids),
                "liked_genres": sorted(self.liked_genres), "context_ids": sorted(self.context_ids),
                "liked_aspects": list(self.liked_aspects), "disliked_aspects": list(self.disliked_aspects),
                "asked_aspects": list(self.asked_aspects), "seed_ids": list(self.seed_ids),
                "left_ids": list(self.left_ids)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> Constraints:
        """The inverse of ``as_dict`` (missing keys take the defaults)."""
        d = dict(data or {})

        def ids(key: str) -> tuple[int, ...]:
            return tuple(int(i) for i in d.get(key) or ())  # type: ignore[attr-defined]

        return cls(excluded_genres=tuple(d.get("excluded_genres") or ()),  # type: ignore[arg-type]
                   year_min=d.get("year_min"), year_max=d.get("year_max"),  # type: ignore[arg-type]
                   exclude_ids=set(ids("exclude_ids")), liked_ids=ids("liked_ids"),
                   disliked_ids=ids("disliked_ids"), liked_genres=tuple(d.get("liked_genres") or ()),  # type: ignore[arg-type]
                   context_ids=ids("context_ids"),
                   liked_aspects=tuple(str(a) for a in d.get("liked_aspects") or ()),  # type: ignore[attr-defined]
                   disliked_aspects=tuple(str(a) for a in d.get("disliked_aspects") or ()),  # type: ignore[attr-defined]
                   asked_aspects=tuple(str(a) for a in d.get("asked_aspects") or ()),  # type: ignore[attr-defined]
                   seed_ids=ids("seed_ids"), left_ids=ids("left_ids"))


@dataclass
class TurnHistory:
    """The judged movies and filters of the turns so far, kept in memory as the profile store keeps
    them (the CRS replay and the latency bench use it in place of a stored profile).
    """

    liked_ids: dict[int, None] = field(default_factory=dict)
    disliked_ids: dict[int, None] = field(default_factory=dict)
    seen_ids: dict[int, None] = field(default_factory=dict)
    rejected_ids: tuple[int, ...] = ()
    excluded_genres: tuple[str, ...] = ()
    year_min: int | None = None
    year_max: int | None = None

    def copy(self) -> TurnHistory:
        """An independent copy (the state before a turn)."""
        return TurnHistory(dict(self.liked_ids), dict(self.disliked_ids), dict(self.seen_ids),
                           self.rejected_ids, self.excluded_genres, self.year_min, self.year_max)

    def absorb(self, signal: PreferenceSignal, c: Constraints) -> None:
        """Commit one turn: the latest verdict wins; genre and year filters as the turn left them."""
        for item in signal.liked_ids:
            self.disliked_ids.pop(item, None)
            self.liked_ids[item] = None
        for item in signal.disliked_ids:
            self.liked_ids.pop(item, None)
            self.disliked_ids[item] = None
        self.seen_ids.update(dict.fromkeys(signal.seen_ids))
        self.excluded_genres = tuple(c.excluded_genres)
        self.year_min, self.year_max = c.year_min, c.year_max


def year_range(signal: PreferenceSignal, year_min: int | None, year_max: int | None) -> tuple[int | None, int | None]:
    """The year range after this message: a new range replaces the old; otherwise it stays.

    A like, a genre or "more" does not lift it: people who asked for the 90s and liked a card did
    not stop wanting the 90s (simulated people got other decades from the next list on when it did).
    """
    if signal.year_min is not None or signal.year_max is not None:
        return signal.year_min, signal.year_max
    return year_min, year_max


def era_range(era: str, shown_years: Sequence[int], year_min: int | None = None,
              year_max: int | None = None, catalog_years: Sequence[int] = (),
              liked_years: Sequence[int] = ()) -> tuple[int | None, int | None]:
    """"too old for me" / "something older" as a year range: newer or older than the middle of the
    picks on screen, inside the range already in force (``year_min``..``year_max``: "the 90s, but
    newer" stays in the 90s). Nothing on screen ("anything recent?" as a first message): the catalog's
    own newest or oldest years (``catalog.models.era_years`` over ``catalog_years``), inside the range
    in force. "same" ("more from that decade") is the decades of the films the message likes, else of the
    picks on screen, and replaces the range in force. Nothing to compare with, or no room left in the
    range: the range in force.
    """
    if era == "same":
        anchor = sorted(liked_years or shown_years)
        if not anchor:
            return year_min, year_max
        return anchor[0] // 10 * 10, anchor[-1] // 10 * 10 + 9
    if shown_years:
        middle = sorted(shown_years)[len(shown_years) // 2]
        lowest, highest = (middle + 1, None) if era == "newer" else (None, middle - 1)
    else:
        lowest, highest = era_years(catalog_years, era)
    if lowest is None and highest is None:
        return year_min, year_max
    low, high = year_min, year_max
    if era == "newer" and lowest is not None:
        low = lowest if year_min is None else max(lowest, year_min)
    elif era != "newer" and highest is not None:
        high = highest if year_max is None else min(highest, year_max)
    if low is not None and high is not None and low > high:
        return year_min, year_max
    return low, high


YearSpan = tuple[int | None, int | None]


def with_era(signal: PreferenceSignal, shown_ids: Sequence[int], year_min: int | None, year_max: int | None,
             catalog: Catalog) -> tuple[PreferenceSignal, YearSpan | None]:
    """A message's relative era ("these feel dated", "anything from lately?") as its year range
    (``era_range`` around the years of the picks on screen, ``shown_ids``, or the catalog's own years
    when none are), and that range; the message as it is and None when it has no era or states years
    itself. The conversation graph and the CRS benchmark's replay both read eras through this.
    """
    if not signal.era or signal.year_min is not None or signal.year_max is not None:
        return signal, None
    shown, liked = ([y for i in ids if (item := catalog.get(i)) is not None and (y := item.year)]
                    for ids in (shown_ids, signal.liked_ids))  # the liked films' years: for "same"
    span = era_range(signal.era, shown, year_min, year_max,
                     () if shown or signal.era == "same" else catalog.years, liked)
    return signal.model_copy(update=dict(zip(("year_min", "year_max"), span, strict=True))), span


def carried_aspects(signal: PreferenceSignal, previous: Mapping[str, Sequence[str]] | None,
                    fresh_request: bool | None = None,
                    relative: bool = False) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(liked, disliked) aspects after this message: new ones replace the old; a fresh request
    drops the old mood; otherwise (a reaction to the picks, a steer) the mood carries on. A message
    that asks for more or less of something than what is shown (``relative``, ``intent.relative_ask``)
    and is no fresh request adds its moods to the old ones instead ("a scary movie" then "less dark,
    more fun": still scary, now fun, not dark), the newer side winning where the two disagree.

    ``fresh_request`` says whether the message is a new request (``session.message_kind``);
    None reads any named title or genre as one.
    """
    own = tuple(signal.liked_aspects), tuple(signal.disliked_aspects)
    old = dict(previous or {})
    if (own[0] or own[1]) and relative and fresh_request is not True:
        liked = [a for a in old.get("liked", ()) if a not in own[1]]
        disliked = [a for a in old.get("disliked", ()) if a not in own[0]]
        return (tuple(dict.fromkeys([*liked, *own[0]])), tuple(dict.fromkeys([*disliked, *own[1]])))
    if own[0] or own[1]:
        return own
    fresh = bool(signal.liked_ids or signal.liked_genres) if fresh_request is None else fresh_request
    if fresh:
        return (), ()
    return tuple(old.get("liked", ())), tuple(old.get("disliked", ()))


def build_constraints(history: History, signal: PreferenceSignal, marks: Mapping[str, Iterable[int]] | None = None,
                      shown: Iterable[int] = (), asked_again: Iterable[int] = (),
                      mentioned: Iterable[int] = ()) -> Constraints:
    """The filters for this turn: earlier exclusions plus what the message said.

    ``marks``: this turn's liked / disliked / rejected / seen ids; ``shown``: every item shown so
    far, never shown again unless the message names it without a verdict (``asked_again``);
    ``mentioned``: other movies named in the conversation, excluded and used as context unless
    disliked.
    """
    excluded = (set(history.excluded_genres) | set(signal.disliked_genres)) - set(signal.liked_genres)
    year_min, year_max = year_range(signal, history.year_min, history.year_max)
    mentioned = set(mentioned)
    exclude = (set(history.liked_ids) | set(history.disliked_ids) | set(history.rejected_ids)
               | set(history.seen_ids) | {i for ids in (marks or {}).values() for i in ids}
               | set(signal.liked_ids) | set(signal.disliked_ids) | set(signal.seen_ids) | mentioned)
    exclude |= set(shown) - set(asked_again)
    liked = set(history.liked_ids) | set(signal.liked_ids)
    disliked = set(history.disliked_ids) | set(history.rejected_ids) | set(signal.disliked_ids)
    context = (set(history.seen_ids) | set(signal.seen_ids) | mentioned) - disliked - liked
    return Constraints(excluded_genres=tuple(sorted(excluded)), year_min=year_min, year_max=year_max,
                       exclude_ids=exclude, liked_ids=tuple(sorted(liked - disliked)),
                       disliked_ids=tuple(sorted(disliked)), liked_genres=tuple(sorted(signal.liked_genres)),
                       context_ids=tuple(sorted(context)))
