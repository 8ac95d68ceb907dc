"""How a clause judges what it names: its polarity, the scope of its negators, bare verdicts.

``clause_polarity`` weighs the verdict words of a clause (lexicon.POSITIVE / NEGATIVE, "too X")
against its negators, leaving out negators that only scope a noun phrase (``nominal_scope``: "sin
terror", "not the third one"), polite ones in negated asks, and those that say how long it has been
("hace mucho que no veo…"). ``bare_verdict`` tells a clause that is only a verdict ("Not at all.").
Patterns are over folded text, like lexicon.py; the parser (parser.py) reads clauses with these.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from chat_rec.understanding import clauses as clause_rules
from chat_rec.understanding import comparisons, conditions, familiarity, lexicon, verdict_words
from chat_rec.understanding.references import _Ref

FILLERS = {"thanks", "thank", "you", "please", "gracias", "really", "way", "si", "por", "favor",
            "qqmask", "lol", "haha", "though", "actually", "still", "honestly", "todavia", "sigue"}


def _not_knowing(ckeys: list[str], j: int) -> bool:
    """Whether the negator at ``j`` denies knowing ("not know", "no la conocía"), not liking."""
    after = [k for k in ckeys[j + 1:j + 4] if k not in clause_rules.CLITICS and k not in {"really", "even", "yet"}]
    return bool(after) and after[0] in familiarity.KNOWING


_SEEING = frozenset("seen saw see watched watch heard caught visto vista vistos vistas vi veo".split())
"""Verbs of having seen a film: a negator on one says the film is new to the person."""
_SEEING_SKIP = frozenset("maybe probably possibly likely already ever even really yet actually just still "
                         "have has had haya hayas hayamos he has hemos".split())
_REQUEST_WORDS = frozenset("please pls plz".split())


def _negates_seeing(ckeys: list[str], j: int) -> bool:
    """Whether the negator at ``j`` denies having seen something ("that I haven't seen", "que no haya visto")."""
    after = [k for k in ckeys[j + 1:j + 5] if k not in clause_rules.CLITICS and k not in _SEEING_SKIP]
    return bool(after) and after[0] in _SEEING


def _unseeing_reach(text: str, spans: list[tuple[int, int, int]], at: int) -> bool:
    """Whether a negated "seen" at ``at`` reaches a verdict: only one after it ("never seen a bad Pixar
    film"), not one before it ("good comedies I haven't seen": the films are good and new) nor a "please";
    with a title after the last verdict word, the clause is read as before.
    """
    if "qqtitle" in text[max(e for _, e, _ in spans):]:
        return True  # "the second bored me and Alien I haven't seen": the film after the verdict is unseen
    return any(s >= at and text[s:e] not in _REQUEST_WORDS and not _OWN_SUBJECT_AFTER.search(text, at, s)
               for s, e, _ in spans)


_OWN_SUBJECT_AFTER = re.compile(r"\b(?:and|but|though|although|yet|y|pero|aunque) (?:it|its|it s|this|that|they"
                                r"|theyre|she|he|i|im|i m|ive|we|it ll|itll|se|me|parece|pinta)\b")
"""A coordinated clause with its own subject ("haven't watched the third but it sounds fun", "no la vi pero pinta
bien"): a negated "seen" before it does not reach the verdict it holds."""


_COUNTERFACTUAL = re.compile(r"\b(?:(?:should|could|would|might|must)(?: have| ve|ve|a)|(?:wanted|expected|hoped|meant"
                             r"|supposed|was supposed|were supposed) to)(?: (?:really|totally|been|have been|be))? $")
"""What a film should have been or was expected to be ("which I should have liked", "it could've been great",
"I wanted to love it"): no verdict; the verdict is in what follows ("…, but it annoyed me")."""
_NOT_YET = frozenset({"yet", "todavia", "aun"})
"""With a negator and no verdict word, these say something has not happened yet."""


_FILMS_TOO_OLD = re.compile(r"^(?:(?:but|and|so|well|sorry|honestly|tbh|hmm|nah|no|nope|pero|y|bueno|la verdad) )*"
                            r"(?:qqtitle|the (?:\w+ )?(?:one|ones|movies|films)|all of them|both|todas|todos"
                            r"|(?:these|those|they|theyre|they re|estas|esas|son)\b.* (?:all|both|todas|todos))\b")
"""A clause about a named film or the whole list ("Ronin is too old for us", "these are all too new for me",
"son todas demasiado antiguas"): too old or too new for the person turns them down (rule 6). Said of a
person ("he's too old for cartoons"), or with a bare pronoun that may point at one film or the list ("those
are too new for us" after a remark on one listed film), it stays a relative era and no verdict
(``clauses.ERA_WORDS``)."""


class Polarity(NamedTuple):
    """A clause's verdict: +1 / -1 / 0, whether it says "seen", the token where the verdict starts,
    and whether its "no verdict" is on purpose (a second reader must not give it one).
    """

    polarity: int
    seen: bool
    scope: int
    settled: bool = False
    films_only: bool = False
    """The "no verdict" is about the films of the clause only ("never seen a good western", "can't find
    a decent horror film"): a genre there is still asked for."""


_ANSWER_NO = frozenset("no nah nope naw".split())
_ANSWER_WORDS = _ANSWER_NO | frozenset("yes yeah yep yup si".split())
_ANSWER_SUBJECTS = frozenset("i im ive id ill we were weve wed it its thats that they theyre".split())
"""A refusal word that opens a clause before one of these subjects and a negated verdict answers on its
own ("nah I don't want that", "no it's not good")."""
_GROUP_NEGATORS = frozenset("none neither ninguna ninguno ningun nada".split())
"""Negators that refuse a group ("none of those"): after a refusal word they repeat it, not negate it."""


def _after_answer(ckeys: list[str], language: str, scoping: set[int] | None, question: bool) -> Polarity:
    """The clause read without the answer word that opens it ("nah", "yes"), its scope counted from the clause."""
    rest = clause_polarity(ckeys[1:], language, {j - 1 for j in scoping or () if j}, question)
    return rest._replace(scope=rest.scope + 1 if rest.scope else 0)


def clause_polarity(ckeys: list[str], language: str, scoping: set[int] | None = None,
                    question: bool = False) -> Polarity:
    """+1 like, -1 dislike, 0 neutral; whether the clause says "seen"; where polarity starts; and
    whether "no verdict" was read on purpose (``settled``: "I don't hate rom-coms").

    A bare negation ("no horror", "a comedy that isn't dumb") covers only what follows it; in a
    question, the negator of a negated ask ("don't you have any westerns?") is no negation.
    """
    text = " ".join(ckeys)
    if _LENGTH_LIMIT.search(text) and not lexicon.POSITIVE.search(text) and not lexicon.NEGATIVE.search(text):
        return Polarity(0, False, 0, settled=True)  # "it can't be super long": a limit on length, no verdict
    reaffirmed = _REAFFIRMED.search(text)
    if reaffirmed and reaffirmed.start():  # "westerns aren't for me and never will be": the verdict said again
        said = text[:reaffirmed.start()]
        kept = said.split()
        if lexicon.POSITIVE.search(said) or lexicon.NEGATIVE.search(said):
            return clause_polarity(kept, language, {j for j in scoping or () if j < len(kept)}, question)
    if len(ckeys) >= 3 and ckeys[0] in _ANSWER_NO and ckeys[1] in _ANSWER_SUBJECTS and language != "es" \
            and lexicon.NEGATORS & set(ckeys[2:]):
        # "nah I don't want either", "no it's not good": the answer is a reply of its own, not a negator
        # cancelling the negation after it; with no verdict after it, it is the refusal it was ("nah I'm
        # good" declines as before)
        rest = _after_answer(ckeys, language, scoping, question)
        if rest.polarity or rest.seen or rest.settled:
            return rest
    if len(ckeys) >= 2 and ckeys[0] in _ANSWER_WORDS and lexicon.SEEN.search(rest_text := " ".join(ckeys[1:])) \
            and not lexicon.POSITIVE.search(rest_text) and not lexicon.NEGATIVE.search(rest_text):
        return _after_answer(ckeys, language, scoping, question)  # "nah havent seen it", "yes seen it": no verdict
    asks = conditions.asking_negators(text) if question else []
    found = [(m.start(), m.end(), sign) for regex, sign in
             ((lexicon.POSITIVE, 1), (lexicon.NEGATIVE, -1)) for m in regex.finditer(text)
             if not comparisons.comparison_like(text, m.start(), m.end())
             and not (m.group() == "best" and text[:m.start()].endswith("at "))]  # "mid at best"
    found += [(m.start(), m.end(), -1) for m in clause_rules.EXCESS.finditer(text)
              if not lexicon.POSITIVE.fullmatch(m.group("adj"))  # "too silly", not "too good"
              and (m.group("adj") not in clause_rules.ERA_WORDS or _FILMS_TOO_OLD.match(text[:m.end()]))]
    found = [f for f in found
             if not _COUNTERFACTUAL.search(text[:f[0]]) and not lexicon.CHARACTER_AFTER.match(text, f[1])]
    longing = familiarity.unrejecting_spans(text)
    if any(text[s:e] not in _REQUEST_WORDS for s, e, _ in found):
        found = [f for f in found if text[f[0]:f[1]] not in _REQUEST_WORDS]  # "replace the second one please"
    spans: list[tuple[int, int, int]] = []
    for start, end, sign in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if not any(s < end and start < e for s, e, _ in spans):
            spans.append((start, end, sign))
    negators, pos, first_negator = 0, 0, -1
    quantifiers = 0  # "none", "neither", "ninguna": a group refused, no negation of a verdict before it
    negator_at = -1
    neither_nor = False
    unseeing: list[int] = []  # where the negators of "seen" are ("good comedies I haven't seen")
    for j, k in enumerate(ckeys):
        if j in (scoping or ()):
            pos += len(k) + 1
            continue
        concord = (language == "es" and k in clause_rules.CONCORD and "no" in ckeys[:j])
        correlative = k == "nor" and negators > 0  # "neither X nor Y", "I don't like X nor Y": one no
        neither_nor = neither_nor or correlative
        concord = concord or correlative
        polite = any(s <= pos < e for s, e in asks) or (
            k == "except" and any(e <= pos for _, e, _ in spans))  # "I'd rather watch X than be scared"
        polite = polite or any(s <= pos < e for s, e in longing)  # "hace mucho que no veo…", "no hace falta"
        polite = polite or _not_knowing(ckeys, j)  # "a musical I might not know", "no la conocía y me encantó"
        failed = k in _FAILED and ckeys[j + 1:j + 2] == ["to"] and ckeys[j + 2:j + 3] != [] \
            and ckeys[j + 2] in verdict_words.FAILED_TO_NEGATED  # "failed to bore me": the complaint negated
        failed = failed or rhetorical_who(ckeys, j)  # "who could dislike Heat?": nobody could
        failed = failed or (k == "less" and ckeys[j + 1:j + 2] == ["than"] and j > 0
                            and ckeys[j - 1] in _LESS_THAN_LEADS)  # "anything less than great": not great
        if (k in lexicon.NEGATORS or k == "except" or failed) and not concord and not polite:
            if not any(s <= pos < e for s, e, _ in spans):
                negators += 1
                if _negates_seeing(ckeys, j):
                    unseeing.append(pos)
                quantifiers += k in _GROUP_NEGATORS
                if first_negator < 0:
                    first_negator = text[:pos].count(" ")
                    negator_at = pos
        pos += len(k) + 1
    said_seen = familiarity.says_seen(text, longing)
    seen = said_seen and negators % 2 == 0  # "haven't seen any of them" is neither seen nor a verdict
    if said_seen and not seen and not spans:
        # "never seen the last two", "Fargo no la he visto": not having seen a film is no verdict, and
        # a second reader must not find one in the rest of the sentence ("…, is it good?")
        return Polarity(0, False, 0, settled=True, films_only=True)
    if not spans:
        if said_seen or not negators:
            return Polarity(0, seen, 0)
        if negators == 2 and _cancelled(ckeys):
            return Polarity(1, False, 0)  # "never not in the mood for sci-fi", "I can't not watch westerns"
        tail = [k for k in ckeys[first_negator + 1:] if k not in FILLERS]
        verb = next((k for k in tail if k not in clause_rules.CLITICS and k not in {"really", "even"}), "")
        if verb in familiarity.KNOWING:
            return Polarity(0, False, 0)  # "no la conocía", "I didn't know this one": new to them, no verdict
        if _NOT_YET & set(ckeys):
            # "haven't got round to the third yet", "la última todavía no": not done yet, no verdict
            return Polarity(0, False, 0, settled=True, films_only=True)
        if familiarity.finding(tail, verb, ckeys[first_negator]):
            # "can't find the second one anywhere", "la segunda no la encuentro": where to watch it, no verdict
            return Polarity(0, False, 0, settled=True, films_only=True)
        verbal = bool(tail) and tail[0] in clause_rules.CLITICS  # "la 4 ni me la menciones": object first
        verbal = verbal or _fronted_film(ckeys, first_negator)  # "The second I never much cared for"
        verbal = verbal or ckeys[first_negator] in _FAILED  # "the third failed to grab me": a verb, negated
        return Polarity(-1, False, first_negator if tail and not verbal else 0)  # "the second, no" covers all
    blind = sum(not _unseeing_reach(text, spans, at) for at in unseeing) if spans else 0
    if blind:
        # the films are new to them; the verdict is on the films asked for, not negated
        negators -= blind
        if not negators and said_seen:
            return Polarity(1 if (sum(sign for _, _, sign in spans) or spans[-1][2]) > 0 else -1, False, 0)
    words = [f for f in spans if text[f[0]:f[1]] not in _EMOJI_KEYS]
    if not words:
        # "none of these 🙄": an emoji is the writer's own reaction, no predicate a negator flips
        return Polarity(1 if (sum(sign for _, _, sign in spans) or spans[-1][2]) > 0 else -1, False, 0)
    spans = words  # "didn't like the first 👎": the words' verdict, negated, is the one the emoji agrees with
    spans = _without_attributes(text, spans)
    if neither_nor and {1, -1} <= {sign for _, _, sign in spans}:
        return Polarity(0, False, 0, settled=True)  # "neither good nor bad": indifference, no verdict
    score = sum(sign for _, _, sign in spans) or spans[-1][2]
    polarity = 1 if score > 0 else -1
    if negators % 2 == 1 and polarity < 0 and quantifiers == negators and all(e <= negator_at for _, e, _ in spans):
        return Polarity(-1, False, 0)  # "nah, none of those", "pass, ninguna": refusal twice, no double negative
    if negators % 2 == 1:
        if all(clause_rules.AVERSION.fullmatch(text[s:e]) for s, e, _ in spans):
            if _nobody(ckeys, first_negator):
                return Polarity(1, False, 0)  # "nobody dislikes Hook", "no one here hates Jaws": everyone likes it
            return Polarity(0, False, 0, settled=True)  # "I don't hate rom-coms", "no odio el terror": no like
        polarity = -polarity
    return Polarity(polarity, False, 0)


_LENGTH_LIMIT = re.compile(
    r"^(?:(?:but|and|just|though|although|only) )*(?:it|they|that|this|the \w+|qqtitle)"
    r" (?:cant|cannot|can not|shouldnt|should not|mustnt|must not|wont|will not|cant really) be"
    r" (?:too |super |very |that |so |really |overly |crazy |insanely |massively )?(?:long|lengthy"
    r"|over (?:\w+ ){1,2}(?:hours?|hrs?|minutes?|mins?)|more than (?:\w+ ){1,2}(?:hours?|hrs?|minutes?|mins?))"
    r"(?: (?:though|tho|either|because .*|cos .*|bc .*|as .*|since .*))?$")
"""A limit on a film's length said of the film asked for ("it can't be super long bc I have practice"):
a constraint, no verdict on what "it" stands for."""
_REAFFIRMED = re.compile(
    r"(?:^| )(?:and |but |,)?(?:(?:i|we|they|it|he|she|that|those|these) )?(?:never|always|still|forever)"
    r"(?: (?:will|would|did|do|does|was|were|have|has|had|shall|ll|ve|wont|didnt))+(?: be| been| have| do)?"
    r"(?: (?:either|too|tbh|lol|honestly|though|tho))*$")
"""A verdict said again by an ellipsis closing its clause ("… and never will be", "… and always will",
"…, they never were"): it repeats the verdict, so its "never" negates nothing and its "always" praises
nothing."""

_FAILED = frozenset("fail fails failed failing".split())
"""Before "to" and a complaint (``verdict_words.FAILED_TO_NEGATED``), a negator of it: "failed to bore me"."""
_ATTRIBUTES = frozenset("good great nice decent solid fun proper".split())


def _without_attributes(text: str, spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The verdict spans without an adjective that only describes what is asked for ("I'd hardly turn my nose
    up at a good western": "good" is part of the object, the verdict is the verb's), when a verdict of the
    other sign is there to judge.
    """
    def attribute(s: int, e: int) -> bool:
        return text[s:e] in _ATTRIBUTES and text[:s].rstrip().rsplit(" ", 1)[-1] in {"a", "an", "some", "any"} \
            and e < len(text)
    kept = [f for f in spans if not attribute(f[0], f[1])]
    return kept if kept and {sign for _, _, sign in kept} != {sign for _, _, sign in spans} else spans


def _nobody(ckeys: list[str], negator: int) -> bool:
    """Whether the clause's negator is a subject that denies everyone ("nobody", "no one", a rhetorical
    "who could"): with a verb of aversion it says everyone likes the film ("nobody in this house dislikes
    Hook", "who could hate Ronin"), which a speaker's own "I don't hate it" does not. (Spanish "nadie" is
    no negator of the lexicon.)
    """
    return 0 <= negator < len(ckeys) and (ckeys[negator] == "nobody" or ckeys[negator:negator + 2]
                                          == ["no", "one"] or rhetorical_who(ckeys, negator))


_WHO_LEADS = frozenset("and but so honestly seriously i mean like come on lol i ask you".split())
_WHO_HEDGES = re.compile(r"^(?:(?:on earth|in (?:their|his|her|your) right mind|the hell|ever|possibly|really|actually"
                         r"|honestly) )+")
_WHO_MODALS = frozenset("could can doesnt dont wouldnt couldnt cant didnt".split())
"""(a plain "who would enjoy it, my dad or my mum?" asks who; "who in their right mind would…" does not)"""
_LESS_THAN_LEADS = frozenset("anything nothing something bit little way much far".split())


def rhetorical_who(ckeys: list[str], j: int) -> bool:
    """A "who" that opens its clause and asks who could or would do something ("who could dislike Heat?",
    "who on earth doesn't love Jaws"): a question that answers itself with "nobody", so it negates the
    verdict after it. A plain "who" question ("who directed it?", "who likes westerns here?") does not.
    """
    if ckeys[j:j + 1] != ["who"] or any(k not in _WHO_LEADS for k in ckeys[:j]):
        return False
    after = " ".join(ckeys[j + 1:j + 8]) + " "
    hedge = _WHO_HEDGES.match(after)
    rest = after[hedge.end() if hedge else 0:].split()
    return bool(rest) and (rest[0] in _WHO_MODALS or hedge is not None and rest[0] == "would")


def _fronted_film(ckeys: list[str], negator: int) -> bool:
    """Whether the clause opens with a film put before its subject and a negated verb of liking ("the second
    I never cared for", "Heat we didn't get into"): the negation covers the film before it. Other verbs
    ("the other two we haven't tried", "Hook I don't remember") judge nothing.
    """
    verb = next((k for k in ckeys[negator + 1:] if k not in _DEGREE_BEFORE_VERB), "")
    return negator >= 2 and ckeys[negator - 1] in {"i", "we"} and verb in _LIKING_VERBS and (
        ckeys[0] in {"the", "qqtitle", "that", "this", "number"} or ckeys[0] in lexicon.ORDINALS
        or ckeys[0] in lexicon.LAST_WORDS)


_LIKING_VERBS = frozenset("care cared like liked love loved enjoy enjoyed get got dig dug rate rated fancy fancied "
                          "warm warmed".split())
_DEGREE_BEFORE_VERB = frozenset("much really ever quite even particularly truly all that so".split())


_EMOJI_KEYS = frozenset({"qqgood", "qqbad"})
"""What emoji and emoticons with a verdict become among the keys (``emoji_verdicts``)."""

_VERB_NEGATORS = frozenset("never cant cannot couldnt dont doesnt didnt wont wouldnt isnt arent wasnt".split())


def _cancelled(ckeys: list[str]) -> bool:
    """Whether the clause's two negators cancel: a verb's negator, or "not", right before "not" ("never
    not", "can't not", "I'm not NOT feeling it"); a refusal repeated ("no, not horror", "nope not that") is
    no such pair.
    """
    return any(k in _VERB_NEGATORS | {"not"} and ckeys[j + 1] == "not" for j, k in enumerate(ckeys[:-1]))


def _genre_at(by_pos: dict[int, _Ref], m: int) -> bool:
    """Whether a genre's phrase starts at ``m`` ("del oeste" starts at "del")."""
    return m in by_pos and bool(by_pos[m].genres)


def nominal_scope(ckeys: list[str], lo: int, refs: list[_Ref]) -> tuple[set[int], set[int]]:
    """Positions of references rejected by a negator right before them.

    "sin terror", "no horror", "zero romance", "nada de drama", "ni el drama ni el terror", "not the
    third one", "anything except westerns": the negator scopes the noun phrase that follows it (a
    genre and the genre word right after it, and phrases joined to it by "or"/"ni"/"nor"), not the
    whole clause. A negator followed by a verb ("I don't like X", "no me gusta X") is left to the
    clause polarity.
    Returns the absolute positions of the rejected references and the clause-relative
    positions of the negators that scope them (those do not flip the clause).
    """
    by_pos = {r.pos - lo: r for r in refs if r.items or r.genres}
    rejected: set[int] = set()
    scoping: set[int] = set()
    for j, k in enumerate(ckeys):
        if k == "except":  # "except X and Y", "rather than (sit through) another X": to the clause end …
            apart: set[int] = set()
            for p in sorted(p for p in by_pos if p > j):
                items = set(by_pos[p].items)
                if apart and len(items) > 1 and apart <= items:
                    break  # … or to the group it is set apart from: "except Titanic they're all great"
                scoping.add(j)
                rejected.add(p + lo)
                apart |= items
            continue
        if k not in lexicon.NOMINAL_NEGATORS:
            continue
        m = j + 1
        while m < len(ckeys) and ckeys[m] in lexicon.SCOPE_SKIP and not _genre_at(by_pos, m):
            m += 1  # a genre's phrase may open with a skipped word: "del oeste"
        while m in by_pos:
            scoping.add(j)
            rejected.add(m + lo)
            m += 1
            while m < len(ckeys) and ckeys[m] == "qqtitle" and m not in by_pos:
                m += 1
            if m in by_pos and m - 1 in by_pos and by_pos[m].genres and by_pos[m - 1].genres:
                continue  # "menos comedia romántica", "no romantic comedies": the second genre word is the same phrase
            if m < len(ckeys) and ckeys[m] in {"or", "nor", "ni", "o", "and", "y", "neither"}:
                m += 1
                while m < len(ckeys) and (ckeys[m] in lexicon.SCOPE_SKIP or ckeys[m] in {"ni", "no"}) \
                        and not _genre_at(by_pos, m):
                    m += 1
            else:
                break
    return rejected, scoping


_CONTRACTED = frozenset("ve d ll m re s".split())
"""What is left of "I've", "I'd", "I'll", "I'm", "we're", "it's" once split."""
_EXTENT = frozenset("half halfway through hour hours minute minutes mins twice once again quickly immediately early "
                    "hora horas minuto minutos mitad rato enseguida".split())
"""How far or how soon, no object: "Titanic? Bailed after an hour" is still a bare verdict."""
_WHEN = frozenset("tonight today tomorrow weekend now later soon hoy manana finde noche every each single time times "
                  "twice again siempre vez veces".split())
"""When it will be watched, or how often, no object: "all three, this weekend 👍" is still a bare verdict on the films
before, as "brilliant every time" is on the one film shown."""
_HEDGE_WORDS = frozenset("kind sort kinda sorta somewhat slightly bit little honestly probably quite rather pretty "
                         "fairly truly absolutely utterly".split())
"""Hedges, no object: "Baby Driver, kind of annoyed me" is still a bare verdict."""


_IMPRESSION = frozenset("sounds sound looks look seems seem suena suenan parece parecen pinta pintan".split())
"""Verbs of an impression, which only carry the verdict after them ("sounds dull", "looks boring", "pinta aburrida")."""


def bare_verdict(ckeys: list[str], seen: bool = False) -> bool:
    """A clause that is only a verdict ("not at all", "definitely", "no tanto"), or only says it
    was seen (``seen``: "already seen", "ya la vi"), with no object of its own ("nada de Disney"
    has one), so it judges the phrase before it.
    """
    text = " ".join(ckeys)
    seen_words = (lexicon.SEEN, familiarity.SEEN_QUALIFIERS) if seen else ()
    spans = [m.span() for regex in (lexicon.POSITIVE, lexicon.NEGATIVE, *seen_words) for m in regex.finditer(text)]
    for start, end in spans:  # all found on the whole clause: "never got into" is not "into" and the rest
        text = text[:start] + " " * (end - start) + text[end:]
    rest = [k for k in text.split() if k not in lexicon.NEGATORS and k not in FILLERS and k not in _CONTRACTED
            and k not in _EXTENT and k not in _WHEN and k not in _HEDGE_WORDS and k not in clause_rules.VERDICT_WORDS
            and k not in lexicon.EN_STOPWORDS and k not in lexicon.ES_STOPWORDS and k != "qqmask"
            and k not in _IMPRESSION]
    return not rest


_REFERENCE_WORDS = frozenset({"one", "ones", "qqtitle", "qqmask", "but", "pero", "and", "y", "yet", "still",
                              "todavia", "aun", "aunque", "though", "other", "others", "rest", "otra", "otro", "otras",
                              "otros", "resto", "demas", "esas", "esos", "estas", "estos", "esa", "ese", "esta", "este",
                              "those", "these", "them", "ellas", "ellos", "middle", "medio", "centro", "former",
                              "top", "bottom"})


def negation_only(ckeys: list[str]) -> bool:
    """A clause that is a negator and the films it names, nothing else ("not the other two",
    "la tercera no", "but not Fargo"): after "I've seen X" it says which were not seen.
    """
    text = " ".join(ckeys)
    if not any(k in lexicon.NEGATORS for k in ckeys) or lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text):
        return False
    return all(k in lexicon.NEGATORS or k in FILLERS or k in _REFERENCE_WORDS or k in lexicon.ORDINALS
               or k in lexicon.LAST_WORDS or k in lexicon.NUMBER_WORDS or k.isdigit()
               or k in lexicon.EN_STOPWORDS or k in lexicon.ES_STOPWORDS for k in ckeys)


_ELLIPTIC_ASK = re.compile(r"^(?:(?:and|so|but|y|pero) )?(?:(?:the |that |this |la |el |esa |ese )?(?:\w+ ){1,3})?"
                           r"(?:any good|worth it|worth (?:a|the) (?:watch|time)|vale la pena|merece la pena|que tal)$")
"""A question with its verb left out ("…, any good?", "the third any good?", "¿vale la pena?")."""


def films_unjudged(text: str, asking: bool) -> bool:
    """A clause that gives its films no verdict whatever its words: a yes/no question about one
    ("…, is it good?", "¿es buena?"; only in a question), not knowing it ("no idea what that is",
    "no me suena") or a guess ("my wife might like it"). Its genres are still asked for.
    """
    return bool((asking and (clause_rules.YES_NO.match(text + " ") or _ELLIPTIC_ASK.match(text)
                             or clause_rules.ADVICE.match(text)))
                or familiarity.UNFAMILIAR.search(text)
                or clause_rules.MIGHT.search(text) and not text.startswith("who "))  # "who could hate it": nobody
