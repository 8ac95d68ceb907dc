"""`chat-rec bench reliability`: every reliability and security check, one figure per line."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from chat_rec.config import Settings

QUICK = {"kills": 3, "clients": 4, "sessions": 10, "seconds": 20.0, "fuzz": 500,
         "model_sessions": 2, "model_seconds": 60.0, "replica_sessions": 4, "replica_seconds": 30.0}
FULL = {"kills": 50, "clients": 6, "sessions": 50, "seconds": 300.0, "fuzz": 10_000,
        "model_sessions": 4, "model_seconds": 300.0, "replica_sessions": 25, "replica_seconds": 300.0}
SECTIONS = ("fuzz", "injection", "isolation", "limits", "integrity", "load", "crash", "replicas", "accounts",
            "load_model")
DEFAULT_SECTIONS = SECTIONS[:-1]
"""``load_model`` (the real CPU model, minutes per run) runs only when asked for with --only.
``replicas`` starts its own PostgreSQL (Debian's server binaries) and Chroma server."""

GOALS = {
    "crash.acknowledged_turns_lost": 0, "crash.half_applied_users": 0, "crash.replies_missing": 0,
    "load.errors": 0, "load.acknowledged_turns_lost": 0, "load_model.errors": 0,
    "load_model.acknowledged_turns_lost": 0, "fuzz.unhandled_exceptions": 0,
    "fuzz.rejections_without_sentence": 0, "injection.system_prompt_leaks": 0, "injection.out_of_catalog": 0,
    "injection.cross_user_reads": 0, "injection.cross_user_writes": 0, "injection.instruction_followed": 0,
    "injection.catalog_instruction_followed": 0, "injection.catalog_out_of_catalog": 0,
    "isolation.isolation_violations": 0, "isolation.path_like_names_accepted": 0,
    "integrity.source_hash_mismatches": 0, "replicas.errors": 0, "replicas.acknowledged_turns_lost": 0,
    "replicas.interleaved_writes": 0, "replicas.half_applied_users": 0, "replicas.checkpoint_mismatches": 0,
    "replicas.kill_continuation_failures": 0, "accounts.succeeded": 0, "accounts.refusals_without_sentence": 0,
    "accounts.victim_profiles_changed": 0,
}
"""Figures whose goal is exactly 0; ``failed_goals`` lists those that missed it."""
MIN_ACCOUNT_ATTEMPTS = 100
"""The accounts section must try at least this many cross-user reads, writes and erasures."""


def run_reliability(settings: Settings, quick: bool = True, sections: tuple[str, ...] | None = None,
                    workdir: Path | None = None) -> dict[str, Any]:
    """Run every check (or ``sections``) against throwaway homes; a dict of sections of figures."""
    from chat_rec.reliability import crash, fuzz, guards, injection, load
    from chat_rec.service import ChatService

    size = QUICK if quick else FULL
    wanted = set(sections or DEFAULT_SECTIONS)
    workdir = Path(workdir or tempfile.mkdtemp(prefix="chat-rec-reliability-"))
    index_dir = settings.chroma_dir
    result: dict[str, Any] = {"mode": "quick" if quick else "full", "workdir": str(workdir)}
    timings: dict[str, float] = {}

    def timed(name: str, fn: Any, *args: Any, **kwargs: Any) -> None:
        started = time.perf_counter()
        result[name] = guards.safe(lambda: fn(*args, **kwargs))
        timings[name] = round(time.perf_counter() - started, 1)

    in_process = wanted & {"fuzz", "injection", "isolation", "limits", "integrity"}
    if in_process:
        home = (workdir / "service").resolve()
        own = settings.model_copy(update={"home": home, "index_dir": index_dir, "llm": "scripted",
                                          "extract_llm": "json"})  # attack the extraction call too
        service = ChatService.create(own, llm=injection.ObedientAttackerModel(), progress=False)
        if "fuzz" in wanted:
            timed("fuzz", fuzz.run_fuzz, service, size["fuzz"])
        if "injection" in wanted or "integrity" in wanted:
            csv = injection.injected_catalog_csv(workdir / "injected.csv")
            injected = ChatService.create(
                settings.model_copy(update={"home": (workdir / "injected").resolve(), "catalog_dir": csv,
                                            "overviews_csv": None, "index_dir": None, "llm": "scripted",
                                            "extract_llm": "json"}),
                llm=injection.ObedientAttackerModel(), progress=False)
        if "injection" in wanted:
            timed("injection", lambda: {**injection.run_attacks(service), **injection.run_catalog_injection(injected)})
        if "isolation" in wanted:
            timed("isolation", guards.run_isolation, service)
        if "limits" in wanted:
            timed("limits", guards.run_limits, service)
        if "integrity" in wanted:
            timed("integrity", guards.run_integrity, service.deps.catalog, injected, csv)
    server = None
    if wanted & {"load", "crash", "accounts"}:
        from chat_rec.reliability.server import ServerProcess

        server = ServerProcess((workdir / "server-home").resolve(), index_dir)
        result["server_start_s"] = round(server.start(), 1)
    try:
        if "load" in wanted:
            timed("load", load.run_load, workdir, index_dir, size["sessions"], size["seconds"], 0, server)
        if "crash" in wanted:
            timed("crash", crash.run_crash, workdir, index_dir, size["kills"], size["clients"], 0, 4.0, server)
        if "accounts" in wanted:  # last: its wrong passwords lock the local address out for minutes
            from chat_rec.reliability.accounts import run_accounts

            assert server is not None
            if server.proc is None or server.proc.poll() is not None:
                server.start()
            timed("accounts", run_accounts, server.url, server.home)
    finally:
        if server is not None:
            server.stop()
    if "replicas" in wanted:
        from chat_rec.reliability.replicas import run_replicas

        timed("replicas", run_replicas, workdir / "replicas", size["replica_sessions"], size["replica_seconds"])
    if "load_model" in wanted:
        timed("load_model", load.run_model_load, workdir, index_dir, size["model_sessions"],
              size["model_seconds"], settings.llm if settings.llm not in ("auto", "scripted") else "local")
    result["seconds"] = timings
    result["failed_goals"] = failed_goals(result)
    return result


def failed_goals(result: dict[str, Any]) -> list[str]:
    """Goals missed: a figure off its goal, a section that crashed, too few account attempts."""
    failed = [key for key, goal in GOALS.items() if _get(result, key) not in (None, goal)]
    failed += [f"{name}.check_failed" for name in SECTIONS
               if isinstance(result.get(name), dict) and "check_failed" in result[name]]
    attempts = _get(result, "accounts.attempts")
    if attempts is not None and attempts < MIN_ACCOUNT_ATTEMPTS:
        failed.append("accounts.attempts")
    return failed


def _get(result: dict[str, Any], dotted: str) -> Any:
    section, key = dotted.split(".")
    return (result.get(section) or {}).get(key)


def format_reliability(result: dict[str, Any]) -> str:
    """One figure per line: ``section.figure: value``; lists and problems indented under it."""
    lines = [f"reliability ({result.get('mode')}), work folder {result.get('workdir')}"]
    for section, figures in result.items():
        if not isinstance(figures, dict) or section == "seconds":
            continue
        for key, value in figures.items():
            if key == "by_target":
                for target, part in value.items():
                    for k, v in part.items():
                        if k != "examples":
                            lines.append(f"{section}.{target}.{k}: {v}")
                        else:
                            lines += [f"    {e}" for e in v]
            elif isinstance(value, list):
                lines.append(f"{section}.{key}: {len(value)}")
                lines += [f"    {v}" for v in value[:8]]
            else:
                lines.append(f"{section}.{key}: {value}")
    lines += [f"seconds.{k}: {v}" for k, v in (result.get("seconds") or {}).items()]
    if "server_start_s" in result:
        lines.append(f"server_start_s: {result['server_start_s']}")
    failed = result.get("failed_goals") or []
    lines.append("all goals met" if not failed else f"goals missed: {', '.join(failed)}")
    return "\n".join(lines)


def cmd_reliability(args: argparse.Namespace) -> int:
    from chat_rec.config import get_settings

    sections = tuple(s.strip() for s in args.only.split(",")) if args.only else None
    unknown = sorted(set(sections or ()) - set(SECTIONS))
    if unknown:
        from chat_rec.errors import InvalidInputError

        raise InvalidInputError(f"Unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}.")
    result = run_reliability(get_settings(), quick=args.quick, sections=sections)
    if args.json:
        sys.stdout.write(json.dumps(result, default=str) + "\n")
    else:
        print(format_reliability(result))
    return 1 if result["failed_goals"] else 0


def add_reliability_parser(bench_subparsers: Any) -> argparse.ArgumentParser:
    """Add `reliability` under `chat-rec bench`."""
    b: argparse.ArgumentParser = bench_subparsers.add_parser(
        "reliability", help="crash safety, load, bad input, prompt injection, isolation, limits")
    b.add_argument("--quick", action="store_true", help="CI-sized: 3 kills, 10 sessions x 20 s, 500 inputs, "
                                                           "2 replicas x 4 sessions x 30 s")
    b.add_argument("--only", help=f"comma-separated sections: {','.join(SECTIONS)} (load_model, the real "
                                  "CPU model under concurrent sessions, runs only when named here)")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=cmd_reliability)
    return b
