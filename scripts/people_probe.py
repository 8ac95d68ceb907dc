"""Requests for a person's films, through the app itself: does the person steer the picks, and is a
person the catalog does not know said so?

Forty well-known directors and actors, written from general knowledge before the catalog's tags were
looked at (twenty-third round, docs/benchmarks.md), each in one of four request frames (English and
Spanish), each as a new user's first request after "skip"; then (twenty-fourth round) twenty
requests naming two people each, and twenty with the name opening the message. Two numbers per pass:

* **person-tagged films in the top 5**, over the names some catalog tag holds, out of what is
  reachable (``min(5, films with those tags)`` per request);
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
PAIR_FRAMES = ["films by {} or {}", "something starring {} and {}", "pelis de {} o {}"]
"""Twenty-fourth round: two people in one request, the director of the first half with the actor
of the second (``NAMES[k]`` and ``NAMES[k + 20]``)."""
OPENING_FRAMES = ["{} films, please", "{} movies?"]
"""Twenty-fourth round: the name opens the message."""
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
    requests = [[name] for name in NAMES]
    texts = [FRAMES[k % len(FRAMES)].format(name) for k, name in enumerate(NAMES)]
    half = len(NAMES) // 2
    pairs = [[NAMES[k], NAMES[k + half]] for k in range(half)]
    requests += pairs + [[name] for name in NAMES[::2]]
    texts += [PAIR_FRAMES[k % len(PAIR_FRAMES)].format(*pair) for k, pair in enumerate(pairs)]
    texts += [OPENING_FRAMES[k % len(OPENING_FRAMES)].format(name) for k, name in enumerate(NAMES[::2])]
    passes = [("one name", 0, len(NAMES)), ("two names", len(NAMES), len(NAMES) + half),
              ("a name opening the message", len(NAMES) + half, len(texts))]
    rows = []
    for names, text in zip(requests, texts, strict=True):
        user = f"people-probe-{uuid.uuid4().hex[:8]}"
        service.start(user)
        service.send_sync(user, "skip")
        result = service.send_sync(user, text)
        ids = [i.item_id for i in result.items][:5]
        keys = [fold(name) for name in names]
        known = [key in tagged for key in keys]
        carried = sum(bool(set(keys) & {fold(t) for t in item.all_tags})
                      for i in ids if (item := catalog.get(i)) is not None)
        reachable = min(5, sum(tagged.get(key, 0) for key in keys))
        noted = [name in result.reply and any(phrase in result.reply for phrase in UNKNOWN) for name in names]
        rows.append({"names": names, "text": text, "in_tags": known, "carried": carried, "reachable": reachable,
                     "noted": noted, "picks": [catalog.get(i).label for i in ids if catalog.get(i) is not None]})
    if args.json:
        print(json.dumps(rows, indent=1, ensure_ascii=False))
    for title, lo, hi in passes:
        part = rows[lo:hi]
        hits, reachable = sum(r["carried"] for r in part), sum(r["reachable"] for r in part)
        flags = [(k, n) for r in part for k, n in zip(r["in_tags"], r["noted"], strict=True)]
        n_known = sum(k for k, _ in flags)
        print(f"-- {title}: {len(part)} requests, {len(flags)} names, {n_known} in the tags")
        print(f"person-tagged films in the top 5: {hits} / {reachable} reachable ({hits / max(1, reachable):.2f})")
        print(f"'I don't know' said: {sum(n for k, n in flags if not k)} / {len(flags) - n_known} unknown names, "
              f"{sum(n for k, n in flags if k)} / {n_known} known names (should be 0)")


if __name__ == "__main__":
    main()
