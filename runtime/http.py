"""The HTTP side: liveness, readiness and metrics, beside the webhook routes."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from .metrics import Metrics

__all__ = ["build_http_app"]


def build_http_app(metrics: Metrics, ready: Callable[[], tuple[bool, str]], max_body_bytes: int) -> web.Application:
    """`ready()` says whether the service takes traffic, and if not, why."""
    app = web.Application(client_max_size=max_body_bytes)

    async def healthz(_: web.Request) -> web.Response:
        return web.json_response({"status": "alive"})

    async def readyz(_: web.Request) -> web.Response:
        ok, reason = ready()
        return web.json_response({"status": "ready" if ok else "not ready", "reason": reason},
                                 status=200 if ok else 503)

    async def prometheus(_: web.Request) -> web.Response:
        return web.Response(body=metrics.render(), content_type="text/plain", charset="utf-8",
                            headers={"X-Content-Type-Options": "nosniff"})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", prometheus)
    return app
