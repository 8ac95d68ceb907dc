"""Validate a fresh preference-extraction set against the catalog and the dev set.

Plain Python on purpose (no chat_rec imports), so the check stays independent of the
parser it is meant to test. Usage::

    python tests/data/extraction/validate_fresh.py [SET.jsonl] [--movies PATH] [--dev PATH]

SET defaults to ``fresh.jsonl``; its tag file is ``SET.tags.jsonl`` and its case ids
are ``ext-<stem>-NNN`` (``fresh2.jsonl`` -> ``ext-fresh2-001``). The other sets in this
folder are checked for near-duplicates too (``--against``), printing only their ids.

Exits 1 and lists every problem when a check fails; prints counts when all pass.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_MOVIES = REPO / "data" / "ml-latest-small" / "movies.csv"
DEFAULT_DEV = REPO.parent / "shared" / "benchmarks" / "extraction" / "dev.jsonl"  # as tests/conftest.py

GENRES = {
    "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary",
    "Drama", "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance",
    "Sci-Fi", "Thriller", "War", "Western",
}
CATEGORIES = {
    "plain_request", "multi_preference", "negation", "double_negative", "ordinal_feedback",
    "descriptive_reference", "typo_lowercase", "article_title", "year_range", "mood_no_genre",
    "small_talk", "prompt_injection", "spanish", "long_rambling", "edge",
}
CASE_KEYS = {"id", "previous_reply", "utterance", "expect"}
REPLY_KEYS = {"text", "recommended"}
REC_KEYS = {"movielens_id", "title"}
EXPECT_KEYS = {
    "liked_ids", "disliked_ids", "liked_genres", "disliked_genres",
    "year_min", "year_max", "wants_new_recommendations",
}
TAG_KEYS = {"id", "category", "tags", "note"}
NEAR_DUPLICATE = 0.8


def load_jsonl(path: Path, errors: list[str]) -> list[dict]:
    """Read one JSON object per line, recording lines that do not parse."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            errors.append(f"{path.name}:{n}: blank line")
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            errors.append(f"{path.name}:{n}: invalid JSON ({exc})")
    return rows


def is_int(v: object) -> bool:
    """True for a real int (bool excluded)."""
    return isinstance(v, int) and not isinstance(v, bool)


def check_case(
    case: dict, titles: dict[int, str], dup_titles: set[str], errors: list[str], prefix: str = "ext-fresh-"
) -> None:
    """Check one case's keys, types, ids, titles, genres and label consistency."""
    cid = case.get("id", "?")
    if set(case) != CASE_KEYS:
        errors.append(f"{cid}: keys {sorted(case)} != {sorted(CASE_KEYS)}")
        return
    if not (isinstance(cid, str) and cid.startswith(prefix) and cid[len(prefix):].isdigit()):
        errors.append(f"{cid}: id must look like {prefix}NNN")
    reply, exp = case["previous_reply"], case["expect"]
    if not isinstance(case["utterance"], str) or not case["utterance"].strip():
        errors.append(f"{cid}: empty utterance")
    if not isinstance(reply, dict) or set(reply) != REPLY_KEYS:
        errors.append(f"{cid}: previous_reply keys wrong")
        return
    if not isinstance(reply["text"], str) or not isinstance(reply["recommended"], list):
        errors.append(f"{cid}: previous_reply types wrong")
        return
    for rec in reply["recommended"]:
        if not isinstance(rec, dict) or set(rec) != REC_KEYS or not is_int(rec["movielens_id"]):
            errors.append(f"{cid}: bad recommended entry {rec}")
            continue
        mid = rec["movielens_id"]
        if mid not in titles:
            errors.append(f"{cid}: recommended id {mid} not in movies.csv")
        elif rec["title"] != titles[mid]:
            errors.append(f"{cid}: recommended title {rec['title']!r} != catalog {titles[mid]!r}")
        elif titles[mid] in dup_titles:
            errors.append(f"{cid}: {titles[mid]!r} is one of the duplicated catalog titles")
    rec_ids = [r.get("movielens_id") for r in reply["recommended"] if isinstance(r, dict)]
    if len(set(rec_ids)) != len(rec_ids):
        errors.append(f"{cid}: recommended list repeats a movie")
    if not isinstance(exp, dict) or set(exp) != EXPECT_KEYS:
        errors.append(f"{cid}: expect keys wrong: {sorted(exp) if isinstance(exp, dict) else exp}")
        return
    for f in ("liked_ids", "disliked_ids"):
        vals = exp[f]
        if not isinstance(vals, list) or not all(is_int(v) for v in vals):
            errors.append(f"{cid}: {f} must be a list of ints")
            continue
        if len(set(vals)) != len(vals):
            errors.append(f"{cid}: {f} has duplicates")
        for v in vals:
            if v not in titles:
                errors.append(f"{cid}: {f} id {v} not in movies.csv")
            elif titles[v] in dup_titles:
                errors.append(f"{cid}: {f} id {v} has a duplicated catalog title")
    for f in ("liked_genres", "disliked_genres"):
        vals = exp[f]
        if not isinstance(vals, list) or not all(isinstance(v, str) for v in vals):
            errors.append(f"{cid}: {f} must be a list of strings")
            continue
        if len(set(vals)) != len(vals):
            errors.append(f"{cid}: {f} has duplicates")
        for v in vals:
            if v not in GENRES:
                errors.append(f"{cid}: {f} {v!r} not in the genre vocabulary")
    for a, b in (("liked_ids", "disliked_ids"), ("liked_genres", "disliked_genres")):
        if isinstance(exp[a], list) and isinstance(exp[b], list):
            both = set(exp[a]) & set(exp[b])
            if both:
                errors.append(f"{cid}: {a} and {b} overlap: {sorted(both)}")
    for f in ("year_min", "year_max"):
        if exp[f] is not None and not is_int(exp[f]):
            errors.append(f"{cid}: {f} must be int or null")
    if is_int(exp["year_min"]) and is_int(exp["year_max"]) and exp["year_min"] > exp["year_max"]:
        errors.append(f"{cid}: year_min > year_max")
    if not isinstance(exp["wants_new_recommendations"], bool):
        errors.append(f"{cid}: wants_new_recommendations must be a boolean")


def norm(text: str) -> str:
    """Lowercase and squeeze whitespace for duplicate checks."""
    return " ".join(text.lower().split())


@cache
def _letters(text: str) -> Counter[str]:
    """The characters of ``text`` with their counts (kept: each utterance is compared with thousands)."""
    return Counter(text)


def near(a: str, b: str) -> bool:
    """Equal, or difflib ratio above NEAR_DUPLICATE. The two upper bounds difflib offers are checked first,
    computed here without building a SequenceMatcher for every pair (the same bounds as its
    ``real_quick_ratio`` and ``quick_ratio``, so the same pairs pass): lengths, then shared characters.
    """
    if a == b:
        return True
    total = len(a) + len(b)
    if 2.0 * min(len(a), len(b)) / total <= NEAR_DUPLICATE:
        return False
    if 2.0 * sum((_letters(a) & _letters(b)).values()) / total <= NEAR_DUPLICATE:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() > NEAR_DUPLICATE


def check_duplicates(cases: list[dict], dev: list[dict], errors: list[str]) -> int:
    """No repeated utterance inside the set; none equal or near-equal to a dev one."""
    seen: dict[str, str] = {}
    for c in cases:
        u = norm(c["utterance"])
        if u in seen:
            errors.append(f"{c['id']}: utterance repeats {seen[u]}")
        seen[u] = c["id"]
    fresh = [(c["id"], norm(c["utterance"])) for c in cases]
    for i, (ida, ua) in enumerate(fresh):
        for idb, ub in fresh[i + 1:]:
            if near(ua, ub):
                errors.append(f"{ida}: near-duplicate of {idb}")
    for d in dev:
        ud = norm(d.get("utterance", ""))
        for cid, u in fresh:
            if near(u, ud):
                # The dev text is deliberately not printed: the set must stay independent.
                errors.append(f"{cid}: equal to or a near-duplicate of dev case {d.get('id')}")
    return len(dev)


def check_against(cases: list[dict], other: list[dict], errors: list[str]) -> None:
    """No utterance equal or near-equal to one of another independent set (ids only)."""
    mine = [(c["id"], norm(c["utterance"])) for c in cases]
    for o in other:
        uo = norm(o.get("utterance", ""))
        for cid, u in mine:
            if near(u, uo):
                errors.append(f"{cid}: equal to or a near-duplicate of {o.get('id')}")


def check_tags(cases: list[dict], tags: list[dict], errors: list[str]) -> None:
    """Tags file: one well-formed line per case, same ids, known category."""
    ids = [c["id"] for c in cases]
    tag_ids = [t.get("id") for t in tags]
    if ids != tag_ids:
        errors.append("tag file ids do not match the set's ids line by line")
    for t in tags:
        if set(t) != TAG_KEYS:
            errors.append(f"tags {t.get('id')}: keys {sorted(t)} != {sorted(TAG_KEYS)}")
            continue
        if t["category"] not in CATEGORIES:
            errors.append(f"tags {t['id']}: unknown category {t['category']!r}")
        if not isinstance(t["tags"], list) or not all(isinstance(x, str) for x in t["tags"]):
            errors.append(f"tags {t['id']}: tags must be a list of strings")
        if not isinstance(t["note"], str):
            errors.append(f"tags {t['id']}: note must be a string")


def report(cases: list[dict], tags: list[dict]) -> None:
    """Print counts per category, the Spanish share and label totals."""
    n = len(cases)
    by_id = {t["id"]: t for t in tags}
    cats = Counter(by_id[c["id"]]["category"] for c in cases if c["id"] in by_id)
    spanish = sum(1 for c in cases if "spanish" in by_id.get(c["id"], {}).get("tags", []))
    print(f"cases: {n}")
    print("per category:")
    for cat, k in sorted(cats.items(), key=lambda kv: -kv[1]):
        sp = sum(1 for c in cases if by_id[c["id"]]["category"] == cat and "spanish" in by_id[c["id"]]["tags"])
        print(f"  {cat:22s} {k:3d}  (spanish {sp})")
    print(f"spanish: {spanish} of {n} ({spanish / n:.0%})")
    e = [c["expect"] for c in cases]

    def tot(f: str) -> str:
        return f"{sum(len(x[f]) for x in e)} in {sum(1 for x in e if x[f])} cases"

    print(f"liked_ids: {tot('liked_ids')}; disliked_ids: {tot('disliked_ids')}")
    print(f"liked_genres: {tot('liked_genres')}; disliked_genres: {tot('disliked_genres')}")
    print(f"year_min set: {sum(x['year_min'] is not None for x in e)}; "
          f"year_max set: {sum(x['year_max'] is not None for x in e)}")
    print(f"wants_new_recommendations true: {sum(x['wants_new_recommendations'] for x in e)} of {n}")
    empty = sum(1 for x in e if not any(x[f] for f in EXPECT_KEYS - {"wants_new_recommendations"})
                and not x["wants_new_recommendations"])
    print(f"all-empty cases: {empty}")
    print(f"cases whose previous reply lists movies: "
          f"{sum(1 for c in cases if c['previous_reply']['recommended'])}")


def set_number(path: Path) -> int:
    """The number of a set ("fresh12.jsonl" -> 12, "fresh.jsonl" -> 1)."""
    digits = "".join(ch for ch in path.name.removesuffix(".jsonl") if ch.isdigit())
    return int(digits) if digits else 1


def main() -> int:
    """Run every check; print problems or the summary."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--movies", type=Path, default=DEFAULT_MOVIES)
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV)
    ap.add_argument("set", nargs="?", type=Path, default=None, help="set to check (default fresh.jsonl)")
    ap.add_argument("--fresh", type=Path, default=HERE / "fresh.jsonl", help="same as SET")
    ap.add_argument("--tags", type=Path, default=None, help="default: SET with .tags.jsonl")
    ap.add_argument("--against", type=Path, action="append", default=None,
                    help="other sets to check for near-duplicates (default: the other sets here)")
    ap.add_argument("--earlier-only", action="store_true",
                    help="by default, only the sets here numbered before SET (checking every set this way compares "
                         "each pair of sets once)")
    args = ap.parse_args()
    if args.set is not None:
        args.fresh = args.set
    if args.tags is None:
        args.tags = args.fresh.with_suffix(".tags.jsonl")
    prefix = f"ext-{args.fresh.name.removesuffix('.jsonl')}-"
    if args.against is None:
        args.against = [p for p in sorted(args.fresh.resolve().parent.glob("*.jsonl"))
                        if not p.name.endswith(".tags.jsonl") and p.resolve() != args.fresh.resolve()
                        and (not args.earlier_only or set_number(p) < set_number(args.fresh))]
    errors: list[str] = []
    with args.movies.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    titles = {int(r["movieId"]): r["title"] for r in rows}
    counts = Counter(r["title"] for r in rows)
    dup_titles = {t for t, k in counts.items() if k > 1}
    cases = load_jsonl(args.fresh, errors)
    tags = load_jsonl(args.tags, errors)
    ids = [c.get("id") for c in cases]
    if len(set(ids)) != len(ids):
        errors.append("duplicate case ids")
    for case in cases:
        check_case(case, titles, dup_titles, errors, prefix)
    if errors:  # later checks assume well-formed cases
        print("\n".join(errors))
        return 1
    if args.dev.exists():
        n_dev = check_duplicates(cases, load_jsonl(args.dev, errors), errors)
        print(f"compared against {n_dev} dev utterances (ratio > {NEAR_DUPLICATE} = near-duplicate)")
    else:
        check_duplicates(cases, [], errors)
        print(f"WARNING: {args.dev} not found; dev near-duplicate check skipped")
    for other in args.against:
        check_against(cases, load_jsonl(other, errors), errors)
        print(f"compared against {other.name} (ids only)")
    check_tags(cases, tags, errors)
    if errors:
        print("\n".join(errors))
        return 1
    report(cases, tags)
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
