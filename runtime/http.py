"""The HTTP side: liveness, readiness and metrics, beside the webhook routes, and the runner serving them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from aiohttp import web
from aiohttp.abc import AbstractAccessLogger
from aiohttp.http_exceptions import HttpProcessingError

from .metrics import Metrics

__all__ = ["build_http_app", "make_http_runner"]

log = logging.getLogger("eventgen.http")


def build_http_app(metrics: Metrics, ready: Callable[[], tuple[bool, str]], max_body_bytes: int) -> web.Application:
    """`ready()` says whether the service takes traffic, and if not, why."""
    app = web.Application(client_max_size=max_body_bytes)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(_: web.Request) -> web.Response:
        ok, reason = ready()
        return web.json_response({"status": "ready" if ok else "not ready", "reason": reason},
                                 status=200 if ok else 503)

    async def prometheus(request: web.Request) -> web.Response:
        # `?name[]=a&name[]=b`: only those samples (as prometheus_client's own exporters answer it).
        return web.Response(body=metrics.render(request.query.getall("name[]", ())), content_type="text/plain",
                            charset="utf-8", headers={"X-Content-Type-Options": "nosniff"})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", prometheus)
    return app


def make_http_runner(app: web.Application, metrics: Metrics) -> web.AppRunner:
    """The runner of the HTTP app; it counts the requests aiohttp refuses by itself, before any route runs
    (a header over 8190 bytes, a broken request line) or in its router (no such path, a wrong method), as
    eventgen_events_rejected{source="http", reason=<the status, e.g. bad_request>}."""

    class CountAiohttpRefusals(_AiohttpRefusals):
        counter = metrics.events_rejected

    return web.AppRunner(app, access_log=log, access_log_class=CountAiohttpRefusals, logger=_ClientErrorLog(log))


class _AiohttpRefusals(AbstractAccessLogger):
    """aiohttp's access-log hook sees every response, including those aiohttp makes itself. eventgen's own
    refusals are JSON and counted where they are made; aiohttp's are plain text."""

    counter: Any

    def log(self, request: Any, response: web.StreamResponse, time: float) -> None:
        if response.status >= 400 and response.content_type == "text/plain":
            try:
                reason = HTTPStatus(response.status).name.lower()
            except ValueError:
                reason = f"http_{response.status}"
            self.counter.labels("http", reason).inc()


class _ClientErrorLog(logging.LoggerAdapter):  # type: ignore[type-arg]
    """aiohttp logs a request it cannot parse with a traceback, at ERROR: one line at INFO is enough for a
    client's mistake, and a flood of bad requests cannot flood the logs with tracebacks."""

    def exception(self, msg: object, *args: object, exc_info: Any = True, **kwargs: Any) -> None:
        if isinstance(exc_info, HttpProcessingError):
            self.logger.info("%s: %s", msg % args if args else msg, " ".join(str(exc_info).split()))
        else:
            self.logger.exception(msg, *args, exc_info=exc_info, **kwargs)
