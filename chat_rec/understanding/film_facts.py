"""Questions about a film's facts ("how long is the first one?", "who's in Heat?", "¿de qué trata?").

The catalog knows each film's title, year, genres, tags and ratings, not its running time, cast,
director or where it streams. A question about one of those asks for no picks and no mood ("long" in
"how long is it?" is no wish for long films): the parser keeps the films asked about
(``PreferenceSignal.fact_ids``) and what was asked (``fact_topic``), and the reply says what the
catalog can and cannot tell (``conversation/said.answer_facts``). Over folded keys.
"""

from __future__ import annotations

import re

_LEAD = r"^(?:(?:and|so|but|ok|okay|hmm|wait|also|y|pero|vale|oye) )*"
_TOPICS = {
    "length": r"how long (?:is|was|does|do)\b|how many (?:minutes|hours)\b|(?:whats|what is|what s) the"
              r" (?:runtime|running time|length)\b|cuanto (?:dura|duran|duraba)\b",
    "cast": r"(?:who|whos|who s) (?:is |s |was |are |were )?(?:in|starring in|stars in|plays in|acts in)"
            r"\b(?! the mood| (?:their|his|her|your|my) right mind)"
            r"|who stars\b|(?:quien|quienes) (?:sale|salen|actua|actuan|trabaja|trabajan)\b",
    "director": r"who (?:directed|made|shot)\b|(?:whos|who is|who s) the director\b"
                r"|quien (?:la |lo )?(?:dirigio|hizo)\b",
    "where": r"where (?:can|could|do|should) (?:i|we|you) (?:watch|stream|see|find|rent)\b"
             r"|(?:donde|en donde) (?:la |lo )?(?:puedo|podemos|se puede) ver\b",
    "year": r"when (?:did|was|is) (?:\w+ ){1,4}(?:come out|came out|released|made|out)\b"
            r"|what year (?:is|was|did)\b|(?:de )?(?:que|cual) ano (?:es|fue|salio)\b|cuando salio\b",
    "about": r"(?:whats|what s|what is|what was|what are) (?:the (?:\w+ ){0,3}|(?:it|that|this|those|these|qqtitle)"
             r" (?:one |ones |movie |film )?)about\b|de que (?:trata|va|iba|trataba)\b",
}
# (a film named by a definite phrase: "what's a good documentary about space" asks for one)
_ASKED = re.compile(_LEAD + "(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _TOPICS.items()) + ")")

KNOWN = frozenset({"year", "about"})
"""What the catalog can answer: the year, and what a film is about as far as its genres and tags say."""


def asked_fact(keys: str) -> str | None:
    """The fact a question about a film asks ("length", "cast", "director", "where", "year", "about"),
    or None: ``keys`` is a sentence's folded keys, the question word first.
    """
    found = _ASKED.match(keys)
    return None if found is None else found.lastgroup
