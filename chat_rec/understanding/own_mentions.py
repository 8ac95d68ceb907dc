""""The second film I mentioned": a position among the films the person named earlier in the chat.

``references._OWN_MENTION`` keeps such a phrase from picking a film of the list on screen; this reads
which of the person's own films it means, so "more like the second film I mentioned" seeds on that
film as "more like Heat" would (the graph's ``understand`` node; the chat history it reads is the
bounded one the graph keeps, ``settings.max_history_turns``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from chat_rec.understanding import lexicon
from chat_rec.understanding.references import _OWN_MENTION
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.tokens import tokenize

MIN_SCORE = 90
"""A title found in a message counts as one the person named at this resolver score or above (also
what an onboarding answer's titles need: ``nodes.answer_in_context``)."""


LIKENESS = frozenset({"like", "as", "similar", "como", "parecida", "parecido", "parecidas", "parecidos",
                      "estilo", "tipo"})
"""Words that ask for films like the one the phrase points at ("more like", "similar to", "algo como",
"parecidas a"): only then does the phrase like that film."""

_BEFORE = 4
"""How many words before the ordinal may hold the likeness word ("more like the second", "similar to
the first", "parecidas a la segunda")."""


def own_position(text: str) -> int | None:
    """The position "the Nth film I mentioned" / "la segunda peli que te dije" names (1-based; -1 for
    "the last one I mentioned"), or None when the message names none.
    """
    keys = [t.key for t in tokenize(text)]
    return next((p for _, p in _positions(keys)), None)


def _positions(keys: list[str]) -> list[tuple[int, int]]:
    return [(j, lexicon.ORDINALS.get(k, -1)) for j, k in enumerate(keys)
            if (k in lexicon.ORDINALS or k in lexicon.LAST_WORDS) and _OWN_MENTION.match(" ".join(keys[j + 1:j + 7]))]


def asked_like(text: str) -> int | None:
    """The position of the person's own film a message asks for more like ("more like the second film
    I mentioned", "algo como la primera que te dije"); None when it asks for none, or says the opposite
    ("nothing like the second film I mentioned", "I hated the first one I told you about").
    """
    keys = [t.key for t in tokenize(text)]
    for j, position in _positions(keys):
        before = keys[max(0, j - _BEFORE):j]
        at = [i for i, k in enumerate(before) if k in LIKENESS]
        if at and not lexicon.NOMINAL_NEGATORS & set(before[max(0, at[-1] - 2):at[-1]]):
            return position
    return None


_LIKE_AFTER = frozenset("""more something anything movies films film movie one ones stuff things else others
another some sth smth picks titles options algo alguna alguno algunas algunos pelis peliculas pelicula peli otra
otras otro otros mas cosas""".split())
"""Words after which "like" / "como" asks for films that resemble what follows ("more like Heat",
"movies like Fargo", "algo como Amélie"), unlike the verb ("I like Heat") or "as" of a comparison."""

_SIMILAR = frozenset("similar similares parecida parecido parecidas parecidos estilo tipo".split())
"""Words that ask for likeness wherever they stand ("similar to Fargo", "parecidas a Amélie")."""


_LIKENESS_PHRASES = tuple(p.split() for p in (
    "in the style of", "in the vein of", "along the lines of", "same vibe as", "same feel as", "closer to",
    "comparable to", "feel like", "feels like", "kind of like", "sort of like", "al estilo de", "del estilo de",
    "en la linea de", "que recuerden a", "que se parezcan a"))
"""Phrases that ask for films resembling the title right after them ("in the vein of Alien", "something
closer to Blade Runner", "al estilo de Amélie"), beside the single likeness words."""

_BUT = frozenset({"but", "except", "excepto", "salvo", "menos"})
"""After "anything" / "everything", these exclude what follows ("anything but stuff like Jurassic Park")."""

_COORDINATION = frozenset({"and", "or", "y", "o", "e", "u", "a", "to", "&"})
"""Words that join a second title to a likeness ask ("like The Matrix and Inception", "parecida a Spirited
Away o a Ratatouille")."""


def _asks_likeness(before: Sequence[str]) -> bool:
    """Whether the words right ``before`` a title ask for films like it, not negated ("nothing like Heat",
    "anything but stuff like Jurassic Park").
    """
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        phrase = next((p for p in _LIKENESS_PHRASES if i + 1 >= len(p) and list(before[i + 1 - len(p):i + 1]) == p),
                      None)
        if phrase is not None or word in _SIMILAR or (
                word in ("like", "como") and i > 0 and before[i - 1] in _LIKE_AFTER):
            opens = i - (len(phrase) - 1 if phrase else 0)
            ahead = before[max(0, opens - 3):opens]
            excluded = any(w in _BUT and j > 0 and ahead[j - 1] in {"anything", "everything", "cualquier", "todo"}
                           for j, w in enumerate(ahead))
            return not (lexicon.NOMINAL_NEGATORS & set(before[max(0, opens - 2):opens]) or excluded)
    return False


def asked_like_films(text: str, resolver: Any, history: Sequence[Mapping[str, str]] = ()) -> list[int]:
    """The catalog films a message asks for more like, by title ("more like Heat", "anything similar to
    Fargo?", "pelis parecidas a Amélie": a likeness word at most ``_BEFORE`` words before the title) or
    as the Nth film the person mentioned in their earlier messages (``history``). A request by title is
    about these films alone: the request in force seeds on them from now on
    (``ranking.session.next_request``), not on every film liked for it before.
    """
    if resolver is None:
        return []
    tokens = tokenize(text)
    out: dict[int, None] = {}
    last_end = -1  # where the last title asked for ended: a title joined to it by "and" / "o a" is asked too
    for m in sorted(resolver.find_in_text(text), key=lambda m: m.start):
        if m.score < MIN_SCORE:
            continue
        before = [t.key for t in tokens if t.start < m.start]
        joined = [t.key for t in tokens if last_end <= t.start < m.start]
        if _asks_likeness(before[-_BEFORE:]) or (last_end >= 0 and 0 < len(joined) <= 2
                                                   and set(joined) <= _COORDINATION):
            out[m.item_id] = None
            last_end = m.end
    own = _own_film(text, history, resolver)
    if own is not None:
        out[own] = None
    return list(out)


def _own_film(text: str, history: Sequence[Mapping[str, str]], resolver: Any) -> int | None:
    """The person's own earlier film "more like the Nth film I mentioned" asks for, or None."""
    position = asked_like(text)
    if position is None or not history:
        return None
    films = named_before(history, resolver)
    if not films or position > len(films):
        return None
    return films[position - 1] if position > 0 else films[-1]


def named_before(history: Sequence[Mapping[str, str]], resolver: Any) -> list[int]:
    """The films the person's earlier messages named, in the order first named."""
    named: dict[int, None] = {}
    for turn in history:
        if turn.get("role") == "user":
            named.update(dict.fromkeys(m.item_id for m in resolver.find_in_text(turn.get("text") or "")
                                       if m.score >= MIN_SCORE))
    return list(named)


def with_own_mention(signal: PreferenceSignal, text: str, history: Sequence[Mapping[str, str]],
                     resolver: Any) -> PreferenceSignal:
    """``signal`` liking the film "more like the Nth film I mentioned" asks for, when the person named
    that many earlier and the message does not judge it otherwise (unchanged when it points at none).
    """
    film = _own_film(text, history, resolver)
    if film is None or film in signal.liked_ids or film in signal.disliked_ids or film in signal.seen_ids:
        return signal
    return signal.model_copy(update={"liked_ids": [*signal.liked_ids, film],
                                     "mentioned_ids": list(dict.fromkeys([*signal.mentioned_ids, film]))})
