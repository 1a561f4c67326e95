"""An idea portfolio as a funnel: how far ideas get, who converts them, how long they wait.

Each row is an idea with the furthest stage it reached (an ordered column, by default
``stage``: submitted, screened, tested, implemented, spread) and, for the timing, one date
column per stage (``<stage>_date``). An idea that reached a stage counts as having reached every
stage before it, so the funnel's counts never increase. Ideas still being worked on count only
for the stages they have reached so far; ``submitted_before`` keeps the ideas old enough to have
finished their journey.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.i18n import _

#: The funnel's stages, in order, as in the `portfolio` case.
STAGES = ("submitted", "screened", "tested", "implemented", "spread")
#: The stage that counts as turning an idea into change.
IMPLEMENTED = "implemented"


def _stage_order(frame: pd.DataFrame, stage: str, stages: Sequence[str] | None) -> list[str]:
    if stage not in frame.columns:
        msg = f"The table has no column {stage!r}; its columns are {list(frame.columns)}."
        raise ValueError(msg)
    if stages is not None:
        return list(stages)
    column = frame[stage]
    if isinstance(column.dtype, pd.CategoricalDtype) and column.cat.ordered:
        return [str(c) for c in column.cat.categories]
    msg = f"Column {stage!r} is not an ordered category; pass the stages in order as `stages`."
    raise ValueError(msg)


def _staged(frame: pd.DataFrame, stage: str, noun: str = "ideas") -> pd.DataFrame:
    has_stage = frame[stage].notna()
    if not has_stage.any():
        msg = _("No {noun} match this selection; choose another department or facet.").format(
            noun=_(noun)
        )
        raise SelectionError(msg)
    return frame if has_stage.all() else frame.loc[has_stage]


def _positions(frame: pd.DataFrame, stage: str, order: list[str]) -> pd.Series:
    """Each idea's stage as its place in ``order`` (0 = first stage; missing stays missing)."""
    column = frame[stage]
    if isinstance(column.dtype, pd.CategoricalDtype) and list(column.cat.categories) == order:
        codes = pd.Series(column.cat.codes, index=frame.index, dtype="Int64")
        return codes.where(codes >= 0)
    return column.astype(object).map({s: i for i, s in enumerate(order)}).astype("Int64")


def reached(
    frame: pd.DataFrame,
    target: str = IMPLEMENTED,
    stage: str = "stage",
    stages: Sequence[str] | None = None,
) -> pd.Series:
    """Whether each idea reached ``target`` (or a later stage); missing stage counts as no.

    Examples
    --------
    >>> frame = pd.DataFrame({"stage": ["submitted", "tested", "spread"]})
    >>> reached(frame, "tested", stages=STAGES).tolist()
    [False, True, True]
    """
    order = _stage_order(frame, stage, stages)
    if target not in order:
        msg = f"There is no stage {target!r}; the stages are {order}."
        raise ValueError(msg)
    position = _positions(frame, stage, order)
    return position.ge(order.index(target)).fillna(False).astype(bool)


def funnel_counts(
    frame: pd.DataFrame, stage: str = "stage", stages: Sequence[str] | None = None
) -> pd.DataFrame:
    """How many ideas reached each stage; the counts never increase down the funnel.

    Parameters
    ----------
    frame
        One row per idea; ideas without a stage are left out.
    stage
        The column with the furthest stage each idea reached.
    stages
        The stages in order; by default the categories of an ordered ``stage`` column.

    Returns
    -------
    pandas.DataFrame
        ``stage``, ``reached`` (ideas that got at least this far), ``share_of_all`` (of the
        ideas in the selection) and ``conversion`` (of those that reached the stage before;
        missing for the first stage).

    Examples
    --------
    >>> frame = pd.DataFrame({"stage": ["submitted", "screened", "screened", "tested"]})
    >>> funnel_counts(frame, stages=["submitted", "screened", "tested"])
           stage  reached  share_of_all  conversion
    0  submitted        4          1.00         NaN
    1   screened        3          0.75    0.750000
    2     tested        1          0.25    0.333333
    """
    order = _stage_order(frame, stage, stages)
    rows = _staged(frame, stage)
    position = _positions(rows, stage, order)
    counts = [int(position.ge(i).sum()) for i in range(len(order))]
    table = pd.DataFrame({"stage": order, "reached": counts})
    table["share_of_all"] = table["reached"] / len(rows)
    previous = table["reached"].shift(1)
    table["conversion"] = (table["reached"] / previous).where(previous > 0)
    return table


def stage_conversion(
    frame: pd.DataFrame, stage: str = "stage", stages: Sequence[str] | None = None
) -> pd.DataFrame:
    """For each step of the funnel, the share of ideas that moved on to the next stage.

    Examples
    --------
    >>> frame = pd.DataFrame({"stage": ["submitted", "screened", "screened", "tested"]})
    >>> stage_conversion(frame, stages=["submitted", "screened", "tested"])
                       step from_stage  to_stage  started  moved_on      rate
    0  submitted → screened  submitted  screened        4         3  0.750000
    1     screened → tested   screened    tested        3         1  0.333333
    """
    table = funnel_counts(frame, stage, stages)
    steps = pd.DataFrame(
        {
            "from_stage": table["stage"].iloc[:-1].to_numpy(),
            "to_stage": table["stage"].iloc[1:].to_numpy(),
            "started": table["reached"].iloc[:-1].to_numpy(),
            "moved_on": table["reached"].iloc[1:].to_numpy(),
        }
    )
    steps.insert(0, "step", steps["from_stage"] + " → " + steps["to_stage"])
    steps["rate"] = (steps["moved_on"] / steps["started"]).where(steps["started"] > 0)
    return steps


def implementation_rate(frame: pd.DataFrame, stage: str = "stage") -> float:
    """The share of ideas in the selection that reached implementation (or spread).

    Examples
    --------
    >>> implementation_rate(pd.DataFrame({"stage": pd.Categorical(
    ...     ["submitted", "implemented", "spread", "tested"], categories=STAGES, ordered=True)}))
    0.5
    """
    table = funnel_counts(frame, stage)
    return float(table.loc[table["stage"] == IMPLEMENTED, "share_of_all"].iloc[0])


def conversion_by(
    frame: pd.DataFrame,
    by: str = "department",
    target: str = IMPLEMENTED,
    stage: str = "stage",
    stages: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The share of each group's ideas that reached ``target``, best group first.

    Parameters
    ----------
    frame
        One row per idea.
    by
        The grouping column, for example ``department`` or ``facet``.
    target
        The stage that counts as converted (default ``implemented``; spread ideas count too).
    stage, stages
        As in ``funnel_counts``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``ideas``, ``reached`` and ``rate``, sorted by ``rate`` (ties: more ideas
        first).

    Examples
    --------
    >>> frame = pd.DataFrame({"unit": ["A", "A", "B", "B", "B"],
    ...                       "stage": ["implemented", "tested", "spread", "tested", "tested"]})
    >>> conversion_by(frame, "unit", stages=STAGES)
      group  ideas  reached      rate
    0     A      2        1  0.500000
    1     B      3        1  0.333333
    """
    order = _stage_order(frame, stage, stages)
    rows = _staged(frame, stage)
    rows = rows.loc[rows[by].notna()]
    if rows.empty:
        msg = _("No ideas in this selection have a {by}; choose a broader selection.").format(
            by=repr(by)
        )
        raise SelectionError(msg)
    hits = reached(rows, target, stage, order).astype(int)
    table = hits.groupby(rows[by], observed=True).agg(ideas="size", reached="sum")
    table["rate"] = table["reached"] / table["ideas"]
    table = table.rename_axis("group").reset_index()
    table["group"] = table["group"].astype(str).astype(object)
    table = table.sort_values(["rate", "ideas"], ascending=False, kind="stable")
    return table.reset_index(drop=True)


def best_row(table: pd.DataFrame, *, min_ideas: int = 10) -> pd.Series:
    """The best group of a ``conversion_by`` table among those with ``min_ideas`` or more.

    Groups with fewer ideas are not eligible: two ideas out of two is luck, not a track
    record.

    Examples
    --------
    >>> table = pd.DataFrame({"group": ["C", "B", "A"], "ideas": [2, 10, 10],
    ...                       "reached": [2, 6, 4], "rate": [1.0, 0.6, 0.4]})
    >>> best_row(table)["group"]
    'B'
    """
    eligible = table.loc[table["ideas"] >= min_ideas]
    if eligible.empty:
        msg = _(
            "No group in this selection has {min_ideas} or more ideas, so none can be called "
            "the best converter; choose a broader selection."
        ).format(min_ideas=min_ideas)
        raise SelectionError(msg)
    return eligible.iloc[0]


def best_converter(
    frame: pd.DataFrame,
    by: str = "department",
    target: str = IMPLEMENTED,
    *,
    min_ideas: int = 10,
) -> str:
    """The group that turns the largest share of its ideas into ``target``.

    Groups with fewer than ``min_ideas`` ideas are not eligible (see ``best_row``).

    Examples
    --------
    >>> frame = pd.DataFrame({"unit": ["A"] * 10 + ["B"] * 10 + ["C"] * 2,
    ...     "stage": pd.Categorical(["implemented"] * 4 + ["tested"] * 6
    ...                             + ["implemented"] * 6 + ["tested"] * 4
    ...                             + ["implemented"] * 2, categories=STAGES, ordered=True)})
    >>> best_converter(frame, "unit")
    'B'
    """
    return str(best_row(conversion_by(frame, by, target), min_ideas=min_ideas)["group"])


def time_in_stage(
    frame: pd.DataFrame,
    stages: Sequence[str] = STAGES,
    *,
    suffix: str = "_date",
) -> pd.DataFrame:
    """Days from reaching one stage to reaching the next: median and 90th percentile.

    Only ideas that made the step count; ideas still waiting, or stopped, are left out, so
    the times describe the ideas that moved on.

    Parameters
    ----------
    frame
        One row per idea, with a date column per stage (``submitted_date``, ...).
    stages
        The stages in order.
    suffix
        What follows the stage's name in its date column.

    Returns
    -------
    pandas.DataFrame
        ``step``, ``ideas`` (that made the step), ``median_days``, ``p90_days`` and
        ``max_days``; steps no idea made are left out.

    Examples
    --------
    >>> frame = pd.DataFrame({"a_date": pd.to_datetime(["2024-01-01"] * 3),
    ...     "b_date": pd.to_datetime(["2024-01-11", "2024-01-21", None])})
    >>> time_in_stage(frame, ["a", "b"])
        step  ideas  median_days  p90_days  max_days
    0  a → b      2         15.0      19.0        20
    """
    rows = []
    for earlier, later in zip(stages[:-1], stages[1:], strict=True):
        start, end = frame[f"{earlier}{suffix}"], frame[f"{later}{suffix}"]
        days = (end - start).dt.days.dropna()
        if not days.empty:
            rows.append(
                (f"{earlier} → {later}", len(days), days.median(), days.quantile(0.9), days.max())
            )
    if not rows:
        msg = _("No idea in this selection has moved from one stage to the next yet.")
        raise SelectionError(msg)
    columns = ["step", "ideas", "median_days", "p90_days", "max_days"]
    table = pd.DataFrame(rows, columns=columns)
    table["max_days"] = table["max_days"].astype(int)
    return table


def portfolio_mix(
    frame: pd.DataFrame,
    column: str = "facet",
    target: str = IMPLEMENTED,
    stage: str = "stage",
) -> pd.DataFrame:
    """The portfolio's balance: ideas per facet, their share, and how many reached ``target``.

    Examples
    --------
    >>> frame = pd.DataFrame({"facet": ["enhancement"] * 3 + ["anticipatory"],
    ...     "stage": pd.Categorical(["implemented", "tested", "spread", "tested"],
    ...                             categories=STAGES, ordered=True)})
    >>> portfolio_mix(frame)
              group  ideas  share  reached      rate
    0   enhancement      3   0.75        2  0.666667
    1  anticipatory      1   0.25        0  0.000000
    """
    table = conversion_by(frame, column, target, stage)
    if isinstance(frame[column].dtype, pd.CategoricalDtype):
        order = [str(c) for c in frame[column].cat.categories]
        table = table.set_index("group").reindex([g for g in order if g in set(table["group"])])
        table = table.rename_axis("group").reset_index()
    else:
        table = table.sort_values("ideas", ascending=False, kind="stable")
    table.insert(2, "share", table["ideas"] / table["ideas"].sum())
    return table.reset_index(drop=True)


def benefit_realisation(
    frame: pd.DataFrame,
    by: str | None = None,
    *,
    expected: str = "expected_benefit_sek",
    realised: str = "realised_benefit_sek",
) -> pd.DataFrame:
    """Realised against expected benefit, for the ideas that have both figures.

    Parameters
    ----------
    frame
        One row per idea; only ideas with both an expected and a realised benefit count
        (in the `portfolio` case: implemented ideas whose benefit was estimated in SEK).
    by
        A column to group by, or ``None`` for one row, group ``"all"``.
    expected, realised
        The benefit columns.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``ideas``, ``expected`` and ``realised`` (sums), ``ratio`` (realised /
        expected) and ``share_below`` (the share of ideas that realised less than expected).

    Examples
    --------
    >>> frame = pd.DataFrame({"expected_benefit_sek": [100, 200, 100, None],
    ...                       "realised_benefit_sek": [50, 100, 150, 80]})
    >>> benefit_realisation(frame)
      group  ideas  expected  realised  ratio  share_below
    0   all      3     400.0     300.0   0.75     0.666667
    """
    rows = frame.loc[frame[expected].notna() & frame[realised].notna()]
    if rows.empty:
        msg = _(
            "No idea in this selection has both an expected and a realised benefit yet; "
            "choose a broader selection."
        )
        raise SelectionError(msg)
    parts = pd.DataFrame(
        {"expected": rows[expected].astype(float), "realised": rows[realised].astype(float)}
    )
    parts["below"] = (parts["realised"] < parts["expected"]).astype(int)
    key = rows[by] if by is not None else pd.Series("all", index=rows.index)
    grouped = parts.groupby(key, observed=True)
    table = grouped.sum()
    table["ideas"] = grouped.size()
    table["ratio"] = (table["realised"] / table["expected"]).where(table["expected"] > 0)
    table["share_below"] = table["below"] / table["ideas"]
    table = table.rename_axis("group").reset_index()
    table["group"] = table["group"].astype(str).astype(object)
    return table[["group", "ideas", "expected", "realised", "ratio", "share_below"]]


def submitted_before(
    frame: pd.DataFrame, date: str, column: str = "submitted_date"
) -> pd.DataFrame:
    """The ideas submitted before ``date``: old enough to have finished their journey.

    Examples
    --------
    >>> frame = pd.DataFrame({"submitted_date": pd.to_datetime(["2023-05-01", "2024-02-01"])})
    >>> len(submitted_before(frame, "2024-01-01"))
    1
    """
    rows = frame.loc[frame[column] < pd.Timestamp(date)]
    if rows.empty:
        msg = _(
            "No ideas in this selection were submitted before {date}; choose more years."
        ).format(date=date)
        raise SelectionError(msg)
    return rows.copy()
