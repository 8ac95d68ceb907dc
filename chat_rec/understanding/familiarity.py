"""Having seen, knowing, missing or getting hold of a film, and doing something without a break: negators
that reject nothing.

"never heard of it", "can't find it anywhere", "haven't seen a good western in ages", "I'd skip the
first since I've seen it", "mark it as seen". The negators in them reject nothing. Patterns are over
folded text (``titles.fold``), like lexicon.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

LONGING = re.compile(r"\b(?:hace (?:mucho|tiempo|anos|siglos|una eternidad|meses)(?: (?:tiempo|ya))? que no"
                     r"|(?:havent|have not|hasnt|has not|not) (?:\w+ ){1,5}(?:in|for) (?:ages|years|a while|so long"
                     r"|forever|a long time|months))\b")
"""Missing something ("hace mucho que no veo un buen thriller", "haven't seen a good western in
ages"): the negation says how long it has been, it rejects nothing."""
KEPT_ON = re.compile(r"\b(?:(?:couldnt|could not|cant|cannot|wouldnt|would not|didnt|did not|never) stop"
                     r"|no (?:paro|paraba|pararon|paraban|paramos|para|paran|dejo|dejaba|dejaron|dejaban|dejamos"
                     r"|deja|dejan) de)\b")
"""Doing something without a break ("my dad couldn't stop quoting it", "no paró de hablar de ella"): the
negator says it went on, it rejects nothing; what went on may be praise (``verdict_words``)."""
NO_NEED = re.compile(r"\b(?:no hace falta|no es necesario|no need(?: to| for)?"
                     r"|(?:you )?(?:dont|do not) (?:need|have) to|(?:dont|do not) bother|no te molestes)\b")
"""Sparing the other an effort ("ya la vi, no hace falta que me la recomiendes", "no need to suggest
it again"): the negator rejects nothing."""

KNOWING = frozenset("know knew known heard conocia conoci conocemos conozco conociamos sabia sabiamos "
                    "conoce conocen conocian conocio conocieron conoces conocias".split())
"""Verbs of knowing: "no la conocía", "I didn't know this one" say the film is new to them, no verdict."""
_FINDING = frozenset("find stream rent".split())
_FINDING_ES = frozenset("encuentro encuentra encontramos encuentran consigo hallo".split())


def finding(tail: list[str], verb: str, negator: str) -> bool:
    """Whether a negated clause only says the film cannot be got hold of ("can't find the second one
    anywhere", "la segunda no la encuentro en ningún lado"), which is no verdict. "I didn't find it
    funny" and "no le encuentro la gracia" are verdicts: English "find" only after "can't"/"couldn't",
    a Spanish verb only with nothing or a place after it.
    """
    if verb in _FINDING:
        return verb != "find" or negator in {"cant", "cannot", "couldnt"}
    if verb not in _FINDING_ES:
        return False
    after = tail[tail.index(verb) + 1:]
    return not after or after[0] in {"en", "por", "online", "ni"}

UNFAMILIAR = re.compile(r"\b(?:no idea (?:what|about)|never (?:even )?heard (?:of|about)"
                        r"|(?:havent|haven t|hadnt|had not|have not|not) (?:even |ever )?heard (?:of|about)"
                        r"|nunca (?:he )?o[ií](?:do)? (?:hablar )?de|(?:dont|doesnt|didnt|do not|does not|none of \w+) "
                        r"(?:really )?rings? a bell|rings? no bells?|not familiar with|unfamiliar|no me suenan?"
                        r"|ni idea de (?:cual|cuales|que es|que son|quien)|ni idea$|no idea$|ni me suena"
                        r"|no (?:la|lo|las|los) conozco"
                        r"|no conozco|(?:dont|do not|didnt|did not) know (?:it|that one|this one|them|those|these"
                        r"|what (?:it|that) is|anything about (?:it|them))|i (?:dont|do not) know$"
                        r"|know nothing (?:about|of)|no (?:se|sabemos|sabia) nada"
                        r"|(?:cant|can t|cannot|couldnt|could not) (?:speak|comment|vouch) (?:for|to|on|about)"
                        r"|no comment (?:on|about)|(?:dunno|not sure) about"
                        # not "too new for me", an era
                        r"|(?<!too )(?:all |totally |completely |brand )?new to (?:me|us)\b"
                        r"|(?:nuev[oa]s? |novedad |desconocid[oa]s? )para (?:mi|nosotros|nosotras))\b")
"""Not knowing a film ("no idea what that is", "none of them ring a bell", "no me suena", "can't speak for
the others", "no comment on the rest", "that one's new to me", "es nueva para mí"): no verdict, and the negator
in it rejects nothing."""

SKIP_SEEN = re.compile(r"^(?:id |i d |ill |i ll |i will |lets |let s |we can |me )?(?:skip|pass on|salto|paso de)\b"
                       r".*\b(?:since|because|as|cause|cuz|coz|porque|ya que|que)\b.*\b(?:seen|watched|saw|vi|visto"
                       r"|vimos)\b")
"""Passing on a film because it was seen ("I'd skip the first since I've seen it"): seen, no verdict."""

MARKED_SEEN = re.compile(r"\b(?:as|como) (?:already )?(?:seen|watched|vist[oa]s?)\b")
"""A film labelled seen ("mark Heat as seen", "put it down as watched", "márcala como vista")."""

SEEN_QUALIFIERS = re.compile(r"\b(?:already|ya|before|antes|twice|dos veces|once|una vez|too|tambien)\b")
"""Words that only qualify a "seen" ("already seen", "ya la vi", "seen it twice")."""


def unrejecting_spans(text: str) -> list[tuple[int, int]]:
    """Where a negator rejects nothing: missing something (``LONGING``), sparing an effort (``NO_NEED``),
    going on without a break (``KEPT_ON``).
    """
    return [m.span() for regex in (LONGING, NO_NEED, KEPT_ON) for m in regex.finditer(text)]


def says_seen(text: str, spans: list[tuple[int, int]] | None = None) -> bool:
    """Whether the text says a film was seen, outside ``unrejecting_spans`` ("haven't seen it in years" says how
    long it has been: a pick of it stands, and it is no film to leave out).
    """
    spans = unrejecting_spans(text) if spans is None else spans
    return any(not any(s <= m.start() < e for s, e in spans) for m in lexicon.SEEN.finditer(text))
