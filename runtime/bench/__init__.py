"""Benchmarks: each prints its numbers and writes them to a JSON file under results/."""
