"""Picking a listed film out and meaning to watch it: "the second one", "number 3 for sure", "I'll put it
on tonight".

Both take up a film the reply offered (rule 5). Patterns are over folded text (``titles.fold``),
like lexicon.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

_CHOICE_FILLER = re.compile(r"^(?:(?:honestly|definitely|obviously|clearly|probably|totally|just|only|solo|solamente|"
                            r"def|then|so|ok|okay|"
                            r"well|hmm|sin duda|claramente|sin dudarlo|pues|bueno|entonces|mejor|y|ooh|oh|vale) )+|"
                            r"(?: (?:" + lexicon.CHOICE_TAIL + r"))+$")
_CHOICE = re.compile(
    r"^(?:the |la |el |las |los )?(?:\w+ ){0,3}(?:one|ones|movie|film|peli|pelicula|primera|segunda|tercera|"
    r"cuarta|quinta|ultima|primero|segundo|tercero|ultimo|first|second|third|fourth|fifth|last|latter|former|"
    r"primeras|primeros|ultimas|ultimos|penultima|penultimo|penultimate|middle|medio|bottom|top|end|"
    r"option|options|opcion|opciones|choice|pick|qqtitle|1st|2nd|3rd|4th|5th)$"
    r"|^(?:number|numero|num|nro|no|option|opcion) \w+(?: (?:and|y|e|&) (?:number|numero|num|nro|no|option|opcion)"
    r" \w+)*$|"
    r"^\d+(?:st|nd|rd|th)?(?: (?:and|y|e|or|o))? \d+(?:st|nd|rd|th)?$|"
    r"^(?:one|two|three|four|five|uno|una|dos|tres|cuatro|cinco) (?:and|y|e) (?:two|three|four|five|dos|tres|cuatro"
    r"|cinco)$|"
    r"^(?:la|el|las|los) (?:de|del|con) (?:\w+ ){0,3}\w+$"
    r"|^(?:the|that) (?:one|movie|film|flick) (?:with|about|set in|from|by) (?:\w+ ){0,3}\w+$"
    r"|^(?:the|la|el|las|los|lo) (?!(?:other|others|rest|demas|otra|otro|otras|otros|resto|all"
    r"|todas|todos|both|ambas|ambos)\b)(?!.*\b(?:is|are|was|were|es|son|fue|era|eran|esta|estan)\b)(?:\w+ ){0,2}\w+$")
"""A pick: a clause ending in "one", a position ("the one in the middle") or a title; "number 2", "1 and 3",
"one and three"; "la del X"; "the one with the shark"; or a determiner and
one to three words that are no group and no linking verb ("the musical", "la más vieja", "the middle
option"): the caller has found a listed film in them, and the clause has no verdict, seeing or question."""


WATCH_INTENT = re.compile(
    r"\b(?:(?:i ll|ill|i will|i m gonna|im gonna|i m going to|im going to|gonna|going to|we ll|we will|let me|lets"
    r"|i d|id|i would|we d|wed|we would|could|i shall|we shall|shall) (?:\w+ )?(?:watch|see|try|check|put|queue|add"
    r"|save|stream|rent"
    r"|go for"
    r"|give(?! (?:\w+ ){1,3}a miss))|(?:im |i m |i am |were |we re )?going with"
    r"|\bwell (?:\w+ )?(?:watch|put|queue|stream|rent|go for)"  # "we'll" folded ("well see" is a hedge)
    r"|(?:putting|queueing|queuing|adding|saving|streaming|renting|watching) (?:\w+ ){0,3}(?:on|tonight|later|to my"
    r"|next|this weekend|now|first)|(?:add|added|adding|saving|saved|going) (?:\w+ ){0,3}(?:to|on) (?:my|the|our)"
    r" (?:list|watchlist|watch list|queue)|(?<!was )(?<!been )(?<!were )(?<!already )(?:(?:s|is|goes|going|went) )?"
    r"(?:straight )?(?:on|onto) (?:my|our)"
    r" (?:list|watchlist|watch list|queue)(?! already)|sold on|has (?:my|our) name on it|sounds like a plan"
    r"|(?:me|nos|te) (?:la|lo|las|los) (?:apunto|apuntamos|anoto|anotamos|guardo|guardamos|pongo|ponemos|quedo"
    r"|quedamos)"
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
other film it says nothing. A film already on the list ("X is already on my watchlist", "got it on my list
already") was taken up before this reply: a state, like having seen it (rule 7), no verdict."""


_HEDGED_TAIL = frozenset("maybe perhaps possibly probably".split())
_PICK_OPENERS = frozenset("the la el las los number numero num option opcion first second third fourth fifth last "
                          "1st 2nd 3rd 4th 5th".split())
_ASKING_WORDS = frozenset("what whats que how como about va worth is es who quien which cual cuales why".split())


def asked_choice(ckeys: list[str]) -> bool:
    """A question that only points at a listed movie ("the board game one?", "the third?"), asking nothing
    about it ("what about the third", "la del medio, ¿de qué va?" ask what it is): a pick offered, tentatively.
    """
    return bool(ckeys) and ckeys[0] in _PICK_OPENERS and not _ASKING_WORDS & set(ckeys) and bare_choice(ckeys)


def hedged_pick(ckeys: list[str]) -> bool:
    """A clause that only points at a listed movie and hedges ("2nd maybe", "the third perhaps"): said after a
    clause about another film of the list, it picks this one, tentatively ("first one's boring, 2nd maybe").
    """
    return len(ckeys) >= 2 and ckeys[-1] in _HEDGED_TAIL and bare_choice(ckeys[:-1])


def bare_choice(ckeys: list[str]) -> bool:
    """A sentence-opening clause that only points at a listed movie ("Honestly the submarine one.",
    "La segunda, sin duda.", "number 3 for sure"): picking one out is liking it, when nothing else
    judges it later. Clauses with words of their own ("the other two look like homework", "I've
    heard of the second one") are not.
    """
    text = _CHOICE_FILLER.sub("", re.sub(r"\bqqtitle(?: qqtitle)+\b", "qqtitle", " ".join(ckeys))).strip()
    return 0 < len(ckeys) <= 8 and bool(_CHOICE.match(text)) and not any(
        k in lexicon.NEGATORS or k in {"vs", "versus"} for k in ckeys)  # "Heat vs Speed" sets two side by side


_GROUP_FILLER = re.compile(r" (?:honestly|really|tbh|to be honest|frankly|sadly|i think|im afraid|lol|tho|though)$")
_OF_THEM = re.compile(r" of (?:them|these|those|em)$")


def bare_group(ckeys: list[str]) -> bool:
    """A clause that is only the whole list ("all of them", "all three of them", "every one of them,
    honestly"): said after a verdict in the same sentence ("too grim, all of them") it is what the verdict
    judges, as a bare pick is ("really good, the first one").
    """
    text = _GROUP_FILLER.sub("", " ".join(ckeys))
    return 0 < len(ckeys) <= 6 and any(lexicon.GROUP_ALL.fullmatch(t) for t in (text, _OF_THEM.sub("", text)))
