"""The genres a mood leans to (read from the catalog) stand for a mood-only request in the
conversation model's genre prior: in conversation, "something that makes me laugh" asks for comedies."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from chat_rec.catalog.models import Catalog, Item
from chat_rec.interactions.conversation import ConversationModel
from chat_rec.ranking import pipeline
from chat_rec.ranking.hybrid import HybridRanker, RankRequest, RankWeights
from tests.unit.test_ranking import FakeIndex

# Twelve invented films: 1-4 comedies (3 and 4 tagged "cheerful"), 5-8 westerns (5-7 tagged
# "dusty"), 9-12 dramas; every film but 11 and 12 is also a Drama, so Drama is everywhere.
GENRES = {1: ("Comedy",), 2: ("Comedy", "Drama"), 3: ("Comedy", "Drama"), 4: ("Comedy", "Drama"),
          5: ("Western", "Drama"), 6: ("Western", "Drama"), 7: ("Western", "Drama"), 8: ("Western", "Drama"),
          9: ("Drama",), 10: ("Drama",), 11: ("Romance",), 12: ("Romance",)}
TAGGED = {"cheerful": {3: 1.0, 4: 0.8, 9: 0.3}, "dusty": {5: 1.0, 6: 0.9, 7: 0.7}, "odd": {2: 1.0, 6: 1.0, 11: 1.0}}


class FakeAspects:
    """What the ranker reads from ``AspectIndex``: rows aligned with the index, a score per phrase."""

    def __init__(self, ids: np.ndarray) -> None:
        self.ids = ids
        self.row = {int(i): r for r, i in enumerate(ids)}

    def scores(self, liked: Sequence[str], disliked: Sequence[str] = ()) -> np.ndarray:
        out = np.zeros(len(self.ids), np.float32)
        for phrase in liked:
            for item, w in TAGGED.get(phrase, {}).items():
                out[self.row[item]] = max(out[self.row[item]], w)
        return out

    def tagged(self, phrase: str) -> np.ndarray:
        return self.scores([phrase])


def _ranker(conversation: ConversationModel | None = None, weights: RankWeights | None = None) -> HybridRanker:
    catalog = Catalog("moods", {i: Item(i, f"Film {i}", 2000 + i, g, popularity=i) for i, g in GENRES.items()})
    index = FakeIndex.for_ids(sorted(GENRES), dim=8, seed=3)
    return HybridRanker(catalog, index, weights=weights, aspects=FakeAspects(index.ids), conversation=conversation)


def test_a_mood_leans_to_the_genres_most_of_its_films_carry_more_than_the_catalog_does() -> None:
    ranker = _ranker()
    assert ranker.mood_genres(["cheerful"]) == ("comedy",)  # 2 of its 3 films; Drama (2 of 3) is everywhere
    assert ranker.mood_genres(["dusty"]) == ("western",)  # all three are dramas too, but so are most films
    assert ranker.mood_genres(["odd"]) == ()  # three films of three genres: no majority
    assert ranker.mood_genres(["unknown"]) == () and ranker.mood_genres([]) == ()
    assert ranker.mood_genres(["cheerful", "cheerful"]) == ("comedy",)


def test_the_genres_asked_for_are_those_named_else_those_the_moods_lean_to() -> None:
    ranker = _ranker()
    assert ranker.asked_genres({"Romance"}, ("cheerful",)) == {"Romance"}
    assert ranker.asked_genres((), ("cheerful",)) == ("comedy",)
    assert not ranker.asked_genres((), ())


def test_a_mood_alone_draws_the_conversation_genre_prior_of_its_genre() -> None:
    """People asked for comedies mentioned 1 and 2 (untagged); a "cheerful" request lifts them by the
    conversation's genre prior, and brings them in as candidates; without the mood, or with the mood
    only carried from an earlier message, it is silent."""
    talks = [[(1, True), (2, True)], [(1, True)], *[[(5, True), (6, True)]] * 2, *[[(10, True), (11, True)]] * 2]
    model = ConversationModel.fit(talks, lambda_=1.0, genres=[["comedy"], ["comedy"], ["western"], ["western"], [], []])
    ranker = _ranker(model, RankWeights(content=0.0, collaborative=0.0, popularity=0.0, genre=0.0, aspect=0.0,
                                        conversation=0.0, conversation_popularity=0.0, conversation_genre=1.0))
    _, rows, signals = ranker.signals(RankRequest(liked_aspects=("cheerful",), asked_aspects=("cheerful",)))
    prior = dict(zip(ranker.ids.tolist(), np.asarray(signals["conversation_genre"])[rows].tolist(), strict=True))
    assert prior[1] == 1.0 and prior[2] == 0.5 and prior[5] == prior[10] == 0.0
    named = ranker.signals(RankRequest(asked_aspects=("cheerful",), required_genres={"Western"}))[2]
    assert np.asarray(named["conversation_genre"])[rows][ranker.index.row_of[5]] == 1.0  # the named genre wins
    for quiet in (RankRequest(), RankRequest(liked_aspects=("cheerful",))):  # no mood, or one carried from before
        assert not np.asarray(ranker.signals(quiet)[2]["conversation_genre"]).any()
    def found(c: pipeline.Constraints) -> set[int]:
        return set(pipeline.retrieve(ranker.index, ranker, None, "", c, n=2, popular=2))

    assert {1, 2} <= found(pipeline.Constraints(liked_aspects=("cheerful",), asked_aspects=("cheerful",)))
    assert 2 not in found(pipeline.Constraints())  # the least mentioned film: no candidate without the mood
    assert 2 not in found(pipeline.Constraints(liked_aspects=("cheerful",)))  # a carried mood


def test_a_mood_alone_fills_the_page_with_the_genres_it_leans_to() -> None:
    """Likes of westerns pull westerns; "cheerful" (tags on 3, 4 and the drama 9) leans to comedy, so
    with a lean floor of 4 of 5, four picks are comedies and a comedy leads; with it off, the likes keep their places;
    a named genre or a ruled-out comedy leaves the lean out."""
    ranker = _ranker()
    mood = pipeline.Constraints(liked_ids=(5, 6), liked_aspects=("cheerful",), asked_aspects=("cheerful",))
    comedies = {1, 2, 3, 4}

    lean = pipeline.mood_lean_genres(ranker, mood)
    assert lean == ("comedy",)
    plain = HybridRanker(ranker.catalog, ranker.index)  # ranks as the app would once the lean is read
    request = pipeline.rank_request(None, pipeline.Constraints(liked_ids=(5, 6)), 5, 0.0, None, None)
    liked_first = plain.rank(request)
    assert len(comedies & {s.item.item_id for s in liked_first}) < 4  # the likes pull elsewhere
    leaned = [s.item.item_id for s in pipeline.with_lean_floor(plain, request, liked_first, 4, None, lean)]
    assert len(comedies & set(leaned)) >= 4 and leaned[0] in comedies and len(leaned) == 5
    assert pipeline.with_lean_floor(plain, request, liked_first, 0, None, lean) == liked_first
    deep = plain.rank(pipeline.rank_request(None, pipeline.Constraints(liked_ids=(5, 6)), 10, 0.0, None, None))
    paged = [s.item.item_id for s in pipeline.with_lean_floor(plain, request, deep, 4, 5, lean)]
    assert len(comedies & set(paged[:5])) >= 4 and len(paged) == len(deep)
    first = set(paged[:5])
    later = [s.item.item_id for s in deep if s.item.item_id not in first][:len(deep) - 5]
    assert paged[5:] == later  # the pages after the first stay as ranked
    named = pipeline.Constraints(liked_aspects=("cheerful",), asked_aspects=("cheerful",), liked_genres=("Romance",))
    assert pipeline.mood_lean_genres(ranker, named) == ()
    ruled_out = pipeline.Constraints(asked_aspects=("cheerful",), excluded_genres=("Comedy",))
    assert pipeline.mood_lean_genres(ranker, ruled_out) == ()
    carried = pipeline.Constraints(liked_aspects=("cheerful",))  # from an earlier message: no lean floor
    assert pipeline.mood_lean_genres(ranker, carried) == ()
