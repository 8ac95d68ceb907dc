"""Verdict adjectives from published opinion lexicons, for words the rules' own lists do not hold.

The rules' word lists (``verdict_words``) hold the verdict vocabulary seen so far; people who write in a
voice of their own bring words no list has ("splendid", "dreary", "tiresome"). Two lexicons built from
human judgements supply them: Pattern's English adjective lexicon (shipped with TextBlob as
``en-sentiment.xml``, built from review adjectives) and VADER's rated word list (``vader_lexicon.txt``).
A word counts when either rates it clearly (|polarity| >= 0.4, |valence| >= 1.4) and they do not disagree.

Words the catalog's users tag films with at least twice ("dark", "funny", "sad", "violent") describe what
a film is like, a mood, not a verdict, so they are left out; so are genre words. The words are read only
as a predicate ("was splendid", "found it tiresome", "utterly dreary" alone), never elsewhere in a clause.
"""

from __future__ import annotations

import csv
import functools
import importlib.util
import logging
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

from chat_rec.understanding import lexicon

log = logging.getLogger(__name__)

PATTERN_MIN = 0.4
"""Least |polarity| in Pattern's lexicon (-1..1) for a word to count."""
VADER_MIN = 1.4
"""Least |valence| in VADER's list (-4..4) for a word to count."""
TAGGED_MOOD = 2
"""A word used as a whole tag this many times in the catalog describes films, it is no verdict."""

_DEGREE = (r"(?:so|really|very|pretty|quite|rather|truly|absolutely|utterly|totally|simply|just|most|fairly"
           r"|somewhat|incredibly|genuinely|super|way|kind of|kinda|sort of|a bit|a little|thoroughly|hella"
           r"|downright|bloody|deeply|frankly|honestly|perfectly|rather|thoroughly)")
_PREDICATE = re.compile(
    r"\b(?:was|is|s|were|are|wasnt|isnt|werent|arent|felt|feels|seemed|seems|looked|looks|sounds|sounded"
    r"|found (?:it|them|this|that|qqtitle|the \w+(?: one)?)|thought (?:it|that|this|qqtitle)(?: was)?)"
    r"(?: " + _DEGREE + r")* (?P<word>[a-z]{4,})\b"
    r"|^(?:(?:and|but|oh|ah|honestly|frankly) )*(?:" + _DEGREE + r" )+(?P<alone>[a-z]{4,})$")
"""A word in a predicate's place: after a copula or "found it", or alone after degree words ("utterly
dreary"); alone, only an adjective of Pattern's."""
_NOT_VERDICTS = frozenset("sorry glad happy grateful thankful afraid excited sure ready welcome true false real "
                          "right correct incorrect null".split())
"""Adjectives of the speaker's own state ("so sorry") or of truth ("is false"): no verdict on a film."""


def _package_dir(name: str) -> Path:
    """Where an installed package's files are, found without importing it (TextBlob imports NLTK)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"the package {name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.lru_cache(maxsize=1)
def _pattern_words() -> dict[str, float]:
    return {w: score for w, (score, _) in _pattern_entries().items()}


@functools.lru_cache(maxsize=1)
def _pattern_adjectives() -> frozenset[str]:
    return frozenset(w for w, (_, adjective) in _pattern_entries().items() if adjective)


@functools.lru_cache(maxsize=1)
def _pattern_entries() -> dict[str, tuple[float, bool]]:
    """Word -> (mean polarity, whether Pattern tags it an adjective)."""
    try:
        root = ET.fromstring((_package_dir("textblob") / "en" / "en-sentiment.xml").read_bytes())
    except (FileNotFoundError, ET.ParseError) as exc:  # pragma: no cover - a broken install
        log.warning("Pattern's opinion lexicon is unavailable (%s); reading without it", exc)
        return {}
    scores: dict[str, list[float]] = {}
    adjectives: set[str] = set()
    for word in root.iter("word"):
        form, polarity = word.get("form", "").lower(), word.get("polarity")
        if polarity is not None and form.isalpha():
            scores.setdefault(form, []).append(float(polarity))
            if word.get("pos") == "JJ":
                adjectives.add(form)
    return {w: (sum(v) / len(v), w in adjectives) for w, v in scores.items()}


@functools.lru_cache(maxsize=1)
def _vader_words() -> dict[str, float]:
    try:
        text = (_package_dir("vaderSentiment") / "vader_lexicon.txt").read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - a broken install
        log.warning("VADER's word list is unavailable (%s); reading without it", exc)
        return {}
    out: dict[str, float] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0].isalpha():
            out[parts[0].lower()] = float(parts[1])
    return out


@functools.lru_cache(maxsize=1)
def _tagged_moods() -> frozenset[str]:
    """Words the bundled catalog's users tag films with at least ``TAGGED_MOOD`` times, as a whole tag."""
    from chat_rec.config import BUNDLED_CATALOG

    path = BUNDLED_CATALOG / "tags.csv"
    if not path.is_file():  # pragma: no cover - the bundled catalog ships with the package
        return frozenset()
    with path.open(newline="", encoding="utf-8") as f:
        counts = Counter(row["tag"].strip().lower() for row in csv.DictReader(f))
    return frozenset(w for w, n in counts.items() if n >= TAGGED_MOOD)


def lexicon_words() -> frozenset[str]:
    """Every word both lexicons rate, whatever its score: English words a dictionary check must know
    ("tiresome" is no misspelt title).
    """
    return frozenset(w for w in (*_pattern_words(), *_vader_words()) if len(w) >= 3)


@functools.lru_cache(maxsize=1)
def opinion_signs() -> dict[str, int]:
    """Word -> +1 / -1 for the verdict adjectives of both lexicons, moods and genre words left out."""
    pattern, vader = _pattern_words(), _vader_words()
    moods = _tagged_moods()
    out: dict[str, int] = {}
    for word in set(pattern) | set(vader):
        signs = set()
        if word in pattern and abs(pattern[word]) >= PATTERN_MIN:
            signs.add(1 if pattern[word] > 0 else -1)
        if word in vader and abs(vader[word]) >= VADER_MIN:
            signs.add(1 if vader[word] > 0 else -1)
        if (word in pattern and word in vader and (pattern[word] > 0) != (vader[word] > 0)
                and pattern[word] and vader[word]):
            continue  # the lexicons disagree
        if len(signs) != 1 or word in moods or word in _NOT_VERDICTS or lexicon.mentions_genre(word) \
                or word in lexicon.NEGATORS:
            continue
        out[word] = signs.pop()
    return out


def spans(text: str) -> list[tuple[int, int, int]]:
    """(start, end, sign) of lexicon verdict words in a predicate's place in folded clause text."""
    signs = opinion_signs()
    found = []
    for m in _PREDICATE.finditer(text):
        group = "word" if m.group("word") else "alone"
        sign = signs.get(m.group(group), 0)
        subject = text[:m.start()].split()[-1:]
        felt = group == "word" and not m.group().startswith(("found", "thought"))  # "I found it dull" is a verdict
        if group == "alone" and m.group(group) not in _pattern_adjectives():
            continue  # "seen all three, sadly": an adverb of the speaker's, no verdict
        if sign and not (felt and subject and subject[0] in _PEOPLE):
            found.append((m.start(group), m.end(group), sign))
    return found


_PEOPLE = frozenset("i we you he she they im ive hes shes theyre youre were u".split())
"""Subjects whose predicate is a feeling, not a film's quality ("I was happy to see it end")."""
