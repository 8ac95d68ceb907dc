"""Time the learned verdict on turns that have a neutral mention (docs/benchmarks.md, "Cost").

Usage: python scripts/verdict_cost.py [N]  — N turns per row (default 60); prints median / p90 ms.
"""

from __future__ import annotations

import statistics
import sys
import time

from chat_rec.embedding import Embedder
from chat_rec.understanding.signal import PreferenceSignal
from chat_rec.understanding.verdict import LearnedVerdict

TEXTS = ("Honestly Heat was a real treat and I would see it again", "Heat? a total bore",
         "I watched Heat last night with my brother")


def main(turns: int = 60) -> None:
    embedder = Embedder()
    verdict = LearnedVerdict.default(embedder.encode)
    embedder.encode(["warm up"])
    for mentions in (1, 2):
        times = []
        for i in range(turns):
            signal = PreferenceSignal(mentioned_ids=list(range(mentions)))
            started = time.perf_counter()
            verdict.fill(signal, TEXTS[i % len(TEXTS)], {k: (0, 4 + k) for k in range(mentions)})
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(f"{mentions} neutral mention(s): median {statistics.median(times):.1f} ms, "
              f"p90 {times[int(0.9 * len(times))]:.1f} ms over {turns} turns")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
