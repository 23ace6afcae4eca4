"""Each case's protos generate exactly expected/** byte for byte, or fail with expected_error.txt.

In the manner of sqlc's internal/endtoend/testdata: a missing or extra file fails, and
EVENTGEN_UPDATE_GOLDEN=1 rewrites the expectations from what the generator makes now (review the
diff before committing it).
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path, PurePosixPath

import pytest

from ._cases import CASES_DIR, case_names, generate_case

pytestmark = pytest.mark.golden

UPDATE = os.environ.get("EVENTGEN_UPDATE_GOLDEN") == "1"
_MAX_DIFF_LINES = 80


def _expected_files(expected_dir: Path) -> dict[PurePosixPath, bytes]:
    return {PurePosixPath(p.relative_to(expected_dir).as_posix()): p.read_bytes()
            for p in sorted(expected_dir.rglob("*")) if p.is_file() and "__pycache__" not in p.parts}


def _diff(path: str, expected: bytes, actual: bytes) -> str:
    lines = list(difflib.unified_diff(
        expected.decode(errors="replace").splitlines(keepends=True),
        actual.decode(errors="replace").splitlines(keepends=True),
        fromfile=f"expected: {path}", tofile=f"generated: {path}"))
    if not lines:  # same text, different bytes (line endings, encoding)
        return f"{path}: same lines, different bytes\n"
    if len(lines) > _MAX_DIFF_LINES:
        lines = [*lines[:_MAX_DIFF_LINES], f"... {len(lines) - _MAX_DIFF_LINES} more diff lines\n"]
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _write_expected(case_dir: Path, files: dict[PurePosixPath, str] | None, error: str | None) -> None:
    expected_dir, error_file = case_dir / "expected", case_dir / "expected_error.txt"
    shutil.rmtree(expected_dir, ignore_errors=True)
    error_file.unlink(missing_ok=True)
    if error is not None:
        error_file.write_bytes(f"{error}\n".encode())
        return
    assert files is not None
    for path, text in files.items():
        target = expected_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(text.encode())


@pytest.mark.parametrize("case", case_names())
def test_golden(case: str) -> None:
    case_dir = CASES_DIR / case
    outcome = generate_case(case)
    if UPDATE:
        _write_expected(case_dir, outcome.files, outcome.error)
        return
    expected_dir, error_file = case_dir / "expected", case_dir / "expected_error.txt"
    assert expected_dir.is_dir() != error_file.is_file(), (
        f"{case}: a case holds expected/ or expected_error.txt, exactly one; "
        "run with EVENTGEN_UPDATE_GOLDEN=1 to write it")

    if error_file.is_file():
        want = error_file.read_bytes()
        assert outcome.error is not None, (
            f"{case}: expected the generator to fail with\n{want.decode()}but it generated "
            f"{len(outcome.files or {})} files")
        got = f"{outcome.error}\n".encode()
        if got != want:
            pytest.fail(f"{case}: the error text changed (EVENTGEN_UPDATE_GOLDEN=1 rewrites it)\n"
                        + _diff("expected_error.txt", want, got), pytrace=False)
        return

    assert outcome.error is None, f"{case}: expected files, but the generator failed:\n{outcome.error}"
    assert outcome.files is not None
    expected = _expected_files(expected_dir)
    generated = {path: text.encode() for path, text in outcome.files.items()}
    problems = [f"missing (expected, not generated): {p}" for p in sorted(set(expected) - set(generated))]
    problems += [f"extra (generated, not expected): {p}" for p in sorted(set(generated) - set(expected))]
    diffs = [_diff(str(p), expected[p], generated[p]) for p in sorted(set(expected) & set(generated))
             if expected[p] != generated[p]]
    if problems or diffs:
        pytest.fail(f"{case}: generated files differ from {expected_dir.relative_to(CASES_DIR.parent)}/ "
                    f"({len(problems)} missing or extra, {len(diffs)} changed; "
                    "EVENTGEN_UPDATE_GOLDEN=1 rewrites them)\n" + "\n".join(problems) + "\n" + "".join(diffs),
                    pytrace=False)
