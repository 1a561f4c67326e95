"""Grouped bar charts as PNG bytes, for the evaluation report and the self-assessment.

These pictures must work with no script at all: the evaluation report is one self-contained
page opened from disk or an LMS under a Content-Security-Policy that forbids scripts, and the
self-assessment's profile must show in a notebook saved without its widget state. So, unlike
the explorers (Vega-Lite, drawn in the browser), they are drawn here, with matplotlib's
constrained layout, which makes room for long category names ("Culture and psychological
safety"). Figures are made without pyplot (no global state) and use the course's palette.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

from innolead.render.palette import PALETTE


def bars_png(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    value_title: str,
    horizontal: bool = False,
    percent: bool = False,
    value_max: float | None = None,
    size: tuple[float, float] = (7.0, 3.6),
) -> bytes:
    """Bars for each category, one colour per series, as PNG bytes.

    Parameters
    ----------
    categories
        The bar groups, in the order shown (top to bottom when ``horizontal``).
    series
        Name -> one value per category; the names make the legend (shown for 2+ series).
    title, value_title
        The chart's title and the value axis's title.
    horizontal
        Bars across (for long category names) instead of up.
    percent
        Values are shares between 0 and 1, shown as per cent.
    value_max
        The end of the value axis (for a fixed scale such as 1-5), or ``None``.
    size
        Width and height in inches.

    Returns
    -------
    bytes
        The PNG image.

    Examples
    --------
    >>> bars_png(["a", "b"], {"before": [1, 2]}, title="t", value_title="n")[:4]
    b'\\x89PNG'
    """
    # matplotlib (about half a second) loads when a chart is drawn, not when a report or the
    # self-assessment module is imported.
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator, PercentFormatter

    fig = Figure(figsize=size, dpi=100, layout="constrained")
    ax = fig.add_subplot()
    width = 0.8 / max(len(series), 1)
    positions = range(len(categories))
    for i, (name, values) in enumerate(series.items()):
        shifted = [p + (i - (len(series) - 1) / 2) * width for p in positions]
        draw = ax.barh if horizontal else ax.bar
        draw(shifted, list(values), width, label=name, color=PALETTE[i % len(PALETTE)])
    category_axis, value_axis = (ax.yaxis, ax.xaxis) if horizontal else (ax.xaxis, ax.yaxis)
    category_axis.set_ticks(list(positions), list(categories))
    if horizontal:
        ax.invert_yaxis()
        ax.set_xlabel(value_title)
        ax.set_xlim(0, value_max)
    else:
        ax.set_ylabel(value_title)
        ax.set_ylim(0, value_max)
    if percent:
        value_axis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    else:
        value_axis.set_major_locator(MaxNLocator(integer=True))
    ax.set_title(title, loc="left", fontsize=11)
    if len(series) > 1:
        fig.legend(frameon=False, fontsize=9, loc="outside lower center", ncols=len(series))
    ax.spines[["top", "right"]].set_visible(False)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
