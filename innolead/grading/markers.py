"""nbgrader's region markers (hidden tests, solutions, mark schemes), parsed one way.

A region runs from the line holding its begin marker to the line holding its end marker; the
marker lines belong to no region. Markers that do not pair up are an error in the instructor's
notebook, so the parser says which cell and which marker instead of guessing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

HIDDEN = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS")
SOLUTION = ("BEGIN SOLUTION", "END SOLUTION")
MARK_SCHEME = ("BEGIN MARK SCHEME", "END MARK SCHEME")


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
