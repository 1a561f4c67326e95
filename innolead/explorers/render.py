"""Draw a ``Chart`` with matplotlib, for the explorers that run in a Jupyter kernel.

Figures are made with ``matplotlib.figure.Figure`` (no pyplot), so drawing never touches
global state or opens a window, and the result is PNG bytes a widget can show.
"""

from __future__ import annotations

import io

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, PercentFormatter

from innolead.explorers.view import Chart

#: Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000")


def _groups(chart: Chart) -> list[tuple[str | None, object]]:
    if chart.series is None:
        return [(None, chart.data)]
    return [(str(key), frame) for key, frame in chart.data.groupby(chart.series, observed=True)]


def _draw_bars(ax: object, chart: Chart) -> None:
    groups = _groups(chart)
    categories = list(chart.order or dict.fromkeys(chart.data[chart.x].astype(str)))
    width = 0.8 / len(groups)
    for i, (name, frame) in enumerate(groups):
        values = frame.set_index(frame[chart.x].astype(str))[chart.y].reindex(categories)
        positions = [c + (i - (len(groups) - 1) / 2) * width for c in range(len(categories))]
        draw = ax.barh if chart.kind == "hbar" else ax.bar
        draw(positions, values.fillna(0), width, label=name, color=PALETTE[i % len(PALETTE)])
    ticks = range(len(categories))
    if chart.kind == "hbar":
        ax.set_yticks(list(ticks), categories)
        ax.invert_yaxis()
    else:
        ax.set_xticks(list(ticks), categories, rotation=20, ha="right")


def _draw_lines(ax: object, chart: Chart) -> None:
    for i, (name, frame) in enumerate(_groups(chart)):
        style = "--" if name in chart.dashed else "-"
        ax.plot(frame[chart.x], frame[chart.y], style, label=name, color=PALETTE[i % len(PALETTE)])


def _label_axes(ax: object, chart: Chart) -> None:
    """Category and value titles on the axes that show them (swapped for horizontal bars)."""
    category, value = chart.x_title, chart.y_title
    if chart.kind == "hbar":
        ax.set_ylabel(category)
        ax.set_xlabel(value)
    else:
        ax.set_xlabel(category)
        ax.set_ylabel(value)
    if chart.kind == "line" and pd.api.types.is_integer_dtype(chart.data[chart.x]):
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # years, not 2007.5


def png(chart: Chart, width: float = 7.0, height: float = 3.6) -> bytes:
    """The chart as PNG bytes, with its title and axis titles."""
    fig = Figure(figsize=(width, height), dpi=90, layout="constrained")  # no clipped labels
    ax = fig.add_subplot()
    if chart.kind == "line":
        _draw_lines(ax, chart)
    else:
        _draw_bars(ax, chart)
    ax.set_title(chart.title, loc="left", fontsize=10)
    _label_axes(ax, chart)
    if chart.share:
        axis = ax.xaxis if chart.kind == "hbar" else ax.yaxis
        axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    if chart.series is not None:
        ax.legend(frameon=False, fontsize=9)
    ax.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
