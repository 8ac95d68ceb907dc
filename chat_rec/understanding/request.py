"""A learned reader of "is this message asking for picks now?" (extraction rule 13) beside the rules.

The rules in ``intent.py`` read requests from word patterns; on labelled sets written after them
they miss one request in ten ("anything in that vein?" shapes they never saw). This reader is a
logistic regression over the MiniLM embedding of a message (titles masked, so a title's words
carry nothing) plus a bag of folded words and bigrams, read over the whole message and over each
of its sentences (the highest counts), fitted by
``chat_rec/training/request.py`` on the labelled dev splits (weights, vocabulary, threshold and
manifest in ``data/request_model.json``). It only turns a "no" of the rules into a "yes", and only
at a probability whose false-alarm rate was at most 1% on labelled sets it was not fitted on.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.verdict import TARGET, load_fitted, text_features

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("data") / "request_model.json"

Embed = Callable[[Sequence[str]], np.ndarray]


def masked(text: str, spans: Mapping[int, tuple[int, int]]) -> str:
    """``text`` with every named movie replaced by ``TARGET`` (positions keep their words)."""
    out, pos = [], 0
    for start, end in sorted(span for span in spans.values() if span[1] > span[0]):
        if start < pos:
            continue
        out += [text[pos:start], TARGET]
        pos = end
    out.append(text[pos:])
    return " ".join("".join(out).split())


_SENTENCE_BREAK = re.compile(r"(?<=[.!?;¡¿\n])\s+")


def pieces(text: str) -> list[str]:
    """The message and, when it has several, its sentences of two words or more: a request is one
    sentence's act, so feedback before it ("Loved the first one. I'm craving a war film now.") must
    not dilute it.
    """
    sentences = [part.strip() for part in _SENTENCE_BREAK.split(text) if len(part.split()) >= 2]
    return [text] + (sentences if len(sentences) > 1 else [])


@dataclass
class RequestModel:
    """Binary logistic regression over [embedding, bag of words]: P(the message asks for picks)."""

    coef: np.ndarray
    intercept: float
    vocab: dict[str, int]
    embedding_dim: int
    threshold: float
    manifest: dict[str, Any]

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> RequestModel:
        """Read the fitted file; a missing or broken file is a ModelError saying how to refit it."""
        return load_fitted(path, lambda data: cls(
            coef=np.asarray(data["coef"], dtype=np.float32), intercept=float(data["intercept"]),
            vocab={w: i for i, w in enumerate(data["vocab"])}, embedding_dim=int(data["embedding_dim"]),
            threshold=float(data["threshold"]), manifest=dict(data.get("manifest", {}))),
            "learned request", "chat-rec train request")

    def features(self, texts: Sequence[str], embed: Embed | None) -> np.ndarray:
        """Rows of [embedding, binary bag of words]."""
        return text_features(texts, self.vocab, self.embedding_dim, embed)

    def probability(self, texts: Sequence[str], embed: Embed | None) -> np.ndarray:
        """P(request) for each text."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        logits = self.features(texts, embed) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logits)))

    def read(self, text: str, embed: Embed | None) -> float:
        """P(the message asks for picks): the highest over the message and its sentences (``pieces``)."""
        return float(self.probability(pieces(text), embed).max())


class LearnedRequest:
    """Marks a message as a request when the rules said no and the model is confident."""

    def __init__(self, model: RequestModel, embed: Embed | None, threshold: float | None = None) -> None:
        self.model = model
        self.embed = embed
        self.threshold = model.threshold if threshold is None else threshold
        """A "no" becomes a "yes" only at this probability or more."""

    @classmethod
    def default(cls, embed: Embed | None) -> LearnedRequest:
        """The committed model (``data/request_model.json``)."""
        return cls(RequestModel.load(), embed)

    @classmethod
    def for_settings(cls, settings: Any, embed: Embed | None) -> LearnedRequest | None:
        """The reader when ``settings.learned_request`` asks for it, else None."""
        return cls.default(embed) if getattr(settings, "learned_request", False) else None

    def fill(self, signal: PreferenceSignal, text: str, spans: Mapping[int, tuple[int, int]]) -> PreferenceSignal:
        """``signal``, marked as a request when the model reads one (a copy; never raises)."""
        if signal.wants_new_recommendations or not text.strip():
            return signal
        try:
            probability = self.model.read(masked(text, spans), self.embed)
        except Exception:  # noqa: BLE001 - a second reader never breaks a turn
            log.warning("learned request failed; keeping the rules' reading", exc_info=True)
            return signal
        if probability < self.threshold:
            return signal
        return signal.model_copy(update={"wants_new_recommendations": True})
