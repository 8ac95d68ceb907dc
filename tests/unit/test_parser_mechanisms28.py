"""Mechanisms of the twenty-eighth session, on sentences written for these tests (none from a benchmark file).

Found by eighteen dialogues a helper wrote from docs/dialogues.md, the README and the catalog alone
(/tmp/dlg28), each checked here on our own sentences:
- "the second film I mentioned" / "la segunda peli que te dije" counts the films the person named,
  not the list on screen: no pick is referenced (it had liked pick 2);
- "más como la/el ..." asks for more like something, as "more like ..." does;
- a stretched greeting or function word ("holaa", "pleasee") is no mood (it read "hula hoop");
- "the original korean Oldboy" is *Old Boy* (2003), the earliest film of that title with spaces
  aside, and "original" may stand one describing word before the title;
- a sentence that only adds films after "and"/"y" ("I loved Casablanca! And Rear Window.") takes the
  verdict of the sentence before.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding import request_words
from chat_rec.understanding.aspect_phrases import _unstretched, is_content
from chat_rec.understanding.clauses import likewise
from chat_rec.understanding.references import _OWN_MENTION
from chat_rec.understanding.resolver import TitleResolver


@pytest.mark.parametrize("after", [
    "film i mentioned", "one i said", "movie that i named", "i told you about", "one i brought up",
    "peli que te dije", "que mencione", "pelicula que te nombre",
])
def test_an_ordinal_followed_by_the_persons_own_words_counts_their_films(after: str) -> None:
    assert _OWN_MENTION.match(after)


@pytest.mark.parametrize("after", ["one you showed", "one", "film on the list", "que me pusiste", "looks great"])
def test_an_ordinal_about_the_list_is_still_a_reference(after: str) -> None:
    assert not _OWN_MENTION.match(after)


@pytest.mark.parametrize("text", ["mas como la primera", "mmm mas como el segundo que te dije",
                                  "mas parecidas a las de antes"])
def test_mas_como_asks_for_more_like_something(text: str) -> None:
    assert request_words.REQUEST.search(text)


@pytest.mark.parametrize("text", ["me gusto mas como la contaron al final", "es mas como un drama"])
def test_mas_como_inside_a_sentence_is_no_ask(text: str) -> None:
    assert not request_words.REQUEST.search(text)


def test_stretched_function_words_are_no_content_but_stretched_dictionary_words_stay() -> None:
    assert _unstretched("holaa") == "hola" and _unstretched("pleaseee") == "please"
    for stretched in ("holaa", "pleasee", "graciass", "sooo"):
        assert not is_content(stretched)
    assert is_content("jazz") and is_content("grass") and is_content("spooky")  # words in their own right
    assert is_content("ghost")


def _found(resolver: TitleResolver, text: str) -> list[int]:
    return [m.item_id for m in resolver.find_in_text(text)]


def test_the_original_is_the_earliest_film_of_the_title_spaces_aside(resolver: TitleResolver) -> None:
    old_boy, oldboy = 27773, 107314
    assert _found(resolver, "I loved Oldboy") == [oldboy]
    assert _found(resolver, "the original Oldboy, not the remake") == [old_boy]
    assert _found(resolver, "the original korean oldboy") == [old_boy]  # one describing word between
    assert _found(resolver, "the original and Oldboy") == [oldboy]  # "and" is no description of it


def test_the_original_with_a_describing_word_before_an_exact_remake_title(resolver: TitleResolver) -> None:
    assert _found(resolver, "the original american Scarface") == [25788]  # 1932, not 1983


@pytest.mark.parametrize("ckeys", [["and", "qqtitle"], ["y", "qqtitle"], ["and", "the", "qqtitle"],
                                   ["plus", "qqtitle"]])
def test_a_sentence_that_only_adds_films_after_and_repeats_the_verdict(ckeys: list[str]) -> None:
    assert likewise(ckeys)


@pytest.mark.parametrize("ckeys", [["and", "qqtitle", "was", "dull"], ["qqtitle"], ["and", "then", "qqtitle"],
                                   ["but", "qqtitle"]])
def test_a_sentence_with_more_than_films_after_and_has_its_own_verdict(ckeys: list[str]) -> None:
    assert not likewise(ckeys)


def test_and_a_film_asked_about_is_no_verdict() -> None:
    assert not likewise(["and", "qqtitle"], asking=True)  # "I loved Heat. And Ronin?" asks about Ronin
    assert likewise(["qqtitle", "too"], asking=True)  # the older reading is unchanged
