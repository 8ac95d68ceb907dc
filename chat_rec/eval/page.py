"""Turn latency as a person sees it: drive the served page over loopback with gradio_client.

The page is served in this process (``ui.app.launch`` on a free loopback port), so the RSS reported
is the server's (the client adds a few MB). The page serves its one local profile, reset at the start
of each pass over the script. Each turn goes through the page's ``/send_stream``
endpoint, the same queue and event stream the browser uses; the clock starts when the message is
submitted and stops when each phase arrives at the client:

* first picks: the cards and list (``phase == "picks"``), on turns that recommend;
* first model word: the first checked sentence of the model's intro (``phase == "intro"``);
* whole turn: the final result (``phase == "done"``), on every turn.
"""

from __future__ import annotations

import os
import statistics
import time
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from chat_rec.eval.turns import SCRIPT, _pct, _rss_mb

if TYPE_CHECKING:
    from chat_rec.service import ChatService


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _summary(values: list[float]) -> dict[str, float | int]:
    if not values:
        return {"n": 0, "p50": float("nan"), "p95": float("nan")}
    return {"n": len(values), "p50": round(statistics.median(values), 3), "p95": round(_pct(values, 0.95), 3)}


def run_page_bench(service: ChatService, turns: int = 24, progress: bool = True) -> dict[str, Any]:
    """Serve the page for ``service`` and time ``turns`` messages of SCRIPT (fresh users) through it."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gradio_client import Client

    from ui.app import launch

    demo = launch(service, host="127.0.0.1", port=None, prevent_thread_lock=True, quiet=True)
    picks: list[float] = []
    words: list[float] = []
    whole: list[float] = []
    model_ms: list[float] = []
    shown: list[int] = []
    dropped: dict[str, int] = {}
    stages: dict[str, int] = {}
    try:
        client = Client(demo.local_url, verbose=False)
        rss_start = _rss_mb()
        user = ""  # the served page's own local profile
        for n in tqdm(range(turns), desc="page turns", unit="turn", disable=not progress):
            if n % len(SCRIPT) == 0:  # the page serves one local profile: forget it, start afresh
                client.predict(user, api_name="/start")  # creates the profile the first time
                client.predict(user, api_name="/reset")
                client.predict(user, api_name="/start")
            started = time.perf_counter()
            job = client.submit(user, SCRIPT[n % len(SCRIPT)], api_name="/send_stream")
            first_picks = first_word = None
            last: dict[str, Any] = {}
            for out in job:
                at = time.perf_counter() - started
                if out["phase"] == "picks" and first_picks is None:
                    first_picks = at
                elif out["phase"] == "intro" and first_word is None:
                    first_word = at
                last = out
            whole.append(time.perf_counter() - started)
            if first_picks is not None:
                picks.append(first_picks)
            if first_word is not None:
                words.append(first_word)
            for call in last.get("llm_calls") or []:
                model_ms.append(float(call.get("ms") or 0))
                shown.append(int(call.get("shown") or 0))
                for reason in call.get("dropped") or []:
                    dropped[reason] = dropped.get(reason, 0) + 1
            stage = str(last.get("stage", "?"))
            stages[stage] = stages.get(stage, 0) + 1
    finally:
        demo.close()
    return {
        "turns": turns, "llm": service.describe()["llm"], "stages": stages,
        "first_picks_s": _summary(picks), "first_model_word_s": _summary(words), "whole_turn_s": _summary(whole),
        "model_call_s": _summary([ms / 1000 for ms in model_ms]),
        "intro_sentences_shown": sum(shown), "intro_calls_with_none_shown": sum(1 for k in shown if k == 0),
        "intro_sentences_dropped": dropped,
        "rss_mb": {"start": round(rss_start, 1), "end": round(_rss_mb(), 1), "peak": round(_peak_rss_mb(), 1)},
        "startup_s": dict(service.timings), "load_avg": os.getloadavg()[0] if hasattr(os, "getloadavg") else None,
    }


def format_page_table(result: dict[str, Any]) -> str:
    lines = [f"{result['turns']} turns through the served page, LLM: {result['llm']}, stages: {result['stages']}"]
    for key, label in (("first_picks_s", "first picks"), ("first_model_word_s", "first model word"),
                       ("whole_turn_s", "whole turn"), ("model_call_s", "intro call")):
        row = result[key]
        lines.append(f"  {label:<17} p50 {row['p50']:7.2f} s   p95 {row['p95']:7.2f} s   (n={row['n']})")
    lines.append(f"  intro sentences shown {result['intro_sentences_shown']} "
                 f"({result['intro_calls_with_none_shown']} calls with none: template intro), "
                 f"dropped {result['intro_sentences_dropped']}")
    rss = result["rss_mb"]
    lines.append(f"  server RSS {rss['start']:.0f} MB at start, {rss['end']:.0f} MB at end, peak {rss['peak']:.0f} MB")
    lines.append(f"  start-up s: {result['startup_s']}; 1-min load average during the run: {result['load_avg']}")
    return "\n".join(lines)
