"""Local GGUF models through llama.cpp (``llama-cpp-python``) as a LangChain chat model.

``LlamaCppChatModel`` renders the prompt with the GGUF's own chat template, decodes greedily token
by token in the calling thread (so ``.stream()`` yields the model's real tokens and a consumer that
stops early stops generation), and bounds every call in tokens and wall time like ``LocalChatModel``.
llama.cpp keeps the key/value cache of the last prompt and reuses its longest common token prefix,
so the static system part of a prompt is prefilled once and not again while calls share it. The
GGUF is memory-mapped as it is: no conversion, no second copy of the weights.
"""

from __future__ import annotations

import atexit
import codecs
import logging
import os
import threading
import time
from collections.abc import Generator, Iterator, Sequence
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

PACKAGE = "llama-cpp-python==0.3.36"
"""The pinned package (built from source: needs a C++ compiler and cmake, ~5 min on 2 cores)."""
N_CTX = 4096
"""Context window: prompts are bounded far below it (intro ~250 tokens, judge ~300)."""
MAX_THREADS = 16
_ROLES = {"system": "system", "human": "user", "ai": "assistant", "tool": "tool"}
_CACHE: dict[str, tuple[Any, threading.Lock]] = {}
_CACHE_LOCK = threading.Lock()


def llama_cpp_available() -> bool:
    """Whether ``llama_cpp`` is installed (looks for it; loads nothing)."""
    import importlib.util

    return importlib.util.find_spec("llama_cpp") is not None


IDLE_SAMPLE_S = 0.05
"""How long ``idle_cores`` watches the CPUs before a call (a few scheduler ticks)."""
SPARE_CORE_MARGIN = 0.4
"""A call uses every allowed thread only when this close to all of them are idle."""


def idle_cores(sample_s: float = IDLE_SAMPLE_S) -> float | None:
    """How many CPU cores sat idle over the last ``sample_s`` seconds (Linux ``/proc/stat``), or None."""
    def snapshot() -> tuple[int, int] | None:
        try:
            with open("/proc/stat", encoding="ascii") as handle:
                fields = [int(x) for x in handle.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)  # total, idle + iowait

    first = snapshot()
    time.sleep(sample_s)
    second = snapshot()
    if first is None or second is None or second[0] <= first[0]:
        return None
    share = (second[1] - first[1]) / (second[0] - first[0])
    return share * (os.cpu_count() or 1)


def threads_for_call(most: int, idle: float | None) -> int:
    """``most`` threads when the machine has that many idle cores, else one.

    ggml's threads wait for each other at every layer, so a thread without a core of its own
    stalls all of them: on 2 cores an idle machine decodes ~1.7× faster with 2 threads (README,
    "Engines"), a busy one up to ten times slower. One thread is the safe choice whenever in doubt.
    """
    if most <= 1 or idle is None or idle < most - SPARE_CORE_MARGIN:
        return 1
    return most


def default_threads() -> int:
    """All but one of the CPUs this process may run on (at least one, at most ``MAX_THREADS``): the
    thread count of a call when the machine is busy (see ``threads_for_call``).

    ggml's threads wait for each other at every layer by spinning; when one of them loses its core
    (to the server's other threads, the embedder, another process) all wait. Measured on the 2-core
    machine under load: 1 thread 5.6 tokens/s, 2 threads 0.4 tokens/s (README, "Engines").
    """
    return max(1, min(usable_cpus() - 1, MAX_THREADS))


def usable_cpus() -> int:
    """The CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class LlamaCppChatModel(BaseChatModel):
    """A chat model over an in-process ``llama_cpp.Llama`` (greedy decoding, the GGUF's chat template)."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    llama: Any
    """A loaded ``llama_cpp.Llama`` (shared between instances; see ``load_llamacpp_chat_model``)."""
    model_name: str = "gguf"
    max_new_tokens: int = 120
    """Upper bound on generated tokens per call."""
    timeout_s: float | None = None
    """Upper bound on one call's generation wall time (stops early, returns what was made)."""
    generate_lock: Any = None
    """Serialises use of the shared context (its key/value cache) across threads."""
    threads: int = 1
    """Threads for each call; with ``adaptive``, the most a call may use."""
    adaptive: bool = False
    """Look at the CPUs before each call and use ``threads`` only when that many cores are idle."""

    _formatter: Any = PrivateAttr(default=None)

    @property
    def _llm_type(self) -> str:
        return "chat-rec-llamacpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "max_new_tokens": self.max_new_tokens}

    # ------------------------------------------------------------------ prompt
    def _format(self, conversation: list[dict[str, str]]) -> str:
        if self._formatter is None:
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            meta = self.llama.metadata
            template = meta.get("tokenizer.chat_template")
            if not template:
                raise ModelError(f"The GGUF {self.model_name!r} has no chat template: use an instruction-tuned model.")
            self._formatter = Jinja2ChatFormatter(template, eos_token=_token_text(self.llama, meta, "eos"),
                                                  bos_token=_token_text(self.llama, meta, "bos"))
        return str(self._formatter(messages=conversation).prompt)

    def prompt_tokens(self, messages: list[BaseMessage]) -> list[int]:
        """The chat-template rendering of ``messages`` with the assistant turn opened, as token ids."""
        conversation = [
            {"role": m.role if isinstance(m, ChatMessage) else _ROLES.get(m.type, "user"), "content": m.text}
            for m in messages
        ]
        tokens: list[int] = self.llama.tokenize(self._format(conversation).encode("utf-8"),
                                                add_bos=False, special=True)
        return tokens

    def _set_threads(self) -> int:
        """Set this call's thread count on the shared context (under the lock) and return it."""
        count = threads_for_call(self.threads, idle_cores()) if self.adaptive else self.threads
        setter = getattr(getattr(self.llama, "_ctx", None), "set_n_threads", None)
        if setter is not None:
            setter(count, count)
        return count

    # --------------------------------------------------------------- decoding
    def _pieces(self, messages: list[BaseMessage], stop: list[str] | None, limit: int | None,
                usage: dict[str, int]) -> Generator[str, None, None]:
        """Text as the model writes it, cut at a stop string, an end-of-generation token, the token
        cap or the time limit. Holds the lock while it runs; closing it stops generation.
        """
        import llama_cpp

        tokens = self.prompt_tokens(messages)
        cap = min(int(limit), self.max_new_tokens) if limit else self.max_new_tokens
        if len(tokens) + cap > self.llama.n_ctx():
            raise ModelError(f"The prompt is {len(tokens)} tokens long; with {cap} new tokens it does not fit the "
                             f"model's context of {self.llama.n_ctx()} tokens.")
        usage["input_tokens"] = len(tokens)
        vocab = llama_cpp.llama_model_get_vocab(self.llama.model)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        held = ""  # text that may be the start of a stop string: shown only once it is not
        stops = [s for s in stop or [] if s]
        with self.generate_lock or nullcontext():
            started = time.perf_counter()
            self._set_threads()
            generator = self.llama.generate(tokens, temp=0.0, top_k=1, repeat_penalty=1.0)
            try:
                for count, token in enumerate(generator, start=1):
                    if llama_cpp.llama_vocab_is_eog(vocab, token):
                        break
                    usage["output_tokens"] = count
                    held += decoder.decode(self.llama.detokenize([token]))
                    cut = cut_at_stop(held, stops)
                    if len(cut) < len(held):
                        if cut:
                            yield cut
                        held = ""
                        break
                    ready, held = _split_held(held, stops)
                    if ready:
                        yield ready
                    if count >= cap or (self.timeout_s and time.perf_counter() - started >= self.timeout_s):
                        break
            finally:
                generator.close()
        held += decoder.decode(b"", final=True)
        if held:
            yield cut_at_stop(held, stops)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        started = time.perf_counter()
        usage = {"input_tokens": 0, "output_tokens": 0}
        text = "".join(self._pieces(messages, stop, kwargs.get("max_new_tokens"), usage))
        usage["total_tokens"] = usage["input_tokens"] + usage["output_tokens"]
        return timed_result(text, usage, self.model_name, started)  # type: ignore[no-any-return]

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        pieces = self._pieces(messages, stop, kwargs.get("max_new_tokens"), {})
        try:
            for piece in pieces:
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=piece))
                if run_manager:
                    run_manager.on_llm_new_token(piece, chunk=chunk)
                yield chunk
        finally:
            pieces.close()  # stops generation and frees the lock at once, not when collected

    # ------------------------------------------------------------ scoring
    def first_token_ids(self, words: Sequence[str]) -> list[int]:
        """The first token of each word as the model would write it."""
        return [self.llama.tokenize(word.encode("utf-8"), add_bos=False, special=False)[0] for word in words]

    def next_token_logprobs(self, messages: list[BaseMessage], token_ids: Sequence[int]) -> list[float]:
        """Log-probabilities of ``token_ids`` as the first token of the reply (one prefill, no sampling kept)."""
        import llama_cpp
        import numpy as np

        tokens = self.prompt_tokens(messages)
        with self.generate_lock or nullcontext():
            self._set_threads()
            generator = self.llama.generate(tokens, temp=0.0, top_k=1, repeat_penalty=1.0)
            try:
                next(generator)  # evaluates the prompt (reusing the cached prefix) and samples once
                pointer = llama_cpp.llama_get_logits_ith(self.llama.ctx, -1)
                logits = np.ctypeslib.as_array(pointer, shape=(self.llama.n_vocab(),)).astype(np.float64)
            finally:
                generator.close()
        top = logits.max()
        log_norm = top + np.log(np.exp(logits - top).sum())
        return [float(logits[i] - log_norm) for i in token_ids]



def _token_text(llama: Any, meta: dict[str, str], which: str) -> str:
    """The text of the GGUF's bos/eos token, for chat templates that print it."""
    token_id = meta.get(f"tokenizer.ggml.{which}_token_id")
    if token_id is None:
        return ""
    return bytes(llama.detokenize([int(token_id)], special=True)).decode("utf-8", errors="replace")



def _split_held(text: str, stop: list[str]) -> tuple[str, str]:
    """``text`` split into what can be shown now and a tail that may begin a stop string."""
    keep = 0
    for marker in stop:
        for n in range(min(len(marker) - 1, len(text)), 0, -1):
            if text.endswith(marker[:n]):
                keep = max(keep, n)
                break
    return (text[: len(text) - keep], text[len(text) - keep:]) if keep else (text, "")


def _close_all() -> None:
    """Free the loaded models before the interpreter tears its modules down: llama-cpp-python's
    own finaliser runs too late at exit and prints a traceback ("'NoneType' object is not
    callable") after every command that loaded a model.
    """
    with _CACHE_LOCK:
        for llama, lock in _CACHE.values():
            # a call still running in another thread (a background warm-up) finishes first
            held = lock.acquire(timeout=60)
            try:
                llama.close()
            except Exception:  # noqa: BLE001 - exiting anyway
                pass
            finally:
                if held:
                    lock.release()
        _CACHE.clear()


def load_llamacpp_chat_model(
    gguf: str | Path,
    *,
    max_new_tokens: int = 120,
    timeout_s: float | None = None,
    threads: int | None = None,
    name: str | None = None,
) -> LlamaCppChatModel:
    """A chat model over a local GGUF file; the file is mapped once per process and shared."""
    try:
        from llama_cpp import Llama
    except (ImportError, OSError) as error:
        raise ModelError(f"The llama.cpp engine needs {PACKAGE} ({error}). Install it with "
                         f"`pip install {PACKAGE}` (a source build, ~5 min), or set "
                         "CHAT_REC_LLM_ENGINE=transformers.") from error
    path = Path(gguf).expanduser()
    if not path.is_file():
        raise ModelError(f"There is no GGUF file at {path}: point CHAT_REC_LLM_CPU_MODEL at one, or use 'packaged'.")
    n_threads = threads or default_threads()
    key = str(path.resolve())  # one mapped model per file, whatever the callers' thread counts
    with _CACHE_LOCK:
        if key not in _CACHE:
            started = time.perf_counter()
            try:
                llama = Llama(model_path=str(path), n_ctx=N_CTX, n_batch=512, n_threads=n_threads,
                              n_threads_batch=n_threads, verbose=False)
            except (ValueError, RuntimeError) as error:
                raise ModelError(f"llama.cpp could not load {path} ({error}): is it a complete GGUF file?") from error
            if not _CACHE:
                atexit.register(_close_all)
            _CACHE[key] = (llama, threading.Lock())
            log.info("Loaded %s with llama.cpp (%d threads) in %.1f s.", path.name, n_threads,
                     time.perf_counter() - started)
        llama, lock = _CACHE[key]
    most = threads or min(usable_cpus(), MAX_THREADS)
    return LlamaCppChatModel(llama=llama, model_name=name or path.stem, max_new_tokens=max_new_tokens,
                             timeout_s=timeout_s, generate_lock=lock, threads=most, adaptive=threads is None)
