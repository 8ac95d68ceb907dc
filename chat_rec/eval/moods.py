"""How much moods move the list: invented mood requests scored by the tags their picks carry.

Each query is one user message ("a dark, slow-burn mystery") with a relevance rule written from
the catalog's tag vocabulary: an item counts when one of its tags or keywords contains one of the
query's ``terms`` (whole words) or it has one of its ``genres``. With ``avoid: true`` the rule
counts items that carry none of the terms (a negated mood). ``before`` lists earlier messages
(likes of another kind, say) replayed ahead of the request and of its plain form. Each message runs through the CRS
engine (the app's parser, retrieval and ranking) three ways: as written, as written with no
aspect index (the ranking before moods), and the ``plain`` request with no mood at all.
Reported: the share of the top k that the rule accepts, and how many of the top k the mood moved.
Tags cover a sixth of ml-latest-small, so an untagged dark film counts as a miss: the shares are
lower bounds, comparable between the three runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from chat_rec.catalog.aspects import item_terms
from chat_rec.catalog.models import Item
from chat_rec.catalog.titles import fold
from chat_rec.errors import ChatRecError, DataFileError

K = 5
"""Top-k shown to the user, and scored."""


def load_mood_queries(path: Path | str) -> list[dict[str, Any]]:
    """Read a mood query file: a YAML list of {id, text, plain, terms, genres, avoid, before}."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"Mood query file {path} could not be read ({exc}).") from exc
    if not isinstance(data, list) or not all(isinstance(q, dict) and {"id", "text"} <= set(q) for q in data):
        raise DataFileError(f"Mood query file {path} must be a YAML list of mappings with id and text.")
    for q in data:
        before = q.get("before") or []
        if not isinstance(before, list) or not all(isinstance(t, str) for t in before):
            raise DataFileError(f"Mood query {q['id']} in {path}: before must be a list of messages.")
    return data


def relevant(item: Item, query: Mapping[str, Any]) -> bool:
    """Whether the query's rule accepts the item (see the module doc)."""
    words = [f" {fold(t)} " for t in query.get("terms", ())]
    carried = [f" {t} " for t in item_terms(item)]
    hit = any(w in c for w in words for c in carried)
    hit = hit or bool(set(query.get("genres", ())) & set(item.genres))
    return not hit if query.get("avoid") else hit


def _share(catalog: Any, ids: Sequence[int], query: Mapping[str, Any]) -> float:
    """The share of ``ids`` the query's rule accepts (``relevant``)."""
    items = [catalog.get(i) for i in ids]
    return sum(relevant(i, query) for i in items if i is not None) / max(1, len(ids))


BETWEEN = "Here are a few picks."
"""The recommender's reply replayed after each earlier message of a query's ``before``."""


def _case(query: Mapping[str, Any], text: str) -> dict[str, Any]:
    """The dialogue replayed for a query: its ``before`` messages (each answered), then ``text``."""
    turns: list[dict[str, str]] = []
    for earlier in query.get("before") or ():
        turns += [{"role": "user", "text": str(earlier)}, {"role": "assistant", "text": BETWEEN}]
    turns.append({"role": "user", "text": text})
    return {"id": " / ".join(t["text"] for t in turns), "turns": turns, "targets": []}


def _top(engine: Any, case: Mapping[str, Any], k: int) -> list[int]:
    return list(engine.recommend(case, depth=k))


def run_mood_bench(engine: Any, queries: Sequence[Mapping[str, Any]], k: int = K) -> dict[str, Any]:
    """Score every query with moods on, moods off (no aspect index) and the plain request."""
    ranker = engine.ranker
    aspects, pull = ranker.aspects, engine.aspect_pull
    rows = []
    for q in queries:
        case = _case(q, q["text"])
        on = _top(engine, case, k)
        ranker.aspects, engine.aspect_pull = None, False
        try:
            off = _top(engine, case, k)
            plain = _top(engine, _case(q, q.get("plain") or "recommend me a movie"), k)
        finally:
            ranker.aspects, engine.aspect_pull = aspects, pull
        state = engine.replay(case)

        def share(ids: Sequence[int], query: Mapping[str, Any] = q) -> float:
            return _share(engine.catalog, ids, query)

        rows.append({
            "id": q["id"], "text": q["text"],
            "aspects": [*state.liked_aspects, *(f"-{a}" for a in state.disliked_aspects)],
            "on": share(on), "off": share(off), "plain": share(plain),
            "moved": len(set(on) - set(off)) / max(1, len(on)),
            "top": [engine.catalog.get(i).label for i in on if engine.catalog.get(i) is not None],
        })
    n = max(1, len(rows))
    mean = {key: sum(r[key] for r in rows) / n for key in ("on", "off", "plain", "moved")}
    return {"k": k, "queries": len(rows), "mean": mean, "rows": rows, "ms": _timings(engine, queries)}


def _checked(result: Any) -> Any:
    """The turn's result; an error reply (a rate limit, a failed turn) stops the bench instead of
    being scored as a list without the mood.
    """
    if result.stage == "error":
        raise ChatRecError(f"bench moods --app: a turn failed: {result.reply}")
    return result


def run_mood_dialogues(service: Any, queries: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Score queries through the app's own turns (``ChatService``): each query's ``before`` messages,
    then the request, for a fresh user; then the same with the ``plain`` request.

    This is the path a person meets: the first picks are shown and not shown again, a fresh request
    replaces the earlier mood (the replay of ``run_mood_bench`` keeps every mood of the dialogue),
    and the genre floor applies. k is the app's ``top_k``. There is no "off" run here.
    """
    import uuid

    rows = []
    for q in queries:
        def picks(text: str, q: Mapping[str, Any] = q) -> tuple[list[int], Any]:
            user = f"bench-moods-{uuid.uuid4().hex[:8]}"
            try:
                service.start(user)
                for earlier in q.get("before") or ():
                    _checked(service.send_sync(user, str(earlier)))
                result = _checked(service.send_sync(user, text))
            finally:  # the bench's users leave nothing behind in the home it ran in
                service.reset(user)
                found = service.deps.repo.find_user(user)
                if found is not None:
                    service.deps.repo.delete_user(found.id)
            return [i.item_id for i in result.items], result

        on, result = picks(q["text"])
        plain, _ = picks(q.get("plain") or "recommend me a movie")

        def share(ids: Sequence[int], query: Mapping[str, Any] = q) -> float:
            return _share(service.deps.catalog, ids, query)

        signal = result.signal or {}
        rows.append({
            "id": q["id"], "text": q["text"],
            "aspects": [*signal.get("liked_aspects", ()), *(f"-{a}" for a in signal.get("disliked_aspects", ()))],
            "on": share(on), "off": None, "plain": share(plain),
            "moved": len(set(on) - set(plain)) / max(1, len(on)),
            "top": [item.label for i in on if (item := service.deps.catalog.get(i)) is not None],
        })
    n = max(1, len(rows))
    mean: dict[str, float | None] = {key: sum(r[key] for r in rows) / n for key in ("on", "plain", "moved")}
    mean["off"] = None
    return {"k": service.deps.settings.top_k, "queries": len(rows), "mean": mean, "rows": rows, "ms": {},
            "through": "app"}


def _timings(engine: Any, queries: Sequence[Mapping[str, Any]]) -> dict[str, float]:
    """Median per-message cost of reading aspects and scoring every item (phrase embeddings warm)."""
    from chat_rec.understanding.aspects import aspects_with_polarity

    aspects = engine.ranker.aspects
    if aspects is None:
        return {}
    read, score = [], []
    for q in queries:
        started = time.perf_counter()
        liked, disliked = aspects_with_polarity(q["text"], aspects, engine.resolver)
        read.append(time.perf_counter() - started)
        started = time.perf_counter()
        for phrase in (*liked, *disliked):
            aspects.phrase_scores(phrase)
        score.append(time.perf_counter() - started)
    return {"read_p50": round(1000 * statistics.median(read), 2),
            "score_p50": round(1000 * statistics.median(score), 2)}


def format_mood_table(result: Mapping[str, Any]) -> str:
    """One line per query, then the means."""
    k = result["k"]

    def num(value: float | None) -> str:
        return f"{'-':>7}" if value is None else f"{value:>7.2f}"

    lines = [f"{'query':<48}{'plain':>7}{'off':>7}{'on':>7}{'moved':>7}  aspects read",
             "-" * 100]
    for r in result["rows"]:
        lines.append(f"{r['text'][:47]:<48}{num(r['plain'])}{num(r['off'])}{num(r['on'])}{num(r['moved'])}  "
                     + ", ".join(r["aspects"]))
    m = result["mean"]
    lines += ["-" * 100, f"{'mean over ' + str(result['queries']) + ' queries':<48}{num(m['plain'])}"
              f"{num(m['off'])}{num(m['on'])}{num(m['moved'])}",
              f"share of the top {k} carrying the mood's tags (avoid queries: free of them); moved: share of "
              f"the top {k} that moods changed"]
    if result.get("through") == "app":
        lines.append("through the app's turns (earlier messages first; moved: share of the top k not in the plain "
                     "request's)")
    if result.get("ms"):
        lines.append(f"per message, median: reading aspects {result['ms']['read_p50']} ms (titles resolved again), "
                     f"scoring its aspects over every item {result['ms']['score_p50']} ms")
    return "\n".join(lines)
