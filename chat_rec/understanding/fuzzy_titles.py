"""The resolver's fuzzy pass: misspelt titles over windows of the words no exact title covered.

Two passes share the windows: a character ratio against whole titles ("gladiater", "jurasic park",
adjacent letters swapped: "run lola rnu"), and, where a word no dictionary knows licenses it, the
word-by-word pass of ``typos.py`` ("jumani", "brveheert").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from chat_rec.understanding import lexicon, typos
from chat_rec.understanding.title_accept import accept
from chat_rec.understanding.title_context import at_start, correlative, nearby_year
from chat_rec.understanding.title_cues import (
    _ARTICLES,
    _MAX_FUZZY_TOKENS,
    _STRONG_CUES,
    _SUBJECT_VERBS,
    _VERB_AFTER,
    _is_weak,
)
from chat_rec.understanding.title_keys import _MINOR, _is_genre, _stop, _Token
from chat_rec.understanding.word_forms import correct_typo

if TYPE_CHECKING:
    from chat_rec.understanding.resolver import TitleResolver


def misspelt_subject(tokens: list[_Token], i: int, window: str, known: frozenset[str], shortest: int = 7) -> bool:
    """A lowercase word no dictionary knows, long enough to be a title and standing where a
    title stands (the subject of a verb, joined to another name, after a capitalised article):
    "termnator is a fave", "terminater 2 and predater are...", "El orfanto".
    """
    if not known or window in known or len(window) < shortest:
        return False
    nxt = tokens[i + 1].key if i + 1 < len(tokens) else ""
    prev = tokens[i - 1].key if i > 0 else ""
    titled = i > 0 and prev in _ARTICLES and tokens[i - 1].raw[:1].isupper()
    return nxt in _VERB_AFTER | _SUBJECT_VERBS | {"are", "were", "and", "y"} or prev in {"and", "y"} or titled


def _spelt_as_phrase(words: list[str], title: str, spanish: bool) -> bool:
    """Whether correcting the window's misspelt cue words (``word_forms.correct_typo``: "anythign" ->
    "anything") spells exactly the title matched: then the exact pass's reading of those words holds
    ("anything else?" asks for more, it names no *Anything Else*).
    """
    fixed = [correct_typo(w, spanish) for w in words]
    return fixed != words and " ".join(fixed) == title


def fuzzy_matches(resolver: TitleResolver, text: str, tokens: list[_Token], covered: set[int], prefer: set[int],
                  spanish: bool = False, exact: Mapping[int, int] | None = None) -> list[tuple[int, int, int, float]]:
    """Typo matches ("gladiater", "jurasic park") over windows of uncovered tokens.

    ``exact``: the exact matches (start token -> length) that cover tokens. A window may hold
    whole ones when the title it matches contains their words and is longer: "Requiem for a
    Draem" is Requiem for a Dream, not Requiem; "The Matrix Relaoded" not The Matrix.
    """
    exact = exact or {}
    out: list[tuple[int, int, int, float]] = []
    limit = min(len(tokens), _MAX_FUZZY_TOKENS)
    stop = _stop()
    known = lexicon.known_words() if len(lexicon.known_words()) > 5000 else frozenset()
    function = lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS | _MINOR
    for i in range(limit):
        if (i in covered and i not in exact) or (tokens[i].key in function and tokens[i].key != "the" and (
                i + 2 >= limit or tokens[i + 1].key in function)):  # "no country for olld men" may start so
            continue
        for n in range(1, 8):
            span = range(i, i + n)
            if i + n > limit:
                break
            held = _held_spans(span, covered, exact)
            if held is None:
                continue  # the window cuts an exact match: a longer one may hold it whole
            if held == [] and any(k in covered for k in span):
                break
            words = [tokens[k].key for k in span]
            if words[-1] in function or (words[0] in function and words[0] != "the" and n < 3) \
                    or n > 1 and len(words[-1]) == 1 and words[-1] not in {"i", "v", "x"} and not words[-1].isdigit():
                continue  # (a lone letter ends no misspelt title: "jurrasic park w my son" is "with my son")
            rare = [w for w in words if w not in stop and not w.isdigit()]
            unknown = not spanish and bool(known) and any(typos.unknown_word(w) for w in words)
            if (not rare or max(len(w) for w in rare) < 4) and not unknown:
                continue  # (a word no dictionary knows licenses the word-by-word pass below)
            window = " ".join(words)
            if correlative(tokens, i, n):
                continue  # "the twistier the better": a comparative
            spelt_right = bool(known) and all(w in known or w.isdigit() or lexicon.is_known_word(w) for w in words)
            if spelt_right and (sum(w not in function for w in words) <= 1 or len(window) < 10):
                continue  # every word spelt right: a phrase, not a misspelt title ("the closest" is no "The Closet")
            cued = i > 0 and tokens[i - 1].key in lexicon.FILM_CUES | _STRONG_CUES
            short = len(window) < (6 if n == 1 and cued else 7 if n == 1 else 8)
            if _is_genre(window) or (short and not (unknown and len(window) >= (5 if n == 1 else 6))):
                continue
            choices = resolver._fuzzy_choices.get(n, [])
            if not choices and not unknown:
                continue
            cutoff = 93 if spelt_right else 86 if max((len(w) for w in rare), default=0) >= 5 else 90
            if held:
                extra = [tokens[k].key for k in span if not any(a <= k < a + m for a, m in held)]
                if not any(len(w) >= 4 and not w.isdigit() and w not in known for w in extra):
                    continue  # only a misspelt word extends an exact match ("Matrix Relaoded")
                cutoff = max(cutoff, 90)
            hit = None if short or not choices else process.extractOne(
                window, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            # a possessive typed without its apostrophe ("pans labrynth", "schindlers lsit"): titles fold "Pan's"
            # to "pan", so the typed "s" would cost the ratio an edit on top of the misspelling
            bare = window if held else " ".join(
                w[:-1] if j < n - 1 and len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w
                for j, w in enumerate(words))
            if hit is None and not short and choices and bare != window:
                hit = process.extractOne(bare, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if hit is not None and held and not all(
                    f" {' '.join(tokens[k].key for k in range(a, a + m))} " in f" {hit[0]} " for a, m in held):
                hit = None  # the longer title must contain what was matched exactly
            placed = n == 1 and not spanish and (cued or misspelt_subject(tokens, i, window, known, 6))
            # (Spanish words are in no dictionary here: "mi sobrina le…" is no misspelt *Sabrina*)
            long_enough = len(window) >= (8 if n == 1 else 7) or (placed and len(window) >= 6)
            if hit is None and not short and not spelt_right and long_enough:
                # letters swapped ("run lola rnu") cost two edits to the ratio but one here
                swapped = process.extractOne(window, choices, scorer=OSA.distance, score_cutoff=1) or (
                    process.extractOne(bare, choices, scorer=OSA.distance, score_cutoff=1) if bare != window else None)
                hit = (swapped[0], 100.0 * (1 - 1 / len(window)), swapped[2]) if swapped else None
                if hit is not None and n == 1 and len(window) < 8 and not resolver._known_film(hit[0]):
                    hit = None  # a short word one letter off: only a well-known film ("titanik")
            typo = hit is None and unknown and not held
            if typo:
                # word by word: "jumani", "the lin king", "brveheert"; a lone word only for a
                # well-known film (a name or slang word no dictionary holds is one letter off
                # many obscure titles)
                slip = typos.match(words, resolver._typo_choices.get(n, []), typos.unknown_word)
                hit = (slip[0], slip[1], 0) if slip else None
            if hit is not None and n > 1 and (hit[0] == window or _spelt_as_phrase(words, hit[0], spanish)) \
                    and not accept(resolver, text, tokens, i, n, hit[0], prefer, spanish):
                continue  # "anythign else?", "no happy accidents": the exact pass turned these very words down
            known_hit = hit is not None and resolver._known_film(hit[0])
            if typo and hit is not None and (n == 1 or _is_weak(hit[0])) and not known_hit:
                hit = None
            if hit is not None and n == 1 and unknown:
                near = typos.one_edit_words(window, lexicon.is_known_word)
                if near - {hit[0]} and not (hit[0] in near and resolver._known_film(hit[0])
                                            and misspelt_subject(tokens, i, window, known, 6)):
                    # "increadible" is a slip for a word ("incredible") before a title (The Incredibles); a
                    # well-known film that is a word itself, misspelt as a subject, stays ("inseption was …")
                    hit = None
            # a misspelt word of a well-known film needs no cue ("anything similar to goldeneey?")
            lower_word = not (unknown and known_hit) and n == 1 and not tokens[i].raw[:1].isupper() and (
                i == 0 or tokens[i - 1].key not in lexicon.FILM_CUES | _STRONG_CUES) \
                and not misspelt_subject(tokens, i, window, known)
            name_part = n == 1 and i > 0 and tokens[i - 1].raw[:1].isupper() and tokens[i].raw[:1].isupper() \
                and not at_start(text, i - 1, tokens[i - 1])  # "Emma Thompsen": part of a name
            weak = hit is not None and n > 1 and (_is_weak(hit[0]) or hit[0] in resolver._capitals_only) \
                and not unknown and not accept(  # an ordinary phrase needs its exact form's cue
                    resolver, text, tokens, i, n, hit[0], prefer, spanish)
            infinitive = n == 1 and spanish and not tokens[i].raw[:1].isupper() and window.endswith(
                ("ar", "er", "ir"))  # "no lo pude terminar" is a verb, no misspelt "Terminator"
            if hit is None or lower_word or name_part or weak or infinitive or (n == 1 and (
                    window.rstrip("s") == hit[0].rstrip("s")
                    or not accept(resolver, text, tokens, i, 1, window, prefer, spanish))):
                continue
            item_id = resolver._lookup(resolver._index, hit[0], nearby_year(tokens, i, n), prefer)
            if item_id is not None:
                out.append((i, n, item_id, float(hit[1])))
    return out + number_slips(resolver, text, tokens, covered, prefer, spanish, exact, {(i, n) for i, n, _, _ in out})


def singular(word: str) -> str:
    """A word without a plural "s" ("arks" -> "ark"; "glass", "bus" stay)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")) else word


def number_key(words: list[str]) -> str:
    """A title's words, each in the singular: the key a slip of number still finds."""
    return " ".join(singular(w) for w in words)


def number_slips(resolver: TitleResolver, text: str, tokens: list[_Token], covered: set[int], prefer: set[int],
                 spanish: bool, exact: Mapping[int, int], taken: set[tuple[int, int]]
                 ) -> list[tuple[int, int, int, float]]:
    """Titles typed with a word's number changed: "Raiders of the Lost Arks", "Guardian of the Galaxy",
    "Honey I Shrunk the Kid". Every word is a word, so the character ratio's gates (a rare or
    misspelt word) never let these through; instead the window, each word made singular, must be
    the singular key of exactly one title of three or more words, two of them content words
    (``TitleResolver._by_number``). It may hold exact matches whole ("the Ring") but not cut one.
    """
    out: list[tuple[int, int, int, float]] = []
    by_number = resolver._by_number
    limit = min(len(tokens), _MAX_FUZZY_TOKENS)
    singles = [singular(t.key) for t in tokens[:limit]]
    for i in range(limit):
        for n in range(3, min(resolver._max_len, limit - i) + 1):
            if " ".join(singles[i:i + 2]) not in resolver._number_prefixes:
                break
            span = range(i, i + n)
            key = by_number.get(" ".join(singles[i:i + n]))
            if key is None or key == " ".join(tokens[k].key for k in span) or (i, n) in taken:
                continue
            held = _held_spans(span, covered, exact)
            if held is None or (held == [] and any(k in covered for k in span)):
                continue
            if (_is_weak(key) or key in resolver._capitals_only) and not accept(
                    resolver, text, tokens, i, n, key, prefer, spanish):
                continue  # an ordinary phrase needs its exact form's cue
            item_id = resolver._lookup(resolver._index, key, nearby_year(tokens, i, n), prefer)
            if item_id is not None:
                out.append((i, n, item_id, 100.0 * (1 - 1 / len(key))))
    return out


def _held_spans(span: range, covered: set[int], exact: Mapping[int, int]) -> list[tuple[int, int]] | None:
    """The exact matches (start, length) a window holds whole; None when it cuts one, [] when it
    holds none (it may still touch covered tokens that no exact match owns).
    """
    held = []
    for start, length in exact.items():
        inside = [k for k in range(start, start + length) if k in span]
        if not inside:
            continue
        if len(inside) < length:
            return None
        held.append((start, length))
    if held and any(k in covered and not any(a <= k < a + m for a, m in held) for k in span):
        return None
    if held and sum(m for _, m in held) >= len(span):
        return None  # a window that is only exact matches is no longer title
    return held
