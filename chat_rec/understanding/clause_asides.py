"""Clauses that judge nothing of the person's, read before any verdict: hearsay and other people's
tastes, questions about a film's facts, asides, a hesitation before a verdict still to come, and a sentence
that takes back the verdict on the film just talked about. ``ClauseAsides`` is a mixin of
``clause_reader.ClauseReader``.
"""

from __future__ import annotations

from chat_rec.understanding import after_seeing, film_facts, lexicon, who_watches
from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding.clause_state import PRONOUNS, Clause, Reading
from chat_rec.understanding.clause_verdicts import ClauseVerdicts
from chat_rec.understanding.polarity import clause_polarity
from chat_rec.understanding.pronouns import has_pronoun
from chat_rec.understanding.references import _Ref
from chat_rec.understanding.resolver import Mention

_HESITATIONS = frozenset("eh hm hmm mm mmm uh um er erm ehh mmmh".split())
"""Sounds of hesitation ("eh", "hmm") that may stand between a named film and its verdict."""
_CONTRAST_WORDS = frozenset("but though although however pero aunque".split())


class ClauseAsides(ClauseVerdicts):
    """What ``ClauseReader`` sets aside before reading a clause's verdict."""

    def _refs(self, ckeys: list[str], lo: int, title_at: dict[int, Mention]) -> list[_Ref]:
        """What the clause starting at token ``lo`` names, in order: the parser's own reader."""
        raise NotImplementedError

    def _set_aside(self, st: Reading, c: Clause, keys: list[str], title_at: dict[int, Mention],
                   facts: set[int]) -> bool:
        """Whether the clause judges nothing of the person's: hearsay and other people's tastes, a
        question about a film's facts, an aside, a hesitation before a verdict still to come.
        """
        text, ckeys, sent, lo = c.text, c.ckeys, c.sent, c.lo
        theirs = st.outsiders and (who_watches.OUTSIDER_SUBJECT.match(text) is not None or st.outsider_before
                                   and who_watches.THEIR_PRONOUN.match(text) is not None
                                   or who_watches.THEIR_FAVOURITE.search(text) is not None)
        theirs = theirs or (who_watches.HOUSEHOLD_SUBJECT.match(who_watches.FRONTED_FILM.sub("", text)) is not None
                            and c.at + 1 < len(st.clauses)
                            and st.clauses[c.at + 1][0] in (sent, sent + 1) and who_watches.OWN_STANCE.match(
                                " ".join(k for k in keys[st.clauses[c.at + 1][1]:]
                                         if k != ",").split(" . ")[0]) is not None)
        theirs = theirs or self._set_against_own(st, c, keys, title_at)
        st.outsider_before = theirs  # "my coworker came from work raving, he loves westerns": still his taste
        if (lexicon.HEARSAY.search(text) and not lexicon.RELAYED_ASK.search(text) or theirs) and sent not in facts:
            refs = self._refs(ckeys, lo, title_at)
            heard = [i for r in refs for i in r.items]
            if genres_heard := tuple(g for r in refs for g in r.genres if g != "described"):
                st.last_genres = genres_heard  # "they think comedies are dumb but I love them": "them" is comedies
            if not heard and has_pronoun(ckeys) and st.pending and st.pending[0].pos < lo:
                # "The third, my brother loves it": the film waiting before is theirs, not a pick of the person's
                heard = [i for r in st.pending for i in r.items]
                st.choices = [i for i in st.choices if i not in heard]
                st.pending = []
            if heard:  # "My brother swears Tremors is a masterpiece. I think it's dumb.": "it" is Tremors
                st.last_refs, st.refs_sentence, st.heard_sentence = heard, sent, sent
                theirs_read = clause_polarity(ckeys, self.signal.language)  # for "I didn't" after it
                st.films_verdict = (theirs_read.polarity, theirs_read.polarity < 0
                                    and any(k in lexicon.NEGATORS for k in ckeys))
                st.films_heard = True
                self.settled.update(heard)  # their opinion is no verdict of the person's, for any reader
            return True
        if sent in facts and (topic := film_facts.asked_fact(text)) is not None:
            self.signal.fact_topic = self.signal.fact_topic or topic
            about = [i for r in self._refs(ckeys, lo, title_at) for i in r.items] or (
                st.last_refs if st.refs_sentence == sent - 1 and set(ckeys) & PRONOUNS else [])  # "Heat. Who's in it?"
            self.signal.fact_ids += [i for i in about if i not in self.signal.fact_ids]
            self.settled.update(about)
        if sent in facts and (asked_about := [i for r in self._refs(ckeys, lo, title_at) for i in r.items]):
            st.last_refs, st.refs_sentence = asked_about, sent  # "¿Has visto X? A mí me encanta.": "it" is X
        if sent in facts or clause_rules.DISCOURSE.fullmatch(text) \
                or all(k == "qqmask" for k in ckeys):  # an aside ("if I'm honest") between a film and its verdict
            return True
        # "Conan? Eh, pass.": the hesitation leaves the phrase waiting for its verdict
        return st.fragment and bool(st.pending) and c.new_sentence and all(k in _HESITATIONS for k in ckeys)

    def _undecided(self, st: Reading, c: Clause, keys: list[str]) -> bool:
        """A sentence taking back the verdict on the film just talked about (``after_seeing.undecided``)."""
        if not c.new_sentence or not st.last_refs or st.refs_sentence != c.sent - 1 \
                or not after_seeing.undecided(keys, c.lo):
            return False
        undecided = set(st.last_refs)
        self.signal.liked_ids = [i for i in self.signal.liked_ids if i not in undecided]
        self.signal.disliked_ids = [i for i in self.signal.disliked_ids if i not in undecided]
        self.settled.update(undecided)
        return True

    def _set_against_own(self, st: Reading, c: Clause, keys: list[str], title_at: dict[int, Mention]) -> bool:
        """A household member's verdict on the film the person has just judged, set against it by a contrast
        before or "tho" after ("Heat bored me, though my wife loves it"): the other person's, not a pick for
        the household. One naming a film or kind of its own ("…, but my wife isn't into animation") counts.
        """
        contrasted = c.lo > 0 and keys[c.lo - 1] in _CONTRAST_WORDS or keys[c.hi:c.hi + 1] in (["though"], ["tho"])
        return contrasted and st.verdict_sentence == c.sent and bool(st.last_verdict) \
            and who_watches.HOUSEHOLD_SUBJECT.match(c.text) is not None and has_pronoun(c.ckeys) \
            and not any(r.items or r.genres for r in self._refs(c.ckeys, c.lo, title_at))
