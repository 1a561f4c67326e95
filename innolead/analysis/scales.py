"""Survey scales and unit-level comparisons, for the culture case.

A **scale score** averages a respondent's answers to several Likert items after turning the
reverse-keyed ones round (on a 1-7 scale, 8 minus the answer). Psychological safety is a
property of a team, so the scores are then averaged per unit, units with too few respondents
are left out (as real staff surveys do), and units are compared on the ideas they submitted
and implemented. Correlations here describe units; they do not show what causes what.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.cases.specs.culture import LEADERSHIP_ITEMS, PS_ITEMS

#: The seven psychological-safety items, in questionnaire order.
SAFETY_ITEMS: tuple[str, ...] = tuple(name for name, _, _ in PS_ITEMS)
#: The reverse-keyed safety items (their names end in ``_r``).
REVERSED_ITEMS: tuple[str, ...] = tuple(name for name, _, reverse in PS_ITEMS if reverse)
#: The two items about the unit's manager.
MANAGER_ITEMS: tuple[str, ...] = tuple(name for name, _ in LEADERSHIP_ITEMS)
#: Real staff surveys do not report groups smaller than this.
MIN_RESPONDENTS = 5
#: Labels of the four groups ``quartile_groups`` makes, lowest first.
QUARTERS = ("Lowest quarter", "Second quarter", "Third quarter", "Highest quarter")

#: Idea outcomes per unit: the numerator and denominator columns of each rate.
OUTCOMES: dict[str, tuple[str, str]] = {
    "submitted_per_staff": ("ideas_submitted", "staff_count"),
    "implemented_per_staff": ("ideas_implemented", "staff_count"),
    "implementation_rate": ("ideas_implemented", "ideas_submitted"),
}


def _units(count: int) -> str:
    return "1 unit" if count == 1 else f"{count} units"


class Correlation(NamedTuple):
    """A Pearson correlation ``r`` and the number ``n`` of complete pairs it used."""

    r: float
    n: int


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
        msg = "No respondents match this selection; choose a broader selection."
        raise SelectionError(msg)
    score = keyed_items(frame, items, reverse, low=low, high=high).mean(axis=1)
    if score.isna().all():
        msg = f"No respondent in this selection answered any of the items {list(items)}."
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
        msg = "No respondents match this selection; choose a broader selection."
        raise SelectionError(msg)
    groups = frame.groupby(by, observed=True, sort=True)
    table = groups[list(columns)].mean().astype("float64")
    table.insert(0, "respondents", groups.size())
    table = table.loc[table["respondents"] >= min_respondents]
    if table.empty:
        msg = f"No unit has {min_respondents} or more respondents; include smaller units."
        raise SelectionError(msg)
    return table.reset_index()


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
        msg = f"Only {_units(len(pairs))} in this selection: a correlation needs at least 3."
        raise SelectionError(msg)
    if pairs[x].nunique() < 2 or pairs[y].nunique() < 2:
        msg = "Every unit in this selection has the same value, so there is nothing to relate."
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
        return "no clear link"
    if size < 0.3:
        return "a weak link"
    return "a moderate link" if size < 0.5 else "a strong link"


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
        msg = (
            f"No units in this selection have {min_respondents} or more respondents; "
            "include smaller units or choose a broader selection."
        )
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
        msg = (
            f"Only {_units(len(present))} in this selection: too few to split into "
            f"{len(labels)} groups of at least two. Choose a broader selection."
        )
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
        msg = "No units match this selection; choose a broader selection."
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
        msg = "No ideas were submitted in this selection, so no share can be implemented."
        raise SelectionError(msg)
    return float(units["ideas_implemented"].sum()) / submitted
