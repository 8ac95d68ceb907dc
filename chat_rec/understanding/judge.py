"""The model's role in understanding: forced-choice verdicts, scored, never generated.

For each movie or genre the parser found in the message, the chat model is asked one closed
question ("what does the person say about X?") and the code compares its next-token
probabilities for a few fixed answers (like / dislike / seen / neutral), for all mentions in one
batched forward pass. The model therefore cannot invent a title, a genre or a field: it can only
choose among verdicts for what the message itself names. Works with ``LocalChatModel`` (any
transformers causal LM with a chat template, one padded batch) and ``LlamaCppChatModel`` (one
prompt after another, each reusing the cached prefix they share); other backends get no judge.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.prompts import ChatPromptTemplate

log = logging.getLogger(__name__)

ANSWERS: tuple[str, ...] = ("like", "dislike", "seen", "neutral")
"""The fixed answers, in the order of the probabilities returned."""

PROMPT_CHARS = 600
"""The message and the previous reply are cut to this many characters each."""


@dataclass(frozen=True)
class Verdict:
    """The model's probabilities for one subject, over ``ANSWERS``."""

    probs: tuple[float, ...]

    @property
    def answer(self) -> str:
        return ANSWERS[max(range(len(ANSWERS)), key=lambda i: self.probs[i])]

    @property
    def confidence(self) -> float:
        return max(self.probs)


class LogprobJudge:
    """Scores the fixed answers with a local transformers model (one padded batch per message)."""

    def __init__(self, model: Any, tokenizer: Any, prompt: ChatPromptTemplate, lock: Any = None) -> None:
        self.model = model
        self.tokenizer = tokenizer
        self.prompt = prompt
        self.lock = lock
        self.answer_ids = self._first_tokens()

    @classmethod
    def from_chat_model(cls, llm: BaseChatModel | None) -> LogprobJudge | None:
        """A judge over ``llm``'s weights when it is a local transformers model, else None."""
        if callable(getattr(llm, "next_token_logprobs", None)):  # the llama.cpp engine
            return ScoringJudge.from_chat_model(llm)  # type: ignore[return-value]
        model = getattr(llm, "model", None)
        tokenizer = getattr(llm, "tokenizer", None)
        if model is None or tokenizer is None or not hasattr(tokenizer, "apply_chat_template"):
            return None
        from chat_rec.llm.prompts import load_prompt

        try:
            return cls(model, tokenizer, load_prompt("judge"), getattr(llm, "generate_lock", None))
        except ValueError as error:  # answers that share a first token: the judge cannot tell them apart
            log.warning("no forced-choice judge for this model: %s", error)
            return None

    def _first_tokens(self) -> list[int]:
        ids = [self.tokenizer.encode(word, add_special_tokens=False)[0] for word in ANSWERS]
        if len(set(ids)) != len(ids):
            raise ValueError(f"the answers {ANSWERS} do not start with distinct tokens")
        return ids

    def judge(self, utterance: str, previous_reply: str, subjects: Sequence[str]) -> list[Verdict]:
        """One verdict per subject, from one forward pass over the padded batch of prompts."""
        if not subjects:
            return []
        import torch

        texts = []
        for subject in subjects:
            messages = self.prompt.format_messages(
                utterance=utterance[:PROMPT_CHARS] or "(empty)",
                previous_reply=previous_reply[:PROMPT_CHARS] or "(none)", subject=subject[:120])
            conversation = [{"role": {"system": "system", "human": "user"}.get(m.type, "user"), "content": m.text}
                            for m in messages]
            texts.append(self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True))
        side = self.tokenizer.padding_side
        self.tokenizer.padding_side = "left"  # the last position is every prompt's next token
        if self.tokenizer.pad_token_id is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        try:
            batch = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False)
        finally:
            self.tokenizer.padding_side = side
        batch = {k: v.to(self.model.device) for k, v in batch.items()}
        with self.lock or _Free(), torch.inference_mode():
            logits = self.model(**batch).logits[:, -1, :].float()
        chosen = torch.log_softmax(logits, dim=-1)[:, self.answer_ids]
        probs = torch.softmax(chosen, dim=-1)  # renormalised over the fixed answers
        return [Verdict(tuple(float(p) for p in row)) for row in probs]


class ScoringJudge:
    """The same verdicts from a chat model that scores next tokens itself (``next_token_logprobs``)."""

    def __init__(self, llm: Any, prompt: ChatPromptTemplate) -> None:
        self.llm = llm
        self.prompt = prompt
        self.answer_ids = list(llm.first_token_ids(ANSWERS))
        if len(set(self.answer_ids)) != len(self.answer_ids):
            raise ValueError(f"the answers {ANSWERS} do not start with distinct tokens")

    @classmethod
    def from_chat_model(cls, llm: Any) -> ScoringJudge | None:
        from chat_rec.llm.prompts import load_prompt

        try:
            return cls(llm, load_prompt("judge"))
        except ValueError as error:
            log.warning("no forced-choice judge for this model: %s", error)
            return None

    def judge(self, utterance: str, previous_reply: str, subjects: Sequence[str]) -> list[Verdict]:
        """One verdict per subject: the answers' log-probabilities renormalised over the answers."""
        import math

        verdicts = []
        for subject in subjects:
            messages = self.prompt.format_messages(
                utterance=utterance[:PROMPT_CHARS] or "(empty)",
                previous_reply=previous_reply[:PROMPT_CHARS] or "(none)", subject=subject[:120])
            scores = self.llm.next_token_logprobs(messages, self.answer_ids)
            top = max(scores)
            weights = [math.exp(s - top) for s in scores]
            verdicts.append(Verdict(tuple(w / sum(weights) for w in weights)))
        return verdicts


class _Free:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None
