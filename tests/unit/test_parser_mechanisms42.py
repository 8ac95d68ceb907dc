"""Mechanisms of the forty-second session, on sentences written for these tests (none from a benchmark or
request file). The first batch came from probe batteries of list feedback written before fresh31 was read;
the second from fresh31's odd half (read after the set was scored on the start code; each phenomenon first
rewritten in other words).

From the probe batteries:
- A listed film's two-word title typed in full and lowercase ("sixth sense", "batman begins") names it after
  a word that sets it apart ("all of them except sixth sense are bad", "apart from sixth sense") or where a
  listed one-word title stands.
- "tire of" is a complaint, so "I never tire of Shrek" likes it (it had turned it down: "never" alone);
  Spanish "me cansa" likewise ("Shrek nunca me cansa").
- "they're all great", "they all look boring", "those were all fun": a plural pronoun with "all" floated
  after it is the whole list ("they're all set for tonight" is not).
- "never cared for" in the past tense turns a film down, as "never care for" did; "not for us", "not for
  him" turn it down as "not for me" did (a pick said before them had stood).
- An exception before the group it is set apart from ("except Titanic they're all great", "besides sixth
  sense they're all bad", "other than the first one, they're all great", "Apart from X, …" opening the
  message) leaves the exception out of the group's verdict; "besides Shrek I loved Titanic" still adds.
- "horror-ish", "romance-y", "noir-esque": the kind word itself ("the horror-ish one" is the horror one).
- Spanish "salvo" sets a film apart like "excepto" ("ninguna me convence salvo Shrek").

From fresh31's odd half, rewritten:
- "No. 4 and No. 5": an abbreviated "number"; its dot ends no sentence and its "no" negates nothing.
- "yes to 4, no to 2": a bare position after "yes to" / "no to".
- "banned", "off the table", "off limits", "a no-go", "out of the question" rule a genre out.
- "left him cold", "left my dad cold": a complaint about the film, whoever it left cold; a title before
  "left" is the film ("Heat left my brother cold").
- "the noughties", "the aughts": 2000–2009.
- "the last couple", "the first pair": two positions.
- "not fussed about", "isn't bothered either way": indifference, no verdict.
- "went down a storm / a treat / really well" praise.
- "the one you opened with", "the film you ended on", "the one you mentioned last": positions named by the
  order of the reply.
- Year bounds that exclude each other come from different sentences: the last sentence stands ("Last time
  it was all 80s stuff. This time, 2005 or later?").
- "loved the lego movie": a known film whose title ends in "movie", after "the" and a verb of liking.
- "… so a comedy", "… so something light": what is asked in consequence is a clause of its own, outside
  the complaint before it; ", so the animated one" picks a listed film like a sentence that opens with it.
- "Nope, nope and nope." / "no, no and no": answers joined by "and" count one per listed film even when all
  alike, also as the first sentence of a longer message.
- "moan / groan through", "walk out of" a film turn it down; "the one we actually rewatch", "I rewatch X
  every Christmas" like it.
- A genre and a likeness with no verb ask ("horror like The Shining"; a title of several words is one
  likeness now); a closing hedge ("a romcom I guess") is no statement of the person's.
- A five-letter genre name missing a letter other than its first ("crme", "drma") is the genre.
- "rule that out" complains ("so rule that out" had liked the genre through "so rule"); a greeting opening the
  message is no title unless typed in title case ("Hello again. We watched …" had named *Hello Again*).
- Spanish chat spellings: "k" for "qu" before e / i ("kiero", "ke") and "-sion" for "-ción" ("animasion"),
  when the spelling they stand for is a word the reader knows.
"""

from __future__ import annotations

import pytest

TITANIC, SIXTH_SENSE, SHREK, BATMAN_BEGINS, HEAT, TOY_STORY, BTTF = 1721, 2762, 4306, 33794, 6, 1, 1270
LEGO_MOVIE = 108932
LISTED = (TITANIC, SIXTH_SENSE, SHREK, BATMAN_BEGINS)
ALL = sorted(LISTED)


def _read(resolver, text: str, previous=()):
    from chat_rec.understanding.extractor import Extractor

    return Extractor(resolver, None).extract(text, "", list(previous))


def _listed(catalog, ids=LISTED):
    return [catalog.get(i) for i in ids]


def _films(sig) -> tuple[list[int], list[int]]:
    return sorted(sig.liked_ids), sorted(sig.disliked_ids)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("all of them except sixth sense are dull", [], [TITANIC, SHREK, BATMAN_BEGINS]),
    ("apart from batman begins they're all meh", [], [TITANIC, SIXTH_SENSE, SHREK]),
    ("sixth sense was great", [SIXTH_SENSE], []),
])
def test_a_listed_two_word_title_typed_in_full(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert _films(sig) == (liked, disliked)
    if text.startswith("apart"):
        assert BATMAN_BEGINS not in sig.liked_ids + sig.disliked_ids


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("I never tire of Shrek.", [SHREK], []),
    ("Honestly I'm tiring of Titanic.", [], [TITANIC]),
    ("Shrek nunca me cansa.", [SHREK], []),
    ("Titanic me cansa un poco.", [], [TITANIC]),
])
def test_tire_of_is_a_complaint(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("they're all great", ALL, []),
    ("They all look a bit boring to me.", [], ALL),
    ("those were all fun when I was little", ALL, []),
    ("they're all set for tonight, thanks", [], []),
])
def test_a_floated_all_is_the_whole_list(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


def test_never_cared_for_in_the_past(resolver, catalog) -> None:
    sig = _read(resolver, "Skip the second, saw it too often and never cared for it.", _listed(catalog))
    assert _films(sig) == ([], [SIXTH_SENSE])


@pytest.mark.parametrize(("text", "liked", "disliked", "unjudged"), [
    ("except titanic they're all lovely", [SIXTH_SENSE, SHREK, BATMAN_BEGINS], None, TITANIC),
    ("besides sixth sense they're all dull", [], [TITANIC, SHREK, BATMAN_BEGINS], SIXTH_SENSE),
    ("Other than the first one, they're all great.", [SIXTH_SENSE, SHREK, BATMAN_BEGINS], None, TITANIC),
    ("Apart from Shrek, these are all winners.", [TITANIC, SIXTH_SENSE, BATMAN_BEGINS], None, SHREK),
    ("besides Shrek I loved Titanic", [TITANIC, SHREK], [], None),
])
def test_an_exception_before_its_group(resolver, catalog, text, liked, disliked, unjudged) -> None:
    sig = _read(resolver, text, _listed(catalog))
    assert sorted(sig.liked_ids) == liked
    assert disliked is None or sorted(sig.disliked_ids) == disliked
    assert unjudged is None or unjudged not in sig.liked_ids


@pytest.mark.parametrize(("text", "disliked"), [
    ("The horror-ish one, not for us.", [SIXTH_SENSE]),
    ("The second one, not for us.", [SIXTH_SENSE]),
    ("the romance-y one is a no", [TITANIC]),
])
def test_a_kind_word_with_a_suffix(resolver, catalog, text, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == ([], disliked)


def test_a_kind_word_with_a_suffix_asks_for_the_kind(resolver) -> None:
    sig = _read(resolver, "Something noir-esque please")
    assert sig.liked_genres == ["Film-Noir"] and sig.wants_new_recommendations


def test_salvo_sets_a_film_apart(resolver, catalog) -> None:
    sig = _read(resolver, "Ninguna me convence salvo Shrek.", _listed(catalog))
    assert _films(sig) == ([SHREK], [TITANIC, SIXTH_SENSE, BATMAN_BEGINS])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("No. 2 and No. 4 both sound good", [SIXTH_SENSE, BATMAN_BEGINS], []),
    ("we tried no. 1 friday, loved it", [TITANIC], []),
    ("No. I want something else.", [], []),
])
def test_an_abbreviated_number(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


def test_yes_to_a_position(resolver, catalog) -> None:
    sig = _read(resolver, "yes to 3, no to 1, dunno about 4", _listed(catalog))
    assert _films(sig) == ([SHREK], [TITANIC])


@pytest.mark.parametrize(("text", "disliked"), [
    ("Horror is banned in our house.", ["Horror"]),
    ("westerns are off the table tonight", ["Western"]),
    ("Musicals are a no-go for my wife. A comedy?", ["Musical"]),
    ("War films are off limits with grandma here.", ["War"]),
])
def test_a_genre_ruled_out(resolver, text, disliked) -> None:
    sig = _read(resolver, text)
    assert sig.disliked_genres == disliked and not set(disliked) & set(sig.liked_genres)


@pytest.mark.parametrize(("text", "disliked"), [
    ("Titanic left him cold.", [TITANIC]),
    ("the last one left my dad completely cold", [BATMAN_BEGINS]),
])
def test_left_someone_cold(resolver, catalog, text, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == ([], disliked)


def test_a_title_before_left_is_the_film(resolver) -> None:
    assert _read(resolver, "Heat left my brother cold.").disliked_ids == [HEAT]


@pytest.mark.parametrize("text", ["something from the noughties", "A film from the aughts, please."])
def test_the_noughties(resolver, text) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == (2000, 2009)


@pytest.mark.parametrize(("text", "liked"), [
    ("the last couple sound good", [SHREK, BATMAN_BEGINS]),
    ("The first pair look fun.", [TITANIC, SIXTH_SENSE]),
])
def test_a_couple_is_two(resolver, catalog, text, liked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, [])


@pytest.mark.parametrize(("text", "liked"), [
    ("The first couple are great, not fussed about the others.", [TITANIC, SIXTH_SENSE]),
    ("I'm not fussed about Shrek.", []),
    ("Mum isn't bothered either way about the third.", []),
])
def test_not_fussed_is_no_verdict(resolver, catalog, text, liked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, [])


def test_went_down_a_storm(resolver, catalog) -> None:
    sig = _read(resolver, "The second went down a treat with the kids.", _listed(catalog))
    assert _films(sig) == ([SIXTH_SENSE], [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("the one you started with looks fun", [TITANIC], []),
    ("We loved the film you finished on.", [BATMAN_BEGINS], []),
    ("The one you closed with, not for me.", [], [BATMAN_BEGINS]),
    ("the one you mentioned last sounds perfect", [BATMAN_BEGINS], []),
    ("You started with a great one.", [], []),
])
def test_a_position_by_the_order_of_the_reply(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog))) == (liked, disliked)


@pytest.mark.parametrize(("text", "bounds"), [
    ("Last time it was all 80s stuff. This time, 2005 or later?", (2005, None)),
    ("Nothing before 2000. Actually, 80s please.", (1980, 1989)),
    ("the 90s, or maybe the 70s", (1970, 1999)),
])
def test_year_bounds_that_exclude_each_other(resolver, text, bounds) -> None:
    sig = _read(resolver, text)
    assert (sig.year_min, sig.year_max) == bounds


def test_a_title_ending_in_movie_after_a_verb_of_liking(resolver) -> None:
    assert _read(resolver, "we loved the lego movie").liked_ids == [LEGO_MOVIE]
    assert _read(resolver, "I loved the scary movie you showed me").liked_ids == []


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("My wife is tired of me choosing horror so a comedy I suppose", ["Comedy"], ["Horror"]),
    ("my son hates westerns so a thriller then", ["Thriller"], ["Western"]),
    ("that was not so much fun", [], []),
])
def test_so_opens_what_is_asked(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert (sig.liked_genres, sig.disliked_genres) == (liked, disliked)


def test_so_the_described_one_picks_it(resolver, catalog) -> None:
    sig = _read(resolver, "My son loves ogres, so the animated one.", _listed(catalog))
    assert _films(sig) == ([SHREK], [])


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("Nope, nope and nope.", [], [TITANIC, SIXTH_SENSE, SHREK]),
    ("nope, nope and nope. my wife would leave the room", [], [TITANIC, SIXTH_SENSE, SHREK]),
    ("no, no and no", [], [TITANIC, SIXTH_SENSE, SHREK]),
    ("Yes, no and yes. The kids will love the last one.", [TITANIC, SHREK], [SIXTH_SENSE]),
    ("No. I want comedies.", [], []),
])
def test_answers_joined_by_and(resolver, catalog, text, liked, disliked) -> None:
    sig = _read(resolver, text, _listed(catalog, (TITANIC, SIXTH_SENSE, SHREK)))
    assert _films(sig) == (liked, disliked)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("She'd moan through the first one.", [], [TITANIC]),
    ("he would groan all the way through titanic", [], [TITANIC]),
    ("My wife would walk out of Shrek.", [], [SHREK]),
    ("I'll walk out to get popcorn and then pick.", [], []),
    ("We liked the first, but the third is the one we actually rewatch.", [TITANIC, SHREK], []),
    ("I rewatch Shrek every Christmas.", [SHREK], []),
    ("I never rewatch Titanic.", [], [TITANIC]),
])
def test_moaning_through_and_rewatching(resolver, catalog, text, liked, disliked) -> None:
    assert _films(_read(resolver, text, _listed(catalog, (TITANIC, SIXTH_SENSE, SHREK)))) == (liked, disliked)


@pytest.mark.parametrize(("text", "genres"), [
    ("horror like the shining", ["Horror"]),
    ("fantasy like the neverending story but shorter", ["Fantasy"]),
    ("a romcom I guess", ["Comedy", "Romance"]),
    ("my gf is sick of me picking war films so a romcom i guess", ["Comedy", "Romance"]),
])
def test_a_kind_asked_by_likeness_or_with_a_hedge(resolver, text, genres) -> None:
    sig = _read(resolver, text)
    assert sorted(sig.liked_genres) == genres and sig.wants_new_recommendations


def test_a_kind_liked_by_likeness_in_a_statement_asks_nothing(resolver) -> None:
    sig = _read(resolver, "comedies like Airplane are my favourite")
    assert sig.liked_genres == ["Comedy"] and not sig.wants_new_recommendations


@pytest.mark.parametrize(("text", "genres"), [
    ("crme dramas please", ["Crime", "Drama"]),
    ("a cmedy for tonight", ["Comedy"]),
])
def test_a_genre_name_missing_a_letter(resolver, text, genres) -> None:
    assert sorted(_read(resolver, text).liked_genres) == genres


def test_a_short_word_missing_its_first_letter_stays_a_word() -> None:
    from chat_rec.understanding.word_forms import correct_typo

    assert correct_typo("rime") == "rime" and correct_typo("drma") == "drama"


@pytest.mark.parametrize(("word", "spelt"), [("kiero", "quiero"), ("animasion", "animacion"), ("ke", "que"),
                                             ("kilo", "kilo"), ("version", "version")])
def test_spanish_chat_spellings(word, spelt) -> None:
    from chat_rec.understanding.word_forms import correct_typo

    assert correct_typo(word, True) == spelt


def test_a_spanish_ask_in_chat_spelling(resolver) -> None:
    sig = _read(resolver, "kiero algo de animasion pa mi hermanito")
    assert sig.liked_genres == ["Animation"] and sig.wants_new_recommendations


@pytest.mark.parametrize(("text", "disliked"), [
    ("One of the lads won't watch anything animated, so rule that out.", ["Animation"]),
    ("Westerns are ruled out for tonight.", ["Western"]),
])
def test_rule_it_out(resolver, text, disliked) -> None:
    sig = _read(resolver, text)
    assert sig.disliked_genres == disliked and sig.liked_genres == []


def test_heat_still_rules(resolver) -> None:
    assert _read(resolver, "Heat rules").liked_ids == [HEAT]


@pytest.mark.parametrize(("text", "liked"), [
    ("Hello again. We watched Casablanca on Sunday and it was simply delightful.", [912]),
    ("Hi there, Casablanca was lovely.", [912]),
    ("I loved Hello Again as a kid", [8382]),
])
def test_a_greeting_opening_the_message_is_no_title(resolver, text, liked) -> None:
    assert _read(resolver, text).liked_ids == liked
