"""The eventgen service: ingestion, brokers, sinks and the store, driven by the generated modules."""
