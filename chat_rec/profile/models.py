"""SQLAlchemy 2 models of what chat-rec remembers about each user.

The schema itself is created and evolved only by the Alembic migrations in
``chat_rec/profile/migrations``; these classes must match them (a test compares the two).
Vectors are stored as raw little-endian float32 bytes; timestamps are UTC.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAME_MAX = 40
"""Longest accepted user name, in characters."""

MARK_STATUSES = ("liked", "disliked", "seen", "rejected")
FEEDBACK_SOURCES = ("button", "text")


def utcnow() -> datetime:
    """Return the current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored as naive UTC on every backend and read back timezone-aware."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Declarative base; ``Base.metadata`` is Alembic's target."""


class User(Base):
    """users: one row per person, found by name at login; owns every other row.

    ``name`` keeps the spelling the person typed; ``name_key`` (case-folded) is what makes names
    unique, so "Ana" and "ana" are the same user.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    name_key: Mapped[str] = mapped_column(String(NAME_MAX * 3), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    onboarding_step: Mapped[int] = mapped_column(Integer, default=0)
    """Index of the next onboarding question to ask."""
    onboarding_done: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8), default="en")
    """Language replies are written in ("en" or "es")."""


class ProfileRow(Base):
    """profiles: the current preference vector p_t and hard constraints, one row per user."""

    __tablename__ = "profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    vector: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    """float32 bytes of the unit preference vector; None until the first signal with a direction."""
    dim: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    turn_count: Mapped[int] = mapped_column(Integer, default=0)
    year_min: Mapped[int | None] = mapped_column(Integer, nullable=True)
    year_max: Mapped[int | None] = mapped_column(Integer, nullable=True)
    excluded_genres: Mapped[list[str]] = mapped_column(JSON, default=list)
    """Genres never to recommend (hard filter), as a JSON list."""


class Turn(Base):
    """turns: one committed conversation turn: what was said, understood, shown, and p before/after."""

    __tablename__ = "turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    user_text: Mapped[str] = mapped_column(Text)
    signal: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    """The PreferenceSignal understood from the message (``model_dump()``)."""
    stage: Mapped[str | None] = mapped_column(String(32), nullable=True)
    """Graph route taken: onboarding, clarify, recommend, feedback..."""
    vector_before: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    vector_after: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    shown_item_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    reply_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    """Filled by ``record_reply`` once the reply is written (it streams after the commit)."""


class Feedback(Base):
    """feedback: an explicit like/dislike of one item, from a button or from the user's words."""

    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("source IN ('button', 'text')", name="ck_feedback_source"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    turn_id: Mapped[int | None] = mapped_column(
        ForeignKey("turns.id", ondelete="SET NULL"), nullable=True
    )
    item_id: Mapped[int] = mapped_column(Integer)
    like: Mapped[bool] = mapped_column(Boolean)
    source: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ItemMark(Base):
    """item_marks: the latest standing of an item for a user; drives "never show again" filters.

    liked / disliked are verdicts and replace any mark; rejected (a "no" to a shown pick) replaces
    seen; seen never replaces anything else.
    """

    __tablename__ = "item_marks"
    __table_args__ = (
        CheckConstraint("status IN ('liked', 'disliked', 'seen', 'rejected')", name="ck_item_marks_status"),
    )

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    status: Mapped[str] = mapped_column(String(10))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class GenrePref(Base):
    """genre_prefs: a soft, accumulated weight per genre (positive = liked) used by the ranker."""

    __tablename__ = "genre_prefs"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    genre: Mapped[str] = mapped_column(String(32), primary_key=True)
    weight: Mapped[float] = mapped_column(Float, default=0.0)


class OnboardingAnswer(Base):
    """onboarding_answers: the user's answer to each onboarding question, by question index."""

    __tablename__ = "onboarding_answers"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    question_index: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    answer: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class RateEvent(Base):
    """rate_events: one row per counted turn in the last minute (the rate limit shared by replicas).

    Written only on PostgreSQL (``DatabaseRateLimiter``); a user's rows older than the window are
    deleted at their next turn.
    """

    __tablename__ = "rate_events"
    __table_args__ = (Index("ix_rate_events_user_at", "user_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class Account(Base):
    """accounts: the sign-in secret of a user who has one (bcrypt hash, never the password).

    A user without a row here can be reached only on the machine itself (the local one-click
    profile and the CLI); ``chat-rec account passwd NAME`` gives it a password.
    """

    __tablename__ = "accounts"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
