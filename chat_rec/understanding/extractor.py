"""LLM(q_t, r_t): the chat model reads the message, the parser checks and completes it.

The LLM is asked for titles (not ids) in JSON. Every title is grounded through the resolver and
kept only when the message (or a list reference in it) supports it; genres only when a naming
word is in the message. The deterministic parser wins every conflict, and any LLM failure falls
back to the parser alone, so a turn never breaks on a bad generation.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from chat_rec.catalog.models import GENRES, Item
from chat_rec.catalog.titles import fold
from chat_rec.llm.calls import invoke_bounded
from chat_rec.understanding import lexicon
from chat_rec.understanding.answers import asks_avoided, avoided_films
from chat_rec.understanding.cleaning import clean
from chat_rec.understanding.judge import LogprobJudge
from chat_rec.understanding.own_mentions import likened_films, with_likeness
from chat_rec.understanding.parser import parse_detailed
from chat_rec.understanding.request import LearnedRequest
from chat_rec.understanding.resolver import TitleResolver
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.tokens import tokenize
from chat_rec.understanding.verdict import LearnedVerdict

EXTRACTION_MAX_TOKENS = 96
"""Enough for the JSON object with a few titles; a longer answer is cut and the parser decides."""

log = logging.getLogger(__name__)

PROMPT_NAME = "extract"
_GENRE_BY_FOLD = {fold(g): g for g in GENRES} | {"scifi": "Sci-Fi", "science fiction": "Sci-Fi",
                                                   "film noir": "Film-Noir", "noir": "Film-Noir"}


class LLMExtraction(BaseModel):
    """What the LLM is asked to return; lenient about shapes, strict about types."""

    model_config = ConfigDict(extra="ignore")

    liked_titles: list[str] = []
    disliked_titles: list[str] = []
    liked_genres: list[str] = []
    disliked_genres: list[str] = []
    year_min: int | None = None
    year_max: int | None = None
    wants_new_recommendations: bool | None = None

    @field_validator("liked_titles", "disliked_titles", "liked_genres", "disliked_genres",
                     mode="before")
    @classmethod
    def _as_list(cls, value: Any) -> list[str]:
        if value is None:
            return []
        if isinstance(value, (str, int)):
            value = [value]
        out = []
        for entry in value if isinstance(value, list) else []:
            if isinstance(entry, dict):
                entry = entry.get("title") or entry.get("name") or ""
            if isinstance(entry, (str, int)) and str(entry).strip():
                out.append(str(entry).strip()[:200])
        return out

    @field_validator("year_min", "year_max", mode="before")
    @classmethod
    def _as_year(cls, value: Any) -> int | None:
        try:
            year = int(str(value).strip()[:4]) if value not in (None, "", "null") else None
        except ValueError:
            return None
        return year if year is not None and 1880 <= year <= 2030 else None


def parse_json_block(text: str) -> dict[str, Any] | None:
    """The first JSON object in ``text`` (code fences and chatter around it are ignored)."""
    decoder = json.JSONDecoder()
    for match in list(re.finditer(r"\{", text))[:8]:
        try:
            value, _ = decoder.raw_decode(text[match.start():])
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _load_prompt() -> ChatPromptTemplate:
    try:
        from chat_rec.llm.prompts import load_prompt
    except ImportError:  # the llm package is optional for the parser-only path
        from chat_rec.config import PROMPTS_DIR

        text = (PROMPTS_DIR / f"{PROMPT_NAME}.txt").read_text(encoding="utf-8")
        system, _, user = text.partition("### user")
        return ChatPromptTemplate.from_messages(
            [("system", system.split("### system", 1)[-1].strip()), ("human", user.strip())])
    return load_prompt(PROMPT_NAME)


MentionJudge = LogprobJudge
"""Anything with ``judge(utterance, previous_reply, subjects) -> list[Verdict]``."""


def extractor_for(resolver: TitleResolver, llm: BaseChatModel | None, mode: str,
                  verdict: LearnedVerdict | None = None, request: LearnedRequest | None = None) -> Extractor:
    """The extractor a setting asks for: parser alone ("off"), forced-choice judge ("judge"), or
    checked JSON ("json"), each with the learned verdict and request readers when given. A judge
    needs an in-process model (transformers or llama.cpp); without one it is parser-only.
    """
    if mode == "judge":
        judge = LogprobJudge.from_chat_model(llm)
        if judge is None:
            log.warning("CHAT_REC_EXTRACT_LLM=judge needs an in-process model (transformers or llama.cpp); "
                        "reading with the parser alone")
        return Extractor(resolver, None, judge=judge, verdict=verdict, request=request)
    return Extractor(resolver, llm if mode == "json" else None, verdict=verdict, request=request)


class Extractor:
    """Turns (q_t, r_t) into a PreferenceSignal, with or without a chat model."""

    def __init__(self, resolver: TitleResolver, llm: BaseChatModel | None = None,
                 prompt: ChatPromptTemplate | None = None, judge: MentionJudge | None = None,
                 fill_at: float = 0.6, override_at: float = 0.9, verdict: LearnedVerdict | None = None,
                 request: LearnedRequest | None = None) -> None:
        self.resolver = resolver
        self.verdict = verdict
        """The learned verdict for mentions the rules leave neutral (understanding/verdict.py), or None."""
        self.request = request
        """The learned request reader for messages the rules read as no request (understanding/request.py)."""
        self.llm = llm
        self.judge = judge
        """Forced-choice verdicts on the parser's mentions (used instead of the JSON call)."""
        self.fill_at = fill_at
        """A judged verdict fills a mention the parser left neutral at this confidence or more."""
        self.override_at = override_at
        """...and overrides the parser's own verdict at this confidence or more."""
        self._prompt = prompt
        self.last_llm_output: str | None = None
        """The raw text of the last LLM reply (for debugging and evaluation)."""

    @property
    def prompt(self) -> ChatPromptTemplate:
        if self._prompt is None:
            self._prompt = _load_prompt()
        return self._prompt

    def extract(self, utterance: str, previous_reply: str = "",
                previous_items: Sequence[Item] = ()) -> PreferenceSignal:
        """The merged signal; the parser's alone when there is no LLM or its output is unusable."""
        items = list(previous_items or [])
        parsed = parse_detailed(utterance, items, self.resolver, str(previous_reply or ""))
        signal = parsed.signal
        if self.verdict is not None:
            settled = set(parsed.settled) | set(likened_films(signal, parsed.text, self.resolver))
            signal = self.verdict.fill(signal, parsed.text, parsed.spans, settled)
        if self.request is not None and not parsed.answered:
            signal = self.request.fill(signal, parsed.text, parsed.spans)
        signal = with_likeness(signal, parsed.text, self.resolver)
        if asks_avoided(str(previous_reply or "")):  # films named bare or "anything like" in answer (``answers``)
            bare = [i for i in parsed.signal.mentioned_ids if i not in parsed.settled and i not in {
                *parsed.signal.liked_ids, *parsed.signal.disliked_ids, *parsed.signal.seen_ids}]
            words = " ".join(t.key for t in tokenize(parsed.text))
            signal = avoided_films(signal, str(previous_reply), parsed.text, words,
                                   [*bare, *likened_films(parsed.signal, parsed.text, self.resolver)])
        if self.judge is not None:
            try:
                return self._judged(signal, str(utterance or ""), str(previous_reply or ""))
            except Exception:  # noqa: BLE001 - any backend failure means "parser only"
                log.warning("forced-choice judging failed; using the parser alone", exc_info=True)
                return signal
        if self.llm is None:
            return signal
        try:
            extraction = self._ask(utterance, previous_reply, items)
        except Exception:  # noqa: BLE001 - any backend failure means "parser only"
            log.warning("LLM extraction failed; using the parser alone", exc_info=True)
            return signal
        if extraction is None:
            return signal
        try:
            return self._merge(signal, extraction, str(utterance or ""), items)
        except Exception:  # noqa: BLE001
            log.warning("merging the LLM extraction failed; using the parser alone", exc_info=True)
            return signal

    def _judged(self, signal: PreferenceSignal, utterance: str, previous_reply: str) -> PreferenceSignal:
        """Ask the judge about every movie and genre the parser found; merge confident verdicts."""
        assert self.judge is not None
        movies = [i for i in signal.mentioned_ids if self.resolver.catalog.get(i) is not None]
        genres = list(dict.fromkeys(signal.liked_genres + signal.disliked_genres))
        subjects = [self.resolver.catalog.get(i).label for i in movies] + genres  # type: ignore[union-attr]
        verdicts = self.judge.judge(clean(utterance), previous_reply, subjects)
        merged = signal.model_copy(deep=True)
        for item_id, verdict in zip(movies, verdicts[:len(movies)], strict=True):
            decided = item_id in signal.liked_ids or item_id in signal.disliked_ids or item_id in signal.seen_ids
            if verdict.confidence < (self.override_at if decided else self.fill_at):
                continue
            for bucket in (merged.liked_ids, merged.disliked_ids, merged.seen_ids):
                if item_id in bucket:
                    bucket.remove(item_id)
            target = {"like": merged.liked_ids, "dislike": merged.disliked_ids, "seen": merged.seen_ids}
            if verdict.answer in target:
                target[verdict.answer].append(item_id)
        for genre, verdict in zip(genres, verdicts[len(movies):], strict=True):
            if verdict.confidence < self.override_at or verdict.answer not in {"like", "dislike"}:
                continue
            for genre_bucket in (merged.liked_genres, merged.disliked_genres):
                if genre in genre_bucket:
                    genre_bucket.remove(genre)
            (merged.liked_genres if verdict.answer == "like" else merged.disliked_genres).append(genre)
        return merged

    def _ask(self, utterance: str, previous_reply: str, items: list[Item]) -> LLMExtraction | None:
        listed = "\n".join(f"{n}. {item.label}" for n, item in enumerate(items, 1)) or "(none)"
        messages = self.prompt.format_messages(
            utterance=clean(str(utterance or ""))[:1500] or "(empty)",
            previous_reply=str(previous_reply or "")[:1500] or "(none)",
            previous_list=listed,
        )
        if self.llm is None:
            return None
        content = invoke_bounded(self.llm, messages, EXTRACTION_MAX_TOKENS)
        self.last_llm_output = content
        data = parse_json_block(self.last_llm_output)
        if data is None:
            return None
        try:
            return LLMExtraction.model_validate(data)
        except ValidationError:
            return None

    def _merge(self, signal: PreferenceSignal, llm: LLMExtraction, utterance: str,
               items: list[Item]) -> PreferenceSignal:
        text = clean(utterance)
        merged = signal.model_copy(deep=True)
        decided = set(signal.liked_ids) | set(signal.disliked_ids) | set(signal.seen_ids)
        for titles, bucket in ((llm.liked_titles, merged.liked_ids),
                               (llm.disliked_titles, merged.disliked_ids)):
            for title in titles:
                item_id = self.resolver.resolve(title)
                if item_id is not None and item_id not in decided and self._supported(item_id, signal, text, items):
                    bucket.append(item_id)
                    decided.add(item_id)
        named = genres_named(text)
        taken = set(signal.liked_genres) | set(signal.disliked_genres)
        genre_pairs: tuple[tuple[list[str], list[str]], ...] = (
            (llm.liked_genres, merged.liked_genres), (llm.disliked_genres, merged.disliked_genres))
        for genres, genre_bucket in genre_pairs:
            for raw in genres:
                genre = _GENRE_BY_FOLD.get(fold(raw))
                if genre and genre in named and genre not in taken:
                    genre_bucket.append(genre)
                    taken.add(genre)
        if merged.year_min is None and _year_in_text(llm.year_min, text):
            merged.year_min = llm.year_min
        if merged.year_max is None and _year_in_text(llm.year_max, text):
            merged.year_max = llm.year_max
        return merged

    def _supported(self, item_id: int, signal: PreferenceSignal, text: str, items: list[Item]) -> bool:
        """A model may judge only a movie the message itself refers to: one the parser found (by
        title, position or description), or a listed movie that a rare word of the message
        describes ("the Pacino classic" when its tags say Al Pacino). Never a movie that was
        merely shown in the previous reply.
        """
        if item_id in signal.mentioned_ids:
            return True
        item = next((i for i in items if i.item_id == item_id), None)
        if item is None:
            return False
        described = set(fold(" ".join((item.title, *item.tags, item.overview))).split())
        rare = {w for w in fold(text).split() if len(w) >= 4 and w not in lexicon.common_words()}
        return bool(rare & described)


def genres_named(text: str) -> set[str]:
    """Genres that a naming word in ``text`` points at, whatever the polarity."""
    folded = fold(text)
    return {g for regex, genres in lexicon.GENRE_RES if regex.search(folded) for g in genres}


def _year_in_text(year: int | None, text: str) -> bool:
    if year is None:
        return False
    if str(year) in text or str(year - 1) in text or str(year + 1) in text:
        return True
    decade = f"{(year // 10) % 10}0"
    return bool(re.search(r"\b(?:19|20)?" + decade + r"(?:s|'s|’s)?\b", text))
