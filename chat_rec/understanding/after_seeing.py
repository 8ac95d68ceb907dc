"""Verdicts around having seen or tried a film: a subject-less verdict after a contrast ("I watched the second
but got bored") and a sentence of not having made up one's mind ("Not sure if I liked it or not"). Read on the
clause reader's folded keys.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon
from chat_rec.understanding.pronouns import has_pronoun

UNDECIDED = re.compile(r"^(?:(?:but|and|so|still|honestly|tbh) )?(?:i m |im |i am |i )?(?:still )?(?:not sure|unsure"
                       r"|undecided|torn|dunno|(?:cant|can t|havent|haven t) (?:decide|decided|make up my mind))"
                       r" (?:if|whether|about|qqcond) (?:i|we) (?:really )?(?:like|liked|love|loved|enjoy|enjoyed|hate"
                       r"|hated) (?:it|that one|that|this one)(?: or not)?(?: (?:tbh|honestly|to be honest))?$")
"""Not having made up one's mind about the film just talked about ("not sure if I like it or not tbh")."""
_SUBJECTS = frozenset("i im ive id we were weve wed you he she they hes shes theyre my our his her their the a an "
                      "this that these those it its there qqtitle".split())
"""Words that open a clause with a subject of its own (a pronoun, a determiner before a noun, a title)."""
_CONTRAST_WORDS = frozenset("but though although however pero aunque".split())


def undecided(keys: list[str], lo: int) -> bool:
    """Whether the sentence from ``keys[lo]`` says the person has not made up their mind about the film just
    talked about ("Heat bored me a bit. Not sure if I liked it or not.").
    """
    end = next((j for j in range(lo, len(keys)) if keys[j] in {".", "?", "!"}), len(keys))
    return UNDECIDED.match(" ".join(k for k in keys[lo:end] if k != ",")) is not None


def predicate_after_seen(keys: list[str], lo: int, ckeys: list[str], before_clause: tuple[int, str],
                         films_this_sentence: bool, sent: int) -> bool:
    """A verdict with no subject of its own after a contrast, following a clause of the same sentence that
    only said a film was seen or tried ("I watched the second but got bored"): the shared subject's verdict
    on that film. Not after a clause with a verdict of its own ("I loved Heat but hated the ending" stays
    mixed) and not with a subject of its own ("… but I hate long films").
    """
    before_sent, before = before_clause
    return (lo > 0 and keys[lo - 1] in _CONTRAST_WORDS and films_this_sentence and before_sent == sent
            and lexicon.SEEN.search(before) is not None and lexicon.POSITIVE.search(before) is None
            and lexicon.NEGATIVE.search(before) is None and not has_pronoun(ckeys) and ckeys[0] not in _SUBJECTS)
