"""One way to call any chat model with a per-call output cap."""

from __future__ import annotations

import time
from typing import Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import BaseMessage


def invoke_bounded(llm: BaseChatModel, messages: list[BaseMessage], max_tokens: int) -> str:
    """The model's reply text, generating at most ``max_tokens`` tokens where the backend allows it.

    Every call is counted in the process's metrics (``chat_rec.observability``): calls, time, tokens.
    """
    from chat_rec.observability import record_model_call

    kwargs = cap_kwargs(llm, max_tokens)
    started = time.perf_counter()
    prompt = " ".join(str(m.content) for m in messages)
    try:
        message = llm.invoke(messages, **kwargs)
    except Exception:
        record_model_call(started, ok=False, prompt=prompt)
        raise
    record_model_call(started, ok=True, message=message, prompt=prompt)
    return str(message.content)


def is_in_process(llm: object) -> bool:
    """Whether ``llm`` runs in this process (transformers or llama.cpp) and takes ``max_new_tokens``."""
    from chat_rec.llm.llamacpp import LlamaCppChatModel
    from chat_rec.llm.local import LocalChatModel

    return isinstance(llm, (LocalChatModel, LlamaCppChatModel))


def cap_kwargs(llm: object, max_tokens: int) -> dict[str, Any]:
    """The keyword that caps ``llm``'s output at ``max_tokens`` tokens, where the backend has one."""
    if is_in_process(llm):
        return {"max_new_tokens": max_tokens}
    if type(llm).__name__ == "ChatOpenAI":
        return {"max_tokens": max_tokens}
    return {}


def warm_up(llm: BaseChatModel | None, messages: list[Any] | None = None) -> bool:
    """One one-token generation on a local model, so the first person's turn does not pay for first-call setup.

    ``messages`` (the intro prompt, say) also leave their static prefix in an engine's key/value cache
    (llama.cpp reuses the longest common prefix with its previous call), so the first turn computes
    only its own part of the prompt.
    """
    from langchain_core.messages import HumanMessage

    if llm is None or not is_in_process(llm):
        return False
    llm.invoke(messages or [HumanMessage(content="Hi")], max_new_tokens=1)
    return True


def timed_result(text: str, usage: dict[str, int], model_name: str, started: float) -> Any:
    """A LangChain ``ChatResult`` for one local generation: the text, its token usage and the
    seconds since ``started`` (both local engines report their calls the same way).
    """
    from langchain_core.messages import AIMessage
    from langchain_core.outputs import ChatGeneration, ChatResult

    meta = {"model_name": model_name, "seconds": round(time.perf_counter() - started, 3)}
    message = AIMessage(content=text, usage_metadata=usage, response_metadata=meta)  # type: ignore[arg-type]
    return ChatResult(generations=[ChatGeneration(message=message)])


def cut_at_stop(text: str, stop: list[str] | None) -> str:
    """Text up to the first stop string (every engine applies stop strings the same way)."""
    for marker in stop or []:
        if marker and marker in text:
            text = text[: text.index(marker)]
    return text
