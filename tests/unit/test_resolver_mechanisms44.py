"""Title mechanisms of the forty-fourth session, on sentences written for these tests (none from a
benchmark or request file). The phenomena came from the resolver's false and missed mentions in the
INSPIRED dev dialogues (real people typing titles in chat); each is checked here in other words, with
other films where the catalog allows.

- A title opening with a dotted acronym ("L.A. Story") has no article to drop: "story" alone names nothing.
- The words after a short title going on along a longer catalog title's opening, two words or more past
  it, name a film the catalog lacks ("Big Trouble in Little Tokyo"), not the short film (*Big*).
- Two matches of the same length over the same words: the one with more words that are not small ones
  wins ("the Toy Story sequels" is *Toy Story*, not *The Toy*).
- The first part of a film released in numbered parts, alone in the catalog, goes by the name without
  its number ("Avengers Infinity War"); a first part whose second is also there does not.
- An actor's role or appearance "in" a title points at a film, not a place ("starred in Brooklyn").
- A spaced dash after a title opening the message ends it as a comma would ("Jaws -- still scary").
- A lowercase article and noun after a preposition, followed by a noun that carries the phrase on, are
  a compound of everyday words ("during the holiday break"), not the film.
- "favourite" qualifies the noun after it ("your favourite comedian").
- A verb's agent noun ("watcher" of "watch") is no coinage to take for a title.
- A pronoun that only a little-known film has for its title ("They") names it only after a film verb.
- A series film typed without the "and the" of its title ("indiana jones last crusade"), where two or more
  titles open with the series' name of two words or more.
- "the" before a maker's name of up to three capitalised words tells which film the title after it is
  ("the Sean Connery Goldfinger"), as a one-word name did; a capitalised "The" opening the message too.
- A maker's possessive right before a title is no part of a longer name ("Nolan's Memento").
- A title opening the message and followed by a semicolon or a comparison sign stands alone ("Heat; Ronin").
- The subtitle after the dash of a "Series: Name - Subtitle" title names the film typed with capitals, as a
  subtitle after a colon did ("Ghost Protocol").
- A version told after a dash as after a comma ("Psycho -- the Hitchcock one"); told by a maker's name, a
  pronoun title too ("Her, the Spike Jonze one").
- Chat's "n" between words is "and" ("alien n aliens").
- "new" before a title means its latest film, when that film is from the catalog's last five years; when every
  film of the name is older, the catalog lacks the one meant and nothing is read ("the new Top Gun").
- "The remake" / "the original" after a title named before stands for the later / earlier film of that title
  the catalog holds ("Total Recall ... The remake is way worse"); not after "not", nor before a noun.
"""

from __future__ import annotations

import pytest

LA_STORY, LA_CONFIDENTIAL, BIG, BIG_TROUBLE, ONCE = 2108, 1617, 2797, 3740, 53123
TOY_STORY, THE_TOY, INFINITY_WAR, ATLAS_SHRUGGED = 1, 4929, 122912, 86355
DEATHLY_1, DEATHLY_2, BROOKLYN, BLACK_PANTHER, JAWS, HEAT = 81834, 88125, 127108, 122906, 1387, 6
THE_HOLIDAY, COMEDIAN, THE_WATCHER, THEY, HER = 49286, 5670, 3895, 5883, 106920


def ids(resolver, text):
    return [m.item_id for m in resolver.find_in_text(text)]


TITLES = {  # mechanism -> (message, the films found in it)
    "a_dotted_acronym_is_no_article": [
        ("the Story was weak but the acting was great", []),
        ("Their Story is a sad one", []),
        ("LA Story is a sweet one", [LA_STORY]),
        ("we loved L.A. Confidential", [LA_CONFIDENTIAL]),
    ],
    "a_longer_title_typed_past_a_short_one": [
        ("I'd rewatch Big Trouble in Little Tokyo any day", []),  # invented title: the catalog has ... Little China
        ("we finally saw Once upon a time in Lisbon", []),  # invented: the catalog has ... in America, ... in the West
        ("I'd rewatch Big Trouble in Little China any day", [BIG_TROUBLE]),
        ("we watched Big last weekend", [BIG]),
        ("I watched Once on a rainy day", [ONCE]),
    ],
    "a_lone_first_part_goes_by_its_name": [
        ("Avengers Infinity War was a blast", [INFINITY_WAR]),
        ("my brother loves Avengers: Infinity War", [INFINITY_WAR]),
        ("we watched Atlas Shrugged in class", [ATLAS_SHRUGGED]),
    ],
    "a_role_in_a_title": [
        ("she starred in Brooklyn and was wonderful", [BROOKLYN]),
        ("his best role in Black Panther, for me", [BLACK_PANTHER]),
        ("a cameo in Brooklyn, wasn't it?", [BROOKLYN]),
        ("my cousin lives in Brooklyn", []),
    ],
    "a_spaced_dash_after_an_opening_title": [
        ("Jaws -- still scary after all these years", [JAWS]),  # read before too, as a well-known film alone
        ("Psycho -- loved every minute", [1219]),
        ("Heat - a proper classic", [HEAT]),
    ],
    "a_noun_that_goes_on": [
        ("something light for the holiday weekend please", []),
        ("a cosy film during the holiday break", []),
        ("we watched the holiday again last night", [THE_HOLIDAY]),
        ("loved the holiday so much", [THE_HOLIDAY]),
    ],
    "favourite_nouns_and_agent_nouns": [
        ("who's your favourite comedian these days?", []),
        ("I'm not a big movie watcher.", []),
        ("my favourite is gattaca", [1653]),
    ],
    "a_little_known_pronoun_title": [
        ("We took the kids.\nThey always ask for more", []),
        ("the jokes were fine but They dragged it out", []),
        ("we finally watched They, pretty creepy", [THEY]),
        ("I think Her is underrated", [HER]),  # a well-known film keeps its capitalised pronoun title
    ],
    "a_series_film_without_its_and_the": [
        ("indiana jones last crusade is the best one", [1291]),
        ("my niece adores Harry Potter Goblet of Fire", [40815]),
        ("I loved harry potter and the goblet of fire", [40815]),
    ],
    "a_name_telling_which_film": [
        ("The Pacino Scarface still holds up", [4262]),  # a maker's name after a capitalised "The" opening the message
        ("we watched the Sean Connery Goldfinger", [2947]),  # a name of two words between "the" and the title
        ("some Nordic Heat knockoff", []),  # a capitalised word before the title and no "the": a longer name
    ],
    "a_makers_possessive_before_a_title": [
        ("honestly I adore Hitchcock's Rear Window", [904]),
        ("we watched Nolan's Memento twice", [4226]),
        ("Bridget Jones's Baby was cute", [162590]),  # a possessive inside the catalog's own title stays in it
    ],
    "a_semicolon_or_comparison_after_an_opening_title": [
        ("Heat; Ronin; Collateral. my three favourites", [6, 2278, 8798]),
        ("Jaws > Alien, sorry not sorry", [1387, 1214]),
    ],
    "a_subtitle_after_a_dash": [
        ("Ghost Protocol was so much fun", [91630]),  # the subtitle after the dash of Mission: Impossible - …
        ("we need a ghost protocol for the office", []),  # lowercase: the subtitle of one rarer word needs capitals
    ],
    "a_version_told_after_a_dash_or_by_a_maker": [
        ("Her, the Spike Jonze one", [HER]),  # a pronoun title told by its maker's name
        ("Up — the Pixar one — made me cry", [68954]),
        ("Psycho -- the Hitchcock one please", [1219]),  # the maker after a dash is no film (*Hitchcock*)
        ("Up, the old one", []),  # told by age, a pronoun or particle title still needs more
    ],
    "n_for_and": [
        ("alien n aliens, both perfect", [1214, 1200]),
        ("Heat n Ronin are my comfort watches", [6, 2278]),
    ],
    "the_new_one_of_a_title": [
        ("the new Ghostbusters was a letdown", [160080]),  # the latest film of that name, from the catalog's last years
        ("is the new Top Gun worth it?", []),  # every film of that name is old: the catalog lacks the one meant
        ("Ghostbusters never gets old", [2716]),
    ],
    "the_remake_or_the_original_of_a_title_named_before": [
        ("We rewatched Total Recall last night. The remake is way worse.", [2916, 95875]),
        ("Caught the 1998 Psycho on TV. The original was far scarier.", [2389, 1219]),
        ("Total Recall with Arnie is great, not the remake though", [2916]),  # set apart, no film of its own
        ("loved Total Recall, the original cast especially", [2916]),  # "original" qualifies a noun
    ],
}


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(text, expected, id=f"{mechanism}-{n}")
    for mechanism, cases in TITLES.items() for n, (text, expected) in enumerate(cases)
])
def test_the_films_found(resolver, text, expected) -> None:
    assert ids(resolver, text) == expected


@pytest.mark.parametrize("text", ["honestly the Toy Story sequels hold up", "the Toy Story films are great"])
def test_toy_story_not_the_toy(resolver, text) -> None:
    assert ids(resolver, text) == [TOY_STORY]


@pytest.mark.parametrize(("title", "expected"), [
    ("Avengers: Infinity War - Part I (2018)", ("Avengers: Infinity War", "1")),
    ("Karate Kid, Part II, The (1986)", ("The Karate Kid", "2")),
    ("Che: Part One (2008)", ("Che", "1")),
    ("Leonard Part 6 (1987)", ("Leonard", "6")),
    ("Friday the 13th Part 3: 3D (1982)", None),
    ("Heat (1995)", None),
])
def test_numbered_part(title, expected) -> None:
    from chat_rec.understanding.title_keys import numbered_part

    assert numbered_part(title) == expected


def test_a_first_part_with_its_second_in_the_catalog_gets_no_bare_name(resolver) -> None:
    assert resolver.resolve("Harry Potter and the Deathly Hallows: Part 2") == DEATHLY_2
    assert resolver.resolve("Harry Potter and the Deathly Hallows Part 1") == DEATHLY_1
    assert resolver.known_ids("harry potter and the deathly hallows") == {DEATHLY_1, DEATHLY_2}  # shared, as before


def test_the_remake_read_as_disliked(resolver) -> None:
    from chat_rec.understanding.extractor import Extractor

    sig = Extractor(resolver, None).extract("We rewatched Total Recall last night. The remake is awful.", "", [])
    assert sig.disliked_ids == [95875]


# Forty-fifth session: a dotted acronym that opens one well-known title names it alone, typed with its dots.
@pytest.mark.parametrize(("text", "found"), [
    ("I love E.T.", [1097]),
    ("who could fail to love E.T.?", [1097]),
    ("A.I. was underrated", [4370]),
    ("I liked the movie 'Us'", []),
    ("my favourite is ET", []),
    ("I moved to the U.S. last year", []),
    ("et al. wrote about it", []),
])
def test_a_dotted_acronym_head_names_its_film(resolver, text, found) -> None:
    assert [m.item_id for m in resolver.find_in_text(text)] == found
