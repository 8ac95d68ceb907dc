"""Hostile input (hypothesis) across the service API, the CLI parser and dialogue files: no crash, a sentence."""

from __future__ import annotations

from typing import Any

from chat_rec.reliability.fuzz import fuzz_cli, fuzz_dialogues, fuzz_service, is_sentence


def test_service_survives_hostile_calls(attack_service: Any) -> None:
    tally = fuzz_service(attack_service, examples=150, seed=1)
    assert tally["tried"] == 150
    assert tally["unhandled"] == 0, tally["examples"]
    assert tally["bad_messages"] == 0, tally["examples"]


def test_cli_parser_rejects_bad_arguments_with_exit_2_and_a_sentence() -> None:
    tally = fuzz_cli(examples=200, seed=2)
    assert tally["unhandled"] == 0 and tally["bad_messages"] == 0, tally["examples"]


def test_dialogue_parser_never_crashes() -> None:
    tally = fuzz_dialogues(examples=200, seed=3)
    assert tally["unhandled"] == 0, tally["examples"]


def test_dialogue_parser_rejections_are_sentences() -> None:
    tally = fuzz_dialogues(examples=100, seed=4)
    assert tally["bad_messages"] == 0, tally["examples"]


def test_sentence_judge() -> None:
    assert is_sentence("Your message is empty. Tell me a movie you like.")
    assert not is_sentence("Traceback (most recent call last): ...")
    assert not is_sentence("while parsing a flow node\nexpected the node content, but found '<stream")
