"""Mechanisms of the thirty-third session, on sentences and titles written for these tests (none from a
benchmark or request file).

- Who watches along (rule 14): a person who comes over, visits or stays, or whom the film is chosen
  for, watches with the user, so what they love or hate counts ("my cousin is coming over tonight and
  she loves musicals"); a person who only has an opinion does not ("my cousin hates horror").
- A title named by the coined word before its colon ("Zorbulax" of "Zorbulax: The Return of Nobody"):
  only a word the general vocabulary lacks, only for a well-known film, only when no other title
  starts with it.
- A request that sets a named film apart ("anything with Tom Hanks that isn't Big", "algo de Pixar que no
  sea Coco") leaves it out of the picks without judging it; said of a genre it is still a dislike.
- An English yes/no question by word order alone, its "?" left off ("is Fargo actually funny"), judges
  nothing; the rhetorical "is it just me or…" still does.
- List positions alone before a comma share the verdict of the positions joined after it ("1, 3 and 5
  yes please"), as titles do ("Heat, Fargo and Big were great").
- Requests by their words alone, the "?" left off: "what about documentaries", "what horror movies could
  we watch", "what's next", "other dinosaur ones"; "please" is no praise and "classics" the kind asked
  for ("old classics please").
- "remake" or "reboot" beside a title picks the later film of that title; "the original" the earlier.
- Likes by what the film is to a person ("is basically my personality", "won me over", crying one's eyes
  out at it, "every December without fail"); a dislike by what spoiled it ("ruined it for me"); an
  expectation is no verdict ("I thought I'd like the first one but…").
- A request for films that are not of some kind ("any that aren't Christmas ones") judges no film named
  before it.
- A yes/no question about a film asks what it is like: a listed film named before it is no pick ("Rocky
  Balboa, is it worth it"), and a genre word in it is no kind asked for ("¿es muy dramática?"), while
  "esta noche toca comedia" still asks for comedy.
- "then" after a comparative is a misspelt "than" ("way more then the first"); a lone "w" before a word is
  "with" ("go w the 2nd one").
- The words of a yes/no question about a film are no mood asked for ("is the second one very long",
  "is it scary?"); a request beside it keeps its moods.
- A day of the week is an occasion, never a mood ("mis primos vienen el sábado" had read "sabado" as a
  mood and matched the tag "sinbad"; found in the newcomer's browser conversation).
- Fear a film gave, said to be "in a good way" or "del bueno", is praise ("scared me, in the best
  possible way").
- In a Spanish message a word is no typo of a cue word that differs in its first letter ("vienen" is no
  misspelt "tienen"): the English dictionary cannot vouch for Spanish words.
"""

from __future__ import annotations

import pytest

from chat_rec.catalog.models import Catalog, Item
from chat_rec.understanding import lexicon
from chat_rec.understanding.who_watches import WATCHING_WITH


def _read(resolver, text: str):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("my cousin is coming over tonight and she loves musicals", ["Musical"], []),
    ("my brother's visiting this weekend and he is really into westerns", ["Western"], []),
    ("our neighbour will come over later, he can't stand horror", [], ["Horror"]),
    ("mi prima viene a casa esta noche y le encantan los musicales", ["Musical"], []),
    ("mis primos vienen el sábado y odian el terror", [], ["Horror"]),
    ("picking something for my uncle, he adores war films", ["War"], []),
    ("busco algo para mi tío, le encantan las de guerra", ["War"], []),
])
def test_the_taste_of_someone_who_watches_along_counts(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_genres), sorted(signal.disliked_genres)) == (liked, disliked)


@pytest.mark.parametrize("text", [
    "my cousin hates horror",
    "mi vecina adora los musicales",
    "my coworker came from work raving, he loves westerns",
])
def test_the_taste_of_someone_who_does_not_watch_along_does_not(resolver, text) -> None:
    signal = _read(resolver, text)
    assert not signal.liked_genres and not signal.disliked_genres


@pytest.mark.parametrize(("text", "along"), [
    ("my sister's coming over tonight", True),
    ("my best friend will come over", True),
    ("nuestros vecinos están de visita", True),
    ("mi hermano va a venir", True),
    ("a film for my cousin", True),
    ("my cousin came back from work", False),
    ("mi hermano viene de viaje cansado", False),
    ("my friend says he's coming", False),
])
def test_words_of_coming_over_mark_someone_who_watches_along(text, along) -> None:
    from chat_rec.understanding.tokens import tokenize

    assert bool(WATCHING_WITH.search(" ".join(t.key for t in tokenize(text)))) is along


COINED = [
    Item(91, "Zorbulax: The Return of Nobody", 2004, ("Comedy",), (), popularity=60),
    Item(92, "Alaska: A Cold Story", 1996, ("Drama",), (), popularity=60),  # a place, in the vocabulary
    Item(93, "Quimberton: The Lost Reel", 2001, ("Drama",), (), popularity=3),  # a film few know
    Item(94, "Vextragon: Dawn", 2010, ("Action",), (), popularity=50),
    Item(95, "Vextragon: Dusk", 2012, ("Action",), (), popularity=40),  # two films start with it
    Item(96, "Harbour Lights", 1999, ("Drama",), (), popularity=30),
]


@pytest.fixture(scope="module")
def coined_resolver():
    from chat_rec.understanding.resolver import TitleResolver

    assert len(lexicon.known_words()) > 5000, "the packaged embedder's vocabulary is part of the install"
    return TitleResolver(Catalog("coined", {f.item_id: f for f in COINED}))


@pytest.mark.parametrize(("text", "found"), [
    ("I loved Zorbulax, anything like it?", [91]),
    ("zorbulax was hilarious", [91]),
    ("we're moving to Alaska, something cozy please", []),
    ("Quimberton is my favourite", []),
    ("Vextragon was great", []),
    ("Vextragon: Dusk was great", [95]),
])
def test_a_coined_head_names_one_well_known_film(coined_resolver, text, found) -> None:
    assert [m.item_id for m in coined_resolver.find_in_text(text)] == found


BIG, FARGO, TOY_STORY, COCO = 2797, 608, 1, 177765


@pytest.mark.parametrize(("text", "apart"), [
    ("anything with Tom Hanks that isn't Big?", BIG),
    ("something else by the Coen brothers that's not Fargo", FARGO),
    ("any more Pixar films other than Toy Story", TOY_STORY),
    ("¿otra de Pixar que no sea Coco?", COCO),
    ("algo de animación aparte de Coco", COCO),
])
def test_a_request_sets_a_named_film_apart_without_judging_it(resolver, text, apart) -> None:
    signal = _read(resolver, text)
    assert apart not in signal.liked_ids and apart not in signal.disliked_ids
    assert apart in signal.mentioned_ids and signal.wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked", "disliked_genres"), [
    ("I loved Fargo, anything except horror", [FARGO], [], ["Horror"]),  # a genre set apart is a dislike
    ("anything with Tom Hanks, I can't stand Big", [], [BIG], []),  # a verdict, not a request's exception
])
def test_a_verdict_beside_a_request_still_counts(resolver, text, liked, disliked, disliked_genres) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_ids, signal.disliked_ids, signal.disliked_genres) == (liked, disliked, disliked_genres)


@pytest.mark.parametrize("text", [
    "is Fargo actually funny",
    "my coworkers keep quoting Big, is it any good",
    "was Toy Story scary for little kids",
    "does Fargo hold up these days",
])
def test_a_question_by_word_order_judges_nothing(resolver, text) -> None:
    signal = _read(resolver, text)
    assert not signal.liked_ids and not signal.disliked_ids


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("is it just me or is Fargo overrated", [], [FARGO]),
    ("is Fargo funny? loved Big though", [BIG], []),
])
def test_verdicts_near_a_question_by_word_order_stay(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


def test_a_spanish_word_is_no_typo_of_a_cue_word_that_differs_in_its_first_letter() -> None:
    from chat_rec.understanding.tokens import tokenize

    assert "vienen" in [t.key for t in tokenize("mis primos vienen y odian el terror")]
    assert "amazing" in [t.key for t in tokenize("that was amazng")]  # an English typo is still mended


LIST = (6, FARGO, BIG, TOY_STORY, 260)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("1, 3 and 5 yes please", [6, BIG, 260], []),
    ("2, 4 and 5 are great", [FARGO, TOY_STORY, 260], []),
    ("1, 3 y 5 me encantan", [6, BIG, 260], []),
    ("1, 2 and 4 look boring", [], [6, FARGO, TOY_STORY]),
    ("1, the rest no", [], [FARGO, BIG, TOY_STORY, 260]),  # no positions joined after it: not shared
])
def test_positions_alone_before_a_comma_share_the_verdict_after_it(catalog, resolver, text, liked, disliked):
    from chat_rec.understanding.extractor import Extractor

    listed = [catalog.items[i] for i in LIST]
    signal = Extractor(resolver, None).extract(text, "Heat, Fargo, Big, Toy Story or Star Wars?", listed)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize("text", [
    "what about some westerns",
    "wat about war movies",
    "what comedies could my cousin and I watch",
    "Seen Heat and Fargo. What's next?",
    "other shark ones?",
    "old classics please, the older the better",
    "the classics please",
])
def test_a_request_by_its_words_alone(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations


@pytest.mark.parametrize("text", [
    "what about the ending of Heat",
    "other movies bore me",
    "loved that movie, please",
    "what a great film",
])
def test_no_request_without_asking(resolver, text) -> None:
    assert not _read(resolver, text).wants_new_recommendations


REMADE = [
    Item(71, "Harbour of Glass", 1962, ("Drama",), (), popularity=80),
    Item(72, "Harbour of Glass", 2004, ("Drama",), (), popularity=30),
    Item(73, "Lantern Road", 1990, ("Drama",), (), popularity=30),
]


@pytest.mark.parametrize(("text", "found"), [
    ("the Harbour of Glass remake was dull", [72]),
    ("the remake of Harbour of Glass was dull", [72]),
    ("el remake de Harbour of Glass", [72]),
    ("the original Harbour of Glass is great", [71]),
    ("Lantern Road remake", [73]),  # one film of that title: it is the one
])
def test_a_remake_is_the_later_film_of_its_title(text, found) -> None:
    from chat_rec.understanding.resolver import TitleResolver

    resolver = TitleResolver(Catalog("remade", {f.item_id: f for f in REMADE}))
    assert [m.item_id for m in resolver.find_in_text(text)] == found


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Fargo is basically my whole personality", [FARGO], []),
    ("I expected to hate Big but it won me over", [BIG], []),
    ("saw Big in the cinema as a kid and cried my eyes out", [BIG], []),
    ("lloré como una magdalena con Coco", [COCO], []),
    ("we watch Big every Christmas without fail", [BIG], []),
    ("I thought I'd enjoy Fargo but the ending ruined it for me", [], [FARGO]),
    ("pensé que me iba a gustar Big", [], []),
    ("something that will make me cry my eyes out", [], []),  # a mood asked for, no film
])
def test_what_a_film_is_to_a_person(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (sorted(signal.liked_ids), sorted(signal.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize("text", [
    "we watch Fargo every Christmas without fail. Do you have any that aren't Christmas ones?",
    "I loved Fargo. Anything that isn't as dark?",
])
def test_a_request_for_another_kind_judges_no_film_before_it(resolver, text) -> None:
    signal = _read(resolver, text)
    assert signal.liked_ids == [FARGO] and not signal.disliked_ids


@pytest.mark.parametrize(("text", "liked"), [
    ("Toy Story, is it worth it", []),
    ("the second one, is it worth it", []),
    ("the second one", [FARGO]),  # a pick
    ("i think ill go w the 2nd one tonite", [FARGO]),
])
def test_a_question_by_word_order_picks_nothing(catalog, resolver, text, liked) -> None:
    from chat_rec.understanding.extractor import Extractor

    listed = [catalog.items[i] for i in (6, FARGO, TOY_STORY)]
    signal = Extractor(resolver, None).extract(text, "Heat, Fargo or Toy Story?", listed)
    assert signal.liked_ids == liked and not signal.disliked_ids


@pytest.mark.parametrize(("text", "genres", "asks"), [
    ("¿Es muy dramática?", [], False),
    ("is it very scary?", [], False),
    ("was the second one a comedy?", [], False),
    ("esta noche toca comedia con mi novia, ¿alguna idea?", ["Comedy"], True),
    ("is there a good comedy?", ["Comedy"], True),
])
def test_a_genre_in_a_question_about_a_film_is_no_kind_asked_for(resolver, text, genres, asks) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_genres, signal.wants_new_recommendations) == (genres, asks)


@pytest.mark.parametrize(("text", "keys"), [
    ("way more then the first", ["way", "more", "than", "the", "first"]),
    ("darker then Fargo", ["darker", "than", "fargo"]),
    ("watched it later then slept", ["watched", "it", "later", "then", "slept"]),
    ("go w the 2nd one", ["go", "with", "the", "2nd", "one"]),
])
def test_misspelt_than_and_a_lone_w(text, keys) -> None:
    from chat_rec.understanding.tokens import tokenize

    assert [t.key for t in tokenize(text)] == keys


MOODY = [
    Item(61, "Slow River", 2001, ("Drama",), ("long", "slow"), popularity=40),
    Item(62, "Night Teeth", 2010, ("Horror",), ("scary", "gory"), popularity=60),
    Item(63, "Giggle Town", 2005, ("Comedy",), ("funny",), popularity=50),
]


@pytest.fixture()
def moody(tmp_path):
    from tests.unit.test_parser_mechanisms27 import aspect_world

    return aspect_world(MOODY, "moody33", 5, tmp_path)[0]


@pytest.mark.parametrize(("text", "liked"), [
    ("is the second one very long", []),
    ("is it scary?", []),
    ("the first one, is it too slow for kids", []),
    ("is it scary? I want something scary", ["scary"]),
    ("something funny", ["funny"]),
])
def test_a_question_about_a_film_asks_for_no_mood(moody, text, liked) -> None:
    from chat_rec.understanding.aspects import with_fallback_aspects
    from chat_rec.understanding.signal import PreferenceSignal

    assert with_fallback_aspects(PreferenceSignal(), text, moody).liked_aspects == liked


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Fargo scared me more than anything, in the best possible way", [FARGO], []),
    ("Big me dio miedo del bueno", [BIG], []),
    ("Fargo scared me", [], [FARGO]),
    ("Fargo scared me. In a good way, I want a comedy now", [], [FARGO]),  # the next sentence's words
])
def test_fear_in_a_good_way_is_praise(resolver, text, liked, disliked) -> None:
    signal = _read(resolver, text)
    assert (signal.liked_ids, signal.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "days"), [
    ("mis primos vienen el sabado", {"el", "sabado"}),
    ("something cozy next friday", {"next", "friday"}),
    ("sundays are for comedies", {"sundays"}),
    ("something cozy", set()),
])
def test_a_day_of_the_week_is_an_occasion(text, days) -> None:
    from chat_rec.understanding.aspects import occasion_spans

    keys = text.split()
    assert {keys[i] for i in occasion_spans(keys)} == days
