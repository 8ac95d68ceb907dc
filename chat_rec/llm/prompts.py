"""Prompts as data: ``prompts/<name>.txt`` files turned into ChatPromptTemplates.

A file is a sequence of sections, each opened by a heading line ``### system``, ``### user`` or
``### assistant``; the text under a heading is that message's template, with named
``{placeholders}`` (f-string syntax: write ``{{`` and ``}}`` for literal braces). Lines before
the first heading are a comment and ignored.
"""

from __future__ import annotations

import re
from pathlib import Path

from langchain_core.prompts import ChatPromptTemplate

from chat_rec.config import PROMPTS_DIR
from chat_rec.errors import ConfigError

__all__ = ["PROMPTS_DIR", "load_prompt", "parse_prompt", "prompt_path"]

_HEADING = re.compile(r"^###\s*(system|user|assistant)\s*$", re.IGNORECASE)
_ROLES = {"system": "system", "user": "human", "assistant": "ai"}
_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")


def prompt_path(name: str) -> Path:
    """The file that holds prompt ``name`` (it may not exist)."""
    if not _NAME.match(name) or name.startswith("."):
        raise ConfigError(f"Prompt name {name!r} is not valid: use letters, digits, '-', '_' or '.'.")
    return PROMPTS_DIR / f"{name}.txt"


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, text) of each ``### system|user|assistant`` section of a prompt file, in order (the
    heading lower-cased); what stands before the first heading is a comment and left out.
    """
    sections: list[tuple[str, str]] = []
    heading: str | None = None
    lines: list[str] = []
    for line in [*text.splitlines(), "### end-of-file"]:
        match = _HEADING.match(line.strip())
        if match or line == "### end-of-file":
            if heading is not None:
                sections.append((heading, "\n".join(lines).strip("\n")))
            heading = match.group(1).lower() if match else None
            lines = []
        elif heading is not None:
            lines.append(line)
    return sections


def parse_prompt(text: str, source: str = "<string>") -> ChatPromptTemplate:
    """Turn the text of a prompt file into a ChatPromptTemplate."""
    messages = [(_ROLES[heading], body) for heading, body in _sections(text)]
    if not messages:
        raise ConfigError(
            f"Prompt file {source} has no '### system' or '### user' section; "
            "see prompts/README.md for the format."
        )
    try:
        return ChatPromptTemplate.from_messages(messages)
    except (ValueError, KeyError) as error:
        raise ConfigError(f"Prompt file {source} is not a valid template ({error}); "
                          "write '{{' and '}}' for literal braces.") from error


def example_answers(name: str) -> list[str]:
    """The text of the ``### assistant`` sections of ``prompts/<name>.txt`` (its few-shot answers);
    none when the file is missing.
    """
    path = prompt_path(name)
    if not path.is_file():
        return []
    return [body.strip() for heading, body in _sections(path.read_text(encoding="utf-8")) if heading == "assistant"]


def load_prompt(name: str) -> ChatPromptTemplate:
    """Load ``prompts/<name>.txt``; read fresh on every call so edits apply without a restart."""
    path = prompt_path(name)
    if not path.is_file():
        raise ConfigError(f"Prompt file {path} is missing: restore it from the repository or create it.")
    return parse_prompt(path.read_text(encoding="utf-8"), source=str(path))
