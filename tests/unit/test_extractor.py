"""Extractor: the LLM's JSON is grounded, checked against the message, and never trusted blindly."""

from __future__ import annotations

import json

import pytest
from langchain_core.language_models.fake_chat_models import FakeListChatModel

from chat_rec.understanding.extractor import Extractor, parse_json_block
from chat_rec.understanding.parser import parse


@pytest.fixture(scope="module")
def shown(catalog):
    return [catalog.get(i) for i in (1212, 3362, 3435)]  # The Third Man, Dog Day Afternoon, Double Indemnity


def llm(*replies):
    return FakeListChatModel(responses=list(replies))


def reply(**fields):
    return "Sure! Here is the JSON:\n```json\n" + json.dumps(fields) + "\n```"


def test_without_llm_equals_parser(resolver):
    text = "I loved Heat. Any crime movies from the 90s?"
    assert Extractor(resolver).extract(text) == parse(text, [], resolver)


def test_good_llm_output_fills_what_the_parser_missed(resolver, catalog):
    # "that mafia classic" is no pattern the parser knows; the model names the listed film whose
    # own tags carry the word, so the message does refer to it.
    listed = [catalog.get(i) for i in (1212, 1221, 3435)]  # The Third Man, The Godfather: Part II, Double Indemnity
    model = llm(reply(liked_titles=["The Godfather: Part II"], liked_genres=["Crime"]))
    sig = Extractor(resolver, model).extract("That mafia classic, definitely. I'm in a crime mood",
                                             "Here are three.", listed)
    assert sig.liked_ids == [1221]
    assert "Crime" in sig.liked_genres


def test_shown_picks_never_become_likes_through_the_model(resolver, shown):
    # The model claims every listed film was liked; the person only said they had seen one.
    model = llm(reply(liked_titles=["The Third Man", "Dog Day Afternoon", "Double Indemnity"]))
    sig = Extractor(resolver, model).extract("I've seen the first one. Something more recent?",
                                             "Here are three.", shown)
    assert sig.liked_ids == [] and sig.seen_ids == [1212]


def test_prompt_carries_message_and_numbered_list(resolver, shown):
    model = llm(reply())
    extractor = Extractor(resolver, model)
    messages = extractor.prompt.format_messages(utterance="U", previous_reply="R", previous_list="L")
    assert any("U" in m.content for m in messages)
    extractor.extract("the second one", "Here are three.", shown)
    assert "2. Dog Day Afternoon (1975)" in extractor.prompt.format_messages(
        utterance="x", previous_reply="y",
        previous_list="\n".join(f"{n}. {i.label}" for n, i in enumerate(shown, 1)))[-1].content


def test_wrong_llm_output_is_overruled_or_dropped(resolver, shown):
    # The LLM reads a negation as a like, invents a title and a genre, and puts in a year.
    model = llm(reply(liked_titles=["Double Indemnity", "The Matrix"], liked_genres=["Sci-Fi"],
                      year_min=1999, wants_new_recommendations=True))
    sig = Extractor(resolver, model).extract("I didn't like Double Indemnity.", "", shown)
    assert sig.disliked_ids == [3435] and sig.liked_ids == []
    assert sig.liked_genres == [] and sig.year_min is None
    assert sig.wants_new_recommendations is False


def test_llm_cannot_mark_listed_movies_without_a_reference(resolver, shown):
    model = llm(reply(liked_titles=["The Third Man", "Dog Day Afternoon", "Double Indemnity"]))
    sig = Extractor(resolver, model).extract("hmm, show me some westerns instead", "", shown)
    assert sig.liked_ids == [] and sig.liked_genres == ["Western"]


@pytest.mark.parametrize("garbage", ["", "I think they like comedies!", "{not json", "[1, 2, 3]",
                                     '{"liked_titles": 7, "year_min": "soon"}', "null" * 100])
def test_garbage_llm_output_falls_back_to_parser(resolver, garbage):
    text = "I liked Inception, any sci-fi?"
    sig = Extractor(resolver, llm(garbage)).extract(text)
    assert sig.benchmark_view() == parse(text, [], resolver).benchmark_view()


def test_llm_exception_falls_back_to_parser(resolver):
    class Broken(FakeListChatModel):
        def _call(self, *args, **kwargs):
            raise RuntimeError("backend down")

    sig = Extractor(resolver, Broken(responses=["x"])).extract("I love westerns")
    assert sig.liked_genres == ["Western"]


def test_parse_json_block():
    assert parse_json_block('blah {"a": 1} {"b": 2}') == {"a": 1}
    assert parse_json_block("no json here") is None
    assert parse_json_block('{"a": {"b": [1, 2]}} trailing') == {"a": {"b": [1, 2]}}
