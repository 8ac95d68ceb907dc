"""Does p move toward the person, event by event? The cosine diagnosis behind docs/benchmarks.md (issue 12).

Usage: PYTHONPATH=. python scripts/sim_cosine.py USERS SEED [ALPHA [EVENTS.pkl]]

Runs the rule-based simulator's people through the real service (as `chat-rec eval simulate`,
main setting, `--llm none`) and records the stored profile p before and after every service
call. Prints, per kind of event (onboarding answer, opening request, 👍 / 👎 / "seen it" button,
each kind of sentence): how many, the cosine of the event's v to the hidden taste's centroid and
the mean change of cos(p, centroid) it caused, raw and centered (the catalog's mean direction
taken out of both vectors). Then p's cosine per turn three ways: over everyone with accepted
people carried forward, over the people still talking, and over the people who talked all turns.
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.catalog.loaders import load_catalog
from chat_rec.config import get_settings
from chat_rec.eval import simulate as sim
from chat_rec.eval.sim_people import build_people, holdout_catalog
from chat_rec.eval.sim_voice import RuleVoice
from chat_rec.service import ChatService

TURNS = 5


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) + 1e-12)


class Probe(sim.Conversation):
    """A conversation that logs p around every call, with the kind of event that moved it."""

    events: list[dict[str, Any]]
    _shown: list[int] = []
    phase = "onboarding"

    def _p(self) -> np.ndarray | None:
        info = self.svc.deps.repo.find_user(self.user)
        p = None if info is None else self.svc.deps.repo.load(info.id).vector
        return None if p is None else np.asarray(p, np.float64)

    def _log(self, kind: str, before: np.ndarray | None, v_signal: dict[str, Any] | None) -> None:
        self.events.append({"kind": kind, "phase": self.phase, "turn": len(self.log.turns),
                            "before": before, "after": self._p(), "signal": v_signal, "shown": self._shown})

    def say(self, text: str, direct_year: bool = False) -> Any:
        self._shown = list(self.shown)
        before = self._p()
        r = super().say(text, direct_year)
        self._log(_say_kind(r.signal, self.phase), before, r.signal)
        return r

    def click(self, item_id: int, kind: str) -> Any:
        self._shown = list(self.shown)
        before = self._p()
        r = super().click(item_id, kind)
        self._log("button " + kind, before, {"item": item_id})
        return r

    def run(self, turns: int, onboarding: Any, opening: Any) -> Any:
        if onboarding is not None:
            self.onboard(onboarding)
        self.calls = []
        self.stated.add(opening)
        self.phase = "opening"
        self._ask(opening, direct_year=True)
        self.phase = "conversation"
        for t in range(1, turns + 1):
            self._record()
            if self.log.turns[-1].accepted or t == turns:
                break
            self.react()
        return self.log


def _say_kind(s: dict[str, Any], phase: str) -> str:
    if phase != "conversation":
        return phase
    s = {k: v for k, v in (s or {}).items() if v}
    if s.get("liked_genres"):
        return "words: genre liked (more X)"
    for key, label in (("liked_ids", "words: card liked"), ("disliked_ids", "words: card disliked"),
                       ("disliked_genres", "words: genre disliked (less X)"), ("liked_aspects", "words: mood liked"),
                       ("disliked_aspects", "words: mood disliked"), ("era", "words: era (too old/new)")):
        if s.get(key):
            return label
    return "words: only 'more'" if s.get("wants_new_recommendations") else "words: empty signal"


def run(users: int, seed: int, alpha: float | None) -> tuple[list[dict[str, Any]], ChatService]:
    base = get_settings()
    home = tempfile.mkdtemp(prefix="chat-rec-cos-")
    atexit.register(shutil.rmtree, home, True)
    settings = base.model_copy(update={"catalog_dir": Path("data/ml-latest-small"), "rate_limit_per_minute": 0,
                                       "home": Path(home), "database_url": None, "index_dir": base.chroma_dir,
                                       "models_root": base.models_dir, "llm": "none"})
    if alpha is not None:
        settings = settings.model_copy(update={"alpha": alpha})
    settings.ensure_home()
    catalog = load_catalog(settings.catalog_dir, progress=False)
    people = build_people(catalog, users, seed)
    service = ChatService.create(settings, progress=False, catalog=holdout_catalog(catalog, people))
    voice = RuleVoice(service.deps.catalog)
    config = sim.SimConfig("main", settings.alpha)
    rows = []
    for person in people:
        rng = sim._rng(seed, person)
        onboarding, opening = voice.onboarding(person, rng), voice.opening(person, rng)
        centroid = sim.taste_centroid(service, person)
        convo = Probe(service, person, config, voice, rng, centroid, f"cos-{person.source_user}")
        convo.events = []
        log = convo.run(TURNS, onboarding, opening)
        early = [i for i, r in person.early.items() if r >= 4]
        rows.append({"centroid": centroid, "events": convo.events, "log": log, "early_liked": early,
                     "first": log.turns[0].items if log.turns else []})
    return rows, service


def report(rows: list[dict[str, Any]], service: ChatService) -> None:
    shared = sim.mean_direction(service)
    assert shared is not None
    off = lambda v: _unit(v - (v @ shared) * shared)  # noqa: E731
    stats: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
    for r in rows:
        c = r["centroid"]
        if c is None:
            continue
        cc = off(c)
        for e in r["events"]:
            b, a = e["before"], e["after"]
            if a is None:
                continue
            d_raw = float(_unit(a) @ c - (0 if b is None else _unit(b) @ c))
            d_cen = float(off(a) @ cc - (0 if b is None else off(b) @ cc))
            moved = 1.0 if b is None or float(np.linalg.norm(_unit(a) - _unit(b))) > 1e-6 else 0.0
            stats[e["kind"]].append((d_raw if b is not None else np.nan, d_cen if b is not None else np.nan,
                                     moved, float(off(a) @ cc)))
    print(f"{len(rows)} people; per event: n, share that moved p, mean Δcos(p, taste) raw / centered, "
          "and total centered Δ contributed")
    print(f"{'event':<34}{'n':>6}{'moved':>7}{'Δraw':>9}{'Δcent':>9}{'sum Δc':>9}")
    for kind, vals in sorted(stats.items(), key=lambda kv: -len(kv[1])):
        arr = np.asarray(vals, dtype=np.float64)
        m = arr[:, 2] > 0
        raw = np.nanmean(arr[m, 0]) if m.any() and not np.isnan(arr[m, 0]).all() else np.nan
        cen = np.nanmean(arr[m, 1]) if m.any() and not np.isnan(arr[m, 1]).all() else np.nan
        print(f"{kind:<34}{len(vals):>6}{arr[:, 2].mean():>7.2f}{raw:>9.4f}{cen:>9.4f}{np.nansum(arr[:, 1]):>9.3f}")
    # references
    deps = service.deps
    refs: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        c = r["centroid"]
        if c is None:
            continue
        cc = off(c)
        early = [v for i in r["early_liked"] if (v := deps.item_vector(i)) is not None]
        if early:
            refs["mean of the early likes (centered)"].append(float(off(np.mean(early, axis=0)) @ cc))
        first = [v for i in r["first"] if (v := deps.item_vector(i)) is not None]
        if first:
            refs["mean of the turn-1 list (centered)"].append(float(off(np.mean(first, axis=0)) @ cc))
        ps = [e["after"] for e in r["events"] if e["phase"] == "onboarding" and e["after"] is not None]
        if ps:
            refs["p after onboarding (centered)"].append(float(off(ps[-1]) @ cc))
        po = [e["after"] for e in r["events"] if e["phase"] == "opening" and e["after"] is not None]
        if po:
            refs["p after the opening (centered)"].append(float(off(po[-1]) @ cc))
    print("\nreferences:")
    for k, v in refs.items():
        print(f"  {k:<40} {np.mean(v):.3f}  (n={len(v)})")
    print("\nturn  active  carried raw/cent   active raw/cent   full-length raw/cent")
    logs = [r["log"] for r in rows]
    full = [lg for lg in logs if len(lg.turns) == TURNS and lg.accepted_turn is None]
    for t in range(TURNS):
        act = [lg.turns[t] for lg in logs if len(lg.turns) > t]
        car = [lg.turns[min(t, len(lg.turns) - 1)] for lg in logs if lg.turns]
        fl = [lg.turns[t] for lg in full]

        def m(ts: list[Any], attr: str) -> float:
            vals = [getattr(x, attr) for x in ts if getattr(x, attr) is not None]
            return float(np.mean(vals)) if vals else float("nan")

        print(f"{t + 1:>4}  {len(act):>6}  {m(car, 'cosine'):.3f}/{m(car, 'cosine_centered'):.3f}"
              f"       {m(act, 'cosine'):.3f}/{m(act, 'cosine_centered'):.3f}"
              f"       {m(fl, 'cosine'):.3f}/{m(fl, 'cosine_centered'):.3f} (n={len(fl)})")
    n = len(logs)
    print(f"S@5 {sum(lg.accepted_turn is not None for lg in logs) / n:.3f}")


def main() -> None:
    users, seed = int(sys.argv[1]), int(sys.argv[2])
    alpha = float(sys.argv[3]) if len(sys.argv) > 3 else None
    rows, service = run(users, seed, alpha)
    if len(sys.argv) > 4:  # keep the events for offline what-ifs (other update rules on the same events)
        import pickle

        kept = [{k: v for k, v in r.items() if k != "log"} for r in rows]
        Path(sys.argv[4]).write_bytes(pickle.dumps({"rows": kept, "vectors": np.asarray(service.deps.index.vectors),
                                                   "row_of": dict(service.deps.index.row_of)}))
    report(rows, service)


if __name__ == "__main__":
    main()
