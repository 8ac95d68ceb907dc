"""Years and decades written in words, rewritten as digits before the parser reads the message.

People type years as they say them: "twenty fifteen onwards", "nineteen ninety-five", "the two
thousands", "the nineteen eighties", "two thousand and five", "dos mil quince", "mil novecientos
noventa y cinco", and a film's version as "the ninety-five one". ``years.py`` reads digits only, so
``spell_out_years`` rewrites these phrases as "2015", "1995", "the 2000s" … and leaves every other
number word alone ("Ocean's Eleven", "four hours", "he's turning six").
"""

from __future__ import annotations

import re

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_DECADES = {f"{word[:-1]}ies": value for word, value in _TENS.items()} | {"tens": 10, "teens": 10}

_U = "|".join(_UNITS)
_T = "|".join(_TENS)
_TWO_DIGITS = rf"(?:(?:{_T})(?:[- ](?:{_U}))?|{'|'.join(_TEENS)}|oh[- ](?:{_U}))"
"""The last two digits of a year as said: "ninety-five", "eighty", "fifteen", "oh five"."""
_SEP = r"[- ]"

_CENTURY_YEAR = re.compile(rf"\b(nineteen|twenty){_SEP}(?:hundred{_SEP}(?:and{_SEP})?)?({_TWO_DIGITS})\b"
                           rf"(?!{_SEP}?(?:{_U}|hundred))", re.I)
"""'nineteen ninety-five', 'twenty fifteen', 'nineteen hundred and fifty': a year."""
_CENTURY_DECADE = re.compile(rf"\b(nineteen|twenty){_SEP}({'|'.join(_DECADES)})\b", re.I)
"""'the nineteen eighties', 'the twenty tens': a decade."""
_THOUSAND = re.compile(rf"\btwo{_SEP}thousand(?:{_SEP}(?:and{_SEP})?({_TWO_DIGITS}|{_U}))?(s)?\b"
                       rf"(?!{_SEP}(?:dollars|people|miles))", re.I)
"""'two thousand and five', 'two thousand', 'the two thousands'."""
_OLD_TENS = "|".join(t for t in _TENS if t != "twenty")
_SHORT_YEAR = re.compile(rf"\b(?:(from|in|since|before|after|around|circa) '?((?:{_OLD_TENS})[- ](?:{_U}))\b"
                         rf"(?!{_SEP}(?:minutes?|mins?|hours?|years?|percent|dollars|bucks|people|times|movies|films))"
                         rf"|(the) ((?:{_OLD_TENS})[- ](?:{_U})) (?=(?:one|version|remake|original|movie|film)\b))",
                         re.I)
"""'the ninety-five one', 'from eighty-two': a year of the last century, after a preposition with no unit
after it, or between "the" and "one" / "version" / "movie"."""

_ES_UNITS = {"uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9}
_ES_TEENS = {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
             "dieciséis": 16, "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20}
_ES_TENS = {"treinta": 30, "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80,
            "noventa": 90}
_ES_TWENTIES = {f"veinti{u}": 20 + n for u, n in (("uno", 1), ("dos", 2), ("tres", 3), ("cuatro", 4),
                                                  ("cinco", 5), ("seis", 6), ("siete", 7), ("ocho", 8),
                                                  ("nueve", 9), ("dós", 2), ("trés", 3), ("séis", 6))}
_ES_TWO = (rf"(?:(?:{'|'.join(_ES_TENS)})(?: y (?:{'|'.join(_ES_UNITS)}))?|{'|'.join(_ES_TEENS)}"
           rf"|{'|'.join(_ES_TWENTIES)}|{'|'.join(_ES_UNITS)})")
_ES_YEAR = re.compile(rf"\b(mil novecientos|dos mil)(?: ({_ES_TWO}))?\b", re.I)
"""'mil novecientos noventa y cinco', 'dos mil quince', 'dos mil'."""


def _two_digits(phrase: str) -> int:
    words = re.split(r"[- ]+", phrase.lower())
    if words[0] == "oh":
        return _UNITS[words[1]]
    if words[0] in _TEENS:
        return _TEENS[words[0]]
    return _TENS[words[0]] + (_UNITS[words[1]] if len(words) > 1 else 0)


def _es_two_digits(phrase: str) -> int:
    words = phrase.lower().split()
    first = words[0]
    if first in _ES_TENS:
        return _ES_TENS[first] + (_ES_UNITS[words[2]] if len(words) == 3 else 0)
    return _ES_TEENS.get(first) or _ES_TWENTIES.get(first) or _ES_UNITS[first]


def _century_year(m: re.Match[str]) -> str:
    century = 1900 if m.group(1).lower() == "nineteen" else 2000
    return str(century + _two_digits(m.group(2)))


def _century_decade(m: re.Match[str]) -> str:
    century = 1900 if m.group(1).lower() == "nineteen" else 2000
    return f"{century + _DECADES[m.group(2).lower()]}s"


def _thousand(m: re.Match[str]) -> str:
    if m.group(1):
        words = m.group(1).lower()
        rest = _UNITS[words] if words in _UNITS else _two_digits(words)
        return str(2000 + rest)
    return "2000s" if m.group(2) else "2000"


def _short_year(m: re.Match[str]) -> str:
    if m.group(1):
        return f"{m.group(1)} {1900 + _two_digits(m.group(2))}"
    return f"{m.group(3)} {1900 + _two_digits(m.group(4))} "


def _es_year(m: re.Match[str]) -> str:
    base = 1900 if m.group(1).lower().startswith("mil") else 2000
    if not m.group(2):
        return m.group(0) if base == 1900 else "2000"
    return str(base + _es_two_digits(m.group(2)))


_CLIPPED_YEAR = re.compile(r"(?<![\w'’‘])['’‘](\d\d)\b(?!['’]?s\b|['’])")
"""A year with its century clipped by an apostrophe ("out in '77", "from '05"); not a decade ("the '80s") nor a
number in quotes ("I'd give it a '10'")."""
_CLIPPED_PIVOT = 30
"""Clipped years below this are of this century ("'05" is 2005), the rest of the last ("'77" is 1977)."""


def _clipped_year(m: re.Match[str]) -> str:
    two = int(m.group(1))
    return str((2000 if two < _CLIPPED_PIVOT else 1900) + two)


def spell_out_years(text: str) -> str:
    """``text`` with its spelled years and decades, and years clipped to two digits ("'77"), as digits;
    anything else unchanged.
    """
    text = _CLIPPED_YEAR.sub(_clipped_year, text)
    if not re.search(r"(?i)nineteen|twenty|thousand|ninety|eighty|seventy|sixty|fifty|forty|thirty|\bmil\b", text):
        return text
    text = _CENTURY_DECADE.sub(_century_decade, text)
    text = _CENTURY_YEAR.sub(_century_year, text)
    text = _THOUSAND.sub(_thousand, text)
    text = _ES_YEAR.sub(_es_year, text)
    return _SHORT_YEAR.sub(_short_year, text)
