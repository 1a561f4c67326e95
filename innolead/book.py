"""What a chapter's hidden cell imports: the page's explorer and numbers glued into the prose.

This is the book's entry point (chapters and their Swedish catalogues import it by this name);
the work is done elsewhere: ``innolead.web.static_explorer`` for the explorer and
``innolead.format`` for the numbers. Chapters carry no logic. A hidden cell calls the analysis
functions and ``say`` glues each number, already formatted, under a name the prose quotes with
``{glue:text}`name```; so every number a reader sees was computed from the case data at build
time, never typed by hand.
"""

from __future__ import annotations

from myst_nb import glue

from innolead.format import count_of, num, of_ten, pct
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
    """The kernel-free explorer of a case, for a book page (hide the cell's input).

    It returns a ``StaticExplorer``: HTML with every state computed at build time, drawn by
    the vendored Vega-Lite in the reader's browser. ``innolead.explore`` is its live twin, an
    ipywidgets ``Explorer`` for JupyterLab, over the same ``view`` function.

    It opens on the spec's default view, or on ``state`` (control name -> value) so that each
    chapter opens on the view that tells its point; ``look_for`` replaces the spec's hint.
    """
    return show(name, look_for=look_for, **state)


__all__ = ["count_of", "explorer", "num", "of_ten", "pct", "say"]
