"""The spelling of cue words: what a typo, a stretched word ("loooove") or a Spanish superlative,
augmentative or diminutive ("buenísima", "rollazo", "cerdito") is read as. ``tokens.tokenize`` applies
these to every word before the clause patterns of ``lexicon`` and ``verdict_words`` see it.
"""

from __future__ import annotations

import functools
import re

from chat_rec.understanding.lexicon import (
    ES_STOPWORDS,
    GENRE_PATTERNS,
    GENRE_RES,
    NEGATIVE,
    NUMBER_WORDS,
    ORDINALS,
    POSITIVE,
    SEEN,
    common_words,
    genre_word,
    is_known_word,
    known_words,
)
from chat_rec.understanding.request_words import REQUEST
from chat_rec.understanding.verdict_words import DEVOTED


def _verdict_and_request_patterns() -> list[str]:
    """The verdict and request patterns' text, the phrases of devotion left out: they are made of ordinary
    words ("watched it so many times"), no typo targets.
    """
    return [POSITIVE.pattern.replace(DEVOTED, " "), NEGATIVE.pattern, REQUEST.pattern]


@functools.lru_cache(maxsize=1)
def cue_words() -> frozenset[str]:
    """Words of the cue and genre patterns themselves (5+ letters): what a typo is corrected to."""
    sources = [*_verdict_and_request_patterns(), SEEN.pattern]
    sources += [pattern for pattern, _ in GENRE_PATTERNS]
    # and the dictionary words a genre pattern reads whole ("comedy", "comedies", "documentary"): a
    # stem in a pattern names no target, the word list does ("comdy" -> "comedy")
    named = {w for w in known_words() if len(w) >= 5 and any(regex.fullmatch(w) for regex, _ in GENRE_RES)}
    # and their plurals the patterns read ("westerns": "westrens" would be one swap from it, two from "western")
    named |= {f"{w}s" for w in named if any(regex.fullmatch(f"{w}s") for regex, _ in GENRE_RES)}
    # whole words only: "favorit[ao]s?" or "comed(?:y|ies)" are stems, never a correction target
    ordinals = {w for w in ORDINALS if len(w) >= 5 and w.isalpha()}  # "secnd one" is the second one
    return frozenset(w for src in sources for w in re.findall(r"(?<![\\?a-z])([a-z]{5,})(?=[|) ]|\\b|$)", src)) \
        | named | ordinals


_VERB_ENDING = re.compile(r"(?:aran|aras|eran|ieran|iera|ara|ase|asen|iese|aron|ieron|aba|aban|ia|ian|aria|arian)$")
"""Spanish verb endings: two forms of one verb one letter apart ("gustaran", "gustaron") are two tenses."""


_SUPERLATIVE = re.compile(r"([a-z]{3,}?)isim([oa])(s?)")
_AUGMENTATIVE = re.compile(r"([a-z]{3,}?)az([oa])(s?)")
_DIMINUTIVE = re.compile(r"([a-z]{3,}?)(c?)it([oa])(s?)")


def _is_cue(text: str) -> bool:
    return any(regex.search(form) for regex in (POSITIVE, NEGATIVE) for form in (text, f"un {text}"))


@functools.lru_cache(maxsize=20_000)
def plain_word(token: str) -> str:
    """A Spanish absolute superlative, augmentative or diminutive -> its plain word when only that
    one is a verdict cue ("pesadisima" -> "pesada", "flojisimo" -> "flojo", "larguisima" -> "larga",
    "rollazo" -> "rollo" of "un rollo", "mejorcito" -> "mejor", "lentito" -> "lento"); a form a cue
    names itself ("buenisima", "malisimo", "bonito") or no cue reads either way is kept.
    """
    if _is_cue(token):
        return token
    found = _SUPERLATIVE.fullmatch(token)
    if found:
        stem, gender, plural = found.groups()
        if stem.endswith("qu"):  # riqu-isimo: rico
            stem = stem[:-2] + "c"
        elif stem.endswith("gu"):  # largu-isimo: largo
            stem = stem[:-1]
        plain = stem[:-3] + "ble" + plural if stem.endswith("bil") else stem + gender + plural  # amabil-isimo
    elif found := _AUGMENTATIVE.fullmatch(token):
        stem, gender, plural = found.groups()
        plain = stem + gender + plural  # roll-azo: rollo
    elif found := _DIMINUTIVE.fullmatch(token):
        stem, c, gender, plural = found.groups()
        plain = stem if c else stem + gender + plural  # mejor-cito: mejor; lent-ito: lento
    elif len(token) >= 6 and token.endswith("es") and not is_known_word(token):
        # a Spanish plural of a cue adjective: excelente-s, genial-es
        return next((plain for plain in (token[:-1], token[:-2]) if _is_cue(plain)), token)
    else:
        return token
    return plain if _is_cue(plain) else token


def diminutive_base(token: str) -> str:
    """A Spanish diminutive -> its plain noun ("cerdito" -> "cerdo", "perritos" -> "perros",
    "cochecito" -> "coche"); any other word unchanged. The caller checks that the base means something.
    """
    found = _DIMINUTIVE.fullmatch(token) if len(token) >= 6 else None
    if not found:
        return token
    stem, c, gender, plural = found.groups()
    return stem + plural if c else stem + gender + plural


CHAT_SPELLINGS = {"wat": "what", "wut": "what", "wht": "what", "nite": "night", "tonite": "tonight",
                  "tho": "though", "thru": "through", "luv": "love", "gud": "good", "smth": "something",
                  "sth": "something", "somethin": "something", "nothin": "nothing", "anythin": "anything",
                  "lookin": "looking", "rly": "really", "realy": "really", "sumthing": "something",
                  "sumthin": "something", "nuthin": "nothing", "nuthing": "nothing", "ne1": "anyone",
                  "any1": "anyone", "some1": "someone", "every1": "everyone", "gr8": "great", "luvd": "loved",
                  "luved": "loved", "luvs": "loves", "luvin": "loving", "luving": "loving", "h8": "hate",
                  "h8d": "hated", "h8ed": "hated", "summat": "something", "owt": "anything", "nowt": "nothing"}
"""English chat spellings read as their words ("wat are some good westerns", "date nite"), and Northern English
"summat", "owt", "nowt" ("summat light"): general usage, too short for the typo corrector's one-edit rule."""

_RUN_TOGETHER = {"alot": "a lot", "aswell": "as well", "atleast": "at least", "inbetween": "in between",
                 "nevermind": "never mind", "eachother": "each other"}
_RUN_TOGETHER_WORD = re.compile(r"\b(?:" + "|".join(_RUN_TOGETHER) + r")\b", re.I)


def split_run_together(text: str) -> str:
    """Words people type run together written apart ("loved the dark knight alot" -> "… a lot"), so the
    words after a lowercase title read as they do when typed apart.
    """
    return _RUN_TOGETHER_WORD.sub(lambda m: _RUN_TOGETHER[m.group().lower()], text)


def unstretch(token: str) -> str:
    """A word stretched for emphasis back to its form ("loooove" -> "love", "gooood" -> "good",
    "sooo" -> "so"): runs of three or more letters become two or one, whichever spells a frequent or
    cue word (two first); a run of one letter alone ("zzz") stays as it is.
    """
    if not re.search(r"([a-z])\1\1", token) or len(set(token)) == 1:
        return token
    known = common_words() | cue_words() | ES_STOPWORDS
    for form in (re.sub(r"([a-z])\1{2,}", r"\1\1", token), re.sub(r"([a-z])\1{2,}", r"\1", token)):
        if form in known:
            return form
    return re.sub(r"([a-z])\1{2,}", r"\1", token)


@functools.lru_cache(maxsize=1)
def _short_cue_words() -> frozenset[str]:
    """The four-letter words of the verdict and request patterns ("like", "love", "hate", "more")."""
    return frozenset(w for src in _verdict_and_request_patterns()
                     for w in re.findall(r"(?<![\\?a-z])([a-z]{4})(?=[|) ]|\b|$)", src))


def _swapped_short_cue(token: str) -> str:
    """A four-letter word no dictionary knows with two adjacent letters of a four-letter cue word swapped
    ("liek" -> "like", "lvoe" -> "love", "haet" -> "hate"); any other edit of so short a word is too often
    another word or a name.
    """
    if token in _short_cue_words() or token in ES_STOPWORDS or is_known_word(token):
        return token
    near = [w for w in _short_cue_words() if sorted(w) == sorted(token)
            and sum(a != b for a, b in zip(w, token, strict=True)) == 2
            and any(w[i:i + 2] == token[i + 1] + token[i] for i in range(3))]
    if not near:  # "crme dramas": a letter dropped from a genre's five-letter name, which no other word is near
        near = [w for w in cue_words() if len(w) == 5 and genre_word(w)
                and any(w[:i] + w[i + 1:] == token for i in range(1, 5))]  # (not its first letter: "rime")
    return near[0] if len(near) == 1 else token


_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOUR_KEYS = {ch: {row[j] for j in (i - 1, i + 1) if 0 <= j < len(row)}
                   for row in _KEY_ROWS for i, ch in enumerate(row)}
"""Letters beside each other on a QWERTY keyboard, for slips on a phone ("firdt" for "first")."""


def _next_key_slip(word: str, token: str) -> bool:
    """Whether ``token`` is ``word`` with one letter replaced by the key beside it."""
    diff = [(a, b) for a, b in zip(word, token, strict=True) if a != b] if len(word) == len(token) else []
    return len(diff) == 1 and diff[0][1] in _NEIGHBOUR_KEYS.get(diff[0][0], set())


_CHAT_K = re.compile(r"k(?=[ei])")
"""Spanish chat spelling writes "qu" before e and i as "k" ("kiero", "ke", "aki")."""


@functools.lru_cache(maxsize=20_000)
def correct_typo(token: str, spanish: bool = False, following: str = "") -> str:
    """A misspelt cue word -> the cue word ("amazng" -> "amazing", "somethng" -> "something"). With two
    near words, the one a genre's name holds wins, alone ("thrillr") or with the ``following`` word
    ("sciene fiction": *science*, not *scene*).

    Only tokens that are no known English word, no cue word and no Spanish stopword are
    corrected, and only to the single cue word one edit away. In a Spanish message (``spanish``)
    an English word is a target only as a genre's name or a cognate's stem ("moderno" -> "modern"):
    "los bailes" is no misspelt "bailed".
    """
    if spanish and token.isalpha() and token not in ES_STOPWORDS and token not in cue_words():
        spelt = _CHAT_K.sub("qu", token).replace("sion", "cion")  # "kiero" -> "quiero", "animasion" -> "animacion"
        if spelt != token and (spelt in ES_STOPWORDS or spelt in cue_words()):
            return spelt
    if len(token) == 4 and token.isalpha() and not spanish:
        return _swapped_short_cue(token)
    if len(token) < 5 or not token.isalpha() or token in cue_words() or token in ES_STOPWORDS \
            or token in NUMBER_WORDS:  # "cuatro" is no misspelt "cuarto"
        return token
    known = known_words()
    if len(known) > 5000 and token in known and (len(token) < 7 or token in common_words()):
        return token
    from rapidfuzz.distance import OSA  # one edit: a letter added, dropped, changed or swapped

    near = [w for w in cue_words() if abs(len(w) - len(token)) <= 1 and OSA.distance(w, token) <= 1
            and (len(token) > 5 or len(w) != len(token) or sorted(w) == sorted(token)
                 or token not in known and _next_key_slip(w, token))  # "firdt": s and d sit side by side
            and not (w[:-3] == token[:-3] and _VERB_ENDING.search(token))  # "gustaran" is no misspelt "gustaron"
            and not (spanish and _VERB_ENDING.search(token) and _VERB_ENDING.search(w))  # "pondría" is no "podría"
            and not (spanish and is_known_word(w) and not genre_word(w) and not token.startswith(w)
                     and w not in ORDINALS)
            and (w[0] == token[0] or token not in known and not spanish)]  # a dictionary word ("bowling")
    # misspelt in its first letter ("howling") is rarely a typo; nor is a Spanish word, which the English
    # dictionary cannot vouch for ("vienen" is no misspelt "tienen")
    # a five-letter word one letter off another is often a real word ("obras", "otras"): there only a
    # dropped, doubled or swapped letter counts as a typo ("horor")
    genres = [w for w in near if genre_word(w) or following and genre_word(f"{w} {following}")]
    if len(near) > 1 and len(genres) == 1:
        return genres[0]  # "thrillr": one edit from "thriller" and from "thrill"; the genre's name is meant
    if not near and len(token) >= _TWO_SLIPS and token not in known and not spanish:
        far = [w for w in cue_words() if genre_word(w) and w[0] == token[0] and abs(len(w) - len(token)) <= 2
               and OSA.distance(w, token) <= 2]
        if len(far) == 1:
            return far[0]  # "comdeys": two slips from "comedy" and no other genre's name near
    return near[0] if len(near) == 1 else token


_TWO_SLIPS = 7
"""A word no dictionary knows, this long, may be a genre's name two slips away ("comdeys", "documentrys")."""
