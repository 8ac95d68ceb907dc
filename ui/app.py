"""The chat-rec web page: lays out Gradio components and wires each one to one ChatService call.

Rendering lives in ``ui.render`` (escaped HTML, JSON dicts); every decision lives in the service.
Besides the page, four named API endpoints (``start``, ``send``, ``feedback``, ``profile``, plus
``reset``) let ``gradio_client`` drive the same service.
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
    MAX_CARDS,
    MAX_CHIPS,
    card_html,
    chat_text,
    header_html,
    profile_dict,
    profile_html,
    result_dict,
)

log = logging.getLogger(__name__)

THEME_CSS = Path(__file__).with_name("theme.css")

NEED_NAME = "Type your name above and press Start first."
RESET_DONE = "Your profile is cleared: I have forgotten your likes and dislikes. Which movies do you enjoy?"
CRASHED = "Something went wrong on my side; please try again (details are in the server log)."

ARIA_HEAD = """<script>
(() => {
  // Gradio buttons take no aria-label: name each feedback button after its card slot.
  const name = () => document.querySelectorAll('button[id^="like-"], button[id^="dislike-"]').forEach((b) => {
    const [kind, n] = b.id.split('-');
    const text = (kind === 'like' ? 'Like' : 'Dislike') + ' item ' + n;
    if (b.getAttribute('aria-label') !== text) { b.setAttribute('aria-label', text); b.title = text; }
  });
  new MutationObserver(name).observe(document.documentElement, {childList: true, subtree: true});
})();
</script>"""

Message = dict[str, Any]


def _say(history: list[Message] | None, role: str, text: str) -> list[Message]:
    """Return the chat history with one more (escaped) message."""
    return [*(history or []), {"role": role, "content": chat_text(text)}]


def build_demo(service: Any) -> gr.Blocks:
    """Build the page for ``service`` (a ChatService or anything with its methods); not launched."""
    with gr.Blocks(title="chat-rec", analytics_enabled=False) as demo:
        user_state = gr.State("")
        shown_state = gr.State([])  # [[item_id, label], ...] of the cards on screen

        gr.HTML(f"<h1 class='cr-h1'>🎬 chat-rec</h1>{header_html(service.describe())}")
        with gr.Row(equal_height=True):
            name = gr.Textbox(label="Your name", placeholder="e.g. alex", elem_id="user-name", scale=3)
            start_btn = gr.Button("Start", variant="primary", elem_id="start", scale=1)
            confirm = gr.Checkbox(label="Yes, forget my profile", elem_id="reset-confirm", scale=2)
            reset_btn = gr.Button("Reset my profile", variant="stop", elem_id="reset", scale=1)

        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Conversation", elem_id="chat", height=460, buttons=["copy"])
                with gr.Row(visible=False) as chips_row:
                    chips = [
                        gr.Button(visible=False, size="sm", elem_classes="cr-chip", elem_id=f"chip-{n + 1}")
                        for n in range(MAX_CHIPS)
                    ]
                with gr.Row(equal_height=True):
                    msg = gr.Textbox(
                        show_label=False,
                        placeholder="Tell me about movies you like (or don't)…",
                        elem_id="message",
                        scale=5,
                    )
                    send_btn = gr.Button("Send", variant="primary", elem_id="send", scale=1)
            with gr.Column(scale=2):
                gr.Markdown("### Recommendations")
                slots, cards, likes, dislikes = [], [], [], []
                for n in range(MAX_CARDS):
                    with gr.Column(visible=False, elem_classes="cr-slot") as slot:
                        cards.append(gr.HTML(elem_id=f"card-{n + 1}"))
                        with gr.Row():
                            likes.append(gr.Button("👍 Like", size="sm", elem_id=f"like-{n + 1}"))
                            dislikes.append(gr.Button("👎 Dislike", size="sm", elem_id=f"dislike-{n + 1}"))
                    slots.append(slot)
                with gr.Accordion("Your profile", open=True):
                    profile_panel = gr.HTML(profile_html(None), elem_id="profile")

        view = [shown_state, chips_row, *chips, *slots, *cards]

        def show(result: TurnResult, clear_when_empty: bool) -> list[Any]:
            """Return updates for ``view``: cards and chips from one TurnResult."""
            replies = list(result.quick_replies[:MAX_CHIPS])
            updates: list[Any] = []
            if result.items or clear_when_empty:
                items = list(result.items[:MAX_CARDS])
                updates.append([[int(item.item_id), item.label] for item in items])
            else:
                items = None
                updates.append(gr.skip())
            updates.append(gr.Row(visible=bool(replies)))
            for n in range(MAX_CHIPS):
                text = replies[n] if n < len(replies) else None
                updates.append(gr.Button(value=text, visible=True) if text else gr.Button(visible=False))
            if items is None:
                updates += [gr.skip()] * (2 * MAX_CARDS)
            else:
                updates += [gr.Column(visible=n < len(items)) for n in range(MAX_CARDS)]
                updates += [card_html(n + 1, items[n]) if n < len(items) else "" for n in range(MAX_CARDS)]
            return updates

        keep = [gr.skip()] * len(view)

        def on_start(user: str) -> list[Any]:
            user = (user or "").strip()
            try:
                result = service.start(user)
            except ChatRecError as error:
                raise gr.Error(str(error)) from None
            if result.stage == "error":
                raise gr.Error(result.reply)
            return [user, _say([], "assistant", result.reply), False, *show(result, True)]

        def on_send(user: str, text: str, history: list[Message]) -> Iterator[list[Any]]:
            if not (text or "").strip():
                yield [gr.skip(), gr.skip(), *keep]
                return
            history = _say(history, "user", text)
            if not user:
                yield [_say(history, "assistant", NEED_NAME), "", *keep]
                return
            history = _say(history, "assistant", "")
            yield [history, "", *keep]
            streamed = ""
            try:
                for event in service.send(user, text):
                    if event.kind == "token":
                        streamed += event.text
                        history[-1] = {"role": "assistant", "content": chat_text(streamed)}
                        yield [history, gr.skip(), *keep]
                    elif event.kind == "error" or event.result is None:
                        history[-1] = {"role": "assistant", "content": chat_text(event.text or CRASHED)}
                        yield [history, gr.skip(), *keep]
                    else:
                        history[-1] = {"role": "assistant", "content": chat_text(event.result.reply)}
                        yield [history, gr.skip(), *show(event.result, False)]
            except ChatRecError as error:
                history[-1] = {"role": "assistant", "content": chat_text(str(error))}
                yield [history, gr.skip(), *keep]
            except Exception:  # the page must stay usable whatever the service does
                log.exception("send failed")
                history[-1] = {"role": "assistant", "content": chat_text(CRASHED)}
                yield [history, gr.skip(), *keep]

        def on_feedback(slot: int, like: bool) -> Callable[..., list[Any]]:
            def handler(user: str, shown: list[list[Any]], history: list[Message]) -> list[Any]:
                if not user or slot >= len(shown or []):
                    return [_say(history, "assistant", NEED_NAME), *keep]
                item_id, label = shown[slot]
                history = _say(history, "user", f"{'👍' if like else '👎'} {label}")
                try:
                    result = service.feedback(user, int(item_id), like)
                except ChatRecError as error:
                    return [_say(history, "assistant", str(error)), *keep]
                return [_say(history, "assistant", result.reply), *show(result, False)]

            return handler

        def on_reset(user: str, confirmed: bool) -> list[Any]:
            if not user:
                raise gr.Error(NEED_NAME)
            if not confirmed:
                raise gr.Error("Tick “Yes, forget my profile” first, then press Reset again.")
            try:
                service.reset(user)
            except ChatRecError as error:
                raise gr.Error(str(error)) from None
            cleared = TurnResult(RESET_DONE, "onboarding")
            return [_say([], "assistant", RESET_DONE), False, *show(cleared, True)]

        def on_profile(user: str) -> str:
            if not user:
                return profile_html(None)
            try:
                return profile_html(service.profile(user))
            except ChatRecError:
                return profile_html(None)

        private: dict[str, Any] = {"api_visibility": "private"}
        refresh: dict[str, Any] = {"fn": on_profile, "inputs": user_state, "outputs": profile_panel}
        refresh.update(private)
        send_io: dict[str, Any] = {"inputs": [user_state, msg, chatbot], "outputs": [chatbot, msg, *view]}

        for trigger in (start_btn.click, name.submit):
            trigger(on_start, name, [user_state, chatbot, confirm, *view], **private).then(**refresh)
        for trigger in (send_btn.click, msg.submit):
            trigger(on_send, **send_io, **private).then(**refresh)
        for chip in chips:
            chip.click(on_send, [user_state, chip, chatbot], [chatbot, msg, *view], **private).then(**refresh)
        for n in range(MAX_CARDS):
            for button, like in ((likes[n], True), (dislikes[n], False)):
                button.click(
                    on_feedback(n, like), [user_state, shown_state, chatbot], [chatbot, *view], **private
                ).then(**refresh)
        reset_btn.click(on_reset, [user_state, confirm], [chatbot, confirm, *view], **private).then(**refresh)

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

    def feedback(user: str, item_id: int, like: bool) -> dict:
        """👍 (like=True) or 👎 on a shown item; returns the service's answer."""
        return result_dict(guarded(lambda: service.feedback(user, int(item_id), bool(like))))

    def profile(user: str) -> dict:
        """Show what is stored about ``user``: liked, disliked, top genres, constraints."""
        return profile_dict(guarded(lambda: service.profile(user)))

    def reset(user: str) -> dict:
        """Forget ``user``'s profile (the name stays)."""
        guarded(lambda: service.reset(user))
        return {"reset": True, "user": user}

    for fn in (start, send, feedback, profile, reset):
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
