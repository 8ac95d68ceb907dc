"""Mechanisms of the twenty-seventh session, on sentences and films written for these tests (none
from a benchmark file).

- Found by using the app: "menos violenta, por favor" asked for *violent* films, and "fewer
  explosions please" for explosions. "menos" and "fewer" rule out the mood after them as "less"
  does, except in the idioms where they rule nothing out ("al menos", "por lo menos", "más o
  menos", "more or less", "menos mal").
- Found by using the app: after "I loved Kill Bill and Reservoir Dogs", "less violent please" still
  led with Natural Born Killers (tagged "brutality"). A mood the person rules out leaves out the
  films whose own tags carry any term near it (``AspectConfig.avoid_floor``, wider than the match
  margin of a mood asked for), unless it would leave out more than ``avoid_share`` of the catalog.
- Found on the dev avoid queries (data/moods/avoid_dev.yaml, written this session by a helper that read
  no code; avoid_fresh.yaml is kept apart as the clean check), each checked here on our own sentences:
  - a negation reaches the second of two coordinated moods ("without the crude jokes and swearing"),
    but not a new noun phrase after the coordinator ("nothing violent and something funny");
  - a complaint that takes an object ("tired of", "fed up with", "harta de") rules out the mood after it;
  - "somethin", "nothin": a word of asking or negation without its final "g" is that word, no mood;
  - "sin tanta sangre" is no misspelt *Santa Sangre*: Spanish quantifiers are function words.
- Found on the fresh avoid queries (data/moods/avoid_fresh.yaml) after they were scored once as the clean
  check (so that file is read from then on), each checked here on our own sentences:
  - a negation reaches a mood through its own noun phrase, past ``NEGATION_REACH`` ("without all the
    shouting and violence", "not so heavy on the dark stuff"), never through a word of asking ("no gore
    and lots of space stuff");
  - "zero" and "cero" rule out; "enough" opening a clause, or after "had", is a complaint;
  - a mood word right after "I'm", "we're" or "estoy" says how the person is, not what to watch;
  - two adjacent moods share the negation ("no dark violent stuff"), as do moods joined by "or about".
- Found by using the app: "I've seen all of those, more please" liked all five picks on screen (the
  politeness after "more" was read as a verdict on the films just seen); asking for more picks politely
  judges nothing.
- Found by sixteen dialogues a helper wrote from docs/dialogues.md, the README and the catalog alone
  (/tmp/dlg18; two are now tests/dialogues/58-59), each checked here on our own sentences:
  - a comparative opens any clause, also after a word of asking ("no dramas please, something more
    action packed"; its cases sit in test_session_request.py beside the older ones), and steers the
    request in force even toward a genre that does not go with it (the years asked for stay);
  - "action packed" is the genre's own compound, not a mood "packed";
  - "more like Shrek" shows a film of Shrek's numbered series (``series_floor``).
"""

from __future__ import annotations

import numpy as np
import pytest

from chat_rec.catalog.aspects import AspectConfig, AspectIndex
from chat_rec.catalog.models import Catalog, Item
from chat_rec.ranking import pipeline
from chat_rec.ranking.hybrid import HybridRanker, RankWeights
from chat_rec.understanding.aspects import aspects_with_polarity
from tests.unit.test_aspects import ConceptEmbedder

FILMS = [
    Item(21, "Red Quarry", 2001, ("Action",), ("violence",), popularity=90),
    Item(22, "Iron Fist Alley", 2002, ("Action",), ("violent", "gore"), popularity=80),
    Item(23, "Harbour Lights", 2003, ("Drama",), ("dark",), popularity=70),
    Item(24, "Paper Boats", 2004, ("Children",), ("space",), popularity=60),
    Item(25, "Quiet Orchard", 2005, ("Drama",), (), popularity=50),
    Item(26, "Tin Kites", 2006, ("Comedy",), (), popularity=40),
]


class _Vectors:
    def __init__(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        self.ids, self.vectors = ids, vecs
        self.row_of = {int(i): r for r, i in enumerate(ids)}


def aspect_world(films: list[Item], name: str, seed: int, cache_dir) -> tuple[AspectIndex, HybridRanker]:  # noqa: ANN001
    """A small catalog of ``films`` with random item vectors, its aspect index (``ConceptEmbedder``) and
    a ranker that popularity rules."""
    catalog = Catalog(name, {f.item_id: f for f in films})
    ids = np.array([f.item_id for f in films], dtype=np.int64)
    vecs = np.random.default_rng(seed).normal(size=(len(ids), 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    aspects = AspectIndex.build(catalog, ids, vecs, ConceptEmbedder(), cache_dir=cache_dir)
    ranker = HybridRanker(catalog, _Vectors(ids, vecs), weights=RankWeights(content=0.0, popularity=5.0),
                          aspects=aspects)
    return aspects, ranker


@pytest.fixture()
def world(tmp_path):
    return aspect_world(FILMS, "avoid", 7, tmp_path)  # popularity rules: the two violent films lead any list


def test_menos_and_fewer_rule_out_the_mood_after_them(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("una de acción pero menos violenta", aspects)[1] == ["violent"]
    assert aspects_with_polarity("algo menos oscuro esta vez", aspects) == ([], ["dark"])
    assert aspects_with_polarity("fewer violent scenes this time", aspects) == ([], ["violent"])
    assert aspects_with_polarity("something a bit less dark", aspects) == ([], ["dark"])


def test_idioms_with_less_or_menos_rule_nothing_out(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("al menos algo oscuro, por favor", aspects) == (["dark"], [])
    assert aspects_with_polarity("por lo menos que sea oscura", aspects)[1] == []
    assert aspects_with_polarity("something more or less dark", aspects) == (["dark"], [])
    assert aspects_with_polarity("menos mal, ahora algo oscuro", aspects) == (["dark"], [])


def test_a_ruled_out_mood_covers_its_near_terms_not_only_the_best(world) -> None:
    aspects, ranker = world
    matched = {aspects.terms[k] for k, _ in aspects.match("violent").terms}
    covered = {int(i) for i in aspects.ids[aspects.avoided("violent")]}
    assert covered == {21, 22}  # "violence", "violent" and "gore" sit near each other
    assert covered >= {int(i) for i in aspects.ids[aspects.tagged("violent") > 0]}
    assert len(matched) >= 1
    assert ranker.ids_avoided(["violent"]) == {21, 22}
    assert ranker.ids_avoided(["dark"]) == {23}
    assert ranker.ids_avoided([]) == set()
    far = AspectIndex(aspects.terms, aspects.term_vectors, aspects.postings, aspects.item_vectors,
                      aspects.embedder, AspectConfig(avoid_floor=1.01), aspects.ids)
    assert not far.avoided("violence").any()  # above any cosine: nothing is covered


def test_a_ruled_out_mood_leaves_its_films_out_of_the_picks(world) -> None:
    _, ranker = world
    c = pipeline.Constraints(disliked_aspects=("violent",))
    soft = [s.item.item_id for s in pipeline.rank(ranker, None, c, 3, 0.0)]
    hard = [s.item.item_id for s in pipeline.rank(ranker, None, c, 3, 0.0, avoid_moods=True)]
    assert {21, 22} & set(soft), "popularity outweighs the soft push"
    assert not {21, 22} & set(hard) and len(hard) == 3
    plain = pipeline.Constraints()
    assert [s.item.item_id for s in pipeline.rank(ranker, None, plain, 3, 0.0, avoid_moods=True)] == \
        [s.item.item_id for s in pipeline.rank(ranker, None, plain, 3, 0.0)]


def test_a_mood_reaching_most_of_the_catalog_is_only_a_push(world, tmp_path) -> None:
    aspects, _ = world
    broad = [Item(30 + n, f"Loud Film {n}", 2000 + n, ("Action",), ("violence",)) for n in range(5)]
    catalog = Catalog("broad", {f.item_id: f for f in (*broad, FILMS[4])})
    ids = np.array(list(catalog.items), dtype=np.int64)
    vecs = np.random.default_rng(8).normal(size=(len(ids), 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    index = AspectIndex.build(catalog, ids, vecs, ConceptEmbedder(), cache_dir=tmp_path / "broad")
    ranker = HybridRanker(catalog, _Vectors(ids, vecs), weights=RankWeights(), aspects=index)
    assert int(index.avoided("violent").sum()) == 5
    assert ranker.ids_avoided(["violent"]) == set()  # 5 of 6 films: no longer left out


def test_a_negation_reaches_coordinated_moods_but_not_a_new_phrase(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("a comedy minus the dark bits and all the gore", aspects)[1] == ["dark", "gore"]
    assert aspects_with_polarity("algo sin violencia ni tanta oscuridad", aspects)[1][0] == "violence"
    assert aspects_with_polarity("no gore and something dark", aspects) == (["dark"], ["gore"])
    assert aspects_with_polarity("nada violento y algo espacial", aspects)[1] == ["violent"]
    assert aspects_with_polarity("dark and space stuff, please", aspects) == (["dark", "space"], [])


def test_a_complaint_with_an_object_rules_out_the_mood(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("honestly I'm tired of dark films", aspects) == ([], ["dark"])
    assert aspects_with_polarity("fed up with gore lately", aspects) == ([], ["gore"])
    assert aspects_with_polarity("estoy harto de la violencia", aspects)[1] == ["violence"]
    assert aspects_with_polarity("I'm tired, something dark please", aspects) == (["dark"], [])


def test_a_dropped_g_is_the_word_not_a_mood(world) -> None:
    from chat_rec.understanding.aspect_phrases import tokenize

    assert [t.key for t in tokenize("lookin for somethin dark")] == ["looking", "for", "something", "dark"]
    assert [t.key for t in tokenize("a violin and a cabin")] == ["a", "violin", "and", "a", "cabin"]
    aspects, _ = world
    assert aspects_with_polarity("nothin gory tonight, somethin dark", aspects) == (["dark"], ["gore"])


def test_a_spanish_quantifier_is_no_misspelt_title() -> None:
    from chat_rec.understanding.resolver import TitleResolver

    films = [Item(41, "Santa Lucia", 1990, ("Drama",), ()), Item(42, "Mucha Noche", 1991, ("Drama",), ())]
    resolver = TitleResolver(Catalog("es", {f.item_id: f for f in films}))
    assert [m.item_id for m in resolver.find_in_text("algo sin tanta lucia")] == []
    assert [m.item_id for m in resolver.find_in_text("me encantó Santa Lucia")] == [41]


def test_a_relative_ask_steers_even_toward_another_genre() -> None:
    from chat_rec.ranking.session import ActiveRequest, GenreAffinity, message_kind
    from chat_rec.understanding.signal import PreferenceSignal

    # westerns and musicals never share a film here: a musical leaves the westerns' topic
    affinity = GenreAffinity.from_genres([("Western",), ("Western", "Drama"), ("Musical",), ("Musical", "Comedy")] * 5)
    previous = ActiveRequest(genres=("Western",), topic=("Western",))
    asked = PreferenceSignal(liked_genres=["Musical"], wants_new_recommendations=True)
    assert message_kind(asked, [7, 8], True, previous, affinity) == "change"
    assert message_kind(asked, [7, 8], True, previous, affinity, relative=True) == "steer"
    named = PreferenceSignal(liked_ids=[3], liked_genres=["Musical"], wants_new_recommendations=True)
    assert message_kind(named, [7, 8], True, previous, affinity, relative=True) != "steer"


def test_a_genre_word_and_the_word_after_it_may_be_one_term(tmp_path) -> None:
    items = [Item(51, "Dust Road", 2001, ("Action", "Western"), ("action packed",)),
             Item(52, "Slow Creek", 2002, ("Western",), ("packed house",))]
    catalog = Catalog("compound", {f.item_id: f for f in items})
    ids = np.array([51, 52], dtype=np.int64)
    vecs = np.eye(2, 8, dtype=np.float32)
    index = AspectIndex.build(catalog, ids, vecs, ConceptEmbedder(), cache_dir=tmp_path)
    assert aspects_with_polarity("something more action packed please", index) == ([], [])
    assert aspects_with_polarity("a western with a packed house", index)[0] == ["packed house"]


def test_a_series_film_fills_a_place_for_a_liked_film_of_its_series(tmp_path) -> None:
    from chat_rec.understanding.series import SeriesIndex

    films = [Item(61, "Ogre Tale", 2001, ("Animation",), (), popularity=50),
             Item(62, "Ogre Tale 2", 2004, ("Animation",), (), popularity=1),
             Item(63, "Ogre Tale the Third", 2007, ("Animation",), (), popularity=1),
             *(Item(70 + n, f"Bright Toy {name}", 2000 + n, ("Animation",), (), popularity=90 - n)
               for n, name in enumerate("Red Blue Green Gold Grey Pink".split()))]
    catalog = Catalog("series", {f.item_id: f for f in films})
    series = SeriesIndex(catalog)
    assert series.siblings(61) == [62, 63] and series.siblings(62) == [61, 63] and series.siblings(70) == []
    ids = np.array(list(catalog.items), dtype=np.int64)
    vecs = np.random.default_rng(9).normal(size=(len(ids), 16)).astype(np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    ranker = HybridRanker(catalog, _Vectors(ids, vecs), weights=RankWeights(content=0.0, popularity=5.0))
    c = pipeline.Constraints(liked_ids=(61,))
    plain = [s.item.item_id for s in pipeline.rank(ranker, None, c, 3, 0.0)]
    kin = [s.item.item_id for s in pipeline.rank(ranker, None, c, 3, 0.0, series_of=series.siblings,
                                                 series_floor=1, series_seeds=(61,))]
    assert not {62, 63} & set(plain)
    assert len({62, 63} & set(kin)) == 1 and len(kin) == 3
    # a sibling already judged or shown is not brought back; without seeds nothing changes
    shown = pipeline.Constraints(liked_ids=(61,), exclude_ids=(62, 63))
    assert not {62, 63} & {s.item.item_id for s in pipeline.rank(ranker, None, shown, 3, 0.0, series_of=series.siblings,
                                                                 series_floor=1, series_seeds=(61,))}
    assert [s.item.item_id for s in pipeline.rank(ranker, None, c, 3, 0.0, series_of=series.siblings,
                                                  series_floor=1)] == plain


def test_a_negation_reaches_through_its_own_noun_phrase_only(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("maybe a comedy without all the shouting and violence", aspects)[1] == ["violence"]
    assert aspects_with_polarity("something not so heavy on the dark stuff", aspects) == ([], ["dark"])
    assert aspects_with_polarity("no gore and lots of space stuff", aspects) == (["space"], ["gore"])
    assert aspects_with_polarity("I never said I wanted anything but dark", aspects)[0] == ["dark"]


def test_zero_and_enough_rule_out(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("a thriller with zero gore please", aspects) == ([], ["gore"])
    assert aspects_with_polarity("una de misterio con cero violencia", aspects)[1] == ["violence"]
    assert aspects_with_polarity("enough dark stuff for a while", aspects) == ([], ["dark"])
    assert aspects_with_polarity("honestly, enough space films, something else", aspects) == ([], ["space"])
    assert aspects_with_polarity("we've had enough gore this week", aspects) == ([], ["gore"])
    assert aspects_with_polarity("is it dark enough?", aspects)[1] == []


def test_how_the_speaker_is_is_no_mood(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("I'm so dark today, something light", aspects)[0] == []
    assert aspects_with_polarity("we're kinda violent tonight lol", aspects) == ([], [])
    assert aspects_with_polarity("I'm after something dark", aspects) == (["dark"], [])
    assert aspects_with_polarity("I'm a fan of dark films", aspects) == (["dark"], [])
    assert aspects_with_polarity("estoy lenta hoy, algo oscuro", aspects) == (["dark"], [])  # no complaint
    assert aspects_with_polarity("esa fue muy lenta, algo oscuro", aspects) == (["dark"], ["slow"])


def test_adjacent_or_topic_joined_moods_share_the_negation(world) -> None:
    aspects, _ = world
    assert aspects_with_polarity("nothing set in space or about violence", aspects) == ([], ["space", "violence"])
    assert aspects_with_polarity("no dark violent stuff tonight", aspects) == ([], ["dark", "violent"])


def test_a_series_name_may_hold_a_colon() -> None:
    from chat_rec.understanding.series import SeriesIndex

    films = [Item(81, "Task: Unlikely", 1996, ("Action",), ()), Item(82, "Task: Unlikely II", 2000, ("Action",), ()),
             Item(83, "Task: Unlikely III", 2006, ("Action",), ()),
             Item(84, "Task: Unlikely - Ghost Rule", 2011, ("Action",), ()),
             Item(85, "Old Crown", 1972, ("Drama",), ()), Item(86, "Old Crown: Part II", 1974, ("Drama",), ())]
    series = SeriesIndex(Catalog("colon", {f.item_id: f for f in films}))
    assert series.siblings(81) == [82, 83] and series.sequel_of(82, 1) == 81 and series.sequel_of(81, 3) == 83
    assert series.siblings(85) == [86] and series.siblings(84) == []


@pytest.mark.parametrize("text, seen", [("watched every one of those, more please", [91, 92, 93]),
                                        ("seen the second one, more pls", [92]),
                                        ("ya vi la tercera, otras por favor", [93])])
def test_asking_for_more_politely_judges_nothing(text: str, seen: list[int]) -> None:
    from chat_rec.understanding.parser import parse_detailed
    from chat_rec.understanding.resolver import TitleResolver

    films = [Item(91, "Marble Sky", 2001, ("Drama",), ()), Item(92, "Copper Lane", 2002, ("Comedy",), ()),
             Item(93, "Glass Harbour", 2003, ("Thriller",), ())]
    catalog = Catalog("more", {f.item_id: f for f in films})
    signal = parse_detailed(text, films, TitleResolver(catalog), "").signal
    assert signal.liked_ids == [] and sorted(signal.seen_ids) == seen
    judged = parse_detailed("seen the second one, really good", films, TitleResolver(catalog), "").signal
    assert judged.liked_ids == [92]  # a verdict after "seen" still judges the film


def test_a_relative_ask_adds_its_moods_to_the_mood_in_force() -> None:
    from chat_rec.ranking.constraints import carried_aspects
    from chat_rec.understanding.signal import PreferenceSignal

    previous = {"liked": ["creepy", "dark"], "disliked": ["gore"]}
    steer = PreferenceSignal(liked_aspects=["funny"], disliked_aspects=["dark"])  # "less dark, more funny"
    assert carried_aspects(steer, previous, fresh_request=False, relative=True) == (("creepy", "funny"),
                                                                                   ("gore", "dark"))
    assert carried_aspects(steer, previous, fresh_request=None, relative=True)[0] == ("creepy", "funny")
    assert carried_aspects(steer, previous, fresh_request=False) == (("funny",), ("dark",))  # not relative
    assert carried_aspects(steer, previous, fresh_request=True, relative=True) == (("funny",), ("dark",))


def test_a_y_adjective_outside_the_vocabulary_is_read_as_its_noun(tmp_path) -> None:
    from chat_rec.understanding.aspect_phrases import adjective_base

    items = [Item(101, "Red Mill", 2001, ("Horror",), ("gore", "scare")),
             Item(102, "Sun Fair", 2002, ("Comedy",), ("fun",)),
             Item(103, "Husk", 2003, ("Drama",), ("corn", "bloody"))]
    catalog = Catalog("ybase", {f.item_id: f for f in items})
    index = AspectIndex.build(catalog, np.array([101, 102, 103]), np.eye(3, 8, dtype=np.float32), ConceptEmbedder(),
                              cache_dir=tmp_path)
    assert [adjective_base(w, index) for w in ("gory", "funny", "scary", "corny", "bloody", "day")] == \
        ["gore", "fun", "scare", None, None, None]
    assert aspects_with_polarity("nothing gory, something funny", index) == (["fun"], ["gore"])
