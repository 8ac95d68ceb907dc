"""`chat-rec train request`: fit the learned request reader and print its protocol's numbers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chat_rec.errors import ChatRecError

DEV_CASES = ("../shared/benchmarks/extraction/dev.jsonl",
             *(f"tests/data/extraction/fresh{n}.jsonl" for n in ("", "2", "7", "8")),
             *(f"tests/data/extraction/fresh{n}.jsonl:odd" for n in (3, 4, 6, 15, *range(17, 34))))
"""The dev splits: the benchmark's dev file and the analysed parts of our fresh sets, the sets read whole
(fresh, fresh2, fresh7, fresh8) and the odd halves read case by case (since the forty-fourth session all
of them; before, dev, fresh, fresh2 and three odd halves). The check halves and sets (the even halves;
fresh5 and fresh9 to fresh14 and fresh16 whole; tests/data/extraction/README.md) are never fitted on."""


def add_request_parser(tsub: Any) -> None:
    """Register `train request` under `chat-rec train`."""
    t = tsub.add_parser("request", help="learned reader of whether a message asks for picks (docs/benchmarks.md)")
    t.add_argument("--cases", nargs="+", default=list(DEV_CASES), metavar="JSONL[:odd|:even]",
                   help="labelled extraction case files, one cross-validation fold each (default: the dev splits)")
    t.add_argument("--frames", nargs="?", const="default", metavar="TSV",
                   help="add invented messages as one more fold (without TSV: chat_rec/understanding/data/"
                        "request_frames.tsv); measured, not in the committed model (docs/benchmarks.md)")
    t.add_argument("--words-only", action="store_true", help="bag of words only, no sentence embedding")
    t.add_argument("--out", help="output file (default: the committed chat_rec/understanding/data/request_model.json)")
    t.set_defaults(func=cmd_train_request, llm="none")


def cmd_train_request(args: argparse.Namespace) -> int:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.cli_common import settings_for
    from chat_rec.embedding import Embedder
    from chat_rec.eval.extraction import load_cases, select
    from chat_rec.training.request import FRAMES_FILE, examples_from_cases, frame_cases, train
    from chat_rec.understanding.request import MODEL_FILE
    from chat_rec.understanding.resolver import TitleResolver

    settings = settings_for(args)
    resolver = TitleResolver(load_catalog(settings.catalog_dir))
    sets = []
    for spec in args.cases:
        path, _, half = spec.partition(":")
        if not Path(path).is_file():
            raise ChatRecError(f"No case file at {path}. Run from the repository root with ../shared beside it, "
                               "or pass --cases.")
        print(f"reading {spec}", file=sys.stderr)
        sets.append((spec, Path(path), examples_from_cases(select(load_cases(path), half or None), spec, resolver)))
    if args.frames:
        frames = FRAMES_FILE if args.frames == "default" else Path(args.frames)
        if not frames.is_file():
            raise ChatRecError(f"No frames file at {frames}.")
        sets.append((frames.name, frames, examples_from_cases(frame_cases(frames), frames.name, resolver)))
    embed = None if args.words_only else Embedder(settings.embedding_model, settings=settings).encode
    out = Path(args.out) if args.out else MODEL_FILE
    manifest = train(sets, embed, out, say=lambda line: print(line, file=sys.stderr))
    print(json.dumps({k: manifest[k] for k in ("C", "threshold", "accuracy_by_C", "out_of_fold")}, indent=1))
    print(f"learned request reader written to {out}")
    return 0
