"""Who may frame what, in `make run` as behind nginx: any site may frame an embed
(`/inbaddning/…`, whose answer sets its own policy), nothing else may be framed by another
site.

Every answer that does not carry a Content-Security-Policy of its own gets one refusing framing
by other sites (and X-Frame-Options for older browsers): the decision rests on what the answer
says, never on how its path looks (an encoded slash once made Streamlit's own page look like an
embed's path). Streamlit sends no such header itself; nginx adds the same in the production
mode (`dashboard/serving/nginx.conf`). A pure ASGI middleware, so it costs nothing on the
websocket.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

REFUSE_FRAMING = (
    (b"x-frame-options", b"SAMEORIGIN"),
    (b"content-security-policy", b"frame-ancestors 'self'"),
)


class FramingGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def guarded(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if b"content-security-policy" not in present:  # a policy of its own: kept
                    headers += [(k, v) for k, v in REFUSE_FRAMING if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, guarded)
