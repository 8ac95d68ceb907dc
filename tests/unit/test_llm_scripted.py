"""The scripted chat model and the backend registry."""

from __future__ import annotations

from pathlib import Path

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from chat_rec.config import get_settings
from chat_rec.errors import UnknownModelError
from chat_rec.llm.registry import describe_model, get_chat_model
from chat_rec.llm.scripted import ScriptedChatModel


def test_replies_come_in_order_then_default() -> None:
    model = ScriptedChatModel(["first"], default="{}")
    model.enqueue("second")
    assert model.invoke("a").content == "first"
    assert model.invoke("b").content == "second"
    assert model.invoke("c").content == "{}"
    assert model.invoke("d").content == "{}"  # an empty queue never raises


def test_history_records_each_call() -> None:
    model = ScriptedChatModel()
    model.invoke([SystemMessage("be brief"), HumanMessage("hello")])
    model.invoke("again")
    assert len(model.history) == 2
    assert [m.content for m in model.history[0]] == ["be brief", "hello"]
    assert model.history[1][0].content == "again"


def test_stream_yields_the_reply_in_pieces() -> None:
    model = ScriptedChatModel(["I think you will like these three films."])
    chunks = [chunk.content for chunk in model.stream("hi")]
    assert len([c for c in chunks if c]) > 3
    assert "".join(chunks) == "I think you will like these three films."
    assert len(model.history) == 1


def test_queued_exception_is_raised_to_test_error_paths() -> None:
    model = ScriptedChatModel().enqueue(TimeoutError("slow"), "ok")
    with pytest.raises(TimeoutError):
        model.invoke("x")
    assert model.invoke("x").content == "ok"


def test_stop_sequences_cut_the_reply() -> None:
    model = ScriptedChatModel(['{"a": 1}\nmore text'])
    assert model.invoke("x", stop=["\n"]).content == '{"a": 1}'


def test_works_in_a_chain_with_a_prompt() -> None:
    from langchain_core.prompts import ChatPromptTemplate

    model = ScriptedChatModel(["sure"])
    chain = ChatPromptTemplate.from_messages([("user", "say {word}")]) | model
    assert chain.invoke({"word": "yes"}).content == "sure"
    assert model.history[0][0].content == "say yes"


def test_registry_simple_backends() -> None:
    assert get_chat_model(get_settings(llm="none")) is None
    scripted = get_chat_model(get_settings(llm="scripted"))
    assert isinstance(scripted, ScriptedChatModel) and scripted.invoke("x").content == ""
    openai = get_chat_model(get_settings(llm="openai", openai_base_url="http://127.0.0.1:9/v1",
                                         openai_model="qwen", max_new_tokens=50))
    assert openai is not None and type(openai).__name__ == "ChatOpenAI"
    assert "qwen at http://127.0.0.1:9/v1" in describe_model(get_settings(llm="openai",
                                                                        openai_base_url="http://127.0.0.1:9/v1",
                                                                        openai_model="qwen"))


def test_registry_unknown_cpu_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chat_rec.llm.registry._cuda", lambda: False)
    for backend in ("local", "auto"):
        with pytest.raises(UnknownModelError, match="CHAT_REC_LLM_CPU_MODEL"):
            get_chat_model(get_settings(llm=backend, llm_cpu_model=str(tmp_path / "missing")))


def test_describe_model_loads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("chat_rec.llm.registry._cuda", lambda: False)
    assert "packaged" in describe_model(get_settings(llm="auto"))
    assert "float32" in describe_model(get_settings(llm="local", llm_engine="transformers"))
    assert "4-bit" in describe_model(get_settings(llm="local", llm_engine="transformers", llm_cpu_4bit=True))
    monkeypatch.setattr("chat_rec.llm.registry._cuda", lambda: True)
    assert "4-bit" in describe_model(get_settings(llm="local"))
    assert "bf16" in describe_model(get_settings(llm="local", llm_load_in_4bit=False))
