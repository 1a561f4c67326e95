"""The course toolkit: case data, analysis functions, explorers and grading for the course.

``innolead.cases.load(name)`` reads a case; ``innolead.explore(name)`` opens its explorer.
"""

from innolead import cases

__all__ = ["cases", "explore"]


def explore(name: str, **state: object) -> object:
    """Open the explorer of a case (an ipywidgets widget), optionally at a given state."""
    from innolead.explorers import explore as _explore

    return _explore(name, **state)
