"""Requests for a person's films, through the app itself: does the person steer the picks, and is a
person the catalog does not know said so?

Forty well-known directors and actors, written from general knowledge before the catalog's tags were
looked at (twenty-third round, docs/benchmarks.md), each in one of four request frames (English and
Spanish), each as a new user's first request after "skip". Two numbers:

* **person-tagged films in the top 5**, over the names some catalog tag holds, out of what is
  reachable (``min(5, films with that tag)`` per name);
* **"I don't know …" said**: for the names no tag holds (it should be), and for those one holds
  (it should not be).

    python scripts/people_probe.py [--llm scripted] [--json]

Deterministic with ``--llm scripted`` (the default): the language model writes no intro.
"""

from __future__ import annotations

import argparse
import json
import uuid

NAMES = [
    "Steven Spielberg", "Martin Scorsese", "Christopher Nolan", "Quentin Tarantino", "Stanley Kubrick",
    "Alfred Hitchcock", "Ridley Scott", "James Cameron", "Tim Burton", "Wes Anderson", "David Fincher",
    "Denis Villeneuve", "Greta Gerwig", "Guillermo del Toro", "Hayao Miyazaki", "Peter Jackson", "Woody Allen",
    "Clint Eastwood", "Pedro Almodóvar", "Sofia Coppola",
    "Tom Hanks", "Leonardo DiCaprio", "Meryl Streep", "Brad Pitt", "Johnny Depp", "Will Ferrell", "Jim Carrey",
    "Keanu Reeves", "Morgan Freeman", "Robin Williams", "Bill Murray", "Scarlett Johansson", "Tom Cruise",
    "Denzel Washington", "Nicolas Cage", "Julia Roberts", "Adam Sandler", "Harrison Ford",
    "Arnold Schwarzenegger", "Emma Stone",
]
FRAMES = ["I'd like something by {}", "a movie starring {} please", "any good {} films?", "algo con {}, porfa"]
UNKNOWN = ("I don't know any films by or with", "No conozco películas de o con")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--llm", default="scripted", choices=["scripted", "none", "default"])
    parser.add_argument("--json", action="store_true", help="print every request's picks and reply as JSON")
    args = parser.parse_args()

    from chat_rec.catalog.titles import fold
    from chat_rec.service import ChatService

    service = ChatService.create(progress=False, llm=None if args.llm == "default" else args.llm)
    catalog = service.deps.catalog
    tagged: dict[str, int] = {}
    for item in catalog:
        for tag in {fold(t) for t in item.all_tags}:
            tagged[tag] = tagged.get(tag, 0) + 1
    rows, hits, reachable = [], 0, 0
    said = {"known": 0, "unknown": 0}
    for k, name in enumerate(NAMES):
        text = FRAMES[k % len(FRAMES)].format(name)
        user = f"people-probe-{uuid.uuid4().hex[:8]}"
        service.start(user)
        service.send_sync(user, "skip")
        result = service.send_sync(user, text)
        ids = [i.item_id for i in result.items][:5]
        key = fold(name)
        known = key in tagged
        carried = sum(key in {fold(t) for t in item.all_tags} for i in ids if (item := catalog.get(i)) is not None)
        if known:
            hits += carried
            reachable += min(5, tagged[key])
        noted = any(phrase in result.reply for phrase in UNKNOWN)
        said["known" if known else "unknown"] += noted
        rows.append({"name": name, "text": text, "in_tags": known, "carried": carried, "noted": noted,
                     "picks": [catalog.get(i).label for i in ids if catalog.get(i) is not None]})
    n_known = sum(r["in_tags"] for r in rows)
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    print(f"names in the tags: {n_known} / {len(rows)}")
    print(f"person-tagged films in the top 5: {hits} / {reachable} reachable ({hits / max(1, reachable):.2f})")
    print(f"'I don't know' said: {said['unknown']} / {len(rows) - n_known} unknown names, "
          f"{said['known']} / {n_known} known names (should be 0)")


if __name__ == "__main__":
    main()
