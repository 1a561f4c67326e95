"""Read a case table from CSV and hand it over validated, with proper pandas dtypes.

Validation uses pandera, the field's standard for DataFrame schemas. Its failures are turned
into messages a course participant can act on: the file, the CSV line (header = line 1), the
column, the offending value and what was expected.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from innolead.cases.registry import data_path, get
from innolead.cases.spec import Column, Table

_TRUE = frozenset({"true", "True", "TRUE"})
_FALSE = frozenset({"false", "False", "FALSE"})
_MAX_REPORTED = 10


class CaseDataError(ValueError):
    """A case file is missing or does not match its documented schema."""


def load(name: str, table: str | None = None, *, root: Path | None = None) -> pd.DataFrame:
    """Load a case table, validated against its schema.

    Parameters
    ----------
    name
        The case, for example ``"barometer"`` (see ``innolead.cases.names()``).
    table
        The table within the case; the case's main (first) table when omitted.
    root
        A folder to read instead of the repository's ``cases/`` (used by tests).

    Returns
    -------
    pandas.DataFrame
        One row per record; categories as ``category`` dtype in their documented order, dates as
        ``datetime64``, booleans as ``boolean``, numbers as ``Int64``/``float64``.
    """
    case = get(name)
    spec = case.table(table)
    path = data_path(case, table, root)
    raw = _read_csv(path)
    _check_columns(raw, spec, path)
    typed = _convert(raw, spec, path)
    _validate(typed, spec, path)
    return typed


def _read_csv(path: Path) -> pd.DataFrame:
    if not path.is_file():
        msg = (
            f"{path}: file not found. Restore it with `git checkout -- {path}` or regenerate "
            f"it with `python {path.parent / 'generate.py'}` from the repository root."
        )
        raise CaseDataError(msg)
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    except pd.errors.EmptyDataError:
        msg = f"{path}: the file is empty; it needs a header line and at least one data row."
        raise CaseDataError(msg) from None
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        msg = f"{path}: cannot be read as UTF-8 CSV ({err}). Save it as UTF-8 CSV and retry."
        raise CaseDataError(msg) from None
    if raw.empty:
        msg = f"{path}: the file has a header but no data rows."
        raise CaseDataError(msg)
    return raw


def _check_columns(raw: pd.DataFrame, spec: Table, path: Path) -> None:
    expected = spec.column_names()
    missing = [c for c in expected if c not in raw.columns]
    extra = [c for c in raw.columns if c not in expected]
    problems = []
    if missing:
        problems.append(f"missing column(s) {missing}")
    if extra:
        problems.append(f"unexpected column(s) {extra}")
    if problems:
        msg = (
            f"{path}: {'; '.join(problems)}. The header must list exactly these columns: "
            f"{', '.join(expected)}."
        )
        raise CaseDataError(msg)


def _line(index: int) -> int:
    """The CSV line of a data row (the header is line 1)."""
    return int(index) + 2


def _fail(path: Path, column: Column, bad: pd.Series, expected: str) -> None:
    shown = [f"line {_line(i)}: {v!r}" for i, v in bad.head(_MAX_REPORTED).items()]
    more = f" (and {len(bad) - _MAX_REPORTED} more)" if len(bad) > _MAX_REPORTED else ""
    msg = (
        f"{path}, column {column.name!r}: {len(bad)} value(s) are not {expected}: "
        f"{'; '.join(shown)}{more}. Correct these cells or regenerate the file."
    )
    raise CaseDataError(msg)


def _convert(raw: pd.DataFrame, spec: Table, path: Path) -> pd.DataFrame:
    out = pd.DataFrame(index=raw.index)
    for column in spec.columns:
        out[column.name] = _convert_column(raw[column.name], column, path)
    return out


def _to_number(values: pd.Series, column: Column, path: Path) -> pd.Series:
    present = values.notna()
    converted = pd.to_numeric(values, errors="coerce")
    bad = values[present & converted.isna()]
    if len(bad):
        _fail(path, column, bad, "numbers")
    if column.kind == "float":
        return converted.astype("float64")
    fractional = converted[present] % 1 != 0
    if fractional.any():
        _fail(path, column, values[present][fractional], "whole numbers")
    return converted.astype("Int64")


def _to_date(values: pd.Series, column: Column, path: Path) -> pd.Series:
    converted = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    bad = values[values.notna() & converted.isna()]
    if len(bad):
        _fail(path, column, bad, "dates written YYYY-MM-DD")
    return converted


def _to_bool(values: pd.Series, column: Column, path: Path) -> pd.Series:
    bad = values[values.notna() & ~values.isin(_TRUE | _FALSE)]
    if len(bad):
        _fail(path, column, bad, "true or false")
    return values.map(lambda v: v in _TRUE if isinstance(v, str) else pd.NA).astype("boolean")


def _to_category(values: pd.Series, column: Column, path: Path) -> pd.Series:
    allowed = list(column.allowed or ())
    bad = values[values.notna() & ~values.isin(allowed)]
    if len(bad):
        _fail(path, column, bad, f"one of {allowed}")
    return values.astype(pd.CategoricalDtype(allowed, ordered=column.ordered))


def _to_string(values: pd.Series, column: Column, path: Path) -> pd.Series:
    return values.astype("string")


_CONVERTERS = {
    "int": _to_number,
    "float": _to_number,
    "date": _to_date,
    "bool": _to_bool,
    "category": _to_category,
    "string": _to_string,
}


def _convert_column(values: pd.Series, column: Column, path: Path) -> pd.Series:
    return _CONVERTERS[column.kind](values, column, path)


def schema_for(spec: Table) -> pa.DataFrameSchema:
    """The pandera schema of a table: nullability, ranges and the unique key."""
    columns = {}
    for column in spec.columns:
        checks = []
        if column.minimum is not None:
            low = pd.Timestamp(column.minimum) if column.kind == "date" else column.minimum
            checks.append(pa.Check.ge(low))
        if column.maximum is not None:
            high = pd.Timestamp(column.maximum) if column.kind == "date" else column.maximum
            checks.append(pa.Check.le(high))
        columns[column.name] = pa.Column(
            checks=checks, nullable=column.nullable, required=True, name=column.name
        )
    return pa.DataFrameSchema(columns, unique=list(spec.key) or None, strict=True)


def _validate(frame: pd.DataFrame, spec: Table, path: Path) -> None:
    try:
        schema_for(spec).validate(frame, lazy=True)
    except SchemaErrors as err:
        raise CaseDataError(_describe(err.failure_cases, spec, path)) from None


def _describe(failures: pd.DataFrame, spec: Table, path: Path) -> str:
    lines = []
    for _, row in failures.head(_MAX_REPORTED).iterrows():
        where = f"line {_line(row['index'])}" if pd.notna(row["index"]) else "the table"
        check = str(row["check"])
        column = row["column"] if pd.notna(row["column"]) else ", ".join(spec.key)
        lines.append(f"{where}, column {column!r}: {row['failure_case']!r} fails {_say(check)}")
    more = len(failures) - _MAX_REPORTED
    tail = f" (and {more} more)" if more > 0 else ""
    return (
        f"{path}: {len(failures)} problem(s): {'; '.join(lines)}{tail}. "
        "Correct these cells or regenerate the file."
    )


def _say(check: str) -> str:
    """Pandera's check names, in words."""
    if check.startswith("greater_than_or_equal_to"):
        return "the minimum " + check.split("(", 1)[1].rstrip(")")
    if check.startswith("less_than_or_equal_to"):
        return "the maximum " + check.split("(", 1)[1].rstrip(")")
    if check == "not_nullable":
        return "'no missing values' (the cell is empty)"
    if check.startswith("field_uniqueness") or check.startswith("multiple_fields_uniqueness"):
        return "'each key appears once' (duplicate key)"
    return repr(check)
