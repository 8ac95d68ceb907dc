"""Mechanisms of the forty-first session, on sentences written for these tests (none from a benchmark or
request file). They came from fresh30's odd half (read after the set was scored on the start code; each
mechanism first rewritten in other words) and from probe batteries around them.

- "besides" and "other than" after a word of asking for any film ("anything besides horror", "any movie
  other than a western") set the genre apart, like "except"; elsewhere "besides" adds ("Besides, I loved
  Heat").
- "no one" is nobody, not list position one ("No one in my family likes Titanic" had turned down the first
  listed film); "no 2" is still number two.
- "nobody dislikes X", "no one here hates X": everyone likes it (a like), where the speaker's own "I don't
  hate X" stays no verdict.
- "had me in stitches / rolling / hooked", "kept me on the edge of my seat", "had the kids glued" praise.
- "haven't watched it in ages" says the person has seen it long ago: a pick said before it stands.
- "scrap", "nix", "axe", "bin", "toss", "cut" + a film turn it down, like "ditch".
- Spanish imperatives of sending, telling and finding with their object ("mandame uno", "decime una
  comedia", "buscame algo", "tirame otra") ask, in tú and vos forms.
- "it's not as if I don't like westerns", "it isn't as though we can't enjoy a musical": the two negators
  cancel; "it's not as if I loved it" is no verdict.
- A verbless genre phrase with "with" / "about" ("horror with zombies", "westerns with gunfights"), genres
  alone with "instead" ("westerns instead", "drama or mystery instead", "sci fi instead lol") and a noun
  phrase with a time clause ("a light comedy while I cook") ask; a genre phrase with a verb ("war films
  aren't my thing", "comedies with slapstick are my favourite") does not.
- A year clipped by an apostrophe ("out in '77", "from '05") is that year; "the '80s" stays a decade.
- "there wasn't a dud among those three", "there isn't a weak one among them": the whole list, liked.
- "couldn't stop / no paró de" says something went on, its negator rejects nothing; "couldn't stop laughing",
  "no paramos de hablar de ella" praise; "wouldn't stop talking about it" (of someone else) judges nothing.
- A misspelt well-known film that is also a word, typed as a subject ("inseption was overhyped"), is the
  film even though the typo is one letter off another word too.

From a probe battery of list feedback written afterwards:
- A position with a contracted "is" ("third's a no", "the middle's fine", "last's a hard no") is the position
  and "is" (it was read as a plural, "thirds"); "a hard no" / "a firm no" turn a film down without "for me".
- "eh", "er", "erm", "hm" open a reply like "hmm" ("Eh, the second." picks it).
- "your first suggestion", "your third recommendation", "your second option" are positions; "that second
  suggestion is spot on" names one already made, it asks for no new picks.
"""

from __future__ import annotations

import pytest

TOY_STORY, HEAT, DUMB, FARGO, GROUNDHOG, JAWS, TITANIC, AIRPLANE = 1, 6, 231, 608, 1265, 1387, 1721, 2791
AMELIE, COLUMBINE, INCEPTION, COCO, BTTF, MATRIX = 4973, 5669, 79132, 177765, 1270, 2571
LISTED = (BTTF, MATRIX, TOY_STORY)


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


def _listed(catalog):
    return [catalog.get(i) for i in LISTED]


@pytest.mark.parametrize(("text", "liked", "disliked", "asks"), [
    ("Anything besides comedy and romance.", [], ["Comedy", "Romance"], True),
    ("Any movie other than a western, please.", [], ["Western"], True),
    ("Something else besides thrillers?", [], ["Thriller"], True),
    ("I like horror, besides comedy.", ["Comedy", "Horror"], [], None),
])
def test_besides_after_an_ask_sets_apart(resolver, text, liked, disliked, asks) -> None:
    sig = _read(resolver, text)
    assert (sorted(sig.liked_genres), sorted(sig.disliked_genres)) == (liked, disliked)
    assert asks is None or sig.wants_new_recommendations is asks


def test_besides_opening_a_sentence_adds(resolver) -> None:
    sig = _read(resolver, "Besides, I loved Heat. More like it?")
    assert sig.liked_ids == [HEAT] and sig.disliked_genres == []


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("No one in my family likes Titanic.", [], [TITANIC]),
    ("No 2 please", [MATRIX], []),
])
def test_no_one_is_nobody_not_position_one(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked"), [
    ("Nobody hates Toy Story, least of all my kids.", [TOY_STORY]),
    ("Nobody I know dislikes Groundhog Day.", [GROUNDHOG]),
    ("No one here hates Jaws.", [JAWS]),
    ("I don't hate Titanic.", []),
])
def test_nobody_dislikes_it_is_a_like(resolver, text, liked) -> None:
    sig = _read(resolver, text)
    assert sig.liked_ids == liked and sig.disliked_ids == []


@pytest.mark.parametrize(("text", "liked"), [
    ("Airplane! had me in stitches.", [AIRPLANE]),
    ("Groundhog Day had me rolling.", [GROUNDHOG]),
    ("Jaws had the kids glued to the screen.", [JAWS]),
])
def test_had_me_in_stitches_praises(resolver, text, liked) -> None:
    assert _read(resolver, text).liked_ids == liked


def test_had_me_hooked_praises_a_described_listed_film(resolver, catalog) -> None:
    assert _read(resolver, "The time travel one had me hooked.", _listed(catalog)).liked_ids == [BTTF]


@pytest.mark.parametrize(("text", "liked"), [
    ("Back to the Future, then. Haven't watched it in ages.", [BTTF]),
    ("Toy Story then, haven't seen it in years", [TOY_STORY]),
    ("The second one. Haven't seen it.", []),
])
def test_a_pick_seen_long_ago_stands(resolver, catalog, text, liked) -> None:
    assert _read(resolver, text, _listed(catalog)).liked_ids == liked


@pytest.mark.parametrize(("text", "disliked"), [
    ("Scrap the second one.", [MATRIX]),
    ("Nix Back to the Future.", [BTTF]),
    ("Cut the first, keep the rest.", [BTTF]),
    ("I'd axe the third one, too childish.", [TOY_STORY]),
])
def test_scrap_turns_a_film_down(resolver, catalog, text, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert sig.disliked_ids == disliked and sig.liked_ids == []


def test_a_directors_cut_is_no_rejection(resolver, catalog) -> None:
    assert _read(resolver, "The director's cut of the second is great.", _listed(catalog)).liked_ids == [MATRIX]


@pytest.mark.parametrize(("text", "liked"), [
    ("Decime una comedia buena.", ["Comedy"]),
    ("Buscame algo de terror.", ["Horror"]),
    ("Tirame otra de acción.", ["Action"]),
    ("No es que no me gusten los musicales. Mandame uno.", ["Musical"]),
])
def test_spanish_imperatives_of_sending_ask(resolver, text, liked) -> None:
    sig = _read(resolver, text)
    assert sig.liked_genres == liked and sig.wants_new_recommendations


def test_dime_without_a_film_object_asks_nothing(resolver) -> None:
    assert not _read(resolver, "Dime qué opinas de Titanic.").wants_new_recommendations


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("It's not as if I don't like westerns. Give me one.", ["Western"], []),
    ("It isn't as though we can't enjoy a musical, find us one.", ["Musical"], []),
])
def test_not_as_if_cancels_the_negation_after_it(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_genres, sig.disliked_genres) == (liked, disliked)


def test_not_as_if_alone_is_no_verdict(resolver) -> None:
    sig = _read(resolver, "It's not as if I loved Titanic.")
    assert sig.liked_ids == [] and sig.disliked_ids == []


@pytest.mark.parametrize(("text", "asks"), [
    ("horror with zombies and chainsaws", True),
    ("westerns with gunfights", True),
    ("Just a light comedy while I cook.", True),
    ("war films arent my thing", False),
    ("comedies with lots of slapstick are my favorite", False),
    ("A movie I loved as a kid.", False),
])
def test_verbless_genre_phrases_ask(resolver, text, asks) -> None:
    assert _read(resolver, text).wants_new_recommendations is asks


@pytest.mark.parametrize(("text", "liked"), [
    ("westerns instead", ["Western"]),
    ("drama or mystery instead", ["Drama", "Mystery"]),
    ("sci fi instead lol", ["Sci-Fi"]),
])
def test_genres_instead_ask(resolver, catalog, text, liked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert sorted(sig.liked_genres) == liked and sig.wants_new_recommendations


def test_a_film_watched_instead_asks_nothing(resolver) -> None:
    assert not _read(resolver, "I watched Heat instead").wants_new_recommendations


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("Show me what came out in '77.", 1977, 1977),
    ("Films from ’99 please", 1999, 1999),
    ("Something from the '80s", 1980, 1989),
    ("Comedies after '05", 2006, None),
    ("Toy Story? I'd give it a '10'", None, None),
])
def test_a_clipped_year(resolver, text, year_min, year_max) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("There wasn't a dud among those three, honestly.", sorted(LISTED), []),
    ("There isn't a weak one among them.", sorted(LISTED), []),
    ("No bad ones among them.", [], []),
])
def test_no_dud_among_them_likes_the_list(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert (sorted(sig.liked_ids), sorted(sig.disliked_ids)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("We watched Fargo and I couldn't stop laughing.", [FARGO], []),
    ("Vimos Coco y no paramos de hablar de ella.", [COCO], []),
    ("Pusimos Amélie y mi hermana no paró de reírse.", [AMELIE], []),
    ("One guy wouldn't stop talking about Bowling for Columbine, which I didn't care for either.", [], [COLUMBINE]),
])
def test_couldnt_stop_rejects_nothing(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


def test_a_misspelt_film_that_is_a_word_stays_the_film(resolver) -> None:
    assert _read(resolver, "inseption was sooo overhyped").disliked_ids == [INCEPTION]


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("third's a no.", [], [TOY_STORY]),
    ("The middle's fine, first one's a yes.", [BTTF], []),
    ("second's a maybe, last's a hard no", [], [TOY_STORY]),
    ("the last one is a firm no", [], [TOY_STORY]),
])
def test_a_position_with_a_contracted_is(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked"), [
    ("Eh, the second.", [MATRIX]),
    ("erm the third one", [TOY_STORY]),
])
def test_hesitation_sounds_open_a_pick(resolver, catalog, text, liked) -> None:
    assert _read(resolver, text, _listed(catalog)).liked_ids == liked


@pytest.mark.parametrize(("text", "liked"), [
    ("That second suggestion is spot on.", [MATRIX]),
    ("Your first suggestion sounds great.", [BTTF]),
    ("Your third recommendation looks promising.", [TOY_STORY]),
])
def test_a_suggestion_by_position_is_a_listed_film(resolver, catalog, text, liked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert sig.liked_ids == liked and not sig.wants_new_recommendations


@pytest.mark.parametrize("text", ["Any suggestions?", "suggestions for a rainy day please"])
def test_asking_for_suggestions_still_asks(resolver, text) -> None:
    assert _read(resolver, text).wants_new_recommendations
