"""Mechanisms of the forty-third session, on sentences written for these tests (none from a benchmark or
request file). They came from probe batteries of self-corrections and retracted verdicts written before the
session's fresh set (fresh32, whose theme the session chose: people changing their minds) was read.

- One list of correction cues (``corrections.CUE``) for years as for films and genres: "on second thought",
  "changed my mind", "or rather", "or better yet", "hmm, no", "nah, …" correct a year phrase as "I mean" did.
- "nah" / "nope" / "hmm" lead a correction as "no" / "wait" did ("Shrek please. Hmm, no, Monsters Inc.":
  the pick moves; "Romance? nah, changed my mind, a documentary": the ask moves, nothing is refused).
- "or rather" / "or better (yet)" / "o mejor" inside a clause open a correction of its own ("comedy or rather
  a drama").
- A correction that names a listed film with nothing judged before it in the message corrects the pick of
  the turn before: it picks that film ("Actually, make that the second one"); never the whole list, nor a
  film set apart ("make it something other than the first").
- An ellipsis of the person's own verdict, a subject and an auxiliary only ("I enjoyed X, no I didn't", "I
  didn't like X. OK fine, I did", "Now I do"): a negation unlike the verdict's turns it round; "I hated X. No
  I didn't" takes the dislike back; "I'd watch the first. Actually I wouldn't" takes the pick back; after
  someone else's verdict ("My wife loved X. I didn't.") it is the person's own verdict set against theirs. A
  double negative ("It's not like I didn't love X. I did.") is a like, not a negated verdict.
"""

from __future__ import annotations

import pytest

HEAT, ALIEN, TITANIC, JAWS, GREASE, MATRIX = 6, 1214, 1721, 1387, 1380, 2571
TOY_STORY, SHREK, MONSTERS = 1, 4306, 4886
LISTED = (TOY_STORY, SHREK, MONSTERS)


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


def _listed(catalog):
    return [catalog.get(i) for i in LISTED]


def _films(sig) -> tuple[list[int], list[int]]:
    return sorted(sig.liked_ids), sorted(sig.disliked_ids)


def test_one_list_of_correction_cues() -> None:
    from chat_rec.understanding import corrections

    for text in ("the 80s. hmm, on second thought, the 90s", "70s or rather 80s", "90s nah wait 2000s",
                 "los 70, mejor dicho los 80", "the 60s, changed my mind, the 50s"):
        assert corrections.CUE.search(text), text
    for text in ("the 80s and the 90s", "rather good 80s films", "better 80s films"):
        assert not corrections.CUE.search(text), text


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("Something from the 80s. Hmm, on second thought, the 90s.", 1990, 1999),
    ("the seventies or rather the eighties", 1980, 1989),
    ("Anything after 1995, changed my mind, after 2005.", 2006, None),
    ("algo de los 70, o mejor de los 80", 1980, 1989),
    ("Something from the 80s or the 90s.", 1980, 1999),
])
def test_a_corrected_year_phrase(resolver, text, year_min, year_max) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Romance? nah, changed my mind, a documentary.", ["Documentary"], []),
    ("comedy or rather a drama", ["Drama"], []),
    ("a western, or better yet a war film", ["War"], []),
    ("una comedia o mejor una de terror", ["Horror"], []),
    ("Horror? nope, wait, a musical", ["Musical"], []),
    ("comedies or dramas, either is fine", ["Comedy", "Drama"], []),
])
def test_a_corrected_genre_ask(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sorted(sig.liked_genres), sorted(sig.disliked_genres)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Shrek please. Hmm, no, Monsters Inc.", [MONSTERS], []),
    ("the second. nah, sorry, I meant the first", [TOY_STORY], []),
    ("Actually, make that the second one.", [SHREK], []),
    ("I mean the third one.", [MONSTERS], []),
])
def test_a_corrected_pick(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


def test_a_film_set_apart_is_no_corrected_pick(resolver, catalog) -> None:
    assert TOY_STORY not in _read(resolver, "Make it something other than the first.", _listed(catalog)).liked_ids


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I enjoyed Heat, no I didn't, I fell asleep.", [], [HEAT]),
    ("I liked Alien. Actually, no I didn't.", [], [ALIEN]),
    ("I didn't like Titanic. OK fine, I did, a little.", [TITANIC], []),
    ("I didn't like Jaws at first. Now I do.", [JAWS], []),
    ("I never liked Grease. I do now.", [GREASE], []),
    ("I hated Grease as a kid. Now I don't.", [], []),
    ("Loved Heat and Alien. I really did.", [HEAT, ALIEN], []),
    ("It's not like I didn't love Heat. I did.", [HEAT], []),
    ("I liked Heat. The Matrix I didn't.", [HEAT], [MATRIX]),
])
def test_an_ellipsis_of_the_own_verdict(resolver, text, liked, disliked) -> None:
    assert _films(_read(resolver, text)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("My wife loved Heat. I didn't.", [], [HEAT]),
    ("Everyone says Titanic is great. I don't.", [], [TITANIC]),
    ("My wife loved Heat. I did too.", [HEAT], []),
    ("My wife hated Heat. I didn't.", [], []),
])
def test_an_ellipsis_set_against_someone_elses_verdict(resolver, text, liked, disliked) -> None:
    assert _films(_read(resolver, text)) == (liked, disliked)


def test_a_retracted_pick(resolver, catalog) -> None:
    sig = _read(resolver, "I'd watch the first. Hmm, actually I wouldn't, seen it.", _listed(catalog))
    assert TOY_STORY not in sig.liked_ids + sig.disliked_ids


# ---------------------------------------------------------------- from fresh32's odd half, rewritten
# - A corrected year phrase with a comma in the cue ("hmm, no,"), and a corrected open bound keeping its shape
#   ("From 1990 onwards. Wait, no, from 1985": 1985 on).
# - Spanish "la década del setenta" and "de la del noventa" name decades.
# - "#1 and #2" picks (a "#" is "number"); "scratch" removes a film like "scrap" / "ditch".
# - "too bleak / a bit grim for my gran": unsuitable for someone in the household, a complaint.
# - "turn one's nose up at", "makes me gag", "drove me up the wall" complain; "a laugh", "knocked me for six"
#   praise; regional words ("a belter", "naff", "pure mince").
# - An adjective inside what is asked for ("a good western") is no verdict against the verb's ("I'd hardly turn
#   my nose up at a good western").
# - "fail(ed) to" negates the verb after it ("failed to grab me" complains, "not one failed to bore me" too).
# - "The third any good?": a question with its verb left out gives no verdict.
# - "those are all cartoons": a kind said of the list describes it, it asks for nothing.
# - "give me a minute" asks for no film.
# - "more like it" after "haven't seen the others" is the liked film, not the unseen ones.
# - "…, but they do not care for crude jokes": a subject pronoun with an object of its own takes no genre back.

JUMANJI = 2


@pytest.mark.parametrize(("text", "year_min", "year_max"), [
    ("Between 2000 and 2010. hmm, no, between 1995 and 2005", 1995, 2005),
    ("From 1990 onwards. Wait, no, from 1985", 1985, None),
    ("queremos algo de la década del setenta", 1970, 1979),
    ("una de la del ochenta, o mejor de la del noventa", 1990, 1999),
])
def test_corrected_and_spanish_decades(resolver, text, year_min, year_max) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == (year_min, year_max)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("#1 and #3 then.", [TOY_STORY, MONSTERS], []),
    ("#1 and #2 then. Actually scratch #1, we've watched it loads. Just #2", [SHREK], []),
    ("the second would be too bleak for my gran", [], [SHREK]),
    ("The last one's a bit grim for the kids though.", [], [MONSTERS]),
    ("the first is too good for him to miss", [TOY_STORY], []),
    ("Is the second one too scary for my son?", [], []),
    ("the second one drove me up the wall", [], [SHREK]),
    ("the third knocked me for six", [MONSTERS], []),
    ("The second is a right laugh.", [SHREK], []),
    ("The first one's a belter.", [TOY_STORY], []),
    ("the third was pure mince", [], [MONSTERS]),
    ("Honestly the first is naff.", [], [TOY_STORY]),
    ("Shrek makes me gag.", [], [SHREK]),
    ("The third failed to grab me.", [], [MONSTERS]),
    ("Nothing about the third fails to delight me.", [MONSTERS], []),
    ("The third failed to bore me, surprisingly.", [MONSTERS], []),
    ("Honestly, not one of these failed to bore me.", [], [TOY_STORY, SHREK, MONSTERS]),
    ("Saw the first two, both brilliant. The third any good?", [TOY_STORY, SHREK], []),
    ("The first any good?", [], []),
    ("The first was lovely. Haven't seen the others. Anything like it?", [TOY_STORY], []),
])
def test_list_feedback_from_fresh32(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I'd hardly turn my nose up at a good western.", ["Western"], []),
    ("My husband turns his nose up at musicals.", [], ["Musical"]),
    ("I hate a good comedy", [], ["Comedy"]),
    ("They like westerns and war films, particularly ones about the Second World War, but they do not care for "
     "crude jokes.", ["War", "Western"], []),
    ("Not westerns, they bore me", [], ["Western"]),
])
def test_genres_from_fresh32(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sorted(sig.liked_genres), sorted(sig.disliked_genres)) == (liked, disliked)


def test_a_kind_said_of_the_list_asks_for_nothing(resolver, catalog) -> None:
    sig = _read(resolver, "lol those are all cartoons. Can I get something grown-up?", _listed(catalog))
    assert sig.liked_genres == [] and sig.disliked_genres == []


@pytest.mark.parametrize(("text", "wants"), [
    ("give me a minute to decide", False),
    ("Give me a moment, the kids are shouting.", False),
    ("Give me a comedy.", True),
    ("give me a second one like that", True),
])
def test_give_me_a_minute_asks_for_no_film(resolver, text, wants) -> None:
    assert _read(resolver, text).wants_new_recommendations is wants


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I can't not watch Jaws whenever it's on", [JAWS], []),
    ("I don't NOT like Jaws", [JAWS], []),
])
def test_cant_not_watch_is_a_pull(resolver, text, liked, disliked) -> None:
    assert _films(_read(resolver, text)) == (liked, disliked)


def test_a_verbless_question_with_a_bare_position(resolver, catalog) -> None:
    sig = _read(resolver, "Seen the first two, both great. Bottom one any good?", _listed(catalog))
    assert _films(sig) == ([TOY_STORY, SHREK], [])


def test_an_expletive_it_is_no_pronoun_for_the_genres(resolver) -> None:
    sig = _read(resolver, "We love westerns and comedies, especially old ones, but have made it clear that we do not "
                          "care for foul language.")
    assert (sorted(sig.liked_genres), sig.disliked_genres) == (["Comedy", "Western"], [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("lebowski is the funniest film ever", [1732], []),
    ("loved lebowski", [1732], []),
    ("i watched totoro with my kids, they loved it", [5971], []),
    ("tried mononoke last week and got bored", [], [3000]),
    ("my grumpy husband wants a comedy", [], []),
    ("the holy grail of heist films", [], []),
])
def test_a_coined_title_word_typed_lowercase_in_a_film_slot(resolver, text, liked, disliked) -> None:
    assert _films(_read(resolver, text)) == (liked, disliked)


def test_a_year_in_brackets_is_no_title(resolver) -> None:
    assert _films(_read(resolver, "Red Dawn (1984) is class.")) == ([3441], [])


@pytest.mark.parametrize(("text", "liked"), [
    ("i liek the green mile", [3147]),
    ("i lvoe titanic", [TITANIC]),
])
def test_a_misspelt_cue_before_a_lowercase_title(resolver, text, liked) -> None:
    assert _films(_read(resolver, text)) == (liked, [])


NEMO = 6377


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("all of them are really great except the second", [TOY_STORY, MONSTERS, NEMO], [SHREK]),
    ("all of em are mid except the second", [], [TOY_STORY, MONSTERS, NEMO]),
    ("the first is mid tbh", [], [TOY_STORY]),
    ("the last one was mid-budget but fun", [NEMO], []),
])
def test_a_group_with_its_predicate_before_the_exception(resolver, catalog, text, liked, disliked) -> None:
    four = [catalog.get(i) for i in (TOY_STORY, SHREK, MONSTERS, NEMO)]
    assert _films(_read(resolver, text, four)) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked"), [
    ("the ones in the middle both sound fun", [SHREK, MONSTERS]),
    ("the two in the middle are great", [SHREK, MONSTERS]),
    ("the one in the middle of the list is boring", []),
])
def test_the_ones_in_the_middle(resolver, catalog, text, liked) -> None:
    four = [catalog.get(i) for i in (TOY_STORY, SHREK, MONSTERS, NEMO)]
    assert sorted(_read(resolver, text, four).liked_ids) == liked


def test_the_one_in_the_middle_of_three(resolver, catalog) -> None:
    assert _films(_read(resolver, "the ones in the middle look fun", _listed(catalog))) == ([SHREK], [])


def test_top_pick_is_a_label_not_the_first(resolver, catalog) -> None:
    four = [catalog.get(i) for i in (TOY_STORY, SHREK, MONSTERS, NEMO)]
    assert TOY_STORY not in _read(resolver, "top pick: the third", four).liked_ids
