"""A relative era ("these are too old for me") in the graph's constraints: made from the picks on
screen, kept while the person reacts, dropped when they state something new."""

from __future__ import annotations

from types import SimpleNamespace

from chat_rec.conversation import refining


class _Catalog:
    def __init__(self, years: dict[int, int]) -> None:
        self.years = years

    def get(self, item_id: int) -> SimpleNamespace:
        return SimpleNamespace(year=self.years[item_id])


def _profile(year_min=None, year_max=None):
    return SimpleNamespace(liked_ids=(), disliked_ids=(), seen_ids=(), rejected_ids=(), excluded_genres=(),
                           year_min=year_min, year_max=year_max, shown_ids=())


def _run(profile):
    deps = SimpleNamespace(catalog=_Catalog({1: 1972, 2: 1975, 3: 1979}),
                           resolver=SimpleNamespace(find_in_text=lambda text, prefer=(): []))
    return SimpleNamespace(context=SimpleNamespace(stored_profile=lambda: profile, deps=deps))


def test_too_old_makes_a_range_from_the_picks_on_screen():
    state = {"signal": {"era": "newer"}, "last_items": [1, 2, 3], "user_text": "these are too old"}
    c = refining.compute_constraints(state, _run(_profile()), reacting=True)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"], c["era_span"]) == (1976, None, [1976, None])


def test_the_era_lasts_through_reactions_and_ends_with_a_new_preference():
    stored = _profile(1976, None)  # what the era turn stored
    before = {"era_span": [1976, None], "last_items": [1, 2, 3], "user_text": "anything else?",
              "signal": {"wants_new_recommendations": True}}
    kept = refining.compute_constraints(before, _run(stored), reacting=True)  # type: ignore[arg-type]
    assert kept["year_min"] == 1976 and kept["era_span"] == [1976, None]
    new = dict(before, user_text="big fan of westerns", signal={"liked_genres": ["Western"]})
    ended = refining.compute_constraints(new, _run(stored), reacting=False)  # type: ignore[arg-type]
    assert ended["year_min"] is None and ended["era_span"] is None


def test_a_stated_range_is_never_dropped_as_an_era():
    stored = _profile(1990, 1999)  # "the 90s", stated in words
    state = {"era_span": None, "last_items": [1], "user_text": "big fan of westerns",
             "signal": {"liked_genres": ["Western"]}}
    c = refining.compute_constraints(state, _run(stored), reacting=False)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"]) == (1990, 1999)


def test_an_era_that_ends_gives_back_the_range_it_narrowed():
    # "horror or action made after 1982", then "something older?" on picks from 1972-1979 ...
    stated = _profile(1983, None)
    older = {"last_items": [1, 2, 3], "user_text": "something older?", "signal": {"era": "older"}}
    c = refining.compute_constraints(older, _run(stated), reacting=True)  # type: ignore[arg-type]
    assert (c["year_min"], c["year_max"]) == (1983, None)  # no room below the picks inside "after 1982"
    # ... with room: picks from the 90s inside "after 1982"
    era = refining.compute_constraints(dict(older, last_items=[1]), _run(_profile(1960, None)),  # type: ignore[arg-type]
                                    reacting=True)
    assert (era["year_min"], era["year_max"], era["era_base"]) == (1960, 1971, [1960, None])
    # "even older" narrows the same era again; the range it started from stays the base
    again = dict(older, last_items=[1], era_span=era["era_span"], era_base=era["era_base"])
    stored = _profile(1960, 1971)
    c = refining.compute_constraints(again, _run(stored), reacting=True)  # type: ignore[arg-type]
    assert c["era_base"] == [1960, None]
    # a new preference ends the era: back to "after 1960", not to no range at all
    new = dict(again, user_text="less comedy, the third one looks good", signal={"liked_genres": ["Horror"]},
               era_span=[1960, 1971])
    ended = refining.compute_constraints(new, _run(stored), reacting=False)  # type: ignore[arg-type]
    assert (ended["year_min"], ended["year_max"], ended["era_span"]) == (1960, None, None)
