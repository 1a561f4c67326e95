"""Effects of a pilot: before/after changes and difference-in-differences with an interval.

A pilot compares units (for example home-care areas) that got the new way of working with
units that did not, before and after the start. Every function works at unit level: each unit's
mean after the start minus its mean before, so a unit with many missing months weighs no more
than the others. The functions take the columns of the `pilot` case by default and any frame
with the same kind of columns through the keyword arguments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from innolead.analysis.errors import SelectionError
from innolead.i18n import N_, _

OUTCOME = "night_hours_per_user"
TREATED, COMPARISON = "intervention", "comparison"
BEFORE, AFTER = "before", "after"


@dataclass(frozen=True)
class Estimate:
    """An estimated effect with its 95 % confidence interval and the units it rests on."""

    method: str
    estimate: float
    low: float
    high: float
    se: float
    df: float
    n_treated: int
    n_comparison: int

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies inside the 95 % confidence interval."""
        return self.low <= value <= self.high


def _check_outcome(frame: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """The rows with a value of ``outcome``; a clear message when there are none."""
    if outcome not in frame.columns:
        msg = f"There is no column {outcome!r}; the columns are {', '.join(map(str, frame))}."
        raise SelectionError(msg)
    rows = frame.dropna(subset=[outcome])
    if rows.empty:
        msg = _(
            "No rows in this selection have a value of {outcome}; choose a broader selection."
        ).format(outcome=repr(outcome))
        raise SelectionError(msg)
    return rows


def group_period_means(
    frame: pd.DataFrame, outcome: str = OUTCOME, group: str = "group", period: str = "period"
) -> pd.DataFrame:
    """Mean outcome of each group before and after the start, with the rows used.

    Parameters
    ----------
    frame
        One row per unit and month, with ``group``, ``period`` and ``outcome`` columns.
    outcome, group, period
        Column names.

    Returns
    -------
    pandas.DataFrame
        Columns ``group``, ``period``, ``n`` (rows with a value), ``missing`` and ``mean``.

    Examples
    --------
    >>> frame = pd.DataFrame({"group": ["a", "a", "a"], "period": ["before", "after", "after"],
    ...                       "y": [4.0, 2.0, None]})
    >>> group_period_means(frame, "y").to_dict("records")[0]
    {'group': 'a', 'period': 'before', 'n': 1, 'missing': 0, 'mean': 4.0}
    """
    _check_outcome(frame, outcome)
    grouped = frame.groupby([group, period], observed=True, sort=False)[outcome]
    table = grouped.agg(n="count", size="size", mean="mean").reset_index()
    table["missing"] = table["size"] - table["n"]
    table = table.rename(columns={group: "group", period: "period"})
    return table[["group", "period", "n", "missing", "mean"]]


def unit_changes(
    frame: pd.DataFrame,
    outcome: str = OUTCOME,
    unit: str = "unit_id",
    group: str = "group",
    period: str = "period",
) -> pd.DataFrame:
    """Each unit's mean outcome before and after the start, and the change (after - before).

    Missing values are left out of a unit's means; a unit without data in one of the two
    periods is left out altogether.

    Parameters
    ----------
    frame
        One row per unit and month; ``period`` holds ``"before"`` or ``"after"``.
    outcome, unit, group, period
        Column names.

    Returns
    -------
    pandas.DataFrame
        Columns ``unit``, ``group``, ``before``, ``after`` and ``change``, one row per unit.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": ["A"] * 4, "group": ["intervention"] * 4,
    ...     "period": ["before", "before", "after", "after"], "y": [5.0, 7.0, 4.0, None]})
    >>> unit_changes(frame, "y").to_dict("records")
    [{'unit': 'A', 'group': 'intervention', 'before': 6.0, 'after': 4.0, 'change': -2.0}]
    """
    rows = _check_outcome(frame, outcome)
    means = rows.groupby([unit, group, period], observed=True)[outcome].mean()
    wide = means.unstack(period).reindex(columns=[BEFORE, AFTER]).dropna()
    if wide.empty:
        msg = _("No unit in this selection has data both before and after the start.")
        raise SelectionError(msg)
    wide = wide.reset_index().rename(columns={unit: "unit", group: "group"})
    wide.columns.name = None
    wide["change"] = wide[AFTER] - wide[BEFORE]
    wide["group"] = wide["group"].astype(str)
    wide["unit"] = wide["unit"].astype(str)
    return wide[["unit", "group", BEFORE, AFTER, "change"]]


def _changes_of(changes: pd.DataFrame, group: str, label: str) -> pd.Series:
    values = changes.loc[changes["group"] == group, "change"]
    if len(values) < 2:
        msg = _(
            "The estimate needs at least two {units} with data both before and after the start; "
            "this selection has {n}. Choose a broader selection."
        ).format(units=_(label), n=len(values))
        raise SelectionError(msg)
    return values


def naive_change(
    frame: pd.DataFrame, outcome: str = OUTCOME, treated: str = TREATED, **columns: str
) -> Estimate:
    """The naive before/after change in the treated units, with a t-based 95 % interval.

    This is what a pilot report without a comparison group shows: the mean over treated units
    of (mean after - mean before). It credits the pilot with every change, including changes
    that would have happened anyway.

    Parameters
    ----------
    frame
        One row per unit and month (see ``unit_changes``).
    outcome
        The outcome column.
    treated
        The value of the group column that marks the pilot units.
    **columns
        ``unit``, ``group`` or ``period`` column names, passed to ``unit_changes``.

    Returns
    -------
    Estimate
        ``method="naive before/after"``, ``n_comparison=0``.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": ["A", "A", "B", "B"], "group": ["intervention"] * 4,
    ...     "period": ["before", "after"] * 2, "y": [6.0, 4.0, 5.0, 4.0]})
    >>> naive_change(frame, "y").estimate  # (-2 + -1) / 2
    -1.5
    """
    return _naive(unit_changes(frame, outcome, **columns), treated)


def _naive(changes: pd.DataFrame, treated: str) -> Estimate:
    values = _changes_of(changes, treated, N_("pilot units"))
    n = len(values)
    se = float(values.std(ddof=1) / np.sqrt(n))
    low, high = _interval(values.mean(), se, n - 1)
    return Estimate("naive before/after", float(values.mean()), low, high, se, n - 1.0, n, 0)


def _interval(estimate: float, se: float, df: float) -> tuple[float, float]:
    margin = float(stats.t.ppf(0.975, df) * se) if se > 0 else 0.0
    return float(estimate) - margin, float(estimate) + margin


def diff_in_diff(
    frame: pd.DataFrame,
    outcome: str = OUTCOME,
    treated: str = TREATED,
    comparison: str = COMPARISON,
    **columns: str,
) -> Estimate:
    """Difference-in-differences at unit level, with a Welch 95 % confidence interval.

    The estimate is the mean change in the treated units minus the mean change in the
    comparison units. The standard error is Welch's, sqrt(s1²/n1 + s2²/n2), with the
    Welch-Satterthwaite degrees of freedom, and the interval uses the t distribution.

    Parameters
    ----------
    frame
        One row per unit and month (see ``unit_changes``).
    outcome
        The outcome column.
    treated, comparison
        The values of the group column for pilot and comparison units.
    **columns
        ``unit``, ``group`` or ``period`` column names, passed to ``unit_changes``.

    Returns
    -------
    Estimate
        ``method="difference-in-differences"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": list("AABBCCDD"),
    ...     "group": ["intervention"] * 4 + ["comparison"] * 4,
    ...     "period": ["before", "after"] * 4, "y": [6, 4, 5, 4, 6, 5, 5, 5.0]})
    >>> diff_in_diff(frame, "y").estimate  # (-2 + -1) / 2 - (-1 + 0) / 2
    -1.0
    """
    return _did(unit_changes(frame, outcome, **columns), treated, comparison)


def _did(changes: pd.DataFrame, treated: str, comparison: str) -> Estimate:
    one = _changes_of(changes, treated, N_("pilot units"))
    two = _changes_of(changes, comparison, N_("comparison units"))
    v1, v2 = one.var(ddof=1) / len(one), two.var(ddof=1) / len(two)
    se = float(np.sqrt(v1 + v2))
    df = float((v1 + v2) ** 2 / (v1**2 / (len(one) - 1) + v2**2 / (len(two) - 1))) if se else 1.0
    estimate = float(one.mean() - two.mean())
    low, high = _interval(estimate, se, df)
    return Estimate("difference-in-differences", estimate, low, high, se, df, len(one), len(two))


def estimates(
    frame: pd.DataFrame,
    outcome: str = OUTCOME,
    treated: str = TREATED,
    comparison: str = COMPARISON,
    **columns: str,
) -> dict[str, Estimate]:
    """Both estimates from one pass over the data: ``"naive"`` and ``"did"``.

    Parameters
    ----------
    frame
        One row per unit and month (see ``unit_changes``).
    outcome
        The outcome column.
    treated, comparison
        The values of the group column for pilot and comparison units.
    **columns
        ``unit``, ``group`` or ``period`` column names, passed to ``unit_changes``.

    Returns
    -------
    dict
        ``{"naive": naive_change(...), "did": diff_in_diff(...)}``.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": list("AABBCCDD"),
    ...     "group": ["intervention"] * 4 + ["comparison"] * 4,
    ...     "period": ["before", "after"] * 4, "y": [6, 4, 5, 4, 6, 5, 5, 5.0]})
    >>> {name: e.estimate for name, e in estimates(frame, "y").items()}
    {'naive': -1.5, 'did': -1.0}
    """
    changes = unit_changes(frame, outcome, **columns)
    return {"naive": _naive(changes, treated), "did": _did(changes, treated, comparison)}


def estimates_table(found: Mapping[str, Estimate]) -> pd.DataFrame:
    """Estimates side by side, one row each, in the order given.

    Parameters
    ----------
    found
        Estimates by name, for example the output of ``estimates``.

    Returns
    -------
    pandas.DataFrame
        Columns ``method``, ``estimate``, ``low``, ``high`` (the 95 % interval) and ``units``
        (pilot units, plus comparison units for difference-in-differences).

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": list("AABBCCDD"),
    ...     "group": ["intervention"] * 4 + ["comparison"] * 4,
    ...     "period": ["before", "after"] * 4, "y": [6, 4, 5, 4, 6, 5, 5, 5.0]})
    >>> estimates_table(estimates(frame, "y"))[["method", "units"]].to_dict("list")
    {'method': ['naive before/after', 'difference-in-differences'], 'units': [2, 4]}
    """
    rows = list(found.values())
    return pd.DataFrame(
        {
            "method": [e.method for e in rows],
            "estimate": [e.estimate for e in rows],
            "low": [e.low for e in rows],
            "high": [e.high for e in rows],
            "units": [e.n_treated + e.n_comparison for e in rows],
        }
    )


# The pilot over time (trends, the counterfactual line, costs per user) is in
# ``innolead.analysis.counterfactual``, which builds on this module. Chapters and assignments
# import those names from here, so they are looked up there on first use (a plain import
# would be circular).
_MOVED = frozenset(
    {
        "counterfactual",
        "monthly_means",
        "per_user",
        "similar_baseline",
    }
)


def __getattr__(name: str) -> Any:
    if name in _MOVED:
        from innolead.analysis import counterfactual

        return getattr(counterfactual, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)
