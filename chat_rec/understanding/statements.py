"""Messages that state, liken or praise rather than ask: the learned request reader
(``understanding.request.LearnedRequest``) is kept from reading them as a want, and the rules read
``FRONTED`` clauses as statements (``intent.wants_new``). Over the message text.
"""

from __future__ import annotations

import re

from chat_rec.catalog.titles import fold
from chat_rec.understanding import comparisons, lexicon, request_words

FRONTED = re.compile(r"^(?:anything|something|stuff|nothing)\b.* (?:i|we|he|she|they|my \w+)(?: \w+)? (?:hate"
                     r"|hates|loathe|loathes|detest|detests|avoid|avoids|dislike|dislikes|love|loves|adore|adores|enjoy"
                     r"|enjoys|like|likes|stand|tolerate)$")
"""A clause that puts its object first and ends on its subject and verb ("anything saccharine I hate",
"something with dragons my son adores"): a statement of taste, no ask."""


def unmatched_praise(text: str) -> bool:
    """Whether the message praises a film above all others ("Nothing else from the 90s comes close") and asks
    nothing in words (no question mark, no request word): a statement, which the learned request reader must
    not read as a want.
    """
    folded = fold(text)
    return "?" not in text and bool(lexicon.UNMATCHED.search(folded)) and not request_words.REQUEST.search(folded)


def likened(text: str) -> bool:
    """Whether every "something" / "anything" of the message stands in a likeness said of something else
    ("traffic today was like something out of Speed"): a simile, which the learned request reader must not
    read as a want.
    """
    heads = []
    for sentence in re.split(r"[.!¡?¿\n;,]+", text):
        keys = fold(sentence).split()
        heads += [(keys, j) for j, k in enumerate(keys) if k in {"something", "anything"}]
    return bool(heads) and all(j and keys[j - 1] == "like" and comparisons.likeness_said(keys[:j], j - 1)
                               for keys, j in heads)


def fronted(text: str) -> bool:
    """Whether a sentence of the message puts a kind of film first and ends on the person's verdict on it
    ("Anything saccharine I hate."): a statement, which the learned request reader must not read as a want.
    """
    return any(FRONTED.search(fold(sentence).strip()) for sentence in re.split(r"[.!¡\n;]+", text))
