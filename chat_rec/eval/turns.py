"""Whole-turn latency through ChatService: time to first token, whole turn, process RSS."""

from __future__ import annotations

import resource
import statistics
import time
import uuid
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

if TYPE_CHECKING:
    from chat_rec.service import ChatService

SCRIPT = (
    "hi",
    "I loved The Matrix and Inception but no horror please",
    "the second one looks great, more like that",
    "something from the 90s",
    "I didn't like the first one",
    "any comedies?",
    "more like Toy Story",
    "nothing before 2000 this time",
)
"""A realistic conversation, repeated with fresh users until enough turns are timed."""


def _rss_mb() -> float:
    """Current resident memory of this process (Linux), else its peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run_turn_bench(service: ChatService, turns: int = 24, progress: bool = True) -> dict[str, Any]:
    """Time ``turns`` messages of SCRIPT (fresh users) through the whole graph."""
    first: list[float] = []
    whole: list[float] = []
    stages: dict[str, int] = {}
    rss_start = _rss_mb()
    bar = tqdm(total=turns, desc="turns", disable=not progress, unit="turn")
    user = ""
    for n in range(turns):
        if n % len(SCRIPT) == 0:
            user = f"bench-{uuid.uuid4().hex[:8]}"
        started = time.perf_counter()
        first_at = None
        result = None
        for event in service.send(user, SCRIPT[n % len(SCRIPT)]):
            if first_at is None and event.kind in ("token", "picks", "intro", "error"):
                first_at = time.perf_counter() - started
            result = event.result or result
        whole.append(time.perf_counter() - started)
        first.append(first_at if first_at is not None else whole[-1])
        if result is not None:
            stages[result.stage] = stages.get(result.stage, 0) + 1
        bar.update(1)
    bar.close()
    return {
        "turns": turns, "llm": service.describe()["llm"], "stages": stages,
        "first_token_s": {"p50": statistics.median(first), "p95": _pct(first, 0.95)},
        "whole_turn_s": {"p50": statistics.median(whole), "p95": _pct(whole, 0.95)},
        "rss_mb": {"start": round(rss_start, 1), "end": round(_rss_mb(), 1)},
    }


def format_turn_table(result: dict[str, Any]) -> str:
    lines = [f"{result['turns']} turns, LLM: {result['llm']}, stages: {result['stages']}"]
    for key, label in (("first_token_s", "first token"), ("whole_turn_s", "whole turn")):
        lines.append(f"  {label:<12} p50 {result[key]['p50']:7.2f} s   p95 {result[key]['p95']:7.2f} s")
    lines.append(f"  RSS {result['rss_mb']['start']:.0f} MB at start, {result['rss_mb']['end']:.0f} MB at end")
    return "\n".join(lines)
