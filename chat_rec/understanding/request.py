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
from typing import Any, ClassVar

import numpy as np

from chat_rec.understanding import intent, statements
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.verdict import TARGET, FittedTextModel, LearnedReader

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
class RequestModel(FittedTextModel):
    """Binary logistic regression: P(the message asks for picks); ``intercept`` is one number."""

    default_file: ClassVar[Path] = MODEL_FILE
    what: ClassVar[str] = "learned request"
    refit: ClassVar[str] = "chat-rec train request"

    @staticmethod
    def _intercept(raw: Any) -> Any:
        return float(raw)

    def probability(self, texts: Sequence[str], embed: Embed | None) -> np.ndarray:
        """P(request) for each text."""
        if not texts:
            return np.zeros(0, dtype=np.float32)
        logits = self.features(texts, embed) @ self.coef + self.intercept
        return np.asarray(1.0 / (1.0 + np.exp(-logits)))

    def read(self, text: str, embed: Embed | None) -> float:
        """P(the message asks for picks): the highest over the message and its sentences (``pieces``)."""
        return float(self.probability(pieces(text), embed).max())


class LearnedRequest(LearnedReader):
    """Marks a message as a request when the rules said no and the model is confident (a "no"
    becomes a "yes" only at ``threshold`` or more).
    """

    model_class = RequestModel
    setting = "learned_request"
    model: RequestModel

    def fill(self, signal: PreferenceSignal, text: str, spans: Mapping[int, tuple[int, int]]) -> PreferenceSignal:
        """``signal``, marked as a request when the model reads one (a copy; never raises)."""
        if signal.wants_new_recommendations or not text.strip() or intent.declined(text) or intent.deferred(text) \
                or statements.fronted(text) or statements.likened(text) or statements.unmatched_praise(text):
            return signal  # "not looking for anything right now" declines, "I'll ask tomorrow" puts off, "anything
            # saccharine I hate" states, "it was like something out of Speed" likens, "nothing since comes close"
            # praises: no ask
        try:
            probability = self.model.read(masked(text, spans), self.embed)
        except Exception:  # noqa: BLE001 - a second reader never breaks a turn
            log.warning("learned request failed; keeping the rules' reading", exc_info=True)
            return signal
        if probability < self.threshold:
            return signal
        return signal.model_copy(update={"wants_new_recommendations": True})
