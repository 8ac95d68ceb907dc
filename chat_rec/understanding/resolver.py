"""Find catalog titles in free text, typos and Spanish release titles included.

The index and the search over a text are here; whether an exact match stands as a title is
``title_accept``, where a found title stands (a year, a sequel number, a longer name) is
``title_context``, and misspelt titles are ``fuzzy_titles``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from chat_rec.catalog.models import RECENT_YEARS, Catalog, Item
from chat_rec.catalog.titles import move_article, split_year
from chat_rec.understanding import lexicon
from chat_rec.understanding.description_words import phrase_pairs
from chat_rec.understanding.fuzzy_titles import fuzzy_matches, number_key
from chat_rec.understanding.series import SeriesIndex
from chat_rec.understanding.title_accept import accept, coordinated
from chat_rec.understanding.title_choice import (
    longer_title_typed,
    remark_after_titles,
    repeated_titles,
    select_matches,
)
from chat_rec.understanding.title_context import (
    SERIES_ORDINALS,
    at_start,
    inside_name,
    nearby_year,
    ordinal_before,
    original_before,
    other_year,
    remake_near,
    sequel_after,
    spelt_sequel,
    subtitle_after,
    version_pointer,
)
from chat_rec.understanding.title_cues import (
    _CLOSED_CLASS,
    _COUNTED,
    _KNOWN_FILM,
    _is_weak,
    _made_by,
    _possessive_of_films,
)
from chat_rec.understanding.title_keys import (
    _LEADING_ARTICLE,
    _MINOR,
    _NOUNS_AFTER,
    _YEAR,
    SPANISH_TITLES,
    _is_genre,
    _Token,
    coined_head,
    coined_word,
    colon_parts,
    dotted_heads,
    fold_key,
    lone_first_parts,
    named_tail,
    series_tail,
    title_head,
    title_variants,
    tokenize,
    without_and_the,
)

_NEW = frozenset({"new", "newest", "latest", "nueva", "nuevo"})
"""Words before a title that mean its latest film ("the new Ghostbusters")."""


@dataclass(frozen=True)
class Mention:
    """One catalog title found in a text: the item and the character span that names it."""

    item_id: int
    start: int
    end: int
    text: str
    score: float
    """100 for an exact match of a title variant; the fuzzy ratio otherwise."""


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
        for item in catalog.items.values():
            coined = coined_head(item.title)
            if coined:
                heads[coined].add(item.item_id if item.popularity >= _KNOWN_FILM else -1)  # -1: an obscure one
        for head, ids in heads.items():
            if len(ids) == 1 and -1 not in ids and head not in index:  # "eternal sunshine", "borat"
                index[head].append((4, next(iter(ids))))
                self._heads.add(head)
        for base, item_id in lone_first_parts(catalog.items.values()).items():
            if base not in index:  # "Atlas Shrugged" for Atlas Shrugged: Part 1
                index[base].append((1, item_id))
        self._capitals_only: set[str] = set()
        """Subtitles of well-known films that name them only typed with capitals (``named_tail``)."""
        for item in catalog.items.values():
            tail = named_tail(item.title) if item.popularity >= _KNOWN_FILM else None
            key = fold_key(tail) if tail else ""
            if key and key not in index:  # "Fury Road" of Mad Max: Fury Road; no film's own title
                index[key].append((3, item.item_id))
                self._capitals_only.add(key)
        title_words: dict[str, set[int]] = defaultdict(set)
        for item in catalog.items.values():
            for word in {w for raw in item.title.split() for w in fold_key(raw).split()
                         if "'" not in raw and "\u2019" not in raw}:  # no contraction ("You've")
                title_words[word].add(item.item_id if item.popularity >= _KNOWN_FILM else -1)
        self._coined_words: set[str] = set()
        """Coined words that name a well-known film alone; typed lowercase too in English ("shawshank is the best")."""
        for word, ids in title_words.items():  # "Shawshank", "Lebowski", "Totoro": a title by its coined word
            if len(ids) == 1 and -1 not in ids and word not in index and coined_word(word):
                index[word].append((4, next(iter(ids))))
                self._capitals_only.add(word)
                self._coined_words.add(word)
        opening: dict[str, int] = defaultdict(int)  # how many titles open with these words
        for item in catalog.items.values():
            words = fold_key(item.title).split()
            for n in range(1, min(len(words), 6) + 1):
                opening[" ".join(words[:n])] += 1
        tails: dict[str, set[int]] = defaultdict(set)
        for item in catalog.items.values():
            parts = series_tail(item.title)
            if parts and parts[1] not in index and opening[parts[0]] >= 2:  # a series' name, no title's own words
                tails[parts[1]].add(item.item_id if item.popularity >= _KNOWN_FILM else -1)
        for tail, ids in tails.items():
            if len(ids) == 1 and -1 not in ids:  # "Glass Harbour" of "Captain Moss and the Glass Harbour"
                index[tail].append((3, next(iter(ids))))
                self._capitals_only.add(tail)  # "the holy grail of heist films", "a chocolate factory" name no film
        self._dotted_heads: set[str] = set()
        """Keys of dotted acronyms that open one well-known title ("et" of E.T. the Extra-Terrestrial): they name it
        only typed with their dots (``title_accept.accept``)."""
        known = [item for item in catalog.items.values() if item.popularity >= _KNOWN_FILM]
        for key, item_id in dotted_heads(known, opening).items():
            if key not in index:  # "E.T." of E.T. the Extra-Terrestrial
                index[key].append((3, item_id))
                self._dotted_heads.add(key)
        for key, item_id in without_and_the(catalog.items.values(), opening).items():
            if key not in index:  # "harry potter chamber of secrets"
                index[key].append((2, item_id))
        self._index = dict(index)
        self._last_year = max((item.year for item in catalog.items.values() if item.year), default=0)
        """The latest release year in the catalog: what "new" means to it."""
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
        by_number: dict[str, set[str]] = defaultdict(set)
        small = _MINOR | lexicon.EN_STOPWORDS | _CLOSED_CLASS  # (one content word: "the other guy" is a person)
        for key in self._index:
            words = key.split()
            if len(words) >= 3 and sum(w not in small for w in words) >= 2 and key not in self._heads:
                by_number[number_key(words)].add(key)
        self._by_number = {k: next(iter(keys)) for k, keys in by_number.items() if len(keys) == 1}
        """A title's singular key -> the title, where one title has it ("raider of the lost ark")."""
        self._number_prefixes = {" ".join(k.split()[:2]) for k in self._by_number}
        self._typo_choices = dict(typo_len)
        self._all_choices = [k for keys in by_len.values() for k in keys]

    # ------------------------------------------------------------------ lookups

    @functools.cached_property
    def said_of_films(self) -> frozenset[str]:
        """Every word of the catalog's tags and cast ("pacino", "twist"): a word after a title's colon
        that the catalog says of films is a remark about the film, no subtitle (``subtitle_after``).
        """
        return frozenset(w for item in self.catalog.items.values() for tag in (*item.all_tags, *item.cast)
                         for w in fold_key(tag).split())

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
        same = self._same_title(key)
        return min(same, key=lambda c: (self._year(c), c)) if same else item_id

    def _latest(self, key: str, item_id: int | None) -> int | None:
        """"the Planet of the Apes remake": the latest film with that exact title, spaces aside."""
        same = self._same_title(key)
        return max(same, key=lambda c: (self._year(c), c)) if same else item_id

    def _newest(self, key: str) -> int | None:
        """"the new Ghostbusters": the latest film named by ``key``, when it is from the catalog's last
        ``RECENT_YEARS`` years; None when every film of that name is older ("the new Top Gun" is one
        the catalog lacks).
        """
        dated = [c for _, c in self._index.get(key, []) if self._year(c) is not None]
        newest = max(dated, key=lambda c: (self._year(c), c), default=None)
        year = self._year(newest) if newest is not None else None
        return newest if year is not None and year > self._last_year - RECENT_YEARS else None

    def _same_title(self, key: str) -> list[int]:
        """The dated films whose own title is ``key``, spaces aside."""
        return [c for k in self._spellings.get(key.replace(" ", ""), [key]) for p, c in self._index.get(k, [])
                if p == 0 and self._year(c) is not None]

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
        absent: set[int] = set()  # tokens of a title whose meant film the catalog lacks ("the new Top Gun")
        for i in range(len(tokens)):
            before = len(found)
            typed = 0  # how many words from i follow the opening of some catalog title
            for n in range(1, min(self._max_len, len(tokens) - i) + 1):
                key = " ".join(keys[i:i + n])
                if key not in self._prefixes:
                    break
                typed = n
                if key in self._heads and re.search(r"[,;/&]", text[tokens[i].start:tokens[i + n - 1].end]):
                    continue  # "something eternal, sunshine and laughs": words across a comma, not a title's head
                if key in self._index and accept(self, text, tokens, i, n, key, prefer_set, spanish):
                    year = nearby_year(tokens, i, n)
                    item_id = self._lookup(self._index, key, year, prefer_set)
                    if year is None and original_before(keys, i):
                        item_id = self._earliest(key, item_id)
                    elif year is None and remake_near(keys, i, n):
                        item_id = self._latest(key, item_id)
                    elif year is None and i > 0 and keys[i - 1] in _NEW:
                        item_id = self._newest(key)
                        if item_id is None:
                            absent.update(range(i, i + n))  # no other reading may take these words
                    if item_id is not None:
                        found.append((i, n, item_id, 100.0))
                elif key in self._index and n == 1 and tokens[i].raw[:1].isupper() and not tokens[i].raw.isupper():
                    doubtful.append((i, n, key))
                elif key in self._index and n == 1 and key.isalpha() and not _is_weak(key) \
                        and key not in lexicon.FILM_CUES \
                        and self._known_film(key, whole_title=True) \
                        and (i + 1 == len(keys) or keys[i + 1] not in _NOUNS_AFTER):  # "godzilla movies": a kind
                    doubtful.append((i, n, key))  # "inception and the matrix": a well-known film, no common word
                elif key in self._index and n > 1 and sum(k not in _MINOR for k in keys[i:i + n]) >= 2 \
                        and key not in self._capitals_only:
                    doubtful.append((i, n, key))  # "loved the shawshank redemption and the green mile"
            if len(found) > before and longer_title_typed(keys, typed, max(f[1] for f in found[before:]), i):
                del found[before:]  # "Big Trouble in Little Tokyo": a longer title's words, not the film *Big*
        found += coordinated(self, text, tokens, doubtful, found)
        found += repeated_titles(keys, select_matches(found, keys))
        chosen = select_matches(found, keys)
        # a short exact match inside a longer capitalised name ("Redemption" of "The Shashank
        # Redemption") is dropped below: it must not keep a misspelt longer title from being found
        covered = absent | {k for i, n, item_id, _ in chosen
                            if not (n <= 2 and item_id not in prefer_set and inside_name(text, tokens, i))
                            for k in range(i, i + n)}
        exact = {i: n for i, n, _, _ in chosen if all(k in covered for k in range(i, i + n))}
        fuzzy = fuzzy_matches(self, text, tokens, covered, prefer_set, spanish, exact)
        chosen += fuzzy + coordinated(self, text, tokens, doubtful, fuzzy)  # "loved gatacca and the sixth sense"
        mentions = []
        idioms = [m.span() for m in lexicon.VERDICT_IDIOMS.finditer(text.lower())]
        title_ends: set[int] = set()
        subtitled: set[int] = set()
        said = self.said_of_films if ":" in text else frozenset()  # built once, and only when a subtitle may follow
        selected = sorted(select_matches(chosen, keys))
        for i, n, item_id, score in selected:
            spelt = spelt_sequel(text, tokens, i + n)
            sequel = self.series.sequel_of(item_id, spelt) if spelt else None
            if sequel is not None:  # "toy story three", "scream dos": the sequel of that number
                item_id, n = sequel, n + 1
            elif (ordinal := ordinal_before(tokens, i, text)) is not None and ordinal >= 2:
                sequel = self.series.sequel_of(item_id, ordinal)
                back = 3 if tokens[i - 1].key in {"of", "de"} else 1  # "la segunda parte de Paddington"
                if sequel is None and back == 1:
                    continue  # "the second Alien": a sequel the catalog holds under another name, or not at all
                if sequel is not None:  # ("the second part of Heat" is a stretch of the film)
                    item_id, i, n = sequel, i - back, n + back  # "the third toy story", "la segunda Paddington"
            if i in subtitled:
                continue
            if sequel_after(tokens, i + n):
                continue  # "Frozen 2" when the catalog has only Frozen: a sequel it lacks, not the original
            if (subtitle := subtitle_after(text, tokens, i + n, said)) \
                    and not remark_after_titles(text, tokens, selected, i, n, subtitle):
                subtitled.update(range(i + n, i + n + subtitle))
                continue  # "Top Gun: Maverick": a film the catalog lacks, neither *Top Gun* nor *Maverick*
            if item_id not in prefer_set and _possessive_of_films(tokens, i + n - 1):
                continue  # "The Rock's movies", "Nolan's films": a person's films, not the film
            if item_id not in prefer_set and _made_by(tokens, i):
                continue  # "something by Stanley Kubrick", "directed by Kevin Smith": a maker, not the film
            if item_id not in prefer_set and (other_year(tokens, i, n, self._year(item_id))
                                              or (n <= 2 and inside_name(text, tokens, i, title_ends, score < 100))):
                continue
            if score < 100 and i + n < len(tokens) and tokens[i + n].key in {"one", "ones"}:
                continue  # "the romantic one" describes a film; it is no misspelt "The Romantics"
            if item_id not in prefer_set and any(s < tokens[i + n - 1].end and tokens[i].start < e
                                                 for s, e in idioms):
                continue  # "aged like milk", "chef's kiss": a saying, not the film *Milk* or *Chef*
            title_ends.add(i + n - 1)
            end_tok = i + n - 1
            year = nearby_year(tokens, i, n)
            if year is not None and self._year(item_id) == year:
                for j in range(i + n, min(i + n + 2, len(tokens))):
                    if tokens[j].key == str(year):
                        end_tok = j
            start, end = tokens[i].start, tokens[end_tok].end
            if end < len(text) and text[end] == ")" and end_tok != i + n - 1:
                end += 1
            mentions.append(Mention(item_id, start, end, text[start:end], score))
        mentions += self._franchise_films(text, tokens, mentions)
        return sorted(mentions + self._other_versions(text, tokens, mentions), key=lambda m: m.start)

    def _franchise_films(self, text: str, tokens: list[_Token], mentions: list[Mention]) -> list[Mention]:
        """A film of a subtitled series counted by its place ("the third harry potter", "harry potter 3", "la
        segunda de Harry Potter" is not read): an ordinal before the series' name or a number after it,
        where no title was found (``SeriesIndex.franchises``).
        """
        keys = [t.key for t in tokens]
        if not any(k.isdigit() or k in lexicon.NUMBER_WORDS or k in SERIES_ORDINALS for k in keys):
            return []  # no place said: the series index is not even built
        out = []
        for name in self.series.franchises:
            words = name.split()
            for j in range(len(keys) - len(words) + 1):
                if keys[j:j + len(words)] != words:
                    continue
                end = j + len(words)
                first = j - 3 if j >= 3 and keys[j - 1] in {"of", "de"} else j - 1  # ("the second part of …")
                last = end - 1
                ordinal = ordinal_before(tokens, j, text)
                if ordinal is None and end < len(tokens) and re.fullmatch(r"[1-9]", keys[end]) \
                        and text[tokens[end - 1].end:tokens[end].start].isspace() \
                        and (end + 1 == len(keys) or keys[end + 1] not in _COUNTED):
                    ordinal, first, last = int(keys[end]), j, end  # "harry potter 3"
                elif ordinal is None and (spelt := spelt_sequel(text, tokens, end)) is not None:
                    ordinal, first, last = spelt, j, end  # "harry potter three"
                film = self.series.franchise_film(name, ordinal) if ordinal is not None else None
                start, stop = tokens[first].start, tokens[last].end
                if film is None or any(m.start < stop and start < m.end for m in mentions):
                    continue
                out.append(Mention(film, start, stop, text[start:stop], 100.0))
        return out

    def _other_versions(self, text: str, tokens: list[_Token], mentions: list[Mention]) -> list[Mention]:
        """"The remake" / "the original" after a title named earlier in the text, where the catalog holds
        a later / an earlier film of that title ("Get Carter is a classic. The remake was rubbish.").
        """
        out = []
        for j in range(1, len(tokens)):
            kind = version_pointer(text, tokens, j)
            if kind is None:
                continue
            before = [m for m in mentions if m.end <= tokens[j - 1].start]
            item = self.catalog.get(before[-1].item_id) if before else None
            if item is None or item.year is None or any(m.start <= tokens[j].start < m.end for m in mentions):
                continue
            same = [c for c in self._same_title(fold_key(move_article(item.title.split(" (")[0])))
                    if c != item.item_id and (self._year(c) or 0) != item.year]
            later = kind == "remake"
            others = [c for c in same if ((self._year(c) or 0) > item.year) == later]
            if others:
                pick = min(others, key=lambda c: (self._year(c) or 0) * (1 if later else -1))
                start, end = tokens[j - 1].start, tokens[j].end
                out.append(Mention(pick, start, end, text[start:end], 100.0))
        return out

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
                named = first.raw[:1].isupper() and not at_start(text, i, first)
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
