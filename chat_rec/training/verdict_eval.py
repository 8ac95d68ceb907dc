"""What the learned verdict is validated and tested on besides ReDial: benchmark cases, idiom frames.

``candidates`` collects, from labelled extraction cases, the mentions the rules leave neutral
(exactly what the fallback would judge) with their gold verdict; the threshold is chosen on them.
``frames_as_cases`` turns held-out verdict frames into extraction cases (one catalog title
each), so parser alone and parser + learned verdict are scored the way the benchmark scores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from chat_rec.eval.extraction import previous_items_of
from chat_rec.understanding.parser import parse_detailed
from chat_rec.understanding.resolver import TitleResolver
from chat_rec.understanding.verdict import clauses_for, neutral_mentions

FRAME_TITLES = ("The Matrix", "Toy Story", "Jurassic Park", "Titanic", "Forrest Gump", "The Lion King")
"""Well-known catalog titles the frames are filled with, in turn."""


def candidates(cases: Iterable[Mapping[str, Any]], resolver: TitleResolver) -> list[tuple[str, str]]:
    """(clause, gold verdict) for every mention the parser leaves neutral in ``cases``."""
    out = []
    for case in cases:
        items = previous_items_of(case, resolver.catalog)
        result = parse_detailed(case["utterance"], items, resolver)
        expect = case["expect"]
        for item_id in neutral_mentions(result.signal, result.spans, result.settled):
            gold = "like" if item_id in expect["liked_ids"] else "dislike" if item_id in expect[
                "disliked_ids"] else "none"
            out.append((clauses_for(result.text, result.spans, item_id), gold))
    return out


def read_frames(path: Path) -> list[tuple[str, str, str]]:
    """(label, language, text with {X}) rows of a frames file."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, lang, text = line.split("\t")
            rows.append((label, lang, text))
    return rows


def frames_as_cases(path: Path, resolver: TitleResolver, titles: Sequence[str] = FRAME_TITLES,
                    language: str | None = None) -> list[dict[str, Any]]:
    """Held-out frames as extraction cases (first letter capitalised, one title each in turn)."""
    ids = [(t, resolver.resolve(t)) for t in titles]
    ids = [(t, i) for t, i in ids if i is not None]
    cases = []
    for n, (label, lang, text) in enumerate(read_frames(path)):
        if language and lang != language:
            continue
        title, item_id = ids[n % len(ids)]
        utterance = text.replace("{X}", title)
        utterance = utterance[0].upper() + utterance[1:]
        cases.append({"id": f"frame-{n + 1}", "utterance": utterance, "previous_reply": {"text": "", "recommended": []},
                      "expect": {"liked_ids": [item_id] if label == "like" else [],
                                 "disliked_ids": [item_id] if label == "dislike" else [],
                                 "liked_genres": [], "disliked_genres": [], "year_min": None, "year_max": None,
                                 "wants_new_recommendations": False}})
    return cases
