"""'The second film I mentioned' likes the person's own second film, not a pick on screen.

Sentences and films invented for these tests (the phrase was found by the twenty-eighth session's
fresh dialogues; the twenty-ninth reads which film it means).
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.own_mentions import asked_like, named_before, own_position, with_own_mention
from chat_rec.understanding.resolver import TitleResolver
from chat_rec.understanding.signal import PreferenceSignal

HEAT, ALIEN, TOY_STORY = 6, 1214, 1


@pytest.mark.parametrize(("text", "position"), [
    ("could you find more like the second film I mentioned?", 2),
    ("the first one I told you about was better", 1),
    ("go with the last movie I named", -1),
    ("otra como la tercera peli que te dije", 3),
    ("algo parecido a la primera que mencioné", 1),
])
def test_a_position_among_the_persons_own_films(text: str, position: int) -> None:
    assert own_position(text) == position


@pytest.mark.parametrize("text", ["the second one looks great", "I mentioned it twice", "la tercera me gustó",
                                  "the first time I saw it"])
def test_a_position_in_the_list_or_no_position_is_none(text: str) -> None:
    assert own_position(text) is None


HISTORY = [
    {"role": "user", "text": "hello there"},
    {"role": "assistant", "text": "Hi! What's a movie you loved? Maybe Toy Story?"},
    {"role": "user", "text": "Alien was great, and Heat too"},
    {"role": "assistant", "text": "Here are some picks for you: Toy Story (1995)"},
    {"role": "user", "text": "I also rewatched Alien last week"},
]


def test_the_persons_films_in_the_order_first_named_not_the_replies(resolver: TitleResolver) -> None:
    assert named_before(HISTORY, resolver) == [ALIEN, HEAT]


def test_the_nth_film_mentioned_is_liked(resolver: TitleResolver) -> None:
    base = PreferenceSignal(wants_new_recommendations=True)
    second = with_own_mention(base, "more like the second film I mentioned", HISTORY, resolver)
    assert second.liked_ids == [HEAT] and HEAT in second.mentioned_ids
    last = with_own_mention(base, "more like the last film I mentioned", HISTORY, resolver)
    assert last.liked_ids == [HEAT]
    first = with_own_mention(base, "algo como la primera peli que te dije", HISTORY, resolver)
    assert first.liked_ids == [ALIEN]


def test_a_position_past_the_films_named_or_a_film_judged_otherwise_changes_nothing(resolver: TitleResolver) -> None:
    base = PreferenceSignal()
    assert with_own_mention(base, "the third film I mentioned", HISTORY, resolver) == base
    assert with_own_mention(base, "the second film I mentioned", [], resolver) == base
    judged = PreferenceSignal(disliked_ids=[HEAT])
    assert with_own_mention(judged, "more like the second film I mentioned", HISTORY, resolver) == judged


@pytest.mark.parametrize(("text", "position"), [
    ("more like the second film I mentioned", 2), ("something similar to the first one I named", 1),
    ("otra parecida a la segunda peli que te dije", 2), ("nothing like the second film I mentioned", None),
    ("I hated the first one I told you about", None), ("the second film I mentioned was fine", None),
])
def test_only_a_request_for_films_like_it_likes_it(text: str, position: int | None) -> None:
    assert asked_like(text) == position
