"""Which aspects a message likes, avoids or asks for: the fallback reader and its sentence rules.

``with_fallback_aspects`` is what the graph calls on every turn: it reads moods and attributes with
``aspects_with_polarity`` when the signal has none, and the names of people the catalog does not
know. ``aspects_with_polarity`` is a simple stand-alone reader (clause-local negators) over the
spans ``aspect_phrases.find_aspects`` finds, used until the parser fills
``PreferenceSignal.liked_aspects`` / ``disliked_aspects`` itself. ``asked_aspects`` tells the moods
a message asks for from those it only says while judging films.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from chat_rec.catalog.titles import fold
from chat_rec.understanding import film_facts, lexicon, mood_axes, request_words, years
from chat_rec.understanding.aspect_phrases import _OPENERS, NEGATORS, Token, find_aspects, tokenize
from chat_rec.understanding.audience import AUDIENCE_TERM, audience_asked, audience_spans
from chat_rec.understanding.clause_state import split_clauses
from chat_rec.understanding.clauses import ASKED_BY_ORDER, asks_what_a_film_is
from chat_rec.understanding.cleaning import clean
from chat_rec.understanding.lexicon import DAY_NAMES, TIME_NOUNS
from chat_rec.understanding.mood_scope import (
    CLAUSE_BREAKS,
    FRESH_PHRASE,
    Scope,
    coordinated,
    speaker_state,
)
from chat_rec.understanding.mood_words import WANTED_EFFECT, covered_keys, spanish_moods
from chat_rec.understanding.names import name_spans, unknown_names
from chat_rec.understanding.spelled_years import spell_out_years
from chat_rec.understanding.tokens import tokenize as keys_of
from chat_rec.understanding.verdict_words import DEVOTED

if TYPE_CHECKING:
    from chat_rec.catalog.aspects import AspectIndex
    from chat_rec.understanding.resolver import TitleResolver
    from chat_rec.understanding.signal import PreferenceSignal



SENTENCE_BREAKS = frozenset({".", "!", "?"})

SHORT_SENTENCE = 6
"""A sentence of at most this many words is a request by itself ("a dark, slow-burn mystery")."""


_DEVOTED = re.compile(r"\b(?:" + DEVOTED + r")\b")
"""Phrases of devotion to a film (``verdict_words.DEVOTED``): they say how much it is liked, nothing of its
kind, so none of their words is a mood ("so many times" had read as "time travel")."""

_MIND_IDIOMS = re.compile(r"\b(?:(?:in|to|on (?:my|your|our)) mind|never mind|(?:dont|do not|wouldnt|would not) mind"
                          r"|mind you)\b")
"""English idioms with "mind" that say nothing of a film ("anything in mind?", "comes to mind", "never
mind", "I don't mind"); "blow my mind" still asks for a mind-blowing one."""

_MOOD_IDIOMS = re.compile(r"\b(?:estoy|estamos|esta|estan|estaba|ando|andamos|anda) (?:de|con) (?:buen |mal )?"
                          r"(?:humor|animo)\b")
"""Spanish "estar de humor" ("be in the mood"): the idiom's "humor" names no mood of a film ("no estoy de
humor para algo oscuro")."""


def _blocked_spans(text: str, tokens: Sequence[Token], resolver: TitleResolver | None,
                   vocabulary: AspectIndex | None = None) -> set[int]:
    """Token positions inside a catalog title or a genre name (the parser reads those), and those a
    verdict idiom of several words opens with (its last word may still name a mood: "makes me laugh").
    With the ``vocabulary``, a word of a genre name that is a mood or topic of its own and names no
    genre stays readable: "psychological" of "psychological thrillers" (Thriller, and psychological).
    """
    spans: list[tuple[int, int]] = []
    if resolver is not None:
        spans += [(m.start, m.end) for m in resolver.find_in_text(text)]
    folded, starts = lexicon.joined_keys([t.key for t in tokens])
    for regex, _ in lexicon.GENRE_RES:
        for m in regex.finditer(folded):
            covered = covered_keys(m, starts)
            spans += [(tokens[k].start, tokens[k].end) for k in covered
                      if not (vocabulary is not None and len(covered) > 1 and _qualifier(tokens[k].key, vocabulary))]
            after = covered[-1] + 1 if covered else len(tokens)
            if vocabulary is not None and after < len(tokens) and vocabulary.is_term(
                    f"{tokens[covered[-1]].key} {tokens[after].key}"):  # "action packed": the genre's own compound
                spans.append((tokens[after].start, tokens[after].end))
    idiom: set[int] = set()  # the words a verdict idiom leads with: "big" of "big fan of" is no mood
    for regex in (lexicon.POSITIVE, lexicon.NEGATIVE):
        for m in regex.finditer(folded):
            idiom.update(covered_keys(m, starts)[:-1])
    for m in _DEVOTED.finditer(folded):  # "watched it so many times": every word, "times" is no mood either
        idiom.update(covered_keys(m, starts))
    for m in _MIND_IDIOMS.finditer(folded):  # "anything in mind?" asks for no mind-bending film
        idiom.update(covered_keys(m, starts))
    for m in _MOOD_IDIOMS.finditer(folded):  # "estoy de humor para …" asks for no comedy
        idiom.update(covered_keys(m, starts))
    idiom.update(_companions([t.key for t in tokens]))
    inside = {k for k, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in spans)}
    # the version word before a title ("in the style of the original Ghostbusters") tells which film, no mood
    idiom.update(k - 1 for k in inside if k and k - 1 not in inside and tokens[k - 1].key in _VERSION_WORDS)
    return idiom | inside


_VERSION_WORDS = frozenset("original remake remade new old first".split())
"""Words that tell which film of a title right after them ("the original Ghostbusters", "the new Dune")."""


def _companions(keys: Sequence[str]) -> set[int]:
    """Positions of the people a person watches with or chooses for, after a possessive ("my dad's
    coming over", "for me and my girlfriend", "mi hermana"): who watches, not what the film is about
    ("a film about my father" keeps its topic).
    """
    out = set()
    for k in range(1, len(keys)):
        noun = keys[k] if keys[k] in lexicon.COMPANIONS else keys[k][:-1] if keys[k].endswith("s") else ""
        # "my dad", "my little brother": a possessive right before, or one word before
        owner = next((j for j in (k - 1, k - 2) if j >= 0 and keys[j] in lexicon.POSSESSIVES), None)
        if noun in lexicon.COMPANIONS and owner is not None \
                and not (owner > 0 and keys[owner - 1] in {"about", "sobre", "of", "de"}):
            out.add(k)  # "dads" is "dad's" folded
    return out


def _qualifier(key: str, vocabulary: AspectIndex) -> bool:
    """A word of a genre name that is a vocabulary term (itself, or through the Spanish moods table:
    "psicologico" -> psychological) and neither a genre, a verdict nor a film noun.
    """
    term = vocabulary.is_term(key) or any(vocabulary.is_term(t) for _, _, t in spanish_moods([key]))
    return term and not lexicon.genre_word(key) and key not in _FILM_NOUNS \
        and not (lexicon.POSITIVE.fullmatch(key) or lexicon.NEGATIVE.fullmatch(key))


_OPEN_ASK = FRESH_PHRASE
_OPEN_ARTICLE = frozenset("a an una un some unas unos".split())
_FILM_NOUNS = frozenset("movie movies film films flick one ones peli pelis pelicula peliculas de".split())
_HEAD_NOUNS = _FILM_NOUNS - {"one", "ones", "de"}
"""Film nouns that head a phrase of their own ("films by …", "pelis sobre …")."""
_NOUN_LINKS = frozenset("by about with from like starring featuring set where that which "
                        "con sobre sin de del como donde que protagonizadas dirigidas".split())
"""Words that go on a film noun's phrase ("films by", "movies about", "pelis sobre"): a sentence that
opens with the noun and one of these is a noun phrase asking for films, not a statement about them."""


def _request_phrase(words: Sequence[str]) -> bool:
    """A sentence that is a noun phrase asking for a film ("una película triste que me haga llorar",
    "something my kids can watch", "a film about grief"), however long: it opens with "something"/"algo",
    or with an article and a film noun ("una de zombis") within three words, after any discourse
    words (``_OPENERS``); or with a film noun and a word that goes on its phrase ("films by", "pelis sobre").
    """
    words = words[next((n for n, w in enumerate(words) if w not in _OPENERS), len(words)):]
    if not words:
        return False
    if words[0] in _HEAD_NOUNS and len(words) > 1 and words[1] in _NOUN_LINKS:
        return True  # "films by Hayao Miyazaki or Satoshi Kon", "movies about grief", "pelis con Ana Torrent"
    return words[0] in _OPEN_ASK or (words[0] in _OPEN_ARTICLE and bool(_FILM_NOUNS & set(words[1:4])))


def _asking_sentences(keys: Sequence[str], occasion: Collection[int] = ()) -> set[int]:
    """Token positions in sentences that ask for or judge something (cue words), or are short.

    Narrative sentences ("my wife and I watched it yesterday") say nothing about what is wanted.
    """
    inside: set[int] = set()
    for start, end in _sentences(keys):
        words = [key for n, key in enumerate(keys[start:end], start) if key not in CLAUSE_BREAKS and n not in occasion]
        text = " ".join(words)
        asking = (len(words) <= SHORT_SENTENCE or any(w in NEGATORS for w in words) or _request_phrase(words)
                  or any(r.search(text) for r in (request_words.REQUEST, lexicon.POSITIVE, lexicon.NEGATIVE,
                                                  WANTED_EFFECT)))
        if asking:
            inside.update(range(start, end))
        else:  # "my kids want me to relax, so something dark": only the part after "so" asks
            inside.update(n for at in _consequences(keys, start, end) for n in range(at, end))
    return inside


_SO = frozenset("so then entonces".split())
"""Words that open a consequence inside a sentence ("the kids want me to relax, so something dark")."""


def _consequences(keys: Sequence[str], start: int, end: int) -> list[int]:
    """Where a clause of its own that asks opens inside the sentence ``keys[start:end]``: after a "so",
    "then" or "así que" that a noun phrase asking for a film follows ("my mum is visiting so something
    gentle", ``_request_phrase``), as a sentence of its own would ask.
    """
    out = []
    for n in range(start, end - 1):
        if keys[n] in _SO or keys[n] == "que" and n > start and keys[n - 1] == "asi":
            if _request_phrase([k for k in keys[n + 1:end] if k not in CLAUSE_BREAKS]):
                out.append(n + 1)
    return out


def _sentences(keys: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) token positions of each sentence of ``keys``, its closing mark left out."""
    out, start = [], 0
    for end in [*(k for k, key in enumerate(keys) if key in SENTENCE_BREAKS), len(keys)]:
        out.append((start, end))
        start = end + 1
    return out


_WEEKDAYS = DAY_NAMES | {d + "s" for d in DAY_NAMES if not d.endswith("s")}  # "sundays", "sabados"
_DAY_ARTICLES = frozenset("el los this next last every cada este proximo".split())
_NOUN_ARTICLES = frozenset("a an the some un una unos unas el la los las".split())
_ASKED_HEADS = frozenset("something anything algo alguna alguno una uno".split())
"""Words that open what is asked for ("algo de viajes en el tiempo" asks for time travel), no occasion."""
OCCASION_OPENERS = frozenset("for on during after before this tonight para en durante despues antes este esta".split())


def occasion_spans(keys: Sequence[str]) -> set[int]:
    """Token positions of phrases that say when the film is watched: an opener ("for", "on", "after",
    "para", "en") then at most four words ending in a time noun ("for a rainy sunday", "after a long
    day at work", "para una tarde de domingo", "on a long flight"), or one or two words and the time noun
    opening a clause ("long flight tomorrow, …", "rough week."). Their adjectives are the occasion's
    ("rainy", "lazy", "long"), not moods of the film.
    """
    out: set[int] = set()
    for i, k in enumerate(keys):
        if k in _WEEKDAYS:  # "vienen el sábado", "saturday night": a day of the week is never a mood
            out.update(range(i - 1 if i and keys[i - 1] in _DAY_ARTICLES else i, i + 1))
        if (i == 0 or keys[i - 1] in CLAUSE_BREAKS) and k not in TIME_NOUNS:
            # the occasion opening its clause with no opener: "long flight tomorrow, what should I download",
            # "rough week. something cosy?": an adjective or two, then the time noun
            at = next((j for j in range(i + 1, min(len(keys), i + 3)) if keys[j] in TIME_NOUNS
                       and all(w.isalpha() and w not in _NOUN_ARTICLES and w not in lexicon.EN_STOPWORDS
                               and w not in lexicon.ES_STOPWORDS and w not in _ASKED_HEADS for w in keys[i:j])), None)
            if at is not None:
                end = at + 1
                while end < len(keys) and keys[end] in TIME_NOUNS:
                    end += 1  # "lazy sunday afternoon"
                out.update(range(i, end))
        if k not in OCCASION_OPENERS:
            continue
        for j in range(i + 1, min(len(keys), i + 6)):
            if keys[j] in CLAUSE_BREAKS or keys[j] in OCCASION_OPENERS and _NOUN_ARTICLES & set(keys[i + 1:j]):
                break  # a noun phrase, then an opener of its own: "up for a laugh after the week we had" wants a laugh
            if keys[j] in TIME_NOUNS:
                end = j + 1
                while end < len(keys) and keys[end] in TIME_NOUNS | {"de", "at", "work", "trabajo", "por", "la", "el"}:
                    end += 1  # "tarde de domingo", "day at work", "viernes por la noche"
                out.update(range(i, end))
                break
    return out


def _asking_clause(keys: Sequence[str], at: int) -> bool:
    """Whether the clause holding ``keys[at]`` asks for a film ("looking for a truly stupid comedy",
    "something silly"): a complaint word there describes what is wanted.
    """
    lo = next((j + 1 for j in range(at - 1, -1, -1) if keys[j] in CLAUSE_BREAKS), 0)
    hi = next((j for j in range(at, len(keys)) if keys[j] in CLAUSE_BREAKS), len(keys))
    for _, start, end in split_clauses(list(keys)):  # the parser's clauses, also in a message without stops
        if start <= at < end:  # ("the second was bad can you find me more like the first": "bad" judges)
            lo, hi = max(lo, start), min(hi, end)
    return _asks(list(keys[lo:hi]))


def _asks(words: Sequence[str]) -> bool:
    """Whether ``words`` ask for a film: a noun phrase asking (``_request_phrase``), a request word, a
    wish ("I'd like") or a want of what a film gives ("up for a laugh", ``WANTED_EFFECT``).
    """
    joined = " ".join(words)
    return _request_phrase(words) or bool(request_words.REQUEST.search(joined) or _WISH.search(joined)
                                          or WANTED_EFFECT.search(joined))


def aspects_with_polarity(text: str, vocabulary: AspectIndex, resolver: TitleResolver | None = None,
                          names: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """(liked, disliked) aspect phrases of a message: the fallback reader, not the parser.

    Only sentences that ask or judge count (a cue word such as "want", "something", "love", "no",
    or six words at most). An aspect is disliked when a negator ("no", "not too", "nothing",
    "without", "sin", "nada", "avoid") stands before it in its clause, at most ``NEGATION_REACH``
    tokens away, or when "too" does ("it was too violent"), or when it is itself a word of
    complaint ("Heat was boring": boring films are to be avoided, not sought). Titles, genre names
    and the ``names`` of people the catalog does not know are skipped; what the person does not mind
    ("I don't mind subtitles") is neither side.
    """
    tokens = tokenize(text)
    keys = [t.key for t in tokens]
    occasion = occasion_spans(keys)  # not counted in a sentence's length: "a spooky movie for a stormy night"
    asking = _asking_sentences(keys, occasion)
    skip = _blocked_spans(text, tokens, resolver, vocabulary) | (set(range(len(keys))) - asking) | occasion
    skip |= {k for i, j in name_spans(text, tokens, vocabulary) for k in range(i, j)}  # "Peter" is no "peter pan"
    audiences = audience_spans(keys)
    skip |= {k for covered in audiences for k in covered}  # "family" of "for the family" is who watches
    for name in names:  # people the catalog does not know ("starring Cruise" is no "ships")
        for m in re.finditer(re.escape(name), text):
            skip |= {k for k, t in enumerate(tokens) if m.start() <= t.start < m.end()}
    liked: dict[str, None] = {}
    disliked: dict[str, None] = {}
    folded, starts = lexicon.joined_keys(keys)
    panned = {k for m in lexicon.NEGATIVE.finditer(folded) for k in covered_keys(m, starts)}
    scope = Scope(keys, folded, starts, {k for m in _MIND_IDIOMS.finditer(folded) for k in covered_keys(m, starts)})
    last: tuple[int, bool] | None = None  # where the previous mood ended, and whether it was ruled out
    for start, end, phrase in sorted(find_aspects(keys, vocabulary, skip)):
        if speaker_state(keys, start) and not WANTED_EFFECT.match(" ".join(keys[start:end])):
            # "I'm exhausted today", "I'm bored": how the person is, not what the film should be ("I'm in
            # the mood for a good cry" wants one: a want of what a film gives, ``WANTED_EFFECT``)
            last = None
            continue
        if panned & set(range(start, end)) and not _asking_clause(keys, start):
            _record(phrase, True, liked, disliked, vocabulary)  # "Heat was boring", "it bored me": a quality to avoid
            last = (end, True)
            continue
        negated, tolerated = scope.ruled_out(start)
        if last is not None and last[1] and coordinated(keys[last[0]:start]):
            negated = True  # "without the crude jokes and swearing": the negation reaches the second mood
        if not tolerated:
            _record(phrase, negated, liked, disliked, vocabulary)
        last = (end, negated) if not tolerated else None
    audience = audience_asked(keys, audiences)
    if audience is not None and vocabulary.is_term(AUDIENCE_TERM):
        (liked if audience else disliked)[AUDIENCE_TERM] = None
    return list(liked), [p for p in disliked if p not in liked]


def _record(phrase: str, negated: bool, liked: dict[str, None], disliked: dict[str, None],
            vocabulary: AspectIndex) -> None:
    """Count one mood phrase on its side. A word of the mood axes (``mood_axes``) counts as its poles'
    tags: asked ("something lighter", "a cheerful one"), its own pole is liked (the tags enough films carry
    to draw by) and the other disliked; ruled out ("nothing too heavy"), its own pole is disliked.
    """
    axis = mood_axes.pole(phrase, vocabulary)
    if axis is None:
        (disliked if negated else liked)[phrase] = None
        return
    if negated:
        disliked.update(dict.fromkeys(axis.toward))
        return
    liked.update(dict.fromkeys(axis.drawn))
    disliked.update(dict.fromkeys(axis.away))


_WISH = re.compile(r"\b(?:(?:(?:i|we) (?:d|would)|id|wed) (?:like|love|prefer|enjoy)"
                   r"|me (?:gustaria|encantaria|apeteceria)|quisiera|quisieramos)\b")
"""A wish is a request, though its verb is a verdict word ("I'd like something dark", "me gustaría algo
de miedo"): the conditional asks for a film; "I like dark films" still states a taste."""

_POLITE = re.compile(r"\b(?:please|pls|plz|por favor|porfa|porfavor|xfa)\b")
"""Politeness asks ("ahora una de mafiosos, por favor"), though the verdict words count "please" as
taking a film up."""


def asked_aspects(text: str, phrases: Sequence[str]) -> tuple[str, ...]:
    """The ``phrases`` (liked moods or topics read from ``text``) that the message asks for: those
    in a sentence that requests (a question, a request word or "please", a noun phrase asking for a
    film, or a sentence that judges nothing: "a quirky comedy"), not those said while judging films ("Classic,
    loved it", "the lead is a riot"). A phrase not found in the words (a Spanish word read as its English
    tag) counts as asked when any sentence of the message requests.

    The aspect floor (``ranking.pipeline.with_aspect_floor``) holds for these only; the others still
    shape the score.
    """
    keys = [t.key for t in tokenize(text)]
    sentences: list[tuple[str, bool]] = []
    for start, end in _sentences(keys):
        words = [k for k in keys[start:end] if k not in CLAUSE_BREAKS]
        joined = " ".join(words)
        question = end < len(keys) and keys[end] == "?"
        judging = bool(lexicon.POSITIVE.search(joined) or lexicon.NEGATIVE.search(joined))
        requests = question or _asks(words) or bool(_POLITE.search(joined)) or not judging
        if words:
            sentences.append((joined, requests))
    out = []
    for phrase in phrases:
        found = re.compile(r"\b" + re.escape(fold(phrase)) + r"\b")
        holders = [requests for joined, requests in sentences if found.search(joined)]
        if any(holders) or not holders and any(requests for _, requests in sentences):
            out.append(phrase)
    return tuple(out)


def era_phrase_words(text: str) -> list[str]:
    """The folded words of the relative-era phrases in ``text`` ("too old", "algo más reciente")."""
    from chat_rec.understanding.clauses import ERA_PHRASES

    folded = " ".join(fold(w) for w in re.findall(r"[\w'’-]+", text))
    return [w for rx in ERA_PHRASES for m in rx.finditer(folded) for w in m.group(0).split()]


_QUOTED = re.compile(r"[\"“«][^\"”»]{1,120}[\"”»]|(?<!\w)['‘][^'’]{1,120}['’](?!\w)")
"""Quoted strings: titles or names the person typed, never moods."""


def with_fallback_aspects(signal: PreferenceSignal, text: str, vocabulary: AspectIndex | None,
                          resolver: TitleResolver | None = None) -> PreferenceSignal:
    """Read moods and attributes when the signal has none, and the names of people it asks for that
    the catalog does not know (``names.unknown_names``), whatever else it has.

    Only the user's own words count: sentences aimed at the system and pasted markup are dropped
    (``cleaning.clean``), and so are quoted strings and titles the catalog does not hold, which
    are names, not moods ("recommend 'Zorblax Returns'").
    """
    if vocabulary is None or not text.strip():
        return signal
    text = spell_out_years(clean(text))  # as the parser reads it: "the nineteen eighties" is a decade, no mood
    for title in signal.unresolved_titles:
        text = text.replace(title, " ")
    text = _QUOTED.sub(" ", text)
    text = _without_film_questions(_without_small_talk(text, vocabulary))
    tokens = tokenize(text)
    names = unknown_names(text, tokens, vocabulary, lambda: _blocked_spans(text, tokens, resolver))
    if names:  # said in the reply, and not read as moods
        signal = signal.model_copy(update={"unknown_names": names})
    if signal.liked_aspects or signal.disliked_aspects:
        return _spare_mood_genres(signal, vocabulary, resolver)
    liked, disliked = aspects_with_polarity(text, vocabulary, resolver, names)
    if signal.era:  # "something older" is a relative era (kept in ``era``), not a mood called "older"
        era_words = set(era_phrase_words(text))
        liked = [p for p in liked if not set(p.split()) <= era_words]
        disliked = [p for p in disliked if not set(p.split()) <= era_words]
    if signal.year_min is not None or signal.year_max is not None:  # "from the 60s" is the year range,
        liked = [p for p in liked if not _names_a_period(p)]  # not also a mood called "60s"
        disliked = [p for p in disliked if not _names_a_period(p)]
    if not liked and not disliked:
        return signal
    signal = signal.model_copy(update={"liked_aspects": liked, "disliked_aspects": disliked})
    return _spare_mood_genres(signal, vocabulary, resolver)


def _names_a_period(phrase: str) -> bool:
    """A phrase of years or decades only ("60s", "the 1980s", "seventies", "2005")."""
    words = [w for w in phrase.split() if w not in {"the", "los", "las", "anos", "years"}]
    return bool(words) and all(re.fullmatch(r"'?(?:19|20)?\d0s|\d{4}s?", w) or years.decade_of_word(w) is not None
                               or w in _RANGE_WORDS for w in words)


_RANGE_WORDS = frozenset("onwards onward later earlier newer older present".split())
"""Words of a year range ("from 2010 onwards"): with the range read, no mood."""


_PIECE = re.compile(r"[^.,!?;¡¿\n]+")


_HEAD_WORD = re.compile(r"\b(?:something|anything|algo|alguna|alguno)\b")


def _without_small_talk(text: str, vocabulary: AspectIndex) -> str:
    """``text`` without its pieces of small talk ("haha cool, thanks! how's your day going?"): a piece
    that ``request_words.SMALL_TALK`` opens and that names no mood, topic or genre after it ("cool" and
    "hows" are no moods of a film). "ok, a comedy" and "thanks, something darker" keep the request; an ask
    after the small talk ("ok cool, anything lighter?") keeps only the ask.
    """
    def masked(piece: re.Match[str]) -> str:
        folded = fold(piece.group())
        talk = request_words.SMALL_TALK.match(folded)
        if not talk:
            return piece.group()
        rest = folded[talk.end():].split()
        head = _HEAD_WORD.search(piece.group().lower())
        if head is not None:  # "ok cool, anything lighter?": the ask after the small talk, which is no mood ("cool")
            return " " * head.start() + piece.group()[head.start():]
        if any(vocabulary.is_term(w) or lexicon.genre_word(w) or mood_axes.is_axis_word(w) for w in rest
               if w not in lexicon.EN_STOPWORDS and w not in lexicon.ES_STOPWORDS) \
                and not all(lexicon.POSITIVE.fullmatch(w) for w in rest):  # "ok cool": praise, no mood
            return piece.group()
        return " " * len(piece.group())

    return _PIECE.sub(masked, text)


def _without_film_questions(text: str) -> str:
    """``text`` without its yes/no questions about a film ("is the second one very long", "is it scary?",
    "¿es muy lenta?"): they ask what the film is like, and their words are no mood asked for.
    """
    def masked(piece: re.Match[str]) -> str:
        keys = " ".join(t.key for t in keys_of(piece.group()))
        asks = asks_what_a_film_is(keys) or ASKED_BY_ORDER.match(keys + " ") or film_facts.asked_fact(keys)
        return " " * len(piece.group()) if asks else piece.group()

    return _PIECE.sub(masked, text)


MOOD_GENRE_SHARE = 0.5
"""A genre holds a mood when more than this share of the mood's carriers (by term weight) are of it."""


def _spare_mood_genres(signal: PreferenceSignal, vocabulary: AspectIndex,
                       resolver: TitleResolver | None) -> PreferenceSignal:
    """Take back the dislike of a ruled-out compound's part that holds a mood the message asks for:
    "something funny but not a rom-com" rules out romance, not comedy, since most films tagged
    "funny" are comedies; "something dark, but no crime thrillers" keeps both parts disliked, as no
    genre holds most dark films. A genre named alone ("funny, but no comedies") stays disliked.
    """
    if not signal.ruled_out_together or not signal.liked_aspects or resolver is None:
        return signal
    catalog = resolver.catalog
    spared: set[str] = set()
    for phrase in signal.liked_aspects:
        tagged = vocabulary.tagged(phrase)
        rows = np.flatnonzero(tagged)
        if not len(rows):
            continue
        weights = tagged[rows]
        items = [catalog.get(int(vocabulary.ids[r])) for r in rows]
        for parts in signal.ruled_out_together:
            for genre in parts:
                held = sum(float(w) for w, item in zip(weights, items, strict=True) if item and genre in item.genres)
                if held > MOOD_GENRE_SHARE * float(weights.sum()):
                    spared.add(genre)
    if not spared:
        return signal
    return signal.model_copy(update={"disliked_genres": [g for g in signal.disliked_genres if g not in spared]})
