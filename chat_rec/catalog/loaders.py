"""Catalog loaders: ml-latest-small, MovieLens 100k and 1M, a generic CSV, and TMDB overviews.

`load_catalog` detects the layout of a folder (or file) and returns a `Catalog` whose
`sources` hold the SHA-256 of every file read, so the index can tell when the data changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from tqdm.auto import tqdm

from chat_rec.catalog.models import Catalog, Item, Ratings
from chat_rec.catalog.titles import fold, natural_title
from chat_rec.errors import DataFileError

ML100K_GENRES: tuple[str, ...] = (
    "unknown",
    "Action",
    "Adventure",
    "Animation",
    "Children",
    "Comedy",
    "Crime",
    "Documentary",
    "Drama",
    "Fantasy",
    "Film-Noir",
    "Horror",
    "Musical",
    "Mystery",
    "Romance",
    "Sci-Fi",
    "Thriller",
    "War",
    "Western",
)
"""The 19 genre flags of ML-100k's u.item, in file order ("Children's" already renamed)."""

_GENRE_ALIASES = {"Children's": "Children", "(no genres listed)": "", "unknown": ""}
_HINT = "Point CHAT_REC_CATALOG_DIR at a MovieLens folder (ml-latest-small, ml-100k or ml-1m) or a CSV file."


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read in 1 MiB chunks."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------------------------------- reading


def _require(path: Path) -> Path:
    if not path.is_file():
        raise DataFileError(f"Catalog file {path} is missing. {_HINT}")
    return path


def _first_bad_line(path: Path, encoding: str, sep: str, width: int) -> str:
    """Find the first line that does not split into `width` fields (for the error message)."""
    try:
        with path.open(encoding=encoding, errors="replace", newline="") as fh:
            rows = (
                csv.reader(fh, delimiter=sep) if len(sep) == 1 else (ln.rstrip("\n").split(sep) for ln in fh)
            )
            for number, row in enumerate(rows, start=1):
                if row and len(row) != width:
                    return f" (line {number}: {sep.join(row)[:80]!r})"
    except (OSError, csv.Error):
        pass
    return ""


def _read_table(
    path: Path,
    required: tuple[str, ...] = (),
    *,
    sep: str = ",",
    names: list[str] | None = None,
    dtype: Any = None,
    encoding: str = "utf-8",
    quoting: int = csv.QUOTE_MINIMAL,
) -> pd.DataFrame:
    """Read a delimited file with pandas, turning every failure into a DataFileError."""
    _require(path)
    original_sep = sep
    try:
        if len(sep) > 1:  # "::" in ML-1M: swap for a byte the files never contain, keep the C parser
            raw = path.read_bytes().replace(sep.encode(), b"\t")
            source: Any = io.BytesIO(raw)
            sep = "\t"
        else:
            source = path
        frame = pd.read_csv(
            source,
            sep=sep,
            header=None if names else "infer",
            names=names,
            dtype=dtype,
            encoding=encoding,
            quoting=quoting,
            keep_default_na=False,
            na_values=[""],
            engine="c",
        )
    except UnicodeDecodeError as exc:
        raise DataFileError(
            f"{path} is not valid {encoding} text ({exc.reason} at byte {exc.start}). "
            f"Save it as {encoding.upper()} or use the original download."
        ) from exc
    except (ValueError, pd.errors.ParserError, csv.Error) as exc:
        width = len(names) if names else len(required) or 1
        where = _first_bad_line(path, encoding, original_sep, width) if names else ""
        raise DataFileError(
            f"{path} has a malformed row{where}: {str(exc).splitlines()[0]}. "
            "Fix or remove that row, or use the original download."
        ) from exc
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise DataFileError(
            f"{path} is not a valid catalog file: missing column(s) {', '.join(missing)} "
            f"(found {', '.join(map(str, frame.columns)) or 'none'})."
        )
    return frame


def _ratings_frame(path: Path, frame: pd.DataFrame, cols: tuple[str, str, str, str | None]) -> Ratings:
    """Turn a frame into parallel rating arrays; empty timestamps become -1."""
    user, item, rating, stamp = cols
    try:

        def column(name: str) -> pd.Series:
            return pd.to_numeric(frame[name], errors="raise")

        ts = (
            column(stamp).fillna(-1) if stamp and stamp in frame.columns else pd.Series(-1, index=frame.index)
        )
        result = Ratings(
            users=column(user).to_numpy(dtype=np.int64),
            items=column(item).to_numpy(dtype=np.int64),
            ratings=column(rating).to_numpy(dtype=np.float32),
            timestamps=ts.to_numpy(dtype=np.int64),
        )
    except (ValueError, TypeError) as exc:
        raise DataFileError(
            f"{path} has a malformed rating row ({exc}; position counts data rows from 0). "
            "Every row needs numeric user, item and rating; fix that row or use the original download."
        ) from exc
    return result


def _rating_stats(ratings: Ratings) -> tuple[dict[int, int], dict[int, float]]:
    """Count ratings and average them per item."""
    if not len(ratings):
        return {}, {}
    ids, inverse, counts = np.unique(ratings.items, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ratings.ratings.astype(np.float64))
    means = [round(s / c, 3) for s, c in zip(sums.tolist(), counts.tolist(), strict=False)]
    return dict(zip(ids.tolist(), counts.tolist(), strict=False)), dict(
        zip(ids.tolist(), means, strict=False)
    )


def _genres(values: Iterable[str]) -> tuple[str, ...]:
    out = []
    for value in values:
        value = _GENRE_ALIASES.get(value.strip(), value.strip())
        if value and value not in out:
            out.append(value)
    return tuple(out)


def _make_items(
    rows: Iterable[tuple[int, str, tuple[str, ...]]],
    ratings: Ratings,
    *,
    tags: dict[int, tuple[str, ...]] | None = None,
    all_tags: dict[int, tuple[str, ...]] | None = None,
    links: dict[int, int] | None = None,
    years: dict[int, int] | None = None,
    overviews: dict[int, str] | None = None,
) -> dict[int, Item]:
    counts, means = _rating_stats(ratings)
    items: dict[int, Item] = {}
    for item_id, raw_title, genres in rows:
        title, year = natural_title(raw_title)
        if year is None and years:
            year = years.get(item_id)
        items[item_id] = Item(
            item_id=item_id,
            title=title,
            year=year,
            genres=genres,
            tags=(tags or {}).get(item_id, ()),
            all_tags=(all_tags or {}).get(item_id, ()),
            overview=(overviews or {}).get(item_id, ""),
            raw_title=raw_title,
            tmdb_id=(links or {}).get(item_id),
            popularity=counts.get(item_id, 0),
            mean_rating=means.get(item_id, 0.0),
        )
    return items


def _ids(path: Path, values: pd.Series) -> list[int]:
    try:
        return [int(v) for v in values]
    except ValueError as exc:
        raise DataFileError(f"{path} has a non-numeric movie id ({exc}). Fix that row.") from exc


# ---------------------------------------------------------------------------------------- layouts


def load_latest_small(folder: Path, top_tags: int = 5, progress: bool = False) -> Catalog:
    """ml-latest-small / ml-latest layout: movies.csv, ratings.csv, tags.csv, links.csv."""
    folder = Path(folder)
    present = [n for n in ("movies.csv", "ratings.csv", "tags.csv", "links.csv") if (folder / n).is_file()]
    bar = tqdm(total=len(present), desc="Loading catalog", unit="file", disable=not progress)
    movies = _read_table(folder / "movies.csv", ("movieId", "title", "genres"), dtype=str).fillna("")
    bar.update()
    sources = {"movies.csv": sha256_file(folder / "movies.csv")}
    ratings = Ratings.empty()
    if (folder / "ratings.csv").is_file():
        path = folder / "ratings.csv"
        frame = _read_table(path, ("userId", "movieId", "rating"))
        ratings = _ratings_frame(path, frame, ("userId", "movieId", "rating", "timestamp"))
        sources["ratings.csv"] = sha256_file(path)
        bar.update()
    tags: dict[int, tuple[str, ...]] = {}
    all_tags: dict[int, tuple[str, ...]] = {}
    if (folder / "tags.csv").is_file():
        path = folder / "tags.csv"
        frame = _read_table(path, ("movieId", "tag"), dtype=str)
        counters: dict[int, Counter[str]] = defaultdict(Counter)
        for movie, tag in zip(_ids(path, frame["movieId"]), frame["tag"].fillna(""), strict=False):
            tag = str(tag).strip().lower()
            if tag:
                counters[movie][tag] += 1
        tags = {m: tuple(t for t, _ in c.most_common(top_tags)) for m, c in counters.items()}
        all_tags = {m: tuple(c) for m, c in counters.items()}
        sources["tags.csv"] = sha256_file(path)
        bar.update()
    links: dict[int, int] = {}
    if (folder / "links.csv").is_file():
        path = folder / "links.csv"
        frame = _read_table(path, ("movieId", "tmdbId"), dtype=str)
        for movie, tmdb in zip(_ids(path, frame["movieId"]), frame["tmdbId"].fillna(""), strict=False):
            if str(tmdb).strip():
                links[movie] = int(str(tmdb))
        sources["links.csv"] = sha256_file(path)
        bar.update()
    bar.close()
    rows = zip(
        _ids(folder / "movies.csv", movies["movieId"]),
        movies["title"].astype(str),
        (_genres(g.split("|")) for g in movies["genres"].astype(str)),
        strict=False,
    )
    items = _make_items(rows, ratings, tags=tags, all_tags=all_tags, links=links)
    return Catalog(name=folder.name, items=items, ratings=ratings, sources=sources)


def load_ml100k(folder: Path, progress: bool = False) -> Catalog:
    """MovieLens 100k: u.item (pipe-separated, latin-1, 19 genre flags) and u.data."""
    folder = Path(folder)
    bar = tqdm(total=2, desc="Loading catalog", unit="file", disable=not progress)
    names = ["id", "title", "release", "video", "url", *ML100K_GENRES]
    movies = _read_table(
        folder / "u.item", sep="|", names=names, dtype=str, encoding="latin-1", quoting=csv.QUOTE_NONE
    )
    bar.update()
    flags = movies[list(ML100K_GENRES)].fillna("0").to_numpy() == "1"
    genres = [_genres(g for g, on in zip(ML100K_GENRES, row, strict=False) if on) for row in flags]
    years: dict[int, int] = {}
    ids = _ids(folder / "u.item", movies["id"])
    for item_id, release in zip(ids, movies["release"].fillna(""), strict=False):
        match = re.search(r"(\d{4})$", str(release))
        if match:
            years[item_id] = int(match.group(1))
    ratings = Ratings.empty()
    sources = {"u.item": sha256_file(folder / "u.item")}
    if (folder / "u.data").is_file():
        path = folder / "u.data"
        frame = _read_table(path, sep="\t", names=["user", "item", "rating", "ts"])
        ratings = _ratings_frame(path, frame, ("user", "item", "rating", "ts"))
        sources["u.data"] = sha256_file(path)
    bar.update()
    bar.close()
    items = _make_items(
        zip(ids, movies["title"].fillna("").astype(str), genres, strict=False), ratings, years=years
    )
    return Catalog(name=folder.name, items=items, ratings=ratings, sources=sources)


def load_ml1m(folder: Path, progress: bool = False) -> Catalog:
    """MovieLens 1M: movies.dat (`::`, latin-1) and ratings.dat or ratings_reconstructed.csv."""
    folder = Path(folder)
    bar = tqdm(total=2, desc="Loading catalog", unit="file", disable=not progress)
    movies = _read_table(
        folder / "movies.dat",
        sep="::",
        names=["id", "title", "genres"],
        dtype=str,
        encoding="latin-1",
        quoting=csv.QUOTE_NONE,
    )
    bar.update()
    sources = {"movies.dat": sha256_file(folder / "movies.dat")}
    ratings = Ratings.empty()
    if (folder / "ratings.dat").is_file():
        path = folder / "ratings.dat"
        frame = _read_table(path, sep="::", names=["user", "item", "rating", "ts"])
        ratings = _ratings_frame(path, frame, ("user", "item", "rating", "ts"))
        sources["ratings.dat"] = sha256_file(path)
    elif (folder / "ratings_reconstructed.csv").is_file():
        path = folder / "ratings_reconstructed.csv"
        frame = _read_table(path, ("userId", "movieId", "rating", "timestamp"))
        ratings = _ratings_frame(path, frame, ("userId", "movieId", "rating", "timestamp"))
        sources["ratings_reconstructed.csv"] = sha256_file(path)
    bar.update()
    bar.close()
    rows = zip(
        _ids(folder / "movies.dat", movies["id"]),
        movies["title"].fillna("").astype(str),
        (_genres(str(g).split("|")) for g in movies["genres"].fillna("")),
        strict=False,
    )
    return Catalog(name=folder.name, items=_make_items(rows, ratings), ratings=ratings, sources=sources)


def load_generic_csv(path: Path, progress: bool = False) -> Catalog:
    """Load a CSV with columns id, title and optional year, genres (`|`-separated), overview."""
    path = Path(path)
    frame = _read_table(path, ("id", "title"), dtype=str)
    frame = frame.fillna("")
    years: dict[int, int] = {}
    ids = _ids(path, frame["id"])
    if "year" in frame.columns:
        for item_id, year in zip(ids, frame["year"], strict=False):
            if str(year).strip():
                try:
                    years[item_id] = int(float(year))
                except ValueError as exc:
                    raise DataFileError(f"{path}: movie {item_id} has a non-numeric year {year!r}.") from exc
    genres = frame["genres"] if "genres" in frame.columns else pd.Series("", index=frame.index)
    overviews = (
        dict(zip(ids, frame["overview"].astype(str).str.strip(), strict=False))
        if "overview" in frame.columns
        else {}
    )
    rows = zip(ids, frame["title"].astype(str), (_genres(str(g).split("|")) for g in genres), strict=False)
    items = _make_items(rows, Ratings.empty(), years=years, overviews=overviews)
    for item_id, year in years.items():  # an explicit year column wins over "(1999)" in the title
        items[item_id] = replace(items[item_id], year=year)
    return Catalog(name=path.stem, items=items, sources={path.name: sha256_file(path)})


# -------------------------------------------------------------------------------------- overviews


def _keywords(value: object) -> tuple[str, ...]:
    """TMDB keywords as lowercase phrases: a JSON list of {"name": ...} or a comma-separated string."""
    text = str(value or "").strip()
    if not text:
        return ()
    if text.startswith("["):
        try:
            entries = json.loads(text)
        except ValueError:
            entries = []
        names = [str(e.get("name", "")) if isinstance(e, dict) else str(e) for e in entries]
    else:
        names = text.split(",")
    return tuple(dict.fromkeys(n.strip().lower() for n in names if n.strip()))


OverviewRow = tuple[int | None, list[str], int | None, str, tuple[str, ...], tuple[str, ...]]


def _overview_table(path: Path) -> list[OverviewRow]:
    """Read (tmdb id, title variants, year, overview, keywords, cast) rows from a TMDB-style CSV."""
    frame = _read_table(path, dtype=str).fillna("")
    text_col = next((c for c in ("tmdb_overview", "overview") if c in frame.columns), None)
    if text_col is None or "title" not in frame.columns:
        raise DataFileError(
            f"{path} is not an overview file: it needs a title column and "
            "an overview (or tmdb_overview) column."
        )
    id_col = next((c for c in ("tmdb_id", "tmdbId") if c in frame.columns), None)
    if id_col is None and "release_date" in frame.columns and "id" in frame.columns:
        id_col = "id"  # tmdb_5000_movies.csv: "id" is the TMDB id
    keyword_col = next((c for c in ("tmdb_keywords", "keywords") if c in frame.columns), None)
    cast_col = next((c for c in ("tmdb_top_cast", "top_cast", "cast") if c in frame.columns), None)
    out: list[OverviewRow] = []
    for row in frame.to_dict("records"):
        text = str(row[text_col]).strip()
        if not text:
            continue
        tmdb = str(row.get(id_col, "")).strip() if id_col else ""
        title, year = natural_title(str(row["title"]))
        titles = [title]
        if row.get("tmdb_title"):
            titles.append(str(row["tmdb_title"]))
        if str(row.get("year", "")).strip().isdigit():
            year = int(str(row["year"]).strip())
        date = str(row.get("release_date") or row.get("tmdb_release_date") or "")
        if year is None and re.match(r"\d{4}", date):
            year = int(date[:4])
        try:
            tmdb_id = int(float(tmdb)) if tmdb else None
        except ValueError as exc:
            raise DataFileError(f"{path} has a non-numeric TMDB id {tmdb!r}. Fix that row.") from exc
        out.append((tmdb_id, titles, year, text, _keywords(row[keyword_col]) if keyword_col else (),
                    _keywords(row[cast_col]) if cast_col else ()))
    return out


def _title_keys(title: str) -> set[str]:
    """Fold a title for matching, with and without an alternative title in parentheses."""
    keys = {fold(title), fold(title.partition(" (")[0])}
    return {k for k in keys if k}


def join_overviews(catalog: Catalog, overviews_csv: Path) -> Catalog:
    """Fill Item.overview, keywords and cast from a TMDB-style CSV, by tmdbId first, then by title +
    year (±1).
    """
    path = Path(overviews_csv)
    by_tmdb: dict[int, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    by_title: dict[tuple[str, int | None], tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
    for tmdb, titles, year, text, keywords, cast in _overview_table(path):
        if tmdb is not None:
            by_tmdb.setdefault(tmdb, (text, keywords, cast))
        for title in titles:
            for key in _title_keys(title):
                by_title.setdefault((key, year), (text, keywords, cast))
    for item_id, item in catalog.items.items():
        found = by_tmdb.get(item.tmdb_id) if item.tmdb_id is not None else None
        if found is None:
            keys = _title_keys(item.title)
            years = [item.year] if item.year is None else [item.year, item.year - 1, item.year + 1]
            found = next((by_title[(k, y)] for y in years for k in keys if (k, y) in by_title), None)
        if found:
            catalog.items[item_id] = replace(item, overview=found[0], keywords=found[1], cast=found[2])
    return catalog.with_sources({path.name: sha256_file(path)})


# ------------------------------------------------------------------------------------------ entry


def detect_layout(path: Path) -> str:
    """Name the layout of a catalog path: latest-small, ml-100k, ml-1m or generic-csv."""
    if path.is_file():
        if path.suffix.lower() == ".csv":
            return "generic-csv"
        raise DataFileError(f"{path} is not a CSV file. {_HINT}")
    for marker, layout in (("movies.csv", "latest-small"), ("u.item", "ml-100k"), ("movies.dat", "ml-1m")):
        if (path / marker).is_file():
            return layout
    raise DataFileError(f"{path} holds no movies.csv, u.item or movies.dat. {_HINT}")


def load_catalog(
    folder: Path | str, overviews_csv: Path | str | None = None, progress: bool = False
) -> Catalog:
    """Load a catalog folder or CSV file, detecting its layout, and join overviews if given."""
    path = Path(folder).expanduser()
    if not path.exists():
        raise DataFileError(f"Catalog folder {path} does not exist. {_HINT}")
    layout = detect_layout(path)
    if layout == "latest-small":
        catalog = load_latest_small(path, progress=progress)
    elif layout == "ml-100k":
        catalog = load_ml100k(path, progress=progress)
    elif layout == "ml-1m":
        catalog = load_ml1m(path, progress=progress)
    else:
        catalog = load_generic_csv(path, progress=progress)
    if overviews_csv is not None:
        ov = Path(overviews_csv).expanduser()
        if not ov.is_file():
            raise DataFileError(f"Overview file {ov} is missing. Fix CHAT_REC_OVERVIEWS_CSV or unset it.")
        catalog = join_overviews(catalog, ov)
    return catalog
