"""Verdicts given to a list in its order ("4/10, 7/10, 9/10 in that order", "3 stars, 5 stars, 1 star
respectively"): each is said of the listed film at its place, so the places are written in before the
message is read ("the first one 4/10, the second one 7/10, …"), and the clause reader judges each one.
"""

from __future__ import annotations

import re

_ORDER_CUE = re.compile(r"\b(?:in (?:that|the same|this) order|in order|respectively|en (?:ese|el mismo|este) orden"
                        r"|en orden|respectivamente)\b", re.I)
_RATING = re.compile(r"(?<![\w/.])(?:10|\d)(?:[.,]\d)?\s*(?:/\s*10|out of (?:10|ten))(?![\w/])"
                     r"|(?<![\w/.])[0-5](?:[.,]\d)?\s*(?:/\s*5|stars?|estrellas?|out of (?:5|five))(?![\w/])", re.I)
_PLACES = ("first", "second", "third", "fourth", "fifth", "sixth")


def name_places(text: str, listed: int) -> str:
    """``text`` with each rating named by its place when it rates a list of ``listed`` films in order;
    unchanged unless an order cue is said and there are exactly as many ratings as listed films.
    """
    if not 2 <= listed <= len(_PLACES) or not _ORDER_CUE.search(text):
        return text
    ratings = list(_RATING.finditer(text))
    if len(ratings) != listed:
        return text
    for place, m in reversed(list(enumerate(ratings))):
        text = f"{text[:m.start()]}the {_PLACES[place]} one {m.group()}{text[m.end():]}"
    return _ORDER_CUE.sub(" ", text)
