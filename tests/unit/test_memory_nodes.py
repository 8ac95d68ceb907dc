"""What the conversation remembers: already-shown picks stay out, acknowledgements say what was said."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from chat_rec.conversation.deps import load_replies
from chat_rec.conversation.nodes import acknowledge
from chat_rec.conversation.refining import asked_again, compute_constraints
from chat_rec.profile.records import Profile
from chat_rec.understanding.signal import PreferenceSignal

LABELS = {10: "Alpha (2001)", 11: "Beta (2002)", 12: "Gamma (2003)", 20: "Delta (1999)"}


class FakeResolver:
    """Finds the titles in LABELS by their first word, with a fixed score."""

    def __init__(self, score: float = 100.0) -> None:
        self.score = score

    def find_in_text(self, text: str, prefer: Any = ()) -> list[SimpleNamespace]:
        words = text.lower()
        return [SimpleNamespace(item_id=i, score=self.score) for i, label in LABELS.items()
                if label.split()[0].lower() in words]


def runtime(profile: Profile, score: float = 100.0) -> Any:
    deps = SimpleNamespace(resolver=FakeResolver(score))
    return SimpleNamespace(context=SimpleNamespace(deps=deps, stored_profile=lambda: profile))


def state(text: str, signal: PreferenceSignal | None = None, last: list[int] | None = None,
          **extra: Any) -> dict[str, Any]:
    return {"user_text": text, "signal": (signal or PreferenceSignal()).model_dump(),
            "last_items": last or [], "marks": {}, **extra}


def profile(**marks: set[int]) -> Profile:
    return Profile(user_id=1, name="ana", vector=None, turn_count=3, **marks)


def test_picks_shown_in_earlier_turns_stay_out_without_a_request_for_new_ones() -> None:
    p = profile(shown_ids={10, 11, 12}, liked_ids={20})
    c = compute_constraints(state("something darker", last=[12]), runtime(p))
    assert {10, 11, 12, 20} <= set(c["exclude_ids"])
    assert c["liked_ids"] == [20]  # shown is not liked


def test_the_last_list_stays_out_even_before_it_is_stored() -> None:
    c = compute_constraints(state("more", last=[11, 12]), runtime(profile()))
    assert {11, 12} <= set(c["exclude_ids"])


def test_a_shown_pick_named_again_without_a_verdict_may_come_back() -> None:
    p = profile(shown_ids={10, 11})
    c = compute_constraints(state("what about alpha again?"), runtime(p))
    assert 10 not in c["exclude_ids"] and 11 in c["exclude_ids"]


def test_a_shown_pick_named_with_a_verdict_stays_out() -> None:
    p = profile(shown_ids={10, 11})
    seen = PreferenceSignal(seen_ids=[10])
    assert asked_again(state("I've seen alpha", seen), runtime(p)) == set()
    liked = PreferenceSignal(liked_ids=[10])
    assert 10 in compute_constraints(state("loved alpha", liked), runtime(p))["exclude_ids"]


def test_a_doubtful_title_match_is_not_a_request() -> None:
    p = profile(shown_ids={10})
    assert asked_again(state("alpha-ish vibes"), runtime(p, score=70.0)) == set()


def test_a_button_is_never_a_request_for_old_picks() -> None:
    p = profile(shown_ids={10})
    event = {"type": "feedback", "item_id": 11, "like": True}
    assert asked_again(state("alpha", event=event), runtime(p)) == set()


def test_acknowledgement_puts_each_verdict_under_its_own_words() -> None:
    replies = load_replies()["en"]
    signal = PreferenceSignal(liked_ids=[10, 12], disliked_ids=[11], seen_ids=[20])
    text = acknowledge(signal, replies, lambda i: SimpleNamespace(label=LABELS[i]))
    assert text == ("Great, I'll remember you liked Alpha (2001), Gamma (2003). Got it, no more Beta (2002). "
                    "Noted that you've seen Delta (1999).")


def test_acknowledgement_of_seen_only_never_says_liked() -> None:
    replies = load_replies()["es"]
    text = acknowledge(PreferenceSignal(seen_ids=[20]), replies, lambda i: SimpleNamespace(label=LABELS[i]))
    assert text == "Anotado: ya viste Delta (1999)." and "gustó" not in text


def test_acknowledgement_of_many_says_how_many_more() -> None:
    signal = PreferenceSignal(liked_ids=[1, 2, 3, 4, 5])
    name = lambda i: SimpleNamespace(label=f"Film {i}")  # noqa: E731
    assert acknowledge(signal, load_replies()["en"], name) == (
        "Great, I'll remember you liked Film 1, Film 2, Film 3 and 2 more.")
    assert acknowledge(signal, load_replies()["es"], name).endswith("Film 3 y 2 más.")
