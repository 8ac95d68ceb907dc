"""References to the movies of the previous list: "the third one", "both", "the Crowe one".

The parser (parser.py) asks ListReferences for the list references of each clause; the words
are read as positions ("the first two", "#2", "the middle one"), groups ("both", "none of
these") or descriptions ("the Crowe one"), which list_descriptions.py matches against each listed
movie's own year, genres, tags and overview.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Sequence
from dataclasses import dataclass, field, replace

from chat_rec.catalog.models import Item
from chat_rec.understanding import lexicon
from chat_rec.understanding.list_descriptions import PLURAL_NOUNS, POSITION_NOUNS, ListDescriptions

_DETERMINERS = {"the", "la", "el", "lo", "las", "los", "that", "this", "those", "these", "esa", "ese", "esta", "este",
                "esas", "esos", "estas", "estos", "aquella", "aquel"}
_UNITS = {"stars", "star", "hours", "hour", "hrs", "minutes", "mins", "more", "movies", "films", "of", "out",
          "times", "x", "people", "kids", "estrellas", "horas", "minutos", "mas", "peliculas", "veces",
          "years", "anos", "seasons", "episodes", "am", "pm", "percent", "k", "m"}
ALL_EXCEPT = re.compile(r"\b(?:all|all of (?:them|these|those|em)|all three|all four|every one|everything|each one"
                         r"|none of (?:them|these|those|em)|not (?:a single |even )?one of (?:them|these|those|em)"
                         r"|todas|todos|todas ellas|ninguna|ninguno"
                         r"|todos ellos|las tres|los tres) (?:\w+ ){0,3}(?:except|but|menos|excepto|salvo)\b"
                         r"|\b(?:any(?: one)? of (?:them|these|those|em)|any|cualquiera(?: de (?:ellas|esas|estas))?)"
                         r" (?:\w+ ){0,3}?(?:except|menos|excepto|salvo)\b")
"""A whole list with an exception ("all of them except number two", "none of these except the second",
"todas menos la segunda"): the list without the exception is one reference. After "any" ("any of those except
the first", "cualquiera menos la última") only a word that always sets apart counts: "but" there is read as
"except" only where the parser rewrote it (``parser._sets_apart_from_all``), not in "I'd watch any of them but
Heat is my favourite"."""
_OPENING_FOLLOWERS = frozenset("is was s looks looked sounds sounded seems seemed i we es fue era parece".split())
"""Words after which a number word opening its clause is a list position ("three is great", "two I loved",
"dos es lo más"): a copula of the film or the person as subject of their own verdict."""
_NUMBER = {"number", "numero", "num", "nro", "no", "option", "opt", "opcion", "choice"}
_PENULTIMATE = frozenset({"penultimate", "penultima", "penultimo"})
_POSSESSIVES = frozenset("my our his her their your mi mis su sus tu tus nuestra nuestro".split())
"""Before "number one" a possessive makes it a favourite ("my number one of all time"), no list position."""
_FROM_THE_END = re.compile(
    r"\b(?:(?P<nth>second|third|2nd|3rd) (?:to|from) (?:the )?(?:last|bottom|end)"
    r"|(?:the )?one (?:before|above) (?:the )?(?:last|bottom)(?: one)?|next to (?:the )?last|last but one"
    r"|(?P<ante>antepenultima|antepenultimo)|(?:la|el) (?:anterior a|de antes de) (?:la|el) (?:ultima|ultimo))\b")
"""A position counted from the end of the list in words ("the one before last", "next to last", "third from the
bottom", "la antepenúltima", "la anterior a la última"); "second to last" and "penúltima" are read word by word."""
_FROM_END_AT = {"second": 2, "2nd": 2, "third": 3, "3rd": 3}
_ANSWERS = {**dict.fromkeys(("yes", "yeah", "yep", "yup", "yea", "sure", "sip", "qqgood"), 1),
            **dict.fromkeys(("no", "nope", "nah", "naw", "qqbad"), -1)}
"""Bare answers, for one per listed film ("nope nope and yes")."""
_ORDER_OF_LIST = re.compile(
    r"\b(?:one|film|movie|pick|title|suggestion)s? (?:that |which )?you (?:(?P<first>(?:started|opened|led|began"
    r"|kicked off|start|open|lead|begin)(?: off| up)? (?:with|on)|(?:listed|mentioned|put|named|gave|suggested)"
    r" (?:it )?first)|(?:ended|finished|closed|wrapped up|rounded off|end|finish|close)(?: off| up)? (?:with|on)"
    r"|(?:listed|mentioned|put|named|gave|suggested) (?:it )?last)\b")
"""A listed film named by where the reply put it ("the one you opened with", "the film you ended on")."""
_EARLIER_LIST = re.compile(
    r"\b(?:from|of|in|on|off) (?:your|the|that|ur) (?:earlier|previous|last|first|other|old|older|original|1st)"
    r" (?:batch|list|round|set|lot|bunch|suggestions?|picks|recs|recommendations|reply|answer|message)"
    r"|\b(?:de|en) (?:la|tu) (?:lista|tanda|ronda) (?:anterior|de antes|pasada)\b")
"""A position said of a list the bot gave before this one ("the last one from your earlier batch", "la segunda de
la lista anterior"): not the list on screen, so no film of it."""
_NEIGHBOUR = re.compile(r"\b(?:the|la|el) (?:one|film|movie) (?:right |just )?(?P<dir>after|before|below|above|under)"
                        r"(?: (?:it|that|this)(?: one)?\b| ?$| (?=(?:not|no|nah|nope|was|is|s|sounds|looks|seems|too"
                        r"|also|as well)\b))")
"""The listed film next to the one named last ("the last one, no wait, the one before that", "the film above
that", "the last was great, the one before not so much": with nothing after it but its verdict)."""
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


def _counted_in_the(ckeys: Sequence[str], j: int, n: int) -> int:
    """How many films "the two in the middle", "the ones in the middle" take: the count or plural noun before
    "in the" at ``j`` (a plural of an even list is its middle two), else 0.
    """
    if list(ckeys[max(0, j - 2):j]) != ["in", "the"] or j < 3:
        return 0
    before = ckeys[j - 3]
    if before in {"ones", "films", "movies"}:
        before = ckeys[j - 4] if j >= 4 and ckeys[j - 4] in lexicon.NUMBER_WORDS else before
    if before in lexicon.NUMBER_WORDS and before not in {"one", "una", "uno"}:
        return lexicon.NUMBER_WORDS[before]
    return 2 if before in {"ones", "films", "movies"} and n % 2 == 0 else 0


def count_at(ckeys: Sequence[str], j: int) -> tuple[int, str]:
    """How many films the words around token ``j`` count ("the other two", "las dos primeras"; 0
    when none), and the word before the phrase (the determiner, past a number before ``j``).
    """
    prev = ckeys[j - 1] if j else ""
    nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
    count = lexicon.NUMBER_WORDS.get(nxt, 0) if nxt not in {"one"} else 0
    count = 2 if nxt in {"couple", "pair"} else count  # "the last couple", "the first pair"
    if not count and prev in lexicon.NUMBER_WORDS and prev not in {"one", "una", "uno"}:
        return lexicon.NUMBER_WORDS[prev], ckeys[j - 2] if j >= 2 else ""  # "las dos primeras", "the two last"
    return count, prev


_OF_THE = (["of", "the"], ["of", "your"], ["of", "that"], ["of", "this"], ["of", "ur"])
_LIST_NOUNS = (["list"], ["pile"], ["bunch"], ["lot"], ["stack"])
"""The first or last of the list by its place ("top of the list", "bottom of the pile"); said after a
copula ("Heat is top of my list") it praises a film instead."""


@dataclass
class _Ref:
    """Something a clause talks about: catalog items or a genre, at a token position."""

    pos: int
    items: list[int] = field(default_factory=list)
    genres: tuple[str, ...] = ()
    pronoun: bool = False
    narrow: bool = False
    """Named by a word for one kind inside the genre ("slashers": ``lexicon.NARROW_GENRE``)."""


class ListReferences:
    """Finds, clause by clause, the references to the movies of the previous reply's list."""

    def __init__(self, previous: Sequence[Item], phrases: Container[tuple[str, str]] = frozenset()):
        self.previous = list(previous)
        self.phrases = phrases
        """Word pairs of the catalog's names and set phrases (``description_words.phrase_pairs``)."""
        self.descriptions = ListDescriptions(self.previous, phrases)
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
        skip: set[int] = set()
        for m in _FROM_THE_END.finditer(text) if n > 2 else ():
            back = 3 if m.group("ante") else _FROM_END_AT.get(m.group("nth") or "second", 2)
            at = text[:m.start()].count(" ")
            if back <= n:
                refs.append(_Ref(lo + at, [ids[-back]]))
                skip.update(range(at, at + m.group().count(" ") + 1))
        for j, k in enumerate(ckeys):
            if j in skip:
                continue  # a position counted from the end, read above
            nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
            count, prev = count_at(ckeys, j)
            picked: list[int] = []
            second_last = ckeys[j + 1:j + 2] == ["last"] or ckeys[j + 1:j + 3] == ["to", "last"]
            if n > 2 and (k in _PENULTIMATE and (prev in _DETERMINERS or j == 0) or k == "second" and second_last):
                picked = ids[-2:-1]  # "la penúltima", "the second to last one"
            elif k in {"to", "last"} and prev == "second" or k == "last" and ckeys[j - 2:j] == ["second", "to"]:
                continue  # the rest of "second to last"
            elif k in lexicon.ORDINALS and (prev in _DETERMINERS or nxt in POSITION_NOUNS
                                           or j == 0 or prev in {"and", "or", "y", "o", "seen"}) \
                    and not self.descriptions.tag_at(ckeys, j):  # "the first-love one" describes the film tagged so
                if _noun_after(ckeys, j) in _NOT_REF_NOUNS or (nxt == "of" and ckeys[j + 2:j + 3] not in (
                        ["them"], ["those"], ["these"])) or _OWN_MENTION.match(" ".join(ckeys[j + 1:j + 7])):
                    continue
                idx = lexicon.ORDINALS[k]
                picked = ids[idx - 1: idx - 1 + max(count, 1)] if idx <= n else []
            elif k in lexicon.LAST_WORDS and (prev in _DETERMINERS or prev in {"and", "or", "y", "o"} and refs
                                              or k == "final" and prev == "del"
                                              or j == 0 and (count or nxt in {"one", "is", "was"})) \
                    and _noun_after(ckeys, j) not in _NOT_REF_NOUNS \
                    and not self.descriptions.tag_at(ckeys, j):  # "the first and last ones"
                two = nxt in PLURAL_NOUNS and n > 2 and prev in _DETERMINERS  # "the last ones"; "first and last ones"
                picked = ids[-max(count, 2 if two else 1):]
            elif k in lexicon.FORMER_WORDS and prev in _DETERMINERS:
                picked = ids[:1]
            elif k in {"top", "bottom"} and (prev in _DETERMINERS or j == 0
                                            or prev in {"and", "or", "y", "o"} and refs) \
                    and nxt in POSITION_NOUNS and not (k == "top" and nxt in {"pick", "picks", "choice"} and (
                        j + 2 == len(ckeys) or ckeys[j + 2] in {"is", "would", "was", "has", "for"})):
                # ("Top pick: the third", "the top pick is Heat": a label for a favourite, not the first one)
                picked = ids[:1] if k == "top" else ids[-1:]  # "the top one", "bottom one nope"
            elif k in {"top", "bottom"} and (ckeys[j - 2:j] == ["at", "the"] and j > 1 or (
                    j == 0 or prev in {"and", "but", "y", "pero"}) and ckeys[j + 1:j + 3] in _OF_THE
                    and ckeys[j + 3:j + 4] in _LIST_NOUNS):
                picked = ids[:1] if k == "top" else ids[-1:]  # "top of the list sounds good", "the one at the bottom"
            elif k in {"top", "bottom"} and 1 < count < n and (j == 0 or prev in _DETERMINERS or prev in {"my", "and"}):
                picked = ids[:count] if k == "top" else ids[-count:]  # "top three on that list", "the bottom two"
            elif k in _START_NOUNS and prev == "del":  # ("al principio" is "at first")
                picked = ids[:max(count, _counted_before(ckeys, j), 1)]  # "la del principio", "las dos del principio"
            elif k in _NUMBER and nxt in lexicon.NUMBER_WORDS and lexicon.NUMBER_WORDS[nxt] <= n \
                    and (k != "no" or nxt.isdigit()) and prev not in _POSSESSIVES:
                # "no 2" is number two; "no one likes it" is nobody; "my number one" is a favourite
                picked = [ids[lexicon.NUMBER_WORDS[nxt] - 1]]
            elif k.isdigit() and 1 <= int(k) <= n and prev not in _NUMBER and self._bare_position(ckeys, j):
                picked = [ids[int(k) - 1]]  # "1 and 3 are great, 2 is a hard no", "#2"
            elif not k.isdigit() and 1 <= lexicon.NUMBER_WORDS.get(k, 0) <= n and prev not in _NUMBER \
                    and self._spelled_position(ckeys, j):
                picked = [ids[lexicon.NUMBER_WORDS[k] - 1]]  # "liked one and three, not two"
            elif k in _ERA_SUPERLATIVES and (prev in _DETERMINERS and nxt in _ERA_PICKED
                                             or prev in {"mas", "most", "more"} and j > 1
                                             and (ckeys[j - 2] in _DETERMINERS or j > 2 and ckeys[j - 3] in
                                                  _DETERMINERS and ckeys[j - 2] in lexicon.NUMBER_WORDS)
                                             or count > 1 and nxt in _ERA_PICKED | PLURAL_NOUNS):
                # "the oldest one", "la más reciente", "the older two", "the two newer ones", "las dos más nuevas"
                count = count or (lexicon.NUMBER_WORDS.get(ckeys[j - 2], 1) if prev in {"mas", "most", "more"} else 1)
                picked = self.descriptions.by_year(_ERA_SUPERLATIVES[k], count)
            elif k in {"middle", "medio", "centro"} and n > (size := max(count, _counted_before(ckeys, j),
                                                                         _counted_in_the(ckeys, j, n), 1)) \
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
                if k in _SINGULAR_OTHER and not count and nxt not in PLURAL_NOUNS and len(picked) != 1:
                    picked = []  # "la otra", "the other one": only when exactly one is left
                if count and len(picked) != count:
                    picked = []  # "the other two" with three left names no two of them
            if picked:
                refs.append(_Ref(lo + j, picked))
        for m in _ORDER_OF_LIST.finditer(text) if n > 1 else ():
            picked = ids[:1] if m.group("first") else ids[-1:]  # "the one you opened with", "the one you ended on"
            at = lo + text[:m.start()].count(" ")
            if not any(r.pos == at for r in refs):
                refs.append(_Ref(at, picked))
        for m in _NEIGHBOUR.finditer(text):
            pos = lo + text[:m.start()].count(" ")
            before = [i for r in refs if r.pos < pos for i in r.items] or list(referenced)  # this clause's first
            if not before or before[-1] not in ids:
                continue
            at = ids.index(before[-1]) + (1 if m.group("dir") in {"after", "below", "under"} else -1)
            if 0 <= at < n and not any(r.pos == pos for r in refs):
                refs.append(_Ref(pos, [ids[at]]))  # "I mean the one after it": next to the film named last
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
        for m in _EARLIER_LIST.finditer(text):  # "the last one from your earlier batch": another list than this one
            at = lo + text[:m.start()].count(" ")
            refs = [r for r in refs if not (r.items and at - 5 <= r.pos < at)]
        return refs

    def answers(self, keys: Sequence[str], opening: bool = False) -> list[tuple[int, int]]:
        """(id, +1 / -1) per listed film when the message is bare yeses and noes, one per film and
        not all alike unless "and" joins the last ("nope nope and yes", "sí, no, sí", "👍 👎", "nope, nope and
        nope"), or only a list position (a number alone, "2", "four!", chooses that film); empty otherwise.
        ``opening``: the words are the first sentence of a longer message; there only answers joined by "and"
        count ("Nope, nope and nope. My boyfriend would walk out.").
        """
        words = [k for k in keys if k not in {",", ".", "and", "y", "then", "luego"}]
        bare = [k for k in words if k not in _NUMBER | {"!", "?", "please", "pls"}]
        if not opening and len(bare) == 1 and len(self.previous) > 1 and words[-1:] != ["?"] \
                and 1 <= (at := lexicon.NUMBER_WORDS.get(bare[0], 0)) <= len(self.previous):
            return [(self.previous[at - 1].item_id, 1)]  # "2", "four!", "number three please": the one chosen
        signs = [_ANSWERS.get(k, 0) for k in words]
        said = [k for k in keys if k not in {".", "!"}]
        joined = len(said) >= 3 and said[-2] in {"and", "y"}
        if len(self.previous) < 2 or len(words) != len(self.previous) or 0 in signs \
                or not joined and (opening or len(set(signs)) < 2):
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

    def _descriptive(self, ckeys: list[str], lo: int, ids: list[int]) -> list[_Ref]:
        """Listed films a description in the clause picks out ("the Russell Crowe one", "la de los romanos")."""
        return [_Ref(pos, found, genres=("described",)) for pos, found in self.descriptions.find(ckeys, lo, ids)]

    def matching(self, phrase: str) -> list[Item]:
        """The listed movies a description fits with all its words ("submarino", "the jazz")."""
        return self.descriptions.matching(phrase)

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
        cued = cued or prev == "to" and j > 1 and ckeys[j - 2] in _ANSWERS  # "yes to 4, no to 2"
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


_OPENING = re.compile(r"^(?:the|la|el|las|los) (?:other|otra|otro|otras|otros|de|del|con|sobre"
                      r"|(?:\w+ ){1,3}?(?:one|ones))\b")
_SINGULAR_OTHER = frozenset({"other", "otra", "otro"})
_DEMONSTRATIVES = frozenset("esta este estas estos esa ese esas esos".split())
"""Before "medio" these are "está" folded ("está medio aburrida": somewhat), no determiner."""
_ERA_SUPERLATIVES = {"oldest": False, "older": False, "earliest": False, "newest": True, "newer": True,
                     "antigua": False, "antiguo": False, "vieja": False, "viejo": False, "nueva": True, "nuevo": True,
                     "reciente": True, "moderna": True, "moderno": True, "recent": True, "antiguas": False,
                     "antiguos": False, "viejas": False, "viejos": False, "nuevas": True, "nuevos": True,
                     "recientes": True, "modernas": True, "modernos": True}
"""Era words after "the"/"la"/"más": the listed film released first (False) or last (True)."""
_ERA_PICKED = frozenset({"one", "movie", "film", "pick", "", "de", "two", "three", "2", "3"})
"""Words after "the older" / "the newest" that make it listed films ("the older one", "the older two"); "the newer
ones" is a kind of film (an era, ``clauses.relative_era``), unless counted ("the two newer ones")."""
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
        if count and len(left) != count or k in _SINGULAR_OTHER and not count and nxt not in PLURAL_NOUNS and (
                len(left) != 1) or len(left) < 1 or not count and k not in _SINGULAR_OTHER and len(left) < 2 \
                and len(named) < 3:
            return None
        return _Ref(lo + j, left)
    return None
