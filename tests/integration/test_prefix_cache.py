"""Reusing the system prompt's key/value cache changes nothing in the output (tiny random Qwen2)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch")

from tests.integration.test_nf4_path import build_tiny_model  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_model(tmp_path_factory.mktemp("tiny-prefix"))


def test_prefix_cache_gives_the_same_text_and_is_reused(tiny: Path) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    from chat_rec.llm.local import load_local_chat_model

    cached = load_local_chat_model(tiny, load_in_4bit=False, device="cpu", dtype="float32", max_new_tokens=12)
    plain = cached.model_copy(update={"prefix_cache": False})
    system = SystemMessage(content="the movie like love comedy drama space night day good")
    for text in ("a funny old film", "space war hero story"):
        messages = [system, HumanMessage(content=text)]
        want = plain.invoke(messages).content
        assert want, "the tiny model wrote nothing"
        assert cached.invoke(messages).content == want
        assert "".join(str(c.content) for c in cached.stream(messages)) == want
        assert cached._prefix_kv(messages, cached._inputs(messages)["input_ids"]) is not None, "cache not used"
    assert len(cached._prefixes) == 1, "one system text, one cached prefix"
    assert cached.invoke([HumanMessage(content="a funny old film")]).content  # no system message: no cache

