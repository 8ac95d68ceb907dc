"""Names of people in a message: runs of capitalised words inside a sentence ("Peter Jackson").

The catalog knows people only through its own text: tags such as "stanley kubrick" and, when an
overview file with a cast column was ingested, each film's top-billed cast; both are terms of the
aspect vocabulary (``chat_rec.catalog.aspects``). A name those terms hold is read like any mood. A
name they do not hold must not be read word by word ("Peter" is near the tag "peter pan"), and when
the message asks for that person's films ("something by Denis Villeneuve", "a Greta Gerwig film",
"una peli con Ana Torrent") the reply says the catalog does not know them, instead of answering as
if the name had not been written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.understanding.aspects import Token

PERSON_CUES = frozenset("by starring with featuring feat ft con por protagonizada protagonizado dirigida "
                        "dirigido".split())
"""Words after which a name is the person whose films are asked for ("directed by", "starring",
"una peli con"); "de" is left out: in Spanish it also opens titles and places ("de Nueva York")."""

FILM_NOUNS = frozenset("movie movies film films flick flicks".split())
"""Nouns a name may come before as its maker or star ("a Greta Gerwig film")."""

JOINERS = frozenset({"and", "or", "y", "e", "o", "u", ","})
"""Words that join a second name to an asked one ("starring X and Y", "con X y Y")."""

_OPENING = tuple(".!?¿¡:;\"'(\n")


def name_spans(text: str, tokens: Sequence[Token], vocabulary: AspectIndex) -> list[tuple[int, int]]:
    """Token spans (start, end exclusive) of two or more capitalised words in a row inside a
    sentence that no vocabulary term holds as a whole ("Morgan Freeman" is a tag; "Peter Jackson"
    is not).
    """
    capital = [i > 0 and text[t.start:t.end][:1].isupper() and text[t.start:t.end][1:].islower()
               and text[:t.start].rstrip()[-1:] not in _OPENING for i, t in enumerate(tokens)]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and capital[j]:
            j += 1
        if j - i >= 2 and not vocabulary.is_term(" ".join(t.key for t in tokens[i:j])):
            out.append((i, j))
        i = max(j, i + 1)
    return out


def unknown_names(text: str, tokens: Sequence[Token], vocabulary: AspectIndex,
                  blocked: Callable[[], set[int]]) -> list[str]:
    """Names whose films the message asks for that the catalog's terms do not hold, as written.

    A span of ``name_spans`` counts when a person cue stands right before it, a film noun right
    after it, or a counted name one joining word before it ("starring X and Y"); ``blocked`` gives
    the token positions of titles and genres (called only when some name is found), and a span
    touching one is a title's words, not a person.
    """
    asked: list[tuple[int, int]] = []
    for i, j in name_spans(text, tokens, vocabulary):
        before = tokens[i - 1].key if i > 0 else ""
        if (before in PERSON_CUES or (j < len(tokens) and tokens[j].key in FILM_NOUNS)
                or (before in JOINERS and asked and asked[-1][1] == i - 1)):
            asked.append((i, j))
    if not asked:
        return []
    taken = blocked()
    names = [text[tokens[i].start:tokens[j - 1].end] for i, j in asked if not taken & set(range(i, j))]
    return list(dict.fromkeys(names))
