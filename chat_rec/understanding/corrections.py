"""Taking back or correcting what was just said: "never mind", "I meant the first one", "make it horror".

A retraction drops what the sentence before asked for; a correction moves its verdict to what the
correction names. ``clause_reader.ClauseReader`` and ``clause_state`` use them; patterns are over folded
text (``titles.fold``), like lexicon.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

RETRACT_LEADS = frozenset({"actually", "oh", "ok", "okay", "no", "wait", "bueno", "mejor", "pensandolo bien"})
RETRACT = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS)) + r") )*(?:never ?mind|forget (?:it|that)"
                     r"|scratch that|ignore that|olvidalo|olvida eso|mejor no|da igual)\b")
"""Taking back the sentence before ("Actually, never mind, I just want a western"): what it asked for
is dropped, not turned into a rejection."""
CORRECTION_OPENERS = frozenset("sorry perdon perdona uy ups oops".split())
"""Apologies that may open a correction besides ``RETRACT_LEADS`` ("sorry, I meant the first")."""
CORRECTION = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS | CORRECTION_OPENERS)) + r") )*"
                        r"(?:i meant|i mean|meant|quise decir|queria decir|quiero decir|me referia a|me refiero a"
                        r"|digo|(?:wait|sorry|oops|espera|perdon|uy) no|no (?:wait|espera)"
                        r"|make (?:it|that)|(?:or|no) rather|on second thoughts?|changed my mind)\b")
"""Correcting the film or genre just judged ("I loved the third one! Oh wait, I meant the first one",
"la segunda, digo, la primera", "2nd one pls, wait no the 3rd", "comedy. no, make it horror"): the
verdict moves to what the correction names."""


def no_verdict_of_its_own(text: str) -> bool:
    """Whether a correction's words after its opener only name ("the first one"), with no verdict or
    "seen" of their own ("I mean, the second one was great" judges on its own).
    """
    return not (lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text) or lexicon.SEEN.search(text))
