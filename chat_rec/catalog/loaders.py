"""Catalog loaders. This first version reads ml-latest-small style folders."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from chat_rec.catalog.models import Catalog, Item, Ratings
from chat_rec.catalog.titles import natural_title
from chat_rec.errors import DataFileError


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _read_csv(path: Path, required: tuple[str, ...]) -> list[dict[str, str]]:
    if not path.is_file():
        raise DataFileError(f"Catalog file {path} is missing. Point CHAT_REC_CATALOG_DIR at a MovieLens folder.")
    try:
        with path.open(newline="", encoding="utf-8") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in required if c not in (reader.fieldnames or [])]
            if missing:
                raise DataFileError(f"{path} is not a valid catalog file: missing column(s) {', '.join(missing)}.")
            return list(reader)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise DataFileError(f"{path} could not be read ({exc}). Is it a UTF-8 CSV file?") from exc


def load_latest_small(folder: Path, top_tags: int = 5) -> Catalog:
    """ml-latest-small / ml-latest layout: movies.csv, ratings.csv, tags.csv, links.csv."""
    folder = Path(folder)
    movies = _read_csv(folder / "movies.csv", ("movieId", "title", "genres"))
    sources = {"movies.csv": sha256_file(folder / "movies.csv")}
    ratings = Ratings.empty()
    if (folder / "ratings.csv").is_file():
        rows = _read_csv(folder / "ratings.csv", ("userId", "movieId", "rating"))
        sources["ratings.csv"] = sha256_file(folder / "ratings.csv")
        try:
            ratings = Ratings(
                users=np.array([int(r["userId"]) for r in rows], dtype=np.int64),
                items=np.array([int(r["movieId"]) for r in rows], dtype=np.int64),
                ratings=np.array([float(r["rating"]) for r in rows], dtype=np.float32),
                timestamps=np.array([int(r.get("timestamp") or -1) for r in rows], dtype=np.int64),
            )
        except ValueError as exc:
            raise DataFileError(f"{folder / 'ratings.csv'} has a malformed row ({exc}).") from exc
    tags: dict[int, Counter[str]] = defaultdict(Counter)
    if (folder / "tags.csv").is_file():
        sources["tags.csv"] = sha256_file(folder / "tags.csv")
        for row in _read_csv(folder / "tags.csv", ("movieId", "tag")):
            tag = row["tag"].strip().lower()
            if tag:
                tags[int(row["movieId"])][tag] += 1
    links: dict[int, int] = {}
    if (folder / "links.csv").is_file():
        sources["links.csv"] = sha256_file(folder / "links.csv")
        for row in _read_csv(folder / "links.csv", ("movieId", "tmdbId")):
            if row["tmdbId"].strip():
                links[int(row["movieId"])] = int(row["tmdbId"])
    counts = Counter(ratings.items.tolist())
    sums: dict[int, float] = defaultdict(float)
    for item, value in zip(ratings.items.tolist(), ratings.ratings.tolist()):
        sums[item] += value
    items: dict[int, Item] = {}
    for row in movies:
        try:
            item_id = int(row["movieId"])
        except ValueError as exc:
            raise DataFileError(f"movies.csv has a non-numeric movieId {row['movieId']!r}.") from exc
        title, year = natural_title(row["title"])
        genres = tuple(g for g in row["genres"].split("|") if g and g != "(no genres listed)")
        n = counts.get(item_id, 0)
        items[item_id] = Item(
            item_id=item_id, title=title, year=year, genres=genres,
            tags=tuple(t for t, _ in tags[item_id].most_common(top_tags)),
            raw_title=row["title"], tmdb_id=links.get(item_id), popularity=n,
            mean_rating=round(sums[item_id] / n, 3) if n else 0.0,
        )
    return Catalog(name=folder.name, items=items, ratings=ratings, sources=sources)


def load_catalog(folder: Path) -> Catalog:
    """Load a catalog folder, detecting its layout."""
    folder = Path(folder)
    if not folder.exists():
        raise DataFileError(f"Catalog folder {folder} does not exist.")
    return load_latest_small(folder)
