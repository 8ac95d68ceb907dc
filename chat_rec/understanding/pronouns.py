"""What a pronoun in a clause points back to, and when a word that looks like one does not ("anything
that looks old", "a comedy, not a long one", "las películas de ahora"). Over folded clause keys.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon
from chat_rec.understanding.clause_state import PRONOUNS

_BOTH_SUBJECTS = frozenset("we wed well were weve you youd youll they theyd theyll us".split())
"""Subjects that "both" can follow as a floating quantifier ("we'd both enjoy"), not as "both of them"."""
_RELATIVE_HEADS = frozenset("anything something nothing everything stuff movies films movie film ones one".split())
"""Words that "that" follows as a relative pronoun ("anything that looks old"), not as "that film"."""
_ASK_HEADS = frozenset("anything something".split())
"""Heads a few adjectives may part from their relative "that" ("something light and fun that …")."""
_RELATIVE_VERBS = frozenset("have has had are is was were make makes made feel feels look looks get gets keep keeps "
                            "take takes show shows star stars seem seems can could will would dont doesnt arent isnt "
                            "wasnt werent never always wont wouldnt cant couldnt didnt shouldnt might may should "
                            "will".split())
"""Verbs that a relative "that" opens a clause with ("characters that have …", "plots that make …")."""
_NOT_RELATIVE_BEFORE = frozenset(
    "like likes liked love loves loved hate hates hated enjoy enjoyed enjoys watch watched see seen saw about and "
    "but or so because cause think thought know knew say said than with of is was at for on in to after before if "
    "when just all how what why prefer preferred remember forgot mean meant guess man dude god omg oh yeah yes no "
    "ok okay honestly wow lol haha well hmm sure yep nope seriously actually".split())
"""Words after which "that" is "that film" or "that …" as a whole clause ("I loved that", "is that one
good", "I think that was great"), not a relative pronoun."""
_ONE_PERSON = frozenset("girl guy boy kid child person man woman lady bloke dude day night time".split())
"""Nouns "one" counts ("one girl", "one kid", "one day"), beside the people of ``lexicon.COMPANIONS``: "one" is then
no film."""
_RELATIVE_WORDS = frozenset("that which who with without where whose".split())
"""Words after "one" that open what it is ("one that isn't long", "one with a twist"): a film described."""
_ARTICLE_BEFORE = re.compile(r"^(?:peliculas?|pelis?|movies?|films?|de|del|que|mas|otras?|otros?|nuevas?|nuevos?"
                             r"|antiguas?|antiguos?|viejas?|viejos?|modernas?|modernos?)$")
_TIME_NOUNS = frozenset("day days time times year years week weeks weekend night nights evening morning month "
                        "months era decade age point moment summer winter spring autumn fall".split())
"""Nouns of time a demonstrative goes with ("these days", "that year"): the phrase points at no film."""
_INDEFINITES = frozenset({"a", "an", "another", "any", "some"})
_POSSESSIVES = lexicon.POSSESSIVES | {"your", "tus"}
"""After "not one of", a possessive makes a verdict of the phrase before ("westerns? not one of my favourites")."""


def has_pronoun(ckeys: list[str]) -> bool:
    """Whether the clause refers back with a pronoun: "la"/"las" before a noun ("las películas de
    ahora") or a genre ("los musicales") is an article, not "it"/"them".
    """
    for j, k in enumerate(ckeys):
        if k not in PRONOUNS:
            continue
        after = ckeys[j + 1] if j + 1 < len(ckeys) else ""
        if k == "both" and j and ckeys[j - 1] in _BOTH_SUBJECTS:
            continue  # "something we'd both enjoy": "both" goes with the people, it names no film
        if k == "that" and j and ckeys[j - 1] in _RELATIVE_HEADS:
            continue  # "anything that looks old": a relative pronoun, no film named before
        if k == "that" and after in _RELATIVE_VERBS and any(ckeys[h] in _ASK_HEADS and not _NOT_RELATIVE_BEFORE
                                                            & set(ckeys[h + 1:j]) for h in range(max(0, j - 3), j)):
            continue  # "something sweet that won't make me cry": the adjectives go with the film asked for
        if k == "that" and j and after in _RELATIVE_VERBS and ckeys[j - 1].isalpha() \
                and ckeys[j - 1] not in _NOT_RELATIVE_BEFORE and not lexicon.POSITIVE.fullmatch(ckeys[j - 1]) \
                and not lexicon.NEGATIVE.fullmatch(ckeys[j - 1]) and ckeys[j - 1] not in PRONOUNS:
            continue  # "characters that have terrible manners": a relative pronoun after a noun
        if k == "one" and after in _RELATIVE_WORDS:
            continue  # "preferably one that isn't too long": a film still wanted, not the one named before
        if k == "one" and (after in lexicon.COMPANIONS or after in _ONE_PERSON):
            continue  # "one girl gets freaked out", "one friend hated it": a person counted, no film
        if k == "one" and any(x in lexicon.NEGATORS for x in ckeys[:j]) and (
                after == "of" and ckeys[j + 2:j + 3] != [] and ckeys[j + 2] not in _POSSESSIVES
                or j >= 2 and ckeys[j - 2] in _INDEFINITES and ckeys[j - 1].isalpha()):
            continue  # "a comedy, not a long one", "not one of the famous ones": a film of the kind is
            # described and its description ruled out; the kind named before is still wanted
        if k in {"this", "that", "these", "those"} and after in _TIME_NOUNS:
            continue  # "these days most films feel too loud", "this time", "that year": a time, no film
        if k in {"la", "lo", "las", "los"} and after and (
                _ARTICLE_BEFORE.match(after) or lexicon.genre_word(after)):
            continue
        return True
    return False
