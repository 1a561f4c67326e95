"""A chart as plain data, before anyone draws it.

Explorers describe their chart as a ``Chart``; ``innolead.render.vegalite`` turns it into the
Vega-Lite specification that both the live explorer (JupyterLab's renderer) and the
kernel-free explorer in the book (the vendored Vega-Lite) draw.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

ChartKind = Literal["bar", "hbar", "line"]


@dataclass(frozen=True)
class Chart:
    """A chart in long format: one row per mark.

    ``kind`` is ``"bar"`` (categories across), ``"hbar"`` (categories down, for long labels) or
    ``"line"`` (a numeric or date x). ``series`` colours groups; series named in ``dashed`` are
    drawn dashed (a model next to observations). ``share`` formats the value axis in per cent.
    """

    kind: ChartKind
    data: pd.DataFrame
    x: str
    y: str
    title: str
    x_title: str
    y_title: str
    series: str | None = None
    share: bool = False
    dashed: tuple[str, ...] = ()
    order: tuple[str, ...] | None = None

    def records(self) -> list[dict[str, Any]]:
        """The chart data as JSON-ready records (dates as ISO strings)."""
        frame = self.data.copy()
        for column in frame.columns:
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                frame[column] = frame[column].dt.strftime("%Y-%m-%d")
            elif isinstance(frame[column].dtype, pd.CategoricalDtype):
                frame[column] = frame[column].astype(str)
        frame = frame.astype(object).where(frame.notna(), None)
        return frame.to_dict(orient="records")
