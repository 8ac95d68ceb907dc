"""Title text helpers shared by loaders and the title resolver."""

from __future__ import annotations

import re
import unicodedata

_YEAR_RE = re.compile(r"^(?P<title>.*?)\s*\((?P<year>\d{4})(?:[-–]\d{0,4})?\)\s*$")
_ARTICLES = (
    "The", "A", "An", "Les", "Le", "La", "L'", "Il", "El", "Los", "Las", "Der", "Die", "Das",
    "Den", "Det", "I", "Lo", "Une", "Un", "Una", "Gli",
)
_TRAILING_ARTICLE_RE = re.compile(r"^(?P<head>.+?), (?P<art>" + "|".join(re.escape(a) for a in _ARTICLES) + r")$")


def split_year(raw: str) -> tuple[str, int | None]:
    """"Matrix, The (1999)" -> ("Matrix, The", 1999); no year -> (raw, None)."""
    match = _YEAR_RE.match(raw.strip())
    if not match:
        return raw.strip(), None
    return match.group("title").strip(), int(match.group("year"))


def move_article(title: str) -> str:
    """Put MovieLens' trailing article back in front: "Matrix, The" -> "The Matrix".

    Also handles an alternative title in parentheses: "Seven (a.k.a. Se7en)" keeps its tail.
    """
    main, sep, tail = title.partition(" (")
    match = _TRAILING_ARTICLE_RE.match(main)
    if match:
        art = match.group("art")
        joiner = "" if art.endswith("'") else " "
        main = f"{art}{joiner}{match.group('head')}"
    return main + (sep + tail if sep else "")


def natural_title(raw: str) -> tuple[str, int | None]:
    """The display title and year of a MovieLens title string."""
    title, year = split_year(raw)
    return move_article(title), year


def fold(text: str) -> str:
    """Lowercase, strip accents and punctuation, collapse spaces: for matching only."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("&", " and ").replace("'", "").replace("’", "")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())
