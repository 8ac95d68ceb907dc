"""Films of one series, for "the third one" said after "Spider-Man 2" with no list on screen.

A series is the films whose titles share a name and, after the first film, a sequel number
("Spider-Man 2", "The Godfather: Part III", "Terminator 2: Judgment Day"). The ordinal names the film
of that number; "the first one" and "the original" name the film without one. Films sharing a title
with no numbers (remakes such as *Total Recall*, or *Heat* and *The Heat*) make no series, and a
sequel known only by its subtitle (*The Matrix Reloaded*) is not guessed.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Sequence

from chat_rec.catalog.models import Catalog, Item
from chat_rec.understanding import lexicon
from chat_rec.understanding.title_keys import _LEADING_ARTICLE, ROMAN_NUMERALS, fold_key

_MARK = re.compile(r"^(?P<name>.+?)(?::\s*(?:part\s+)?(?P<part>\d+|[ivx]+)\b.*|\s+(?P<num>\d+|[ivx]+)(?::.*)?|:.*)?$",
                   re.IGNORECASE)
"""A title's series name and its sequel number, if any: "Terminator 2: Judgment Day" -> Terminator, 2."""
_PART = re.compile(r"^(?P<name>.+?):\s*part\s+(?P<part>\d+|[ivx]+)\b.*$(?P<num>)?", re.IGNORECASE)
"""A sequel named as a part: "The Godfather: Part II"."""
_NUMBERED = re.compile(r"^(?P<name>.+?)\s+(?P<num>\d+|[ivx]+)(?::.*)?$(?P<part>)?", re.IGNORECASE)
"""A number after the whole name, which may hold a colon: "Mission: Impossible II", "Toy Story 2"."""
_SPELT = re.compile(r"^(.+?) the (\w+)$")
"""A sequel number spelt as an ordinal after the name: "Shrek the Third"."""
_NOUNS = frozenset("one part parte movie film peli pelicula".split())
_LINKING = frozenset("was is were wasnt isnt s has had got did didnt does doesnt".split())


def _name_and_number(title: str) -> tuple[str, int | None]:
    spelt = _SPELT.match(fold_key(title.strip()))
    if spelt and spelt.group(2) in lexicon.ORDINALS:  # "Shrek the Third"
        return _LEADING_ARTICLE.sub("", spelt.group(1)), lexicon.ORDINALS[spelt.group(2)]
    found = _PART.match(title.strip()) or _NUMBERED.match(title.strip()) or _MARK.match(title.strip())
    if not found:
        return fold_key(title), None
    raw = found.group("part") or found.group("num")
    number = None if raw is None else int(raw) if raw.isdigit() else ROMAN_NUMERALS.get(raw.lower())
    name = re.sub(r"\s+(?:part|parte)$", "", fold_key(found.group("name")))  # "The Hangover Part II" has no colon
    return _LEADING_ARTICLE.sub("", name), number


def _whole_name(title: str) -> str:
    """The whole title as a series name ("Mission: Impossible" names the series of "Mission: Impossible II")."""
    return _LEADING_ARTICLE.sub("", fold_key(title.strip()))


class SeriesIndex:
    """The catalog's numbered series: series name -> its films with their numbers (0: the first
    film), only names with a numbered sequel and exactly one film without a number.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        by_name: dict[str, list[tuple[int, Item]]] = defaultdict(list)
        unnumbered: list[tuple[str, Item]] = []
        for item in catalog:
            name, number = _name_and_number(item.title)
            if number is None:
                unnumbered.append((name, item))
            else:
                by_name[name].append((number, item))
        numbered = set(by_name)
        plain = {name for name, item in unnumbered if _whole_name(item.title) == name}
        for name, item in unnumbered:  # "Mission: Impossible" opens the series its sequels name whole
            whole = _whole_name(item.title)
            if whole != name and whole not in numbered and name in plain:
                continue  # "Jaws: The Revenge" beside "Jaws": a sequel by its subtitle, not a second first film
            by_name[whole if whole in numbered else name].append((0, item))
        self._series = {name: films for name, films in by_name.items()
                        if any(n >= 2 for n, _ in films) and sum(1 for n, _ in films if n == 0) == 1}

    @functools.cached_property
    def franchises(self) -> dict[str, list[int]]:
        """Series of subtitled films by their shared name ("harry potter" -> its films in release order), built
        on first use (about a second over the whole catalog).
        """
        return _franchises(self.catalog)

    def franchise_film(self, name: str, ordinal: int) -> int | None:
        """The film ``ordinal`` (1: the first released) of the subtitled series ``name``, or None."""
        films = self.franchises.get(name, [])
        return films[ordinal - 1] if 1 <= ordinal <= len(films) else None

    def _name_of(self, item: Item) -> str:
        name, number = _name_and_number(item.title)
        whole = _whole_name(item.title)
        return whole if number is None and whole in self._series else name

    def sequel_of(self, item_id: int, ordinal: int) -> int | None:
        """The film numbered ``ordinal`` in the series of ``item_id`` (1: the first film), or None."""
        item = self.catalog.get(item_id)
        if item is None:
            return None
        films = self._series.get(self._name_of(item), [])
        wanted = 0 if ordinal == 1 else ordinal
        found = [film.item_id for number, film in films if number == wanted]
        return found[0] if len(found) == 1 and found[0] != item_id else None


    def siblings(self, item_id: int) -> list[int]:
        """The other films of the series of ``item_id``, in series order (none outside a series)."""
        item = self.catalog.get(item_id)
        if item is None:
            return []
        films = sorted(self._series.get(self._name_of(item), []), key=lambda nf: nf[0])
        return [film.item_id for _, film in films if film.item_id != item_id]


_SUBTITLED = re.compile(r"^(?P<head>.+?)(?:: | and the | & the )(?P<tail>.+)$")


def _franchises(catalog: Catalog) -> dict[str, list[int]]:
    """Series whose films share a name before a subtitle ("Harry Potter and the …", "The Lord of the Rings:
    …"; an alternative title counts, as "Indiana Jones and the Raiders of the Lost Ark" does for *Raiders of the
    Lost Ark*), with a film named by the bare name first if the catalog has exactly one: name -> films in
    release order. Only names of two words or more with three films or more, every one dated in a year of its
    own, and none numbered as an episode (release order is not the order people count *Star Wars* in).
    """
    grouped: dict[str, dict[int, Item]] = defaultdict(dict)
    bare: dict[str, list[Item]] = defaultdict(list)
    for item in catalog:
        main, _, rest = item.title.partition(" (")
        alts = re.findall(r"(?:a\.k\.a\. )?([^()]+)\)", rest) if rest else []
        for title in [main, *alts]:
            natural = _move_back_article(title)
            found = _SUBTITLED.match(natural.strip())
            if found:
                grouped[_LEADING_ARTICLE.sub("", fold_key(found.group("head")))][item.item_id] = item
            elif title is main:
                bare[_LEADING_ARTICLE.sub("", fold_key(natural))].append(item)
    keys = {item.item_id: f" {fold_key(_move_back_article(item.title))} " for item in catalog}
    out = {}
    for name, films in grouped.items():
        members = list(films.values())
        first = min((f.year for f in members if f.year is not None), default=None)
        base = bare.get(name, [])
        if len(base) == 1 and base[0].year is not None and first is not None \
                and 0 <= first - base[0].year <= _BASE_GAP:
            members.append(base[0])  # "Night at the Museum" before "Night at the Museum: Battle of …"
        years = [f.year for f in members]
        own = {f.item_id for f in members} | {b.item_id for b in base}
        outside = any(f" {name} " in key for item_id, key in keys.items() if item_id not in own)
        if len(name.split()) < 2 or len(members) < 3 or None in years or len(set(years)) < len(years) or outside \
                or any("episode" in fold_key(f.title).split() for f in members):
            continue  # ("X2: X-Men United", "Star Trek II: …": films of the name the subtitle rule does not count)
        out[name] = [f.item_id for f in sorted(members, key=lambda f: f.year or 0)]
    return out


_BASE_GAP = 10
"""At most this many years between a film named by the bare series name and the first subtitled one: "The
Lord of the Rings" (1978) is another film than the one "The Fellowship of the Ring" (2001) follows."""


def _move_back_article(title: str) -> str:
    """"Lord of the Rings: The Two Towers, The" -> "The Lord of the Rings: The Two Towers"."""
    found = re.match(r"^(?P<body>.+), (?P<article>The|A|An)$", title.strip())
    return f"{found.group('article')} {found.group('body')}" if found else title


def ordinal_at(keys: Sequence[str], j: int) -> int | None:
    """The ordinal a series reference names at ``keys[j]`` ("the third one", "la segunda parte",
    "the original"), or None: a determiner, the ordinal, then a film noun or the end of the clause
    ("the first hour" is no film).
    """
    if j == 0 or keys[j - 1] not in {"the", "la", "el"}:
        return None
    nxt = keys[j + 1] if j + 1 < len(keys) else ""
    # Spanish needs no noun ("la tercera fue un desastre"): a function word or verb of its list may
    # follow, not a noun ("la primera vez"); English only a linking verb ("the third was a mess")
    ellipsis = lexicon.ES_STOPWORDS | {"nos"} if keys[j - 1] != "the" else _LINKING
    if nxt and nxt not in _NOUNS | {"too", "tambien"} | ellipsis:
        return None
    return 1 if keys[j] == "original" else lexicon.ORDINALS.get(keys[j])
