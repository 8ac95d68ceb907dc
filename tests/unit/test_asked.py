"""Answers to "would I like X?" (conversation.asked) and the question read by the parser."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chat_rec.catalog.models import Item
from chat_rec.conversation.asked import answer, verdict
from chat_rec.ranking.hybrid import RankRequest
from chat_rec.understanding.parser import parse
from chat_rec.understanding.resolver import TitleResolver

WESTERN = Item(1, "Dusty Trail", 1970, ("Western", "Drama"))
MUSICAL = Item(2, "Song Street", 1990, ("Musical", "Romance"))
SPACE = Item(3, "Far Orbit", 2001, ("Sci-Fi",))


class FakeRanker:
    """The ranker's evidence for each film: (value, share of the catalog below) per signal."""

    def __init__(self, evidence: dict[int, dict[str, tuple[float, float]]]) -> None:
        self._evidence = evidence
        self.weights = SimpleNamespace(collaborative=0.6, conversation=8.0)

    def evidence(self, request, item_id):
        return self._evidence.get(item_id)


def test_each_answer_comes_from_its_own_evidence() -> None:
    ranker = FakeRanker({1: {"collaborative": (0.4, 0.995), "content": (0.1, 0.2)},
                         3: {"collaborative": (-0.2, 0.01), "content": (0.9, 1.0)}})
    liked = RankRequest(liked_ids=[10], excluded_genres={"Musical"})
    assert verdict(WESTERN, liked, ranker, {"Western"}) == "yes"  # liked together with their films
    assert verdict(MUSICAL, liked, ranker, {"Romance"}) == "avoid"  # a ruled-out genre wins
    assert verdict(SPACE, liked, ranker, {"Sci-Fi"}) == "no"  # liked by those who disliked theirs
    # no item-item evidence: a shared genre is a maybe, none is a no; content alone never says yes
    quiet = FakeRanker({1: {"collaborative": (0.0, 0.0)}, 3: {"content": (0.9, 1.0)}})
    assert verdict(WESTERN, RankRequest(liked_ids=[10]), quiet, {"Drama"}) == "maybe"
    assert verdict(SPACE, RankRequest(liked_ids=[10]), quiet, {"Drama"}) == "no"
    # nothing known about the person yet
    assert verdict(WESTERN, RankRequest(), ranker, set()) == "unknown"


def test_the_answer_is_written_in_the_replys_words_and_cites_no_liked_film_on_a_no() -> None:
    replies = {"asked_yes": "{title}: yes ({reason})", "asked_maybe": "{title}: maybe ({reason})",
               "asked_no": "{title}: no ({reason})", "asked_avoid": "{title}: avoid {genres}",
               "asked_unknown": "{title}: unknown"}
    ranker = FakeRanker({1: {"collaborative": (0.4, 0.995)}, 3: {"collaborative": (-0.2, 0.01)}})
    films = {1: WESTERN, 2: MUSICAL, 3: SPACE}
    cited = []

    def reason(item_id: int, cite: bool) -> str:
        cited.append((item_id, cite))
        return "because you liked X" if cite else "facts"

    text = answer([1, 2, 3, 99], RankRequest(liked_ids=[10], excluded_genres={"Musical"}), ranker, replies,
                  films.get, reason, {"Western"})
    assert text == ("Dusty Trail (1970): yes (because you liked X) Song Street (1990): avoid Musical "
                    "Far Orbit (2001): no (facts)")
    assert cited == [(1, True), (3, False)]
    maybe = answer([1], RankRequest(liked_ids=[10]), FakeRanker({}), replies, films.get, reason, {"Drama"})
    assert maybe == "Dusty Trail (1970): maybe (facts)"  # no liked film is cited without item-item evidence


@pytest.mark.parametrize(("text", "asked", "liked"), [
    ("Would I like Jaws?", [1387], []),
    ("Loved Fargo. Do you think my kids would enjoy Toy Story?", [1], [608]),
    ("¿Crees que me gustaría Titanic?", [1721], []),
    ("Me gustaría ver Titanic", [], [1721]),  # said plainly, a wish
    ("Would I like Heat? What about Ronin?", [6, 2278], []),  # the next question asks the same
    ("¿Me gustaría Heat? ¿Y Ronin?", [6, 2278], []),
    ("I loved Heat. And Ronin?", [], [6]),  # after a verdict, "and Ronin?" asks nothing of the kind
    ("Would I like Heat? I loved Ronin. And Fargo?", [6], [2278]),  # only right after the question
])
def test_the_parser_keeps_the_films_asked_about_apart_from_verdicts(catalog, text, asked, liked) -> None:
    signal = parse(text, [], TitleResolver(catalog))
    assert (signal.asked_ids, signal.liked_ids) == (asked, liked)
