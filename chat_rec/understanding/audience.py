"""Who watches: an audience of all ages, children included, that a message asks for or rules out.

"for the whole family", "family night", "with my son", "for a 7 year old", "the kids can watch", "en
familia", "con mis sobrinos": read by ``aspects.aspects_with_polarity`` as the mood ``AUDIENCE_TERM``,
which the ranker holds for every pick while it is in force (``ranking.pipeline.rank``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chat_rec.understanding import lexicon
from chat_rec.understanding.aspect_phrases import NEGATORS, is_content
from chat_rec.understanding.mood_scope import CLAUSE_BREAKS
from chat_rec.understanding.mood_words import covered_keys

_YOUNG = (r"(?:kids|kiddos|children|little ones|grandkids|grandchildren|toddlers?|son|sons|daughters?|nephews?"
          r"|nieces?|\d+ (?:year|yr)s? olds?|\d+ and \d+ (?:year|yr)s? olds?)")
_JOVENES_WORDS = r"hijos?|hijas?|ninos|ninas|peques|crios|nietos|nietas|sobrinos|sobrinas"
_JOVENES = f"(?:{_JOVENES_WORDS})"
_AGE = r"(?:[1-9]|1[0-2])"
"""A child's age in years: the audience of a film chosen for them is everyone, children included."""
_KIN = (r"(?:kids|children|little ones|grandkids|grandchildren|toddlers?|sons?|daughters?|nephews?|nieces?|twins"
        r"|step(?:sons?|daughters?|kids)|grand(?:sons?|daughters?))")
_LITTLE = (r"(?:(?:my|our|the) (?:little |two |three |young )?(?:kids|kiddos|children|little ones|grandkids"
           r"|grandchildren|toddlers)"
           r"|(?:mis|los|nuestros|las|mis dos|los dos) (?:ninos|ninas|peques|crios|nietos|nietas))")
"""Young children as a group (not "my son", who may be grown up)."""
_WANTING = (r"(?:want|wanna|need|would like|are (?:asking|begging|after|dying|desperate) for|keep asking for"
            r"|are in the mood for|quieren|piden|tienen ganas de|me piden|nos piden)(?! (?:me|us|him|her|them|you)\b)")
"""A want said of them: they will watch what is chosen ("my kids want giggles this time"); not a want of
someone else ("the kids want me to relax")."""
_CHILD_SUBJECT = (
    r"(?:my|our|the|a|his|her|their) (?:little )?" + _AGE + r" (?:year|yr|yrs|years) olds?"  # "my 8 yr old"
    r"|" + _KIN + r" (?:\w+ ){0,6}?(?:is|are|turns?|turned|there) (?:just |only )?" + _AGE +
    r"(?! (?:years? |yrs? )?(?:ago|times?|hours?|minutes?|days?|weeks?|months?))"  # "our daughter is 4"
    r"|" + _JOVENES + r" (?:\w+ )?de " + _AGE + r"(?: anos)?"  # "mi hijo de 9 años"
    r"|" + _KIN + r" (?:\w+ ){0,4}?(?:coming|sleeping|staying) over|" + _KIN + r" (?:\w+ ){0,2}?(?:arrive|arriving|"
    r"visiting|staying with (?:me|us)|home sick)"  # "the grandkids arrive tomorrow", "my nieces are sleeping over"
    r"|" + _LITTLE + r" (?:\w+ )?" + _WANTING)  # "my kids want giggles", "los peques piden una de dibujos"
"""Children as the subject who will be there ("my 8 yr old is obsessed with space", "the twins turn 7",
"mi hija de 6 está loca por los dinosaurios", "the grandkids arrive tomorrow"): a child's age, a visit, or
young children wanting a film now, unlike a child only mentioned ("my son loves horror")."""

AUDIENCE = re.compile(
    r"\b(?:family (?:friendly|nights?|evenings?|movie nights?|outing|movies?|films?|flicks?)"
    r"|(?:for|with) (?:the |my |our )?(?:whole |entire )?family|(?:the )?whole family"
    r"|(?:for|with|w) (?:the |my |our |a |young |little |some )*" + _YOUNG +
    r"|(?:ok|okay|fine|appropriate|safe|suitable|good) for (?:the |my |our |a |young |little )*" + _YOUNG +
    r"|all ages|en familia|(?:para|con) (?:toda )?(?:la |mi |nuestra )?familia|toda la familia"
    r"|(?:para|con) (?:los |las |mis |nuestros |nuestras |mi |la |el )?" + _JOVENES + r"|todas las edades"
    r"|(?:kids|children|little ones|grandkids|family) (?:can|could|will|would|might) (?:\w+ )?(?:watch|see|enjoy)"
    r"|(?:puedan|pueda|pueden|puede) ver (?:\w+ )?(?:" + _JOVENES_WORDS + r"|familia)"
    r"|" + _JOVENES + r" (?:\w+ )?(?:puedan|pueden) ver"
    r"|" + _CHILD_SUBJECT + r")\b")
"""Who watches, when it is everyone of a household, children included ("for the whole family",
"family night", "a family film", "with my kids", "the kids can watch", "en familia", "que puedan ver los niños"):
general language, unlike the vocabulary. The labelled reading names no genre for these (an occasion,
not Children), so they are read as the mood ``AUDIENCE_TERM`` instead, which the ranker scores as it
scores any mood and every pick carries while it is in force (``ranking.pipeline.rank``)."""
AUDIENCE_TERM = "children"
"""The vocabulary term an audience of all ages stands for (the genre term of films made for children)."""


_THEM = re.compile(r"\b(?:(?:for|with) (?:them|em)|(?:para|con) (?:ellos|ellas)"
                   r"|(?:can|could|will|would|might) they (?:\w+ )?(?:watch|see|enjoy)"
                   r"|(?:puedan|pueden) ver(?:la|lo)?)\b")
"""A pronoun for the children named before it ("the kids loved Up, another one for them", "mis hijos ya
vieron Coco, ¿otra para ellos?", "my kids have seen every Pixar film, what else can they watch?")."""
_CHILDREN = re.compile(r"\b(?:" + _KIN + "|" + _JOVENES + r"|\d+ (?:year|yr)s? olds?)\b")


def audience_spans(keys: Sequence[str]) -> list[list[int]]:
    """Token positions of each phrase naming an audience of all ages (``AUDIENCE``), and of each
    pronoun for children the message named before it (``_THEM``), in order.
    """
    folded, starts = lexicon.joined_keys(keys)
    spans = [covered for m in AUDIENCE.finditer(folded) if (covered := covered_keys(m, starts))]
    child = next((covered_keys(m, starts) for m in _CHILDREN.finditer(folded)), [])
    if child:
        spans += [covered for m in _THEM.finditer(folded)
                  if (covered := covered_keys(m, starts)) and covered[0] > child[-1]]
    return sorted(spans)


_WATCHED = frozenset("watched saw seen rewatched vi vimos vio vieron viste mire miramos".split())
"""Past viewings: an audience in their clause says who watched then ("I watched Up with my kids last
year"), not who will watch now."""
_ASLEEP = frozenset("asleep camp fueron dormidos dormidas dormido dormida".split())
"""Words of children asleep or gone anywhere in the message ("the kids are at camp", "se fueron", and
"in bed": "something for me once she's in bed"): they will not watch."""
_AWAY = frozenset({"away", "gone"})
"""The same in the audience's own clause only ("the kids are away"; "blow her away" elsewhere is a verb)."""
AUDIENCE_NEGATION_REACH = 2
"""An audience is ruled out by a negator at most this many words before it ("nothing for the kids",
"no quiero nada para toda la familia"), not by one of a mood earlier in the clause ("not too scary that
my children can watch")."""
AUDIENCE_NEGATION_SCOPE = 6
"""Further back, up to this many words, a negator still rules the audience out when only words of asking
and function words stand between ("don't suggest anything family friendly", "I don't want something my
kids would watch"): a word that may name a mood takes the negation instead ("not too scary that my
children can watch" rules out the scare, not the children)."""


def audience_asked(keys: Sequence[str], spans: Sequence[Sequence[int]]) -> bool | None:
    """Whether an audience of all ages is asked for (True) or ruled out (False: "nothing for the
    kids"); None when no such phrase is there, or only in the clause of a past viewing.
    """
    for covered in spans:
        lo = next((j + 1 for j in range(covered[0] - 1, -1, -1) if keys[j] in CLAUSE_BREAKS), 0)
        hi = next((j for j in range(covered[-1], len(keys)) if keys[j] in CLAUSE_BREAKS), len(keys))
        if (_WATCHED | _AWAY) & set(keys[lo:hi]) or _ASLEEP & set(keys) or "in bed" in " ".join(keys):
            continue
        return not _negated(keys, lo, covered[0])
    return None


def _negated(keys: Sequence[str], lo: int, start: int) -> bool:
    """Whether a negator in the clause (from ``lo``) reaches the audience phrase at ``start``."""
    moody = False  # a word that may name a mood stands between
    for j in range(start - 1, max(lo, start - AUDIENCE_NEGATION_SCOPE) - 1, -1):
        if keys[j] in NEGATORS and (start - j <= AUDIENCE_NEGATION_REACH or not moody):
            return True
        moody = moody or is_content(keys[j])
    return False
