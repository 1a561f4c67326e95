"""What an explorer shows for one state of its controls: a chart, a small table, a sentence.

A ``View`` is plain data. The ipywidgets explorer draws it with matplotlib in the kernel; the
kernel-free explorer in the book draws the same data with Vega-Lite. Both come from the same
``view`` function of the case's explorer module, so the numbers cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import pandas as pd

from innolead.format import num, pct

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


@dataclass(frozen=True)
class View:
    """Everything one state of an explorer shows. ``alt`` is the chart's text alternative."""

    chart: Chart | None
    table: pd.DataFrame
    sentence: str
    alt: str
    error: str | None = None
    formats: dict[str, str] = field(default_factory=dict)

    def display_table(self) -> pd.DataFrame:
        """The table as text, each column formatted as ``formats`` says.

        Formats: ``"pct"`` (a share as per cent), ``"pct1"`` (one decimal), ``"num"`` (whole
        number with thousands separator), ``"num1"``/``"num2"`` (decimals). Unformatted
        floats get two decimals. Both explorers show exactly this text.
        """
        shown = self.table.copy()
        for column in shown.columns:
            rule = self.formats.get(column)
            if rule is None and pd.api.types.is_float_dtype(shown[column]):
                rule = "num2"
            if rule is not None:
                shown[column] = shown[column].map(_formatter(rule))
        return shown.astype(object).where(shown.notna(), "-").astype(str)

    @classmethod
    def failed(cls, message: str) -> View:
        """The view of a state the analysis cannot summarise: no chart, no table, the reason."""
        return cls(chart=None, table=pd.DataFrame(), sentence=message, alt=message, error=message)


def _formatter(rule: str) -> Any:
    if rule.startswith("pct"):
        decimals = int(rule[3:] or 0)
        return lambda v: pct(v, decimals) if pd.notna(v) else "-"
    if rule.startswith("num"):
        decimals = int(rule[3:] or 0)
        return lambda v: num(v, decimals) if pd.notna(v) else "-"
    msg = f"unknown table format {rule!r}; use pct, pct1, num, num1 or num2"
    raise ValueError(msg)
