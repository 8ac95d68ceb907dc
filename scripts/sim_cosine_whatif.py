"""Other profile-update rules replayed on the same events: what would one 👍 / 👎 have done to cos(p, taste)?

Usage: PYTHONPATH=. python scripts/sim_cosine_whatif.py EVENTS.pkl   (written by scripts/sim_cosine.py)

For each turn whose only evidence is one card liked or disliked (button or words), starts from the
p the app had before it and applies candidate rules at several step sizes; prints the mean change
of cos(p, hidden taste) raw and centered (docs/benchmarks.md, "Does p move toward the person?").
"""

from __future__ import annotations

import pickle
import sys
from typing import Any

import numpy as np


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) + 1e-12)


def main() -> None:
    data = pickle.loads(open(sys.argv[1], "rb").read())  # noqa: SIM115 - a local file this project wrote
    vectors, row_of = data["vectors"].astype(np.float64), data["row_of"]
    shared = _unit(vectors.mean(axis=0))

    def off(v: np.ndarray) -> np.ndarray:
        return v - (v @ shared) * shared

    def vec(i: int) -> np.ndarray | None:
        return vectors[row_of[i]] if i in row_of else None

    results: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for person in data["rows"]:
        c = person["centroid"]
        if c is None:
            continue
        cc = _unit(off(c))
        for e in person["events"]:
            ids = _single_card(e)
            if ids is None or e["before"] is None:
                continue
            kind, card = ids
            b = _unit(e["before"])
            shown = [v for i in e["shown"] if (v := vec(i)) is not None]
            x = vec(card)
            if x is None or not shown:
                continue
            x, m = _unit(x), _unit(np.mean(shown, axis=0))
            if kind == "dislike":
                rules = {"old: away from the card minus the shared direction": -_unit(off(x)),
                         "Rocchio: away from (card - mean of the shown picks)": -_unit(x - m)}
            else:
                rules = {"toward the card": x, "toward (card - mean of the shown picks)": _unit(x - m)}
            for name, v in rules.items():
                for beta in (0.3, 0.15, 0.075):
                    p = _unit((1 - beta) * b + beta * v)
                    delta = (float(p @ c - b @ c), float(_unit(off(p)) @ cc - _unit(off(b)) @ cc))
                    results.setdefault(kind, {}).setdefault(f"{name}, step {beta}", []).append(delta)
    for kind, rules_out in results.items():
        print(kind)
        for name, vals in rules_out.items():
            a = np.asarray(vals)
            print(f"  {name:<60} n={len(a):>4}  Δraw {a[:, 0].mean():+.4f}  Δcentered {a[:, 1].mean():+.4f}"
                  f"  closer {np.mean(a[:, 1] > 0):.2f}")


def _single_card(e: dict[str, Any]) -> tuple[str, int] | None:
    """("like" | "dislike", card) when the event's only evidence is one card; else None."""
    if e["phase"] != "conversation":
        return None
    s = e["signal"] or {}
    if e["kind"] in ("button like", "button dislike"):
        return ("like" if e["kind"] == "button like" else "dislike"), int(s["item"])
    others = ("liked_genres", "disliked_genres", "liked_aspects", "disliked_aspects")
    if any(s.get(k) for k in others):
        return None
    liked, disliked = s.get("liked_ids") or [], s.get("disliked_ids") or []
    if len(liked) == 1 and not disliked:
        return "like", int(liked[0])
    if len(disliked) == 1 and not liked:
        return "dislike", int(disliked[0])
    return None


if __name__ == "__main__":
    main()
