"""The packaged CPU model: verification of the parts, and (slow) the real download + conversion.

The slow tests convert into the shared models folder (CHAT_REC_MODELS_ROOT, default
~/.cache/chat-rec/models) so that the demo, the tests and CI on one machine convert only once.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from chat_rec.config import Settings, get_settings
from chat_rec.errors import ModelError
from chat_rec.llm import packaged


def _fake_parts(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    parts = []
    for n in range(1, packaged.PART_COUNT + 1):
        part = folder / f"part{n:02d}.bin"
        part.write_bytes(b"not a model" * 100)
        parts.append(part)
    return parts


def test_corrupted_parts_raise_and_leave_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    parts = _fake_parts(tmp_path / "parts")
    monkeypatch.setattr(packaged, "_part_sources", lambda wheels_dir, progress: parts)
    monkeypatch.setattr(packaged, "_convert", lambda *a, **k: pytest.fail("converted an unverified file"))

    with pytest.raises(ModelError, match="corrupted") as raised:
        packaged.ensure_packaged_model(settings, progress=False)
    assert "run again" in str(raised.value)
    assert list(settings.models_dir.iterdir()) == []
    assert [p.name for p in settings.cache_dir.iterdir()] == []


def test_a_corrupted_cached_gguf_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    settings.ensure_home()
    stale = settings.cache_dir / packaged.GGUF_NAME
    stale.write_bytes(b"truncated download")
    parts = _fake_parts(tmp_path / "parts")
    monkeypatch.setattr(packaged, "_part_sources", lambda wheels_dir, progress: parts)

    with pytest.raises(ModelError, match="sha256"):
        packaged.ensure_packaged_gguf(settings, progress=False)
    assert not stale.exists()


def test_a_converted_folder_is_returned_without_work(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = get_settings()
    folder = packaged.packaged_model_dir(settings)
    folder.mkdir(parents=True)
    (folder / packaged.MARKER).write_text(json.dumps({"source_sha256": packaged.GGUF_SHA256}))
    monkeypatch.setattr(packaged, "ensure_packaged_gguf", lambda *a, **k: pytest.fail("re-did the work"))
    assert packaged.ensure_packaged_model(settings, progress=False) == folder


def test_a_folder_without_a_matching_marker_is_incomplete() -> None:
    settings = get_settings()
    folder = packaged.packaged_model_dir(settings)
    folder.mkdir(parents=True)
    assert not packaged.is_converted(folder)
    (folder / packaged.MARKER).write_text(json.dumps({"source_sha256": "0" * 64}))
    assert not packaged.is_converted(folder)


@pytest.fixture(scope="session")
def packaged_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    from tests.conftest import MODELS_ROOT

    return Settings(home=tmp_path_factory.mktemp("packaged-home"), models_root=MODELS_ROOT)


@pytest.fixture(scope="session")
def packaged_chat(packaged_settings: Settings):  # type: ignore[no-untyped-def]
    from chat_rec.llm.local import load_local_chat_model

    started = time.perf_counter()
    path = packaged.ensure_packaged_model(packaged_settings, progress=False)
    ready = time.perf_counter()
    chat = load_local_chat_model(path, load_in_4bit=True, max_new_tokens=48, device="cpu")
    print(f"\npackaged model: ensure {ready - started:.1f} s, 4-bit load {time.perf_counter() - ready:.1f} s")
    return chat


@pytest.mark.slow
def test_packaged_model_is_converted_once(packaged_settings: Settings, packaged_chat) -> None:  # type: ignore[no-untyped-def]
    folder = packaged.packaged_model_dir(packaged_settings)
    assert packaged.is_converted(folder)
    assert (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()
    assert not list(folder.parent.glob(".*tmp*")), "a half-written folder was left behind"
    started = time.perf_counter()
    assert packaged.ensure_packaged_model(packaged_settings, progress=False) == folder
    assert time.perf_counter() - started < 1.0


@pytest.mark.slow
def test_packaged_model_answers_in_json(packaged_chat) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    reply = packaged_chat.invoke([
        ("system", 'Reply with one JSON object {"liked": [titles], "disliked_genres": [genres]} and nothing else.'),
        ("user", "I loved The Matrix but horror is not for me."),
    ])
    seconds = time.perf_counter() - started
    tokens = reply.usage_metadata["output_tokens"]
    print(f"\ninvoke: {tokens} tokens in {seconds:.1f} s ({tokens / seconds:.1f} tok/s): {reply.content!r}")
    match = re.search(r"\{.*\}", reply.content, re.S)
    assert match, reply.content
    assert isinstance(json.loads(match.group(0)), dict)


@pytest.mark.slow
def test_packaged_model_streams(packaged_chat) -> None:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    first = None
    chunks = []
    for chunk in packaged_chat.stream([("user", "Greet a movie fan in one short sentence.")]):
        if chunk.content and first is None:
            first = time.perf_counter() - started
        chunks.append(chunk.content)
    print(f"\nstream: {len(chunks)} chunks, first after {first:.1f} s, total {time.perf_counter() - started:.1f} s")
    assert len([c for c in chunks if c]) >= 2
    assert "".join(chunks).strip()
