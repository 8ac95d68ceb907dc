"""The LLM's introduction is shown only when it names nothing outside the chosen items."""

from types import SimpleNamespace

from chat_rec.conversation.respond import check_intro, describe_request, echoes_message
from chat_rec.understanding.resolver import Mention
from chat_rec.understanding.signal import PreferenceSignal


class FakeResolver:
    def __init__(self, titles: list[str]) -> None:
        self.titles = titles

    def find_in_text(self, text: str) -> list[Mention]:
        found = [(text.lower().find(t.lower()), t) for t in self.titles]
        return [Mention(0, at, at + len(t), text[at:at + len(t)], 100.0) for at, t in found if at >= 0]


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


def test_sentence_repeating_the_persons_words_is_dropped() -> None:
    said = "I've seen the first one. Something more recent, after 2010?"
    raw = "I've seen the first one. These newer picks keep the same spirit."
    assert check_intro(raw, deps(), [], message=said) == "These newer picks keep the same spirit."


def test_sentence_made_only_of_the_persons_words_is_dropped() -> None:
    said = "a quiet sad drama about family, nothing loud"
    assert check_intro("Quiet, sad, about family.", deps(), [], message=said) == ""
    kept = "Here are gentle stories that take their time."
    assert check_intro(kept, deps(), [], message=said) == kept


def test_questions_are_dropped_from_the_intro() -> None:
    raw = "What do you like? These picks are calm and thoughtful."
    assert check_intro(raw, deps(), [], message="anything calm") == "These picks are calm and thoughtful."
    assert check_intro("¿Qué te gusta ver?", deps(), []) == ""


def test_echo_needs_a_run_of_words_not_a_shared_word() -> None:
    assert not echoes_message("These picks are thoughtful and recent.", "something thoughtful, after 2010")
    assert echoes_message("Something thoughtful after 2010 coming up.", "something thoughtful, after 2010")


def test_the_model_gets_the_request_from_the_signal_not_the_message() -> None:
    signal = PreferenceSignal(liked_genres=["Comedy"], liked_aspects=["feel good"],
                              disliked_genres=["Horror"], year_min=2011)
    assert describe_request(signal) == "Comedy; feel good; nothing Horror; from 2011 on"
    assert describe_request(PreferenceSignal(year_min=1990, year_max=1999)) == "from 1990 to 1999"
    assert describe_request(PreferenceSignal()) == "nothing specific"


def test_recommend_prompt_carries_no_raw_message() -> None:
    from chat_rec.llm.prompts import load_prompt

    prompt = load_prompt("recommend")
    assert "utterance" not in prompt.input_variables and "request" in prompt.input_variables
