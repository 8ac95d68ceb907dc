"""The deterministic parser: one user message -> PreferenceSignal, no model involved.

It backs the LLM up and wins on conflicts. The message is cut into clauses (sentences, commas,
"but"); each clause gets a polarity from its cue words (negators counted, so "can't say I didn't
enjoy" stays positive); titles, list references ("the second one", "none of these") and genre
names in the clause take that polarity. The labelling rules it implements are those of the
extraction benchmark (shared/benchmarks/extraction/README.md). Here: finding the titles, masking
what the clauses must not read, and what each clause names; the clause loop itself is
``clause_reader.ClauseReader``.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold
from chat_rec.understanding import answers as asked
from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding import (
    comparisons,
    conditions,
    describing,
    double_negation,
    idioms,
    intent,
    lexicon,
    request_words,
    series,
    who_watches,
    word_forms,
    years,
)
from chat_rec.understanding.clause_reader import ClauseReader
from chat_rec.understanding.clause_state import split_clauses
from chat_rec.understanding.cleaning import clean
from chat_rec.understanding.in_order import name_places
from chat_rec.understanding.listed_titles import absorbed, described_listed, listed_title_words
from chat_rec.understanding.references import ALL_EXCEPT, ListReferences, _Ref
from chat_rec.understanding.resolver import Mention, TitleResolver
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.spelled_years import spell_out_years
from chat_rec.understanding.title_keys import fold_key
from chat_rec.understanding.tokens import tokenize

log = logging.getLogger(__name__)

_RELATIVE_STEPS = {"after": 1, "following": 1, "despues": 1, "tras": 1, "before": -1, "antes": -1, "preceding": -1}
"""Words that place a listed film next to a named one on the list, and the step they take."""
_BESIDE_LEADS = frozenset("one film movie pick que la el va viene esta s".split())
"""Words of the phrase before those ("the one after", "la que va después de")."""


def parse(utterance: str, previous_items: Sequence[Item] = (), resolver: TitleResolver | None = None,
          previous_reply: str = "") -> PreferenceSignal:
    """Parse one user message; never raises (a broken parse is an empty signal)."""
    return parse_detailed(utterance, previous_items, resolver, previous_reply).signal


_WHOLE = frozenset("all any none every each both neither todas todos ninguna ninguno".split())
_PLURAL_PRONOUNS = frozenset("them those these ones em".split())
_AFTER_SET_APART = frozenset(", . ! ? ; are look looks sound sounds seem seems were".split())
_CLAUSE_VERBS = frozenset("is was s i im we looks sounds seems".split())
"""Words that make the phrase after "but" a clause of its own ("I'd watch all of them but Heat is my favourite"):
a contrast, not a film set apart."""
_ASKED_ANY = frozenset("anything something everything whatever any film movie films movies flick else".split())
"""Words of a request for any film, after which "besides" and "other than" set something apart ("anything
besides horror"); elsewhere "besides" adds ("besides, I loved Heat")."""


def _opens_before_group(keys: list[str], i: int) -> bool:
    """Whether the word at ``i`` opens its sentence and a group of the list follows in it, so that "besides" or
    "other than" sets a film apart from that group ("besides Heat they're all great", "other than the first,
    none of them appeal"); "besides, I loved Heat" and "besides Heat I loved Fargo" add.
    """
    if i > 0 and keys[i - 1] not in {".", "!", "?", ";"} or keys[i + 1:i + 2] == [","]:
        return False
    end = next((j for j in range(i + 1, len(keys)) if keys[j] in {".", "!", "?", ";"}), len(keys))
    return lexicon.GROUP_ALL.search(" ".join(keys[i + 1:end])) is not None


def _after_group(keys: list[str], i: int) -> bool:
    """Whether a word for the whole list ends right before the word at ``i``, so that "besides" or "other
    than" there sets a film apart from that list ("all of them besides Heat look great", "any of those
    other than the first"), as "except" does.
    """
    before = " ".join(keys[max(i - 4, 0):i])
    return any(m.end() == len(before) for m in lexicon.GROUP_ALL.finditer(before))


def _sets_apart_from_all(keys: list[str], i: int) -> bool:
    """Whether the "but" at ``i`` means "except", not a contrast: right after "anything" / "everything" /
    "all" ("anything but romance"; not "not at all, but"), or after a whole list just named ("all of them but
    the third", "none of those but Heat") — the list's pronoun right before it, a word for the whole list up
    to three words before that, and after it a short phrase (up to four words, no verb of its own) that ends
    the clause or is followed by a plural verb ("all of them but the third look good").
    """
    if i > 0 and keys[i - 1] in {"anything", "everything", "something", "all", "any"}:
        return keys[max(i - 2, 0):i] != ["at", "all"]
    if i < 2 or keys[i - 1] not in _PLURAL_PRONOUNS or not _WHOLE & set(keys[max(i - 4, 0):i - 1]):
        return False
    end = next((j for j in range(i + 1, min(i + 6, len(keys) + 1)) if j == len(keys) or keys[j] in _AFTER_SET_APART),
               None)
    return end is not None and end > i + 1 and not _CLAUSE_VERBS & set(keys[i + 1:end])


@dataclass
class ParseResult:
    """The signal, the cleaned text the parser read, and where each mentioned movie is named in it."""

    signal: PreferenceSignal
    text: str
    spans: dict[int, tuple[int, int]]
    """item id -> character span of its first mention in ``text`` (zero-width for a list
    position or description, which keeps its words)."""
    settled: frozenset[int] = frozenset()
    """Mentions the rules read as no verdict on purpose ("fine I guess", "I don't hate X"): a
    second reader must not give them one."""
    answered: bool = False
    """The message answers what the reply asked (what to avoid) and asks nothing: a second reader must not
    make it an ask."""


def parse_detailed(utterance: str, previous_items: Sequence[Item] = (),
                   resolver: TitleResolver | None = None, previous_reply: str = "") -> ParseResult:
    """``parse`` plus the mention spans a second reader (the learned verdict) needs.

    ``previous_reply``: the reply the message answers; the names it gave its listed films
    ("El tercer hombre (1949)") name them in the message too.
    """
    try:
        parser = _Parser(str(utterance or ""), list(previous_items or []), resolver, str(previous_reply or ""))
        return ParseResult(parser.run(), parser.text, parser.spans, frozenset(parser.settled), parser.answered)
    except Exception:  # noqa: BLE001 - a turn must survive any input
        log.exception("parser failed on %r", str(utterance)[:200])
        return ParseResult(PreferenceSignal(), "", {})


_LIST_WORD = re.compile(r"\b(?:list|lista|options?|opciones|picks?|suggestions?|sugerencias?"
                        r"|you (?:gave|listed|suggested|mentioned|showed)|here|aqui|above|arriba)\b")
"""A clause that speaks of the list on screen ("the second one here"): its ordinals are positions."""
_YEAR_VERSION = re.compile(r"^(?:la|el|the|that|esa|ese) (?:del?|one from|version from) (\d\d|\d{4})\b"
                           r"|^the (\d{4}) (?:one|version|remake|original)\b")
"""A version of a title told by its year, right after the title: "la del 53", "the one from 1933"."""
_TOLD_VERSION = re.compile(r"the ((?:\w+ ){0,2}\w+) (?:one|version)")
"""A version told apart by a maker or an age, as a clause of its own after the title ("Psycho, the
Hitchcock one", "Solaris, the old one")."""


_BREAKS = frozenset({".", ",", "?"})
_CONSEQUENCES = frozenset("no nothing none nada ningun ninguna something anything algo please maybe give "
                          "recommend show dame recomiendame".split())
"""Words that open a clause of its own after "so" / "así que" ("…so nothing scary please")."""


class _Parser(ClauseReader):
    def __init__(self, utterance: str, previous: list[Item], resolver: TitleResolver | None, reply: str = ""):
        self.raw = utterance
        self.previous = previous
        self.reply = reply
        self.seen_asked = asked.asks_seen(reply)  # the reply asked which films were seen (read once per message)
        self.resolver = resolver
        self.text = spell_out_years(clean(utterance))  # "twenty fifteen onwards" reads as "2015 onwards"
        self.text = name_places(word_forms.split_run_together(self.text), len(previous))  # "9/10, 4/10 in that order"
        self.toks = tokenize(self.text)
        self.signal = PreferenceSignal()
        self.referenced: list[int] = []
        self.singled: set[int] = set()  # listed films named apart from the whole list ("the first", "Heat")
        self.judged_alone: dict[int, int] = {}  # and the verdicts they got there
        self.settled: set[int] = set()
        self.bare_genres: set[str] = set()  # genres named with no verdict of their own (asked for, by default)
        self.answered = False  # the message answers what to avoid, asking nothing (``ParseResult.answered``)
        self.unseen: set[int] = set()  # films a clause says were not seen ("Third: haven't seen it")
        self._settled = False  # the clause being read was judged "no verdict" on purpose
        self.list_refs = ListReferences(previous, resolver.phrase_pairs if resolver is not None else frozenset())
        self.spans: dict[int, tuple[int, int]] = {}

    # ----------------------------------------------------------------- main flow
    def run(self) -> PreferenceSignal:
        sig = self.signal
        keys = [t.key for t in self.toks]
        sig.language = lexicon.detect_language(keys)
        words = " ".join(k for k in keys if k not in {".", ",", "?"})
        sig.skip = bool(request_words.SKIP_RE.match(words)) if len(words) < 60 else False
        mentions = self._mentions()
        # Title tokens become placeholders so their words carry no cue or genre.
        title_at: dict[int, Mention] = {}
        for mention in mentions:
            inside = [i for i, t in enumerate(self.toks) if t.start >= mention.start and t.end <= mention.end]
            if inside:
                title_at[inside[0]] = mention
                for i in inside:
                    keys[i] = "qqtitle"
                if self._own_mark(mention, inside[-1] + 1):
                    keys[inside[-1] + 1] = "qqtitle"  # "Airplane! and Heat": the title's "!" ends no sentence
        sig.language = lexicon.detect_language(keys)  # a title's own words say nothing of the language
        keys = double_negation.unmark_double_negation(idioms.unmark_idioms(keys))
        folded, offsets = lexicon.joined_keys(keys)
        listed_years = {i.year for i in self.previous if i.year}
        year_min, year_max, spans = years.extract_years(folded, listed_years)
        if (year_min is not None or year_max is not None) and (theirs := who_watches.their_clauses(
                keys, split_clauses(keys), " ".join(t.key for t in self.toks))):
            # "my uncle swears the 70s were the golden age, but I want a 2000s film": his era is not asked for;
            # every year phrase is still consumed (masked) as read on the whole message (only looked for when a
            # bound was read at all: no second clause split on most messages)
            kept = "".join(" " if any(offsets[lo] <= at < (offsets[hi] if hi < len(keys) else len(folded))
                                      for lo, hi in theirs) else ch for at, ch in enumerate(folded))
            year_min, year_max, _ = years.extract_years(kept, listed_years)
        if (year_min is not None or year_max is not None) and (praised := [
                m.span() for m in lexicon.UNMATCHED.finditer(folded)]):
            # "nothing else from the 90s comes close": the decade belongs to the praise, no bound asked for
            kept = "".join(" " if any(lo <= at < hi for lo, hi in praised) else ch for at, ch in enumerate(folded))
            year_min, year_max, _ = years.extract_years(kept, listed_years)
            spans = [(lo, hi) for lo, hi in spans if not any(a <= lo and hi <= b for a, b in praised)]
        sig.year_min, sig.year_max = year_min, year_max
        keys = self._mask(keys, offsets, spans)
        era_text = " ".join(keys)  # "not too old" is an era before the intensity mask hides it as a qualifier
        folded, offsets = lexicon.joined_keys(keys)
        keys = self._mask(keys, offsets, [m.span() for m in lexicon.INTENSITY_RE.finditer(folded)])
        keys = describing.mask_describing_complaints(keys)  # "a dumb action flick" asks for one
        keys = describing.mask_film_classifications(keys)  # "it's not really a western" says what a film is
        keys = conditions.mark_conditions(comparisons.mark_alternatives(keys))
        for i, k in enumerate(keys[:-1]):  # "anything but romance" is a rejection, not a contrast
            if k == "but" and _sets_apart_from_all(keys, i):
                keys[i] = "except"  # "anything but romance", "I like all of them but the third": set apart
            elif k in {"apart", "aside"} and keys[i + 1] == "from" and (i == 0 or keys[i - 1] not in {"set", "sets"}):
                keys[i], keys[i + 1] = "except", "qqmask"  # "none of these apart from the second"
            elif (k == "besides" or k == "other" and keys[i + 1] == "than") and (
                    _opens_before_group(keys, i) or _after_group(keys, i)):
                keys[i] = "except"  # "besides Heat they're all great", "other than Heat, none appeal", "all of
                # them besides Heat look great": set apart
                if k == "other":
                    keys[i + 1] = "qqmask"
            elif i > 0 and keys[i - 1] in _ASKED_ANY and (k == "besides" or k == "other" and keys[i + 1] == "than") \
                    and "qqtitle" not in keys[i + 1:i + 3]:  # (a film set apart is no rejection: clauses.SET_APART)
                keys[i] = "except"  # "anything besides horror", "any film other than a western": set apart
                if k == "other":
                    keys[i + 1] = "qqmask"
            elif k == "from" and i > 0 and keys[i - 1] == "far" and (
                    lexicon.POSITIVE.fullmatch(keys[i + 1]) or lexicon.NEGATIVE.fullmatch(keys[i + 1])):
                keys[i - 1], keys[i] = "qqmask", "not"  # "far from bad" is "not bad"; "far from home" is a place
            elif keys[i + 1] in _CONSEQUENCES and i > 0 and keys[i - 1] not in _BREAKS:
                # "she can't handle horror so nothing scary", "así que nada de terror": a clause of its own
                if k == "so":
                    keys[i] = ","
                elif k == "que" and keys[i - 1] == "asi" and i > 1 and keys[i - 2] not in _BREAKS:
                    keys[i - 1], keys[i] = ",", "qqmask"
        sig.wants_new_recommendations = intent.wants_new(keys) or intent.bounded_now(era_text) \
            or sig.year_min is not None or sig.year_max is not None \
            or intent.limit_stated([t.key for t in self.toks]) and not asked.asks_avoided(self.reply)
        if sig.year_min is None and sig.year_max is None:
            sig.era = clause_rules.relative_era(era_text)
        if self.previous:
            self.list_refs.ahead = self.list_refs.named(keys, [m.item_id for m in mentions])
        answers = self.list_refs.answers(keys)
        first = next((j for j, k in enumerate(keys) if k == "."), 0)
        opening = [] if answers or not first else self.list_refs.answers(keys[:first], opening=True)
        for item_id, sign in answers or opening:  # "Seen it?" "nah": a no to having seen it, no rejection
            self._items([item_id], 0 if self.seen_asked else sign, self.seen_asked and sign > 0)
        if opening:  # "Nope, nope and nope. My boyfriend would walk out.": the answers, then the rest read
            self._clauses(["qqmask"] * first + keys[first:], title_at)
        elif not answers:
            self._clauses(keys, title_at)
        self._unresolved(mentions)
        words = " ".join(t.key for t in self.toks)
        self.answered = asked.by_question(self.signal, self.reply, self.text, words, self.referenced, self.settled,
                                          self.bare_genres, [fold(i.title) for i in self.previous])
        return self._finish()

    def _own_mark(self, mention: Mention, at: int) -> bool:
        """Whether the "!" or "?" at token ``at`` ends the title just named ("Airplane!", "Who Framed
        Roger Rabbit?") inside a sentence that goes on (lowercase, a comma or nothing after it).
        """
        if at >= len(self.toks) or self.toks[at].raw not in {"!", "?"} or self.resolver is None:
            return False
        item = self.resolver.catalog.get(mention.item_id)
        if item is None or not (item.title or "").rstrip().endswith(self.toks[at].raw):
            return False
        after = self.toks[at + 1].raw if at + 1 < len(self.toks) else ""
        return after == "," or after[:1].islower()

    def _mentions(self) -> list[Mention]:
        if self.resolver is None or not self.text:
            return []
        prefer = [item.item_id for item in self.previous]
        aliases = self.resolver.reply_aliases(self.reply, self.previous)
        found = self.resolver.find_in_text(self.text, prefer=prefer, aliases=aliases)
        refs, catalog = self.list_refs, self.resolver.catalog
        found = [listed if (listed := described_listed(self.text, m, refs, catalog)) else m for m in found]
        named = listed_title_words(self.text, self.previous, found)
        return sorted(absorbed(self.text, found, named, self.previous) + named, key=lambda m: m.start)

    @staticmethod
    def _mask(keys: list[str], offsets: list[int], spans: list[tuple[int, int]]) -> list[str]:
        keys = list(keys)
        for start, end in spans:
            first = bisect_right(offsets, start) - 1
            for i in range(max(first, 0), len(keys)):
                if offsets[i] >= end:
                    break
                if offsets[i] + len(keys[i]) > start and keys[i] not in {".", ",", "?"}:
                    keys[i] = "qqmask"
        return keys

    # ----------------------------------------------------------------- references
    def _refs(self, ckeys: list[str], lo: int, title_at: dict[int, Mention]) -> list[_Ref]:
        refs: list[_Ref] = []
        for j, k in enumerate(ckeys):
            if k == "qqtitle" and lo + j in title_at:
                mention = title_at[lo + j]
                neighbour = self._beside(ckeys[max(0, j - 4):j], mention.item_id)
                if neighbour is not None:  # "the one after Groundhog Day": the next film on the list
                    refs.append(_Ref(lo + j, [neighbour]))
                    continue
                refs.append(_Ref(lo + j, [mention.item_id]))
                self.spans.setdefault(mention.item_id, (mention.start, mention.end))
        refs += self._genre_refs(ckeys, lo)
        if not any(r.items for r in refs):
            refs += [_Ref(lo, [item_id]) for item_id in self._version_of_year(ckeys, self._after_title(lo, title_at))]
        sequel = self._sequel_refs(ckeys, lo, refs)
        refs += sequel
        if not self.previous and not sequel and not any(r.items for r in refs):
            refs += self._named_before(ckeys, lo)
        if self.previous and not sequel:
            # "the others" are the films not singled out: "las tres" set apart none of them
            apart = [i for i in self.referenced if i in self.singled or i not in self.list_refs.ids]
            listed = self.list_refs.find(ckeys, lo, apart)
            described = [r for r in listed if r.genres == ("described",)]
            for ref in described:  # "the animated one" names a listed movie, not a genre
                refs = [r for r in refs if not (r.genres and ref.pos <= r.pos <= ref.pos + 6)]
                ref.genres = ()
            refs += listed
            rest = ALL_EXCEPT.search(" ".join(ckeys))
            if rest and not listed:  # "all except forrest gump sound good": the exception named by its title
                at = " ".join(ckeys)[:rest.start()].count(" ")
                excepted = {i for r in refs if r.pos - lo > at for i in r.items if i in self.list_refs.ids}
                if excepted:
                    listed = [_Ref(lo + at, [i for i in self.list_refs.ids if i not in excepted])]
                    refs += listed
            for ref in listed:
                at = self.toks[ref.pos].start if ref.pos < len(self.toks) else len(self.text)
                for item_id in ref.items:
                    self.spans.setdefault(item_id, (at, at))
        for ref in refs:
            for item_id in ref.items:
                if item_id not in self.referenced:
                    self.referenced.append(item_id)
            if not self._whole_list(ref):
                self.singled.update(ref.items)
        return sorted(refs, key=lambda r: r.pos)

    def _named_before(self, ckeys: list[str], lo: int) -> list[_Ref]:
        """With no list shown, "the first one", "the latter", "la segunda" point at the films this message
        named before, in order ("Loved Heat, hated Ronin. More like the first one?" asks for Heat's kin).
        """
        named = list(self.referenced)
        if len(named) < 2:
            return []
        for j, k in enumerate(ckeys):
            nxt = ckeys[j + 1] if j + 1 < len(ckeys) else ""
            if not j or ckeys[j - 1] not in {"the", "la", "el"} or nxt not in {"one", "movie", "film", "pelicula", ""}:
                continue
            if k in lexicon.FORMER_WORDS:
                return [_Ref(lo + j, named[:1])]
            if k in lexicon.LAST_WORDS:
                return [_Ref(lo + j, named[-1:])]
            if k in lexicon.ORDINALS and lexicon.ORDINALS[k] <= len(named):
                return [_Ref(lo + j, [named[lexicon.ORDINALS[k] - 1]])]
        return []

    @staticmethod
    def _genre_refs(ckeys: list[str], lo: int) -> list[_Ref]:
        """The genres the clause names, one ref per noun phrase: genre words next to each other
        make one compound ("horror thriller", "action adventure"), as "rom-com" is one.
        """
        text = " ".join(ckeys)
        spans: list[tuple[int, int, tuple[str, ...], bool]] = []  # (first token, token after, genres, narrow)
        for regex, genres in lexicon.GENRE_RES:
            for m in regex.finditer(text):
                narrow = lexicon.NARROW_GENRE.fullmatch(m.group(0)) is not None
                spans.append((text[:m.start()].count(" "), text[:m.end()].count(" ") + 1, genres, narrow))
                text = text[:m.start()] + "#" * (m.end() - m.start()) + text[m.end():]
        refs: list[_Ref] = []
        end = -1
        for start, after, genres, narrow in sorted(spans):
            if refs and start == end:
                refs[-1].genres = tuple(dict.fromkeys(refs[-1].genres + genres))
                refs[-1].narrow = refs[-1].narrow and narrow
            else:
                refs.append(_Ref(lo + start, genres=genres, narrow=narrow))
            end = after
        return refs

    def _beside(self, before: list[str], item_id: int) -> int | None:
        """The listed film right after or before a listed one the words ``before`` its title place
        relative to it ("the one after Heat", "la que va después de Heat", "the one before Fargo").
        """
        ids = [item.item_id for item in self.previous]
        if item_id not in ids or not before:
            return None
        words = [w for w in before if w not in {"de", "del", "of"}]
        step = _RELATIVE_STEPS.get(words[-1]) if words else None
        if step is None or not set(words[:-1]) & _BESIDE_LEADS:
            return None
        at = ids.index(item_id) + step
        return ids[at] if 0 <= at < len(ids) else None

    def _after_title(self, lo: int, title_at: dict[int, Mention]) -> bool:
        """Whether the clause at ``lo`` stands in apposition right after a title ("Psycho, the …")."""
        return lo >= 2 and self.toks[lo - 1].raw in {",", "("} and any(
            m.end == self.toks[lo - 2].end for m in title_at.values())

    def _version_of_year(self, ckeys: list[str], after_title: bool = False) -> list[int]:
        """The film of a year that shares its title with a film this message named: "Vi Titanic, la
        del 53", "De King Kong… la del 33 me pareció lenta", "Psycho, the 1960 one" (remakes).
        """
        found = _YEAR_VERSION.match(" ".join(ckeys))
        told = _TOLD_VERSION.fullmatch(" ".join(ckeys)) if not found and after_title else None
        if told and self.previous and set(told.group(1).split()) & (
                set(lexicon.ORDINALS) | lexicon.LAST_WORDS | {"other", "middle", "top", "bottom"}):
            told = None  # "Heat, the second one" with a list on screen: a position
        if not (found or told) or self.resolver is None:
            return []
        year = years.full_year(found.group(1) or found.group(2)) if found else None
        catalog = self.resolver.catalog
        for named in filter(None, map(catalog.get, reversed(self.referenced))):
            versions = [v for i in self.resolver.known_ids(fold_key(named.title))
                        if (v := catalog.get(i)) is not None and v.title == named.title]
            if told:  # "Psycho, the Hitchcock one", "Solaris, the old one": the maker's, or by age
                return self._told_apart(versions, named, told.group(1)) if len(versions) > 1 else []
            same = sorted(v.item_id for v in versions if v.year == year)
            if same:
                return same[:1]
        return []

    @staticmethod
    def _told_apart(versions: list[Item], named: Item, words: str) -> list[int]:
        """The version "the <words> one" names: the oldest or newest by age words, else the one whose
        tags hold the words (a maker), else the one the resolver named.
        """
        by_year = sorted(versions, key=lambda v: v.year or 0)
        if words in {"old", "older", "original", "first"}:
            return [by_year[0].item_id]
        if words in {"new", "newer", "recent", "latest"}:
            return [by_year[-1].item_id]
        tagged = [v.item_id for v in versions if any(words in fold(t) for t in (v.all_tags or v.tags))]
        return tagged[:1] or [named.item_id]

    def _sequel_refs(self, ckeys: list[str], lo: int, refs: list[_Ref]) -> list[_Ref]:
        """"Spider-Man 2 is great, the third one was a mess", "Toy Story 2 and the third one": an
        ordinal after a film of a numbered series names that series' film (``series``). The film is
        the last one named before the ordinal, in this clause (``refs``) or an earlier one; the
        clause's other references must all come before the ordinal. With a list on screen only when
        the film was named, not picked from the list, and the clause does not speak of the list ("the
        third one on your list" is a position).
        """
        if self.resolver is None:
            return []
        named_here = [r for r in refs if r.items]
        named = named_here[-1].items[-1] if named_here else self.referenced[-1] if self.referenced else None
        if named is None or self.previous and (named in self.list_refs.ids or _LIST_WORD.search(" ".join(ckeys))):
            return []
        for j in range(len(ckeys)):
            ordinal = series.ordinal_at(ckeys, j)
            if ordinal is None:
                continue
            if any(r.pos >= lo + j for r in named_here):
                return []
            found = self.resolver.series.sequel_of(named, ordinal)
            if found is not None:
                return [_Ref(lo + j, [found])]
        return []

    # ----------------------------------------------------------------- leftovers
    def _unresolved(self, mentions: list[Mention]) -> None:
        covered = [(m.start, m.end) for m in mentions]
        pattern = re.compile(r"[\"“«]([^\"”»]{2,60})[\"”»]|(?:\b(?:loved|liked|love|like|watched|saw|"
                             r"seen|enjoyed|hated)\s+)((?:[A-Z][\w'’-]*)(?:\s+(?:of|the|and|[A-Z][\w'’-]*))*)")
        for m in pattern.finditer(self.text):
            group = 1 if m.group(1) else 2
            start, end = m.span(group)
            if any(s < end and start < e for s, e in covered):
                continue
            title = m.group(group).strip()
            if title and fold(title) not in lexicon.common_words() and title not in self.signal.unresolved_titles:
                self.signal.unresolved_titles.append(title)

    def _finish(self) -> PreferenceSignal:
        sig = self.signal
        sig.mentioned_ids = list(dict.fromkeys(self.referenced + sig.liked_ids + sig.disliked_ids + sig.seen_ids))
        sig.disliked_ids = [i for i in dict.fromkeys(sig.disliked_ids) if i not in sig.liked_ids]
        sig.liked_ids = list(dict.fromkeys(sig.liked_ids))
        sig.liked_genres = list(dict.fromkeys(sig.liked_genres))
        sig.disliked_genres = [g for g in dict.fromkeys(sig.disliked_genres) if g not in sig.liked_genres]
        sig.ruled_out_together = [kept for parts in sig.ruled_out_together
                                  if len(kept := [g for g in parts if g in sig.disliked_genres]) > 1]
        sig.seen_ids = [i for i in sig.seen_ids if i not in sig.liked_ids and i not in sig.disliked_ids]
        judged = {*sig.liked_ids, *sig.disliked_ids, *sig.seen_ids}
        sig.asked_ids = [i for i in dict.fromkeys(sig.asked_ids) if i not in judged]
        if sig.year_min is not None and sig.year_max is not None and sig.year_min > sig.year_max:
            sig.year_min, sig.year_max = sig.year_max, sig.year_min
        return sig
