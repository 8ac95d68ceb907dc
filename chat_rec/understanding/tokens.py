"""A message as the parser's tokens: folded words, punctuation as clause marks, emoji as verdicts.

Words are folded and a misspelt cue word is corrected toward the message's language (a capitalised
word inside a sentence is a name and stays); a dash between words, "&", an accented or clause-final
"si", "#3" and "one's" get the keys the clause rules read.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from chat_rec.catalog.titles import fold
from chat_rec.understanding import emoji_verdicts, lexicon, word_forms

_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}(?![^\W_])|[^\W_]+(?:['’][^\W_]+)*|(?<=\d)[-–](?=\d)|(?<=\s)[-–](?=\s)|—"
                    r"|[.!?;,:¿¡\n]|&|(?<=\s)>+(?=\s)|(?<=[\w\s])=(?=[\s\w])|\)(?=\s+[¿¡A-ZÁÉÍÓÚÑ])")
"""Words (a dotted acronym such as "L.A." is one, with no sentence break), dashes and punctuation; a
closing parenthesis before a capital ends a sentence ("(not really, I hate horror) Give me …"), one
inside a sentence ("Heat (1995) was great", "(the Carpenter one) and Alien") is no token."""
_BREAK = {".", "!", "?", "\n", "¿", "¡"}
_SOFT = {",", ";", ":"}
_CLOSING_SI = re.compile(r"\s*(?:[.,;:!)]|$)")
"""What follows an unaccented "si" that is "yes": a clause never ends on a conditional "if"."""
_UNSURE_SI = re.compile(r"\b(?:se|sé|sabe|sabes|sabia|sabía|pregunto|ver)\s*$", re.I)
"""Words before a clause-final "si" that is "whether" ("no sé si.", "a ver si")."""
_EMOJI = "\u2600-\u27bf\U0001f000-\U0001faff"
_PICTOGRAPHS = re.compile(f"[{_EMOJI}][{_EMOJI}\ufe0f\u200d\\s]*")
"""A run of emoji (with their joiners, variation selectors and skin tones)."""
_TAG_QUESTION = re.compile(r"\s*\?")
_TAG_BEFORE = re.compile(r"\w[^\w.!?]*,\s*¿?\s*$")
"""A tag question: "no" between a comma after a statement and a question mark."""
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")
"""The word right after a token (for a misspelt word that only its neighbour tells: "sciene fiction")."""
_MID_SENTENCE = re.compile(r"[\w,]\s*$")
"""A capitalised word after a word or comma is a name, never a misspelt cue ("Hanks" is no "thanks")."""


_TAGS_CSV = Path(__file__).resolve().parents[1] / "_data" / "ml-latest-small" / "tags.csv"


@functools.lru_cache(maxsize=1)
def tag_pairs() -> frozenset[tuple[str, str]]:
    """Adjacent word pairs of the bundled catalog's tags ("tom hanks", "space travel"), folded: a word
    that goes on a tag after the word before it is read as typed, never as a typo ("loved the tom
    hanks one" is no "tom thanks"). Empty when the file is missing.
    """
    try:
        with _TAGS_CSV.open(encoding="utf-8", newline="") as handle:
            tags = {fold(row.get("tag") or "") for row in csv.DictReader(handle)}
    except OSError:
        return frozenset()
    return word_pairs(tags)


def word_pairs(phrases: Iterable[str]) -> frozenset[tuple[str, str]]:
    """Every pair of adjacent words in the folded ``phrases`` ("tom hanks" -> (tom, hanks))."""
    return frozenset(pair for phrase in phrases for pair in itertools.pairwise(phrase.split()))


@dataclass
class Tok:
    """One token: its key (what the rules read), where it stands in the cleaned text, and as typed."""

    key: str
    start: int
    end: int
    raw: str


_NUMBER_ABBREVIATIONS = frozenset({"no", "nr", "nro", "num"})
_KIND_SUFFIXES = frozenset({"ish", "y", "esque"})
"""Suffixes that make a kind word an adjective of likeness, written after a hyphen ("horror-ish")."""


def tokenize(text: str) -> list[Tok]:
    """The tokens of a cleaned message, in text order."""
    toks: list[Tok] = []
    faces = emoji_verdicts.emoji_tokens(text)
    taken = {i for start, end, _ in faces for i in range(start, end)}
    for start, end, key in faces:
        toks.append(Tok(key, start, end, text[start:end]))
        if text[:start].strip() and not re.search(r"[.!?;,:¿¡\n]\s*$", text[:start]):
            toks.append(Tok(",", end, end, ""))  # "number 2 😍 the rest 😴": a face closes what it judges
    for m in _PICTOGRAPHS.finditer(text):
        if m.start() in taken or not text[:m.start()].strip() or not text[m.end():].strip():
            continue
        if not re.search(r"[.!?;,:¿¡\n]\s*$", text[:m.start()]) and not re.match(r"\s*[.!?;,:]", text[m.end():]):
            # "this one 🙏 done the rest": any emoji between words ends a clause
            toks.append(Tok(",", m.start(), m.start(), ""))
    spanish = lexicon.detect_language([fold(m.group()) for m in _TOKEN.finditer(text)]) == "es"
    for m in _TOKEN.finditer(text):
        if m.start() in taken:
            continue  # the ":" of ":)"
        raw = m.group()
        if raw.lower() in _KIND_SUFFIXES and text[m.start() - 1:m.start()] == "-" and toks \
                and toks[-1].end == m.start() - 1 and lexicon.genre_word(toks[-1].key):
            continue  # "the horror-ish one", "a romance-y one", "something noir-esque": the kind itself (a
            # title keeps its suffix: "something Alien-ish" is like Alien)
        if raw.lower() == "no" and _TAG_QUESTION.match(text, m.end()) and _TAG_BEFORE.search(text[:m.start()]):
            continue  # "las tres son argentinas, ¿no?", "it's from the 90s, no?": asks to confirm, judges nothing
        if spanish and raw.lower() == "re" and toks and toks[-1].key in _BEFORE_RE and _WORD_AFTER.match(text, m.end()):
            continue  # "me re copan", "es re buena": the Rioplatense "very", as "muy" would be read
        if raw == ")":
            key = "."
        elif raw == "." and toks and toks[-1].key in _NUMBER_ABBREVIATIONS and toks[-1].end == m.start() \
                and re.match(r"\s*\d", text[m.end():]):
            toks[-1] = Tok("num", toks[-1].start, toks[-1].end, toks[-1].raw)
            continue  # "No. 4 and No. 5", "nr. 2": an abbreviated "number" (no "no"), no sentence break
        elif raw in _BREAK or raw in _SOFT:
            key = "?" if raw == "?" else "." if raw in _BREAK else ","
        elif raw == "—" or (raw in "-–" and text[m.start() - 1:m.start()].isspace()
                             and not (text[:m.start()].rstrip()[-1:].isdigit()
                                      and text[m.end():].lstrip()[:1].isdigit())):
            key = ","  # a dash between words sets off a clause ("I didn't hate it — it's fine")
        elif raw in "-–":
            key = "to"
        elif raw == "&":
            key = "and"
        elif raw == "=":
            key = "is"  # "2nd = brilliant", "#1 = too slow": a verdict written as an equation
        elif set(raw) == {">"}:
            key = "over"  # "Heat > Speed": the first ranked above the second
        elif raw.lower() == "sí" or raw.lower() == "si" and _CLOSING_SI.match(text, m.end()) \
                and not _UNSURE_SI.search(text[:m.start()]):
            key = "yes"  # the accent, or closing a clause ("los increibles si!!"), tells "yes" from "if"
        else:
            key = word_forms.unstretch(fold(raw).replace(" ", ""))
            key = word_forms.CHAT_SPELLINGS.get(key, key)
            named = bool(toks) and (toks[-1].key, key) in tag_pairs()  # "tom hanks" is no "tom thanks"
            if not named and (not (raw[:1].isupper() and raw[1:].islower())
                              or not _MID_SENTENCE.search(text[:m.start()])):
                following = _NEXT_WORD.match(text, m.end())  # "sciene fiction": the next word tells the genre
                key = word_forms.correct_typo(key, spanish, fold(following.group(1)) if following else "")
                # a capital inside a sentence is a name
            key = word_forms.plain_word(key)
            if not key:
                continue
        if raw.isdigit() and text[m.start() - 1:m.start()] == "#":  # "#3" is number three
            toks.append(Tok("num", m.start() - 1, m.start(), "#"))
        if (head := _POSITION_IS.fullmatch(raw)) and (word := fold(head.group(1))) in _POSITION_HEADS:
            # "the last one's a gem", "third's a no", "the middle's fine": the position, then "is"
            cut = m.start() + len(head.group(1))
            toks += [Tok(word, m.start(), cut, head.group(1)), Tok("is", cut, m.end(), raw[len(head.group(1)):])]
            continue
        if (aux := _NOUN_AUX.fullmatch(raw)) and fold(aux.group(1)) not in _PRONOUN_HEADS and not spanish:
            # "a mystery'd hit the spot", "a comedy'll do": the noun, then the auxiliary it lost its vowel to
            cut = m.start() + len(aux.group(1))
            toks += [Tok(word_forms.plain_word(fold(aux.group(1))) or fold(aux.group(1)), m.start(), cut,
                         aux.group(1)), Tok("would" if aux.group(2).lower() == "d" else "will", cut, m.end(),
                                            raw[len(aux.group(1)):])]
            continue
        toks.append(Tok(key, m.start(), m.end(), raw))
    toks.sort(key=lambda t: t.start)
    for j in range(1, len(toks) - 1):
        if toks[j].key == "then" and _comparative(toks[j - 1].key):  # "way more then the first", "better then X"
            toks[j] = Tok("than", toks[j].start, toks[j].end, toks[j].raw)
        elif toks[j].key == "2" and toks[j - 1].key in _TOO_BEFORE and toks[j + 1].key.isalpha() \
                and toks[j + 1].key not in _COUNTED:
            toks[j] = Tok("too", toks[j].start, toks[j].end, toks[j].raw)  # "nothing 2 long", "not 2 scary"
        elif toks[j].key == "n" and toks[j - 1].key.isalpha() and toks[j + 1].key.isalpha() and not spanish \
                and toks[j].raw == "n":
            toks[j] = Tok("and", toks[j].start, toks[j].end, toks[j].raw)  # "my son n he loved it"
        elif toks[j].key == "w" and toks[j + 1].key.isalpha():
            toks[j] = Tok("with", toks[j].start, toks[j].end, toks[j].raw)  # "go w the 2nd one", "w/ my wife"
    return toks


_BEFORE_RE = frozenset("me te nos le les se lo la los las es son fue fueron esta estan estuvo era parece parecen "
                       "parecio".split())
_WORD_AFTER = re.compile(r" +[^\W\d_]")
"""Where "re" intensifies the next word in Rioplatense Spanish: after a clitic or a linking verb."""
_TOO_BEFORE = frozenset("nothing not isnt arent wasnt aint bit way far much".split())
_COUNTED = frozenset("of and or more hours hour hrs mins minutes stars films movies ones people kids times".split())
"""Chat writes "too" as "2" after a negator or a degree word, before an adjective ("nothing 2 long", "a bit 2
dark"); before a counted noun or "of" it stays a number ("not 2 hours", "not 2 of them")."""
_POSITION_IS = re.compile(r"(\w+)['’]s")
_POSITION_HEADS = frozenset({"one", "middle", *lexicon.ORDINALS, *lexicon.LAST_WORDS})
"""Words that name a listed film's place, before a contracted "is" ("third's a no")."""
_NOUN_AUX = re.compile(r"([^\W\d_]{3,})['’](d|ll)", re.IGNORECASE)
_PRONOUN_HEADS = frozenset("you she they that there who what where when how this these those here why it".split())
"""A contracted "would" / "will" after a noun ("a mystery'd hit the spot", "a western'll do"); after a
pronoun the folded word stays as it was ("she'd", "that'll") and the clause rules read it."""
_NOT_COMPARATIVE = frozenset("ever never over under after later together whether either neither other another "
                             "water winter summer number order power paper super killer thriller monster".split())


def _comparative(key: str) -> bool:
    """A comparative before "then", which then is a misspelt "than": more, less, better, worse, or an "-er"
    adjective ("darker", "funnier"); not "ever", "later" or a noun in "-er".
    """
    return key in {"more", "less", "better", "worse", "rather", "sooner"} or (
        len(key) > 4 and key.endswith("er") and key not in _NOT_COMPARATIVE)
