"""Negations that cancel or affirm, masked before the clauses of a message are read.

"I don't NOT want a comedy", "not that I don't like westerns", "no es que no me gusten", "I can't
deny…", "I'd be lying if I said I didn't laugh", "no hay ni una que no me apetezca", "not in the mood for
anything but a western":
``unmark_double_negation`` masks the negators that undo each other, so what is left reads as the
affirmation it is. Over folded keys, like clauses.py.
"""

from __future__ import annotations

import re

from chat_rec.understanding import lexicon

_VERB_NEGATORS = frozenset("dont didnt doesnt wont wouldnt cant couldnt isnt wasnt arent".split())
_AFFIRMING = re.compile(r"\b(?:i (?:wont|will not|cant|cannot|can not) deny(?: that)?|no (?:voy a negar|puedo negar"
                        r"|niego|te voy a negar|te niego)(?: que)?)\b")
_LYING_IF = re.compile(r"\b(?:(?:id|i d|i would) be lying if i (?:said|told you)(?: that)?"
                       r"|mentiria si (?:dijera|digo|te dijera) que)\b")
""""I'd be lying if I said…", "mentiría si dijera que…": the frame denies what follows, so with a negator
there ("…I didn't laugh") it affirms, and without one ("…I loved it") it is a negator itself."""
"""Frames that assert what follows ("I can't deny that…", "no voy a negar que…")."""
_I_NOT = (r"(?:(?:here|there|in (?:this|that|the) list|on (?:this|that|the) list|aqui|ahi) )?(?:that )?(?:i|we)"
          r" (?:dont|didnt|wouldnt|do not|did not|would not)")
_OF_GROUP = (r"(?:(?:of|among) (?:those|these|them|the) (?:(?:two|three|four|five) )?"
             r"|de (?:esas|estas|esos|estos|las|los) (?:(?:dos|tres|cuatro|cinco) )?)?")
_NONE_NOT = re.compile(r"\b(?:no (?:hay|encuentro|veo|tengo|encontre) (?:ni )?(?:una|uno|ninguna|ninguno)"
                       r" (?:sola |solo )?" + _OF_GROUP + r"que no"
                       r"|(?:(?:there s|theres|there is|there) (?:not|no|none)|there isnt|there is not)"
                       r" (?:a single |one )?(?:one )?" + _OF_GROUP + _I_NOT
                       + r"|not (?:a single )?one " + _OF_GROUP + _I_NOT + r")\b")
""""No hay ni una que no me apetezca", "not one of those three I didn't love", "no encuentro una sola de
esas tres que no me haya gustado": every listed film, affirmed."""
_NONE_UNSEEN = re.compile(r"\b(?:no (?:hay|encuentro|veo) (?:ni )?(?:una|uno|ninguna|ninguno) (?:sola |solo )?"
                          + _OF_GROUP + r"que no (?:haya|hayamos|hubiera|hubieramos) (?:ya )?(?:visto|mirado)"
                          r"|(?:(?:there s|theres|there is|there) (?:not|no|none)|there isnt|there is not|not)"
                          r" (?:a single |one )?(?:one )?" + _OF_GROUP + r"(?:(?:here|there) )?(?:that )?(?:i|we)"
                          r" (?:havent|have not|hadnt|had not) (?:already |yet )?(?:seen|watched))\b")
""""There's not one of those I haven't already seen", "no hay ni una que no haya visto": every listed film
seen, no verdict (rule 7), though its first negation alone would turn the list down."""


_WATCHING = frozenset("watch rewatch see stop quote sing".split())
_PULLED = frozenset("cant couldnt wouldnt wont".split())
"""Negated verbs that, with "not" and a verb of watching, say the person would watch the film."""


_ANY = frozenset({"anything", "any"})
_NOT_VERBAL = frozenset({"no", "nothing", "none", "without", "nada", "ninguna", "ninguno", "sin"})
"""Negators of a noun phrase: "no horror, anything but that" sets apart after a rejection, no double negation."""
_BREAKS = frozenset({".", ",", "?", "!", ";", "but", "pero", "qqcond"})
_ONLY_REACH = 6
"""How many words before "anything but" a negator may stand to make it "only" ("not in the mood for anything but")."""


_CANT = frozenset("cant cannot couldnt".split())
_MINDING = (["id"], ["wed"], ["i", "would"], ["we", "would"], ["that", "id"], ["that", "wed"])


def _mind_said(keys: list[str], j: int) -> int:
    """How many words from ``j`` say who would mind before "mind" ("I'd", "that we would"), when "mind" follows
    them; 0 otherwise.
    """
    return next((len(w) for w in _MINDING if keys[j:j + len(w)] == w and keys[j + len(w):j + len(w) + 1] == ["mind"]),
                0)


def _set_apart_after(keys: list[str], i: int) -> int:
    """How many words after "anything" at ``i`` set what follows apart ("but", "except", "other than"); 0 when none."""
    if keys[i + 1:i + 2] in (["but"], ["except"], ["besides"]):
        return 1
    return 2 if keys[i + 1:i + 3] in (["other", "than"], ["apart", "from"]) else 0


def unmark_double_negation(keys: list[str]) -> list[str]:
    """Two negations that cancel are masked: "I don't NOT want a comedy", "it's not that I don't
    like westerns", "no es que no me gusten": what is left reads as the affirmation it is.
    """
    out = list(keys)
    text = " ".join(out)
    for m in _AFFIRMING.finditer(text):  # "I won't deny the second didn't bore me": the frame affirms
        first = text[:m.start()].count(" ")
        for j in range(first, first + m.group().count(" ") + 1):
            out[j] = "qqmask"
    for m in _LYING_IF.finditer(text):
        first = text[:m.start()].count(" ")
        words = m.group().count(" ") + 1
        after = range(first + words, min(len(out), first + words + 4))
        second = next((j for j in after if out[j] in lexicon.NEGATORS), None)
        out[first:first + words] = ["qqmask" if second is not None else "not"] + ["qqmask"] * (words - 1)
        if second is not None:
            out[second] = "qqmask"  # "I'd be lying if I said I didn't laugh": I laughed
    for m in _NONE_UNSEEN.finditer(text):  # "not one of them I haven't seen": seen them all
        first = text[:m.start()].count(" ")
        words = m.group().count(" ") + 1
        seen = ["las", "vi", "todas"] if m.group().startswith("no ") else ["seen", "them", "all"]
        out[first:first + words] = seen + ["qqmask"] * (words - 3)
    text = " ".join(out)
    for m in _NONE_NOT.finditer(text):  # "no hay ni una que no me apetezca": every one of them
        first = text[:m.start()].count(" ")
        words = m.group().count(" ") + 1
        out[first:first + words] = ["todas", "qqgood"] + ["qqmask"] * (words - 2)
    for i, k in enumerate(out):
        apart = _set_apart_after(out, i) if k in _ANY else 0
        negator = next((j for j in range(i - 1, max(-1, i - 1 - _ONLY_REACH), -1) if out[j] in _BREAKS
                        or out[j] in lexicon.NEGATORS and out[j] not in _NOT_VERBAL), None) if apart else None
        if negator is not None and out[negator] not in _BREAKS:
            # "not a night for anything but comedy", "I don't want anything except sci-fi": only that is wanted
            for j in (negator, *range(i, i + 1 + apart)):
                out[j] = "qqmask"
            continue
        if k in _PULLED and out[i + 1:i + 2] == ["not"] and out[i + 2:i + 3] and out[i + 2] in _WATCHING:
            # "I can't not watch Jaws when it's on": a pull, a like; "I wouldn't not watch the third": I would
            out[i], out[i + 1] = "qqgood", "qqmask"
        elif k in _VERB_NEGATORS and out[i + 1:i + 2] == ["not"]:
            out[i] = out[i + 1] = "qqmask"  # "don't NOT want"
        elif k in _CANT and out[i + 1:i + 2] == ["say"] and (said := _mind_said(out, i + 2)):
            out[i:i + 2 + said] = ["qqmask"] * (1 + said) + ["wouldnt"]  # "can't say I'd mind a western": I wouldn't
        elif k in lexicon.NEGATORS and (stem := _negated_praise(out[i + 1:i + 3])):
            out[i], out[i + 1] = "qqmask", stem  # "not unfond of", "never unhappy with": litotes, a like
        elif _negated_praise(out[i:i + 2]):
            out[i] = "qqbad"  # "unhappy with most musicals": praise negated by its prefix
        elif k in {"not", "isnt", "wasnt"} and (lead := _as_if(out, i)):
            window = range(i + lead, min(len(out), i + lead + 3))
            second = next((j for j in window if out[j] in lexicon.NEGATORS), None)
            if second is not None:
                for j in (*range(i, i + lead), second):
                    out[j] = "qqmask"  # "it's not as if I don't like westerns", "it isn't as though we can't…"
        elif (k == "not" and out[i + 1:i + 2] == ["that"]) or (k == "no" and out[i + 1:i + 3] in (
                ["es", "que"], ["era", "que"])):
            lead = 2 if k == "not" else 3
            window = range(i + lead, min(len(out), i + lead + 3))
            second = next((j for j in window if out[j] in lexicon.NEGATORS), None)
            if second is not None:
                for j in (*range(i, i + lead), second):
                    out[j] = "qqmask"  # "not that I don't…", "no es que no…"
            elif k == "no" or out[i + 2:i + 3] in (["i"], ["we"], ["it"], ["im"], ["i m"]):
                out[i:i + lead] = ["qqshrug"] + ["qqmask"] * (lead - 1)  # "not that I disliked it": no verdict
    return out


_NEGATING_PREFIXES = ("un", "dis", "in")
_LIKING_VERBS = re.compile(r"(?:lik|lov|enjoy|ador|dig|rock)")
"""Verbs of liking: a prefix before one makes no negated praise ("unlike Heat" compares; no "unlove")."""


def _negated_praise(after: list[str]) -> str:
    """The word of praise the first of ``after`` negates by its prefix, read with the word after it ("unfond
    of" -> "fond", "unhappy with" -> "happy"), or "" for any other word; a negator before it then makes litotes
    ("not unfond of documentaries" is fond of them), and alone it is a verdict against ("unhappy with most
    musicals"). A word that is praise or blame itself is left alone, and so is a verb of liking after the prefix
    ("unlike" is a preposition).
    """
    word = after[0] if after else ""
    for prefix in _NEGATING_PREFIXES:
        stem = word[len(prefix):]
        if not word.startswith(prefix) or len(stem) < 3 or _LIKING_VERBS.match(stem):
            continue
        praise = lexicon.POSITIVE.match(" ".join([stem, *after[1:]]))
        if praise and praise.end() >= len(stem) and not lexicon.POSITIVE.match(word) \
                and not lexicon.NEGATIVE.match(word):
            return stem
    return ""


_AS_IF = (["as", "if"], ["as", "though"])
_SUBJECTS = frozenset("i we im i m ive id wed".split())


def _as_if(keys: list[str], i: int) -> int:
    """How many words "not as if" / "not as though" take from ``i``, when a subject of the speaker's follows
    ("it's not as if I don't like westerns", "it isn't as though we can't enjoy one"); 0 otherwise. ("not like I
    didn't…" is read through its two negators.)
    """
    if keys[i + 1:i + 3] in _AS_IF and keys[i + 3:i + 4] and keys[i + 3] in _SUBJECTS:
        return 3
    return 0
