"""How the clause reader walks a message: the clauses it cuts it into (``split_clauses``) and the two
records its loop reads with, ``Reading`` (what one clause leaves the next) and ``Clause`` (the clause in
hand). ``clause_reader.ClauseReader`` runs the loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chat_rec.understanding import coordination, corrections, lexicon, request_words
from chat_rec.understanding.references import _Ref

PRONOUNS = {"it", "its", "that", "this", "them", "those", "these", "they", "theyre", "both",
             "one", "la", "lo", "las", "los", "esa", "ese", "esta", "este"}
"""Words that point back at what was named before ("it", "them", "la" …)."""
BARE_ANSWERS = frozenset("yes yeah yep yup no nope nah si".split())
"""One-word answers that end a film's clause when another film follows ("2nd yes 3rd no")."""


_SUBJECT_PRONOUNS = frozenset("they we he she theyre were hes shes".split())
_EXPLETIVE_IT = re.compile(r"\bit (?=(?:very |quite |perfectly )?(?:clear|obvious|known|plain)\b)")
_OWN_OBJECT = re.compile(r"\b(?:for|of|with|about) (?!(?:it|them|that|those|these|this|me|us|em)\b)(?:\w+ ){0,2}\w+$")


def own_object(ckeys: list[str]) -> bool:
    """Whether a clause's only pronouns are its subject and its verdict has an object of its own ("…, but they
    do not care for crude jokes": the people, and the jokes, not the genres named before).
    """
    text = _EXPLETIVE_IT.sub("", " ".join(ckeys))  # "they have made it clear that they do not care for swearing"
    return all(k in _SUBJECT_PRONOUNS for k in text.split() if k in PRONOUNS) and bool(_OWN_OBJECT.search(text))


def split_clauses(keys: list[str]) -> list[tuple[int, int, int]]:
    """The message's clauses as (sentence no, start, end): split at sentence ends, commas, conditions,
    contrast words and coordinations that join clauses with verdicts of their own.
    """
    clauses: list[tuple[int, int, int]] = []
    sentence, start = 0, 0
    for i, k in enumerate(keys + ["."]):
        if i - start >= 2 and keys[i - 1] in BARE_ANSWERS and (
                k in lexicon.ORDINALS or k == "qqtitle" or k.isdigit() and len(k) == 1):
            clauses.append((sentence, start, i))  # "second yes third no": an answer ends its film's clause
            start = i
        elif i < len(keys) and (_run_on(keys, i, start) or _position_run_on(keys, i, start)
                                or _asked_on(keys, i, start) or _so_then(keys, i, start)
                                or _corrected_on(keys, i, start)):
            clauses.append((sentence, start, i))  # "loved the first one hated the third one"
            start = i
        boundary = k in {".", ",", "?", "qqcond"} or lexicon.CONTRAST.fullmatch(k) is not None \
            or coordination.splits_coordination(keys, i, start)
        if boundary:
            if i > start:
                clauses.append((sentence, start, i))
            start = i + 1
            if k in {".", "?"} and not (i > 0 and keys[i - 1] in {".", "?"}):
                sentence += 1  # "..." ends one sentence, not three
    return clauses


def _corrected_on(keys: list[str], i: int, start: int) -> bool:
    """Whether "or rather" / "or better" at ``i`` corrects what the clause said ("a comedy or rather something
    dramatic", "una comedia o mejor una de miedo"): the correction is a clause of its own.
    """
    return i > start and keys[i] in {"or", "o"} and keys[i + 1:i + 2] in (["rather"], ["better"], ["mejor"])


def _so_then(keys: list[str], i: int, start: int) -> bool:
    """Whether a "so" at ``i`` opens what the person asks for in consequence of the clause before ("my wife
    is tired of horror so a comedy i suppose", "he hates westerns so something else"): a clause of its own,
    outside the verdict before it ("not so much", "so good" go on).
    """
    return keys[i] == "so" and i - start >= 2 and i + 1 < len(keys) and keys[i + 1] in request_words.SO_ASKS


_ASKING = frozenset("can could would will".split())
_ASKED_VERBS = frozenset("give show find send get recommend suggest".split())
_BEFORE_AN_ORDER = frozenset("so maybe um uh now then just pls please ok okay".split())


def _asked_on(keys: list[str], i: int, start: int) -> bool:
    """Whether a question to the assistant opens at ``i`` in a message typed without stops ("the first
    one not so much i fell asleep can you find me more like the last one"): it is a clause of its own.
    """
    if keys[i] in _ASKED_VERBS and i + 1 < len(keys) and keys[i + 1] in {"me", "us"} and i - start >= 3:
        return keys[i - 1] in _BEFORE_AN_ORDER  # "… i haven't seen so um maybe give me a couple more"
    return keys[i] in _ASKING and i + 1 < len(keys) and keys[i + 1] in {"you", "u"} and i - start >= 3 \
        and keys[i - 1] not in {"if", "what", "which", "who", "how", "where", "when", "why", "that", "so"}


_VERDICT_VERBS = frozenset("loved hated liked disliked enjoyed adored despised".split())
_OBJECT_OPENERS = frozenset("the qqtitle it that this those these la el las los".split())


def _run_on(keys: list[str], i: int, start: int) -> bool:
    """Whether a verdict verb at ``i`` opens a clause of its own in a message typed without commas:
    after a clause that already judged a film or a list position ("loved the first one hated the
    third one"), and with an object of its own. "the first one bored me" keeps its subject.
    """
    k = keys[i]
    if k not in _VERDICT_VERBS or i + 1 >= len(keys) or i - start < 2:
        return False
    closes = keys[i - 1] in {"one", "ones", "qqtitle"} or keys[i - 1].isdigit()
    opens = keys[i + 1] in _OBJECT_OPENERS or keys[i + 1].isdigit()
    return closes and opens and any(w in _VERDICT_VERBS for w in keys[start:i])


_COPULAS = frozenset("was is were are fue estuvo es esta era parecio".split())
_WANT_AN_OBJECT = frozenset(", qqtitle the a an la el las los un una than as if when because since while whereas "
                            "though although about of with "
                            "for in on at by from to into like over after before between "
                            "que como de del al con y o ni entre sobre para por".split())
"""Words after which a film and its copula are part of the clause in hand ("better than the second was",
"mejor que la segunda")."""
_ARTICLES = frozenset("the la el".split())


def _position_at(keys: list[str], i: int) -> int:
    """The index just after a film or list position that starts at ``i`` ("the first one", "la segunda",
    "number 2", "3", a title), or -1 when none starts there.
    """
    j = i + (keys[i] in _ARTICLES)
    if keys[i] == "qqtitle" or len(keys[i]) == 1 and keys[i].isdigit():
        j = i
    elif keys[i] == "the" and j < len(keys) and keys[j] in {"other", "others"}:
        j += j + 1 < len(keys) and keys[j + 1] in {"two", "three", "ones"}  # "the other two i haven't seen"
        return j + 1
    elif keys[i] == "number" and i + 1 < len(keys) and (keys[i + 1] in lexicon.NUMBER_WORDS or keys[i + 1].isdigit()):
        j = i + 1  # "number two was a snooze number three was fun"
    elif j >= len(keys) or not (keys[j] in lexicon.ORDINALS or keys[j] in lexicon.LAST_WORDS):
        return -1
    return j + 1 + (j + 1 < len(keys) and keys[j + 1] == "one")


def _position_run_on(keys: list[str], i: int, start: int) -> bool:
    """Whether a film or list position at ``i`` opens a clause of its own in a message typed without
    commas, after a clause that already judged something ("the first was good the second was bad",
    "Heat was great Ronin was boring", "number 2 was dull 3 was fun", "la primera me gustó la segunda no").

    The clause before has a copula and a predicate, or a verdict cue and a film or position of its own; the
    new one has its own copula right after its film, or (for a list position) a verdict cue or a negator
    before the next stop, so a list typed without commas stays one ("I liked the first the second and the
    third"). Not after a word that wants it as its object ("better than the second was").
    """
    j = _position_at(keys, i)
    if j < 0 or j >= len(keys):
        return False
    before = keys[start:i]
    if not before or before[-1] in lexicon.EN_STOPWORDS or before[-1] in _WANT_AN_OBJECT:
        return False
    at = next((n for n, k in enumerate(before) if k in _COPULAS), None)
    judged = at is not None and at + 1 < len(before) or (
        any(_position_at(keys, n) > 0 for n in range(start, i)) and coordination.has_cue(" ".join(before)))
    if keys[j] in _COPULAS or not judged:
        return judged
    if keys[i] in {"qqtitle", "number"} or keys[i].isdigit():
        return False
    end = next((n for n in range(j, len(keys)) if keys[n] in {".", ",", "?", "qqcond"} or (
        n > j and _position_at(keys, n) > 0)), len(keys))
    right = keys[j:end]
    return coordination.has_cue(" ".join(right)) or any(k in lexicon.NEGATORS for k in right)


CORRECTION_LEADS = corrections.CORRECTION_OPENERS | {"wait", "espera"}
"""Words that, alone before a comma, open a correction with the "no" after them ("Wait, no, the second")."""


def leads_only(ckeys: list[str]) -> bool:
    """Words that are correction leads only ("no", "sorry", "wait, no")."""
    return bool(ckeys) and (all(k in corrections.RETRACT_LEADS or k in CORRECTION_LEADS for k in ckeys)
                            or " ".join(ckeys) in corrections.WAIT_PHRASES)


def correction_follows(keys: list[str], clauses: list[tuple[int, int, int]], at: int, sent: int) -> bool:
    """Whether, past clauses of leads only, the next clause of the sentence is a correction ("…, no, sorry,
    I mean a horror").
    """
    nxt = at + 1
    while nxt < len(clauses) and clauses[nxt][0] == sent and leads_only(keys[clauses[nxt][1]:clauses[nxt][2]]):
        nxt += 1
    if nxt >= len(clauses) or clauses[nxt][0] != sent:
        return False
    leads = " ".join(k for _, lo, hi in clauses[at:nxt] for k in keys[lo:hi])
    if nxt > at + 1 and (cue := corrections.CORRECTION.match(leads)) and cue.end() == len(leads):
        return names_next(keys, clauses, nxt - 1, sent)  # "Horror? no, wait, a musical": "no, wait" corrects
    return corrections.CORRECTION.match(" ".join(keys[clauses[nxt][1]:clauses[nxt][2]])) is not None


def names_next(keys: list[str], clauses: list[tuple[int, int, int]], at: int, sent: int) -> bool:
    """Whether the clause after ``at``, in the same sentence, only names ("the fourth one")."""
    if at + 1 >= len(clauses) or clauses[at + 1][0] != sent:
        return False
    _, lo, hi = clauses[at + 1]
    return corrections.no_verdict_of_its_own(" ".join(keys[lo:hi]))


def sentence_start(keys: list[str], lo: int) -> int:
    """The index of the first key of the sentence that holds key ``lo``."""
    return max((j + 1 for j in range(lo) if keys[j] in {".", "?", "!"}), default=0)


@dataclass
class Reading:
    """What the clause loop carries from one clause to the next."""

    outsiders: bool  # other people's tastes may be spoken of (no one is said to watch along)
    clause_start: tuple[list[Any], ...]  # the signal before the clause in hand, and before the last one
    clauses: list[tuple[int, int, int]] = field(default_factory=list)  # the message's clauses (split_clauses)
    last_refs: list[int] = field(default_factory=list)  # films named last, for "it"
    refs_sentence: int = -1  # the sentence of last_refs
    averted: tuple[str, ...] = ()  # genres whose aversion was denied ("I don't dislike westerns"): no verdict yet
    heard_sentence: int = -1  # the sentence whose last_refs someone else judged ("my aunt says Heat is great")
    compared_subject: list[int] = field(default_factory=list)  # last_refs' film compared, not its yardstick
    last_sentence: int = -1
    pending: list[_Ref] = field(default_factory=list)  # refs of a neutral clause waiting for "..., definitely"
    listed: list[int] = field(default_factory=list)  # titles of this sentence's neutral clauses, for "I loved them"
    last_genres: tuple[str, ...] = ()  # genres of the last clause naming something, for "it"
    fragment: bool = False  # the last sentence was a title alone: its verdict may come next
    last_verdict: int = 0  # the last clause polarity, for "..., especially X"
    verdict_sentence: int = -1
    last_negated: bool = False  # whether that clause was negated, for "X didn't. Y did."
    films_verdict: tuple[int, bool] = (0, False)  # the last verdict on films and its negation, for "no I didn't"
    films_heard: bool = False  # whether that verdict was someone else's ("My wife loved Heat. I didn't.")
    sent_start: tuple[list[Any], ...] | None = None  # the signal as this sentence found it
    fillers_only: bool = False  # the sentence so far was only interjections ("Ooh, the second one!")
    retracting: bool = False
    supposing: bool = False  # inside a supposition ("if I liked horror…")
    supposed: tuple[str, ...] = ()  # and its genres
    seen_sentence: int = -1  # the sentence of the last clause saying "seen" with no verdict, for "seen X, Y"
    prev_asked: bool = False  # the clause before asked "would I like X?", for "And Y?" right after it
    choices: list[int] = field(default_factory=list)  # listed movies picked out with no verdict ("the submarine one")
    bare_rejected: tuple[int, list[int]] = (-1, [])  # films the last clause only said "not" to, and its sentence
    seen_refs: tuple[int, list[int]] = (-1, [])  # films last said seen with no verdict, and the sentence
    title_run: tuple[int, list[int]] = (-1, [])  # titles alone before a comma ("Heat, Fargo and X were…")
    outsider_before: bool = False  # the clause before had such a person as its subject
    judged_from: tuple[list[Any], ...] | None = None  # the signal before the last clause that changed it:
    # what "I meant X" moves and takes back
    judged_by: tuple[int, str] = (-1, "")  # the clause that made that change
    correcting: bool = False  # the clause before was only "digo" / "I mean": this one names the correction
    this_clause: tuple[int, str] = (-1, "")  # (sentence, text) of the clause in hand
    ranked_sentence: int = -1  # the sentence that ranked one title above another ("Heat > Speed")
    refused_sentence: int = -1  # the sentence of a clause that only refused what it named ("no horror, …")


@dataclass
class Clause:
    """One clause being read: where it is, what it names and the verdict it gives."""

    at: int  # its index among the message's clauses
    sent: int
    lo: int
    hi: int
    ckeys: list[str]
    text: str
    new_sentence: bool
    opens: bool  # only interjections before it in its sentence
    before_clause: tuple[int, str]  # (sentence, text) of the clause before
    refs: list[_Ref] = field(default_factory=list)
    rejected: set[int] = field(default_factory=set)  # positions of the refs a "not" scopes over
    asking: bool = False
    polarity: int = 0
    seen: bool = False
    scope: int = 0
    films_settled: bool = False  # no verdict on its films; its genres are still asked for
    hedged: bool = False
