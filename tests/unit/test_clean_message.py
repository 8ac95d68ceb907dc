"""What reaches the graph from a typed message: cleaned text or a sentence saying what to do."""

from __future__ import annotations

import pytest

from chat_rec.errors import InvalidInputError
from chat_rec.service import clean_message


def test_control_zero_width_and_lone_surrogates_are_removed() -> None:
    # "\udcff" is what Python makes of an undecodable byte (surrogateescape); SQLite cannot store
    # it, and the 10,000-input fuzz run found it crashing the turn's commit.
    cleaned = clean_message("\udcffI loved\u200b Heat\x00\ud800", 2000)
    assert cleaned == "I loved Heat"
    cleaned.encode("utf-8")  # storable
    assert clean_message("😀 Amélie, שלום", 2000) == "😀 Amélie, שלום"  # real characters stay


@pytest.mark.parametrize("text", ["", "   ", "\udcff", "\u200b\u200b", None, 42])
def test_empty_or_non_text_is_a_sentence(text: object) -> None:
    with pytest.raises(InvalidInputError, match=r"[A-Z].*\."):
        clean_message(text, 2000)


def test_too_long_says_the_limit() -> None:
    with pytest.raises(InvalidInputError, match="under 10"):
        clean_message("x" * 11, 10)
