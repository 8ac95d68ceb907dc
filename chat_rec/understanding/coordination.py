"""Lists and coordination: when "and"/"y" joins two clauses, and when a clause only goes on a list.

``splits_coordination`` cuts "I loved Heat and hated Ronin" into two clauses, each with its own
verdict, and keeps "Heat and Ronin were great" one; ``list_only`` tells a clause that only continues
a list of titles or genres ("..., Ronin and Collateral"). The clause reader (clause_reader.py) calls
both; like clauses.py, they read folded keys.
"""

from __future__ import annotations

import re

from chat_rec.understanding import comparisons, lexicon, who_watches
from chat_rec.understanding.clauses import HARD_BREAKS
from chat_rec.understanding.familiarity import UNFAMILIAR

LIST_WORDS = frozenset("qqtitle and y or o e also too tambien plus the la el los las a an".split())


def list_only(text: str) -> bool:
    """A clause that only continues a list of titles or genres ("..., Ronin and Collateral")."""
    for regex, _ in lexicon.GENRE_RES:
        text = regex.sub(" qqgenre ", text)
    words = text.split()
    return bool(words) and any(w in {"qqtitle", "qqgenre"} for w in words) and all(
        w in LIST_WORDS or w in {"qqgenre", "movies", "films", "pelis", "peliculas"} for w in words)


def refused_list_goes_on(keys: list[str], lo: int) -> bool:
    """Whether the rest of the sentence from ``lo``, after a clause that only refused what it named ("no
    horror, …"), only goes on with that list, joined by "or" ("…, westerns or musicals", "…, ni westerns
    ni musicales"): one negator for the whole list. Without "or" the words after the comma may be the
    alternative ("no horror, a western") and are left to the other rules.
    """
    end = next((i for i in range(lo, len(keys)) if keys[i] in {".", "?", "!"}), len(keys))
    rest = [k for k in keys[lo:end] if k != ","]
    return bool(rest) and rest[0] not in {"a", "an", "un", "una"} and bool(set(rest) & {"or", "nor", "o", "ni"}) \
        and list_only(" ".join(rest))


COORDINATORS = frozenset({"and", "y", "e", "&"})
_OWN_VERB = frozenset("is was were are s felt feels seemed seems looked looks got gets has had made makes left "
                      "leaves gave gives kept bored bores blew rocks rocked sucks sucked remains stays "
                      "es fue era son fueron me nos parecio parece resulto sigue".split())


_NEGATORS = frozenset("no not never nunca tampoco".split())
"""Negators that open a predicate of their own right after "and"/"y" (Spanish drops the subject)."""
_NEW_SUBJECTS = frozenset("i we he she they im ive id hes shes theyre theyve weve".split())
"""Subject pronouns that open a clause after "and" ("… bored me and I haven't seen X"), also folded with
their verb ("I'm" is "im"; not "ill", "were", "well", which are words of their own); "you" and
Spanish "yo" are left out ("Heat and you know what", "y yo que sé")."""


def has_cue(text: str) -> bool:
    return bool(lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text))


def _judges(text: str) -> bool:
    """A verdict, or a statement of having seen or not knowing a film: a predicate of its own."""
    return has_cue(text) or bool(UNFAMILIAR.search(text) or lexicon.SEEN.search(text))


_FILM_KIND = re.compile(r"\b(?:movies|films|flicks|peliculas|pelis|anything|stuff|cosas)\b")
"""A kind of film named on the right of "and" ("…and hate long films", "y no soporta las pelis de ahora")."""


def _names_position(words: list[str]) -> bool:
    """Whether words open with a listed film's position or a Spanish description of one ("the third",
    "la última", "the other", "la del medio", "la de guerra").
    """
    return len(words) >= 2 and words[0] in {"the", "la", "el", "las", "los"} and (
        words[1] in lexicon.ORDINALS or words[1] in lexicon.LAST_WORDS
        or words[1] in {"other", "others", "otra", "otro", "otras", "otros"}
        or len(words) >= 3 and words[0] != "the" and words[1] in {"de", "del"})  # "la del medio", "la de guerra"


def splits_coordination(keys: list[str], i: int, start: int) -> bool:
    """Whether "and"/"y" at ``keys[i]`` joins two clauses, each with its own verdict.

    "I loved Heat and hated Ronin", "Arrival was a marvel and Her bored me": the right side has a
    verdict of its own (a cue word besides the left's, or its own title as the subject of a verb),
    or a subject pronoun of its own after a left side that judges a title ("Gravity bored me and I
    haven't seen the last one"), so the left's verdict does not reach it. A list ("Heat and Ronin were
    great") is one clause.
    """
    if keys[i] not in COORDINATORS or i <= start:
        return False
    end = next((j for j in range(i + 1, len(keys)) if keys[j] in HARD_BREAKS or lexicon.CONTRAST.fullmatch(keys[j])),
               len(keys))
    left, right = " ".join(keys[start:i]), keys[i + 1:end]
    if right and _names_position(right) and _judges(left) and _judges(" ".join(right)):
        # "la segunda me pareció un bodrio y la tercera no la conozco", "the third I've seen and the fifth looks good"
        return True
    right_text = " ".join(right)
    if right and not list_only(left) and has_cue(left) and has_cue(right_text) and lexicon.mentions_genre(left) \
            and (lexicon.mentions_genre(right_text) or _FILM_KIND.search(right_text)):
        return True  # "I love westerns and hate musicals", "me encantan los westerns y no soporto los musicales"
    if not right or list_only(left):
        return False
    if len(right) > 2 and right[0] in _NEGATORS and has_cue(left) and lexicon.mentions_genre(left) \
            and lexicon.mentions_genre(right_text) and not list_only(left):
        return True  # "me encantan los musicales y no soy mucho de ciencia ficción": a predicate of its own
    if len(right) > 1 and right[0] in _NEW_SUBJECTS and has_cue(right_text) and "qqtitle" in keys[start:i] \
            and comparisons.compared_from(keys[start:i]) is not None:
        return True  # "it's even dumber than Speed and I couldn't stand that one": the comparison, then a verdict
    if len(right) > 1 and right[0] in _NEW_SUBJECTS and has_cue(left) and (
            "qqtitle" in keys[start:i] or _names_position(keys[start:i])
            or lexicon.mentions_genre(left) and lexicon.mentions_genre(right_text)):
        return True  # "Gravity bored me and I haven't seen the last one", "I love musicals and I'm not much for
        # sci-fi", "the second was dull and I never saw the third": a subject of its own, a clause of its own
    if has_cue(left) and who_watches.AGREEMENT.match(right_text):
        return True  # "my brother hated Alien and so did I": the person agreeing, a clause of its own
    if len(right) > 1 and right[0] in {"i", "we"} and has_cue(right_text) and len(keys[start:i]) >= 3 and (
            who_watches.OUTSIDER_SUBJECT.match(left) or who_watches.HOUSEHOLD_SUBJECT.match(left)):
        return True  # "my mate showed me Heat and we both loved it": someone else's deed, then the person's verdict
    if "qqtitle" not in keys[start:end]:
        return False
    j = 0
    while j < len(right) and right[j] == "qqtitle":
        j += 1
    own_subject = 0 < j < len(right) and right[j] in _OWN_VERB
    return own_subject or (has_cue(left) and has_cue(" ".join(right)))
