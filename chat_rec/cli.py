"""The `chat-rec` command: parses arguments, calls the service, prints (`eval`: cli_eval, `bench`: cli_bench)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from chat_rec.cli_bench import add_bench_parser
from chat_rec.cli_common import add_common_options, service_for, settings_for
from chat_rec.cli_eval import add_eval_parser
from chat_rec.errors import ChatRecError, ModelError


def _offline_defaults() -> None:
    """No phoning home: analytics and telemetry off, models from disk only (unless the user says otherwise)."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def _port_busy_message(host: str, port: int) -> str:
    return (f"Port {port} on {host} is already in use (another chat-rec server, or a test run?). Stop it, or "
            f"serve on another port: `make demo PORT={port + 1}` or `chat-rec serve --port {port + 1}`.")


def _check_port_free(host: str, port: int) -> None:
    """Refuse a busy port at once, with a clear message, instead of after loading everything."""
    import socket

    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds: TIME_WAIT is free
        try:
            probe.bind((host, port))
        except PermissionError as error:
            raise ChatRecError(f"Port {port} on {host} cannot be used ({error}); choose another: --port.") from error
        except OSError as error:
            raise ChatRecError(_port_busy_message(host, port)) from error


# ------------------------------------------------------------------ commands
def cmd_serve(args: argparse.Namespace) -> int:
    from chat_rec.observability import configure_json_logs
    from ui.access import check_exposure
    from ui.app import launch

    settings = settings_for(args)
    accounts = bool(args.accounts or settings.accounts)
    check_exposure(args.host, accounts)  # before minutes of loading, not after
    _check_port_free(args.host, args.port)
    log_file = configure_json_logs(settings.log_dir)
    service = service_for(args)
    mode = "accounts: everyone signs in" if accounts else f"local profile {settings.local_user!r}, no password"
    print(f"chat-rec ready ({mode}; JSON logs in {log_file}): {service.describe()}", file=sys.stderr)
    try:
        launch(service, host=args.host, port=args.port, concurrency=args.concurrency, accounts=accounts)
    except OSError as error:  # taken while the service loaded
        if "port" not in str(error).lower():
            raise
        raise ChatRecError(_port_busy_message(args.host, args.port)) from error
    return 0


def cmd_account(args: argparse.Namespace) -> int:
    """Passwords of the local database's accounts, managed by the machine's owner."""
    import getpass

    from chat_rec.accounts import AccountStore
    from chat_rec.profile.repository import ProfileRepository

    settings = settings_for(args)
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


LEAVE_WORDS = frozenset({"/quit", "/exit", "quit", "exit"})
"""A message of only one of these ends the terminal chat (case aside): "quit" typed alone is no request."""


def cmd_chat(args: argparse.Namespace) -> int:
    service = service_for(args)
    return chat_loop(service, args.user)


def chat_loop(service: Any, user: str, read: Any = input) -> int:
    """The terminal chat: the greeting, then each line typed answered until /quit, quit, Ctrl-D or Ctrl-C."""
    print(service.start(user).reply)
    print("(type /quit or press Ctrl-D to leave)")
    while True:
        try:
            text = read("you> ")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if text.strip().lower() in LEAVE_WORDS:
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

    settings = settings_for(args)
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

    settings = settings_for(args)
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
    """Everything `serve` needs, done ahead: the embedder's ONNX export, catalog, index and the local model.

    The export comes first, so a first index build already encodes with it (about 3× faster than
    sentence-transformers on 2 cores).
    """
    from chat_rec.embedding import Embedder
    from chat_rec.llm.registry import describe_model, get_chat_model

    settings = settings_for(args)
    embedder = Embedder(settings.embedding_model, settings=settings)
    try:
        folder = embedder.export_onnx()
    except ModelError as error:  # the server keeps sentence-transformers; nothing is lost
        folder = None
        print(f"embedder: {error}", file=sys.stderr)
    print(f"embedder ready: {f'ONNX export {folder}' if folder else 'sentence-transformers (no ONNX export)'}")
    cmd_index(argparse.Namespace(**{**vars(args), "rebuild": False}))
    get_chat_model(settings, progress=True)
    print(f"model ready: {describe_model(settings)}")
    if settings.conversation_data is not None and not (settings.conversation_model_dir / "model.npz").is_file():
        cmd_train(argparse.Namespace(**{**vars(args), "data": None, "exclude": None, "out": None,
                                        "no_weights": False, "limit": None}))
    return 0


def _training_data(args: argparse.Namespace, settings: Any) -> tuple[Path, list[Path]]:
    """The ReDial training folder (``--data`` or the setting) and the dev files whose conversations are dropped."""
    from chat_rec.training.conversations import default_excludes

    settings.ensure_home()
    data = Path(args.data) if args.data else settings.conversation_data
    if data is None:
        raise ChatRecError("Say where the ReDial training files are: --data DIR or CHAT_REC_CONVERSATION_DATA.")
    return data, [Path(p) for p in args.exclude] if args.exclude else default_excludes(data)


def cmd_train(args: argparse.Namespace) -> int:
    """`chat-rec train conversations`: fit the conversation model and its weights (docs/benchmarks.md)."""
    from chat_rec.training.conversations import TrainConfig, train

    settings = settings_for(args)
    data, exclude = _training_data(args, settings)
    for path in exclude:
        print(f"dropping the conversations of {path} from training", file=sys.stderr)
    out = Path(args.out) if args.out else settings.conversation_model_dir
    config = TrainConfig(data=data, out=out, exclude=exclude, fit_weights=not args.no_weights,
                         validation_limit=args.limit, mix=Path(args.mix) if getattr(args, "mix", None) else None,
                         folds=getattr(args, "folds", 5))
    train(config, _engine_factory(settings), progress=True, say=lambda line: print(line, file=sys.stderr))
    print(f"conversation model written to {out}")
    return 0


def cmd_train_retriever(args: argparse.Namespace) -> int:
    """`chat-rec train retriever`: fine-tune the query encoder on ReDial training dialogues (docs/benchmarks.md)."""
    from chat_rec.catalog.index import CatalogIndex
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.embedding import Embedder
    from chat_rec.training.retriever import RetrieverConfig, train

    settings = settings_for(args)
    data, exclude = _training_data(args, settings)
    out = Path(args.out) if args.out else settings.retriever_model_dir
    catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=True)
    index = CatalogIndex.open(settings, catalog, Embedder(settings.embedding_model), progress=True)
    config = RetrieverConfig(data=data, out=out, exclude=exclude, max_minutes=args.max_minutes, epochs=args.epochs,
                             seed=args.seed, limit=args.limit)
    manifest = train(config, catalog, index, progress=True, say=lambda line: print(line, file=sys.stderr))
    print(f"retriever written to {out} ({manifest['steps']} steps, {manifest['seconds']:.0f} s); validation "
          f"recall@10 {manifest['validation']['stock']['recall@10']:.3f} (stock) -> "
          f"{manifest['validation']['fine_tuned']['recall@10']:.3f}. To use it, set CHAT_REC_RETRIEVER=true and "
          "re-fit the weights with it: `chat-rec train conversations`.")
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
    runner = DialogueRunner(service_for(args))
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
    service = service_for(args)
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


# ------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="chat-rec", description="A local conversational movie recommender.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("serve", help="start the web chat")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--concurrency", type=int, default=1,
                   help="turns answered at once; more queue (default 1: one local model, one turn at a time)")
    p.add_argument("--accounts", action="store_true",
                   help="everyone signs in with a password (required on an address other machines can reach); "
                        "default: one local profile, no password, 127.0.0.1 only")
    add_common_options(p)
    p.set_defaults(func=cmd_serve)

    from chat_rec.llm.server import add_llm_server_parser

    add_llm_server_parser(sub)

    p = sub.add_parser("chat", help="chat in the terminal")
    p.add_argument("--user", default="me")
    add_common_options(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ingest", help="read a catalog and show what was read, with file hashes")
    add_common_options(p, llm=False)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("index", help="build (or check) the vector index of the catalog")
    p.add_argument("--rebuild", action="store_true")
    add_common_options(p, llm=False)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("prepare", help="build the index and convert the local model ahead of time")
    add_common_options(p)
    p.set_defaults(func=cmd_prepare)

    p = sub.add_parser("dialogue", help="scripted dialogue regression tests")
    dsub = p.add_subparsers(dest="action", required=True)
    d = dsub.add_parser("run", help="run dialogue files; exit 0 only if every expectation holds")
    d.add_argument("files", nargs="+")
    add_common_options(d)
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

    add_eval_parser(sub)

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
    t.add_argument("--mix", metavar="CASES_JSONL",
                   help="also fit the weights and their style gates on these CRS cases (e.g. INSPIRED dev), k-fold: "
                        "`eval crs` then scores that file out of fold (docs/benchmarks.md)")
    t.add_argument("--folds", type=int, default=5, help="folds of --mix (default 5)")
    t.set_defaults(func=cmd_train, llm="none")
    t = tsub.add_parser("retriever", help="dialogue-trained query encoder for the catalog index, from ReDial")
    t.add_argument("--data", help="folder with the ReDial training files (default: CHAT_REC_CONVERSATION_DATA)")
    t.add_argument("--exclude", action="append", metavar="JSONL",
                   help="drop these conversations (default: ../redial/kgsf_valid_data.jsonl beside --data)")
    t.add_argument("--out", help="output folder (default: <models>/retriever, where the app looks)")
    t.add_argument("--max-minutes", type=float, default=15.0, help="wall-time budget for training (default 15)")
    t.add_argument("--epochs", type=int, default=3)
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--limit", type=int, help="use only the first N dialogues (quick runs)")
    t.set_defaults(func=cmd_train_retriever, llm="none")
    from chat_rec.training.request_cli import add_request_parser
    from chat_rec.training.verdict_cli import add_verdict_parser

    add_verdict_parser(tsub)
    add_request_parser(tsub)

    add_bench_parser(sub)

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
