"""Clause patterns of the parser: what a clause says besides its verdict, and what it leaves out.

Elaborations ("especially X"), pronouns that gather titles, clefts and Spanish dropped subjects,
relative eras ("too old for me"), hedges ("fine I guess"), outsiders' tastes, films set apart from a
request. Lists and "and" between clauses are in coordination.py, comparisons and rejected alternatives
("instead of") in comparisons.py, negations that cancel in double_negation.py, emoji in
emoji_verdicts.py, conditions and questions in conditions.py; retractions and corrections are in
corrections.py, having seen or knowing a film in familiarity.py, picks and plans to watch in picks.py,
words that only describe a film in describing.py. ``clause_reader.ClauseReader`` reads messages with
them; patterns are over folded text (``titles.fold``), like lexicon.py.
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
                      r" (?:sold|convinced|on board|into)\b"
                      r"|\b(?:not|never|isnt|arent|wasnt|werent) (?:\w+ )?(?:fussed|bothered)(?: either way)?\b")
"""A weak positive hedged ("fine I guess", "bien, sin más"), or indifference ("ni me va ni me viene",
"me da igual", "I can take it or leave it", "not fussed about the rest"), or a verdict hedged to "not
entirely" ("no me convence del todo", "not entirely sold on it"): no verdict."""

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
EXCESS = re.compile(r"\b(?:is|was|are|were|s|felt|feels|seemed|seems|looks|looked|got|gets|bit|little|way|far|just|all"
                    r"|much|es|fue|era|son|eran|parece|parecio|resulto|poco|algo|muy|todas|todos) "
                    r"(?:too|demasiado|demasiada|demasiados|demasiadas) (?P<adj>\w+)")
"""Too much of something is a complaint ("the gremlins one is too silly", "es demasiado larga"),
unless what there is too much of is itself praise ("too good to miss")."""
ERA_WORDS = frozenset("old older new newer recent modern antiguo antigua antiguos antiguas viejo vieja viejos viejas "
                      "nuevo nueva nuevos nuevas reciente recientes moderno moderna modernos modernas".split())
"""Too old or too new is about when a film was made, not a verdict on it (``relative_era`` reads it)."""


CLEFT = re.compile(r"^(?:but |and |y |pero )?what (?:i|we) (?:really |actually |honestly |truly )?(?:loved|liked"
                   r"|enjoyed|adored|hated|disliked) (?:the )?(?:most )?(?:was|is|were|are) \w"
                   r"|^(?:but |and )?the one (?:i|we) (?:really |actually )?(?:loved|liked|enjoyed|hated) (?:most )?"
                   r"(?:was|is) \w"
                   r"|\b(?:lo|la|el) que (?:mas |menos )?(?:me|nos) (?:gusto|gustaron|encanto|encantaron|gusta|encanta"
                   r"|flipo|molo) (?:fue|es|fueron|son) \w")
"""A cleft ("what I loved was …", "lo que más me gustó fue …"): the verdict is on what follows the
copula; when that names no film the parser reads, the verdict goes to nothing said before."""
PRO_DROP = re.compile(r"^(?:qqbad |qqgood )?(?:y |pero |aunque |la verdad |sinceramente )?(?:a mi |a nosotros )?"
                      r"(?:no )?(?:(?:se )?(?:me|nos) \w+"
                      r"|(?:es|fue|era|esta|estuvo|son|fueron|eran) \w+)")
"""A Spanish clause that opens with its verdict verb (or a copula: "es una maravilla", or "se me hizo pesada")
has the film before as its subject."""
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

HARD_BREAKS = frozenset({".", ",", "?", "qqcond"})
"""Tokens a phrase does not run across: a full stop, a comma, a question mark, a condition."""


COPULAS = frozenset("is are was were s es son fue fueron era eran parecio parecieron parece parecen seemed seems "
                    "felt feels".split())


_SUBJECTS = frozenset("i im ive id ill we were my yo a me nos mi".split())


_PLURAL_SUBJECTS = frozenset("they those these theyre both".split())
_WITH_COPULA = frozenset({"theyre"})


def drop_predicate_genres(refs: list[Any], ckeys: list[str], lo: int) -> list[Any]:
    """A kind of film said of a named movie ("Predator and Commando are my favourite action
    flicks", "la segunda me pareció un dramón") describes that movie; it is no verdict on the
    genre. Genre references after a copula that follows a movie of the clause are dropped.
    """
    named = [r.pos for r in refs if r.items]
    if not named:
        return refs
    first = min(named) - lo
    subject = next((j for j, k in enumerate(ckeys[:4]) if k in _PLURAL_SUBJECTS), None)
    if subject is not None:  # "those are all cartoons", "they're all spoofs": the list described
        first = min(first, subject)
    copula = next((j for j in range(first + 1, len(ckeys)) if ckeys[j] in COPULAS), None)
    if subject is not None and ckeys[subject] in _WITH_COPULA:
        copula = subject
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


OWN_ELLIPSIS = re.compile(r"^(?:(?:no|nah|nope|ok|okay|fine|well|yes|yeah|yep|actually|hmm|wait|oh|lol|sorry|honestly"
                          r"|but|now|these days) )*(?:i|we) (?:really |actually |honestly |still )?(?P<aux>did|do|does"
                          r"|was|would|didnt|dont|doesnt|wasnt|wouldnt|did not|do not|would not|was not)(?: (?:really"
                          r"|actually|at all|either|tbh|honestly|though|tho|a little|a bit|kind of|kinda|too|as well"
                          r"|now|these days|think so))*$")
"""The person's own verdict said again with only a subject and an auxiliary ("I enjoyed Braveheart, no I
didn't", "I didn't like Titanic. OK fine, I did"): the verb is the last verdict's; a negation that differs
from its own turns it round (``clause_verdicts._own_ellipsis``)."""


def own_ellipsis(text: str) -> str | None:
    """The auxiliary of an ellipsis of the person's own last verdict (``OWN_ELLIPSIS``: "didnt" of "no I
    didn't", "do" of "now I do"), None when ``text`` is no such ellipsis.
    """
    m = OWN_ELLIPSIS.match(text)
    return None if m is None else str(m.group("aux"))


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


INTERJECTIONS = frozenset("ooh oooh oh ah aah hmm mmm hm mm uh um eh ehh er erm ok okay vale uy ay anda bueno pues "
                          "well so right no nah nope".split())
"""Words that open a reply and say nothing themselves ("Ooh, the second one!"); a "no" alone before a
comma answers the assistant ("No, the second one.") and picks nothing out."""
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


NEWER = re.compile(r"\b(?:(?:too|so|really|very|muy|demasiado) (?:old|dated|viej[oa]s|antigu[oa]s)|(?:more|mas) "
                   r"(?:recent|modern|new|actual|reciente|recientes|modern[oa]s?|nuev[oa]s?|actuales?)|newer|new ?ish|"
                   r"(?:something|anything|any|algo|una|alguna) (?:recent|reciente|nuev[oa]|modern[oa]|actual)|"
                   r"whats new|(?:the )?(?:latest|newest) (?:\w+ )?(?:films?|movies?|flicks?|ones|stuff|releases?)"
                   r"|(?:this|esta) (?:decade|decada))\b")
OLDER = re.compile(r"\b(?:(?:too|so|really|very|muy|demasiado) (?:new|recent|modern|recientes|nuev[oa]s|modern[oa]s)|"
                   r"(?:more|mas) (?:old|classic|antigu[oa]s?|viej[oa]s?|clasic[oa]s?)|older|"
                   r"(?:something|anything|any|algo|una|alguna) (?:old|older|antigu[oa]|clasic[oa]|viej[oa]))\b")


SAME_ERA = re.compile(r"\b(?:from|of|in|around) (?:that|the same|those|its|their) (?:decade|era|period)\b"
                      r"|\b(?:de|en) (?:esa|la misma|aquella) (?:decada|epoca)\b")
"""More "from that decade" / "de esa época": the era of the films the message likes or of the picks on screen."""


def relative_era(text: str) -> Literal["newer", "older", "same"] | None:
    """"too old for me", "something more recent", "algo más antiguo": newer / older than the
    picks on screen (a relative wish, not a year: rule 12); "more from that decade": the same era.
    """
    sides = {"newer": False, "older": False}
    for side, other, rx in (("newer", "older", NEWER), ("older", "newer", OLDER)):
        for m in rx.finditer(text):
            if _OWNED.search(text, 0, m.start()) or _PERSON_AFTER.match(text, m.end()):
                continue  # "his newer films", "my latest movie was …", "a film for older people": no era wish
            if _PICKED_BEFORE.search(text, 0, m.start()) and (
                    _PICKED_AFTER.match(text, m.end()) or _COUNTED_BEFORE.search(text, 0, m.start())
                    or m.group(0).startswith("mas ") and _ES_ARTICLE.search(text, 0, m.start())):
                continue  # "the older one looks good", "the two newer ones": a film on screen picked by its year
            negated = not _TOO.match(m.group(0)) and _ERA_NEGATED.search(text, 0, m.start())
            sides[other if negated else side] = True
    for _ in _NOT_OLD.finditer(text):
        sides["newer"] = True
    newer, older = sides["newer"], sides["older"]
    if newer != older:
        return "newer" if newer else "older"
    return "same" if not newer and SAME_ERA.search(text) else None


_TOO = re.compile(r"(?:too|so|really|very|muy|demasiado) ")
_PICKED_BEFORE = re.compile(r"\b(?:the|la|el|las|los)(?: (?:two|three|2|3|dos|tres))? $")
_COUNTED_BEFORE = re.compile(r"\b(?:two|three|2|3|dos|tres) $")
_PICKED_AFTER = re.compile(r" (?:one|two|three|2|3|uno|una|dos|tres)\b")
_ES_ARTICLE = re.compile(r"\b(?:la|el) $")
"""An era word between a determiner and "one" or a count, or after a count ("the older one", "the newer two",
"the two more recent ones", "las dos más nuevas"; in Spanish a singular article before "más" makes it a
superlative, "la más vieja", while "no quiero las más recientes" is a kind of film): a listed film picked out by
its year, no era wished for."""
_OWNED = re.compile(r"\b(?:my|his|her|their|our|your|mis|sus|tus)(?: (?:own|very|two|few))? $")
"""Someone's newer or latest films: a part of a person's work, or the film one saw last, not a wish."""
_PERSON_AFTER = re.compile(r" (?:people|persons?|folks?|adults?|viewers?|audiences?|crowds?|kids?|children|teens?"
                           r"|sisters?|brothers?|siblings?|sons?|daughters?|cousins?|relatives|parents|generations?"
                           r"|men|women|man|woman|guys?|gals?|ladies|gentlemen|members?|nieces?|nephews?"
                           r"|personas|gente|adultos|hermanos?|hermanas?|hij[oa]s?|ni[nñ][oa]s|primos?)\b")
"""Older or younger people, "older kids", "gente mayor": an age, not when a film was made."""
_ERA_NEGATED = re.compile(r"\b(?:not|no|nothing|none|never|ni|nada|sin|dont want|do not want|no quiero)"
                          r"(?: (?:of|from|de))?(?: (?:the|those|these|this|any|los|las|el|la|a|an|un|una|esta)){0,2}"
                          r" $")
"""A negator right before an era word turns it round ("not the newer versions" wants the older ones, "nada
más moderno" wants older); "not too old" stays a wish for newer films, as "too old" is."""
_NOT_OLD = re.compile(r"\b(?:no|not|nothing|none|nada|ni|sin)(?: (?:the|any|too|really|very|super|muy|tan))? "
                      r"(?:old|dated|ancient|antigu[oa]s?|viej[oa]s?)\b(?! (?:enough|for|to|para)\b)")
"""No old films ("no old stuff", "nothing ancient", "nada antiguo"): a wish for newer ones; "not old enough
for …" is about a person's age."""
ERA_PHRASES = (NEWER, OLDER, _NOT_OLD, SAME_ERA)
"""Every pattern ``relative_era`` reads: their words are an era, not a mood."""


SET_APART = re.compile(
    r"\b(?:anything|something|another|any(?! (?:one )?of (?:them|these|those|em)\b)|some|more|others?|algo|alguna"
    r"|alguno|otra|otro|otras|otros|mas)\b"
    r"(?: \w+)*? (?:(?:that|which) (?:is not|isnt|s not|isn t|aint)|(?:thats|whats) not|que no (?:sea|sean|es)"
    r"|other than|except(?: for)?|besides|apart from|aside from|excepto|salvo|aparte de|fuera de)$")
"""A request for other films that sets a named one apart ("anything with Tom Hanks that isn't Big", "algo
de Pixar que no sea Toy Story", "another western other than Shane"): the film is left out of the picks,
not judged. Said of a genre it is a dislike ("anything except horror"). "Any of them" is the list on screen,
not a request: a film set apart from it is turned down ("I'd watch any of them except Heat")."""
ALL_BUT = re.compile(r"(?:^|\b(?:please|pls|just|literally|honestly|really|pretty much|but|y|pero|por favor) )"
                     r"(?:anything|everything|whatever|cualquier cosa|todo|lo que sea)"
                     r" (?:except(?: for)?|other than|besides|apart from|aside from|menos|excepto|salvo)$")
"""A bare "anything but" before a film, with nothing asked for between ("anything but Mamma Mia",
"cualquier cosa menos Titanic"): the film is turned down, as a genre there is ("anything but westerns");
a request with words of its own ("anything with Tom Hanks that isn't Big", ``SET_APART``) only sets it apart."""
ASKS_APART = re.compile(r"\b(?:any|anything|something|another|others?|algo|alguna|alguno|algunas|otra|otro|otras)"
                        r"(?: \w+){0,3} (?:that|which|que) (?:is not|isnt|are not|arent|s not|re not"
                        r"|no (?:sea|sean|es|son))\b")
"""A request for films that are not of some kind ("any that aren't Christmas ones", "algo que no sea tan
largo"): its "ones" or "it" is the kind asked about, not a film named before, and no film is judged
(rule 7: switching topic rejects no listed film)."""
