"""Comparisons and alternatives: what a clause sets a film against rather than judging it.

``mark_alternatives`` rewrites "instead of", "rather … than" and "prefer X to Y" to "except", so
the clause reader scopes what follows as rejected; ``compared_from`` finds the "than"/"que" of a
comparison ("lighter than Se7en"), whose films are yardsticks; ``comparison_like`` tells the
preposition "like" ("the others look like homework") from the verdict verb. Over folded keys.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

ALTERNATIVES = [a.split() for a in ("instead of", "rather than", "en vez de", "en lugar de", "antes que")]
_PREFER = frozenset("prefer prefers preferred prefiero prefiere preferimos preferi prefieren".split())
_VERBS_AFTER_TO = frozenset("watch see be have go do keep stay rewatch try start get stick avoid skip".split())


def mark_alternatives(keys: list[str]) -> list[str]:
    """"a war movie instead of / rather than another rom-com", "I'd rather watch X than Y", "I
    prefer X to Y": what comes after is rejected, like after "except" (which the clause reader
    scopes to the phrase).
    """
    out = list(keys)
    for i in range(len(out)):
        for words in ALTERNATIVES:
            if out[i:i + len(words)] == words:
                out[i] = "except"
                for j in range(i + 1, i + len(words)):
                    out[j] = "qqmask"
        if out[i] == "than" and {"rather", "sooner"} & set(out[max(0, i - 8):i]):
            out[i] = "except"
        if out[i] in {"to", "over"} and i + 1 < len(out) and out[i + 1] not in _VERBS_AFTER_TO \
                and _PREFER & set(out[max(0, i - 6):i - 1]):
            out[i] = "except"  # "I prefer Heat to / over Fargo" (not "I prefer to watch …")
    return out


_COMPARATIVES = frozenset("more less mas menos mejor mejores peor peores".split())
_OUTDOES = frozenset("beats outshines trumps supera superan".split())
"""Verbs that rank the subject above what follows ("X beats the other two", "X supera a Y")."""
_NOT_COMPARATIVE_ER = frozenset("other another either neither never ever over under after together whether "
                                "rather sooner".split())


def compared_from(ckeys: list[str]) -> int | None:
    """Clause position of the "than"/"que" of a comparison ("lighter than Se7en", "more fun than
    X", "algo menos lento que Drive"): the movies after it are yardsticks, judged by nothing in
    the clause. None when the clause compares nothing.
    """
    unmatched = [m.span() for m in lexicon.UNMATCHED.finditer(" ".join(ckeys))]
    for j, k in enumerate(ckeys):
        if k in _OUTDOES and j and ckeys[j - 1] not in lexicon.NEGATORS and not any(
                lo <= len(" ".join(ckeys[:j])) < hi for lo, hi in unmatched):
            return j  # "the third beats the other two": they are the yardstick ("nothing from the 80s beats Heat"
            # puts no film below)
        if k in {"over", "above"} and 0 < j < len(ckeys) - 1 and (
                ckeys[j - 1] == "qqtitle" or _ranked(ckeys[j - 1]) or ckeys[j - 1] == "one" and j > 1 and _ranked(
                    ckeys[j - 2])) \
                and (ckeys[j + 1] in {"qqtitle", "the", "la", "el", "number"} or _ranked(ckeys[j + 1])):
            return j  # "Heat over Speed any day", "Heat > Speed", "the third over the first", "3 over 1"
        if k in {"to", "a", "over", "antes", "sobre"} and any(w in _PREFER for w in ckeys[:j]) \
                and "qqtitle" in ckeys[max(i for i, w in enumerate(ckeys[:j]) if w in _PREFER):j]:
            return j  # "prefiero Heat a Speed", "I prefer Heat to Speed"
        if k in {"to", "with", "con"} and j and ckeys[j - 1] in _COMPARED:
            return j  # "trash compared to the first one", "comparada con Heat": a yardstick
        if k == "like" and likeness_said(ckeys, j):
            return j  # "my commute was like something out of Speed", "is the second one anything like Heat?"
        if k not in {"than", "que"}:
            continue
        before = ckeys[max(0, j - 4):j]
        if any(w in _COMPARATIVES for w in before):
            return j
        if k == "than" and any(len(w) > 4 and w.endswith("er") and w not in _NOT_COMPARATIVE_ER for w in before):
            return j
    return None


_COMPARED = frozenset("compared comparado comparada comparados comparadas comparacion".split())

_ASKING_SUBJECTS = frozenset("i we u id wed something anything one ones that which who what whats else film films "
                             "movie movies flick flicks stuff more others another".split())
"""Who may "feel like" a film and ask for it ("I feel like Jaws", "something that feels like Heat")."""
def asking_likeness(subject: str, verb: str) -> bool:
    """Whether "<subject> <verb> like …" asks for films like what follows ("what else is like Fargo?", "anything
    that feels like Heat"): a copula or a verb of seeming after an asking subject.
    """
    return verb in _LIKE_SAYERS and subject in _ASKING_SUBJECTS - {"i", "we", "u", "id", "wed"}


_QUESTION_OPENERS = frozenset("is was are were does do did would will isnt".split())


def likeness_said(ckeys: list[str], j: int) -> bool:
    """Whether the "like" at ``ckeys[j]`` says what something is like rather than asking for films like
    what follows: after a copula or a verb of seeming whose subject is no asker ("my week has been like
    Groundhog Day", "the beach feels like Jaws", "the second is like Heat"), or after "anything" in a yes-no
    question ("is the first one anything like Heat?"). What follows is a yardstick, not a film judged.
    """
    before = ckeys[j - 1] if j else ""
    if before in {"anything", "something"} and ckeys and ckeys[0] in _QUESTION_OPENERS:
        return ckeys[1:2] != ["there"]  # "is there anything like Heat?" asks for films
    k = j - 1
    while k >= 0 and ckeys[k] in _HEDGES_BEFORE_LIKE:
        k -= 1  # "is kind of like", "feels a bit like"
    if k < 0 or ckeys[k] not in _LIKE_SAYERS:
        return False
    subject = ckeys[k - 1] if k else ""
    return subject not in _ASKING_SUBJECTS


def ranked_above(ckeys: list[str]) -> bool:
    """Whether the clause ranks a title above another ("Heat > Speed", "Heat over Speed any day"):
    with no verdict word, the first one is liked and the second is the yardstick (``compared_from``).
    """
    at = compared_from(ckeys)
    return at is not None and ckeys[at] in {"over", "above"} and any(
        k == "qqtitle" or _ranked(k) for k in ckeys[at + 1:at + 3])


_POSITIONS = frozenset("first second third fourth fifth last 1st 2nd 3rd 4th 5th".split())


def _ranked(key: str) -> bool:
    """A list position as a ranking names it: an ordinal ("the third over the first") or a digit ("3 over 1")."""
    return key in _POSITIONS or (len(key) == 1 and key.isdigit() and key != "0")


MARGIN = re.compile(r"^(?:and |y )?(?:(?:it|its|it s|it is|thats|that s|that is)(?: s)? )?(?:not|isnt|is not|aint)"
                    r" even close$|^(?:and |y )?(?:its |it s )?no contest$|^(?:and |y )?ni de lejos$")
"""How far apart a ranking puts two films ("…, and it isn't even close", "no contest"): no verdict on them."""


def set_below(ckeys: list[str], at: int, polarity: int) -> bool:
    """Whether the yardstick after ``ckeys[at]`` is what the clause ranks above its subject: a film
    judged badly "compared to" another sets that other one above it ("Jaws 2 was trash compared to the
    first one" likes the first). Praise "compared to" a film judges the yardstick not at all.
    """
    return polarity < 0 and at > 0 and ckeys[at - 1] in _COMPARED and lexicon.NEGATORS.isdisjoint(ckeys[at:])


_PERCEPTION = frozenset("look looks looked looking sound sounds sounded seem seems seemed feel feels felt".split())


def comparison_like(text: str, start: int, end: int) -> bool:
    """Whether a cue match is the preposition "like" after a verb of seeming ("the others look like
    homework"), a copula ("my week has been like Groundhog Day") or any verb in the past ("it dragged like
    crazy"), or a hedge before a quantity ("seen it like five times"): it compares rather than judges.
    """
    if text[start:end] != "like":
        return False
    before = text[:start].split()
    after = text[end:].split()[:2]
    if after[:1] in (["a"], ["an"]):
        after = after[1:]  # "like a hundred times"
    hedge = bool(after) and (after[0].isdigit() or after[0] in _QUANTITIES)  # "seen it like five times"
    # a verb in the past before it never takes "like" as its object: "dragged like crazy", "cried like a baby"
    past = bool(before) and len(before[-1]) > 4 and before[-1].endswith("ed") and before[-1] != "need"
    verb = len(before) - 1
    while verb > 0 and before[verb] in _HEDGES_BEFORE_LIKE:
        verb -= 1  # "sounds kind of like", "is a bit like"
    return hedge or past or (bool(before) and before[verb] in _PERCEPTION | _COPULAS)


_HEDGES_BEFORE_LIKE = frozenset("just a bit kind of kinda sort sorta really so more little".split())


_COPULAS = frozenset("is was were are been be being s isnt wasnt arent werent".split())
"""A copula before "like" makes it the preposition of a likeness ("my commute was like something out of
Speed", "the second is like Heat"): the verb "like" never follows one."""
_LIKE_SAYERS = _PERCEPTION | _COPULAS
"""Verbs before a "like" of likeness: what something seems or is like."""


_QUANTITIES = frozenset("two three four five six seven eight nine ten twenty fifty hundred dozen half "
                        "once twice thrice million thousand".split())
