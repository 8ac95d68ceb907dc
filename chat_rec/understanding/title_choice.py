"""Which title matches found in a text stand: non-overlapping ones (``select_matches``), a title typed
again elsewhere in the message (``repeated_titles``), and words that go on along a longer catalog title
than the one matched (``longer_title_typed``), and capitalised words after a title's colon that remark on films
named rather than give a subtitle (``remark_after_titles``). Used by ``resolver.TitleResolver.find_in_text``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from chat_rec.understanding.title_cues import _FILM_NOUNS, _is_weak
from chat_rec.understanding.title_keys import _MINOR, _Token

_LIST_JOINERS = frozenset("and or y o &".split())
"""Words that join titles in a list ("Heat, Alien and Fargo")."""


def longer_title_typed(keys: Sequence[str], typed: int, matched: int, i: int) -> bool:
    """Whether the words from token ``i`` go on along a longer catalog title's opening (``typed``
    words) at least two words past the longest title matched there, one of them no small word: the
    message names a title the catalog lacks that shares its opening with others ("Once upon a time in
    Hollywood" against *Once Upon a Time in America*), so the short title at its start is not meant.
    """
    extra = keys[i + matched:i + typed]
    return typed >= matched + 2 and any(w not in _MINOR for w in extra)


def repeated_titles(keys: list[str], chosen: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
    """A title accepted once, typed again in the same words elsewhere in the message ("vi heat y fargo,
    me quedo con fargo": the second *fargo* has no cue of its own).
    """
    taken = {(i, n) for i, n, _, _ in chosen}
    titles = {tuple(keys[i:i + n]): item_id for i, n, item_id, _ in chosen}
    out = []
    for words, item_id in titles.items():
        if _is_weak(" ".join(words)):
            continue  # "up was fine, I'm up for more": an ordinary word is read where it stands
        n = len(words)
        out += [(j, n, item_id, 100.0) for j in range(len(keys) - n + 1)
                if keys[j] == words[0] and (j, n) not in taken and tuple(keys[j:j + n]) == words
                and (j + n == len(keys) or keys[j + n] not in _FILM_NOUNS)]  # "godzilla movies": a kind of film
    return out


def select_matches(found: Iterable[tuple[int, int, int, float]],
            keys: Sequence[str] = ()) -> list[tuple[int, int, int, float]]:
    """Non-overlapping matches: longer first, then the one with more words that are not small ones
    ("the Toy Story sequels" names *Toy Story*, not *The Toy*), then higher score, then earlier.
    """
    def content(i: int, n: int) -> int:
        return sum(k not in _MINOR for k in keys[i:i + n])

    taken: set[int] = set()
    chosen = []
    for i, n, item_id, score in sorted(found, key=lambda f: (-f[1], -content(f[0], f[1]), -f[3], f[0])):
        span = set(range(i, i + n))
        if span & taken:
            continue
        taken |= span
        chosen.append((i, n, item_id, score))
    return chosen


def remark_after_titles(text: str, tokens: Sequence[_Token], matches: Sequence[tuple[int, int, int, float]],
                        i: int, n: int, subtitle: int) -> bool:
    """Whether the capitalised words after the colon of the title at token ``i`` (``n`` words) are a remark
    on films named, no subtitle (``title_context.subtitle_after``): the title closes a list of titles
    ("Heat, Alien and Fargo: Fargo was boring"), or the words after the colon are a title named elsewhere in
    the message.
    """
    keys = [t.key for t in tokens]
    after = keys[i + n:i + n + subtitle]
    if any(keys[j:j + m] == after for j, m, _, _ in matches if j != i + n):
        return True
    if i == 0:
        return False
    gap = text[tokens[i - 1].end:tokens[i].start]
    joined = "," in gap or keys[i - 1] in _LIST_JOINERS
    ends = {j + m for j, m, _, _ in matches}
    return joined and (i in ends and "," in gap or i - 1 in ends)
