"""Questions and conditions in a message: what asks, what only supposes.

Negated asks ("don't you have any westerns?"), questions about one's own reaction ("would I like
Heat?"), conditions that start a clause of their own ("as long as", "if", an in-clause "si") and
set asides with "if" that are not conditions ("if I'm honest"). ``parser._Parser`` and
``intent.wants_new`` read messages with them; patterns are over folded text, like lexicon.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

NEGATED_ASK = re.compile(
    r"\b(?:(?:dont|doesnt|didnt) (?:you|u|ya|they)(?: guys| all)?|do (?:you|u) not|havent (?:you|u)(?: guys)?"
    r"|isnt there|arent there|is there not|are there not|(?:cant|couldnt|wouldnt) (?:you|u)(?= \w)"
    r"|no (?:me |nos )?(?:tienes|tenes|tiene|tienen|teneis|conoces|conoce|conocen|sabes de|se te ocurre"
    r"|recomiendas|recomendas|puedes|podes|podrias|hay|habra|habria|queda|quedan))\b")
"""A negated question that asks for something ("don't you have any westerns?", "isn't there a
good one?", "¿no tenés algo policial?"): its negator is politeness, not a rejection. Applied only
in a sentence that ends with "?"; a negator after it ("¿no hay nada de terror?") still counts."""


def asking_negators(text: str) -> list[tuple[int, int]]:
    """Character spans of negated asking phrases in ``text`` (read only in questions)."""
    return [m.span() for m in NEGATED_ASK.finditer(text)]


def negated_before(text: str, start: int, question: bool = False) -> bool:
    """Whether one of the two words before ``start`` negates ("not in the mood for", "no quiero").

    In a question, the negator of a negated ask ("don't you have any …?") does not count.
    """
    asks = asking_negators(text) if question else []
    words = list(re.finditer(r"\S+", text[:start]))[-2:]
    if len(words) == 2 and all(w.group() in lexicon.NEGATORS for w in words):
        return False  # "never not in the mood for …": the two negators cancel
    return any(w.group() in lexicon.NEGATORS and not any(s <= w.start() < e for s, e in asks) for w in words)


CONDITIONS = [c.split() for c in ("as long as", "so long as", "provided that", "provided", "unless", "if",
                                    "siempre que", "siempre y cuando", "mientras que", "con tal de que", "a menos que")]
ASIDES = [a.split() for a in (
    "if im honest", "if i am honest", "if im being honest", "if i m honest", "if you ask me", "if that helps",
    "if anything", "if possible", "if you can", "if you could", "if so", "if not", "if you like",
    "if you want", "if any", "si te soy sincero", "si te soy sincera", "si te digo la verdad", "si soy sincero",
    "si soy sincera", "si soy honesto", "si soy honesta", "si puede ser", "si es posible", "si se puede",
    "si puedes", "si quieres", "si hay")]
"""Set phrases with "if"/"si" that are asides, not conditions ("Heat, if I'm honest, was the
best"): masked, so they neither split the clause nor carry a verdict."""
POLITE = frozenset({"if possible", "si puede ser", "si es posible", "si se puede"})
"""Asides that soften a request as "please" does ("documentales, si puede ser"): read as "please"."""
_NOT_CONDITIONAL_SI = frozenset({".", ",", "?", "y", "o", "pero", "que", "pues", "eh", "claro", "bueno", "yes",
                                 "qqmask"})


def _conditional_si(keys: list[str], i: int) -> bool:
    """Whether an unaccented "si" is "if", not a lazily typed "sí": inside a clause, after a word
    that is not a conjunction, and before another word ("me gustaría Heat si Fargo me aburrió").
    """
    return (keys[i] == "si" and 0 < i < len(keys) - 1 and keys[i - 1] not in _NOT_CONDITIONAL_SI
            and keys[i + 1] not in _NOT_CONDITIONAL_SI)


PROSPECTIVE = re.compile(
    r"^(?:(?:so |and |but )?(?:do|would) you (?:think|reckon|guess) (?:that )?(?:i|we|my \w+|he|she|they)"
    r" (?:would|will|might|could|d|ll) |(?:so |and |but )?(?:would|will|should|might"
    r"|could) (?:i|we|my \w+|he|she|they) (?:\w+ )?)(?:like|love|enjoy|dig|hate|dislike|watch|see|get into"
    r"|be into|stand)\b")
"""A question about the person's own future reaction ("would I like Heat", "do you think my kids
would enjoy Up", "should I watch it"): it asks for an opinion and gives no verdict."""
PROSPECTIVE_ES = re.compile(
    r"^(?:y |pero )?(?:(?:crees|piensas|pensas|te parece|sabes si) (?:que )?)?(?:me|nos|le|les|te) (?:gustaria"
    r"|gustara|gustaran|gustarian|va a gustar|van a gustar|encantaria|encantara)\b|^(?:deberia|deberiamos) ver\b")
"""The Spanish form, read only in a question ("¿me gustaría Heat?"): "me gustaría X" said
plainly is a wish."""


def prospective(text: str, question: bool) -> bool:
    """Whether a clause asks how the person would react to a film, which is no verdict on it."""
    return bool(PROSPECTIVE.match(text)) or (question and bool(PROSPECTIVE_ES.match(text)))


def mark_conditions(keys: list[str]) -> list[str]:
    """A condition ("horror is fine as long as it's not gory", "would I like X if I found Y
    boring") starts a clause of its own, so its negation or verdict does not reach the clause
    before it; its words become one boundary token.
    """
    out: list[str] = []
    i = 0
    while i < len(keys):
        aside = next((a for a in ASIDES if keys[i:i + len(a)] == a), None)
        if aside:
            out.extend(("please" if j == 0 and " ".join(aside) in POLITE else "qqmask") for j in range(len(aside)))
            i += len(aside)
            continue
        if _conditional_si(keys, i):
            out.append("qqcond")
            i += 1
            continue
        for words in CONDITIONS:
            if keys[i:i + len(words)] == words:
                out.append("qqcond")
                out.extend("qqmask" for _ in words[1:])
                i += len(words)
                break
        else:
            out.append(keys[i])
            i += 1
    return out


ALSO_ASKED = re.compile(r"^(?:and|or|what about|how about|y|o|que tal|y que tal)\b")
"""A question that opens like this right after "would I like X?" asks the same of its film."""


SUPPOSED = re.compile(
    r"^(?:(?:i|we) (?:were|was|liked|loved|enjoyed|cared (?:for|about)|could stand|had a thing for|had to (?:pick"
    r"|choose))|(?:si )?(?:tuviera|tuvieramos|tuviese) que (?:elegir|escoger|quedarme con)"
    r"|(?:si )?(?:a mi |yo )?(?:me|nos) (?:gustara|gustaran|gustase|gustasen|encantara|encantaran|encantase|molara"
    r"|molaran|fascinara|fascinaran|fueran?)|(?:si )?(?:yo )?(?:fuera|fuese|fueramos) (?:fan|aficionad\w*|de los"
    r" que))\b")
"""A supposition against the facts, after "if"/"si" ("if I were into westerns I'd love X", "si me
gustara el terror…"): what the sentence says until its "but" is hypothetical, no verdict."""
NOT_SO = re.compile(
    r"^(?:(?:i m|im|i am|we re|we are|i|we) )?(?:not|dont|do not|aren t|arent|am not|m not)\b"
    r"|^(?:a mi )?no\b|^(?:i|we) (?:hate|cant stand|can t stand|dislike) (?:it|them|those|that)\b")
"""The facts after a supposition ("…, but I'm not", "…, pero no"): the supposed taste is not theirs."""
