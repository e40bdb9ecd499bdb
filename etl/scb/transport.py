"""pxwebpy's client with what it lacks for unattended refreshes.

pxwebpy 0.6 stores its `timeout` but never applies it, sleeps for whatever `Retry-After` a
server sends, and raises at once on 5xx. This module gives its client a session that applies a
real timeout, caps `Retry-After`, and records every exchange (the exact bytes are our
provenance), plus bounded retries with backoff around each call.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

import requests
from pxweb import PxApi
from pxweb._internal.client import Client
from requests_cache import CachedSession

from etl.errors import EtlError

T = TypeVar("T")


class ScbError(EtlError):
    """SCB could not be reached or answered with something we cannot use."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status SCB answered with, when it refused


@dataclass
class Exchange:
    """One request and its response, as sent and received."""

    method: str
    url: str
    body: bytes | None
    status: int
    content: bytes
    at: datetime


@dataclass
class RetryPolicy:
    attempts: int = 4
    backoff_seconds: float = 1.0  # doubled after each failed attempt
    max_retry_after: float = 60.0  # cap on a server's Retry-After


class SlidingWindowLimiter:
    """At most `calls` sends in any `window` seconds, counted at the moment each is sent.

    pxwebpy 0.6 has a limiter too, but after sleeping it records the time from *before* the
    sleep, so bursts of 4+ calls in one window get through (seen against the recorded /config:
    4 data calls in 0.41 s with a limit of 3 per second). This one records actual send times.
    """

    def __init__(
        self,
        calls: int,
        window: float,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        self.calls, self.window, self.clock, self.sleep = calls, window, clock, sleep
        self.sent: list[float] = []

    def wait(self) -> None:
        if self.calls <= 0:
            return
        while True:
            now = self.clock()
            self.sent = [t for t in self.sent if now - t < self.window]
            if len(self.sent) < self.calls:
                self.sent.append(now)
                return
            self.sleep(self.window - (now - self.sent[0]))


class RecordingSession(CachedSession):
    """A requests session (pxwebpy expects requests-cache's) with a timeout and a log."""

    def __init__(self, timeout: float, policy: RetryPolicy):
        super().__init__(backend="memory", allowable_methods=("GET", "POST"))
        self.settings.disabled = True  # every refresh asks SCB, never a stale copy
        self.request_timeout = timeout
        self.policy = policy
        self.exchanges: list[Exchange] = []
        self.limiter: SlidingWindowLimiter | None = None  # set once /config is known

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        kwargs["timeout"] = self.request_timeout
        if self.limiter is not None:
            self.limiter.wait()
        response = super().send(request, **kwargs)
        if response.status_code == 429:
            # pxwebpy sleeps for Retry-After as given; a hostile or broken value must not hang us
            asked = _seconds(response.headers.get("Retry-After"))
            response.headers["Retry-After"] = str(min(asked, self.policy.max_retry_after))
        body = request.body.encode() if isinstance(request.body, str) else request.body
        self.exchanges.append(
            Exchange(
                request.method or "GET",
                request.url or "",
                body,
                response.status_code,
                response.content,
                datetime.now(UTC),
            )
        )
        return response


def _seconds(value: str | None) -> float:
    try:
        return max(0.0, float(value)) if value is not None else 1.0
    except ValueError:
        return 1.0


class _SessionClient(Client):
    """pxwebpy's Client, but on our session: its constructor's own session is ignored."""

    recording: RecordingSession

    @property
    def session(self) -> RecordingSession:
        return self.recording

    @session.setter
    def session(self, _ignored: object) -> None:
        pass


def connect(
    base_url: str, lang: str, timeout: float, policy: RetryPolicy
) -> tuple[PxApi, RecordingSession]:
    """A PxApi bound to `base_url` whose every request has a timeout and is recorded.

    PxApi's constructor would call /config and /tables on an untimed session, so the client is
    built here instead; /tables is not needed for a refresh.
    """
    session = RecordingSession(timeout, policy)

    def make_client() -> _SessionClient:
        client = _SessionClient.__new__(_SessionClient)
        client.recording = session
        Client.__init__(
            client, url=base_url, timeout=int(timeout), disable_cache=True, language=lang
        )
        return client

    api = PxApi.__new__(PxApi)
    api._client = with_retries(make_client, policy, f"{base_url}/config")
    config = api._client.configuration
    session.limiter = SlidingWindowLimiter(
        int(config["maxCallsPerTimeWindow"]), float(config["timeWindow"])
    )
    api.number_of_tables = None
    api._max_workers = 1
    return api, session


def with_retries(call: Callable[[], T], policy: RetryPolicy, what: str) -> T:
    """Run `call`; retry timeouts, refused connections and 5xx with backoff; explain failures."""
    delay = policy.backoff_seconds
    for attempt in range(1, policy.attempts + 1):
        try:
            return call()
        except requests.Timeout as exc:
            problem: str = f"no answer within the timeout ({exc.__class__.__name__})"
            retry = True
        except requests.ConnectionError as exc:
            problem = f"cannot connect ({_reason(exc)})"
            retry = True
        except requests.JSONDecodeError as exc:
            raise ScbError(
                f"{what}: the response is not valid JSON (malformed or truncated: {exc})"
            ) from exc
        except requests.HTTPError as exc:
            status = _status(str(exc))
            if status == 429:
                raise ScbError(
                    f"{what}: SCB kept answering 429 Too Many Requests after its Retry-After waits; "
                    "try again later"
                ) from exc
            if status is not None and status >= 500:
                problem, retry = f"server error {status}", True
            else:
                raise ScbError(
                    f"{what}: SCB refused the request: {str(exc).splitlines()[0]}", status
                ) from exc
        if not retry or attempt == policy.attempts:
            raise ScbError(f"{what}: {problem}; gave up after {attempt} attempt(s)")
        time.sleep(delay)
        delay *= 2
    raise AssertionError("unreachable")


def _status(message: str) -> int | None:
    # pxwebpy's HTTPError message starts "Error <status>: <reason>"
    head = message.split(":", 1)[0]
    digits = head.replace("Error", "").strip()
    return int(digits) if digits.isascii() and digits.isdigit() else None


def _reason(exc: Exception) -> str:
    text = str(exc)
    return "connection refused" if "refused" in text.lower() else text.splitlines()[0][:200]
