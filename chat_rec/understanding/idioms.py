"""Idioms rewritten in the folded keys before clauses are read: words that mean something other than
what they say one by one.

- praise built with a negator ("second to none", "no me canso de verla") and opposition denied ("wouldn't
  be opposed to") become a like (``qqgood``);
- a negator that only intensifies or vouches ("a más no poder", "no doubt") is masked; so are indecision
  ("can't decide between"), a film said not to suit others ("not for the kids"), other people's judgement in
  a relative clause ("friends who say comedies are boring") and a negator in a clause of setting ("a
  mystery where you can't guess the ending");
- leaving something out ("keep romance out", "deja fuera el terror") is the nominal "no" before it;
- fear a film or genre gave ("me dio un miedo tremendo", "horror films scare me") is a reaction
  (``qqfear``, a dislike word), not the horror genre named; wished for ("that will scare me") or denied
  it is no rejection;
- a clause-opening "yes" before a subject ("yes i have never seen it") is an interjection;
- "no way" before the person's own clause ("no way I'd miss it") is "never", not a rejection.

Cancelling double negation is ``double_negation.unmark_double_negation``; the parser applies both.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

_NEGATED_PRAISE = re.compile(
    r"\b(?:second to none|like no other|like none other|unlike any other|como ninguna otra|como ninguna|como ninguno"
    r"|sin igual|sin comparacion|no tiene desperdicio|no tiene pierde|no tiene precio"
    r"|(?:cant|can t|cannot|couldnt|could not) (?:get enough of|stop watching|stop rewatching)"
    r"|never (?:can )?get enough of"
    r"|(?:no|nunca) me (?:canso|cansare|canse) de"
    r"|no (?:puedo|podia|pude) dejar de (?:ver|verla|verlo|verlas|verlos)"
    r"|not without (?:its|their|some) (?:charms?|merits?|moments)|no (?:me|nos) (?:vendria|vendrian|caeria|iria) mal"
    r"|(?:wouldnt|would not) (?:hurt|say no to)|no (?:le )?(?:diria|diriamos) que no a"
    r"|(?:(?:id|i d|wed|we d|i would|we would|i ll|ill|i have|ive|i ve) )?(?:have )?no (?:objections?|complaints?)"
    r" (?:to|about|against)"
    r"|(?:wouldnt|would not|wont|will not|not|never|am not|arent|are not) (?:be )?(?:(?:at all|totally|entirely"
    r"|completely) )?(?:(?:opposed|averse|unwilling|reluctant|object|objecting) to|against)"
    r"|not that (?:im|i m|i am|were|we re|we are|id|i d|i would) (?:be )?(?:\w+ )?(?:against|opposed to|averse to)"
    r"|no (?:estoy|estamos|estaria|estariamos) (?:para nada )?en contra de"
    r"|no (?:me|nos) (?:opongo|opondria|opondriamos) a"
    r"|(?:never|no way|wouldnt|would not|couldnt|could not) (?:i |id |i d |we |wed |we d |would )*(?:ever )?miss"
    r"|(?:never|wouldnt|would not|couldnt|could not|cant|cannot) (?:ever )?turn (?:\w+ ){0,2}down"
    r"|(?:never|not) (?:been )?(?:one|the type|the kind|someone|somebody) to (?:turn down|say no to|pass on|refuse)"
    r"|not (?:like|as if|as though|that) (?:i|we|id|wed|i d|we d|ill|i ll|well|we ll)(?: would| will)? (?:ever )?"
    r"(?:turn (?:\w+ ){0,3}down|say no to|pass on|pass up|refuse|skip)"
    r"|(?:no|nunca|ni loca|ni loco) (?:me |nos )?(?:la |lo |las |los )?(?:pierdo|perderia|perderiamos|perdere))\b")
"""Praise built with a negator ("second to none", "can't get enough of", "no me canso de verla"), and
opposition denied ("wouldn't be opposed to", "not averse to", "not unwilling to", "I'd have no objection to"):
read as a like, not as
a negated verdict."""
_INTENSIFYING_NEGATORS = re.compile(
    r"\b(?:a mas no poder|nothing short of|no doubt|without (?:a |any )?doubt|without (?:a |any )?question"
    r"|beyond (?:a |any )?doubt|no questions? asked|sin duda(?: alguna)?|no cabe duda|no hay duda"
    r"|no joke|no lie|no cap|(?:not|no) gonna lie|not going to lie|no kidding|no exagero|sin exagerar"
    r"|(?:theres |there is )?no denying|(?:cant|can t|cannot|couldnt|could not) deny|no (?:se )?puede negar"
    r"|(?:cant|can t|cannot|couldnt|could not) get over (?=how |what a )"
    r"|(?:(?:i|we) )?(?:hate|hated) (?:to )?(?:admit|admitting|say|saying)(?: it| this| that)?"
    r"|sin (?:pensarlo|dudarlo|pensar)(?: (?:dos veces|un segundo|mucho))?|without (?:a second thought|hesitation"
    r"|hesitating|thinking twice)|no (?:lo )?(?:pienso|pensaria) dos veces"
    r"|never (?:have|had|did) (?:i|we)(?= (?:been|felt|seen|watched|laughed|cried|had) (?:so|such|more|as)\b))\b")
"""A negator that only intensifies or vouches ("boring a más no poder", "nothing short of brilliant", "no
doubt the best", the inverted "never have I been so bored"): masked, so that it flips nothing."""
_NOT_STOPPING = re.compile(r"\b(?:(?P<own>i|we|i ve|ive|we ve|weve) )?(?:hasnt|hasn t|has not|hadnt|havent|haven t"
                           r"|have not|wont|will not|cant|can t|cannot|couldnt|could not|didnt|did not|never)"
                           r" (?:stop|stopped)"
                           r"(?= (?:talking|going on|raving|thinking|quoting|singing|humming|banging on|gushing)\b)")
"""Not stopping talking or thinking about a film ("my aunt won't stop quoting it", "I can't stop thinking
about it"): enthusiasm, not a negation; the person's own is a like, someone else's no verdict of theirs."""
_SUITABILITY = re.compile(
    r"\b(?:not|isnt|wasnt|arent|werent|is not|was not|are not|no es|no son|no era|no fue)"
    r" (?:(?:really|exactly|probably|quite|great|ideal|suitable|appropriate|ok|okay|good|meant|made|apta?|adecuad[oa])"
    r" )?(?:for|para) (?:them|him|her|the (?:kids|children|little ones)|kids|children|little ones|(?:my|our) (?:\w+ )?"
    r"(?:kids|children|son|sons|daughter|daughters|nephew|niece|nephews|nieces|mum|mom|mother|dad|father|parents"
    r"|grandma|grandpa|grandparents|family|wife|husband|partner|girlfriend|boyfriend|friends?)"
    r"|(?:los|mis|nuestros) (?:ninos|hijos|sobrinos|peques)|(?:mi|nuestra|nuestro) (?:madre|padre|abuela|abuelo"
    r"|familia|hija|hijo|mama|papa)|ellos|ellas|el|ella)\b")
"""A film said not to suit others ("Heat is a favourite, though it's not for my nephews", "not for
the kids"): no verdict of the person's own and no genre named ("kids" is no Children asked for); masked
whole. "Not for me" is the person's own rejection and is left alone."""
_KEEP_OUT = re.compile(r"\b(?P<verb>keep|leave|keeping|leaving)(?: (?:\w+ ){1,3}(?P<out>out)\b"
                       r"(?! (?:there|in the|of (?:the|this) (?:rain|cold|way|loop)))"
                       r"| (?P<out2>out)(?= (?:the|any|all|those|these|that|\w+s)\b))"
                       r"|\b(?:deja|dejen|dejad|dejemos)(?: (?:\w+ ){1,3}(?P<fuera>fuera)\b| (?P<fuera2>fuera)(?= \w))")
"""Leaving something out ("keep romance out", "leave out the musicals", "deja fuera el terror"): the verb
is read as the nominal "no" before what it leaves out, so only that is ruled out ("a comedy, and keep the
gore out" still asks for the comedy)."""
_THEIR_JUDGEMENT = re.compile(
    r"(?:(?<=[a-z] )|(?<=[a-z] , ))(?P<who>who|that|que|quienes) (?:(?:all|always|just|still|siempre|todo|todos) )?"
    r"(?:think|thinks|thought|find|finds|found|say|says|said|call|calls|called|believe|believes|consider|considers|reckon|reckons|piensan"
    r"|piensa|creen|cree|dicen|dice|encuentran|encuentra|opinan|opina)\b[^.,;?!]*")
"""A relative clause of saying or thinking after a noun ("my cousins, who say every musical is dull",
"mi hermano, que dice que todo es aburrido"): their judgement, not the person's own; masked whole (the rest
of the sentence, "a comedy for …", keeps its reading)."""
_NOT_ANTECEDENTS = frozenset("know knew wonder ask asked tell told see saw and but or so one ones movie movies "
                             "film films it this that those these thing things something anything everything "
                             "qqtitle i you we lo la el algo peli pelis pelicula peliculas uno una".split())
"""Words before "who"/"that"/"que" that are no people judged: a question word's verb, a film, a pronoun."""
_WHERE_CLAUSE = re.compile(r"(?<=[a-z] )(?:where|donde|in which|en la que|en el que|en las que|en los que)\b[^.,;?!]*")
"""A relative clause of place or setting after a noun ("a whodunit where nobody guesses the butler",
"una peli donde no muere nadie"): what happens in the film; a negator in it negates no wish of the person's."""
_FILM_WORDS = frozenset("one ones movie movies film films thing things something anything peli pelis pelicula "
                        "peliculas uno una".split())
"""Antecedents of a "where" clause that are films ("a movie where nobody dies")."""
_INDECISION = re.compile(
    r"\b(?:(?:cant|can t|cannot|couldnt|could not|dont know how to|do not know how to)"
    r" (?:decide(?: between| which(?: one)?)?|(?:choose|pick) (?:between|which(?: one)?))|torn between"
    r"|undecided between|no (?:me )?(?:puedo decidir|decido|se cual elegir|se cual escoger|se si)(?: entre)?"
    r"|(?:we ll|well|we will|i ll|ill|i will) (?:have to )?see about|ya (?:veremos|vere) (?:que pasa con|lo de))\b")
"""Indecision between films ("can't decide between number one and number two", "no me decido entre las dos",
"we'll see about the third"):
no rejection of either; masked whole, so its negator flips nothing and its verb picks nothing."""
_FOR_GOOD = re.compile(r"\bfor good(?: measure)?(?= ?$| [.,?!;]| (?:now|this time|i think|probably|i reckon)\b)")
""""For good" meaning for ever ("it put me off westerns for good") or "for good measure": no praise ("looking
for good dramas" keeps its adjective)."""
_LIFE_DRAMA = re.compile(
    r"\bdrama (?:at|in|en) (?:home|work|the office|school|my life|our lives|our life|real life|casa|el trabajo"
    r"|la oficina|mi vida|la vida real)\b"
    r"|\b(?:office|work|workplace|real life) drama\b"
    r"|\b(?:enough|bastante|suficiente|so much|too much|tanto|mucho) drama (?:\w+ ){0,2}?(?:at|in|en|this|these|lately"
    r"|today|hoy|esta|este|ya)\b")
"""Drama in the person's life, not the genre ("enough drama at work this week", "bastante drama tengo en
casa", "office drama"; "a family drama" is a film): masked, so it names no genre (rule 8 labels a genre only
when it is named)."""
_IN_ORDER = re.compile(r"\b(?:in (?:that|this|the same|the|any|whatever|that exact|this exact) order|en ese orden"
                       r"|en ese mismo orden|en este orden|en orden)\b")
"""How films will be watched one after another ("all three, in that order"): "that" points at no film."""
_NO_WAY_I = re.compile(r"\bno way(?= (?:i|id|i d|ill|i ll|we|wed|we d|well|we ll)\b)")
""""No way" opening a clause of the person's own ("no way I'd skip it", "no way we'll pass on it"): it
negates what follows ("never"), so with a rejecting verb it praises; standing alone it still rejects."""
_FEAR_REACTION = re.compile(r"\b(?P<no>(?:no|nunca|ni) )?(?:me|nos|te|le|les)"
                            r" (?:da|dan|dio|dieron|daba|daban|hizo|hace|hacia|dara|daria)"
                            r" (?:\w+ ){0,2}(?P<fear>miedo|terror)\b"
                            r"|\b(?P<not>(?:didnt|did not|doesnt|does not|dont|do not|never|wont|cant) )?"
                            r"(?:\w+ )?(?P<scare>scare|scares|scared|frighten|frightens|frightened|terrify|terrifies"
                            r"|terrified) (?:me|us)\b"
                            r"|\b(?P<gave>(?:gave|gives|give|giving) (?:me|us)) (?:\w+ )?(?P<dreams>nightmares)\b")
"""Fear a film or genre gave ("me dio un miedo tremendo", "las de terror me dan miedo", "horror films
scare me"): a reaction that rejects (``qqfear``, a dislike word), not the horror genre named; denied
("no me dio nada de miedo"), no verdict and no genre ("didn't scare me" keeps its words)."""


_GOOD_WAY = re.compile(r"\b(?:in a (?:good|fun|great) way|in the best (?:possible )?way|en el buen sentido"
                       r"|(?:pero )?del (?:bueno|rico))\b")
"""Words after a fear a film gave that make it praise ("scared me, in a good way", "me dio miedo del bueno")."""
_WANTED_EFFECT = frozenset("will would to that which can could might gonna wanna ll thatll itll whichll".split())
"""Words before "scare me" that make it a wish ("a horror movie that will actually scare me", "one that'll
scare me"), looked for among the three words before it once degree words are left out."""
_DEGREE_WORDS = frozenset("actually really truly genuinely properly still even".split())
_BIDDING = frozenset("please pls go on come ok okay so then now just".split())


def _bid(before: str, verb: str) -> bool:
    """Whether "scare me" is bidden: the bare verb opening its clause ("it's halloween, scare me", "go on,
    frighten us"), a wish for what the film should do, not a fear it gave.
    """
    words = [w for w in before.split() if w not in _BIDDING]
    return verb in {"scare", "frighten", "terrify"} and (not words or words[-1] in {",", ".", "?", "!"})


_SURPRISE_AFTER_NO = frozenset("manches mames inventes jodas mamen".split())
"""Exclamations of surprise that open with "no" in Spanish ("¡No manches!", "no inventes, qué buena"): said
before a verdict they negate nothing."""


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` in folded keys, a comma skipped ("my brother, who …" -> "brother")."""
    return next((w for w in reversed(text[:start].split()) if w != ","), "")


_WITHOUT_IT = re.compile(r"\b(?:without|sin) (?:it|them|that|this|things|anything|everything|anyone|us|me|eso|que)"
                         r" (?:being|getting|going|turning|feeling|becoming|sea|se ponga|resulte)\b")
"""What a film should not turn into ("a thriller without it being too gory", "without things getting awkward"):
read as "not …", so an intensity after it is a qualifier ("not too gory") and the film asked for is not
ruled out."""
_CHOSEN = re.compile(r"\b(?:qqtitle|one|first|second|third|fourth|fifth|last|latter|former|two|three|four"
                     r"|five|[1-9])( it is)(?= (?:then|i guess|i think|,|\.|!|\?)|$)")
"""A choice settled ("Fargo it is", "2 it is then", "the first one it is!"): the film or position before it
is picked."""


def unmark_idioms(keys: list[str]) -> list[str]:
    """Idioms whose words mean something else: praise built with a negator becomes a like
    ("qqgood"), an intensifying negator is masked (both leave the words around them to the clause's
    own verdict), and the fear a film gave is no genre named (its last word is masked).
    """
    out = list(keys)
    text = " ".join(out)
    for regex, lead in ((_NEGATED_PRAISE, "qqgood"), (_INTENSIFYING_NEGATORS, "qqmask"), (_INDECISION, "qqmask"),
                         (_SUITABILITY, "qqmask"), (_FOR_GOOD, "qqmask"), (_IN_ORDER, "qqmask"),
                         (_LIFE_DRAMA, "qqmask")):
        for m in regex.finditer(text):
            first = text[:m.start()].count(" ")
            words = m.group().count(" ") + 1
            out[first:first + words] = [lead] + ["qqmask"] * (words - 1)
    for m in _NOT_STOPPING.finditer(text):
        first = text[:m.start()].count(" ") + (m.group("own").count(" ") + 1 if m.group("own") else 0)
        end = text[:m.end()].count(" ") + 1
        out[first:end] = ["qqgood" if m.group("own") else "qqmask"] + ["qqmask"] * (end - first - 1)
    for m in _THEIR_JUDGEMENT.finditer(text):
        if _word_before(text, m.start()) in _NOT_ANTECEDENTS:
            continue  # "I know who says…", "the one that says it all": no noun of people before it
        first = text[:m.start()].count(" ")
        out[first:first + m.group().rstrip().count(" ") + 1] = ["qqmask"] * (m.group().rstrip().count(" ") + 1)
    for m in _WHERE_CLAUSE.finditer(text):
        if _word_before(text, m.start()) in _NOT_ANTECEDENTS - _FILM_WORDS or lexicon.mentions_genre(m.group()):
            continue  # "I know where…", "where I don't see horror": not a film's setting, or a genre named in it
        first = text[:m.start()].count(" ")
        for j in range(first, first + m.group().rstrip().count(" ") + 1):
            if out[j] in lexicon.NEGATORS:
                out[j] = "qqmask"
    for m in _KEEP_OUT.finditer(text):
        out[text[:m.start()].count(" ")] = "no"
        last = next(g for g in ("out", "out2", "fuera", "fuera2") if m.group(g))
        out[text[:m.start(last)].count(" ")] = "qqmask"
    for m in _NO_WAY_I.finditer(text):
        first = text[:m.start()].count(" ")
        if out[first] != keys[first]:
            continue  # already read as praise ("no way I'd miss it")
        words = m.group().count(" ") + 1
        out[first:first + words] = ["never"] + ["qqmask"] * (words - 1)
    for m in _WITHOUT_IT.finditer(text):
        first = text[:m.start()].count(" ")
        out[first:first + 3] = ["qqmask", "qqmask", "not"]  # "without it being too gory": "not too gory"
    for m in _CHOSEN.finditer(text):
        first = text[:m.start(1)].count(" ") + 1
        out[first:first + 2] = ["qqgood", "qqmask"]  # "Fargo it is", "2 it is then": the choice made
    for m in _FEAR_REACTION.finditer(text):
        rest, *later = re.split(r" [.?] ", text[m.end():] + " ", maxsplit=2)
        good = _GOOD_WAY.search(rest) or (later and _GOOD_WAY.fullmatch(later[0].strip().removeprefix("but ")))
        felt = "qqgood" if good else "qqfear"  # "scared me silly, in the best possible way"; "… . In a good way!"
        # (a next sentence that goes on, "In a good way, I want a comedy now", is read as its own)
        if m.group("dreams"):
            out[text[:m.start("dreams")].count(" ")] = felt  # "gave me nightmares for a week"
        elif m.group("fear"):
            out[text[:m.start("fear")].count(" ")] = "qqmask" if m.group("no") else felt
        elif not m.group("not") and not _bid(text[:m.start("scare")], m.group("scare")) and not set(
                [w for w in text[:m.start("scare")].split() if w not in _DEGREE_WORDS][-3:]) & _WANTED_EFFECT:
            out[text[:m.start("scare")].count(" ")] = felt  # not "a horror movie that will scare me"
    for i, k in enumerate(out[:-1]):
        if k == "no" and out[i + 1] in _SURPRISE_AFTER_NO and (i == 0 or out[i - 1] in {".", ",", "?", "y", "pero"}) \
                and (i + 2 == len(out) or out[i + 2] in {",", ".", "?", "!", "que", "guey", "wey"}):
            out[i] = out[i + 1] = "qqmask"  # "No manches, esa me hizo reír": surprise, no negation
            continue
        if k in {"yes", "yeah", "yep", "yup"} and (i == 0 or out[i - 1] in {".", ",", "?"}) \
                and out[i + 1] in {"i", "we", "im", "ive", "i m", "i ve"}:
            out[i] = "qqmask"  # "yes i have never seen it": an interjection, no verdict for "never" to flip
    return out
