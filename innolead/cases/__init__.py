"""The case library: ``load(name)`` is the one way chapters, exercises and tests read case data."""

from innolead.cases.loader import CaseDataError, load
from innolead.cases.registry import CASES_DIR, all_cases, get, names
from innolead.cases.spec import Case, Column, Table

__all__ = [
    "CASES_DIR",
    "Case",
    "CaseDataError",
    "Column",
    "Table",
    "all_cases",
    "get",
    "load",
    "names",
]
