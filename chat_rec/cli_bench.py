"""The `chat-rec bench ...` commands: speed and robustness benchmarks that print numbers (JSON or tables)."""

from __future__ import annotations

import argparse
from typing import Any

from chat_rec.cli_common import (
    ENGINE_CHOICES,
    LLM_CHOICES,
    add_common_options,
    print_json_or_table,
    service_for,
    settings_for,
)


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "restart":
        from chat_rec.eval.restart import format_restart_table, run_restart_bench

        restart_result = run_restart_bench(llm=args.llm, engine=args.engine)
        print_json_or_table(restart_result, args.json, format_restart_table)
        return 0
    if args.what == "engines":
        from chat_rec.eval.engines import format_engine_table, run_engine_bench

        engine_result = run_engine_bench(rounds=args.rounds, max_tokens=args.max_tokens, prompts=args.prompts)
        print_json_or_table(engine_result, args.json, format_engine_table)
        return 0
    if args.what == "page":
        from chat_rec.eval.page import format_page_table, run_page_bench

        page_result = run_page_bench(service_for(args), turns=args.turns)
        print_json_or_table(page_result, args.json, format_page_table)
        return 0
    if args.what == "turns":
        from chat_rec.eval.turns import format_turn_table, run_turn_bench

        turn_result = run_turn_bench(service_for(args), turns=args.turns)
        print_json_or_table(turn_result, args.json, format_turn_table)
        return 0
    if args.what == "moods":
        from chat_rec.config import REPO_ROOT
        from chat_rec.eval.crs import CrsEngine
        from chat_rec.eval.moods import format_mood_table, load_mood_queries, run_mood_bench

        queries = load_mood_queries(args.queries or REPO_ROOT / "data" / "moods" / "dev.yaml")
        if args.app:
            from chat_rec.eval.moods import run_mood_dialogues
            from chat_rec.service import ChatService

            settings = settings_for(argparse.Namespace(llm="scripted", catalog=args.catalog, overviews=args.overviews))
            # a bench is no person: its turns come faster than the per-user limit allows
            service = ChatService.create(settings.model_copy(update={"rate_limit_per_minute": 0}), progress=True)
            print_json_or_table(run_mood_dialogues(service, queries), args.json, format_mood_table)
            return 0
        engine = CrsEngine.build(settings_for(argparse.Namespace(llm="none", catalog=args.catalog,
                                                                 overviews=args.overviews)), llm="none")
        print_json_or_table(run_mood_bench(engine, queries, k=args.k), args.json, format_mood_table)
        return 0
    from chat_rec.eval.latency import format_latency_table, run_latency_bench

    sizes = [int(s) for s in args.items.split(",") if s.strip()]
    result = run_latency_bench(sizes=sizes, settings=settings_for(args), with_llm=args.llm is not None)
    print_json_or_table(result, args.json, format_latency_table)
    return 0


def add_bench_parser(sub: Any) -> None:
    """Register `bench` and its benchmarks under the `chat-rec` sub-parsers."""
    p = sub.add_parser("bench", help="speed benchmarks that print numbers")
    bsub = p.add_subparsers(dest="what", required=True)
    b = bsub.add_parser("latency", help="per-turn latency without and with the LLM")
    b.add_argument("--items", default="10000,100000")
    b.add_argument("--llm", choices=LLM_CHOICES, help="also time the LLM backend")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)
    from chat_rec.reliability.report import add_reliability_parser

    add_reliability_parser(bsub)
    b = bsub.add_parser("turns", help="whole turns through the service: first token, whole turn, RSS")
    b.add_argument("--turns", type=int, default=24)
    b.add_argument("--json", action="store_true")
    add_common_options(b)
    b.set_defaults(func=cmd_bench)
    b = bsub.add_parser("moods", help="how much moods move the list: mood requests scored by their picks' tags")
    b.add_argument("--queries",
                   help="YAML mood queries (default: data/moods/dev.yaml; held out: data/moods/fresh.yaml)")
    b.add_argument("--k", type=int, default=5)
    b.add_argument("--app", action="store_true",
                   help="run each query as turns through the app (ChatService, scripted model; k is the app's "
                   "top_k): its `before` messages first, shown picks not shown again, a new request's mood "
                   "replacing the old (data/moods/after_likes.yaml)")
    b.add_argument("--json", action="store_true")
    add_common_options(b, llm=False)
    b.set_defaults(func=cmd_bench)

    b = bsub.add_parser("page", help="turns through the served page (gradio_client): first picks, first model "
                        "word, whole turn, server RSS")
    b.add_argument("--turns", type=int, default=24)
    b.add_argument("--json", action="store_true")
    add_common_options(b)
    b.add_argument("--engine", choices=ENGINE_CHOICES, help="CPU engine for the local model (default: auto)")
    b.set_defaults(func=cmd_bench)

    b = bsub.add_parser("engines", help="the local CPU engines side by side (transformers, llama.cpp): load, "
                        "first token, tokens/s, RSS; each in its own process")
    b.add_argument("--rounds", type=int, default=1, help="alternate the engines this many times")
    b.add_argument("--max-tokens", type=int, default=48, help="tokens per call (default: the app's intro cap)")
    b.add_argument("--prompts", type=int, default=6, help="intro prompts per engine (2-6; the first is cold)")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)

    b = bsub.add_parser("restart", help="chat-rec serve as a child: cold start, RSS, serving again after SIGKILL")
    b.add_argument("--llm", choices=LLM_CHOICES, help="language model backend (default: auto)")
    b.add_argument("--engine", choices=ENGINE_CHOICES, help="CPU engine for the local model (default: auto)")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)
