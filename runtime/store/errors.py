"""Classifies store errors: retryable (outages, overload, a table not migrated yet) or permanent (the data)."""

from __future__ import annotations

import struct

from clickhouse_connect.driver.exceptions import DatabaseError, DataError, OperationalError

__all__ = ["PERMANENT_CODES", "StoreError", "classify"]

# ClickHouse error codes caused by the rows themselves: retrying the same rows fails the same way.
# (Vector's ClickHouse sink never retries 53 and 117 either.)
PERMANENT_CODES = frozenset({
    6,    # CANNOT_PARSE_TEXT
    26,   # CANNOT_PARSE_QUOTED_STRING
    27,   # CANNOT_PARSE_INPUT_ASSERTION_FAILED
    32,   # ATTEMPT_TO_READ_AFTER_EOF
    33,   # CANNOT_READ_ALL_DATA
    38,   # CANNOT_PARSE_DATE
    41,   # CANNOT_PARSE_DATETIME
    53,   # TYPE_MISMATCH
    69,   # ARGUMENT_OUT_OF_BOUND
    70,   # CANNOT_CONVERT_TYPE
    72,   # CANNOT_PARSE_NUMBER
    117,  # INCORRECT_DATA
    131,  # TOO_LARGE_STRING_SIZE
    190,  # SIZES_OF_ARRAYS_DONT_MATCH
    321,  # VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE
    349,  # CANNOT_INSERT_NULL_IN_ORDINARY_COLUMN
    469,  # VIOLATED_CONSTRAINT
})
# What clickhouse-connect raises while it serializes a value that does not fit its column.
_SERIALIZATION = (ValueError, TypeError, AttributeError, OverflowError, UnicodeError, struct.error, DataError)


class StoreError(Exception):
    """An insert or query that failed; `retryable` says whether the same call may succeed later."""

    def __init__(self, message: str, *, retryable: bool, code: int | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.code = code


def classify(exc: BaseException) -> StoreError:
    if isinstance(exc, StoreError):
        return exc
    code = getattr(exc, "code", None)
    if isinstance(exc, OperationalError) and code is None:
        return StoreError(f"ClickHouse unreachable: {exc}", retryable=True)
    if isinstance(exc, DatabaseError) and code is not None:
        return StoreError(f"ClickHouse error {code}: {_first_line(exc)}", retryable=code not in PERMANENT_CODES,
                          code=code)
    if isinstance(exc, _SERIALIZATION):
        return StoreError(f"a value does not fit its column: {_first_line(exc)}", retryable=False)
    # Timeouts, dropped connections, server errors without a code: the next attempt may work.
    return StoreError(f"{type(exc).__name__}: {_first_line(exc)}", retryable=True)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:500] if text else type(exc).__name__
