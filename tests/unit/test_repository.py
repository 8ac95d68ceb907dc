from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import chat_rec.profile.repository as repo_mod
from chat_rec.config import get_settings
from chat_rec.errors import InvalidInputError, UnknownUserError
from chat_rec.profile.models import Base
from chat_rec.profile.repository import ProfileRepository, TurnWrite, validate_user_name
from chat_rec.understanding.signal import PreferenceSignal


def unit(i: int, dim: int = 6) -> np.ndarray:
    v = np.zeros(dim, dtype=np.float32)
    v[i] = 1.0
    return v


@pytest.fixture(params=["sqlite", "postgresql"])
def repo(request: pytest.FixtureRequest, chat_rec_home: Path) -> Iterator[ProfileRepository]:
    """The same behaviour on both databases: SQLite under home, and a fresh PostgreSQL database."""
    url = get_settings().db_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    repository = ProfileRepository.open(url)
    yield repository
    repository.close()


@pytest.fixture
def sqlite_repo(chat_rec_home: Path) -> Iterator[ProfileRepository]:
    repository = ProfileRepository.open(get_settings().db_url)
    yield repository
    repository.close()


# -- schema --------------------------------------------------------------------------------


def test_database_lives_under_chat_rec_home(sqlite_repo: ProfileRepository, chat_rec_home: Path) -> None:
    assert (chat_rec_home / "chat_rec.sqlite").is_file()


def test_migrate_twice_is_a_no_op(repo: ProfileRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    assert repo.current_revision() == "0003"
    repo.get_or_create_user("ana")

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("upgrade must not run on an up-to-date database")

    monkeypatch.setattr(repo_mod.command, "upgrade", fail)
    repo.migrate()
    ProfileRepository.open(str(repo.url)).migrate()
    assert repo.find_user("ana") is not None


def test_migration_matches_the_models(repo: ProfileRepository) -> None:
    with repo.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_repo: ProfileRepository) -> None:
    with sqlite_repo.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() > 0


def test_in_memory_url_also_works() -> None:
    memory = ProfileRepository.open("sqlite://")
    user = memory.get_or_create_user("mem")
    memory.commit_turn(user.id, TurnWrite("hello", vector_after=unit(0)))
    assert memory.load(user.id).turn_count == 1


# -- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "clean"), [
    ("  Ana  ", "Ana"),
    ("Ana   María", "Ana María"),
    ("José_2.0-x", "José_2.0-x"),
    ("Zoë", "Zoë"),
    ("山田", "山田"),
    ("J.R.R. Tolkien", "J.R.R. Tolkien"),
    ("a" * 40, "a" * 40),
])
def test_valid_names_are_cleaned(raw: str, clean: str) -> None:
    assert validate_user_name(raw) == clean


@pytest.mark.parametrize("bad", [
    "", "   ", "a" * 41, "../..", "..", ".hidden", "a/b", "a\\b", "ana..x", "🎬 fan", "ana;drop",
    "---", "<script>", "tab\x00null",
])
def test_invalid_names_are_refused_with_a_sentence(bad: str) -> None:
    with pytest.raises(InvalidInputError) as err:
        validate_user_name(bad)
    assert str(err.value).endswith(".")


def test_names_are_case_insensitive(repo: ProfileRepository) -> None:
    a = repo.get_or_create_user("Ana")
    b = repo.get_or_create_user(" ANA ")
    assert a.id == b.id and b.name == "Ana"
    assert repo.find_user("ana") == a
    assert repo.find_user("nobody") is None
    assert repo.find_user("../..") is None
    with pytest.raises(InvalidInputError):
        repo.get_or_create_user("../..")
    assert [u.name for u in repo.list_users()] == ["Ana"]


# -- turns ---------------------------------------------------------------------------------


def test_commit_turn_round_trip(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    assert user.onboarding_step == 0 and not user.onboarding_done and user.language == "en"
    empty = repo.load(user.id)
    assert empty.vector is None and empty.turn_count == 0 and not empty.liked_ids
    signal = PreferenceSignal(liked_ids=[1], liked_genres=["Comedy"], year_min=1990, language="es")
    turn_id = repo.commit_turn(user.id, TurnWrite(
        user_text="I loved Toy Story, something from the 90s",
        signal=signal, stage="onboarding", vector_after=unit(0), shown_item_ids=[5, 6, 7],
        liked_ids=[1], disliked_ids=[2], seen_ids=[3], rejected_ids=[4],
        genre_deltas={"Comedy": 1.0, "Horror": -1.0}, year_min=1990, year_max=1999,
        excluded_genres={"Horror"}, onboarding_step=1, onboarding_answer="Toy Story",
        language="es",
    ))
    profile = repo.load(user.id)
    assert np.allclose(profile.vector, unit(0)) and profile.vector.dtype == np.float32
    assert profile.turn_count == 1
    assert (profile.liked_ids, profile.disliked_ids, profile.seen_ids, profile.rejected_ids) == (
        {1}, {2}, {3}, {4})
    assert profile.genre_weights == {"Comedy": 1.0, "Horror": -1.0}
    assert (profile.year_min, profile.year_max, profile.excluded_genres) == (1990, 1999, {"Horror"})
    assert (profile.onboarding_step, profile.language) == (1, "es")

    repo.record_reply(turn_id, "Try Aladdin (1992).")
    [turn] = repo.history(user.id)
    assert turn.id == turn_id and turn.stage == "onboarding" and turn.reply_text == "Try Aladdin (1992)."
    assert turn.signal["liked_ids"] == [1] and turn.shown_item_ids == [5, 6, 7]
    assert turn.vector_before is None and np.allclose(turn.vector_after, unit(0))
    assert repo.count_rows(user.id)["onboarding_answers"] == 1


def test_second_turn_accumulates(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("a", vector_after=unit(0), genre_deltas={"Comedy": 1.0},
                                        year_min=1990, liked_ids=[1]))
    repo.commit_turn(user.id, TurnWrite("b", genre_deltas={"Comedy": 0.5}, seen_ids=[1, 9],
                                        clear_year_range=True, year_max=2000, onboarding_done=True))
    profile = repo.load(user.id)
    assert profile.turn_count == 2
    assert np.allclose(profile.vector, unit(0))  # no new vector: kept
    assert profile.genre_weights == {"Comedy": 1.5}
    assert profile.liked_ids == {1} and profile.seen_ids == {9}  # "seen" never demotes a verdict
    assert (profile.year_min, profile.year_max) == (None, 2000)
    assert profile.onboarding_done
    second = repo.history(user.id)[-1]
    assert np.allclose(second.vector_before, unit(0)) and np.allclose(second.vector_after, unit(0))


def test_verdicts_replace_weaker_marks(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("seen", seen_ids=[1], rejected_ids=[2]))
    repo.commit_turn(user.id, TurnWrite("verdicts", disliked_ids=[1], liked_ids=[2]))
    repo.commit_turn(user.id, TurnWrite("changed my mind", liked_ids=[1]))
    profile = repo.load(user.id)
    assert profile.liked_ids == {1, 2} and not profile.disliked_ids and not profile.seen_ids


def test_history_is_oldest_first_and_limited(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    for i in range(5):
        repo.commit_turn(user.id, TurnWrite(f"turn {i}", vector_after=unit(i)))
    turns = repo.history(user.id, limit=3)
    assert [t.user_text for t in turns] == ["turn 2", "turn 3", "turn 4"]
    assert np.allclose(turns[0].vector_before, unit(1)) and np.allclose(turns[0].vector_after, unit(2))


def test_failed_turn_leaves_nothing(repo: ProfileRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("first", vector_after=unit(0), liked_ids=[1]))
    before_counts, before = repo.count_rows(), repo.load(user.id)

    def boom(*args: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(repo_mod, "_apply_genres", boom)  # fails after turn, profile and marks
    with pytest.raises(RuntimeError):
        repo.commit_turn(user.id, TurnWrite("second", vector_after=unit(1), liked_ids=[2],
                                            genre_deltas={"Drama": 1.0}, onboarding_step=2))
    assert repo.count_rows() == before_counts
    assert_same_profile(repo.load(user.id), before)


def test_invalid_vector_is_refused_before_writing(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    with pytest.raises(ValueError):
        repo.commit_turn(user.id, TurnWrite("nan", vector_after=np.array([np.nan, 1.0])))
    assert repo.count_rows(user.id)["turns"] == 0


def assert_same_profile(a: repo_mod.Profile, b: repo_mod.Profile) -> None:
    """Profiles hold a numpy vector, which dataclass equality cannot compare."""
    da, db = vars(a).copy(), vars(b).copy()
    va, vb = da.pop("vector"), db.pop("vector")
    assert da == db
    assert (va is None and vb is None) or np.array_equal(va, vb)


# -- feedback ------------------------------------------------------------------------------


def test_feedback_marks_item_and_moves_vector(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    turn_id = repo.commit_turn(user.id, TurnWrite("hi", vector_after=unit(0), shown_item_ids=[7, 8]))
    repo.record_feedback(user.id, 7, True, "button", unit(1), turn_id=turn_id)
    repo.record_feedback(user.id, 8, False, "text", None)
    profile = repo.load(user.id)
    assert profile.liked_ids == {7} and profile.disliked_ids == {8}
    assert np.allclose(profile.vector, unit(1))
    assert repo.count_rows(user.id)["feedback"] == 2
    with pytest.raises(InvalidInputError):
        repo.record_feedback(user.id, 7, True, "telepathy", None)


def test_failed_feedback_leaves_nothing(repo: ProfileRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("hi", vector_after=unit(0)))

    def boom(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(repo_mod, "_set_marks", boom)
    with pytest.raises(RuntimeError):
        repo.record_feedback(user.id, 7, True, "button", unit(1))
    assert repo.count_rows(user.id)["feedback"] == 0
    assert np.allclose(repo.load(user.id).vector, unit(0))


def test_reply_to_a_vanished_turn_is_ignored(repo: ProfileRepository) -> None:
    assert repo.record_reply(12345, "late reply") is False


# -- users' lifecycle ----------------------------------------------------------------------


def test_unknown_user_is_a_clear_error(repo: ProfileRepository) -> None:
    for call in (lambda: repo.load(99), lambda: repo.commit_turn(99, TurnWrite("x")),
                 lambda: repo.history(99), lambda: repo.reset(99), lambda: repo.delete_user(99),
                 lambda: repo.record_feedback(99, 1, True, "button", None)):
        with pytest.raises(UnknownUserError, match="log in again"):
            call()


def _fill(repo: ProfileRepository, name: str, offset: int) -> int:
    user = repo.get_or_create_user(name)
    turn = repo.commit_turn(user.id, TurnWrite(
        f"{name} talks", vector_after=unit(offset), liked_ids=[offset], genre_deltas={"Drama": 1.0},
        onboarding_step=1, onboarding_answer="x", year_min=1980))
    repo.record_feedback(user.id, offset + 100, False, "button", unit(offset + 1), turn_id=turn)
    return user.id


def test_two_users_are_isolated_and_reset_touches_one(repo: ProfileRepository) -> None:
    ana, bob = _fill(repo, "ana", 0), _fill(repo, "bob", 2)
    assert repo.load(ana).liked_ids == {0} and repo.load(bob).liked_ids == {2}
    bob_before = repo.count_rows(bob)

    repo.reset(ana)
    profile = repo.load(ana)
    assert profile.name == "ana" and profile.vector is None and profile.turn_count == 0
    assert not (profile.liked_ids or profile.disliked_ids or profile.genre_weights)
    assert (profile.year_min, profile.onboarding_step, profile.onboarding_done) == (None, 0, False)
    assert repo.history(ana) == []
    counts = repo.count_rows(ana)
    assert counts["users"] == 1 and counts["profiles"] == 1
    assert sum(counts.values()) == 2
    assert repo.count_rows(bob) == bob_before
    assert repo.get_or_create_user("ana").id == ana

    repo.delete_user(bob)
    assert repo.find_user("bob") is None
    assert sum(repo.count_rows(bob).values()) == 0
    assert [u.name for u in repo.list_users()] == ["ana"]


def test_profile_survives_a_restart(repo: ProfileRepository) -> None:
    ana = _fill(repo, "ana", 0)
    before = repo.load(ana)
    repo.close()
    reopened = ProfileRepository.open(repo.url.render_as_string(hide_password=False))
    try:
        user = reopened.get_or_create_user("Ana")
        assert user.id == ana and user.onboarding_step == 1
        assert_same_profile(reopened.load(ana), before)
        assert len(reopened.history(ana)) == 1
    finally:
        reopened.close()


def test_seen_never_replaces_a_no_and_a_no_replaces_seen(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("not the second", rejected_ids=[5], seen_ids=[6]))
    repo.commit_turn(user.id, TurnWrite("seen those", seen_ids=[5]))
    repo.commit_turn(user.id, TurnWrite("no to that one", rejected_ids=[6]))
    profile = repo.load(user.id)
    assert profile.rejected_ids == {5, 6} and not profile.seen_ids


def test_a_no_to_a_shown_pick_never_replaces_a_like(repo: ProfileRepository) -> None:
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("love it", liked_ids=[7]))
    repo.commit_turn(user.id, TurnWrite("not that", rejected_ids=[7]))
    assert repo.load(user.id).liked_ids == {7}


def test_shown_ids_are_the_picks_of_the_last_turns_that_showed_any(
        repo: ProfileRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(repo_mod, "SHOWN_MEMORY_TURNS", 2)
    user = repo.get_or_create_user("ana")
    repo.commit_turn(user.id, TurnWrite("first", shown_item_ids=[1, 2]))
    repo.commit_turn(user.id, TurnWrite("second", shown_item_ids=[3, 4]))
    repo.commit_turn(user.id, TurnWrite("a question, nothing shown"))
    repo.commit_turn(user.id, TurnWrite("third", shown_item_ids=[5]))
    profile = repo.load(user.id)
    assert profile.shown_ids == {3, 4, 5}
    assert not profile.liked_ids and not profile.seen_ids  # being shown says nothing about taste
    repo.reset(user.id)
    assert repo.load(user.id).shown_ids == set()
