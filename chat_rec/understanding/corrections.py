"""Taking back or correcting what was just said: "never mind", "I meant the first one", "make it horror".

A retraction drops what the sentence before asked for; a correction moves its verdict to what the
correction names. ``clause_reader.ClauseReader`` and ``clause_state`` use them; patterns are over folded
text (``titles.fold``), like lexicon.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

NO_WORDS = frozenset({"no", "nah", "nope"})
"""A plain "no", however typed."""
RETRACT_LEADS = NO_WORDS | {"actually", "oh", "ok", "okay", "wait", "hmm", "hm", "bueno", "mejor", "pensandolo bien"}
WAIT_PHRASES = frozenset({"hang on", "hold on"})
"""Two-word "wait"s, a clause of their own before a correction ("No, hang on, I mean the third")."""
RETRACT = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS)) + r") )*(?:never ?mind|forget (?:it|that)"
                     r"|(?:scratch|scrap|strike|cancel) that|ignore that|olvidalo|olvida eso|mejor no|da igual)\b")
"""Taking back the sentence before ("Actually, never mind, I just want a western"): what it asked for
is dropped, not turned into a rejection."""
CORRECTION_OPENERS = frozenset("sorry perdon perdona uy ups oops".split())
"""Apologies that may open a correction besides ``RETRACT_LEADS`` ("sorry, I meant the first")."""

_NO = r"(?:no|nah|nope)"
_COMMA = r"(?: ?,)?"  # "hmm, no" as typed, or " , " between keys
_WAIT = r"(?:wait|hang on|hold on|espera)"
_MEANT = r"i meant|i mean|meant|quise decir|queria decir|quiero decir|me referia a|me refiero a|digo"
_SWITCH = (r"make (?:it|that)|(?:or|no) rather|or (?:even )?better(?: yet| still)?|better yet|o mejor|mejor dicho"
           r"|on second thoughts?|(?:i(?: ve)? )?changed my mind|cambie de opinion|pensandolo bien")
CORRECTION = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS | CORRECTION_OPENERS)) + r") )*"
                        rf"(?:{_MEANT}|(?:{_WAIT}|sorry|oops|perdon|uy|hmm|hm){_COMMA} {_NO}|{_NO}{_COMMA} {_WAIT}"
                        rf"|{_SWITCH})\b")
"""Correcting the film or genre just judged ("I loved the third one! Oh wait, I meant the first one",
"la segunda, digo, la primera", "2nd one pls, wait no the 3rd", "comedy. no, make it horror"): the
verdict moves to what the correction names."""
CUE = re.compile(rf"\b(?:{_MEANT}|{_NO}{_COMMA} (?:{_WAIT}|sorry)|(?:{_WAIT}|hmm|hm){_COMMA} {_NO}|sorry|actually"
                 rf"|{_SWITCH}|(?:scratch|scrap|strike) that|perdon)\b")
"""A self-correction anywhere in a text, between two phrases of one kind ("the 70s, I mean the 80s", "the 80s.
Hmm, on second thought, the 90s"): the phrase after it replaces the one before (``years.extract_years``)."""


def no_verdict_of_its_own(text: str) -> bool:
    """Whether a correction's words after its opener only name ("the first one"), with no verdict or
    "seen" of their own ("I mean, the second one was great" judges on its own).
    """
    return not (lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text) or lexicon.SEEN.search(text))
