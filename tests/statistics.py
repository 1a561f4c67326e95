"""Statistics the tests use to check the case data and the analysis, which no course material
calls: they were in ``innolead.analysis`` only for the tests, so they live with them.

- ``cronbach_alpha``: the culture case's safety items form one reliable scale (its README).
- ``group_means``: team leaders rate safety higher than staff (the culture case's design).
- ``fit_logistic``: a logistic curve fits the diffusion case as well as the Bass curve.
- ``satisfaction_by_change``: in the relay case, those who gained are the more satisfied.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

from innolead.analysis.diffusion import _check_fit_input, r_squared
from innolead.analysis.errors import SelectionError
from innolead.analysis.prepost import (
    MIN_SIZE,
    _require_columns,
    change_direction,
    matched_pairs,
    pool_small_groups,
)
from innolead.analysis.scales import keyed_items


def cronbach_alpha(
    frame: pd.DataFrame, items: Sequence[str], reverse: Sequence[str] | None = None
) -> float:
    """Cronbach's alpha of a scale over respondents who answered every item.

    Parameters
    ----------
    frame
        One row per respondent.
    items, reverse
        As for ``keyed_items``.

    Returns
    -------
    float
        Alpha, the scale's internal consistency (0.82 for the safety items on the case data).

    Examples
    --------
    >>> frame = pd.DataFrame({"a": [1, 2, 3, 4], "b": [2, 3, 4, 5], "c_r": [7, 6, 5, 4]})
    >>> cronbach_alpha(frame, ["a", "b", "c_r"])  # identical up to a shift: alpha = 1
    1.0
    """
    complete = keyed_items(frame, items, reverse).dropna()
    if len(items) < 2 or len(complete) < 2:
        msg = "Cronbach's alpha needs at least two items and two complete respondents."
        raise SelectionError(msg)
    k = len(items)
    total = complete.sum(axis=1).var()
    if total == 0:
        msg = "Every respondent gave the same total, so alpha cannot be computed."
        raise SelectionError(msg)
    return float(k / (k - 1) * (1 - complete.var().sum() / total))


def group_means(frame: pd.DataFrame, column: str, by: str) -> pd.DataFrame:
    """The mean of ``column`` per group, with how many answered (for roles, administrations).

    Parameters
    ----------
    frame
        One row per respondent.
    column
        The numeric column to average; blanks are left out.
    by
        The grouping column, for example ``role`` or ``administration``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n`` (rows with a value) and ``mean``.

    Examples
    --------
    >>> frame = pd.DataFrame({"role": ["lead", "staff", "staff"], "safety": [6, 4, None]})
    >>> group_means(frame, "safety", "role")
       group  n  mean
    0   lead  1   6.0
    1  staff  1   4.0
    """
    answered = frame.dropna(subset=[column])
    if answered.empty:
        msg = f"Nobody in this selection has a value for {column!r}; choose a broader selection."
        raise SelectionError(msg)
    values = answered[column].astype("float64")
    table = values.groupby(answered[by], observed=True).agg(n="size", mean="mean")
    table = table.rename_axis("group").reset_index()
    table["group"] = table["group"].astype(str).astype(object)
    return table


@dataclass(frozen=True)
class LogisticFit:
    """A fitted logistic curve: growth rate ``k``, midpoint ``t0`` (in years), ceiling ``m``."""

    k: float
    t0: float
    m: float
    r_squared: float


def logistic_cumulative(t: np.ndarray | float, k: float, t0: float, m: float) -> np.ndarray:
    """A logistic S-curve: m / (1 + exp(-k (t - t0))).

    Examples
    --------
    >>> logistic_cumulative([5.0], 0.5, 5.0, 200).tolist()
    [100.0]
    """
    return m / (1 + np.exp(-k * (np.asarray(t, dtype=float) - t0)))


def fit_logistic(adoption: pd.DataFrame) -> LogisticFit:
    """Fit a logistic S-curve to a cumulative adoption curve by least squares.

    Parameters
    ----------
    adoption
        The output of ``cumulative_adoption``; the first year counts as t = 1.

    Returns
    -------
    LogisticFit
        ``k``, ``t0`` (years after the first year's start), ``m`` and ``r_squared``.

    Examples
    --------
    >>> years = np.arange(2008, 2026)
    >>> curve = logistic_cumulative(years - 2007, 0.5, 9.0, 250)
    >>> adoption = pd.DataFrame({"year": years, "cumulative": curve, "municipalities": 290})
    >>> fit = fit_logistic(adoption)
    >>> round(fit.k, 2), round(fit.t0, 1), round(fit.m), round(fit.r_squared, 3)
    (0.5, 9.0, 250, 1.0)
    """
    t, y, n = _check_fit_input(adoption)
    start = (0.5, float(np.interp(y[-1] / 2, y, t)), y[-1])
    bounds = ([1e-3, -50.0, y[-1] * 0.5], [5.0, 100.0, max(n, y[-1])])
    try:
        params, _ = curve_fit(logistic_cumulative, t, y, p0=start, bounds=bounds, maxfev=10_000)
    except RuntimeError as err:
        msg = "A logistic curve could not be fitted to this selection; choose a larger group."
        raise SelectionError(msg) from err
    k, t0, m = (float(v) for v in params)
    return LogisticFit(k, t0, m, r_squared(y, logistic_cumulative(t, k, t0, m)))


def satisfaction_by_change(
    frame: pd.DataFrame,
    pre: str,
    post: str,
    satisfaction: str = "satisfaction",
    *,
    min_size: int = MIN_SIZE,
) -> pd.DataFrame:
    """Mean satisfaction of those who rated themselves higher, the same and lower.

    Are the satisfied participants the ones who say they learned something? Returns
    ``direction``, ``n`` and ``mean_satisfaction``; missing scores are left out and directions
    with fewer than ``min_size`` answers are pooled into ``"other groups"``.

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 1, 1, 2, 2, 2], "post": [2, 2, 2, 2, 2, 2],
    ...                       "satisfaction": [5, 4, 5, 3, 2, None]})
    >>> satisfaction_by_change(frame, "pre", "post", min_size=2)
       direction  n  mean_satisfaction
    0  increased  3           4.666667
    1       same  2           2.500000
    """
    _require_columns(frame, [satisfaction])
    pairs = matched_pairs(frame.dropna(subset=[satisfaction]), pre, post, min_size=min_size)
    groups = pool_small_groups(change_direction(pairs, pre, post), min_size=min_size)
    scores = pairs[satisfaction].astype(float)
    table = scores.groupby(groups, observed=True).agg(["size", "mean"])
    table = table.rename(columns={"size": "n", "mean": "mean_satisfaction"})
    table = table.rename_axis("direction").reset_index()
    table["direction"] = table["direction"].astype(str).astype(object)
    return table
