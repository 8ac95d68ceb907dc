"""Catalog ingest: every supported layout, the overview join, and clear errors on bad files."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from chat_rec.catalog.loaders import load_catalog, sha256_file
from chat_rec.config import BUNDLED_CATALOG
from chat_rec.errors import DataFileError
from tests.conftest import shared_path

# ------------------------------------------------------------------------------ bundled catalog


def test_bundled_catalog_has_every_movie_and_rating(catalog):
    assert len(catalog) == 9742
    assert len(catalog.ratings) == 100836
    assert catalog.ratings.users.dtype == np.int64 and catalog.ratings.ratings.dtype == np.float32
    assert set(catalog.sources) == {"movies.csv", "ratings.csv", "tags.csv", "links.csv"}
    assert catalog.sources["movies.csv"] == sha256_file(BUNDLED_CATALOG / "movies.csv")


def test_bundled_catalog_reads_titles_genres_tags_and_links(catalog):
    matrix = catalog.items[2571]
    assert (matrix.title, matrix.year, matrix.raw_title) == ("The Matrix", 1999, "Matrix, The (1999)")
    assert matrix.label == "The Matrix (1999)"
    assert set(matrix.genres) == {"Action", "Sci-Fi", "Thriller"}
    assert matrix.tmdb_id == 603
    assert matrix.popularity == 278 and 4.0 < matrix.mean_rating < 4.4
    toy = catalog.items[1]
    assert "pixar" in toy.tags and "Children" in toy.genres
    assert all(g != "(no genres listed)" for item in catalog for g in item.genres)


# ------------------------------------------------------------------------------ small synthetic folders


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def _latest_small(folder: Path) -> Path:
    _write(
        folder / "movies.csv",
        'movieId,title,genres\n1,"Matrix, The (1999)",Action|Sci-Fi\n2,Heat (1995),Crime\n',
    )
    _write(folder / "ratings.csv", "userId,movieId,rating,timestamp\n1,1,5.0,100\n2,1,4.0,200\n2,2,3.0,300\n")
    _write(folder / "links.csv", "movieId,imdbId,tmdbId\n1,0133093,603\n2,0113277,\n")
    return folder


def test_ml100k_layout(tmp_path):
    folder = tmp_path / "ml-100k"
    flags = ["0"] * 19
    flags[4] = flags[5] = "1"  # Children's, Comedy
    _write(
        folder / "u.item",
        "1|Toy Story (1995)|01-Jan-1995||http://x|" + "|".join(flags) + "\n"
        "2|Café au lait (1993)|01-Jan-1993||http://y|" + "|".join(["0"] * 8 + ["1"] + ["0"] * 10) + "\n",
        encoding="latin-1",
    )
    _write(folder / "u.data", "10\t1\t4\t881250949\n11\t2\t2\t881250950\n10\t2\t5\t881250951\n")
    cat = load_catalog(folder)
    assert [i.label for i in cat] == ["Toy Story (1995)", "Café au lait (1993)"]
    assert cat.items[1].genres == ("Children", "Comedy") and cat.items[2].genres == ("Drama",)
    assert cat.items[2].popularity == 2 and cat.items[2].mean_rating == 3.5
    assert set(cat.sources) == {"u.item", "u.data"}


def test_ml1m_layout_with_ratings_dat(tmp_path):
    folder = tmp_path / "ml-1m"
    _write(
        folder / "movies.dat",
        "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Amélie (2001)::Comedy\n",
        encoding="latin-1",
    )
    _write(folder / "ratings.dat", "1::1::5::978300760\n2::2::3::978302109\n")
    cat = load_catalog(folder)
    assert cat.items[1].genres == ("Animation", "Children", "Comedy")
    assert cat.items[2].title == "Amélie"
    assert cat.ratings.timestamps.tolist() == [978300760, 978302109]


def test_ml1m_reconstructed_ratings_keep_missing_timestamps_as_minus_one(tmp_path):
    folder = tmp_path / "ml-1m"
    _write(folder / "movies.dat", "1::Toy Story (1995)::Animation\n", encoding="latin-1")
    _write(
        folder / "ratings_reconstructed.csv", "userId,movieId,rating,timestamp\n1,1,5,978300760\n3000,1,4,\n"
    )
    cat = load_catalog(folder)
    assert cat.ratings.timestamps.tolist() == [978300760, -1]
    assert "ratings_reconstructed.csv" in cat.sources


def test_generic_csv(tmp_path):
    path = _write(
        tmp_path / "films.csv",
        "id,title,year,genres,overview\n"
        "7,Alien,1979,Horror|Sci-Fi,A crew meets a creature.\n8,Untitled Film,,,\n",
    )
    cat = load_catalog(path)
    assert cat.name == "films" and len(cat) == 2
    alien = cat.items[7]
    assert (alien.year, alien.genres, alien.overview) == (
        1979,
        ("Horror", "Sci-Fi"),
        "A crew meets a creature.",
    )
    assert cat.items[8].year is None and cat.items[8].genres == ()


def test_overviews_join_by_tmdb_id_then_title_and_year(tmp_path):
    folder = _latest_small(tmp_path / "small")
    overviews = _write(
        tmp_path / "tmdb.csv",
        "id,title,release_date,overview\n"
        "603,Some Other Title,1999-03-30,A hacker learns the truth.\n"
        "999,Heat,1995-12-15,A thief and a detective.\n",
    )
    cat = load_catalog(folder, overviews_csv=overviews)
    assert cat.items[1].overview == "A hacker learns the truth."  # by tmdbId
    assert cat.items[2].overview == "A thief and a detective."  # by title + year
    assert "tmdb.csv" in cat.sources
    assert "A thief and a detective." in cat.items[2].document()


def test_overview_files_bring_keywords_in_either_format_and_the_cast_when_they_have_it(tmp_path):
    folder = _latest_small(tmp_path / "small")
    as_json = _write(
        tmp_path / "tmdb5000.csv",
        "id,title,release_date,overview,keywords\n"
        '603,The Matrix,1999-03-30,A hacker learns the truth.,"[{""id"": 1, ""name"": ""Simulated Reality""}, '
        '{""id"": 2, ""name"": ""dystopia""}]"\n',
    )
    cat = load_catalog(folder, overviews_csv=as_json)
    assert cat.items[1].keywords == ("simulated reality", "dystopia")
    assert cat.items[1].cast == ()  # no cast column
    as_text = _write(
        tmp_path / "ml1m.csv",
        "movieId,title,year,tmdb_id,tmdb_overview,tmdb_keywords,tmdb_top_cast\n"
        '9,Heat (1995),1995,949,A thief and a detective.,"heist, los angeles , ","Al Pacino, Robert De Niro , "\n',
    )
    cat = load_catalog(folder, overviews_csv=as_text)
    assert cat.items[2].keywords == ("heist", "los angeles")
    assert cat.items[2].cast == ("al pacino", "robert de niro")
    assert cat.items[1].cast == ()  # a film the file does not list keeps no cast
    document = cat.items[2].document()
    assert "heist" not in document and "pacino" not in document, "matched by moods and descriptions, not embedded"


def test_fingerprint_changes_when_a_file_changes(tmp_path):
    folder = _latest_small(tmp_path / "small")
    before = load_catalog(folder).fingerprint
    assert load_catalog(folder).fingerprint == before
    with (folder / "ratings.csv").open("a") as fh:
        fh.write("3,2,1.0,400\n")
    assert load_catalog(folder).fingerprint != before


# ------------------------------------------------------------------------------ errors


def test_missing_folder_says_what_to_do(tmp_path):
    with pytest.raises(DataFileError, match="does not exist.*CHAT_REC_CATALOG_DIR"):
        load_catalog(tmp_path / "nowhere")


def test_folder_without_catalog_files(tmp_path):
    with pytest.raises(DataFileError, match="no movies.csv, u.item or movies.dat"):
        load_catalog(tmp_path)


def test_wrong_columns(tmp_path):
    _write(tmp_path / "movies.csv", "id,name\n1,Heat\n")
    with pytest.raises(DataFileError, match=r"movies.csv.*missing column\(s\) movieId, title, genres"):
        load_catalog(tmp_path)


def test_malformed_rating_row_names_the_file(tmp_path):
    folder = _latest_small(tmp_path / "small")
    _write(folder / "ratings.csv", "userId,movieId,rating,timestamp\n1,1,5.0,100\n2,one,4.0,200\n")
    with pytest.raises(DataFileError, match=r"ratings.csv has a malformed rating row.*fix that row"):
        load_catalog(folder)


def test_row_with_too_many_fields(tmp_path):
    folder = tmp_path / "ml-1m"
    _write(folder / "movies.dat", "1::Toy Story (1995)::Animation\n2::Heat (1995)::Crime::extra::more\n")
    with pytest.raises(DataFileError, match=r"movies.dat has a malformed row \(line 2"):
        load_catalog(folder)


def test_undecodable_bytes(tmp_path):
    folder = _latest_small(tmp_path / "small")
    (folder / "movies.csv").write_bytes(b"movieId,title,genres\n1,Am\xe9lie (2001),Comedy\n")
    with pytest.raises(DataFileError, match=r"movies.csv is not valid utf-8 text.*Save it as UTF-8"):
        load_catalog(folder)


def test_missing_or_wrong_overview_file(tmp_path):
    folder = _latest_small(tmp_path / "small")
    with pytest.raises(DataFileError, match="Overview file .* is missing"):
        load_catalog(folder, overviews_csv=tmp_path / "none.csv")
    bad = _write(tmp_path / "bad.csv", "id,title\n1,Heat\n")
    with pytest.raises(DataFileError, match="needs a title column and an overview"):
        load_catalog(folder, overviews_csv=bad)


def test_copy_of_bundled_catalog_loads_without_optional_files(tmp_path):
    folder = tmp_path / "only-movies"
    folder.mkdir()
    shutil.copy(BUNDLED_CATALOG / "movies.csv", folder / "movies.csv")
    cat = load_catalog(folder)
    assert len(cat) == 9742 and len(cat.ratings) == 0 and cat.items[2571].popularity == 0


# ------------------------------------------------------------------------------ real data in ../shared


@pytest.mark.realdata
def test_real_ml100k():
    cat = load_catalog(shared_path("data", "ml-100k"))
    assert len(cat) == 1682 and len(cat.ratings) == 100000
    toy = cat.items[1]
    assert (toy.title, toy.year) == ("Toy Story", 1995) and "Children" in toy.genres


@pytest.mark.realdata
def test_real_ml1m_reconstructed_ratings():
    cat = load_catalog(shared_path("data", "ml-1m"))
    assert len(cat) == 3883 and len(cat.ratings) == 1_000_209
    late = cat.ratings.users >= 3000
    assert (cat.ratings.timestamps[late] == -1).all() and (cat.ratings.timestamps[~late] > 0).all()
    assert cat.items[1].genres == ("Animation", "Children", "Comedy")


@pytest.mark.realdata
def test_real_overviews_join():
    tmdb = shared_path("data", "tmdb-5000-movies", "tmdb_5000_movies.csv")
    cat = load_catalog(BUNDLED_CATALOG, overviews_csv=tmdb)
    assert "computer hacker" in cat.items[2571].overview
    assert sum(1 for item in cat if item.overview) > 3000
    ml1m_overviews = shared_path("data", "ml-1m-tmdb-overviews", "movielens_movies_tmdb.csv")
    ml100k = load_catalog(shared_path("data", "ml-100k"), overviews_csv=ml1m_overviews)
    assert sum(1 for item in ml100k if item.overview) >= 1500  # title + year join
    assert "Woody" in ml100k.items[1].overview
