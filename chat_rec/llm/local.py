"""Local transformers models as a LangChain chat model (4-bit NF4 through bitsandbytes).

``LocalChatModel`` applies the tokenizer's chat template itself and streams with
``TextIteratorStreamer`` on the model's own long-lived generation thread, so ``.stream()`` yields
tokens as they are made, errors in the generation thread reach the caller, a consumer that stops
early stops generation, and every call is bounded in tokens and wall time. (ChatHuggingFace over a
HuggingFacePipeline streams too, but gives none of those bounds and waits 60 s on a failed
generation thread.)
"""

from __future__ import annotations

import copy
import logging
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessageChunk, BaseMessage, ChatMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from pydantic import ConfigDict, PrivateAttr

from chat_rec.errors import ModelError
from chat_rec.llm.calls import cut_at_stop, timed_result

log = logging.getLogger(__name__)

_ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "tool"}
_CACHE: dict[tuple[str, bool, str, str], tuple[Any, Any, threading.Lock, ThreadPoolExecutor]] = {}
_CACHE_LOCK = threading.Lock()
PREFIX_CACHE_ENTRIES = 8
"""Distinct system prompts whose key/value cache is kept per model instance."""


class LocalChatModel(BaseChatModel):
    """A chat model over an in-process transformers model and tokenizer (greedy decoding)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model: Any
    """A loaded ``PreTrainedModel`` (shared between instances; see ``load_local_chat_model``)."""
    tokenizer: Any
    """Its tokenizer, with a chat template."""
    model_name: str = "local"
    max_new_tokens: int = 120
    """Upper bound on generated tokens per call."""
    timeout_s: float | None = None
    """Upper bound on one call's generation wall time (stops early, returns what was made)."""
    generate_lock: Any = None
    """Serialises generation on the shared model across threads."""
    worker: Any = None
    """A single-thread executor, kept as long as the model, that runs ``.stream()``'s generation. A
    fresh thread per call decodes about four times slower on CUDA (measured on an H200: 0.5B bf16
    16 tokens/s in a fresh thread against 50 on a reused one and 57 on the main thread;
    docs/benchmarks.md, "The CUDA path"). None: a thread made for the call."""
    prefix_cache: bool = True
    """Reuse the key/value cache of a leading system message across calls: it is computed once per
    distinct system text and copied into each call, so only the rest of the prompt is prefilled."""

    _prefixes: dict[str, Any] = PrivateAttr(default_factory=dict)

    @property
    def _llm_type(self) -> str:
        return "chat-rec-local"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "max_new_tokens": self.max_new_tokens}

    def _conversation(self, messages: list[BaseMessage]) -> list[dict[str, str]]:
        return [
            {"role": m.role if isinstance(m, ChatMessage) else _ROLES.get(m.type, "user"), "content": m.text}
            for m in messages
        ]

    def _inputs(self, messages: list[BaseMessage]) -> dict[str, Any]:
        prompt = self.tokenizer.apply_chat_template(
            self._conversation(messages), tokenize=False, add_generation_prompt=True
        )
        encoded = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        return {k: v.to(self.model.device) for k, v in encoded.items()}

    def _prefix_kv(self, messages: list[BaseMessage], input_ids: Any) -> Any:
        """A copy of the cached key/values of the leading system message, or None (call under the lock).

        Used only when the system message's own rendering is a token prefix of the whole prompt and
        leaves at least one token to prefill; greedy output is the same with or without it.
        """
        import torch
        from transformers import DynamicCache

        conversation = self._conversation(messages)
        if not self.prefix_cache or len(conversation) < 2 or conversation[0]["role"] != "system":
            return None
        text = self.tokenizer.apply_chat_template(conversation[:1], tokenize=False, add_generation_prompt=False)
        entry = self._prefixes.get(text)
        if entry is None:
            ids = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)["input_ids"].to(self.model.device)
            cache = DynamicCache(config=self.model.config)
            with torch.inference_mode():
                self.model(input_ids=ids, past_key_values=cache, use_cache=True)
            if len(self._prefixes) >= PREFIX_CACHE_ENTRIES:
                self._prefixes.pop(next(iter(self._prefixes)))
            entry = self._prefixes[text] = (ids, cache)
        ids, cache = entry
        n = ids.shape[1]
        if n >= input_ids.shape[1] or not torch.equal(input_ids[0, :n], ids[0]):
            return None
        return copy.deepcopy(cache)

    def _generate_kwargs(self, inputs: dict[str, Any], stop: list[str] | None, **extra: Any) -> dict[str, Any]:
        config = copy.deepcopy(self.model.generation_config)
        config.do_sample = False
        config.temperature = config.top_p = config.top_k = None
        limit = extra.pop("max_new_tokens", None)
        config.max_new_tokens = min(int(limit), self.max_new_tokens) if limit else self.max_new_tokens
        config.max_length = None
        if config.pad_token_id is None:
            config.pad_token_id = self.tokenizer.pad_token_id or self.tokenizer.eos_token_id
        if self.timeout_s:
            config.max_time = self.timeout_s
        kwargs: dict[str, Any] = {**inputs, "generation_config": config, **extra}
        if stop:
            kwargs.update(stop_strings=stop, tokenizer=self.tokenizer)
        return kwargs

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        import torch

        inputs = self._inputs(messages)
        started = time.perf_counter()
        with self.generate_lock or nullcontext(), torch.inference_mode():
            generate_kwargs = self._generate_kwargs(inputs, stop, **_limit(kwargs))
            generate_kwargs["past_key_values"] = self._prefix_kv(messages, inputs["input_ids"])
            output = self.model.generate(**generate_kwargs)
        new = output[0, inputs["input_ids"].shape[1]:]
        text = cut_at_stop(self.tokenizer.decode(new, skip_special_tokens=True), stop)
        usage = {"input_tokens": int(inputs["input_ids"].shape[1]), "output_tokens": int(new.shape[0]),
                 "total_tokens": int(inputs["input_ids"].shape[1] + new.shape[0])}
        return timed_result(text, usage, self.model_name, started)  # type: ignore[no-any-return]

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        inputs = self._inputs(messages)
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        cancelled = threading.Event()
        errors: list[BaseException] = []

        class _Cancelled(StoppingCriteria):
            def __call__(self, input_ids: Any, scores: Any, **kw: Any) -> bool:
                return cancelled.is_set()

        generate_kwargs = self._generate_kwargs(
            inputs, stop, streamer=streamer, stopping_criteria=StoppingCriteriaList([_Cancelled()]), **_limit(kwargs)
        )

        def run() -> None:
            try:
                with self.generate_lock or nullcontext(), torch.inference_mode():
                    generate_kwargs["past_key_values"] = self._prefix_kv(messages, inputs["input_ids"])
                    self.model.generate(**generate_kwargs)
            except BaseException as error:  # noqa: BLE001 - handed to the consuming thread
                errors.append(error)
                streamer.end()

        worker = self.worker or ThreadPoolExecutor(1, thread_name_prefix="chat-rec-generate")
        done = worker.submit(run)
        emitted = ""
        try:
            for piece in streamer:
                if not piece:
                    continue
                if stop:
                    cut = cut_at_stop(emitted + piece, stop)
                    if len(cut) < len(emitted) + len(piece):
                        piece = cut[len(emitted):]
                        cancelled.set()
                emitted += piece
                if piece:
                    chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
                    if run_manager:
                        run_manager.on_llm_new_token(piece, chunk=chunk)
                    yield chunk
                if cancelled.is_set():
                    break
        finally:
            cancelled.set()
            done.result()
            if worker is not self.worker:
                worker.shutdown()
        if errors:
            raise ModelError(f"The local model failed while generating: {errors[0]}") from errors[0]




def load_local_chat_model(
    path_or_id: str | Path,
    *,
    load_in_4bit: bool = True,
    max_new_tokens: int = 120,
    device: str | None = None,
    timeout_s: float | None = None,
    dtype: str = "bfloat16",
) -> LocalChatModel:
    """A chat model over a local folder or a Hugging Face id already in the local cache.

    The weights are loaded once per process for each (model, 4-bit, device); later calls share them.
    """
    import torch

    device = device or ("cuda" if torch.cuda.is_available() else "cpu")
    key = (str(path_or_id), load_in_4bit, device, dtype)
    with _CACHE_LOCK:
        if key not in _CACHE:
            started = time.perf_counter()
            worker = ThreadPoolExecutor(1, thread_name_prefix="chat-rec-generate")
            _CACHE[key] = (*_load(str(path_or_id), load_in_4bit, device, dtype), threading.Lock(), worker)
            log.info("Loaded %s (%s, %s) in %.1f s.", path_or_id, "4-bit NF4" if load_in_4bit else dtype,
                     device, time.perf_counter() - started)
        model, tokenizer, lock, worker = _CACHE[key]
    return LocalChatModel(model=model, tokenizer=tokenizer, model_name=Path(str(path_or_id)).name,
                          max_new_tokens=max_new_tokens, timeout_s=timeout_s, generate_lock=lock, worker=worker)


def _load(path_or_id: str, load_in_4bit: bool, device: str, dtype: str = "bfloat16") -> tuple[Any, Any]:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig

    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if load_in_4bit else getattr(torch, dtype),
                              "device_map": "auto" if device == "cuda" else device}
    if not Path(path_or_id).exists():
        kwargs["local_files_only"] = True
    if load_in_4bit:
        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=torch.bfloat16
        )
    try:
        tokenizer = AutoTokenizer.from_pretrained(
            path_or_id, local_files_only=kwargs.get("local_files_only", False)
        )
        model = AutoModelForCausalLM.from_pretrained(path_or_id, **kwargs)
    except (OSError, ValueError) as error:
        raise ModelError(
            f"Could not load the model {path_or_id!r} offline ({error}). Point CHAT_REC_LLM_MODEL at a "
            "local folder, or download it first with `hf download <id>`."
        ) from error
    if tokenizer.chat_template is None:
        raise ModelError(f"The model {path_or_id!r} has no chat template: use an instruction-tuned model.")
    model.eval()
    return model, tokenizer


def _limit(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The per-call output cap (``max_new_tokens``), if the caller gave one."""
    return {"max_new_tokens": kwargs["max_new_tokens"]} if kwargs.get("max_new_tokens") else {}
