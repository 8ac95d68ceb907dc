"""The graph's nodes: plain functions ``(state, runtime) -> dict`` of the fields they change.

``refine`` (the request in force and this turn's filters) lives in ``refining.py``, the helpers every
node uses (trace, vectors, signal) in ``turn.py``.
"""

from __future__ import annotations

import time
from typing import Any

from langgraph.runtime import Runtime

from chat_rec.catalog.titles import fold
from chat_rec.conversation import asked
from chat_rec.conversation.deps import TurnContext
from chat_rec.conversation.explain import reason_for
from chat_rec.conversation.refining import compute_constraints
from chat_rec.conversation.said import (
    _quoted,
    _unknown_names_note,
    _unknown_titles_note,
    acknowledge,
    answer_facts,
    remembered,
)
from chat_rec.conversation.state import State
from chat_rec.conversation.turn import about_me, as_array, as_list, elapsed, referable, signal_of
from chat_rec.profile import vector as pv
from chat_rec.profile.repository import TurnWrite
from chat_rec.ranking import pipeline, session
from chat_rec.ranking.constraints import Constraints, build_constraints
from chat_rec.ranking.query import query_window
from chat_rec.understanding import intent, request_words
from chat_rec.understanding.aspects import with_fallback_aspects
from chat_rec.understanding.own_mentions import MIN_SCORE, with_own_mention
from chat_rec.understanding.signal import PreferenceSignal


def begin(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Clear the previous turn's working fields and load the stored profile."""
    started = time.perf_counter()
    profile = runtime.context.stored_profile()
    fresh: dict[str, Any] = {
        "signal": {}, "chosen": [], "candidates": [], "reply": "", "asks_question": False,
        "quick_replies": [], "marks": {}, "onboarding_answer": None, "turn_id": None,
        "stage": "smalltalk", "trace": {}, "constraints": {}, "query_vector": None,
        "vector_before": as_list(profile.vector), "profile_vector": as_list(profile.vector),
        "onboarding_step": profile.onboarding_step, "onboarding_done": profile.onboarding_done,
    }
    fresh["trace"] = elapsed(fresh, "begin", started)  # type: ignore[arg-type]
    return fresh


def understand(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """LLM(q_t, r_t): read the message against the previous reply, update p."""
    started = time.perf_counter()
    deps = runtime.context.deps
    shown = [item for i in referable(state) if (item := deps.catalog.get(i)) is not None]
    signal = deps.extractor.extract(state.get("user_text", ""), state.get("last_reply", ""), shown)
    # Moods and attributes: the aspect reader (its own negation scope, titles and genres skipped).
    signal = with_fallback_aspects(signal, state.get("user_text", ""), deps.aspects, deps.resolver)
    signal = with_own_mention(signal, state.get("user_text", ""), state.get("history") or [], deps.resolver)
    if not state.get("onboarding_done"):
        signal = answer_in_context(signal, state.get("user_text", ""), state.get("onboarding_step", 0), runtime)
    p = pv.step(as_array(state.get("profile_vector")), signal, deps.settings.alpha, deps.item_vector,
                deps.genre_vectors.get, deps.aspects.vector if deps.aspects is not None else None,
                deps.shared_direction, state.get("last_items") or [])
    shown_ids = set(state.get("last_items") or [])
    marks = {
        "liked": list(signal.liked_ids),
        "disliked": [i for i in signal.disliked_ids if i not in shown_ids],
        "rejected": [i for i in signal.disliked_ids if i in shown_ids],
        "seen": list(signal.seen_ids),
    }
    return {
        "signal": signal.model_dump(), "profile_vector": as_list(p), "marks": marks,
        "trace": elapsed(state, "understand", started),
    }


def answer_in_context(signal: PreferenceSignal, text: str, step: int,
                      runtime: Runtime[TurnContext]) -> PreferenceSignal:
    """Read a bare answer to an onboarding question by what was asked.

    Question 1 asks for a movie the user loved, so "The Matrix" alone is a like, and so is every film
    the answer names beside the ones it likes in words (a message that says which films were seen or
    disliked answers something else); question 3 asks what to avoid, so "horror" (or
    "gore") alone is a dislike.
    """
    if signal.skip:
        return signal
    update: dict[str, Any] = {}
    if step == 1 and not (signal.disliked_ids or signal.seen_ids):  # "seen X" is no answer
        found = [m.item_id for m in runtime.context.deps.resolver.find_in_text(text)
                 if m.score >= MIN_SCORE and m.item_id not in set(signal.asked_ids)]  # "would I like X?" is no answer
        if found and not set(found) <= set(signal.liked_ids):  # "Casablanca! And The Philadelphia Story"
            update["liked_ids"] = list(dict.fromkeys([*signal.liked_ids, *found]))[:3]
    elif step == 3 and (signal.liked_genres or signal.liked_aspects) and not (
            signal.disliked_genres or signal.disliked_aspects):
        update = {"disliked_genres": list(signal.liked_genres), "liked_genres": [],
                  "disliked_aspects": list(signal.liked_aspects), "liked_aspects": []}
    return signal.model_copy(update=update) if update else signal


def onboard(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Record the answer to the last onboarding question and ask the next one, if any."""
    started = time.perf_counter()
    deps = runtime.context.deps
    signal = signal_of(state)
    replies = deps.replies(signal.language)
    questions = replies["onboarding"][: deps.settings.onboarding_questions]
    step = state.get("onboarding_step", 0)
    answer = state.get("user_text", "").strip() if step > 0 else None
    if signal.wants_new_recommendations or step >= len(questions):
        return {"onboarding_done": True, "onboarding_answer": answer,
                "trace": elapsed(state, "onboard", started)}
    question = questions[step]
    prefix = ""
    if step == 0:
        prefix = replies["greeting_new"].format(user=runtime.context.user_name, n_items=len(deps.catalog)) + " "
    if step > 0 and signal.asked_ids:  # "would I like Jaws?" before any taste is known: say so, then ask
        prefix += " ".join(replies["asked_unknown"].format(title=found.label)
                           for i in signal.asked_ids[:3] if (found := deps.catalog.get(i))) + " "
    if step > 0:  # "Greta Gerwig films?" as an answer: say the catalog does not know her, then ask on
        prefix += _unknown_names_note(signal, replies, "unknown_names_ask")
    return {
        "stage": "onboarding", "reply": prefix + question["question"], "asks_question": True,
        "quick_replies": list(question["chips"]), "onboarding_step": step + 1,
        "onboarding_answer": answer, "trace": elapsed(state, "onboard", started),
    }


def elicit(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """One clarifying question when the message says too little to recommend from; a message that
    asks for nothing (small talk, thanks) is answered as small talk, with the same invitation.
    """
    started = time.perf_counter()
    signal = signal_of(state)
    replies = runtime.context.deps.replies(signal.language)
    stage = "elicit" if signal.wants_new_recommendations else "smalltalk"
    notes = _unknown_titles_note(signal, replies) + _unknown_names_note(signal, replies, "unknown_names_ask")
    return {
        "stage": stage, "asks_question": True, "reply": notes + replies[_small_talk_key(state, stage)],
        "quick_replies": list(replies["elicit_chips"]), "trace": elapsed(state, "elicit", started),
    }


def _small_talk_key(state: State, stage: str) -> str:
    """Which reply answers a turn that asks for nothing: a goodbye to thanks or a farewell
    (``request_words.farewell``), a yes to a request put off (``intent.deferred``), a reminder that more
    picks are one ask away once picks were shown,
    and otherwise the first invitation; a turn that asks but says too little gets the clarifying question.
    """
    if stage != "smalltalk":
        return stage
    text = state.get("user_text", "")
    if request_words.farewell(fold(text), "?" in text or "¿" in text):
        return "farewell"
    if intent.deferred(text):
        return "later"  # "I'll ask you for westerns another day"
    return "smalltalk_known" if state.get("last_items") else "smalltalk"


def feedback(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """A like, dislike or "seen it" on a shown item (button or words) moves p the same way."""
    started = time.perf_counter()
    deps = runtime.context.deps
    event = state.get("event") or {}
    signal = signal_of(state)
    replies = deps.replies(signal.language)
    update: dict[str, Any] = {"stage": "feedback"}
    if event:
        item_id = int(event["item_id"])
        item = deps.catalog.get(item_id)
        kind = event.get("type")
        if kind == "seen":
            signal = PreferenceSignal(seen_ids=[item_id])
            marks = {"seen": [item_id]}
            text = replies["feedback_seen"]
        elif event.get("like"):
            signal = PreferenceSignal(liked_ids=[item_id], wants_new_recommendations=True)
            marks = {"liked": [item_id]}
            text = replies["feedback_like"]
        else:
            signal = PreferenceSignal(disliked_ids=[item_id], wants_new_recommendations=True)
            marks = {"rejected": [item_id]}
            text = replies["feedback_dislike"]
        p = pv.step(as_array(state.get("profile_vector")), signal, deps.settings.alpha, deps.item_vector,
                    deps.genre_vectors.get, shared=deps.shared_direction, shown=state.get("last_items") or [])
        label = item.label if item else str(item_id)
        update.update(signal=signal.model_dump(), marks=marks, profile_vector=as_list(p),
                      reply=text.format(title=label))
    elif about_me(state, signal):
        signal = signal.model_copy(update={"wants_new_recommendations": False, "era": None})
        update.update(signal=signal.model_dump(), reply=remembered(runtime.context.stored_profile(), replies,
                                                                   deps.catalog.get))
    else:
        text = " ".join(part for part in (acknowledge(signal, replies, deps.catalog.get),
                                          answer_facts(signal, replies, deps.catalog.get),
                                          answer_asked(state, runtime)) if part)
        if not signal.wants_new_recommendations:
            text = (text + " " + replies["feedback_more"]).strip()
        update["reply"] = text
    update["trace"] = elapsed(state, "feedback", started)
    return update


def answer_asked(state: State, runtime: Runtime[TurnContext], c: Constraints | None = None) -> str:
    """The reply's answer to "would I like X?" (``conversation.asked``), from this turn's
    constraints ``c`` or, on a turn without picks, from the stored ones and the request in force.
    """
    signal = signal_of(state)
    if not signal.asked_ids:
        return ""
    request = session.ActiveRequest.from_dict(state.get("request"))
    if c is None:
        c = Constraints.from_dict(compute_constraints(state, runtime, request))
    query = as_array(state.get("query_vector"))
    if query is None and request is not None:
        query = request.vector()
    return asked.answer_turn(signal, c, as_array(state.get("profile_vector")), query, runtime)


def _constraints(state: State) -> Constraints:
    return Constraints.from_dict(state.get("constraints"))


def retrieve(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Nearest neighbours of p and of the message in the vector index, with hard filters."""
    started = time.perf_counter()
    deps = runtime.context.deps
    query = as_array(state.get("query_vector"))  # the request in force (``refine``), not always this message
    candidates = pipeline.retrieve(deps.index, deps.ranker, as_array(state.get("profile_vector")), "",
                                   _constraints(state), deps.settings.candidates,
                                   popular=deps.settings.popular_candidates, query_vector=query)
    return {"candidates": candidates, "query_vector": as_list(query),
            "trace": elapsed(state, "retrieve", started)}


def rank(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Hybrid score (content + collaborative + popularity), filters, then MMR diversity."""
    started = time.perf_counter()
    deps = runtime.context.deps
    c = _constraints(state)
    p = as_array(state.get("profile_vector"))
    candidates = state.get("candidates") or []
    reranker = deps.reranker.get() if deps.reranker is not None else None
    history = [item.label for i in c.liked_ids if (item := deps.catalog.get(i)) is not None] if reranker else []
    ranked = pipeline.rank(deps.ranker, p, c, deps.settings.top_k, deps.settings.diversity,
                           candidates if (candidates and p is not None) else None,
                           query_vector=as_array(state.get("query_vector")), reranker=reranker,
                           history=history, rerank_depth=deps.settings.rerank_candidates,
                           genre_floor=deps.settings.genre_floor, floor_page=deps.settings.genre_floor_page,
                           aspect_floor=deps.settings.aspect_floor, proposed=_proposed(state, deps),
                           avoid_moods=deps.settings.avoid_moods, series_of=deps.resolver.series.siblings,
                           series_floor=deps.settings.series_floor, mood_genre_floor=deps.settings.mood_genre_floor,
                           series_seeds=tuple(signal_of(state).liked_ids),
                           proposal_weight=deps.settings.llm_proposal_weight)
    language = signal_of(state).language
    chosen = [
        {"item_id": s.item.item_id, "score": round(float(s.score), 4),
         "breakdown": {k: round(float(v), 4) for k, v in s.breakdown.items()},
         "reason": reason_for(s.item.item_id, set(c.seed_ids or c.liked_ids) - set(c.left_ids), runtime, language,
                              c.liked_aspects, c.liked_genres)}
        for s in ranked
    ]
    update: dict[str, Any] = {"chosen": chosen, "trace": elapsed(state, "rank", started)}
    lead = [state.get("reply") or "", answer_facts(signal_of(state), deps.replies(language), deps.catalog.get),
            answer_asked(state, runtime, c)]
    if not chosen:
        lead.append(deps.replies(language)["no_results"])
    else:
        lead.append(_unknown_names_note(signal_of(state), deps.replies(language)).strip())
        lead.append(_asked_aspects_left_out(c, chosen, deps, language))
    if any(lead):
        update["reply"] = " ".join(part for part in lead if part)
    return update


def _asked_aspects_left_out(c: Constraints, chosen: list[dict[str, Any]], deps: Any, language: str) -> str:
    """Says so when the catalog has films carrying what the message asks for ("something by Stanley
    Kubrick": the films tagged with the name) but none is among the picks, and why each was left out:
    shown lately, rated or named, in a genre ruled out, outside the years asked for. The aspect floor
    puts carriers first whenever any passes, so none in the picks means none could be.
    """
    finder = getattr(deps.ranker, "ids_with_aspects", None)
    if not c.asked_aspects or finder is None:
        return ""
    carriers = finder(list(c.asked_aspects))
    if not carriers or any(int(p["item_id"]) in carriers for p in chosen):
        return ""
    replies = deps.replies(language)
    reasons = _left_out_reasons(c, carriers, getattr(deps, "catalog", None), replies)
    return str(replies["aspects_left_out"]).format(aspects=_quoted(c.asked_aspects), reasons=reasons)


LEFT_OUT_TITLES = 2
"""Titles a left-out reason names before it counts the rest."""


def _left_out_reasons(c: Constraints, carriers: set[int], catalog: Any, replies: dict[str, Any]) -> str:
    """Why the carriers of an asked aspect are out, grouped ("shown already: 2001: A Space Odyssey;
    in a genre you ruled out (Horror): The Shining"), the best-known films named first.
    """
    if catalog is None:
        return ""
    judged = set(c.liked_ids) | set(c.disliked_ids) | set(c.context_ids)
    groups: dict[str, list[Any]] = {"left_shown": [], "left_judged": [], "left_genre": [], "left_years": [],
                                    "left_other": []}
    for item in filter(None, map(catalog.get, carriers)):
        if item.item_id in judged:
            key = "left_judged"
        elif item.item_id in c.exclude_ids:
            key = "left_shown"
        elif set(item.genres) & set(c.excluded_genres):
            key = "left_genre"
        elif (c.year_min is not None and (item.year or 0) < c.year_min) or \
                (c.year_max is not None and (item.year or 9999) > c.year_max):
            key = "left_years"
        else:
            key = "left_other"
        groups[key].append(item)
    parts = []
    for key, items in groups.items():
        if not items:
            continue
        items.sort(key=lambda it: (-it.popularity, it.title))
        titles = ", ".join(it.title for it in items[:LEFT_OUT_TITLES])
        if len(items) > LEFT_OUT_TITLES:
            titles = str(replies["left_more"]).format(titles=titles, n=len(items) - LEFT_OUT_TITLES)
        genres = ", ".join(sorted({g for it in items for g in it.genres} & set(c.excluded_genres)))
        parts.append(str(replies[key]).format(titles=titles, genres=genres))
    return "; ".join(parts)


def _proposed(state: State, deps: Any) -> list[int]:
    """Catalog films the chat model proposes for this turn (``settings.llm_proposals``; none when off)."""
    count = deps.settings.llm_proposals
    if count <= 0 or deps.llm is None:
        return []
    from chat_rec.ranking.proposals import PROPOSAL_TURNS, propose

    turns = query_window(state.get("history") or [], state.get("user_text", "").strip()[:500], PROPOSAL_TURNS)
    return propose(deps.llm, deps.resolver, turns, count).ids


def persist(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Commit the turn and its profile update in one transaction, before any reply is shown."""
    started = time.perf_counter()
    deps = runtime.context.deps
    signal = signal_of(state)
    c = state.get("constraints") if state.get("stage") == "recommend" else None
    text = state.get("user_text", "")
    event = state.get("event")
    if c is None and not event:
        c = _stated_filters(runtime.context.stored_profile(), signal)
    if event:
        text = f"[{event.get('type')}:{event.get('item_id')}:{'like' if event.get('like') else 'dislike'}]"
    marks = state.get("marks") or {}
    write = TurnWrite(
        user_text=text,
        signal=signal.model_dump(),
        stage=state.get("stage", "smalltalk"),
        vector_before=as_array(state.get("vector_before")),
        vector_after=as_array(state.get("profile_vector")),
        shown_item_ids=[chosen["item_id"] for chosen in state.get("chosen") or []],
        reply_text=state.get("reply") or None,
        liked_ids=list(marks.get("liked", [])),
        disliked_ids=list(marks.get("disliked", [])),
        seen_ids=list(marks.get("seen", [])),
        rejected_ids=list(marks.get("rejected", [])),
        genre_deltas=_genre_deltas(signal),
        clear_year_range=c is not None,
        year_min=None if c is None else c["year_min"],
        year_max=None if c is None else c["year_max"],
        excluded_genres=None if c is None else set(c["excluded_genres"]),
        onboarding_step=state.get("onboarding_step"),
        onboarding_done=state.get("onboarding_done"),
        onboarding_answer=state.get("onboarding_answer"),
        language=signal.language if not event else None,
        feedback=_feedback_rows(state, signal),
    )
    turn_id = deps.repo.commit_turn(runtime.context.user_id, write)
    return {"turn_id": turn_id, "trace": elapsed(state, "persist", started)}


def _stated_filters(profile: Any, signal: PreferenceSignal) -> dict[str, Any] | None:
    """The genre and year filters a turn without picks states ("Horror and war films aren't for me"
    as an onboarding answer): kept as a recommending turn keeps them, so the first picks honour them.
    None when the message states none (the stored filters stay as they are).
    """
    stated_years = signal.year_min is not None or signal.year_max is not None
    lifted = set(signal.liked_genres) & set(profile.excluded_genres)
    if not (signal.disliked_genres or lifted or stated_years):
        return None
    c = build_constraints(profile, signal)
    return {"excluded_genres": list(c.excluded_genres), "year_min": c.year_min, "year_max": c.year_max}


def _feedback_rows(state: State, signal: PreferenceSignal) -> list[tuple[int, bool, str]]:
    """Likes and dislikes of shown items, kept as feedback (the raw material of DPO pairs)."""
    event = state.get("event") or {}
    if event.get("type") == "feedback":
        return [(int(event["item_id"]), bool(event.get("like")), "button")]
    shown = set(state.get("last_items") or [])
    rows = [(i, True, "text") for i in signal.liked_ids if i in shown]
    return rows + [(i, False, "text") for i in signal.disliked_ids if i in shown]


def _genre_deltas(signal: PreferenceSignal) -> dict[str, float]:
    deltas = {g: 1.0 for g in signal.liked_genres}
    deltas.update({g: -1.0 for g in signal.disliked_genres})
    return deltas


def remember(state: State, runtime: Runtime[TurnContext]) -> dict[str, Any]:
    """Keep what the next turn needs: the shown list, the reply, a bounded history."""
    started = time.perf_counter()
    limit = 2 * runtime.context.deps.settings.max_history_turns
    history = list(state.get("history") or [])
    if state.get("user_text"):
        history.append({"role": "user", "text": state["user_text"][:1000]})
    history.append({"role": "assistant", "text": (state.get("reply") or "")[:2000]})
    update: dict[str, Any] = {"history": history[-limit:], "last_reply": state.get("reply") or ""}
    if state.get("chosen"):
        update["last_items"] = [c["item_id"] for c in state["chosen"]]
    # a reply about the films asked of, with no picks ("Would I like Aliens?"): the next "loved it" is about them;
    # not while onboarding, whose reply goes on to ask its own question ("skip" answers that)
    update["about_items"] = [] if state.get("chosen") or not state.get("onboarding_done") else [
        i for i in signal_of(state).asked_ids[:3] if runtime.context.deps.catalog.get(i) is not None]
    update["trace"] = elapsed(state, "remember", started)
    return update
