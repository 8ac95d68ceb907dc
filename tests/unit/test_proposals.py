"""Films a chat model proposes: read from its reply, grounded to the catalog, fused with the ranking."""

from __future__ import annotations

from dataclasses import replace

import pytest

from chat_rec.llm.scripted import ScriptedChatModel
from chat_rec.ranking.hybrid import RankRequest, ScoredItem
from chat_rec.ranking.proposals import RRF_K, dialogue_text, fuse, ground, parse_titles, propose
from chat_rec.understanding.resolver import TitleResolver

HEAT, RONIN, THIEF, INSIDE_MAN, NICO_ICON = 6, 2278, 5867, 44199, 77


def test_list_markers_quotes_and_commentary_are_read_away() -> None:
    reply = ("Sure! Here are some films you might enjoy:\n"
             "1. Heat (1995)\n"
             "2) **Ronin** (1998) - tense car chases\n"
             "- \"Thief\" (1981): Michael Mann's first\n"
             "\n"
             "* Inside Man – a clever bank job\n"
             "#5 The Town (2010) because you liked heists")
    assert parse_titles(reply) == ["Heat (1995)", "Ronin (1998)", "Thief (1981)", "Inside Man", "The Town (2010)"]
    assert parse_titles("a\nb\nc\nd", limit=2) == ["a", "b"]
    assert parse_titles("") == []


def test_grounding_keeps_catalog_films_in_order_and_drops_the_rest(resolver: TitleResolver) -> None:
    ids, missed = ground(resolver, ["Ronin (1998)", "Heat", "The Heat (2013)", "ronin",
                                    "Avengers: Endgame (2019)", "Nonexistent Picture Of Nothing (2004)"])
    assert ids[:2] == [RONIN, HEAT]  # a repeat ("ronin") is not listed twice
    assert RONIN not in ids[2:]
    assert "Avengers: Endgame (2019)" in missed and "Nonexistent Picture Of Nothing (2004)" in missed


def test_a_stated_year_far_from_the_film_found_is_a_film_the_catalog_lacks(resolver: TitleResolver) -> None:
    """A remake or namesake the catalog does not hold is not grounded to the older film."""
    ids, missed = ground(resolver, ["Heat (2021)", "Heat (1996)"])
    assert ids == [HEAT]  # one year off is release-date slack
    assert missed == ["Heat (2021)"]


def test_dialogue_text_names_the_speakers_and_keeps_the_latest_part() -> None:
    turns = [{"role": "assistant", "text": "Hi!  What do you\nlike?"}, {"role": "user", "text": "heist films"},
             {"role": "user", "text": "  "}]
    assert dialogue_text(turns) == "Recommender: Hi! What do you like?\nPerson: heist films"
    assert dialogue_text(turns, chars=11) == "heist films"
    assert dialogue_text([]) == ""


def test_propose_asks_the_model_and_grounds_its_lines(resolver: TitleResolver) -> None:
    model = ScriptedChatModel(["1. Thief (1981)\n2. Made Up Film Title (2015)\n3. Inside Man (2006)"])
    found = propose(model, resolver, [{"role": "user", "text": "a slow-burn heist movie please"}], count=3)
    assert found.ids == [THIEF, INSIDE_MAN]
    assert found.ungrounded == ["Made Up Film Title (2015)"] and not found.error
    prompt = " ".join(str(m.content) for m in model.history[0])
    assert "Person: a slow-burn heist movie please" in prompt and "3" in prompt


def test_a_failing_or_missing_model_leaves_nothing_proposed(resolver: TitleResolver) -> None:
    turns = [{"role": "user", "text": "something funny"}]
    failed = propose(ScriptedChatModel([TimeoutError("slow")]), resolver, turns, count=5)
    assert failed.ids == [] and "slow" in failed.error
    assert propose(None, resolver, turns, count=5).ids == []
    assert propose(ScriptedChatModel(["Heat (1995)"]), resolver, turns, count=0).ids == []
    assert propose(ScriptedChatModel(["Heat (1995)"]), resolver, [], count=5).ids == []


class _Ranker:
    """Scores only what a request allows: the filters' stand-in (``HybridRanker.rank`` in the app)."""

    def __init__(self, catalog, allowed: set[int]) -> None:  # noqa: ANN001
        self.catalog = catalog
        self.allowed = allowed
        self.requests: list[RankRequest] = []

    def rank(self, request: RankRequest) -> list[ScoredItem]:
        self.requests.append(request)
        ids = [i for i in (request.candidate_ids or ()) if i in self.allowed and i not in set(request.exclude_ids)]
        return [ScoredItem(self.catalog.get(i), 0.1, {"content": 0.1}) for i in sorted(ids)][: request.k]


def _scored(catalog, ids: list[int]) -> list[ScoredItem]:  # noqa: ANN001
    return [ScoredItem(catalog.get(i), 1.0 - n / 10, {"content": 1.0}) for n, i in enumerate(ids)]


def test_fusion_puts_films_both_lists_rank_high_first(catalog) -> None:  # noqa: ANN001
    ranked = _scored(catalog, [HEAT, RONIN, THIEF])
    ranker = _Ranker(catalog, {HEAT, RONIN, THIEF, INSIDE_MAN})
    out = fuse(ranker, RankRequest(k=4), ranked, [THIEF, INSIDE_MAN])
    ids = [s.item.item_id for s in out]
    assert ids[0] == THIEF  # third for the ranker, first for the model: both terms
    assert ids[1:] == [HEAT, RONIN, INSIDE_MAN]  # equal shares (second in either list): the ranker's first
    assert [s.item.item_id for s in fuse(ranker, RankRequest(k=2), ranked, [THIEF, INSIDE_MAN])] == [THIEF, HEAT]
    assert out[0].breakdown["proposed"] == pytest.approx(1 / (RRF_K + 1), abs=1e-6)
    assert next(s for s in out if s.item.item_id == HEAT).breakdown["proposed"] == 0.0
    assert ranker.requests[0].diversity == 0.0 and ranker.requests[0].candidate_ids == {THIEF, INSIDE_MAN}


def test_fusion_drops_proposals_the_request_rules_out(catalog) -> None:  # noqa: ANN001
    ranked = _scored(catalog, [HEAT, RONIN])
    ranker = _Ranker(catalog, {HEAT, RONIN, THIEF})  # Nico Icon fails the filters
    request = RankRequest(k=4, exclude_ids={THIEF})  # Thief was rejected
    out = fuse(ranker, request, ranked, [NICO_ICON, THIEF])
    assert [s.item.item_id for s in out] == [HEAT, RONIN]


def test_fusion_with_nothing_proposed_or_no_weight_is_the_ranking(catalog) -> None:  # noqa: ANN001
    ranked = _scored(catalog, [HEAT, RONIN])
    ranker = _Ranker(catalog, {HEAT, RONIN, THIEF})
    assert fuse(ranker, RankRequest(k=2), ranked, []) == ranked
    assert fuse(ranker, RankRequest(k=2), ranked, [THIEF], weight=0.0) == ranked
    heavy = fuse(ranker, replace(RankRequest(k=2)), ranked, [THIEF], weight=3.0)
    assert heavy[0].item.item_id == THIEF  # a heavier model list leads

