"""A user study along a service journey: satisfaction and pain points per step, by group.

Each row is one respondent's answer about one step of the journey (the `needs` case: home care
in Ekdala), with a satisfaction score, an information score and the main problem named. The
functions keep the journey's order (an ordered ``journey_step`` column) and say how many answers
each figure rests on. ``assumed_vs_reported`` sets what the management group believed next to
what people reported: the move "from assumption to insight".
"""

from __future__ import annotations

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.shares import crosstab_shares
from innolead.i18n import _

#: The pain-point answer that means no problem was named.
NONE = "none"
#: The two groups of older people receiving home care (the users).
USERS = ("older person living alone", "older person living with spouse")
#: Scores at or below this count as dissatisfied on the 1-5 scale.
DISSATISFIED_MAX = 2


def _require(frame: pd.DataFrame, columns: list[str | None]) -> pd.DataFrame:
    missing = [c for c in columns if c is not None and c not in frame.columns]
    if missing:
        msg = f"The table has no column(s) {missing}; its columns are {list(frame.columns)}."
        raise ValueError(msg)
    rows = frame.dropna(subset=[c for c in columns if c is not None])
    if rows.empty:
        msg = _("No answers match this selection; choose another user group or step.")
        raise SelectionError(msg)
    return rows


def satisfaction_by_step(
    frame: pd.DataFrame,
    by: str | None = None,
    *,
    step: str = "journey_step",
    score: str = "satisfaction",
    min_answers: int = 5,
) -> pd.DataFrame:
    """Mean score and share dissatisfied at each step of the journey, optionally by group.

    Parameters
    ----------
    frame
        One row per answer.
    by
        A column to split each step by (for example ``user_group``), or ``None``.
    step
        The journey step column (its category order is kept).
    score
        A 1-5 score, ``satisfaction`` or ``information``; missing scores are left out.
    min_answers
        Steps (or step-and-group cells) with fewer answers are left out: a mean of two
        answers says little and could point at one person.

    Returns
    -------
    pandas.DataFrame
        ``step`` (and ``group`` when ``by`` is given), ``n``, ``mean`` and
        ``share_dissatisfied`` (scores of 1 or 2).

    Examples
    --------
    >>> frame = pd.DataFrame({"journey_step": ["visit"] * 3 + ["end"] * 2,
    ...                       "satisfaction": [4, 2, 3, 5, None]})
    >>> satisfaction_by_step(frame, min_answers=1)
        step  n  mean  share_dissatisfied
    0    end  1   5.0            0.000000
    1  visit  3   3.0            0.333333
    """
    rows = _require(frame, [step, score, by])
    keys = [rows[step]] + ([rows[by]] if by is not None else [])
    values = pd.DataFrame(
        {"score": rows[score].astype(float), "low": (rows[score] <= DISSATISFIED_MAX).astype(int)}
    )
    table = values.groupby(keys, observed=True).agg(
        n=("score", "size"), mean=("score", "mean"), share_dissatisfied=("low", "mean")
    )
    table = table.loc[table["n"] >= min_answers]
    if table.empty:
        msg = _(
            "No step has {min_answers} or more answers in this selection; choose a broader one."
        ).format(min_answers=min_answers)
        raise SelectionError(msg)
    table.index = table.index.set_names(["step", "group"][: len(keys)])
    table = table.reset_index()
    for column in ["step", "group"][: len(keys)]:
        table[column] = table[column].astype(str).astype(object)
    return table


def lowest_steps(
    frame: pd.DataFrame, k: int = 2, *, score: str = "satisfaction", min_answers: int = 5
) -> list[str]:
    """The ``k`` journey steps with the lowest mean score: where the journey dips.

    Steps with fewer than ``min_answers`` answers are left out, as in ``satisfaction_by_step``.

    Examples
    --------
    >>> frame = pd.DataFrame({"journey_step": list("aabbcc"), "satisfaction": [4, 4, 2, 3, 5, 1]})
    >>> lowest_steps(frame, 2, min_answers=1)
    ['b', 'c']
    """
    table = satisfaction_by_step(frame, score=score, min_answers=min_answers)
    return table.sort_values("mean", kind="stable")["step"].head(k).tolist()


def pain_points_by_step(
    frame: pd.DataFrame,
    *,
    step: str = "journey_step",
    pain: str = "pain_point",
    min_answers: int = 5,
) -> pd.DataFrame:
    """At each step, the share of answers that named each problem (``none`` left out).

    Parameters
    ----------
    frame
        One row per answer.
    step, pain
        The journey step and the problem named (``"none"`` when no problem was named).
    min_answers
        Steps with fewer answers are left out, as in ``satisfaction_by_step``.

    Returns
    -------
    pandas.DataFrame
        ``step``, ``pain_point``, ``answers`` (all answers about the step, ``none``
        included), ``count`` and ``share`` (count / answers), in journey order.

    Examples
    --------
    >>> frame = pd.DataFrame({"journey_step": ["visit"] * 4,
    ...                       "pain_point": ["staff", "staff", "waiting", "none"]})
    >>> pain_points_by_step(frame, min_answers=1)
        step pain_point  answers  count  share
    0  visit      staff        4      2   0.50
    1  visit    waiting        4      1   0.25
    """
    rows = _require(frame, [step, pain])
    table = crosstab_shares(rows, step, pain, noun="answers")
    table = table.loc[(table["answer"] != NONE) & (table["n"] >= min_answers)]
    if table.empty:
        msg = _(
            "No step has {min_answers} or more answers in this selection; choose a broader one."
        ).format(min_answers=min_answers)
        raise SelectionError(msg)
    table = table.rename(columns={"group": "step", "answer": "pain_point", "n": "answers"})
    return table[["step", "pain_point", "answers", "count", "share"]].reset_index(drop=True)


def top_pain_point_by_step(
    frame: pd.DataFrame,
    *,
    step: str = "journey_step",
    pain: str = "pain_point",
    min_answers: int = 5,
) -> pd.DataFrame:
    """The problem named most often at each step, with how often.

    Examples
    --------
    >>> frame = pd.DataFrame({"journey_step": ["visit"] * 4,
    ...                       "pain_point": ["staff", "staff", "waiting", "none"]})
    >>> top_pain_point_by_step(frame, min_answers=1)
        step  answers pain_point  count  share
    0  visit        4      staff      2    0.5
    """
    table = pain_points_by_step(frame, step=step, pain=pain, min_answers=min_answers)
    table = table.loc[table["count"] > 0]
    if table.empty:
        msg = _("No one in this selection named a problem; choose a broader selection.")
        raise SelectionError(msg)
    top = table.sort_values("count", ascending=False, kind="stable").drop_duplicates("step")
    order = {s: i for i, s in enumerate(dict.fromkeys(table["step"]))}
    top = top.sort_values("step", key=lambda s: s.map(order))
    return top[["step", "answers", "pain_point", "count", "share"]].reset_index(drop=True)


def reported_ranking(frame: pd.DataFrame, *, pain: str = "pain_point") -> pd.DataFrame:
    """The problems people named, most often first, with counts and shares of all answers.

    Examples
    --------
    >>> frame = pd.DataFrame({"pain_point": ["staff", "staff", "waiting", "none"]})
    >>> reported_ranking(frame)
      pain_point  answers  count  share  reported_rank
    0      staff        4      2   0.50              1
    1    waiting        4      1   0.25              2
    """
    rows = _require(frame, [pain])
    answers = rows[pain].astype(str)
    counts = answers[answers != NONE].value_counts()
    if counts.empty:
        msg = _("No one in this selection named a problem; choose a broader selection.")
        raise SelectionError(msg)
    table = counts.rename_axis("pain_point").reset_index(name="count")
    table.insert(1, "answers", len(rows))
    table["share"] = table["count"] / len(rows)
    table["reported_rank"] = table["count"].rank(method="min", ascending=False).astype(int)
    return table


def assumed_vs_reported(
    responses: pd.DataFrame, assumptions: pd.DataFrame, *, pain: str = "pain_point"
) -> pd.DataFrame:
    """The management group's ranking of problems next to what people actually reported.

    Parameters
    ----------
    responses
        One row per answer (any selection, for example users and relatives only).
    assumptions
        The management group's list: ``rank`` (1 = biggest) and ``pain_point``.
    pain
        The problem column in both tables.

    Returns
    -------
    pandas.DataFrame
        ``pain_point``, ``assumed_rank`` (missing if the group never listed it),
        ``reported_rank`` (missing if no one named it), ``answers`` (all answers in the
        selection), ``count``, ``share`` (count / answers) and ``rank_gap`` (assumed minus
        reported: negative means the group overrated the problem). Sorted by what people
        reported.

    Examples
    --------
    >>> responses = pd.DataFrame({"pain_point": ["staff", "staff", "waiting", "involved"]})
    >>> assumptions = pd.DataFrame({"rank": [1, 2], "pain_point": ["waiting", "staff"]})
    >>> assumed_vs_reported(responses, assumptions)[["pain_point", "assumed_rank",
    ...                                              "reported_rank", "rank_gap"]]
      pain_point  assumed_rank  reported_rank  rank_gap
    0      staff             2              1         1
    1    waiting             1              2        -1
    2   involved          <NA>              2      <NA>
    """
    reported = reported_ranking(responses, pain=pain)
    assumed = pd.DataFrame(
        {"pain_point": assumptions[pain].astype(str), "assumed_rank": assumptions["rank"]}
    )
    table = reported.merge(assumed, on="pain_point", how="outer")
    table["answers"] = int(reported["answers"].iloc[0])
    table["count"] = table["count"].fillna(0).astype(int)
    table["share"] = table["count"] / table["answers"]
    for column in ("assumed_rank", "reported_rank"):
        table[column] = table[column].astype("Int64")
    table["rank_gap"] = table["assumed_rank"] - table["reported_rank"]
    table = table.sort_values(["reported_rank", "assumed_rank"], na_position="last", kind="stable")
    columns = ["pain_point", "assumed_rank", "reported_rank", "answers", "count", "share"]
    columns.append("rank_gap")
    return table[columns].reset_index(drop=True)


def missed_problems(responses: pd.DataFrame, assumptions: pd.DataFrame) -> list[str]:
    """The problems people named that the management group never listed, most named first.

    Examples
    --------
    >>> responses = pd.DataFrame({"pain_point": ["staff", "involved", "none"]})
    >>> missed_problems(responses, pd.DataFrame({"rank": [1], "pain_point": ["staff"]}))
    ['involved']
    """
    table = assumed_vs_reported(responses, assumptions)
    return table.loc[table["assumed_rank"].isna(), "pain_point"].tolist()
