"""The chat-rec web page: lays out Gradio components and wires each one to one ChatService call.

Rendering lives in ``ui.render`` (escaped HTML, the taste plot, JSON dicts); every decision lives in
the service. Besides the page, named API endpoints (``start``, ``send``, ``feedback``, ``seen``,
``profile``, ``reset``) let ``gradio_client`` drive the same service.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from chat_rec.errors import ChatRecError
from chat_rec.results import TurnResult
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
    profile_dict,
    profile_html,
    result_dict,
    turn_html,
)

log = logging.getLogger(__name__)

THEME_CSS = Path(__file__).with_name("theme.css")

NEED_NAME = "Type your name above and press Start first."
RESET_DONE = "Your profile is gone: I have forgotten your likes, dislikes and our chat. Which movies do you enjoy?"
CRASHED = "Something went wrong on my side; please try again (details are in the server log)."

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


def build_demo(service: Any) -> gr.Blocks:
    """Build the page for ``service`` (a ChatService or anything with its methods); not launched."""
    with gr.Blocks(title="chat-rec · movie picks you can talk to", analytics_enabled=False) as demo:
        user_state = gr.State("")
        shown_state = gr.State([])  # item_dict(...) of each card on screen
        pending_state = gr.State("")  # the message being answered
        turns_state = gr.State([])  # presenter blocks, one per turn

        with gr.Row(elem_classes="cr-top"):
            gr.HTML(f"<h1 class='cr-h1'>🎬 chat-rec</h1>{header_html(service.describe())}", elem_id="header")
            presenter_on = gr.Checkbox(label="Presenter mode", elem_id="presenter-toggle", scale=0, min_width=170)
        with gr.Row(equal_height=True, elem_classes="cr-who"):
            name = gr.Textbox(
                label="Your name",
                show_label=False,
                container=False,
                placeholder="Your name, e.g. alex",
                elem_id="user-name",
                scale=3,
                min_width=160,
            )
            start_btn = gr.Button("Start", variant="primary", elem_id="start", scale=1, min_width=90)

        with gr.Row(elem_classes="cr-main"):
            with gr.Column(scale=5, min_width=340, elem_classes="cr-col"):
                chatbot = gr.Chatbot(
                    label="Conversation",
                    elem_id="chat",
                    height=470,
                    buttons=["copy"],
                    placeholder="<b>Hi!</b> Enter your name above and press Start. I'll ask what you like, "
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
                forget_btn = gr.Button("Forget me", variant="stop", size="sm", elem_id="forget")
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

        def on_start(user: str) -> list[Any]:
            user = (user or "").strip()
            try:
                result = service.start(user)
            except ChatRecError as error:
                raise gr.Error(str(error)) from None
            if result.stage == "error":
                raise gr.Error(result.reply)
            turns = [turn_html(1, "start", result)] if result.trace else []
            return [user, _say([], "assistant", result.reply), turns, presenter_html(turns), *show(result, True)]

        def on_message(text: str, history: list[Message]) -> list[Any]:
            """Show the user's message and a typing placeholder at once; the reply streams next."""
            if not (text or "").strip():
                return [gr.skip(), gr.skip(), ""]
            history = [*_say(history, "user", text), {"role": "assistant", "content": TYPING}]
            return [history, "", text]

        def on_reply(user: str, text: str, history: list[Message], turns: list[str]) -> Iterator[list[Any]]:
            if not (text or "").strip():
                return
            if not user:
                yield [_answer(history, NEED_NAME), gr.skip(), gr.skip(), *keep]
                return
            streamed = ""
            picks: TurnResult | None = None
            intro: list[str] = []
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
                        yield [_answer(history, event.text or CRASHED), gr.skip(), gr.skip(), *keep]
                    else:
                        result = event.result
                        yield [_answer(history, result.reply), *logged(turns, text[:60], result), *show(result, False)]
            except ChatRecError as error:
                yield [_answer(history, str(error)), gr.skip(), gr.skip(), *keep]
            except Exception:  # the page must stay usable whatever the service does
                log.exception("send failed")
                yield [_answer(history, CRASHED), gr.skip(), gr.skip(), *keep]

        def on_card(slot: int, kind: str) -> Callable[..., list[Any]]:
            def handler(user: str, shown: list[dict[str, Any]], history: list[Message], turns: list[str]) -> list[Any]:
                if not user or slot >= len(shown or []):
                    return [_say(history, "assistant", NEED_NAME), gr.skip(), gr.skip(), *keep]
                item = shown[slot]
                label = item_from_dict(item).label
                icon = {"like": "👍", "dislike": "👎", "seen": "👁 Seen:"}[kind]
                history = _say(history, "user", f"{icon} {label}")
                try:
                    if kind == "seen":
                        result = service.mark_seen(user, int(item["item_id"]))
                    else:
                        result = service.feedback(user, int(item["item_id"]), kind == "like")
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

        def on_forget(user: str) -> list[Any]:
            if not user:
                raise gr.Error(NEED_NAME)
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

        def on_profile(user: str) -> list[Any]:
            view = None
            if user:
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
            "outputs": [chatbot, *log_out, *view],
            "show_progress": "hidden",
        }
        reply_io.update(private)

        for trigger in (start_btn.click, name.submit):
            trigger(on_start, name, [user_state, chatbot, *log_out, *view], **private).then(**refresh)
        for trigger in (send_btn.click, msg.submit):
            trigger(on_message, [msg, chatbot], [chatbot, msg, pending_state], queue=False, **private).then(
                **reply_io
            ).then(**refresh)
        for chip in chips:
            chip.click(on_message, [chip, chatbot], [chatbot, msg, pending_state], queue=False, **private).then(
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

        _add_api(service)
    return demo


def _add_api(service: Any) -> None:
    """Named endpoints for gradio_client; user-caused errors come back as the service's sentence."""

    def guarded(call: Callable[[], Any]) -> Any:
        try:
            result = call()
        except ChatRecError as error:
            raise gr.Error(str(error)) from None
        if isinstance(result, TurnResult) and result.stage == "error":
            raise gr.Error(result.reply)
        return result

    def start(user: str) -> dict:
        """Greet ``user`` (an onboarding question for a new name, welcome back for a known one)."""
        return result_dict(guarded(lambda: service.start(user)))

    def send(user: str, text: str) -> dict:
        """One message; returns the final reply, stage, quick replies and recommended items."""
        for event in guarded(lambda: list(service.send(user, text))):
            if event.kind == "error":
                raise gr.Error(event.text)
            if event.kind == "done" and event.result is not None:
                return result_dict(event.result)
        raise gr.Error(CRASHED)

    def send_stream(user: str, text: str) -> Iterator[dict]:
        """One message, streamed: {"phase": "picks"} with the items first, then {"phase": "intro"} per
        checked sentence of the model's intro, then {"phase": "done"} with the whole result.
        """
        for event in guarded(lambda: service.send(user, text)):
            if event.kind == "error":
                raise gr.Error(event.text)
            if event.kind == "picks" and event.result is not None:
                yield {"phase": "picks", **result_dict(event.result)}
            elif event.kind == "intro":
                yield {"phase": "intro", "text": event.text}
            elif event.kind == "done" and event.result is not None:
                yield {"phase": "done", **result_dict(event.result)}

    def feedback(user: str, item_id: int, like: bool) -> dict:
        """👍 (like=True) or 👎 on a shown item; returns the service's answer."""
        return result_dict(guarded(lambda: service.feedback(user, int(item_id), bool(like))))

    def seen(user: str, item_id: int) -> dict:
        """Mark a shown item as seen: never suggested again; the taste profile does not move."""
        return result_dict(guarded(lambda: service.mark_seen(user, int(item_id))))

    def profile(user: str) -> dict:
        """Show what is stored about ``user``: liked, disliked, top genres, constraints."""
        return profile_dict(guarded(lambda: service.profile(user)))

    def reset(user: str) -> dict:
        """Forget ``user``'s profile (the name stays)."""
        guarded(lambda: service.reset(user))
        return {"reset": True, "user": user}

    for fn in (start, send, send_stream, feedback, seen, profile, reset):
        gr.api(fn, api_name=fn.__name__)


def launch(
    service: Any,
    host: str = "127.0.0.1",
    port: int | None = 7860,
    share: bool = False,
    *,
    prevent_thread_lock: bool = False,
    concurrency: int = 1,
    quiet: bool = False,
) -> gr.Blocks:
    """Serve the page with the queue on; ``port=None`` picks a free one. Returns the running Blocks."""
    demo = build_demo(service)
    demo.queue(default_concurrency_limit=concurrency)
    demo.launch(
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
    return demo
