"""Retrieval then ranking: the one code path shared by the conversation and the benchmarks."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from typing import Any, Protocol

import numpy as np

from chat_rec.ranking.constraints import Constraints
from chat_rec.ranking.hybrid import HybridRanker, RankRequest, ScoredItem, top_positions
from chat_rec.ranking.proposals import fuse
from chat_rec.ranking.rerank import CandidateReranker, rerank_top
from chat_rec.understanding.audience import AUDIENCE_TERM

EXACT_SEARCH_MAX = 200_000
"""Above this many items, a search without filters goes to Chroma's HNSW index; every other search
is exact numpy over the in-memory vectors.

Measured on the 2 busy cores here (random vectors, p and message searched together): 10k items,
exact 1-4 ms against Chroma's 7 ms unfiltered and 160-240 ms with a genre or year filter; 100k
items, exact 9-33 ms against 9 ms unfiltered and 1.2-2.4 s filtered. A full scan of a million
rows takes ~150 ms, so only there does HNSW win, and only without a filter.
"""

TEXT_CHARS = 500
"""Retrieval embeds at most this much of the message."""

__all__ = ["Constraints", "chroma_where", "most_popular", "rank", "rank_request", "retrieve"]


class SearchIndex(Protocol):
    """The part of CatalogIndex that retrieval needs."""

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None = None) -> list[tuple[int, float]]: ...

    def embed_text(self, text: str) -> np.ndarray: ...


def chroma_where(c: Constraints) -> dict[str, Any] | None:
    """The Chroma metadata filter for the hard constraints (items of unknown year pass)."""
    clauses: list[dict[str, Any]] = [{f"g_{g}": {"$ne": True}} for g in sorted(c.excluded_genres)]
    if c.year_min is not None:
        clauses.append({"year": {"$gte": int(c.year_min)}})
    if c.year_max is not None:
        clauses.append({"year": {"$lte": int(c.year_max)}})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def most_popular(ranker: HybridRanker, n: int) -> list[int]:
    """The ``n`` most-rated catalog items (the popularity prior's own candidates)."""
    return ranker.most_popular(n)


def retrieve(index: SearchIndex, ranker: HybridRanker, profile_vector: np.ndarray | None, text: str,
             c: Constraints, n: int, popular: int = 0, query_vector: np.ndarray | None = None) -> list[int]:
    """Candidates: nearest neighbours of p and of the message, collaborative neighbours of likes.

    Neighbours pass the genre and year filters; they are exact (``ranker.nearest``) unless the
    catalog is larger than ``EXACT_SEARCH_MAX`` and nothing filters. ``query_vector`` is the message
    already embedded by the caller; without it the message ``text`` is embedded here.
    With a conversation model, its neighbours of the liked and context movies join too.
    ``popular`` adds that many of the most-rated items (and of the most-mentioned, with a
    conversation model, and of those most mentioned when the liked genres are asked for in
    conversation), so the ranker's popularity prior has
    well-known films to choose from even when the profile's neighbours are obscure ones. Liked
    aspects add the ``n // 2`` best aspect matches that pass the filters.
    """
    if query_vector is None and text.strip():
        query_vector = index.embed_text(text[:TEXT_CHARS])
    searches = [(v, size) for v, size in ((profile_vector, n), (query_vector, max(1, n // 2))) if v is not None]
    found: dict[int, None] = {}
    where = chroma_where(c)
    if where is None and len(ranker.ids) > EXACT_SEARCH_MAX:
        for vector, size in searches:
            found.update((i, None) for i, _ in index.query(vector, size))
    else:
        mask = ranker.filter_mask(c.excluded_genres, c.year_min, c.year_max)
        for ids in ranker.nearest(searches, mask):
            found.update((i, None) for i in ids)
    left = set(c.left_ids)  # films of a topic the person has left bring no neighbours
    knn = ranker.collaborative
    if knn is not None:
        for liked in c.liked_ids:
            if liked in left:
                continue
            found.update((i, None) for i, _ in knn.neighbours(int(liked), max(1, n // 4)))
    talk = ranker.conversation
    if talk is not None:
        for seed in (i for i in (*c.liked_ids, *c.context_ids) if i not in left):
            found.update((i, None) for i, _ in talk.neighbours(int(seed), max(1, n // 4)))
    if popular:
        found.update((i, None) for i in most_popular(ranker, popular))
        if talk is not None:
            found.update((i, None) for i in talk.most_mentioned(popular))
            asked = ranker.asked_genres(c.liked_genres, c.asked_aspects)
            if asked:  # what people recommend in conversation when these genres are asked for
                found.update((i, None) for i in talk.top_for_genres(asked, popular))
    found.update((i, None) for i in aspect_candidates(ranker, c, max(1, n // 2)))
    excluded = set(c.exclude_ids)
    return [i for i in found if i not in excluded]


def aspect_candidates(ranker: HybridRanker, c: Constraints, n: int) -> list[int]:
    """The ``n`` items that best match the liked aspects (minus the disliked) inside the filters."""
    if not c.liked_aspects:
        return []
    scores = ranker.aspect_scores(c.liked_aspects, c.disliked_aspects)
    if scores is None:
        return []
    rows = np.flatnonzero(ranker.filter_mask(c.excluded_genres, c.year_min, c.year_max) & (scores > 0))
    ids = ranker.ids[rows]
    return [int(i) for i in ids[top_positions(scores[rows], ids, n)]]


def rank_request(profile_vector: np.ndarray | None, c: Constraints, k: int, diversity: float,
                 candidates: Collection[int] | None = None, query_vector: np.ndarray | None = None) -> RankRequest:
    """The ranker's request for these constraints (``rank`` and the weight fitting build it here)."""
    return RankRequest(
        profile_vector=profile_vector, query_vector=query_vector, liked_ids=tuple(c.liked_ids),
        disliked_ids=tuple(c.disliked_ids), context_ids=tuple(c.context_ids),
        exclude_ids=set(c.exclude_ids), excluded_genres=set(c.excluded_genres),
        required_genres=set(c.liked_genres), liked_aspects=tuple(c.liked_aspects),
        disliked_aspects=tuple(c.disliked_aspects), asked_aspects=tuple(c.asked_aspects),
        year_min=c.year_min, year_max=c.year_max, k=k,
        seed_ids=tuple(c.seed_ids), left_ids=tuple(c.left_ids),
        diversity=diversity, candidate_ids=None if candidates is None else set(candidates),
    )


def rank(ranker: HybridRanker, profile_vector: np.ndarray | None, c: Constraints, k: int, diversity: float,
         candidates: Collection[int] | None = None, query_vector: np.ndarray | None = None,
         reranker: CandidateReranker | None = None, history: Sequence[str] = (),
         rerank_depth: int = 20, genre_floor: int = 0, floor_page: int | None = None,
         aspect_floor: int = 0, proposed: Sequence[int] = (), proposal_weight: float = 1.0,
         avoid_moods: bool = False, series_of: Callable[[int], Sequence[int]] | None = None,
         series_floor: int = 0, series_seeds: Sequence[int] = (), mood_genre_floor: int = 0) -> list[ScoredItem]:
    """Score the candidates (or the whole catalog when None) and pick k with MMR.

    ``query_vector`` (the message's embedding) joins the profile in the content score
    (``RankWeights.query_share``). With a ``reranker``, the top ``rerank_depth`` of that ranking
    are re-ordered by it (``history``: the user's liked titles) before the first k are kept.
    ``genre_floor`` and ``floor_page``: see ``with_genre_floor``; ``aspect_floor``: see
    ``with_aspect_floor`` (applied first, on the same pages, for the moods the message itself asks
    for: ``c.asked_aspects``; an audience of all ages in force, ``AUDIENCE_TERM``, holds for every
    pick, on follow-ups too: a family night has no room for one film the children cannot watch).
    ``proposed``: catalog ids a chat model proposed for the turn (``ranking/proposals.py``), fused
    with the ranking (weight ``proposal_weight``) before the floors.
    ``avoid_moods``: films carrying a mood the person rules out (``c.disliked_aspects``) are left
    out (``HybridRanker.ids_avoided``). ``series_of(id)``: the other films of a film's series; at least
    ``series_floor`` of the first page are such films of the ``series_seeds`` (the films this message
    liked), before the mood and genre floors. ``mood_genre_floor``: at least this many of the first page
    carry a genre the asked moods lean to, when the message names no genre (``with_lean_floor``).
    """
    request = rank_request(profile_vector, c, k, diversity, candidates, query_vector)
    if avoid_moods and c.disliked_aspects:
        request.exclude_ids = set(request.exclude_ids) | ranker.ids_avoided(c.disliked_aspects)
    if reranker is None:
        ranked = ranker.rank(request)
    else:
        request.k = max(k, rerank_depth)  # MMR picks greedily, so its first k are the same as with k alone
        ranked = rerank_top(reranker, history, ranker.rank(request), k, rerank_depth)
        request.k = k
    if proposed:
        ranked = fuse(ranker, request, ranked, proposed, proposal_weight)
    if series_of is not None and series_floor > 0:
        ranked = with_series_floor(ranker, request, ranked, series_floor, floor_page, c, series_seeds, series_of)
    lean = mood_lean_genres(ranker, c) if mood_genre_floor > 0 else ()
    if c.asked_aspects:  # the floor holds for the moods this message asks for, not for carried ones
        ranked = with_aspect_floor(ranker, request, ranked, aspect_floor, floor_page, c.asked_aspects, lean)
    if aspect_floor > 0 and AUDIENCE_TERM in c.liked_aspects:  # who watches, asked or carried: every pick suits them
        ranked = with_aspect_floor(ranker, request, ranked, k, floor_page, (AUDIENCE_TERM,))
    if lean:
        ranked = with_lean_floor(ranker, request, ranked, mood_genre_floor, floor_page, lean)
    return with_genre_floor(ranker, request, ranked, genre_floor, floor_page)


def mood_lean_genres(ranker: HybridRanker, c: Constraints) -> tuple[str, ...]:
    """The genres the moods this message asks for lean to (``HybridRanker.mood_genres``: "could use a
    laugh" -> comedy), when it names no genre itself; none ruled out. () otherwise.
    """
    if not c.asked_aspects or c.liked_genres:
        return ()
    excluded = {g.lower() for g in c.excluded_genres}
    return tuple(g for g in ranker.mood_genres(c.asked_aspects) if g.lower() not in excluded)


def with_lean_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem], floor: int,
                    page: int | None, genres: Collection[str]) -> list[ScoredItem]:
    """At least ``floor`` of the first ``page`` of picks carry one of the ``genres`` a mood asked for leans
    to, chosen as ``with_genre_floor`` chooses; the pages after it (shown on "more", when the mood is carried
    and no longer asked) stay as ranked, and the request itself is unchanged (the genres are not asked for,
    so no signal weight moves). "Could use a laugh" after liking Spirited Away was answered with The
    Lord of the Rings and The Matrix among three funny films: the mood's tags cover a sixth of the
    catalog, and the likes filled the rest.
    """
    carriers = ranker.ids_with_genres(genres)
    if floor <= 0 or not carriers or not ranked:
        return ranked
    return _first_page_floor(ranker, request, ranked, floor, page, carriers, lead=True)


def with_series_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem], floor: int,
                      page: int | None, c: Constraints, seeds: Sequence[int],
                      series_of: Callable[[int], Sequence[int]]) -> list[ScoredItem]:
    """At least ``floor`` of the first page are films of the same numbered series as the ``seeds``, when
    any passes the filters and was not shown, judged or ruled out: "I loved Shrek, more like that" is
    answered with Shrek 2 among other films. The
    item-item signals rarely put a sequel first (it is mentioned with its film, and so was often
    already seen in the conversations they learn from); the series comes from the titles
    (``understanding.series.SeriesIndex``), not from any list.
    """
    if floor <= 0 or not seeds:
        return ranked
    judged = set(request.exclude_ids) | set(request.liked_ids) | set(request.disliked_ids)
    family = {s for i in seeds for s in series_of(i)} - judged
    if not family:
        return ranked
    mask = ranker.filter_mask(c.excluded_genres, c.year_min, c.year_max)
    family = {i for i in family if (row := ranker.index.row_of.get(i)) is not None and mask[row]}
    if not family:
        return ranked
    return _first_page_floor(ranker, request, ranked, floor, page, family)


def _first_page_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem], floor: int,
                      page: int | None, carriers: set[int], lead: bool = False) -> list[ScoredItem]:
    """At least ``floor`` of the first page (the answer to the turn) among ``carriers``, a carrier first
    with ``lead``; the ranking after that page follows unchanged.
    """
    size = max(1, min(page or request.k, request.k, len(ranked)))
    first = _with_floor(ranker, replace(request, k=size), ranked[:size], floor, size, carriers)
    if lead:
        first = _lead_with(first, size, size, lambda s: s.item.item_id in carriers)
    taken = {s.item.item_id for s in first}
    return (first + [s for s in ranked if s.item.item_id not in taken])[:len(ranked)]


def with_genre_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem],
                     floor: int, page: int | None = None) -> list[ScoredItem]:
    """At least ``floor`` of every ``page`` picks (default: the whole list of k) carry a genre the
    request asks for (its ``required_genres``), when the catalog holds enough that pass the filters.

    The genre is a soft boost, so likes that pull elsewhere (Toy Story among the likes of someone
    asking for horror) could fill the list with films of other genres. The best-scored films of
    the asked genres, ranked by the same request over the catalog, take the places of a page's
    lowest-scored picks without one, and that page is then in score order. Either way the first pick
    carries an asked genre: a film the request did not ask for is never the first answer to it
    (Deadpool, much mentioned in conversations, led "una peli oscura y lenta, de misterio"). Pages
    are settled one after another, each only from what came before it, so a longer ranking of the
    same request (more pages) starts with the same picks.
    """
    wanted = set(request.required_genres)
    if not wanted or floor <= 0:
        return ranked
    out = _with_floor(ranker, request, ranked, floor, page, ranker.ids_with_genres(wanted))
    return _lead_with(out, request.k, page, lambda s: bool(wanted & set(s.item.genres)))


def _lead_with(out: list[ScoredItem], k: int, page: int | None, fits: Callable[[ScoredItem], bool]) -> list[ScoredItem]:
    """``out`` with the first pick of its first page that ``fits`` moved to the front (own order otherwise)."""
    if not out or not k:
        return out
    size = max(1, min(page or k, k, len(out)))
    first = next((n for n, s in enumerate(out[:size]) if fits(s)), 0)
    out.insert(0, out.pop(first))
    return out


def with_aspect_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem],
                      floor: int, page: int | None = None, phrases: Sequence[str] | None = None,
                      lean: Collection[str] = ()) -> list[ScoredItem]:
    """At least ``floor`` of every ``page`` picks carry a mood or topic asked for (``phrases``, by
    default the request's ``liked_aspects``) in their own tags or keywords, when the catalog holds enough that pass the
    filters; with genres asked too (or, with none asked, the genres the moods ``lean`` to), the fills carry
    one of them as well (when any such film exists), so the genre floors after this one keep them.

    The aspect is a soft score like the genre, and earlier likes pull hard: "something like a
    courtroom drama" after liking Get Out and The Shining gave crime dramas of the same
    collaborative neighbourhood and no courtroom film. Fills are chosen as ``with_genre_floor``
    chooses them: the best-scored carriers, ranked by the same request, replace a page's
    lowest-scored picks that carry none, and the first pick is a carrier (The Godfather led
    "something like a courtroom drama" with three courtroom films behind it).
    """
    phrases = request.liked_aspects if phrases is None else phrases
    if floor <= 0 or not phrases:
        return ranked
    carriers = ranker.ids_with_aspects(phrases)
    wanted = set(request.required_genres) or set(lean)
    if wanted:
        both = carriers & ranker.ids_with_genres(wanted)
        carriers = both or carriers
    if not carriers:
        return ranked
    out = _with_floor(ranker, request, ranked, floor, page, carriers)
    return _lead_with(out, request.k, page, lambda s: s.item.item_id in carriers)


def _with_floor(ranker: HybridRanker, request: RankRequest, ranked: list[ScoredItem], floor: int,
                page: int | None, carriers: set[int]) -> list[ScoredItem]:
    """At least ``floor`` of every ``page`` picks of the first k are among ``carriers`` (see
    ``with_genre_floor``); the ranking after the first k follows unchanged.
    """
    k = min(request.k, len(ranked))
    if not carriers or floor <= 0 or not k:
        return ranked
    size = max(1, min(page or k, k))
    out: list[ScoredItem] = []
    rest = ranked[:k]
    while len(out) < k:
        taken = min(size, k - len(out))
        if len(rest) < taken:  # fills of earlier pages came from further down: rank on past them
            seen = {s.item.item_id for s in (*out, *rest)}
            rest += ranker.rank(replace(request, exclude_ids=set(request.exclude_ids) | seen, k=taken - len(rest)))
        if not rest:
            break
        out += _floor_page(ranker, request, rest[:taken], floor, {s.item.item_id for s in out}, carriers)
        used = {s.item.item_id for s in out}
        rest = [s for s in rest[taken:] if s.item.item_id not in used]
    return out + [s for s in ranked[k:] if s.item.item_id not in {o.item.item_id for o in out}]


def _floor_page(ranker: HybridRanker, request: RankRequest, top: list[ScoredItem], floor: int,
                before: set[int], carriers: set[int]) -> list[ScoredItem]:
    """One page with at least ``floor`` picks among ``carriers``, filled from outside the page and
    the pages ``before`` it; unchanged when it has enough or nothing fits.
    """
    def fits(scored: ScoredItem) -> bool:
        return scored.item.item_id in carriers

    need = min(floor, len(top)) - sum(fits(s) for s in top)
    if need <= 0:
        return top
    pool = carriers - before - {s.item.item_id for s in top}
    if not pool:
        return top
    top = list(top)
    for scored in ranker.rank(replace(request, candidate_ids=pool, k=need)):
        off = [n for n, s in enumerate(top) if not fits(s)]
        if not off:
            break
        top[min(off, key=lambda n: top[n].score)] = scored
    return sorted(top, key=lambda s: -s.score)
