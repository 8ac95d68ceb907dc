"""How often the title resolver finds a popular film written the way people type it.

The catalog's most-rated films (``--top`` from ``--offset``) are put into invented English and
Spanish frames as written (exact, with the year), lowercased, with one typo (a letter dropped,
doubled, swapped with the next or replaced by a keyboard neighbour, in one word of five letters or
more), lowercased with a typo, without a leading article, and without the subtitle. For each kind
it prints the share of sentences where the film is found and the share where another film is
found too (a wrong mention the person never made). Seeded; nothing here is a test.

    PYTHONPATH=$PWD .venv/bin/python scripts/resolver_variants.py [--top 600] [--offset 0] [--show KIND]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter

from chat_rec.catalog.loaders import load_catalog
from chat_rec.catalog.models import Item
from chat_rec.config import get_settings
from chat_rec.understanding.resolver import TitleResolver

FRAMES = ("I really loved {t} when I saw it.", "{t} was so boring honestly", "got anything like {t}?",
          "me encantó {t}, la verdad", "Vi {t} ayer y me aburrió un montón", "my fave is probably {t}",
          "not a fan of {t} tbh")
ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def neighbour(c: str) -> str:
    """A key next to ``c`` on the same keyboard row (``c`` itself when it is no letter)."""
    for row in ROWS:
        if c in row:
            j = row.index(c)
            return row[j - 1] if j > 0 else row[j + 1]
    return c


def typo(title: str, rng: random.Random) -> str | None:
    """``title`` with one edit inside one word of five letters or more (None when there is none)."""
    words = title.split()
    long_words = [k for k, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not long_words:
        return None
    k = rng.choice(long_words)
    w = words[k]
    j = rng.randrange(1, len(w) - 1)
    op = rng.randrange(4)
    words[k] = (w[:j] + w[j + 1:], w[:j] + neighbour(w[j].lower()) + w[j + 1:], w[:j] + w[j + 1] + w[j] + w[j + 2:],
                w[:j] + w[j] + w[j:])[op]
    return " ".join(words)


def variants(item: Item, rng: random.Random) -> dict[str, str]:
    """The ways of writing ``item``'s title that this script measures."""
    title = item.title
    out = {"exact": title, "lower": title.lower()}
    misspelt = typo(title, rng)
    if misspelt:
        out["typo"] = misspelt
        out["lower+typo"] = misspelt.lower()
    if m := re.match(r"^(?:The|A|An) (.+)$", title):
        out["no_article"] = m.group(1).lower()
    if ":" in title:
        out["no_subtitle"] = title.split(":")[0]
    if item.year:
        out["with_year"] = f"{title} ({item.year})"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--top", type=int, default=600)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", help="print the sentences of this kind that were missed or misread")
    args = parser.parse_args()
    catalog = load_catalog(get_settings().catalog_dir)
    resolver = TitleResolver(catalog)
    rng = random.Random(args.seed)
    films = sorted(catalog, key=lambda it: (-it.popularity, it.item_id))[args.offset:args.offset + args.top]
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for item in films:
        for kind, title in variants(item, rng).items():
            text = rng.choice(FRAMES).format(t=title)
            ids = [m.item_id for m in resolver.find_in_text(text)]
            total[kind] += 1
            found[kind] += item.item_id in ids
            other[kind] += any(i != item.item_id for i in ids)
            if kind == args.show and (item.item_id not in ids or len(set(ids)) > 1):
                print(f"{text!r} -> {[lab.label for i in ids if (lab := catalog.get(i))]}")
    print(f"films {args.offset}..{args.offset + len(films)} by ratings, seed {args.seed}")
    print(f"{'kind':12} {'n':>5} {'found':>6} {'other film':>10}")
    for kind in total:
        print(f"{kind:12} {total[kind]:5} {found[kind] / total[kind]:6.3f} {other[kind] / total[kind]:10.3f}")


if __name__ == "__main__":
    main()
