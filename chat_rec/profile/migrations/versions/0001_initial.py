"""Initial schema: users, profiles, turns, feedback, item marks, genre prefs, onboarding answers.

Revision ID: 0001
Revises:
Create Date: 2026-11-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _user_fk() -> sa.ForeignKey:
    return sa.ForeignKey("users.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("name_key", sa.String(120), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("onboarding_step", sa.Integer(), nullable=False),
        sa.Column("onboarding_done", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
    )
    op.create_table(
        "profiles",
        sa.Column("user_id", sa.Integer(), _user_fk(), primary_key=True),
        sa.Column("vector", sa.LargeBinary(), nullable=True),
        sa.Column("dim", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("turn_count", sa.Integer(), nullable=False),
        sa.Column("year_min", sa.Integer(), nullable=True),
        sa.Column("year_max", sa.Integer(), nullable=True),
        sa.Column("excluded_genres", sa.JSON(), nullable=False),
    )
    op.create_table(
        "turns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer(), _user_fk(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("user_text", sa.Text(), nullable=False),
        sa.Column("signal", sa.JSON(), nullable=True),
        sa.Column("stage", sa.String(32), nullable=True),
        sa.Column("vector_before", sa.LargeBinary(), nullable=True),
        sa.Column("vector_after", sa.LargeBinary(), nullable=True),
        sa.Column("shown_item_ids", sa.JSON(), nullable=False),
        sa.Column("reply_text", sa.Text(), nullable=True),
    )
    op.create_index("ix_turns_user_id", "turns", ["user_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.Integer(), _user_fk(), nullable=False),
        sa.Column("turn_id", sa.Integer(), sa.ForeignKey("turns.id", ondelete="SET NULL"), nullable=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("like", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('button', 'text')", name="ck_feedback_source"),
    )
    op.create_index("ix_feedback_user_id", "feedback", ["user_id"])
    op.create_table(
        "item_marks",
        sa.Column("user_id", sa.Integer(), _user_fk(), primary_key=True),
        sa.Column("item_id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('liked', 'disliked', 'seen', 'rejected')", name="ck_item_marks_status"
        ),
    )
    op.create_table(
        "genre_prefs",
        sa.Column("user_id", sa.Integer(), _user_fk(), primary_key=True),
        sa.Column("genre", sa.String(32), primary_key=True),
        sa.Column("weight", sa.Float(), nullable=False),
    )
    op.create_table(
        "onboarding_answers",
        sa.Column("user_id", sa.Integer(), _user_fk(), primary_key=True),
        sa.Column("question_index", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("onboarding_answers", "genre_prefs", "item_marks", "feedback", "turns", "profiles"):
        op.drop_table(table)
    op.drop_table("users")
