"""The course toolkit: case data, analysis functions, explorers and grading for the course.

``innolead.cases.load(name)`` reads a case; ``innolead.explore(name)`` opens its live explorer
(an ipywidgets widget, for JupyterLab). A book page shows the kernel-free twin of the same
explorer, ``innolead.book.explorer(name)``.
"""

import importlib
from types import ModuleType

__all__ = ["cases", "explore"]


def __getattr__(name: str) -> ModuleType:
    # ``innolead.cases`` (pandas and pandera) loads on first use, so that light parts of the
    # toolkit, such as the grading kernel's output stream and the command line, start quickly.
    if name == "cases":
        return importlib.import_module("innolead.cases")
    msg = f"module 'innolead' has no attribute {name!r}"
    raise AttributeError(msg)


def explore(name: str, **state: object) -> object:
    """Open the live explorer of a case (an ipywidgets ``Explorer``), optionally at a state."""
    from innolead.explorers import explore as _explore

    return _explore(name, **state)
