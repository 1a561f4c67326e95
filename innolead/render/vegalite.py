"""Vega-Lite specifications of charts: one chart description, drawn everywhere.

The kernel-free explorer in the book draws these with the vendored Vega-Lite, and the live
explorer in JupyterLab hands the same specification to JupyterLab's own Vega-Lite renderer,
so both show the same chart and the kernel does no drawing at all.
"""

from __future__ import annotations

from typing import Any

from innolead.language import current
from innolead.render.chart import Chart
from innolead.render.palette import PALETTE

#: How the axes write numbers in each course language, as ``innolead.format`` does in the text
#: ("82 %", "0,5", "1 064"); English keeps Vega's defaults.
NUMBER_LOCALES: dict[str, dict[str, Any]] = {
    "sv": {
        "decimal": ",",
        "thousands": " ",
        "grouping": [3],
        "currency": ["", " kr"],
        "percent": " %",
    },
}


def _axis(field: str, title: str, kind: str, share: bool, sort: Any = None) -> dict:
    axis: dict[str, Any] = {"field": field, "type": kind, "title": title}
    if share and kind == "quantitative":
        axis["axis"] = {"format": ".0%"}
    if sort is not None:
        axis["sort"] = sort
    return axis


def vega_spec(chart: Chart, alt: str, version: int = 6) -> dict[str, Any]:
    """A Vega-Lite specification of a ``Chart``, with its title and text alternative.

    The book's vendored Vega-Lite is version 6; JupyterLab renders version 5. The features
    used here are the same in both, so only the schema named differs.
    """
    spec: dict[str, Any] = {
        "$schema": f"https://vega.github.io/schema/vega-lite/v{version}.json",
        "description": alt,
        "title": {"text": chart.title, "anchor": "start", "fontSize": 14},
        # The book's page resizes the chart to its column; inside a JupyterLab output area
        # "container" sizing feeds back into the output's own size and never settles.
        "width": "container" if version >= 6 else 560,
        "height": 260,
        "data": {"values": chart.records()},
        "config": {"font": "sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12}},
    }
    if current() in NUMBER_LOCALES:
        spec["config"]["locale"] = {"number": NUMBER_LOCALES[current()]}
    spec.update(_marks(chart))
    if chart.series is not None:
        spec["encoding"].update(_series(chart))
    return spec


def _marks(chart: Chart) -> dict[str, Any]:
    """The mark and the x/y encoding: a line over numbers or dates, or bars across or down."""
    if chart.kind == "line":
        temporal = chart.data[chart.x].dtype.kind == "M"
        x = _axis(chart.x, chart.x_title, "temporal" if temporal else "quantitative", False)
        if not temporal:
            x["axis"] = {"format": "d"}
        y = _axis(chart.y, chart.y_title, "quantitative", chart.share)
        return {"mark": {"type": "line", "point": True}, "encoding": {"x": x, "y": y}}
    order = list(chart.order) if chart.order else None
    category = _axis(chart.x, chart.x_title, "nominal", False, order)
    value = _axis(chart.y, chart.y_title, "quantitative", chart.share)
    if chart.kind == "hbar":
        return {"mark": {"type": "bar"}, "encoding": {"y": category, "x": value}}
    category["axis"] = {"labelAngle": -20}
    return {"mark": {"type": "bar"}, "encoding": {"x": category, "y": value}}


def _series(chart: Chart) -> dict[str, Any]:
    """Colour per series (the palette), bars side by side, and dashes for model series."""
    encoding: dict[str, Any] = {
        "color": {
            "field": chart.series,
            "type": "nominal",
            "title": None,
            "scale": {"range": list(PALETTE)},
            "legend": {"orient": "bottom", "labelLimit": 400},
        }
    }
    if chart.kind == "bar":
        encoding["xOffset"] = {"field": chart.series}
    elif chart.kind == "hbar":
        encoding["yOffset"] = {"field": chart.series}
    if chart.dashed:
        names = sorted(set(chart.data[chart.series].astype(str)))
        encoding["strokeDash"] = {
            "field": chart.series,
            "type": "nominal",
            "legend": None,
            "scale": {
                "domain": names,
                "range": [[6, 4] if s in chart.dashed else [1, 0] for s in names],
            },
        }
    return encoding
