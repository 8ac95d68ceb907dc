"""The page's named API endpoints (for gradio_client and plain HTTP) and per-turn observation.

Every endpoint takes the caller's identity from the session (``Access.user``); the ``user``
argument is kept for scripts written before accounts and must be empty or the caller's own name.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import gradio as gr

from chat_rec.errors import ChatRecError
from chat_rec.observability import metrics, new_turn_id, turn_scope
from chat_rec.results import TurnResult
from ui.access import Access
from ui.render import profile_dict, result_dict

log = logging.getLogger(__name__)

CRASHED = "Something went wrong on my side; please try again (details are in the server log)."


def queue_wait_s() -> float | None:
    """Seconds the current Gradio event waited in the queue (None outside a queued event)."""
    try:
        from gradio.context import LocalContext

        blocks, event_id = LocalContext.blocks.get(None), LocalContext.event_id.get(None)
        queued = blocks._queue.event_analytics[event_id]["time"] if blocks and event_id else None
    except (AttributeError, KeyError, LookupError):
        return None
    return max(0.0, time.time() - queued) if isinstance(queued, int | float) else None


def observe(kind: str, result: TurnResult | None, started: float, turn_id: str, user: str) -> None:
    """Metrics and one JSON log line for a finished turn (``result`` None: it crashed)."""
    seconds = time.perf_counter() - started
    stage = result.stage if result is not None else "crashed"
    if result is None:
        metrics().errors.labels("internal").inc()
        metrics().turns.labels(kind, stage).inc()
    else:
        metrics().observe_turn(kind, stage, seconds, result.trace)
    trace = (result.trace if result is not None else None) or {}
    log.info("turn answered", extra={
        "event": "turn", "turn_id": turn_id, "kind": kind, "stage": stage, "ms": round(seconds * 1000, 1),
        "nodes_ms": trace.get("ms"), "path": trace.get("path"), "items": len(result.items) if result else 0,
        "user_key": _pseudonym(user)})


def start_turn() -> float:
    """Count the queue wait of the event now starting; the perf_counter start of the turn."""
    wait = queue_wait_s()
    if wait is not None:
        metrics().queue_wait.observe(wait)
    return time.perf_counter()


def _pseudonym(user: str) -> str:
    """A stable short id for a user in logs (names stay out of log files)."""
    import hashlib

    return hashlib.sha256(user.casefold().encode("utf-8")).hexdigest()[:10]


def run_turn(kind: str, user: str, call: Callable[[], TurnResult]) -> TurnResult:
    """One service call that answers a turn, observed."""
    started = start_turn()
    with turn_scope() as turn_id:
        try:
            result = call()
        except ChatRecError:
            raise
        except Exception:
            log.exception("turn crashed")
            observe(kind, None, started, turn_id, user)
            raise
        observe(kind, result, started, turn_id, user)
        return result


def add_api(service: Any, access: Access) -> None:
    """Named endpoints for gradio_client; user-caused errors come back as the service's sentence."""

    def guarded(call: Callable[[], Any]) -> Any:
        try:
            result = call()
        except ChatRecError as error:
            raise gr.Error(str(error)) from None
        if isinstance(result, TurnResult) and result.stage == "error":
            raise gr.Error(result.reply)
        return result

    def start(user: str, request: gr.Request) -> dict:
        """Greet the signed-in user (an onboarding question the first time, welcome back later)."""
        me = access.user(request, user)
        return result_dict(guarded(lambda: run_turn("start", me, lambda: service.start(me))))

    def send(user: str, text: str, request: gr.Request) -> dict:
        """One message; returns the final reply, stage, quick replies and recommended items."""
        me = access.user(request, user)

        def whole() -> TurnResult:
            for event in service.send(me, text):
                if event.kind == "error":
                    return event.result or TurnResult(reply=event.text, stage="error")
                if event.kind == "done" and event.result is not None:
                    return event.result
            return TurnResult(reply=CRASHED, stage="error")

        return result_dict(guarded(lambda: run_turn("send", me, whole)))

    def send_stream(user: str, text: str, request: gr.Request) -> Iterator[dict]:
        """One message, streamed: {"phase": "picks"} with the items first, then {"phase": "intro"} per
        checked sentence of the model's intro, then {"phase": "done"} with the whole result.
        """
        me = access.user(request, user)
        started, turn_id = start_turn(), new_turn_id()
        for event in service.send(me, text):
            if event.kind == "error":
                observe("send", event.result or TurnResult(event.text, "error"), started, turn_id, me)
                raise gr.Error(event.text)
            if event.kind == "picks" and event.result is not None:
                yield {"phase": "picks", **result_dict(event.result)}
            elif event.kind == "intro":
                yield {"phase": "intro", "text": event.text}
            elif event.kind == "done" and event.result is not None:
                observe("send", event.result, started, turn_id, me)
                yield {"phase": "done", **result_dict(event.result)}

    def feedback(user: str, item_id: int, like: bool, request: gr.Request) -> dict:
        """👍 (like=True) or 👎 on a shown item; returns the service's answer."""
        me = access.user(request, user)
        return result_dict(guarded(lambda: run_turn(
            "feedback", me, lambda: service.feedback(me, int(item_id), bool(like)))))

    def seen(user: str, item_id: int, request: gr.Request) -> dict:
        """Mark a shown item as seen: never suggested again; the taste profile does not move."""
        me = access.user(request, user)
        return result_dict(guarded(lambda: run_turn("seen", me, lambda: service.mark_seen(me, int(item_id)))))

    def profile(user: str, request: gr.Request) -> dict:
        """What is stored about the signed-in user: liked, disliked, top genres, constraints."""
        me = access.user(request, user)
        return profile_dict(guarded(lambda: service.profile(me)))

    def export(user: str, request: gr.Request) -> dict:
        """Everything stored about the signed-in user, as JSON ("Download my data")."""
        me = access.user(request, user)
        return dict(json.loads(json.dumps(guarded(lambda: service.export(me)), default=str)))

    def reset(user: str, request: gr.Request) -> dict:
        """Forget the signed-in user's profile (the name and password stay)."""
        me = access.user(request, user)
        guarded(lambda: service.reset(me))
        log.info("profile reset", extra={"event": "reset", "user_key": _pseudonym(me)})
        return {"reset": True, "user": me}

    for fn in (start, send, send_stream, feedback, seen, profile, export, reset):
        gr.api(fn, api_name=fn.__name__)
