"""Release-year phrases: "from the 90s", "nothing before 2000", "between 1995 and 2005".

Patterns read *folded* text (``titles.fold``), like the word lists in lexicon.py; the parser
masks the consumed spans so their words carry no cue or genre.
"""

from __future__ import annotations

import re

_Y = r"(1[89]\d\d|20[0-4]\d)"
_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "veinte": 1920, "treinta": 1930,
    "cuarenta": 1940, "cincuenta": 1950, "sesenta": 1960, "setenta": 1970, "ochenta": 1980,
    "noventa": 1990,
}
_ONE_DECADE = (
    r"(?:(?:(?:principios|finales|mediados) de )?(?:la decada de )?(?:los )?anos |(?:(?:principios|finales"
    r"|mediados) de )?"
    r"(?:la decada de )?los |the |early |late |mid )?"
    r"((?:1[89]|20)?\d0s|(?:19)?(?:" + "|".join(_DECADE_WORDS) + r")|(?<=anos )(?:19|20)?\d0|(?<=los )(?:19|20)?\d0"
    r"|(?<=decada de )(?:19|20)\d0|(?<=decada del )(?:19|20)?\d0)\b"
)
_DECADES = re.compile(
    _ONE_DECADE + r"((?: (?:and|or|to|through|y|o|a) (?:the |los |anos )?"
    r"(?:(?:1[89]|20)?\d0s|(?:19)?(?:" + "|".join(_DECADE_WORDS) + r")|\d0))*)"
    r"(?: (?:or|and|o|y) (earlier|before|older|later|after|newer|antes|anteriores|despues|posteriores)"
    r"| (onwards|on|en adelante))?"
)

_Y2 = r"(1[89]\d\d|20[0-4]\d|\d\d)"
"""A year, or its last two digits ("between '72 and '78", "entre el 95 y el 2005")."""

_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:between|entre) (?:el |the year )?" + _Y2 + r" (?:and|y|to|a) (?:el )?" + _Y2 + r"\b"),
     "range"),
    (re.compile(r"\b(?:between|from|entre|de|del|desde) (?:el |the year )?" + _Y
                + r" (?:and|to|till|until|through|y|a|al|hasta) (?:el )?" + _Y + r"\b"), "range"),
    (re.compile(r"\b" + _Y + r" to " + _Y + r"\b"), "range"),
    (re.compile(r"\b(?:nothing|not|no|none|nada|nunca|ninguna|ningun) (?:\w+ ){0,2}?"
                r"(?:older than|earlier than|made before|released before|before|prior to|from before"
                r"|anterior(?:es)? (?:a|al)|antes (?:de|del)|(?:mas )?(?:antigu|viej)[oa]s? (?:que|de))"
                r" (?:the year |el )?" + _Y + r"\b"), "min"),
    (re.compile(r"\b(?:nothing|not|no|nada) (?:\w+ ){0,2}?(?:newer than|later than|after|made after"
                r"|posterior(?:es)? (?:a|al)|despues (?:de|del)"
                r"|(?:mas )?(?:nuev[oa]s?|recientes?|modern[oa]s?) (?:que|de))"
                r" (?:the year |el )?" + _Y + r"\b"), "max"),
    (re.compile(r"\b(?:from|since|del|desde|de|starting (?:in|from)|a partir del?) (?:the year |el )?"
                + _Y + r" (?:onwards?|on|forward|and (?:up|later|after|newer|beyond)|or (?:later|newer"
                r"|after)|en adelante|o posterior(?:es)?|o mas recientes?|para aca|hacia adelante)\b"),
     "min"),
    (re.compile(r"\b" + _Y + r" (?:onwards?|or later|or newer|and later|and newer|and up|and beyond"
                r"|en adelante|o posterior(?:es)?|o mas recientes?)\b"), "min"),
    (re.compile(r"\b(?:since|desde|a partir del?|starting (?:in|from)|not older than|no older than)"
                r" (?:the year |el )?" + _Y + r"\b"), "min"),
    (re.compile(r"\b(?:after|post|newer than|later than|more recent than|despues del?|posterior(?:es)?"
                r" (?:a|al)) (?:the year |el )?" + _Y + r"\b"), "after"),
    (re.compile(r"\b(?:before|pre|prior to|earlier than|older than|antes del?|anterior(?:es)? (?:a|al))"
                r" (?:the year |el )?" + _Y + r"\b"), "before"),
    (re.compile(r"\b(?:up to|until|till|through|no later than|not after|hasta(?: el)?) " + _Y + r"\b"),
     "max"),
    (re.compile(r"\b" + _Y + r" (?:or|and|o|y) (?:earlier|before|older|antes|anteriores)\b"), "max"),
    (re.compile(r"\b(?:made|released|filmed|shot|came out|produced|estrenad[ao]s?|hech[ao]s?) (?:in|en"
                r"|around|during|back in)? ?" + _Y + r"\b"), "exact"),
    (re.compile(r"\b(?:movies?|films?|peliculas?|ones?|something|anything|algo|stuff) (?:from|de|del)"
                r" (?:the year |el ano |el )?" + _Y + r"\b"), "exact"),
    (re.compile(r"^(?:\S+ ){0,3}?(?:from|de|del) " + _Y + r"\b"), "exact"),
]


def _full_year(digits: str) -> int:
    """'72 -> 1972, '05 -> 2005 (two digits below 30 are this century); four digits unchanged."""
    value = int(digits)
    if len(digits) == 2:
        return 2000 + value if value < 30 else 1900 + value
    return value


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


def extract_years(text: str) -> tuple[int | None, int | None, list[tuple[int, int]]]:
    """(year_min, year_max, consumed spans) from folded text; spans are masked by the caller."""
    mins: list[int] = []
    maxs: list[int] = []
    spans: list[tuple[int, int]] = []
    work = text

    def consume(match: re.Match[str]) -> None:
        nonlocal work
        spans.append(match.span())
        work = work[:match.start()] + " " * (match.end() - match.start()) + work[match.end():]

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
        direction = match.group(3) or ""
        if direction in {"earlier", "before", "older", "antes", "anteriores"}:
            maxs.append(hi)
        elif direction or match.group(4):
            mins.append(lo)
        else:
            span_lo.append(lo)
            span_hi.append(hi)
        consume(match)
    if span_lo:
        mins.append(min(span_lo))
        maxs.append(max(span_hi))
    for regex, kind in _RULES:
        for match in list(regex.finditer(work)):
            years = [_full_year(g) for g in match.groups() if g and g.isdigit()]
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
                mins.append(years[0])
                maxs.append(years[0])
            consume(match)
    return (max(mins) if mins else None), (min(maxs) if maxs else None), spans
