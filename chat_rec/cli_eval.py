"""The `chat-rec eval ...` commands: benchmarks of quality that print numbers (JSON or tables)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from chat_rec.cli_common import add_common_options, print_json_or_table, settings_for
from chat_rec.errors import ChatRecError, ConfigError


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "extraction":
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.eval.extraction import format_table, run_extraction_eval
        from chat_rec.llm.registry import get_chat_model
        from chat_rec.understanding.extractor import Extractor, extractor_for
        from chat_rec.understanding.resolver import TitleResolver

        settings = settings_for(args)
        catalog = load_catalog(settings.catalog_dir)
        llm = get_chat_model(settings, progress=True)
        resolver = TitleResolver(catalog)
        runs = [("parser", Extractor(resolver, None))]
        verdict = request = None
        if args.learned_verdict is not None or settings.learned_verdict or settings.learned_request:
            from chat_rec.embedding import Embedder
            from chat_rec.understanding.request import LearnedRequest
            from chat_rec.understanding.verdict import LearnedVerdict

            embed = Embedder(settings.embedding_model, settings=settings).encode
            request = LearnedRequest.for_settings(settings, embed)
            # without thresholds: the verdict at its fitted threshold; then the default reader (all on)
            for threshold in args.learned_verdict or ([None] if settings.learned_verdict else []):
                verdict = LearnedVerdict.default(embed)
                verdict.threshold = verdict.threshold if threshold is None else threshold
                runs.append((f"parser+verdict@{verdict.threshold:g}", Extractor(resolver, None, verdict=verdict)))
            if request is not None:
                name = "+".join(["parser"] + ([f"verdict@{verdict.threshold:g}"] if verdict else [])
                                + [f"request@{request.threshold:g}"])
                runs.append((name, Extractor(resolver, None, verdict=verdict, request=request)))
        if llm is not None:
            modes = [args.mode] if args.mode else ["judge", "json"]
            runs += [(f"{mode}:{settings.llm}", extractor_for(resolver, llm, mode, verdict, request)) for mode in modes]
        results = {
            f"{Path(cases).stem}/{name}": run_extraction_eval(Path(cases), extractor, half=args.half, limit=args.limit)
            for cases in args.cases for name, extractor in runs
        }
        if len(results) == 1:
            print_json_or_table(next(iter(results.values())), args.json, format_table)
        else:
            print_json_or_table(results, args.json, lambda r: "\n\n".join(
                f"== {key}\n{format_table(value)}" for key, value in r.items()))
        return 0
    if args.what == "movielens":
        from chat_rec.eval.movielens import DEFAULT_MODELS, run_movielens_eval
        from chat_rec.eval.movielens import format_table as ml_table

        rerank = _rerank_spec(args)
        models = [m.strip() for m in args.models.split(",") if m.strip()] if args.models is not None else (
            () if rerank else DEFAULT_MODELS)
        result = run_movielens_eval(Path(args.data), models=models, protocol=args.protocol, rerank=rerank)
        print_json_or_table(result, args.json, ml_table)
        return 0
    if args.what == "crs":
        from chat_rec.eval.crs import format_crs_table, run_crs_eval

        llm = None if args.llm == "default" else args.llm  # default: the configured backend
        settings = settings_for(argparse.Namespace(llm=llm))
        if args.retriever is not None:
            settings = settings.model_copy(update={"retriever": args.retriever == "on"})
        if args.proposals is not None:
            if args.llm == "none" and args.proposals > 0:
                raise ConfigError("--proposals needs a chat model: add --llm default (or scripted).")
            settings = settings.model_copy(update={"llm_proposals": args.proposals})
        result = run_crs_eval(Path(args.cases), settings=settings,
                              limit=args.limit, oracle_mentions=args.oracle_mentions,
                              conversation=None if args.no_conversation else "auto", compare=not args.no_compare,
                              baseline_weights=args.baseline_weights, baseline_query_turns=args.baseline_query_turns,
                              cross_fit=not args.in_sample)
        print_json_or_table(result, args.json, format_crs_table)
        return 0
    if args.what == "simulate":
        from chat_rec.eval.simulate_cli import cmd_simulate

        return cmd_simulate(args)
    raise ChatRecError(f"Unknown evaluation {args.what!r}.")


def _rerank_spec(args: argparse.Namespace) -> Any:
    """The re-ranking part of `eval movielens`, or None when no --rerank-* option asks for it."""
    asked = (args.rerank_adapter or args.rerank_zero_shot or args.rerank_users is not None
             or args.rerank_retriever is not None)
    if not asked:
        return None
    from chat_rec.eval.rerank import RerankSpec

    return RerankSpec(adapters=tuple(Path(a) for a in args.rerank_adapter or ()),
                      zero_shot=args.rerank_zero_shot, base=args.rerank_base, retriever=args.rerank_retriever,
                      users=args.rerank_users, candidates=args.rerank_candidates)


def add_eval_parser(sub: Any) -> None:
    """Register `eval` and its benchmarks under the `chat-rec` sub-parsers."""
    p = sub.add_parser("eval", help="benchmarks that print numbers")
    esub = p.add_subparsers(dest="what", required=True)
    e = esub.add_parser("extraction", help="preference extraction benchmark")
    e.add_argument("--cases", required=True, nargs="+",
                   help="one or more case files, scored side by side (parser alone, and with --llm's model)")
    e.add_argument("--half", choices=("odd", "even"), help="only cases whose id number is odd / even")
    e.add_argument("--limit", type=int, help="only the first N cases (after --half)")
    e.add_argument("--learned-verdict", nargs="*", type=float, metavar="THRESHOLD",
                   help="score the parser with the learned verdict fallback (understanding/verdict.py) at each "
                        "THRESHOLD given; without this option it is scored at its fitted threshold when "
                        "CHAT_REC_LEARNED_VERDICT is on, beside the parser alone; the last run adds the learned "
                        "request reader when CHAT_REC_LEARNED_REQUEST is on (the default reader)")
    e.add_argument("--mode", choices=("judge", "json"),
                   help="how the model reads beside the parser (default: both, side by side)")
    e.add_argument("--json", action="store_true")
    add_common_options(e)
    e.set_defaults(func=cmd_eval)
    e = esub.add_parser("movielens", help="next-item protocol on a MovieLens folder")
    e.add_argument("--data", required=True)
    e.add_argument("--protocol", default="llamarec", choices=("llamarec",))
    e.add_argument("--models", help="comma-separated models side by side (default: the standard set; "
                                    "with re-ranking, only the retriever)")
    r = e.add_argument_group("re-ranking with the fine-tuned LM (docs/finetune.md)")
    r.add_argument("--rerank-adapter", action="append", metavar="DIR",
                   help="PEFT adapter folder to re-rank with (repeatable; one row each)")
    r.add_argument("--rerank-zero-shot", action="store_true", help="also re-rank with the base model alone")
    r.add_argument("--rerank-base", default="packaged", metavar="MODEL",
                   help="the adapters' base model: folder, cached id or 'packaged' (default)")
    r.add_argument("--rerank-retriever", metavar="NAME",
                   help="model whose top candidates are re-ranked (default: SLIT)")
    r.add_argument("--rerank-users", type=int, metavar="N",
                   help="measure every row on a seeded sample of N test users (a CPU pass takes 30-60 s)")
    r.add_argument("--rerank-candidates", type=int, default=20, metavar="K",
                   help="how many of the retriever's top items are re-ranked (2-20, default 20)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval)
    e = esub.add_parser("crs", help="conversational recommendation cases (INSPIRED, ReDial)")
    e.add_argument("--cases", required=True)
    e.add_argument("--llm", choices=("default", "scripted", "none"), default="none")
    e.add_argument("--limit", type=int)
    e.add_argument("--oracle-mentions", action="store_true",
                   help="also use the cases' annotated mentions (a labelled oracle the app never has)")
    e.add_argument("--no-conversation", action="store_true",
                   help="rank without the trained conversation model and its weights")
    e.add_argument("--retriever", choices=("on", "off"),
                   help="embed the retrieval query with the trained retriever (on) or the stock embedder (off); "
                        "default: CHAT_REC_RETRIEVER (off)")
    e.add_argument("--proposals", type=int, metavar="N",
                   help="the chat model proposes N films per case, grounded and fused with the ranking "
                        "(default: CHAT_REC_LLM_PROPOSALS, 0 = off); paired against the same ranker without them")
    e.add_argument("--no-compare", action="store_true",
                   help="skip the paired comparison with the previous ranker (item-kNN, default weights)")
    e.add_argument("--baseline-weights", metavar="WEIGHTS_JSON",
                   help="compare with the same models ranked by this weights.json (e.g. main's) instead")
    e.add_argument("--baseline-query-turns", type=int, metavar="N",
                   help="the baseline's retrieval query window in turns (default: its weights file's, else 1)")
    e.add_argument("--in-sample", action="store_true",
                   help="when the weights were fitted on this file (train --mix), rank it with the final weights "
                        "instead of each fold's (an optimistic number, for the record only)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval)
    from chat_rec.eval.simulate_cli import add_simulate_parser

    add_simulate_parser(esub, cmd_eval)
