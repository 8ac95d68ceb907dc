"""A scripted chat model for tests and ``--llm scripted``: replies come from a queue."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field, PrivateAttr

from chat_rec.llm.calls import cut_at_stop

Reply = str | BaseException
"""A queued reply: text to return, or an exception to raise (to test error handling)."""

_CHUNK = re.compile(r"\s*\S+|\s+")


class ScriptedChatModel(BaseChatModel):
    """Returns queued replies in order, then ``default``; records every call in ``history``.

    Never raises on an empty queue, so a test only scripts the calls it cares about.
    """

    responses: list[Reply] = Field(default_factory=list)
    """Replies still to be given, first one next."""
    default: str = ""
    """Reply once the queue is empty."""
    history: list[list[BaseMessage]] = Field(default_factory=list)
    """The message lists the model was called with, oldest first."""
    token_delay_s: float = 0.0
    """Pause before each streamed piece, like a slow model (to watch streaming in tests and demos)."""

    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    def __init__(self, responses: Sequence[Reply] | None = None, **kwargs: Any) -> None:
        super().__init__(responses=list(responses or []), **kwargs)  # type: ignore[call-arg]

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def enqueue(self, *replies: Reply) -> ScriptedChatModel:
        """Queue one or more replies (returns self, so calls chain)."""
        with self._lock:
            self.responses.extend(replies)
        return self

    def _next(self, messages: list[BaseMessage], stop: list[str] | None) -> str:
        with self._lock:
            self.history.append(list(messages))
            reply = self.responses.pop(0) if self.responses else self.default
        if isinstance(reply, BaseException):
            raise reply
        return cut_at_stop(reply, stop)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = self._next(messages, stop)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages, stop)
        for piece in _CHUNK.findall(text) or [""]:
            if self.token_delay_s:
                time.sleep(self.token_delay_s)
            chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
            if run_manager:
                run_manager.on_llm_new_token(piece, chunk=chunk)
            yield chunk
