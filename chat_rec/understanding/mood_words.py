"""Words that name a mood without being one of the catalog's tag words.

- what a film does to its viewer, in its frame ("makes me laugh" -> funny): ``effects``;
- Spanish mood words and phrases, read through a table into the English tags ("oscuras" -> dark,
  "viajes en el tiempo" -> time travel): ``spanish_moods``; a Spanish word the table lacks counts
  only when it is spelt like its nearest English term (``cognate``);
- words that are noise, not moods, however near a tag the embedder puts them (``is_noise``), and
  frequent words trusted only for a term of their own stem (``same_stem``).

``understanding.aspect_phrases.find_aspects`` calls these; the embedding match over the tag vocabulary
stays there.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path

from rapidfuzz import fuzz

from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon, word_forms

_EFFECT_VERBS = {"laugh": "funny", "cry": "sad", "weep": "sad", "sob": "sad", "think": "thought-provoking",
                 "smile": "feel-good", "scream": "scary", "jump": "scary", "shiver": "scary"}
"""What a film does to its viewer -> the tag word for that mood (general vocabulary, as the genre
synonyms): "something that makes me laugh" asks for funny films."""


def _inflections(verb: str) -> set[str]:
    forms = {verb, verb + "s", verb + "ing", verb + "ed"}
    if verb.endswith("e"):
        forms |= {verb + "d", verb[:-1] + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if verb[-1] not in "aeiouy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms |= {verb + verb[-1] + "ing", verb + verb[-1] + "ed"}  # sob: sobbing
    return forms


_EFFECT_FORMS = {form: term for verb, term in _EFFECT_VERBS.items() for form in _inflections(verb)}
_EFFECT_WORDS = "|".join(sorted(_EFFECT_FORMS, key=len, reverse=True))
_EFFECT = re.compile(r"\b(?:(?:make|makes|made|making|get|gets|got|will make|would make|to make|to get) (?:me|you|us"
                     r"|him|her|them|everyone|everybody|the kids|my kids|the family)(?: \w+)?|(?:want|wanna|need|like"
                     r"|going) to|something to|a movie to|a film to) (" + _EFFECT_WORDS + r")\b")
"""A verb of effect in its frame ("makes me laugh", "want to cry", "something to make us think"): a
bare "I think" is no mood."""


_EFFECT_NOUNS = {"laugh": "funny", "giggle": "funny", "chuckle": "funny", "cry": "sad", "weep": "sad",
                 "sob": "sad", "tearjerker": "sad", "scare": "scary", "fright": "scary", "smile": "feel-good"}
"""What a film gives its viewer, as a noun wanted ("a good laugh", "a proper cry") -> the tag word."""
_EFFECT_NOUN_FORMS = {form: term for noun, term in _EFFECT_NOUNS.items()
                      for form in (noun, noun[:-1] + "ies" if noun.endswith("y") else noun + "s")}
WANTED_EFFECT = re.compile(
    r"\b(?:want|wants|wanna|need|needs|needing|in need of|up for|craving|crave|fancy"
    r"|fancying|after|in the mood for|looking for|dying for|desperate for|gagging for|ready for"
    r"|could (?:really |honestly |seriously |so )?(?:use|do with))"
    r" (?:a |an |some )?(?:(?:good|proper|real|big|decent|solid|great|nice|massive|cheap|quick|little|few) )?("
    + "|".join(sorted(_EFFECT_NOUN_FORMS, key=len, reverse=True)) + r")\b")
"""A want of what a film gives, as a noun ("could use a laugh tonight", "in the mood for a good cry",
"need some scares"): a mood asked for, and an ask (``intent.wants_new``)."""


def effects(keys: Sequence[str], skip: Collection[int] = ()) -> list[tuple[int, int, str]]:
    """English verbs of what a film does to its viewer, in their frame, as (first token, end token,
    tag word): "something that makes me laugh" -> "funny", "I want to cry" -> "sad"; the span starts
    with the frame, so a negator before it ("nothing that makes me cry") reaches the mood. A want of
    its noun counts the same ("could do with a good laugh", ``WANTED_EFFECT``).
    """
    joined, starts = lexicon.joined_keys(keys)
    token_at = {start: n for n, start in enumerate(starts)}
    out = []
    for pattern, forms in ((_EFFECT, _EFFECT_FORMS), (WANTED_EFFECT, _EFFECT_NOUN_FORMS)):
        for m in pattern.finditer(joined):
            first, at = token_at.get(m.start(), -1), token_at.get(m.start(1), -1)
            if first >= 0 and at >= 0 and at not in skip:
                out.append((first, at + 1, forms[m.group(1)]))
    return sorted(out)


def covered_keys(match: re.Match[str], starts: Sequence[int]) -> list[int]:
    """The positions of the keys a match over ``joined_keys`` text starts on."""
    return [k for k, s in enumerate(starts) if match.start() <= s < match.end()]


SPANISH_MOODS_FILE = Path(__file__).with_name("data") / "spanish_moods.tsv"
MAX_SPANISH_WORDS = 4


def table_rows(path: Path) -> Iterator[list[str]]:
    """The rows of a tab-separated word table in ``data/`` (their cells stripped): comment lines ("#"), lines
    without a tab and the header (the first row) left out.
    """
    with path.open(encoding="utf-8") as handle:
        rows = ([part.strip() for part in line.rstrip("\n").split("\t")] for line in handle
                if not line.startswith("#") and "\t" in line)
        next(rows, None)
        yield from rows


@functools.cache
def _spanish_table() -> dict[str, str]:
    """Folded Spanish mood words and phrases -> the English tag word (``data/spanish_moods.tsv``)."""
    return {fold(spanish): english for spanish, english, *_ in table_rows(SPANISH_MOODS_FILE)}


def _base_forms(word: str) -> list[str]:
    """A Spanish word and its base forms: plural and feminine endings off ("oscuras" -> "oscuro"),
    and the noun an "-oso" adjective is made from ("mafiosos" -> "mafia", "misteriosa" -> "misterio").
    """
    forms = [word]
    for plural in ("es", "s"):
        if word.endswith(plural) and len(word) > len(plural) + 2:
            forms.append(word[: -len(plural)])
    forms += [f[:-1] + "o" for f in list(forms) if f.endswith("a")]
    for form in list(forms):
        if form.endswith("oso") and len(form) > 6:
            forms += [form[:-3] + "a", form[:-3] + "o"]
    return list(dict.fromkeys(forms))


def spanish_moods(keys: Sequence[str], skip: Collection[int] = ()) -> list[tuple[int, int, str]]:
    """Spanish mood words and phrases in ``keys`` as (first token, end token, English term), longest
    phrase first ("viajes en el tiempo" -> "time travel", "oscuras" -> "dark"). The embedder and the
    tags are English, so a Spanish mood is read through the table, never by its spelling.
    """
    table = _spanish_table()
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(keys):
        for n in range(min(MAX_SPANISH_WORDS, len(keys) - i), 0, -1):
            if any(j in skip for j in range(i, i + n)):
                continue
            words = list(keys[i:i + n])
            # every word may be inflected: "asesinos en serie" is "asesino en serie"
            last = next((" ".join(forms) for forms in itertools.product(*(_base_forms(w) for w in words))
                         if " ".join(forms) in table), None)
            if last is not None:
                out.append((i, i + n, table[last]))
                i += n
                break
        else:
            i += 1
    return out


_ELONGATED = re.compile(r"(.)\1\1|^(..?)\2+.?$")
"""A letter three times in a row ("oooh", "sooo") or a syllable repeated ("hahaha", "hehe", "lolol")."""

TYPO_MIN_LENGTH = 5
"""Shorter words are one letter away from many others ("gory" ~ "glory"): never read as typos."""


def is_noise(word: str) -> bool:
    """Whether an English word outside the vocabulary is noise rather than a possible mood: an
    elongated interjection ("oooh", "hahaha"), or a misspelt frequent word ("favoite", "clasic",
    "theres": one edit from a frequent word and no dictionary word itself). Their letters alone put
    them near some tag in the embedding space; rare real words ("spooky", "tearjerker") stay moods.
    """
    if _ELONGATED.search(word):
        return True
    if word in word_forms.CHAT_SPELLINGS or word_forms.correct_typo(word) != word:
        return True  # "wut", "thrilers": a chat spelling or a misspelt cue or genre word the parser reads
    if len(word) < TYPO_MIN_LENGTH or lexicon.is_known_word(word):
        return False
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    return process.extractOne(word, _frequent_words(), scorer=OSA.distance, score_cutoff=1) is not None


@functools.lru_cache(maxsize=1)
def _frequent_words() -> tuple[str, ...]:
    """Frequent English words of five letters or more (what a typo is most often of)."""
    return tuple(sorted(w for w in lexicon.common_words() if len(w) >= TYPO_MIN_LENGTH - 1))


def same_stem(word: str, term: str) -> bool:
    """Whether a term holds a word of the same stem ("slow" ~ "slow action"). A frequent English
    word the tags never use is a word of the sentence's frame far more often than a mood ("looks"
    -> "beautiful visuals", "third" -> "threesome", "made" -> "art"): only such a term is trusted.
    A one-word term must be the word itself or an inflection of it ("three" is no "threesome"), and
    a two-word term must open with the word or only grade it (a degree word first): the last word of a
    compound or a name is not it ("house" is no "art house", "dan" no "lieutenant dan").
    """
    parts = term.split()
    if len(parts) == 1:
        return term[:4] == word[:4] and (_inflected(word, term) or _inflected(term, word))
    return len(parts) == 2 and (parts[0][:4] == word[:4] and word != parts[1]
                                or parts[0] in _DEGREE and parts[1][:4] == word[:4])  # not "day and hudson"


_DEGREE = frozenset("too very so really super quite overly".split())


def _inflected(word: str, base: str) -> bool:
    """Whether ``word`` is ``base`` or a regular English inflection of it ("books" of "book")."""
    return word == base or any(word.endswith(end) and word[:-len(end)] + stem == base
                               for end, stem in lexicon.INFLECTIONS)


COGNATE_RATIO = 65.0
"""How alike (rapidfuzz ratio, 0-100) a Spanish word and its nearest English term must be spelt
("misterio" ~ "mystery" 67, "sangre" ~ "singers" 62; set on invented word pairs, tests/unit/test_spanish_moods.py)."""


COGNATE_MIN_LENGTH = 5
"""Below this many letters, fuzzy spelling says nothing ("rato" ~ "rat" 86, "mal" ~ "male"): a short
Spanish word counts only when it is the term itself ("gore")."""


def cognate(word: str, term: str) -> bool:
    """Whether a Spanish word is spelt like its nearest English term ("romantico" ~ "romance",
    "epico" ~ "epic"). The embedder is English: its nearest term for any other Spanish word is
    a look-alike by subword pieces ("zombis" -> "zither", "ninos" -> "ninotchka"), never a
    translation, so only a cognate is trusted.
    """
    if _SPANISH_VERB.search(word):
        return False  # "vieron", "elegiría": a verb's form is spelt like a term by chance ("theron", "elegiac")
    if len(word) < COGNATE_MIN_LENGTH:  # "rato" (a while) is no "rat", "van" no "van gogh": only the term itself
        return word == term
    return any(fuzz.ratio(word, part) >= COGNATE_RATIO for part in (term, *term.split()))


_SPANISH_VERB = re.compile(r"(?:aron|ieron|aba|aban|abamos|iria|irian|arian|ieran|iera|iese|asen)$")
"""Spanish verb endings no adjective or topic noun has (preterite, imperfect, conditional, subjunctive)."""
