"""Declarative descriptions of the case tables.

A case's schema is written once, here in the toolkit, and everything else is derived from it:
validation in the loader, the pandas dtypes a chapter receives, the data dictionary in the
case's README and the case-library appendix. Keeping one description stops them drifting apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["category", "int", "float", "bool", "date", "string"]


@dataclass(frozen=True)
class Column:
    """One column of a case table, as a reader of the data dictionary needs to know it.

    ``allowed`` lists the permitted values of a ``category`` column, in display order;
    ``ordered`` says that order is meaningful (a Likert scale, a stage). ``minimum`` and
    ``maximum`` bound ``int``, ``float`` and ``date`` columns (dates as ISO strings).
    """

    name: str
    kind: Kind
    description: str
    unit: str = ""
    allowed: tuple[str, ...] | None = None
    ordered: bool = False
    minimum: float | str | None = None
    maximum: float | str | None = None
    nullable: bool = False

    def categories(self) -> tuple[str, ...]:
        """The permitted values of a ``category`` column, in display order (for controls)."""
        if self.allowed is None:
            msg = f"Column {self.name!r} is not a category column: it lists no allowed values."
            raise ValueError(msg)
        return self.allowed

    def allowed_text(self) -> str:
        """The allowed values or range in words, for the data dictionary."""
        if self.allowed is not None:
            return ", ".join(self.allowed)
        if self.kind == "bool":
            return "true, false"
        if self.minimum is not None and self.maximum is not None:
            return f"{self.minimum} to {self.maximum}"
        if self.minimum is not None:
            return f"at least {self.minimum}"
        if self.maximum is not None:
            return f"at most {self.maximum}"
        return "any"


@dataclass(frozen=True)
class Table:
    """One CSV file of a case: its columns, its key and whether it is synthetic."""

    name: str
    file: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    synthetic: bool = True

    def column(self, name: str) -> Column:
        for col in self.columns:
            if col.name == name:
                return col
        msg = f"table {self.name!r} has no column {name!r}; columns: {self.column_names()}"
        raise KeyError(msg)

    def column_names(self) -> list[str]:
        return [col.name for col in self.columns]


@dataclass(frozen=True)
class Case:
    """A case of the library: its story in one line, its tables and the chapters that use it.

    ``provenance`` says in plain words what is SYNTHETIC, how it was generated and what it was
    calibrated to; ``sources`` are the keys in ``book/references.bib`` it rests on; ``seed`` is
    the generator's seed (``None`` when nothing is generated).
    """

    name: str
    title: str
    summary: str
    question: str
    tables: tuple[Table, ...]
    provenance: str
    sources: tuple[str, ...]
    seed: int | None
    chapters: tuple[int, ...] = field(default_factory=tuple)

    @property
    def main(self) -> Table:
        """The table ``load(name)`` returns when no table is named: the first one."""
        return self.tables[0]

    def table(self, name: str | None = None) -> Table:
        if name is None:
            return self.main
        for table in self.tables:
            if table.name == name:
                return table
        names = [t.name for t in self.tables]
        msg = f"case {self.name!r} has no table {name!r}; choose one of {names}"
        raise KeyError(msg)
