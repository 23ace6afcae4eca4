"""The service every bad-input case runs against, started once for the package (and stopped after it:
chDB serves one data folder per process, and the tests after these open their own)."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import aiohttp
import pytest_asyncio

from tests.badinput.clients import TOKEN
from tests.badinput.harness import BadInputService
from tests.integration.ingest_harness import running_app
from tests.unit.test_webhooks import BRANCH_TOKEN, LIMIT, SHOPIFY_SECRET, WEBENGAGE_KEY

# Small limits keep the oversize and slow cases fast; the defaults are documented in runtime/settings.py.
SETTINGS = {"role": "all", "auth_token": TOKEN, "shopify_secret": SHOPIFY_SECRET, "branch_token": BRANCH_TOKEN,
            "webengage_key": WEBENGAGE_KEY, "max_body_bytes": LIMIT, "body_timeout_s": 1.0}


@pytest_asyncio.fixture(scope="package", loop_scope="package")
async def service(tmp_path_factory) -> AsyncIterator[BadInputService]:
    clickhouse = f"chdb://{tmp_path_factory.mktemp('badinput') / 'clickhouse'}"
    namespace = f"bad{uuid.uuid4().hex[:8]}"
    async with running_app("memory://", namespace, clickhouse_url=clickhouse, **SETTINGS) as app, \
            aiohttp.ClientSession() as session:
        service = BadInputService(app, session)
        try:
            yield service
            await service.finish()
        finally:
            service.close()
