"""Find the case specifications and the folder that holds the case data."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from pathlib import Path

from innolead import paths
from innolead.cases import specs
from innolead.cases.spec import Case

#: The case data: shipped in the package (the repository's ``cases/``), or ``$INNOLEAD_CASES``.
CASES_DIR = paths.cases_dir()


@cache
def all_cases() -> dict[str, Case]:
    """Every case in the library, by name, discovered from ``innolead/cases/specs/``."""
    found: dict[str, Case] = {}
    for module_info in sorted(pkgutil.iter_modules(specs.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{specs.__name__}.{module_info.name}")
        case = module.CASE
        found[case.name] = case
    return found


def names() -> list[str]:
    """The names of the cases, in alphabetical order."""
    return sorted(all_cases())


def get(name: str) -> Case:
    """The case called ``name``, or a message listing the cases there are."""
    cases = all_cases()
    if name not in cases:
        msg = f"There is no case called {name!r}. The cases are: {', '.join(sorted(cases))}."
        raise KeyError(msg)
    return cases[name]


def data_path(case: Case, table: str | None = None, root: Path | None = None) -> Path:
    """Where a case table's CSV file lives (``root`` replaces ``cases/`` in tests)."""
    return (root or CASES_DIR) / case.name / case.table(table).file
