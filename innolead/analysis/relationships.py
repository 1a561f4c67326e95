"""How units' scores go with their outcomes, for the culture case.

A correlation between units' psychological-safety scores and their idea rates, in words
(``strength``), and the same link shown without a coefficient: units split into quarters by
their score, each quarter's pooled idea rate (``quartile_rates``). Units with too few
respondents are left out, as real staff surveys do. These describe units; they do not show
what causes what.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.scales import OUTCOMES
from innolead.i18n import N_, _, ngettext

#: Labels of the four groups ``quartile_groups`` makes, lowest first.
QUARTERS = (
    N_("Lowest quarter"),
    N_("Second quarter"),
    N_("Third quarter"),
    N_("Highest quarter"),
)


def _units(count: int) -> str:
    return ngettext("{count} unit", "{count} units", count).format(count=count)


class Correlation(NamedTuple):
    """A Pearson correlation ``r`` and the number ``n`` of complete pairs it used."""

    r: float
    n: int


def correlation(frame: pd.DataFrame, x: str, y: str) -> Correlation:
    """Pearson's r between two columns over the rows where both are present.

    Parameters
    ----------
    frame
        One row per unit.
    x, y
        The two numeric columns.

    Returns
    -------
    Correlation
        ``r`` and ``n``, the number of units with both values.

    Examples
    --------
    >>> frame = pd.DataFrame({"safety": [4.0, 5.0, 6.0, None], "ideas": [1, 2, 4, 9]})
    >>> result = correlation(frame, "safety", "ideas")
    >>> round(result.r, 3), result.n
    (0.982, 3)
    """
    pairs = frame[[x, y]].astype("float64").dropna()
    if len(pairs) < 3:
        msg = _("Only {units} in this selection: a correlation needs at least 3.").format(
            units=_units(len(pairs))
        )
        raise SelectionError(msg)
    if pairs[x].nunique() < 2 or pairs[y].nunique() < 2:
        msg = _("Every unit in this selection has the same value, so there is nothing to relate.")
        raise SelectionError(msg)
    return Correlation(float(pairs[x].corr(pairs[y])), len(pairs))


def strength(r: float) -> str:
    """A plain-language word for the size of a correlation (rules of thumb for a leader).

    Parameters
    ----------
    r
        A correlation coefficient.

    Returns
    -------
    str
        "no clear link" (under 0.1), "a weak link" (under 0.3), "a moderate link" (under 0.5)
        or "a strong link", whatever the sign.

    Examples
    --------
    >>> [strength(r) for r in (0.05, -0.2, 0.38, 0.7)]
    ['no clear link', 'a weak link', 'a moderate link', 'a strong link']
    """
    size = abs(r)
    if size < 0.1:
        return _("no clear link")
    if size < 0.3:
        return _("a weak link")
    return _("a moderate link") if size < 0.5 else _("a strong link")


def reported_units(table: pd.DataFrame, min_respondents: int) -> pd.DataFrame:
    """The units with at least ``min_respondents`` respondents (a stricter reporting rule).

    Parameters
    ----------
    table
        One row per unit with a ``respondents`` column.
    min_respondents
        The smallest number of respondents a unit needs.

    Returns
    -------
    pandas.DataFrame
        The units that meet the rule.

    Examples
    --------
    >>> table = pd.DataFrame({"unit_id": ["A", "B"], "respondents": [6, 12]})
    >>> reported_units(table, 10)["unit_id"].tolist()
    ['B']
    """
    kept = table.loc[table["respondents"] >= min_respondents]
    if kept.empty:
        msg = _(
            "No units in this selection have {min_respondents} or more respondents; "
            "include smaller units or choose a broader selection."
        ).format(min_respondents=min_respondents)
        raise SelectionError(msg)
    return kept


def quartile_groups(values: pd.Series, labels: Sequence[str] = QUARTERS) -> pd.Series:
    """Split values into equal-sized groups by rank, lowest first (four by default).

    Ties are broken by row order so that the groups have equal sizes (differing by at most
    one). Missing values get no group.

    Parameters
    ----------
    values
        One score per unit.
    labels
        The group names, lowest first; their number sets the number of groups.

    Returns
    -------
    pandas.Series
        An ordered categorical with one label per value (same index).

    Examples
    --------
    >>> quartile_groups(pd.Series([3.1, 1.0, 2.2, 5.0, 4.4, 2.0, 6.1, 0.5])).cat.codes.tolist()
    [2, 0, 1, 3, 2, 1, 3, 0]
    """
    present = values.dropna()
    if len(present) < 2 * len(labels):
        msg = _(
            "Only {units} in this selection: too few to split into {groups} groups of at least "
            "two. Choose a broader selection."
        ).format(units=_units(len(present)), groups=len(labels))
        raise SelectionError(msg)
    ranks = present.rank(method="first")
    groups = pd.qcut(ranks, len(labels), labels=list(labels))
    return groups.reindex(values.index)


def group_rates(
    table: pd.DataFrame, by: str, outcome: str, score: str | None = None
) -> pd.DataFrame:
    """An idea outcome per group of units, pooled: the group's total ideas over its total base.

    Parameters
    ----------
    table
        One row per unit, as ``unit_table`` returns it.
    by
        The column that groups the units (category order is kept).
    outcome
        A key of ``OUTCOMES``: ideas submitted or implemented per staff member, or the share
        of submitted ideas that were implemented.
    score
        A unit column to average per group as well (for example ``safety``), or ``None``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``units``, ``staff``, ``submitted``, ``implemented``, ``rate`` and, with
        ``score``, ``mean_score`` (the unweighted mean over the group's units).

    Examples
    --------
    >>> units = pd.DataFrame({"level": ["low", "low", "high"], "staff_count": [10, 10, 5],
    ...                       "ideas_submitted": [1, 3, 5], "ideas_implemented": [0, 1, 3]})
    >>> group_rates(units, "level", "submitted_per_staff")  # low: (1 + 3) / (10 + 10)
      group  units  staff  submitted  implemented  rate
    0  high      1      5          5            3   1.0
    1   low      2     20          4            1   0.2
    """
    if outcome not in OUTCOMES:
        msg = f"There is no outcome {outcome!r}; the outcomes are {sorted(OUTCOMES)}."
        raise KeyError(msg)
    if table.empty:
        msg = _("No units match this selection; choose a broader selection.")
        raise SelectionError(msg)
    columns = {"units": ("staff_count", "size"), "staff": ("staff_count", "sum")}
    columns |= {"submitted": ("ideas_submitted", "sum")}
    columns |= {"implemented": ("ideas_implemented", "sum")}
    if score is not None:
        columns["mean_score"] = (score, "mean")
    result = table.groupby(by, observed=True, sort=True).agg(**columns)
    numerator, denominator = OUTCOMES[outcome]
    base = {"staff_count": "staff", "ideas_submitted": "submitted"}[denominator]
    top = {"ideas_submitted": "submitted", "ideas_implemented": "implemented"}[numerator]
    result = result.loc[result[base] > 0].rename_axis("group").reset_index()
    result["group"] = result["group"].astype(str).astype(object)
    result["rate"] = result[top] / result[base]
    order = ["group", "units", "staff", "submitted", "implemented", "rate"]
    return result[order + (["mean_score"] if score is not None else [])]


def quartile_rates(table: pd.DataFrame, outcome: str, score: str = "safety") -> pd.DataFrame:
    """An idea outcome for the four quarters of units ranked by ``score`` (lowest first).

    Parameters
    ----------
    table
        One row per unit, as ``unit_table`` returns it.
    outcome
        A key of ``OUTCOMES``.
    score
        The unit score that ranks the units.

    Returns
    -------
    pandas.DataFrame
        As ``group_rates``, one row per quarter, with ``mean_score``.

    Examples
    --------
    >>> units = pd.DataFrame({"safety": [1, 2, 3, 4, 5, 6, 7, 8], "staff_count": [10] * 8,
    ...                       "ideas_submitted": [1, 1, 2, 2, 3, 3, 4, 4],
    ...                       "ideas_implemented": [0] * 8})
    >>> quartile_rates(units, "submitted_per_staff")[["group", "units", "rate"]]
                 group  units  rate
    0   Lowest quarter      2   0.1
    1   Second quarter      2   0.2
    2    Third quarter      2   0.3
    3  Highest quarter      2   0.4
    """
    grouped = table.assign(quarter=quartile_groups(table[score]))
    return group_rates(grouped, "quarter", outcome, score=score)
