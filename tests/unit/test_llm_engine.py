"""Choosing the CPU engine, falling back when llama_cpp is missing, stop strings split across tokens,
and the recorded sha256 of the packaged GGUF. Nothing here loads a model."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
from pathlib import Path

import pytest

from chat_rec.config import get_settings
from chat_rec.errors import ModelError, UnknownModelError
from chat_rec.llm import llamacpp, packaged, registry


@pytest.fixture
def cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "_cuda", lambda: False)


def test_auto_picks_llamacpp_for_a_gguf_only_when_installed(cpu: None, monkeypatch: pytest.MonkeyPatch,
                                                            caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(llamacpp, "llama_cpp_available", lambda: True)
    assert registry.choose_engine(get_settings(llm="auto")) == "llamacpp"
    assert registry.choose_engine(get_settings(llm_cpu_model="/models/x.gguf")) == "llamacpp"
    assert registry.choose_engine(get_settings(llm_cpu_model="/models/folder")) == "transformers"
    assert registry.choose_engine(get_settings(llm_engine="transformers")) == "transformers"
    assert "llama.cpp" in registry.describe_model(get_settings(llm="auto"))
    monkeypatch.setattr(registry, "_cuda", lambda: True)
    assert registry.choose_engine(get_settings(llm="auto")) == "transformers"

    monkeypatch.setattr(registry, "_cuda", lambda: False)
    monkeypatch.setattr(llamacpp, "llama_cpp_available", lambda: False)
    monkeypatch.setattr(registry, "_LOGGED", set())
    with caplog.at_level(logging.INFO, logger="chat_rec.llm.registry"):
        assert registry.choose_engine(get_settings(llm="auto")) == "transformers"
        assert registry.choose_engine(get_settings(llm="auto")) == "transformers"
    lines = [r.message for r in caplog.records if "llama_cpp is not installed" in r.message]
    assert len(lines) == 1 and llamacpp.PACKAGE in lines[0]  # one line, saying what to install


def test_a_broken_llama_cpp_falls_back_to_transformers_unless_forced(cpu: None, monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    from chat_rec.llm import local

    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    monkeypatch.setattr(llamacpp, "llama_cpp_available", lambda: True)
    monkeypatch.setitem(sys.modules, "llama_cpp", None)  # installed but cannot be imported
    monkeypatch.setattr(packaged, "ensure_packaged_gguf", lambda settings, progress=True: gguf)
    monkeypatch.setattr(registry, "resolve_local_model", lambda settings, progress=True: "/models/converted")
    monkeypatch.setattr(local, "load_local_chat_model", lambda path, **kw: f"transformers:{path}")

    assert registry.get_chat_model(get_settings(llm="local"), progress=False) == "transformers:/models/converted"
    with pytest.raises(ModelError, match="pip install llama-cpp-python==0.3.36"):
        registry.get_chat_model(get_settings(llm="local", llm_engine="llamacpp"), progress=False)
    with pytest.raises(UnknownModelError, match="GGUF file"):
        registry.get_chat_model(get_settings(llm="local", llm_engine="llamacpp", llm_cpu_model=str(tmp_path)))


@pytest.mark.parametrize("pieces", [["Hello wor", "ld.", "\n\nBye"], ["Hello world.\n", "\nBye"],
                                    ["Hello world.", "\n", "\n", "Bye"]])
def test_stop_strings_split_across_tokens_are_never_shown(pieces: list[str]) -> None:
    shown, held = "", ""
    for piece in pieces:
        held += piece
        cut = llamacpp.cut_at_stop(held, ["\n\n"])
        if len(cut) < len(held):
            shown += cut
            break
        ready, held = llamacpp._split_held(held, ["\n\n"])
        shown += ready
    assert shown == "Hello world."


def test_the_gguf_is_hashed_once_and_again_only_when_it_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    settings.ensure_home()
    data = b"not really a model" * 1000
    gguf = packaged.packaged_gguf_path(settings)
    gguf.write_bytes(data)
    monkeypatch.setattr(packaged, "GGUF_SIZE", len(data))
    monkeypatch.setattr(packaged, "GGUF_SHA256", hashlib.sha256(data).hexdigest())
    hashed: list[Path] = []
    real = packaged._sha256
    monkeypatch.setattr(packaged, "_sha256", lambda path, progress: hashed.append(path) or real(path, progress))

    assert packaged.ensure_packaged_gguf(settings, progress=False) == gguf
    assert packaged.ensure_packaged_gguf(settings, progress=False) == gguf
    assert hashed == [gguf]  # the second start trusted the record
    os.utime(gguf, ns=(0, 0))  # touched: hash again
    assert packaged.ensure_packaged_gguf(settings, progress=False) == gguf
    assert len(hashed) == 2


def test_a_gguf_from_the_old_cache_folder_is_moved_not_fetched_again(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    settings.ensure_home()
    data = b"old place" * 100
    (settings.cache_dir / packaged.GGUF_NAME).write_bytes(data)
    monkeypatch.setattr(packaged, "GGUF_SIZE", len(data))
    monkeypatch.setattr(packaged, "GGUF_SHA256", hashlib.sha256(data).hexdigest())
    monkeypatch.setattr(packaged, "_part_sources", lambda *a, **k: pytest.fail("downloaded again"))
    assert packaged.ensure_packaged_gguf(settings, progress=False) == packaged.packaged_gguf_path(settings)
    assert not (settings.cache_dir / packaged.GGUF_NAME).exists()


def test_a_call_uses_every_thread_only_when_that_many_cores_are_idle() -> None:
    from chat_rec.llm.llamacpp import threads_for_call

    assert threads_for_call(2, 2.0) == 2 and threads_for_call(2, 1.7) == 2
    assert threads_for_call(2, 1.5) == 1, "a core busy with something else: one thread"
    assert threads_for_call(2, None) == 1, "no reading: the safe choice"
    assert threads_for_call(1, 2.0) == 1
    assert threads_for_call(4, 3.8) == 4 and threads_for_call(4, 3.0) == 1


def test_idle_cores_reads_the_machine() -> None:
    import os
    import sys

    from chat_rec.llm.llamacpp import idle_cores

    idle = idle_cores(0.02)
    if sys.platform.startswith("linux"):
        assert idle is not None and 0.0 <= idle <= (os.cpu_count() or 1) + 1e-9
