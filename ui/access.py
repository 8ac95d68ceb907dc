"""Who is asking: the page's identity check, sign-in, and the plain HTTP routes beside the page.

Two modes. **Local** (the default on 127.0.0.1): the server opens one profile, ``local_user``, and
no password is asked; it refuses to listen on an address other machines can reach. **Accounts**
(``serve --accounts``): Gradio's sign-in page and session cookie guard every route; the password
is checked by ``chat_rec.accounts`` (bcrypt, failed sign-ins limited per name and per address).
Either way a handler never takes the user from its input: ``Access.user(request)`` says who it is.
"""

from __future__ import annotations

import contextvars
import ipaddress
import json
import logging
from typing import Any

import gradio as gr
from fastapi import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from chat_rec.accounts import AccountStore, SignInError, SignInLimiter, SignInLockedError
from chat_rec.errors import ChatRecError, ConfigError, UnknownUserError
from chat_rec.observability import metrics
from chat_rec.profile.records import name_key

log = logging.getLogger(__name__)

SIGN_IN_FIRST = "Please sign in first: this server keeps each profile behind its owner's password."
NOT_YOURS = "You are signed in as {me!r}; the profile {other!r} is not yours, so it cannot be read or changed."
LOCAL_ONLY = ("This server keeps one local profile, {me!r}; other profiles need accounts "
              "(start it with `chat-rec serve --accounts`).")
_CLIENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("chat_rec_client_address", default=None)


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, accounts: bool, share: bool = False) -> None:
    """Refuse to serve profiles without sign-in where other machines can reach them."""
    if accounts or (is_loopback(host) and not share):
        return
    where = "a public share link" if share else f"{host}, an address other machines can reach"
    raise ConfigError(f"Refusing to serve on {where} without sign-in: anyone could open the local profile. "
                      "Add --accounts (every visitor signs in with a password), or serve on 127.0.0.1.")


class Access:
    """The identity of each request, for a server in local or accounts mode."""

    def __init__(self, service: Any, accounts: bool | None = None) -> None:
        settings = service.deps.settings
        self.service = service
        self.accounts = settings.accounts if accounts is None else accounts
        self.local_user = settings.local_user
        self.store: AccountStore | None = None
        if self.accounts:
            limiter = SignInLimiter(settings.signin_failures, settings.signin_window_s)
            self.store = AccountStore(service.deps.repo, settings.password_rounds, settings.open_signup, limiter)

    @property
    def mode(self) -> str:
        return "accounts" if self.accounts else "local"

    def user(self, request: gr.Request | None, claimed: object = None) -> str:
        """The profile this request may use; gr.Error with a sentence when ``claimed`` is someone else's."""
        me = self._signed_in(request)
        if claimed is None or (isinstance(claimed, str) and not claimed.strip()):
            return me
        if isinstance(claimed, str) and name_key(claimed.strip()) == name_key(me):
            return me
        metrics().refused.inc()
        other = str(claimed).strip()[:40]
        log.warning("refused: %s asked for another profile", "signed-in user" if self.accounts else "local user",
                    extra={"event": "access_refused"})
        raise gr.Error(NOT_YOURS.format(me=me, other=other) if self.accounts else LOCAL_ONLY.format(me=me))

    def _signed_in(self, request: gr.Request | None) -> str:
        if not self.accounts:
            return self.local_user
        name = getattr(request, "username", None)
        if not name:
            metrics().refused.inc()
            raise gr.Error(SIGN_IN_FIRST)
        return str(name)

    def sign_in_message(self) -> str | None:
        """The sentence above the sign-in form."""
        if self.store is None:
            return None
        limiter = self.store.limiter
        new = " A name nobody has yet creates your account." if self.store.open_signup else ""
        return (f"Sign in with your name and password.{new} After {limiter.failures} wrong passwords, "
                f"a name (or an address) waits {round(limiter.window_s / 60)} minutes.")

    # ------------------------------------------------------------ Gradio's auth hook
    def check_password(self, username: str, password: str) -> bool:
        """Gradio's ``auth=`` callable; a refusal is an HTTP error whose detail is our sentence."""
        assert self.store is not None
        try:
            signed = self.store.sign_in(username, password, address=_CLIENT.get())
        except SignInLockedError as exc:
            metrics().sign_ins.labels("locked").inc()
            raise HTTPException(status_code=400, detail=str(exc)) from None  # the sign-in page shows only 400s
        except (SignInError, ChatRecError) as exc:
            metrics().sign_ins.labels("wrong").inc()
            raise HTTPException(status_code=400, detail=str(exc)) from None
        metrics().sign_ins.labels("created" if signed.created else "ok").inc()
        log.info("signed in", extra={"event": "sign_in", "user_id": signed.user.id, "new_account": signed.created})
        return True

    # ------------------------------------------------------------ plain HTTP routes
    def routes(self) -> list[Route]:
        """/metrics, /health and /export (the signed-in user's data as a JSON download)."""
        return [Route("/metrics", self._metrics), Route("/health", self._health), Route("/export", self._export)]

    async def _metrics(self, request: Request) -> Response:
        from prometheus_client import CONTENT_TYPE_LATEST

        return Response(metrics().exposition(), media_type=CONTENT_TYPE_LATEST)

    async def _health(self, request: Request) -> JSONResponse:
        described = self.service.describe()
        return JSONResponse({"status": "ok", "mode": self.mode, **described})

    async def _export(self, request: Request) -> Response:
        if self.accounts:
            app = request.app
            token = (request.cookies.get(f"access-token-{app.cookie_id}")
                     or request.cookies.get(f"access-token-unsecure-{app.cookie_id}"))
            user = app.tokens.get(token) if token else None
            if not user:
                metrics().refused.inc()
                return JSONResponse({"error": SIGN_IN_FIRST}, status_code=401)
        else:
            user = self.local_user
        try:
            data = self.service.export(user)
        except UnknownUserError as exc:
            return JSONResponse({"error": str(exc)}, status_code=404)
        body = json.dumps(data, default=str, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json",
                        headers={"Content-Disposition": 'attachment; filename="chat-rec-my-data.json"'})


class ClientAddress:
    """ASGI middleware: remember the client address of a sign-in request, for the per-address limit."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope.get("path", "").rstrip("/").endswith("/login"):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        token = _CLIENT.set(client[0] if client else None)
        try:
            await self.app(scope, receive, send)
        finally:
            _CLIENT.reset(token)
