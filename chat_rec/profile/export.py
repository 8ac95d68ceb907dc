"""Everything stored about one user, as JSON-ready data ("Download my data")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from chat_rec.profile.models import Account, Feedback, GenrePref, ItemMark, OnboardingAnswer, ProfileRow, Turn, User
from chat_rec.profile.records import vector_from_bytes
from chat_rec.profile.repository import ProfileRepository

FORMAT = "chat-rec-profile/1"


def export_user(repo: ProfileRepository, user_id: int, titles: Any = None) -> dict[str, Any]:
    """The user's rows from every table (no password hash: only whether there is one).

    ``titles`` (a catalog) adds each item's "Title (year)" beside its id, when given.
    """

    def label(item_id: int) -> str | None:
        item = titles.get(item_id) if titles is not None else None
        return None if item is None else str(item.label)

    with repo._sessions() as s:
        user = s.get(User, user_id)
        if user is None:
            return {}
        profile = s.get(ProfileRow, user_id)
        vector = vector_from_bytes(profile.vector) if profile is not None else None
        out: dict[str, Any] = {
            "format": FORMAT,
            "user": {"name": user.name, "created_at": user.created_at, "language": user.language,
                     "onboarding_step": user.onboarding_step, "onboarding_done": user.onboarding_done,
                     "has_password": s.get(Account, user_id) is not None},
            "profile": None if profile is None else {
                "turn_count": profile.turn_count, "updated_at": profile.updated_at, "year_min": profile.year_min,
                "year_max": profile.year_max, "excluded_genres": list(profile.excluded_genres or []),
                "vector": None if vector is None else [round(float(x), 6) for x in vector],
            },
            "item_marks": [{"item_id": m.item_id, "title": label(m.item_id), "status": m.status,
                            "updated_at": m.updated_at}
                           for m in s.scalars(select(ItemMark).where(ItemMark.user_id == user_id))],
            "feedback": [{"item_id": f.item_id, "title": label(f.item_id), "like": f.like, "source": f.source,
                          "created_at": f.created_at}
                         for f in s.scalars(select(Feedback).where(Feedback.user_id == user_id).order_by(Feedback.id))],
            "genre_prefs": {g.genre: g.weight
                            for g in s.scalars(select(GenrePref).where(GenrePref.user_id == user_id))},
            "onboarding_answers": [
                {"question": a.question_index, "answer": a.answer, "created_at": a.created_at}
                for a in s.scalars(select(OnboardingAnswer).where(OnboardingAnswer.user_id == user_id)
                                   .order_by(OnboardingAnswer.question_index))],
            "turns": [{"created_at": t.created_at, "user_text": t.user_text, "stage": t.stage, "signal": t.signal,
                       "shown_item_ids": list(t.shown_item_ids or []), "reply_text": t.reply_text}
                      for t in s.scalars(select(Turn).where(Turn.user_id == user_id).order_by(Turn.id))],
        }
    return out
