"""The deterministic parser: one user message -> PreferenceSignal, no model involved.

It backs the LLM up and wins on conflicts. The message is cut into clauses (sentences, commas,
"but"); each clause gets a polarity from its cue words (negators counted, so "can't say I didn't
enjoy" stays positive); titles, list references ("the second one", "none of these") and genre
names in the clause take that polarity. The labelling rules it implements are those of the
extraction benchmark (shared/benchmarks/extraction/README.md).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold
from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding import conditions, idioms, intent, lexicon, years
from chat_rec.understanding.cleaning import clean
from chat_rec.understanding.listed_titles import absorbed, described_listed, listed_title_words
from chat_rec.understanding.polarity import bare_verdict, clause_polarity, films_unjudged, negation_only, nominal_scope
from chat_rec.understanding.references import ALL_EXCEPT, ListReferences, _Ref, rest_of_message
from chat_rec.understanding.resolver import Mention, TitleResolver
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.title_keys import fold_key
from chat_rec.understanding.tokens import tokenize

log = logging.getLogger(__name__)

_POLITE = frozenset("please pls plz por favor thanks thank you gracias".split())
"""Politeness, no verdict: "mark Titanic as seen, please"."""
_PRONOUNS = {"it", "its", "that", "this", "them", "those", "these", "they", "theyre", "both",
             "one", "la", "lo", "las", "los", "esa", "ese", "esta", "este"}
_BOTH_SUBJECTS = frozenset("we wed well were weve you youd youll they theyd theyll us".split())
"""Subjects that "both" can follow as a floating quantifier ("we'd both enjoy"), not as "both of them"."""
_RELATIVE_HEADS = frozenset("anything something nothing everything stuff movies films movie film ones one".split())
"""Words that "that" follows as a relative pronoun ("anything that looks old"), not as "that film"."""
_RELATIVE_STEPS = {"after": 1, "following": 1, "despues": 1, "tras": 1, "before": -1, "antes": -1, "preceding": -1}
"""Words that place a listed film next to a named one on the list, and the step they take."""
_BESIDE_LEADS = frozenset("one film movie pick que la el va viene esta s".split())
"""Words of the phrase before those ("the one after", "la que va después de")."""
_RETRACTABLE = ("liked_ids", "disliked_ids", "liked_genres", "disliked_genres", "seen_ids", "asked_ids",
                "ruled_out_together")
"""What a sentence may add to the signal, and a "never mind" after it takes back."""







def parse(utterance: str, previous_items: Sequence[Item] = (), resolver: TitleResolver | None = None,
          previous_reply: str = "") -> PreferenceSignal:
    """Parse one user message; never raises (a broken parse is an empty signal)."""
    return parse_detailed(utterance, previous_items, resolver, previous_reply).signal


_BARE_ANSWERS = frozenset("yes yeah yep yup no nope nah si".split())
"""One-word answers that end a film's clause when another film follows ("2nd yes 3rd no")."""


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


def parse_detailed(utterance: str, previous_items: Sequence[Item] = (),
                   resolver: TitleResolver | None = None, previous_reply: str = "") -> ParseResult:
    """``parse`` plus the mention spans a second reader (the learned verdict) needs.

    ``previous_reply``: the reply the message answers; the names it gave its listed films
    ("El tercer hombre (1949)") name them in the message too.
    """
    try:
        parser = _Parser(str(utterance or ""), list(previous_items or []), resolver, str(previous_reply or ""))
        return ParseResult(parser.run(), parser.text, parser.spans, frozenset(parser.settled))
    except Exception:  # noqa: BLE001 - a turn must survive any input
        log.exception("parser failed on %r", str(utterance)[:200])
        return ParseResult(PreferenceSignal(), "", {})




_ARTICLE_BEFORE = re.compile(r"^(?:peliculas?|pelis?|movies?|films?|de|del|que|mas|otras?|otros?|nuevas?|nuevos?"
                             r"|antiguas?|antiguos?|viejas?|viejos?|modernas?|modernos?)$")


_YEAR_VERSION = re.compile(r"^(?:la|el|the|that|esa|ese) (?:del?|one from|version from) (\d\d|\d{4})\b"
                           r"|^the (\d{4}) (?:one|version|remake|original)\b")
"""A version of a title told by its year, right after the title: "la del 53", "the one from 1933"."""
_HESITATIONS = frozenset("eh hm hmm mm mmm uh um er erm ehh mmmh".split())
"""Sounds of hesitation ("eh", "hmm") that may stand between a named film and its verdict."""
_LISTED_SUBJECT = re.compile(r"^(?:qqtitle )+(?:and|y|e|&) (?:qqtitle )+")
"""A clause whose subject is titles joined by "and" ("... Heat and Fargo were great"): the titles alone
before it in its sentence ("Casablanca, ...") share its verdict."""


_BREAKS = frozenset({".", ",", "?"})
_CONSEQUENCES = frozenset("no nothing none nada ningun ninguna something anything algo please maybe give "
                          "recommend show dame recomiendame".split())
"""Words that open a clause of its own after "so" / "así que" ("…so nothing scary please")."""
_EXCEPTIONS = frozenset({"except", "menos", "excepto", "salvo"})
"""Words that set a film apart from the clause's verdict ("but" after "all" is read as "except")."""


def _has_pronoun(ckeys: list[str]) -> bool:
    """Whether the clause refers back with a pronoun: "la"/"las" before a noun ("las películas de
    ahora") or a genre ("los musicales") is an article, not "it"/"them".
    """
    for j, k in enumerate(ckeys):
        if k not in _PRONOUNS:
            continue
        after = ckeys[j + 1] if j + 1 < len(ckeys) else ""
        if k == "both" and j and ckeys[j - 1] in _BOTH_SUBJECTS:
            continue  # "something we'd both enjoy": "both" goes with the people, it names no film
        if k == "that" and j and ckeys[j - 1] in _RELATIVE_HEADS:
            continue  # "anything that looks old": a relative pronoun, no film named before
        if k in {"la", "lo", "las", "los"} and after and (
                _ARTICLE_BEFORE.match(after) or lexicon.genre_word(after)):
            continue
        return True
    return False


class _Parser:
    def __init__(self, utterance: str, previous: list[Item], resolver: TitleResolver | None, reply: str = ""):
        self.raw = utterance
        self.previous = previous
        self.reply = reply
        self.resolver = resolver
        self.text = clean(utterance)
        self.toks = tokenize(self.text)
        self.signal = PreferenceSignal()
        self.referenced: list[int] = []
        self.singled: set[int] = set()  # listed films named apart from the whole list ("the first", "Heat")
        self.judged_alone: dict[int, int] = {}  # and the verdicts they got there
        self.settled: set[int] = set()
        self._settled = False  # the clause being read was judged "no verdict" on purpose
        self.list_refs = ListReferences(previous)
        self.spans: dict[int, tuple[int, int]] = {}

    # ----------------------------------------------------------------- main flow
    def run(self) -> PreferenceSignal:
        sig = self.signal
        keys = [t.key for t in self.toks]
        sig.language = lexicon.detect_language(keys)
        words = " ".join(k for k in keys if k not in {".", ",", "?"})
        sig.skip = bool(lexicon.SKIP_RE.match(words)) if len(words) < 60 else False
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
        keys = clause_rules.unmark_double_negation(idioms.unmark_idioms(keys))
        folded, offsets = lexicon.joined_keys(keys)
        year_min, year_max, spans = years.extract_years(folded, {i.year for i in self.previous if i.year})
        sig.year_min, sig.year_max = year_min, year_max
        keys = self._mask(keys, offsets, spans)
        folded, offsets = lexicon.joined_keys(keys)
        keys = self._mask(keys, offsets, [m.span() for m in lexicon.INTENSITY_RE.finditer(folded)])
        keys = clause_rules.mask_describing_complaints(keys)  # "a dumb action flick" asks for one
        keys = conditions.mark_conditions(clause_rules.mark_alternatives(keys))
        for i, k in enumerate(keys[:-1]):  # "anything but romance" is a rejection, not a contrast
            if k == "but" and i > 0 and keys[i - 1] in {"anything", "everything", "something", "all"}:
                keys[i] = "except"
            elif keys[i + 1] in _CONSEQUENCES and i > 0 and keys[i - 1] not in _BREAKS:
                # "she can't handle horror so nothing scary", "así que nada de terror": a clause of its own
                if k == "so":
                    keys[i] = ","
                elif k == "que" and keys[i - 1] == "asi" and i > 1 and keys[i - 2] not in _BREAKS:
                    keys[i - 1], keys[i] = ",", "qqmask"
        sig.wants_new_recommendations = intent.wants_new(keys) or sig.year_min is not None or sig.year_max is not None
        if sig.year_min is None and sig.year_max is None:
            sig.era = clause_rules.relative_era(" ".join(keys))
        if self.previous:
            self.list_refs.ahead = self.list_refs.named(keys, [m.item_id for m in mentions])
        answers = self.list_refs.answers(keys)
        for item_id, sign in answers:
            self._items([item_id], sign, False)
        if not answers:
            self._clauses(keys, title_at)
        self._unresolved(mentions)
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

    # ----------------------------------------------------------------- clauses
    def _clauses(self, keys: list[str], title_at: dict[int, Mention]) -> None:
        clauses: list[tuple[int, int, int]] = []  # (sentence no, start, end)
        sentence, start = 0, 0
        for i, k in enumerate(keys + ["."]):
            if i - start >= 2 and keys[i - 1] in _BARE_ANSWERS and (
                    k in lexicon.ORDINALS or k == "qqtitle" or k.isdigit() and len(k) == 1):
                clauses.append((sentence, start, i))  # "second yes third no": an answer ends its film's clause
                start = i
            boundary = k in {".", ",", "?", "qqcond"} or lexicon.CONTRAST.fullmatch(k) is not None \
                or clause_rules.splits_coordination(keys, i, start)
            if boundary:
                if i > start:
                    clauses.append((sentence, start, i))
                start = i + 1
                if k in {".", "?"} and not (i > 0 and keys[i - 1] in {".", "?"}):
                    sentence += 1  # "..." ends one sentence, not three
        facts = {sent for sent, lo, hi in clauses if self._fact_question(keys, lo)}
        last_refs: list[int] = []
        last_sentence = -1
        pending: list[_Ref] = []  # refs of a neutral clause waiting for "..., definitely"
        listed: list[int] = []  # titles of this sentence's neutral clauses, for "I loved them"
        last_genres: tuple[str, ...] = ()  # genres of the last clause naming something, for "it"
        fragment = False  # the last sentence was a title alone: its verdict may come next
        last_verdict, verdict_sentence = 0, -1  # the last clause polarity, for "..., especially X"
        refs_sentence = -1  # the sentence of last_refs
        sent_start: tuple[list[Any], ...] | None = None  # the signal as this sentence found it
        fillers_only = False  # the sentence so far was only interjections ("Ooh, the second one!")
        retracting = False
        supposing, supposed = False, ()  # inside a supposition ("if I liked horror…"), and its genres
        seen_sentence = -1  # the sentence of the last clause saying "seen" with no verdict, for "seen X, Y"
        prev_asked = False  # the clause before asked "would I like X?", for "And Y?" right after it
        last_negated = False  # whether that clause was negated, for "X didn't. Y did."
        choices: list[int] = []  # listed movies picked out with no verdict ("Honestly the submarine one.")
        bare_rejected: tuple[int, list[int]] = (-1, [])  # films the last clause only said "not" to, and its sentence
        seen_refs: tuple[int, list[int]] = (-1, [])  # films last said seen with no verdict, and the sentence
        title_run: tuple[int, list[int]] = (-1, [])  # titles alone before a comma ("Heat, Fargo and X were…")
        outsiders = not clause_rules.WATCHING_WITH.search(" ".join(keys))  # their tastes are not the user's
        for sent, lo, hi in clauses:
            ckeys = keys[lo:hi]
            text = " ".join(ckeys)
            if sent - last_sentence > 1:
                last_refs, last_genres = [], ()
            if sent != last_sentence and not fragment:
                pending, listed = [], []
            new_sentence = sent != last_sentence
            opens = new_sentence or fillers_only  # only interjections before it in its sentence ("Ooh, …")
            fillers_only = opens and all(k in clause_rules.INTERJECTIONS for k in ckeys)
            last_sentence = sent
            if new_sentence:
                end = next((i for i in range(lo, len(keys)) if keys[i] in {".", "?"}), len(keys))
                retracting = sent_start is not None and bool(clause_rules.RETRACT.match(
                    " ".join(k for k in keys[lo:end] if k != ",")))
                if retracting and sent_start is not None:  # (always set when retracting; for the type checker)
                    self._restore(sent_start)  # "…gory horror. Actually, never mind, a western": taken back
                sent_start = self._snapshot()
            if retracting and (clause_rules.RETRACT.match(text) or text in clause_rules.RETRACT_LEADS):
                continue
            if (lexicon.HEARSAY.search(text) or outsiders and clause_rules.OUTSIDER_SUBJECT.match(text)) \
                    and sent not in facts:
                heard = [i for r in self._refs(ckeys, lo, title_at) for i in r.items]
                if heard:  # "My brother swears Tremors is a masterpiece. I think it's dumb.": "it" is Tremors
                    last_refs, refs_sentence = heard, sent
                    self.settled.update(heard)  # their opinion is no verdict of the person's, for any reader
                continue
            if sent in facts and (asked_about := [i for r in self._refs(ckeys, lo, title_at) for i in r.items]):
                last_refs, refs_sentence = asked_about, sent  # "¿Has visto X? A mí me encanta.": "it" is X
            if sent in facts or clause_rules.DISCOURSE.fullmatch(text) \
                    or all(k == "qqmask" for k in ckeys):  # an aside ("if I'm honest") between a film and its verdict
                continue
            if fragment and pending and new_sentence and all(k in _HESITATIONS for k in ckeys):
                continue  # "Conan? Eh, pass.": the hesitation leaves the phrase waiting for its verdict
            refs = clause_rules.drop_predicate_genres(self._refs(ckeys, lo, title_at), ckeys, lo)
            if not any(r.items for r in refs) and not self.list_refs.ahead and len(
                    earlier := [i for i in self.referenced if i not in self.list_refs.ids]) >= 2:
                judged = {*self.signal.liked_ids, *self.signal.disliked_ids,
                          *(last_refs if refs_sentence == sent else ())}  # and the one this sentence set apart
                rest = rest_of_message(ckeys, lo, earlier, judged)  # "Heat, Alien, Rope. Rope dragged, the rest…"
                if rest is not None:
                    refs.append(rest)
            rejected, scoping = nominal_scope(ckeys, lo, refs)
            asking = self._question(keys, hi)
            read = clause_polarity(ckeys, self.signal.language, scoping, asking)
            polarity, seen, scope, self._settled = read.polarity, read.seen, read.scope, read.settled
            films_settled = read.films_only  # no verdict on its films; its genres are still asked for
            if not any(r.items or r.genres for r in refs) and clause_rules.CONCESSION.match(
                    " ".join(keys[max(0, lo - 2):lo] + [text])):
                polarity, seen, self._settled = 0, False, True  # "Romance. Even though they can be so corny."
            if asking and (clause_rules.ASKING_YOU.match(text) or clause_rules.WHICH_IS.match(text)):
                polarity, seen, self._settled = 0, False, True  # "do you like horror?", "which is better?" ask
            if clause_rules.SKIP_SEEN.search(text):
                polarity, seen, self._settled = 0, True, True  # "I'd skip the first since I've seen it"
            if films_unjudged(text, asking):
                polarity, films_settled = 0, True  # "is it good?", "no idea what that is", "she might like it"
            if films_settled:
                self._settled = False
                pronoun = any(k in _PRONOUNS for k in ckeys)
                self.settled.update(i for r in [*refs, *pending] for i in r.items)
                self.settled.update(last_refs if pronoun else ())
            asked = conditions.prospective(text, asking) or (
                prev_asked and new_sentence and asking and bool(conditions.ALSO_ASKED.match(text)))  # "... And Ronin?"
            prev_asked = asked
            if asked:
                polarity, self._settled = 0, True  # "would I like Heat?" asks; it judges nothing
                self.signal.asked_ids.extend(i for r in refs for i in r.items)
            if new_sentence or (lo and lexicon.CONTRAST.fullmatch(keys[lo - 1])):
                if supposed and lo and keys[lo - 1] in {"but", "pero", "though", "aunque"} \
                        and conditions.NOT_SO.match(text):
                    self._genres(supposed, -1)  # "If I liked horror I'd love X, but I don't": no horror
                    polarity, self._settled, refs = 0, True, []
                supposing, supposed = False, ()
            if (lo and keys[lo - 1] == "qqcond" or ckeys[:1] == ["si"]) and conditions.SUPPOSED.match(
                    text.removeprefix("si ")):
                supposing = True  # "if I were into westerns, I'd love X": hypothetical until its "but"
            if supposing:
                polarity, self._settled = 0, True
                supposed += tuple(g for r in refs for g in r.genres if g != "described")
                refs = [r for r in refs if not r.genres]
            after = keys[hi:hi + 2] if keys[hi:hi + 1] == [","] else keys[hi:hi + 1]
            if polarity > 0 and {"but", "pero"} & set(after) and clause_rules.conceded(text):
                polarity, self._settled = 0, True  # "X's fine but I've seen it a dozen times": a concession
            hedged = any(rx.search(text) for rx in (clause_rules.LUKEWARM, clause_rules.UNSURE))
            if hedged or clause_rules.NO_VERDICT.search(text):
                polarity, self._settled = 0, True  # "fine I guess", "not sure about it": no verdict (rule 7)
            if clause_rules.MARKED_SEEN.search(text):
                polarity, seen, self._settled = 0, True, True  # "mark Heat as seen, please": a record, no verdict
            if self._settled:
                self.settled.update(i for r in refs for i in r.items)
            if polarity == 0 and not seen and not asking and not hedged and clause_rules.WATCH_INTENT.search(text) \
                    and any(i in self.list_refs.ids for r in refs for i in r.items):
                polarity = 1  # "I'll put the second one on tonight": taking up an offered film is liking it
            if clause_rules.EXCEPTION.search(text) and last_verdict and sent - verdict_sentence <= 1:
                polarity, scope = -last_verdict, 0  # "Not a fan of Wes Anderson, although Mr. Fox is the exception"
            if lo > 0 and keys[lo - 1] == "sino" and last_verdict < 0 and polarity == 0:
                polarity = 1  # "no quiero la primera sino la tercera"
            if polarity == 0 and not seen and last_verdict and sent - verdict_sentence <= 1 \
                    and clause_rules.elliptical(ckeys):
                polarity = -last_verdict if last_negated else last_verdict  # "X didn't land for me. Y did."
            if polarity == 0 and not seen and last_verdict and sent - verdict_sentence <= 1 \
                    and clause_rules.likewise(ckeys):
                polarity = last_verdict  # "Tesis es buenísima. Abre los ojos también."
            if polarity == 0 and not seen and sent == seen_sentence != verdict_sentence and clause_rules.list_only(
                    text) and keys[lo - 1] == ",":
                seen = True  # "I've seen Heat, Alien and Fargo": the list goes on
            if polarity <= 0 and not seen and sent == seen_sentence != verdict_sentence and any(
                    r.items for r in refs) and negation_only(ckeys):
                polarity, rejected, self._settled = 0, set(), True  # "I've seen Heat, not the other two": not seen
                self.settled.update(i for r in refs for i in r.items)
            if polarity == 0 and not seen and sent == verdict_sentence and (
                    clause_rules.ELABORATION.match(text) or (clause_rules.list_only(text) and keys[lo - 1] == ",")):
                polarity, scope = last_verdict, 0  # "I love Pixar films, especially Toy Story", "I loved Heat, Ronin"
            if last_refs and clause_rules.LIKE_IT.search(text) and not any(r.items for r in refs):
                refs = [*refs, _Ref(lo, list(last_refs), pronoun=True)]  # "got a heist film like that?" (rule 5)
                polarity = polarity or 1
            if not [r for r in refs if r.items or r.genres] and self.list_refs.opens_with_description(ckeys):
                pending, last_refs, last_genres = [], [], ()  # "la de Culkin la odio": "la" is that phrase
            elif lo and keys[lo - 1] == "qqcond" and not [r for r in refs if r.items or r.genres]:
                pending = []  # "horror is fine as long as it's not gory": the condition judges "gory", not "it"
            elif not [r for r in refs if r.items or r.genres]:
                if clause_rules.CLEFT.search(text):
                    # "what I loved was <a film not read>": its object is that film, not the ones before,
                    # and a later "anything in that vein?" means it too
                    last_refs, last_genres = [], ()
                elif polarity and len(listed) > 1 and clause_rules.PLURAL_VERDICT.search(text):
                    refs = [_Ref(lo, list(listed), pronoun=True)]  # "Heat, Alien, Fargo: all-timers for me"
                elif (polarity or seen) and pending and bare_verdict(ckeys, seen):
                    # "Titanic? Not at all." / "Titanic: already seen." judge the phrase before them
                    refs = [_Ref(lo, list(r.items), genres=r.genres, pronoun=True) for r in pending
                            if r.items or polarity]
                elif polarity and seen_refs[0] == sent and keys[lo - 1] == "," and bare_verdict(ckeys) \
                        and not all(k in lexicon.NEGATORS or k in _POLITE for k in ckeys):
                    refs = [_Ref(lo, list(seen_refs[1]), pronoun=True)]  # "vi la primera, muy buena"
                elif polarity < 0 and len(self.previous) > 1 and not self.referenced and not self.list_refs.ahead \
                        and not last_genres and clause_rules.LIST_AS_SUBJECT.search(text) \
                        and not set(ckeys) & clause_rules.ERA_WORDS:  # "those are too old" asks for newer
                    refs = [_Ref(lo, [i.item_id for i in self.previous], pronoun=True)]  # "these aren't for me"
                elif polarity and any(k in clause_rules.PLURAL_PRONOUNS for k in ckeys) and len(listed) > 1:
                    refs = [_Ref(lo, list(listed), pronoun=True)]  # "X, Y, that kind of thing, I loved them"
                elif last_refs and polarity and self.signal.language == "es" \
                        and clause_rules.PRO_DROP.match(text) and not any(
                        k in _PRONOUNS for k in ckeys):
                    refs = [_Ref(lo, list(last_refs), pronoun=True)]  # Spanish drops the subject: "No me convenció"
                elif polarity and _has_pronoun(ckeys) and last_refs:
                    refs = [_Ref(lo, list(last_refs), pronoun=True)]
                elif seen and not polarity and _has_pronoun(ckeys) and (
                        earlier_items := [i for r in pending for i in r.items] or last_refs):
                    refs = [_Ref(lo, list(earlier_items), pronoun=True)]  # "Jaws, watched it as a kid": seen only
                elif polarity and _has_pronoun(ckeys) and last_genres:
                    refs = [_Ref(lo, genres=last_genres, pronoun=True)]  # "I don't hate romance, I just don't want it"
                pending = []
            if polarity and listed and any(r.items for r in refs) and clause_rules.GATHERING & set(ckeys):
                refs = [*refs, _Ref(lo, list(listed), pronoun=True)]  # "Vi X, Y y Z y las odié todas"
            if polarity and not seen and title_run[0] == sent and keys[lo - 1] == "," \
                    and _LISTED_SUBJECT.match(text):
                refs = [*refs, _Ref(lo, list(title_run[1]), pronoun=True)]  # "Heat, Fargo and Rope were great"
            compared = clause_rules.compared_from(ckeys)
            excepted = {i for r in refs if r.pos in rejected for i in r.items} if seen and polarity == 0 else set()
            for ref in refs:
                if ref.pos in rejected and excepted:  # "seen all of them except Alien": Alien is not seen
                    self.settled.update(ref.items)
                    continue
                if excepted:
                    ref = replace(ref, items=[i for i in ref.items if i not in excepted])
                if ref.pos in rejected and polarity < 0 and _EXCEPTIONS & set(ckeys[:ref.pos - lo]) and any(
                        r.items and r.pos < ref.pos for r in refs):
                    sign = 0  # "all but the last one are bad": the exception is spared the verdict, not judged
                    self.settled.update(ref.items)
                elif ref.pos in rejected:
                    sign = -1
                elif compared is not None and ref.items and not ref.pronoun and ref.pos - lo > compared:
                    sign = 0  # "something lighter than Se7en": a yardstick, not a verdict
                    self.settled.update(ref.items)
                else:
                    sign = polarity if ref.pronoun or ref.pos - lo >= scope else 0
                if ref.genres:
                    if sign or not self._settled:  # "I don't hate rom-coms" neither asks for nor likes them
                        self._genres(ref.genres, sign)
                elif ref.items and self._whole_list(ref):
                    # "Menos la tercera, todas me parecen buena idea": a film judged on its own keeps its verdict
                    self._items([i for i in ref.items if not sign or self.judged_alone.get(i) != -sign], sign, seen)
                elif ref.items:
                    self._items(ref.items, sign, seen)
                    self.judged_alone.update((i, sign) for i in ref.items if sign)
            if polarity == 0 and not seen and opens and self.previous and not films_settled \
                    and not self._question(keys, hi) and clause_rules.bare_choice(ckeys):  # "I might like X" picks none
                choices += [i for r in refs for i in r.items if i in self.list_refs.ids
                            and (compared is None or r.pos - lo < compared)]  # "Heat > Speed" picks Heat
            if seen and not polarity:
                seen_sentence = sent
                seen_refs = (sent, [i for r in refs for i in r.items] or seen_refs[1])
                named = {i for r in refs for i in r.items}
                if bare_rejected[0] == sent and bare_rejected[1] and named <= set(bare_rejected[1]) and any(
                        k in _PRONOUNS or k in {"la", "lo", "las", "los"} for k in ckeys):
                    # "not the first one, I've seen it": the reason is having seen it, not disliking it
                    for item_id in bare_rejected[1]:
                        if item_id in self.signal.disliked_ids:
                            self.signal.disliked_ids.remove(item_id)
                        self._items([item_id], 0, True)
                    self.settled.update(bare_rejected[1])
            bare_rejected = (sent, [i for r in refs if r.pos in rejected or polarity < 0 for i in r.items]) if (
                polarity <= 0 and (rejected or polarity < 0) and negation_only(ckeys)) else (-1, [])
            if polarity:
                last_verdict, verdict_sentence = polarity, sent
                last_negated = any(k in lexicon.NEGATORS for k in ckeys)
            # a sentence that only names something ("Titanic?", "Comedies?") may get its verdict next
            # (or a last clause after "but": "Heat yes, but the cartoon? Pass.")
            tail = bool(lo and lexicon.CONTRAST.fullmatch(keys[lo - 1]) and hi < len(keys) and keys[hi] in {".", "?"})
            fragment = (new_sentence or tail) and polarity == 0 and not seen and len(ckeys) <= 4 and bool(
                [r for r in refs if r.items or r.genres]) and not any(k in clause_rules.NOT_FRAGMENT for k in ckeys)
            with_items = [i for r in refs if r.items for i in r.items]
            if with_items:
                last_refs, refs_sentence = with_items, sent
            genres_named = tuple(g for r in refs for g in r.genres if g != "described")
            if genres_named or with_items:
                last_genres = genres_named
            listed = listed + with_items if polarity == 0 else []
            if polarity == 0 and not seen and with_items and set(ckeys) <= {"qqtitle", "and", "y", "e", "&"} and (
                    opens or title_run[0] == sent and keys[lo - 1] == ","):
                title_run = (sent, [*(title_run[1] if title_run[0] == sent else ()), *with_items])
            else:
                title_run = (-1, [])
            if polarity == 0 and not seen and any(r.items or r.genres for r in refs):
                pending = [r for r in refs if (r.items or r.genres) and r.pos not in rejected]
            elif with_items:
                pending = []

        decided = set(self.signal.liked_ids) | set(self.signal.disliked_ids) | set(self.signal.seen_ids)
        self._items([i for i in dict.fromkeys(choices) if i not in decided], 1, False)  # a pick is a like

    @staticmethod
    def _question(keys: list[str], hi: int) -> bool:
        """Whether the sentence holding the clause that ends at ``hi`` ends with "?"."""
        end = next((i for i in range(hi, len(keys)) if keys[i] in {".", "?"}), len(keys))
        return end < len(keys) and keys[end] == "?"

    def _snapshot(self) -> tuple[list[Any], ...]:
        sig = self.signal
        return tuple(list(getattr(sig, name)) for name in _RETRACTABLE)

    def _restore(self, snapshot: tuple[list[Any], ...]) -> None:
        for name, values in zip(_RETRACTABLE, snapshot, strict=True):
            setattr(self.signal, name, list(values))

    @staticmethod
    def _fact_question(keys: list[str], lo: int) -> bool:
        """Whether the sentence starting at ``lo`` is a yes/no question about a named film."""
        if lo and keys[lo - 1] not in {".", "?"}:
            return False
        end = next((i for i in range(lo, len(keys)) if keys[i] in {".", "?"}), len(keys))
        return end < len(keys) and keys[end] == "?" and bool(clause_rules.FACT_QUESTION.match(" ".join(keys[lo:end])))

    def _genres(self, genres: tuple[str, ...], polarity: int) -> None:
        liked, disliked = self.signal.liked_genres, self.signal.disliked_genres
        if polarity < 0 and len(genres) > 1:
            # "something funny but not a rom-com", "a thriller, not a horror thriller": the compound is
            # ruled out, not the genre this message asked for, so only its other parts are disliked
            genres = tuple(g for g in genres if g not in liked)
            if len(genres) > 1:
                self.signal.ruled_out_together.append(list(genres))
        for genre in genres:
            for bucket in (liked, disliked):
                if genre in bucket:
                    bucket.remove(genre)
            (disliked if polarity < 0 else liked).append(genre)

    def _items(self, items: list[int], polarity: int, seen: bool) -> None:
        sig = self.signal
        for item_id in items:
            if polarity == 0:
                if seen and item_id not in sig.seen_ids:
                    sig.seen_ids.append(item_id)
                continue
            for bucket in (sig.liked_ids, sig.disliked_ids):
                if item_id in bucket:
                    bucket.remove(item_id)
            (sig.liked_ids if polarity > 0 else sig.disliked_ids).append(item_id)

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
            refs += [_Ref(lo, [item_id]) for item_id in self._version_of_year(ckeys)]
        if self.previous:
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

    @staticmethod
    def _genre_refs(ckeys: list[str], lo: int) -> list[_Ref]:
        """The genres the clause names, one ref per noun phrase: genre words next to each other
        make one compound ("horror thriller", "action adventure"), as "rom-com" is one.
        """
        text = " ".join(ckeys)
        spans: list[tuple[int, int, tuple[str, ...]]] = []  # (first token, token after, genres)
        for regex, genres in lexicon.GENRE_RES:
            for m in regex.finditer(text):
                spans.append((text[:m.start()].count(" "), text[:m.end()].count(" ") + 1, genres))
                text = text[:m.start()] + "#" * (m.end() - m.start()) + text[m.end():]
        refs: list[_Ref] = []
        end = -1
        for start, after, genres in sorted(spans):
            if refs and start == end:
                refs[-1].genres = tuple(dict.fromkeys(refs[-1].genres + genres))
            else:
                refs.append(_Ref(lo + start, genres=genres))
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

    def _version_of_year(self, ckeys: list[str]) -> list[int]:
        """The film of a year that shares its title with a film this message named: "Vi Titanic, la
        del 53", "De King Kong… la del 33 me pareció lenta", "Psycho, the 1960 one" (remakes).
        """
        found = _YEAR_VERSION.match(" ".join(ckeys))
        if not found or self.resolver is None:
            return []
        year = years.full_year(found.group(1) or found.group(2))
        catalog = self.resolver.catalog
        for named in filter(None, map(catalog.get, reversed(self.referenced))):
            versions = [catalog.get(i) for i in self.resolver.known_ids(fold_key(named.title))]
            same = sorted(v.item_id for v in versions if v and v.title == named.title and v.year == year)
            if same:
                return same[:1]
        return []

    def _whole_list(self, ref: _Ref) -> bool:
        """Whether ``ref`` is every film of a list of two or more ("all of them", "las tres", "todas")."""
        return len(self.previous) > 1 and set(ref.items) == self.list_refs.ids

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
