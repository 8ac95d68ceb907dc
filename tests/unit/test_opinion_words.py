"""The verdict adjectives taken from the shipped opinion lexicons (Pattern via TextBlob, VADER), read only in
a predicate's place; sentences written for these tests."""

from __future__ import annotations

import pytest

from chat_rec.understanding import opinion_words

HEAT, RONIN, JURASSIC = 6, 2278, 480


def test_both_lexicons_load_and_moods_are_left_out() -> None:
    signs = opinion_words.opinion_signs()
    assert len(signs) > 2000  # both files were read
    assert signs["splendid"] == 1 and signs["dreary"] == -1 and signs["atrocious"] == -1
    for mood in ("funny", "dark", "sad", "violent"):  # tagged on films in the catalog: what a film is like
        assert mood not in signs
    assert "western" not in signs and "horror" not in signs


@pytest.mark.parametrize(("text", "found"), [
    ("the first one was splendid", [("splendid", 1)]),
    ("i found it utterly tiresome", [("tiresome", -1)]),
    ("thoroughly splendid", [("splendid", 1)]),
    ("so sorry", []),  # the speaker's own state
    ("really sadly", []),  # alone, only an adjective counts
    ("set the flag is false", []),  # truth, no verdict
    ("i was happy to see it end", []),  # a feeling of the person's, not the film's quality
    ("a splendid western please", []),  # not in a predicate's place
    ("the second was kind of dull", [("dull", -1)]),  # "kind" is a degree word there, not a verdict
])
def test_only_predicates(text, found) -> None:
    assert [(text[s:e], sign) for s, e, sign in opinion_words.spans(text)] == found


def _read(resolver, text: str):
    from chat_rec.understanding.extractor import Extractor

    shown = [resolver.catalog.get(i) for i in (HEAT, RONIN, JURASSIC)]
    return Extractor(resolver, None).extract(text, "", shown)


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("The second picture was splendid, the last rather dreary.", [RONIN], [JURASSIC]),
    ("I found the first tiresome.", [], [HEAT]),
    ("The third? Utterly magnificent.", [JURASSIC], []),
    ("the first one wasn't dreary at all", [HEAT], []),
    ("the second was long", [], []),
])
def test_lexicon_verdicts_on_listed_films(resolver, text, liked, disliked) -> None:
    sig = _read(resolver, text)
    assert sorted(sig.liked_ids) == sorted(liked)
    assert sorted(sig.disliked_ids) == sorted(disliked)
