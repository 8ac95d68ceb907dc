"""The local CPU engines side by side: ``chat-rec bench engines``.

Each engine (transformers over the converted folder, llama.cpp over the GGUF) runs in its own child
process, one after the other and alternating when ``rounds`` > 1, so load time and peak RSS are its
own and both see the same machine load. Every child loads the packaged model the way the app does
(``get_chat_model`` with ``CHAT_REC_LLM_ENGINE`` forced), then streams the app's intro prompt
(``prompts/recommend.txt``) for a fixed set of requests, capped at the app's intro length:

* load: seconds to a ready model (the conversion or assembly the first time is reported apart);
* first token: submit to first streamed text; the first prompt (nothing cached) apart from the rest
  (their shared system prefix is cached);
* tokens/s: generated tokens (counted with the model's tokenizer) after the first, per second;
* RSS after load and peak RSS of the child.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from typing import Any

from chat_rec.errors import ChatRecError

ENGINES = ("transformers", "llamacpp")
REQUESTS = (
    ("Science Fiction, Thriller; nothing Horror", "Science Fiction, Thriller", "5 films; genres: Sci-Fi, "
     "Thriller, Action; from 1999 to 2014"),
    ("Comedy", "Comedy, Animation", "5 films; genres: Comedy, Romance; from 1994 to 2019"),
    ("from 1990 to 1999", "Crime, Drama", "5 films; genres: Crime, Drama, Thriller; from 1990 to 1999"),
    ("Animation, Children; nothing Horror", "Animation, Adventure", "5 films; genres: Animation, Children, "
     "Comedy; from 1995 to 2010"),
    ("dark, slow-burn", "Drama, Mystery", "5 films; genres: Drama, Mystery, Thriller; from 2000 to 2017"),
    ("nothing specific", "not said yet", "5 films; genres: Drama, Comedy; from 1972 to 2008"),
)
"""(request, taste, picks) as ``respond.intro_messages`` fills them."""


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024


def _count_tokens(llm: Any, text: str) -> int:
    if hasattr(llm, "llama"):
        return len(llm.llama.tokenize(text.encode("utf-8"), add_bos=False))
    return len(llm.tokenizer.encode(text, add_special_tokens=False))


def measure_engine(engine: str, max_tokens: int = 48, prompts: int = len(REQUESTS)) -> dict[str, Any]:
    """Load the packaged model with ``engine`` in this process and stream every request (JSON-ready)."""
    from chat_rec.config import get_settings
    from chat_rec.conversation.respond import INTRO_MAX_TOKENS
    from chat_rec.llm.calls import cap_kwargs
    from chat_rec.llm.packaged import ensure_packaged_gguf, ensure_packaged_model
    from chat_rec.llm.prompts import load_prompt
    from chat_rec.llm.registry import choose_engine, describe_model, get_chat_model

    settings = get_settings(llm="local", llm_engine=engine, llm_cpu_model="packaged")
    if choose_engine(settings) != engine:
        raise ChatRecError(f"engine {engine} is not available here")
    started = time.perf_counter()
    (ensure_packaged_gguf if engine == "llamacpp" else ensure_packaged_model)(settings, progress=False)
    prepare_s = time.perf_counter() - started
    rss_before = _rss_mb()
    started = time.perf_counter()
    llm = get_chat_model(settings, progress=False)
    if llm is None:
        raise ChatRecError(f"no local model loaded for engine {engine}")
    load_s = time.perf_counter() - started
    rss_loaded = _rss_mb()
    prompt = load_prompt("recommend")
    calls: list[dict[str, Any]] = []
    for request, taste, picks in REQUESTS[:max(2, prompts)]:
        messages = prompt.format_messages(language="English", request=request, taste=taste, picks=picks)
        t0 = time.perf_counter()
        first = None
        text = ""
        for chunk in llm.stream(messages, **cap_kwargs(llm, max_tokens or INTRO_MAX_TOKENS)):
            piece = str(chunk.content)
            if piece and first is None:
                first = time.perf_counter()
            text += piece
        end = time.perf_counter()
        tokens = _count_tokens(llm, text)
        first = first or end
        calls.append({"first_token_s": round(first - t0, 3), "whole_s": round(end - t0, 3), "tokens": tokens,
                      "tokens_per_s": round((tokens - 1) / (end - first), 2) if tokens > 1 and end > first else None,
                      "text": text.strip()[:200]})
    warm = calls[1:]
    rates = [c["tokens_per_s"] for c in warm if c["tokens_per_s"]]
    return {
        "engine": engine, "model": describe_model(settings), "prepare_s": round(prepare_s, 2),
        "load_s": round(load_s, 2), "cold_first_token_s": calls[0]["first_token_s"],
        "first_token_s_p50": round(statistics.median(c["first_token_s"] for c in warm), 3),
        "tokens_per_s_p50": round(statistics.median(rates), 2) if rates else None,
        "whole_call_s_p50": round(statistics.median(c["whole_s"] for c in warm), 3),
        "rss_mb": {"before_load": round(rss_before, 1), "after_load": round(rss_loaded, 1),
                   "after_calls": round(_rss_mb(), 1)},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), "calls": calls,
    }


def run_engine_bench(engines: tuple[str, ...] = ENGINES, rounds: int = 1, max_tokens: int = 48,
                     prompts: int = len(REQUESTS), progress: bool = True) -> dict[str, Any]:
    """Each engine in its own child process, alternating for ``rounds``; the load average alongside."""
    runs: list[dict[str, Any]] = []
    for n in range(rounds):
        for engine in engines:
            if progress:
                print(f"engines: {engine} (round {n + 1}/{rounds}) ...", file=sys.stderr, flush=True)
            command = [sys.executable, "-m", "chat_rec.eval.engines", engine, "--max-tokens", str(max_tokens),
                       "--prompts", str(prompts)]
            done = subprocess.run(command, capture_output=True, text=True, check=False, env=os.environ.copy())
            if done.returncode != 0:
                runs.append({"engine": engine, "round": n + 1, "error": done.stderr.strip()[-800:]})
                continue
            runs.append({**json.loads(done.stdout.strip().splitlines()[-1]), "round": n + 1,
                         "load_avg": round(os.getloadavg()[0], 2)})
            if progress:  # each engine's numbers as soon as it is done (a slow engine can take minutes)
                print(json.dumps({k: v for k, v in runs[-1].items() if k != "calls"}), file=sys.stderr, flush=True)
    return {"runs": runs, "max_tokens": max_tokens, "prompts": max(2, min(prompts, len(REQUESTS))),
            "cpus": os.cpu_count()}


def format_engine_table(result: dict[str, Any]) -> str:
    lines = [f"packaged Qwen2.5-Coder-0.5B-Instruct, app intro prompt x{result['prompts']} "
             f"(at most {result['max_tokens']} tokens), {result['cpus']} CPUs",
             f"{'engine':<13}{'round':>5}{'load s':>8}{'cold 1st':>9}{'1st tok':>9}{'tok/s':>7}{'call s':>8}"
             f"{'RSS MB':>8}{'peak':>7}{'load':>6}"]
    for run in result["runs"]:
        if "error" in run:
            lines.append(f"{run['engine']:<13}{run['round']:>5}  failed: {run['error'][-200:]}")
            continue
        lines.append(f"{run['engine']:<13}{run['round']:>5}{run['load_s']:>8.1f}{run['cold_first_token_s']:>9.2f}"
                     f"{run['first_token_s_p50']:>9.2f}{run['tokens_per_s_p50'] or 0:>7.1f}"
                     f"{run['whole_call_s_p50']:>8.2f}{run['rss_mb']['after_load']:>8.0f}"
                     f"{run['peak_rss_mb']:>7.0f}{run['load_avg']:>6.1f}")
    ok = [r for r in result["runs"] if "error" not in r]
    by = {e: [r for r in ok if r["engine"] == e] for e in ENGINES}
    if all(by.values()):
        def ratio(key: str) -> float:
            fast, slow = (statistics.median(r[key] for r in by[e]) for e in ("llamacpp", "transformers"))
            return float(fast / slow)

        lines.append(f"llama.cpp / transformers: first token x{ratio('first_token_s_p50'):.2f}, "
                     f"tokens/s x{ratio('tokens_per_s_p50'):.2f}, load x{ratio('load_s'):.2f}, "
                     f"peak RSS x{ratio('peak_rss_mb'):.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """The child: measure one engine, print one JSON line."""
    import logging

    logging.basicConfig(level=logging.WARNING)
    parser = argparse.ArgumentParser(prog="python -m chat_rec.eval.engines")
    parser.add_argument("engine", choices=ENGINES)
    parser.add_argument("--max-tokens", type=int, default=48)
    parser.add_argument("--prompts", type=int, default=len(REQUESTS))
    args = parser.parse_args(argv)
    print(json.dumps(measure_engine(args.engine, args.max_tokens, args.prompts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
