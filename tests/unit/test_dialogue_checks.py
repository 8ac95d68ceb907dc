"""The dialogue truth keys: exact profile sets, honest reasons, no repeats, no echo, replayed LLM replies."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from chat_rec.errors import DialogueFileError
from chat_rec.eval import dialogue_checks as checks
from chat_rec.eval.dialogue import DialogueRunner, load_dialogue
from chat_rec.eval.dialogue_checks import ListMemory
from chat_rec.llm.scripted import ScriptedChatModel
from chat_rec.results import RecommendedItem


def item(item_id: int, title: str, year: int = 2000, reason: str = "") -> RecommendedItem:
    return RecommendedItem(item_id, title, year, ("Drama",), reason, 0.0)


@pytest.fixture
def lists() -> ListMemory:
    memory = ListMemory()
    memory.record(1, [item(1, "One"), item(2, 'The "Quoted" Two')])
    memory.record(2, [])  # a turn that showed nothing keeps the last list
    memory.record(3, [item(3, "Three"), item(4, "Four")])
    return memory


def test_placeholders_name_the_last_list_or_a_given_turns_list(lists: ListMemory) -> None:
    assert lists.item_id("$item2") == 4
    assert lists.item_id("$turn1.item2") == 2
    assert lists.item_id(42) == 42
    assert lists.shown_ids == {1, 2, 3, 4}


@pytest.mark.parametrize("ref", ["$item3", "$turn2.item1", "$turn9.item1", "item1", "$itemx", True])
def test_bad_placeholders_say_what_is_wrong(lists: ListMemory, ref: object) -> None:
    with pytest.raises(DialogueFileError):
        lists.item_id(ref)  # type: ignore[arg-type]


def test_placeholders_in_llm_replies_become_json_safe_labels(lists: ListMemory) -> None:
    text = lists.fill('{"liked_titles": ["$turn1.item2", "$item1"]}')
    assert json.loads(text) == {"liked_titles": ['The "Quoted" Two (2000)', "Three (2000)"]}


def test_exact_sets_report_extra_and_missing_labels() -> None:
    labels = {1: "One (2000)", 2: "Two (2000)"}
    assert checks.exact_set_failures("liked_exactly", [1, 2], ["Two (2000)", "One (2000)"], labels.get) == []
    [failure] = checks.exact_set_failures("liked_exactly", [1], ["One (2000)", "Six (2006)"], labels.get)
    assert "not expected: ['Six (2006)']" in failure and "missing: []" in failure
    [missing] = checks.exact_set_failures("seen_exactly", [1, 2], [], labels.get)
    assert "missing: ['One (2000)', 'Two (2000)']" in missing
    assert "not in the catalog" in checks.exact_set_failures("x", [99], [], labels.get)[0]


def test_a_reason_citing_a_movie_not_liked_fails() -> None:
    labels = ["Up (2009)", "Grown Up (2009)", "Heat (1995)", "Alien (1979)"]
    honest = item(5, "Aliens", 1986, "Because you liked Alien (1979); Action")
    made_up = item(6, "Ronin", 1998, "Because you liked Heat (1995); Action")
    assert checks.reason_failures([honest], ["Alien (1979)"], labels) == []
    [failure] = checks.reason_failures([honest, made_up], ["Alien (1979)"], labels)
    assert "Heat (1995)" in failure and "Ronin (1998)" in failure
    # a label inside a longer cited one is not a second citation
    assert checks.cited_titles("Because you liked Grown Up (2009)", labels) == {"Grown Up (2009)"}


def test_echo_is_a_run_of_the_persons_words_above_the_list() -> None:
    said = "I've seen the first one. Something more recent?"
    assert checks.echo_failure("I've seen the first one. What do you like?\n\n1. X — y", said)
    assert checks.echo_failure("Here are some picks for you:\n\n1. The first one you've seen — x", said) is None


def test_picks_shown_before_are_reported_by_name() -> None:
    assert checks.shown_again_failure([1, 2], {3}, str) is None
    failure = checks.shown_again_failure([1, 2], {2}, lambda i: f"Item {i}")
    assert failure == "picks shown again: ['Item 2']"


def test_dialogue_files_take_the_new_keys_and_refuse_typos(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "name: n\nuser: u\nturns:\n"
        "  - user: hi\n    llm: ['{}', 'Hello there friend.']\n"
        "    expect: {liked_exactly: [1, $item2], disliked_exactly: [], seen_exactly: [$turn1.item1],\n"
        "             not_shown_again: true, reasons_cite_only_liked: true, no_echo: true}\n",
        encoding="utf-8")
    turn = load_dialogue(good).turns[0]
    assert turn.llm == ["{}", "Hello there friend."]
    assert turn.expect.liked_exactly == [1, "$item2"] and turn.expect.disliked_exactly == []
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: n\nuser: u\nturns:\n  - user: hi\n    expect: {liked_exact: [1]}\n", encoding="utf-8")
    with pytest.raises(DialogueFileError, match="liked_exact"):
        load_dialogue(bad)


def test_replayed_replies_go_to_the_scripted_model_and_leftovers_are_reported(lists: ListMemory) -> None:
    llm = ScriptedChatModel(default="")
    runner = DialogueRunner(SimpleNamespace(deps=SimpleNamespace(llm=llm)))  # type: ignore[arg-type]
    unused = runner._queue(['{"liked_titles": ["$item1"]}', "intro", "one too many"], lists)
    assert llm.invoke("extract").content == '{"liked_titles": ["Three (2000)"]}'
    assert llm.invoke("intro").content == "intro"
    assert unused() == 1 and llm.responses == []


def test_replayed_replies_are_ignored_with_a_real_model(lists: ListMemory) -> None:
    runner = DialogueRunner(SimpleNamespace(deps=SimpleNamespace(llm=object())))  # type: ignore[arg-type]
    assert runner._queue(["{}"], lists)() == 0
