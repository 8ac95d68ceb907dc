"""Why does a simulated conversation find what it finds? Diagnostics behind docs/benchmarks.md (issue 12).

Usage: PYTHONPATH=. python scripts/sim_diagnose.py USERS SEED [OUT.json]

Runs the rule-based simulator's people through the real service (as `chat-rec eval simulate`,
main setting, `--llm none`) and, for each person, the same opening's deep ranking (35 items, as
the paged baselines). Prints: where each turn's cards sit in that first ranking and how often the
next page of it would have hit; which kind of reaction each list answered and its hit rate;
cards shown twice; how close the picks after a 👍 are to the liked card; and reference cosines to
the hidden taste's centroid (the catalog mean, random movies, one liked movie) that say what
cos(p, taste) can mean in this embedding space.
"""

from __future__ import annotations

import atexit
import json
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

DEPTH = 35
TURNS = 5


class Recorded(sim.Conversation):
    """A conversation that also keeps every call's signal and cards."""

    def say(self, text: str, direct_year: bool = False) -> Any:
        r = super().say(text, direct_year)
        self.calls_log.append({"kind": "say", "items": [i.item_id for i in r.items], "turn": len(self.log.turns),
                               "signal": {k: v for k, v in r.signal.items() if v}})
        return r

    def click(self, item_id: int, kind: str) -> Any:
        r = super().click(item_id, kind)
        self.calls_log.append({"kind": kind, "item": item_id, "items": [i.item_id for i in r.items],
                               "turn": len(self.log.turns)})
        return r


def run(users: int, seed: int) -> tuple[list[dict[str, Any]], ChatService]:
    base = get_settings()
    home = tempfile.mkdtemp(prefix="chat-rec-diag-")  # fresh users; removed when the script exits
    atexit.register(shutil.rmtree, home, True)
    settings = base.model_copy(update={"catalog_dir": Path("data/ml-latest-small"), "rate_limit_per_minute": 0,
                                       "home": Path(home), "database_url": None, "index_dir": base.chroma_dir,
                                       "models_root": base.models_dir, "llm": "none"})
    settings.ensure_home()
    catalog = load_catalog(settings.catalog_dir, progress=False)
    people = build_people(catalog, users, seed)
    service = ChatService.create(settings, progress=False, catalog=holdout_catalog(catalog, people))
    voice = RuleVoice(service.deps.catalog)
    config = sim.SimConfig("main", settings.alpha)
    deep = service.variant(top_k=DEPTH)
    rows = []
    for person in people:
        rng = sim._rng(seed, person)
        onboarding, opening = voice.onboarding(person, rng), voice.opening(person, rng)
        convo = Recorded(service, person, config, voice, rng, sim.taste_centroid(service, person),
                         f"diag-{person.source_user}")
        convo.calls_log = []  # type: ignore[attr-defined]
        log = convo.run(TURNS, onboarding, opening)
        rng = sim._rng(seed, person)
        onboarding, opening = voice.onboarding(person, rng), voice.opening(person, rng)
        first = sim.Conversation(service, person, config, voice, rng, None, f"diag-first-{person.source_user}")
        first.onboard(onboarding)
        first.svc = deep
        first.stated.add(opening)
        first._ask(opening, direct_year=True)
        rows.append({"user": person.source_user, "liked": list(person.liked), "ranking": list(first.shown),
                     "early_liked": [i for i, r in person.early.items() if r >= 4],
                     "turns": [{"items": t.items, "seen": t.seen, "accepted": t.accepted} for t in log.turns],
                     "calls": convo.calls_log})  # type: ignore[attr-defined]
    return rows, service


def _kind(call: dict[str, Any]) -> str:
    if call["kind"] != "say":
        return "button " + call["kind"]
    s = call["signal"]
    if s.get("liked_genres"):
        return "genre liked + asks for new" if s.get("wants_new_recommendations") else "genre liked (steer)"
    for key, label in (("liked_ids", "card liked in words"), ("disliked_ids", "card disliked in words"),
                       ("disliked_genres", "genre disliked"), ("liked_aspects", "mood")):
        if s.get(key):
            return label
    return "only 'more'" if s.get("wants_new_recommendations") else "empty signal"


def report(rows: list[dict[str, Any]], service: ChatService) -> None:
    n = len(rows)
    print(f"{n} people; S@{TURNS} {sum(any(t['accepted'] for t in r['turns']) for r in rows) / n:.3f}")
    print("\nturn  active  accept  next page of the first ranking (7 cards) hits  cards outside its top 35")
    for t in range(1, TURNS + 1):
        active = [r for r in rows if len(r["turns"]) >= t]
        if not active:
            break
        accept = np.mean([r["turns"][t - 1]["accepted"] for r in active])
        page = np.mean([bool(set(r["ranking"][7 * (t - 1): 7 * t]) & set(r["liked"])) for r in active])
        cards = [i for r in active for i in set(r["turns"][t - 1]["seen"])]
        outside = np.mean([i not in set(r["ranking"]) for r in active for i in set(r["turns"][t - 1]["seen"])])
        print(f"{t:>4}  {len(active):>6}  {accept:>6.3f}  {page:>45.3f}  {outside:>24.2f} of {len(cards)}")
    stats: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    shown_twice = shown = 0
    for r in rows:
        before: set[int] = set()
        for call in r["calls"]:
            if not call["items"]:
                continue
            shown += len(call["items"])
            shown_twice += len(set(call["items"]) & before)
            before |= set(call["items"])
            if call["turn"] >= 1:
                st = stats[_kind(call)]
                st[0] += 1
                st[1] += bool(set(call["items"]) & set(r["liked"]))
    print("\nlists after turn 1, by what they answered: calls, share with a target")
    for kind, (calls, hits) in sorted(stats.items(), key=lambda kv: -kv[1][0]):
        print(f"  {kind:<28} {calls:>5}  {hits / calls:.3f}")
    print(f"\ncards shown {shown}, shown twice {shown_twice}")
    deps = service.deps
    vectors = np.asarray(deps.index.vectors, dtype=np.float64)
    after, beside, ranks = [], [], []
    for r in rows:
        previous = r["turns"][0]["items"]
        for call in r["calls"]:
            if call["kind"] == "like" and call["items"]:
                liked = np.asarray(deps.item_vector(call["item"]), dtype=np.float64)
                sims = vectors @ liked
                after.append(np.mean([sims[deps.index.row_of[i]] for i in call["items"]]))
                beside.append(np.mean([sims[deps.index.row_of[i]] for i in previous if i != call["item"]]))
                ranks.append(np.mean([(sims > sims[deps.index.row_of[i]]).sum() for i in call["items"]]))
            if call["items"]:
                previous = call["items"]
    if after:
        print(f"after a 👍 ({len(after)}): the next picks' mean cosine to the liked card {np.mean(after):.3f}, "
              f"the list it was on {np.mean(beside):.3f}; median similarity rank {np.median(ranks):.0f} "
              f"of {len(vectors)}")
    unit = lambda v: v / np.linalg.norm(v)  # noqa: E731
    mean = unit(vectors.mean(axis=0))
    rng = np.random.default_rng(0)
    refs: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        liked = np.asarray([deps.item_vector(i) for i in r["liked"]], dtype=np.float64)
        c = unit(liked.mean(axis=0))
        first = np.asarray([deps.item_vector(i) for i in r["turns"][0]["items"]], dtype=np.float64)
        refs["the catalog's mean"].append(float(c @ mean))
        refs["as many random movies' mean"].append(
            float(c @ unit(vectors[rng.choice(len(vectors), len(liked))].mean(axis=0))))
        refs["one liked movie"].append(float(np.mean([c @ unit(v) for v in liked])))
        refs["the first list's mean"].append(float(c @ unit(first.mean(axis=0))))
    print("\nraw cosine to the hidden taste's centroid of:")
    for k, v in refs.items():
        print(f"  {k:<32} {np.mean(v):.3f}")


def main() -> None:
    users, seed = int(sys.argv[1]), int(sys.argv[2])
    rows, service = run(users, seed)
    if len(sys.argv) > 3:
        Path(sys.argv[3]).write_text(json.dumps(rows))
    report(rows, service)


if __name__ == "__main__":
    main()
