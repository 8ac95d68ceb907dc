"""The CRS benchmark: replay INSPIRED / ReDial dialogues through the app's own engine and score recall.

Every case's user turns go through the real understanding step (``Extractor``: parser, plus the
chat model when one is given) into a throwaway preference vector (nothing is written to the
profile store), then through ``pipeline.retrieve`` and ``pipeline.rank`` exactly as the
conversation graph calls them. The top 50 are scored against the recommender's next movies.

Scoring is per (case, target) pair with a ``movielens_id``: recall@k is the share of such targets
found in the top k. ``novel`` keeps only targets not mentioned earlier in the dialogue
(``repeated == false``), the setting of He et al. (2023); movies mentioned in the dialogue are
excluded from our lists, so repeated targets are never hit (the ``repeat_mentioned`` baseline
shows what repeating earns). Targets without a ``movielens_id`` are counted in
``targets_unmatched`` and dropped.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.errors import UnknownModelError
from chat_rec.eval.jsonl import read_cases

KS: tuple[int, ...] = (1, 10, 50)
"""Cut-offs reported for recall."""

DEPTH = 50
"""How many items each case's list holds."""

LLM_CHOICES = ("default", "scripted", "none")

POPULAR = 100
"""Most-rated items retrieval adds to the candidates (the app's retrieve node should pass the same)."""

TEXT_CHARS = 500
"""Retrieval embeds at most this much of the message (as ``pipeline.retrieve`` does)."""


# ------------------------------------------------------------------------------------- cases


def load_crs_cases(path: Path | str, limit: int | None = None) -> list[dict[str, Any]]:
    """Read CRS cases (one JSON object per line), the first ``limit`` when given."""
    return read_cases(path, ("id", "turns", "targets"), "CRS cases", limit)


# ------------------------------------------------------------------------------------ scoring


def _recalls(hits: Mapping[int, int], n: int) -> dict[str, float]:
    return {f"recall@{k}": (hits[k] / n if n else 0.0) for k in KS}


def score_rankings(cases: Sequence[Mapping[str, Any]], rankings: Mapping[str, Sequence[int]],
                   catalog_ids: Iterable[int] | None = None) -> dict[str, Any]:
    """Recall@k over every matched target (``all``) and the non-repeated ones (``novel``).

    A target counts when it has a ``movielens_id`` that is in the catalog (when ``catalog_ids`` is
    given); the others are ``targets_unmatched``. A case missing from ``rankings`` scores no hits.
    """
    known = None if catalog_ids is None else set(int(i) for i in catalog_ids)
    hits_all = dict.fromkeys(KS, 0)
    hits_novel = dict.fromkeys(KS, 0)
    scored = novel = unmatched = 0
    for case in cases:
        ranked = [int(i) for i in rankings.get(case["id"], ())]
        position = {item: pos for pos, item in reversed(list(enumerate(ranked)))}
        for target in case["targets"]:
            item = target.get("movielens_id")
            if item is None or (known is not None and int(item) not in known):
                unmatched += 1
                continue
            pos = position.get(int(item))
            is_novel = not target.get("repeated", False)
            scored += 1
            novel += is_novel
            for k in KS:
                hit = pos is not None and pos < k
                hits_all[k] += hit
                hits_novel[k] += hit and is_novel
    return {"targets_scored": scored, "targets_unmatched": unmatched, "targets_novel": novel,
            "all": _recalls(hits_all, scored), "novel": _recalls(hits_novel, novel)}


def repeat_mentioned(case: Mapping[str, Any]) -> list[int]:
    """The baseline list: the movies mentioned so far, most recently (first) mentioned first."""
    ids = [int(m["movielens_id"]) for m in case.get("mentioned", ()) if m.get("movielens_id") is not None]
    return list(dict.fromkeys(reversed(ids)))[:DEPTH]


def diversity(lists: Sequence[Sequence[int]], vector_of: Mapping[int, int], vectors: np.ndarray,
              catalog_size: int, k: int = 10) -> dict[str, float]:
    """Intra-list diversity (mean pairwise 1 - cosine in each top k) and catalog coverage of the top k."""
    spreads: list[float] = []
    shown: set[int] = set()
    for ranked in lists:
        top = [int(i) for i in ranked[:k]]
        shown.update(top)
        rows = [vector_of[i] for i in top if i in vector_of]
        if len(rows) < 2:
            continue
        v = vectors[rows]
        sims = v @ v.T
        n = len(rows)
        spreads.append(float((n * n - sims.sum()) / (n * (n - 1))))  # mean of 1 - cos off the diagonal
    return {f"intra_list@{k}": float(np.mean(spreads)) if spreads else 0.0,
            f"coverage@{k}": len(shown) / catalog_size if catalog_size else 0.0}


# ------------------------------------------------------------------------------------ replay


@dataclass
class DialogueState:
    """What the engine knows after some user turns: a throwaway profile, never stored."""

    profile: np.ndarray | None = None
    liked: dict[int, None] = field(default_factory=dict)
    disliked: dict[int, None] = field(default_factory=dict)
    liked_genres: dict[str, None] = field(default_factory=dict)
    disliked_genres: dict[str, None] = field(default_factory=dict)
    year_min: int | None = None
    year_max: int | None = None
    liked_aspects: dict[str, None] = field(default_factory=dict)
    disliked_aspects: dict[str, None] = field(default_factory=dict)
    mentioned: dict[int, None] = field(default_factory=dict)
    """Every movie the resolver found in any turn (either speaker)."""
    last_user_text: str = ""


class CrsEngine:
    """The app's components (catalog, index, ranker, extractor), built as ChatService builds them."""

    def __init__(self, settings: Any, catalog: Any, index: Any, ranker: Any, extractor: Any,
                 genre_vectors: Mapping[str, np.ndarray], aspects: Any = None) -> None:
        self.settings = settings
        self.catalog = catalog
        self.index = index
        self.ranker = ranker
        self.extractor = extractor
        self.resolver = extractor.resolver
        self.genre_vectors = dict(genre_vectors)
        self.aspects = aspects
        self.aspect_pull = True
        """Aspects move the throwaway profile as in the app (off only to measure what that adds)."""
        self._signals: dict[tuple[str, int, str, str], Any] = {}
        self._found: dict[tuple[str, int, str], list[int]] = {}
        self._texts: dict[str, np.ndarray] = {}
        self.mentions_as_likes = True
        self.popular = POPULAR
        """Most-rated items added to the candidates (``pipeline.retrieve(popular=...)``)."""
        """Count every mentioned, not disliked movie as a like for the collaborative score."""

    @classmethod
    def build(cls, settings: Any = None, llm: str = "none", progress: bool = True) -> CrsEngine:
        """Load the catalog, open the index, fit the ranker, pick the chat model (no profile store)."""
        from chat_rec.catalog.aspects import AspectIndex, cache_dir_for
        from chat_rec.catalog.index import CatalogIndex
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.config import get_settings
        from chat_rec.embedding import Embedder
        from chat_rec.llm.registry import get_chat_model
        from chat_rec.profile.vector import genre_centroids
        from chat_rec.ranking.hybrid import HybridRanker
        from chat_rec.understanding.extractor import Extractor
        from chat_rec.understanding.resolver import TitleResolver

        if llm not in LLM_CHOICES:
            raise UnknownModelError(f"Unknown --llm {llm!r}: use one of {', '.join(LLM_CHOICES)}.")
        settings = settings or get_settings()
        settings.ensure_home()
        catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=progress)
        index = CatalogIndex.open(settings, catalog, Embedder(settings.embedding_model), progress=progress)
        aspects = AspectIndex.build(catalog, index.ids, index.vectors, index.embedder,
                                    cache_dir_for(settings.index_dir, settings.cache_dir), progress=progress)
        ranker = HybridRanker.with_collaborative(catalog, index, aspects=aspects)
        chat_model = None
        if llm == "scripted":
            chat_model = get_chat_model(settings.model_copy(update={"llm": "scripted"}), progress=progress)
        elif llm == "default":
            chat_model = get_chat_model(settings, progress=progress)
        extractor = Extractor(TitleResolver(catalog), chat_model)
        return cls(settings, catalog, index, ranker, extractor,
                   genre_centroids(index.ids, index.vectors, catalog), aspects)

    def _item_vector(self, item_id: int) -> np.ndarray | None:
        row = self.index.row_of.get(int(item_id))
        return None if row is None else self.index.vectors[row]

    def _signal(self, dialog: str, turn: int, text: str, reply: str, shown: list[Any]) -> Any:
        """The extractor's signal, memoised per dialogue turn (cases share dialogue prefixes)."""
        key = (dialog, turn, text, reply)
        if key not in self._signals:
            from chat_rec.understanding.aspects import with_fallback_aspects

            signal = self.extractor.extract(text, reply, shown)
            # Moods and attributes, read as in conversation.nodes.understand.
            self._signals[key] = with_fallback_aspects(signal, text, self.aspects, self.resolver)
        return self._signals[key]

    def replay(self, case: Mapping[str, Any]) -> DialogueState:
        """Feed the user turns through understanding and the profile update, as the graph does."""
        from chat_rec.profile import vector as pv

        state = DialogueState()
        reply, shown = "", []
        dialog = str(case.get("dialog_id") or case["id"])
        for number, turn in enumerate(case["turns"]):
            text = str(turn.get("text") or "")
            key = (dialog, number, text)
            if key not in self._found:
                self._found[key] = [m.item_id for m in self.resolver.find_in_text(text)]
            found = self._found[key]
            state.mentioned.update(dict.fromkeys(found))
            if turn.get("role") != "user":
                reply = text
                shown = [item for i in found if (item := self.catalog.get(i)) is not None]
                continue
            signal = self._signal(dialog, number, text, reply, shown)
            v = pv.signal_vector(signal, self._item_vector, self.genre_vectors.get,
                                 self.aspects.vector if self.aspects is not None and self.aspect_pull else None)
            state.profile = pv.update(state.profile, v, self.settings.alpha)
            _move(signal.liked_ids, state.liked, state.disliked)
            _move(signal.disliked_ids, state.disliked, state.liked)
            _move(signal.liked_genres, state.liked_genres, state.disliked_genres)
            _move(signal.disliked_genres, state.disliked_genres, state.liked_genres)
            _move(signal.liked_aspects, state.liked_aspects, state.disliked_aspects)
            _move(signal.disliked_aspects, state.disliked_aspects, state.liked_aspects)
            if signal.year_min is not None or signal.year_max is not None:
                state.year_min, state.year_max = signal.year_min, signal.year_max
            elif signal.liked_ids or signal.liked_genres:  # a fresh request drops an old range
                state.year_min = state.year_max = None
            state.mentioned.update(dict.fromkeys(signal.liked_ids + signal.disliked_ids + signal.seen_ids))
            state.last_user_text = text
        return state

    def constraints(self, case: Mapping[str, Any], state: DialogueState) -> Any:
        """The filters for the case: mentioned and disliked movies never come back.

        With ``mentions_as_likes`` every movie mentioned in the dialogue and not disliked seeds the
        collaborative score as a like (in CRS dialogues a mention mostly means "this kind of film").
        """
        from chat_rec.ranking import pipeline

        mentioned = dict.fromkeys(state.mentioned) | dict.fromkeys(
            int(m["movielens_id"]) for m in case.get("mentioned", ()) if m.get("movielens_id") is not None)
        liked = dict(state.liked)
        if self.mentions_as_likes:
            liked |= {i: None for i in mentioned if i not in state.disliked and i in self.catalog}
        return pipeline.Constraints(
            excluded_genres=tuple(state.disliked_genres), year_min=state.year_min, year_max=state.year_max,
            exclude_ids=set(mentioned) | set(state.disliked), liked_ids=tuple(liked),
            disliked_ids=tuple(state.disliked), liked_genres=tuple(state.liked_genres),
            liked_aspects=tuple(state.liked_aspects), disliked_aspects=tuple(state.disliked_aspects),
        )

    def embed_texts(self, texts: Iterable[str]) -> None:
        """Embed many messages in one batch (the same model, far faster than one at a time)."""
        todo = [t for t in dict.fromkeys(t[:TEXT_CHARS] for t in texts) if t.strip() and t not in self._texts]
        if todo:
            self._texts.update(zip(todo, self.index.embedder.encode(todo), strict=True))

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]:
        """The index's nearest neighbours (retrieval calls this)."""
        return self.index.query(vector, n, where)  # type: ignore[no-any-return]

    def embed_text(self, text: str) -> np.ndarray:
        """A message's embedding, from the batch when there is one (retrieval calls this)."""
        key = text[:TEXT_CHARS]
        if key not in self._texts:
            self._texts[key] = self.index.embed_text(key)
        return self._texts[key]

    def recommend(self, case: Mapping[str, Any], depth: int = DEPTH, state: DialogueState | None = None) -> list[int]:
        """The engine's top ``depth`` for the case: pipeline.retrieve then pipeline.rank, as the graph runs."""
        from chat_rec.ranking import pipeline

        state = state or self.replay(case)
        c = self.constraints(case, state)
        text = state.last_user_text
        query = self.embed_text(text) if text.strip() else None
        candidates = pipeline.retrieve(self, self.ranker, state.profile, text, c, self.settings.candidates,
                                       popular=self.popular, query_vector=query)
        ranked = pipeline.rank(self.ranker, state.profile, c, depth, self.settings.diversity,
                               candidates if (candidates and state.profile is not None) else None,
                               query_vector=query)
        return [s.item.item_id for s in ranked]


def _progress(items: Sequence[Any], show: bool, desc: str) -> Iterable[Any]:
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="case", file=sys.stderr)


def evaluate(engine: CrsEngine, cases: Sequence[Mapping[str, Any]], progress: bool = True) -> dict[str, Any]:
    """Run the engine over the cases and score it next to the repeat-mentioned baseline."""
    states = [engine.replay(case) for case in _progress(cases, progress, "CRS understanding")]
    engine.embed_texts(state.last_user_text for state in states)
    lists = {case["id"]: engine.recommend(case, state=state)
             for case, state in _progress(list(zip(cases, states, strict=True)), progress, "CRS eval")}
    catalog_ids = set(int(i) for i in engine.catalog.ids)
    ours = score_rankings(cases, lists, catalog_ids)
    base = score_rankings(cases, {c["id"]: repeat_mentioned(c) for c in cases}, catalog_ids)
    shown = [i for ranked in lists.values() for i in ranked]
    outside = sum(1 for i in shown if int(i) not in catalog_ids)
    return {
        "cases": len(cases),
        "targets_scored": ours["targets_scored"],
        "targets_unmatched": ours["targets_unmatched"],
        "catalog_size": len(engine.catalog),
        "out_of_catalog_rate": outside / len(shown) if shown else 0.0,
        "all": ours["all"],
        "novel": ours["novel"],
        "baselines": {"repeat_mentioned": {"all": base["all"], "novel": base["novel"]}},
        "diversity": diversity(list(lists.values()), engine.index.row_of, engine.index.vectors, len(engine.catalog)),
    }


def run_crs_eval(cases_path: Path | str, llm: str | None = None, limit: int | None = None, settings: Any = None,
                 progress: bool = True, engine: CrsEngine | None = None) -> dict[str, Any]:
    """Score the app's engine on a CRS cases file; the dict is JSON-ready (schema in the module doc).

    ``llm``: "none" (parser only), "scripted", or "default" (the configured chat model); None takes
    it from ``settings.llm`` ("none" and "scripted" as they are, any other backend as "default").
    """
    cases = load_crs_cases(cases_path, limit)
    if llm is None:
        from chat_rec.config import get_settings

        settings = settings or get_settings()
        llm = settings.llm if settings.llm in ("none", "scripted") else "default"
    engine = engine or CrsEngine.build(settings, llm=llm, progress=progress)
    return evaluate(engine, cases, progress=progress)


def format_crs_table(result: Mapping[str, Any]) -> str:
    """A plain-text table: recall of the engine and of the baseline, then coverage facts."""
    base = result["baselines"]["repeat_mentioned"]
    lines = [
        f"cases: {result['cases']}   targets scored: {result['targets_scored']}   "
        f"unmatched (dropped): {result['targets_unmatched']}   catalog: {result['catalog_size']}",
        "",
        f"{'':<28}{'R@1':>8}{'R@10':>8}{'R@50':>8}",
    ]
    for label, scores in (("chat-rec, all targets", result["all"]), ("chat-rec, novel targets", result["novel"]),
                          ("repeat_mentioned, all", base["all"]), ("repeat_mentioned, novel", base["novel"])):
        lines.append(f"{label:<28}" + "".join(f"{scores[f'recall@{k}']:>8.3f}" for k in KS))
    div = result["diversity"]
    lines += ["", f"out_of_catalog_rate: {result['out_of_catalog_rate']:.3f}   "
              f"intra-list diversity@10: {div['intra_list@10']:.3f}   coverage@10: {div['coverage@10']:.3f}"]
    return "\n".join(lines)


def _move(keys: Iterable[Any], into: dict[Any, None], out_of: dict[Any, None]) -> None:
    """The latest verdict wins: each key joins ``into`` (in order) and leaves ``out_of``."""
    for key in keys:
        out_of.pop(key, None)
        into[key] = None
