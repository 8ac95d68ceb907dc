"""Find catalog titles in free text, typos and Spanish release titles included."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from chat_rec.catalog.models import Catalog, Item
from chat_rec.catalog.titles import fold, move_article, split_year
from chat_rec.understanding import lexicon, years
from chat_rec.understanding.description_words import phrase_pairs
from chat_rec.understanding.fuzzy_titles import fuzzy_matches
from chat_rec.understanding.series import SeriesIndex
from chat_rec.understanding.title_cues import (
    _ARTICLES,
    _CLOSED_CLASS,
    _COUNTED,
    _ENDS_ALONE,
    _FILM_NOUNS,
    _FILM_PARTS,
    _JOINERS,
    _KNOWN_FILM,
    _LINKING_CUES,
    _MAKER_NOUNS,
    _NAME_GLUE,
    _NUMBER_WORDS,
    _OBJECT_PRONOUNS,
    _ONE_BY,
    _ORIGINAL,
    _PART_WORDS,
    _PERSON_PREDICATE,
    _PHRASE_ENDERS,
    _PICK_PHRASES,
    _PICK_TAIL,
    _PICK_VERBS,
    _PRONOUN_I,
    _QUOTES,
    _SEQUEL_MARKS,
    _SLOT_BEFORE,
    _STRONG_CUES,
    _SUBJECT_VERBS,
    _TOPIC_CUES,
    _TOPIC_SUBJECTS,
    _VERB_AFTER,
    _VERDICT_WORDS,
    _YEAR_WORDS,
    _is_weak,
    _made_by,
    _possessive_of_films,
    judges_its_subject,
    kind_after,
)
from chat_rec.understanding.title_keys import (
    _LEADING_ARTICLE,
    _MINOR,
    _NOUNS_AFTER,
    _YEAR,
    SPANISH_TITLES,
    _is_genre,
    _stop,
    _Token,
    colon_parts,
    fold_key,
    named_tail,
    title_head,
    title_variants,
    tokenize,
)


def _inside_name(text: str, tokens: list[_Token], i: int, title_ends: Collection[int] = (),
                 misspelt: bool = False) -> bool:
    """Whether the title at token ``i`` ends a longer capitalised name: a capitalised word that
    does not open a sentence comes before it, joined only by spaces and small words ("All at
    Once" is not the film Once; "I watched Once", "Heat and Once" are). A word that ends a title
    already found (``title_ends``, token indices) is no part of a name: "I prefer Alien to Fargo".
    A ``misspelt`` title after a capitalised article owns it ("vi El orfanto"); spelt right, the
    article and the word are a name ("El Salvador" is the country, not the film Salvador).
    """
    j = i - 1
    while j >= 0 and tokens[j].raw in _NAME_GLUE and text[tokens[j].end:tokens[j + 1].start].isspace():
        j -= 1
    if j < 0 or j in title_ends or not text[tokens[j].end:tokens[j + 1].start].isspace():
        return False
    if j > 0 and tokens[j - 1].raw in {"the", "la", "el"}:
        return False  # "the Cameron Titanic": a maker naming which film, not a longer title
    raw = tokens[j].raw
    if misspelt and j == i - 1 and tokens[j].key in _ARTICLES:
        return False  # "vi El orfanto": the capital is the title's own article, no longer name
    opens = j == 0 or bool(re.search(r"[.!?¡¿\n:;\"(]\s*$", text[max(0, tokens[j].start - 4):tokens[j].start]))
    return raw[:1].isupper() and not raw.isupper() and raw != "I" and not opens


@dataclass(frozen=True)
class Mention:
    """One catalog title found in a text: the item and the character span that names it."""

    item_id: int
    start: int
    end: int
    text: str
    score: float
    """100 for an exact match of a title variant; the fuzzy ratio otherwise."""


_SPANISH_OR = frozenset({"o", "u", "y", "e"})
"""Spanish coordinators: "a" after one is the preposition ("o a Goodfellas"), not the English article."""
_YEAR_IN_BRACKETS = re.compile(r"\s*\(\s*(?:19|20)\d\d\s*\)")
"""A release year in brackets right after a word: the word is a film's title, as a list line writes it."""


class TitleResolver:
    """Indexes every title variant of a catalog for exact and fuzzy lookup."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        index: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for item in catalog:
            for key, priority in title_variants(item):
                index[key].append((priority, item.item_id))
        for spanish, (english, year) in SPANISH_TITLES.items():
            target = self._lookup(index, fold_key(english), year) if english else None
            if target is None:
                continue
            for priority, name in [(1, spanish), *((3, part) for part in colon_parts(spanish))]:
                key = fold_key(name)
                if priority == 1 or target not in {i for _, i in index.get(key, ())}:
                    index[key].append((priority, target))
                # "naranja mecanica" for La naranja mecánica, as "godfather" names The Godfather; a lone
                # word left ("pajaros" of Los pájaros) is an ordinary noun, not a title
                stripped = _LEADING_ARTICLE.sub("", key)
                named = {i for _, i in index.get(stripped, ())}
                if stripped != key and len(stripped.split()) >= 2 and target not in named:
                    index[stripped].append((priority + 1, target))
        heads: dict[str, set[int]] = defaultdict(set)
        self._heads: set[str] = set()
        """Keys that are only the head of a long title: typed with punctuation inside they name nothing."""
        for item in catalog.items.values():
            head = title_head(item)
            if head:
                heads[head].add(item.item_id)
        for head, ids in heads.items():
            if len(ids) == 1 and head not in index:  # "eternal sunshine" of Eternal Sunshine of the Spotless Mind
                index[head].append((4, next(iter(ids))))
                self._heads.add(head)
        self._capitals_only: set[str] = set()
        """Subtitles of well-known films that name them only typed with capitals (``named_tail``)."""
        for item in catalog.items.values():
            tail = named_tail(item.title) if item.popularity >= _KNOWN_FILM else None
            key = fold_key(tail) if tail else ""
            if key and key not in index:  # "Fury Road" of Mad Max: Fury Road; no film's own title
                index[key].append((3, item.item_id))
                self._capitals_only.add(key)
        self._index = dict(index)
        self._spellings: dict[str, list[str]] = defaultdict(list)
        """A title key without its spaces -> the keys spelt so ("oldboy": "oldboy", "old boy")."""
        for key in self._index:
            self._spellings[key.replace(" ", "")].append(key)
        self._prefixes = {" ".join(k.split()[:n]) for k in self._index for n in range(1, len(k.split()) + 1)}
        self._max_len = max((len(k.split()) for k in self._index), default=1)
        by_len: dict[int, list[str]] = defaultdict(list)
        typo_len: dict[int, list[str]] = defaultdict(list)
        for key in self._index:
            words = key.split()
            if len(key) >= 4 and key not in self._heads:
                typo_len[len(words)].append(key)  # the word-by-word pass: an unknown word licenses any title
            content = [w for w in words if w not in _MINOR]
            if key in self._heads:
                continue  # a title's head is read as typed, never as a near miss
            if len(key) >= 5 and (not _is_weak(key) or len(key) >= 10 and len(content) >= 2 and not _is_genre(key)):
                by_len[len(words)].append(key)  # "the dare knight" may mean The Dark Knight
        self._fuzzy_choices = dict(by_len)
        self._typo_choices = dict(typo_len)
        self._all_choices = [k for keys in by_len.values() for k in keys]

    # ------------------------------------------------------------------ lookups

    @functools.cached_property
    def series(self) -> SeriesIndex:
        """The catalog's numbered series ("the third one" after "Spider-Man 2"), built on first use."""
        return SeriesIndex(self.catalog)

    @functools.cached_property
    def phrase_pairs(self) -> frozenset[tuple[str, str]]:
        """Adjacent word pairs of the catalog's cast names and tags ("tom hanks"), built on first use."""
        return phrase_pairs(self.catalog)

    def _lookup(self, index: dict[str, list[tuple[int, int]]], key: str, year: int | None = None,
                prefer: Collection[int] = ()) -> int | None:
        candidates = index.get(key) or []
        if not candidates:
            return None
        preferred = [c for c in candidates if c[1] in prefer]
        if preferred:
            candidates = preferred
        if year is not None:
            dated = [c for c in candidates if self._year(c[1]) == year]
            candidates = dated or candidates
        best = min(candidates, key=lambda c: (c[0], -self._popularity(c[1]), c[1]))
        return best[1]

    def _earliest(self, key: str, item_id: int | None) -> int | None:
        """"the original Scarface": the earliest film with that exact title (a remake came later),
        spaces aside: the original of *Oldboy* (2013) is *Old Boy* (2003).
        """
        same = [c for k in self._spellings.get(key.replace(" ", ""), [key]) for p, c in self._index.get(k, [])
                if p == 0 and self._year(c) is not None]
        return min(same, key=lambda c: (self._year(c), c)) if same else item_id

    def _year(self, item_id: int) -> int | None:
        item = self.catalog.get(item_id)
        return item.year if item else None

    def _known_film(self, key: str, whole_title: bool = False) -> bool:
        """Whether ``key`` names a film many people rated (``_KNOWN_FILM`` ratings); with
        ``whole_title``, only as the film's whole title, not a shortened form ("rock" of The Rock).
        """
        return any(self._popularity(c) >= _KNOWN_FILM for priority, c in self._index.get(key, [])
                   if priority == 0 or not whole_title)

    def _popularity(self, item_id: int) -> int:
        item = self.catalog.get(item_id)
        return item.popularity if item else 0

    def resolve(self, title: str) -> int | None:
        """One title string ("Titanic (1997)", "the matrix") -> item id, or None."""
        try:
            text, year = split_year(str(title)[:300])
            match = re.match(r"^(.*?)[\s,]+(\d{4})$", text)
            if year is None and match and _YEAR.match(match.group(2)):
                text, year = match.group(1), int(match.group(2))
            key = fold_key(move_article(text))
            if not key:
                return None
            found = self._lookup(self._index, key, year)
            if found is None:
                found = self._lookup(self._index, _LEADING_ARTICLE.sub("", key), year)
            if found is None and len(key) >= 5:
                hit = process.extractOne(key, self._all_choices, scorer=fuzz.ratio, score_cutoff=88)
                if hit is not None:
                    found = self._lookup(self._index, hit[0], year)
            return found
        except Exception:  # noqa: BLE001 - grounding must never break a turn
            return None

    # ------------------------------------------------------------------ free text
    def find_in_text(self, text: str, prefer: Collection[int] = (),
                     aliases: Mapping[str, int] | None = None) -> list[Mention]:
        """Catalog titles named in ``text``; ``prefer`` (e.g. the items just shown) wins ties.

        ``aliases``: other names of films (folded key -> item id), such as the names the previous
        reply gave the films it listed (``reply_aliases``).
        """
        if not text:
            return []
        tokens = tokenize(text)
        keys = [t.key for t in tokens]
        spanish = lexicon.detect_language(keys) == "es"  # per call: the resolver is shared by concurrent turns
        prefer_set = set(prefer)
        found: list[tuple[int, int, int, float]] = []  # (start_tok, n_tok, item_id, score)
        found += self._aliased(text, tokens, aliases or {})
        doubtful: list[tuple[int, int, str]] = []  # capitalised one-word titles not accepted alone
        for i in range(len(tokens)):
            for n in range(1, min(self._max_len, len(tokens) - i) + 1):
                key = " ".join(keys[i:i + n])
                if key not in self._prefixes:
                    break
                if key in self._heads and re.search(r"[,;/&]", text[tokens[i].start:tokens[i + n - 1].end]):
                    continue  # "something eternal, sunshine and laughs": words across a comma, not a title's head
                if key in self._index and self._accept(text, tokens, i, n, key, prefer_set, spanish):
                    year = self._nearby_year(tokens, i, n)
                    item_id = self._lookup(self._index, key, year, prefer_set)
                    if year is None and _original_before(keys, i):
                        item_id = self._earliest(key, item_id)
                    if item_id is not None:
                        found.append((i, n, item_id, 100.0))
                elif key in self._index and n == 1 and tokens[i].raw[:1].isupper() and not tokens[i].raw.isupper():
                    doubtful.append((i, n, key))
                elif key in self._index and n > 1 and sum(k not in _MINOR for k in keys[i:i + n]) >= 2 \
                        and key not in self._capitals_only:
                    doubtful.append((i, n, key))  # "loved the shawshank redemption and the green mile"
        found += self._coordinated(text, tokens, doubtful, found)
        found += _repeated(keys, _select(found))
        chosen = _select(found)
        # a short exact match inside a longer capitalised name ("Redemption" of "The Shashank
        # Redemption") is dropped below: it must not keep a misspelt longer title from being found
        covered = {k for i, n, item_id, _ in chosen
                   if not (n <= 2 and item_id not in prefer_set and _inside_name(text, tokens, i))
                   for k in range(i, i + n)}
        exact = {i: n for i, n, _, _ in chosen if all(k in covered for k in range(i, i + n))}
        fuzzy = fuzzy_matches(self, text, tokens, covered, prefer_set, spanish, exact)
        chosen += fuzzy + self._coordinated(text, tokens, doubtful, fuzzy)  # "loved gatacca and the sixth sense"
        mentions = []
        idioms = [m.span() for m in lexicon.VERDICT_IDIOMS.finditer(text.lower())]
        title_ends: set[int] = set()
        for i, n, item_id, score in sorted(_select(chosen)):
            if self._sequel_after(tokens, i + n):
                continue  # "Frozen 2" when the catalog has only Frozen: a sequel it lacks, not the original
            if item_id not in prefer_set and _possessive_of_films(tokens, i + n - 1):
                continue  # "The Rock's movies", "Nolan's films": a person's films, not the film
            if item_id not in prefer_set and _made_by(tokens, i):
                continue  # "something by Stanley Kubrick", "directed by Kevin Smith": a maker, not the film
            if item_id not in prefer_set and (self._other_year(tokens, i, n, item_id)
                                              or (n <= 2 and _inside_name(text, tokens, i, title_ends, score < 100))):
                continue
            if score < 100 and i + n < len(tokens) and tokens[i + n].key in {"one", "ones"}:
                continue  # "the romantic one" describes a film; it is no misspelt "The Romantics"
            if item_id not in prefer_set and any(s < tokens[i + n - 1].end and tokens[i].start < e
                                                 for s, e in idioms):
                continue  # "aged like milk", "chef's kiss": a saying, not the film *Milk* or *Chef*
            title_ends.add(i + n - 1)
            end_tok = i + n - 1
            year = self._nearby_year(tokens, i, n)
            if year is not None and self._year(item_id) == year:
                for j in range(i + n, min(i + n + 2, len(tokens))):
                    if tokens[j].key == str(year):
                        end_tok = j
            start, end = tokens[i].start, tokens[end_tok].end
            if end < len(text) and text[end] == ")" and end_tok != i + n - 1:
                end += 1
            mentions.append(Mention(item_id, start, end, text[start:end], score))
        return mentions

    def _aliased(self, text: str, tokens: list[_Token],
                 aliases: Mapping[str, int]) -> list[tuple[int, int, int, float]]:
        """Where the text names a film by one of ``aliases``. A name of ordinary words only
        ("La strada" is not; "Bichos" is) counts when capitalised away from a sentence's start.
        """
        found = []
        keys = [t.key for t in tokens]
        for alias, item_id in aliases.items():
            words = alias.split()
            n = len(words)
            for i in range(len(keys) - n + 1):
                if keys[i:i + n] != words:
                    continue
                first = tokens[i]
                named = first.raw[:1].isupper() and not self._at_start(text, i, first)
                if not _is_weak(alias) or named:
                    found.append((i, n, item_id, 100.0))
        return found

    def reply_aliases(self, reply: str, listed: Sequence[Item]) -> dict[str, int]:
        """The names a reply gave the films it listed (``reply_names.reply_aliases``)."""
        from chat_rec.understanding.reply_names import reply_aliases

        return reply_aliases(reply, listed, self.known_ids)

    def known_ids(self, key: str) -> set[int]:
        """The catalog ids a folded title key already names."""
        return {c for _, c in self._index.get(key, [])}

    def _other_year(self, tokens: list[_Token], i: int, n: int, item_id: int) -> bool:
        """A year written right beside the title that the found film does not have ("Cats (2019)"
        when the catalog holds the 1998 one): another film of that name, not in the catalog.
        """
        beside = [t.key for t in tokens[i + n:i + n + 1]]
        if not any(t.key in lexicon.NEGATORS for t in tokens[max(0, i - 3):i - 1]):  # "not the 1990 X"
            beside += [t.key for t in tokens[max(0, i - 1):i]]
        years = [int(k) for k in beside if _YEAR.match(k)]
        own = self._year(item_id)
        return bool(years) and own is not None and all(abs(y - own) > 1 for y in years)

    @staticmethod
    def _sequel_after(tokens: list[_Token], j: int) -> bool:
        """A sequel number right after a title ("Frozen 2", "Dune: Part Two"), not a count ("Heat 2 times")."""
        if j + 1 < len(tokens) and tokens[j].key in _PART_WORDS and tokens[j].start - tokens[j - 1].end <= 3 \
                and (tokens[j + 1].key in _SEQUEL_MARKS or tokens[j + 1].key in _NUMBER_WORDS):
            return True
        if j >= len(tokens) or tokens[j].key not in _SEQUEL_MARKS or tokens[j].start - tokens[j - 1].end > 1:
            return False
        after = tokens[j + 1].key if j + 1 < len(tokens) else ""
        return after not in _COUNTED

    def _accept(self, text: str, tokens: list[_Token], i: int, n: int, key: str,
                prefer: set[int], spanish: bool = False) -> bool:
        """Reject ordinary words that happen to be titles ("up", "her", "anything else").

        ``spanish``: the text reads as Spanish ("a" before a title is then a preposition, and a
        title may capitalise its first word only).
        """
        first = tokens[i]
        quoted = first.start > 0 and text[first.start - 1] in _QUOTES
        if quoted:
            return True
        if key in self._capitals_only and not all(t.raw[:1].isupper() for t in tokens[i:i + n]):
            return False  # "a fury road trip": the subtitle names the film only capitalised
        prev = tokens[i - 1].key if i > 0 else ""
        nxt = tokens[i + n].key if i + n < len(tokens) else ""
        if kind_after([t.key for t in tokens[i + n:i + n + 3]]) and (first.raw[:1].isupper() or not _is_weak(key)) \
                and self._known_film(key, whole_title=True):
            return True  # "a Jaws type film", "some Rear Window-esque mysteries": a known film made a kind
        if first.raw[:1].isupper() and nxt == "of" and i + n + 1 < len(tokens) \
                and tokens[i + n + 1].raw[:1].isupper() and not _PRONOUN_I.match(tokens[i + n + 1].raw):
            return False  # "The Zone of Interest": the words begin a longer title the catalog does not hold
        if n > 1 and tokens[i + n - 1].key in _FILM_NOUNS and not any(t.raw[:1].isupper() for t in tokens[i:i + n]):
            return False  # "my favourite scary movie": a kind of film, not *Scary Movie*
        if len(key) <= 2 and not first.raw[:1].isupper():
            # "Heat, o La gran evasión": a lowercase letter is a word ("o", "y"), not "O" or "M"
            return n == 1 and any(c in prefer for _, c in self._index.get(key, [])) and \
                self._listed_word(text, tokens, i, prev, nxt, prefer)
        if n == 1 and (_YEAR.match(key) or re.fullmatch(r"\d\d", key)) and prev in _YEAR_WORDS:
            return False  # "nothing older than 2012", "la del 31": a year, not the film "2012" or "31"
        if prev in {"a", "an", "un", "una", "another", "otra", "otro"} and not first.raw[:1].isupper():
            return False  # "what a disaster movie": a common noun phrase, not the film
        before2 = tokens[i - 2].key if i > 1 else ""
        if n <= 2 and prev in {"de", "by", "from"} and (before2 in _MAKER_NOUNS or lexicon.genre_word(before2) or (
                n == 1 and before2 in _ONE_BY and not any(c in prefer for _, c in self._index.get(key, [])))):
            return False  # "las de Hitchcock", "suspense de Hitchcock", "la de Chaplin": a maker, not a title
        if not _is_weak(key):
            if n > 1 or any(c in prefer for _, c in self._index.get(key, [])):
                return True
            slot_a = " ".join(t.key for t in tokens[max(0, i - 2):i]).endswith(_SLOT_BEFORE) or (
                i > 1 and tokens[i - 2].key in _SPANISH_OR)  # "parecidas a Fargo o a Goodfellas"
            if (prev == "an" or prev == "a" and not (spanish or slot_a)) or nxt in _NOUNS_AFTER:
                return False  # "a Titanic effort"; Spanish "parecido a Tiburón" is a preposition, whatever
                # language a message too short to tell is read as ("pelis parecidas a Fargo")
            if first.raw[:1].isupper() and not first.raw.isupper():
                if self._name_follows(text, tokens, i, n):
                    return False  # "Kill Bill", "Tom Hanks": part of a longer capitalised name
                unusual = len(lexicon.known_words()) > 5000 and not lexicon.is_known_word(key)
                # "Braveheart", "Gattaca": no ordinary word, nor one's plural or verb form
                after = text[tokens[i + n - 1].end:]
                alone = self._at_start(text, i, first) and (re.match(r"\s*[,=:]", after) or _ENDS_ALONE.match(after))
                known_film = self._known_film(key)
                return not self._at_start(text, i, first) or prev in lexicon.FILM_CUES \
                    or nxt in _VERB_AFTER | _SUBJECT_VERBS or nxt == "no" or bool(_YEAR.match(nxt)) or unusual \
                    or (judges_its_subject(nxt, after) and key not in _CLOSED_CLASS | lexicon.EN_STOPWORDS
                        and self._known_film(key, whole_title=True)) \
                    or bool(alone and known_film)
            if first.raw.isupper() and len(first.raw) > 3 and self._at_start(text, i, first) and re.match(
                    r"\s*(?:[?!.…,:]|$)", text[tokens[i + n - 1].end:]) and self._known_film(key):
                return True  # "CASABLANCA!!! the best": a known film shouted on its own
            between = text[first.end:tokens[i + n].start] if i + n < len(tokens) else ""
            if self._after_capital_article(text, tokens, i) and (not nxt or nxt in _stop() or nxt in _VERB_AFTER
                                                                  or re.search(r"[,;:.!?]", between)):
                return True  # "me encantó El orfanto": a capitalised article mid-sentence opens a title
            ends = bool(re.search(r"[,;:.!?]", between)) and prev in lexicon.FILM_CUES - _LINKING_CUES
            judged = prev in lexicon.FILM_CUES - _LINKING_CUES and bool(
                lexicon.POSITIVE.fullmatch(nxt) or lexicon.NEGATIVE.fullmatch(nxt))  # "found fargo boring"
            if nxt and nxt not in _stop() and nxt not in lexicon.TIME_AFTER | _VERB_AFTER and not ends and not judged:
                return False  # "gene hackman", "dinosaur park": part of a longer name ("adoro gattaca, ponme…" ends it)
            before = " ".join(t.key for t in tokens[max(0, i - 2):i])
            coined = not spanish and len(key) >= 5 and len(lexicon.known_words()) > 5000 \
                and not lexicon.is_known_word(key)
            # "my fave is probably shrek": a lowercase word no English dictionary holds (nor as a plural
            # or verb form: "what about robots?"), ending its phrase, is the title (Spanish words are
            # not in that dictionary, so only in English)
            if prev in _LINKING_CUES and (lexicon.POSITIVE.fullmatch(key) or lexicon.NEGATIVE.fullmatch(key)):
                return False  # "gladiator is epic": a verdict word after "is", not the film *Epic*
            if prev in _TOPIC_CUES and lexicon.is_known_word(key):
                return False  # "what about robots?", "a film about ghosts": a topic, not the film
            alone = self._at_start(text, i, first) and _ENDS_ALONE.match(text[tokens[i + n - 1].end:])
            if alone and self._known_film(key):
                return True  # "titanic? too cheesy": a known film standing alone as its own sentence
            denied = nxt == "no" and i + n + 1 < len(tokens) and tokens[i + n + 1].key in _VERB_AFTER \
                and self._at_start(text, i, first)  # "gladiador no me gustó": the film, then its verdict
            return prev in lexicon.FILM_CUES or before.endswith("fan of") or nxt in _VERB_AFTER or coined or denied
        if n == 1 and key in lexicon.NAMED_DAYS and not any(c in prefer for _, c in self._index.get(key, [])):
            return False  # "on Halloween" is a day, unless the film was just listed
        content = [t for t in tokens[i:i + n] if t.key not in _MINOR] or [first]
        capitalised = all(t.raw[:1].isupper() for t in content)
        if not capitalised and spanish and first.raw[:1].isupper() and nxt in _VERB_AFTER:
            return True  # Spanish capitalises a title's first word only: "Los otros me encantó"
        if not capitalised or all(t.raw.isupper() and len(t.raw) > 1 for t in content):
            # "loved the green mile": a lowercase multi-word title right after a film verb
            before = " ".join(t.key for t in tokens[max(0, i - 2):i])
            between = text[tokens[i + n - 1].end:tokens[i + n].start] if i + n < len(tokens) else "."
            listed = any(c in prefer for _, c in self._index.get(key, []))
            comma = "," in between or (listed and bool(re.search(r"[.!?;:…]", between)))  # "DIE HARD!!! the rest nah"
            subject = (self._at_start(text, i, first) and (nxt in _VERB_AFTER | _SUBJECT_VERBS | {"no"} or comma)
                       ) or nxt in {"is", "was", "es", "fue"}
            if len(content) >= 3 and listed:
                return True  # "no country and there will be blood": a listed title typed out in full
            if len(content) == 1 and any(c in prefer for _, c in self._index.get(key, [])):
                return self._listed_word(text, tokens, i, prev, nxt, prefer, n)  # "heat was decent", "the thing was"
            if n == 2 and first.key == "the" and content[0].key not in _FILM_PARTS and self._known_film(key) \
                    and i > 0 and tokens[i - 1].raw.endswith(("'s", "’s")) \
                    and tokens[i - 1].raw[:-2].lower() not in lexicon.common_words():
                return True  # "hitchcock's the birds": a film credited to its maker ("that's the thing" is none)
            slot = prev in _STRONG_CUES or before.endswith(_SLOT_BEFORE) or subject
            person = bool(_PERSON_PREDICATE.match(text[tokens[i + n - 1].end:]))  # "the rock is such a funny guy"
            opens = self._at_start(text, i, first) and (nxt in _VERB_AFTER | _SUBJECT_VERBS or comma)
            cued = prev in _STRONG_CUES or before.endswith(_SLOT_BEFORE) or (opens if n == 1 else subject)
            ends = i + n == len(tokens) or bool(re.match(r"\s*[,;:.!?…)]", between)) or (
                nxt in lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS | lexicon.TIME_AFTER | _VERB_AFTER
                | _SUBJECT_VERBS | _JOINERS | _PHRASE_ENDERS and nxt not in _FILM_NOUNS)
            if len(content) == 1 and cued and not person and ends and self._plain_known_title(key, content[0].key):
                # "watched heat last night", "never liked the graduate", "arrival was beautiful": a
                # well-known film's whole title, in a film's slot, ending its phrase ("i love speed
                # boats" goes on, and "the rock" of The Rock's variants is no title typed in full)
                return True
            # "loved the green mile": ordinary words too, ending their phrase ("my son likes big fish tanks"),
            # one of them no function word or pronoun ("anything else is fine" names no film)
            return n > 1 and len(content) >= 2 and slot and ends and any(
                t.key not in lexicon.EN_STOPWORDS and t.key not in _CLOSED_CLASS for t in content)
        if any(c in prefer for _, c in self._index.get(key, [])):
            return True
        at_start = self._at_start(text, i, first)
        if prev in {"a", "an", "on", "this", "last", "next", "every", "some"}:
            return False
        if n == 1 and at_start and (_ENDS_ALONE.match(text[first.end:]) or _YEAR_IN_BRACKETS.match(text, first.end)) \
                and key not in _CLOSED_CLASS and self._known_film(key, whole_title=True):
            return True  # "Heat. More like that", "Speed!!", "Heat (1995) was great": a known film standing alone
        if n == 1 and self._name_follows(text, tokens, i, n):
            return False  # "Paul Rudd", "Frank Sinatra": a first name, not the film Paul
        if n == 1:
            return not at_start or prev in lexicon.FILM_CUES or (
                (nxt in _VERB_AFTER or judges_its_subject(nxt, text[first.end:]) and key not in _CLOSED_CLASS
                 and self._known_film(key, whole_title=True))
                and key not in lexicon.EN_STOPWORDS | lexicon.ES_STOPWORDS)
        return True

    def _plain_known_title(self, key: str, word: str) -> bool:
        """``key`` is the whole title of a film many people rated (not a shortened form: "rock" of
        The Rock), and its one content word is no function word, genre or named day ("up", "her",
        "drama" stay words).
        """
        return not (word in lexicon.EN_STOPWORDS or word in lexicon.ES_STOPWORDS or word in _CLOSED_CLASS
                    or _is_genre(key)
                    or key in lexicon.NAMED_DAYS) and self._known_film(key, whole_title=True)

    def _listed_word(self, text: str, tokens: list[_Token], i: int, prev: str, nxt: str, prefer: set[int],
                     n: int = 1) -> bool:
        """A lowercase ordinary word that is the title of a film just listed ("up", "heat") names it
        where a title stands: opening a clause as the subject of a verdict ("heat was decent, up made
        me cry"), or right after a film verb and ending its phrase ("loved heat and fargo"), never
        inside a phrase ("I'm up for anything", "love up close shots").
        """
        first = tokens[i]
        between = text[tokens[i + n - 1].end:tokens[i + n].start] if i + n < len(tokens) else ""
        ends = not nxt or bool(re.search(r"[,;:.!?…)]", between)) or nxt in _JOINERS
        opens = self._at_start(text, i, first) or prev in _JOINERS or (
            i > 0 and bool(re.search(r"[,;—–]\s*$", text[tokens[i - 1].end:first.start])))
        if opens and (nxt in _VERB_AFTER | _SUBJECT_VERBS | _VERDICT_WORDS or bool(re.search(r"[.!?…]", between))
                      or (not nxt and not between.strip())):
            return True  # "heat was decent", "heat. the rest, no thanks"
        if opens and nxt in _TOPIC_SUBJECTS and n == 1 and i + 2 < len(tokens):
            return True  # "heat I tried once and fell asleep": the film set first, then its subject
        if opens and _PICK_TAIL.fullmatch(fold(re.split(r"[.!?,;…]", text[tokens[i + n - 1].end:], maxsplit=1)[0])):
            return True  # "speed for sure.", "speed please": a bare pick of the listed film
        if opens and nxt in _JOINERS and i + n + 1 < len(tokens) and any(
                c in prefer for _, c in self._index.get(tokens[i + n + 1].key, [])):
            return True  # "heat and jaws not my thing": joined to the next listed title
        if not ends or (n == 1 and tokens[i].key in _OBJECT_PRONOUNS):  # "loved her" is a person
            return False
        joined = prev in _JOINERS and i > 1 and any(c in prefer for _, c in self._index.get(tokens[i - 2].key, []))
        before = " ".join(t.key for t in tokens[max(0, i - 2):i])
        picked = prev in _PICK_VERBS or before.endswith(_PICK_PHRASES)  # "I'll go with speed", "me quedo con heat"
        return prev in _STRONG_CUES or joined or picked  # "loved heat", "adored big and speed"

    def _coordinated(self, text: str, tokens: list[_Token], doubtful: list[tuple[int, int, str]],
                     found: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
        """A capitalised one-word title joined by "and"/"or"/"y"/"," to an accepted title is a
        title too ("Moon and Gattaca are favourites", "Heat, Ronin y Collateral").
        """
        starts = {i for i, _, _, _ in found}
        ends = {i + n - 1 for i, n, _, _ in found}
        joiners = {"and", "or", "y", "o", "nor", "ni", "e"}
        out: list[tuple[int, int, int, float]] = []
        for i, n, key in doubtful:
            if n == 1 and key in lexicon.EN_STOPWORDS or key in lexicon.ES_STOPWORDS or key in lexicon.NAMED_DAYS:
                continue
            after = i + n < len(tokens) and tokens[i + n].key in joiners and i + n + 1 in starts
            comma = i + n in starts and "," in text[tokens[i + n - 1].end:tokens[i + n].start]
            before = i >= 2 and tokens[i - 1].key in joiners and i - 2 in ends
            if after or before or comma:
                item_id = self._lookup(self._index, key, None, ())
                if item_id is not None:
                    out.append((i, n, item_id, 100.0))
        return out

    def _name_follows(self, text: str, tokens: list[_Token], i: int, n: int) -> bool:
        """A capitalised word (no year, no "I", not opening a sentence) follows the title with only
        a space between: the title's words begin a longer name ("Tom Hanks", "Paul Rudd").
        """
        if i + n >= len(tokens):
            return False
        after = tokens[i + n].raw
        between = text[tokens[i + n - 1].end:tokens[i + n].start]
        apart = bool(re.search(r"[,;:—–()\[\]/]|\s-\s", between))
        return after[:1].isupper() and not _YEAR.match(after) and not apart and not _PRONOUN_I.match(after) \
            and not self._at_start(text, i + n, tokens[i + n])

    @staticmethod
    def _at_start(text: str, i: int, first: _Token) -> bool:
        """Whether a token opens a sentence (where a capital letter says nothing)."""
        return i == 0 or bool(re.search(r"[.!?¡¿\n:;\"(]\s*$", text[max(0, first.start - 4):first.start]))

    def _nearby_year(self, tokens: list[_Token], i: int, n: int) -> int | None:
        """A four-digit year just before or within three tokens after a title, or a two-digit one
        after "del" / "de" within four ("Vi Titanic, la del 53": the 1953 one).
        """
        for j, token in enumerate(tokens[i + n:i + n + 4]):
            if token.key in lexicon.NEGATORS:
                break  # "Psycho, not the 1998 remake": that year is the one they mean not
            if _YEAR.match(token.key) and j < 3:
                return int(token.key)
            if len(token.key) == 2 and token.key.isdigit() and j and tokens[i + n + j - 1].key in {"del", "de"}:
                return years.full_year(token.key)
        before = tokens[max(0, i - 1):i]
        ruled_out = any(t.key in lexicon.NEGATORS for t in tokens[max(0, i - 3):i - 1])
        if before and _YEAR.match(before[0].key) and not ruled_out:  # "not the 1990 Night of the..."
            return int(before[0].key)
        return None

    def _after_capital_article(self, text: str, tokens: list[_Token], i: int) -> bool:
        """The token before ``i`` is an article written with a capital in mid-sentence ("vi El orfanto")."""
        return i > 0 and tokens[i - 1].key in _ARTICLES and tokens[i - 1].raw[:1].isupper() \
            and not self._at_start(text, i - 1, tokens[i - 1])

def _repeated(keys: list[str], chosen: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
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


def _select(found: Iterable[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
    """Non-overlapping matches: longer first, then higher score, then earlier."""
    taken: set[int] = set()
    chosen = []
    for i, n, item_id, score in sorted(found, key=lambda f: (-f[1], -f[3], f[0])):
        span = set(range(i, i + n))
        if span & taken:
            continue
        taken |= span
        chosen.append((i, n, item_id, score))
    return chosen


def _original_before(keys: Sequence[str], i: int) -> bool:
    """"original" right before the title at token ``i``, or one describing word before it ("the
    original Scarface", "the original korean Oldboy"; not "the original and Oldboy").
    """
    if i > 0 and keys[i - 1] in _ORIGINAL:
        return True
    return (i > 1 and keys[i - 2] in _ORIGINAL and keys[i - 1].isalpha()
            and keys[i - 1] not in lexicon.EN_STOPWORDS and keys[i - 1] not in lexicon.ES_STOPWORDS)
