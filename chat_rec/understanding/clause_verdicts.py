"""The clause reader's verdict rules: when a clause's words judge nothing after all (concessions,
questions to the bot, films only asked about, suppositions, hedges, records of what was seen), and when
a clause with no verdict of its own takes one from the clause before it ("X didn't land for me. Y did.",
"I loved Heat, Ronin") or from a ranking ("Heat > Ronin"), and when a correction keeps a verdict to what it
names ("No, I only liked the first one"). A mixin of ``clause_reader.ClauseReader``.
"""

from __future__ import annotations

from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding import (
    comparisons,
    conditions,
    coordination,
    corrections,
    familiarity,
    lexicon,
    picks,
    request_words,
    who_watches,
)
from chat_rec.understanding.clause_record import SignalRecord
from chat_rec.understanding.clause_state import BARE_ANSWERS, PRONOUNS, Clause, Reading, sentence_start
from chat_rec.understanding.polarity import bare_verdict, films_unjudged, negation_only, rhetorical_who
from chat_rec.understanding.references import ListReferences, _Ref
from chat_rec.understanding.signal import PreferenceSignal

_LAUGHS_AND_COMMAS = frozenset({",", "lol", "haha", "oh", "um", "uh", "hmm"})
_CORRECTION_WORDS = corrections.NO_WORDS | frozenset("actually wait sorry correction scratch".split())
"""Words that open a correction of what the message said before ("lol no, I only liked the first")."""


_INDEFINITE = frozenset("a an un una some unos unas".split())
_ANSWER_WORDS = corrections.RETRACT_LEADS | BARE_ANSWERS | {"sure"}
"""One-word answers to the assistant: no verdict of their own on a film named after them."""


def _alternative(st: Reading, c: Clause) -> bool:
    """Whether a clause that opens with an indefinite article names what the person wants instead of the
    noun phrase the clause before refused ("no gore please, a thriller", "nada de sangre, una comedia"):
    an alternative, not one more item of the refused list ("no horror, gore or slashers").
    """
    before = c.before_clause[1].split()
    return st.last_verdict < 0 and c.ckeys[0] in _INDEFINITE and c.before_clause[0] == c.sent \
        and bool(before) and before[0] in lexicon.NOMINAL_NEGATORS


class ClauseVerdicts(SignalRecord):
    """The verdict rules of ``ClauseReader`` (which holds the state they read and write)."""

    signal: PreferenceSignal
    list_refs: ListReferences
    settled: set[int]
    unseen: set[int]
    _settled: bool

    def _no_verdict(self, st: Reading, c: Clause, keys: list[str]) -> None:
        """Clauses whose words judge nothing after all: concessions, questions to the bot, films not
        judged or only asked about, suppositions, hedges, records of what was seen.
        """
        ckeys, text, sent, lo, hi, asking = c.ckeys, c.text, c.sent, c.lo, c.hi, c.asking
        if not any(r.items or r.genres for r in c.refs) and clause_rules.CONCESSION.match(
                " ".join(keys[max(0, lo - 2):lo] + [text])):
            c.polarity, c.seen, self._settled = 0, False, True  # "Romance. Even though they can be so corny."
        if asking and (clause_rules.ASKING_YOU.match(text) or clause_rules.WHICH_IS.match(text)):
            c.polarity, c.seen, self._settled = 0, False, True  # "do you like horror?", "which is better?" ask
        if familiarity.SKIP_SEEN.search(text):
            c.polarity, c.seen, self._settled = 0, True, True  # "I'd skip the first since I've seen it"
        if films_unjudged(text, asking) and not request_words.POLITE_ASK.search(text):
            c.polarity, c.films_settled = 0, True  # "is it good?", "no idea what that is", "she might like it"
            if asking and clause_rules.asks_what_a_film_is(text):
                c.refs = [r for r in c.refs if not r.genres]  # "¿es muy dramática?", "is it very scary?" ask
                # what the film is like: the genre is no kind asked for
        if c.films_settled:
            self._settled = False
            pronoun = any(k in PRONOUNS for k in ckeys)
            self.settled.update(i for r in [*c.refs, *st.pending] for i in r.items)
            self.settled.update(st.last_refs if pronoun else ())
            if familiarity.says_seen(text) or familiarity.UNFAMILIAR.search(text):  # "haven't seen it", "never
                # heard of it", "no la conozco": no pick either ("haven't seen it in years" has seen it: a pick stands)
                self.unseen.update(i for r in [*c.refs, *st.pending] for i in r.items)
                self.unseen.update(st.last_refs if pronoun else ())
        rhetorical = any(rhetorical_who(ckeys, j) for j in range(min(len(ckeys), 6)))  # "who could hate Ronin?"
        asked = conditions.prospective(text, asking) and not rhetorical or (
            st.prev_asked and c.new_sentence and asking and bool(conditions.ALSO_ASKED.match(text)))  # "... And Ronin?"
        st.prev_asked = asked
        if asked:
            c.polarity, self._settled = 0, True  # "would I like Heat?" asks; it judges nothing
            self.signal.asked_ids.extend(i for r in c.refs for i in r.items)
        if c.new_sentence or (lo and lexicon.CONTRAST.fullmatch(keys[lo - 1])):
            if st.supposed and lo and keys[lo - 1] in {"but", "pero", "though", "aunque"} \
                    and conditions.NOT_SO.match(text):
                self._genres(st.supposed, -1)  # "If I liked horror I'd love X, but I don't": no horror
                c.polarity, self._settled, c.refs = 0, True, []
            st.supposing, st.supposed = False, ()
        if (lo and keys[lo - 1] == "qqcond" or ckeys[:1] == ["si"]) and conditions.SUPPOSED.match(
                text.removeprefix("si ")):
            st.supposing = True  # "if I were into westerns, I'd love X": hypothetical until its "but"
        if st.supposing:
            c.polarity, self._settled = 0, True
            st.supposed += tuple(g for r in c.refs for g in r.genres if g != "described")
            c.refs = [r for r in c.refs if not r.genres]
        after = keys[hi:hi + 2] if keys[hi:hi + 1] == [","] else keys[hi:hi + 1]
        if c.polarity > 0 and {"but", "pero"} & set(after) and clause_rules.conceded(text):
            c.polarity, self._settled = 0, True  # "X's fine but I've seen it a dozen times": a concession
        hedged = any(rx.search(text) for rx in (clause_rules.LUKEWARM, clause_rules.UNSURE)) or (
            c.polarity > 0 and clause_rules.faint_praise(text) and any(r.items for r in c.refs)
            and not any(r.genres and r.genres != ("described",) for r in c.refs))  # "the first one was fine"
        c.hedged = hedged or bool(clause_rules.HEDGE_TAIL.fullmatch(text))  # "…está bien, sin más"
        if c.hedged or clause_rules.NO_VERDICT.search(text):
            c.polarity, self._settled = 0, True  # "fine I guess", "not sure about it": no verdict (rule 7)
            if st.judged_from is not None and st.judged_by == c.before_clause and c.before_clause[0] == sent \
                    and clause_rules.conceded(c.before_clause[1]) and not any(r.items or r.genres for r in c.refs):
                self._restore(st.judged_from)  # "La del medio estuvo bien, nada del otro mundo": the hedge
                st.judged_from = None  # takes the weak praise just before it back
        if familiarity.MARKED_SEEN.search(text):
            c.polarity, c.seen, self._settled = 0, True, True  # "mark Heat as seen, please": a record, no verdict
        if self._settled:
            self.settled.update(i for r in c.refs for i in r.items)

    def _verdict_from_before(self, st: Reading, c: Clause, keys: list[str]) -> None:
        """A clause with no verdict of its own that takes one from the clause before it ("X didn't land
        for me. Y did.", "I loved Heat, Ronin"), or from taking up an offered film.
        """
        ckeys, text, sent, lo = c.ckeys, c.text, c.sent, c.lo
        if c.polarity == 0 and not c.seen and not c.asking and not c.hedged \
                and picks.WATCH_INTENT.search(text) \
                and any(i in self.list_refs.ids for r in c.refs for i in r.items):
            c.polarity = 1  # "I'll put the second one on tonight": taking up an offered film is liking it
        recent = st.last_verdict and sent - st.verdict_sentence <= 1
        if st.films_verdict[0] and sent - st.refs_sentence <= 1 and not any(r.items or r.genres for r in c.refs) \
                and self._own_ellipsis(st, c):
            return
        if clause_rules.EXCEPTION.search(text) and recent:
            c.polarity, c.scope = -st.last_verdict, 0  # "Not a fan of Wes Anderson, although Mr. Fox is the exception"
        if lo > 0 and keys[lo - 1] == "sino" and st.last_verdict < 0 and c.polarity == 0:
            c.polarity = 1  # "no quiero la primera sino la tercera"
        if c.polarity == 0 and not c.seen and recent and clause_rules.elliptical(ckeys):
            c.polarity = -st.last_verdict if st.last_negated else st.last_verdict  # "X didn't land for me. Y did."
        if c.polarity == 0 and not c.seen and recent and clause_rules.likewise(ckeys, c.asking):
            c.polarity = st.last_verdict  # "Tesis es buenísima. Abre los ojos también."
        if c.polarity >= 0 and not c.seen and recent and not c.asking \
                and clause_rules.intensified(ckeys, st.last_verdict):
            c.polarity, c.scope = st.last_verdict, 0  # "Heat was great, Ronin even more so"
        if c.polarity == 0 and not c.seen and sent == st.seen_sentence != st.verdict_sentence \
                and coordination.list_only(text) and keys[lo - 1] == ",":
            c.seen = True  # "I've seen Heat, Alien and Fargo": the list goes on
        if c.polarity <= 0 and not c.seen and sent == st.seen_sentence != st.verdict_sentence and any(
                r.items for r in c.refs) and negation_only(ckeys):
            c.polarity, c.rejected, self._settled = 0, set(), True  # "I've seen Heat, not the other two": not seen
            self.settled.update(i for r in c.refs for i in r.items)
        if c.polarity == 0 and not c.seen and sent == st.refused_sentence and keys[lo - 1] == "," \
                and coordination.refused_list_goes_on(keys, lo):
            c.polarity, c.scope = -1, 0  # "no horror, westerns or musicals": one "no" for the whole list
        if c.polarity == 0 and not c.seen and sent == st.verdict_sentence and not _alternative(st, c) and (
                clause_rules.ELABORATION.match(text) or (coordination.list_only(text) and keys[lo - 1] == ",")):
            c.polarity, c.scope = st.last_verdict, 0  # "I love Pixar films, especially Toy Story"
        if c.polarity == 0 and not c.seen and sent == st.verdict_sentence == c.before_clause[0] \
                and keys[lo - 1] == "," and (c.hi == len(keys) or keys[c.hi] in {".", "?", "!"}) \
                and bare_verdict(c.before_clause[1].split()) and (picks.bare_choice(ckeys) or picks.bare_group(ckeys)) \
                and not set(c.before_clause[1].split()) <= _ANSWER_WORDS:  # "No, the second one" picks it
            # "Really good, the first one.": the film said after its verdict, last in its sentence ("first one:
            # loved it; second: never seen" gives each film the verdict after it)
            c.polarity, c.scope = st.last_verdict, 0
        if c.polarity == 0 and not c.seen and not c.asking and comparisons.ranked_above(ckeys):
            c.polarity, c.scope = 1, 0  # "Terminator 2 > Terminator": the first liked, the second a yardstick
            st.ranked_sentence = sent
        if st.ranked_sentence == sent and comparisons.MARGIN.match(text):
            c.polarity, c.refs, self._settled = 0, [], True  # "…, and it isn't even close": no verdict on "it"
        if st.last_refs and clause_rules.LIKE_IT.search(text) and not any(r.items for r in c.refs):
            # "got a heist film like that?" (rule 5): the films named last, the liked ones among them when
            # there are ("I prefer Heat to Ronin. More like that?" asks for Heat's kin, not Ronin's)
            liked = [i for i in st.last_refs if i in self.signal.liked_ids]
            if not liked and all(i in self.unseen for i in st.last_refs):
                liked = list(self.signal.liked_ids)  # "the first was great. haven't seen the others. more like it?"
            c.refs = [*c.refs, _Ref(lo, liked or list(st.last_refs), pronoun=True)]
            c.polarity = c.polarity or 1

    def _own_ellipsis(self, st: Reading, c: Clause) -> bool:
        """An ellipsis of the person's own last verdict ("I enjoyed Braveheart, no I didn't", "I didn't like
        Titanic. OK fine, I did"): a negation unlike the verdict's own turns a like into a dislike and a
        "didn't like" into a like; "I hated Heat. No I didn't" takes the dislike back without a like.
        The same negation repeats the verdict, which stands already; after someone else's verdict it, or
        agreeing ("so did I", "same here"), makes it the person's. True when the clause was read here.
        """
        if st.films_heard and who_watches.AGREEMENT.match(c.text):
            c.polarity, c.seen, c.refs = 0, False, []  # "my brother hated Alien and so did I": shared
            self._items(list(st.last_refs), st.films_verdict[0], False)
            st.films_heard = False
            return True
        aux = clause_rules.own_ellipsis(c.text)
        if aux is None:
            return False
        negated, would = aux.endswith(("nt", " not")), aux.startswith("would")
        c.polarity, c.seen, c.refs = 0, False, []
        verdict, was_negated = st.films_verdict
        films = list(st.last_refs)
        if negated == was_negated:  # "I loved Heat. I did!": the verdict stands; "My wife loved Heat. I did too."
            if st.films_heard:
                self._items(films, verdict, False)
                st.films_heard = False
            return True
        if (verdict > 0 or was_negated) and not would:
            self._items(films, -verdict, False)
        elif st.films_heard:  # "My wife hated Heat. I didn't.": not the person's dislike, and no like either
            self.settled.update(films)
        else:  # "I hated Heat. No I didn't", "I'd watch the first. Actually I wouldn't": taken back
            for bucket in (self.signal.liked_ids, self.signal.disliked_ids):
                bucket[:] = [i for i in bucket if i not in films]
            self.settled.update(films)
        turned = -verdict if (verdict > 0 or was_negated) and not would else 0
        st.films_verdict, st.last_verdict, st.last_negated = (turned, negated), turned, negated
        st.films_heard = False
        return True

    def _only_these(self, c: Clause, keys: list[str]) -> None:
        """A correction that keeps a verdict to some films ("I loved all three. No, I only liked the first
        one", "lol no, only the second was good"): the films this message gave that verdict before, and
        this clause does not name, lose it. Without a correction word before it ("I only liked Ronin"
        after "I loved Heat") "only" is a degree and takes nothing back.
        """
        named = [i for r in c.refs if not r.genres for i in r.items]
        if not c.polarity or not named or not {"only", "solo", "just"} & set(c.ckeys[:c.refs[0].pos - c.lo + 1]):
            return
        lead = [k for k in keys[sentence_start(keys, c.lo):c.lo] if k not in _LAUGHS_AND_COMMAS]
        if not lead or lead[0] not in _CORRECTION_WORDS:
            return
        bucket = self.signal.liked_ids if c.polarity > 0 else self.signal.disliked_ids
        bucket[:] = [i for i in bucket if i in named]
