"""Opens a clickhouse-connect client from a DSN: chdb:///path (embedded) or http(s)://user:pass@host:8123."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import clickhouse_connect

__all__ = ["describe", "embedded_folder", "open_client"]


def embedded_folder(url: str) -> Path:
    """The data folder of a chdb:///path URL."""
    parts = urlsplit(url)
    return Path(unquote(parts.netloc + parts.path))


def open_client(url: str, **settings: Any) -> Any:
    """A clickhouse-connect client. Both kinds take the same queries, inserts and settings."""
    parts = urlsplit(url)
    if parts.scheme == "chdb":
        path = embedded_folder(url)
        path.mkdir(parents=True, exist_ok=True)
        return clickhouse_connect.get_client(dsn=f"chdb://{path}", settings=settings or None)
    if parts.scheme in ("http", "https"):
        return clickhouse_connect.get_client(
            host=parts.hostname or "localhost", port=parts.port or (8443 if parts.scheme == "https" else 8123),
            username=unquote(parts.username or "default"), password=unquote(parts.password or ""),
            secure=parts.scheme == "https", database=parts.path.strip("/") or "default",
            settings=settings or None)
    raise ValueError(f"ClickHouse URL {url!r} is neither chdb:///path nor http(s)://user:password@host:8123")


def describe(url: str) -> str:
    """The URL without its password, for logs."""
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@", 1)
    return url
