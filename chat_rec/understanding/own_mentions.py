""""The second film I mentioned": a position among the films the person named earlier in the chat.

``references._OWN_MENTION`` keeps such a phrase from picking a film of the list on screen; this reads
which of the person's own films it means, so "more like the second film I mentioned" seeds on that
film as "more like Heat" would (the graph's ``understand`` node; the chat history it reads is the
bounded one the graph keeps, ``settings.max_history_turns``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from chat_rec.understanding import comparisons, lexicon
from chat_rec.understanding.references import _OWN_MENTION
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.title_cues import kind_after
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
    "en la linea de", "que recuerden a", "que se parezcan a", "closest thing to", "nearest thing to", "closest to",
    "nearest to", "lo mas parecido a"))
"""Phrases that ask for films resembling the title right after them ("in the vein of Alien", "something
closer to Blade Runner", "al estilo de Amélie"), beside the single likeness words."""

_BUT = frozenset({"but", "except", "excepto", "salvo", "menos"})
"""After "anything" / "everything", these exclude what follows ("anything but stuff like Jurassic Park")."""

_SAME = frozenset({"same", "mismo", "misma", "mismos", "mismas"})
""""The same <quality> as <title>" (up to four words between, "fairy-tale" counting three): a likeness ask, as
"same vibe as" is (``_same_as``)."""

_COORDINATION = frozenset({"and", "or", "y", "o", "e", "u", "a", "to", "&"})
"""Words that join a second title to a likeness ask ("like The Matrix and Inception", "parecida a Spirited
Away o a Ratatouille")."""


def _same_as(before: Sequence[str]) -> bool:
    """Whether the words right ``before`` a title are "the same <quality> as" ("the same fairy-tale charm as
    Shrek", "el mismo humor que Amélie"), with no negator ("Fargo is not the same as Heat") or break inside.
    """
    if not before or before[-1] not in {"as", "que"}:
        return False
    i = len(before) - 1
    same = next((j for j in range(i - 1, max(i - 6, -1), -1) if before[j] in _SAME), None)
    return same is not None and not any(w in lexicon.NEGATORS or w in {",", "."}
                                        for w in before[max(0, same - 2):i])


def _asks_likeness(before: Sequence[str]) -> bool:
    """Whether the words right ``before`` a title ask for films like it, not negated ("nothing like Heat",
    "anything but stuff like Jurassic Park").
    """
    for i in range(len(before) - 1, -1, -1):
        word = before[i]
        phrase = next((p for p in _LIKENESS_PHRASES if i + 1 >= len(p) and list(before[i + 1 - len(p):i + 1]) == p),
                      None)
        if phrase is not None or word in _SIMILAR or (
                word in ("like", "como") and i > 0 and before[i - 1] in _LIKE_AFTER) or (
                word == "like" and i > 1 and comparisons.asking_likeness(before[i - 2], before[i - 1])):
            opens = i - (len(phrase) - 1 if phrase else 0)
            ahead = before[max(0, opens - 3):opens]
            excluded = any(w in _BUT and j > 0 and ahead[j - 1] in {"anything", "everything", "cualquier", "todo"}
                           for j, w in enumerate(ahead))
            return not (lexicon.NOMINAL_NEGATORS & set(before[max(0, opens - 2):opens]) or excluded)
    return False


_CHANGES = frozenset("for with without in set less more minus made but sin con para en menos mas".split())
"""Words that open a change to a film taken as the model ("Jumanji but for adults", "Fargo but with less snow",
"Amélie pero en Nueva York")."""
_NOT_CHANGES = frozenset("other another either neither never ever over under after together whether rather "
                         "sooner later".split())
"""Words in "-er" that are no comparative ("Heat but other than that …")."""
_MODEL_LEADS = frozenset("want wants wanna need needs gimme basically kinda just ok okay so quiero queremos "
                         "busco".split())
"""Words right before a film taken as a model with a change ("I want The Goonies but for teenagers", "basically
Heat but shorter"): "like" only after "would" / "'d" ("I'd like Fargo but funnier")."""


def changed_model(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether a title is the model of a film asked for with a change: "but" / "pero" right after it, then a
    change (a comparative, "for", "with", "without", "less", "más", "sin" …), or "without" / "minus" / "sin"
    right after it, and before it a want or nothing of its clause ("I want Jumanji but for adults", "Jerry
    Maguire without the romance"). "I liked Heat but it was long" judges Heat instead.
    """
    if len(after) < 2 or after[0] not in {"but", "pero", "without", "minus", "sin"}:
        return False
    change = after[1]
    if after[0] in {"but", "pero"} and not (
            change in _CHANGES or (len(change) > 4 and change.endswith("er") and change not in _NOT_CHANGES)):
        return False
    lead = before[-1] if before else ""
    if lead == "like":
        return len(before) > 1 and before[-2] in {"d", "id", "wed", "would"}
    return lead in _MODEL_LEADS or lead in {"", ",", ".", "?", "!", ";"}


_ASK_HEADS = frozenset("something anything one film movie flick algo alguna alguno una uno peli pelicula".split())
"""Heads of a film asked for, before "as … as" ("something that hits as hard as …")."""


def matched_standard(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether a title is the standard a film asked for should match: "as … as <title> (did)" in a clause that
    asks for a film ("something that hits as hard as Million Dollar Baby did", "one that scares me as much as
    Alien"), not a comparison of two films ("Fargo is as good as Heat") and not a negated one.
    """
    if not before or before[-1] != "as" or (after and after[0] not in _STANDARD_ENDS):
        return False
    start = max((i + 1 for i, k in enumerate(before) if k in {".", ",", "?", "!", ";", "but"}), default=0)
    clause = list(before[start:-1])
    first_as = next((i for i in range(len(clause) - 1, max(-1, len(clause) - 4), -1) if clause[i] == "as"), None)
    if first_as is None:
        return False
    head = clause[:first_as]
    return bool(_ASK_HEADS & set(head)) and not (lexicon.NOMINAL_NEGATORS | lexicon.NEGATORS) & set(head)


_STANDARD_ENDS = frozenset("did does do was is . , ? ! ; for please pls".split())
"""What may follow the standard's title ("as hard as Million Dollar Baby did", "as scary as Alien, please")."""


def _likeness_said(before: Sequence[str]) -> bool:
    """Whether the last "like" of the clause before a title says what something is like ("the beach feels
    like Jaws", "is the second one anything like Heat?": ``comparisons.likeness_said``), asking for nothing.
    """
    start = max((i + 1 for i, k in enumerate(before) if k in {".", ",", "?", "!", ";"}), default=0)
    clause = list(before[start:])
    at = max((i for i, k in enumerate(clause) if k == "like"), default=-1)
    return at >= 0 and comparisons.likeness_said(clause, at)


_ANAPHORS = frozenset("""that those this these it them same eso esa esas ese esos esta estas este estos
""".split())
"""Words that point back at the films named earlier in the message ("more like that", "algo como eso"); not
the articles ("más de los 90" asks for the nineties)."""

_SIMILAR_WORDS = _SIMILAR - {"estilo", "tipo"}
"""The likeness adjectives of ``_SIMILAR``: alone after a title they point back at it ("¿otras parecidas?")."""

_SO_WORDS = frozenset({"asi", "igual", "iguales"})
"""Spanish "like that" after a film word ("más pelis así", "otra igual")."""

_NOT_LIKENESS = frozenset("""i you we they he she u d would do dont didnt really also me te le nos les""".split())
"""Words before "like" that make it the verb ("I like that", "I'd like that"), not a likeness."""

_LIKENESS_NOUNS = frozenset("""vein direction territory style spirit zone lane area mold mould genre realm tone
mood line lines linea onda estilo rollo tono""".split())
"""Nouns that, after "in / along / en" and a demonstrative, point back at a kind of film ("in that vein", "along
those lines", "in that direction", "en esa línea")."""

_ANAPHORIC_PHRASES = tuple(p.split() for p in (
    "in the same vein", "along the same lines", "same vibe", "same vibes", "same kind", "same sort", "same type",
    "that kind of", "those kinds of", "that sort of", "that type of", "more of the same", "en la misma linea",
    "de ese estilo", "de ese tipo", "por el estilo", "mismo estilo", "mismo rollo", "ese rollo", "lo mismo"))
"""Phrases that ask for films like the ones named before them, with no title of their own ("Heat and
Ronin, more of the same", "me encantó Amélie, algo por el estilo")."""


def _anaphoric_ask(keys: Sequence[str]) -> int | None:
    """The index in ``keys`` (the words after the films named) of an ask for more like them that names no
    film of its own ("anything similar?", "more of those", "something like that", "otras parecidas", "más
    pelis así", "in that vein"), or None; a negated one ("nothing like that") asks for none.
    """
    for i, word in enumerate(keys):
        prev = keys[i - 1] if i > 0 else ""
        nxt = keys[i + 1] if i + 1 < len(keys) else "."
        hit = (
            word in _SIMILAR_WORDS
            or (word in ("like", "como") and prev not in _NOT_LIKENESS and nxt in _ANAPHORS)
            or (word in ("of", "de") and prev in ("more", "mas") and nxt in _ANAPHORS)
            or (word in _SO_WORDS and prev in _LIKE_AFTER)
            or (word in ("in", "along", "en") and nxt in _ANAPHORS and i + 2 < len(keys)
                and keys[i + 2] in _LIKENESS_NOUNS)
            or (word == "to" and prev in ("close", "closer", "closest", "nearest") and nxt in _ANAPHORS)
            or (word == "to" and prev == "thing" and i > 1 and keys[i - 2] in ("closest", "nearest")
                and nxt in _ANAPHORS)
            or any(list(keys[i:i + len(p)]) == p for p in _ANAPHORIC_PHRASES)
        )
        if hit:
            return None if lexicon.NOMINAL_NEGATORS & set(keys[max(0, i - 3):i]) else i
    return None


def asked_like_films(text: str, resolver: Any, history: Sequence[Mapping[str, str]] = (),
                     disliked: Collection[int] = (), liked: Collection[int] = ()) -> list[int]:
    """The catalog films a message asks for more like, by title or as the Nth film the person mentioned in
    their earlier messages (``history``):

    * a likeness word at most ``_BEFORE`` words before the title ("more like Heat", "anything similar to
      Fargo?", "pelis parecidas a Amélie"), and titles joined to it ("like Heat or Ronin");
    * the title made a kind by the words right after it ("another Groundhog Day kind of movie",
      "something Alien-ish", "a Jaws type film");
    * an ask that names no film, after the titles it points back at ("Heat and Ronin were great, more of
      those", "vi Fargo, ¿otras similares?"): the titles named before it that the message likes
      (``liked``, the extracted verdicts), or every one when it likes none ("No odio Titanic, pero me
      encantó Heat. ¿Algo parecido?" points at Heat alone).

    A film the message dislikes (``disliked``, the extracted verdicts: "I can't stand Twilight type
    films") is never one it asks more like, and a negated ask ("nothing like Heat", "nothing
    Alien-ish", "nothing like that") asks for none. A request by title is about these films alone: the
    request in force seeds on them from now on (``ranking.session.next_request``), not on every film
    liked for it before.
    """
    films, _ = _likeness(text, resolver, history, disliked, liked)
    return films


def _likeness(text: str, resolver: Any, history: Sequence[Mapping[str, str]] = (),
              disliked: Collection[int] = (), liked: Collection[int] = ()) -> tuple[list[int], bool]:
    """``asked_like_films``, and whether an ask after a title named them (a kind, "Alien-ish", or an ask
    pointing back, "more of those"): always a request, unlike "films like Fargo" in a taste stated.
    """
    if resolver is None:
        return [], False
    tokens = tokenize(text)
    out: dict[int, None] = {}
    after_title = False
    last_end = -1  # where the last title asked for ended: a title joined to it by "and" / "o a" is asked too
    named = [m for m in sorted(resolver.find_in_text(text), key=lambda m: m.start) if m.score >= MIN_SCORE]
    for at, m in enumerate(named):
        before = [t.key for t in tokens if t.start < m.start]
        after = [t.key for t in tokens if t.start >= m.end]
        joined = [t.key for t in tokens if last_end <= t.start < m.start]
        if m.item_id in disliked:
            continue
        kind = kind_after(after) and not lexicon.NOMINAL_NEGATORS & set(before[-2:])
        after_title = after_title or kind
        if kind and at and named[at - 1].item_id not in disliked and 0 < len(
                between := [t.key for t in tokens if named[at - 1].end <= t.start < m.start]) <= 2 \
                and set(between) <= _COORDINATION:
            out[named[at - 1].item_id] = None  # "a Lion King or Little Mermaid type of thing": both make the kind
        core = before[:-2] if before[-2:] in (["the", "original"], ["el", "original"], ["la", "original"]) else before
        # ("in the style of the original Ghostbusters": the version said, the likeness still asked)
        asked = (_asks_likeness(core[-_BEFORE:]) and not _likeness_said(before)) or changed_model(before, after) \
            or matched_standard(before, after)
        if kind or asked or _same_as(before) or (last_end >= 0 and 0 < len(joined) <= 2
                                                 and set(joined) <= _COORDINATION):
            out[m.item_id] = None
            last_end = m.end
    if named:
        tail = [t.key for t in tokens if t.start >= named[-1].end]
        if _anaphoric_ask(tail) is not None:
            pointed = [m.item_id for m in named if m.item_id not in disliked]
            pointed = [i for i in pointed if i in liked] or pointed
            out.update(dict.fromkeys(pointed))
            after_title = after_title or bool(pointed)
    own = _own_film(text, history, resolver)
    if own is not None:
        out[own] = None
    return list(out), after_title


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


def likened_films(signal: PreferenceSignal, text: str, resolver: Any) -> list[int]:
    """The films the message asks for more like by title (``asked_like_films``), given the parser's signal:
    a second reader must leave them to ``with_likeness`` ("something in the same spirit as Heat, just not 3
    hours" asks for films like Heat; the "not" is no verdict on it).
    """
    films, _ = _likeness(text, resolver, disliked=signal.disliked_ids, liked=signal.liked_ids)
    return films


def with_likeness(signal: PreferenceSignal, text: str, resolver: Any) -> PreferenceSignal:
    """``signal`` liking the films the message asks for more like by title (``asked_like_films``) that it
    gives no verdict of its own ("another Heat kind of movie", "something Alien-ish"), and asking for new
    films then, or when the ask came after a title ("Fargo is perfect. Anything similar?"): an ask for
    films like a title likes it, as "more like Heat" does. Otherwise a message that already judged those
    films keeps its own reading ("Crime is my thing, especially films like Fargo" states a taste).
    """
    judged = set(signal.liked_ids) | set(signal.disliked_ids)  # a film seen is still liked by "more like it"
    films, after_title = _likeness(text, resolver, disliked=signal.disliked_ids, liked=signal.liked_ids)
    new = [i for i in films if i not in judged]
    if not new and not after_title:
        return signal
    return signal.model_copy(update={"liked_ids": [*signal.liked_ids, *new], "wants_new_recommendations": True,
                                     "seen_ids": [i for i in signal.seen_ids if i not in new],
                                     "mentioned_ids": list(dict.fromkeys([*signal.mentioned_ids, *new]))})
