"""Release-year phrases: "from the 90s", "nothing before 2000", "between 1995 and 2005".

Patterns read *folded* text (``titles.fold``), like the word lists in lexicon.py; the parser
masks the consumed spans so their words carry no cue or genre.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from chat_rec.understanding import corrections

_Y = r"(1[89]\d\d|20[0-4]\d)"
_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "veinte": 1920, "treinta": 1930,
    "cuarenta": 1940, "cincuenta": 1950, "sesenta": 1960, "setenta": 1970, "ochenta": 1980,
    "noventa": 1990, "noughties": 2000, "naughties": 2000, "aughts": 2000,
}
_DECADE_WORDS |= {f"{word}s": year for word, year in _DECADE_WORDS.items() if not word.endswith("s")}
"""Latin American Spanish makes the decade words plural: "los ochentas", "los noventas"."""
_SPANISH_NUMBERS = "|".join(w for w in _DECADE_WORDS if not w.endswith(("ies", "ties", "ts")))
_ENGLISH_DECADES = "|".join(w for w in _DECADE_WORDS if w.endswith(("ies", "ties", "ts")))
_DECADE_ADJECTIVES = {f"{stem}er{end}": year for stem, year in (
    ("cincuent", 1950), ("sesent", 1960), ("setent", 1970), ("ochent", 1980), ("novent", 1990))
    for end in ("o", "a", "os", "as")}
"""Spanish decade adjectives ("acción noventera", "pelis ochenteras"): the decade, with no article."""
_DECADE_WORDS |= _DECADE_ADJECTIVES
_PREDICATE = re.compile(r"\b(?:es|son|era|eran|esta|estan|estaba|estaban|parece|parecen|parecia|parecian|muy|bien"
                        r"|demasiado|demasiadas?|demasiados|tan|re|super|medio)\s*$")
"""A copula or a degree word right before a decade adjective: it describes, it does not ask."""
_ONE_DECADE = (
    r"(?:(?:(?:principios|finales|mediados) de )?(?:la decada de )?(?:los )?anos |(?:(?:principios|finales"
    r"|mediados) de )?"
    r"(?:la decada de )?los |the |early |late |mid )?"
    r"((?:1[89]|20)?\d0s|(?:19)?(?:" + _ENGLISH_DECADES + "|" + "|".join(_DECADE_ADJECTIVES) + r")"
    # "los ochenta", but "otras veinte [veces]" is a count
    r"|(?:(?<=anos )|(?<=los )|(?<=las ))(?:" + _SPANISH_NUMBERS + r")"
    r"|(?<=anos )(?:19|20)?\d0|(?<=los )(?:19|20)?\d0"
    r"|(?<=decada de )(?:19|20)\d0|(?<=decada del )(?:19|20)?\d0"
    # "la década del ochenta", "mejor de la del noventa" (the decade said once before)
    r"|(?:(?<=decada del )|(?<=de la del ))(?:" + _SPANISH_NUMBERS + r"))\b"
)
_DECADES = re.compile(
    _ONE_DECADE + r"((?: (?:and|or|to|through|y|o|u|a) (?:the |los |anos )?"
    r"(?:(?:1[89]|20)?\d0s|(?:19)?(?:" + "|".join(_DECADE_WORDS) + r")|\d0))*)"
    r"(?: (?:or|and|o|y) (?:de )?(earlier|before|older|later|after|newer|antes|anteriores|despues|posterior(?:es)?)"
    r"| (?:para |hacia |pa )?(atras)| (onwards?|on|en adelante|para adelante|hacia adelante|para aca|pa aca"
    r"|(?:pa|para) (?:arriba|alante|lante)))?\b"
)
_AGE = re.compile(r"\b(?:my|your|his|her|their|our|mis|tus|sus|su|nuestros?)(?: (?:early|late|mid))?\s*$")
"""A possessive right before a decade word names an age ("in their sixties", "en sus cuarenta")."""
_EARLIER = frozenset({"earlier", "before", "older", "antes", "anteriores", "atras"})
_NEGATED = re.compile(r"\b(?:no|not|nothing|none|nada|ninguna|ninguno|ningun|sin|ni|never|nunca)\b(?:\W+\w+){0,3}\W*$")
"""A negator at most three words before an open decade ("nothing from the 80s or earlier", "que
no sea de los ochenta para atrás"): the range it names is the one ruled out, so its bound flips."""

_RULED_OUT = re.compile(r"\b(?:no|not|nothing|none|nada|sin|ni|without|(?:dont|do not|don t|no) (?:want|need|quiero)"
                        r"|avoid(?:ing)?|steer(?:ing)? clear of|(?:stay|keep)(?:ing)? away from|skip(?:ping)?|pass on"
                        r"|spare (?:me|us)|(?:sick|tired) of|done with|enough (?:of|with)|no more|evit(?:a|ar|o|emos)"
                        r"|fuera|basta de)"
                        r"(?: (?:from|of|de|del|the|los|las|anos|stuff|movies?|films?|peliculas?|pelis?|anything"
                        r"|something|algo|nada|made|set|in|en))*\s*$")
"""A negator right before a plain decade, with only its noun phrase between ("no 80s stuff", "nothing from
the 80s", "nada de los ochenta", "I don't want anything from the nineties"), or a verb of avoiding ("keep
away from the 2010s", "skip the nineties", "basta de los ochenta"): the decade is ruled out. A
negated verb further back ("something I've never heard of from the eighties") rules nothing out."""
_ALL_BUT = re.compile(r"\b(?:anything|everything|all|todo|cualquier cosa) (?:but|except|other than|menos|excepto|salvo)"
                     r"(?: (?:the|los|las|anos))*\s*$")
"""A decade set apart after "anything but" / "todo menos": ruled out."""
_BEFORE_DECADE = re.compile(r"\b(?:older than|earlier than|before|prior to|pre|anterior(?:es)? a|antes de"
                            r"|(?:mas )?(?:antigu|viej)[oa]s? (?:que|de))\s*$")
_AFTER_DECADE = re.compile(r"\b(?:newer than|later than|more recent than|after|post|posterior(?:es)? a|despues de"
                           r"|(?:mas )?(?:nuev[oa]s?|recientes?|modern[oa]s?) (?:que|de))\s*$")
"""A comparison right before a decade ("before the 80s", "posterior a los 90"): one bound, not the decade."""
_UP_TO_DECADE = re.compile(r"(?:^|[.,;!?]\s*|\b(?:anything|films?|movies?|stuff|something|ones|only|just|pelis?"
                           r"|peliculas?|algo|cosas|solo) )(?:up to|up until|up till|until|till|no later than"
                           r"|as late as|hasta) (?:the |los |las |anos )*$")
"""A decade as the last one wanted ("up to the mid-2000s", "films until the 80s", "hasta los noventa"):
its end is the upper bound, as "the 80s or earlier" (rule 11); nothing sets a lower one. Said after a
decade of its own ("from the 60s up to the 80s") it closes that span instead."""

_CENTURY = re.compile(
    r"(?:\b(?:nothing|not|no|none|nada|ninguna|ninguno|ningun|sin|never|nunca)\b(?: \w+){0,3}? )?\b(?:"
    r"(?:this|the current|the present|the new|the 21st|the twenty first|our"
    r"|last|the last|the previous|the past|the 20th|the twentieth|the old) century"
    r"|(?:este|el presente|el nuevo|nuestro) siglo|siglo (?:xxi|21)"
    r"|(?:el|del) siglo (?:pasad[oa]|anterior)|siglo (?:xx|20))\b")
"""A century named ("nothing from this century", "de este siglo", "films of the last century", "del
siglo pasado"), with a negator up to three words before it. It is read and masked as one phrase, so its
negator negates no genre beside it ("a western, nothing from this century" asks for westerns). It sets
no year: a century is neither a number nor a decade (rule 11) but a time relative to now, like "recent"
(rule 12), and two of the three clean sets that use one label it so."""

_Y2 = r"(1[89]\d\d|20[0-4]\d|\d\d)"
"""A year, or its last two digits ("between '72 and '78", "entre el 95 y el 2005")."""
_UNIT = r"(?:min|mins|minutes?|minutos?|pm|am|h|hours?|horas?|%|years?|anos|euros?|dollars?)"
_YC = r"(1[89]\d\d|20[0-4]\d|\d\d(?! ?" + _UNIT + r"\b))"
"""A year after a comparison ("before 95", "anterior al 95"): two digits too, unless a unit follows."""

_MORE_YEARS = r"((?: (?:or|and|o|u|y) (?:in |en |el |del )?(?:1[89]\d\d|20[0-4]\d)|(?<=\d) (?:1[89]\d\d|20[0-4]\d))*)\b"
"""Years listed after a single year ("from 1995 or 1996", "de 1994, 1995 y 1996"; folding drops the
commas): the years the person names span the range, so "1995 or 1996" is 1995-1996, not 1995 alone."""

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:between|entre) (?:el |the year )?" + _Y2 + r" (?:and|y|to|a) (?:el )?" + _Y2 + r"\b"),
     "range"),
    (re.compile(r"\b(?:between|from|entre|de|del|desde) (?:el |the year )?" + _Y
                + r" (?:and|to|till|until|through|y|a|al|hasta) (?:el )?" + _Y + r"\b"), "range"),
    (re.compile(r"\b" + _Y + r" (?:to|through|thru|till|until) " + _Y + r"\b"), "range"),
    (re.compile(r"\b(?:minimum|min|at least|earliest|no earlier than|minimo|como minimo|al menos)(?: (?:year|release"
                r"|ano|del ano))?(?: of| de| el| del)? " + _Y + r"\b"), "min"),
    (re.compile(r"\b(?:maximum|max|latest|maximo|como maximo)(?: (?:year|release|ano|del ano))?(?: of| de| el| del)? "
                + _Y + r"\b"), "max"),
    (re.compile(r"\b(?:del|desde el|from) " + _YC + r" (?:al|hasta el|to) " + _YC + r"\b"), "range"),
    (re.compile(r"\b(?:nothing|not|no|none|nada|nunca|ninguna|ningun|arent|isnt|werent|wasnt) (?:\w+ ){0,2}?"
                r"(?:older than|earlier than|made before|released before|before|prior to|from before|pre"
                r"|anterior(?:es)? (?:a|al)|antes (?:de|del)|(?:mas )?(?:antigu|viej)[oa]s? (?:que|de))"
                r" (?:the year |el )?" + _YC + r"\b"), "min"),
    (re.compile(r"\b(?:nothing|not|no|nada) (?:\w+ ){0,2}?(?:newer than|later than|after|past|made after"
                r"|posterior(?:es)? (?:a|al)|despues (?:de|del)"
                r"|(?:mas )?(?:nuev[oa]s?|recientes?|modern[oa]s?) (?:que|de))"
                r" (?:the year |el )?" + _YC + r"\b"), "max"),
    (re.compile(r"\b(?:from|since|del|desde|de|starting (?:in|from)|a partir del?) (?:the year |el )?"
                + _YC + r" (?:onwards?|on|forward|and (?:up|later|after|newer|beyond|since)|or (?:later|newer"
                r"|after|since|more recent(?:ly)?)|en adelante|o posterior(?:es)?|o mas recientes?|o despues"
                r"|o mas tarde|para aca"
                r"|pa aca|(?:pa|para) (?:arriba|adelante|delante|alante|lante)"
                r"|hacia adelante)\b"),
     "min"),
    (re.compile(r"\b(?:from|since|de|del|desde)? ?(?:the year |el )?" + _YC
                + r" (?:to|until|till|through|up to|hasta|a) (?:now|today|the present|present day|date|these days"
                r"|hoy|ahora|la fecha|el presente|hoy en dia)\b"),
     "min"),
    (re.compile(r"\b(?:from|since|de|del|desde)? ?(?:the year |el )?" + _YC
                + r" (?:present|the present|present day|today|hoy|el presente|hoy en dia)\b"), "min"),
    (re.compile(r"\b(?:from|since|de|del|desde) (?:the year |el )?" + _YC + r" (?:now|ahora)\b"), "min"),
    (re.compile(r"\b" + _Y + r" (?:onwards?|or later|or newer|or after|or since|or more recent(?:ly)?|and later"
                r"|and newer|and since|and up|and beyond"
                r"|en adelante|o posterior(?:es)?|o mas recientes?|at the earliest|como (?:muy )?pronto)\b"), "min"),
    (re.compile(r"\b" + _Y + r" (?:at the latest|como (?:muy )?tarde)\b"), "max"),
    (re.compile(r"\b(?:since|desde|a partir del?|starting (?:in|from)|not older than|no older than)"
                r" (?:the year |el )?" + _YC + r"\b"), "min"),
    (re.compile(r"\b(?:after|post|past|newer than|later than|more recent than|despues del?|posterior(?:es)?"
                r" (?:a|al)|mas (?:nuev[oa]s?|recientes?|modern[oa]s?) que(?: el)?) (?:the year |el )?" + _YC + r"\b"),
     "after"),
    (re.compile(r"\b(?:before|pre|prior to|earlier than|older than|antes del?|anterior(?:es)? (?:a|al)"
                r"|mas (?:antigu|viej)[oa]s? que(?: el)?) (?:the year |el )?" + _YC + r"\b"), "before"),
    (re.compile(r"\b(?:up to|until|till|through|no later than|not after|hasta(?: el)?) " + _Y + r"\b"),
     "max"),
    (re.compile(r"\b" + _Y + r" (?:or|and|o|y) (?:earlier|before|older|antes|anteriores)\b"), "max"),
    (re.compile(r"\b(?:made|released|filmed|shot|came out|produced|estrenad[ao]s?|hech[ao]s?) (?:in|en"
                r"|around|during|back in)? ?" + _Y + _MORE_YEARS), "exact"),
    (re.compile(r"\b(?:movies?|films?|peliculas?|ones?|something|anything|algo|stuff)(?: else| more| mas| other)?"
                r" (?:from|de|del) (?:the year |el ano |el )?" + _Y + _MORE_YEARS), "exact"),
    (re.compile(r"(?:^|[.?!] )(?:[^\s.?!]+ ){0,3}?(?P<at>(?:from|de|del) " + _Y + _MORE_YEARS + ")"), "exact"),
    (re.compile(r"\b(?:give|tell|show|find|get|recommend|suggest|want|need|fancy|for|after|quiero|busco|dame|ponme"
                r"|recomiendame|recomendame) (?:me |us )?(?:a|an|some|any|una|un|algo|alguna) (?:[^\s.?!]+ ){1,2}?"
                r"(?P<at>(?:from|de|del) (?:the year |el ano )?" + _Y + _MORE_YEARS + ")"), "exact"),
    # asked for: "tell me a thriller from 2001", "quiero una comedia del 2001" ("I saw a documentary from 2004" tells)
    (re.compile(r"\b(?:from the year|del ano|de el ano) " + _Y + _MORE_YEARS), "exact"),  # "a drama from the year 1999"
    (re.compile(r"(?:^|(?<!\bthe )(?<!\bthat )(?<!\bthis )(?<!\bthose )(?<!\bthese )(?<!\d )(?<!qqtitle ))\b" + _Y
                + _MORE_YEARS + r" (?:releases|movies|films|flicks|titles|pictures|stuff)\b"), "exact"),
    (re.compile(r"\b(?:a|an|any|some|one) " + _Y + r" (?:release|movie|film|flick|title|picture)\b()"), "exact"),
    (_ALONE := re.compile(r"(?:^|(?<!qqtitle)[.?!:] )(?:in |en |el |the year )?" + _Y + r"(?= ?[.!?]|$)()"), "exact"),
]
"""(The second and third to last: a year said as a film's adjective, "only 2015 or 2016 releases", "any 2012
movie"; not after a determiner that points at films already named, "those 2015 films", which tells them
apart. The last: a year standing alone as a sentence, answering what year ("the year I was born? 1987.",
"from my birth year: 1992"), not after a film named just before it ("Heat? 1995.").)"""


_FILM_SUBJECT = re.compile(
    r"(?:\b(?:is|was|isnt|wasnt|is not|was not) (?:it|this|that|qqtitle)"
    r"|(?:^|[.?!] |\b(?:and|but|so|yes|yeah|no|oh|ok|okay|hmm|i think|i guess) )(?:it|this|that|qqtitle)"
    r"(?: (?:one|movie|film))? (?:is|was|isnt|wasnt|s)"
    r"|(?:^|[.?!] |\b(?:and|but|so|yes|yeah|no|oh|ok|okay|hmm|i think|i guess) )(?:its|thats|it s|that s)"
    r"|\bqqtitle (?:, )?(?:which|that|que) (?:is|was|es|fue|came out|salio|se estreno)"
    r"|^(?:es|era|fue) (?:una|un)\b"
    r"|\bqqtitle (?:, )?(?:the|la|el)(?= (?:one|version|movie|film|pelicula|peli|de|del|from|original)\b)"
    r"|(?:^|[.?!] |, |\b(?:but|just|no|not) )(?:the|la|el) (?:original|remake|old one|older one|new one|newer one"
    r"|first one|version original|original one|original version)"
    r"|(?:^|[.?!] |\b(?:and|but|so) )(?:it|this|that|qqtitle) (?:came out|was made|was released|salio|se estreno))"
    r"((?: (?:a|an|the|one|movie|film|really|also|actually|made|released|filmed|set|from|in|back|out|came"
    r"|una|un|pelicula|peli|de|del|en|hecha|estrenada|from|around))*)\s*$"
)
"""A film as the subject of the sentence before a year ("is this one from 2004?", "was it made in
the 90s?", "Heat, which was made in 1995", "Heat, the one from 1995", "Psycho, not the remake. The original
from the 60s"): the year is a fact about that film (or tells its version), not one asked for."""


def _describes_a_film(before: str) -> bool:
    """Whether the text before a year phrase makes it a fact about a film (``_FILM_SUBJECT``), in
    the same sentence, or the time its story is set in (``_SETTING``: "ones set in the 70s").
    """
    sentence = re.split(r"[.?!] ", before)[-1]
    return _FILM_SUBJECT.search(sentence.strip() + " ") is not None or _SETTING.search(sentence) is not None


_SETTING = re.compile(r"\b(?:set|takes? place|taking place|happens|happening|ambientad[ao]s?|(?:que )?(?:pasa|pasan"
                      r"|ocurre|ocurren|transcurre|transcurren|sucede|suceden))(?: \w+){0,2}? (?:in|during|en|durante)"
                      r"(?: the| los| las| el| la)?\s*$")
"""The time a story is set in is no release year (rule 12: a year inside a story): "a crime drama set in the
70s", "una de guerra ambientada en los 40"."""


_SAME_YEAR = re.compile(r"\b(?:from|in|of|de|del|en) (?:that|the same|this|ese|este|aquel|el mismo) (?:same |mismo )?"
                        r"(?:year|ano)\b")
"""A year named by reference ("algo de ese año", "something from that year"): the year said before it."""
_PICKS_OUT = re.compile(r"\b(?:the|la|el|las|los)(?: one| ones| movie| film| pelicula| peli)? (?:from|de|del|of)"
                        r" (?:the year |el )?" + _Y2 + r"\b")
_PICKS_OUT_DECADE = re.compile(r"\b(?:the|la|el)(?: one| movie| film| pelicula| peli)? (?:from|de|del|of)\s*$")
_DESCRIBED = re.compile(r"\s*(?:one|ones|movie|film|pick|version|remake)\b")
_BARE_YEAR = re.compile(r"\b" + _Y + r"\b")


def names_decade(text: str) -> bool:
    """Whether folded text names a decade ("the 80s", "los ochenta")."""
    return _DECADES.search(text) is not None


def full_year(digits: str) -> int:
    """'72 -> 1972, '05 -> 2005 (two digits below 30 are this century); four digits unchanged."""
    value = int(digits)
    if len(digits) == 2:
        return 2000 + value if value < 30 else 1900 + value
    return value


def decade_of_word(word: str) -> int | None:
    """The first year of a decade named by a word ("setenta", "seventies", "ochentera"), else None."""
    return _DECADE_WORDS.get(word)


def _decade_start(token: str) -> int | None:
    token = token.strip()
    if token.endswith("s") and token[:-1].isdigit():
        token = token[:-1]
    if token.isdigit():
        value = int(token)
        if value < 100:
            return 2000 + value if value < 20 else 1900 + value
        return value - value % 10
    for word, start in _DECADE_WORDS.items():
        if token.endswith(word):
            return start
    return None


_FROM = re.compile(r"(?:from|since|desde) ")


def extract_years(text: str, listed: Collection[int] = ()) -> tuple[int | None, int | None, list[tuple[int, int]]]:
    """(year_min, year_max, consumed spans) from folded text; spans are masked by the caller.

    When a self-correction (``corrections.CUE``) has a year phrase on each side, only the bounds after
    the last such correction count; the phrases on both sides are consumed. A corrected open bound keeps
    its shape ("From 1990 onwards. Wait, no, from 1985": 1985 on, not 1985 alone).
    """
    for cue in reversed(list(corrections.CUE.finditer(text))):
        head = _extract_years(text[:cue.start()], listed)
        rest = text[cue.end():].lstrip(" ,")
        at = len(text) - len(rest)
        tail = _extract_years(rest, listed)
        if (head[0] is not None or head[1] is not None) and (tail[0] is not None or tail[1] is not None):
            low, high = tail[0], tail[1]
            if head[0] is not None and head[1] is None and low == high and _FROM.match(rest):
                high = None
            return low, high, [*head[2], *((a + at, b + at) for a, b in tail[2])]
    found = _extract_years(text, listed)
    if found[0] is not None and found[1] is not None and found[0] > found[1]:
        # bounds that exclude each other come from different sentences ("Last time it was all 80s stuff. This
        # time, 2005 or later?"): the last sentence with a year phrase stands; every phrase is consumed
        for brk in reversed(list(re.finditer(r"[.!?;]", text))):
            tail = _extract_years(text[brk.end():], listed)
            if tail[0] is not None or tail[1] is not None:
                return tail[0], tail[1], [*_extract_years(text[:brk.end()], listed)[2],
                                          *((a + brk.end(), b + brk.end()) for a, b in tail[2])]
    return found


def _extract_years(text: str, listed: Collection[int] = ()) -> tuple[int | None, int | None, list[tuple[int, int]]]:
    """(year_min, year_max, consumed spans) from folded text, every phrase read (``extract_years``).

    ``listed``: release years of the movies on screen; "la del 36", "the one from 1931" naming one
    of them picks that movie out (rule 12) and is left to the list references, not read as a range.
    """
    mins: list[int] = []
    maxs: list[int] = []
    spans: list[tuple[int, int]] = []
    work = text
    for match in _PICKS_OUT.finditer(text) if listed else ():
        if full_year(match.group(1)) in listed:
            work = work[:match.start()] + " " * (match.end() - match.start()) + work[match.end():]

    def consume(match: re.Match[str]) -> None:
        nonlocal work
        start = match.start("at") if "at" in match.re.groupindex else match.start()  # the year phrase only:
        spans.append((start, match.end()))  # "a thriller from 2001" keeps its genre
        work = work[:start] + " " * (match.end() - start) + work[match.end():]

    span_lo: list[int] = []
    span_hi: list[int] = []  # plain decades: several ("the 90s ... or the early 2000s") are one span
    for match in list(_DECADES.finditer(work)):
        starts = [_decade_start(match.group(1))]
        starts += [_decade_start(t) for t in re.findall(
            r"(?:(?:1[89]|20)?\d0s|\w+ties|\w+enta|\b\d0\b)", match.group(2) or "")]
        valid = [s for s in starts if s is not None]
        if not valid:
            continue
        lo, hi = min(valid), max(valid) + 9
        direction = match.group(3) or match.group(4) or ""
        before = work[:match.start()]
        if listed and _PICKS_OUT_DECADE.search(before) and any(lo <= y <= hi for y in listed):
            continue  # "the one from the 40s" picks out the listed 1942 film; it sets no range
        after_article = bool(re.search(r"\b(?:the|la|el)\s*$", before)) or match.group(0).startswith("the ")
        if after_article and _DESCRIBED.match(work, match.end()):
            continue  # "the 70s one" picks out a film (the listed 1975 one, a version: rule 12); no range

        if _describes_a_film(before):
            consume(match)
            continue  # "isn't that a 90s movie?": a fact about the film, no range asked for
        if _AGE.search(before) and not match.group(1)[:1].isdigit():
            continue  # "they're in their sixties", "en sus cuarenta": an age, not a decade of films
        if match.group(1) in _DECADE_ADJECTIVES and _PREDICATE.search(before):
            continue  # "están bien ochenteras" says what the films are like; it asks for no decade
        negated = bool(_NEGATED.search(before))
        compared = _BEFORE_DECADE.search(before) or _AFTER_DECADE.search(before)
        if compared is not None and not direction and not match.group(5):
            # "before the 80s" -> up to 1979, "after the 60s" -> from 1970; negated, the other side
            # ("not older than the 80s" -> from 1980, "nada posterior a los 90" -> up to 1999)
            earlier = compared.re is _BEFORE_DECADE
            if earlier:
                (mins if negated else maxs).append(lo if negated else lo - 1)
            else:
                (maxs if negated else mins).append(hi if negated else hi + 1)
            spans.append((compared.start(), match.end()))
            work = work[:compared.start()] + " " * (match.end() - compared.start()) + work[match.end():]
            continue
        if direction in _EARLIER or not direction and not match.group(5) and _UP_TO_DECADE.search(before):
            (mins if negated else maxs).append(hi + 1 if negated else hi)
        elif direction or match.group(5):
            (maxs if negated else mins).append(lo - 1 if negated else lo)
        elif _RULED_OUT.search(before) or _ALL_BUT.search(before):
            continue  # "no 80s stuff", "anything but the seventies": a decade ruled out is no range to ask
            # for (the bounds would ask for exactly it); its words stay, to be read as a mood ruled out
        else:
            span_lo.append(lo)
            span_hi.append(hi)
        consume(match)
    if span_lo:
        mins.append(min(span_lo))
        maxs.append(max(span_hi))
    for match in list(_CENTURY.finditer(work)):
        consume(match)  # "nothing from this century": an era, no bound, and its negator is spent on it
    for regex, kind in _RULES:
        for match in list(regex.finditer(work)):
            years = [full_year(g) for g in match.groups() if g and g.isdigit()]
            if regex is _ALONE and years[0] in listed:
                continue  # "loved it. 1999" with a 1999 film on screen: that film's year
            if _describes_a_film(work[:match.start(1)]):
                consume(match)
                continue  # "is this one from 2004?", "Heat, which was made in 1995": a fact
            if kind == "range" and len(years) == 2:
                mins.append(min(years))
                maxs.append(max(years))
            elif kind == "min":
                mins.append(years[0])
            elif kind == "after":
                mins.append(years[0] + 1)
            elif kind == "before":
                maxs.append(years[0] - 1)
            elif kind == "max":
                maxs.append(years[0])
            elif kind == "exact":
                named = [years[0], *(int(y) for y in re.findall(r"\d{4}", match.group(regex.groups) or ""))]
                mins.append(min(named))
                maxs.append(max(named))
            consume(match)
    for match in list(_SAME_YEAR.finditer(work)):
        said = [int(y.group(1)) for y in _BARE_YEAR.finditer(text[:match.start()])]
        if said:
            mins.append(said[-1])
            maxs.append(said[-1])
            consume(match)
    return (max(mins) if mins else None), (min(maxs) if maxs else None), spans
