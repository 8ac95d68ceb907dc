"""A learned verdict for mentions the rules leave without one ("X was a real drag").

The rules read verdicts from a word list; an idiom outside it leaves the mention neutral. This
fallback reads the clause around such a mention with a small multinomial logistic regression
over MiniLM sentence embeddings plus a bag of folded words and bigrams (fitted by
``chat_rec/training/verdict.py`` on ReDial seeker turns and invented EN/ES frames; weights,
vocabulary, threshold and manifest in ``data/verdict_model.json``). It only fills mentions the
rules left neutral (never one they judged or marked seen) and only above a confidence threshold
chosen for precision, so it cannot add a like the message does not carry.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self, TypeVar

import numpy as np

from chat_rec.catalog.titles import fold
from chat_rec.errors import ModelError
from chat_rec.understanding.signal import PreferenceSignal

log = logging.getLogger(__name__)

MODEL_FILE = Path(__file__).with_name("data") / "verdict_model.json"
CLASSES: tuple[str, ...] = ("like", "dislike", "none")
TARGET = "this movie"
"""What the judged mention is replaced by, so the title's own words carry no verdict."""
OTHER = "that movie"
"""What other mentions in the same text are replaced by."""

_SENTENCE_END = re.compile(r"[.!?\n¿¡;]+")
_CONTRAST = re.compile(r"\b(?:but|though|although|however|whereas|yet|pero|aunque|sino|sin embargo|en cambio)\b",
                       re.I)
MIN_WORDS = 3
"""A clause with fewer words than this besides the placeholder borrows the next sentence
("X? Total drag." judges X in the second sentence)."""

Embed = Callable[[Sequence[str]], np.ndarray]
T = TypeVar("T")


def clause_around(text: str, span: tuple[int, int], others: Sequence[tuple[int, int]] = ()) -> str:
    """The clause of ``text`` holding ``span``, the span replaced by ``TARGET`` and other mentions by ``OTHER``.

    A zero-width span (a position such as "the second one") keeps its words and only marks
    where the clause is. The clause is the sentence cut at contrast words ("but", "pero").
    """
    pieces = sorted([(s, e, False) for s, e in others if e <= span[0] or s >= span[1]] + [(*span, True)])
    out, pos, at = [], 0, 0
    for start, end, is_target in pieces:
        if start < pos:
            continue
        out.append(text[pos:start])
        if is_target:
            at = sum(len(p) for p in out)
        if end > start:
            out.append(TARGET if is_target else OTHER)
        pos = end
    out.append(text[pos:])
    joined = "".join(out)
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(joined)), len(joined)]
    lo = max(b for b in bounds if b <= at)
    hi = min((b for b in bounds if b > at), default=len(joined))
    sentence_end = hi
    for m in _CONTRAST.finditer(joined, lo, hi):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at + 1 and m.start() < hi:
            hi = m.start()
            break
    clause = joined[lo:hi]
    if len(fold(clause.replace(TARGET, " ")).split()) < MIN_WORDS and hi == sentence_end:
        nxt = min((b for b in bounds if b > hi), default=len(joined))
        clause += " " + joined[hi:nxt]
    return " ".join(clause.split())


def bag_of_words(text: str) -> list[str]:
    """Folded words and word bigrams of a clause (the sparse half of the features)."""
    words = fold(text).split()
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:], strict=False)]


def neutral_mentions(signal: PreferenceSignal, spans: Mapping[int, tuple[int, int]],
                     settled: Collection[int] = ()) -> list[int]:
    """Mentioned movies with no verdict from the rules (seen ones, and ones the rules read as no
    verdict on purpose, keep the rules' reading).
    """
    decided = set(signal.liked_ids) | set(signal.disliked_ids) | set(signal.seen_ids) | set(settled)
    return [i for i in signal.mentioned_ids if i not in decided and i in spans]


def clauses_for(text: str, spans: Mapping[int, tuple[int, int]], item_id: int) -> str:
    """The clause judged for ``item_id``: its mention as the target, the others masked."""
    return clause_around(text, spans[item_id], [span for other, span in spans.items() if other != item_id])


def load_fitted(path: Path, build: Callable[[dict[str, Any]], T], what: str, command: str) -> T:
    """``build`` over a fitted JSON file; a missing or broken file is a ModelError saying how to refit it."""
    try:
        return build(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"The {what} file {path} is missing or unreadable ({exc}). "
                         f"Refit it with `{command}`.") from exc


def text_features(texts: Sequence[str], vocab: Mapping[str, int], embedding_dim: int,
                  embed: Embed | None) -> np.ndarray:
    """Rows of [sentence embedding, binary bag of folded words and bigrams] (the learned readers' input)."""
    bow = np.zeros((len(texts), len(vocab)), dtype=np.float32)
    for row, text in enumerate(texts):
        for gram in bag_of_words(text):
            col = vocab.get(gram)
            if col is not None:
                bow[row, col] = 1.0
    if not embedding_dim:
        return bow
    if embed is None:
        raise ModelError("This learned model needs the sentence embedder.")
    return np.hstack([np.asarray(embed(list(texts)), dtype=np.float32), bow])


@dataclass
class FittedTextModel:
    """A logistic regression over [embedding, binary bag of words] read from a committed JSON file;
    subclasses name the file, what the model is called and the command that refits it.
    """

    coef: np.ndarray
    intercept: Any
    vocab: dict[str, int]
    embedding_dim: int
    threshold: float
    manifest: dict[str, Any]

    default_file: ClassVar[Path]
    what: ClassVar[str]
    refit: ClassVar[str]

    @staticmethod
    def _intercept(raw: Any) -> Any:
        return np.asarray(raw, dtype=np.float32)

    @classmethod
    def load(cls, path: Path | None = None) -> Self:
        """Read the fitted file; a missing or broken file is a ModelError saying how to refit it."""
        return load_fitted(path or cls.default_file, lambda data: cls(
            coef=np.asarray(data["coef"], dtype=np.float32), intercept=cls._intercept(data["intercept"]),
            vocab={w: i for i, w in enumerate(data["vocab"])}, embedding_dim=int(data["embedding_dim"]),
            threshold=float(data["threshold"]), manifest=dict(data.get("manifest", {}))), cls.what, cls.refit)

    def features(self, texts: Sequence[str], embed: Embed | None) -> np.ndarray:
        """Rows of [embedding, binary bag of words]."""
        return text_features(texts, self.vocab, self.embedding_dim, embed)


@dataclass
class VerdictModel(FittedTextModel):
    """Multinomial logistic regression; probabilities in ``CLASSES`` order."""

    default_file: ClassVar[Path] = MODEL_FILE
    what: ClassVar[str] = "learned verdict"
    refit: ClassVar[str] = "chat-rec train verdict"

    def predict_proba(self, clauses: Sequence[str], embed: Embed | None) -> np.ndarray:
        """(n, 3) probabilities over like / dislike / none."""
        if not clauses:
            return np.zeros((0, len(CLASSES)), dtype=np.float32)
        logits = self.features(clauses, embed) @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return np.asarray(probs / probs.sum(axis=1, keepdims=True))


class LearnedReader:
    """A committed fitted model, the embedder it reads with and the probability it must reach;
    subclasses name their model class and the setting that switches them on.
    """

    model_class: ClassVar[Any]
    setting: ClassVar[str]

    def __init__(self, model: Any, embed: Embed | None, threshold: float | None = None) -> None:
        self.model = model
        self.embed = embed
        self.threshold: float = model.threshold if threshold is None else threshold
        """The reader changes the rules' answer only at this probability or more."""

    @classmethod
    def default(cls, embed: Embed | None) -> Self:
        """The committed model (its ``load()`` default file)."""
        return cls(cls.model_class.load(), embed)

    @classmethod
    def for_settings(cls, settings: Any, embed: Embed | None) -> Self | None:
        """The reader when its setting (``setting``) asks for it, else None."""
        return cls.default(embed) if getattr(settings, cls.setting, False) else None


class LearnedVerdict(LearnedReader):
    """The fallback: fills mentions the rules left neutral, when the model is confident (a like or
    dislike is added only at ``threshold`` or more).
    """

    model_class = VerdictModel
    setting = "learned_verdict"
    model: VerdictModel

    def fill(self, signal: PreferenceSignal, text: str, spans: Mapping[int, tuple[int, int]],
             settled: Collection[int] = ()) -> PreferenceSignal:
        """``signal`` with confident verdicts added for its neutral mentions (a copy; never raises)."""
        todo = neutral_mentions(signal, spans, settled)
        if not todo:
            return signal
        try:
            clauses = [clauses_for(text, spans, i) for i in todo]
            probs = self.model.predict_proba(clauses, self.embed)
        except Exception:  # noqa: BLE001 - a fallback never breaks a turn
            log.warning("learned verdict failed; keeping the rules' reading", exc_info=True)
            return signal
        merged = signal.model_copy(deep=True)
        for item_id, row in zip(todo, probs, strict=True):
            best = int(np.argmax(row))
            if CLASSES[best] == "none" or row[best] < self.threshold:
                continue
            (merged.liked_ids if CLASSES[best] == "like" else merged.disliked_ids).append(item_id)
        return merged
