"""Titles as lookup keys, and text as word tokens: what the resolver matches on.

``tokenize`` cuts text into folded word tokens with their spans ("Gladiator's" -> "gladiator",
"L.A." one word); ``title_variants`` gives the keys that name a catalog item (the full title, its
article moved or dropped, alternative titles in parentheses, sequel numbers as people type them,
the parts of a "head: tail" title); ``SPANISH_TITLES`` the famous Spanish release titles.
``understanding.resolver.TitleResolver`` indexes these keys and decides which matches in a message
are films.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold, move_article, split_year
from chat_rec.understanding import lexicon

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*|&")
"""Words; a dotted acronym is one word ("L.A.", "E.T."), so it matches "LA" and "ET" too."""
_POSSESSIVE = re.compile(r"['’][sS]$")
_DOTTED_START = re.compile(r"(?:[^\W\d_]\.){2,}")
"""A title opening with a dotted acronym ("L.A. Story"): its first word is no article."""
_PARENS = re.compile(r"\s\(([^()]*)\)")
_TRAILING_PARENS = re.compile(r"(?:\s\([^()]*\))+$")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an|el|la|los|las|le|les|l|il|der|die|das) (?=\S)")
_YEAR = re.compile(r"^(?:18[89]\d|19\d\d|20[0-3]\d)$")


_MINOR = frozenset("the a an of and or to in on at for with from by la el los las un una de del y en con".split())


_NOUNS_AFTER = frozenset("movies films flicks ones stuff genre movie film series picture pictures".split())


@functools.lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    """Words that never start or carry a fuzzy title match."""
    return lexicon.common_words() | lexicon.ES_STOPWORDS | frozenset(lexicon.ORDINALS)

def _spanish_titles() -> dict[str, tuple[str, int]]:
    """Famous Spanish release titles -> (English title, year), from spanish_titles.tsv."""
    out: dict[str, tuple[str, int]] = {}
    path = Path(__file__).with_name("spanish_titles.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) != 3 or not parts[2].isdigit():
            continue
        out[parts[0]] = (parts[1], int(parts[2]))
    return out


SPANISH_TITLES = _spanish_titles()


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int
    raw: str


@functools.lru_cache(maxsize=50_000)
def _fold_token(raw: str) -> str:
    return fold(_POSSESSIVE.sub("", raw)).replace(" ", "")


_BETWEEN_WORDS = re.compile(r"['’]?\s+\w")
"""A single letter "n" between spaces (or "'n'") and before a word is chat's "and" ("heat n ronin", "rock 'n' roll")."""


def tokenize(text: str) -> list[_Token]:
    """Folded word tokens with their character spans; "Gladiator's" -> "gladiator"."""
    tokens: list[_Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if raw == "&" or raw in {"n", "N"} and _BETWEEN_WORDS.match(text, match.end()) and match.start() > 0 \
                and text[match.start() - 1] in " '’":
            tokens.append(_Token("and", match.start(), match.end(), raw))  # "heat n ronin": "n" for "and"
            continue
        key = _fold_token(raw)
        if key:
            tokens.append(_Token(key, match.start(), match.end(), raw))
    return tokens


def fold_key(text: str) -> str:
    """The lookup key of a title or phrase: its folded tokens joined by spaces."""
    return " ".join(token.key for token in tokenize(text))


def title_variants(item: Item) -> list[tuple[str, int]]:
    """(key, priority) pairs naming ``item``: 0 the full title, higher for partial forms."""
    base, _ = split_year(item.raw_title or item.title)
    trailing = _TRAILING_PARENS.search(base)  # "(Lola rennt)" after the title; "You Are (Not) Alone" keeps its own
    first = trailing.start() if trailing else -1
    main = base if first <= 0 else base[:first]
    alts = [m.group(1) for m in _PARENS.finditer(base[first:])] if first > 0 else []
    out: dict[str, int] = {}

    def add(text: str, priority: int) -> None:
        key = fold_key(text)
        if key and (key not in out or out[key] > priority):
            out[key] = priority
        stripped = key if _DOTTED_START.match(text) else _LEADING_ARTICLE.sub("", key)
        if stripped != key and stripped not in out:  # "L.A. Story" folds to "la story": an acronym, no article
            out[stripped] = priority + 1

    natural = move_article(main)
    add(natural, 0)
    if re.search(r"\w-\w", natural):  # "spiderman", "xmen": a hyphenated title typed as one word
        add(re.sub(r"(?<=\w)-(?=\w)", "", natural), 1)
    if item.title and item.title != natural:
        add(item.title.split(" (")[0] if not item.title.startswith("(") else item.title, 0)
    for alt in alts:
        alt = re.sub(r"^(?:a\.k\.a\.|aka|also known as)\s*", "", alt.strip(), flags=re.I)
        if alt:
            add(move_article(alt), 1)
    numbered = _numbered(fold_key(natural))
    if numbered:  # "The Godfather: Part II" as people type it: "godfather part 2", "godfather 2"
        for key in numbered:
            add(key, 2)
    for part in colon_parts(natural):
        add(part, 3)
    return list(out.items())


def named_tail(title: str) -> str | None:
    """The subtitle of a "head: tail" title that ``colon_parts`` leaves out for having one rarer word
    only ("Fury Road", "Catching Fire", "Judgment Day"; after a dash, "Ghost Protocol"): two or three
    words, letters only. The
    resolver takes it only typed with capitals ("loved Fury Road", not "a fury road trip").
    """
    if ": " not in title:
        return None
    tail = title.partition(": ")[2]
    tail = tail.split(" - ", 1)[1] if " - " in tail else tail  # "Mission: Impossible - Ghost Protocol"
    words = fold_key(tail).split()
    rare = [w for w in words if w not in _stop()]
    if not 2 <= len(words) <= 3 or len(rare) != 1 or tail in colon_parts(title) or _NOUNS_AFTER & set(words) \
            or _is_genre(" ".join(words)) or not all(w.isalpha() for w in words):
        return None
    return tail


_PART_AFTER = re.compile(r":? [Pp]art (\d)$")
"""A part's number closing a series film's subtitle ("…: Part 2")."""
_SERIES_JOIN = re.compile(r"^(?P<head>.+?)(?:: | and the | & the |['’]s )(?P<tail>.+)$")


def series_tail(title: str) -> tuple[str, str] | None:
    """(series name, what people call the film) for a series film's title whose part after the series'
    name is two or more words of ordinary vocabulary that ``colon_parts`` and ``named_tail`` leave out:
    "Glass Harbour" of "Captain Moss and the Glass Harbour", "Winter Circus" of "Doctor Fenn's Winter
    Circus", "Return of the Old King" of "Saga: The Return of the Old King", "Frozen Gate part 2" of "Captain Moss
    and the Frozen Gate: Part 2" (invented titles). Letters only,
    two words that are not small ones, no sequel number, film noun or genre. The resolver keeps it for a
    well-known film alone, when another title opens with the same series name.
    """
    match = _SERIES_JOIN.match(title.split(" (")[0])
    if match is None:
        return None
    said = match.group("tail")
    part = _PART_AFTER.search(said)  # "Deathly Hallows: Part 2": the part's number stays in what people call it
    said = said[:part.start()] if part else said
    if ": " in said:
        return None
    tail = _LEADING_ARTICLE.sub("", fold_key(said))
    words = tail.split()
    content = [w for w in words if w not in _MINOR and w not in lexicon.EN_STOPWORDS]
    if len(content) < 2 or not all(w.isalpha() for w in words) \
            or {"part", "episode", "chapter", *ROMAN_NUMERALS} & set(words) \
            or _NOUNS_AFTER & set(words) or _is_genre(tail) or match.group("tail") in colon_parts(title):
        return None
    return fold_key(match.group("head")), f"{tail} part {part.group(1)}" if part else tail


def coined_word(word: str) -> bool:
    """A folded title word that no vocabulary holds ("shawshank", "lebowski", "totoro"): when one
    well-known film's title has it and no other title does, people name the film by it. Without a
    vocabulary no word is taken.
    """
    return len(lexicon.known_words()) > 5000 and len(word) >= 5 and word.isalpha() and word.isascii() \
        and not lexicon.is_known_word(word) and word not in _stop() and not _is_genre(word) \
        and not _inflected(word)


_SUFFIXES = (("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("er", ""), ("ers", ""), ("est", ""), ("s", ""),
             ("es", ""), ("ies", "y"), ("ier", "y"), ("less", ""), ("ness", ""), ("ly", ""), ("y", ""))


def _inflected(word: str) -> bool:
    """An ordinary word the vocabulary holds only in another form ("undiscovered", "sleepless"): no coinage."""
    for suffix, ending in _SUFFIXES:
        stem = word[:-len(suffix)] + ending if word.endswith(suffix) else ""
        doubled = stem[-1:] == stem[-2:-1] and lexicon.is_known_word(stem[:-1])  # "shopping" of "shop"
        if len(stem) >= 3 and (lexicon.is_known_word(stem) or doubled):
            return True
    return word.startswith("un") and lexicon.is_known_word(word[2:])


def coined_head(title: str) -> str | None:
    """The one-word head of a "Head: tail" title when it is a coinage, no word of the general vocabulary
    ("Anchorman", "Borat", "Dodgeball"): people name the film by it. A head the vocabulary knows
    ("Alaska", "Sherlock", "Dragons") is a place, a person or a thing first; without a vocabulary no
    head is taken. The resolver keeps it only for a well-known film that no other title starts with.
    """
    if ": " not in title or len(lexicon.known_words()) <= 5000:
        return None
    head = fold_key(title.partition(": ")[0])
    if len(head) < 4 or not head.isalpha() or not head.isascii() or lexicon.is_known_word(head) \
            or head in _stop() or _is_genre(head):
        return None
    return head


_HEAD_ENDS = frozenset("of and in on for to with from at or by".split())


def title_head(item: Item) -> str | None:
    """The words of a long title before its first function word, as people shorten it ("eternal
    sunshine", "curious case"): two or more words, no stopword or digit among them and one of them
    no frequent word, in a title of four words or more. The caller keeps only heads that one film
    has and no title spells in full.
    """
    base, _ = split_year(item.raw_title or item.title)
    words = _LEADING_ARTICLE.sub("", fold_key(move_article(base.split(" (")[0]))).split()
    if len(words) < 4:
        return None
    cut = next((j for j, w in enumerate(words) if w in _HEAD_ENDS), len(words))
    head = words[:cut]
    stop = lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS
    if not 2 <= len(head) < len(words) or all(w in lexicon.common_words() for w in head) \
            or any(w in stop or not w.isalpha() for w in head):
        return None  # "what happens" (in Vegas) is a phrase of every day
    return " ".join(head)


def colon_parts(title: str) -> list[str]:
    """The halves of a "head: tail" title that name the film alone: "Austin Powers" of "Austin
    Powers: Goldmember", "El caballero de la noche" of "Batman: El caballero de la noche"; a half
    of ordinary words ("Part 2") or a genre names nothing.
    """
    if ": " not in title:
        return []
    head, _, tail = title.partition(": ")
    out = []
    # "Star Wars: Episode I - The Phantom Menace": the subtitle after the dash names the film too
    dashed = [tail.split(" - ", 1)[1]] if " - " in tail else []
    for part in (head, tail, *dashed):
        words = fold_key(part).split()
        rare = [w for w in words if w not in _stop() and not w.isdigit()]
        if _NOUNS_AFTER & set(words) or _is_genre(" ".join(words)):
            continue
        series = part is head and len(words) >= 2  # "Austin Powers" for "Austin Powers: Goldmember"
        if len(rare) >= 2 or (rare and (len(words) >= 3 or any(w.isdigit() for w in words))) or series:
            out.append(part)
    return out


ROMAN_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8}
"""Sequel numbers as titles write them ("The Godfather: Part II", "Rocky IV")."""
_ROMAN = {roman: str(number) for roman, number in ROMAN_NUMERALS.items() if roman != "i"}


def _numbered(key: str) -> list[str]:
    """A sequel's title with its Roman number as a digit, with and without "part"/"episode" before
    it ("godfather part ii" -> "godfather part 2", "godfather 2"); empty when it has no Roman number
    after a word of its own (a lone "V" of "V for Vendetta" is no number).
    """
    words = key.split()
    marked = {"part", "episode", "chapter"}
    at = next((j for j, w in enumerate(words) if j > 0 and (w in _ROMAN or w == "i" and words[j - 1] in marked)), None)
    if at is None:
        return []
    number = _ROMAN.get(words[at], "1")  # "i" only as "part i", "episode i"
    digits = [*words[:at], number, *words[at + 1:]]
    out = [" ".join(digits)]
    if at + 1 < len(words) and at >= 2:  # "star wars episode 1" for "... Episode I - The Phantom Menace"
        out.append(" ".join(digits[:at + 1]))
    if words[at - 1] in marked and at > 1:
        out.append(" ".join([*words[:at - 1], *digits[at:]]))
        out.append(" ".join([*words[:at - 1], number]))  # "godfather 2": the head and the number
    return out


_PART = re.compile(r"^(?P<base>.+?)(?::|,| -)? Part (?P<number>\d+|[IVX]+|One|Two|Three)$", re.I)
_PART_NUMBERS = {"one": "1", "two": "2", "three": "3", **{roman: str(n) for roman, n in ROMAN_NUMERALS.items()}}


def numbered_part(title: str) -> tuple[str, str] | None:
    """(the title before it, the number) of a film released in numbered parts ("Avengers: Infinity
    War - Part I" -> ("Avengers: Infinity War", "1")); None for any other title.
    """
    match = _PART.match(move_article(split_year(title)[0].split(" (")[0]))
    if match is None:
        return None
    number = match.group("number").lower()
    return match.group("base"), _PART_NUMBERS.get(number, number)


def lone_first_parts(items: Iterable[Item]) -> dict[str, int]:
    """The key of a numbered first part's title without its number -> that film, where the catalog holds
    no other part of it ("atlas shrugged" for *Atlas Shrugged: Part 1*): people name it so.
    """
    parts: dict[str, dict[str, int]] = defaultdict(dict)
    for item in items:
        numbered = numbered_part(item.raw_title or item.title)
        if numbered:
            parts[fold_key(numbered[0])][numbered[1]] = item.item_id
    return {base: numbers["1"] for base, numbers in parts.items() if set(numbers) == {"1"}}


_DOTTED_HEAD = re.compile(r"^((?:[A-Z]\.){2,})\s+\w")
DOTTED_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}")
"""A capitalised acronym typed with its dots ("E.T.", "A.I.")."""


def dotted_heads(items: Iterable[Item], opening: Mapping[str, int]) -> dict[str, int]:
    """The key of a dotted acronym that opens a title and goes on ("et" of *E.T. the Extra-Terrestrial*) -> that
    film, where no other title opens with it (``opening``: how many titles open with a key). The resolver lets
    it name the film only typed with its dots ("I love E.T."): "la", "us" and "ai" are words too.
    """
    out: dict[str, int] = {}
    for item in items:
        dotted = _DOTTED_HEAD.match(item.title)
        key = fold_key(dotted.group(1)) if dotted else ""
        if key and opening.get(key, 0) == 1:
            out[key] = item.item_id
    return out


def without_and_the(items: Iterable[Item], opening: Mapping[str, int]) -> dict[str, int]:
    """"<series> and the <tail>" titles typed without "and the" ("harry potter chamber of secrets") -> the
    film, where two or more titles open with the series' name (``opening``: how many titles open with a
    key), the name and the tail have two words or more, and one film has the shortened key.
    """
    joined: dict[str, set[int]] = defaultdict(set)
    for item in items:
        head, and_the, tail = fold_key(move_article(item.title.split(" (")[0])).partition(" and the ")
        if and_the and opening.get(head, 0) >= 2 and len(head.split()) >= 2 and len(tail.split()) >= 2:
            joined[f"{head} {tail}"].add(item.item_id)
    return {key: next(iter(ids)) for key, ids in joined.items() if len(ids) == 1}


_ANY_GENRE = re.compile("|".join(f"(?:{pattern})" for pattern, _ in lexicon.GENRE_PATTERNS))


def _is_genre(key: str) -> bool:
    return _ANY_GENRE.fullmatch(key) is not None
