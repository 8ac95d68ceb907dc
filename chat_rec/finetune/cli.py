"""`chat-rec finetune prepare | sft | dpo`: parse, call the finetune functions, print a summary.

``chat_rec.cli`` hooks this in with ``add_finetune_parser(sub)``; errors are ChatRecErrors that
the main CLI turns into one sentence.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from chat_rec.errors import InvalidInputError


def _base(name: str) -> str:
    """``packaged`` means the packaged Qwen 2.5 (converted once under the models folder)."""
    from chat_rec.finetune.rerank import resolve_base

    return resolve_base(name, progress=True)


def _print(result: Any) -> None:
    from dataclasses import asdict

    summary = {k: v for k, v in asdict(result).items() if k not in ("losses", "params")}
    print(json.dumps(summary, indent=2))


def cmd_prepare(args: argparse.Namespace) -> int:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.finetune.prepare import prepare_sft, save_dataset

    catalog = load_catalog(Path(args.data), progress=True)
    ds = prepare_sft(catalog, window=args.window, max_examples=args.max_examples, split=args.split,
                     candidates=args.candidates, negatives=args.negatives, seed=args.seed)
    manifest = save_dataset(ds, Path(args.out))
    print(f"{len(ds)} examples written to {args.out} (manifest: {manifest})")
    return 0


def cmd_sft(args: argparse.Namespace) -> int:
    from chat_rec.finetune.train import train_sft

    result = train_sft(_base(args.base), Path(args.data), method=args.method, max_steps=args.max_steps,
                       out_dir=Path(args.out), lora_r=args.lora_r, lora_alpha=2 * args.lora_r,
                       learning_rate=args.lr, batch_size=args.batch_size, max_length=args.max_length,
                       save_steps=args.save_steps, dtype=args.dtype)
    _print(result)
    return 0


def cmd_dpo(args: argparse.Namespace) -> int:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import get_settings
    from chat_rec.finetune.pairs import pairs_from_feedback, pairs_from_ratings
    from chat_rec.finetune.prepare import save_dataset
    from chat_rec.finetune.train import train_dpo

    settings = get_settings()
    catalog = load_catalog(Path(args.data) if args.data else settings.catalog_dir, progress=True)
    if args.from_feedback:
        from chat_rec.profile.repository import ProfileRepository

        repo = ProfileRepository.open(args.db or settings.db_url)
        try:
            pairs = pairs_from_feedback(repo, catalog, window=args.window, max_pairs=args.max_pairs,
                                        candidates=args.candidates)
        finally:
            repo.close()
    else:
        pairs = pairs_from_ratings(catalog, window=args.window, max_pairs=args.max_pairs,
                                   candidates=args.candidates)
    pairs_dir = Path(args.out) / "pairs"
    save_dataset(pairs, pairs_dir)
    result = train_dpo(_base(args.base), Path(args.adapter), pairs_dir, Path(args.out),
                       max_steps=args.max_steps, beta=args.beta, learning_rate=args.lr,
                       max_length=args.max_length, dtype=args.dtype)
    _print(result)
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def add_finetune_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``finetune`` with its ``prepare``, ``sft`` and ``dpo`` actions to ``chat-rec``."""
    p = subparsers.add_parser("finetune", help="fine-tune Qwen 2.5 as a next-movie recommender")
    sub = p.add_subparsers(dest="action", required=True)

    a = sub.add_parser("prepare", help="sliding-window SFT examples from a MovieLens folder")
    a.add_argument("--data", required=True, help="MovieLens folder (ml-latest-small, ml-100k, ml-1m)")
    a.add_argument("--window", type=_positive, default=10, help="history items per example (default 10)")
    a.add_argument("--max-examples", type=_positive, help="keep a seeded random subset of this size")
    a.add_argument("--split", choices=("train", "validation", "test"), default="train")
    a.add_argument("--candidates", type=int, default=0,
                   help="0: answer with a title; 2-20: LlamaRec ranking examples answered by a letter")
    a.add_argument("--negatives", choices=("random", "retriever"), default="random",
                   help="the other candidates: random unrated items, or the SLIT retriever's top unrated "
                        "items (what the re-ranker sees at inference)")
    a.add_argument("--seed", type=int, default=0)
    a.add_argument("--out", required=True, help="folder for the dataset and manifest.json")
    a.set_defaults(func=cmd_prepare)

    def training(t: argparse.ArgumentParser, lr: float) -> None:
        t.add_argument("--base", required=True, help="base model folder or id (or 'packaged')")
        t.add_argument("--max-steps", type=_positive, default=100)
        t.add_argument("--lr", type=float, default=lr, help=f"learning rate (default {lr})")
        t.add_argument("--max-length", type=_positive, default=512, help="tokens per example")
        t.add_argument("--dtype", choices=("auto", "float32", "bfloat16", "float16"), default="auto")
        t.add_argument("--out", required=True, help="adapter folder (training resumes from its checkpoints)")

    s = sub.add_parser("sft", help="supervised LoRA / QLoRA fine-tuning")
    training(s, 2e-4)
    s.add_argument("--method", choices=("lora", "qlora"), default="lora")
    s.add_argument("--data", required=True, help="folder written by `finetune prepare`")
    s.add_argument("--lora-r", type=_positive, default=16)
    s.add_argument("--batch-size", type=_positive, default=1)
    s.add_argument("--save-steps", type=_positive, default=50)
    s.set_defaults(func=cmd_sft)

    d = sub.add_parser("dpo", help="preference optimisation of an SFT adapter")
    training(d, 5e-6)
    d.add_argument("--adapter", required=True, help="SFT adapter folder")
    source = d.add_mutually_exclusive_group(required=True)
    source.add_argument("--from-feedback", action="store_true", help="likes/dislikes stored by chat-rec")
    source.add_argument("--from-ratings", action="store_true", help="MovieLens ratings >= 4 vs <= 2")
    d.add_argument("--data", help="MovieLens folder (default: the configured catalog)")
    d.add_argument("--db", help="profile database URL (default: the one under CHAT_REC_HOME)")
    d.add_argument("--window", type=_positive, default=10)
    d.add_argument("--max-pairs", type=_positive)
    d.add_argument("--candidates", type=int, default=0,
                   help="0: title answers; 2-20: chosen and rejected listed among this many candidates, "
                        "answered by letter (the re-ranker's task: use it for a re-ranking adapter)")
    d.add_argument("--beta", type=float, default=0.1)
    d.set_defaults(func=cmd_dpo)
    return p


def run(args: argparse.Namespace) -> int:
    """Dispatch for callers that do not use ``set_defaults(func=...)``."""
    handlers = {"prepare": cmd_prepare, "sft": cmd_sft, "dpo": cmd_dpo}
    if args.action not in handlers:
        raise InvalidInputError(f"Unknown finetune action {args.action!r}: use prepare, sft or dpo.")
    return handlers[args.action](args)
