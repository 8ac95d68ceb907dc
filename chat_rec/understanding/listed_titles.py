"""Listed films named in ways the title resolver does not read as them.

The person reacts to the list on screen, so a word that the resolver leaves alone or reads as
another film can still name a listed one: one uncommon word of its title or a typo of one
(``listed_title_words``: "kane", "gost"; or the number a title opens with: "2001"), the title
shortened (``short_listed_names``: its first words, "good will"; its initials, "bttf"), or a lowercase
title that describes it (``described_listed``: "la del submarino" is the listed submarine film, not *Submarine*).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from chat_rec.catalog.models import Catalog, Item
from chat_rec.catalog.titles import fold, move_article, split_year
from chat_rec.understanding import lexicon
from chat_rec.understanding.references import ListReferences
from chat_rec.understanding.resolver import Mention
from chat_rec.understanding.title_cues import _JOINERS, _STRONG_CUES, _SUBJECT_VERBS, _VERB_AFTER, _VERDICT_WORDS
from chat_rec.understanding.title_keys import _LEADING_ARTICLE, _MINOR, fold_key


def listed_title_words(text: str, previous: Sequence[Item], found: Sequence[Mention]) -> list[Mention]:
    """A listed film named by one uncommon word of its title, as typed or one edit off ("kane"
    of Citizen Kane, "Condor", "labrynth"): the list on screen is what the person reacts to.

    Only a word of at least four letters that no other listed title holds, that is no frequent
    English word and no stopword, outside the titles already found. A typo only for a typed word
    that is no dictionary word, against a title word of at least five letters (one edit; two from
    eight letters: "labrynth"), one-word titles included ("gost"); a one-word title as typed is
    the resolver's to find (its cues decide whether "heat" is the film).
    """
    if len(previous) < 2:
        return []
    words: dict[str, list[int]] = {}
    whole: set[str] = set()  # one-word titles: only a typo of them is read here
    for item in previous:
        title_words = [w for w in fold(item.title).split() if w.isalpha()]
        whole.update(title_words[:1] if len(title_words) == 1 else [])
        for word in set(title_words):
            words.setdefault(word, []).append(item.item_id)
    common = lexicon.common_words()
    stop = lexicon.ES_STOPWORDS | lexicon.EN_STOPWORDS
    unique = {w: ids[0] for w, ids in words.items() if len(ids) == 1 and len(w) >= 4 and w not in stop}
    usable = {w: i for w, i in unique.items() if w not in common and w not in whole}
    misspelt = {w: i for w, i in unique.items() if len(w) >= 5}
    if not misspelt:
        return []
    taken = {m.item_id for m in found}
    out: list[Mention] = []
    listed_ids = {item.item_id for item in previous}
    for f in found:  # "my wife preferred the Bridge": the listed Bridge on the River Kwai, not *The Bridge*
        said = _LEADING_ARTICLE.sub("", fold(f.text)).split()
        item_id = unique.get(said[0]) if len(said) == 1 and said[0] not in whole else None
        if f.item_id not in listed_ids and item_id is not None and item_id not in taken:
            taken.add(item_id)
            out.append(Mention(item_id, f.start, f.end, f.text, 85.0))
    for m in re.finditer(r"[^\W\d_]+", text):
        if any(f.start <= m.start() < f.end for f in found):
            continue
        typed = fold(m.group())
        item_id = usable.get(typed)
        if item_id is None and len(typed) >= 4 and typed not in common and not lexicon.is_known_word(typed) \
                and typed not in lexicon.ES_STOPWORDS:
            near = [i for w, i in misspelt.items() if OSA.distance(typed, w) <= (2 if len(w) >= 8 else 1)]
            item_id = near[0] if len(set(near)) == 1 else None
        if item_id is not None and item_id not in taken:
            taken.add(item_id)
            out.append(Mention(item_id, m.start(), m.end(), m.group(), 85.0))
    out += _number_titles(text, previous, found, taken)
    out += short_listed_names(text, previous, [*found, *out], taken)
    return out + misspelt_listed_titles(text, previous, [*found, *out], taken)


def _short_names(item: Item) -> tuple[list[tuple[str, ...]], list[str]]:
    """The ways people shorten a listed title: its first two or more words, ending on a content
    word ("good will" of Good Will Hunting, "no country" of No Country for Old Men), and the initials
    of the whole title or of its part before a colon ("bttf", "lotr").
    """
    base, _ = split_year(item.raw_title or item.title)
    full = fold_key(move_article(base.split(" (")[0]))
    words = _LEADING_ARTICLE.sub("", full).split()
    heads = [tuple(words[:k]) for k in range(2, len(words)) if words[k - 1] not in _MINOR]
    parts = [words, _LEADING_ARTICLE.sub("", fold_key(move_article(base.split(":")[0]))).split()]
    initials = {"".join(w[0] for w in part) for part in parts if len(part) >= 3}
    return heads, sorted(initials)


def short_listed_names(text: str, previous: Sequence[Item], found: Sequence[Mention],
                       taken: set[int]) -> list[Mention]:
    """A listed film named by a shortened title (``_short_names``) that only it of the list has:
    "good will is great", "no country was too violent", "bttf is a classic". The first words must
    stand where a title stands (opening a clause, and followed by a verb, a one-word verdict, a
    joiner or the clause's end), so "good will" in a sentence about something else is no title;
    initials must be no dictionary word.
    """
    if len(previous) < 2:
        return []
    heads: dict[tuple[str, ...], list[int]] = {}
    initials: dict[str, list[int]] = {}
    for item in previous:
        item_heads, item_initials = _short_names(item)
        for head in item_heads:
            heads.setdefault(head, []).append(item.item_id)
        for short in item_initials:
            initials.setdefault(short, []).append(item.item_id)
    words = [(m.start(), m.end(), fold(m.group())) for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", text)]
    stop = lexicon.ES_STOPWORDS | lexicon.EN_STOPWORDS
    out: list[Mention] = []

    def free(a: int, b: int) -> bool:
        return not any(f.start < b and a < f.end for f in [*found, *out])

    for i, (start, end, key) in enumerate(words):
        ids = initials.get(key, [])
        if len(key) >= 3 and len(ids) == 1 and ids[0] not in taken and key not in stop \
                and not lexicon.is_known_word(key) and free(start, end):
            taken.add(ids[0])
            out.append(Mention(ids[0], start, end, text[start:end], 85.0))
            continue
        before = text[words[i - 1][1]:start] if i else ""
        opens = not i or bool(re.search(r"[,.;:!?¡¿(—–-]", before)) or words[i - 1][2] in _JOINERS | _STRONG_CUES
        if not opens:
            continue
        for head, ids in sorted(heads.items(), key=lambda h: -len(h[0])):
            k = len(head)
            if len(ids) != 1 or ids[0] in taken or tuple(w[2] for w in words[i:i + k]) != head:
                continue
            last = words[i + k - 1][1]
            if any(b[0] - a[1] > 2 for a, b in zip(words[i:i + k], words[i + 1:i + k], strict=False)):
                continue  # words apart in the text are no one title
            nxt = words[i + k][2] if i + k < len(words) else ""
            between = text[last:words[i + k][0]] if nxt else ""
            stands = not nxt or bool(re.search(r"[,.;:!?…)]", between)) or \
                nxt in _VERB_AFTER | _SUBJECT_VERBS | _VERDICT_WORDS | _JOINERS
            if stands and free(start, last):
                taken.add(ids[0])
                out.append(Mention(ids[0], start, last, text[start:last], 85.0))
                break
    return out


def misspelt_listed_titles(text: str, previous: Sequence[Item], found: Sequence[Mention],
                           taken: set[int] | None = None) -> list[Mention]:
    """A listed film of two or more words named with a typo the resolver's catalog-wide matching is
    too strict for ("ayron man", "jurasic prk", "spider man 2" typed "spiderman 2"): the typed
    words, without spaces, within 80 % similarity of the title's (against the few listed titles
    only). At least one typed word must be no dictionary word, so a correctly spelt phrase ("the
    man") never becomes a title; titles of ordinary words need their exact form.
    """
    taken = set(taken or ()) | {m.item_id for m in found}
    words = [(m.start(), m.end(), fold(m.group())) for m in re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*", text)]
    free = [w for w in words if not any(f.start < w[1] and w[0] < f.end for f in found)]
    out: list[Mention] = []
    for item in previous:
        title = fold(re.sub(r"\s\([^()]*\)", "", item.title)).split()
        if item.item_id in taken or len(title) < 2 or len("".join(title)) < 6:
            continue
        joined = "".join(title)
        best: tuple[float, int, int] | None = None
        for size in range(1, len(title) + 2):
            for k in range(len(free) - size + 1):
                run = free[k:k + size]
                if any(b[0] - a[1] > 2 for a, b in zip(run, run[1:], strict=False)):
                    continue  # words apart in the text are no one title
                typed = "".join(w[2].replace(" ", "") for w in run)
                misspelt = any(not lexicon.is_known_word(part) and part not in lexicon.ES_STOPWORDS
                               for w in run for part in w[2].split())
                score = fuzz.ratio(typed, joined)
                if misspelt and score >= 80 and (best is None or score > best[0]):
                    best = (score, run[0][0], run[-1][1])
        if best is not None:
            taken.add(item.item_id)
            out.append(Mention(item.item_id, best[1], best[2], text[best[1]:best[2]], best[0]))
    return out


def absorbed(text: str, found: Sequence[Mention], named: Sequence[Mention], previous: Sequence[Item]) -> list[Mention]:
    """``found`` without the unlisted films whose words go on a listed title named right beside them
    (``named``, by ``listed_title_words``): "eternal sunshiene" is Eternal Sunshine of the Spotless
    Mind, listed, and not *Sunshine* as well; nor an unlisted film whose very words name a listed one.
    """
    listed = {item.item_id: [w for w in fold(item.title).split() if w.isalpha()] for item in previous}

    def continues(m: Mention, n: Mention) -> bool:
        gap = text[n.end:m.start] if n.end <= m.start else text[m.end:n.start] if m.end <= n.start else "x"
        words = listed.get(n.item_id, [])
        return not gap.strip() and all(any(OSA.distance(typed, w) <= (2 if len(w) >= 8 else 1) for w in words)
                                       for typed in fold(m.text).split())

    return [m for m in found if m.item_id in listed or not any(
        continues(m, n) or (n.start, n.end) == (m.start, m.end) for n in named)]


_YEAR_LEAD = frozenset("in from since after before around circa of the del de en desde antes despues hasta year ano "
                       "anos los las".split())


def _number_titles(text: str, previous: Sequence[Item], found: Sequence[Mention], taken: set[int]) -> list[Mention]:
    """A listed film whose title opens with a number, named by that number ("2001 put me to sleep",
    "300 was fun"): only a number of three or four digits that opens exactly one listed title, is
    no listed film's year, and does not follow a word that introduces a year ("from 2001").
    """
    heads: dict[str, list[int]] = {}
    for item in previous:
        first = fold(item.title).split()[:1]
        if first and first[0].rstrip(":").isdigit():
            heads.setdefault(first[0].rstrip(":"), []).append(item.item_id)
    years = {str(item.year) for item in previous if item.year}
    out: list[Mention] = []
    for m in re.finditer(r"(?<![\w'’])\d{3,4}(?![\w'’])", text):
        ids = heads.get(m.group(), [])
        before = fold(text[:m.start()]).split()[-1:]
        if len(ids) != 1 or m.group() in years or ids[0] in taken or before and before[0] in _YEAR_LEAD \
                or any(f.start <= m.start() < f.end for f in found):
            continue
        taken.add(ids[0])
        out.append(Mention(ids[0], m.start(), m.end(), m.group(), 85.0))
    return out


def described_listed(text: str, mention: Mention, list_refs: ListReferences, catalog: Catalog) -> Mention | None:
    """The listed movie a lowercase title after "la del", "el de", "the" describes, if it is a
    description rather than another film: "la del submarino" after a list holding one submarine film
    is that film, not *Submarine* (the words typed, or the title they were read as, fit exactly
    one listed movie). A capitalised title, or one the list holds, stays a title. Returned as the
    mention of that film; when the words after it to the end of the clause (one or two) belong to the
    description ("the romantic comedy", first read as *The Romantics*), the mention covers them too.
    """
    if not list_refs.previous or mention.item_id in list_refs.ids or mention.text != mention.text.lower():
        return None
    typed = fold(mention.text)
    before = fold(text[:mention.start]).split()[-2:]
    if typed.startswith("the "):  # "loved the black hole one": the title's own article is the determiner
        before, typed = ["the"], typed[4:]
    lead = fold(text[:mention.start]).split()[-4:]
    if fold(text[mention.end:]).split()[:1] in (["one"], ["ones"]) and "the" in lead[:-1]:
        # "the dream heist one": the words from "the" to "one" describe the film together
        at = len(lead) - 1 - lead[::-1].index("the")
        before, typed = ["the"], " ".join([*lead[at + 1:], typed])
    if not (before[-1:] == ["the"] or len(before) == 2 and before[1] in {"de", "del"}
            and before[0] in {"la", "el", "las", "los"}):
        return None
    rest = re.match(r" ([^\W\d_]+(?: [^\W\d_]+)?)\s*(?:[,.;!?]|$)", text[mention.end:])
    if rest:
        longer = list_refs.matching(f"{typed} {fold(rest.group(1))}")
        if len(longer) == 1:  # "the romantic comedy": the words to the clause end describe it together
            end = mention.end + rest.end(1)
            return replace(mention, item_id=longer[0].item_id, end=end, text=text[mention.start:end])
    named = catalog.get(mention.item_id)
    for phrase in dict.fromkeys([typed] + ([fold(named.title)] if named is not None else [])):
        fits = list_refs.matching(phrase)  # "submarino", read as *Submarine*: the submarine film
        if len(fits) == 1:
            return replace(mention, item_id=fits[0].item_id)
    return None
