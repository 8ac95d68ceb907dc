"""The model's intro, streamed from the model's own token stream and checked sentence by sentence.

Tokens are gathered until a sentence ends; the finished sentence is checked and either handed to the
page at once or dropped, so no word of a bad sentence is ever shown. A sentence is dropped when it
names a movie (the picks are listed by code, the intro names none), speaks of the person in the
third person ("The person is looking for…"), echoes the person's message or a prompt, or is a
fragment, list item or markup. Generation stops once ``MAX_SENTENCES`` have been kept.
"""

from __future__ import annotations

import functools
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from chat_rec.catalog.models import GENRES
from chat_rec.catalog.titles import fold
from chat_rec.conversation.intro_claims import (
    copies_example,
    example_runs,
    names_avoided_mood,
    near_mood,
    negates_a_quality,
    rules_out_unasked,
    without_negated,
)
from chat_rec.limits import echoes_prompt, scrub_line
from chat_rec.llm.prompts import example_answers, prompt_path
from chat_rec.understanding import lexicon
from chat_rec.understanding.extractor import genres_named

if TYPE_CHECKING:
    from chat_rec.conversation.deps import Deps

log = logging.getLogger(__name__)

MAX_SENTENCES = 2
MAX_SENTENCE_CHARS = 300
_END = re.compile(r"[.!?…]+[\"')\]]*\s+|\n+")
_FORBIDDEN = re.compile(r"(\(\s*(19|20)\d\d\s*\)|[\"“”«»*#<>\[\]`{}|]|https?://|system prompt|instruction)", re.I)
_LIST_MARKER = re.compile(r"^\s*(\d+|[a-zA-Z])[.):]\s")
NOTHING_ASKED = "nothing specific"
NOTHING_LIKED = "not said yet"
"""What the intro prompt's "Asked for" and "Likes" fields say when the person said nothing there."""
_PLACEHOLDER = re.compile(rf"\b(?:{NOTHING_ASKED}|{NOTHING_LIKED})\b", re.IGNORECASE)
"""A sentence that repeats one of them read the prompt's empty field aloud ("Adventure, drama, not
said yet."): too short for the six-word prompt echo check."""
_THIRD_PERSON = re.compile(
    r"\b(the|this|that|our|a)\s+(person|user|viewer|customer|client|individual|human|requester)s?\b"
    r"|\b(he|she|him|his|hers|himself|herself)\b"
    r"|\b(el|la|este|esta|al|del)\s+(persona|usuario|usuaria|espectador|espectadora|cliente)\b|\b(él|ella)\b",
    re.I,
)
"""Ways of speaking about the addressee instead of to them: role nouns with a determiner, and
personal pronouns that cannot refer to a film (he, she…). "They" is left alone: it is the usual
way to refer to the picks."""
_EVERY = re.compile(r"\b(?:all|every|each|only|todas|todos|cada|solo|sólo|solamente|únicamente)\b", re.I)
_TASTE_WORD = re.compile(r"\b(?:genres?|género|géneros|genero|generos|kind|type|style|tipo|estilo)\b", re.I)
"""A claim about every pick ("All from the genre you like", "todas son comedias") is checked against
the picks' own genres; "the genre you like" means the genres the person asked for or likes."""
ECHO_RUN = 4
"""A run of this many words shared with the person's message counts as an echo of it."""
ALLOWED_CAPITALISED = {"I", "I'm", "I've", "I'll", "I'd", "OK", "TV", *GENRES, "Sci", "Fi", "Noir", "Film"}


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w'’-]*", text.lower())


def echoes_message(sentence: str, message: str) -> bool:
    """Whether the sentence repeats the person: ECHO_RUN words in a row, or barely a word of its own."""
    words, said = fold(sentence).split(), fold(message).split()
    if not words or not said:
        return False
    runs = {tuple(said[i:i + ECHO_RUN]) for i in range(len(said) - ECHO_RUN + 1)}
    if any(tuple(words[i:i + ECHO_RUN]) in runs for i in range(len(words) - ECHO_RUN + 1)):
        return True
    vocabulary = set(said)
    own = [w for w in words if w not in vocabulary]
    return len(own) * 4 <= len(words)


def names_something(sentence: str) -> bool:
    """A capitalised word inside a sentence is a name (a film, a person): the intro names none."""
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", sentence)
    return any(w.isdigit() or (w[0].isupper() and w not in ALLOWED_CAPITALISED) for w in words[1:])


_GENRE_WORDS = frozenset(fold(g) for g in GENRES) | {"sci fi", "scifi", "science fiction"}


def _is_genre_word(text: str) -> bool:
    """A genre's name ("Adventure") that a film also bears ("L'Avventura (Adventure, The)"): the intro
    is asked to speak in genres, so there it names the genre.
    """
    return fold(text).replace("-", " ").strip() in _GENRE_WORDS


_FILM_NOUNS = frozenset("films movies picks stories peliculas pelis historias".split())


def repeats_itself(sentence: str) -> bool:
    """A word of five letters or more said twice ("Sci-Fi action, action-packed, and action-packed."):
    the small model looping, not a sentence worth showing. Small words and the words for films
    ("films", "picks") may come twice.
    """
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", fold(sentence))
             if len(w) >= 5 and w not in lexicon.EN_STOPWORDS and w not in lexicon.ES_STOPWORDS
             and w not in _FILM_NOUNS]
    return len(words) != len(set(words))


def sentence_problem(sentence: str, deps: Deps, allowed_labels: Iterable[str], message: str = "") -> str:
    """Why ``sentence`` must not be shown ("" when it may be)."""
    if len(re.findall(r"[^\W\d_]{2,}", sentence)) < 3 or _LIST_MARKER.match(sentence):
        return "fragment"
    if _FORBIDDEN.search(sentence) or len(sentence) > MAX_SENTENCE_CHARS:
        return "markup"
    if echoes_prompt(sentence) or scrub_line(sentence) != sentence or _PLACEHOLDER.search(sentence):
        return "prompt echo"
    if message and echoes_message(sentence, message):
        return "echoes the message"
    if sentence.rstrip("\"'”»)").endswith("?"):
        return "question"  # the intro presents picks; the turn does not wait for an answer
    if _THIRD_PERSON.search(sentence):
        return "third person"
    if repeats_itself(sentence):
        return "repeats itself"
    lowered = sentence.lower()
    titles = [m for m in deps.resolver.find_in_text(sentence) if not _is_genre_word(m.text)]
    if titles or any(label.lower() in lowered for label in allowed_labels):
        return "names a movie"
    if names_something(sentence):
        return "names something"
    return ""


@dataclass
class IntroGate:
    """Feed it the model's text pieces; it returns the sentences that may be shown, as they complete."""

    deps: Deps
    allowed_labels: list[str]
    message: str = ""
    avoid: list[str] = field(default_factory=list)
    """Genres the person excluded: a sentence naming one (in any language we read) is dropped,
    so the intro never tells someone who said "no horror" that they like horror."""
    avoid_moods: list[str] = field(default_factory=list)
    """Moods and topics the person asked to avoid ("nothing boring"): a sentence offering one is dropped."""
    pick_genres: list[frozenset[str]] = field(default_factory=list)
    """Each pick's genres: a sentence saying all the picks are of a genre must be true of every one."""
    liked: list[str] = field(default_factory=list)
    """The genres the person asked for or likes: what "the genre you like" means."""
    examples: frozenset[tuple[str, ...]] = field(default_factory=lambda: intro_examples())
    """The describing word runs of the intro prompts' example answers (``intro_claims.example_runs``)."""
    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)
    _pending: str = ""
    _skipping: bool = False
    """Inside a run-on sentence already dropped: discard up to its end."""

    @property
    def full(self) -> bool:
        return len(self.kept) >= MAX_SENTENCES

    def feed(self, piece: str) -> list[str]:
        """Add ``piece``; return the newly completed sentences that passed the checks."""
        self._pending += piece
        released: list[str] = []
        while not self.full and (end := _END.search(self._pending)):
            sentence, self._pending = self._pending[:end.end()], self._pending[end.end():]
            if self._skipping:
                self._skipping = False
            else:
                released += self._judge(sentence)
        if not self.full and len(self._pending) > MAX_SENTENCE_CHARS:  # a run-on sentence: never shown
            if not self._skipping:
                self.dropped.append((self._pending.strip()[:MAX_SENTENCE_CHARS], "run-on"))
            self._pending, self._skipping = "", True
        return released

    def finish(self) -> list[str]:
        """The stream ended: judge what is left."""
        rest, self._pending = self._pending, ""
        return [] if self.full or self._skipping else self._judge(rest)

    def _judge(self, sentence: str) -> list[str]:
        sentence = " ".join(sentence.split())
        if not sentence:
            return []
        problem = sentence_problem(sentence, self.deps, self.allowed_labels, self.message)
        offered = genres_named(without_negated(sentence))
        if not problem and self.avoid and set(self.avoid) & offered:
            problem = "names a genre the person excluded"
        aspects = getattr(self.deps, "aspects", None)
        near = near_mood(aspects) if aspects is not None else None
        if not problem and self.avoid_moods and names_avoided_mood(sentence, self.avoid_moods, near):
            problem = "names a mood the person avoids"
        if not problem and copies_example(sentence, self.examples):
            problem = "copies an example"  # "Each one builds its fear slowly and keeps you guessing."
        if not problem and negates_a_quality(sentence):
            problem = "denies the picks a quality"
        if not problem and rules_out_unasked(sentence, [*self.avoid, *self.avoid_moods], near):
            problem = "rules out what the person did not"  # "Funny comedies, no laughs."
        if not problem and genres_named(sentence) - offered - set(self.avoid):
            problem = "rules out a genre the person did not"  # "crimen, nada de terror" to someone who never said so
        if not problem and self.pick_genres and _EVERY.search(sentence):
            claimed = offered or (set(self.liked) if _TASTE_WORD.search(sentence) else set())
            if claimed and not all(genres & claimed for genres in self.pick_genres):
                problem = "says every pick is of a genre some are not"  # "All from the genre you like", one is not
        if not problem and self.pick_genres and self._unasked_minority(offered):
            problem = "offers a genre most picks are not"  # "Romantic comedies for you." over one romance in five
        if problem:
            self.dropped.append((sentence, problem))
            return []
        self.kept.append(sentence)
        return [sentence]


    def _unasked_minority(self, offered: set[str]) -> set[str]:
        """Genres a sentence offers that the person neither asked for nor likes and fewer than half
        the picks carry: the sentence describes the picks wrongly ("The thrillers are the most
        exciting" over horror and sci-fi picks, one of them a thriller).
        """
        picks = self.pick_genres
        return {g for g in offered - set(self.liked) if 2 * sum(g in genres for genres in picks) < len(picks)}


INTRO_PROMPTS = ("recommend", "recommend.es")
"""The prompt files whose example answers an intro must not copy."""


def intro_examples() -> frozenset[tuple[str, ...]]:
    """The describing runs of the intro prompts' example answers: read again only when a prompt file
    changed (edits apply at once, as ``load_prompt``'s do), not parsed on every turn.
    """
    stamps = tuple(path.stat().st_mtime_ns if path.is_file() else 0
                   for path in (prompt_path(name) for name in INTRO_PROMPTS))
    return _example_runs_at(stamps)


@functools.lru_cache(maxsize=2)
def _example_runs_at(stamps: tuple[int, ...]) -> frozenset[tuple[str, ...]]:
    """``intro_examples`` for the prompt files as they were at ``stamps`` (their modification times)."""
    return example_runs([answer for name in INTRO_PROMPTS for answer in example_answers(name)])


def check_intro(raw: str, deps: Deps, allowed_labels: list[str], message: str = "") -> str:
    """The sentences of a whole text that may be shown (at most MAX_SENTENCES), joined."""
    gate = IntroGate(deps, allowed_labels, message)
    gate.feed(raw.strip() + "\n")
    gate.finish()
    return " ".join(gate.kept)


def stream_pieces(llm: Any, messages: list[Any], max_tokens: int) -> Iterator[str]:
    """The model's text as it generates it, capped at ``max_tokens`` where the backend allows."""
    from langchain_core.messages import AIMessage

    from chat_rec.llm.calls import cap_kwargs
    from chat_rec.observability import record_model_call

    kwargs = cap_kwargs(llm, max_tokens)
    started, ok, written = time.perf_counter(), False, ""
    try:
        for chunk in llm.stream(messages, **kwargs):
            text = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
            if text:
                written += text
                yield text
        ok = True
    except GeneratorExit:  # the gate had enough: a complete call
        ok = True
        raise
    finally:  # counted in the process's metrics like every other model call
        prompt = " ".join(str(m.content) for m in messages)
        record_model_call(started, ok=ok, message=AIMessage(content=written), prompt=prompt)


def stream_intro(pieces: Iterable[str], gate: IntroGate, emit: Callable[[str], None]) -> dict[str, Any]:
    """Run the model's ``pieces`` through ``gate``, ``emit`` each kept sentence; return the call's record."""
    started = time.perf_counter()
    first_ms: float | None = None
    count = 0
    iterator = iter(pieces)
    try:
        for piece in iterator:
            if first_ms is None:
                first_ms = round((time.perf_counter() - started) * 1000, 1)
            count += 1
            for sentence in gate.feed(piece):
                emit(sentence)
            if gate.full:
                break  # enough said: closing the stream stops generation
        else:
            for sentence in gate.finish():
                emit(sentence)
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()
    for sentence, problem in gate.dropped:
        log.info("intro sentence not shown (%s): %r", problem, sentence[:120])
    return {"call": "intro", "ms": round((time.perf_counter() - started) * 1000, 1), "first_token_ms": first_ms,
            "pieces": count, "shown": len(gate.kept), "dropped": [problem for _, problem in gate.dropped]}
