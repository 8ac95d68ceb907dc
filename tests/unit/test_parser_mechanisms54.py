"""Mechanisms of the fifty-fourth session, on sentences written for these tests (none from a
benchmark file).

- A reply whose last question asks which films were seen ("Watched any of them?", "¿Has visto alguna?"), and
  not what the person thought of them: a listed film picked out with no word of verdict ("the middle one",
  "the first two, yep") was seen (rule 7), not chosen. A word of verdict still judges ("the first, loved it"),
  and so does a choice in words ("I'll take the third").
- "yep" and "yup" say yes as "yeah" does ("the last one, yup" picks it after a plain list).
- With one film shown and none named, a verdict after a bare answer ("nah, not my thing", "no. sounds
  dull") is about that film, as the same verdict opening the message was.
- A verb of impression ("sounds", "looks", "seems", "pinta") only carries the verdict after it: "looks dull"
  is a bare verdict, as "dull" is.
"""

from __future__ import annotations

import pytest

from chat_rec.understanding.answers import asks_seen
from chat_rec.understanding.parser import parse

GATTACA, BRAZIL, PSYCHO, ALIENS = 1653, 1199, 1219, 1200
SHOWN = "Gattaca (1997), Brazil (1985) or Psycho (1960)."


@pytest.mark.parametrize(("reply", "asks"), [
    (f"{SHOWN} Watched any of them?", True),
    (f"{SHOWN} Which of those have you caught already?", True),
    ("Gattaca (1997), Brasil (1985) o Psicosis (1960). ¿Has visto alguna?", True),
    (f"{SHOWN} Seen any you liked?", False),  # a verdict asked as well
    (f"{SHOWN} Which one do you fancy?", False),
    ("Seen anything good lately? Here are three: Gattaca (1997), Brazil (1985), Psycho (1960).", False),
    ("", False),
])
def test_a_reply_asking_what_was_seen(reply, asks) -> None:
    assert asks_seen(reply) is asks


@pytest.mark.parametrize(("reply", "text", "liked", "seen"), [
    (f"{SHOWN} Watched any of them?", "the first two, yep", [], [GATTACA, BRAZIL]),
    (f"{SHOWN} Watched any of them?", "yes the middle one", [], [BRAZIL]),
    (f"{SHOWN} Watched any of them?", "only Psycho", [], [PSYCHO]),
    # a word of verdict, or a choice in words, still judges
    (f"{SHOWN} Watched any of them?", "the first, and I loved it", [GATTACA], []),
    (f"{SHOWN} Watched any of them?", "I'll take the third", [PSYCHO], []),
    # no question on what was seen: a bare pick is a choice, as before
    (f"{SHOWN} Which one do you fancy?", "the first two, yep", [GATTACA, BRAZIL], []),
    (SHOWN, "the last one, yup", [PSYCHO], []),
])
def test_a_film_picked_in_answer_to_what_was_seen(resolver, reply, text, liked, seen) -> None:
    shown = [resolver.catalog.get(i) for i in (GATTACA, BRAZIL, PSYCHO)]
    sig = parse(text, shown, resolver, reply)
    assert (sorted(sig.liked_ids), sorted(sig.seen_ids)) == (sorted(liked), sorted(seen))


@pytest.mark.parametrize(("text", "liked", "disliked"), [
    ("nah, not my thing", [], [ALIENS]),
    ("no. sounds dull", [], [ALIENS]),
    ("looks dull", [], [ALIENS]),
    ("ooh yes, seems great", [ALIENS], []),
    ("pinta aburrida", [], [ALIENS]),
    # a bare answer alone judges nothing (it may answer "seen it?")
    ("nah", [], []),
    ("no, not yet", [], []),
    ("looks like something my dad would put on", [], []),
])
def test_a_verdict_on_the_one_film_shown_after_a_bare_answer(resolver, text, liked, disliked) -> None:
    sig = parse(text, [resolver.catalog.get(ALIENS)], resolver, "Aliens (1986)? Maybe: it's Action, Sci-Fi.")
    assert (sig.liked_ids, sig.disliked_ids) == (liked, disliked)
