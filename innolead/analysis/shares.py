"""Shares with their base counts: how many answered, how many said yes, and the share.

The functions (``filter_frame``, ``share``, ``distribution``, ``crosstab_shares``,
``multi_share``) work for any survey-like case: they exclude missing answers and say how many
rows they used. The Innovation Barometer's measures built on them are in
``innolead.analysis.barometer`` (and importable from here, as chapters and assignments do).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.i18n import N_, _

#: The control value that means "no filter on this column".
ALL = "all"


#: The nouns callers name their rows with (``noun=``); messages show them translated.
NOUNS = (
    N_("rows"),
    N_("workplaces"),
    N_("innovating workplaces"),
    N_("units"),
    N_("ideas"),
    N_("participants"),
    N_("respondents"),
    N_("answers"),
)

def _values(value: Any) -> list[Any]:
    """One value or several (list, tuple or set) as a list."""
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    return [value]


def _require_rows(frame: pd.DataFrame, noun: str) -> None:
    if frame.empty:
        msg = _("No {noun} match this selection; choose a broader selection.").format(noun=_(noun))
        raise SelectionError(msg)


def filter_frame(frame: pd.DataFrame, *, noun: str = "rows", **equals: Any) -> pd.DataFrame:
    """The rows whose columns equal the given values; ``"all"`` means no filter.

    Parameters
    ----------
    frame
        Any table.
    noun
        What a row is ("workplaces"), for the message when nothing matches.
    **equals
        Column name = value, or = a list of accepted values, or = ``"all"``.

    Returns
    -------
    pandas.DataFrame
        The matching rows (a new frame; the input is not changed).

    Examples
    --------
    >>> frame = pd.DataFrame({"sector": ["region", "state", "state"], "size": [1, 2, 3]})
    >>> filter_frame(frame, sector="state", size="all")["size"].tolist()
    [2, 3]
    """
    unknown = [column for column in equals if column not in frame.columns]
    if unknown:
        msg = f"The table has no column(s) {unknown}; its columns are {list(frame.columns)}."
        raise KeyError(msg)
    keep = pd.Series(True, index=frame.index)
    chosen = {c: v for c, v in equals.items() if not (isinstance(v, str) and v == ALL)}
    for column, value in chosen.items():
        keep &= frame[column].isin(_values(value)).fillna(False).astype(bool)
    if not keep.any():
        shown = ", ".join(f"{column} = {value!r}" for column, value in chosen.items())
        msg = _("No {noun} match this selection ({shown}); choose a broader selection.").format(
            noun=_(noun), shown=shown
        )
        raise SelectionError(msg)
    return frame.loc[keep].copy()


def share(
    frame: pd.DataFrame,
    column: str,
    by: str | None = None,
    value: Any = True,
    *,
    missing: bool = False,
    noun: str = "rows",
) -> pd.DataFrame:
    """The share of rows whose answer in ``column`` is ``value``, overall or per group.

    Parameters
    ----------
    frame
        One row per respondent.
    column
        The answer; rows where it is missing are left out of the base.
    by
        A column to group by (category order is kept); ``None`` for one row, group ``"all"``.
    value
        The answer that counts as yes, or a list of them (default ``True``).
    missing
        Add a ``missing`` column: rows in the group without an answer.
    noun
        What a row is, for the message when nothing can be summarised.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n`` (rows with an answer), ``yes``, ``share`` (yes / n), optionally
        ``missing``. Groups where nobody answered are left out.

    Examples
    --------
    >>> frame = pd.DataFrame({"size": ["small", "small", "large", "large"],
    ...                       "innovated": [True, False, True, None]})
    >>> share(frame, "innovated", by="size", missing=True)
       group  n  yes  share  missing
    0  large  1    1    1.0        1
    1  small  2    1    0.5        0
    """
    _require_rows(frame, noun)
    answered = frame[column].notna()
    counts = pd.DataFrame(
        {
            "group": frame[by] if by is not None else ALL,
            "n": answered.astype(int),
            "yes": (frame[column].isin(_values(value)) & answered).astype(int),
            "missing": (~answered).astype(int),
        },
        index=frame.index,
    )
    table = counts.groupby("group", observed=True, sort=True).sum()
    table = table.loc[table["n"] > 0].reset_index()
    if table.empty:
        msg = _(
            "No {noun} in this selection answered {column}; choose a broader selection."
        ).format(noun=_(noun), column=repr(column))
        raise SelectionError(msg)
    table["group"] = table["group"].astype(str).astype(object)
    table["share"] = table["yes"] / table["n"]
    columns = ["group", "n", "yes", "share"] + (["missing"] if missing else [])
    return table[columns]


def distribution(frame: pd.DataFrame, column: str, *, noun: str = "rows") -> pd.DataFrame:
    """How the answers to one question are spread over its possible values.

    Parameters
    ----------
    frame
        One row per respondent.
    column
        The question; missing answers are left out. Category order is kept, and categories
        nobody chose appear with a count of 0.
    noun
        What a row is, for the message when nobody answered.

    Returns
    -------
    pandas.DataFrame
        ``answer``, ``count``, ``n`` (everyone who answered) and ``share`` (count / n).

    Examples
    --------
    >>> frame = pd.DataFrame({"origin": ["adapted", "copy", "adapted", None]})
    >>> distribution(frame, "origin")
        answer  count  n     share
    0  adapted      2  3  0.666667
    1     copy      1  3  0.333333
    """
    _require_rows(frame, noun)
    answers = frame[column].dropna()
    if answers.empty:
        msg = _(
            "No {noun} in this selection answered {column}; choose a broader selection."
        ).format(noun=_(noun), column=repr(column))
        raise SelectionError(msg)
    counts = answers.astype("category").value_counts(sort=False)
    table = counts.rename_axis("answer").reset_index(name="count")
    table["answer"] = table["answer"].astype(str).astype(object)
    table["n"] = len(answers)
    table["share"] = table["count"] / table["n"]
    return table


def crosstab_shares(
    frame: pd.DataFrame, row: str, column: str, *, noun: str = "rows"
) -> pd.DataFrame:
    """For each group in ``row``, the share of each answer in ``column`` (long format).

    Parameters
    ----------
    frame
        One row per respondent.
    row
        The grouping column (for example ``sector``).
    column
        The answer column (for example ``evaluated``). Rows missing either are left out.
    noun
        What a row is, for the message when nothing is left.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``answer``, ``count``, ``n`` (answers in the group) and ``share``; within a
        group the shares add up to 1. Answers nobody in a group chose appear with 0.

    Examples
    --------
    >>> frame = pd.DataFrame({"sector": ["a", "a", "b"], "evaluated": ["yes", "no", "no"]})
    >>> crosstab_shares(frame, "sector", "evaluated")
      group answer  count  n  share
    0     a     no      1  2    0.5
    1     a    yes      1  2    0.5
    2     b     no      1  1    1.0
    3     b    yes      0  1    0.0
    """
    _require_rows(frame, noun)
    both = frame[[row, column]].dropna().astype("category")
    if both.empty:
        msg = _("No {noun} in this selection answered both {row} and {column}.").format(
            noun=_(noun), row=repr(row), column=repr(column)
        )
        raise SelectionError(msg)
    table = both.groupby([row, column], observed=False).size().rename("count").reset_index()
    table.columns = ["group", "answer", "count"]
    table["n"] = table.groupby("group", observed=False)["count"].transform("sum")
    table = table.loc[table["n"] > 0].reset_index(drop=True)
    table[["group", "answer"]] = table[["group", "answer"]].astype(str).astype(object)
    table["share"] = table["count"] / table["n"]
    return table


def multi_share(
    frame: pd.DataFrame,
    columns: Sequence[str],
    labels: Sequence[str],
    by: str | None = None,
    *,
    noun: str = "rows",
) -> pd.DataFrame:
    """Shares for a multi-select question: one yes/no column per option.

    Parameters
    ----------
    frame
        One row per respondent.
    columns
        The yes/no columns, one per option; each option's base is the rows that answered it.
    labels
        A readable name for each option, in the same order.
    by
        A column to group by, or ``None``.
    noun
        What a row is, for the message when nothing can be summarised.

    Returns
    -------
    pandas.DataFrame
        ``option``, ``n``, ``yes``, ``share`` (and ``group`` first when ``by`` is given).
        The shares need not add up to 1: a respondent can tick several options.

    Examples
    --------
    >>> frame = pd.DataFrame({"a": [True, True, None], "b": [False, True, None]})
    >>> multi_share(frame, ["a", "b"], ["Option A", "Option B"])
         option  n  yes  share
    0  Option A  2    2    1.0
    1  Option B  2    1    0.5
    """
    if len(columns) != len(labels):
        msg = f"Give one label per column: {len(columns)} columns but {len(labels)} labels."
        raise ValueError(msg)
    parts = [
        share(frame, column, by=by, noun=noun).assign(option=label)
        for column, label in zip(columns, labels, strict=True)
    ]
    table = pd.concat(parts, ignore_index=True)
    first = ["group", "option"] if by is not None else ["option"]
    return table[[*first, "n", "yes", "share"]]


# The barometer's measures live in ``innolead.analysis.barometer``, which builds on the
# functions above; chapters, assignments and their Swedish edition import them from here, so
# these names are looked up there on first use (a plain import would be circular).
_BAROMETER = frozenset(
    {
        "INNOVATORS",
        "MEASURES",
        "TYPE_COLUMNS",
        "TYPE_LABELS",
        "WORKPLACES",
        "Measure",
        "compare_published",
        "evaluated_rate",
        "evaluation_shares",
        "innovation_by",
        "innovation_rate",
        "measure_rate",
        "measure_share",
        "origin_shares",
        "spread_rate",
        "type_shares",
    }
)


def __getattr__(name: str) -> Any:
    if name in _BAROMETER:
        from innolead.analysis import barometer

        return getattr(barometer, name)
    msg = f"module 'innolead.analysis.shares' has no attribute {name!r}"
    raise AttributeError(msg)
