"""Helpers for the book's chapters: show an explorer, put computed numbers into the prose.

Chapters carry no logic. A hidden cell calls the analysis functions and ``say`` glues each
number, already formatted, under a name the prose quotes with ``{glue:text}`name```; so every
number a reader sees was computed from the case data at build time, never typed by hand.
"""

from __future__ import annotations

from myst_nb import glue

from innolead.format import num, of_ten, pct
from innolead.web.static_explorer import StaticExplorer, show


class _Plain:
    """Glued text that ``{glue:text}`` shows exactly as formatted.

    The role reads the glued ``repr`` back with ``ast.literal_eval``: a quoted repr returns
    the very string ("0.80" stays "0.80" instead of becoming the number 0.8).
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)


def say(name: str, value: object) -> str:
    """Glue ``value`` (already formatted text) for the prose; return it for checking."""
    text = str(value)
    glue(name, _Plain(text), display=False)
    return text


def explorer(name: str, look_for: str | None = None, **state: object) -> StaticExplorer:
    """The kernel-free explorer of a case (hide the cell's input).

    It opens on the spec's default view, or on ``state`` (control name -> value) so that each
    chapter opens on the view that tells its point; ``look_for`` replaces the spec's hint.
    """
    return show(name, look_for=look_for, **state)


__all__ = ["explorer", "num", "of_ten", "pct", "say"]
