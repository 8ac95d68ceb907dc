"""Picks first, then the model's intro from its own stream, one checked sentence at a time."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from chat_rec.llm.scripted import ScriptedChatModel

BAD_AND_GOOD = (
    "You will love The Godfather tonight. "
    "The user is looking for a movie with a lot of action. "
    "She wants something exciting to watch. "
    "I loved The Matrix and Inception. "
    "These picks share the same big ideas and sharp twists. "
    "Each one keeps the tension high until the end."
)
"""A scripted model that names an outside movie, speaks of the person in the third person
(two ways) and echoes the message before it writes two acceptable sentences."""


class GatedModel(ScriptedChatModel):
    """Streams its reply only after ``release`` is set, so a test can look at what came before."""

    release: Any = None

    def _stream(self, *args: Any, **kwargs: Any) -> Any:
        assert self.release.wait(60), "the test never released the model"
        yield from super()._stream(*args, **kwargs)


@pytest.fixture(scope="module")
def gated(make_service: Any) -> tuple[Any, GatedModel]:
    llm = GatedModel(default=BAD_AND_GOOD, release=threading.Event())
    return make_service(llm, name="stream"), llm


def test_picks_come_before_any_model_text_and_bad_sentences_never_show(gated: tuple[Any, GatedModel]) -> None:
    service, llm = gated
    llm.release.clear()
    events = service.send("sam", "I loved The Matrix and Inception, no horror")
    first = next(events)
    assert first.kind == "picks", first
    assert first.result is not None and first.result.items, "no cards with the first event"
    assert not llm.release.is_set(), "the picks waited for the model"
    listed = [item.label for item in first.result.items]
    assert all(label in first.text for label in listed), "the list reaches the caller with the cards"
    llm.release.set()
    rest = list(events)
    intro = [e.text for e in rest if e.kind == "intro"]
    assert intro == [
        "These picks share the same big ideas and sharp twists.",
        "Each one keeps the tension high until the end.",
    ]
    done = rest[-1]
    assert done.kind == "done" and done.result is not None
    shown = " ".join([first.text, *intro, done.result.reply])
    for never in ("Godfather", "user is looking", "She wants", "I loved The Matrix"):
        assert never not in shown, f"{never!r} was shown"
    assert [i.item_id for i in done.result.items] == [i.item_id for i in first.result.items]
    prompt = " ".join(str(m.content) for m in llm.history[-1])
    for title in ["Matrix", "Inception", *(item.title for item in done.result.items)]:
        assert title not in prompt, f"the intro prompt shows the model the title {title!r}"
    assert "Sci-Fi" in prompt, "the taste reaches the model as genres"
    calls = done.result.trace.get("llm_calls")
    assert calls and calls[0]["call"] == "intro" and calls[0]["shown"] == 2
    assert set(calls[0]["dropped"]) >= {"names a movie", "third person", "echoes the message"}


def test_turn_is_committed_before_the_picks_are_shown(gated: tuple[Any, GatedModel]) -> None:
    service, llm = gated
    llm.release.clear()
    service.send_sync("tia", "hello")  # creates the user
    info = service.deps.repo.find_user("tia")
    before = service.deps.repo.load(info.id).turn_count
    events = service.send("tia", "I love science fiction like Alien")
    first = next(events)
    assert first.kind == "picks"
    assert service.deps.repo.load(info.id).turn_count == before + 1, "picks shown before the turn was stored"
    llm.release.set()
    assert list(events)[-1].kind == "done"


def test_a_model_that_only_misbehaves_leaves_the_template_intro(make_service: Any) -> None:
    llm = ScriptedChatModel(default="The person is looking for Heat. He likes The Godfather.")
    service = make_service(llm, name="stream-bad")
    events = list(service.send("uma", "I loved Toy Story"))
    assert not [e for e in events if e.kind == "intro"]
    reply = events[-1].result.reply
    assert "person" not in reply and "Godfather" not in reply
    assert reply.startswith(service.deps.replies("en")["intro"])


def test_greeting_and_onboarding_make_no_model_call(gated: tuple[Any, GatedModel]) -> None:
    service, llm = gated
    llm.release.set()
    calls = len(llm.history)
    assert service.start("vic").stage == "onboarding"
    for answer in ("skip", "skip"):
        assert service.send_sync("vic", answer).stage == "onboarding"
    assert len(llm.history) == calls, "a greeting or onboarding question called the model"
    assert service.send_sync("vic", "no horror please").items
    assert len(llm.history) == calls + 1, "a recommendation turn makes exactly one model call (the intro)"
    assert service.start("vic").stage != "error" and len(llm.history) == calls + 1
