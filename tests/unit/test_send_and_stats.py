"""`eventgen send` and `eventgen stats` against a service running in process (ingest role, in-process broker:
no servers needed), and the schedule that mixes gRPC calls and webhook deliveries."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from typer.testing import CliRunner

from codegen.cli import app as cli
from runtime.app import App
from runtime.bench._service import free_port
from runtime.generated import load_generated
from runtime.send import SendPlan, _Schedule, send_traffic
from runtime.settings import load_settings
from runtime.webhook_samples import WebhookSecrets

SCHEMA = load_generated()
SECRETS = {"shopify_secret": "shp-test", "branch_token": "br-test", "webengage_key": "we-test"}


@pytest.fixture
async def service() -> AsyncIterator[App]:
    settings = load_settings({"role": "ingest", "grpc_port": 0, "http_port": 0, "broker_url": "memory://",
                              "auth_token": "right-token", **SECRETS})
    app = App(settings, schema=SCHEMA)
    await app.start()
    yield app
    await app.stop()


def plan_for(app: App, **overrides: Any) -> SendPlan:
    values: dict[str, Any] = dict(grpc_port=app.grpc_port, http_url=f"http://127.0.0.1:{app.http_port}", events=300,
                                  batch=40, webhook_share=0.2, clients=3, auth_token="right-token",
                                  secrets=WebhookSecrets(**SECRETS))
    return SendPlan(**(values | overrides))


async def get_json(app: App, path: str) -> Any:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{app.http_port}{path}") as answer:
        assert answer.status == 200
        return await answer.json()


def metric_total(app: App, name: str) -> float:
    return sum(sample.value for family in app.metrics.registry.collect() for sample in family.samples
               if sample.name == name)


async def invoke(*args: str) -> Any:
    """The CLI in a thread of its own: it runs its own event loop while the service runs on this one."""
    return await asyncio.to_thread(CliRunner().invoke, cli, list(args))


async def test_every_event_type_and_webhook_topic_is_sent_and_accepted(service):
    progress: list[int] = []
    tally = await send_traffic(SCHEMA, plan_for(service), lambda t: progress.append(t.done))
    summary = tally.summary()
    assert (summary["sent"], summary["accepted"], summary["rejected"]) == (300, 300, 0)
    assert summary["channels"]["grpc"]["accepted"] == 240
    assert sum(summary["channels"][p]["accepted"] for p in ("shopify", "branch", "webengage")) == 60
    assert set(summary["accepted_by_event_type"]) == set(SCHEMA.event_types)
    assert progress == sorted(progress) and progress[-1] == 300
    # The service counted the same.
    assert metric_total(service, "eventgen_events_accepted_total") == 300
    assert metric_total(service, "eventgen_events_rejected_total") == 0


async def test_stats_of_an_ingest_process_show_its_queues_and_say_why_there_are_no_tables(service):
    tally = await send_traffic(SCHEMA, plan_for(service, events=200, webhook_share=0.0))
    stats = await get_json(service, "/stats")
    assert stats["role"] == "ingest" and stats["broker"] == "memory://"
    assert stats["tables"] is None and "role ingest" in stats["tables_error"]
    assert set(stats["queues"]) == {q["name"] for q in service.topology.queues}
    # Nothing consumes them in this process: every queue that got events still holds them.
    for event_type in {t for (_, t) in tally.accepted}:
        assert stats["queues"][service.topology.queue_of(event_type)]["ready"] > 0, event_type
    assert stats["totals"]["dead_letters"] == 0
    assert stats["totals"]["ready"] == sum(q["ready"] for q in stats["queues"].values()) > 0


async def test_the_cli_sends_and_reads_the_stats(service):
    sent = await invoke("send", "--grpc", f"127.0.0.1:{service.grpc_port}", "--http",
                        f"http://127.0.0.1:{service.http_port}", "--events", "120", "--batch", "25",
                        "--auth-token", "right-token", "--shopify-secret", "shp-test", "--branch-token", "br-test",
                        "--webengage-key", "we-test", "--json")
    assert sent.exit_code == 0, sent.output
    summary = json.loads(sent.stdout.strip().splitlines()[-1])
    assert (summary["accepted"], summary["rejected"]) == (120, 0)
    assert summary["targets"]["grpc"] == f"127.0.0.1:{service.grpc_port}"
    stats = await invoke("stats", "--url", f"http://127.0.0.1:{service.http_port}", "--json")
    assert stats.exit_code == 0, stats.output
    document = json.loads(stats.stdout)
    assert document["processes"][0]["role"] == "ingest" and document["totals"]["ready"] > 0
    text = await invoke("stats", "--url", f"http://127.0.0.1:{service.http_port}")
    assert text.exit_code == 0 and "queues" in text.stdout and "rows per table unknown" in text.stdout


async def test_rejections_are_printed_with_their_reason_and_the_exit_code_is_1(service):
    result = await invoke("send", "--grpc", f"127.0.0.1:{service.grpc_port}", "--http",
                          f"http://127.0.0.1:{service.http_port}", "--events", "60", "--batch", "30",
                          "--webhook-share", "0", "--auth-token", "wrong-token")
    assert result.exit_code == 1
    printed = " ".join(result.stdout.split())
    assert "rejected 60 grpc events (unauthenticated" in printed
    assert "authorization metadata" in printed  # the service's own explanation
    assert "0 accepted, 60 rejected" in printed


async def test_a_service_that_is_not_there_is_named_with_what_to_check():
    port = free_port()
    result = await invoke("send", "--grpc", f"127.0.0.1:{port}", "--http", f"http://127.0.0.1:{port}",
                          "--events", "10", "--webhook-share", "0", "--json")
    assert result.exit_code == 1
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["accepted"] == 0
    assert [r["reason"] for r in summary["rejections"]] == ["unreachable"]
    assert "is `eventgen run` listening there?" in summary["rejections"][0]["example"]
    stats = await invoke("stats", "--url", f"http://127.0.0.1:{port}")
    assert stats.exit_code == 1 and "cannot read" in stats.output


def test_the_schedule_sends_the_count_with_the_webhook_share_spread_over_the_run():
    schedule = _Schedule(SendPlan(events=1000, batch=100, webhook_share=0.1), webhooks=True)
    jobs = []
    while (job := schedule.next()) is not None:
        jobs.append(job)
    events = Counter()
    for kind, n in jobs:
        events[kind] += n
    assert events == {"grpc": 900, "webhook": 100}
    assert all(n <= 100 for kind, n in jobs if kind == "grpc")
    first_half = jobs[:len(jobs) // 2]
    assert 20 < sum(1 for kind, _ in first_half if kind == "webhook") < 80  # interleaved, not all at the end


def test_without_signable_webhooks_every_event_goes_over_grpc():
    schedule = _Schedule(SendPlan(events=250, batch=100, webhook_share=0.5), webhooks=False)
    jobs = []
    while (job := schedule.next()) is not None:
        jobs.append(job)
    assert jobs == [("grpc", 100), ("grpc", 100), ("grpc", 50)]


async def test_calls_answered_with_backpressure_are_retried():
    """A fake service that pushes back on the first gRPC call and the first webhook delivery."""
    from aiohttp import web
    from grpclib.const import Cardinality, Handler, Status
    from grpclib.exceptions import GRPCError
    from grpclib.server import Server

    path, request_class, response_class = SCHEMA.dispatch_method()
    calls = Counter()

    class PushingBack:
        def __mapping__(self) -> dict[str, Handler]:
            return {path: Handler(self.dispatch, Cardinality.UNARY_UNARY, request_class, response_class)}

        async def dispatch(self, stream) -> None:
            request = await stream.recv_message()
            calls["grpc"] += 1
            if calls["grpc"] == 1:
                raise GRPCError(Status.RESOURCE_EXHAUSTED, "the mobile_app pool is full")
            await stream.send_message(response_class(accepted=len(request.events)))

    async def branch(_: web.Request) -> web.Response:
        calls["http"] += 1
        if calls["http"] == 1:
            return web.json_response({"error": "busy"}, status=429, headers={"Retry-After": "0"})
        return web.json_response({"status": "accepted"})

    server = Server([PushingBack()])
    await server.start("127.0.0.1", 0)
    http = web.Application()
    http.router.add_post("/webhooks/branch", branch)
    runner = web.AppRunner(http)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        plan = SendPlan(grpc_port=server._server.sockets[0].getsockname()[1],  # noqa: SLF001
                        http_url=f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}",  # noqa: SLF001
                        events=20, batch=10, webhook_share=0.5, clients=1,
                        secrets=WebhookSecrets(branch_token="b"))
        tally = await send_traffic(SCHEMA, plan)
    finally:
        server.close()
        await server.wait_closed()
        await runner.cleanup()
    summary = tally.summary()
    assert (summary["accepted"], summary["rejected"], summary["retries"]) == (20, 0, 2)
    assert calls == {"grpc": 2, "http": 11}
    assert set(summary["skipped"]) == {"shopify", "webengage"}
