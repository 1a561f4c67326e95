"""Self-contained, accessible HTML pages and the pieces they are made of.

Every page the course writes from participants' data (the programme evaluation report, the
cohort report) comes from the one shell in ``templates/shell.html``, so they share the
language, character set, viewport and the Content-Security-Policy of
``innolead.html_policy``. Jinja2 escapes every value it is given: a participant's comment or
id becomes text, never markup. The pieces (``table``, ``figure``, ...) return ``Markup``,
which the shell and the other pieces take as it is.

No external assets: the style sheet is inline and charts are embedded PNGs with alt text.
Tables have a caption, column headers with ``scope="col"`` and row headers with
``scope="row"``, as WCAG's table techniques (H39, H63) describe.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from innolead.format import num, pct
from innolead.html_policy import META
from innolead.i18n import _, ngettext
from innolead.language import current

#: How each kind of column is shown: shares as per cent, means with one decimal.
FORMATS = {"share": "pct", "mean_": "num1"}


@cache
def environment() -> Environment:
    """The templates in ``innolead/render/templates``, escaping every value (``autoescape``).

    Templates write their own words as ``{{ _("...") }}``: Jinja2's i18n extension calls the
    toolkit's gettext, so the words follow the course language on every render.
    """
    env = Environment(
        loader=PackageLoader("innolead.render", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.install_gettext_callables(gettext=_, ngettext=ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def render(template: str, **context: Any) -> str:
    """A whole page from ``template`` (which extends ``shell.html``), in the course language."""
    context.setdefault("lang", current())
    return environment().get_template(template).render(csp=Markup(META), **context)


def piece(name: str, *args: Any, template: str = "pieces.html") -> str:
    """The HTML of macro ``name`` of ``template`` (``pieces.html`` or ``widgets.html``)."""
    return Markup(getattr(environment().get_template(template).module, name)(*args))


@dataclass(frozen=True)
class Cell:
    """A table cell as shown: its text, whether it is a number (right-aligned), a row header."""

    text: str
    numeric: bool = False
    header: bool = False


def _cell(value: Any, rule: str | None) -> tuple[str, bool]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "-", False
    if rule == "pct":
        return pct(float(value)), True
    if rule == "num1":
        return num(float(value), 1), True
    if isinstance(value, int | float) and not isinstance(value, bool):
        return num(value), True
    return str(value), False


def _rule(column: str, formats: Mapping[str, str]) -> str | None:
    for prefix, rule in formats.items():
        if column.startswith(prefix):
            return rule
    return None


def table(
    frame: pd.DataFrame,
    caption: str,
    headers: Mapping[str, str] | None = None,
    formats: Mapping[str, str] = FORMATS,
) -> str:
    """A table: caption, column headers, the first column as row headers.

    Parameters
    ----------
    frame
        The rows to show.
    caption
        What the table shows, with its base.
    headers
        Column name -> header text; columns not named keep their names.
    formats
        Column name prefix -> ``"pct"`` or ``"num1"``; other numbers are whole numbers.

    Examples
    --------
    >>> text = table(pd.DataFrame({"group": ["all"], "share": [0.8]}), "Satisfied")
    >>> str(text)[:40]
    '<table><caption>Satisfied</caption><thea'
    >>> '<th scope="row">all</th><td class="num">80 %</td>' in text
    True
    """
    names = headers or {}
    rows = []
    for values in frame.itertuples(index=False):
        cells = []
        for i, (column, value) in enumerate(zip(frame.columns, values, strict=True)):
            text, numeric = _cell(value, _rule(column, formats))
            cells.append(Cell(text, numeric=numeric and i > 0, header=i == 0))
        rows.append(cells)
    head = [names.get(c, c) for c in frame.columns]
    return cells_table(caption, head, rows)


def cells_table(
    caption: str, head: Iterable[object], rows: Iterable[Iterable[Cell]] | None, css: str = ""
) -> str:
    """A table from cells already formatted: caption, column headers, ``rows`` (or no body)."""
    return piece("table", caption, list(head), None if rows is None else list(rows), css)


def figure(png: bytes, alt: str, caption: str) -> str:
    """An embedded PNG with its text alternative and a visible caption."""
    src = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return piece("figure", src, alt, caption)


def paragraph(text: str, css: str = "") -> str:
    """A paragraph of plain text (escaped), optionally with a class."""
    return piece("paragraph", text, css)


def bullets(lines: Iterable[str], css: str = "") -> str:
    """A list of plain-text items (escaped)."""
    return piece("bullets", list(lines), css)


def section(title: str, body: Iterable[str], level: int = 2) -> str:
    """A section with its heading (``level`` 2 or 3); ``body`` holds pieces made here."""
    return piece("section", title, list(body), level)


def page(title: str, body: Iterable[str]) -> str:
    """A whole HTML document in the shell: ``body`` (pieces made here) under the ``h1``."""
    return render("shell.html", title=title, body=Markup("".join(body)))
