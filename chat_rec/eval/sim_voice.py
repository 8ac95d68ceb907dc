"""What a simulated person says: onboarding answers, opening requests and feedback sentences.

Sentences come from general-language templates (``prompts/simulator.yaml``) filled with the
hidden taste's attributes (genres, decades, tags) and the cards on screen (their ordinals);
never with a hidden target's title.
"""

from __future__ import annotations

import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import yaml

from chat_rec.catalog.models import Catalog, Item
from chat_rec.config import REPO_ROOT
from chat_rec.eval.sim_people import Person

TEMPLATES = REPO_ROOT / "prompts" / "simulator.yaml"


@lru_cache(maxsize=4)
def load_templates(path: Path = TEMPLATES) -> dict[str, Any]:
    """The simulator's sentence templates, by language."""
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@dataclass(frozen=True)
class Utterance:
    """A sentence and the hard constraints it states (checked against every later pick)."""

    text: str
    avoid: str | None = None
    """A genre the sentence rules out."""
    year_min: int | None = None
    year_max: int | None = None
    wants: tuple[str, ...] = ()
    """Genres the sentence asks for (asking for a genre lifts an earlier "no ...")."""


class Voice(Protocol):
    """Writes what a person says: the onboarding answer, the opening request, feedback, "more"."""

    def onboarding(self, person: Person, rng: np.random.Generator) -> Utterance: ...

    def opening(self, person: Person, rng: np.random.Generator) -> Utterance: ...

    def again(self, person: Person, rng: np.random.Generator) -> str: ...

    def feedback(self, person: Person, shown: Sequence[Item], rng: np.random.Generator) -> str: ...


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _pick(rng: np.random.Generator, options: Sequence[str]) -> str:
    return options[int(rng.integers(len(options)))]


class RuleVoice:
    """The default, rule-based voice: templates filled from the person's attributes."""

    def __init__(self, catalog: Catalog, templates: dict[str, Any] | None = None) -> None:
        self.catalog = catalog
        self.templates = templates or load_templates()

    def lang(self, person: Person) -> dict[str, Any]:
        data: dict[str, Any] = self.templates.get(person.language) or self.templates["en"]
        return data

    def genre(self, person: Person, name: str) -> str:
        return str(self.lang(person)["genres"].get(name, name.lower()))

    def _fill(self, rng: np.random.Generator, templates: Sequence[str], values: dict[str, str]) -> str:
        usable = [t for t in templates if _fields(t) <= set(values)]
        usable = [t for t in usable if _fields(t)] or usable  # an attribute-free request only as a last resort
        text = _pick(rng, usable).format(**values)
        return text[:1].upper() + text[1:]

    def onboarding(self, person: Person, rng: np.random.Generator) -> Utterance:
        """The answer to "a movie you loved?": the loved title, maybe a favourite genre and one to avoid."""
        loved = self.catalog.get(person.loved) if person.loved is not None else None
        values = {"title": loved.title.split(" (")[0]} if loved else {}  # "X (a.k.a. Y)" is said "X"
        if person.favourite:
            values["fav"] = self.genre(person, person.favourite)
        if person.avoid:
            values["avoid"] = self.genre(person, person.avoid)
        if not values:
            return Utterance("skip")
        text = self._fill(rng, self.lang(person)["onboarding"], values)
        avoid = person.avoid if person.avoid and self.genre(person, person.avoid) in text else None
        return Utterance(text, avoid=avoid)

    def _era(self, person: Person, rng: np.random.Generator) -> tuple[str, int | None, int | None]:
        """An era phrase and the year range it states (None, None for a soft one)."""
        taste, era = person.taste, self.lang(person)["era"]
        options: list[tuple[str, int | None, int | None]] = []
        if taste.decade is not None and taste.decade in self.lang(person)["decades"]:
            label = self.lang(person)["decades"][taste.decade]
            options.append((era["decade"].format(decade=label), taste.decade, taste.decade + 9))
        if taste.year_lo is not None and taste.year_hi is not None and taste.year_hi - taste.year_lo <= 25:
            options.append((era["between"].format(year=taste.year_lo, year2=taste.year_hi), taste.year_lo,
                            taste.year_hi))
            options.append((era["after"].format(year=taste.year_lo), taste.year_lo + 1, None))  # "after" is strict
        if taste.year_median is not None:
            soft = "recent" if taste.year_median >= 2000 else "classic" if taste.year_median < 1975 else None
            if soft:
                options.append((era[soft], None, None))
        return options[int(rng.integers(len(options)))] if options else ("", None, None)

    def opening(self, person: Person, rng: np.random.Generator) -> Utterance:
        """A request built from the hidden taste's genres, era and tags."""
        genres = person.taste.top_genres(2)
        values = {}
        if genres:
            values["genre"] = self.genre(person, genres[0])
        if len(genres) > 1:
            values["genre2"] = self.genre(person, genres[1])
        tags = list(person.taste.tags)
        if tags:
            order = rng.permutation(len(tags)).tolist()
            values["tag"] = tags[order[0]]
            if len(tags) > 1:
                values["tag2"] = tags[order[1]]
        year_min = year_max = None
        if rng.random() < 0.5:
            phrase, year_min, year_max = self._era(person, rng)
            if phrase:
                values["era"] = phrase
        templates = self.lang(person)["opening"]
        if "era" in values and not any("{era}" in t and _fields(t) <= set(values) for t in templates):
            values.pop("era")
        if "era" in values:  # the era was chosen: say it
            templates = [t for t in templates if "{era}" in t]
        else:
            year_min = year_max = None
        text = self._fill(rng, templates, values)
        wants = tuple(g for g in genres if self.genre(person, g) in text)
        return Utterance(text, year_min=year_min, year_max=year_max, wants=wants)

    def clauses(self, person: Person, shown: Sequence[Item]) -> dict[str, str]:
        """Each kind of complaint or praise the picks deserve, filled (not yet chosen)."""
        taste, lang = person.taste, self.lang(person)
        out: dict[str, str] = {}
        years = [it.year for it in shown if it.year]
        if years and taste.year_lo is not None and taste.year_hi is not None:
            median = float(np.median(years))
            if median < taste.year_lo - 3:
                out["too_old"] = ""
            elif median > taste.year_hi + 3:
                out["too_new"] = ""
        counts = Counter(g for it in shown for g in it.genres)
        over = [g for g, c in counts.items() if c >= 3 and taste.genre_like.get(g, 0.0) < taste.genre_base.get(g, 0.0)]
        if over:
            out["less"] = self.genre(person, min(over, key=lambda g: (-counts[g], g)))
        top = taste.top_genres(1)
        if top and counts.get(top[0], 0) <= 1:
            out["more"] = self.genre(person, top[0])
        unrated = [(taste.fit(it.genres, it.year, it.tags), pos) for pos, it in enumerate(shown)
                   if person.rating(it.item_id) is None]
        if unrated:
            best, worst = max(unrated), min(unrated)
            if best[0] >= 0.1:
                out["good"] = lang["ordinals"][best[1]]
            if worst[0] <= -0.1 and worst[1] != best[1]:
                out["bad"] = lang["ordinals"][worst[1]]
        return out

    def feedback(self, person: Person, shown: Sequence[Item], rng: np.random.Generator) -> str:
        """One or two clauses from the difference between the picks and the taste."""
        found = self.clauses(person, shown)
        lang = self.lang(person)["feedback"]
        if not found:
            return _pick(rng, lang["again"])
        kinds = sorted(found)
        chosen = [kinds[i] for i in rng.permutation(len(kinds))[: 1 + int(rng.random() < 0.5)].tolist()]
        parts = [_pick(rng, lang[k]).format(genre=found[k], nth=found[k]) for k in chosen]
        return " ".join(p[:1].upper() + p[1:] for p in parts)

    def again(self, person: Person, rng: np.random.Generator) -> str:
        """Asking for more picks after an acknowledgement without any."""
        return _pick(rng, self.lang(person)["feedback"]["again"])
