"""Choose the aspect weight: mood dev queries must move, the CRS dev sets must not drop.

Protocol (docs/benchmarks.md): one CRS engine (the app's parser, retrieval and ranking, --llm
none); for each setting, INSPIRED dev recall on novel targets and the mood dev queries' share of
the top 5 carrying the mood's tags. "off" is the engine with no aspect index (the ranking before
moods); every other row reads aspects and adds aspect candidates, with the given weight, and the
aspects' pull on the profile on or off. Held-out data (data/moods/fresh.yaml, ReDial valid) is
scored separately, once, with the chosen setting (chat-rec bench moods / eval crs).

    PYTHONPATH=. python scripts/tune_aspects.py [--weights 0,0.4,0.8,1.2] [--redial]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from chat_rec.config import REPO_ROOT, get_settings
from chat_rec.eval.crs import CrsEngine, evaluate, load_crs_cases
from chat_rec.eval.moods import load_mood_queries, run_mood_bench

SHARED = REPO_ROOT.parent / "shared" / "benchmarks" / "crs"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="0,0.4,0.8,1.2")
    parser.add_argument("--redial", action="store_true", help="also ReDial valid (slow)")
    parser.add_argument("--shared", default=str(SHARED))
    args = parser.parse_args()
    engine = CrsEngine.build(get_settings(llm="none"), llm="none", progress=False)
    aspects, weights = engine.aspects, engine.ranker.weights
    sets = {"inspired": load_crs_cases(Path(args.shared) / "inspired_dev.jsonl")}
    if args.redial:
        sets["redial"] = load_crs_cases(Path(args.shared) / "redial_valid.jsonl")
    moods = load_mood_queries(REPO_ROOT / "data" / "moods" / "dev.yaml")
    rows = [("off", None, False)] + [(f"w={w} pull={p}", float(w), p)
                                     for w in args.weights.split(",") for p in (False, True)]
    print(f"{'setting':<22}" + "".join(f"{name + ' R@10':>16}{name + ' R@50':>16}" for name in sets)
          + f"{'moods on':>10}{'moved':>8}", flush=True)
    for label, weight, pull in rows:
        engine.ranker.aspects = aspects if weight is not None else None
        engine.aspect_pull = pull
        engine.ranker.weights = dataclasses.replace(weights, aspect=weight or 0.0)
        line = f"{label:<22}"
        for cases in sets.values():
            novel = evaluate(engine, cases, progress=False)["novel"]
            line += f"{novel['recall@10']:>16.4f}{novel['recall@50']:>16.4f}"
        if weight is not None:
            engine.ranker.weights = dataclasses.replace(weights, aspect=weight)
            mood = run_mood_bench(engine, moods)["mean"]
            line += f"{mood['on']:>10.3f}{mood['moved']:>8.2f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
