"""The `chat-rec eval simulate` sub-command: arguments, the run, JSON or tables."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chat_rec.errors import InvalidInputError


def _floats(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from exc
    if not values or any(not 0.0 <= v <= 1.0 for v in values):
        raise argparse.ArgumentTypeError("alpha values must lie between 0 and 1")
    return values


def add_simulate_parser(esub: Any, func: Callable[[argparse.Namespace], int]) -> None:
    """Register `eval simulate` under the `eval` sub-parsers."""
    e = esub.add_parser("simulate", help="whole conversations with simulated people (hidden MovieLens tastes)")
    e.add_argument("--data", required=True, help="MovieLens folder (ml-latest-small, ML-1M, ...)")
    e.add_argument("--users", type=int, default=20, help="simulated people (default 20)")
    e.add_argument("--turns", type=int, default=5, help="turns per person (default 5)")
    e.add_argument("--llm", choices=("none", "scripted", "default"), default="none",
                   help="the app's language model (default none: templates, same picks)")
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--alpha", type=_floats, help="profile memory; a comma list sweeps it (first = main run)")
    e.add_argument("--onboarding", choices=("on", "off", "both"), default="on")
    e.add_argument("--feedback", choices=("words", "buttons", "both"), default="words",
                   help="words: clicks plus a sentence each turn; buttons: clicks only")
    e.add_argument("--simulator", choices=("rule", "openai"), default="rule",
                   help="who writes the person's sentences (openai: an OpenAI-compatible endpoint)")
    e.add_argument("--base-url", help="the simulator's endpoint, e.g. http://127.0.0.1:8000/v1")
    e.add_argument("--sim-model", default="default", help="model name sent to the simulator's endpoint")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=func)


def cmd_simulate(args: argparse.Namespace) -> int:
    from chat_rec.eval.sim_metrics import format_table
    from chat_rec.eval.simulate import Feedback, run_simulation

    voice = None
    if args.simulator == "openai":
        if not args.base_url:
            raise InvalidInputError("--simulator openai needs --base-url (an OpenAI-compatible /v1 endpoint).")
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.eval.sim_llm import OpenAIVoice

        voice = OpenAIVoice(load_catalog(Path(args.data)), args.base_url, args.sim_model)
    both = {"on": (True,), "off": (False,), "both": (True, False)}
    feedback: dict[str, tuple[Feedback, ...]] = {"words": ("words",), "buttons": ("buttons",),
                                                 "both": ("words", "buttons")}
    result = run_simulation(Path(args.data), users=args.users, turns=args.turns, llm=args.llm, seed=args.seed,
                            alphas=args.alpha, onboarding=both[args.onboarding], feedback=feedback[args.feedback],
                            voice=voice, simulator=args.simulator)
    if args.json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        print(format_table(result))
    return 0
