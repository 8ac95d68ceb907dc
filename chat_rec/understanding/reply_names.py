"""The names a reply gave the films it listed ("El tercer hombre (1949)" for *The Third Man*).

A Spanish reply, or a model writing its own intro, may name the listed films otherwise than the
catalog does; the person then names them that way too ("Tercer hombre me voló la cabeza"). The
parser passes these names to ``TitleResolver.find_in_text`` as aliases for the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from chat_rec.catalog.models import Item
from chat_rec.understanding.title_cues import _ARTICLES, _JOINERS, _is_weak
from chat_rec.understanding.title_keys import _MINOR, tokenize

MAX_ALIAS_WORDS = 8
"""Words before a bracketed year in a reply that may be a film's name."""
_YEAR_MARK = re.compile(r"\((\d{4})\)")
_NAME_BREAK = re.compile(r"[,:;.!?¿¡()\n—–]")


def reply_aliases(reply: str, listed: Sequence[Item], known_ids: Callable[[str], set[int]]) -> dict[str, int]:
    """The names a reply gave the films it listed, each written before its year in brackets
    ("Clásicos británicos: El tercer hombre (1949), Breve encuentro (1946)"): folded key -> id.

    The k-th bracketed year belongs to the k-th listed film when the years agree in order;
    otherwise a year written once belongs to the one listed film of that year. A stretch of
    words before the year that opens with a capital after lowercase words is a candidate name
    ("Te recomiendo Tesis", "Tesis"; "An American Werewolf in London" but not "London"), with
    and without its article; names ``known_ids`` already gives the film add nothing, and one
    ordinary word alone is no name.
    """
    if not reply or not listed:
        return {}
    marks = list(_YEAR_MARK.finditer(reply))
    out: dict[str, int] = {}
    start = 0
    for mark, owner in zip(marks, _owners([int(m.group(1)) for m in marks], listed), strict=True):
        segment = reply[start:mark.start()]
        start = mark.end()
        if owner is None:
            continue
        words = tokenize(_NAME_BREAK.split(segment)[-1])[-MAX_ALIAS_WORDS:]
        for j in range(len(words)):
            if not words[j].raw[:1].isupper() or (j and (words[j - 1].raw[:1].isupper() or (
                    words[j - 1].key in _MINOR and words[j - 1].key not in _JOINERS))):
                continue  # a name starts after lowercase words: "Te recomiendo Tesis", not "London"
            key = " ".join(t.key for t in words[j:])
            for name in (key, key.split(" ", 1)[1] if words[j].key in _ARTICLES and len(words) - j > 1 else ""):
                if name and name not in out and not (len(name.split()) == 1 and _is_weak(name)) \
                        and owner not in known_ids(name):
                    out[name] = owner
    return out


def _owners(years: list[int], listed: Sequence[Item]) -> list[int | None]:
    """The listed film each bracketed year belongs to (None: no one film)."""
    if years == [item.year for item in listed]:
        return [item.item_id for item in listed]
    by_year: dict[int, list[int]] = {}
    for item in listed:
        if item.year is not None:
            by_year.setdefault(item.year, []).append(item.item_id)
    return [ids[0] if len(ids := by_year.get(year, [])) == 1 and years.count(year) == 1 else None for year in years]
