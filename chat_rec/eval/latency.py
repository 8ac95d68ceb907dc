"""Turn latency: the non-LLM part of a turn at growing catalog sizes, and optionally the LLM part.

The catalog is the configured one (real titles, so the parser resolves real movies) padded with
synthetic items up to each size. Every item gets a random unit vector: timings do not depend on
what the vectors mean, and no embedding model has to index a million documents. Each turn runs
the app's retrieve and rank steps (``chat_rec.conversation.nodes``): the message is embedded with
the real model, then ``pipeline.retrieve`` and ``pipeline.rank`` run with the app's settings. Up to
``pipeline.EXACT_SEARCH_MAX`` items retrieval is exact numpy, as in the app. Above it the app asks
Chroma when nothing filters; the bench does that through a real (temporary) collection up to
``chroma_max`` items, and beyond skips retrieval so the ranker scores every item (the app's path
when it ranks the whole catalog), so no million-item Chroma collection is built. Each turn commits
to a ProfileRepository in a temporary SQLite file.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

SCRIPT: tuple[str, ...] = (
    "I loved The Matrix and Alien",
    "something funnier please, no horror",
    "the second one sounds great",
    "I didn't like Titanic",
    "movies from the 90s",
    "I like sci-fi and thrillers",
    "more like Toy Story",
    "not that one, something else",
)
"""User messages cycled through by the bench (likes, dislikes, genres, years, list references)."""

STEPS = ("parse", "vector_update", "retrieval", "ranking", "commit", "turn")
WARMUP = 2
"""Turns run before timing starts (model load, first Chroma query)."""
SYNTHETIC_BASE = 10_000_000
"""Synthetic item ids start here, far from any MovieLens id."""
RETRIEVAL_EXACT = "exact numpy over the in-memory vectors"
RETRIEVAL_NONE = "no Chroma collection is built at this size; the ranker scores every item"


def _pcts(values: Sequence[float]) -> dict[str, float]:
    arr = np.asarray(values, dtype=np.float64)
    return {"p50": round(float(np.percentile(arr, 50)), 3), "p95": round(float(np.percentile(arr, 95)), 3)}


def _peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # Linux: KiB


def _padded_catalog(base: Any, size: int, rng: np.random.Generator) -> Any:
    """The real catalog plus synthetic items up to ``size`` (truncated when smaller)."""
    from chat_rec.catalog.models import GENRES, Catalog, Item

    items = dict(list(base.items.items())[:size])
    genres = rng.integers(0, len(GENRES), size=max(0, size - len(items)))
    years = rng.integers(1920, 2024, size=len(genres))
    for n, (g, y) in enumerate(zip(genres.tolist(), years.tolist(), strict=True)):
        item_id = SYNTHETIC_BASE + n
        items[item_id] = Item(item_id=item_id, title=f"Synthetic movie {n}", year=y, genres=(GENRES[g],),
                              raw_title=f"Synthetic movie {n} ({y})")
    return Catalog(name=f"bench-{size}", items=items, ratings=base.ratings)


class _ArrayIndex:
    """What the ranker and exact retrieval need (ids, vectors, row_of, embed_text) without a vector store."""

    def __init__(self, ids: np.ndarray, vectors: np.ndarray, embedder: Any) -> None:
        self.ids = ids
        self.vectors = vectors
        self.row_of = {int(i): r for r, i in enumerate(ids.tolist())}
        self.embedder = embedder

    def embed_text(self, text: str) -> np.ndarray:
        return np.asarray(self.embedder.encode_one(text))

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]:
        raise NotImplementedError("the bench retrieves through Chroma only when it built a collection")


def _chroma_index(settings: Any, catalog: Any, ids: np.ndarray, vectors: np.ndarray, folder: Path) -> Any:
    """A real CatalogIndex over a temporary Chroma collection holding the given vectors."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    from chat_rec.catalog.index import ADD_BATCH, CatalogIndex, item_metadata
    from chat_rec.embedding import Embedder

    embedder = Embedder(settings.embedding_model)
    client = chromadb.PersistentClient(path=str(folder), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection("bench", configuration={"hnsw": {"space": "cosine"}},
                                          embedding_function=embedder.chroma_function())  # type: ignore[arg-type]
    step = max(1, min(ADD_BATCH, client.get_max_batch_size()))
    for start in range(0, len(ids), step):
        chunk = ids[start:start + step].tolist()
        collection.add(ids=[str(i) for i in chunk], embeddings=vectors[start:start + step],
                       metadatas=[item_metadata(catalog.items[i]) for i in chunk])  # type: ignore[misc]
    return CatalogIndex(collection, embedder, ids, vectors, built_now=True)


def _bench_size(settings: Any, base: Any, size: int, turns: int, chroma_max: int, folder: Path,
                rng: np.random.Generator) -> dict[str, Any]:
    from chat_rec.embedding import Embedder
    from chat_rec.interactions.itemknn import ItemKNN
    from chat_rec.profile import vector as pv
    from chat_rec.profile.repository import ProfileRepository, TurnWrite
    from chat_rec.ranking import pipeline
    from chat_rec.ranking.constraints import TurnHistory, build_constraints
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.ranking.learned import load_conversation_model, read_gates
    from chat_rec.ranking.retriever import embed_query
    from chat_rec.understanding.extractor import Extractor
    from chat_rec.understanding.resolver import TitleResolver

    started = time.perf_counter()
    catalog = _padded_catalog(base, size, rng)
    ids = np.fromiter(catalog.items, dtype=np.int64, count=len(catalog))
    vectors = rng.standard_normal((len(ids), 384), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    exact = len(ids) <= pipeline.EXACT_SEARCH_MAX
    use_chroma = not exact and len(ids) <= chroma_max
    index: Any = _chroma_index(settings, catalog, ids, vectors, folder / f"chroma-{size}") if use_chroma \
        else _ArrayIndex(ids, vectors, Embedder(settings.embedding_model))
    real = [i for i in base.ids if i in catalog.items]
    knn = ItemKNN.from_ratings(base.ratings, real) if len(base.ratings) else None
    conversation, weights = load_conversation_model(settings)  # the app's ranker, trained parts included
    ranker = HybridRanker(catalog, index, knn, weights, conversation=conversation)
    ranker.gate = read_gates(settings.conversation_model_dir) if conversation is not None else None
    extractor = Extractor(TitleResolver(base), None)
    real_rows = [index.row_of[i] for i in real]
    genres = pv.genre_centroids(real, vectors[real_rows], base)
    repo = ProfileRepository.open(f"sqlite:///{folder / f'profiles-{size}.sqlite'}")
    user = repo.get_or_create_user("bench")
    setup_s = time.perf_counter() - started

    def item_vector(i: int) -> np.ndarray | None:
        row = index.row_of.get(int(i))
        return None if row is None else vectors[row]

    timings: dict[str, list[float]] = {s: [] for s in STEPS}
    p: np.ndarray | None = None
    shown: list[Any] = []
    history = TurnHistory()
    shown_ids: set[int] = set()
    for turn in range(-WARMUP, turns):  # the warm-up turns load the embedder and fill caches
        text = SCRIPT[turn % len(SCRIPT)]
        t0 = time.perf_counter()
        signal = extractor.extract(text, "Here are some picks.", shown)
        t1 = time.perf_counter()
        v = pv.signal_vector(signal, item_vector, genres.get)
        before, p = p, pv.update(p, v, settings.alpha)
        t2 = time.perf_counter()
        c = build_constraints(history, signal, shown=shown_ids)
        history.absorb(signal, c)
        query = embed_query(ranker, index, text[:pipeline.TEXT_CHARS])  # the retrieve node embeds the message
        candidates = pipeline.retrieve(index, ranker, p, text, c, settings.candidates,
                                       popular=settings.popular_candidates, query_vector=query) \
            if exact or use_chroma else []
        t3 = time.perf_counter()
        ranked = pipeline.rank(ranker, p, c, settings.top_k, settings.diversity,
                               candidates if (candidates and p is not None) else None, query_vector=query)
        t4 = time.perf_counter()
        repo.commit_turn(user.id, TurnWrite(
            user_text=text, signal=signal.model_dump(), stage="recommend", vector_before=before,
            vector_after=p, shown_item_ids=[s.item.item_id for s in ranked], liked_ids=list(signal.liked_ids),
            disliked_ids=list(signal.disliked_ids), seen_ids=list(signal.seen_ids)))
        t5 = time.perf_counter()
        shown = [s.item for s in ranked]
        shown_ids.update(item.item_id for item in shown)
        if turn < 0:
            continue
        for step, ms in zip(STEPS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t5 - t0), strict=True):
            timings[step].append(ms * 1000)
    repo.close()
    return {
        "items": len(ids), "real_items": len(real), "synthetic_items": len(ids) - len(real),
        "retrieval": RETRIEVAL_EXACT if exact else "chroma" if use_chroma else RETRIEVAL_NONE,
        "turns": turns, "setup_s": round(setup_s, 2),
        "ms": {step: _pcts(values) for step, values in timings.items()},
    }


def _bench_llm(settings: Any, base: Any, turns: int) -> dict[str, Any]:
    """First-token and whole-turn latency of the configured chat model (extraction + streamed reply)."""
    from chat_rec.llm.prompts import load_prompt
    from chat_rec.llm.registry import describe_model, get_chat_model
    from chat_rec.understanding.extractor import Extractor
    from chat_rec.understanding.resolver import TitleResolver

    started = time.perf_counter()
    model = get_chat_model(settings, progress=False)
    load_s = time.perf_counter() - started
    if model is None:
        return {"backend": describe_model(settings), "skipped": "no chat model is configured (CHAT_REC_LLM)"}
    extractor = Extractor(TitleResolver(base), model)
    picks = [item.label for item in list(base)[:5]]
    first: list[float] = []
    whole: list[float] = []
    for turn in range(turns):
        text = SCRIPT[turn % len(SCRIPT)]
        t0 = time.perf_counter()
        extractor.extract(text, "Here are some picks.", [])
        messages = load_prompt("recommend").format_messages(language="English", request=text,
                                                            taste="not said yet", picks="; ".join(picks))
        t1 = None
        for _chunk in model.stream(messages):
            t1 = t1 or time.perf_counter()
        end = time.perf_counter()
        first.append(((t1 or end) - t0) * 1000)
        whole.append((end - t0) * 1000)
    result: dict[str, Any] = {"backend": describe_model(settings), "load_s": round(load_s, 2), "turns": turns,
                              "first_token_ms": _pcts(first), "whole_turn_ms": _pcts(whole),
                              "note": "first token counts the extraction call before the reply starts"}
    try:
        import torch

        if torch.cuda.is_available():
            result["peak_gpu_mib"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    except ImportError:
        pass
    return result


def run_latency_bench(sizes: Sequence[int] = (10_000,), turns: int = 24, with_llm: bool = False,
                      llm_turns: int = 3, settings: Any = None, chroma_max: int = 20_000, seed: int = 0,
                      progress: bool = True) -> dict[str, Any]:
    """p50/p95 per turn step at each catalog size, and the LLM's latency when ``with_llm``; JSON-ready."""
    from chat_rec.catalog.loaders import load_catalog
    from chat_rec.config import get_settings

    settings = settings or get_settings()
    base = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=False)
    rng = np.random.default_rng(seed)
    result: dict[str, Any] = {"catalog": base.name, "sizes": [], "vectors": "random unit vectors, 384-d"}
    with tempfile.TemporaryDirectory(prefix="chat-rec-bench-") as tmp:
        for size in sizes:
            if progress:
                print(f"latency: {size:,} items ...", file=sys.stderr, flush=True)
            result["sizes"].append(_bench_size(settings, base, int(size), turns, chroma_max, Path(tmp), rng))
    if with_llm:
        if progress:
            print("latency: LLM ...", file=sys.stderr, flush=True)
        result["llm"] = _bench_llm(settings, base, llm_turns)
    result["peak_rss_mib"] = _peak_rss_mib()
    return result


def format_latency_table(result: Mapping[str, Any]) -> str:
    """Milliseconds per step (p50 / p95) for each catalog size, then the LLM numbers."""
    head = f"{'items':>10}  {'retrieval':<9}" + "".join(f"{s:>16}" for s in STEPS)
    lines = [f"catalog: {result['catalog']} padded with synthetic items ({result['vectors']}); "
             "ms, p50 / p95", head]
    short = {RETRIEVAL_EXACT: "exact", RETRIEVAL_NONE: "none"}
    for row in result["sizes"]:
        path = short.get(row["retrieval"], row["retrieval"])
        cells = "".join(f"{row['ms'][s]['p50']:>8.1f}/{row['ms'][s]['p95']:<7.1f}" for s in STEPS)
        lines.append(f"{row['items']:>10,}  {path:<9}{cells}")
    paths = dict.fromkeys(row["retrieval"] for row in result["sizes"] if row["retrieval"] in short)
    lines += [f"{short[path]}: {path}." for path in paths]
    llm = result.get("llm")
    if llm:
        if "skipped" in llm:
            lines.append(f"LLM ({llm['backend']}): skipped, {llm['skipped']}")
        else:
            lines.append(f"LLM ({llm['backend']}, {llm['turns']} turns, load {llm['load_s']} s): first token "
                         f"{llm['first_token_ms']['p50']:.0f}/{llm['first_token_ms']['p95']:.0f} ms, whole turn "
                         f"{llm['whole_turn_ms']['p50']:.0f}/{llm['whole_turn_ms']['p95']:.0f} ms"
                         + (f", peak GPU {llm['peak_gpu_mib']} MiB" if "peak_gpu_mib" in llm else ""))
    lines.append(f"peak RSS: {result['peak_rss_mib']} MiB")
    return "\n".join(lines)
