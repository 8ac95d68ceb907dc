"""Emoji and emoticons as verdicts: the tokens the parser reads for "😍", ":(" or a shrug.

``emoji_tokens`` gives "qqgood" / "qqbad" for emoji and emoticons that carry a verdict (from the
emoji's Unicode name, ``emoji_polarity``) and "qqshrug" for one withheld on purpose; tokens.py
puts them among a message's words.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_EMOJI_NEGATIVE = ("VOMITING", "NAUSEATED", "SLEEPING", "YAWNING", "THUMBS DOWN", "ROLLING EYES", "POUTING",
                   "ANGRY", "UNAMUSED", "WEARY", "TIRED", "PILE OF POO", "BROKEN HEART", "EXPRESSIONLESS",
                   "CONFOUNDED", "DISAPPOINTED", "SYMBOLS ON MOUTH", "RAGE", "CROSS MARK", "NO ENTRY",
                   "MULTIPLICATION X")
_EMOJI_POSITIVE = ("HEART", "SMILING", "GRINNING", "THUMBS UP", "CLAPPING", "FIRE", "HUNDRED POINTS", "STAR",
                   "SPARKLES", "KISS", "BEAMING", "TEARS OF JOY", "PARTY", "TROPHY", "OK HAND", "RAISED HANDS",
                   "CHECK MARK")
_EMOTICONS = re.compile(r"(?<!\S)(?:[:;=]-?[)D\]]+|<3+)(?!\S)|(?<!\S)(?:[:;=]-?[(\[]+)(?!\S)")


@functools.lru_cache(maxsize=4096)
def emoji_polarity(char: str) -> int:
    """+1 / -1 / 0 from an emoji's Unicode name ("FACE WITH OPEN MOUTH VOMITING" is a dislike,
    "SMILING FACE WITH HEART-SHAPED EYES" a like); faces that could go either way ("LOUDLY
    CRYING", "SKULL") say nothing.
    """
    if unicodedata.category(char) != "So":
        return 0
    name = unicodedata.name(char, "")
    if any(word in name for word in _EMOJI_NEGATIVE):
        return -1
    return 1 if any(word in name for word in _EMOJI_POSITIVE) else 0


def emoji_tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) for emoji and emoticons that carry a verdict: "qqgood" or "qqbad", or that
    withhold one on purpose ("qqshrug", a shrug: no verdict); a run of the same sign is one token
    ("😍😍😍").
    """
    out: list[tuple[int, int, str]] = []
    for m in _EMOTICONS.finditer(text):
        out.append((m.start(), m.end(), "qqbad" if "(" in m.group() or "[" in m.group() else "qqgood"))
    for i, char in enumerate(text):
        sign = emoji_polarity(char) if ord(char) > 0x2000 else 0
        shrug = ord(char) > 0x2000 and "SHRUG" in unicodedata.name(char, "")
        if not sign and not shrug:
            continue
        key = "qqshrug" if shrug else "qqgood" if sign > 0 else "qqbad"
        if out and out[-1][2] == key and not text[out[-1][1]:i].strip(" \ufe0f\u200d"):
            out[-1] = (out[-1][0], i + 1, key)
        else:
            out.append((i, i + 1, key))
    return sorted(out)
