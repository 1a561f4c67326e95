"""One explorer per case; ``explore(name)`` opens it. Each module defines ``SPEC``."""

from __future__ import annotations

import importlib
from typing import Any

from innolead.cases import names as case_names
from innolead.explorers.base import Explorer, ExplorerSpec


def spec(name: str) -> ExplorerSpec:
    """The explorer specification of a case."""
    if name not in case_names():
        msg = f"There is no case called {name!r}. The cases are: {', '.join(case_names())}."
        raise KeyError(msg)
    return importlib.import_module(f"innolead.explorers.{name}").SPEC


def explore(name: str, data: Any = None, **state: Any) -> Explorer:
    """Open the explorer of a case as a widget, at its default view or at ``state``."""
    return Explorer(spec(name), data=data, **state)


__all__ = ["Explorer", "ExplorerSpec", "explore", "spec"]
