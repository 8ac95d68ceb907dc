"""The parser's clause reader: each clause of a message, in order, gives its films and genres a verdict.

A clause's polarity comes from polarity.py; the rest is context: a title alone waits for the
verdict after it ("Titanic? Not at all."), a pronoun takes the films or genres named last, a list
takes the verdict of the clause that closes it, "never mind" takes a sentence back, hearsay,
suppositions, hedges, questions and yardsticks judge nothing, and a listed film picked out with no
verdict is liked. ``ClauseReader`` is a mixin of ``parser._Parser``, which finds what each clause
names (``_refs``) and holds the state it reads into.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from chat_rec.catalog.models import Item
from chat_rec.understanding import (
    after_seeing,
    comparisons,
    coordination,
    corrections,
    film_facts,
    lexicon,
    picks,
    request_words,
    verdict_words,
    who_watches,
)
from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding.clause_asides import _CONTRAST_WORDS, ClauseAsides
from chat_rec.understanding.clause_state import (
    BARE_ANSWERS,
    PRONOUNS,
    Clause,
    Reading,
    correction_follows,
    leads_only,
    names_next,
    own_object,
    sentence_start,
    split_clauses,
)
from chat_rec.understanding.polarity import FILLERS, bare_verdict, clause_polarity, negation_only, nominal_scope
from chat_rec.understanding.pronouns import has_pronoun
from chat_rec.understanding.references import ListReferences, _Ref, rest_of_message
from chat_rec.understanding.resolver import Mention
from chat_rec.understanding.signal import PreferenceSignal

_POLITE = frozenset("please pls plz por favor thanks thank you gracias".split())
"""Politeness, no verdict: "mark Titanic as seen, please"."""
_MORE = frozenset("more mas another otra otro others otras otros some".split())
"""Asking for more picks: with politeness alone, no verdict on what was just seen ("seen them all, more please")."""

_CONSEQUENCE = re.compile(r"^(?:so|then|which means|and so|asi que|entonces|o sea) (?:\w+ ){0,2}?"
                          r"(?:these|those|estas|estos|esas|esos)\b")
"""A plural demonstrative after a word of consequence ("Romance isn't for me. So not those."): the films on
screen, which the genre just ruled out, rather than the genre again."""

_RELATIVE_OPENERS = frozenset("which who whom".split())
"""Words that open a relative clause said of the film just named ("Heat, which I saw twice, …")."""
_LISTED_SUBJECT = re.compile(r"^(?:(?:qqtitle|\d) )+(?:and|y|e|&) (?:(?:qqtitle|\d) )+")
"""A clause whose subject is titles or list positions joined by "and" ("... Heat and Fargo were great",
"... 3 and 5 yes please"): the titles or positions alone before it in its sentence ("Casablanca, ...",
"1, ...") share its verdict."""
_SET_APART = frozenset("other others else different than except besides instead apart otra otro otras otros distinta "
                       "distinto".split())
"""Words that set a film apart from what is asked for ("make it something other than the first")."""
_EXCEPTIONS = frozenset({"except", "menos", "excepto", "salvo"})
"""Words that set a film apart from the clause's verdict ("but" after "all" is read as "except")."""
_LIST_REFUSED = frozenset("none nothing no not ninguna ninguno nada ni".split())
"""Negators that turn a whole list down before an exception ("none of them except Heat")."""


def _exception_at(ckeys: list[str]) -> int:
    """Where the last word that sets a film apart stands in ``ckeys`` (-1 when none)."""
    return next((j for j in range(len(ckeys) - 1, -1, -1) if ckeys[j] in _EXCEPTIONS), -1)


_ONE_OF_KIND = re.compile(r"\b(?:a|any|some|one|the) (?:\w+ )?(?:good |decent |great )?ones?\b|\b(?:suggest|recommend)"
                          r" (?:me |us )?one\b|\b(?:una|alguna|alguno) (?:buena|bueno)\b")
"""An ask for one of a kind just named ("any good ones?", "suggest one?", "¿alguna buena?")."""
_OWN_SUBJECT = re.compile(r"^(?:(?:honestly|personally|tbh|la verdad) )?(?:i|im|i m|ive|i ve|me|yo|a mi|we|were"
                          r"|we re|weve)\b")
"""A clause of the person's own set against someone else's verdict just before, in the same sentence ("mum
says the first is her favourite, but I've never been a fan"): the verdict is on the film they judged."""


_DEMONSTRATIVES = frozenset({"that", "this", "esa", "ese", "esta", "este"})


def _yardstick_at(ckeys: list[str], polarity: int) -> int | None:
    """Where the clause's yardsticks start (``comparisons.compared_from``); a likeness in a clause with a verdict
    sets none: "the second sounds like Jagged Edge, which I hated" judges the film likened too.
    """
    compared = comparisons.compared_from(ckeys)
    return None if compared is not None and ckeys[compared] == "like" and polarity else compared


_ONE_THING = frozenset({"it", "its", "that", "this"})
"""Pronouns for one thing: with one film shown and none named, the film ("it was great")."""
_ANSWERED = BARE_ANSWERS | clause_rules.INTERJECTIONS | {".", ",", "!"}
"""Words that alone judge nothing of the one film shown ("no" may answer "seen it?")."""
_AFFIRMATIONS = frozenset("yes yeah yep yup yea si sip".split())
"""Words that say yes: the only word of verdict in a clause answering whether films were seen, they say seen."""
_FILM_NOUNS = frozenset("film movie flick one pick choice suggestion peli pelicula".split())
"""Nouns for the one film shown in a verdict with no other object ("Lovely film.", "great pick")."""


class ClauseReader(ClauseAsides):
    """Reads the clauses of a message into ``signal``: the clause loop of ``parser._Parser``."""

    signal: PreferenceSignal
    previous: list[Item]
    list_refs: ListReferences
    referenced: list[int]
    judged_alone: dict[int, int]
    settled: set[int]
    unseen: set[int]
    _settled: bool
    toks: list[Any]
    """The message's tokens as typed, before titles are masked."""
    seen_asked: bool
    """Whether the reply the message answers asked which films were seen (``answers.asks_seen``)."""

    # ----------------------------------------------------------------- clauses
    def _clauses(self, keys: list[str], title_at: dict[int, Mention]) -> None:
        clauses = split_clauses(keys)
        facts = {sent for sent, lo, hi in clauses if self._fact_question(keys, lo)}
        # their tastes are not the user's; read on the words as typed ("my uncle is coming over" is no film *My Uncle*)
        st = Reading(outsiders=not who_watches.WATCHING_WITH.search(" ".join(t.key for t in self.toks)),
                      clause_start=self._snapshot(), clauses=clauses)
        for at, (sent, lo, hi) in enumerate(clauses):
            c = self._open(st, keys, at, sent, lo, hi)
            if c is None or self._undecided(st, c, keys) or self._set_aside(st, c, keys, title_at, facts):
                continue
            if not self._read_verdict(st, c, keys, clauses, title_at):
                continue
            self._no_verdict(st, c, keys)
            self._verdict_from_before(st, c, keys)
            self._borrow_refs(st, c, keys)
            self._judge(st, c, keys)
            self._carry(st, c, keys)
        decided = set(self.signal.liked_ids) | set(self.signal.disliked_ids) | set(self.signal.seen_ids)
        # a pick is a like, unless a later clause said it was not seen ("Third: haven't seen it"); picked out in
        # answer to which were seen, it was seen ("Seen any of these?" "the first two, yeah")
        seen = self.seen_asked
        self._items([i for i in dict.fromkeys(st.choices) if i not in decided and i not in self.unseen],
                    0 if seen else 1, seen)

    def _open(self, st: Reading, keys: list[str], at: int, sent: int, lo: int, hi: int) -> Clause | None:
        """Start reading a clause: the sentence's bookkeeping, and a sentence that takes the one before
        back ("…gory horror. Actually, never mind, a western"). None: the clause only takes back.
        """
        ckeys = keys[lo:hi]
        text = " ".join(ckeys)
        now = self._snapshot()
        if now != st.clause_start:
            st.judged_from, st.judged_by = st.clause_start, st.this_clause
        st.clause_start = now
        before_clause, st.this_clause = st.this_clause, (sent, text)
        if sent - st.last_sentence > 1:
            st.last_refs, st.last_genres = [], ()
        if sent != st.last_sentence and not st.fragment:
            st.pending, st.listed = [], []
        new_sentence = sent != st.last_sentence
        opens = new_sentence or st.fillers_only  # only interjections before it in its sentence ("Ooh, …")
        opens = opens or ckeys[:1] == ["so"] and keys[lo - 1:lo] == [","]  # "my son loves ships, so the ship one"
        st.fillers_only = opens and all(k in clause_rules.INTERJECTIONS for k in ckeys)
        st.last_sentence = sent
        if new_sentence:
            end = next((i for i in range(lo, len(keys)) if keys[i] in {".", "?"}), len(keys))
            st.retracting = st.sent_start is not None and bool(corrections.RETRACT.match(
                " ".join(k for k in keys[lo:end] if k != ",")))
            if st.retracting and st.sent_start is not None:  # (always set when retracting; for the type checker)
                self._restore(st.sent_start)  # "…gory horror. Actually, never mind, a western": taken back
            st.sent_start = self._snapshot()
        if st.retracting and (corrections.RETRACT.match(text) or text in corrections.RETRACT_LEADS):
            return None
        return Clause(at, sent, lo, hi, ckeys, text, new_sentence, opens, before_clause)

    def _read_verdict(self, st: Reading, c: Clause, keys: list[str], clauses: list[tuple[int, int, int]],
                      title_at: dict[int, Mention]) -> bool:
        """What the clause names and the verdict its words give, with corrections ("wait, I meant the
        first"). False: the clause only announces a correction, named by the next one.
        """
        ckeys, text, sent, lo, hi = c.ckeys, c.text, c.sent, c.lo, c.hi
        if leads_only(ckeys) and correction_follows(keys, clauses, c.at, sent):
            return False  # "a thriller, no, sorry, I mean a horror": the "no" opens the correction
        refs = clause_rules.drop_predicate_genres(self._refs(ckeys, lo, title_at), ckeys, lo)
        if not any(r.items for r in refs) and not self.list_refs.ahead and len(
                earlier := [i for i in self.referenced if i not in self.list_refs.ids]) >= 2:
            judged = {*self.signal.liked_ids, *self.signal.disliked_ids,
                      *(st.last_refs if st.refs_sentence == sent else ())}  # and the one this sentence set apart
            rest = rest_of_message(ckeys, lo, earlier, judged)  # "Heat, Alien, Rope. Rope dragged, the rest…"
            if rest is not None:
                refs.append(rest)
        c.rejected, scoping = nominal_scope(ckeys, lo, refs)
        c.asking = self._question(keys, hi)
        read = clause_polarity(ckeys, self.signal.language, scoping, c.asking)
        c.polarity, c.seen, c.scope, self._settled = read.polarity, read.seen, read.scope, read.settled
        if read.polarity > 0 and _AFFIRMATIONS & set(ckeys) and self.seen_asked and not clause_polarity(
                ["," if k in _AFFIRMATIONS else k for k in ckeys], self.signal.language, scoping, c.asking).polarity:
            c.polarity, c.seen = 0, True  # "Seen any of these?" "the first two, yeah": a yes to having seen them
        if c.seen and not c.polarity and not self.previous and verdict_words.SEEN_MANY_TIMES.search(text):
            c.polarity, c.seen = 1, False  # "Groundhog Day, seen it a dozen times": with no picks on screen, devotion
        lead = [k for k in keys[sentence_start(keys, lo):lo] if k != ","]
        if leads_only(lead):
            text = " ".join([*lead, text])  # "Wait, no, the second one": the lead read with its "no"
        correction = corrections.CORRECTION.match(text)
        if correction and correction.end() == len(text) and (text.split()[-1] not in corrections.NO_WORDS or names_next(
                keys, clauses, c.at, sent)):  # "wait, no, the fourth"; "…but wait no, she hates horror" rejects
            st.correcting = st.judged_from is not None or bool(st.choices)  # "la segunda me encantó, digo, la primera"
            return False
        if (correction or st.correcting) and any(r.items or r.genres for r in refs) \
                and not {"too", "also", "tambien"} & set(ckeys) \
                and corrections.no_verdict_of_its_own(text[correction.end():] if correction else text):
            carried = self._carried(st.judged_from) if st.judged_from is not None else None
            if carried is not None and st.judged_from is not None:  # "I loved the third! Oh wait, I meant the first"
                taken = self._restore(st.judged_from)
                st.choices = [i for i in st.choices if i not in taken]  # "The last one, definitely." picked it too
            elif st.choices:  # "The last one, definitely. Wait, I meant the first one": the pick moves
                self.settled.update(st.choices)
                st.choices, carried = [], (1, False)
            elif correction and st.judged_from is None and (named := {i for r in refs for i in r.items}) \
                    and named < set(self.list_refs.ids) and not set(ckeys) & (lexicon.NEGATORS | _SET_APART):
                carried = (1, False)  # "Actually, make that the second one": it corrects the pick of the turn before
            if carried is not None:
                c.polarity, c.seen = carried
                c.rejected, c.scope, st.judged_from = set(), 0, None  # "wait, no, the 3rd": the "no" took back the pick
        if not all(k in corrections.RETRACT_LEADS or k in clause_rules.INTERJECTIONS for k in ckeys):
            st.correcting = False  # ("no wait, actually, a drama": the correction waits past "actually")
        c.films_settled = read.films_only  # no verdict on its films; its genres are still asked for
        c.refs = refs
        return True

    def _borrow_refs(self, st: Reading, c: Clause, keys: list[str]) -> None:
        """What a clause that names nothing judges: the phrase waiting before it ("Titanic? Not at
        all."), the films a pronoun points back to, the whole list ("these aren't for me").
        """
        ckeys, text, sent, lo, polarity, seen = c.ckeys, c.text, c.sent, c.lo, c.polarity, c.seen
        named = [r for r in c.refs if r.items or r.genres]
        if not named and self.list_refs.opens_with_description(ckeys):
            st.pending, st.last_refs, st.last_genres = [], [], ()  # "la de Culkin la odio": "la" is that phrase
        elif lo and keys[lo - 1] == "qqcond" and not named:
            st.pending = []  # "horror is fine as long as it's not gory": the condition judges "gory", not "it"
        elif not named and ckeys[0] in _RELATIVE_OPENERS and lo and keys[lo - 1] == "," and st.pending \
                and any(r.items for r in st.pending):
            # "Baby Driver, which I should have liked, annoyed me": the relative clause is said of the
            # film before it (its own verdict too), and the film still waits for the verdict after it
            if polarity or seen:
                c.refs = [_Ref(lo, list(r.items), pronoun=True) for r in st.pending if r.items]
        elif not named:
            if polarity < 0 and st.averted and "either" in ckeys and has_pronoun(ckeys):
                c.polarity = 0  # "I don't hate horror, I just don't love it either": both poles denied, no verdict
            elif clause_rules.CLEFT.search(text):
                # "what I loved was <a film not read>": its object is that film, not the ones before,
                # and a later "anything in that vein?" means it too
                st.last_refs, st.last_genres = [], ()
            elif polarity and len(st.listed) > 1 and clause_rules.PLURAL_VERDICT.search(text):
                c.refs = [_Ref(lo, list(st.listed), pronoun=True)]  # "Heat, Alien, Fargo: all-timers for me"
            elif (polarity or seen) and st.pending and bare_verdict(ckeys, seen):
                # "Titanic? Not at all." / "Titanic: already seen." judge the phrase before them
                c.refs = [_Ref(lo, list(r.items), genres=r.genres, pronoun=True) for r in st.pending
                          if r.items or polarity]
            elif polarity >= 0 and c.new_sentence and len(st.last_refs) == 1 and verdict_words.AWE.fullmatch(text) \
                    and verdict_words.JUST_WATCHED.search(" ".join(keys[:lo])) \
                    and not lexicon.NEGATIVE.search(" ".join(keys[c.hi:])):
                # "Just watched the first one you suggested. Wow. Thank you!": awe at the film just watched
                c.polarity = 1
                c.refs = [_Ref(lo, list(st.last_refs), pronoun=True)]
            elif polarity < 0 and c.new_sentence and st.last_refs and verdict_words.NEVER_AGAIN.fullmatch(text):
                # "Fargo. My wife made me watch it. Never again!": a closing refusal is of the film talked about
                c.refs = [_Ref(lo, list(st.last_refs), pronoun=True)]
            elif polarity and st.seen_refs[1] and (st.seen_refs[0] == sent and keys[lo - 1] == ","
                                                   or st.seen_refs[0] == sent - 1 and c.new_sentence
                                                   and keys[lo - 1] == "." and not c.asking and len(ckeys) <= 4
                                                   and set(st.seen_refs[1]) <= set(st.last_refs)
                                                   and not request_words.REQUEST.search(text)
                                                   and not verdict_words.AWE.fullmatch(text)) and bare_verdict(ckeys) \
                    and not all(k in lexicon.NEGATORS or k in _POLITE or k in _MORE for k in ckeys):
                c.refs = [_Ref(lo, list(st.seen_refs[1]), pronoun=True)]  # "vi la primera, muy buena", "tried X. Nope."
            elif polarity < 0 and len(self.previous) > 1 and not self.referenced and not self.list_refs.ahead \
                    and (not st.last_genres or _CONSEQUENCE.match(text)) and clause_rules.LIST_AS_SUBJECT.search(text) \
                    and not set(ckeys) & clause_rules.ERA_WORDS:  # "those are too old" asks for newer
                c.refs = [_Ref(lo, [i.item_id for i in self.previous], pronoun=True)]  # "these aren't for me"
            elif polarity and any(k in clause_rules.PLURAL_PRONOUNS for k in ckeys) and len(st.listed) > 1:
                c.refs = [_Ref(lo, list(st.listed), pronoun=True)]  # "X, Y, that kind of thing, I loved them"
            elif st.last_refs and polarity and self.signal.language == "es" \
                    and clause_rules.PRO_DROP.match(text) and not any(k in PRONOUNS for k in ckeys):
                c.refs = [_Ref(lo, list(st.last_refs), pronoun=True)]  # Spanish drops the subject: "No me convenció"
            elif polarity and st.last_refs and (
                    st.heard_sentence == st.refs_sentence == sent
                    and set(keys[max(0, lo - 2):lo]) & (_CONTRAST_WORDS | {"and", "y"}) and _OWN_SUBJECT.match(text)
                    or polarity < 0 and st.heard_sentence == st.refs_sentence == sent - 1 and c.new_sentence
                    and bare_verdict(ckeys) and not all(k in lexicon.NEGATORS or k in clause_rules.INTERJECTIONS
                                                        or k in FILLERS for k in ckeys)):
                # "mum loves the first, but I've never been a fan", "my roommate raves about Fargo. Not for me":
                # the person's own verdict on that film (a bare rejection only: "… Great!" may cheer the news;
                # a plain "nah" denies the report)
                c.refs = [_Ref(lo, list(st.last_refs), pronoun=True)]
            elif polarity >= 0 and st.averted and _ONE_OF_KIND.search(text) and (
                    polarity or request_words.REQUEST.search(text)):
                c.refs = [_Ref(lo, genres=st.averted, pronoun=True)]  # "I don't dislike westerns. Any good ones?"
                st.averted = ()
            elif polarity and st.last_genres and len(st.last_refs) == 1 and has_pronoun(ckeys) \
                    and any(k in clause_rules.PLURAL_PRONOUNS for k in ckeys):
                c.refs = [_Ref(lo, genres=st.last_genres, pronoun=True)]  # "Heat rules. Not westerns, they bore me"
            elif polarity and self.signal.language != "es" and after_seeing.predicate_after_seen(
                    keys, c.lo, c.ckeys, c.before_clause, bool(st.last_refs) and st.refs_sentence == c.sent, c.sent):
                c.refs = [_Ref(lo, list(st.last_refs), pronoun=True)]  # "I watched the second but got bored"
            elif polarity and has_pronoun(ckeys) and st.last_refs and not clause_rules.ASKS_APART.search(text):
                # after a comparison "it" is the film compared ("Heat is longer than Ronin. Loved it though"),
                # a demonstrative the one named last ("…mejor que Laberinto del fauno, y mira que esa está bien")
                it = st.compared_subject and set(st.compared_subject) <= set(st.last_refs) \
                    and {"it", "its"} & set(ckeys) and not _DEMONSTRATIVES & set(ckeys)
                one = _DEMONSTRATIVES & set(ckeys) and not clause_rules.PLURAL_PRONOUNS & set(ckeys)
                last = [i for i in st.last_refs if i not in st.compared_subject] if st.compared_subject and one else []
                c.refs = [_Ref(lo, list(st.compared_subject if it else last or st.last_refs), pronoun=True)]
            elif seen and not polarity and has_pronoun(ckeys) and (
                    earlier_items := [i for r in st.pending for i in r.items] or st.last_refs):
                c.refs = [_Ref(lo, list(earlier_items), pronoun=True)]  # "Jaws, watched it as a kid": seen only
            elif polarity and has_pronoun(ckeys) and st.last_genres and not own_object(ckeys):
                c.refs = [_Ref(lo, genres=st.last_genres, pronoun=True)]  # "I don't hate romance, I just don't want it"
            elif polarity and len(self.previous) == 1 and not self.referenced and not st.last_genres and (
                    _ONE_THING & set(ckeys) or bare_verdict([k for k in keys[:lo] if k not in _ANSWERED], seen=True)
                    and bare_verdict([k for k in ckeys if k not in _FILM_NOUNS])) \
                    and not all(k in _ANSWERED or k in lexicon.NEGATORS or k in FILLERS for k in ckeys) \
                    and (lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text)):
                c.refs = [_Ref(lo, [self.previous[0].item_id], pronoun=True)]  # one film shown, none named: "it was
                # great", "yes, loved it", "no, hated it", "did nothing for me", "Lovely film.", "yes, twice. Brilliant"
                # (a word of verdict, opening the message or after a bare answer: not a bare "no", nor "not tonight")
            elif polarity > 0 and len(self.previous) == 1 and c.at == 0 and not self.referenced \
                    and all(k in {".", "?", ","} for k in keys[c.hi:]) and bare_verdict(ckeys):
                c.refs = [_Ref(lo, [self.previous[0].item_id], pronoun=True)]  # one film shown: "loved it!", "👍"
                # (not a bare "no": after "have you seen X?" it answers the question, it rejects nothing)
            st.pending = []
        if polarity and st.listed and any(r.items for r in c.refs) and clause_rules.GATHERING & set(ckeys):
            c.refs = [*c.refs, _Ref(lo, list(st.listed), pronoun=True)]  # "Vi X, Y y Z y las odié todas"
        if polarity and not seen and st.title_run[0] == sent and keys[lo - 1] == "," \
                and _LISTED_SUBJECT.match(text):
            c.refs = [*c.refs, _Ref(lo, list(st.title_run[1]), pronoun=True)]  # "Heat, Fargo and Rope were great"

    def _judge(self, st: Reading, c: Clause, keys: list[str]) -> None:
        """Give each thing the clause names its verdict, and note a listed film picked out with none."""
        ckeys, lo, polarity, seen, rejected = c.ckeys, c.lo, c.polarity, c.seen, c.rejected
        compared = _yardstick_at(ckeys, polarity)
        likened = compared is not None and ckeys[compared] == "like"
        if likened and not seen:
            self.settled.update(i for r in c.refs for i in r.items)  # "the first is like Fargo" judges neither
        self._only_these(c, keys)
        excepted = {i for r in c.refs if r.pos in rejected for i in r.items} if seen and polarity == 0 else set()
        cut = _exception_at(ckeys)
        if cut >= 0 and not excepted:  # "none of them except Heat": the whole list is judged without Heat, and
            # so is a group after the exception ("except Heat they're all great")
            spared = {i for r in c.refs if r.pos in rejected and r.pos - lo > cut for i in r.items}
            c.refs = [replace(r, items=[i for i in r.items if i not in spared]) if r.items and len(r.items) > 1 and (
                r.pos - lo < cut or r.pos not in rejected) else r for r in c.refs]
        for ref in c.refs:
            if ref.pos in rejected and excepted:  # "seen all of them except Alien": Alien is not seen
                self.settled.update(ref.items)
                continue
            if excepted:
                ref = replace(ref, items=[i for i in ref.items if i not in excepted])
            if ref.items and not ref.genres and not ref.pronoun and clause_rules.ALL_BUT.search(
                    " ".join(ckeys[:ref.pos - lo])) and not lexicon.NEGATORS & set(ckeys[:ref.pos - lo]):
                sign = -1  # "anything but Titanic": turned down, as "anything but westerns" is
            elif ref.items and not ref.genres and not ref.pronoun and clause_rules.SET_APART.search(
                    " ".join(ckeys[:ref.pos - lo])):
                sign = 0  # "anything with Tom Hanks that isn't Big": left out of the picks, not judged
                self.settled.update(ref.items)
            elif ref.pos in rejected and ref.items and ref.pos - lo > cut >= 0 \
                    and _LIST_REFUSED & set(ckeys[:cut]) and (polarity < 0 or any(
                        r.pos in rejected for r in c.refs if r.items and r.pos - lo < cut)):
                sign = 1  # "none of them except Heat": the one film set apart from a list turned down is the pick
            elif ref.pos in rejected and polarity < 0 and _EXCEPTIONS & set(ckeys[:ref.pos - lo]) and any(
                    r.items and r.pos != ref.pos and r.pos not in rejected for r in c.refs):
                sign = 0  # "all but the last one are bad", "besides Heat they're all bad": the exception is spared
                # the verdict, not judged
                self.settled.update(ref.items)
            elif ref.pos in rejected:
                sign = -1
            elif compared is not None and ref.items and not ref.pronoun and ref.pos - lo > compared:
                # "something lighter than Se7en": a yardstick, not a verdict; one a bad film is set below is liked
                sign = 1 if comparisons.set_below(ckeys, compared, polarity) else 0
                self.settled.update(ref.items)
            else:
                sign = polarity if ref.pronoun or ref.pos - lo >= c.scope else 0
            if ref.genres:
                if sign < 0 and ref.narrow and set(ref.genres) <= set(self.signal.liked_genres):
                    continue  # "horror, but not slasher stuff": one kind ruled out, the genre still asked for
                if sign or not self._settled:  # "I don't hate rom-coms" neither asks for nor likes them
                    self._genres(ref.genres, sign)
                else:
                    st.averted = ref.genres  # … unless the person then asks for one of them
            elif ref.items and self._whole_list(ref):
                # "Menos la tercera, todas me parecen buena idea": a film judged on its own keeps its verdict
                self._items([i for i in ref.items if not sign or self.judged_alone.get(i) != -sign], sign, seen)
            elif ref.items:
                self._items(ref.items, sign, seen)
                self.judged_alone.update((i, sign) for i in ref.items if sign)
        question = self._question(keys, c.hi)
        asked_pick = question and picks.asked_choice(ckeys) and st.films_verdict[0] < 0
        tentative = c.at > 0 and (picks.hedged_pick(ckeys) or asked_pick) and bool(st.last_refs) \
            and bool(st.films_verdict[0]) and not set(st.last_refs) & {i for r in c.refs for i in r.items}
        # ("first one's boring, 2nd maybe", "not the dinosaur one. the board game one?": a tentative pick after a
        # verdict on another film; "seen the first, the second maybe" may still mean seen)
        torn = {"or", "o", "u"} & set(ckeys) and len({i for r in c.refs for i in r.items}) > 1
        if polarity == 0 and not seen and self.previous and not c.films_settled and not likened and not torn and (
                tentative or (c.opens and not c.hedged and not question and picks.bare_choice(ckeys))):
            # ("the incredibles or the iron giant, which first?": torn between two, none picked yet)
            # ("I might like X" picks none, nor does "the first is like Fargo": a likeness said)
            st.choices += [i for r in c.refs for i in r.items if i in self.list_refs.ids
                           and (compared is None or r.pos - lo < compared)]  # "Heat > Speed" picks Heat

    def _carry(self, st: Reading, c: Clause, keys: list[str]) -> None:
        """What the next clauses read from this one: its films for a pronoun, its verdict for an
        elliptical clause, a title alone waiting for its verdict, a list of titles before a shared verdict.
        """
        ckeys, sent, lo, hi, polarity, seen, refs = c.ckeys, c.sent, c.lo, c.hi, c.polarity, c.seen, c.refs
        if seen and not polarity:
            st.seen_sentence = sent
            st.seen_refs = (sent, [i for r in refs for i in r.items] or st.seen_refs[1])
            named = {i for r in refs for i in r.items}
            if st.bare_rejected[0] == sent and st.bare_rejected[1] and named <= set(st.bare_rejected[1]) and (any(
                    k in PRONOUNS or k in {"la", "lo", "las", "los"} for k in ckeys)
                    or ckeys[0] in _RELATIVE_OPENERS | {"que"} and keys[lo - 1] == ","):
                # "not the first one, I've seen it", "apart from the first, which I've seen, …": the reason is
                # having seen it, not disliking it
                for item_id in st.bare_rejected[1]:
                    if item_id in self.signal.disliked_ids:
                        self.signal.disliked_ids.remove(item_id)
                    self._items([item_id], 0, True)
                self.settled.update(st.bare_rejected[1])
        only = negation_only(ckeys) or ckeys[0] in _EXCEPTIONS and negation_only(["not", *ckeys[1:]])
        st.bare_rejected = (sent, [i for r in refs if r.pos in c.rejected or polarity < 0 for i in r.items]) if (
            polarity <= 0 and (c.rejected or polarity < 0) and only) else (-1, [])  # ("except the first, …")
        cut = _exception_at(ckeys)
        if not only and cut >= 0 and negation_only(["not", *ckeys[cut + 1:]]):
            # "they all look great except Heat, which I've seen": the exception ends the clause, so a relative
            # clause right after it may give its reason
            st.bare_rejected = (sent, [i for r in refs if r.pos in c.rejected and r.pos - lo > cut
                                       for i in r.items if i in self.signal.disliked_ids])
        st.refused_sentence = sent if polarity == 0 and c.rejected and ckeys[0] in lexicon.NOMINAL_NEGATORS \
            and coordination.list_only(" ".join(k for k in ckeys[1:] if k not in lexicon.SCOPE_SKIP)) else -1
        if polarity:
            st.last_verdict, st.verdict_sentence = polarity, sent
            st.last_negated = any(k in lexicon.NEGATORS for k in ckeys)
        # a sentence that only names something ("Titanic?", "Comedies?") may get its verdict next
        # (or a last clause after "but": "Heat yes, but the cartoon? Pass.")
        tail = bool(lo and lexicon.CONTRAST.fullmatch(keys[lo - 1]) and hi < len(keys) and keys[hi] in {".", "?"})
        run_goes_on = st.title_run[0] == sent and keys[lo - 1] == ","  # "Heat, Ronin? …": one list
        st.fragment = (c.new_sentence or tail or run_goes_on) and polarity == 0 and not seen and len(ckeys) <= 4 \
            and bool([r for r in refs if r.items or r.genres]) \
            and not any(k in clause_rules.NOT_FRAGMENT for k in ckeys)
        with_items = [i for r in refs if r.items for i in r.items]
        compared = _yardstick_at(ckeys, polarity)
        if with_items:
            st.last_refs, st.refs_sentence = with_items, sent
            # "negated": a negated like ("didn't like"), not a double negative ("not like I didn't love it")
            st.films_verdict, st.films_heard = (polarity, st.last_negated and polarity < 0), False
            st.compared_subject = [i for r in refs if r.items and not r.pronoun and compared is not None
                                   and r.pos - lo < compared for i in r.items]
        genres_named = tuple(g for r in refs for g in r.genres if g != "described")
        if genres_named or with_items:
            st.last_genres = genres_named
        st.listed = st.listed + with_items if polarity == 0 else []
        if polarity == 0 and not seen and with_items and all(
                k in {"qqtitle", "and", "y", "e", "&"} or len(k) == 1 and k.isdigit() for k in ckeys) and (
                c.opens or run_goes_on):
            st.title_run = (sent, [*(st.title_run[1] if st.title_run[0] == sent else ()), *with_items])
        else:
            st.title_run, run_goes_on = (-1, []), False
        if polarity == 0 and not seen and any(r.items or r.genres for r in refs):
            st.pending = [*(st.pending if run_goes_on else ()), *(
                r for r in refs if (r.items or r.genres) and r.pos not in c.rejected and not (
                    compared is not None and r.items and not r.pronoun and r.pos - lo > compared
                    and ckeys[compared] != "like"))]  # no yardstick ("sounds like Heat, which I hated" judges Heat)
            # "Heat, Ronin? loved both": titles listed by commas all wait for the verdict after them
        elif with_items:
            st.pending = []

    @staticmethod
    def _question(keys: list[str], hi: int) -> bool:
        """Whether the sentence holding the clause that ends at ``hi`` ends with "?", or its last clause is an
        English yes/no question by word order with the "?" left off ("Rocky Balboa, is it worth it").
        """
        end = next((i for i in range(hi, len(keys)) if keys[i] in {".", "?"}), len(keys))
        if end < len(keys) and keys[end] == "?":
            return True
        start = max((i + 1 for i in range(end) if keys[i] in {".", "?", ","}), default=0)
        return bool(clause_rules.ASKED_BY_ORDER.match(" ".join(keys[start:end]) + " "))

    @staticmethod
    def _fact_question(keys: list[str], lo: int) -> bool:
        """Whether the sentence starting at ``lo`` is a yes/no question about a named film."""
        if lo and keys[lo - 1] not in {".", "?"}:
            return False
        end = next((i for i in range(lo, len(keys)) if keys[i] in {".", "?"}), len(keys))
        sentence = " ".join(k for k in keys[lo:end] if k != ",")
        if film_facts.asked_fact(sentence) is not None:
            return True  # "how long is the first one", "who's in Heat?": a fact asked, with or without "?"
        return end < len(keys) and keys[end] == "?" and bool(clause_rules.FACT_QUESTION.match(" ".join(keys[lo:end])))
