"""Shares with their base counts: how many answered, how many said yes, and the share.

The general functions (``filter_frame``, ``share``, ``distribution``, ``crosstab_shares``,
``multi_share``) work for any survey-like case: they exclude missing answers and say how many
rows they used. The barometer helpers below them name the measures the chapters quote
(``MEASURES``) and set the synthetic figures next to the real published ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.format import num

#: The control value that means "no filter on this column".
ALL = "all"


def _values(value: Any) -> list[Any]:
    """One value or several (list, tuple or set) as a list."""
    if isinstance(value, list | tuple | set | frozenset):
        return list(value)
    return [value]


def _require_rows(frame: pd.DataFrame, noun: str) -> None:
    if frame.empty:
        msg = f"No {noun} match this selection; choose a broader selection."
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
        msg = f"No {noun} match this selection ({shown}); choose a broader selection."
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
        msg = f"No {noun} in this selection answered {column!r}; choose a broader selection."
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
        msg = f"No {noun} in this selection answered {column!r}; choose a broader selection."
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
        msg = f"No {noun} in this selection answered both {row!r} and {column!r}."
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


# --- The barometer ---------------------------------------------------------------------------

WORKPLACES = "workplaces"
INNOVATORS = "innovating workplaces"


@dataclass(frozen=True)
class Measure:
    """A barometer measure: which answer counts as yes, and how to say it in a sentence.

    ``base`` is ``"workplaces"`` (asked of all) or ``"innovating workplaces"`` (asked about
    the latest innovation); ``phrase`` completes "412 of 503 workplaces, 82 %, ...".
    """

    column: str
    value: Any
    label: str
    phrase: str
    base: str = INNOVATORS


#: The barometer's measures, named as in the ``measure`` column of the published table.
MEASURES: dict[str, Measure] = {
    "innovated": Measure(
        "innovated",
        True,
        "Introduced an innovation",
        "introduced at least one innovation",
        WORKPLACES,
    ),
    "type_process_org": Measure(
        "type_process_org",
        True,
        "Type: processes or organisation",
        "changed processes or the way work is organised",
    ),
    "type_communication": Measure(
        "type_communication",
        True,
        "Type: communication",
        "changed how they communicate with users",
    ),
    "type_service": Measure(
        "type_service", True, "Type: service", "introduced a new or changed service"
    ),
    "type_product": Measure(
        "type_product", True, "Type: product", "introduced a new or changed product"
    ),
    "more_than_one_type": Measure(
        "n_types",
        (2, 3, 4),
        "Combined more than one type",
        "combined more than one type in their latest innovation",
    ),
    "origin_adapted": Measure(
        "origin", "adapted", "Adapted from others", "adapted their latest innovation from others"
    ),
    "collaboration_external": Measure(
        "collaboration_external",
        True,
        "Collaborated outside the workplace",
        "involved someone from outside the workplace",
    ),
    "collaborated_private": Measure(
        "collaborated_private",
        True,
        "Collaborated with a company",
        "involved a private company",
    ),
    "employees_helped": Measure(
        "employees_role",
        "helped",
        "Employees helped",
        "found that employees' participation helped",
    ),
    "evaluated": Measure(
        "evaluated",
        ("internal", "external"),
        "Evaluated",
        "evaluated their latest innovation",
    ),
    "evaluated_external": Measure(
        "evaluated",
        "external",
        "Evaluated externally",
        "had their latest innovation evaluated externally or with outside help",
    ),
    "spread_actively": Measure(
        "spread_actively", True, "Actively spread", "actively spread their latest innovation"
    ),
    "externally_financed": Measure(
        "externally_financed",
        True,
        "Externally financed",
        "paid for part of their latest innovation with outside money",
    ),
    "effect_quality": Measure(
        "effect_quality", True, "Improved quality", "improved the quality of the service"
    ),
    "effect_user_satisfaction": Measure(
        "effect_user_satisfaction", True, "More satisfied users", "made users more satisfied"
    ),
    "driver_efficiency": Measure(
        "driver_efficiency", True, "Driven by efficiency", "named efficiency or savings as a reason"
    ),
    "effect_efficiency": Measure(
        "effect_efficiency", True, "Improved efficiency", "made the work more efficient"
    ),
}

TYPE_COLUMNS = ("type_process_org", "type_communication", "type_service", "type_product")
TYPE_LABELS = ("Processes or organisation", "Communication", "Service", "Product")

_COUNTRIES = {
    "SE": "Sweden",
    "DK": "Denmark",
    "NO": "Norway",
    "IS": "Iceland",
    "FI": "Finland",
    "Nordic": "Nordic countries",
}


def _measure(name: str) -> Measure:
    if name not in MEASURES:
        msg = f"There is no barometer measure {name!r}; the measures are {sorted(MEASURES)}."
        raise KeyError(msg)
    return MEASURES[name]


def measure_share(
    workplaces: pd.DataFrame, measure: str, by: str | None = None, *, missing: bool = False
) -> pd.DataFrame:
    """A barometer measure (see ``MEASURES``) as ``share`` computes it, overall or by group.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    measure
        A key of ``MEASURES``, for example ``"innovated"`` or ``"evaluated"``.
    by
        A column to group by, or ``None``.
    missing
        Add the ``missing`` count (non-innovators, for questions about the latest innovation).

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n``, ``yes``, ``share`` as ``share`` returns them.

    Examples
    --------
    >>> frame = pd.DataFrame({"innovated": [True, True, False],
    ...                       "evaluated": ["internal", "none", None]})
    >>> measure_share(frame, "evaluated")
      group  n  yes  share
    0   all  2    1    0.5
    """
    spec = _measure(measure)
    return share(workplaces, spec.column, by, spec.value, missing=missing, noun=spec.base)


def measure_rate(workplaces: pd.DataFrame, measure: str) -> float:
    """The overall share for a barometer measure, among the workplaces it was asked of.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    measure
        A key of ``MEASURES``.

    Returns
    -------
    float
        yes / n among the workplaces that answered (innovators for questions about the latest
        innovation).

    Examples
    --------
    >>> frame = pd.DataFrame({"spread_actively": [True, False, None, True]})
    >>> round(measure_rate(frame, "spread_actively"), 3)
    0.667
    """
    return float(measure_share(workplaces, measure)["share"].iloc[0])


def innovation_rate(workplaces: pd.DataFrame) -> float:
    """The share of workplaces that introduced at least one innovation.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Innovating workplaces / workplaces that answered (0.804 on the case data).

    Examples
    --------
    >>> innovation_rate(pd.DataFrame({"innovated": [True, True, True, False]}))
    0.75
    """
    return measure_rate(workplaces, "innovated")


def innovation_by(workplaces: pd.DataFrame, by: str = "size_band") -> pd.DataFrame:
    """The share of workplaces that innovated, per sector, size band or other grouping.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    by
        The grouping column: ``size_band``, ``sector``, ``service_area``, ...

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n``, ``yes``, ``share`` per group.

    Examples
    --------
    >>> frame = pd.DataFrame({"sector": ["state", "state", "region"],
    ...                       "innovated": [True, False, True]})
    >>> innovation_by(frame, "sector")[["group", "share"]]
        group  share
    0  region    1.0
    1   state    0.5
    """
    return measure_share(workplaces, "innovated", by=by)


def type_shares(workplaces: pd.DataFrame, by: str | None = None) -> pd.DataFrame:
    """The share of innovations that include each of the four types (several can apply).

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.
    by
        A column to group by, or ``None``.

    Returns
    -------
    pandas.DataFrame
        ``option`` (the type), ``n`` (innovating workplaces), ``yes``, ``share``.

    Examples
    --------
    >>> frame = pd.DataFrame({c: [True, False, None] for c in TYPE_COLUMNS})
    >>> type_shares(frame)["share"].tolist()
    [0.5, 0.5, 0.5, 0.5]
    """
    return multi_share(workplaces, TYPE_COLUMNS, TYPE_LABELS, by=by, noun=INNOVATORS)


def evaluated_rate(workplaces: pd.DataFrame) -> float:
    """The share of innovations that were evaluated, internally or externally.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Share of innovating workplaces whose latest innovation was evaluated (0.431 on the case).

    Examples
    --------
    >>> frame = pd.DataFrame({"evaluated": ["none", "internal", "external", None]})
    >>> round(evaluated_rate(frame), 3)
    0.667
    """
    return measure_rate(workplaces, "evaluated")


def spread_rate(workplaces: pd.DataFrame) -> float:
    """The share of innovations that the workplace actively spread to others.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    float
        Share of innovating workplaces that actively spread it (0.533 on the case data).

    Examples
    --------
    >>> spread_rate(pd.DataFrame({"spread_actively": [True, False]}))
    0.5
    """
    return measure_rate(workplaces, "spread_actively")


def origin_shares(workplaces: pd.DataFrame) -> pd.DataFrame:
    """Where the latest innovations came from: adapted, copied, first of its kind, don't know.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    pandas.DataFrame
        ``answer``, ``count``, ``n``, ``share`` per origin, in the documented order.

    Examples
    --------
    >>> origin_shares(pd.DataFrame({"origin": ["adapted", "first", None, "adapted"]}))
        answer  count  n     share
    0  adapted      2  3  0.666667
    1    first      1  3  0.333333
    """
    return distribution(workplaces, "origin", noun=INNOVATORS)


def evaluation_shares(workplaces: pd.DataFrame) -> pd.DataFrame:
    """How the latest innovations were evaluated: not at all, internally, externally.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table, or a selection of it.

    Returns
    -------
    pandas.DataFrame
        ``answer`` (none, internal, external), ``count``, ``n``, ``share``.

    Examples
    --------
    >>> frame = pd.DataFrame({"evaluated": ["none", "none", "internal"]})
    >>> evaluation_shares(frame)[["answer", "count"]]
         answer  count
    0  internal      1
    1      none      2
    """
    return distribution(workplaces, "evaluated", noun=INNOVATORS)


def _figure_label(row: pd.Series) -> str:
    label = f"{_COUNTRIES.get(str(row['country']), row['country'])} {row['edition']}"
    return label if row["group"] == ALL else f"{label} ({row['group']})"


def compare_published(
    workplaces: pd.DataFrame, published: pd.DataFrame, measure: str = "innovated"
) -> pd.DataFrame:
    """The synthetic share of a measure next to every real published figure for it.

    Parameters
    ----------
    workplaces
        The barometer's ``workplaces`` table (SYNTHETIC).
    published
        The barometer's ``published`` table (real figures with their sources).
    measure
        A key of ``MEASURES`` that the published table also has.

    Returns
    -------
    pandas.DataFrame
        ``figure``, ``share``, ``base`` (workplaces or innovations), ``as_reported``,
        ``source`` and ``synthetic``; the synthetic row comes first.

    Examples
    --------
    >>> work = pd.DataFrame({"innovated": [True, True, True, False]})
    >>> pub = pd.DataFrame({"country": ["SE"], "edition": ["2018"], "measure": ["innovated"],
    ...     "group": ["all"], "base": ["workplaces"], "value": [0.81],
    ...     "as_reported": ["8 out of 10"], "source": ["skl2019innovationsbarometern"]})
    >>> compare_published(work, pub)[["figure", "share", "synthetic"]]
                          figure  share  synthetic
    0  Teaching data (synthetic)   0.75       True
    1                Sweden 2018   0.81      False
    """
    spec = _measure(measure)
    rows = published.loc[published["measure"] == measure]
    if rows.empty:
        msg = f"The published table has no figure for {measure!r}; choose another measure."
        raise SelectionError(msg)
    ours = measure_share(workplaces, measure).iloc[0]
    synthetic = {
        "figure": "Teaching data (synthetic)",
        "share": float(ours["share"]),
        "base": "workplaces" if spec.base == WORKPLACES else "innovations",
        "as_reported": f"{num(ours['yes'])} of {num(ours['n'])} {spec.base}",
        "source": "",
        "synthetic": True,
    }
    real = pd.DataFrame(
        {
            "figure": rows.apply(_figure_label, axis=1).to_numpy(),
            "share": rows["value"].to_numpy(dtype=float),
            "base": rows["base"].astype(str).to_numpy(),
            "as_reported": rows["as_reported"].astype(str).to_numpy(),
            "source": rows["source"].astype(str).to_numpy(),
            "synthetic": False,
        }
    )
    return pd.concat([pd.DataFrame([synthetic]), real], ignore_index=True)
