"""What the self-assessment shows: the profile chart, its text alternative and the tables.

Plain functions from the profile tables to a PNG bar chart (``innolead.render.png``, so the
chart stays in a notebook saved without its widget state), alt text and small HTML
fragments (``innolead.render`` templates, escaped), so the widget holds no logic and tests
can check each piece.
"""

from __future__ import annotations

import pandas as pd

from innolead.format import num
from innolead.i18n import N_, _
from innolead.render.pages import Cell, cells_table, piece
from innolead.render.png import bars_png

YOURS = N_("Your rating")
BENCHMARK = N_("Benchmark (synthetic barometer)")


def profile_png(table: pd.DataFrame, organisation: str = "") -> bytes:
    """The profile chart: each capability's rating beside its benchmark level, as PNG."""
    title = _("Innovation capabilities, 1 (weak) to 5 (strong)")
    if organisation:
        title = _("{organisation}: innovation capabilities, 1 (weak) to 5 (strong)").format(
            organisation=organisation
        )
    return bars_png(
        list(table["label"]),
        {_(YOURS): list(table["rating"]), _(BENCHMARK): list(table["benchmark"])},
        title=title,
        value_title=_("Rating, 1 (weak) to 5 (strong)"),
        horizontal=True,
        value_max=5.0,
        size=(7.5, 4.4),
    )


def profile_alt(table: pd.DataFrame) -> str:
    """The chart's text alternative: every rating with its benchmark.

    Examples
    --------
    >>> table = pd.DataFrame({"label": ["Collaboration"], "rating": [4], "benchmark": [3.88]})
    >>> profile_alt(table).split("benchmark: ")[1]
    'Collaboration 4 (benchmark 3.9).'
    """
    parts = "; ".join(
        _("{capability} {rating} (benchmark {benchmark})").format(
            capability=row.label, rating=row.rating, benchmark=num(row.benchmark, 1)
        )
        for row in table.itertuples(index=False)
    )
    return _(
        "Bar chart of your ratings, 1 (weak) to 5 (strong), beside the synthetic barometer "
        "benchmark: {parts}."
    ).format(parts=parts)


def reading_html(reading: pd.DataFrame) -> str:
    """The reading list as an HTML list: chapter, file and why (empty when there is none)."""
    rows = list(reading.itertuples(index=False))
    return str(piece("reading_list", rows, template="widgets.html"))


def table_html(table: pd.DataFrame, caption: str) -> str:
    """A small table with a caption and column headers marked as such."""
    rows = [[Cell(str(v)) for v in row] for row in table.itertuples(index=False)]
    return str(cells_table(caption, [str(c) for c in table.columns], rows, "innolead-table"))
