"""Schema errors that say what is wrong, where, and what to do."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Location", "SchemaError", "SchemaErrors"]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a proto file; line 0 when the compiler recorded none."""

    file: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, order=True)
class SchemaError:
    """One problem with the schema: where, what, and how to fix it."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: error: {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class SchemaErrors(Exception):
    """Raised with every problem found, sorted by place, so a user fixes them in one pass."""

    def __init__(self, errors: list[SchemaError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))
