"""The words of a description matched against a listed film's own words ("the jazz drumming one",
"la de la memoria", "the dream heist one"): stems, Spanish cognates and topic words read in English,
and the film's title, tags, keywords and overview as one text. ``references.ListReferences`` decides
which listed film a description picks out; this module says whether its words fit one film.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable, Sequence

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon, word_forms
from chat_rec.understanding.title_keys import fold_key
from chat_rec.understanding.tokens import word_pairs


@functools.lru_cache(maxsize=1024)
def in_english(phrase: str) -> str:
    """A Spanish description with its topic words read through the Spanish moods table
    ("baloncesto" -> "basketball", "viajes en el tiempo" -> "time travel"); unchanged otherwise.
    """
    from chat_rec.understanding.mood_words import spanish_moods

    genre = _spanish_genre(phrase)
    if genre:  # "la de guerra", "las de miedo": the genre by its English name, as "the war one" reads
        return genre
    keys = phrase.split()
    found = spanish_moods(keys)
    plain = [word_forms.diminutive_base(k) for k in keys]  # "la del cerdito": the pig one
    if plain != keys and len(spanish_moods(plain)) > len(found):
        keys, found = plain, spanish_moods(plain)
    if not found:
        return phrase
    out, last = [], 0
    for start, end, term in found:
        out += [*keys[last:start], term]
        last = end
    return " ".join([*out, *keys[last:]])


def _spanish_genre(phrase: str) -> str:
    """The English name of the genre a description names ("guerra" of "la de guerra", "miedo",
    "dibujos", "terror"), through the lexicon's genre patterns; "" when it names none.
    """
    for candidate in (f"de {phrase}", phrase):
        for regex, genres in lexicon.GENRE_RES:
            if phrase and regex.fullmatch(candidate):
                return " ".join(fold(g) for g in genres)
    return ""


def year_of(word: str, item: Item) -> bool:
    """A description word that is the item's release year ("1936", or "36" in "la de Chaplin del 36")."""
    if item.year is None or not word.isdigit():
        return False
    return (len(word) == 4 and int(word) == item.year) or (len(word) == 2 and int(word) == item.year % 100)


def content_words(phrase: str) -> list[str]:
    """The words of a description that can describe (stopwords of either language dropped)."""
    return [w for w in phrase.split() if w not in lexicon.EN_STOPWORDS and w not in lexicon.ES_STOPWORDS]


def _stem(word: str) -> str:
    """A crude shared stem for English description words: drumming/drums/drummer -> drum."""
    for suffix in ("ings", "ing", "ers", "er", "ed", "es", "s"):
        if len(word) > len(suffix) + (2 if suffix == "s" and not word.endswith("ss") else 3) and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    return word[:-1] if len(word) > 4 and word[-1] == word[-2] else word


def _forms(word: str) -> set[str]:
    """The stem of a description word, plus its English cognate for a Spanish word ("bomba" ->
    "bomb", "atomica" -> "atomic", "pinguinos" -> "pinguin"): tags are mostly English.
    """
    forms = {_stem(word)}
    spanish = re.sub(r"(?:os|as|es|o|a|e)$", "", word)
    if len(word) >= 5 and spanish != word and len(spanish) >= 4:
        forms.add(_stem(spanish))
    for ending, english in _COGNATE_ENDINGS:  # "memoria" -> "memory", "revolucion" -> "revolution"
        if len(word) >= 6 and word.endswith(ending):
            forms.add(_stem(word[: -len(ending)] + english))
    return forms


_COGNATE_ENDINGS = (("ias", "y"), ("ia", "y"), ("ciones", "tion"), ("cion", "tion"), ("dades", "ty"), ("dad", "ty"),
                    ("osos", "ous"), ("osas", "ous"), ("oso", "ous"), ("osa", "ous"), ("icos", "ic"), ("icas", "ic"),
                    ("ista", "ist"), ("istas", "ist"), ("ismo", "ism"))
"""Regular Spanish-English cognate endings (historia/history, misterioso/mysterious, nazismo/nazism)."""


def fits(word: str, item: Item) -> bool:
    """A description word found in the item's words: by its forms, or as the start of a longer word
    of the item ("dream" of *dreamlike*, five letters or more).
    """
    forms = _forms(word)
    if forms & _stems(item):
        return True
    if len(word) >= 5 and any(w.startswith(f) for f in forms if len(f) >= 5 for w in _stems(item)):
        return True
    return _compound_head(word) in _stems(item)


@functools.lru_cache(maxsize=4096)
def _compound_head(word: str) -> str:
    """The first word of a closed compound of two dictionary words, the first of four letters or more and
    the second of three ("courtroom" -> "court", "snowstorm" -> "snow"): a film tagged "court" is "the
    courtroom one". Empty when the word splits no such way, or more than one way.
    """
    if len(word) < 7 or not word.isalpha():
        return ""
    heads = [word[:k] for k in range(4, len(word) - 2)
             if lexicon.is_known_word(word[:k]) and lexicon.is_known_word(word[k:])]
    return heads[0] if len(heads) == 1 else ""


@functools.lru_cache(maxsize=4096)
def _phrases(item: Item) -> tuple[tuple[str, ...], ...]:
    """A film's cast names and tags of two or more words, folded word by word ("tom hardy")."""
    written = [*item.cast, *(item.all_tags or item.tags)]
    return tuple(tuple(fold(n).split()) for n in written if len(n.split()) >= 2)


def phrase_pairs(items: Iterable[Item]) -> frozenset[tuple[str, str]]:
    """Every pair of adjacent words in the films' cast names and tags of two or more words: the
    names and set phrases the catalog knows ("tom hanks", "space travel").
    """
    return word_pairs(" ".join(name) for item in items for name in _phrases(item))


def other_name(words: Sequence[str], i: int, item: Item, known: Container[tuple[str, str]]) -> bool:
    """Word ``i`` of a description fits the item only inside names or tags that go on with other
    words than the description's, and the description's own pair is a name or phrase the catalog
    knows (``known``, from ``phrase_pairs``): "tom" of "the Tom Hanks one" against a film tagged
    "tom hardy" and with no other "tom" in its text. "Skip the Tarantino one" keeps "tarantino":
    "skip tarantino" is no name. A word the rest of the item's text holds still fits.
    """
    after = (words[i], words[i + 1]) if i + 1 < len(words) else None
    before = (words[i - 1], words[i]) if i > 0 else None
    holding = {name for name in _phrases(item) for k, w in enumerate(name) if w == words[i]
               if (after in known and k + 1 < len(name) and name[k + 1] != words[i + 1])
               or (before in known and k > 0 and name[k - 1] != words[i - 1])}
    if not holding:
        return False
    if any(words[i] in name for name in _phrases(item) if name not in holding):
        return False
    tags = [t for t in (item.all_tags or item.tags) if tuple(fold(t).split()) not in holding]
    rest = " ".join((fold_key(item.title), *map(fold, tags), *item.keywords, fold(item.overview),
                     *(fold(c) for c in item.cast if tuple(fold(c).split()) not in holding)))
    stems = {_stem(w) for w in re.findall(r"\w+", rest)}
    return not _forms(words[i]) & stems


def item_text(item: Item) -> str:
    """A film's title, tags, keywords, cast and overview, folded, as the text descriptions are matched in."""
    tags = item.all_tags or item.tags
    return " | ".join((fold_key(item.title), " | ".join(fold(t) for t in tags), " | ".join(item.keywords),
                       " | ".join(fold(c) for c in item.cast), fold(item.overview)))


@functools.lru_cache(maxsize=4096)
def _stems(item: Item) -> frozenset[str]:
    return frozenset(_stem(w) for w in re.findall(r"\w+", item_text(item)))
