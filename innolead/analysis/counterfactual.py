"""A pilot over time: monthly trends, the line the pilot units would have followed, costs.

``innolead.analysis.effects`` estimates a pilot's effect in one number; these functions draw it
over time (each group's monthly mean and the counterfactual line the intervention units would
have followed without the pilot), check that the groups started alike, and put costs per user.
They take the columns of the `pilot` case by default.
"""

from __future__ import annotations

import pandas as pd

from innolead.analysis.effects import BEFORE, COMPARISON, OUTCOME, TREATED, _check_outcome
from innolead.analysis.errors import SelectionError
from innolead.i18n import _


def monthly_means(
    frame: pd.DataFrame, outcome: str = OUTCOME, group: str = "group", time: str = "month"
) -> pd.DataFrame:
    """Mean outcome of each group in each month, for a trend chart.

    Parameters
    ----------
    frame
        One row per unit and month.
    outcome, group, time
        Column names.

    Returns
    -------
    pandas.DataFrame
        Columns ``month``, ``group``, ``n`` (units with a value that month) and ``mean``,
        sorted by group and month.

    Examples
    --------
    >>> frame = pd.DataFrame({"month": [1, 1, 2], "group": ["a", "a", "a"], "y": [2.0, 4.0, 5.0]})
    >>> monthly_means(frame, "y")["mean"].tolist()
    [3.0, 5.0]
    """
    rows = _check_outcome(frame, outcome)
    grouped = rows.groupby([group, time], observed=True)[outcome]
    table = grouped.agg(n="count", mean="mean").reset_index()
    table = table.rename(columns={group: "group", time: "month"})
    table["group"] = table["group"].astype(str)
    return table[["month", "group", "n", "mean"]].sort_values(["group", "month"], kind="stable")


def counterfactual(
    trend: pd.DataFrame,
    periods: pd.Series,
    method: str = "did",
    treated: str = TREATED,
    comparison: str = COMPARISON,
) -> pd.DataFrame:
    """What each estimate assumes the treated group would have done without the pilot.

    ``"naive"`` assumes the treated group's before-mean would have stayed flat;
    ``"did"`` assumes it would have moved like the comparison group: the comparison group's
    monthly mean plus the gap between the groups before the start.

    Parameters
    ----------
    trend
        The output of ``monthly_means``.
    periods
        The period (``"before"``/``"after"``) of each month, indexed by month.
    method
        ``"did"`` or ``"naive"``.
    treated, comparison
        The group labels in ``trend``.

    Returns
    -------
    pandas.DataFrame
        Columns ``month`` and ``mean``, for the months after the start.

    Examples
    --------
    >>> trend = pd.DataFrame({"month": [1, 2, 1, 2], "group": ["t", "t", "c", "c"],
    ...                       "n": 1, "mean": [6.0, 4.0, 5.0, 4.5]})
    >>> periods = pd.Series(["before", "after"], index=[1, 2])
    >>> counterfactual(trend, periods, "did", "t", "c")["mean"].tolist()  # 4.5 + (6 - 5)
    [5.5]
    """
    wide = trend.pivot(index="month", columns="group", values="mean")
    before = periods.reindex(wide.index).eq(BEFORE).to_numpy()
    if method == "naive":
        values = pd.Series(wide.loc[before, treated].mean(), index=wide.index)
    else:
        gap = (wide.loc[before, treated] - wide.loc[before, comparison]).mean()
        values = wide[comparison] + gap
    after = values[~before]
    return pd.DataFrame({"month": after.index, "mean": after.to_numpy()})


def similar_baseline(
    frame: pd.DataFrame,
    outcome: str = OUTCOME,
    treated: str = TREATED,
    unit: str = "unit_id",
    group: str = "group",
    period: str = "period",
) -> pd.DataFrame:
    """The rows of treated units and of the comparison units with a similar starting level.

    A comparison unit is kept when its mean outcome before the start lies within the range
    (lowest to highest) of the treated units' means before the start.

    Parameters
    ----------
    frame
        One row per unit and month.
    outcome, treated, unit, group, period
        The outcome column, the treated group's label and the other column names.

    Returns
    -------
    pandas.DataFrame
        The kept rows, unchanged.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": list("ABCD"), "period": "before",
    ...     "group": ["intervention"] * 2 + ["comparison"] * 2, "y": [6.0, 5.0, 5.5, 3.0]})
    >>> similar_baseline(frame, "y")["unit_id"].tolist()  # D's 3.0 is outside 5.0-6.0
    ['A', 'B', 'C']
    """
    rows = _check_outcome(frame, outcome)
    before = rows[rows[period] == BEFORE].groupby(unit, observed=True)
    levels = before[outcome].mean()
    is_treated = before[group].first().astype(str) == treated
    if not is_treated.any():
        msg = _("No pilot units in this selection have data before the start.")
        raise SelectionError(msg)
    low, high = levels[is_treated].min(), levels[is_treated].max()
    keep = levels.index[is_treated | levels.between(low, high)]
    return frame[frame[unit].isin(keep)]


def per_user(
    frame: pd.DataFrame, column: str, users: str = "users", name: str | None = None
) -> pd.DataFrame:
    """A copy of ``frame`` with ``column`` divided by the number of users as a new column.

    Parameters
    ----------
    frame
        Any frame with ``column`` and ``users``.
    column, users
        The total to divide and the column with the number of users.
    name
        The new column's name; ``"<column>_per_user"`` when omitted.

    Returns
    -------
    pandas.DataFrame
        The input's columns plus the new one (missing where either value is missing).

    Examples
    --------
    >>> per_user(pd.DataFrame({"cost": [100, None], "users": [4, 5]}), "cost")["cost_per_user"]
    0    25.0
    1     NaN
    Name: cost_per_user, dtype: float64
    """
    result = frame.copy()
    total = pd.to_numeric(frame[column], errors="coerce").astype(float)
    count = pd.to_numeric(frame[users], errors="coerce").astype(float)
    result[name or f"{column}_per_user"] = total / count.where(count > 0)
    return result
