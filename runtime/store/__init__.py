"""The ClickHouse store: one code path for the embedded engine (chDB) and a ClickHouse server."""
