"""What an explorer shows for one state of its controls: a chart, a small table, a sentence.

A ``View`` is plain data. Its chart becomes one Vega-Lite specification
(``innolead.render.vegalite``): the live ipywidgets explorer sends it to JupyterLab's renderer
and the kernel-free explorer in the book draws it with the vendored Vega-Lite; the kernel draws
nothing. Both come from the same ``view`` function of the case's explorer module, so the
numbers cannot differ.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from innolead.format import num, pct
from innolead.i18n import _
from innolead.render.chart import Chart


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


def in_language(values: pd.Series) -> pd.Series:
    """Data values (groups, categories) as readers see them: translated, same dtype.

    Values without a catalogue entry (a unit's name, a size band) stay as they are.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.rename_categories([_(str(c)) for c in values.cat.categories])
    return values.map(lambda v: _(v) if isinstance(v, str) else v).astype(values.dtype)


def _formatter(rule: str) -> Any:
    if rule.startswith("pct"):
        decimals = int(rule[3:] or 0)
        return lambda v: pct(v, decimals) if pd.notna(v) else "-"
    if rule.startswith("num"):
        decimals = int(rule[3:] or 0)
        return lambda v: num(v, decimals) if pd.notna(v) else "-"
    msg = f"unknown table format {rule!r}; use pct, pct1, num, num1 or num2"
    raise ValueError(msg)


__all__ = ["Chart", "View", "in_language"]
