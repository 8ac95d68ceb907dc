"""Who watches (rule 14 of the labelling): whose tastes a message states, the user's or someone else's.

Someone the user watches with, chooses for, or who comes over counts ("my sister's coming over tonight
and she loves musicals"); someone who only has an opinion does not ("my cousin hates horror", "my
coworker came from work raving, he loves westerns"). Read on the folded keys of a clause or message.
"""

from __future__ import annotations

import re

_OUTSIDERS = (r"(?:brother|sister|friend|buddy|mate|cousin|coworker|co worker|colleague|boss|neighbou?r|uncle|aunt"
              r"|roommate|flatmate|hermano|hermana|amigo|amiga|colega|primo|prima|companero|companera|jefe|jefa"
              r"|vecino|vecina|tio|tia)s?")
_COUNTED_PEOPLE = (r"(?:one|two|three|some|several|many|most|all|both|a few|a couple|a lot|lots|half|uno|dos|tres"
                   r"|algunos|algunas|varios|varias|muchos|muchas|la mitad)(?: of| de)?(?: my| our| mis| nuestros"
                   r"| nuestras| the| los| las)?")
OUTSIDER_SUBJECT = re.compile(r"^(?:and |but |y |pero |also |tambien )?(?:my|mi|mis|a|an|un|una|our|nuestro|nuestra|"
                              + _COUNTED_PEOPLE + r") (?:\w+ )?" + _OUTSIDERS + r"(?! and i\b| and me\b| y yo\b)\b")
"""A clause whose subject is someone the user does not say they watch with ("my brother hates
the second one", "mi amiga adora Titanic"), counted too ("one friend", "two of my coworkers",
"algunos de mis amigos"): their taste, not the user's (rule 14)."""
_VISITING = (r"(?:(?:is|are|s|re|will be|ll be|was|were) )?(?:coming (?:over|round|around|to (?:stay|visit))"
             r"|visiting|staying (?:over|with (?:us|me))|joining (?:us|me)|(?:over|here) (?:tonight|today|this)"
             r"|sleeping over)|comes? (?:over|round)|will (?:come|visit|join)"
             r"|vienen?(?! de)|nos visitan?|(?:esta|estan) de visita|se quedan? (?:en casa|conmigo|con nosotros)"
             r"|(?:va|van) a venir")
THEIR_PRONOUN = re.compile(r"^(?:and |but |y |pero |also |tambien )?(?:he|she|they|hes|shes|theyre|theyve|ella|ellos"
                           r"|ellas|le|les)\b")
"""A clause whose subject is a third person ("he loves westerns", "ella odia el terror"): right after a
clause of someone the user does not watch with, the same person's taste."""
WATCHING_WITH = re.compile(r"\b(?:with|con|for|para) (?:my|mi|mis|our|nuestro|nuestra|nuestros|nuestras) (?:\w+ )?"
                           + _OUTSIDERS + r"|\b" + _OUTSIDERS + r" (?:and i|and me|y yo)\b"
                           r"|\b(?:my|mi|mis|our|nuestro|nuestra|nuestros|nuestras) (?:\w+ )?" + _OUTSIDERS
                           + r" (?:\w+ )?(?:" + _VISITING + r")\b")
"""The message says the user watches with that person, or chooses for them ("a movie for my
brother", "my sister's coming over tonight", "mi prima viene a casa"): their taste counts (rule 14)."""


THEIR_FAVOURITE = re.compile(r"\b(?:is|was|s|were|are|remains|became) (?:always |still )?(?:his|her|their"
                             r"|(?:my|our) (?:\w+ )?" + _OUTSIDERS + r")"
                             r" (?:all time |all-time |absolute |very )?"
                             r"(?:favou?rites?|faves?|favs?|go to|comfort movie)\b")
"""A film said to be someone else's favourite ("True Grit was his favourite", "Heat is my cousin's
favourite"): their taste, not the user's (rule 14), unless the user watches with them."""


HOUSEHOLD = (r"(?:wife|husband|partner|girlfriend|boyfriend|gf|bf|kids?|son|daughter|mum|mom|dad|mother|father"
             r"|parents|esposa|esposo|marido|mujer|novia|novio|hijos?|hijas?|mama|papa|padres)")
HOUSEHOLD_SUBJECT = re.compile(r"^(?:and |but |y |pero |also |tambien )?(?:my|mi|mis|our|nuestro|nuestra|the) "
                               r"(?:\w+ )?" + HOUSEHOLD + r"s? (?!and i\b|and me\b|y yo\b)")
"""A clause whose subject is someone the user lives with ("my wife loves it"): their taste counts as a
pick for the household (rule 14), unless the user sets their own apart right after (``OWN_STANCE``)."""
OWN_STANCE = re.compile(r"^(?:but |pero |though |y |and )?(?:i m|im|i am|i|me|yo|not|no|personally|a mi)\b"
                        r" ?(?:personally )?(?:neutral|indifferent|on the fence|not|dont|didnt|do not|did not|meh"
                        r"|so much|not so much|much|no tanto|no|me|me da igual|paso)\b"
                        r"|^(?:but |pero |though )?(?:personally|me personally|myself|as for me|for me|yo)"
                        r" (?:i )?(?:prefer|d rather|would rather|rather|like|love|go for|prefiero)\b"
                        r"(?!.* (?:too|also|as well)$)")
"""The user's own stance set apart from a household member's verdict just before ("my wife loves it,
I'm neutral", "my kids adore it, not me", "a mi esposa le encanta, a mí me da igual", "… Personally I prefer
the first"; not one that agrees, "personally I love it too")."""
FRONTED_FILM = re.compile(r"^(?:(?:the|la|el) )?(?:(?:first|second|third|fourth|fifth|last|other|middle|primera"
                          r"|segunda|tercera|ultima|otra) (?:one )?|qqtitle (?:qqtitle )*|\d )")
"""A listed film put before the clause's subject ("the second one my dad would like")."""


def their_clauses(keys: list[str], clauses: list[tuple[int, int, int]], message: str) -> list[tuple[int, int]]:
    """Token ranges (start, end) of the clauses that state the taste of someone the user does not watch
    with ("my uncle swears the 70s were the golden age", "… he swears by the 70s"); none when the message
    says the user watches with or chooses for that person (``WATCHING_WITH`` on ``message``, the words as
    typed). The clause reader sets the same clauses aside; the year reader reads its bounds without them.
    """
    if WATCHING_WITH.search(message):
        return []
    found: list[tuple[int, int]] = []
    before = False
    for _sent, lo, hi in clauses:
        text = " ".join(keys[lo:hi])
        before = OUTSIDER_SUBJECT.match(text) is not None or before and THEIR_PRONOUN.match(text) is not None
        if before:
            found.append((lo, hi))
    return found


AGREEMENT = re.compile(r"^(?:(?:and|but|y|pero|yeah|yes|yep|ok|okay|honestly|lol|haha|tbh|well) )*"
                       r"(?:me too|me as well|me also|me neither|me either|same here|same for me|same|ditto|and me"
                       r"|(?:so|neither|nor) (?:did|do|does|could|can|was|am|would|have|had) i|i agree|agreed"
                       r"|i agree with (?:him|her|them)|yo tambien|a mi tambien|yo tampoco|a mi tampoco|yo igual"
                       r"|igual yo|lo mismo digo)"
                       r"(?: (?:honestly|tbh|lol|haha|though|tho|totally|really|actually|100|for real|la verdad))*$")
"""The person sharing the verdict just reported of someone else ("my brother hated Alien and so did I",
"my sister loved Heat. Same here.", "mi amigo odia Alien, yo también"; not a bare "igual", which also means
"anyway"): that verdict is the person's too (``clause_verdicts._own_ellipsis``); after "and" it is a clause of its
own (``coordination.splits_coordination``)."""
