"""`chat-rec serve` on a busy port says so at once, before loading anything, instead of a traceback."""

from __future__ import annotations

import socket

import pytest

from chat_rec.cli import _check_port_free, main
from chat_rec.errors import ChatRecError


def test_a_busy_port_is_a_clear_error_and_a_free_one_passes() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ChatRecError, match=f"Port {port} .* in use.*--port {port + 1}"):
            _check_port_free("127.0.0.1", port)
    _check_port_free("127.0.0.1", port)  # closed again: free


def test_serve_on_a_busy_port_exits_with_the_message(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code = main(["serve", "--port", str(port), "--llm", "none"])
    err = capsys.readouterr().err
    assert code != 0 and "already in use" in err and "Traceback" not in err
