"""nbgrader's region markers (hidden tests, solutions, mark schemes), parsed one way.

A region runs from the line holding its begin marker to the line holding its end marker; the
marker lines belong to no region. Markers that do not pair up are an error in the instructor's
notebook, so the parser says which cell and which marker instead of guessing. The markers are
the ones nbgrader is configured with (``Delimiters.from_config``), so a course that changes
nbgrader's delimiters changes them here too.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HIDDEN = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")
MARK_SCHEME = ("BEGIN MARK SCHEME", "END MARK SCHEME")
#: Where nbgrader keeps each pair: (configurable class, begin trait, end trait).
_CONFIGURED = {
    "hidden": ("ClearHiddenTests", "begin_test_delimeter", "end_test_delimeter"),
    "solution": ("ClearSolutions", "begin_solution_delimeter", "end_solution_delimeter"),
    "mark_scheme": ("ClearMarkScheme", "begin_mark_scheme_delimeter", "end_mark_scheme_delimeter"),
}


@dataclass(frozen=True)
class Delimiters:
    """The three marker pairs a course uses (nbgrader's defaults unless configured)."""

    hidden: tuple[str, str] = HIDDEN
    solution: tuple[str, str] = SOLUTION
    mark_scheme: tuple[str, str] = MARK_SCHEME

    @classmethod
    def from_config(cls, config: Any) -> Delimiters:
        """The pairs in a traitlets ``Config`` (a preprocessor's ``self.config``)."""
        found = {}
        for field, (section, begin, end) in _CONFIGURED.items():
            default = getattr(cls(), field)
            values = config.get(section, {})
            found[field] = (values.get(begin, default[0]), values.get(end, default[1]))
        return cls(**found)

    @classmethod
    def for_course(cls, root: Path) -> Delimiters:
        """The pairs set in a course folder's ``nbgrader_config.py`` (defaults without one)."""
        from traitlets.config.loader import PyFileConfigLoader

        if not (root / "nbgrader_config.py").is_file():
            return cls()
        return cls.from_config(PyFileConfigLoader("nbgrader_config.py", str(root)).load_config())


class MarkerError(ValueError):
    """Region markers in a cell do not pair up."""


@dataclass(frozen=True)
class Split:
    """A cell's source cut into what lies outside the regions and the regions themselves."""

    outside: str  # the lines outside every region, marker lines left out
    regions: tuple[str, ...]  # each region's lines, dedented


def split(source: str, markers: tuple[str, str] = HIDDEN, label: str = "a cell") -> Split:
    """Cut ``source`` at the ``markers`` pairs (raises ``MarkerError`` naming ``label``).

    >>> s = split("a = 1\\n### BEGIN HIDDEN TESTS\\n    assert a\\n### END HIDDEN TESTS\\nb")
    >>> s.outside, s.regions
    ('a = 1\\nb', ('assert a',))
    """
    begin, end = markers
    outside: list[str] = []
    regions: list[str] = []
    inside: list[str] | None = None
    for number, line in enumerate(source.split("\n"), start=1):
        if begin in line:
            if inside is not None:
                msg = f"{label}, line {number}: {begin!r} again before {end!r}"
                raise MarkerError(msg)
            inside = []
        elif end in line:
            if inside is None:
                msg = f"{label}, line {number}: {end!r} without {begin!r} before it"
                raise MarkerError(msg)
            regions.append(textwrap.dedent("\n".join(inside)).strip("\n"))
            inside = None
        elif inside is not None:
            inside.append(line)
        else:
            outside.append(line)
    if inside is not None:
        msg = f"{label}: {begin!r} is never closed by {end!r}"
        raise MarkerError(msg)
    return Split("\n".join(outside), tuple(regions))


def rewrite(
    source: str, markers: tuple[str, str], replacement: str | None, label: str = "a cell"
) -> str:
    """``source`` with each region and its marker lines replaced by ``replacement`` (one line,
    indented like the begin marker) or removed when it is ``None``."""
    split(source, markers, label)  # raises on markers that do not pair up
    begin, end = markers
    kept: list[str] = []
    inside = False
    for line in source.split("\n"):
        if begin in line:
            inside = True
            if replacement is not None:
                indent = re.match(r"\s*", line)
                kept.append((indent.group(0) if indent else "") + replacement)
        elif end in line:
            inside = False
        elif not inside:
            kept.append(line)
    return "\n".join(kept)


def without_markers(source: str, markers: tuple[str, str]) -> str:
    """``source`` with the marker lines left out and the regions' text kept (a solution)."""
    begin, end = markers
    return "\n".join(line for line in source.split("\n") if begin not in line and end not in line)
