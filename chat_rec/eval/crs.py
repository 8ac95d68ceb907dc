"""The CRS benchmark: replay INSPIRED / ReDial dialogues through the app's own engine and score recall.

Every case's user turns go through the real understanding step (``Extractor``: parser, plus the
chat model when one is given) into a throwaway preference vector (nothing is written to the
profile store), with the request in force carried from turn to turn as the graph carries it
(``ranking.session``), then through ``pipeline.retrieve`` and ``pipeline.rank`` exactly as the
conversation graph calls them. The top 50 are scored against the recommender's next movies. With
``--proposals N`` and a chat model, the model's grounded proposals are fused in as in the app
(``ranking/proposals.py``).

Scoring is per (case, target) pair with a ``movielens_id``: recall@k is the share of such targets
found in the top k. ``novel`` keeps only targets not mentioned earlier in the dialogue
(``repeated == false``), the setting of He et al. (2023); movies mentioned in the dialogue are
excluded from our lists, so repeated targets are never hit (the ``repeat_mentioned`` baseline
shows what repeating earns). Targets without a ``movielens_id`` are counted in
``targets_unmatched`` and dropped.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from chat_rec.errors import DataFileError, UnknownModelError
from chat_rec.eval.crs_scoring import (  # noqa: F401 - also the benchmark's public names
    DEPTH,
    KS,
    diversity,
    format_crs_table,
    load_crs_cases,
    repeat_mentioned,
    score_rankings,
)
from chat_rec.ranking.constraints import TurnHistory

LLM_CHOICES = ("default", "scripted", "none")

TEXT_CHARS = 500
"""Retrieval embeds at most this much of the message (as ``pipeline.retrieve`` does)."""


@dataclass
class DialogueState:
    """What the engine knows after some user turns: a throwaway profile, never stored."""

    profile: np.ndarray | None = None
    history: TurnHistory = field(default_factory=TurnHistory)
    liked_aspects: dict[str, None] = field(default_factory=dict)
    disliked_aspects: dict[str, None] = field(default_factory=dict)
    mentioned: dict[int, None] = field(default_factory=dict)
    """Every movie the resolver found in any turn (either speaker)."""
    last_user_text: str = ""
    last_disliked: tuple[int, ...] = ()
    last_disliked_aspects: tuple[str, ...] = ()
    """The films and moods the last user turn disliked: they stay out of the retrieval query."""
    last_liked: tuple[int, ...] = ()
    """The films the last user turn liked: their series' other films may fill a place (the app's
    ``series_floor``)."""
    prior_turns: list[dict[str, str]] = field(default_factory=list)
    """The turns before the last user turn: with it, the window retrieval embeds (``ranking.query``)."""
    constraints: Any = None
    """The last user turn's ``build_constraints`` result."""
    request: Any = None
    """The request in force (``ranking.session.ActiveRequest``), carried turn by turn as the graph
    carries it: its liked genres are the turn's genre boost."""


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
        self._likes: dict[tuple[str, int, str], list[int]] = {}
        self._found: dict[tuple[str, int, str], list[int]] = {}
        self._texts: dict[tuple[str, str], np.ndarray] = {}
        """Query embeddings by (encoder, text): the engine's ranker and a baseline may embed differently."""
        self.oracle_mentions = False
        """Also treat the case's annotated ``mentioned`` ids as named in the dialogue (a labelled
        oracle: the app never has them). Off by default: only what the text yields is used."""
        self.popular = settings.popular_candidates
        """Most-rated items added to the candidates (``pipeline.retrieve(popular=...)``)."""
        self.query_turns: int | None = None
        """Turns the retrieval query reads; None: the ranker's (``RankWeights.query_turns``), as the graph."""
        self.llm: Any = None
        """The chat model (``--llm default|scripted``); None with ``--llm none``."""
        self.proposals = 0
        """Films the chat model proposes per case (``--proposals``, ``settings.llm_proposals``); 0: off."""
        self._proposed: dict[str, tuple[Any, float]] = {}
        """Case id -> (the model's ``Proposals``, seconds the call took)."""

    @classmethod
    def build(cls, settings: Any = None, llm: str = "none", progress: bool = True,
              conversation: Any = "auto") -> CrsEngine:
        """Load the catalog, open the index, fit the ranker, pick the chat model (no profile store).

        ``conversation``: a ``ConversationModel``, None for none, or "auto" to load the trained
        one (and its weights) from the models folder as the app does.
        """
        from chat_rec.catalog.aspects import AspectIndex, cache_dir_for
        from chat_rec.catalog.index import CatalogIndex
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.config import get_settings
        from chat_rec.embedding import Embedder
        from chat_rec.llm.registry import get_chat_model
        from chat_rec.profile.vector import genre_centroids
        from chat_rec.ranking.learned import app_ranker
        from chat_rec.understanding.extractor import extractor_for
        from chat_rec.understanding.resolver import TitleResolver

        if llm not in LLM_CHOICES:
            raise UnknownModelError(f"Unknown --llm {llm!r}: use one of {', '.join(LLM_CHOICES)}.")
        settings = settings or get_settings()
        settings.ensure_home()
        catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=progress)
        index = CatalogIndex.open(settings, catalog, Embedder(settings.embedding_model), progress=progress)
        aspects = AspectIndex.build(catalog, index.ids, index.vectors, index.embedder,
                                    cache_dir_for(settings.index_dir, settings.cache_dir), progress=progress)
        ranker = app_ranker(settings, catalog, index, conversation, aspects=aspects)
        chat_model = None
        if llm == "scripted":
            chat_model = get_chat_model(settings.model_copy(update={"llm": "scripted"}), progress=progress)
        elif llm == "default":
            chat_model = get_chat_model(settings, progress=progress)
        from chat_rec.understanding.request import LearnedRequest
        from chat_rec.understanding.verdict import LearnedVerdict

        verdict = LearnedVerdict.for_settings(settings, index.embedder.encode)
        request = LearnedRequest.for_settings(settings, index.embedder.encode)
        extractor = extractor_for(TitleResolver(catalog), chat_model, settings.extract_llm, verdict,
                                  request)  # as ChatService
        engine = cls(settings, catalog, index, ranker, extractor,
                     genre_centroids(index.ids, index.vectors, catalog), aspects)
        engine.llm = chat_model
        engine.proposals = settings.llm_proposals if chat_model is not None else 0
        return engine

    @cached_property
    def genre_affinity(self) -> Any:
        """Which genres go together, over the index's rows (as ``Deps.genre_affinity``)."""
        from chat_rec.ranking.session import GenreAffinity

        return GenreAffinity.of_index(self.catalog, self.index.ids)

    def _genres_of(self, item_id: int) -> Any:
        item = self.catalog.get(item_id)
        return item.genres if item is not None else None

    @cached_property
    def shared_direction(self) -> np.ndarray | None:
        """The direction all catalog vectors share: pushes leave it alone, as in the app (``Deps``)."""
        from chat_rec.profile.vector import mean_direction

        return mean_direction(self.index.vectors) if len(self.index.ids) else None

    def _item_vector(self, item_id: int) -> np.ndarray | None:
        row = self.index.row_of.get(int(item_id))
        return None if row is None else self.index.vectors[row]

    def _signal(self, dialog: str, turn: int, text: str, reply: str, shown: list[Any],
                prior: Sequence[Mapping[str, Any]] = ()) -> Any:
        """The extractor's signal, memoised per dialogue turn (cases share dialogue prefixes)."""
        key = (dialog, turn, text, reply)
        if key not in self._signals:
            from chat_rec.understanding.aspects import with_fallback_aspects
            from chat_rec.understanding.own_mentions import with_own_mention

            signal = self.extractor.extract(text, reply, shown)
            # Moods and attributes, and "the second film I mentioned", read as in conversation.nodes.understand.
            signal = with_fallback_aspects(signal, text, self.aspects, self.resolver)
            self._signals[key] = with_own_mention(signal, text, prior, self.resolver)
        return self._signals[key]

    def replay(self, case: Mapping[str, Any]) -> DialogueState:
        """Feed the turns through understanding, the profile update and ``build_constraints``, as the graph does.

        Movies the resolver finds in any turn (the other speaker's too: in these dialogues the
        recommender is a person whose mentions the app would have shown) are ``mentioned``.
        """
        from chat_rec.profile import vector as pv
        from chat_rec.ranking import session
        from chat_rec.ranking.constraints import build_constraints, carried_aspects, with_era
        from chat_rec.understanding.aspects import asked_aspects
        from chat_rec.understanding.intent import relative_ask
        from chat_rec.understanding.own_mentions import asked_like_films

        state = DialogueState()
        if self.oracle_mentions:
            state.mentioned.update(dict.fromkeys(
                int(m["movielens_id"]) for m in case.get("mentioned", ())
                if m.get("movielens_id") is not None and int(m["movielens_id"]) in self.catalog))
        reply, shown = "", []
        last: tuple[TurnHistory, Any, list[int]] | None = None
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
            signal = self._signal(dialog, number, text, reply, shown, case["turns"][:number])
            state.profile = pv.step(state.profile, signal, self.settings.alpha, self._item_vector,
                                    self.genre_vectors.get,
                                    self.aspects.vector if self.aspects is not None and self.aspect_pull else None,
                                    self.shared_direction, [i.item_id for i in shown])
            # moods as the app keeps them: a message's own replace the old, a new request drops them
            liked, disliked = carried_aspects(signal, {"liked": list(state.liked_aspects),
                                                       "disliked": list(state.disliked_aspects)},
                                              relative=relative_ask(text))
            state.liked_aspects, state.disliked_aspects = dict.fromkeys(liked), dict.fromkeys(disliked)
            state.mentioned.update(dict.fromkeys(signal.liked_ids + signal.disliked_ids + signal.seen_ids))
            turn_shown = [i.item_id for i in shown]
            kind, named = session.classify(state.request, signal, text, turn_shown, self._genres_of,
                                           self.genre_affinity, self.aspects)
            earlier = state.history.liked_ids if kind == "change" else ()  # what a change of topic leaves
            like = self._likes.get(key)
            if like is None:  # the films it asks for more like, read as conversation.refining.active_request reads them
                like = self._likes[key] = asked_like_films(text, self.resolver, case["turns"][:number],
                                                           signal.disliked_ids, signal.liked_ids)
            state.request = session.next_request(state.request, kind, signal, None, named, earlier, like)
            on_screen = [] if kind in ("new", "change") else turn_shown  # as ``compute_constraints``
            signal, _ = with_era(signal, on_screen, state.history.year_min, state.history.year_max, self.catalog)
            c = build_constraints(state.history, signal, shown=turn_shown, mentioned=state.mentioned)
            before = state.history.copy()
            state.history.absorb(signal, c)
            last = (before, signal, turn_shown)
            state.last_user_text = text
            state.last_disliked = tuple(signal.disliked_ids)
            state.last_liked = tuple(signal.liked_ids)
            state.last_disliked_aspects = tuple(signal.disliked_aspects)
            state.prior_turns = [dict(t) for t in case["turns"][:number]]
        # the last user turn's filters, with every movie named up to the predicted turn
        prior, signal, turn_shown = last if last else (state.history, _empty_signal(), [])
        state.constraints = build_constraints(prior, signal, shown=turn_shown, mentioned=state.mentioned)
        if state.request is not None:  # the genres in force, as the graph's ``compute_constraints`` sets them
            excluded = set(state.constraints.excluded_genres)
            state.constraints.liked_genres = tuple(g for g in state.request.genres if g not in excluded)
            state.constraints.left_ids = tuple(state.request.left)
        state.constraints.liked_aspects = tuple(state.liked_aspects)
        state.constraints.disliked_aspects = tuple(state.disliked_aspects)
        state.constraints.asked_aspects = asked_aspects(state.last_user_text, [a for a in signal.liked_aspects
                                                                              if a in state.liked_aspects])
        return state

    def query_text(self, state: DialogueState) -> str:
        """The text retrieval embeds for the state: the last ``query_turns`` turns, as the graph builds it."""
        from chat_rec.ranking.query import dialogue_query, query_window, without_disliked

        if not state.last_user_text.strip():
            return ""
        turns = self.query_turns or self.ranker.weights.query_turns
        searched = without_disliked(state.last_user_text, state.last_disliked, state.last_disliked_aspects,
                                    self.resolver)
        return dialogue_query(query_window(state.prior_turns, searched, turns))

    def _encoder(self) -> Any:
        """What embeds retrieval queries for the current ranker: its retriever, else the index's embedder."""
        retriever = getattr(self.ranker, "retriever", None)
        return retriever if retriever is not None else self.index.embedder

    def embed_texts(self, texts: Iterable[str]) -> None:
        """Embed many messages in one batch (the same model, far faster than one at a time)."""
        encoder = self._encoder()
        name = str(encoder.name)
        todo = [t for t in dict.fromkeys(t[:TEXT_CHARS] for t in texts) if t.strip() and (name, t) not in self._texts]
        if todo:
            self._texts.update(zip([(name, t) for t in todo], encoder.encode(todo), strict=True))

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]:
        """The index's nearest neighbours (retrieval calls this)."""
        return self.index.query(vector, n, where)  # type: ignore[no-any-return]

    def embed_text(self, text: str) -> np.ndarray:
        """A message's embedding, from the batch when there is one (retrieval calls this)."""
        encoder = self._encoder()
        key = (str(encoder.name), text[:TEXT_CHARS])
        if key not in self._texts:
            self._texts[key] = encoder.encode([key[1]])[0]
        return self._texts[key]

    def retrieve(self, state: DialogueState) -> tuple[list[int] | None, np.ndarray | None]:
        """``pipeline.retrieve``'s candidates for the state (None: rank the whole catalog), and the query vector."""
        from chat_rec.ranking import pipeline

        text = self.query_text(state)
        query = self.embed_text(text) if text.strip() else None
        candidates = pipeline.retrieve(self, self.ranker, state.profile, text, state.constraints,
                                       self.settings.candidates, popular=self.popular, query_vector=query)
        return (candidates if (candidates and state.profile is not None) else None), query

    def proposed(self, case: Mapping[str, Any]) -> list[int]:
        """The chat model's grounded proposals for the case (``ranking/proposals.py``), once per case."""
        from chat_rec.ranking.proposals import PROPOSAL_TURNS, propose

        key = str(case["id"])
        if key not in self._proposed:
            started = time.perf_counter()
            found = propose(self.llm, self.resolver, list(case["turns"])[-PROPOSAL_TURNS:], self.proposals)
            self._proposed[key] = (found, time.perf_counter() - started)
        return list(self._proposed[key][0].ids)

    def proposal_summary(self) -> dict[str, Any]:
        """What the model proposed over the cases asked so far: titles written, grounded, failures, time."""
        asked = list(self._proposed.values())
        return {"per_case": self.proposals, "weight": self.settings.llm_proposal_weight, "cases": len(asked),
                "titles_written": sum(len(p.lines) for p, _ in asked),
                "grounded": sum(len(p.ids) for p, _ in asked),
                "failed_calls": sum(bool(p.error) for p, _ in asked),
                "seconds_per_case": round(sum(t for _, t in asked) / max(1, len(asked)), 2)}

    def recommend(self, case: Mapping[str, Any], depth: int = DEPTH, state: DialogueState | None = None,
                  ranker: Any = None, query_turns: int | None = None, proposals: bool = True) -> list[int]:
        """The top ``depth`` for the case: pipeline.retrieve then pipeline.rank, as the graph runs.

        ``ranker`` (default: the engine's) and ``query_turns`` (default: the engine's window) let a
        comparison rank the same replay another way; ``proposals=False`` leaves the chat model's
        proposals out (the baselines never have them).
        """
        from chat_rec.ranking import pipeline

        state = state or self.replay(case)
        ranker = ranker or self.ranker
        engine_ranker, self.ranker = self.ranker, ranker
        own = self.query_turns if ranker is engine_ranker else None  # another ranker: its own window
        engine_turns, self.query_turns = self.query_turns, query_turns or own
        try:
            candidates, query = self.retrieve(state)
        finally:
            self.ranker, self.query_turns = engine_ranker, engine_turns
        page = self.settings.genre_floor_page or self.settings.top_k  # the first page is the app's own answer
        ranked = pipeline.rank(ranker, state.profile, state.constraints, depth, self.settings.diversity,
                               candidates, query_vector=query, genre_floor=self.settings.genre_floor,
                               aspect_floor=self.settings.aspect_floor, floor_page=page,
                               avoid_moods=self.settings.avoid_moods, series_of=self.resolver.series.siblings,
                               series_floor=self.settings.series_floor, series_seeds=state.last_liked,
                               mood_genre_floor=self.settings.mood_genre_floor,
                               proposed=self.proposed(case) if (proposals and self.proposals > 0) else (),
                               proposal_weight=self.settings.llm_proposal_weight)
        return [s.item.item_id for s in ranked]


def _progress(items: Sequence[Any], show: bool, desc: str) -> Iterable[Any]:
    if not show:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="case", file=sys.stderr)


@dataclass
class Baseline:
    """A ranker to compare against on the same replays: its ranker and its retrieval query window."""

    label: str
    ranker: Any
    query_turns: int | None = None
    """None: the ranker's own window (``RankWeights.query_turns``)."""


def previous_ranker(engine: CrsEngine) -> Any:
    """The ranker before the conversation model: the same item-kNN, default weights, no conversation signals."""
    from chat_rec.ranking.hybrid import HybridRanker

    return HybridRanker(engine.catalog, engine.index, engine.ranker.collaborative)


def weights_baseline(engine: CrsEngine, weights_file: Path | str, query_turns: int | None = None) -> Baseline:
    """The engine's models ranked with another ``weights.json`` and query window (e.g. main's ranker).

    The baseline embeds queries with the stock embedder (no retriever): weights fitted without the
    retriever belong with the stock query embedding.
    """
    from chat_rec.ranking.hybrid import HybridRanker
    from chat_rec.ranking.learned import read_gates, read_weights

    path = Path(weights_file)
    weights = read_weights(path.parent) if path.name == "weights.json" else None
    if weights is None:
        raise DataFileError(f"{path} is not a weights.json file; point --baseline-weights at one.")
    r = engine.ranker
    ranker = HybridRanker(engine.catalog, engine.index, r.collaborative, weights, aspects=r.aspects,
                          conversation=r.conversation)
    ranker.gate = read_gates(path.parent)
    return Baseline(f"weights of {path}, stock query embedding", ranker, query_turns)


def evaluate(engine: CrsEngine, cases: Sequence[Mapping[str, Any]], progress: bool = True,
             compare: bool = False, baseline: Baseline | None = None,
             ranker_for: Callable[[Mapping[str, Any]], Any] | None = None) -> dict[str, Any]:
    """Run the engine over the cases and score it next to the repeat-mentioned baseline.

    With ``compare``, the same replays are also ranked by ``baseline`` (default: ``previous_ranker``
    with the one-message query) and the two are compared pair by pair (``crs_stats.paired``).
    ``ranker_for(case)`` ranks each case with another ranker than the engine's (cross-fitted folds,
    ``crs_crossfit.py``).
    """
    from chat_rec.eval import crs_stats

    states = [engine.replay(case) for case in _progress(cases, progress, "CRS understanding")]
    engine.embed_texts(engine.query_text(state) for state in states)
    pairs = list(zip(cases, states, strict=True))
    if ranker_for is not None:  # the fold rankers may embed the query window like the engine's ranker
        lists = {case["id"]: engine.recommend(case, state=state, ranker=ranker_for(case))
                 for case, state in _progress(pairs, progress, "CRS eval (cross-fitted)")}
    else:
        lists = {case["id"]: engine.recommend(case, state=state)
                 for case, state in _progress(pairs, progress, "CRS eval")}
    catalog_ids = set(int(i) for i in engine.catalog.ids)
    ours = score_rankings(cases, lists, catalog_ids)
    hits = crs_stats.case_hits(cases, lists, catalog_ids, KS)
    base = score_rankings(cases, {c["id"]: repeat_mentioned(c) for c in cases}, catalog_ids)
    shown = [i for ranked in lists.values() for i in ranked]
    outside = sum(1 for i in shown if int(i) not in catalog_ids)
    result = {
        "cases": len(cases),
        "targets_scored": ours["targets_scored"],
        "targets_unmatched": ours["targets_unmatched"],
        "targets_without_movielens_id": hits.no_id,
        "targets_outside_catalog": hits.not_in_catalog,
        "catalog_size": len(engine.catalog),
        "out_of_catalog_rate": outside / len(shown) if shown else 0.0,
        "all": ours["all"],
        "novel": ours["novel"],
        "ci95": crs_stats.intervals(hits),
        "oracle_mentions": engine.oracle_mentions,
        "conversation_model": engine.ranker.conversation is not None,
        "retriever": getattr(engine.ranker, "retriever", None) is not None,
        "query_turns": engine.query_turns or engine.ranker.weights.query_turns,
        "baselines": {"repeat_mentioned": {"all": base["all"], "novel": base["novel"]}},
        "diversity": diversity(list(lists.values()), engine.index.row_of, engine.index.vectors, len(engine.catalog)),
    }
    if engine.proposals > 0:
        result["proposals"] = engine.proposal_summary()
    if compare:
        default = (Baseline("the same ranker without the chat model's proposals", engine.ranker, engine.query_turns)
                   if engine.proposals > 0 else Baseline("previous ranker (item-kNN, default weights, "
                                                         "no conversation model)", previous_ranker(engine)))
        baseline = baseline or default
        _embed_for(engine, baseline, states)
        old = {case["id"]: engine.recommend(case, state=state, ranker=baseline.ranker, query_turns=baseline.query_turns,
                                            proposals=False)
               for case, state in _progress(pairs, progress, "CRS baseline ranker")}
        result["previous_ranker"] = {"label": baseline.label,
                                     "query_turns": baseline.query_turns or baseline.ranker.weights.query_turns,
                                     "novel": score_rankings(cases, old, catalog_ids)["novel"],
                                     "paired_novel": crs_stats.paired(hits, crs_stats.case_hits(
                                         cases, old, catalog_ids, KS))}
    return result


def _embed_for(engine: CrsEngine, baseline: Baseline, states: Sequence[DialogueState]) -> None:
    """Embed the baseline's queries in one batch (its ranker may embed them another way than the engine's)."""
    ranker, turns = engine.ranker, engine.query_turns
    engine.ranker, engine.query_turns = baseline.ranker, baseline.query_turns
    try:
        engine.embed_texts(engine.query_text(state) for state in states)
    finally:
        engine.ranker, engine.query_turns = ranker, turns


def run_crs_eval(cases_path: Path | str, llm: str | None = None, limit: int | None = None, settings: Any = None,
                 progress: bool = True, engine: CrsEngine | None = None, oracle_mentions: bool = False,
                 conversation: Any = "auto", compare: bool = False, baseline_weights: Path | str | None = None,
                 baseline_query_turns: int | None = None, cross_fit: bool = True) -> dict[str, Any]:
    """Score the app's engine on a CRS cases file; the dict is JSON-ready (schema in the module doc).

    When the trained weights were fitted on this very file (``--mix``), each case is ranked by the
    weights of the fold that left it out (``crs_crossfit.py``); ``cross_fit=False`` ranks it with
    the final weights instead (in-sample, for the record only).

    ``llm``: "none" (parser only), "scripted", or "default" (the configured chat model); None takes
    it from ``settings.llm`` ("none" and "scripted" as they are, any other backend as "default").
    ``oracle_mentions`` adds the cases' annotated mentions (a labelled oracle); ``conversation``
    as in ``CrsEngine.build``; ``compare`` adds the paired comparison with the previous ranker, or
    with the same models under ``baseline_weights`` (a ``weights.json``) and ``baseline_query_turns``.
    """
    cases = load_crs_cases(cases_path, limit)
    if llm is None:
        from chat_rec.config import get_settings

        settings = settings or get_settings()
        llm = settings.llm if settings.llm in ("none", "scripted") else "default"
    engine = engine or CrsEngine.build(settings, llm=llm, progress=progress, conversation=conversation)
    engine.oracle_mentions = oracle_mentions
    baseline = weights_baseline(engine, baseline_weights, baseline_query_turns) if baseline_weights else None
    from chat_rec.eval.crs_crossfit import fold_rankers

    folded = fold_rankers(engine, cases_path) if cross_fit else None
    result = evaluate(engine, cases, progress=progress, compare=compare or baseline is not None, baseline=baseline,
                      ranker_for=folded[0] if folded else None)
    result["cross_fitted"] = folded[1] if folded else None
    return result


def _empty_signal() -> Any:
    from chat_rec.understanding.signal import PreferenceSignal

    return PreferenceSignal()
