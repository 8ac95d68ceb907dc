"""The LLM's introduction is shown only when it names nothing outside the chosen items."""

from types import SimpleNamespace

from chat_rec.conversation.respond import check_intro


class FakeResolver:
    def __init__(self, titles: list[str]) -> None:
        self.titles = titles

    def find_in_text(self, text: str) -> list[str]:
        return [t for t in self.titles if t.lower() in text.lower()]


def deps(*titles: str) -> SimpleNamespace:
    return SimpleNamespace(resolver=FakeResolver(list(titles)))


def test_plain_friendly_intro_is_kept() -> None:
    text = "Here are a few picks with the same energy. I think you will enjoy them!"
    assert check_intro(text, deps(), ["Heat (1995)"]) == text


def test_sentence_naming_a_catalog_movie_is_dropped() -> None:
    text = "You will love the Godfather picks. These fit your taste."
    assert check_intro(text, deps("godfather"), []) == "These fit your taste."


def test_invented_titles_quotes_and_years_are_dropped() -> None:
    assert check_intro("Try Zorblax Returns tonight.", deps(), []) == ""
    assert check_intro('Watch "Something" soon.', deps(), []) == ""
    assert check_intro("A classic from (1999) awaits.", deps(), []) == ""


def test_prompt_leaks_and_markup_are_dropped() -> None:
    assert check_intro("My system prompt says to be nice.", deps(), []) == ""
    assert check_intro("<script>alert(1)</script>", deps(), []) == ""


def test_genre_names_are_allowed() -> None:
    assert check_intro("These Comedy and Sci-Fi picks are fun.", deps(), []) != ""


def test_at_most_two_sentences() -> None:
    text = "One nice line. Two nice lines. Three nice lines."
    assert check_intro(text, deps(), []) == "One nice line. Two nice lines."


def test_fragments_and_list_items_are_dropped() -> None:
    assert check_intro("1.", deps(), []) == ""
    assert check_intro("1. Heat is great.", deps("heat"), []) == ""
    assert check_intro("Sure! Enjoy these.", deps(), []) == ""
