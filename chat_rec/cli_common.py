"""What every `chat-rec` command group shares: settings and service from the arguments, output, options.

Kept apart from `chat_rec.cli` so that the command modules (`cli_eval`, `cli_bench`) need not import the
entry point that registers them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

LLM_CHOICES = ("auto", "local", "openai", "scripted", "none")
ENGINE_CHOICES = ("auto", "transformers", "llamacpp")


def settings_for(args: argparse.Namespace) -> Any:
    """The one `Settings`, with the command line's --llm, --catalog and --overviews laid over it."""
    from chat_rec.config import get_settings

    overrides: dict[str, Any] = {}
    if getattr(args, "llm", None):
        overrides["llm"] = args.llm
        if args.llm == "scripted" and getattr(args, "command", None) == "dialogue":
            # Scripted dialogues replay recorded model replies through the checked model path.
            overrides["extract_llm"] = "json"
    if getattr(args, "engine", None):
        overrides["llm_engine"] = args.engine
    if getattr(args, "catalog", None):
        overrides["catalog_dir"] = Path(args.catalog)
    if getattr(args, "overviews", None):
        overrides["overviews_csv"] = Path(args.overviews)
    return get_settings(**overrides)


def service_for(args: argparse.Namespace) -> Any:
    from chat_rec.service import ChatService

    return ChatService.create(settings_for(args), progress=True)


def print_json_or_table(result: dict[str, Any], as_json: bool, table: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        print(table(result))


def add_common_options(p: argparse.ArgumentParser, llm: bool = True) -> None:
    """--catalog and --overviews, and --llm unless the command never uses a model."""
    p.add_argument("--catalog", help="catalog folder (default: the bundled ml-latest-small)")
    p.add_argument("--overviews", help="TMDB-style overview CSV to join")
    if llm:
        p.add_argument("--llm", choices=LLM_CHOICES, help="language model backend (default: auto)")
