"""The terminal chat (`chat-rec chat`) ends on a leaving word typed alone, and says how to leave."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from chat_rec.cli import chat_loop


class _Service:
    """A stand-in for ChatService that records what it was sent (the loop is what is tested here)."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    def start(self, user: str) -> SimpleNamespace:
        return SimpleNamespace(reply=f"Hi {user}!")

    def send(self, user: str, text: str) -> list[SimpleNamespace]:
        self.sent.append(text)
        return []


def _lines(*typed: str):
    it = iter(typed)

    def read(prompt: str) -> str:
        try:
            return next(it)
        except StopIteration:
            raise EOFError from None

    return read


@pytest.mark.parametrize("leave", ["quit", "Quit ", "/exit", "EXIT"])
def test_a_leaving_word_alone_ends_the_chat(leave, capsys) -> None:
    service = _Service()
    assert chat_loop(service, "ana", _lines("I loved Heat", leave, "never sent")) == 0
    assert service.sent == ["I loved Heat"]
    assert "/quit" in capsys.readouterr().out  # the greeting says how to leave


def test_a_leaving_word_inside_a_message_is_a_message() -> None:
    service = _Service()
    chat_loop(service, "ana", _lines("I quit horror, something funny?"))
    assert service.sent == ["I quit horror, something funny?"]  # then Ctrl-D ends it
