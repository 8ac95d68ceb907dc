"""Drive the served page's named API with gradio_client, as a script or another app would."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import signed_in_client

pytestmark = pytest.mark.e2e


@pytest.fixture
def client(served: str, user_name: str) -> Any:
    """A client signed in as this test's own user."""
    return signed_in_client(served, user_name)


def test_named_endpoints_are_published(client: Any) -> None:
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/start", "/send", "/feedback", "/seen", "/profile", "/export", "/reset"} <= set(endpoints)


def test_conversation_feedback_and_profile(client: Any, user_name: str, catalog: Any) -> None:
    greeting = client.predict(user_name, api_name="/start")
    assert greeting["reply"].strip()

    answer = client.predict(user_name, "I loved The Matrix, no horror", api_name="/send")
    items = answer["items"]
    assert answer["reply"].strip()
    assert items, f"no recommendations for a clear request: {answer}"
    for item in items:
        assert item["item_id"] in catalog.items, f"{item} is not a catalog item"
        assert item["title"] == catalog.items[item["item_id"]].title
        assert "Horror" not in catalog.items[item["item_id"]].genres, f"{item} is a horror movie"
    assert "The Matrix" not in [item["title"] for item in items], "recommended the movie the user named"

    first = items[0]
    after = client.predict(user_name, first["item_id"], False, api_name="/feedback")
    assert after["reply"].strip()
    assert first["item_id"] not in [item["item_id"] for item in after["items"]]

    profile = client.predict(user_name, api_name="/profile")
    assert profile["user"] == user_name
    assert any("Matrix" in title for title in profile["liked"]), profile
    assert any(first["title"] in title for title in profile["disliked"]), profile
    assert "Horror" in profile["excluded_genres"]

    seen = after["items"][0]
    client.predict(user_name, seen["item_id"], api_name="/seen")
    profile = client.predict(user_name, api_name="/profile")
    assert any(seen["title"] in title for title in profile["seen"]), profile
    assert all(seen["title"] not in title for title in profile["liked"] + profile["disliked"]), "seen is not a rating"


def test_returning_user_is_remembered(client: Any, user_name: str) -> None:
    first = client.predict(user_name, api_name="/start")
    client.predict(user_name, "I loved The Matrix, no horror", api_name="/send")
    again = client.predict(user_name, api_name="/start")
    assert again["reply"] != first["reply"]
    assert client.predict(user_name, api_name="/profile")["turns"] >= 1


def test_user_errors_come_back_as_sentences(client: Any, user_name: str) -> None:
    from gradio_client.exceptions import AppError

    client.predict(user_name, api_name="/start")
    with pytest.raises(AppError) as empty:
        client.predict(user_name, "   ", api_name="/send")
    assert "empty" in str(empty.value).lower()
    with pytest.raises(AppError) as other:
        client.predict(f"{user_name}-nobody", api_name="/profile")
    assert "not yours" in str(other.value) and "Traceback" not in str(other.value)
