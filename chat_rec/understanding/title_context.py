"""Where a title found in a text stands: whether it opens a sentence, a year beside it that dates it
(or names another film), a sequel number after it, "original" before it, or a longer capitalised
name it only ends ("All at Once" is not the film *Once*).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from chat_rec.understanding import lexicon, years
from chat_rec.understanding.title_cues import (
    _ARTICLES,
    _COUNTED,
    _NAME_GLUE,
    _NAME_WORDS,
    _NUMBER_WORDS,
    _ORIGINAL,
    _PART_WORDS,
    _SEQUEL_MARKS,
    _VERB_AFTER,
)
from chat_rec.understanding.title_keys import _YEAR, _Token


def at_start(text: str, i: int, first: _Token) -> bool:
    """Whether a token opens a sentence (where a capital letter says nothing); an emoji ends one ("mind
    blown 🤯 More like it?").
    """
    return i == 0 or bool(re.search(r"(?:[.!?¡¿\n:;\"(]|[\u2600-\u27bf\U0001f000-\U0001faff]\ufe0f?)\s*$",
                                    text[max(0, first.start - 4):first.start]))


def nearby_year(tokens: list[_Token], i: int, n: int) -> int | None:
    """A four-digit year just before or within three tokens after a title, or a two-digit one
    after "del" / "de" within four ("Vi Titanic, la del 53": the 1953 one).
    """
    for j, token in enumerate(tokens[i + n:i + n + 4]):
        if token.key in lexicon.NEGATORS:
            break  # "Psycho, not the 1998 remake": that year is the one they mean not
        if _YEAR.match(token.key) and j < 3:
            return int(token.key)
        if len(token.key) == 2 and token.key.isdigit() and j and tokens[i + n + j - 1].key in {"del", "de"}:
            return years.full_year(token.key)
    before = [t for t in tokens[max(0, i - 1):i] if _next_to(t, tokens[i])]
    ruled_out = any(t.key in lexicon.NEGATORS for t in tokens[max(0, i - 3):i - 1])
    if before and _YEAR.match(before[0].key) and not ruled_out:  # "not the 1990 Night of the..."
        return int(before[0].key)
    return None


def _next_to(before: _Token, title: _Token) -> bool:
    """Only a space between a year and the title after it ("the 1990 Night of the Living Dead"); a year
    closing a bracket before a comma ("Django Unchained (2012), Reservoir Dogs") is the film before's.
    """
    return title.start - before.end <= 1


def other_year(tokens: list[_Token], i: int, n: int, own: int | None) -> bool:
    """A year written right beside the title that the found film (of the year ``own``) does not have
    ("Cats (2019)" when the catalog holds the 1998 one): another film of that name, not in the catalog.
    """
    beside = [t.key for t in tokens[i + n:i + n + 1]]
    if not any(t.key in lexicon.NEGATORS for t in tokens[max(0, i - 3):i - 1]):  # "not the 1990 X"
        beside += [t.key for t in tokens[max(0, i - 1):i] if _next_to(t, tokens[i])]
    years = [int(k) for k in beside if _YEAR.match(k)]
    return bool(years) and own is not None and all(abs(y - own) > 1 for y in years)


def sequel_after(tokens: list[_Token], j: int) -> bool:
    """A sequel number right after a title ("Frozen 2", "Dune: Part Two"), not a count ("Heat 2 times")."""
    if j + 1 < len(tokens) and tokens[j].key in _PART_WORDS and tokens[j].start - tokens[j - 1].end <= 3 \
            and (tokens[j + 1].key in _SEQUEL_MARKS or tokens[j + 1].key in _NUMBER_WORDS):
        return True
    if j >= len(tokens) or tokens[j].key not in _SEQUEL_MARKS or tokens[j].start - tokens[j - 1].end > 1:
        return False
    after = tokens[j + 1].key if j + 1 < len(tokens) else ""
    return after not in _COUNTED


_DESCRIBED = frozenset("one ones version versions remake cut movie film".split())
"""Nouns after capitalised words that tell which film is meant ("The Clooney one"): a description, no subtitle."""

_VERSION_WORDS = frozenset("cut edition remastered remaster restored version".split())
"""Words of a subtitle that names a version of the same film ("The Final Cut", "Extended Edition")."""

_SUBTITLE_GLUE = frozenset("of the a an de la el del".split())
"""Small words a subtitle holds between its capitalised words ("The Way of Water")."""


def subtitle_after(text: str, tokens: list[_Token], j: int, said_of_films: Collection[str] = ()) -> int:
    """How many words after a title at token ``j`` are a subtitle the catalog did not match with it
    ("Top Gun: Maverick", "Avatar: The Way of Water"): a colon right after the title, then capitalised
    words joined by spaces and small words; the message names a film the catalog lacks, not the
    title before the colon. One word must be no ordinary word and no word of what the catalog says
    of its films (``said_of_films``: its tags and cast, "pacino", "spielberg"): "Jaws: Still the
    best", "Heat: Pacino at his peak" are remarks, as is any lowercase word; 0 when there is none.
    """
    if j == 0 or j >= len(tokens) or not re.fullmatch(r":[ \t]+", text[tokens[j - 1].end:tokens[j].start]):
        return 0
    capitals, k, last = 0, j, 0
    while k < len(tokens) and (k == j or text[tokens[k - 1].end:tokens[k].start] == " "):
        raw = tokens[k].raw
        if raw[:1].isupper() and raw != "I":
            capitals, last = capitals + 1, k - j + 1
        elif raw not in _SUBTITLE_GLUE or k == j:
            break
        k += 1
    if capitals == 1 and (tokens[j].key in lexicon.common_words() or tokens[j].key in said_of_films):
        return 0
    after = j + last
    if after < len(tokens) and tokens[after].key in _DESCRIBED or any(
            t.key in _VERSION_WORDS for t in tokens[j:after]):
        return 0  # "Ocean's Eleven: The Clooney one", "Blade Runner: The Final Cut": which film, not another
    return last


_CORRELATIVE = frozenset("better worse more less merrier".split())


def correlative(tokens: list[_Token], i: int, n: int) -> bool:
    """Whether the words at ``i`` stand in "the X-er the better": a comparative, never a title ("the
    twistier the better" names no *Twister*, "the scarier the better" no *Scary Movie*).
    """
    return i > 0 and tokens[i - 1].key == "the" and i + n + 1 < len(tokens) and tokens[i + n].key == "the" \
        and tokens[i + n + 1].key in _CORRELATIVE


def spelt_sequel(text: str, tokens: list[_Token], j: int) -> int | None:
    """A sequel number spelt as a word right after a title ("toy story three", "scream dos"), or None.

    Only a word of two or more standing alone after the title with a space between, ending its
    phrase: no counted or timed noun after it ("Heat two times", "Toy Story two days ago"), and no
    plural word (what a number before it counts).
    """
    if j >= len(tokens) or not text[tokens[j - 1].end:tokens[j].start].isspace():
        return None
    number = lexicon.NUMBER_WORDS.get(tokens[j].key) if not tokens[j].key.isdigit() else None
    if number is None or number < 2:
        return None
    after = tokens[j + 1].key if j + 1 < len(tokens) and text[tokens[j].end:tokens[j + 1].start].isspace() else ""
    if after in _COUNTED or (after.endswith("s") and after not in _VERB_AFTER) or after in lexicon.TIME_NOUNS:
        return None
    return number


SERIES_ORDINALS = {**lexicon.ORDINALS, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "septima": 7, "septimo": 7,
                    "octava": 8, "octavo": 8}
_ORDINAL_OPENERS = frozenset("the la el my".split())


def ordinal_before(tokens: list[_Token], i: int, text: str) -> int | None:
    """An ordinal right before the title at token ``i``, with only a space between, that counts the films of
    its series ("the third Toy Story", "3rd harry potter", "la segunda Paddington"): after "the" / "la" /
    "el", "my", or opening the text; or None ("Not the third. Out of Africa …" is a list position, then a
    title).
    """
    if i >= 3 and tokens[i - 1].key in {"of", "de"} and tokens[i - 2].key in _PART_NOUNS \
            and text[tokens[i - 3].end:tokens[i].start].strip(" ") == f"{tokens[i - 2].raw} {tokens[i - 1].raw}":
        i -= 2  # "the second part of Paddington", "la segunda parte de Paddington", "the third one of Toy Story"
    if i == 0 or (number := SERIES_ORDINALS.get(tokens[i - 1].key)) is None \
            or not text[tokens[i - 1].end:tokens[i].start].isspace():
        return None
    return number if i == 1 or tokens[i - 2].key in _ORDINAL_OPENERS or tokens[i - 2].key in {",", "."} else None


_PART_NOUNS = frozenset("part parte one movie film peli pelicula installment instalment entrega".split())


def inside_name(text: str, tokens: list[_Token], i: int, title_ends: Collection[int] = (),
                misspelt: bool = False) -> bool:
    """Whether the title at token ``i`` ends a longer capitalised name: a capitalised word that
    does not open a sentence comes before it, joined only by spaces and small words ("All at
    Once" is not the film Once; "I watched Once", "Heat and Once" are). A word that ends a title
    already found (``title_ends``, token indices) is no part of a name: "I prefer Alien to Fargo"; nor is a
    possessive right before it ("Nolan's Memento").
    A ``misspelt`` title after a capitalised article owns it ("vi El orfanto"); spelt right, the
    article and the word are a name ("El Salvador" is the country, not the film Salvador).
    """
    j = i - 1
    while j >= 0 and tokens[j].raw in _NAME_GLUE and text[tokens[j].end:tokens[j + 1].start].isspace():
        j -= 1
    if j < 0 or j in title_ends or not text[tokens[j].end:tokens[j + 1].start].isspace():
        return False
    k = j  # "the John Wayne True Grit": a maker's name of up to three capitalised words after "the"
    while k > 0 and j - k < _NAME_WORDS - 1 and tokens[k - 1].raw[:1].isupper() and tokens[k - 1].key not in _ARTICLES:
        k -= 1
    opening = k - 1 == 0 or at_start(text, k - 1, tokens[k - 1])
    if k > 0 and tokens[k - 1].key in {"the", "la", "el"} and (tokens[k - 1].raw.islower() or opening or k != j):
        return False  # "the Cameron Titanic", "The Pacino Scarface": a maker naming which film, not a longer title
    raw = tokens[j].raw
    if j == i - 1 and raw.endswith(("'s", "’s")) and len(raw) > 3:
        return False  # "Hitchcock's Rear Window", "Nolan's Memento": a maker's possessive, the title after it
    if misspelt and j == i - 1 and tokens[j].key in _ARTICLES:
        return False  # "vi El orfanto": the capital is the title's own article, no longer name
    opens = j == 0 or bool(re.search(r"[.!?¡¿\n:;\"(]\s*$", text[max(0, tokens[j].start - 4):tokens[j].start]))
    return raw[:1].isupper() and not raw.isupper() and raw != "I" and not opens


def original_before(keys: Sequence[str], i: int) -> bool:
    """"original" right before the title at token ``i``, or one describing word before it ("the
    original Scarface", "the original korean Oldboy"; not "the original and Oldboy").
    """
    if i > 0 and keys[i - 1] in _ORIGINAL:
        return True
    return (i > 1 and keys[i - 2] in _ORIGINAL and keys[i - 1].isalpha()
            and keys[i - 1] not in lexicon.EN_STOPWORDS and keys[i - 1] not in lexicon.ES_STOPWORDS)


_REMAKE = frozenset({"remake", "reboot", "reimagining", "remakes"})


def remake_near(keys: Sequence[str], i: int, n: int) -> bool:
    """"remake" or "reboot" right after the title at tokens ``i`` … ``i + n - 1`` or before it ("the Planet
    of the Apes remake", "the remake of Psycho", "el remake de Carrie"): the later film of that title.
    """
    after = keys[i + n] if i + n < len(keys) else ""
    before = keys[max(0, i - 2):i]
    return after in _REMAKE or bool(before[-1:] and before[-1] in _REMAKE) or (
        len(before) == 2 and before[0] in _REMAKE and before[1] in {"of", "de", "del"})


_POINTER_ENDS = frozenset({"one", "version", "film", "movie", "was", "is", "were", "fue", "es"})
"""Words after "the remake" / "the original" that leave it standing for a film ("the original was better")."""


def version_pointer(text: str, tokens: Sequence[_Token], j: int) -> str | None:
    """"the remake" / "the original" standing for a film of its own at token ``j`` ("Get Carter is a classic.
    The remake was rubbish."): "remake" or "original", read against the title named before it; None where
    the word qualifies a noun ("the original cast"), names its film ("the remake of Psycho"), or sets a
    version apart ("not the remake").
    """
    word = tokens[j].key
    kind = "remake" if word in _REMAKE - {"remakes"} else "original" if word in _ORIGINAL else None
    if kind is None or j == 0 or tokens[j - 1].key not in {"the", "el", "la"}:
        return None
    if j > 1 and tokens[j - 2].key in lexicon.NEGATORS | {"ni", "nor"}:
        return None  # "Psycho, not the remake": a version set apart, no verdict on it
    if j + 1 == len(tokens) or re.search(r"[,;:.!?…)—–]", text[tokens[j].end:tokens[j + 1].start]):
        return kind
    after = tokens[j + 1].key
    return kind if after in _POINTER_ENDS or after in _VERB_AFTER else None
