"""How the app reads who watches and which films "more like" means, on tests/data/requests/*.jsonl.

    python scripts/requests_probe.py [--show]

* audience: a message is read as labelled when the audience mood (``understanding.audience.AUDIENCE``)
  or a Children genre the parser reads is liked for ``asked``, disliked for ``ruled_out``, neither for
  ``none``;
* likeness: ``own_mentions.asked_like_films`` against the titles labelled (each resolved alone, or
  as the film the message names whose title it is): exact messages, films right, wrong and missed.

``--show`` prints the messages read otherwise. Needs the bundled catalog and its index (as the app).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "requests"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true", help="print the messages read otherwise")
    args = parser.parse_args()
    from chat_rec.cli import service_for

    deps = service_for(argparse.Namespace(catalog=None, overviews=None, llm="scripted", verbose=0)).deps
    for path in sorted(DATA.glob("audience*.jsonl")):
        audience(path, deps, args.show)
    for path in sorted(DATA.glob("likeness*.jsonl")):
        likeness(path, deps, args.show)
    return 0


def audience(path: Path, deps: Any, show: bool) -> None:
    from chat_rec.understanding.aspects import with_fallback_aspects
    from chat_rec.understanding.audience import AUDIENCE_TERM

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    right = 0
    for row in rows:
        signal = with_fallback_aspects(deps.extractor.extract(row["text"]), row["text"], deps.aspects, deps.resolver)
        read = ("asked" if AUDIENCE_TERM in signal.liked_aspects or "Children" in signal.liked_genres
                else "ruled_out" if AUDIENCE_TERM in signal.disliked_aspects or "Children" in signal.disliked_genres
                else "none")
        right += read == row["audience"]
        if show and read != row["audience"]:
            print(f"audience {row['id']}: labelled {row['audience']}, read {read}: {row['text']}")
    print(f"{path.name}: {right} of {len(rows)} read as labelled ({right / len(rows):.3f})")


def likeness(path: Path, deps: Any, show: bool) -> None:
    from chat_rec.catalog.titles import fold
    from chat_rec.understanding.own_mentions import asked_like_films

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    exact = good = wrong = missed = 0
    for row in rows:
        named = deps.resolver.find_in_text(row["text"])
        gold: set[object] = set()
        for title in row["like"]:
            alone = [m.item_id for m in deps.resolver.find_in_text(title)]
            inside = [m.item_id for m in named if fold(title) in fold(m.text) or fold(m.text) in fold(title)]
            gold.add((alone or inside or [title])[0])
        signal = deps.extractor.extract(row["text"])
        got = set(asked_like_films(row["text"], deps.resolver, disliked=signal.disliked_ids, liked=signal.liked_ids))
        exact += got == gold
        good, wrong, missed = good + len(got & gold), wrong + len(got - gold), missed + len(gold - got)
        if show and got != gold:
            print(f"likeness {row['id']}: labelled {row['like']}, read {sorted(got)}: {row['text']}")
    print(f"{path.name}: {exact} of {len(rows)} exact; films right {good}, wrong {wrong}, missed {missed}")


if __name__ == "__main__":
    sys.exit(main())
