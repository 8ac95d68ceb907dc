"""`chat-rec llm-server`: a local transformers model behind an OpenAI-compatible HTTP API.

Serves ``/v1/models`` and ``/v1/chat/completions`` (plain and ``stream: true`` server-sent events)
so any number of ``chat-rec serve`` replicas can share one model process through
``CHAT_REC_LLM=openai``. Tokens are streamed as the model makes them (``LocalChatModel`` runs
``generate`` with a ``TextIteratorStreamer``); generation is greedy and serialized on the one model.
It is the small, dependency-free choice for a CPU box or a test; on a GPU, vLLM or llama.cpp's
server speak the same API (docs/deploy.md).
"""

from __future__ import annotations

import argparse
import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any, Literal

from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from chat_rec.config import Settings
from chat_rec.llm.local import LocalChatModel

DEFAULT_NAME = "chat-rec-local"


class ChatMessageIn(BaseModel):
    role: Literal["system", "user", "assistant", "developer", "tool"]
    content: str | list[dict[str, Any]] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):  # content parts: keep the text ones
            return "".join(str(p.get("text", "")) for p in self.content if p.get("type") == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    """The fields of an OpenAI chat-completions request this server honours (others are ignored)."""

    model: str = DEFAULT_NAME
    messages: list[ChatMessageIn] = Field(min_length=1)
    max_tokens: int | None = Field(default=None, ge=1)
    max_completion_tokens: int | None = Field(default=None, ge=1)
    stream: bool = False
    stop: str | list[str] | None = None
    stream_options: dict[str, Any] | None = None


def _messages(request: ChatRequest) -> list[BaseMessage]:
    kinds = {"system": SystemMessage, "developer": SystemMessage, "assistant": AIMessage}
    return [kinds.get(m.role, HumanMessage)(content=m.text()) for m in request.messages]


class CompletionService:
    """The model and its counters; one generation at a time (the model is shared)."""

    def __init__(self, chat: LocalChatModel, name: str) -> None:
        self.chat = chat
        self.name = name
        self.requests = 0
        self.generated_tokens = 0
        self._lock = threading.Lock()

    def _count(self, text: str) -> int:
        return len(self.chat.tokenizer.encode(text, add_special_tokens=False)) if text else 0

    def _limits(self, request: ChatRequest) -> tuple[int, list[str] | None]:
        cap = request.max_completion_tokens or request.max_tokens or self.chat.max_new_tokens
        stop = [request.stop] if isinstance(request.stop, str) else request.stop
        return min(cap, self.chat.max_new_tokens), stop

    def _record(self, tokens: int) -> None:
        with self._lock:
            self.requests += 1
            self.generated_tokens += tokens

    def complete(self, request: ChatRequest) -> dict[str, Any]:
        """A whole ``chat.completion`` object."""
        limit, stop = self._limits(request)
        message = self.chat.invoke(_messages(request), stop=stop, max_new_tokens=limit)
        text = str(message.content)
        usage = dict(getattr(message, "usage_metadata", None) or {})
        tokens = int(usage.get("output_tokens", self._count(text)))
        prompt = int(usage.get("input_tokens", 0))
        self._record(tokens)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion", "created": int(time.time()),
            "model": self.name,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": "length" if tokens >= limit else "stop"}],
            "usage": {"prompt_tokens": prompt, "completion_tokens": tokens, "total_tokens": prompt + tokens},
        }

    def stream(self, request: ChatRequest) -> Iterator[str]:
        """Server-sent events: one ``chat.completion.chunk`` per piece of text, then ``[DONE]``."""
        limit, stop = self._limits(request)
        base = {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion.chunk",
                "created": int(time.time()), "model": self.name}

        def event(choices: list[dict[str, Any]], **extra: Any) -> str:
            return f"data: {json.dumps({**base, 'choices': choices, **extra})}\n\n"

        yield event([{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}])
        text = ""
        for chunk in self.chat.stream(_messages(request), stop=stop, max_new_tokens=limit):
            piece = str(chunk.content)
            if piece:
                text += piece
                yield event([{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        tokens = self._count(text)
        self._record(tokens)
        yield event([{"index": 0, "delta": {}, "finish_reason": "length" if tokens >= limit else "stop"}])
        if (request.stream_options or {}).get("include_usage"):
            yield event([], usage={"prompt_tokens": 0, "completion_tokens": tokens, "total_tokens": tokens})
        yield "data: [DONE]\n\n"


def build_app(service: CompletionService) -> Any:
    """The FastAPI application over one loaded model."""
    from fastapi import FastAPI
    from fastapi.responses import JSONResponse, StreamingResponse

    app = FastAPI(title="chat-rec llm-server", docs_url=None, redoc_url=None)

    @app.get("/v1/models")
    def models() -> dict[str, Any]:
        return {"object": "list", "data": [{"id": service.name, "object": "model", "owned_by": "chat-rec"}]}

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"status": "ok", "model": service.name, "requests": service.requests,
                "generated_tokens": service.generated_tokens}

    @app.post("/v1/chat/completions", response_model=None)
    def completions(request: ChatRequest) -> Any:
        if request.stream:
            return StreamingResponse(service.stream(request), media_type="text/event-stream")
        try:
            return service.complete(request)
        except Exception as exc:  # noqa: BLE001 - reported to the client as an OpenAI-style error
            return JSONResponse({"error": {"message": str(exc), "type": "server_error"}}, status_code=500)

    return app


def load_service(settings: Settings, model: str, name: str, max_new_tokens: int,
                 timeout_s: float | None) -> CompletionService:
    """Load ``model`` ("packaged", a folder or a cached hub id) the way the local backend would."""
    from chat_rec.llm.local import load_local_chat_model
    from chat_rec.llm.registry import local_load_options, resolve_local_model

    if model == "packaged":
        path = resolve_local_model(settings.model_copy(update={"llm_cpu_model": "packaged"}))
    else:
        path = model
    options = local_load_options(settings)
    chat = load_local_chat_model(path, max_new_tokens=max_new_tokens, timeout_s=timeout_s, **options)
    return CompletionService(chat, name)


def cmd_llm_server(args: argparse.Namespace) -> int:
    import uvicorn

    from chat_rec.config import get_settings

    service = load_service(get_settings(), args.model, args.name, args.max_new_tokens, args.timeout_s)
    print(f"chat-rec llm-server: {args.model} as {args.name!r} on http://{args.host}:{args.port}/v1", flush=True)
    uvicorn.run(build_app(service), host=args.host, port=args.port, log_level="warning")
    return 0


def add_llm_server_parser(sub: Any) -> argparse.ArgumentParser:
    """Add `llm-server` to the CLI."""
    p: argparse.ArgumentParser = sub.add_parser(
        "llm-server", help="serve a local model over an OpenAI-compatible API (for CHAT_REC_LLM=openai)")
    p.add_argument("--model", default="packaged", help="'packaged' (Qwen2.5 0.5B), a model folder or a cached id")
    p.add_argument("--name", default=DEFAULT_NAME, help="model name clients send (CHAT_REC_OPENAI_MODEL)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--max-new-tokens", type=int, default=512, help="upper bound on tokens per request")
    p.add_argument("--timeout-s", type=float, default=120.0, help="upper bound on one request's generation time")
    p.set_defaults(func=cmd_llm_server)
    return p
