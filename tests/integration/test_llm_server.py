"""`chat-rec llm-server` on loopback, reached through CHAT_REC_LLM=openai (langchain-openai's ChatOpenAI).

The server process serves the tiny random Qwen2 of test_nf4_path (it loads in well under a second),
through the same code path as the packaged model.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from chat_rec.llm.openai_compat import openai_chat_model
from chat_rec.reliability.backends import LlmServer
from tests.integration.test_nf4_path import build_tiny_model


@pytest.fixture(scope="module")
def llm_server(tmp_path_factory: pytest.TempPathFactory):
    model = build_tiny_model(tmp_path_factory.mktemp("tiny-qwen2-server"))
    server = LlmServer(str(model), name="tiny", extra=("--max-new-tokens", "24")).start()
    yield server
    server.stop()


def _health(server: LlmServer) -> dict:
    return httpx.get(f"http://127.0.0.1:{server.port}/health", timeout=10).json()


def test_models_endpoint_names_the_served_model(llm_server: LlmServer) -> None:
    listed = httpx.get(f"{llm_server.base_url}/models", timeout=10).json()
    assert [m["id"] for m in listed["data"]] == ["tiny"]


def test_chat_openai_streams_token_by_token_and_matches_the_whole_reply(llm_server: LlmServer) -> None:
    chat = openai_chat_model(base_url=llm_server.base_url, model="tiny", max_tokens=12)
    chunks = [c.content for c in chat.stream("recommend a funny movie")]
    pieces = [c for c in chunks if c]
    assert len(pieces) >= 6, f"the reply came in {len(pieces)} piece(s), not token by token"
    whole = chat.invoke("recommend a funny movie")
    assert "".join(pieces) == whole.content  # greedy: the stream and the whole reply agree
    assert whole.usage_metadata["output_tokens"] == 12  # max_tokens is honoured
    raw = httpx.post(f"{llm_server.base_url}/chat/completions", timeout=30,
                     json={"model": "tiny", "messages": [{"role": "user", "content": "hi"}], "max_tokens": 3})
    assert raw.json()["choices"][0]["finish_reason"] == "length"


def test_a_bad_request_is_refused_with_a_client_error(llm_server: LlmServer) -> None:
    answer = httpx.post(f"{llm_server.base_url}/chat/completions", json={"messages": []}, timeout=10)
    assert answer.status_code == 422


def test_a_conversation_through_chat_rec_llm_openai(llm_server: LlmServer, make_service,
                                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = _health(llm_server)["requests"]
    service = make_service("openai", name="openai-conv", openai_base_url=llm_server.base_url,
                           openai_model="tiny", llm_timeout_s=30)
    assert "OpenAI-compatible" in service.describe()["llm"]
    service.start("olga")
    events = list(service.send("olga", "I loved Toy Story, something funny please"))
    kinds = [e.kind for e in events]
    result = events[-1].result
    assert kinds[-1] == "done" and result.stage in ("recommend", "onboarding", "clarify")
    if result.stage == "recommend":  # picks first, then the checked intro streamed from the server
        assert kinds[0] == "picks" and result.items
        assert all(e.text in result.reply for e in events if e.kind == "intro")
    else:
        assert "token" in kinds
    follow = service.send_sync("olga", "more like Heat, no horror")
    assert follow.stage == "recommend" and follow.items
    assert not any("Horror" in i.genres for i in follow.items)
    assert _health(llm_server)["requests"] > before  # the turns really went through the server


def test_proposals_are_asked_of_the_endpoint_and_the_picks_stay_catalog_films(llm_server: LlmServer,
                                                                             make_service) -> None:
    """CHAT_REC_LLM_PROPOSALS with CHAT_REC_LLM=openai: one more request per recommending turn; the
    tiny random model's words ground to nothing or to catalog films, never to anything else."""
    counts = []
    for proposals in (0, 3):
        service = make_service("openai", name=f"openai-proposals-{proposals}", openai_base_url=llm_server.base_url,
                               openai_model="tiny", llm_timeout_s=30, llm_proposals=proposals)
        service.start("noor")
        before = _health(llm_server)["requests"]
        result = service.send_sync("noor", "I loved Heat, recommend me something similar")
        assert result.stage == "recommend" and result.items
        assert all(item.item_id in service.deps.catalog for item in result.items)
        counts.append(_health(llm_server)["requests"] - before)
    assert counts[1] == counts[0] + 1
