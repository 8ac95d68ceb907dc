"""An OpenAI-compatible endpoint (vLLM, llama.cpp server, ...) as a LangChain chat model."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel

from chat_rec.config import Settings
from chat_rec.errors import ModelError


def openai_chat_model(
    *, base_url: str, model: str, api_key: str = "not-needed", max_tokens: int = 120,
    timeout: float | None = 60.0, max_retries: int = 1,
) -> BaseChatModel:
    """A ``ChatOpenAI`` pointed at ``base_url``; greedy decoding so replies are reproducible."""
    try:
        from langchain_openai import ChatOpenAI
    except ImportError as error:
        raise ModelError("The OpenAI-compatible backend needs langchain-openai: "
                         "run `pip install langchain-openai`.") from error
    return ChatOpenAI(base_url=base_url, model=model, api_key=api_key,  # type: ignore[arg-type,call-arg]
                      max_tokens=max_tokens, timeout=timeout, max_retries=max_retries, temperature=0)


def openai_chat_model_from_settings(settings: Settings) -> BaseChatModel:
    return openai_chat_model(base_url=settings.openai_base_url, model=settings.openai_model,
                             api_key=settings.openai_api_key, max_tokens=settings.max_new_tokens,
                             timeout=settings.llm_timeout_s)
