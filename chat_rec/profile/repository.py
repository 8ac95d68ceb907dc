"""ProfileRepository: users, preference vectors and turn history behind one SQLAlchemy URL.

SQLite (WAL) by default, PostgreSQL (psycopg 3) or any SQLAlchemy database by URL. Every write
is one transaction, so a turn is stored whole or not at all. The schema comes from the Alembic migrations in
``chat_rec/profile/migrations``; call ``migrate()`` (cheap when up to date) before use.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from pydantic import BaseModel
from sqlalchemy import create_engine, delete, event, func, select, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from chat_rec.errors import InvalidInputError, UnknownUserError
from chat_rec.profile.models import (
    FEEDBACK_SOURCES,
    Feedback,
    GenrePref,
    ItemMark,
    OnboardingAnswer,
    ProfileRow,
    RateEvent,
    Turn,
    User,
    utcnow,
)
from chat_rec.profile.records import (  # noqa: F401  (re-exported: the repository's public types)
    Profile,
    TurnInfo,
    TurnWrite,
    UserInfo,
    name_key,
    validate_user_name,
    vector_from_bytes,
    vector_to_bytes,
)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 5000
"""How long a SQLite writer waits for another one before giving up."""
_STRENGTH = {"seen": 0, "rejected": 1, "liked": 2, "disliked": 2}
"""A mark replaces one of equal or lower strength: verdicts replace anything, a "no" to a shown
pick replaces "seen", and "seen" (no verdict) never replaces a verdict or a "no"."""
SHOWN_MEMORY_TURNS = 20
"""How many recent recommending turns' picks count as already shown (about 100 items)."""


MIGRATION_LOCK_KEY = 0x63725F6D69677261
"""PostgreSQL advisory lock taken by ``migrate`` (held until its transaction ends)."""


def database_url(db_url: str) -> URL:
    """The URL to connect with: a bare ``postgresql://`` URL uses psycopg 3 (the installed driver)."""
    try:
        url = make_url(db_url)
    except ArgumentError as exc:
        raise InvalidInputError(f"CHAT_REC_DATABASE_URL {db_url!r} is not a database URL ({exc}); "
                                "use e.g. postgresql://user:password@host:5432/chat_rec.") from exc
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url


@lru_cache(maxsize=1)
def _head_revision() -> str | None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config).get_current_head()


class ProfileRepository:
    """All profile reads and writes; one engine per repository (create it once, share it)."""

    def __init__(self, db_url: str) -> None:
        self.url: URL = database_url(db_url)
        is_sqlite = self.url.get_backend_name() == "sqlite"
        connect_args: dict[str, Any] = {}
        engine_args: dict[str, Any] = {}
        if self.url.get_backend_name() == "postgresql":  # a server restart or failover leaves dead connections
            engine_args = {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 20}
        if is_sqlite:
            connect_args["check_same_thread"] = False
            database = self.url.database
            if database and database != ":memory:" and not database.startswith("file:"):
                Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self.engine: Engine = create_engine(self.url, connect_args=connect_args, **engine_args)
        if is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def open(cls, db_url: str) -> ProfileRepository:
        """Return a repository whose schema is migrated to the latest revision."""
        repo = cls(db_url)
        repo.migrate()
        return repo

    def close(self) -> None:
        """Release pooled connections (the file can then be moved or deleted)."""
        self.engine.dispose()

    # -- schema ------------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        """Return the schema revision stored in the database (None for an empty database)."""
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def migrate(self) -> None:
        """Bring the schema to the latest revision; a no-op (one query) when already there."""
        head = _head_revision()
        with self.engine.begin() as conn:
            if conn.dialect.name == "postgresql":  # replicas starting together migrate one after the other
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS_DIR))
            url = self.url.render_as_string(hide_password=False)
            config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
            config.attributes["connection"] = conn
            command.upgrade(config, "head")

    # -- users -------------------------------------------------------------------------------

    def get_or_create_user(self, name: str) -> UserInfo:
        """Return the user with this name (case-insensitive), created with an empty profile if new."""
        cleaned = validate_user_name(name)
        found = self.find_user(cleaned)
        if found is not None:
            return found
        try:
            with self._sessions.begin() as s:
                user = User(name=cleaned, name_key=name_key(cleaned), created_at=utcnow(),
                            onboarding_step=0, onboarding_done=False, language="en")
                s.add(user)
                s.flush()
                s.add(_blank_profile(user.id))
                return _user_info(user)
        except IntegrityError:  # created by a concurrent request meanwhile
            found = self.find_user(cleaned)
            if found is None:
                raise
            return found

    def find_user(self, name: str) -> UserInfo | None:
        """Return the user with this name, or None (an invalid name is never found)."""
        try:
            cleaned = validate_user_name(name)
        except InvalidInputError:
            return None
        with self._sessions() as s:
            user = s.scalars(select(User).where(User.name_key == name_key(cleaned))).first()
            return None if user is None else _user_info(user)

    def list_users(self) -> list[UserInfo]:
        """Every user, by name."""
        with self._sessions() as s:
            return [_user_info(u) for u in s.scalars(select(User).order_by(User.name_key))]

    # -- profile -----------------------------------------------------------------------------

    def load(self, user_id: int) -> Profile:
        """Return the user's full current profile."""
        with self._sessions() as s:
            user = _get_user(s, user_id)
            row = s.get(ProfileRow, user_id) or _blank_profile(user_id)
            profile = Profile(
                user_id=user.id, name=user.name, vector=_stored_vector(row),
                turn_count=row.turn_count or 0, year_min=row.year_min, year_max=row.year_max,
                excluded_genres=set(row.excluded_genres or ()),
                onboarding_step=user.onboarding_step, onboarding_done=user.onboarding_done,
                language=user.language,
            )
            marks = s.execute(select(ItemMark.item_id, ItemMark.status).where(ItemMark.user_id == user_id))
            buckets = {"liked": profile.liked_ids, "disliked": profile.disliked_ids,
                       "seen": profile.seen_ids, "rejected": profile.rejected_ids}
            for item_id, status in marks:
                buckets[status].add(int(item_id))
            prefs = s.execute(select(GenrePref.genre, GenrePref.weight).where(GenrePref.user_id == user_id))
            profile.genre_weights = {genre: float(weight) for genre, weight in prefs}
            profile.shown_ids = _recently_shown(s, user_id, SHOWN_MEMORY_TURNS)
            return profile

    def commit_turn(self, user_id: int, write: TurnWrite) -> int:
        """Store one turn and everything it changes, in a single transaction; the turn's id."""
        after = vector_to_bytes(write.vector_after)
        before = vector_to_bytes(write.vector_before)
        with self._sessions.begin() as s:
            user = _get_user(s, user_id)
            row = _profile_row(s, user_id)
            turn = Turn(
                user_id=user_id, created_at=utcnow(), user_text=write.user_text,
                signal=_signal_dict(write.signal), stage=write.stage,
                vector_before=before if before is not None else row.vector,
                vector_after=after if after is not None else row.vector,
                shown_item_ids=[int(i) for i in write.shown_item_ids], reply_text=write.reply_text,
            )
            s.add(turn)
            s.flush()
            _apply_profile(row, write, after)
            _apply_marks(s, user_id, write)
            _apply_genres(s, user_id, write.genre_deltas)
            _apply_onboarding(s, user, write)
            for item_id, like, source in write.feedback:
                s.add(Feedback(user_id=user_id, turn_id=turn.id, item_id=int(item_id), like=bool(like),
                               source=source, created_at=utcnow()))
            return turn.id

    def record_reply(self, turn_id: int, text: str) -> bool:
        """Attach the reply to its turn; False when the turn is gone (the user reset meanwhile)."""
        with self._sessions.begin() as s:
            turn = s.get(Turn, turn_id)
            if turn is None:
                return False
            turn.reply_text = text
            return True

    def record_feedback(
        self,
        user_id: int,
        item_id: int,
        like: bool,
        source: str,
        new_vector: np.ndarray | None,
        turn_id: int | None = None,
    ) -> int:
        """Store a like/dislike, mark the item and set the new profile vector; the feedback id."""
        if source not in FEEDBACK_SOURCES:
            allowed = " or ".join(FEEDBACK_SOURCES)
            raise InvalidInputError(f"Feedback must come from {allowed}, not {source!r}.")
        vector = vector_to_bytes(new_vector)
        with self._sessions.begin() as s:
            _get_user(s, user_id)
            if turn_id is not None and s.get(Turn, turn_id) is None:
                turn_id = None  # the turn was reset away; keep the feedback anyway
            fb = Feedback(user_id=user_id, turn_id=turn_id, item_id=int(item_id), like=bool(like),
                          source=source, created_at=utcnow())
            s.add(fb)
            _set_marks(s, user_id, [int(item_id)], "liked" if like else "disliked")
            if vector is not None:
                row = _profile_row(s, user_id)
                row.vector, row.dim, row.updated_at = vector, len(vector) // 4, utcnow()
            s.flush()
            return fb.id

    def history(self, user_id: int, limit: int = 50) -> list[TurnInfo]:
        """Return the user's last ``limit`` turns, oldest first."""
        with self._sessions() as s:
            _get_user(s, user_id)
            rows = s.scalars(
                select(Turn).where(Turn.user_id == user_id).order_by(Turn.id.desc()).limit(limit)
            ).all()
            return [_turn_info(t) for t in reversed(rows)]

    def count_rows(self, user_id: int | None = None) -> dict[str, int]:
        """Rows per table (all users, or one): for diagnostics and tests."""
        out: dict[str, int] = {}
        with self._sessions() as s:
            for model in (User, ProfileRow, Turn, Feedback, ItemMark, GenrePref, OnboardingAnswer):
                key = User.id if model is User else model.user_id  # type: ignore[union-attr]
                query = select(func.count()).select_from(model)
                if user_id is not None:
                    query = query.where(key == user_id)
                out[model.__tablename__] = int(s.scalar(query) or 0)
        return out

    def reset(self, user_id: int) -> None:
        """Forget everything learned about the user; keep the name, restart onboarding."""
        with self._sessions.begin() as s:
            user = _get_user(s, user_id)
            _delete_children(s, user_id)
            s.add(_blank_profile(user_id))
            user.onboarding_step, user.onboarding_done = 0, False

    def delete_user(self, user_id: int) -> None:
        """Remove the user and every row that belongs to them."""
        with self._sessions.begin() as s:
            user = _get_user(s, user_id)
            _delete_children(s, user_id)
            s.execute(delete(RateEvent).where(RateEvent.user_id == user_id))
            s.delete(user)


# -- helpers (module level so a test can fail one mid-transaction) ----------------------------


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise UnknownUserError(f"There is no user with id {user_id}; log in again with your name.")
    return user


def _blank_profile(user_id: int) -> ProfileRow:
    return ProfileRow(user_id=user_id, vector=None, dim=None, updated_at=utcnow(), turn_count=0,
                      year_min=None, year_max=None, excluded_genres=[])


def _profile_row(s: Session, user_id: int) -> ProfileRow:
    row = s.get(ProfileRow, user_id)
    if row is None:
        row = _blank_profile(user_id)
        s.add(row)
    return row


def _stored_vector(row: ProfileRow) -> np.ndarray | None:
    vector = vector_from_bytes(row.vector)
    if vector is not None and row.dim is not None and vector.shape[0] != row.dim:
        return None  # a damaged row is treated as "no vector yet" rather than a wrong one
    return vector


def _recently_shown(s: Session, user_id: int, turns: int) -> set[int]:
    """Ids shown in the user's last ``turns`` turns that showed anything."""
    rows = s.scalars(
        select(Turn.shown_item_ids).where(Turn.user_id == user_id).order_by(Turn.id.desc()).limit(4 * turns)
    )
    shown: set[int] = set()
    kept = 0
    for ids in rows:
        if ids:
            shown.update(int(i) for i in ids)
            kept += 1
            if kept == turns:
                break
    return shown


def _apply_profile(row: ProfileRow, write: TurnWrite, after: bytes | None) -> None:
    if after is not None:
        row.vector, row.dim = after, len(after) // 4
    row.turn_count = (row.turn_count or 0) + 1
    row.updated_at = utcnow()
    if write.clear_year_range:
        row.year_min = row.year_max = None
    if write.year_min is not None:
        row.year_min = int(write.year_min)
    if write.year_max is not None:
        row.year_max = int(write.year_max)
    if write.excluded_genres is not None:
        row.excluded_genres = sorted(write.excluded_genres)


def _apply_marks(s: Session, user_id: int, write: TurnWrite) -> None:
    # Later statuses win within one turn: a movie both "seen" and "liked" ends up liked.
    for status, ids in (("seen", write.seen_ids), ("rejected", write.rejected_ids),
                        ("disliked", write.disliked_ids), ("liked", write.liked_ids)):
        _set_marks(s, user_id, [int(i) for i in ids], status)


def _set_marks(s: Session, user_id: int, item_ids: Iterable[int], status: str) -> None:
    """Upsert marks portably (select, then update or insert); a weaker mark never replaces a stronger one."""
    ids = list(dict.fromkeys(item_ids))
    if not ids:
        return
    existing = {m.item_id: m for m in s.scalars(
        select(ItemMark).where(ItemMark.user_id == user_id, ItemMark.item_id.in_(ids)))}
    now = utcnow()
    for item_id in ids:
        mark = existing.get(item_id)
        if mark is None:
            s.add(ItemMark(user_id=user_id, item_id=item_id, status=status, updated_at=now))
        elif _STRENGTH[status] >= _STRENGTH[mark.status]:
            mark.status, mark.updated_at = status, now


def _apply_genres(s: Session, user_id: int, deltas: Mapping[str, float]) -> None:
    if not deltas:
        return
    existing = {p.genre: p for p in s.scalars(
        select(GenrePref).where(GenrePref.user_id == user_id, GenrePref.genre.in_(list(deltas))))}
    for genre, delta in deltas.items():
        pref = existing.get(genre)
        if pref is None:
            s.add(GenrePref(user_id=user_id, genre=genre, weight=float(delta)))
        else:
            pref.weight = float(pref.weight) + float(delta)


def _apply_onboarding(s: Session, user: User, write: TurnWrite) -> None:
    if write.onboarding_answer is not None:
        index = write.onboarding_question if write.onboarding_question is not None else user.onboarding_step
        answer = s.get(OnboardingAnswer, (user.id, index))
        if answer is None:
            s.add(OnboardingAnswer(user_id=user.id, question_index=index,
                                   answer=write.onboarding_answer, created_at=utcnow()))
        else:
            answer.answer = write.onboarding_answer
    if write.onboarding_step is not None:
        user.onboarding_step = int(write.onboarding_step)
    if write.onboarding_done is not None:
        user.onboarding_done = bool(write.onboarding_done)
    if write.language is not None:
        user.language = write.language


def _delete_children(s: Session, user_id: int) -> None:
    """Delete the user's rows explicitly (not relying on ON DELETE CASCADE being enforced)."""
    for model in (Feedback, OnboardingAnswer, GenrePref, ItemMark, Turn, ProfileRow):
        s.execute(delete(model).where(model.user_id == user_id))  # type: ignore[attr-defined]
    s.flush()
    s.expire_all()


def _signal_dict(signal: Mapping[str, Any] | BaseModel | None) -> dict[str, Any] | None:
    if signal is None:
        return None
    if isinstance(signal, BaseModel):
        return signal.model_dump(mode="json")
    return dict(signal)


def _user_info(user: User) -> UserInfo:
    return UserInfo(id=user.id, name=user.name, created=user.created_at,
                    onboarding_step=user.onboarding_step, onboarding_done=user.onboarding_done,
                    language=user.language)


def _turn_info(turn: Turn) -> TurnInfo:
    return TurnInfo(id=turn.id, created=turn.created_at, user_text=turn.user_text,
                    signal=turn.signal, stage=turn.stage,
                    vector_before=vector_from_bytes(turn.vector_before),
                    vector_after=vector_from_bytes(turn.vector_after),
                    shown_item_ids=list(turn.shown_item_ids or []), reply_text=turn.reply_text)
