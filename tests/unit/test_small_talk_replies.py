"""Which reply answers a turn that asks for nothing (``nodes._small_talk_key``): a goodbye to thanks
or a farewell, a reminder once picks were shown, the first invitation otherwise. Invented sentences."""
from __future__ import annotations

import pytest

from chat_rec.catalog.titles import fold
from chat_rec.conversation.deps import load_replies
from chat_rec.conversation.nodes import _small_talk_key
from chat_rec.understanding import request_words


@pytest.mark.parametrize("text", [
    "thanks, bye", "Cheers mate, that's all for tonight", "ok thank you!!", "night night", "gracias, hasta luego",
    "Muchas gracias, nos vemos", "perfect, catch you later", "Goodnight x", "ty", "adiós y gracias",
])
def test_thanks_and_goodbyes_are_farewells(text: str) -> None:
    assert request_words.farewell(fold(text), "?" in text)


@pytest.mark.parametrize("text", [
    "haha thanks! how's your day going?",  # a question, not a goodbye
    "are you a robot", "Morning! Coffee first", "I'm bored", "the thing is, my brother picks everything",
    "¿qué tal estás?", "later films are better", "it's a thanksgiving tradition at ours",
])
def test_other_small_talk_is_no_farewell(text: str) -> None:
    assert not request_words.farewell(fold(text), "?" in text or "¿" in text)


@pytest.mark.parametrize("state, stage, key", [
    ({"user_text": "thanks, bye", "last_items": [1, 2]}, "smalltalk", "farewell"),
    ({"user_text": "thanks, bye"}, "smalltalk", "farewell"),
    ({"user_text": "how are you?", "last_items": [1, 2]}, "smalltalk", "smalltalk_known"),
    ({"user_text": "how are you?"}, "smalltalk", "smalltalk"),
    ({"user_text": "thanks, something else", "last_items": [1]}, "elicit", "elicit"),
    ({"user_text": "I'll ask you for a western another day", "last_items": [1]}, "smalltalk", "later"),
])
def test_the_reply_key_follows_the_message_and_what_was_shown(state: dict, stage: str, key: str) -> None:
    assert _small_talk_key(state, stage) == key


def test_every_language_has_the_small_talk_replies() -> None:
    for language, replies in load_replies().items():
        assert {"smalltalk", "smalltalk_known", "farewell", "later"} <= set(replies), language
