"""Keeps pytest out of the cases' folders: their expected/ trees hold generated Python, not tests."""

collect_ignore_glob = ["cases/*"]
