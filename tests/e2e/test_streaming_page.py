"""The served page shows the picks before the model's intro is written (gradio_client and Chromium).

The model is held back by an event until the test has seen the picks, so the order is checked
without timing anything.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from chat_rec.llm.scripted import ScriptedChatModel

pytestmark = pytest.mark.e2e

INTRO = "These picks share the same big ideas. Each one keeps the tension high."
OUTSIDE = "You should also see The Godfather."


class GatedModel(ScriptedChatModel):
    """Streams nothing until ``release`` is set."""

    release: Any = None

    def _stream(self, *args: Any, **kwargs: Any) -> Any:
        assert self.release.wait(120), "the test never released the model"
        yield from super()._stream(*args, **kwargs)


@pytest.fixture(scope="module")
def gated_page(make_service: Any) -> Iterator[tuple[str, GatedModel]]:
    from ui.app import launch

    llm = GatedModel(default=f"{OUTSIDE} {INTRO}", release=threading.Event())
    service = make_service(llm, name="stream-page", password_rounds=4)
    demo = launch(service, host="127.0.0.1", port=None, prevent_thread_lock=True, quiet=True, accounts=True)
    try:
        yield demo.local_url.rstrip("/"), llm
    finally:
        llm.release.set()
        demo.close()


def test_send_stream_gives_picks_before_the_intro(gated_page: tuple[str, GatedModel], user_name: str) -> None:
    from tests.e2e.conftest import signed_in_client

    url, llm = gated_page
    llm.release.clear()
    client = signed_in_client(url, user_name)
    job = client.submit(user_name, "I loved The Matrix, no horror", api_name="/send_stream")
    outputs = iter(job)
    first = next(outputs)
    assert first["phase"] == "picks" and first["items"], first
    assert not llm.release.is_set()
    llm.release.set()
    rest = list(outputs)
    phases = [out["phase"] for out in rest]
    assert phases[-1] == "done" and "intro" in phases, phases
    intro = " ".join(out["text"] for out in rest if out["phase"] == "intro")
    assert intro == INTRO
    assert "Godfather" not in intro and "Godfather" not in rest[-1]["reply"]
    assert [i["item_id"] for i in rest[-1]["items"]] == [i["item_id"] for i in first["items"]]
    assert rest[-1]["llm_calls"][0]["call"] == "intro"


def test_browser_shows_cards_while_the_intro_is_still_coming(
    chrome: Any, gated_page: tuple[str, GatedModel], user_name: str
) -> None:
    from tests.e2e.test_browser import card_labels, css, open_and_start, send, text_of, wait

    url, llm = gated_page
    llm.release.clear()
    open_and_start(chrome, url, user_name)
    send(chrome, "I loved The Matrix, no horror")
    wait(chrome, card_labels, "no cards while the model was still holding its intro")
    reply = css(chrome, "#chat .message")[-1].text
    assert card_labels(chrome)[0] in reply, "the list is not in the reply beside the cards"
    assert "big ideas" not in text_of(chrome, "#chat"), "intro shown before the model wrote it"
    llm.release.set()
    wait(chrome, lambda d: "big ideas" in text_of(d, "#chat"), "the intro never arrived")
    wait(chrome, lambda d: "…" not in css(d, "#chat .message")[-1].text, "the typing mark stayed")
    assert "Godfather" not in text_of(chrome, "#chat")
    css(chrome, "#presenter-toggle input")[0].click()
    wait(chrome, lambda d: "intro" in text_of(d, "#presenter-log [data-field='llm-calls']"), "no model calls shown")


def test_a_message_sent_while_a_reply_is_written_stays_in_the_box(
    chrome: Any, gated_page: tuple[str, GatedModel], user_name: str
) -> None:
    """The reply's stream redraws the chat, so a message sent meanwhile used to vanish unanswered:
    now it stays in the box until the reply is done, and is answered when sent again."""
    from tests.e2e.test_browser import card_labels, css, open_and_start, send, text_of, wait

    url, llm = gated_page
    llm.release.clear()
    open_and_start(chrome, url, f"{user_name}-busy")
    send(chrome, "I loved The Matrix, no horror")
    wait(chrome, card_labels, "no cards while the model was still holding its intro")
    send(chrome, "Actually, comedies from the 90s instead")
    wait(chrome, lambda d: "comedies from the 90s" in (css(d, "#message textarea")[0].get_attribute("value") or ""),
         "the second message left the box while the first reply was still being written")
    assert "comedies from the 90s" not in text_of(chrome, "#chat")
    llm.release.set()
    wait(chrome, lambda d: "…" not in css(d, "#chat .message")[-1].text, "the first reply never finished")
    send(chrome, "")  # Enter on the kept text
    wait(chrome, lambda d: "comedies from the 90s" in text_of(d, "#chat"), "the kept message was not sent")
    wait(chrome, lambda d: not (css(d, "#message textarea")[0].get_attribute("value") or ""), "the box kept the text")
