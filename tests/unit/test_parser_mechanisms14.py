"""Mechanisms of the fourteenth round, on sentences written for these tests (none from a benchmark file).

- A lowercase word after "la del" / "el de" / "the" that the resolver reads as another film's
  title ("submarino" as *Submarine*) is a description of the one listed film it fits, when one does.
- A genre noun is the subject of a verdict with an object pronoun too ("el documental me
  interesa", "the documentary interests me"), so "the others" after it are the rest of the list.
- "The others" in a later clause, when nothing in the message names a listed film, are no films:
  the one they are set against was not understood, and judging the whole list would turn a like
  into a dislike.
- Taking up an offered film by interest ("me intriga", "caught my eye", a bare "sure") is a like;
  "not sure" stays doubt; a check mark is a like and a cross mark a dislike.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.parser import parse
from tests.signals import listed as _listed
from tests.signals import verdicts

HEAT, SPEED, HOOP_DREAMS, JAWS, CRIMSON_TIDE, TOP_GUN, AIR_FORCE_ONE, SUBMARINE = (
    6, 377, 246, 1387, 161, 1101, 1608, 87234)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("la del submarino me encanta, las otras dos no me gustan", [CRIMSON_TIDE], [TOP_GUN, AIR_FORCE_ONE]),
    ("the submarine one was great", [CRIMSON_TIDE], []),
])
def test_a_lowercase_title_that_describes_a_listed_film_is_that_film(resolver, catalog, text, liked, disliked):
    sig = parse(text, _listed(catalog, CRIMSON_TIDE, TOP_GUN, AIR_FORCE_ONE), resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))


def test_a_capitalised_or_unlisted_title_stays_a_title(resolver, catalog):
    listed = _listed(catalog, CRIMSON_TIDE, TOP_GUN, AIR_FORCE_ONE)
    assert verdicts(parse("I loved Submarine", listed, resolver)) == ([SUBMARINE], [])
    # no list shown: nothing to describe
    assert SUBMARINE not in parse("la del submarino me encanta", [], resolver).disliked_ids


@pytest.mark.parametrize("text", [
    "el documental me interesa, las otras dos ya las vi",
    "the documentary interests me, I've seen the others",
])
def test_a_genre_noun_with_an_object_pronoun_names_the_listed_film(resolver, catalog, text):
    sig = parse(text, _listed(catalog, HOOP_DREAMS, SPEED, HEAT), resolver)
    assert sig.liked_ids == [HOOP_DREAMS]
    assert sorted(sig.seen_ids) == sorted([SPEED, HEAT])


def test_the_others_against_an_unread_description_judge_nothing(resolver, catalog):
    # "tiburones" describes nothing the parser can read: "los otros" must not dislike all three
    sig = parse("el de tiburones me encanta, los otros no", _listed(catalog, JAWS, SPEED, HEAT), resolver)
    assert JAWS not in sig.disliked_ids
    # with the film named, the others are the rest as before
    sig = parse("Jaws me encanta, los otros no", _listed(catalog, JAWS, SPEED, HEAT), resolver)
    assert verdicts(sig) == ([JAWS], sorted([SPEED, HEAT]))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat caught my eye. Speed I've seen.", [HEAT], []),
    ("Heat, sure. Speed was boring", [HEAT], [SPEED]),
    ("la segunda me intriga mucho", [SPEED], []),
    ("Speed 👎 Heat ✔️", [HEAT], [SPEED]),
    ("Heat ✅ Speed ❌", [HEAT], [SPEED]),
    ("not sure about Heat", [], []),
    ("I'm not sure, maybe Speed?", [], []),
])
def test_interest_acceptance_and_marks(resolver, catalog, text, liked, disliked):
    sig = parse(text, _listed(catalog, HOOP_DREAMS, SPEED, HEAT), resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))


KANE, CASABLANCA, GONE_WITH_THE_WIND, CONDOR, CONVERSATION, PRESIDENTS_MEN = 923, 912, 920, 2819, 3730, 6787
GHOST, PRETTY_WOMAN, DIRTY_DANCING, KWAI, GREAT_ESCAPE, NAVARONE = 587, 597, 1088, 1250, 1262, 3654


@pytest.mark.parametrize(("text", "listed", "liked", "disliked"), [
    # one uncommon word of a listed title names it
    ("kane bored me, casablanca is lovely", (KANE, CASABLANCA, GONE_WITH_THE_WIND), [CASABLANCA], [KANE]),
    ("Condor was great, the conversation was dull", (CONVERSATION, CONDOR, PRESIDENTS_MEN), [CONDOR], [CONVERSATION]),
    ("kwai me aburrió, navarone me encantó", (GREAT_ESCAPE, KWAI, NAVARONE), [NAVARONE], [KWAI]),
    # a typo of a listed title's word, a one-word title included
    ("gost was beautiful, dirty dancing not for me", (PRETTY_WOMAN, GHOST, DIRTY_DANCING), [GHOST], [DIRTY_DANCING]),
    ("navarrone was fantastic", (GREAT_ESCAPE, KWAI, NAVARONE), [NAVARONE], []),
])
def test_a_word_of_a_listed_title_names_the_listed_film(resolver, catalog, text, listed, liked, disliked):
    assert verdicts(parse(text, _listed(catalog, *listed), resolver)) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "listed"), [
    ("I want something gone with more wind in it", (KANE, CASABLANCA, GONE_WITH_THE_WIND)),  # frequent words
    ("the great thing is the escape at the end, loved it", (CASABLANCA, KANE, GONE_WITH_THE_WIND)),
    ("dancing movies are fun", (PRETTY_WOMAN, GHOST, CASABLANCA)),  # no listed title holds it
])
def test_frequent_or_unlisted_words_name_no_listed_film(resolver, catalog, text, listed):
    sig = parse(text, _listed(catalog, *listed), resolver)
    assert not (set(sig.liked_ids) | set(sig.disliked_ids)) & set(listed)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Heat si, Speed no", [HEAT], [SPEED]),  # an unaccented "si" closing a clause is "yes"
    ("la tercera si!!", [HEAT], []),
    ("la segunda es estupenda", [SPEED], []),
])
def test_a_clause_final_si_and_estupendo(resolver, catalog, text, liked, disliked):
    sig = parse(text, _listed(catalog, HOOP_DREAMS, SPEED, HEAT), resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))


@pytest.mark.parametrize(("text", "liked", "disliked", "seen"), [
    # a negated position after "seen" says which were not seen, not which are disliked
    ("I watched the top one and the bottom one, not the middle one", [], [], [HOOP_DREAMS, HEAT]),
    ("vi la primera, la del medio no", [], [], [HOOP_DREAMS]),
    # "the last ones" of three are two
    ("the last ones were fun", [SPEED, HEAT], [], []),
    ("the last two are right up my street", [SPEED, HEAT], [], []),
    ("Speed vale la pena", [SPEED], [], []),
    ("Speed no vale la pena", [], [SPEED], []),
])
def test_positions_seen_and_worth_it(resolver, catalog, text, liked, disliked, seen):
    sig = parse(text, _listed(catalog, HOOP_DREAMS, SPEED, HEAT), resolver)
    assert verdicts(sig) == (sorted(liked), sorted(disliked))
    assert sorted(sig.seen_ids) == sorted(seen)
