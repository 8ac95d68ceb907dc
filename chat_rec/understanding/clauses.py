"""Clause patterns of the parser: how a clause relates to its neighbours and what it leaves out.

Lists and links between clauses ("..., Ronin and Collateral", "en cambio"; conditions and
questions are in conditions.py), rejected alternatives ("instead of"), elaborations ("especially
X"), pronouns that gather titles, relative eras ("too old for me"), hedges ("fine I guess").
``parser._Parser`` reads messages with them; patterns are over folded text (``titles.fold``),
like lexicon.py.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any, Literal

from chat_rec.understanding import lexicon

PLURAL_PRONOUNS = {"them", "those", "these", "they", "theyre", "both", "all", "las", "los", "todas", "todos"}
PLURAL_VERDICT = re.compile(r"\b(?:all ?timers|favou?rites|faves|classics|gems|masterpieces|bangers|keepers"
                            r"|favoritas|favoritos|joyas|obras maestras|imprescindibles|peliculones|clasicos)\b")
"""A plural verdict noun after a list ("Heat, Alien, Fargo: all-timers for me") judges the whole list."""
CLITICS = {"me", "te", "se", "la", "lo", "las", "los", "le", "les", "nos", "it", "them"}
GATHERING = {"them", "todas", "todos", "both", "ambas", "ambos"}
"""Pronouns that gather every title listed before them, even in a clause naming titles of its own."""
CONCORD = frozenset("nada nunca ni tampoco ningun ninguna ninguno jamas".split())
"""Spanish negative concord: after "no" these repeat the negation ("no me gusta nada")."""
ELABORATION = re.compile(r"^(?:(?:and |y )?(?:especially|particularly|in particular|above all|mostly|mainly|"
                         r"such as|like|including|even|also|as well as|plus|sobre todo|especialmente|en especial|"
                         r"en particular|"
                         r"como|tipo|incluso|principalmente|tambien|ademas)\b|(?:\w+ ){1,4}(?:especially|in particular|"
                         r"above all|too|as well|sobre todo|especialmente|en especial|tambien|included|"
                         r"incluida|incluido|incluidas|incluidos)$)")
"""A clause that names examples of the clause before it takes its verdict ("..., especially X",
"..., X especially", "..., y también X", "..., X included")."""
VERDICT_WORDS = frozenset("at all anymore either really much ever again honestly tho though lol thanks so "
                          "for me mi para nada tampoco mucho oh ooh ah hell heck god omg gosh man dude jeez tbh imo "
                          "dios madre mia uf uff buf jaja jajaja lmao total totally complete completely absolute "
                          "utter utterly pure puro pura such re super".split())
"""Words that may fill a bare verdict clause ("not at all", "not for me either", "para nada"), and the
interjections, expletives and intensifiers that only strengthen one ("oh yes", "hell no", "uf, no",
"total snoozefest", "pura miel")."""
DISCOURSE = re.compile(r"(?:and |y )?(?:en cambio|por otro lado|por otra parte|sin embargo|de todas formas|"
                       r"eso si|la verdad|por mi parte|personalmente|on the other hand|in contrast|by contrast|"
                       r"honestly|to be honest|tbh|personally|for my part|then again|meanwhile|instead|"
                       r"(?:and )?(?:stuff|things|movies|films|ones|that kind of thing|cosas|pelis|peliculas)"
                       r"(?: like| como| asi| de ese estilo)?(?: (?:that|this|those|these|esas|esos|esa|ese))?|"
                       r"(?:and so on|etc|etcetera|y demas|y todo eso))")
"""A clause that only links two others ("El western, en cambio, no me llama nada") or closes a list
("..., stuff like that, ...") is skipped, so the verdict after it still reaches the phrase before it."""
FACT_QUESTION = re.compile(r"^(?:is|was|are|were|does|did|has|is it|es|fue|era|tiene|sale) \w*\s*qqtitle")
"""A yes/no question about a named film ("Is Heat a crime movie?") judges nothing (rule 7)."""
ABOUT_A_FILM = re.compile(r"^qqtitle (?:is|was|es|fue|era|tiene|sale|da|hace)\b")
"""A question whose subject is a named film ("¿Speed es de acción?"): it asks about that film, not for
new picks (its verdict words, if any, still count)."""

LUKEWARM = re.compile(r"\b(?:fine|ok|okay|alright|decent|not bad|passable|watchable|bien|aceptable|pasable)"
                      r" (?:i guess|i suppose|ish|supongo|sin mas|y ya)\b|\bmeh i guess\b"
                      r"|\bnothing special\b|\bnada (?:especial|del otro mundo)\b|\bni fu ni fa\b"
                      r"|\bni (?:me|nos|le|les) va ni (?:me|nos|le|les) viene\b"
                      r"|\b(?:(?:me|nos|le|les) (?:da|dan|daba) (?:igual|lo mismo)\b"
                      r"(?! (?:el|la|los|las|que|si|mientras))"
                      r"|(?:could|can) take (?:it |them )?or leave(?: it| them)?)"
                      r"|\b(?:no|ninguna|ninguno|nada) (?:\w+ ){0,3}del todo\b"
                      r"|\bnot (?:\w+ )?(?:entirely|completely|fully|totally|quite|100)"
                      r" (?:sold|convinced|on board|into)\b")
"""A weak positive hedged ("fine I guess", "bien, sin más"), or indifference ("ni me va ni me viene",
"me da igual", "I can take it or leave it"), or a verdict hedged to "not entirely" ("no me convence del
todo", "not entirely sold on it"): no verdict."""

_WEAK_PRAISE = re.compile(r"\b(?:fine|ok|okay|alright|all right|decent|not bad|passable|watchable|bien|aceptable"
                          r"|pasable|no esta mal|no estuvo mal)\b")


def conceded(text: str) -> bool:
    """Whether the clause's only praise is weak ("fine", "ok", "decent"): before a "but" it concedes
    a point and gives no verdict ("Heat is fine but I've seen it twice", "la primera está bien pero
    ya la vi").
    """
    return bool(_WEAK_PRAISE.search(text)) and not lexicon.POSITIVE.search(_WEAK_PRAISE.sub(" ", text))
UNSURE = re.compile(r"\b(?:(?:not|never) (?:so |too |really |quite )?sure|unsure|undecided|on the fence"
                    r"|torn (?:on|about)"
                    r"|(?:dont|do not|didnt|did not) (?:really )?know (?:what|how|if|whether)"
                    r"|no (?:estoy|estaba|estoy muy|estoy del todo) segur[oa]s?|no (?:se|sabia|sabria) (?:que|si|como)"
                    r"|no lo tengo claro|no tengo claro|ni idea de (?:que|si))\b")
"""Doubt about one's own verdict ("not sure what I think of it", "no sé qué pensar"): no verdict,
and the negator in it rejects nothing."""
EXCESS = re.compile(r"\b(?:is|was|are|were|s|felt|feels|seemed|seems|looks|looked|got|gets|bit|little|way|far|just"
                    r"|much|es|fue|era|son|eran|parece|parecio|resulto|poco|algo|muy) "
                    r"(?:too|demasiado|demasiada|demasiados|demasiadas) (?P<adj>\w+)")
"""Too much of something is a complaint ("the gremlins one is too silly", "es demasiado larga"),
unless what there is too much of is itself praise ("too good to miss")."""
ERA_WORDS = frozenset("old older new newer recent modern antiguo antigua antiguos antiguas viejo vieja viejos viejas "
                      "nuevo nueva nuevos nuevas reciente recientes moderno moderna modernos modernas".split())
"""Too old or too new is about when a film was made, not a verdict on it (``relative_era`` reads it)."""
LONGING = re.compile(r"\b(?:hace (?:mucho|tiempo|anos|siglos|una eternidad|meses)(?: (?:tiempo|ya))? que no"
                     r"|(?:havent|have not|hasnt|has not|not) (?:\w+ ){1,5}(?:in|for) (?:ages|years|a while|so long"
                     r"|forever|a long time|months))\b")
"""Missing something ("hace mucho que no veo un buen thriller", "haven't seen a good western in
ages"): the negation says how long it has been, it rejects nothing."""
NO_NEED = re.compile(r"\b(?:no hace falta|no es necesario|no need(?: to| for)?"
                     r"|(?:you )?(?:dont|do not) (?:need|have) to|(?:dont|do not) bother|no te molestes)\b")
"""Sparing the other an effort ("ya la vi, no hace falta que me la recomiendes", "no need to suggest
it again"): the negator rejects nothing."""
RETRACT_LEADS = frozenset({"actually", "oh", "ok", "okay", "no", "wait", "bueno", "mejor", "pensandolo bien"})
RETRACT = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS)) + r") )*(?:never ?mind|forget (?:it|that)"
                     r"|scratch that|ignore that|olvidalo|olvida eso|mejor no|da igual)\b")
"""Taking back the sentence before ("Actually, never mind, I just want a western"): what it asked for
is dropped, not turned into a rejection."""
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

UNFAMILIAR = re.compile(r"\b(?:no idea (?:what|about)|never heard of|(?:dont|doesnt|didnt|do not|does not|none of \w+) "
                        r"(?:really )?rings? a bell|rings? no bells?|not familiar with|unfamiliar|no me suenan?"
                        r"|ni idea de (?:cual|cuales|que es|que son|quien)|ni me suena|no (?:la|lo|las|los) conozco"
                        r"|no conozco|(?:dont|do not|didnt|did not) know (?:it|that one|this one|them|those|these"
                        r"|what (?:it|that) is|anything about (?:it|them))|i (?:dont|do not) know$"
                        r"|know nothing (?:about|of)|no (?:se|sabemos|sabia) nada)\b")
"""Not knowing a film ("no idea what that is", "none of them ring a bell", "no me suena"): no verdict,
and the negator in it rejects nothing."""
ALTERNATIVES = [a.split() for a in ("instead of", "rather than", "en vez de", "en lugar de", "antes que")]


_PREFER = frozenset({"prefer", "prefers", "preferred"})
_VERBS_AFTER_TO = frozenset("watch see be have go do keep stay rewatch try start get stick avoid skip".split())


_VERB_NEGATORS = frozenset("dont didnt doesnt wont wouldnt cant couldnt isnt wasnt arent".split())
_AFFIRMING = re.compile(r"\b(?:i (?:wont|will not|cant|cannot|can not) deny(?: that)?|no (?:voy a negar|puedo negar"
                        r"|niego|te voy a negar|te niego)(?: que)?)\b")
_LYING_IF = re.compile(r"\b(?:(?:id|i d|i would) be lying if i (?:said|told you)(?: that)?"
                       r"|mentiria si (?:dijera|digo|te dijera) que)\b")
""""I'd be lying if I said…", "mentiría si dijera que…": the frame denies what follows, so with a negator
there ("…I didn't laugh") it affirms, and without one ("…I loved it") it is a negator itself."""
"""Frames that assert what follows ("I can't deny that…", "no voy a negar que…")."""
_I_NOT = (r"(?:(?:here|there|in (?:this|that|the) list|on (?:this|that|the) list|aqui|ahi) )?(?:that )?(?:i|we)"
          r" (?:dont|didnt|wouldnt|do not|did not|would not)")
_OF_GROUP = (r"(?:(?:of|among) (?:those|these|them|the) (?:(?:two|three|four|five) )?"
             r"|de (?:esas|estas|esos|estos|las|los) (?:(?:dos|tres|cuatro|cinco) )?)?")
_NONE_NOT = re.compile(r"\b(?:no (?:hay|encuentro|veo|tengo|encontre) (?:ni )?(?:una|uno|ninguna|ninguno)"
                       r" (?:sola |solo )?" + _OF_GROUP + r"que no"
                       r"|(?:(?:there s|theres|there is|there) (?:not|no|none)|there isnt|there is not)"
                       r" (?:a single |one )?(?:one )?" + _OF_GROUP + _I_NOT
                       + r"|not (?:a single )?one " + _OF_GROUP + _I_NOT + r")\b")
""""No hay ni una que no me apetezca", "not one of those three I didn't love", "no encuentro una sola de
esas tres que no me haya gustado": every listed film, affirmed."""


def unmark_double_negation(keys: list[str]) -> list[str]:
    """Two negations that cancel are masked: "I don't NOT want a comedy", "it's not that I don't
    like westerns", "no es que no me gusten": what is left reads as the affirmation it is.
    """
    out = list(keys)
    text = " ".join(out)
    for m in _AFFIRMING.finditer(text):  # "I won't deny the second didn't bore me": the frame affirms
        first = text[:m.start()].count(" ")
        for j in range(first, first + m.group().count(" ") + 1):
            out[j] = "qqmask"
    for m in _LYING_IF.finditer(text):
        first = text[:m.start()].count(" ")
        words = m.group().count(" ") + 1
        after = range(first + words, min(len(out), first + words + 4))
        second = next((j for j in after if out[j] in lexicon.NEGATORS), None)
        out[first:first + words] = ["qqmask" if second is not None else "not"] + ["qqmask"] * (words - 1)
        if second is not None:
            out[second] = "qqmask"  # "I'd be lying if I said I didn't laugh": I laughed
    for m in _NONE_NOT.finditer(text):  # "no hay ni una que no me apetezca": every one of them
        first = text[:m.start()].count(" ")
        words = m.group().count(" ") + 1
        out[first:first + words] = ["todas", "qqgood"] + ["qqmask"] * (words - 2)
    for i, k in enumerate(out):
        if k in _VERB_NEGATORS and out[i + 1:i + 2] == ["not"]:
            out[i] = out[i + 1] = "qqmask"  # "don't NOT want"
        elif (k == "not" and out[i + 1:i + 2] == ["that"]) or (k == "no" and out[i + 1:i + 3] in (
                ["es", "que"], ["era", "que"])):
            lead = 2 if k == "not" else 3
            window = range(i + lead, min(len(out), i + lead + 3))
            second = next((j for j in window if out[j] in lexicon.NEGATORS), None)
            if second is not None:
                for j in (*range(i, i + lead), second):
                    out[j] = "qqmask"  # "not that I don't…", "no es que no…"
            elif k == "no" or out[i + 2:i + 3] in (["i"], ["we"], ["it"], ["im"], ["i m"]):
                out[i:i + lead] = ["qqshrug"] + ["qqmask"] * (lead - 1)  # "not that I disliked it": no verdict
    return out


def mark_alternatives(keys: list[str]) -> list[str]:
    """"a war movie instead of / rather than another rom-com", "I'd rather watch X than Y", "I
    prefer X to Y": what comes after is rejected, like after "except" (which the clause reader
    scopes to the phrase).
    """
    out = list(keys)
    for i in range(len(out)):
        for words in ALTERNATIVES:
            if out[i:i + len(words)] == words:
                out[i] = "except"
                for j in range(i + 1, i + len(words)):
                    out[j] = "qqmask"
        if out[i] == "than" and {"rather", "sooner"} & set(out[max(0, i - 8):i]):
            out[i] = "except"
        if out[i] in {"to", "over"} and i + 1 < len(out) and out[i + 1] not in _VERBS_AFTER_TO \
                and _PREFER & set(out[max(0, i - 6):i - 1]):
            out[i] = "except"  # "I prefer Heat to / over Fargo" (not "I prefer to watch …")
    return out


CLEFT = re.compile(r"^(?:but |and |y |pero )?what (?:i|we) (?:really |actually |honestly |truly )?(?:loved|liked"
                   r"|enjoyed|adored|hated|disliked) (?:the )?(?:most )?(?:was|is|were|are) \w"
                   r"|^(?:but |and )?the one (?:i|we) (?:really |actually )?(?:loved|liked|enjoyed|hated) (?:most )?"
                   r"(?:was|is) \w"
                   r"|\b(?:lo|la|el) que (?:mas |menos )?(?:me|nos) (?:gusto|gustaron|encanto|encantaron|gusta|encanta"
                   r"|flipo|molo) (?:fue|es|fueron|son) \w")
"""A cleft ("what I loved was …", "lo que más me gustó fue …"): the verdict is on what follows the
copula; when that names no film the parser reads, the verdict goes to nothing said before."""
PRO_DROP = re.compile(r"^(?:qqbad |qqgood )?(?:y |pero |aunque |la verdad |sinceramente )?(?:a mi |a nosotros )?"
                      r"(?:no )?(?:(?:me|nos) \w+"
                      r"|(?:es|fue|era|esta|estuvo|son|fueron|eran) \w+)")
"""A Spanish clause that opens with its verdict verb (or a copula: "es una maravilla") has the film
before as its subject."""
YES_NO = re.compile(r"^(?:and |so |but |y |pero |o )?(?:(?:is|was|are|were|isnt|wasnt|arent|will|does|did|doesnt"
                    r"|didnt|would) (?:it|that|this|they|those|these|qqtitle|the \w+)"
                    r"|(?:qqtitle )?(?:es|fue|era|son|esta|estan|vale|merece|sera|seria)) ")
"""A yes/no question about a film ("…, is it good?", "¿es buena?", "was the second one scary?"): it
asks what the film is like and gives no verdict on it (read only in a sentence ending with "?")."""
CONCESSION = re.compile(r"(?:^|\W )(?:even though|even if|si bien|aun cuando) (?:they|it|those|these"
                        r"|that|them|ellas|ellos|esas|esos|a veces|sometimes)\b")
"""A concession about what was just named ("Romance. Even though they can be so corny."): it grants a
fault without taking the choice back, so it judges nothing."""
WHICH_IS = re.compile(r"^(?:and |so |but |y |pero )?(?:which|cual|cuales) (?:one |of (?:the|them|these|those) "
                      r"|de (?:las|los|estas|estos|esas|esos|ellas|ellos) )?"
                      r"(?:is|was|es|fue|seria|would be|da|te)\b")
"""A question asking which film ranks higher ("which is better?", "¿cuál es mejor?"): it judges none."""
ASKING_YOU = re.compile(
    r"^(?:and |so |but |y |pero |o )?(?:(?:do|did|would|have|dont|didnt) (?:you|u|ya) (?:\w+ )?(?:like|love|enjoy|dig"
    r"|hate|prefer|seen|watched|have a favou?rite)|(?:a ti |a usted )?(?:te|le) (?:gusta|gustan|gusto|gustaron|encanta"
    r"|encantan|van)|(?:has|habeis|ha) visto)\b")
"""A question about the assistant's own taste ("do you like horror?", "¿te gustan las de terror?", "have you
seen Heat?"): small talk, no verdict and no request (read only in a sentence ending with "?")."""
LIST_AS_SUBJECT = re.compile(
    r"\b(?:these|those|estas|estos|esas|esos)\b(?! (?:kinds?|types?|sorts?|days?|times?|dias|tipos?|years?|anos)\b)"
    r"|^(?:y |pero |la verdad |sinceramente |uf |mm+ |hmm+ )?no (?:me|nos) (?:\w+(?:an|en)|dicen|llaman|convencen"
    r"|atraen|gustaron|convencieron|llamaron)\b")
"""The offered films as a whole, named by a plural demonstrative ("these aren't for me", "not in the mood
for those") or by a Spanish plural verb with no subject ("no me convencen"): a rejection of them all
(rule 6) when the message names nothing else."""
EXCEPTION = re.compile(r"\b(?:(?:is|s|was|being|are|were) (?:the|an|one) exception|(?:es|fue|son) (?:la|una) excepcion"
                       r"|(?:la|una) excepcion (?:es|fue|son))\b")
"""An exception to the verdict just given ("not a fan of Wes Anderson, although Fantastic Mr. Fox is
the exception"): the opposite verdict."""
LIKE_IT = re.compile(r"\b(?:another|more|something|anything|others?|otra|otras|otro|otros|algo|mas)\b.*"
                     r"\b(?:like|como|tipo|parecidas?|parecidos?) (?:it|that|this|that one|this one|esa|ese"
                     r"|esta|este)\b")
NOT_FRAGMENT = frozenset("i we you he she they is was are were have has do did yo tengo es fue".split())
"""Words of a sentence with a subject or verb: not a bare naming ("Titanic?", "the second one?")."""
LIST_WORDS = frozenset("qqtitle and y or o e also too tambien plus the la el los las a an".split())


def list_only(text: str) -> bool:
    """A clause that only continues a list of titles or genres ("..., Ronin and Collateral")."""
    for regex, _ in lexicon.GENRE_RES:
        text = regex.sub(" qqgenre ", text)
    words = text.split()
    return bool(words) and any(w in {"qqtitle", "qqgenre"} for w in words) and all(
        w in LIST_WORDS or w in {"qqgenre", "movies", "films", "pelis", "peliculas"} for w in words)


COORDINATORS = frozenset({"and", "y", "e", "&"})
_OWN_VERB = frozenset("is was were are s felt feels seemed seems looked looks got gets has had made makes left "
                      "leaves gave gives kept bored bores blew rocks rocked sucks sucked remains stays "
                      "es fue era son fueron me nos parecio parece resulto sigue".split())
AVERSION = re.compile(r"hat(?:e|ed|es|ing)|dislik(?:e|ed|es)|odio|odie|detesto|loath\w*")
"""Verbs of aversion: negated ("don't hate", "no odio") they say no verdict, not a like."""

_HARD = frozenset({".", ",", "?", "qqcond"})


_NEW_SUBJECTS = frozenset("i we he she they".split())
"""Subject pronouns that open a clause after "and" ("… bored me and I haven't seen X"); "you" and
Spanish "yo" are left out ("Heat and you know what", "y yo que sé")."""


def _cue(text: str) -> bool:
    return bool(lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text))


_FILM_KIND = re.compile(r"\b(?:movies|films|flicks|peliculas|pelis|anything|stuff|cosas)\b")
"""A kind of film named on the right of "and" ("…and hate long films", "y no soporta las pelis de ahora")."""




def _names_position(words: list[str]) -> bool:
    """Whether words open with a listed film's position ("the third", "la última", "the other")."""
    return len(words) >= 2 and words[0] in {"the", "la", "el", "las", "los"} and (
        words[1] in lexicon.ORDINALS or words[1] in lexicon.LAST_WORDS
        or words[1] in {"other", "others", "otra", "otro", "otras", "otros"})


def splits_coordination(keys: list[str], i: int, start: int) -> bool:
    """Whether "and"/"y" at ``keys[i]`` joins two clauses, each with its own verdict.

    "I loved Heat and hated Ronin", "Arrival was a marvel and Her bored me": the right side has a
    verdict of its own (a cue word besides the left's, or its own title as the subject of a verb),
    or a subject pronoun of its own after a left side that judges a title ("Gravity bored me and I
    haven't seen the last one"), so the left's verdict does not reach it. A list ("Heat and Ronin were
    great") is one clause.
    """
    if keys[i] not in COORDINATORS or i <= start:
        return False
    end = next((j for j in range(i + 1, len(keys)) if keys[j] in _HARD or lexicon.CONTRAST.fullmatch(keys[j])),
               len(keys))
    left, right = " ".join(keys[start:i]), keys[i + 1:end]
    if right and _names_position(right) and _cue(left) and (
            _cue(" ".join(right)) or UNFAMILIAR.search(" ".join(right)) or lexicon.SEEN.search(" ".join(right))):
        return True  # "la segunda me pareció un bodrio y la tercera no la conozco"
    right_text = " ".join(right)
    if right and not list_only(left) and _cue(left) and _cue(right_text) and lexicon.mentions_genre(left) \
            and (lexicon.mentions_genre(right_text) or _FILM_KIND.search(right_text)):
        return True  # "I love westerns and hate musicals", "me encantan los westerns y no soporto los musicales"
    if not right or list_only(left):
        return False
    if len(right) > 1 and right[0] in _NEW_SUBJECTS and _cue(left) and "qqtitle" in keys[start:i]:
        return True  # "Gravity bored me and I haven't seen the last one": a subject of its own, a clause of its own
    if "qqtitle" not in keys[start:end]:
        return False
    j = 0
    while j < len(right) and right[j] == "qqtitle":
        j += 1
    own_subject = 0 < j < len(right) and right[j] in _OWN_VERB
    return own_subject or (_cue(left) and _cue(" ".join(right)))


_EMOJI_NEGATIVE = ("VOMITING", "NAUSEATED", "SLEEPING", "YAWNING", "THUMBS DOWN", "ROLLING EYES", "POUTING",
                   "ANGRY", "UNAMUSED", "WEARY", "TIRED", "PILE OF POO", "BROKEN HEART", "EXPRESSIONLESS",
                   "CONFOUNDED", "DISAPPOINTED", "SYMBOLS ON MOUTH", "RAGE", "CROSS MARK", "NO ENTRY",
                   "MULTIPLICATION X")
_EMOJI_POSITIVE = ("HEART", "SMILING", "GRINNING", "THUMBS UP", "CLAPPING", "FIRE", "HUNDRED POINTS", "STAR",
                   "SPARKLES", "KISS", "BEAMING", "TEARS OF JOY", "PARTY", "TROPHY", "OK HAND", "RAISED HANDS",
                   "CHECK MARK")
_EMOTICONS = re.compile(r"(?<!\S)(?:[:;=]-?[)D\]]+|<3+)(?!\S)|(?<!\S)(?:[:;=]-?[(\[]+)(?!\S)")


@functools.lru_cache(maxsize=4096)
def emoji_polarity(char: str) -> int:
    """+1 / -1 / 0 from an emoji's Unicode name ("FACE WITH OPEN MOUTH VOMITING" is a dislike,
    "SMILING FACE WITH HEART-SHAPED EYES" a like); faces that could go either way ("LOUDLY
    CRYING", "SKULL") say nothing.
    """
    if unicodedata.category(char) != "So":
        return 0
    name = unicodedata.name(char, "")
    if any(word in name for word in _EMOJI_NEGATIVE):
        return -1
    return 1 if any(word in name for word in _EMOJI_POSITIVE) else 0


def emoji_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for emoji and emoticons that carry a verdict: "qqgood" or "qqbad", or that
    withhold one on purpose ("qqshrug", a shrug: no verdict); a run of the same sign is one token
    ("😍😍😍").
    """
    out: list[tuple[int, int, str]] = []
    for m in _EMOTICONS.finditer(text):
        out.append((m.start(), m.end(), "qqbad" if "(" in m.group() or "[" in m.group() else "qqgood"))
    for i, char in enumerate(text):
        sign = emoji_polarity(char) if ord(char) > 0x2000 else 0
        shrug = ord(char) > 0x2000 and "SHRUG" in unicodedata.name(char, "")
        if not sign and not shrug:
            continue
        key = "qqshrug" if shrug else "qqgood" if sign > 0 else "qqbad"
        if out and out[-1][2] == key and not text[out[-1][1]:i].strip(" \ufe0f\u200d"):
            out[-1] = (out[-1][0], i + 1, key)
        else:
            out.append((i, i + 1, key))
    return sorted(out)


_PERCEPTION = frozenset("look looks looked looking sound sounds sounded seem seems seemed feel feels felt".split())


def comparison_like(text: str, start: int, end: int) -> bool:
    """Whether a cue match is the preposition "like" after a verb of seeming ("the others look like
    homework") or any verb in the past ("it dragged like crazy"), or a hedge before a quantity
    ("seen it like five times"): it compares rather than judges.
    """
    if text[start:end] != "like":
        return False
    before = text[:start].split()
    after = text[end:].split()[:2]
    if after[:1] in (["a"], ["an"]):
        after = after[1:]  # "like a hundred times"
    hedge = bool(after) and (after[0].isdigit() or after[0] in _QUANTITIES)  # "seen it like five times"
    # a verb in the past before it never takes "like" as its object: "dragged like crazy", "cried like a baby"
    past = bool(before) and len(before[-1]) > 4 and before[-1].endswith("ed") and before[-1] != "need"
    return hedge or past or (bool(before) and before[-1] in _PERCEPTION)


_QUANTITIES = frozenset("two three four five six seven eight nine ten twenty fifty hundred dozen half "
                        "once twice thrice million thousand".split())


COPULAS = frozenset("is are was were s es son fue fueron era eran parecio parecieron parece parecen seemed seems "
                    "felt feels".split())


_SUBJECTS = frozenset("i im ive id ill we were my yo a me nos mi".split())


def drop_predicate_genres(refs: list[Any], ckeys: list[str], lo: int) -> list[Any]:
    """A kind of film said of a named movie ("Predator and Commando are my favourite action
    flicks", "la segunda me pareció un dramón") describes that movie; it is no verdict on the
    genre. Genre references after a copula that follows a movie of the clause are dropped.
    """
    named = [r.pos for r in refs if r.items]
    if not named:
        return refs
    first = min(named) - lo
    copula = next((j for j in range(first + 1, len(ckeys)) if ckeys[j] in COPULAS), None)
    if copula is None:
        return refs
    # "Heat is a favourite and I'm a sucker for crime dramas": a new subject ends the predicate.
    end = next((j for j in range(copula + 1, len(ckeys) - 1)
                if ckeys[j] in {"and", "y", "but", "pero"} and ckeys[j + 1] in _SUBJECTS), len(ckeys))
    return [r for r in refs if not (r.genres and r.genres != ("described",) and copula < r.pos - lo < end)]


_COMPARATIVES = frozenset("more less mas menos mejor mejores peor peores".split())
_OUTDOES = frozenset("beats outshines trumps supera superan".split())
"""Verbs that rank the subject above what follows ("X beats the other two", "X supera a Y")."""
_PREFER = frozenset("prefer prefers preferred prefiero prefiere preferimos preferi prefieren".split())
_NOT_COMPARATIVE_ER = frozenset("other another either neither never ever over under after together whether "
                                "rather sooner".split())


def compared_from(ckeys: list[str]) -> int | None:
    """Clause position of the "than"/"que" of a comparison ("lighter than Se7en", "more fun than
    X", "algo menos lento que Drive"): the movies after it are yardsticks, judged by nothing in
    the clause. None when the clause compares nothing.
    """
    for j, k in enumerate(ckeys):
        if k in _OUTDOES and j and ckeys[j - 1] not in lexicon.NEGATORS:
            return j  # "the third beats the other two": they are the yardstick
        if k == "over" and 0 < j < len(ckeys) - 1 and ckeys[j - 1] == "qqtitle" \
                and ckeys[j + 1] in {"qqtitle", "the", "la", "el"}:
            return j  # "Heat over Speed any day", "Heat > Speed": the second is the yardstick
        if k in {"to", "a", "over", "antes", "sobre"} and any(w in _PREFER for w in ckeys[:j]) \
                and "qqtitle" in ckeys[max(i for i, w in enumerate(ckeys[:j]) if w in _PREFER):j]:
            return j  # "prefiero Heat a Speed", "I prefer Heat to Speed"
        if k not in {"than", "que"}:
            continue
        before = ckeys[max(0, j - 4):j]
        if any(w in _COMPARATIVES for w in before):
            return j
        if k == "than" and any(len(w) > 4 and w.endswith("er") and w not in _NOT_COMPARATIVE_ER for w in before):
            return j
    return None


_AUXILIARIES = frozenset("did does do was is were has have had too also though tho as well si tambien".split())


def elliptical(ckeys: list[str]) -> bool:
    """A clause that only repeats the last verdict with an auxiliary ("Mulholland Drive did",
    "the first one was"), so it takes that verdict with the last clause's negation undone.
    """
    rest = [k for k in ckeys if k != "qqtitle" and k not in {"the", "one", "first", "second", "third", "last"}]
    return bool(rest) and rest[0] in {"did", "does", "do", "was", "is", "were", "has", "have"} \
        and all(k in _AUXILIARIES for k in rest)


_LIKEWISE = frozenset({"too", "also", "tambien", "igual", "as well", "tmb", "tb", "tmbn", "tambn"})
"""Words that repeat the last verdict, chat spellings of "también" included ("tmb")."""


def likewise(ckeys: list[str]) -> bool:
    """A clause that names a film and only adds "too"/"también" ("Life is Beautiful too."): the
    last verdict again, negation and all.
    """
    text = " ".join(ckeys).replace("as well", "too")
    words = [k for k in text.split() if k not in {"y", "and", "e", "the", "la", "el"}]
    return "qqtitle" in words and bool(set(words) & _LIKEWISE) and set(words) <= {"qqtitle"} | _LIKEWISE


INTERJECTIONS = frozenset("ooh oooh oh ah aah hmm mmm uh um ok okay vale uy ay anda bueno pues well so right "
                          "no nah nope".split())
"""Words that open a reply and say nothing themselves ("Ooh, the second one!"); a "no" alone before a
comma answers the assistant ("No, the second one.") and picks nothing out."""
SKIP_SEEN = re.compile(r"^(?:id |i d |ill |i ll |i will |lets |let s |we can |me )?(?:skip|pass on|salto|paso de)\b"
                       r".*\b(?:since|because|as|cause|cuz|coz|porque|ya que|que)\b.*\b(?:seen|watched|saw|vi|visto"
                       r"|vimos)\b")
"""Passing on a film because it was seen ("I'd skip the first since I've seen it"): seen, no verdict."""
MIGHT = re.compile(r"\b(?:might|may|could) (?:\w+ )?(?:like|love|enjoy|dig|hate|be into)\b"
                   r"|\bpuede que (?:\w+ ){0,3}?(?:le|les|me|nos|te) (?:guste|gusten|encante|encanten)\b"
                   r"|\b(?:le|les|me|nos) (?:podria|podrian) (?:gustar|encantar)\b")
"""A guess about a reaction ("my wife might like it", "puede que le guste"): no verdict on a film."""
NO_VERDICT = re.compile(r"\b(?:qqshrug|nothing against|nada (?:en )?contra|no (?:strong )?(?:feelings|opinion)"
                        r"|no tengo (?:opinion|nada en contra)|(?:ni|no) (?:la (?:mas )?(?:menor|minima) )?idea"
                        r"|no clue|no (?:la|lo|las|los) (?:conozco|conocia|conoci)|never heard of|no se$"
                        r"|(?:dont|do not) know (?:it|them|that one|those|these)"
                        r"|(?:dont|do not|cant|cannot|barely) (?:really )?remember|no (?:me )?acuerdo"
                        r"|no (?:la |lo |las |los )?recuerdo|(?:didnt|did not|dont|do not) (?:really |quite )?"
                        r"(?:get|understand) (?:it|this one|that one|them)|no (?:la|lo|las|los) entendi"
                        r"|(?:havent|have not|hasnt|has not|didnt|did not|never) (?:gotten|got|get) (?:around )?to"
                        r" (?:it|them|that one))\b")
"""No feelings either way ("nothing against Heat", "no strong feelings about these", a shrug) or no
knowledge of the film ("no idea about the others", "de las otras ni idea"): no verdict."""
_CHOICE_FILLER = re.compile(r"^(?:(?:honestly|definitely|obviously|clearly|probably|totally|just|def|then|so|ok|okay|"
                            r"well|hmm|sin duda|claramente|sin dudarlo|pues|bueno|entonces|mejor|y|ooh|oh|vale) )+|"
                            r"(?: (?:" + lexicon.CHOICE_TAIL + r"))+$")
_CHOICE = re.compile(
    r"^(?:the |la |el |las |los )?(?:\w+ ){0,3}(?:one|ones|movie|film|peli|pelicula|primera|segunda|tercera|"
    r"cuarta|quinta|ultima|primero|segundo|tercero|ultimo|first|second|third|fourth|fifth|last|latter|former|"
    r"primeras|primeros|ultimas|ultimos|penultima|penultimo|penultimate|"
    r"option|options|opcion|opciones|choice|pick|qqtitle)$|^(?:number|numero|no|option|opcion) \w+$|"
    r"^\d+(?:st|nd|rd|th)?(?: (?:and|y|e|or|o))? \d+(?:st|nd|rd|th)?$|"
    r"^(?:la|el|las|los) (?:de|del|con) (?:\w+ ){0,3}\w+$"
    r"|^(?:the|la|el|las|los|lo) (?!(?:other|others|rest|demas|otra|otro|otras|otros|resto|all"
    r"|todas|todos|both|ambas|ambos)\b)(?!.*\b(?:is|are|was|were|es|son|fue|era|eran|esta|estan)\b)(?:\w+ ){0,2}\w+$")
"""A pick: a clause ending in "one", a position or a title; "number 2"; "la del X"; or a determiner and
one to three words that are no group and no linking verb ("the musical", "la más vieja", "the middle
option"): the caller has found a listed film in them, and the clause has no verdict, seeing or question."""


WATCH_INTENT = re.compile(
    r"\b(?:(?:i ll|ill|i will|i m gonna|im gonna|i m going to|im going to|gonna|going to|we ll|we will|let me|lets"
    r"|i d|id|i would|could) (?:\w+ )?(?:watch|see|try|check|put|queue|add|save|stream|rent|go for"
    r"|give(?! (?:\w+ ){1,3}a miss))|(?:im |i m |i am |were |we re )?going with"
    r"|(?:putting|queueing|queuing|adding|saving|streaming|renting|watching) (?:\w+ ){0,3}(?:on|tonight|later|to my"
    r"|next|this weekend|now|first)|(?:add|added|adding|saving|saved|going) (?:\w+ ){0,3}(?:to|on) (?:my|the|our)"
    r" (?:list|watchlist|watch list|queue)|(?<!was )(?<!been )(?<!were )(?:(?:s|is|goes|going|went) )?"
    r"(?:straight )?(?:on|onto) (?:my|our)"
    r" (?:list|watchlist|watch list|queue)|sold on|has (?:my|our) name on it|sounds like a plan"
    r"|(?:me|nos|te) (?:la|lo|las|los) (?:apunto|apuntamos|guardo|guardamos|pongo|ponemos|quedo|quedamos)"
    r"|me apunto|nos apuntamos"
    r"|(?:la|lo|las|los) (?:veo|vemos|pongo|ponemos|apunto|guardo|voy a ver|vamos a ver|miro|miramos|pondria"
    r"|pondriamos|veria|veriamos|miraria)"
    r"|(?:voy|vamos) a (?:ver|poner|probar|mirar)|(?:me|nos) llaman? (?:mucho|bastante|un monton|la atencion)"
    r"|(?:want|wants|quiero|queremos|quieren|quiere) (?:the|la|el) (?:\w+ ){0,3}(?:one|ones)\b(?! (?:with|about|con))"
    r"|a (?:mi|la) lista|en (?:mi|la) lista|^(?:venga |vale |ok |okay |dale |go on |alright )?(?:pon|ponme|ponnos"
    r"|put on|play|queue up|stick on) (?:la|el|the|qqtitle))\b")
"""Meaning to watch a film ("I'll put the second on tonight", "la segunda la veo esta noche", "added
to my watchlist"): of a film the reply just offered, that is taking it up, a like (rule 5); of any
other film it says nothing."""


def bare_choice(ckeys: list[str]) -> bool:
    """A sentence-opening clause that only points at a listed movie ("Honestly the submarine one.",
    "La segunda, sin duda.", "number 3 for sure"): picking one out is liking it, when nothing else
    judges it later. Clauses with words of their own ("the other two look like homework", "I've
    heard of the second one") are not.
    """
    text = _CHOICE_FILLER.sub("", re.sub(r"\bqqtitle(?: qqtitle)+\b", "qqtitle", " ".join(ckeys))).strip()
    return 0 < len(ckeys) <= 8 and bool(_CHOICE.match(text)) and not any(
        k in lexicon.NEGATORS or k in {"vs", "versus"} for k in ckeys)  # "Heat vs Speed" sets two side by side


NEWER = re.compile(r"\b(?:(?:too|so|really|very|muy|demasiado) (?:old|dated|viej[oa]s|antigu[oa]s)|(?:more|mas) "
                   r"(?:recent|modern|new|actual|reciente|recientes|modern[oa]s|nuev[oa]s|actuales)|newer|"
                   r"(?:something|anything|algo|una|alguna) (?:recent|reciente|nuev[oa]|modern[oa]|actual))\b")
OLDER = re.compile(r"\b(?:(?:too|so|really|very|muy|demasiado) (?:new|recent|modern|recientes|nuev[oa]s|modern[oa]s)|"
                   r"(?:more|mas) (?:old|classic|antigu[oa]s?|viej[oa]s?|clasic[oa]s?)|older|"
                   r"(?:something|anything|algo|una|alguna) (?:old|older|antigu[oa]|clasic[oa]|viej[oa]))\b")


def relative_era(text: str) -> Literal["newer", "older"] | None:
    """"too old for me", "something more recent", "algo más antiguo": newer / older than the
    picks on screen (a relative wish, not a year: rule 12).
    """
    newer, older = bool(NEWER.search(text)), bool(OLDER.search(text))
    return "newer" if newer and not older else "older" if older and not newer else None


MARKED_SEEN = re.compile(r"\b(?:as|como) (?:already )?(?:seen|watched|vist[oa]s?)\b")
"""A film labelled seen ("mark Heat as seen", "put it down as watched", "márcala como vista")."""

SEEN_QUALIFIERS = re.compile(r"\b(?:already|ya|before|antes|twice|dos veces|once|una vez|too|tambien)\b")
"""Words that only qualify a "seen" ("already seen", "ya la vi", "seen it twice")."""


_OUTSIDERS = (r"(?:brother|sister|friend|buddy|mate|cousin|coworker|co worker|colleague|boss|neighbou?r|uncle|aunt"
              r"|roommate|flatmate|hermano|hermana|amigo|amiga|colega|primo|prima|companero|companera|jefe|jefa"
              r"|vecino|vecina|tio|tia)s?")
OUTSIDER_SUBJECT = re.compile(r"^(?:and |but |y |pero |also |tambien )?(?:my|mi|mis|a|an|un|una|our|nuestro|nuestra)"
                              r" (?:\w+ )?" + _OUTSIDERS + r"(?! and i\b| and me\b| y yo\b)\b")
"""A clause whose subject is someone the user does not say they watch with ("my brother hates
the second one", "mi amiga adora Titanic"): their taste, not the user's (rule 14)."""
WATCHING_WITH = re.compile(r"\b(?:with|con) (?:my|mi|mis|our|nuestro|nuestra) (?:\w+ )?" + _OUTSIDERS
                           + r"|\b" + _OUTSIDERS + r" (?:and i|and me|y yo)\b")
"""The message says the user watches with that person: their taste counts."""



_DEGREE = frozenset("truly really very pretty super so kinda kind of sort quite totally properly good old "
                    "bien muy super re".split())
"""Degree words between a describing adjective and its genre noun ("a truly stupid comedy")."""
_NOUN_PHRASE_OPENERS = frozenset("a an some something another any one una un unas unos algo otra otro".split())


def mask_describing_complaints(keys: list[str]) -> list[str]:
    """A complaint word right before a genre noun, in a noun phrase that asks for it or rules it out,
    describes the film wanted; it is no verdict ("give me a dumb action flick", "looking for a truly
    stupid comedy", "no dumb comedies" rules comedies out, not in). Said of a named film ("Heat was a
    boring thriller") or with a verdict verb ("I hate dumb comedies") it still judges: only phrases
    opened by an article, "something" or a negator, in a clause naming no title, are masked.
    """
    out = list(keys)
    for i in range(1, len(keys)):
        if not lexicon.NEGATIVE.fullmatch(keys[i]) or keys[i] in lexicon.NEGATORS:
            continue
        after = i + 1
        if not any(lexicon.genre_word(" ".join(keys[after:after + n])) for n in (1, 2, 3)):
            continue
        j = i - 1
        while j >= 0 and keys[j] in _DEGREE:
            j -= 1
        if j < 0 or not (keys[j] in _NOUN_PHRASE_OPENERS or keys[j] in lexicon.NOMINAL_NEGATORS):
            continue
        lo = next((k + 1 for k in range(j, -1, -1) if keys[k] in _HARD or keys[k] == "but"), 0)
        hi = next((k for k in range(after, len(keys)) if keys[k] in _HARD or keys[k] == "but"), len(keys))
        if "qqtitle" in keys[lo:hi] or {"it", "this", "that", "la", "lo"} & set(keys[lo:j]):
            continue  # "Heat was a boring thriller", "it was a dull comedy": said of a film
        out[i] = "qqmask"
    return out
