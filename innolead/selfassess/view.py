"""What the self-assessment shows: the profile chart, its text alternative and the tables.

Plain functions from the profile tables to a ``Chart`` (drawn by the explorers' renderer),
alt text and small HTML fragments, so the widget holds no logic and tests can check each piece.
"""

from __future__ import annotations

import html

import pandas as pd

from innolead.evaluation.charts import bars_png
from innolead.format import num

YOURS = "Your rating"
BENCHMARK = "Benchmark (synthetic barometer)"


def profile_png(table: pd.DataFrame, organisation: str = "") -> bytes:
    """The profile chart: each capability's rating beside its benchmark level, as PNG."""
    whose = f"{organisation}: " if organisation else ""
    return bars_png(
        list(table["label"]),
        {YOURS: list(table["rating"]), BENCHMARK: list(table["benchmark"])},
        title=f"{whose}innovation capabilities, 1 (weak) to 5 (strong)",
        value_title="Rating, 1 (weak) to 5 (strong)",
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
        f"{row.label} {row.rating} (benchmark {num(row.benchmark, 1)})"
        for row in table.itertuples(index=False)
    )
    return (
        "Bar chart of your ratings, 1 (weak) to 5 (strong), beside the synthetic barometer "
        f"benchmark: {parts}."
    )


def reading_html(reading: pd.DataFrame) -> str:
    """The reading list as an HTML list: chapter, file and why."""
    if reading.empty:
        return ""
    items = "".join(
        f"<li><strong>{html.escape(row.title)}</strong> ({html.escape(row.label)}; "
        f"<code>{html.escape(row.file)}</code>). {html.escape(row.why)}</li>"
        for row in reading.itertuples(index=False)
    )
    return f"<p><strong>Read next, for your weakest areas:</strong></p><ol>{items}</ol>"


def table_html(table: pd.DataFrame, caption: str) -> str:
    """A small table with a caption and column headers marked as such."""
    head = "".join(f'<th scope="col">{html.escape(str(c))}</th>' for c in table.columns)
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in table.itertuples(index=False)
    )
    return (
        f'<table class="innolead-table"><caption>{html.escape(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )
