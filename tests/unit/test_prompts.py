"""Prompt files: sections become messages, placeholders become template variables."""

from __future__ import annotations

from pathlib import Path

import pytest

from chat_rec.config import REPO_ROOT
from chat_rec.errors import ConfigError
from chat_rec.llm import prompts


@pytest.fixture
def prompt_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(prompts, "PROMPTS_DIR", tmp_path)
    return tmp_path


def test_sections_become_messages_with_placeholders(prompt_dir: Path) -> None:
    (prompt_dir / "demo.txt").write_text(
        "A comment line before the first section.\n"
        "### system\nYou answer in {language}.\nReturn JSON like {{\"liked\": []}}.\n"
        "### user\nI said: {utterance}\n"
        "### assistant\n{{}}\n"
        "### user\nAgain: {utterance}\n",
        encoding="utf-8",
    )
    template = prompts.load_prompt("demo")
    assert set(template.input_variables) == {"language", "utterance"}
    messages = template.invoke({"language": "English", "utterance": "no horror"}).to_messages()
    assert [m.type for m in messages] == ["system", "human", "ai", "human"]
    assert messages[0].content == 'You answer in English.\nReturn JSON like {"liked": []}.'
    assert messages[1].content == "I said: no horror"
    assert messages[2].content == "{}"


def test_missing_file_is_a_clear_error(prompt_dir: Path) -> None:
    with pytest.raises(ConfigError, match="missing"):
        prompts.load_prompt("nope")


def test_file_without_sections_is_a_clear_error(prompt_dir: Path) -> None:
    (prompt_dir / "plain.txt").write_text("just text {x}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="### system"):
        prompts.load_prompt("plain")


def test_names_cannot_leave_the_prompts_folder() -> None:
    with pytest.raises(ConfigError):
        prompts.prompt_path("../secrets")


def test_prompt_path_points_into_the_repo() -> None:
    assert prompts.prompt_path("recommend") == REPO_ROOT / "prompts" / "recommend.txt"


def test_every_shipped_prompt_parses() -> None:
    for path in sorted((REPO_ROOT / "prompts").glob("*.txt")):
        template = prompts.load_prompt(path.stem)
        assert template.messages, path


def test_the_intro_prompt_follows_the_language_and_keeps_a_static_prefix() -> None:
    from chat_rec.conversation.respond import _intro_prompt_name

    assert _intro_prompt_name("es") == "recommend.es" and _intro_prompt_name("en") == "recommend"
    assert _intro_prompt_name("fr") == "recommend", "a language without its own file gets the default"
    assert _intro_prompt_name("../x") == "recommend"
    for name in ("recommend", "recommend.es"):
        template = prompts.load_prompt(name)
        first = template.format_messages(request="Western", taste="Drama", picks="5 films; genres: Western")
        second = template.format_messages(request="Comedy; nothing Horror", taste="not said yet",
                                          picks="4 films; genres: Comedy, Romance; from 1990 to 2001")
        # Everything before the last message is the same whatever the turn: the engine's prefix cache reuses it.
        assert [m.content for m in first[:-1]] == [m.content for m in second[:-1]] and len(first) > 2
        assert first[-1].content != second[-1].content
        examples = [m.content for m in first if m.type == "ai"]
        assert examples and not any(ch.isdigit() for ex in examples for ch in ex), "examples name no year"


def test_the_start_up_warm_up_caches_the_intro_prefix_of_each_language() -> None:
    from chat_rec.conversation.respond import intro_warm_up_messages

    for language, name in (("en", "recommend"), ("es", "recommend.es")):
        turn = prompts.load_prompt(name).format_messages(request="Horror", taste="Horror", picks="3 films")
        warm = intro_warm_up_messages(language)
        assert [m.content for m in warm[:-1]] == [m.content for m in turn[:-1]]


def test_a_reply_that_copies_a_few_shot_example_counts_as_a_prompt_echo() -> None:
    from chat_rec.limits import echoes_prompt

    example = [m.content for m in prompts.load_prompt("recommend").format_messages(
        request="x", taste="y", picks="z") if m.type == "ai"][0]
    assert echoes_prompt(example), "the intro gate drops a sentence copied from the examples"
    assert not echoes_prompt("Quiet dramas about families finding their way back to each other.")
