"""How often the title resolver finds a misspelt title, and how often it finds titles nobody typed.

Two numbers, both from data rather than from sentences read in a benchmark set (issue #10):

* **recall on generated typos**: the most-rated films of ml-latest-small, each title misspelt by
  one or two random edits of the kinds people make (a letter dropped, doubled, swapped with its
  neighbour, replaced by a keyboard neighbour or by a sound-alike spelling), lowercased, put in
  everyday sentence frames; a hit is the right film among the resolver's mentions;
* **false mentions in real chat text**: the seeker and recommender messages of ReDial's 500
  training dialogues with every annotated movie mention (``@123``) removed; every inexact
  (fuzzy) mention found there is counted — most of them name nothing.

    python scripts/typo_probe.py [--films 300] [--seed 0] [--dialogues ../shared/data/redial-train]

Deterministic for a given seed. Run it before and after a change to the resolver and compare.
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import random
import re
import sys
from pathlib import Path

KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
SOUNDS = [("ph", "f"), ("ck", "k"), ("tion", "shun"), ("tion", "sion"), ("ee", "ea"), ("ea", "ee"),
          ("y", "i"), ("i", "y"), ("c", "k"), ("s", "z"), ("ou", "u"), ("er", "ar"), ("or", "er")]
FRAMES = ["i loved {t}", "{t} was amazing", "my favorite movie is {t}", "didnt like {t} at all",
          "{t} is so overrated", "something like {t} please", "just watched {t} and loved it",
          "{t} was boring tbh", "anything similar to {t}?", "me and my wife love {t}"]


def _neighbours(ch: str) -> str:
    for row in KEYBOARD:
        k = row.find(ch)
        if k >= 0:
            return row[max(0, k - 1):k] + row[k + 1:k + 2]
    return ""


def misspell(word: str, rng: random.Random) -> str:
    """One edit of a kind people make."""
    kind = rng.choice(["drop", "double", "swap", "key", "sound"])
    k = rng.randrange(1, len(word))  # the first letter is rarely wrong
    if kind == "drop":
        return word[:k] + word[k + 1:]
    if kind == "double":
        return word[:k] + word[k] + word[k:]
    if kind == "swap" and k + 1 < len(word):
        return word[:k] + word[k + 1] + word[k] + word[k + 2:]
    if kind == "key" and _neighbours(word[k]):
        return word[:k] + rng.choice(_neighbours(word[k])) + word[k + 1:]
    options = [(a, b) for a, b in SOUNDS if a in word[1:]]
    if options:
        a, b = rng.choice(options)
        at = word.index(a, 1)
        return word[:at] + b + word[at + len(a):]
    return word[:k] + word[k + 1:]


def natural(raw: str) -> str:
    """'Shawshank Redemption, The (1994)' -> 'the shawshank redemption' (first name only)."""
    title = re.sub(r"\s*\(\d{4}\)\s*$", "", raw)
    title = re.sub(r"\s*\((?:a\.k\.a\. )?[^)]*\)", "", title)
    m = re.match(r"^(.*), (The|A|An)$", title)
    if m:
        title = f"{m.group(2)} {m.group(1)}"
    return title.lower()


def typo_cases(movies: Path, ratings: Path, films: int, rng: random.Random) -> list[tuple[str, int, int]]:
    counts = collections.Counter(r["movieId"] for r in csv.DictReader(ratings.open()))
    titles = {r["movieId"]: r["title"] for r in csv.DictReader(movies.open())}
    names = collections.Counter(natural(t) for t in titles.values())
    cases = []
    for movie_id, _ in counts.most_common(films):
        name = natural(titles[movie_id])
        words = name.split()
        long_words = [k for k, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        if names[name] > 1 or not long_words:
            continue  # a remake's bare title names two films: no single right answer
        for edits in (1, 2):
            typed = list(words)
            for _ in range(edits):
                k = rng.choice(long_words)
                typed[k] = misspell(typed[k], rng)
            text = " ".join(typed)
            if text == name:
                continue
            cases.append((rng.choice(FRAMES).format(t=text), int(movie_id), edits))
    return cases


def chat_lines(folder: Path) -> list[str]:
    lines = []
    for row in (json.loads(line) for line in (folder / "train_dialogues_500.jsonl").open()):
        for message in row["messages"]:
            text = re.sub(r"@\d+", " ", message["text"]).strip()
            if len(text.split()) >= 3:
                lines.append(text)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--films", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--catalog", default="data/ml-latest-small")
    parser.add_argument("--dialogues", default="../shared/data/redial-train")
    parser.add_argument("--show", type=int, default=0, help="print this many misses and false mentions")
    args = parser.parse_args(argv)

    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.understanding.resolver import TitleResolver

    catalog_dir = Path(args.catalog)
    resolver = TitleResolver(load_catalog(catalog_dir))
    rng = random.Random(args.seed)
    cases = typo_cases(catalog_dir / "movies.csv", catalog_dir / "ratings.csv", args.films, rng)
    found = collections.Counter()
    total = collections.Counter()
    misses = []
    for text, movie_id, edits in cases:
        ids = {m.item_id for m in resolver.find_in_text(text)}
        total[edits] += 1
        found[edits] += movie_id in ids
        if movie_id not in ids:
            misses.append(text)
    for edits in sorted(total):
        print(f"generated typos, {edits} edit(s): {found[edits]}/{total[edits]} found "
              f"({found[edits] / total[edits]:.3f})")
    folder = Path(args.dialogues)
    false = []
    if (folder / "train_dialogues_500.jsonl").exists():
        lines = chat_lines(folder)
        exact = 0
        for text in lines:
            for m in resolver.find_in_text(text):
                if m.score < 100:
                    false.append(f"{text!r} -> {resolver.catalog.get(m.item_id).title} ({m.text!r})")
                else:
                    exact += 1
        print(f"ReDial chat lines without their annotated mentions: {len(lines)}; inexact (fuzzy) mentions "
              f"{len(false)}; exact title mentions {exact}")
    else:
        print(f"no {folder}/train_dialogues_500.jsonl: false mentions not measured", file=sys.stderr)
    for line in misses[:args.show]:
        print("miss:", line)
    for line in false[:args.show]:
        print("fuzzy:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
