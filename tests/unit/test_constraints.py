"""build_constraints: the one rule the graph, the CRS replay and the latency bench share."""

from __future__ import annotations

from chat_rec.ranking.constraints import Constraints, TurnHistory, build_constraints, year_range
from chat_rec.understanding.signal import PreferenceSignal as Signal


def test_year_range_is_replaced_by_a_new_range_and_otherwise_kept() -> None:
    assert year_range(Signal(year_min=1990, year_max=1999), 2000, None) == (1990, 1999)
    assert year_range(Signal(), 2000, 2010) == (2000, 2010)  # nothing new: the range stays
    # a like on a card or "more comedy" does not lift "the 2000s" (issue 12: stated_year_later)
    assert year_range(Signal(liked_ids=[1]), 2000, 2010) == (2000, 2010)
    assert year_range(Signal(liked_genres=["Comedy"]), 2000, 2010) == (2000, 2010)


def test_judged_and_mentioned_movies_are_excluded_and_mentions_become_context() -> None:
    history = TurnHistory(liked_ids={1: None}, disliked_ids={2: None}, seen_ids={3: None},
                          excluded_genres=("Horror",))
    c = build_constraints(history, Signal(liked_ids=[4], disliked_genres=["Romance"], liked_genres=["Horror"]),
                          shown=[9], mentioned=[5, 2])
    assert set(c.exclude_ids) == {1, 2, 3, 4, 5, 9}  # 9 was shown: never again
    assert c.liked_ids == (1, 4) and c.disliked_ids == (2,)
    assert c.context_ids == (3, 5)  # seen and mentioned, never a disliked one
    assert c.excluded_genres == ("Romance",)  # liking horror now lifts the old exclusion
    again = build_constraints(history, Signal(), shown=[9], asked_again=[9])
    assert 9 not in again.exclude_ids  # "what about that one again?"


def test_history_keeps_the_latest_verdict_and_round_trips_as_a_dict() -> None:
    history = TurnHistory()
    c = build_constraints(history, Signal(liked_ids=[1], year_min=1990))
    history.absorb(Signal(liked_ids=[1], year_min=1990), c)
    c = build_constraints(history, Signal(disliked_ids=[1]))
    history.absorb(Signal(disliked_ids=[1]), c)
    assert list(history.disliked_ids) == [1] and not history.liked_ids
    assert (history.year_min, history.year_max) == (1990, None)
    again = Constraints.from_dict(c.as_dict())
    assert again.as_dict() == c.as_dict()
