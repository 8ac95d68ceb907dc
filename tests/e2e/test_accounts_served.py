"""Accounts through the served page: sign-in, other people's profiles refused, data download, and the
observability routes (/metrics, /health, JSON logs) after a few real turns."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import PASSWORD, signed_in_client

pytestmark = pytest.mark.e2e


def test_a_wrong_password_is_refused_with_a_sentence(served: str, user_name: str) -> None:
    signed_in_client(served, user_name).predict(user_name, api_name="/start")
    answer = httpx.post(f"{served}/login", data={"username": user_name, "password": "not the password"})
    assert answer.status_code == 400
    assert answer.json()["detail"] == "That name and password do not match. Check both and try again."


def test_nothing_answers_without_sign_in(served: str, user_name: str) -> None:
    for path in ("/gradio_api/info", "/config", "/export"):
        assert httpx.get(f"{served}{path}").status_code == 401, path
    posted = httpx.post(f"{served}/gradio_api/call/profile", json={"data": [user_name]})
    assert posted.status_code == 401 and "Not authenticated" in posted.text


def test_another_users_profile_is_refused_everywhere(served: str, user_name: str) -> None:
    from gradio_client.exceptions import AppError

    victim = f"{user_name}-b"
    b = signed_in_client(served, victim)
    b.predict(victim, api_name="/start")
    b.predict(victim, "I loved Heat", api_name="/send")
    before = b.predict(victim, api_name="/profile")

    a = signed_in_client(served, user_name)
    calls = [("/profile", (victim,)), ("/export", (victim,)), ("/reset", (victim,)), ("/start", (victim,)),
             ("/send", (victim, "I hate everything")), ("/feedback", (victim, 1, False)), ("/seen", (victim, 1)),
             ("/profile", (victim.upper(),)), ("/reset", (f"  {victim}  ",))]
    for api_name, args in calls:
        with pytest.raises(AppError) as refused:
            a.predict(*args, api_name=api_name)
        message = str(refused.value)
        assert f"the profile {victim!r} is not yours" in message.replace(victim.upper(), victim).replace(
            f"  {victim}  ", victim), (api_name, message)
    assert b.predict(victim, api_name="/profile") == before
    assert a.predict("", api_name="/profile")["user"] == user_name  # an empty name means "mine"


def test_download_my_data_is_the_signed_in_users_own(served: str, user_name: str) -> None:
    client = signed_in_client(served, user_name)
    client.predict(user_name, "I loved The Matrix, no horror", api_name="/send")
    data = client.predict(user_name, api_name="/export")
    assert data["user"]["name"] == user_name and data["user"]["has_password"] is True
    assert [t["user_text"] for t in data["turns"]] == ["I loved The Matrix, no horror"]
    assert "password_hash" not in json.dumps(data)

    with httpx.Client(base_url=served) as browser:  # the page's "Download my data" link, with the session cookie
        assert browser.post("/login", data={"username": user_name, "password": PASSWORD}).status_code == 200
        download = browser.get("/export")
    assert download.status_code == 200 and "attachment" in download.headers["content-disposition"]
    assert download.json()["turns"][0]["user_text"] == "I loved The Matrix, no horror"


def test_local_server_opens_one_profile_without_a_password(served_local: tuple[str, Any]) -> None:
    from gradio_client import Client
    from gradio_client.exceptions import AppError

    url, service = served_local
    client = Client(url, verbose=False)
    answer = client.predict("", "I loved Heat", api_name="/send")
    assert answer["reply"]
    assert client.predict("me", api_name="/profile")["turns"] == service.profile("me").turns >= 1
    with pytest.raises(AppError, match="keeps one local profile, 'me'"):
        client.predict("someone-else", api_name="/profile")
    assert httpx.get(f"{url}/export").json()["user"]["name"] == "me"


def test_metrics_health_and_json_logs_after_a_few_turns(served: str, user_name: str, tmp_path: Path) -> None:
    from chat_rec.observability import configure_json_logs

    log_file = configure_json_logs(tmp_path / "logs")
    try:
        client = signed_in_client(served, user_name)
        client.predict(user_name, api_name="/start")
        answer = client.predict(user_name, "I loved The Matrix, no horror", api_name="/send")
        client.predict(user_name, answer["items"][0]["item_id"], True, api_name="/feedback")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(log_file)]:
            root.removeHandler(handler)
            handler.close()

    text = httpx.get(f"{served}/metrics").text
    assert 'chat_rec_turn_seconds_bucket{kind="send",le="+Inf"}' in text
    assert 'chat_rec_node_seconds_count{node="retrieve"}' in text
    assert 'chat_rec_turns_total{kind="feedback",stage=' in text
    assert "chat_rec_model_calls_total" in text and "chat_rec_queue_wait_seconds_count" in text
    sends = [line for line in text.splitlines() if line.startswith('chat_rec_turn_seconds_count{kind="send"}')]
    assert sends and float(sends[0].split()[-1]) >= 1

    health = httpx.get(f"{served}/health").json()
    assert health["status"] == "ok" and health["mode"] == "accounts" and health["items"] > 9000

    lines = [json.loads(line) for line in log_file.read_text(encoding="utf-8").splitlines()]
    turns = [line for line in lines if line.get("event") == "turn"]
    assert [t["kind"] for t in turns] == ["start", "send", "feedback"], turns
    assert len({t["turn_id"] for t in turns}) == 3 and all(t["nodes_ms"] for t in turns[1:])
    assert all(user_name not in json.dumps(line) for line in lines), "names stay out of the logs"
