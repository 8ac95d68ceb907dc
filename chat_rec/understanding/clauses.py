"""Clause patterns of the parser: what a clause says besides its verdict, and what it leaves out.

Elaborations ("especially X"), pronouns that gather titles, clefts and Spanish dropped subjects,
relative eras ("too old for me"), hedges ("fine I guess"), outsiders' tastes, picks and plans to
watch, complaint words that only describe the film wanted. Lists and "and" between clauses are in
coordination.py, comparisons and rejected alternatives ("instead of") in comparisons.py, negations
that cancel in double_negation.py, emoji in emoji_verdicts.py; conditions and questions are in
conditions.py. ``clause_reader.ClauseReader`` reads messages with them; patterns are over folded
text (``titles.fold``), like lexicon.py.
"""

from __future__ import annotations

import re
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

HEDGE_TAIL = re.compile(r"(?:i guess|i suppose|sin mas|supongo|y ya|nothing more|nada mas)")
"""The hedge of "fine I guess" said as a clause of its own after the praise ("está bien, sin más")."""
_WEAK_PRAISE = re.compile(r"\b(?:fine|ok|okay|alright|all right|decent|not bad|passable|watchable|bien|aceptable"
                          r"|pasable|no esta mal|no estuvo mal)\b")


def conceded(text: str) -> bool:
    """Whether the clause's only praise is weak ("fine", "ok", "decent"): before a "but" it concedes
    a point and gives no verdict ("Heat is fine but I've seen it twice", "la primera está bien pero
    ya la vi").
    """
    return _only_praise(_WEAK_PRAISE, text)


def _only_praise(praise: re.Pattern[str], text: str) -> bool:
    """Whether ``praise`` is in the clause and no other praise is once it is taken out."""
    return bool(praise.search(text)) and not lexicon.POSITIVE.search(praise.sub(" ", text))
_FAINT = re.compile(r"\bfine\b(?! (?:by|with|for) (?:me|us)\b)")


def faint_praise(text: str) -> bool:
    """Whether the clause's only praise is a bare "fine" ("the first one was fine"): a film judged
    only fine gets no verdict, as one judged "ok" or "decent" does. "Fine by me" accepts a pick, and
    "a comedy is fine" accepts a kind of film (the caller keeps genres).
    """
    return _only_praise(_FAINT, text)


UNSURE = re.compile(r"\b(?:(?:not|never) (?:so |too |really |quite )?sure|unsure|undecided|on the fence"
                    r"|torn (?:on|about)|(?:idk|dunno|i dunno|no idea) (?:about|bout|abt|on)"
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
CORRECTION_OPENERS = frozenset("sorry perdon perdona uy ups oops".split())
"""Apologies that may open a correction besides ``RETRACT_LEADS`` ("sorry, I meant the first")."""
CORRECTION = re.compile(r"^(?:(?:" + "|".join(sorted(RETRACT_LEADS | CORRECTION_OPENERS)) + r") )*"
                        r"(?:i meant|i mean|meant|quise decir|queria decir|quiero decir|me referia a|me refiero a"
                        r"|digo|(?:wait|sorry|oops|espera|perdon|uy) no|no (?:wait|espera)"
                        r"|make (?:it|that)|(?:or|no) rather|on second thoughts?|changed my mind)\b")
"""Correcting the film or genre just judged ("I loved the third one! Oh wait, I meant the first one",
"la segunda, digo, la primera", "2nd one pls, wait no the 3rd", "comedy. no, make it horror"): the
verdict moves to what the correction names."""


def no_verdict_of_its_own(text: str) -> bool:
    """Whether a correction's words after its opener only name ("the first one"), with no verdict or
    "seen" of their own ("I mean, the second one was great" judges on its own).
    """
    return not (lexicon.POSITIVE.search(text) or lexicon.NEGATIVE.search(text) or lexicon.SEEN.search(text))


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
                        r"|no comment (?:on|about)|(?:dunno|not sure) about)\b")
"""Not knowing a film ("no idea what that is", "none of them ring a bell", "no me suena", "can't speak for
the others", "no comment on the rest"): no verdict, and the negator in it rejects nothing."""


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
                    r"|(?:qqtitle |(?:la|el|las|los|esa|ese|esta|este) \w+ (?=tambien |realmente |de verdad ))?"
                    r"(?:tambien |realmente |de verdad )?(?:es|fue|era|son|esta|estan|vale|merece|sera|seria)) ")
"""A yes/no question about a film ("…, is it good?", "¿es buena?", "was the second one scary?", "¿la
segunda también vale la pena?"): it
asks what the film is like and gives no verdict on it (read only in a sentence ending with "?")."""
ASKED_BY_ORDER = re.compile(r"^(?:and |so |but )?(?:is|was|are|were|isnt|wasnt|arent|does|doesnt|would) "
                            r"(?!it (?:just|only) me)(?:it|that|this|they|those|these|qqtitle|the \w+ ones?"
                            r"|the (?:first|second|third|fourth|fifth|last|middle|other|1st|2nd|3rd|4th|5th)) "
                            r"|^(?:and |so |but |or )?(?:should|shall) (?:i|we) ")
"""An English yes/no question by its word order alone, the "?" left off at the end of a sentence ("everyone
quotes Anchorman, is it actually funny", "is the second any scarier", "should I bother"): as ``YES_NO``, no
verdict. Not "did it" ("did it for me" praises) nor the rhetorical "is it just me or…", which gives its
verdict."""
ADVICE = re.compile(r"^(?:and |so |but |or |o )?(?:should|shall) (?:i|we) (?:just |even |still )?(?:skip|watch|see"
                    r"|try|give|bother|pass|avoid|start|go|rewatch|drop|stick)\b")
"""A question asking the assistant's advice on a film ("or should I skip it?", "should we give up on him"):
it judges nothing and asks for no new picks."""
_THIS_TIME = re.compile(r"^(?:and |so |but |y |pero |o )?(?:qqtitle )?estan? "
                        r"(?:noche|tarde|semana|manana|vez|finde|fin de)\b")


_ASKS_FOR_ONE = re.compile(r"^(?:and |so |but |y |pero |o )?(?:qqtitle )?(?:es|fue|era|son|esta|estan|vale|merece|sera"
                           r"|seria) (?:\w+ )?(?:una|un|uno|unas|unos|alguna|alguno|algunas|algunos|algo|posible)\b")


def asks_what_a_film_is(text: str) -> bool:
    """A yes/no question about a film (``YES_NO``; a question so read asks what the film is like: "¿es muy
    dramática?", "is it very scary?"), not "esta noche …", whose "esta" is "this", nor a question asking for
    one ("¿sería posible una de terror?", "¿está bien alguna comedia de los 90?").
    """
    return bool(YES_NO.match(text + " ")) and not _THIS_TIME.match(text) and not _ASKS_FOR_ONE.match(text)


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
AVERSION = re.compile(r"hat(?:e|ed|es|ing)|dislik(?:e|ed|es)|odio|odie|detesto|loath\w*")
"""Verbs of aversion: negated ("don't hate", "no odio") they say no verdict, not a like."""

_HARD = frozenset({".", ",", "?", "qqcond"})


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


def likewise(ckeys: list[str], asking: bool = False) -> bool:
    """A clause that names a film and only adds "too"/"también" ("Life is Beautiful too."), says
    "so is" it ("and so is Alien"), or only adds films after "and" ("Heat! And Alien.", not asking
    "And Alien?"): the last verdict again, negation and all.
    """
    text = " ".join(ckeys).replace("as well", "too")
    words = [k for k in text.split() if k not in {"y", "and", "e", "the", "la", "el"}]
    if len(words) >= 3 and words[0] in {"so", "as"} and words[1] in _SO_AUXILIARIES and set(words[2:]) == {"qqtitle"}:
        return True  # "…, and so is Alien", "as was Heat": the same verdict, inverted word order
    if not asking and ckeys and ckeys[0] in {"and", "y", "e", "plus"} \
            and {k for k in ckeys[1:] if k not in _ARTICLES} == {"qqtitle"}:
        return True  # "I loved Casablanca! And The Philadelphia Story": the list goes on ("And Ronin?" asks)
    return "qqtitle" in words and bool(set(words) & _LIKEWISE) and set(words) <= {"qqtitle"} | _LIKEWISE


_INTENSIFIERS = frozenset("even still so aun todavia incluso".split())
_SAME_WAY = frozenset("more mas".split())
_BETTER, _WORSE = frozenset("better mejor".split()), frozenset("worse peor".split())
_DEGREE = frozenset("much way far mucho".split())
_NAMED = frozenset({"qqtitle", "the", "one", "first", "second", "third", "last", "la", "el", "primera", "segunda",
                    "tercera", "ultima", "and", "y", "but", "pero"})


def intensified(ckeys: list[str], last_verdict: int) -> bool:
    """A film and only a comparative ellipsis after a verdict ("Heat was great, Ronin even more so",
    "the first was dull, the third even worse", "la segunda aún mejor"): the last verdict again, stronger.
    "more so" / "más" repeats either verdict; "better" / "mejor" only a like, "worse" / "peor" only a dislike.
    """
    words = [k for k in ckeys if k not in _NAMED and k not in _DEGREE]
    if not last_verdict or len(words) < 2 or len(words) > 3 or not _INTENSIFIERS & set(words) \
            or not set(ckeys) & (_NAMED - {"and", "y", "but", "pero", "the", "la", "el"}):
        return False
    rest = set(words) - _INTENSIFIERS
    if rest <= _SAME_WAY and rest:
        return True
    return rest <= (_BETTER if last_verdict > 0 else _WORSE) and bool(rest)


_SO_AUXILIARIES = frozenset("is was are were did does do has have".split())
_ARTICLES = frozenset({"the", "la", "el", "los", "las"})


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
                        r" (?:it|them|that one)"
                        r"|(?:thought|expected|figured|assumed|was sure) (?:i d|id|i would|we d|wed|we would|to"
                        r"|i was going to|we were going to|it would|itd|it d) (?:really |totally )?"
                        r"(?:like|love|enjoy|hate|dislike)"
                        r"|(?:pense|crei|creia|pensaba) que (?:me|nos) (?:iba|iban) a (?:gustar|encantar)"
                        r"|(?:pense|crei|creia|pensaba) que (?:me|nos) (?:gustaria|gustarian|encantaria))\b")
"""No feelings either way ("nothing against Heat", "no strong feelings about these", a shrug), no
knowledge of the film ("no idea about the others", "de las otras ni idea"), or only what one expected of
it ("I thought I'd like the first one but…", "pensé que me iba a gustar"): no verdict in that clause."""
_CHOICE_FILLER = re.compile(r"^(?:(?:honestly|definitely|obviously|clearly|probably|totally|just|only|solo|solamente|"
                            r"def|then|so|ok|okay|"
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
    r"|i d|id|i would|could|i shall|we shall|shall) (?:\w+ )?(?:watch|see|try|check|put|queue|add|save|stream|rent"
    r"|go for"
    r"|give(?! (?:\w+ ){1,3}a miss))|(?:im |i m |i am |were |we re )?going with"
    r"|\bwell (?:\w+ )?(?:watch|put|queue|stream|rent|go for)"  # "we'll" folded ("well see" is a hedge)
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
    r"|(?:want|wants|quiero|queremos|quieren|quiere) (?:to )?(?:see |watch |ver )?(?:the|la|el) (?:\w+ ){0,3}"
    r"(?:one|ones)\b"
    r"(?! (?:with|about|con))"
    r"|(?:want|wanna|would like|d like|id like|should like) (?:to )?(?:see|watch|try) (?:the|qqtitle)\b"
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


SET_APART = re.compile(
    r"\b(?:anything|something|another|any|some|more|others?|algo|alguna|alguno|otra|otro|otras|otros|mas)\b"
    r"(?: \w+)*? (?:(?:that|which) (?:is not|isnt|s not|isn t|aint)|(?:thats|whats) not|que no (?:sea|sean|es)"
    r"|other than|except(?: for)?|besides|apart from|aside from|excepto|salvo|aparte de|fuera de)$")
"""A request for other films that sets a named one apart ("anything with Tom Hanks that isn't Big", "algo
de Pixar que no sea Toy Story", "another western other than Shane"): the film is left out of the picks,
not judged. Said of a genre it is a dislike ("anything except horror")."""
ASKS_APART = re.compile(r"\b(?:any|anything|something|another|others?|algo|alguna|alguno|algunas|otra|otro|otras)"
                        r"(?: \w+){0,3} (?:that|which|que) (?:is not|isnt|are not|arent|s not|re not"
                        r"|no (?:sea|sean|es|son))\b")
"""A request for films that are not of some kind ("any that aren't Christmas ones", "algo que no sea tan
largo"): its "ones" or "it" is the kind asked about, not a film named before, and no film is judged
(rule 7: switching topic rejects no listed film)."""


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


_FILM_SUBJECTS = frozenset({"it", "this", "that", "qqtitle"})
_FILM_COPULAS = frozenset({"its", "thats", "isnt", "wasnt"})
_HEDGES = frozenset("quite really exactly technically strictly truly totally entirely properly "
                    "realmente exactamente precisamente".split())


def mask_film_classifications(keys: list[str]) -> list[str]:
    """A hedged "not" between a film and a genre says what kind of film it is, not what the person
    wants ("it's not really a western", "Heat isn't really a thriller", "no es exactamente una comedia"):
    the negator, the hedge and the genre are masked, so no genre is liked or disliked. Without the
    hedge ("it's not a comedy, it's a drama") the sentence is read as before.
    """
    out = list(keys)
    for i, k in enumerate(keys):
        if k not in _HEDGES or i == 0:
            continue
        j = i - 1
        if keys[j] == "not":
            j -= 1
            copula = j >= 0 and (keys[j] in {"its", "thats"} or (
                keys[j] in {"is", "was", "s"} and j > 0 and keys[j - 1] in _FILM_SUBJECTS))
        elif keys[j] in {"isnt", "wasnt"}:
            copula = j > 0 and keys[j - 1] in _FILM_SUBJECTS
        elif keys[j] == "es" and j > 0 and keys[j - 1] == "no":
            copula, j = True, j - 1
        else:
            continue
        if not copula:
            continue
        at = i + 1
        if at < len(keys) and keys[at] in {"a", "an", "un", "una"}:
            at += 1
        n = next((n for n in (3, 2, 1) if at + n <= len(keys) and lexicon.genre_word(" ".join(keys[at:at + n]))), 0)
        if n:
            for m in range(j if keys[j] in {"not", "no"} else j + 1, at + n):
                if out[m] not in _FILM_SUBJECTS and out[m] not in {"its", "thats"}:
                    out[m] = "qqmask"
    return out
