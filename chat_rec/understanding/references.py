"""References to the movies of the previous list: "the third one", "both", "the Crowe one".

The parser (parser.py) asks ListReferences for the list references of each clause; the words
are read as positions ("the first two", "#2", "the middle one"), groups ("both", "none of
these") or descriptions matched against each listed movie's own year, genres, tags and overview.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Sequence
from dataclasses import dataclass, field, replace

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

_DETERMINERS = {"the", "la", "el", "lo", "las", "los", "that", "this", "those", "these", "esa", "ese", "esta", "este",
                "esas", "esos", "estas", "estos", "aquella", "aquel"}
_UNITS = {"stars", "star", "hours", "hour", "hrs", "minutes", "mins", "more", "movies", "films", "of", "out",
          "times", "x", "people", "kids", "estrellas", "horas", "minutos", "mas", "peliculas", "veces",
          "years", "anos", "seasons", "episodes", "am", "pm", "percent", "k", "m"}
ALL_EXCEPT = re.compile(r"\b(?:all|all of (?:them|these|those|em)|all three|all four|every one|everything|each one"
                         r"|none of (?:them|these|those|em)|not (?:a single |even )?one of (?:them|these|those|em)"
                         r"|todas|todos|todas ellas|ninguna|ninguno"
                         r"|todos ellos|las tres|los tres) (?:\w+ )?(?:except|but|menos|excepto|salvo)\b")
"""A whole list with an exception ("all of them except number two", "none of these except the second",
"todas menos la segunda"): the list without the exception is one reference."""
_OPENING_FOLLOWERS = frozenset("is was s looks looked sounds sounded seems seemed i we es fue era parece".split())
"""Words after which a number word opening its clause is a list position ("three is great", "two I loved",
"dos es lo más"): a copula of the film or the person as subject of their own verdict."""
_NUMBER = {"number", "numero", "num", "nro", "no", "option", "opt", "opcion", "choice"}
_PENULTIMATE = frozenset({"penultimate", "penultima", "penultimo"})
_ANSWERS = {**dict.fromkeys(("yes", "yeah", "yep", "yup", "yea", "sure", "sip", "qqgood"), 1),
            **dict.fromkeys(("no", "nope", "nah", "naw", "qqbad"), -1)}
"""Bare answers, for one per listed film ("nope nope and yes")."""
_START_NOUNS = frozenset({"principio", "inicio", "comienzo"})
"""Spanish nouns for the start of a list: "la del principio" is the first one."""
_COMPARED_AMONG = re.compile(r"\b(?:best|worst|favou?rite|fave?|greatest|weakest|strongest|pick|mejor|peor"
                             r"|favorit[ao]|preferid[ao])(?: one| film| movie| pick| pelicula| peli)?"
                             r" (?:of|among|out of|de|entre)$")
"""A superlative before a group: "the best of the lot", "la mejor de todas" compare, the group is no
verdict's object."""
_OWN_MENTION = re.compile(
    r"^(?:(?:one|movie|film|peli|pelicula|title|titulo) )?(?:(?:that|which|de las|de los) )?"
    r"(?:i (?:mentioned|said|named|told you(?: about)?|brought up|talked about|wrote)"
    r"|que (?:te |le )?(?:dije|mencione|nombre|comente|puse|escribi))\b")
"""After an ordinal, the person's own earlier words ("the second film I mentioned", "la segunda peli que
te dije"): that counts the films they named, not the list on screen, so it is no reference to a pick."""

_NOT_REF_NOUNS = {"time", "times", "place", "thing", "half", "act", "scene", "week", "weekend",
                  "night", "year", "month", "day", "minute", "minutes", "hour", "part", "date",
                  "vez", "parte", "noche", "semana", "hand", "side", "way", "lado", "dia", "mano",
                  "years", "months", "weeks", "days", "nights", "weekends", "hours", "decade", "decades",
                  "anos", "meses", "semanas", "dias", "decada", "decadas", "mes", "ano"}
"""Nouns after a position or "other" that make it no film ("the first time", "on the other hand",
"por otro lado", "the other day"); a count between them changes nothing ("the last ten years")."""


_COUNTS = frozenset(lexicon.NUMBER_WORDS) - {"one", "una", "uno"} | frozenset(
    "seven eight nine ten eleven twelve fifteen twenty thirty fifty few couple several "
    "seis siete ocho nueve diez quince veinte treinta cincuenta".split())
"""Counts that may stand between a position and its noun ("the last ten years", "los últimos veinte años")."""


def _noun_after(ckeys: Sequence[str], j: int) -> str:
    """The word after a position at ``j``, past a count ("the last ten years" -> "years")."""
    k = j + 1
    if k < len(ckeys) and (ckeys[k] in _COUNTS or ckeys[k].isdigit()):
        k += 1 + (ckeys[k] == "couple" and ckeys[k + 1:k + 2] == ["of"])
    return ckeys[k] if k < len(ckeys) else ""


def _counted_before(ckeys: Sequence[str], j: int) -> int:
    """A count two words before ``j`` across "del"/"de" ("las dos del medio"); 0 when none."""
    if j >= 2 and ckeys[j - 1] in {"del", "de"} and ckeys[j - 2] not in {"one", "una", "uno"}:
        return lexicon.NUMBER_WORDS.get(ckeys[j - 2], 0)
    return 0


def count_at(ckeys: Sequence[str], j: int) -> tuple[int, str]:
    """How many films the words around token ``j`` count ("the other two", "las dos primeras"; 0
    when none), and the word before the phrase (the determiner, past a number before ``j``).
    """
    prev = ckeys[j - 1] if j else ""
    nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
    count = lexicon.NUMBER_WORDS.get(nxt, 0) if nxt not in {"one"} else 0
    if not count and prev in lexicon.NUMBER_WORDS and prev not in {"one", "una", "uno"}:
        return lexicon.NUMBER_WORDS[prev], ckeys[j - 2] if j >= 2 else ""  # "las dos primeras", "the two last"
    return count, prev


@dataclass
class _Ref:
    """Something a clause talks about: catalog items or a genre, at a token position."""

    pos: int
    items: list[int] = field(default_factory=list)
    genres: tuple[str, ...] = ()
    pronoun: bool = False


class ListReferences:
    """Finds, clause by clause, the references to the movies of the previous reply's list."""

    def __init__(self, previous: Sequence[Item], phrases: Container[tuple[str, str]] = frozenset()):
        self.previous = list(previous)
        self.phrases = phrases
        """Word pairs of the catalog's names and set phrases (``description_words.phrase_pairs``)."""
        self.ids = frozenset(item.item_id for item in self.previous)
        """The listed movies' ids."""
        self.ahead: frozenset[int] = frozenset()
        """Listed movies the whole message names by title, position or description (``named``):
        "the other two" before "the first" ("The other two are dull, the first is great") are the
        ones left when every named movie is set aside."""

    def named(self, keys: Sequence[str], titled: Sequence[int] = ()) -> frozenset[int]:
        """The listed movies a message names on its own: by title (``titled``), position or
        description, clause by clause — never through "the others", "all but" or "both".
        """
        found = {i for i in titled if i in self.ids}
        start = 0
        for i, k in enumerate([*keys, "."]):
            if k in {".", ",", "?"} or lexicon.CONTRAST.fullmatch(k) is not None:
                if i > start:
                    found.update(x for ref in self.find(list(keys[start:i]), start, (), others=False)
                                 for x in ref.items)
                start = i + 1
        return frozenset(found)

    def find(self, ckeys: list[str], lo: int, referenced: Sequence[int], others: bool = True) -> list[_Ref]:
        """References in one clause (``ckeys``, starting at token ``lo``) to the listed movies.

        ``referenced`` holds the ids the message has named so far: "the others" are the rest (or,
        named nothing yet or too few left, the movies the rest of the message does not name).
        ``others`` False reads only what names a movie itself (positions, descriptions).
        """
        n = len(self.previous)
        ids = [item.item_id for item in self.previous]
        refs: list[_Ref] = []
        text = " ".join(ckeys)
        for j, k in enumerate(ckeys):
            nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
            count, prev = count_at(ckeys, j)
            picked: list[int] = []
            second_last = ckeys[j + 1:j + 2] == ["last"] or ckeys[j + 1:j + 3] == ["to", "last"]
            if n > 2 and (k in _PENULTIMATE and (prev in _DETERMINERS or j == 0) or k == "second" and second_last):
                picked = ids[-2:-1]  # "la penúltima", "the second to last one"
            elif k in {"to", "last"} and prev == "second" or k == "last" and ckeys[j - 2:j] == ["second", "to"]:
                continue  # the rest of "second to last"
            elif k in lexicon.ORDINALS and (prev in _DETERMINERS or nxt in _POSITION_NOUNS
                                           or j == 0 or prev in {"and", "or", "y", "o", "seen"}) \
                    and not self._tag_at(ckeys, j):  # ("the first-love one" describes the film tagged "first love")
                if _noun_after(ckeys, j) in _NOT_REF_NOUNS or (nxt == "of" and ckeys[j + 2:j + 3] not in (
                        ["them"], ["those"], ["these"])) or _OWN_MENTION.match(" ".join(ckeys[j + 1:j + 7])):
                    continue
                idx = lexicon.ORDINALS[k]
                picked = ids[idx - 1: idx - 1 + max(count, 1)] if idx <= n else []
            elif k in lexicon.LAST_WORDS and (prev in _DETERMINERS or prev in {"and", "or", "y", "o"} and refs
                                              or k == "final" and prev == "del"
                                              or j == 0 and (count or nxt == "one")) \
                    and _noun_after(ckeys, j) not in _NOT_REF_NOUNS \
                    and not self._tag_at(ckeys, j):  # "the first and last ones"
                two = nxt in _PLURAL_NOUNS and n > 2 and prev in _DETERMINERS  # "the last ones"; "first and last ones"
                picked = ids[-max(count, 2 if two else 1):]
            elif k in lexicon.FORMER_WORDS and prev in _DETERMINERS:
                picked = ids[:1]
            elif k in {"top", "bottom"} and (prev in _DETERMINERS or j == 0) \
                    and nxt in _POSITION_NOUNS:
                picked = ids[:1] if k == "top" else ids[-1:]  # "the top one", "bottom one nope"
            elif k in {"top", "bottom"} and 1 < count < n and (j == 0 or prev in _DETERMINERS or prev in {"my", "and"}):
                picked = ids[:count] if k == "top" else ids[-count:]  # "top three on that list", "the bottom two"
            elif k in _START_NOUNS and prev == "del":  # ("al principio" is "at first")
                picked = ids[:max(count, _counted_before(ckeys, j), 1)]  # "la del principio", "las dos del principio"
            elif k in _NUMBER and nxt in lexicon.NUMBER_WORDS and lexicon.NUMBER_WORDS[nxt] <= n:
                picked = [ids[lexicon.NUMBER_WORDS[nxt] - 1]]
            elif k.isdigit() and 1 <= int(k) <= n and prev not in _NUMBER and self._bare_position(ckeys, j):
                picked = [ids[int(k) - 1]]  # "1 and 3 are great, 2 is a hard no", "#2"
            elif not k.isdigit() and 1 <= lexicon.NUMBER_WORDS.get(k, 0) <= n and prev not in _NUMBER \
                    and self._spelled_position(ckeys, j):
                picked = [ids[lexicon.NUMBER_WORDS[k] - 1]]  # "liked one and three, not two"
            elif k in _ERA_SUPERLATIVES and (prev in _DETERMINERS and nxt in {"one", "movie", "film", "pick", "", "de"}
                                             or prev in {"mas", "most", "more"} and j > 1
                                             and ckeys[j - 2] in _DETERMINERS):
                picked = self._by_year(_ERA_SUPERLATIVES[k])  # "the oldest one", "la más reciente"
            elif k in {"middle", "medio", "centro"} and n > (size := max(count, _counted_before(ckeys, j), 1)) \
                    and (n - size) % 2 == 0 and (
                    (prev in _DETERMINERS and not (k == "medio" and prev in _DEMONSTRATIVES)) or prev in {"del", "de"}
                    or ckeys[j - 2:j] == ["de", "en"]):  # "la de en medio"
                picked = ids[(n - size) // 2:(n + size) // 2]  # "the middle one", "la del medio", "the middle two"
            elif others and k in OTHER_WORDS and (prev in _DETERMINERS or prev in {"del"}) \
                    and nxt not in _NOT_REF_NOUNS:
                picked = [i for i in ids if i not in referenced]
                if not referenced and not self.ahead and lo + j > 1:
                    picked = []  # "el de X me encanta, los otros no" with X unread: other than which one?
                later = [i for i in picked if i not in self.ahead]
                if later and len(later) < len(picked) and (
                        not self.ids & set(referenced) or count and len(picked) != count
                        or k in _SINGULAR_OTHER and len(picked) != 1):
                    picked = later  # "The other two are dull, but the first…": named further on
                if k in _SINGULAR_OTHER and not count and nxt not in _PLURAL_NOUNS and len(picked) != 1:
                    picked = []  # "la otra", "the other one": only when exactly one is left
                if count and len(picked) != count:
                    picked = []  # "the other two" with three left names no two of them
            if picked:
                refs.append(_Ref(lo + j, picked))
        rest = ALL_EXCEPT.search(text) if others else None
        if rest and not refs:  # "todas menos la de dinosaurios": the exception described, at its first content word
            after = text[:rest.end()].count(" ") + 1
            at_word = next((lo + j for j in range(after, len(ckeys)) if ckeys[j] not in lexicon.SCOPE_SKIP), None)
            refs += [replace(r, pos=max(r.pos, at_word or r.pos)) for r in self._descriptive(ckeys, lo, ids)]
        if rest and refs:  # "all of them except number two", "todas menos la segunda"
            at = text[:rest.start()].count(" ")
            excepted = {i for r in refs if r.pos - lo > at for i in r.items}
            refs.append(_Ref(lo + at, [i for i in ids if i not in excepted]))
        positional = [r for r in refs if r.items]  # "the first", "the other two", before any group
        if not refs and others:
            for m in lexicon.GROUP_ALL.finditer(text):
                if _COMPARED_AMONG.search(text[:m.start()].rstrip()):
                    continue  # "the middle one's the pick of the lot": the lot is what it is compared with
                counted = m.group().split()[-1]
                if counted.isdigit() and counted != "2" and int(counted) != n:
                    continue  # "all 4" of a list of three names no group
                if m.group().startswith("both") or m.group() in {"ambas", "ambos", "las dos", "los dos"} \
                        or counted == "2":
                    group = referenced[-2:] if len(referenced) >= 2 else (ids if n == 2 else [])
                else:
                    group = ids
                if group:
                    refs.append(_Ref(lo + text[:m.start()].count(" "), list(group)))
                    break
        if not refs:
            refs += self._descriptive(ckeys, lo, ids)
        elif positional and len(refs) == len(positional) and not rest:
            # "loved the first and the bowling one": a description beside positions names its film too
            named = {i for r in refs for i in r.items}
            refs += [d for d in self._descriptive(ckeys, lo, ids) if not set(d.items) & named]
        return refs

    def answers(self, keys: Sequence[str]) -> list[tuple[int, int]]:
        """(id, +1 / -1) per listed film when the message is bare yeses and noes, one per film and
        not all alike ("nope nope and yes", "sí, no, sí", "👍 👎"), or only a list position (a number alone,
        "2", "four!", chooses that film); empty otherwise.
        """
        words = [k for k in keys if k not in {",", ".", "and", "y", "then", "luego"}]
        bare = [k for k in words if k not in _NUMBER | {"!", "?", "please", "pls"}]
        if len(bare) == 1 and len(self.previous) > 1 and words[-1:] != ["?"] \
                and 1 <= (at := lexicon.NUMBER_WORDS.get(bare[0], 0)) <= len(self.previous):
            return [(self.previous[at - 1].item_id, 1)]  # "2", "four!", "number three please": the one chosen
        signs = [_ANSWERS.get(k, 0) for k in words]
        if len(self.previous) < 2 or len(words) != len(self.previous) or 0 in signs or len(set(signs)) < 2:
            return []
        return [(item.item_id, sign) for item, sign in zip(self.previous, signs, strict=True)]

    def opens_with_description(self, ckeys: list[str]) -> bool:
        """Whether the clause opens with its own noun phrase for a listed movie ("la otra", "la de
        Macaulay Culkin", "the robot one", "the other one") — resolved or not, listed before or not,
        a pronoun after it ("la odio", "I hate it") points to that phrase, never back to a movie named
        earlier in the message ("Heat was great. The other one was dull." judges no second film).
        """
        words = [k for k in ckeys[:6] if k not in {"and", "y", "but", "pero", "also", "tambien", "qqmask"}]
        text = " ".join(words)
        return bool(_OPENING.match(text))

    def _tag_at(self, ckeys: list[str], j: int) -> bool:
        """Whether the words from ``ckeys[j]`` spell a tag of a listed film of two words or more: "the
        last-man-on-earth one" describes the film tagged "last man on earth", it is no position.
        """
        return any(len(words := fold(tag).split()) >= 2 and ckeys[j:j + len(words)] == words
                   for item in self.previous for tag in (item.all_tags or item.tags))

    @staticmethod
    def _bare_position(ckeys: list[str], j: int) -> bool:
        """A bare digit is a list position when it stands like a name, not a quantity.

        "1 and 3 are great", "but 2 is a no", "2 or 4?", "loved 2": at the start of the clause, joined
        to another position or after a film verb, and not followed by a unit ("2 hours", "3 stars",
        "2 more").
        """
        prev = ckeys[j - 1] if j else ""
        nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
        if nxt in _NOT_REF_NOUNS or nxt in _UNITS:
            return False
        if nxt in {"10", "5"} and int(ckeys[j]) <= int(nxt) or ckeys[j] in {"10", "5"} and prev.isdigit() \
                and int(prev) <= int(ckeys[j]):
            return False  # "4/10", "3/5" (folded "4 10"): a score, not the fourth (or tenth) film
        joined = prev in {"and", "or", "y", "o", "nor", "ni", "num", "no", "nr", "nro", "the", "el", "la", "both",
                          "ambas", "ambos"}
        ahead = nxt in {"and", "or", "y", "o", "nor", "ni"} and ckeys[j + 2:j + 3] and ckeys[j + 2].isdigit()
        cued = prev in lexicon.FILM_CUES and nxt not in {"of", "de", "del"}  # "loved 2", not "seen 2 of them"
        if prev in {"las", "los", "all"} and not ahead:
            return False  # "las 3 me encantaron", "loved all 3": a count of the list (``lexicon.GROUP_ALL``)
        return j == 0 or joined or bool(ahead) or (prev.isdigit() and prev != ckeys[j]) or cued

    @staticmethod
    def _spelled_position(ckeys: list[str], j: int) -> bool:
        """A number word is a list position when it is joined to another position ("one and three",
        "dos o tres", "3 and four") or is a bare "not two" ending its clause; "one of them", "the two
        of us", "two hours" and "not one" stay words.
        """
        prev = ckeys[j - 1] if j else ""
        nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
        if nxt in _NOT_REF_NOUNS or nxt in _UNITS or nxt in {"of", "de", "del", "more", "mas"}:
            return False
        joiners = {"and", "or", "y", "o", "nor", "ni"}
        ahead = nxt in joiners and j + 2 < len(ckeys) and ckeys[j + 2] in lexicon.NUMBER_WORDS \
            and ckeys[j + 3:j + 4] not in (["of"], ["de"])
        behind = prev in joiners and j > 1 and ckeys[j - 2] in lexicon.NUMBER_WORDS
        refused = prev in {"not", "no"} and not nxt and ckeys[j] not in {"one", "uno", "una"}
        # opening its clause before a copula or the person's own subject: "three is great", "one I never saw"
        opens = (j == 0 or prev in {".", ",", "and", "but", "y", "pero"}) and nxt in _OPENING_FOLLOWERS
        return ahead or behind or refused or opens

    def _descriptive(self, ckeys: list[str], lo: int, ids: list[int]) -> list[_Ref]:
        """"the Russell Crowe one", "the two silent ones", "the one with the dragon", "la de
        los romanos", "el de samuráis": a description that fits listed movies' own text.
        """
        text = " ".join(ckeys)
        found: list[_Ref] = []  # "the shark one and the space one": each description its own film
        for m in _DESCRIPTION.finditer(text):
            group = next(g for g in range(1, 10) if m.group(g) is not None)
            words = m.group(group).split()
            if group == 9 and (_genre_word(" ".join(words)) or _genre_word(words[0]) or not content_words(words[0])):
                continue  # "comedy yes" answers with a genre; "ok yes" describes nothing
            if group == 7 and not _genre_word(words[0]):
                continue  # "the ending was great": only a genre noun describes a listed film here
            if group == 8 and (_genre_word(words[0]) or words[0] in _PLURAL_NOUNS or not content_words(words[0])):
                continue  # "westerns are my thing" is the genre; "zombies aren't for me" a listed film's topic
            if words[:1] == ["qqtitle"]:
                continue  # "la de Rashomon no me llama": the movie is named, the phrase is no description
            count = lexicon.NUMBER_WORDS.get(words[0], 0) if words else 0
            words = [w for w in words if w not in lexicon.NUMBER_WORDS and w not in {"other", "qqtitle", "qqmask"}]
            if not words or set(words) & (set(lexicon.ORDINALS) | lexicon.LAST_WORDS) and not self._tag_at(words, 0):
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
                items = self._matching(" ".join(words[:n]), loose=loose)
                if n < len(words) and any(other_name(words, n - 1, item, self.phrases) for item in items):
                    continue  # "the one with tom hanks": "tom" alone must not pick the "tom hardy" film
                if las_de and len(items) == len(ids) > 1:
                    break  # "no me laten las de terror" with three horror films listed: the genre, not a pick
                if items and (count == len(items) or plural or count == 0 and len(items) == 1):
                    pos = lo + text[:m.start()].count(" ")
                    found.append(_Ref(pos, [item.item_id for item in items], genres=("described",)))
                    break
        return found

    def _by_year(self, newest: bool) -> list[int]:
        """The listed film released last (``newest``) or first; none on a tie or with no years."""
        dated = [item for item in self.previous if item.year is not None]
        if len(dated) < 2:
            return []
        pick = (max if newest else min)(dated, key=lambda item: item.year or 0)
        if sum(item.year == pick.year for item in dated) > 1:
            return []
        return [pick.item_id]

    def matching(self, phrase: str) -> list[Item]:
        """The listed movies a description fits with all its words ("submarino", "the jazz")."""
        return self._matching(phrase, loose=False)

    def _matching(self, phrase: str, loose: bool) -> list[Item]:
        """The listed movies a description fits: all its words, or (``loose``, several words) the
        one movie that fits clearly more of them than any other ("the jazz drumming one").
        """
        era = [w for w in phrase.split() if w in _ERA_WORDS]
        if era and len(era) < len(phrase.split()):  # "the old black and white one": the rest describes it
            phrase = " ".join(w for w in phrase.split() if w not in _ERA_WORDS)
        elif era and len(phrase.split()) == 1:  # "the old one", "the recent one"
            return [item for item in self.previous if item.item_id in self._by_year(_ERA_WORDS[era[0]])]
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
        if re.search(r"\b" + re.escape(phrase) + r"s?\b", item_text(item)):
            return True
        # "the one with the dragon", "the Pacino one": every content word of the description
        # occurs in the item's own text (title, tags such as cast names, overview).
        words = content_words(phrase)
        return bool(words) and all(fits(w, item) for w in words)


def _genres_spelt(phrase: str) -> set[str] | None:
    """The genres of a phrase made only of genre words ("crime drama", "comedia romantica"), or None
    when a content word of it names no genre ("black comedy").
    """
    covered: set[int] = set()
    genres: set[str] = set()
    for regex, names in lexicon.GENRE_RES:
        for m in regex.finditer(phrase):
            covered.update(range(*m.span()))
            genres.update(names)
    rest = "".join(" " if i in covered else ch for i, ch in enumerate(phrase))
    return genres if genres and not content_words(rest) else None


_OPENING = re.compile(r"^(?:the|la|el|las|los) (?:other|otra|otro|otras|otros|de|del|con|sobre"
                      r"|(?:\w+ ){1,3}?(?:one|ones))\b")
_SINGULAR_OTHER = frozenset({"other", "otra", "otro"})
_DEMONSTRATIVES = frozenset("esta este estas estos esa ese esas esos".split())
"""Before "medio" these are "está" folded ("está medio aburrida": somewhat), no determiner."""
_ERA_SUPERLATIVES = {"oldest": False, "older": False, "earliest": False, "newest": True, "newer": True,
                     "antigua": False, "antiguo": False, "vieja": False, "viejo": False, "nueva": True, "nuevo": True,
                     "reciente": True, "moderna": True, "moderno": True, "recent": True}
"""Era words after "the"/"la"/"más": the listed film released first (False) or last (True)."""
_ERA_WORDS = {"old": False, "older": False, "oldest": False, "new": True, "newer": True, "newest": True,
              "recent": True, "modern": True, "antigua": False, "antiguo": False, "vieja": False, "viejo": False,
              "nueva": True, "nuevo": True, "reciente": True, "moderna": True, "moderno": True}
OTHER_WORDS = frozenset({"other", "others", "rest", "remaining", "demas", "otra", "otro", "otras", "otros", "resto"})


def rest_of_message(ckeys: Sequence[str], lo: int, named: Sequence[int], judged: Collection[int]) -> _Ref | None:
    """"the rest", "the other two", "las demás" among the films the message itself named before
    (``named``, in order), when no previous list is meant: those not yet judged (``judged``).

    "Rear Window, Vertigo, Rope. Vertigo dragged, but the rest were great": Rear Window and Rope.
    The count must fit ("the other two" with three left names none of them); a singular "the other"
    needs exactly one left.
    """
    for j, k in enumerate(ckeys):
        count, prev = count_at(ckeys, j)
        if k not in OTHER_WORDS or prev not in _DETERMINERS:
            continue
        nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
        left = [i for i in dict.fromkeys(named) if i not in judged]
        if count and len(left) != count or k in _SINGULAR_OTHER and not count and nxt not in _PLURAL_NOUNS and (
                len(left) != 1) or len(left) < 1 or not count and k not in _SINGULAR_OTHER and len(left) < 2 \
                and len(named) < 3:
            return None
        return _Ref(lo + j, left)
    return None
_PLURAL_NOUNS = frozenset({"ones", "movies", "films", "flicks", "peliculas", "pelis"})
_POSITION_NOUNS = frozenset({"one", "pick", "movie", "film", "picture", "flick"})
"""Nouns after an ordinal that make it a listed film's position ("the second picture")."""

_DESCRIPTION = re.compile(
    r"\b(?:the|la|el|that|this)\s+((?:(?!the\b)\w+ ){0,4}?(?!the\b)\w+)"
    r"\s+(?:one|ones|movie|movies|film|films|picture|pictures|flick|flicks)\b"
    r"|\bthe (?:one|movie|film|picture|flick) (?:with|by|from|about|set in) ((?:(?!(?:and|or|but)\b)\w+ ){0,2}\w+)"
    r"|\b(?:la|el|las|los|esa|ese|esas|esos) (?:de|del|con|sobre) (?:la |el |los |las )?"
    r"((?:(?!(?:y|e|o|pero)\b)\w+ ){0,3}\w+)"
    r"|^(?:the|el|la) ((?:\w+ )?\w+)$"
    r"|^(?:both |all |just |honestly |definitely )?((?!(?:this|that|which|no|not|never|any|every|each|some|"
    r"another|other|which|what|the|a|an)\b)(?:\w+ ){0,2}?(?!(?:the|a|an|this|that)\b)\w+)\s+(?:one|ones)\b"
    r"|\b(?:the (?:ones|movies|films)|ones|anything|nothing|none|any|nada|ninguna|ninguno|las|los)"
    r"(?: else| mas)? (?:with|starring|featuring|con) (?:la |el |los |las )?((?:\w+ ){0,2}\w+)"
    r"|^(?:the|el|la) (\w+) (?:sounds|looks|seems|is|was|es|fue|era|suena|pinta|parece|me|nos|te|le"
    r"|interests|bores|bored|scares|scared|seemed)\b"
    r"|^(?:but |and |pero |y )?(\w{3,}s) (?:just |really |honestly |simply |never )?(?:are|arent|aren t|were|werent"
    r"|bore|scare|freak|creep|son|no son|me)\b"
    r"|^((?:\w+ )?\w+) (?:yes|yeah|yep|no|nope|nah|si|definitely|please|pls|for sure|sin duda|por favor)$")
"""Descriptions of a listed movie. The first form's words hold no second "the" ("the first and the
bowling one" is a position and a description; "the black and white one" is one description). The
fourth form is a whole clause such as "el spaghetti western" and must fit the movie's words exactly.
The fifth opens a clause without an article ("stapler one for sure", "both Wes Anderson ones") and
never ends in one ("I liked the one about the mafia" is the second form's, not a description "i liked
the"). The sixth names every listed movie that fits ("nothing else with Schwarzenegger", "the ones
with subtitles", "nada con Jim Carrey"). The seventh is a genre noun as the subject of a verdict ("the
cartoon sounds good", "el western pinta bien", "el documental me interesa"), the one listed film of
that genre. The eighth is a plural topic opening a verdict ("zombies just aren't for me"), the one
listed film whose own words (tags, overview) carry it. The ninth is a bare answer ("boxing yes",
"zombis no"), a word or two that fit exactly one listed film."""


def _genre_word(word: str) -> bool:
    """Whether a word names a genre alone or as "<word> movies" ("cartoon", "western", "kids")."""
    return lexicon.genre_word(word) or lexicon.genre_word(word + " movies")
