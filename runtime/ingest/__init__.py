"""Ingestion: gRPC and webhooks in, stamped events micro-batched per type out to the broker."""
