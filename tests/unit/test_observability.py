"""Metrics in Prometheus format and JSON log lines with a turn id."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from chat_rec.observability import JsonFormatter, Metrics, configure_json_logs, estimate_tokens, turn_scope


def test_turns_and_nodes_land_in_histograms() -> None:
    m = Metrics()
    m.observe_turn("send", "recommend", 0.12, {"ms": {"retrieve": 30.0, "rank": 5.5}, "path": ["retrieve"]})
    m.observe_turn("send", "error", 0.001, None)
    m.observe_model_call(0.8, True, 120, 40)
    text = m.exposition().decode()
    assert 'chat_rec_turns_total{kind="send",stage="recommend"} 1.0' in text
    assert 'chat_rec_errors_total{kind="user"} 1.0' in text
    assert 'chat_rec_turn_seconds_bucket{kind="send",le="0.25"} 2.0' in text
    assert 'chat_rec_node_seconds_sum{node="retrieve"} 0.03' in text
    assert 'chat_rec_model_tokens_total{direction="out"} 40.0' in text


def test_json_lines_carry_the_turn_id_and_extra_fields(tmp_path: Path) -> None:
    path = configure_json_logs(tmp_path / "logs")
    assert configure_json_logs(tmp_path / "logs") == path  # idempotent: one handler
    log = logging.getLogger("chat_rec.test")
    try:
        with turn_scope() as turn_id:
            log.info("inside %s", "a turn", extra={"stage": "recommend"})
        log.info("outside")
        logging.getLogger("some.library").info("chatter that stays out")
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
            root.removeHandler(handler)
            handler.close()
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    assert [line["message"] for line in lines] == ["inside a turn", "outside"]
    assert lines[0]["turn_id"] == turn_id and lines[0]["stage"] == "recommend" and "turn_id" not in lines[1]
    assert lines[0]["level"] == "INFO" and lines[0]["time"].endswith("+00:00")


def test_exceptions_are_one_line_of_json() -> None:
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("chat_rec", logging.ERROR, __file__, 1, "failed", (), sys.exc_info())
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError: boom" in json.loads(line)["exception"]


def test_token_estimate_counts_words_and_marks() -> None:
    assert estimate_tokens("Heat (1995), a heist!") == 8
