"""Descriptions of the films of the previous list: "the Russell Crowe one", "la de los 40", "the old one".

``references.ListReferences`` asks ListDescriptions which listed films a clause describes; a
description is matched against each listed film's own year, genres, tags, cast and overview.
"""

from __future__ import annotations

import re
from collections.abc import Container, Sequence

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold
from chat_rec.understanding import lexicon, years
from chat_rec.understanding.description_words import (
    content_words,
    fits,
    in_english,
    item_text,
    other_name,
    year_of,
)


class ListDescriptions:
    """Which films of a list a description picks out."""

    def __init__(self, previous: Sequence[Item], phrases: Container[tuple[str, str]] = frozenset()):
        self.previous = list(previous)
        self.phrases = phrases
        """Word pairs of the catalog's names and set phrases (``description_words.phrase_pairs``)."""

    def tag_at(self, ckeys: list[str], j: int) -> bool:
        """Whether the words from ``ckeys[j]`` spell a tag of a listed film of two words or more: "the
        last-man-on-earth one" describes the film tagged "last man on earth", it is no position.
        """
        return any(len(words := fold(tag).split()) >= 2 and ckeys[j:j + len(words)] == words
                   for item in self.previous for tag in (item.all_tags or item.tags))

    def find(self, ckeys: list[str], lo: int, ids: list[int]) -> list[tuple[int, list[int]]]:
        """"the Russell Crowe one", "the two silent ones", "the one with the dragon", "la de
        los romanos", "el de samuráis": a description that fits listed movies' own text.
        """
        text = " ".join(ckeys)
        found: list[tuple[int, list[int]]] = []  # "the shark one and the space one": each description its own film
        for m in _DESCRIPTION.finditer(text):
            group = next(g for g in range(1, 10) if m.group(g) is not None)
            words = m.group(group).split()
            if group == 9 and (_genre_word(" ".join(words)) or _genre_word(words[0]) or not content_words(words[0])):
                continue  # "comedy yes" answers with a genre; "ok yes" describes nothing
            if group == 7 and not _genre_word(words[0]):
                continue  # "the ending was great": only a genre noun describes a listed film here
            if group == 8 and (_genre_word(words[0]) or words[0] in PLURAL_NOUNS or not content_words(words[0])):
                continue  # "westerns are my thing" is the genre; "zombies aren't for me" a listed film's topic
            if words[:1] == ["qqtitle"]:
                continue  # "la de Rashomon no me llama": the movie is named, the phrase is no description
            count = lexicon.NUMBER_WORDS.get(words[0], 0) if words else 0
            words = [w for w in words if w not in lexicon.NUMBER_WORDS and w not in {"other", "qqtitle", "qqmask"}]
            if not words or set(words) & (set(lexicon.ORDINALS) | lexicon.LAST_WORDS) and not self.tag_at(words, 0):
                continue  # (a position, unless the words spell a listed film's tag: "the last-man-on-earth one")
            las_de = group == 3 and m.group().split()[0] in {"las", "los", "esas", "esos"}  # "las de guerra"
            plural = (m.group().endswith("s") and group in (1, 5)) or group == 6 or las_de
            if plural and all(w in _ERA_WORDS for w in words):
                continue  # "older ones, from the 60s" asks for older films: one listed film is the oldest
            # The phrase after "with"/"de" may run into the verdict ("la de animacion me encanta"):
            # the longest leading part that describes listed movies is the description.
            lengths = range(len(words), 0, -1) if group in (2, 3, 6) else [len(words)]
            loose = group not in (4, 9)  # a bare answer ("boxing yes") must fit its film exactly
            for n in lengths:
                if not content_words(" ".join(words[:n])):
                    continue  # function words alone ("no", "me") describe nothing, even if a title has them
                items = self.matching(" ".join(words[:n]), loose=loose)
                if n < len(words) and any(other_name(words, n - 1, item, self.phrases) for item in items):
                    continue  # "the one with tom hanks": "tom" alone must not pick the "tom hardy" film
                if las_de and len(items) == len(ids) > 1:
                    break  # "no me laten las de terror" with three horror films listed: the genre, not a pick
                if items and (count == len(items) or plural or count == 0 and len(items) == 1):
                    pos = lo + text[:m.start()].count(" ")
                    found.append((pos, [item.item_id for item in items]))
                    break
        return found

    def by_year(self, newest: bool, count: int = 1) -> list[int]:
        """The ``count`` listed films released last (``newest``) or first; none on a tie at the cut, with fewer
        than two dated films, or when ``count`` leaves none out ("the older two" of two films).
        """
        dated = sorted((item for item in self.previous if item.year is not None), key=lambda item: item.year or 0,
                       reverse=newest)
        if len(dated) < 2 or not 1 <= count < len(dated) or dated[count - 1].year == dated[count].year:
            return []
        return [item.item_id for item in dated[:count]]

    def matching(self, phrase: str, loose: bool = False) -> list[Item]:
        """The listed movies a description fits: all its words ("submarino", "the jazz"), or (``loose``,
        several words) the one movie that fits clearly more of them than any other ("the jazz drumming one").
        """
        era = [w for w in phrase.split() if w in _ERA_WORDS]
        if era and len(era) < len(phrase.split()):  # "the old black and white one": the rest describes it
            phrase = " ".join(w for w in phrase.split() if w not in _ERA_WORDS)
        elif era and len(phrase.split()) == 1:  # "the old one", "the recent one"
            return [item for item in self.previous if item.item_id in self.by_year(_ERA_WORDS[era[0]])]
        full = [item for item in self.previous if self._describes(phrase, item)]
        if len(full) > 1:  # "the anime one" fits two animated films by genre, and one by a tag of that name
            literal = [item for item in full
                       if phrase in {fold(t) for t in (*(item.all_tags or item.tags), *item.cast)}]
            full = literal if len(literal) == 1 else full
        if full or not loose:
            return full
        words = content_words(phrase)
        if len(words) < 2:
            return []
        hits = [sum(1 for i, w in enumerate(words)
                    if (fits(w, item) and not other_name(words, i, item, self.phrases)) or year_of(w, item))
                for item in self.previous]
        best = max(hits, default=0)
        if best * 2 < len(words) or hits.count(best) != 1:
            return []
        return [self.previous[hits.index(best)]]

    def _describes(self, phrase: str, item: Item) -> bool:
        english = in_english(phrase)  # "la del baloncesto": the tags are English (basketball)
        return self._describes_as(phrase, item) or (english != phrase and self._describes_as(english, item))

    def _describes_as(self, phrase: str, item: Item) -> bool:
        if re.fullmatch(r"\d{4}", phrase):
            return item.year == int(phrase)
        spelt = re.fullmatch(r"(?:the |los |los anos )?([a-z]+)", phrase)
        start_word = years.decade_of_word(spelt.group(1)) if spelt else None
        if start_word is not None:  # "la de los setenta", "the seventies one"
            return item.year is not None and start_word <= item.year <= start_word + 9
        decade = re.fullmatch(r"(?:the |los |los anos )?((?:19|20)?\d0)s?", phrase)
        if decade and (phrase.endswith("s") or " " in phrase):  # "the one from the 40s", "la de los 40"
            start = int(decade.group(1))
            start = start if start >= 1000 else (1900 + start if start >= 20 else 2000 + start)
            return item.year is not None and start <= item.year <= start + 9
        if re.fullmatch(r"\d\d", phrase):
            value = int(phrase)
            if any(other.year is not None and other.year % 100 == value for other in self.previous):
                return item.year is not None and item.year % 100 == value  # "la del 36"
            # "la de los 40" (the article went with the description): a decade when no year fits exactly
            return phrase.endswith("0") and item.year is not None and item.year % 100 // 10 == value // 10
        if phrase in {"black and white", "b w", "bw", "black white"}:
            return item.year is not None and item.year < 1960
        for regex, genres in lexicon.GENRE_RES:  # "the war one"; "the kids one" as "kids movies" would be
            if regex.fullmatch(phrase) or regex.fullmatch(phrase + " movies"):
                return all(g in item.genres for g in genres)
        named = _genres_spelt(phrase)
        if named is not None:  # "the crime drama", "la comedia romántica": every genre word fits
            return named <= set(item.genres)
        marks = [_GENRE_MARKS.get(w) for w in content_words(phrase) if w not in _QUANTIFIERS]
        if marks and all(marks):  # "the funny one", "the one with all the songs": what its genre is known by
            return set(marks) <= set(item.genres)
        if re.search(r"\b" + re.escape(phrase) + r"s?\b", item_text(item)):
            return True
        # "the one with the dragon", "the Pacino one": every content word of the description
        # occurs in the item's own text (title, tags such as cast names, overview).
        words = content_words(phrase)
        return bool(words) and all(fits(w, item) for w in words)


_GENRE_MARKS = {
    **dict.fromkeys("funny hilarious comic laughs graciosa gracioso comica comico".split(), "Comedy"),
    **dict.fromkeys("songs song singing singalong canciones cantada musicales".split(), "Musical"),
    **dict.fromkeys("scary creepy spooky miedo".split(), "Horror"),
    **dict.fromkeys("cowboy cowboys vaqueros".split(), "Western"),
    **dict.fromkeys("romantic romantica romantico".split(), "Romance"),
    **dict.fromkeys("suspenseful".split(), "Thriller"),
}
"""What a genre is known by, in a description of a listed film only ("the funny one", "the one with all the
songs", "la de miedo"): general words of the genres, never read as a genre named (rule 8); a description
fits a film of that genre."""
_QUANTIFIERS = frozenset("all lots lot many much full plenty".split())


def _genres_spelt(phrase: str) -> set[str] | None:
    """The genres of a phrase made only of genre words ("crime drama", "comedia romantica"), or None
    when a content word of it names no genre ("black comedy").
    """
    genres, rest = lexicon.spell_genres(phrase)
    return genres if genres and not content_words(rest) else None


_ERA_WORDS = {"old": False, "older": False, "oldest": False, "new": True, "newer": True, "newest": True,
              "recent": True, "modern": True, "antigua": False, "antiguo": False, "vieja": False, "viejo": False,
              "nueva": True, "nuevo": True, "reciente": True, "moderna": True, "moderno": True}
PLURAL_NOUNS = frozenset({"ones", "movies", "films", "flicks", "peliculas", "pelis"})
POSITION_NOUNS = frozenset({"one", "pick", "movie", "film", "picture", "flick", "suggestion", "suggestions",
                            "recommendation", "recommendations", "rec", "option", "choice"})
"""Nouns after an ordinal that make it a listed film's position ("the second picture", "your first
suggestion"; "suggestion" is read as "suggestions" after typo correction)."""

_DESCRIPTION = re.compile(
    r"\b(?:the|la|el|that|this)\s+((?:(?!the\b)\w+ ){0,4}?(?!the\b)\w+)"
    r"\s+(?:one|ones|movie|movies|film|films|picture|pictures|flick|flicks)\b"
    r"|\bthe (?:one|movie|film|picture|flick) (?:with|by|from|about|set in) ((?:(?!(?:and|or|but)\b)\w+ ){0,2}\w+)"
    r"|\b(?:la|el|las|los|esa|ese|esas|esos) (?:de|del|con|sobre) (?:la |el |los |las )?"
    r"((?:(?!(?:y|e|o|pero)\b)\w+ ){0,3}\w+)"
    r"|^(?:the|el|la) ((?:\w+ )?\w+)$"
    r"|^(?:both |all |just |honestly |definitely )?((?!(?:this|that|which|no|not|never|any|every|each|some|"
    r"another|other|which|what|the|a|an)\b)(?:(?!(?:the|la|el)\b)\w+ ){0,2}?(?!(?:the|a|an|this|that)\b)\w+)"
    r"\s+(?:one|ones)\b"
    r"|\b(?:the (?:ones|movies|films)|ones|anything|nothing|none|any|nada|ninguna|ninguno|las|los)"
    r"(?: else| mas)? (?:with|starring|featuring|con) (?:la |el |los |las )?((?:\w+ ){0,2}\w+)"
    r"|^(?:the|el|la) (\w+) (?:sounds|looks|seems|is|was|es|fue|era|suena|pinta|parece|me|nos|te|le"
    r"|interests|bores|bored|scares|scared|seemed)\b"
    r"|^(?:but |and |pero |y )?(\w{3,}s) (?:just |really |honestly |simply |never )?(?:are|arent|aren t|were|werent"
    r"|bore|scare|freak|creep|son|no son|me)\b"
    r"|^((?:\w+ )?\w+) (?:yes|yeah|yep|no|nope|nah|si|definitely|please|pls|for sure|sin duda|por favor)$")
"""Descriptions of a listed movie. The first form's words hold no second "the" ("the first and the bowling one" is a
position and a description; "the black and white one" is one description). The fourth form is a whole clause such as
"el spaghetti western" and must fit the movie's words exactly. The fifth opens a clause without an article ("stapler
one for sure", "both Wes Anderson ones"), never holds one (so "ok the cartoon one" is the first form's) and never
ends in one ("I liked the one about the mafia" is the second form's, not a description "i liked the"). The sixth
names every listed movie that fits ("nothing else with Schwarzenegger", "the ones with subtitles", "nada con Jim
Carrey"). The seventh is a genre noun as the subject of a verdict ("the cartoon sounds good", "el western pinta
bien", "el documental me interesa"), the one listed film of that genre. The eighth is a plural topic opening a
verdict ("zombies just aren't for me"), the one listed film whose own words (tags, overview) carry it. The ninth is
a bare answer ("boxing yes", "zombis no"), a word or two that fit exactly one listed film."""


def _genre_word(word: str) -> bool:
    """Whether a word names a genre alone or as "<word> movies" ("cartoon", "western", "kids")."""
    return lexicon.genre_word(word) or lexicon.genre_word(word + " movies")
