"""Survey scales and unit-level comparisons, for the culture case.

A **scale score** averages a respondent's answers to several Likert items after turning the
reverse-keyed ones round (on a 1-7 scale, 8 minus the answer). Psychological safety is a
property of a team, so the scores are then averaged per unit, units with too few respondents
are left out (as real staff surveys do), and units are compared on the ideas they submitted
and implemented. How units' scores go with their outcomes (correlations, quarters) is in
``innolead.analysis.relationships``; its names are importable from here too, as chapters and
assignments do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.cases.specs.culture import LEADERSHIP_ITEMS, PS_ITEMS
from innolead.i18n import _

#: The seven psychological-safety items, in questionnaire order.
SAFETY_ITEMS: tuple[str, ...] = tuple(name for name, _, _ in PS_ITEMS)
#: The reverse-keyed safety items (their names end in ``_r``).
REVERSED_ITEMS: tuple[str, ...] = tuple(name for name, _, reverse in PS_ITEMS if reverse)
#: The two items about the unit's manager.
MANAGER_ITEMS: tuple[str, ...] = tuple(name for name, _ in LEADERSHIP_ITEMS)
#: Real staff surveys do not report groups smaller than this.
MIN_RESPONDENTS = 5
#: Idea outcomes per unit: the numerator and denominator columns of each rate.
OUTCOMES: dict[str, tuple[str, str]] = {
    "submitted_per_staff": ("ideas_submitted", "staff_count"),
    "implemented_per_staff": ("ideas_implemented", "staff_count"),
    "implementation_rate": ("ideas_implemented", "ideas_submitted"),
}


def _reversed(items: Sequence[str], reverse: Sequence[str] | None) -> list[str]:
    chosen = [i for i in items if i.endswith("_r")] if reverse is None else list(reverse)
    stray = [i for i in chosen if i not in items]
    if stray:
        msg = f"Reverse-keyed item(s) {stray} are not among the items {list(items)}."
        raise ValueError(msg)
    return chosen


def keyed_items(
    frame: pd.DataFrame,
    items: Sequence[str],
    reverse: Sequence[str] | None = None,
    *,
    low: int = 1,
    high: int = 7,
) -> pd.DataFrame:
    """The items as floats, with reverse-keyed items turned round (``low + high - answer``).

    Parameters
    ----------
    frame
        One row per respondent.
    items
        The Likert item columns.
    reverse
        The reverse-keyed items; ``None`` means the items whose names end in ``_r``.
    low, high
        The ends of the answer scale (1 and 7 for the culture survey).

    Returns
    -------
    pandas.DataFrame
        A new frame of the items, high always meaning more of the construct; blanks stay NaN.

    Examples
    --------
    >>> frame = pd.DataFrame({"calm": [7, 5], "blamed_r": [1, None]})
    >>> keyed_items(frame, ["calm", "blamed_r"])
       calm  blamed_r
    0   7.0       7.0
    1   5.0       NaN
    """
    turned = _reversed(items, reverse)
    values = frame[list(items)].astype("float64")
    values[turned] = low + high - values[turned]
    return values


def scale_score(
    frame: pd.DataFrame,
    items: Sequence[str],
    reverse: Sequence[str] | None = None,
    *,
    low: int = 1,
    high: int = 7,
) -> pd.Series:
    """Each respondent's scale score: the mean of the items they answered, reverse-keyed turned.

    Parameters
    ----------
    frame
        One row per respondent.
    items, reverse, low, high
        As for ``keyed_items``; by default items ending in ``_r`` are reverse-keyed.

    Returns
    -------
    pandas.Series
        ``score`` per respondent (same index as ``frame``); NaN if they answered no item.

    Examples
    --------
    >>> frame = pd.DataFrame({"calm": [7, 4, None], "blamed_r": [2, None, None]})
    >>> scale_score(frame, ["calm", "blamed_r"]).tolist()  # (7 + (8 - 2)) / 2 = 6.5
    [6.5, 4.0, nan]
    """
    if frame.empty:
        msg = _("No respondents match this selection; choose a broader selection.")
        raise SelectionError(msg)
    score = keyed_items(frame, items, reverse, low=low, high=high).mean(axis=1)
    if score.isna().all():
        msg = _("No respondent in this selection answered any of the items {items}.").format(
            items=list(items)
        )
        raise SelectionError(msg)
    return score.rename("score")


def safety_index(responses: pd.DataFrame) -> pd.Series:
    """Each respondent's psychological-safety index (1-7) from the seven safety items.

    Parameters
    ----------
    responses
        The culture case's ``responses`` table (or rows with the seven ``ps`` items).

    Returns
    -------
    pandas.Series
        ``safety`` per respondent, the mean of the items answered, reverse-keyed turned round.

    Examples
    --------
    >>> frame = pd.DataFrame({item: [4] for item in SAFETY_ITEMS})
    >>> frame[list(REVERSED_ITEMS)] = 2  # turned round: 8 - 2 = 6
    >>> round(float(safety_index(frame).iloc[0]), 3)  # (4 * 4 + 3 * 6) / 7
    4.857
    """
    return scale_score(responses, SAFETY_ITEMS, REVERSED_ITEMS).rename("safety")


def unit_means(
    frame: pd.DataFrame,
    columns: Sequence[str],
    by: str = "unit_id",
    min_respondents: int = MIN_RESPONDENTS,
) -> pd.DataFrame:
    """Per unit, the number of respondents and the mean of each column (blanks left out).

    Parameters
    ----------
    frame
        One row per respondent.
    columns
        Numeric columns to average, for example ``safety`` and the manager items.
    by
        The unit column.
    min_respondents
        Units with fewer respondents are left out, as real staff surveys suppress them.

    Returns
    -------
    pandas.DataFrame
        ``by``, ``respondents`` and one column per averaged column.

    Examples
    --------
    >>> frame = pd.DataFrame({"unit_id": ["A"] * 5 + ["B"] * 2, "safety": [5, 6, 7, 5, 6, 1, 2]})
    >>> unit_means(frame, ["safety"])  # B has only 2 respondents, so it is suppressed
      unit_id  respondents  safety
    0       A            5     5.8
    """
    if frame.empty:
        msg = _("No respondents match this selection; choose a broader selection.")
        raise SelectionError(msg)
    groups = frame.groupby(by, observed=True, sort=True)
    table = groups[list(columns)].mean().astype("float64")
    table.insert(0, "respondents", groups.size())
    table = table.loc[table["respondents"] >= min_respondents]
    if table.empty:
        msg = _("No unit has {min_respondents} or more respondents; include smaller units.").format(
            min_respondents=min_respondents
        )
        raise SelectionError(msg)
    return table.reset_index()


def idea_rates(units: pd.DataFrame) -> pd.DataFrame:
    """The unit table with ideas per staff member and the share of ideas implemented added.

    Parameters
    ----------
    units
        One row per unit with ``staff_count``, ``ideas_submitted`` and ``ideas_implemented``.

    Returns
    -------
    pandas.DataFrame
        A copy with ``submitted_per_staff``, ``implemented_per_staff`` and
        ``implementation_rate`` (NaN for a unit that submitted no ideas).

    Examples
    --------
    >>> units = pd.DataFrame({"staff_count": [10, 4], "ideas_submitted": [5, 0],
    ...                       "ideas_implemented": [2, 0]})
    >>> idea_rates(units)[["submitted_per_staff", "implementation_rate"]]
       submitted_per_staff  implementation_rate
    0                  0.5                  0.4
    1                  0.0                  NaN
    """
    table = units.copy()
    for outcome, (numerator, denominator) in OUTCOMES.items():
        top = table[numerator].astype("float64")
        bottom = table[denominator].astype("float64")
        table[outcome] = top / bottom.where(bottom > 0)
    return table


def unit_table(
    responses: pd.DataFrame, units: pd.DataFrame, min_respondents: int = MIN_RESPONDENTS
) -> pd.DataFrame:
    """One row per reported unit: mean safety, mean manager items, respondents and idea rates.

    Parameters
    ----------
    responses
        The culture case's ``responses`` table.
    units
        The culture case's ``units`` table.
    min_respondents
        Units with fewer respondents are left out.

    Returns
    -------
    pandas.DataFrame
        The unit columns plus ``respondents``, ``safety``, the two manager items (unit means)
        and the three outcomes of ``idea_rates``.

    Examples
    --------
    >>> responses = pd.DataFrame({item: [4] * 5 for item in SAFETY_ITEMS + MANAGER_ITEMS})
    >>> responses["unit_id"] = "U1"
    >>> units = pd.DataFrame({"unit_id": ["U1"], "staff_count": [8],
    ...                       "ideas_submitted": [4], "ideas_implemented": [1]})
    >>> unit_table(responses, units)[["unit_id", "respondents", "safety", "implementation_rate"]]
      unit_id  respondents  safety  implementation_rate
    0      U1            5     4.0                 0.25
    """
    scored = responses.assign(safety=safety_index(responses))
    means = unit_means(scored, ["safety", *MANAGER_ITEMS], min_respondents=min_respondents)
    table = units.merge(means, on="unit_id", how="inner", validate="one_to_one")
    return idea_rates(table).reset_index(drop=True)


def implementation_rate(units: pd.DataFrame) -> float:
    """The share of all submitted ideas that were implemented (pooled over units).

    Parameters
    ----------
    units
        One row per unit with ``ideas_submitted`` and ``ideas_implemented``.

    Returns
    -------
    float
        Implemented / submitted over all units (0.389 on the case data).

    Examples
    --------
    >>> implementation_rate(pd.DataFrame({"ideas_submitted": [10, 0, 30],
    ...                                   "ideas_implemented": [5, 0, 10]}))
    0.375
    """
    submitted = float(units["ideas_submitted"].sum())
    if submitted == 0:
        msg = _("No ideas were submitted in this selection, so no share can be implemented.")
        raise SelectionError(msg)
    return float(units["ideas_implemented"].sum()) / submitted


# How units' scores go with their outcomes lives in ``innolead.analysis.relationships``, which
# builds on this module; chapters and assignments import those names from here, so they are
# looked up there on first use (a plain import would be circular).
_RELATIONSHIPS = frozenset(
    {
        "QUARTERS",
        "Correlation",
        "correlation",
        "group_rates",
        "quartile_groups",
        "quartile_rates",
        "reported_units",
        "strength",
    }
)


def __getattr__(name: str) -> Any:
    if name in _RELATIONSHIPS:
        from innolead.analysis import relationships

        return getattr(relationships, name)
    msg = f"module 'innolead.analysis.scales' has no attribute {name!r}"
    raise AttributeError(msg)
