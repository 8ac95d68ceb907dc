"""Pick the chat model named by the settings: none, scripted, openai, or a local model.

Local resolution: on CUDA, ``settings.llm_model`` (a folder, or a Hugging Face id already in the
local cache; nothing is downloaded) and the packaged model when neither is there; on CPU,
``settings.llm_cpu_model`` (``packaged`` or a folder). ``auto`` is ``local`` that degrades to no
LLM (the deterministic parser and fixed replies) with a warning when no model can be had;
``local`` raises instead.

Engine (``settings.llm_engine``): on CPU a GGUF model (the packaged one, or a ``.gguf`` file) runs
through llama.cpp when ``llama_cpp`` is installed, else through transformers; ``transformers`` and
``llamacpp`` force one. On CUDA, ``auto`` is transformers.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from langchain_core.language_models import BaseChatModel

from chat_rec.config import Settings
from chat_rec.errors import ModelError, UnknownModelError

log = logging.getLogger(__name__)

BACKENDS = ("auto", "local", "openai", "scripted", "none")


def get_chat_model(settings: Settings, progress: bool = True) -> BaseChatModel | None:
    """The chat model for ``settings.llm``; None when the backend is ``none`` (or ``auto`` finds none)."""
    backend = settings.llm
    if backend == "none":
        return None
    if backend == "scripted":
        from chat_rec.llm.scripted import ScriptedChatModel

        return ScriptedChatModel(default="")
    if backend == "openai":
        from chat_rec.llm.openai_compat import openai_chat_model_from_settings

        return openai_chat_model_from_settings(settings)
    if backend not in ("local", "auto"):
        raise UnknownModelError(f"Unknown LLM backend {backend!r}: set CHAT_REC_LLM to one of "
                                f"{', '.join(BACKENDS)}.")
    try:
        return _local(settings, progress)
    except ModelError as error:
        if backend == "local" or isinstance(error, UnknownModelError):
            raise
        log.warning("No local LLM available, continuing without one: %s", error)
        return None


def _local(settings: Settings, progress: bool) -> BaseChatModel:
    from chat_rec.llm.local import load_local_chat_model

    if choose_engine(settings) == "llamacpp":
        try:
            return _llamacpp(settings, progress)
        except ModelError as error:
            if settings.llm_engine == "llamacpp" or isinstance(error, UnknownModelError):
                raise
            log.warning("llama.cpp engine unavailable, using transformers: %s", error)
    path = resolve_local_model(settings, progress=progress)
    return load_local_chat_model(path, max_new_tokens=settings.max_new_tokens, timeout_s=settings.llm_timeout_s,
                                 **local_load_options(settings))


def choose_engine(settings: Settings) -> str:
    """``llamacpp`` or ``transformers`` for the local model (looks for packages and files; loads nothing)."""
    if settings.llm_engine != "auto":
        return settings.llm_engine
    if _cuda() or not _is_gguf_model(settings):
        return "transformers"
    from chat_rec.llm.llamacpp import PACKAGE, llama_cpp_available

    if llama_cpp_available():
        return "llamacpp"
    _log_once(f"llama_cpp is not installed ({PACKAGE}): running the local model with transformers.")
    return "transformers"


def _is_gguf_model(settings: Settings) -> bool:
    return settings.llm_cpu_model == "packaged" or settings.llm_cpu_model.lower().endswith(".gguf")


def _llamacpp(settings: Settings, progress: bool) -> BaseChatModel:
    from chat_rec.llm.llamacpp import load_llamacpp_chat_model
    from chat_rec.llm.packaged import DISPLAY_NAME, ensure_packaged_gguf

    if settings.llm_cpu_model == "packaged":
        gguf, name = ensure_packaged_gguf(settings, progress=progress), DISPLAY_NAME
    else:
        gguf, name = Path(settings.llm_cpu_model).expanduser(), None
        if not gguf.is_file() or gguf.suffix.lower() != ".gguf":
            raise UnknownModelError(f"The llama.cpp engine needs a GGUF file; CHAT_REC_LLM_CPU_MODEL="
                                    f"{settings.llm_cpu_model!r} is not one. Set it to 'packaged' or to a .gguf "
                                    "file, or set CHAT_REC_LLM_ENGINE=transformers.")
    return load_llamacpp_chat_model(gguf, max_new_tokens=settings.max_new_tokens, timeout_s=settings.llm_timeout_s,
                                    threads=settings.llm_threads or None, name=name)


_LOGGED: set[str] = set()


def _log_once(line: str) -> None:
    if line not in _LOGGED:
        _LOGGED.add(line)
        log.info(line)


def local_load_options(settings: Settings) -> dict[str, Any]:
    """``load_in_4bit`` and ``dtype`` for a local model on this machine (CUDA or CPU settings)."""
    cuda = _cuda()
    return {"load_in_4bit": settings.llm_load_in_4bit if cuda else settings.llm_cpu_4bit,
            "dtype": "bfloat16" if cuda else settings.llm_cpu_dtype}


def resolve_local_model(settings: Settings, progress: bool = True) -> str:
    """The folder or cached hub id the local backend will load, converting the packaged model if needed."""
    from chat_rec.llm.packaged import ensure_packaged_model

    if _cuda():
        found = _find_offline(settings.llm_model)
        if found:
            return found
        log.warning("%s is not available offline; using the packaged model.", settings.llm_model)
        return str(ensure_packaged_model(settings, progress=progress))
    if settings.llm_cpu_model == "packaged":
        return str(ensure_packaged_model(settings, progress=progress))
    folder = Path(settings.llm_cpu_model).expanduser()
    if folder.is_dir():
        return str(folder)
    raise UnknownModelError(
        f"CHAT_REC_LLM_CPU_MODEL={settings.llm_cpu_model!r} is neither 'packaged' nor an existing model "
        "folder: set it to 'packaged' or to a folder holding a transformers model with its tokenizer."
    )


def _find_offline(name: str) -> str | None:
    """A local folder, or the hub id when its files are in the local Hugging Face cache."""
    folder = Path(name).expanduser()
    if folder.is_dir():
        return str(folder)
    if name.count("/") != 1:
        return None
    try:
        from huggingface_hub import try_to_load_from_cache

        cached = try_to_load_from_cache(name, "config.json")
    except Exception:  # noqa: BLE001 - a malformed id is simply not cached
        return None
    return name if isinstance(cached, str) else None


def _cuda() -> bool:
    """Whether torch sees a CUDA device; without an NVIDIA driver on the machine, torch is not even imported."""
    if not _nvidia_driver():
        return False
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def _nvidia_driver() -> bool:
    """An NVIDIA kernel driver (Linux) or WSL's GPU device, without which CUDA cannot be available."""
    import sys

    if not sys.platform.startswith("linux"):
        return True  # no cheap check elsewhere: ask torch
    return any(Path(p).exists() for p in ("/proc/driver/nvidia/version", "/dev/nvidiactl", "/dev/dxg"))


def describe_model(settings: Settings) -> str:
    """A one-line description of the configured LLM, for logs and the UI (loads nothing)."""
    backend = settings.llm
    if backend == "none":
        return "no LLM (deterministic parser and fixed replies)"
    if backend == "scripted":
        return "scripted test model"
    if backend == "openai":
        return f"{settings.openai_model} at {settings.openai_base_url} (OpenAI-compatible)"
    quant = "4-bit NF4" if settings.llm_load_in_4bit else "bf16"
    if _cuda():
        name = settings.llm_model if _find_offline(settings.llm_model) else "packaged Qwen2.5-Coder-0.5B-Instruct"
        return f"{name} ({quant}, CUDA)"
    name = ("packaged Qwen2.5-Coder-0.5B-Instruct" if settings.llm_cpu_model == "packaged"
            else settings.llm_cpu_model)
    if choose_engine(settings) == "llamacpp":
        from chat_rec.llm.llamacpp import MAX_THREADS, default_threads, usable_cpus

        if settings.llm_threads:
            threads = f"{settings.llm_threads} thread{'s' if settings.llm_threads > 1 else ''}"
        else:
            most = min(usable_cpus(), MAX_THREADS)
            threads = f"{default_threads()}–{most} threads by idle cores" if most > 1 else "1 thread"
        return f"{name} (GGUF via llama.cpp, {threads}, CPU)"
    quant = "4-bit NF4" if settings.llm_cpu_4bit else settings.llm_cpu_dtype
    return f"{name} ({quant}, CPU)"
