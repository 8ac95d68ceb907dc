"""The request in force: what a conversation keeps asking for until the person asks for something else.

A message that only reacts to the picks on screen ("the second one looks good", "anything else?",
a 👍) states no request of its own. Embedding its words as the query, or dropping the genres and
year range of the request it reacts to, moved every follow-up list away from the request's own
ranking: simulated people found fewer of their movies by talking than by paging through the first
answer (docs/benchmarks.md, "Whole conversations"). So the request's query vector and genres are
kept until a new request replaces them, and a steer ("more sci-fi!") is folded into them.

A person who names genres that have nothing to do with the request's ("I like romantic comedies"
while sci-fi is on screen) has changed their mind, whether they ask for a list or not: that is a
``change`` of topic, and the old topic's words, genres, mood and year range end with it. Whether
two genres belong together is read from the catalog (``GenreAffinity``), not from a table; a mood
alone is judged by the genres of the films its tags point to.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import permutations
from typing import Any, Literal

import numpy as np

from chat_rec.understanding.signal import PreferenceSignal

MessageKind = Literal["new", "change", "steer", "react"]

STEER_SHARE = 0.5
"""A steer's words weigh this much in the query after it; the request it steers keeps the rest."""


@dataclass(frozen=True)
class ActiveRequest:
    """The query vector and the liked genres in force (the genres are a soft boost, not a filter)."""

    query: tuple[float, ...] | None = None
    genres: tuple[str, ...] = ()
    topic: tuple[str, ...] = ()
    """The genres the request asked for (a steer's "more action!" adds to ``genres``, not to the
    topic): what a named genre is compared with to tell a change of mind from a steer."""
    seeds: tuple[int, ...] = ()
    """The films a request by title asked for more of ("something like Amélie") and those liked since:
    the item-item signals start from them, not from every film liked in earlier requests. Empty for
    a request by genre or mood (every liked film counts, as before)."""
    left: tuple[int, ...] = ()
    """The films liked before the last change of topic by a mood asked for ("now something that makes
    me cry" after liking The Hangover): they keep their verdicts (liked, never shown again) but no
    longer seed the item-item signals while the new topic, its steers and the reactions to it are in
    force. A change by genres leaves nothing (the genre boost and floor hold it)."""

    def vector(self) -> np.ndarray | None:
        """The query as float32, or None."""
        return None if self.query is None else np.asarray(self.query, dtype=np.float32)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form (the graph keeps it in its checkpointed state)."""
        return {"query": None if self.query is None else list(self.query), "genres": list(self.genres),
                "topic": list(self.topic), "seeds": list(self.seeds), "left": list(self.left)}

    @classmethod
    def from_dict(cls, data: Mapping[str, object] | None) -> ActiveRequest | None:
        """The inverse of ``as_dict``; None when no request was made yet."""
        if not data:
            return None
        query = data.get("query")
        genres = tuple(str(g) for g in data.get("genres") or ())  # type: ignore[attr-defined]
        topic = data.get("topic")  # a state saved before topics were kept: its genres are the topic
        return cls(None if query is None else tuple(float(x) for x in query),  # type: ignore[attr-defined]
                   genres, genres if topic is None else tuple(str(g) for g in topic),  # type: ignore[attr-defined]
                   tuple(int(i) for i in data.get("seeds") or ()),  # type: ignore[attr-defined]
                   tuple(int(i) for i in data.get("left") or ()))  # type: ignore[attr-defined]


@dataclass(frozen=True)
class GenreAffinity:
    """How often two genres share a film in the catalog, against chance (lift).

    Genres that share films more often than chance (sci-fi and action, comedy and romance) are one
    topic seen from two sides: naming one while the other is in force narrows the request. Genres
    that share fewer films than chance (sci-fi and romance) are different topics.
    """

    counts: Mapping[str, int] = field(default_factory=dict)
    pairs: Mapping[tuple[str, str], int] = field(default_factory=dict)
    films: int = 0
    film_genres: tuple[frozenset[str], ...] = ()
    """Each film's genres, in the order given (the index's rows), for ``films_fit``."""

    @classmethod
    def from_genres(cls, genre_lists: Iterable[Sequence[str]]) -> GenreAffinity:
        """Count each genre and each ordered pair of genres over the films' genre lists."""
        counts: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        film_genres = []
        for genres in genre_lists:
            unique = frozenset(genres)
            film_genres.append(unique)
            counts.update(unique)
            pairs.update(permutations(unique, 2))
        return cls(dict(counts), dict(pairs), len(film_genres), tuple(film_genres))

    @classmethod
    def of_index(cls, catalog: Any, ids: Iterable[int]) -> GenreAffinity:
        """Over the films at the index's rows (``ids`` in row order); an id the catalog lacks has no genres."""
        return cls.from_genres(item.genres if (item := catalog.get(int(i))) is not None else () for i in ids)

    def films_fit(self, rows: Collection[int], topic: Collection[str]) -> bool:
        """The films at ``rows`` (those a mood's tags point to) carry a topic genre more often than
        the catalog's films do: "funny" fits comedies, "something my kids can watch" no mystery.
        """
        wanted = set(topic)
        inside = [r for r in rows if 0 <= r < len(self.film_genres)]
        base = sum(1 for g in self.film_genres if g & wanted)
        if not inside or not base:
            return True  # nothing to judge by: the mood narrows the topic
        share = sum(1 for r in inside if self.film_genres[r] & wanted) / len(inside)
        return share > base / len(self.film_genres)

    def lift(self, a: str, b: str) -> float:
        """P(a and b) / (P(a) P(b)); 0 for a genre the catalog does not hold."""
        if not self.counts.get(a) or not self.counts.get(b):
            return 0.0
        return self.pairs.get((a, b), 0) * self.films / (self.counts[a] * self.counts[b])

    def compatible(self, a: str, b: str) -> bool:
        """The same genre, or two that share films more often than chance."""
        return a == b or self.lift(a, b) > 1.0


def changes_topic(signal: PreferenceSignal, previous: ActiveRequest | None, affinity: GenreAffinity | None) -> bool:
    """The message names liked genres and none of them is, or goes with, a genre of the request's topic.

    Without a genre topic (a request by title or mood) or without the catalog's affinity there is
    no topic to leave: a named genre narrows the request.
    """
    if previous is None or affinity is None or not previous.topic:
        return False
    named = [g for g in signal.liked_genres if g not in set(signal.disliked_genres)]
    return bool(named) and not any(affinity.compatible(g, r) for g in named for r in previous.topic)


def with_shown_topic(previous: ActiveRequest | None, shown_genres: Sequence[Sequence[str]]) -> ActiveRequest | None:
    """A request asked by title or mood has no genre topic; the picks on screen show what it turned
    into ("I loved Interstellar and Arrival" gave action and sci-fi films): the genres most of them
    share stand for its topic when a message is compared with it (``message_kind``).
    """
    if previous is None or previous.topic or not shown_genres:
        return previous
    counts = Counter(g for genres in shown_genres for g in set(genres))
    topic = tuple(sorted(g for g, n in counts.items() if 2 * n > len(shown_genres)))
    return replace(previous, topic=topic) if topic else previous


def message_kind(signal: PreferenceSignal, shown: Collection[int], has_text: bool,
                 previous: ActiveRequest | None = None, affinity: GenreAffinity | None = None,
                 mood_rows: Collection[int] | None = None,
                 named_genres: Sequence[Sequence[str]] = (), relative: bool = False) -> MessageKind:
    """How a message relates to the request in force (``previous``).

    ``new``: it asks for something in its own words (liked genres, moods, a year range or titles
    not on screen; a relative era alone is not one) and asks for picks; ``change``: it names liked
    genres that do not go with the request's (``changes_topic``), asked as a request or stated as a
    taste ("I like romantic comedies"), or only a mood whose films (``mood_rows``: the index rows
    its tags point to) do not lean to the topic's genres ("something my kids can watch" after a
    mystery); ``steer``: it states a preference that fits the request without asking for a new
    list ("more sci-fi!"), or only a mood that fits or a year range while a request with genres is
    in force ("algo más divertido", "from the 90s this time"), or only films that all carry a genre
    of that request (``named_genres``: the genres of each liked film not on screen; "I'd rather
    watch Unforgiven" after "any westerns?" narrows the westerns, "like Amélie" starts anew);
    ``react``: it only judges what is on screen or asks for more (a button, "the second one",
    "anything else?", "not so much drama"). ``relative``: the message asks for more or less of
    something than what is shown ("more action!", ``intent.relative_ask``): asked as a request or
    not, it steers unless it names films, even toward genres that do not go with the topic ("no
    dramas, something more action packed" after westerns narrows the westerns' list, years and all:
    a comparative is said of the picks on screen).
    """
    named = [i for i in signal.liked_ids if i not in set(shown)]
    # A relative era ("something older") is a wish about the picks on screen, not a request of its
    # own: the request in force stays, and the era moves the year range (``constraints.era_range``).
    states = bool(signal.liked_genres or signal.liked_aspects or named
                  or signal.year_min is not None or signal.year_max is not None)
    if not has_text or not states:
        return "react"
    if changes_topic(signal, previous, affinity) and not (relative and not named):
        return "change"
    if previous is not None and previous.topic and not (signal.liked_genres or named):
        # a mood or a year with no topic of its own: it narrows the topic in force, unless the mood
        # belongs to other genres
        fits = affinity is None or not mood_rows or affinity.films_fit(mood_rows, previous.topic)
        return "steer" if fits else "change"
    if (previous is not None and previous.topic and not signal.liked_genres and not signal.liked_aspects
            and named_genres and all(set(g) & set(previous.topic) for g in named_genres)):
        return "steer"  # films of the topic in force: it narrows the topic, as a fitting mood does
    return "new" if signal.wants_new_recommendations and not (relative and not named) else "steer"


def classify(previous: ActiveRequest | None, signal: PreferenceSignal, text: str, shown: Sequence[int],
             genres_of: Callable[[int], Sequence[str] | None], affinity: GenreAffinity | None = None,
             aspects: Any = None) -> tuple[MessageKind, list[int]]:
    """(``message_kind`` of the message, the liked films it names that are not on screen), read as the
    graph reads a turn: the request in force judged with the genres its named films share, else those
    on screen (``with_shown_topic``), and a mood alone placed by the films its tags point to
    (``aspects.tagged``). ``genres_of(id)``: a catalog film's genres (None when unknown). The graph's
    ``refine`` and the CRS replay call this.
    """
    from chat_rec.understanding import intent

    # a request by title is about its films ("I loved The Hangover and Superbad"): the genres most of
    # them share are its topic, not those the picks happen to add (romance on a list of comedies)
    basis = list(previous.seeds) if previous is not None and previous.seeds else list(shown)
    judged = with_shown_topic(previous, [g for i in basis if (g := genres_of(i)) is not None])
    named = [i for i in signal.liked_ids if i not in set(shown)]
    named_genres = [g for i in named if (g := genres_of(i)) is not None]
    rows: list[int] = []
    if aspects is not None and judged is not None and judged.topic and not signal.liked_genres and signal.liked_aspects:
        found: set[int] = set()
        for phrase in signal.liked_aspects:
            found.update(np.flatnonzero(aspects.tagged(phrase)).tolist())
        rows = sorted(found)
    kind = message_kind(signal, shown, bool(text), judged, affinity, rows, named_genres,
                        relative=intent.relative_ask(text))
    return kind, named


def _unit(v: np.ndarray) -> np.ndarray | None:
    norm = float(np.linalg.norm(v))
    return None if norm <= 0 or not np.isfinite(norm) else (v / norm).astype(np.float32)


def next_request(previous: ActiveRequest | None, kind: MessageKind, signal: PreferenceSignal,
                 text_vector: np.ndarray | None, named: Sequence[int] = (),
                 earlier: Collection[int] = (), like: Sequence[int] = ()) -> ActiveRequest:
    """The request in force after this message.

    The first request, and every ``new`` or ``change`` one, is the message itself (its embedding,
    its liked genres, the liked films it ``named`` that are not on screen as its seeds). A ``steer``
    mixes its words into the query (``STEER_SHARE``) and adds its genres; a ``react`` keeps the
    query. Films liked while a request has seeds join them. Genres the message rules out leave the
    boost either way. ``earlier``: the films liked before this message; a ``change`` by a mood alone
    that asks for picks leaves them behind (``ActiveRequest.left``, the films it names excepted: a
    mood read from a remark is too often a misreading to end a topic); other kinds keep what was left.
    ``like``: the films the message asks for more like by title (``own_mentions.asked_like_films``);
    those it likes become the seeds whatever the kind: "more like Heat" after liking Heat and Scarface
    is about Heat alone, though as a steer it keeps the request's genres and words.
    """
    dropped = set(signal.disliked_genres)
    topic = list(previous.topic) if previous is not None else []
    seeds = list(previous.seeds) if previous is not None else []
    if seeds:
        seeds += [i for i in signal.liked_ids if i not in set(seeds)]
    if previous is None or kind in ("new", "change"):
        query = text_vector
        genres = list(signal.liked_genres)
        topic = list(genres)
        seeds = list(dict.fromkeys(named))
    elif kind == "steer":
        topic = topic or list(signal.liked_genres)  # no genre asked for yet: the first one named sets it
        old = previous.vector()
        if old is None or text_vector is None:
            query = text_vector if old is None else old
        else:
            query = _unit((1.0 - STEER_SHARE) * old + STEER_SHARE * _unit(np.asarray(text_vector, np.float32)))  # type: ignore[operator]
        genres = list(dict.fromkeys([*previous.genres, *signal.liked_genres]))
    else:
        query = previous.vector()
        genres = list(previous.genres)
    asked = [i for i in like if i in set(signal.liked_ids)]
    if asked:
        seeds = list(dict.fromkeys(asked))
    unit = None if query is None else _unit(np.asarray(query, dtype=np.float32))
    disliked = set(signal.disliked_ids)
    left = previous.left if previous is not None else ()
    if kind == "change" and not signal.liked_genres and signal.wants_new_recommendations:
        left = tuple(sorted(set(earlier)))
    left = tuple(i for i in left if i not in set(named))  # a film named again pulls again
    return ActiveRequest(None if unit is None else tuple(float(x) for x in unit),
                         tuple(g for g in genres if g not in dropped), tuple(g for g in topic if g not in dropped),
                         tuple(i for i in seeds if i not in disliked), left)
