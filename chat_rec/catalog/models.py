"""The catalog's item model and the in-memory catalog with its ratings."""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

GENRES: tuple[str, ...] = (
    "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama",
    "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
    "Thriller", "War", "Western",
)
"""The MovieLens genre vocabulary (the extraction benchmark's too)."""


@dataclass(frozen=True)
class Item:
    """One catalog movie: the only kind of thing chat-rec ever recommends."""

    item_id: int
    title: str
    """Natural title without year: "The Matrix" (MovieLens stores "Matrix, The")."""
    year: int | None
    genres: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    overview: str = ""
    keywords: tuple[str, ...] = ()
    """Plot keywords from an ingested TMDB file (lowercase); matched by moods, not embedded."""
    cast: tuple[str, ...] = ()
    """Top-billed cast from an ingested TMDB file (lowercase names); matched by moods and
    descriptions ("something with Tom Hanks", "the Sean Connery one"), not embedded."""
    all_tags: tuple[str, ...] = ()
    """Every distinct tag the tags file gives the movie (cast, places, themes; lowercase), for
    matching descriptions of listed movies ("the Jeff Bridges one"); not embedded."""
    raw_title: str = ""
    """The title exactly as the source file writes it: "Matrix, The (1999)"."""
    tmdb_id: int | None = None
    popularity: int = 0
    """Number of ratings in the catalog's ratings file."""
    mean_rating: float = 0.0

    @property
    def label(self) -> str:
        """Display name: "The Matrix (1999)"."""
        return f"{self.title} ({self.year})" if self.year else self.title

    def document(self) -> str:
        """The text embedded for retrieval: title, year, genres, top tags, overview."""
        parts = [self.label]
        if self.genres:
            parts.append("Genres: " + ", ".join(self.genres) + ".")
        if self.tags:
            parts.append("Tags: " + ", ".join(self.tags) + ".")
        if self.overview:
            parts.append(self.overview)
        return " ".join(parts)


@dataclass
class Ratings:
    """Explicit ratings as parallel arrays (user, item, rating, timestamp)."""

    users: np.ndarray
    items: np.ndarray
    ratings: np.ndarray
    timestamps: np.ndarray
    """Seconds since the epoch; -1 where the source has no timestamp."""

    def __len__(self) -> int:
        return int(self.users.shape[0])

    @classmethod
    def empty(cls) -> Ratings:
        z = np.zeros(0, dtype=np.int64)
        return cls(z, z.copy(), np.zeros(0, dtype=np.float32), z.copy())


RECENT_YEARS = 5
"""How many of the catalog's last years count as new: "the new Ghostbusters", "anything from lately"."""
OLD_SHARE = 0.25
"""An older era with nothing on screen to compare with ("got any old ones?"): the oldest quarter of films."""


def era_years(years: Sequence[int], era: str) -> tuple[int | None, int | None]:
    """A relative era read against the whole catalog (``years``: its films' years), for when no picks
    are on screen to compare with: "newer" is the last ``RECENT_YEARS`` years, "older" the years of
    its oldest ``OLD_SHARE`` of films. No years: no range.
    """
    known = sorted(int(y) for y in years if y)
    if not known:
        return None, None
    if era == "newer":
        return known[-1] - RECENT_YEARS + 1, None
    return None, known[min(len(known) - 1, int(len(known) * OLD_SHARE))]


@dataclass
class Catalog:
    """Items by id, their ratings, and the SHA-256 of every input file."""

    name: str
    items: dict[int, Item]
    ratings: Ratings = field(default_factory=Ratings.empty)
    sources: dict[str, str] = field(default_factory=dict)
    """Input file name -> SHA-256, recorded at ingest."""

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self.items

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items.values())

    def get(self, item_id: int) -> Item | None:
        return self.items.get(item_id)

    @property
    def ids(self) -> list[int]:
        return list(self.items)

    @functools.cached_property
    def years(self) -> tuple[int, ...]:
        """Every film's release year, sorted, worked out once: eras read against the whole catalog
        (``era_years``) on any turn that asks for one.
        """
        return tuple(sorted(item.year for item in self.items.values() if item.year))

    @property
    def fingerprint(self) -> str:
        """One hash over the input hashes and the item documents' settings."""
        payload = json.dumps({"name": self.name, "sources": self.sources}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    def with_sources(self, sources: Mapping[str, str]) -> Catalog:
        self.sources.update(sources)
        return self
