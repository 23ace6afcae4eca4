"""Where flattening stands in a message: the Python expression of the value being read (and the loops and
repeated-message gathers around it), and the same place in ClickHouse's input (and the arrays around it)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Gather
from .wire_view import SqlRef, Unsupported

__all__ = ["LEAF", "Draft", "Loop", "Where"]


@dataclass(frozen=True)
class Loop:
    var: str
    iterable: str


@dataclass
class Draft:
    """A Gather while its message is flattened. Until the message is done its width is unknown, so
    its columns carry a placeholder naming their leaf, which `slice` then turns into the expression."""

    name: str
    items: str
    var: str
    parent: Draft | None
    leaves: list[str] = field(default_factory=list)

    @property
    def depth(self) -> int:
        return 1 if self.parent is None else self.parent.depth + 1

    def column(self, value: str) -> str:
        self.leaves.append(value)
        return f"{LEAF}{len(self.leaves) - 1}"

    def slice(self, placeholder: str) -> str:
        """The expression of a column, from its placeholder: every width-th value from its leaf on."""
        assert placeholder.startswith(LEAF), f"not a column of gather {self.name}: {placeholder!r}"
        return f"{self.name}[{placeholder.removeprefix(LEAF)}::{len(self.leaves)}]"

    def frozen(self) -> Gather:
        parent = self.parent
        return Gather(self.name, self.items, self.var, tuple(self.leaves), parent.name if parent else "")


LEAF = "\0leaf "


@dataclass(frozen=True)
class Where:
    """Where flattening stands: the Python base expression, the column prefix, the origin path, and the
    repeated message (gather) and comprehension loops the base lives in."""

    base: str
    prefix: str
    origin: str
    loops: tuple[Loop, ...] = ()
    stack: tuple[str, ...] = ()
    gather: Draft | None = None
    # The same place in ClickHouse's input (None where it cannot follow), and the arrays around it:
    # (lambda variable, array expression), outermost first.
    sql: SqlRef | None = None
    sql_scopes: tuple[tuple[str, str], ...] = ()

    @property
    def depth(self) -> int:
        """How many arrays deep a column is here."""
        return (self.gather.depth if self.gather else 0) + len(self.loops)

    def emit(self, value: str) -> str:
        """The column expression for a value computed here."""
        value = _wrap(value, self.loops)
        return self.gather.column(value) if self.gather else value

    def emit_sql(self, value: str) -> str:
        """The column's SQL for a value computed here: mapped over every array it lives in."""
        for var, items in reversed(self.sql_scopes):
            value = f"arrayMap({var} -> {value}, {items})"
        return value

    @property
    def ref(self) -> SqlRef:
        if self.sql is None:
            raise Unsupported("this part of the message has no ClickHouse input")
        return self.sql

    def scoped(self, var: str, items: str, ref: SqlRef) -> tuple[SqlRef, tuple[tuple[str, str], ...]]:
        """One array deeper: its elements are `var`, read through `ref`."""
        return ref, (*self.sql_scopes, (var, items))


def _wrap(value: str, loops: tuple[Loop, ...]) -> str:
    for loop in reversed(loops):
        value = f"[{value} for {loop.var} in {loop.iterable}]"
    return value
