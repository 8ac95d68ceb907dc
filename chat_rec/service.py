"""ChatService: the one facade that the web page, the CLI and the tests call."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from typing import Any

import numpy as np

from chat_rec.config import Settings, get_settings
from chat_rec.conversation.deps import Deps, TurnContext
from chat_rec.conversation.graph import build_graph
from chat_rec.errors import ChatRecError, InvalidInputError, UnknownItemError, UnknownUserError
from chat_rec.limits import TurnRateLimiter, scrub_line, scrub_reply
from chat_rec.profile.coordination import DatabaseRateLimiter, TurnLocks, rate_limiter
from chat_rec.results import ProfileView, RecommendedItem, TurnEvent, TurnResult

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ud800-\udfff]")
"""Control, zero-width and direction characters, and lone surrogates (undecodable bytes that a
client passed through; SQLite cannot store them): removed from messages."""
INTERNAL_ERROR = "Something went wrong while answering. Your profile is safe; please try again."


def clean_message(text: object, max_chars: int) -> str:
    """The message as the graph may see it, or InvalidInputError with what to do."""
    if not isinstance(text, str):
        raise InvalidInputError("Please send your message as text.")
    text = _CONTROL.sub("", text).strip()
    if not text:
        raise InvalidInputError("Your message is empty. Tell me a movie you like or what you're in the mood for.")
    if len(text) > max_chars:
        raise InvalidInputError(
            f"Your message is {len(text):,} characters long; please keep it under {max_chars:,}."
        )
    return text


def _checkpointer(settings: Settings) -> Any:
    """LangGraph's checkpointer: in the PostgreSQL database when that is the URL, else a SQLite file."""
    from chat_rec.profile.coordination import open_checkpointer

    return open_checkpointer(settings)


@dataclass
class _User:
    id: int
    name: str


def _warm_intro_prefix(llm: Any) -> None:
    """Put the intro prompt's static prefix in the engine's key/value cache (a background thread)."""
    from chat_rec.conversation.respond import intro_warm_up_messages
    from chat_rec.llm.calls import warm_up

    started = time.perf_counter()
    try:
        warm_up(llm, intro_warm_up_messages())
    except Exception as error:  # noqa: BLE001 - only a first turn's speed is at stake
        log.warning("Warming the intro prompt failed: %s", error)
        return
    log.info("intro prompt cached in %.1f s", time.perf_counter() - started)


def _needs_torch(settings: Settings, llm: Any, embedder_backend: str) -> bool:
    """Whether this start-up loads anything through torch (the embedder or a transformers LLM)."""
    if embedder_backend == "torch":
        return True
    if llm is not None and not isinstance(llm, str):
        return False  # a model object handed in: already loaded
    backend = llm or settings.llm
    if backend not in ("local", "auto"):
        return False
    from chat_rec.llm.registry import choose_engine

    return choose_engine(settings) == "transformers"


def _import_model_libraries(torch_needed: bool = True) -> None:
    """Finish importing torch, transformers and sentence-transformers in the calling thread.

    The LLM loads in a thread beside the index; if both threads import these packages for the first
    time at once, Python's import-deadlock avoidance can hand one of them a half-initialised
    module ("cannot import name 'AutoModelForCausalLM'"). Importing them first removes the race.
    When nothing will use torch (the ONNX embedder and llama.cpp), nothing is imported: that is most
    of a restart's time on a small CPU.
    """
    import importlib

    if not torch_needed:
        return

    for name in ("torch", "transformers", "transformers.modeling_utils", "sentence_transformers"):
        try:
            importlib.import_module(name)
        except ImportError:  # optional for some backends: the step that needs it reports it
            continue
    try:
        from transformers import AutoModelForCausalLM, AutoTokenizer  # noqa: F401 - resolves the lazy module
    except ImportError:
        pass


_TOPIC_FIELDS: dict[str, Any] = {"request": None, "aspects": None}
"""The state of one visit's topic (``conversation.state``), cleared when a returning user comes back.
A relative era ("something older") is not cleared here: its range lives in the stored profile, and
the era's own rule restores the range before it at the next request (``nodes.compute_constraints``)."""


class ChatService:
    """Start or resume a user's session, send messages, take feedback, show or reset the profile."""

    def __init__(self, deps: Deps, checkpointer: Any, timings: dict[str, float] | None = None) -> None:
        self.deps = deps
        self.timings = dict(timings or {})
        """Seconds each start-up step took (catalog, index, ranker, llm)."""
        self.checkpointer = checkpointer
        self.graph = build_graph(checkpointer)
        self._turn_locks = TurnLocks(deps.repo)
        """One turn per user at a time; across replicas too on PostgreSQL."""
        self.limiter: TurnRateLimiter | DatabaseRateLimiter = rate_limiter(deps.settings, deps.repo)

    # ---------------------------------------------------------------- building
    @classmethod
    def create(cls, settings: Settings | None = None, llm: Any = None, progress: bool = True,
               catalog: Any = None) -> ChatService:
        """Load the catalog, open (or build) the index, load the LLM and open the profile store.

        ``catalog`` replaces the one read from ``settings.catalog_dir`` (the simulator passes the
        catalog without its people's hidden ratings); its items must be the index's.
        """
        from chat_rec.catalog.aspects import AspectIndex, cache_dir_for
        from chat_rec.catalog.index import CatalogIndex
        from chat_rec.catalog.loaders import load_catalog
        from chat_rec.embedding import Embedder
        from chat_rec.llm.calls import is_in_process, warm_up
        from chat_rec.llm.registry import get_chat_model
        from chat_rec.profile.repository import ProfileRepository
        from chat_rec.profile.vector import genre_centroids
        from chat_rec.ranking.learned import app_ranker
        from chat_rec.ranking.rerank import LazyReranker
        from chat_rec.understanding.extractor import extractor_for
        from chat_rec.understanding.request import LearnedRequest
        from chat_rec.understanding.resolver import TitleResolver
        from chat_rec.understanding.verdict import LearnedVerdict

        settings = settings or get_settings()
        settings.ensure_home()
        timings: dict[str, float] = {}

        def step(name: str, started: float) -> None:
            timings[name] = round(time.perf_counter() - started, 2)
            log.info("%s ready in %.1f s", name, timings[name])

        def load_llm(chosen: Any) -> Any:  # in a thread, overlapping the catalog, index and ranker
            t = time.perf_counter()
            if isinstance(chosen, str):
                chosen = get_chat_model(settings.model_copy(update={"llm": chosen}), progress=progress)
            elif chosen is None:
                chosen = get_chat_model(settings, progress=progress)
            step("llm", t)
            t = time.perf_counter()
            if warm_up(chosen):
                step("llm_warm", t)
            return chosen

        embedder = Embedder(settings.embedding_model, settings=settings)
        # here, not in two threads at once (a concurrent first import can half-fail)
        _import_model_libraries(_needs_torch(settings, llm, embedder.backend))
        loading = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-rec-llm-load")
        llm_future = loading.submit(load_llm, llm)
        t = time.perf_counter()
        if catalog is None:
            catalog = load_catalog(settings.catalog_dir, settings.overviews_csv, progress=progress)
        step("catalog", t)
        t = time.perf_counter()
        index = CatalogIndex.open(settings, catalog, embedder, progress=progress)
        index.embed_text("warm up")  # load the embedder now, not during the first user's turn
        step("index", t)
        t = time.perf_counter()
        aspects = AspectIndex.build(catalog, index.ids, index.vectors, index.embedder,
                                    cache_dir_for(settings.index_dir, settings.cache_dir), progress=progress)
        step("aspects", t)
        t = time.perf_counter()
        ranker = app_ranker(settings, catalog, index, aspects=aspects)
        resolver = TitleResolver(catalog)
        step("ranker", t)
        t = time.perf_counter()
        try:
            llm = llm_future.result()
        finally:
            loading.shutdown(wait=True)
        step("llm_wait", t)
        repo = ProfileRepository(settings.db_url)
        repo.migrate()
        deps = Deps(
            settings=settings, catalog=catalog, index=index, ranker=ranker, resolver=resolver,
            extractor=extractor_for(resolver, llm, settings.extract_llm,
                                    LearnedVerdict.for_settings(settings, index.embedder.encode),
                                    LearnedRequest.for_settings(settings, index.embedder.encode)), repo=repo, llm=llm,
            genre_vectors=genre_centroids(index.ids, index.vectors, catalog),
            reranker=LazyReranker(settings) if settings.rerank_adapter else None, aspects=aspects,
        )
        service = cls(deps, _checkpointer(settings), timings)
        if is_in_process(llm):  # after start-up, not during it: a first turn waits for it at most
            threading.Thread(target=_warm_intro_prefix, args=(llm,), name="chat-rec-intro-warm", daemon=True).start()
        return service

    def restarted(self) -> ChatService:
        """A fresh service over the same files, as after a process restart (models stay loaded)."""
        import dataclasses

        from chat_rec.profile.repository import ProfileRepository

        settings = self.deps.settings
        repo = ProfileRepository(settings.db_url)
        repo.migrate()
        return ChatService(dataclasses.replace(self.deps, repo=repo), _checkpointer(settings), self.timings)

    def variant(self, **settings: Any) -> ChatService:
        """The same loaded services under other settings (e.g. ``alpha``), sharing the store and checkpoints."""
        import dataclasses

        deps = dataclasses.replace(self.deps, settings=self.deps.settings.model_copy(update=settings))
        return ChatService(deps, self.checkpointer, self.timings)

    def describe(self) -> dict[str, Any]:
        """What is loaded, for the page header and logs."""
        from chat_rec.llm.registry import describe_model

        llm = self.deps.llm
        return {
            "catalog": self.deps.catalog.name,
            "items": len(self.deps.catalog),
            "llm": describe_model(self.deps.settings) if llm is not None else "none (templates only)",
            "startup_s": dict(self.timings),
        }

    # ---------------------------------------------------------------- sessions
    def _user(self, name: object, create: bool = True) -> _User:
        if not isinstance(name, str):
            raise InvalidInputError("Please enter a user name.")
        repo = self.deps.repo
        info = repo.get_or_create_user(name) if create else repo.find_user(name)
        if info is None:
            raise UnknownUserError(f"There is no profile named {name.strip()[:40]!r}. Start a chat to create one.")
        return _User(info.id, info.name)

    def _lock(self, user_id: int) -> AbstractContextManager[None]:
        return self._turn_locks.hold(user_id)

    def _config(self, user: _User) -> dict[str, Any]:
        return {"configurable": {"thread_id": f"user-{user.id}"}}

    def start(self, user: str) -> TurnResult:
        """Greet a user: onboarding for a new one, "welcome back" for a returning one."""
        try:
            u = self._user(user)
        except ChatRecError as exc:
            return TurnResult(reply=str(exc), stage="error")
        profile = self.deps.repo.load(u.id)
        if not profile.onboarding_done and profile.onboarding_step == 0:
            return self._run(u, {"user_text": "", "event": None})
        self._new_visit(u)
        replies = self.deps.replies(profile.language or "en")
        text = replies["greeting_back"].format(user=u.name)
        if not profile.onboarding_done:
            questions = replies["onboarding"]
            question = questions[min(profile.onboarding_step, len(questions)) - 1]
            return TurnResult(reply=f"{text} {question['question']}", stage="onboarding",
                              asks_question=True, quick_replies=tuple(question["chips"]))
        return TurnResult(reply=f"{text} {replies['greeting_back_hint']}", stage="smalltalk",
                          items=self.last_items(user))

    def _new_visit(self, u: _User) -> None:
        """A returning user starts a new topic: the last visit's request and moods end (a "mafia"
        asked yesterday must not hold today's "I loved Get Out"); the picks on screen, the profile
        and everything stored stay.
        """
        config = self._config(u)
        with self._lock(u.id):
            if not (self.graph.get_state(config).values or {}):
                return
            self.graph.update_state(config, dict(_TOPIC_FIELDS), as_node="remember")

    def send(self, user: str, text: str) -> Iterator[TurnEvent]:
        """Run one turn; yields the reply's text as it is produced, then the whole result."""
        try:
            u = self._user(user)
            message = clean_message(text, self.deps.settings.max_message_chars)
            self.limiter.check(u.id)
        except ChatRecError as exc:
            yield TurnEvent("error", str(exc), TurnResult(reply=str(exc), stage="error"))
            return
        yield from self._stream(u, {"user_text": message, "event": None})

    def send_sync(self, user: str, text: str) -> TurnResult:
        """The whole turn at once (CLI, tests)."""
        result = None
        for event in self.send(user, text):
            result = event.result or result
        assert result is not None
        return result

    def feedback(self, user: str, item_id: int, like: bool) -> TurnResult:
        """👍/👎 on a shown item: updates the profile at once and returns fresh picks."""
        return self._event(user, {"type": "feedback", "item_id": item_id, "like": bool(like)})

    def mark_seen(self, user: str, item_id: int) -> TurnResult:
        """"Seen it": the item is never suggested again; the profile does not move."""
        return self._event(user, {"type": "seen", "item_id": item_id})

    def _event(self, user: str, event: dict[str, Any]) -> TurnResult:
        try:
            u = self._user(user)
            item_id = event["item_id"]
            valid = isinstance(item_id, int | np.integer) and not isinstance(item_id, bool)
            if not valid or item_id not in self.deps.catalog:
                raise UnknownItemError(f"Item {str(item_id)[:20]!r} is not in the catalog.")
            event["item_id"] = int(item_id)
            self.limiter.check(u.id)
        except ChatRecError as exc:
            return TurnResult(reply=str(exc), stage="error")
        return self._run(u, {"user_text": "", "event": event})

    def _run(self, u: _User, payload: dict[str, Any]) -> TurnResult:
        result = None
        for event in self._stream(u, payload):
            result = event.result or result
        assert result is not None
        return result

    def _stream(self, u: _User, payload: dict[str, Any]) -> Iterator[TurnEvent]:
        context = TurnContext(deps=self.deps, user_id=u.id, user_name=u.name)
        streamed = False
        pending = ""
        final: dict[str, Any] = {}
        started = time.perf_counter()
        with ExitStack() as held:
            try:
                held.enter_context(self._lock(u.id))
            except ChatRecError as exc:  # the user's turn on another replica did not finish in time
                yield TurnEvent("error", str(exc), TurnResult(reply=str(exc), stage="error"))
                return
            try:
                for mode, chunk in self.graph.stream(
                    payload, self._config(u), context=context, stream_mode=["custom", "values"]
                ):
                    if mode == "custom" and "picks" in chunk:  # ranking is done: the picks go out first
                        streamed = True
                        yield self._picks_event(chunk, started)
                    elif mode == "custom" and "intro" in chunk:  # one checked sentence of the model's intro
                        yield TurnEvent("intro", scrub_line(chunk["intro"]))
                    elif mode == "custom" and "token" in chunk:
                        streamed = True
                        pending += chunk["token"]
                        if "\n" in pending:  # scrubbed line by line, so the stream equals the final reply
                            done, pending = pending.rsplit("\n", 1)
                            yield TurnEvent("token", scrub_reply(done) + "\n")
                    elif mode == "values":
                        final = chunk
                if pending:
                    yield TurnEvent("token", scrub_line(pending))
            except ChatRecError as exc:
                yield TurnEvent("error", str(exc), TurnResult(reply=str(exc), stage="error"))
                return
            except Exception:
                log.exception("turn failed for user %s", u.id)
                yield TurnEvent("error", INTERNAL_ERROR, TurnResult(reply=INTERNAL_ERROR, stage="error"))
                return
        result = self._result(final, time.perf_counter() - started)
        if not streamed and result.reply:
            yield TurnEvent("token", result.reply)
        yield TurnEvent("done", result.reply, result)

    def _picks_event(self, chunk: dict[str, Any], started: float) -> TurnEvent:
        """The cards and the list, before any model text (``reply`` holds the lead and the list)."""
        lead, listing = chunk.get("lead") or "", chunk.get("list") or ""
        partial = TurnResult(
            reply=scrub_reply(f"{lead}\n\n{listing}".strip()), stage="recommend", items=self._items(chunk["picks"]),
            trace={"picks_ms": round((time.perf_counter() - started) * 1000, 1)},
        )
        return TurnEvent("picks", listing, partial)

    def _items(self, chosen: list[dict[str, Any]]) -> tuple[RecommendedItem, ...]:
        items = []
        for c in chosen:
            item = self.deps.catalog.get(c["item_id"])
            if item is None:  # cannot happen: the ranker only returns catalog items
                continue
            items.append(RecommendedItem(
                item_id=item.item_id, title=item.title, year=item.year, genres=item.genres,
                reason=c.get("reason", ""), score=c.get("score", 0.0), breakdown=c.get("breakdown", {}),
            ))
        return tuple(items)

    def _result(self, state: dict[str, Any], seconds: float) -> TurnResult:
        items = self._items(state.get("chosen") or [])
        trace = dict(state.get("trace") or {})
        trace["total_ms"] = round(seconds * 1000, 1)
        trace["constraints"] = {k: v for k, v in (state.get("constraints") or {}).items() if k != "exclude_ids"}
        return TurnResult(
            reply=scrub_reply(state.get("reply") or ""), stage=state.get("stage", "smalltalk"), items=items,
            asks_question=bool(state.get("asks_question")), quick_replies=tuple(state.get("quick_replies") or ()),
            signal=dict(state.get("signal") or {}), trace=trace,
        )

    # ---------------------------------------------------------------- profile
    def last_items(self, user: str) -> tuple[RecommendedItem, ...]:
        """The items shown in the user's last recommendation, if any."""
        u = self._user(user, create=False)
        snapshot = self.graph.get_state(self._config(u))
        ids = (snapshot.values or {}).get("last_items") or []
        items = [self.deps.catalog.get(i) for i in ids]
        return tuple(
            RecommendedItem(i.item_id, i.title, i.year, i.genres, "", 0.0) for i in items if i is not None
        )

    def profile(self, user: str) -> ProfileView:
        """The stored profile in words and numbers the user can read."""
        u = self._user(user, create=False)
        p = self.deps.repo.load(u.id)
        catalog = self.deps.catalog

        def labels(ids: set[int]) -> tuple[str, ...]:
            return tuple(sorted(item.label for i in ids if (item := catalog.get(i)) is not None))

        history = []
        for turn in self.deps.repo.history(u.id):
            if turn.vector_after is not None:
                history.append(self._genre_similarity(turn.vector_after))
        top = self._genre_similarity(p.vector) if p.vector is not None else {}
        aspects = (self.graph.get_state(self._config(u)).values or {}).get("aspects") or {}
        return ProfileView(
            user=u.name, turns=p.turn_count, liked=labels(set(p.liked_ids)),
            disliked=labels(set(p.disliked_ids) | set(p.rejected_ids)), seen=labels(set(p.seen_ids)),
            top_genres=tuple(sorted(top.items(), key=lambda kv: -kv[1])[:5]),
            excluded_genres=tuple(sorted(p.excluded_genres)), year_min=p.year_min, year_max=p.year_max,
            onboarding_done=p.onboarding_done, has_vector=p.vector is not None,
            genre_history=tuple(history), moods=tuple(aspects.get("liked") or ()),
            avoided_moods=tuple(aspects.get("disliked") or ()),
        )

    def _genre_similarity(self, vector: np.ndarray) -> dict[str, float]:
        return {g: round(float(np.dot(vector, gv)), 4) for g, gv in self.deps.genre_vectors.items()}

    def export(self, user: str) -> dict[str, Any]:
        """Everything stored about ``user`` as JSON-ready data ("Download my data")."""
        from chat_rec.profile.export import export_user

        u = self._user(user, create=False)
        return export_user(self.deps.repo, u.id, self.deps.catalog)

    def reset(self, user: str) -> None:
        """Forget everything about this user's taste and conversation (the name stays)."""
        u = self._user(user, create=False)
        with self._lock(u.id):
            self.deps.repo.reset(u.id)
            self.checkpointer.delete_thread(f"user-{u.id}")
