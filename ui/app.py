"""The chat-rec web page: lays out Gradio components and wires each one to one ChatService call.

Rendering lives in ``ui.render`` (escaped HTML, the taste plot, JSON dicts); every decision lives in
the service. Who is asking comes from the session (``ui.access``): one local profile on 127.0.0.1,
or the signed-in account. Named API endpoints (``ui.api``) let ``gradio_client`` drive the same
service; /metrics, /health and /export are plain HTTP routes beside the page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from chat_rec.errors import ChatRecError
from chat_rec.observability import new_turn_id
from chat_rec.results import TurnResult
from ui.access import Access, ClientAddress, check_exposure
from ui.api import CRASHED, add_api, observe, run_turn, start_turn
from ui.render import (
    EMPTY_CARDS,
    MAX_CARDS,
    MAX_CHIPS,
    TYPING,
    card_html,
    chat_text,
    genre_history_figure,
    header_html,
    item_dict,
    item_from_dict,
    presenter_html,
    profile_html,
    turn_html,
)

log = logging.getLogger(__name__)

THEME_CSS = Path(__file__).with_name("theme.css")

NEED_NAME = "Press Start first."
STILL_ANSWERING = "Still answering your last message: yours stays in the box, send it when the reply is done."
BUSY_STALE_S = 120.0
"""A reply older than this no longer holds messages back (a stream that never finished)."""
RESET_DONE = "Your profile is gone: I have forgotten your likes, dislikes and our chat. Which movies do you enjoy?"

ARIA_HEAD = """<meta name="viewport" content="width=device-width, initial-scale=1">
<script>
(() => {
  // Gradio buttons take no aria-label: name each card button after the movie on its card.
  const verbs = {like: 'Like', dislike: 'Dislike', seen: 'Seen it:'};
  const name = () => document.querySelectorAll('button[id^="like-"], button[id^="dislike-"], button[id^="seen-"]')
    .forEach((b) => {
      const [kind, n] = b.id.split('-');
      const card = document.querySelector('#card-' + n + ' .cr-card');
      const text = verbs[kind] + ' ' + (card?.dataset.label || 'item ' + n);
      if (b.getAttribute('aria-label') !== text) { b.setAttribute('aria-label', text); b.title = text; }
    });
  new MutationObserver(name).observe(document.documentElement, {childList: true, subtree: true, attributes: true,
    attributeFilter: ['data-label']});
})();
</script>"""

Message = dict[str, Any]


def _say(history: list[Message] | None, role: str, text: str) -> list[Message]:
    """Return the chat history with one more (escaped) message."""
    return [*(history or []), {"role": role, "content": chat_text(text)}]


def _answer(history: list[Message], text: str) -> list[Message]:
    """Replace the last (placeholder) assistant message with ``text``."""
    return [*history[:-1], {"role": "assistant", "content": chat_text(text)}]


def writing(picks_reply: str, intro: list[str]) -> str:
    """The reply while the intro is being written: lead and intro so far, a typing mark, the list."""
    lead, _, listing = picks_reply.partition("\n\n") if "\n\n" in picks_reply else ("", "", picks_reply)
    return " ".join(p for p in (lead, *intro, TYPING) if p) + "\n\n" + listing


def _who_html(access: Access) -> str:
    from html import escape

    if access.accounts:
        return ("<div class='cr-whoami' id='whoami'>Signed in: your profile opens with your password. "
                "<a href='/logout' id='sign-out'>Sign out</a></div>")
    return (f"<div class='cr-whoami' id='whoami'>Local profile <b>{escape(access.local_user)}</b> "
            "(this machine only, no password)</div>")


def build_demo(service: Any, access: Access | None = None) -> gr.Blocks:
    """Build the page for ``service`` (a ChatService or anything with its methods); not launched."""
    access = access or Access(service)
    with gr.Blocks(title="chat-rec · movie picks you can talk to", analytics_enabled=False) as demo:
        user_state = gr.State("")
        shown_state = gr.State([])  # item_dict(...) of each card on screen
        pending_state = gr.State("")  # the message being answered
        busy_state = gr.State(0.0)  # when the reply being written started (0: none)
        turns_state = gr.State([])  # presenter blocks, one per turn

        with gr.Row(elem_classes="cr-top"):
            gr.HTML(f"<h1 class='cr-h1'>🎬 chat-rec</h1>{header_html(service.describe())}", elem_id="header")
            presenter_on = gr.Checkbox(label="Presenter mode", elem_id="presenter-toggle", scale=0, min_width=170)
        with gr.Row(equal_height=True, elem_classes="cr-who"):
            gr.HTML(_who_html(access), elem_id="who", scale=3, min_width=160)
            start_btn = gr.Button("Start", variant="primary", elem_id="start", scale=1, min_width=90)

        with gr.Row(elem_classes="cr-main"):
            with gr.Column(scale=5, min_width=340, elem_classes="cr-col"):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    elem_id="chat",
                    height=470,
                    buttons=["copy"],
                    placeholder="<b>Hi!</b> Press Start. I'll ask what you like, "
                    "then suggest movies from the catalog, each with the reason it was picked.",
                )
                with gr.Row(visible=False, elem_classes="cr-chips") as chips_row:
                    chips = [
                        gr.Button(
                            visible=False, size="sm", elem_classes="cr-chip", elem_id=f"chip-{n + 1}", min_width=0
                        )
                        for n in range(MAX_CHIPS)
                    ]
                with gr.Row(equal_height=True, elem_classes="cr-compose"):
                    msg = gr.Textbox(
                        show_label=False,
                        placeholder="Tell me about movies you like (or don't)…",
                        elem_id="message",
                        scale=5,
                        min_width=160,
                        max_lines=4,
                    )
                    send_btn = gr.Button("Send", variant="primary", elem_id="send", scale=1, min_width=80)
            with gr.Column(scale=4, min_width=320, elem_classes="cr-col"):
                gr.HTML("<h2 class='cr-h2'>Picks for you</h2>")
                empty_cards = gr.HTML(EMPTY_CARDS, elem_id="cards-empty")
                slots, cards, buttons = [], [], []
                for n in range(MAX_CARDS):
                    with gr.Column(visible=False, elem_classes="cr-slot", elem_id=f"slot-{n + 1}") as slot:
                        cards.append(gr.HTML(elem_id=f"card-{n + 1}"))
                        with gr.Row(elem_classes="cr-actions"):
                            buttons.append(
                                (
                                    gr.Button("👍 Like", size="sm", elem_id=f"like-{n + 1}", min_width=0),
                                    gr.Button("👎 Not for me", size="sm", elem_id=f"dislike-{n + 1}", min_width=0),
                                    gr.Button("👁 Seen it", size="sm", elem_id=f"seen-{n + 1}", min_width=0),
                                )
                            )
                    slots.append(slot)
            with gr.Column(scale=3, min_width=300, elem_classes="cr-col"):
                gr.HTML("<h2 class='cr-h2'>Your profile</h2>")
                profile_panel = gr.HTML(profile_html(None), elem_id="profile")
                plot = gr.Plot(
                    label="How your taste moved: similarity of your taste to each top genre, per turn",
                    show_label=False,
                    elem_id="taste-plot",
                    visible=False,
                    format="png",
                )
                with gr.Row(elem_classes="cr-mydata"):
                    gr.Button("Download my data", size="sm", elem_id="download", link="/export", min_width=0)
                    forget_btn = gr.Button("Forget me", variant="stop", size="sm", elem_id="forget", min_width=0)
                with gr.Column(visible=False, elem_classes="cr-confirm", elem_id="forget-confirm") as confirm_box:
                    gr.HTML("<div role='alert'>Delete your likes, dislikes and our chat? This cannot be undone.</div>")
                    with gr.Row():
                        confirm_btn = gr.Button("Yes, forget me", variant="stop", size="sm", elem_id="forget-yes")
                        cancel_btn = gr.Button("Cancel", size="sm", elem_id="forget-no")

        with gr.Accordion(
            "What the machine did (presenter mode)", open=True, visible=False, elem_id="presenter"
        ) as presenter_box:
            presenter = gr.HTML(presenter_html([]), elem_id="presenter-log")

        view = [shown_state, chips_row, *chips, empty_cards, *slots, *cards]
        keep = [gr.skip()] * len(view)
        log_out = [turns_state, presenter]

        def show_items(items: list[dict[str, Any]] | None, replies: tuple[str, ...] = ()) -> list[Any]:
            """Updates for ``view``: chips, and cards (``None`` leaves the cards as they are)."""
            updates: list[Any] = [gr.skip() if items is None else items]
            updates.append(gr.Row(visible=bool(replies)))
            for n in range(MAX_CHIPS):
                text = replies[n] if n < len(replies) else None
                updates.append(gr.Button(value=text, visible=True) if text else gr.Button(visible=False))
            if items is None:
                return updates + [gr.skip()] * (1 + 2 * MAX_CARDS)
            updates.append(gr.HTML(visible=not items))
            updates += [gr.Column(visible=n < len(items)) for n in range(MAX_CARDS)]
            updates += [card_html(n + 1, item_from_dict(items[n])) if n < len(items) else "" for n in range(MAX_CARDS)]
            return updates

        def show(result: TurnResult, clear_when_empty: bool) -> list[Any]:
            """Updates for ``view`` from one TurnResult (cards stay when it brings none)."""
            items = [item_dict(item) for item in result.items[:MAX_CARDS]]
            return show_items(items if items or clear_when_empty else None, tuple(result.quick_replies[:MAX_CHIPS]))

        def logged(turns: list[str], label: str, result: TurnResult) -> list[Any]:
            """Updates for ``log_out``: one more presenter block when the turn ran the graph."""
            if not result.trace:
                return [gr.skip(), gr.skip()]
            turns = [*(turns or []), turn_html(len(turns or []) + 1, label, result)]
            return [turns, presenter_html(turns)]

        def on_start(request: gr.Request) -> list[Any]:
            user = access.user(request)
            try:
                result = run_turn("start", user, lambda: service.start(user))
            except ChatRecError as error:
                raise gr.Error(str(error)) from None
            if result.stage == "error":
                raise gr.Error(result.reply)
            turns = [turn_html(1, "start", result)] if result.trace else []
            return [user, _say([], "assistant", result.reply), turns, presenter_html(turns), *show(result, True)]

        def on_message(text: str, history: list[Message], busy: float) -> list[Any]:
            """Show the user's message and a typing placeholder at once; the reply streams next.

            While a reply is still being written the message stays in the box (it would be lost:
            the reply's stream redraws the chat) and the person is told to send it again after.
            """
            if not (text or "").strip():
                return [gr.skip(), gr.skip(), "", gr.skip()]
            if busy and time.monotonic() - busy < BUSY_STALE_S:
                gr.Info(STILL_ANSWERING)
                return [gr.skip(), gr.skip(), "", gr.skip()]
            history = [*_say(history, "user", text), {"role": "assistant", "content": TYPING}]
            return [history, "", text, time.monotonic()]

        def on_reply(
            started_user: str, text: str, history: list[Message], turns: list[str], request: gr.Request
        ) -> Iterator[list[Any]]:
            if not (text or "").strip():
                return
            if not started_user:
                yield [_answer(history, NEED_NAME), gr.skip(), gr.skip(), *keep, 0.0]
                return
            user = access.user(request)
            # Each step of a generator may run in another worker thread (another context), so the turn
            # id is passed along rather than set in a context variable around the yields.
            for update in _reply(user, text, history, turns, "", start_turn(), new_turn_id()):
                yield [*update, gr.skip()]
            yield [gr.skip()] * (3 + len(view)) + [0.0]  # the reply is done: the box takes messages again

        def _reply(user: str, text: str, history: list[Message], turns: list[str], streamed: str, started: float,
                   turn_id: str) -> Iterator[list[Any]]:
            picks: TurnResult | None = None  # the cards and list, shown before any model text
            intro: list[str] = []  # checked sentences of the model's intro so far
            try:
                for event in service.send(user, text):
                    if event.kind == "token":
                        streamed += event.text
                        yield [_answer(history, streamed), gr.skip(), gr.skip(), *keep]
                    elif event.kind == "picks" and event.result is not None:  # cards and list before any model text
                        picks = event.result
                        yield [_answer(history, writing(picks.reply, intro)), gr.skip(), gr.skip(), *show(picks, False)]
                    elif event.kind == "intro" and picks is not None:  # one checked sentence of the model's intro
                        intro.append(event.text)
                        yield [_answer(history, writing(picks.reply, intro)), gr.skip(), gr.skip(), *keep]
                    elif event.kind == "error" or event.result is None:
                        observe("send", event.result or TurnResult(event.text, "error"), started, turn_id, user)
                        yield [_answer(history, event.text or CRASHED), gr.skip(), gr.skip(), *keep]
                    else:
                        result = event.result
                        observe("send", result, started, turn_id, user)
                        yield [_answer(history, result.reply), *logged(turns, text[:60], result), *show(result, False)]
            except ChatRecError as error:
                yield [_answer(history, str(error)), gr.skip(), gr.skip(), *keep]
            except Exception:  # the page must stay usable whatever the service does
                log.exception("send failed")
                observe("send", None, started, turn_id, user)
                yield [_answer(history, CRASHED), gr.skip(), gr.skip(), *keep]

        def on_card(slot: int, kind: str) -> Callable[..., list[Any]]:
            def handler(started_user: str, shown: list[dict[str, Any]], history: list[Message], turns: list[str],
                        request: gr.Request) -> list[Any]:
                if not started_user or slot >= len(shown or []):
                    return [_say(history, "assistant", NEED_NAME), gr.skip(), gr.skip(), *keep]
                user = access.user(request)
                item = shown[slot]
                label = item_from_dict(item).label
                icon = {"like": "👍", "dislike": "👎", "seen": "👁 Seen:"}[kind]
                history = _say(history, "user", f"{icon} {label}")
                try:
                    item_id = int(item["item_id"])
                    if kind == "seen":
                        result = run_turn("seen", user, lambda: service.mark_seen(user, item_id))
                    else:
                        result = run_turn("feedback", user, lambda: service.feedback(user, item_id, kind == "like"))
                except ChatRecError as error:
                    return [_say(history, "assistant", str(error)), gr.skip(), gr.skip(), *keep]
                history = _say(history, "assistant", result.reply)
                if result.stage == "error":
                    return [history, gr.skip(), gr.skip(), *keep]
                updates = logged(turns, f"{icon} {label}"[:60], result)
                if result.items or kind != "seen":
                    return [history, *updates, *show(result, False)]
                rest = [other for n, other in enumerate(shown) if n != slot]  # "seen" drops just that card
                return [history, *updates, *show_items(rest, tuple(result.quick_replies[:MAX_CHIPS]))]

            return handler

        def on_forget(started_user: str, request: gr.Request) -> list[Any]:
            user = access.user(request)
            try:
                service.reset(user)
            except ChatRecError as error:
                raise gr.Error(str(error)) from None
            cleared = TurnResult(RESET_DONE, "onboarding")
            return [
                _say([], "assistant", RESET_DONE),
                gr.Column(visible=False),
                [],
                presenter_html([]),
                *show(cleared, True),
            ]

        def on_profile(started_user: str, request: gr.Request) -> list[Any]:
            view = None
            if started_user:
                user = access.user(request)
                try:
                    view = service.profile(user)
                except ChatRecError:
                    view = None
            figure = genre_history_figure(view)
            return [profile_html(view), gr.Plot(value=figure, visible=figure is not None)]

        private: dict[str, Any] = {"api_visibility": "private"}
        refresh: dict[str, Any] = {"fn": on_profile, "inputs": user_state, "outputs": [profile_panel, plot]}
        refresh.update(private, show_progress="hidden")
        reply_io: dict[str, Any] = {
            "fn": on_reply,
            "inputs": [user_state, pending_state, chatbot, turns_state],
            "outputs": [chatbot, *log_out, *view, busy_state],
            "show_progress": "hidden",
        }
        reply_io.update(private)

        for trigger in (start_btn.click,):
            trigger(on_start, None, [user_state, chatbot, *log_out, *view], **private).then(**refresh)
        for trigger in (send_btn.click, msg.submit):
            trigger(on_message, [msg, chatbot, busy_state], [chatbot, msg, pending_state, busy_state], queue=False,
                    **private).then(
                **reply_io
            ).then(**refresh)
        for chip in chips:
            chip.click(on_message, [chip, chatbot, busy_state], [chatbot, msg, pending_state, busy_state],
                       queue=False, **private).then(
                **reply_io
            ).then(**refresh)
        for n, row in enumerate(buttons):
            for button, kind in zip(row, ("like", "dislike", "seen"), strict=True):
                button.click(
                    on_card(n, kind),
                    [user_state, shown_state, chatbot, turns_state],
                    [chatbot, *log_out, *view],
                    **private,
                ).then(**refresh)
        forget_btn.click(lambda: gr.Column(visible=True), None, confirm_box, queue=False, **private)
        cancel_btn.click(lambda: gr.Column(visible=False), None, confirm_box, queue=False, **private)
        confirm_btn.click(on_forget, user_state, [chatbot, confirm_box, *log_out, *view], **private).then(**refresh)
        presenter_on.change(lambda on: gr.Accordion(visible=on), presenter_on, presenter_box, queue=False, **private)

        add_api(service, access)
    return demo


def launch(
    service: Any,
    host: str = "127.0.0.1",
    port: int | None = 7860,
    share: bool = False,
    *,
    prevent_thread_lock: bool = False,
    concurrency: int = 1,
    quiet: bool = False,
    accounts: bool | None = None,
) -> gr.Blocks:
    """Serve the page with the queue on; ``port=None`` picks a free one. Returns the running Blocks.

    ``accounts`` (default: the setting) asks everyone to sign in; without it the server refuses any
    address but loopback (ConfigError).
    """
    from starlette.middleware import Middleware

    access = Access(service, accounts)
    check_exposure(host, access.accounts, share)
    demo = build_demo(service, access)
    demo.queue(default_concurrency_limit=concurrency)
    demo.launch(
        auth=access.check_password if access.accounts else None,
        auth_message=access.sign_in_message(),
        app_kwargs={"routes": access.routes(), "middleware": [Middleware(ClientAddress)]},
        server_name=host,
        server_port=port,
        share=share,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=False,
        footer_links=["api"],
        css_paths=THEME_CSS,
        head=ARIA_HEAD,
    )
    log.info("serving", extra={"event": "serve", "mode": access.mode, "host": host, "url": demo.local_url})
    return demo
