"""Writes generated files to a folder, or compares them with what is there (`--check`)."""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

__all__ = ["diff_tree", "write_tree"]


def _existing(out: Path) -> dict[PurePosixPath, str]:
    if not out.exists():
        return {}
    return {PurePosixPath(p.relative_to(out).as_posix()): p.read_text()
            for p in sorted(out.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def diff_tree(files: dict[PurePosixPath, str], out: Path) -> str:
    """A unified diff from what is in `out` to what should be; empty when they are the same."""
    existing = _existing(out)
    chunks = []
    for path in sorted(set(existing) | set(files)):
        old, new = existing.get(path), files.get(path)
        if old == new:
            continue
        chunks.extend(difflib.unified_diff(
            (old or "").splitlines(keepends=True), (new or "").splitlines(keepends=True),
            fromfile=f"a/{path}" if old is not None else "/dev/null",
            tofile=f"b/{path}" if new is not None else "/dev/null"))
    return "".join(chunks)


def write_tree(files: dict[PurePosixPath, str], out: Path) -> tuple[int, int]:
    """Makes `out` hold exactly `files`; returns (written, removed) counts."""
    existing = _existing(out)
    written = removed = 0
    for path, text in files.items():
        if existing.get(path) != text:
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            written += 1
    for path in set(existing) - set(files):
        (out / path).unlink()
        removed += 1
    for folder in sorted((p for p in out.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()
    return written, removed
