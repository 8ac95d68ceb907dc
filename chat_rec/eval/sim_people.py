"""Simulated people for `chat-rec eval simulate`: MovieLens histories split by time.

Each person's ratings are ordered by (timestamp, item id). The early part is what they can say
when onboarded (a loved title, a favourite genre, a genre to avoid); the later part is their
hidden taste: liked targets (rating >= 4) and disliked ones (<= 2). The catalog the app runs on
drops every simulated person's hidden ratings (``holdout_catalog``), so neither the
collaborative model nor the popularity prior has seen the answers.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from chat_rec.catalog.models import Catalog, Ratings

LIKE = 4.0
"""Hidden ratings at or above this are targets the person accepts."""
DISLIKE = 2.0
"""Ratings at or below this are dislikes (👎)."""
HIDDEN_SHARE = 0.5
"""Share of a person's ratings (the latest by time) that is hidden taste."""
HIDDEN_MAX = 40
"""At most this many latest ratings are hidden, so heavy raters do not make success trivial."""
MIN_RATINGS = 10
MIN_TARGETS = 3
TAG_MIN_ITEMS = 5
"""A tag is a general attribute (usable in a request) when at least this many catalog items carry it."""
AVOID_SKIP = frozenset({"IMAX"})
"""A format, not a genre a person avoids."""
SPANISH_SHARE = 0.3
"""Share of people who talk in Spanish."""


@dataclass(frozen=True)
class Taste:
    """The hidden taste in attributes only (no titles): what a request or a complaint is built from."""

    genre_like: dict[str, float]
    """Genre -> share of liked targets that have it."""
    genre_dislike: dict[str, float]
    """Genre -> share of disliked targets that have it."""
    genre_base: dict[str, float]
    """Genre -> share of catalog items that have it (to tell a taste from a base rate)."""
    year_lo: int | None
    year_hi: int | None
    """The middle 80 % of the liked targets' years."""
    year_median: int | None
    decade: int | None
    """The decade most liked targets share (>= 60 % of them), else None."""
    tags: tuple[str, ...]
    """General tags (on >= TAG_MIN_ITEMS catalog items) that >= 2 liked targets carry, most common first."""

    def top_genres(self, n: int = 2) -> list[str]:
        """The genres most over-represented among the liked targets."""
        scored = [(w - self.genre_base.get(g, 0.0), g) for g, w in self.genre_like.items() if w >= 0.2]
        scored.sort(key=lambda s: (-s[0], s[1]))
        return [g for s, g in scored if s > 0][:n] or sorted(self.genre_like, key=lambda g: -self.genre_like[g])[:n]

    def fit(self, genres: Sequence[str], year: int | None, tags: Sequence[str] = ()) -> float:
        """How well a card's attributes fit the taste (about -1..1); never looks at a title."""
        score = 0.0
        if genres:
            score += sum(self.genre_like.get(g, 0.0) - 0.5 * self.genre_dislike.get(g, 0.0)
                         - self.genre_base.get(g, 0.0) for g in genres) / len(genres)
        if year is not None and self.year_median is not None:
            score -= min(abs(year - self.year_median) / 30.0, 1.0) * 0.3
        if self.tags and tags:
            score += 0.1 * len(set(tags) & set(self.tags))
        return score


@dataclass
class Person:
    """One simulated person: a MovieLens user's history, split by time."""

    source_user: int
    language: str
    early: dict[int, float]
    """Item -> rating, the earlier ratings (what they can talk about)."""
    hidden: dict[int, float]
    """Item -> rating, the later ratings (never said)."""
    liked: tuple[int, ...]
    disliked: tuple[int, ...]
    loved: int | None
    """An early item they rated highest (the most-rated among ties): named in onboarding."""
    favourite: str | None
    avoid: str | None
    taste: Taste

    def targets(self, leaked: set[int] | frozenset[int] = frozenset()) -> set[int]:
        """Liked targets still counting: the leak guard removes those the person happened to name."""
        return set(self.liked) - set(leaked)

    def rating(self, item_id: int) -> float | None:
        return self.early.get(item_id, self.hidden.get(item_id))


def _ordered(ratings: Ratings, valid: set[int]) -> dict[int, list[tuple[int, float]]]:
    """Per user, (item, rating) in (timestamp, item id) order; users with missing timestamps dropped."""
    users, items, values, ts = ratings.users, ratings.items, ratings.ratings, ratings.timestamps
    bad = set(np.unique(users[ts < 0]).tolist())
    order = np.lexsort((items, ts, users))
    out: dict[int, list[tuple[int, float]]] = {}
    for i in order.tolist():
        u, it = int(users[i]), int(items[i])
        if u in bad or it not in valid:
            continue
        out.setdefault(u, []).append((it, float(values[i])))
    return out


def _tag_counts(catalog: Catalog) -> Counter[str]:
    return Counter(t for item in catalog for t in set(item.tags))


def _genre_shares(catalog: Catalog, ids: Sequence[int]) -> dict[str, float]:
    counts: Counter[str] = Counter(g for i in ids if (it := catalog.get(i)) for g in it.genres)
    return {g: c / len(ids) for g, c in counts.items()} if ids else {}


def build_taste(catalog: Catalog, liked: Sequence[int], disliked: Sequence[int],
                base: dict[str, float], general_tags: set[str]) -> Taste:
    """The attributes of the liked and disliked targets."""
    years = sorted(y for i in liked if (it := catalog.get(i)) and (y := it.year))
    lo = hi = med = decade = None
    if years:
        lo, hi = int(np.percentile(years, 10)), int(np.percentile(years, 90))
        med = int(np.median(years))
        top, count = Counter(y // 10 * 10 for y in years).most_common(1)[0]
        decade = top if count >= 0.6 * len(years) else None
    tag_counts = Counter(t for i in liked if (it := catalog.get(i)) for t in set(it.tags) if t in general_tags)
    tags = tuple(t for t, c in sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= 2)[:4]
    return Taste(_genre_shares(catalog, liked), _genre_shares(catalog, disliked), base, lo, hi, med, decade, tags)


def _early_genres(catalog: Catalog, early: dict[int, float], base: dict[str, float]) -> tuple[str | None, str | None]:
    """(favourite, avoid) from the early ratings only."""
    liked = [i for i, r in early.items() if r >= LIKE]
    fav_counts = Counter(g for i in liked if (it := catalog.get(i)) for g in it.genres if g not in AVOID_SKIP)
    favourite = min(fav_counts, key=lambda g: (-fav_counts[g], g)) if fav_counts else None
    sums: dict[str, list[float]] = {}
    for i, r in early.items():
        for g in (it.genres if (it := catalog.get(i)) else ()):
            sums.setdefault(g, []).append(r)
    common = [g for g, share in base.items() if share >= 0.03 and g not in AVOID_SKIP and g != favourite]
    rated_low = [g for g in common if len(sums.get(g, [])) >= 2 and np.mean(sums[g]) <= 2.5]
    if rated_low:
        return favourite, min(rated_low, key=lambda g: (float(np.mean(sums[g])), g))
    n = max(len(early), 1)
    # never or rarely watched, relative to how common the genre is
    avoid = min(common, key=lambda g: (len(sums.get(g, [])) / n / base[g], g)) if common else None
    return favourite, avoid


def build_people(catalog: Catalog, n: int, seed: int, known: set[int] | None = None,
                 languages: Sequence[str] = ("en", "es")) -> list[Person]:
    """``n`` people sampled (seeded) from the catalog's raters with enough early and hidden ratings.

    ``known`` limits items to those the app can show (the index's ids); default: the catalog's.
    """
    valid = known if known is not None else set(catalog.ids)
    per_user = _ordered(catalog.ratings, valid)
    base = _genre_shares(catalog, catalog.ids)
    general_tags = {t for t, c in _tag_counts(catalog).items() if c >= TAG_MIN_ITEMS}
    rng = np.random.default_rng(seed)
    users = sorted(u for u, seq in per_user.items() if len(seq) >= MIN_RATINGS)
    people: list[Person] = []
    for u in rng.permutation(users).tolist():
        seq = per_user[int(u)]
        cut = max(len(seq) - HIDDEN_MAX, int(round(len(seq) * (1 - HIDDEN_SHARE))))
        early, hidden = dict(seq[:cut]), dict(seq[cut:])
        liked = tuple(i for i, r in hidden.items() if r >= LIKE)
        early_liked = [i for i, r in early.items() if r >= LIKE]
        if len(liked) < MIN_TARGETS or not early_liked:
            continue
        disliked = tuple(i for i, r in hidden.items() if r <= DISLIKE)
        loved = max(early_liked, key=lambda i: (early[i], catalog.items[i].popularity, -i))
        favourite, avoid = _early_genres(catalog, early, base)
        language = "es" if "es" in languages and rng.random() < SPANISH_SHARE else languages[0]
        people.append(Person(int(u), language, early, hidden, liked, disliked, loved, favourite, avoid,
                             build_taste(catalog, liked, disliked, base, general_tags)))
        if len(people) >= n:
            break
    return people


def holdout_catalog(catalog: Catalog, people: Sequence[Person]) -> Catalog:
    """The catalog without the people's hidden ratings: counts and means recomputed from what is left."""
    hide = {(p.source_user, i) for p in people for i in p.hidden}
    r = catalog.ratings
    keep = np.array([(int(u), int(i)) not in hide for u, i in zip(r.users, r.items, strict=True)], dtype=bool)
    kept = Ratings(r.users[keep], r.items[keep], r.ratings[keep], r.timestamps[keep])
    counts: Counter[int] = Counter(kept.items.tolist())
    sums = np.bincount(kept.items, weights=kept.ratings.astype(np.float64)) if len(kept) else np.zeros(0)
    items = {
        i: dataclasses.replace(it, popularity=counts.get(i, 0),
                               mean_rating=round(float(sums[i]) / counts[i], 3) if counts.get(i) else 0.0)
        for i, it in catalog.items.items()
    }
    return Catalog(name=catalog.name, items=items, ratings=kept, sources=dict(catalog.sources))
