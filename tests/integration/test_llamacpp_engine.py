"""The llama.cpp engine over the packaged GGUF: real token stream, bounds, stop strings, prefix reuse, judge.

Skipped where ``llama-cpp-python`` is not installed, except under CI (CI=true), where ``make install``
must have installed it and a missing one fails. The GGUF is assembled once into the shared models
folder (CHAT_REC_MODELS_ROOT), like the converted model.
"""

from __future__ import annotations

import importlib.util
import os
import time
from typing import Any

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

if importlib.util.find_spec("llama_cpp") is None:
    _MISSING = "llama-cpp-python is not installed (pip install llama-cpp-python==0.3.36)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"{_MISSING}: `make install` must install it under CI", pytrace=False)
    pytest.skip(_MISSING, allow_module_level=True)

SYSTEM = SystemMessage(content="You are a friendly movie recommender. Answer in one or two short sentences.")


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from chat_rec.config import Settings
    from chat_rec.llm.llamacpp import load_llamacpp_chat_model
    from chat_rec.llm.packaged import ensure_packaged_gguf
    from tests.conftest import MODELS_ROOT

    settings = Settings(home=tmp_path_factory.mktemp("llamacpp-home"), models_root=MODELS_ROOT)
    started = time.perf_counter()
    gguf = ensure_packaged_gguf(settings, progress=False)
    ready = time.perf_counter()
    model = load_llamacpp_chat_model(gguf, max_new_tokens=24)
    print(f"\nllama.cpp: GGUF ready {ready - started:.1f} s, load {time.perf_counter() - ready:.1f} s")
    return model


def _ask(text: str) -> list[Any]:
    return [SYSTEM, HumanMessage(content=text)]


def test_stream_yields_the_models_own_tokens(chat: Any) -> None:
    messages = _ask("Suggest a kind of film for a rainy evening.")
    # Both compared calls start from the same cache: the prompt already evaluated by a first call.
    # From a cold cache the prompt is evaluated in one batch, and a batch of another shape may sum
    # in another order, so a near tie between two tokens can go the other way (seen on AVX2 kernels).
    chat.invoke(messages)
    pieces = [str(c.content) for c in chat.stream(messages)]
    whole = chat.invoke(messages)
    assert len([p for p in pieces if p]) >= 5, pieces  # token by token, not one block
    assert "".join(pieces) == whole.content and whole.content.strip()  # greedy: the same text both ways
    assert "<|im_end|>" not in whole.content and "<|im_start|>" not in whole.content
    assert 0 < whole.usage_metadata["output_tokens"] <= 24


def test_max_new_tokens_and_timeout_bound_a_call(chat: Any) -> None:
    messages = _ask("Tell me about film noir in detail.")
    capped = chat.invoke(messages, max_new_tokens=3)
    assert capped.usage_metadata["output_tokens"] == 3
    hurried = chat.model_copy(update={"timeout_s": 1e-9}).invoke(messages)
    assert hurried.usage_metadata["output_tokens"] == 1  # stops at the first check, returns what was made


def test_a_stop_string_ends_the_reply_before_it(chat: Any) -> None:
    messages = _ask("Name three film genres, separated by commas.")
    free = str(chat.invoke(messages).content)
    words = free.split()
    assert len(words) >= 3, free
    marker = words[2]
    stopped = chat.invoke(messages, stop=[marker])
    assert stopped.content == free[: free.index(marker)]
    streamed = "".join(str(c.content) for c in chat.stream(messages, stop=[marker]))
    assert streamed == stopped.content


def test_closing_the_stream_stops_generation_and_frees_the_model(chat: Any) -> None:
    stream = chat.stream(_ask("Describe your favourite film at length."))
    first = next(stream)
    assert first.content
    stream.close()
    assert chat.generate_lock.acquire(blocking=False)  # not held by an abandoned generation
    chat.generate_lock.release()


def test_a_shared_system_prefix_is_not_prefilled_again(chat: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a call with the same system prompt only the new part of the prompt is evaluated.

    (The reply itself may differ in late tokens from one prefilled whole: a shorter batch rounds
    differently, and greedy decoding can follow a near-tie either way.)
    """
    chat.invoke([SystemMessage(content="Reply in French."), HumanMessage(content="Bonjour")], max_new_tokens=2)
    evaluated: list[int] = []
    real_eval = chat.llama.eval
    monkeypatch.setattr(chat.llama, "eval", lambda tokens: evaluated.append(len(tokens)) or real_eval(tokens))
    first = chat.invoke(_ask("Any thriller?"), max_new_tokens=2)
    second = chat.invoke(_ask("Something light for tonight?"), max_new_tokens=2)
    system_tokens = len(chat.prompt_tokens([SYSTEM])) - 3  # the system turn, less the opened assistant turn
    prompts = [len(chat.prompt_tokens(_ask(text))) for text in ("Any thriller?", "Something light for tonight?")]
    assert first.content and second.content
    calls = [n for n in evaluated if n > 1]  # prompt prefills (decoding evaluates one token at a time)
    assert calls[0] >= prompts[0] - 4, "after another system prompt the whole prompt is prefilled"
    assert calls[1] <= prompts[1] - system_tokens, f"the shared system prefix was prefilled again: {calls}"


def test_the_judge_scores_fixed_answers_on_llamacpp(chat: Any, catalog: Any) -> None:
    from chat_rec.understanding.extractor import extractor_for
    from chat_rec.understanding.judge import ANSWERS, LogprobJudge
    from chat_rec.understanding.resolver import TitleResolver

    judge = LogprobJudge.from_chat_model(chat)
    assert judge is not None
    subjects = ["Heat (1995)", "Horror"]
    verdicts = judge.judge("I loved Heat but no horror please", "Here are some picks.", subjects)
    single = judge.judge("I loved Heat but no horror please", "Here are some picks.", subjects[1:])
    assert len(verdicts) == 2 and all(v.answer in ANSWERS for v in verdicts)
    assert all(sum(v.probs) == pytest.approx(1.0) for v in verdicts)
    assert verdicts[1].probs == pytest.approx(single[0].probs, abs=1e-3)  # order and cache change nothing
    assert extractor_for(TitleResolver(catalog), chat, "judge").judge is not None


def test_threads_follow_the_idle_cores_unless_fixed(chat: Any) -> None:
    from chat_rec.llm.llamacpp import load_llamacpp_chat_model, usable_cpus

    assert chat.adaptive and chat.threads == min(usable_cpus(), 16)
    assert chat._set_threads() in {1, chat.threads}
    fixed = load_llamacpp_chat_model(chat.llama.model_path, max_new_tokens=4, threads=1)
    assert fixed.llama is chat.llama, "one mapped model whatever the thread count"
    assert not fixed.adaptive and fixed._set_threads() == 1
    assert fixed.invoke(_ask("Say hi.")).content.strip()
