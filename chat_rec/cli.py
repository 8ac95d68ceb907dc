"""The `chat-rec` command: parses arguments, calls the service or an evaluation, prints."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from chat_rec.errors import ChatRecError

LLM_CHOICES = ("auto", "local", "openai", "scripted", "none")


def _offline_defaults() -> None:
    """No phoning home: analytics and telemetry off, models from disk only (unless the user says otherwise)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _settings(args: argparse.Namespace) -> Any:
    from chat_rec.config import get_settings

    overrides: dict[str, Any] = {}
    if getattr(args, "llm", None):
        overrides["llm"] = args.llm
        if args.llm == "scripted" and getattr(args, "command", None) == "dialogue":
            # Scripted dialogues replay recorded model replies through the checked model path.
            overrides["extract_llm"] = "json"
    if getattr(args, "catalog", None):
        overrides["catalog_dir"] = Path(args.catalog)
    if getattr(args, "overviews", None):
        overrides["overviews_csv"] = Path(args.overviews)
    return get_settings(**overrides)


def _service(args: argparse.Namespace) -> Any:
    from chat_rec.service import ChatService

    return ChatService.create(_settings(args), progress=True)


def _print_json_or_table(result: dict[str, Any], as_json: bool, table: Callable[[dict[str, Any]], str]) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result) + "\n")
    else:
        print(table(result))


# ------------------------------------------------------------------ commands
def cmd_serve(args: argparse.Namespace) -> int:
    from chat_rec.observability import configure_json_logs
    from ui.access import check_exposure
    from ui.app import launch

    settings = _settings(args)
    accounts = bool(args.accounts or settings.accounts)
    check_exposure(args.host, accounts)  # before minutes of loading, not after
    log_file = configure_json_logs(settings.log_dir)
    service = _service(args)
    mode = "accounts: everyone signs in" if accounts else f"local profile {settings.local_user!r}, no password"
    print(f"chat-rec ready ({mode}; JSON logs in {log_file}): {service.describe()}", file=sys.stderr)
    launch(service, host=args.host, port=args.port, concurrency=args.concurrency, accounts=accounts)
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    """Passwords of the local database's accounts, managed by the machine's owner."""
    import getpass

    from chat_rec.accounts import AccountStore
    from chat_rec.profile.repository import ProfileRepository

    settings = _settings(args)
    settings.ensure_home()
    store = AccountStore(ProfileRepository.open(settings.db_url), settings.password_rounds)
    if args.action == "list":
        for name in store.names():
            print(name)
        return 0
    if not args.user:
        raise ChatRecError(f"Please name the account: chat-rec account {args.action} NAME.")
    if args.action == "remove":
        removed = store.remove_password(args.user)
        print(f"password of {args.user} removed" if removed else f"{args.user} has no password")
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"new password for {args.user}: ")
        if getpass.getpass("again: ") != password:
            raise ChatRecError("The two passwords differ; nothing was changed.")
    user = store.set_password(args.user, password)
    print(f"password of {user.name} set")
    return 0


def cmd_chat(args: argparse.Namespace) -> int:
    service = _service(args)
    user = args.user
    print(service.start(user).reply)
    while True:
        try:
            text = input("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.strip() in {"/quit", "/exit"}:
            return 0
        print_turn(service.send(user, text))


def print_turn(events: Any, out: Any = None) -> None:
    """Print a turn as it streams: the picks first, then the model's checked intro sentence by sentence."""
    out = out or sys.stdout
    intro = False
    for event in events:
        if event.kind == "picks" and event.result is not None:
            print(event.result.reply, file=out, flush=True)
        elif event.kind == "intro":
            print(("" if intro else "» ") + event.text, end=" ", file=out, flush=True)
            intro = True
        elif event.kind in ("token", "error"):
            print(event.text, end="", file=out, flush=True)
    print(file=out)


def cmd_ingest(args: argparse.Namespace) -> int:
    from chat_rec.catalog.loaders import load_catalog

    settings = _settings(args)
    catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=True)
    with_overview = sum(1 for item in catalog if item.overview)
    print(f"{catalog.name}: {len(catalog):,} items, {len(catalog.ratings):,} ratings, "
          f"{with_overview:,} with an overview")
    for name, digest in sorted(catalog.sources.items()):
        print(f"  sha256 {digest}  {name}")
    return 0


def cmd_index(args: argparse.Namespace) -> int:
    from chat_rec.catalog.index import CatalogIndex
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.embedding import Embedder

    settings = _settings(args)
    settings.ensure_home()
    catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=True)
    index = CatalogIndex.open(settings, catalog, Embedder(settings.embedding_model), progress=True,
                              rebuild=args.rebuild)
    state = "built" if index.built_now else "up to date"
    where = f"under {settings.chroma_dir}"
    if settings.chroma_host:
        where = f"on the Chroma server {settings.chroma_host}:{settings.chroma_port}"
    print(f"index {state}: {len(index.ids):,} items {where}")
    return 0


def cmd_prepare(args: argparse.Namespace) -> int:
    """Everything `serve` needs, done ahead: catalog, index and the local model."""
    cmd_index(argparse.Namespace(**{**vars(args), "rebuild": False}))
    from chat_rec.llm.registry import describe_model, get_chat_model

    settings = _settings(args)
    get_chat_model(settings, progress=True)
    print(f"model ready: {describe_model(settings)}")
    if settings.conversation_data is not None and not (settings.conversation_model_dir / "model.npz").is_file():
        cmd_train(argparse.Namespace(**{**vars(args), "data": None, "exclude": None, "out": None,
                                        "no_weights": False, "limit": None}))
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    """`chat-rec train conversations`: fit the conversation model and its weights (docs/benchmarks.md)."""
    from chat_rec.training.conversations import TrainConfig, default_excludes, train

    settings = _settings(args)
    settings.ensure_home()
    data = Path(args.data) if args.data else settings.conversation_data
    if data is None:
        raise ChatRecError("Say where the ReDial training files are: --data DIR or CHAT_REC_CONVERSATION_DATA.")
    exclude = [Path(p) for p in args.exclude] if args.exclude else default_excludes(data)
    for path in exclude:
        print(f"dropping the conversations of {path} from training", file=sys.stderr)
    out = Path(args.out) if args.out else settings.conversation_model_dir
    config = TrainConfig(data=data, out=out, exclude=exclude, fit_weights=not args.no_weights,
                         validation_limit=args.limit)
    train(config, _engine_factory(settings), progress=True, say=lambda line: print(line, file=sys.stderr))
    print(f"conversation model written to {out}")
    return 0


def _engine_factory(settings: Any) -> Callable[[Any], Any]:
    def build(model: Any) -> Any:
        from chat_rec.eval.crs import CrsEngine

        return CrsEngine.build(settings, llm="none", progress=True, conversation=model)

    return build


def cmd_dialogue(args: argparse.Namespace) -> int:
    from chat_rec.eval.dialogue import DialogueRunner, load_dialogue

    files = [Path(f) for f in args.files]
    dialogues = [(f, load_dialogue(f)) for f in files]  # refuse a bad file before loading models
    runner = DialogueRunner(_service(args))
    failed = 0
    for path, dialogue in dialogues:
        outcome = runner.run(dialogue, str(path))
        mark = "PASS" if outcome.passed else "FAIL"
        print(f"{mark} {outcome.name} ({path})")
        for turn in outcome.turns:
            for failure in turn.failures:
                print(f"    turn {turn.index} [{turn.action[:60]}]: {failure}")
            if turn.failures and args.verbose:
                print("      reply: " + turn.reply.replace("\n", "\n      "))
        failed += not outcome.passed
    print(f"{len(dialogues) - failed} passed, {failed} failed")
    return 1 if failed else 0


def cmd_profile(args: argparse.Namespace) -> int:
    service = _service(args)
    if args.action == "reset":
        service.reset(args.user)
        print(f"profile of {args.user} reset")
        return 0
    if args.action == "export":
        print(json.dumps(service.export(args.user), indent=1, default=str, ensure_ascii=False))
        return 0
    view = service.profile(args.user)
    data = view.__dict__ | {"genre_history": len(view.genre_history)}
    print(json.dumps(data, indent=2, default=list))
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "extraction":
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.eval.extraction import format_table, run_extraction_eval
        from chat_rec.llm.registry import get_chat_model
        from chat_rec.understanding.extractor import Extractor, extractor_for
        from chat_rec.understanding.resolver import TitleResolver

        settings = _settings(args)
        catalog = load_catalog(settings.catalog_dir)
        llm = get_chat_model(settings, progress=True)
        resolver = TitleResolver(catalog)
        runs = [("parser", Extractor(resolver, None))]
        if llm is not None:
            modes = [args.mode] if args.mode else ["judge", "json"]
            runs += [(f"{mode}:{settings.llm}", extractor_for(resolver, llm, mode)) for mode in modes]
        results = {
            f"{Path(cases).stem}/{name}": run_extraction_eval(Path(cases), extractor, half=args.half, limit=args.limit)
            for cases in args.cases for name, extractor in runs
        }
        if len(results) == 1:
            _print_json_or_table(next(iter(results.values())), args.json, format_table)
        else:
            _print_json_or_table(results, args.json, lambda r: "\n\n".join(
                f"== {key}\n{format_table(value)}" for key, value in r.items()))
        return 0
    if args.what == "movielens":
        from chat_rec.eval.movielens import DEFAULT_MODELS, run_movielens_eval
        from chat_rec.eval.movielens import format_table as ml_table

        rerank = _rerank_spec(args)
        models = [m.strip() for m in args.models.split(",") if m.strip()] if args.models is not None else (
            () if rerank else DEFAULT_MODELS)
        result = run_movielens_eval(Path(args.data), models=models, protocol=args.protocol, rerank=rerank)
        _print_json_or_table(result, args.json, ml_table)
        return 0
    if args.what == "crs":
        from chat_rec.eval.crs import format_crs_table, run_crs_eval

        llm = None if args.llm == "default" else args.llm  # default: the configured backend
        result = run_crs_eval(Path(args.cases), settings=_settings(argparse.Namespace(llm=llm)),
                              limit=args.limit, oracle_mentions=args.oracle_mentions,
                              conversation=None if args.no_conversation else "auto", compare=not args.no_compare)
        _print_json_or_table(result, args.json, format_crs_table)
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


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "restart":
        from chat_rec.eval.restart import format_restart_table, run_restart_bench

        restart_result = run_restart_bench(llm=args.llm)
        _print_json_or_table(restart_result, args.json, format_restart_table)
        return 0
    if args.what == "page":
        from chat_rec.eval.page import format_page_table, run_page_bench

        page_result = run_page_bench(_service(args), turns=args.turns)
        _print_json_or_table(page_result, args.json, format_page_table)
        return 0
    if args.what == "turns":
        from chat_rec.eval.turns import format_turn_table, run_turn_bench

        turn_result = run_turn_bench(_service(args), turns=args.turns)
        _print_json_or_table(turn_result, args.json, format_turn_table)
        return 0
    if args.what == "moods":
        from chat_rec.config import REPO_ROOT
        from chat_rec.eval.crs import CrsEngine
        from chat_rec.eval.moods import format_mood_table, load_mood_queries, run_mood_bench

        queries = load_mood_queries(args.queries or REPO_ROOT / "data" / "moods" / "dev.yaml")
        engine = CrsEngine.build(_settings(argparse.Namespace(llm="none", catalog=args.catalog,
                                                              overviews=args.overviews)), llm="none")
        _print_json_or_table(run_mood_bench(engine, queries, k=args.k), args.json, format_mood_table)
        return 0
    from chat_rec.eval.latency import format_latency_table, run_latency_bench

    sizes = [int(s) for s in args.items.split(",") if s.strip()]
    result = run_latency_bench(sizes=sizes, settings=_settings(args), with_llm=args.llm is not None)
    _print_json_or_table(result, args.json, format_latency_table)
    return 0


# ------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chat-rec", description="A local conversational movie recommender.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser, llm: bool = True) -> None:
        p.add_argument("--catalog", help="catalog folder (default: the bundled ml-latest-small)")
        p.add_argument("--overviews", help="TMDB-style overview CSV to join")
        if llm:
            p.add_argument("--llm", choices=LLM_CHOICES, help="language model backend (default: auto)")

    p = sub.add_parser("serve", help="start the web chat")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--concurrency", type=int, default=1,
                   help="turns answered at once; more queue (default 1: one local model, one turn at a time)")
    p.add_argument("--accounts", action="store_true",
                   help="everyone signs in with a password (required on an address other machines can reach); "
                        "default: one local profile, no password, 127.0.0.1 only")
    common(p)
    p.set_defaults(func=cmd_serve)

    from chat_rec.llm.server import add_llm_server_parser

    add_llm_server_parser(sub)

    p = sub.add_parser("chat", help="chat in the terminal")
    p.add_argument("--user", default="me")
    common(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ingest", help="read a catalog and show what was read, with file hashes")
    common(p, llm=False)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("index", help="build (or check) the vector index of the catalog")
    p.add_argument("--rebuild", action="store_true")
    common(p, llm=False)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("prepare", help="build the index and convert the local model ahead of time")
    common(p)
    p.set_defaults(func=cmd_prepare)

    p = sub.add_parser("dialogue", help="scripted dialogue regression tests")
    dsub = p.add_subparsers(dest="action", required=True)
    d = dsub.add_parser("run", help="run dialogue files; exit 0 only if every expectation holds")
    d.add_argument("files", nargs="+")
    common(d)
    d.set_defaults(func=cmd_dialogue)

    p = sub.add_parser("profile", help="show, export (JSON) or reset a stored profile, as the machine's owner")
    p.add_argument("action", choices=("show", "export", "reset"))
    p.add_argument("user")
    p.set_defaults(func=cmd_profile, llm="none")

    p = sub.add_parser("account", help="set, remove or list the sign-in passwords of `serve --accounts`")
    p.add_argument("action", choices=("passwd", "remove", "list"))
    p.add_argument("user", nargs="?")
    p.add_argument("--password-stdin", action="store_true", help="read the password from the first line of stdin")
    p.set_defaults(func=cmd_account)

    p = sub.add_parser("eval", help="benchmarks that print numbers")
    esub = p.add_subparsers(dest="what", required=True)
    e = esub.add_parser("extraction", help="preference extraction benchmark")
    e.add_argument("--cases", required=True, nargs="+",
                   help="one or more case files, scored side by side (parser alone, and with --llm's model)")
    e.add_argument("--half", choices=("odd", "even"), help="only cases whose id number is odd / even")
    e.add_argument("--limit", type=int, help="only the first N cases (after --half)")
    e.add_argument("--mode", choices=("judge", "json"),
                   help="how the model reads beside the parser (default: both, side by side)")
    e.add_argument("--json", action="store_true")
    common(e)
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
    e.add_argument("--no-compare", action="store_true",
                   help="skip the paired comparison with the previous ranker (item-kNN, default weights)")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_eval)
    from chat_rec.eval.simulate_cli import add_simulate_parser

    add_simulate_parser(esub, cmd_eval)

    p = sub.add_parser("train", help="train the learned parts (docs/benchmarks.md)")
    tsub = p.add_subparsers(dest="what", required=True)
    t = tsub.add_parser("conversations", help="conversation item-item model + ranking weights from ReDial")
    t.add_argument("--data", help="folder with the ReDial training files (default: CHAT_REC_CONVERSATION_DATA)")
    t.add_argument("--exclude", action="append", metavar="JSONL",
                   help="drop these conversations from training (repeatable; default: ../redial/kgsf_valid_data.jsonl "
                        "beside --data, the ReDial dev split)")
    t.add_argument("--out", help="output folder (default: <models>/conversations, where the app looks)")
    t.add_argument("--no-weights", action="store_true", help="only the model; keep the default weights")
    t.add_argument("--limit", type=int, help="use only the first N validation cases")
    t.set_defaults(func=cmd_train, llm="none")

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
    common(b)
    b.set_defaults(func=cmd_bench)
    b = bsub.add_parser("moods", help="how much moods move the list: mood requests scored by their picks' tags")
    b.add_argument("--queries",
                   help="YAML mood queries (default: data/moods/dev.yaml; held out: data/moods/fresh.yaml)")
    b.add_argument("--k", type=int, default=5)
    b.add_argument("--json", action="store_true")
    common(b, llm=False)
    b.set_defaults(func=cmd_bench)

    b = bsub.add_parser("page", help="turns through the served page (gradio_client): first picks, first model "
                        "word, whole turn, server RSS")
    b.add_argument("--turns", type=int, default=24)
    b.add_argument("--json", action="store_true")
    common(b)
    b.set_defaults(func=cmd_bench)

    b = bsub.add_parser("restart", help="chat-rec serve as a child: cold start, RSS, serving again after SIGKILL")
    b.add_argument("--llm", choices=LLM_CHOICES, help="language model backend (default: auto)")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_bench)

    try:
        from chat_rec.finetune.cli import add_finetune_parser
    except ImportError:  # the fine-tuning extras (trl, peft, datasets) are not installed
        pass
    else:
        add_finetune_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _offline_defaults()
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except ChatRecError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
