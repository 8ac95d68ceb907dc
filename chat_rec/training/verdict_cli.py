"""`chat-rec train verdict`: fit the learned verdict and print its protocol's numbers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from chat_rec.errors import ChatRecError

HELD_OUT = Path("tests/data/verdict/idiom_frames.tsv")


def add_verdict_parser(tsub: Any) -> None:
    """Register `train verdict` under `chat-rec train`."""
    t = tsub.add_parser("verdict", help="learned verdict for mentions the rules leave neutral (docs/benchmarks.md)")
    t.add_argument("--data", help="folder with train_dialogues_500.jsonl (default: CHAT_REC_CONVERSATION_DATA)")
    t.add_argument("--validation", nargs="*", default=[], metavar="JSONL[:odd]",
                   help="extraction case files the threshold is chosen on (':odd' keeps the odd half only)")
    t.add_argument("--held-out", default=str(HELD_OUT), help="held-out verdict frames scored at the end")
    t.add_argument("--words-only", action="store_true", help="bag of words only, no sentence embedding")
    t.add_argument("--out", help="output file (default: the committed chat_rec/understanding/data/verdict_model.json)")
    t.set_defaults(func=cmd_train_verdict, llm="none")


def cmd_train_verdict(args: argparse.Namespace) -> int:
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.cli_common import settings_for
    from chat_rec.embedding import Embedder
    from chat_rec.eval.extraction import format_table, load_cases, predict, score, select
    from chat_rec.training.verdict import train
    from chat_rec.training.verdict_eval import candidates, frames_as_cases
    from chat_rec.understanding.extractor import Extractor
    from chat_rec.understanding.resolver import TitleResolver
    from chat_rec.understanding.verdict import MODEL_FILE, LearnedVerdict, VerdictModel

    settings = settings_for(args)
    data = Path(args.data) if args.data else settings.conversation_data
    if data is None:
        raise ChatRecError("Say where the ReDial training files are: --data DIR or CHAT_REC_CONVERSATION_DATA.")
    embed = None if args.words_only else Embedder(settings.embedding_model).encode
    resolver = TitleResolver(load_catalog(settings.catalog_dir))
    cases: list[dict[str, Any]] = []
    for spec in args.validation:
        path, _, half = spec.partition(":")
        cases += select(load_cases(path), half or None)
    pairs = candidates(cases, resolver)

    def validation(model: VerdictModel) -> tuple[list[str], Any]:
        return [g for _, g in pairs], model.predict_proba([c for c, _ in pairs], embed)

    out = Path(args.out) if args.out else MODEL_FILE
    held_out = Path(args.held_out) if args.held_out and Path(args.held_out).is_file() else None
    manifest = train(data, embed, validation if pairs else None, held_out, out,
                     say=lambda line: print(line, file=sys.stderr))
    print(json.dumps(manifest["metrics"], indent=1))
    if held_out is not None:
        verdict = LearnedVerdict(VerdictModel.load(out), embed)
        for language in ("en", "es"):
            frames = frames_as_cases(held_out, resolver, language=language)
            runs = (("parser", Extractor(resolver)), ("parser+verdict", Extractor(resolver, verdict=verdict)))
            for name, extractor in runs:
                result = score(frames, predict(frames, extractor, progress=False))
                print(f"== held-out frames {language} / {name}\n{format_table(result)}")
    print(f"learned verdict written to {out}")
    return 0
