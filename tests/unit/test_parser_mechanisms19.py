"""Mechanisms of the nineteenth round, on sentences written for these tests (none from a benchmark file).

Found with ``scripts/typo_probe.py`` (titles of the most-rated films misspelt by random slips of the
kinds people make, and ReDial chat lines with their movie mentions removed, for false finds) and by
invented probes (50 lowercase titles in everyday sentences):
- ``understanding/typos.py``: a window holding a word no English dictionary knows is compared with
  titles word by word; each unknown word may be a slip (one edit up to six letters, two from seven,
  the first letter kept) of the title's word in its place; dictionary words and numbers are taken as
  typed; two titles equally close name neither; a lone word only for a well-known film and only when
  no dictionary word is as close ("increadible" is "incredible", not *The Incredibles*).
- A well-known film's whole title typed in lowercase, with one content word that is no pronoun,
  particle or ordinal ("heat", "the graduate"), is the film in a film's slot: after a film verb
  ("watched heat last night", "never liked the graduate"), after "similar to", or opening the
  sentence before its verb ("arrival was beautiful") — and it must end its phrase ("i love speed boats").
- A title accepted once is the same film where the same words come again ("..., me quedo con fargo").
- "is epic", "changed my life", "the funniest ...": praise; a verdict word after "is" is no title
  (*Epic*).
- A refusal word before "none"/"ninguna" ("nah, none of those") is said twice, not a double negative.
- Choosing a listed film ("I'll go with speed", "me quedo con heat") names a lowercase listed title.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import lexicon, typos
from chat_rec.understanding.parser import parse
from tests.signals import listed as _listed
from tests.signals import verdicts

HEAT, FARGO, SPEED, GRADUATE, ARRIVAL, DARK_KNIGHT = 6, 608, 377, 1247, 164179, 58559
SIXTH_SENSE, GATTACA, JUMANJI, BRAVEHEART, KILL_BILL = 2762, 1653, 2, 110, 6874
MEN_IN_BLACK, GOLDENEYE, SHAWSHANK, MATRIX, FROZEN = 1580, 10, 318, 2571, 106696
OTHERS, INCREDIBLES, DRIVE, MEMENTO = 4720, 8961, 88129, 4226


def _found(resolver, text):
    return sorted({m.item_id for m in resolver.find_in_text(text)})


# ------------------------------------------------------------------ word-by-word typos
def test_word_edits_keep_the_first_letter_and_scale_with_length():
    assert typos.word_edits("jumani", "jumanji") == 1
    assert typos.word_edits("brveheert", "braveheart") == 2
    assert typos.word_edits("xumanji", "jumanji") is None  # the first letter is rarely the slip
    assert typos.word_edits("cta", "cat") is None  # three letters: typed exactly or not at all
    assert typos.word_edits("2", "3") is None
    assert typos.word_edits("goodie", "goonies") is None  # six typed letters allow one slip only


def test_a_dictionary_word_is_never_read_as_a_slip():
    unknown = lambda w: w == "blak"  # noqa: E731
    assert typos.aligned_edits(["men", "in", "blak"], "men in black", unknown) == 1
    assert typos.aligned_edits(["man", "in", "blak"], "men in black", unknown) is None


def test_two_titles_equally_close_name_neither():
    unknown = lambda w: True  # noqa: E731
    assert typos.match(["cax"], ["cat", "cab", "caxes"], unknown) is None
    assert typos.match(["shrekk"], ["shrek", "shock"], unknown) == ("shrek", pytest.approx(80.0))


def test_one_edit_words_lists_the_dictionary_words_a_slip_may_be():
    known = {"brawl", "brazil", "cat"}.__contains__
    assert typos.one_edit_words("brazl", known) == {"brawl", "brazil"}
    assert typos.one_edit_words("cat", known) == set()


@pytest.mark.parametrize("text, item", [
    ("jumani was amazing", JUMANJI),
    ("anything similar to goldeneey?", GOLDENEYE),
    ("didnt like brveheert at all", BRAVEHEART),
    ("kil bill vol 1 was so fun", KILL_BILL),
    ("anything similar to men in blakc?", MEN_IN_BLACK),
    ("the sitxh sense still gets me", SIXTH_SENSE),
    ("my favorite movie is gatacca", GATTACA),
    ("the shawshank redemtoin is perfect", SHAWSHANK),
    ("the matirx changed my life", MATRIX),
])
def test_a_misspelt_title_is_found(resolver, text, item):
    assert item in _found(resolver, text)


@pytest.mark.parametrize("text", [
    "I saw that at a dinner theater it was increadible",   # a slip of "incredible"
    "How about an oldie but goodie",                       # six letters, two slips from The Goonies
    "that plot twist was bonkres",                          # no title one slip away
    "i went to the jym and then watched tv",
])
def test_a_misspelt_word_is_no_title(resolver, text):
    assert _found(resolver, text) == []


# ------------------------------------------------------------------ lowercase whole titles
@pytest.mark.parametrize("text, expected", [
    ("watched heat last night and it was great", ([HEAT], [])),
    ("never liked the graduate", ([], [GRADUATE])),
    ("arrival was beautiful", ([ARRIVAL], [])),
    ("speed is such a fun movie", ([SPEED], [])),
    ("my daughter loves frozen", ([FROZEN], [])),
    ("anything similar to the dark knight?", ([DARK_KNIGHT], [])),
    ("anything similar to the sixth sense?", ([SIXTH_SENSE], [])),
    ("memento blew my mind", ([MEMENTO], [])),
    ("i loved drive, something similar?", ([DRIVE], [])),
])
def test_a_known_lowercase_title_in_a_films_slot(resolver, text, expected):
    assert verdicts(parse(text, [], resolver)) == expected


@pytest.mark.parametrize("text", [
    "i love speed boats",                  # the phrase goes on
    "we like kids movies",                 # a kind of film
    "I'm up for anything funny",           # a particle
    "she looked just like her",            # a pronoun
    "I don't like ghost stories",
    "the rock is such a funny guy",        # a person's description follows
    "good drama is hard to find",          # a genre
])
def test_an_ordinary_word_stays_a_word(resolver, text):
    assert parse(text, [], resolver).mentioned_ids == []


def test_the_others_after_a_list_are_the_rest_of_it(resolver, catalog):
    sig = parse("the first one sounds fun, I've seen the others", _listed(catalog, HEAT, SPEED, FARGO), resolver)
    assert OTHERS not in sig.mentioned_ids and sig.liked_ids == [HEAT]


def test_a_title_typed_again_is_the_same_film(resolver):
    assert verdicts(parse("vi heat y fargo, me quedo cien veces con fargo", [], resolver)) == ([FARGO], [])
    assert _found(resolver, "loved fargo. honestly fargo is perfect") == [FARGO]


def test_an_ordinary_word_typed_again_is_not_repeated(resolver, catalog):
    sig = parse("up was fine, I'm up for more though", _listed(catalog, 68954, HEAT, FARGO), resolver)
    assert sig.mentioned_ids == [68954]


# ------------------------------------------------------------------ verdict words
@pytest.mark.parametrize("text, positive", [
    ("gladiator is epic", True),
    ("that film changed my life", True),
    ("esa peli me cambió la vida", True),
    ("the funniest thing I've seen this year", True),
    ("an epic fail", False),
])
def test_praise_words(text, positive):
    from chat_rec.catalog.titles import fold

    assert bool(lexicon.POSITIVE.search(fold(text))) is positive


def test_a_verdict_word_after_is_names_no_film(resolver):
    assert _found(resolver, "gladiator is epic") == [3578]


# ------------------------------------------------------------------ refusals and picks in a listed reply
@pytest.mark.parametrize("text, expected", [
    ("nah none of those", ([], [HEAT, FARGO, SPEED])),          # refusal twice, no double negative
    ("nope, none of these", ([], [HEAT, FARGO, SPEED])),
    ("paso, ninguna me llama", ([], [HEAT, FARGO, SPEED])),
    ("none of them were bad", ([HEAT, FARGO, SPEED], [])),      # the negated verdict after "none" still flips
    ("I'll go with speed", ([SPEED], [])),
    ("me quedo con heat", ([HEAT], [])),
    ("ok I'll try speed", ([SPEED], [])),
    ("I want something with more heat, like a thriller", ([], [])),
])
def test_refusing_and_picking_in_a_listed_reply(resolver, catalog, text, expected):
    sig = parse(text, _listed(catalog, HEAT, FARGO, SPEED), resolver)
    assert verdicts(sig) == (sorted(expected[0]), sorted(expected[1]))


def test_a_title_joined_to_a_misspelt_one_is_found(resolver):
    assert _found(resolver, "i loved gatacca and the sixth sense") == [GATTACA, SIXTH_SENSE]


@pytest.mark.parametrize("text", [
    "my son likes big fish tanks",                        # ordinary words going on: no title
    "my dad likes true stories about war heroes",
    "I like old school action like that",
    "do you like over the top musicals?",
    "have you seen anything else similar you'd recommend",
])
def test_an_ordinary_multiword_title_must_end_its_phrase(resolver, text):
    assert _found(resolver, text) == []


def test_a_kind_of_film_is_no_repeated_title(resolver):
    found = resolver.find_in_text("I love Godzilla, and godzilla movies in general")
    assert [m.text for m in found] == ["Godzilla"]


def test_a_title_before_yet_or_as_ends_its_phrase(resolver):
    assert _found(resolver, "I have not seen inside out yet") == [134853]


GUMP, CAST_AWAY, BIG = 356, 4022, 2797


@pytest.mark.parametrize("text, expected", [
    ("all except forrest gump sound good", ([BIG, CAST_AWAY], [GUMP])),   # as "all but the first"
    ("everything but Cast Away looks great", ([GUMP, BIG], [CAST_AWAY])),
    ("the second one gets on my nerves", ([], [CAST_AWAY])),
    ("forrest gump annoys me", ([], [GUMP])),
])
def test_all_except_a_named_title_and_annoyance(resolver, catalog, text, expected):
    sig = parse(text, _listed(catalog, GUMP, CAST_AWAY, BIG), resolver)
    assert verdicts(sig) == (sorted(expected[0]), sorted(expected[1]))


PHANTOM, TWILIGHT, AIRPLANE, CARS, TOY_STORY, UP = 2628, 63992, 2791, 45517, 1, 68954
BLAIR_WITCH, PULP, GODFATHER = 2710, 296, 858


@pytest.mark.parametrize("text, expected", [
    ("The Phantom Menace was not good", ([], [PHANTOM])),   # the subtitle after a dash names the film
    ("We love Toy Story and Up at home, Cars less so", ([TOY_STORY, UP], [CARS])),
    ("The Shining terrified me in the best way; The Blair Witch Project just gave me a headache",
     ([1258], [BLAIR_WITCH])),
    ("Pulp Fiction is genius", ([PULP], [])),
    ("Never have I been so bored as with Twilight", ([], [TWILIGHT])),   # an inversion, no negation
    ("Never have I laughed so hard as with Airplane!", ([AIRPLANE], [])),
    ("everyone loves The Godfather", ([], [])),                         # others' taste, not the person's
])
def test_named_titles_verdicts_nineteenth(resolver, text, expected):
    assert verdicts(parse(text, [], resolver)) == (sorted(expected[0]), sorted(expected[1]))


def test_a_new_hope_alone_is_an_ordinary_phrase(resolver):
    assert _found(resolver, "I have a new hope for this year") == []


@pytest.mark.parametrize("text, wants", [
    ("sci-fi but nothing scary", True),       # a genre and a proviso, no verb: asked for
    ("horror, not too gory", True),
    ("drama, nothing too heavy", True),
    ("thrillers, but no gore please", True),
    ("comedies not so much", False),          # a verdict, not a proviso
    ("westerns yes, musicals never", False),
    ("horror is my favorite, not gonna lie", False),
])
def test_a_genre_with_a_proviso_asks_for_it(resolver, text, wants):
    assert parse(text, [], resolver).wants_new_recommendations is wants


@pytest.mark.parametrize("text, expected", [
    ("2nd yes 3rd no", ([FARGO], [SPEED])),     # a bare answer ends its film's clause
    ("second yes third no", ([FARGO], [SPEED])),
    ("1 yes 2 no", ([HEAT], [FARGO])),
    ("heat no fargo yes", ([FARGO], [HEAT])),
    ("the first one, yes", ([HEAT], [])),
])
def test_answers_without_commas(resolver, catalog, text, expected):
    sig = parse(text, _listed(catalog, HEAT, FARGO, SPEED), resolver)
    assert verdicts(sig) == (sorted(expected[0]), sorted(expected[1]))


@pytest.mark.parametrize("text, expected", [
    ("Inception 🔥🔥", ([79132], [])),                     # an emoji ends a title standing alone
    ("inception 🔥🔥 anything similar?", ([79132], [])),
    ("Heat. More like that please", ([HEAT], [])),         # a known ordinary-word title alone as a sentence
    ("Fine. More like that", ([], [])),                    # a word, not a known film
])
def test_a_known_title_alone_before_an_emoji_or_a_full_stop(resolver, text, expected):
    assert verdicts(parse(text, [], resolver)) == expected


@pytest.mark.parametrize("text, wants", [
    ("no dramas, I want to laugh", True),        # a want of what a film does
    ("quiero llorar un rato", True),
    ("tell me a sci-fi movie to watch", True),
    ("it made me laugh", False),
])
def test_wanting_what_a_film_does_asks_for_one(resolver, text, wants):
    assert parse(text, [], resolver).wants_new_recommendations is wants


@pytest.mark.parametrize("text, wants", [
    ("un thriller que me tenga en vilo", True),     # a relative clause may have its own object pronoun
    ("a thriller that keeps me guessing", True),
    ("a movie that I loved as a kid", False),        # the person as subject: a statement
])
def test_a_kind_of_film_with_a_relative_clause(resolver, text, wants):
    assert parse(text, [], resolver).wants_new_recommendations is wants
