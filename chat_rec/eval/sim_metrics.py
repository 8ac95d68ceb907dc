"""Scoring simulated conversations: success@k, turns to accept, per-turn hit rate, nDCG@5, cosine.

A person's log is a list of turns; turn t holds the list shown at t (``items``: the one the
person reacts to and that hit rate and nDCG@5 score), every card seen at t (``seen``: that list
plus any list a button click showed while reacting to the previous one) and whether a liked
target was among them. The first such turn is the accept; the person stops there.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from chat_rec.eval.metrics import NDCG

KS: tuple[int, ...] = (1, 3, 5)
"""Turns within which success is reported."""


@dataclass
class TurnLog:
    """One turn of one person."""

    items: list[int]
    """The list shown at this turn (the answer to the person's last message or click)."""
    seen: list[int]
    """Every card seen at this turn (``items`` plus a list shown after a click)."""
    targets: set[int]
    """The person's liked targets still counting at this turn (after the leak guard)."""
    cosine: float | None = None
    """cos(p_t, hidden-taste centroid) with p_t the profile the list was ranked from."""
    latency_s: list[float] = field(default_factory=list)
    """Each service call's wall time during the turn."""
    cosine_centered: float | None = None
    """The same cosine with the catalog's mean direction removed from both vectors
    (``simulate.mean_direction``): where p points among movies, not how averaged it is."""

    @property
    def hit(self) -> bool:
        return bool(set(self.items) & self.targets)

    @property
    def accepted(self) -> bool:
        return bool(set(self.seen) & self.targets)

    @property
    def ndcg5(self) -> float:
        return NDCG(5).measure_list(self.items, self.targets)


@dataclass
class PersonLog:
    """A whole simulated conversation (or one baseline's lists for the same person)."""

    source_user: int
    language: str = "en"
    turns: list[TurnLog] = field(default_factory=list)
    violations: dict[str, int] = field(default_factory=dict)
    """Picks breaking a constraint, by kind (see ``simulate.check_constraints``)."""
    utterances: list[str] = field(default_factory=list)
    leaked: list[int] = field(default_factory=list)
    """Targets the person named (the leak guard dropped them)."""
    errors: list[str] = field(default_factory=list)
    """Error replies the app gave (should stay empty)."""

    @property
    def accepted_turn(self) -> int | None:
        for t, turn in enumerate(self.turns, start=1):
            if turn.accepted:
                return t
        return None


def _mean(values: Sequence[float | None]) -> float:
    clean = [v for v in values if v is not None and not math.isnan(v)]
    return float(np.mean(clean)) if clean else math.nan


def summarize(logs: Sequence[PersonLog], turns: int) -> dict[str, Any]:
    """The JSON-ready metrics of one configuration (or baseline) over its people."""
    n = len(logs)
    accepted = [log.accepted_turn for log in logs]
    success = {f"success@{k}": (sum(1 for a in accepted if a is not None and a <= k) / n if n else 0.0)
               for k in KS if k <= turns}
    success[f"success@{turns}"] = sum(1 for a in accepted if a is not None) / n if n else 0.0
    per_turn = []
    full = [log for log in logs if len(log.turns) == turns and log.accepted_turn is None]
    for t in range(turns):
        active = [log.turns[t] for log in logs if len(log.turns) > t]
        last = [log.turns[min(t, len(log.turns) - 1)] for log in logs if log.turns]
        carried = [turn.cosine for turn in last]  # accepted people carried forward
        carried_centered = [turn.cosine_centered for turn in last]
        calls = [s for turn in active for s in turn.latency_s]
        per_turn.append({
            "turn": t + 1, "active": len(active),
            "hit_rate": _mean([float(turn.hit) for turn in active]),
            "ndcg@5": _mean([turn.ndcg5 for turn in active]),
            "cosine": _mean([c for c in carried if c is not None]),
            "cosine_full_length": _mean([log.turns[t].cosine for log in full if log.turns[t].cosine is not None]),
            "cosine_centered": _mean(carried_centered),
            "cosine_active": _mean([turn.cosine for turn in active]),
            "cosine_centered_active": _mean([turn.cosine_centered for turn in active]),
            "cosine_centered_full_length": _mean([log.turns[t].cosine_centered for log in full]),
            "cards_seen": _mean([float(len(set(turn.seen))) for turn in active]),
            "turn_latency_ms": 1000 * _mean([sum(turn.latency_s) for turn in active if turn.latency_s]),
            "call_latency_p50_ms": 1000 * float(np.percentile(calls, 50)) if calls else math.nan,
            "call_latency_p95_ms": 1000 * float(np.percentile(calls, 95)) if calls else math.nan,
        })
    violations: dict[str, int] = {}
    for log in logs:
        for kind, count in log.violations.items():
            violations[kind] = violations.get(kind, 0) + count
    cos = [row["cosine"] for row in per_turn]
    centered = [row["cosine_centered"] for row in per_turn]
    talking = [row["cosine_centered_active"] for row in per_turn]
    return {
        "people": n,
        **success,
        "turns_to_accept": _mean([float(a if a is not None else turns + 1) for a in accepted]),
        "cosine_first": cos[0] if cos else math.nan,
        "cosine_last": cos[-1] if cos else math.nan,
        "cosine_rises_each_turn": bool(all(b > a for a, b in zip(cos, cos[1:], strict=False))),
        "cosine_centered_first": centered[0] if centered else math.nan,
        "cosine_centered_last": centered[-1] if centered else math.nan,
        "cosine_centered_rises_each_turn": bool(all(b > a for a, b in zip(centered, centered[1:], strict=False))),
        "cosine_centered_active_rises_each_turn": bool(all(b > a for a, b in zip(talking, talking[1:], strict=False))),
        "cards_seen_per_turn": _mean([float(len(set(t.seen))) for log in logs for t in log.turns]),
        "violations": violations,
        "leaked_targets": sum(len(log.leaked) for log in logs),
        "people_with_leaks": sum(1 for log in logs if log.leaked),
        "errors": sum(len(log.errors) for log in logs),
        "error_examples": sorted({e for log in logs for e in log.errors})[:3],
        "per_turn": per_turn,
    }


def format_table(result: dict[str, Any]) -> str:
    """Plain-text tables: one row per configuration and baseline, then the main run turn by turn."""
    turns = result["turns"]
    ks = [k for k in KS if k <= turns]
    if turns not in ks:
        ks.append(turns)
    head = (f"{'':<34}" + "".join(f"{'S@' + str(k):>7}" for k in ks)
            + f"{'turns':>7}{'cos1':>7}{'cosT':>7}{'ccos1':>7}{'ccosT':>7}{'cards':>7}{'viol':>6}")
    lines = [f"{result['catalog']}: {result['people']} people x {turns} turns, seed {result['seed']}, "
             f"llm {result['llm']}, simulator {result['simulator']}", "", head]

    def row(label: str, s: dict[str, Any]) -> str:
        keys = ("cosine_first", "cosine_last", "cosine_centered_first", "cosine_centered_last")
        cos = "".join(f"{s[k]:>7.3f}" if not math.isnan(s.get(k, math.nan)) else f"{'-':>7}" for k in keys)
        stated = sum(v for k, v in s["violations"].items() if k.startswith("stated"))
        return (f"{label:<34}" + "".join(f"{s[f'success@{k}']:>7.3f}" for k in ks)
                + f"{s['turns_to_accept']:>7.2f}{cos}{s['cards_seen_per_turn']:>7.1f}{stated:>6}")

    for name, s in result["configs"].items():
        lines.append(row(name, s))
    for name, s in result["baselines"].items():
        lines.append(row("baseline: " + name, s))
    main = next(iter(result["configs"].values()))
    lines += ["", f"turn by turn ({next(iter(result['configs']))}):",
              f"{'turn':>5}{'active':>8}{'hit':>7}{'nDCG@5':>8}{'cos':>7}{'cos full':>9}{'ccos':>7}{'ccos act':>9}"
              f"{'cards':>7}"
              f"{'ms/turn':>9}{'p95 call':>9}"]
    for r in main["per_turn"]:
        lines.append(f"{r['turn']:>5}{r['active']:>8}{r['hit_rate']:>7.3f}{r['ndcg@5']:>8.3f}{r['cosine']:>7.3f}"
                     f"{r['cosine_full_length']:>9.3f}{r['cosine_centered']:>7.3f}"
                     f"{r.get('cosine_centered_active', math.nan):>9.3f}{r['cards_seen']:>7.1f}"
                     f"{r['turn_latency_ms']:>9.0f}"
                     f"{r['call_latency_p95_ms']:>9.0f}")
    lines += ["", "violations (" + next(iter(result["configs"])) + "): " + (", ".join(
        f"{k} {v}" for k, v in sorted(main["violations"].items())) or "none"),
        f"leaked targets (named by a person, not counted): {main['leaked_targets']}; "
        f"error replies: {main['errors']}"]
    return "\n".join(lines)
