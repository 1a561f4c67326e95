"""Before and after: who rated themselves higher, the same or lower, overall and by group.

The functions take any frame with one row per person and a "before" and an "after" rating in
two columns named by the caller, so the same code summarises SKL's innovation relays (the
`relay` case) and the course's own pre/post self-assessment. Only matched pairs count: a person
missing either rating is left out, and the base ``n`` says how many pairs were used. Groups with
fewer than ``min_size`` people are pooled into ``"other groups"`` so that no one can be picked
out, and a selection with fewer than ``min_size`` pairs is not summarised at all.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.shares import share
from innolead.format import count_of, of_ten
from innolead.i18n import N_, _

#: The three directions of change, in the order tables and charts show them.
DIRECTIONS = ("increased", "same", "decreased")
#: The label of the pooled row that holds every group under the minimum size.
OTHER = N_("other groups")
#: The smallest group the functions show on its own (a common rule for reporting surveys).
MIN_SIZE = 5
#: The answers that count as satisfied on the Innovation Day's five-step scale.
SATISFIED = ("satisfied", "very satisfied")


def _require_columns(frame: pd.DataFrame, columns: Collection[str | None]) -> None:
    missing = [c for c in columns if c is not None and c not in frame.columns]
    if missing:
        msg = f"The table has no column(s) {missing}; its columns are {list(frame.columns)}."
        raise ValueError(msg)


def matched_pairs(
    frame: pd.DataFrame, pre: str, post: str, *, min_size: int = MIN_SIZE
) -> pd.DataFrame:
    """A copy of the rows with both a before and an after rating (at least ``min_size``).

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 2, None, 3, 4, 2], "post": [2, 2, 3, 3, 5, None]})
    >>> len(matched_pairs(frame, "pre", "post", min_size=3))
    4
    """
    _require_columns(frame, [pre, post])
    pairs = frame.dropna(subset=[pre, post])
    if len(pairs) < min_size:
        msg = _(
            "Only {n} people in this selection answered both before and after ({pre}, {post}); "
            "at least {min_size} are needed so that no one can be identified. Choose a broader "
            "selection."
        ).format(n=len(pairs), pre=repr(pre), post=repr(post), min_size=min_size)
        raise SelectionError(msg)
    return pairs.copy()


def change_direction(frame: pd.DataFrame, pre: str, post: str) -> pd.Series:
    """Each person's change as an ordered categorical of ``DIRECTIONS`` (missing if unpaired).

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 3, 4, None], "post": [2, 3, 2, 5]})
    >>> change_direction(frame, "pre", "post").tolist()
    ['increased', 'same', 'decreased', nan]
    """
    _require_columns(frame, [pre, post])
    diff = frame[post].astype("Float64") - frame[pre].astype("Float64")
    labels = pd.Series(pd.NA, index=frame.index, dtype=object)
    labels[(diff > 0).fillna(False)] = "increased"
    labels[(diff == 0).fillna(False)] = "same"
    labels[(diff < 0).fillna(False)] = "decreased"
    return pd.Series(pd.Categorical(labels, categories=DIRECTIONS, ordered=True), frame.index)


def _display_order(values: pd.Series) -> list[Hashable]:
    present = set(values.dropna())
    if isinstance(values.dtype, pd.CategoricalDtype):
        return [c for c in values.cat.categories if c in present]
    return sorted(present)


def pool_small_groups(
    values: pd.Series, *, min_size: int = MIN_SIZE, other: str = OTHER
) -> pd.Series:
    """Group labels as text, with every group under ``min_size`` pooled into ``other``.

    If the pooled groups together are still under ``min_size``, the smallest other groups
    join them until the pool is large enough, so no one can be worked out by subtraction.

    Parameters
    ----------
    values
        One group label per person (missing labels stay missing).
    min_size
        The smallest group shown on its own.
    other
        The label of the pooled group.

    Returns
    -------
    pandas.Series
        Ordered categorical labels: the groups in their own order (category order, else
        sorted), then ``other``.

    Examples
    --------
    >>> roles = pd.Series(["head"] * 6 + ["manager"] * 5 + ["chief"] * 2)
    >>> pool_small_groups(roles).value_counts(sort=False).to_dict()
    {'head': 6, 'other groups': 7}
    """
    sizes = values.value_counts()
    sizes = sizes[sizes > 0]
    pooled = list(sizes[sizes < min_size].index)
    total = int(sizes[pooled].sum())
    for name, size in sizes[sizes >= min_size].sort_values(kind="stable").items():
        if not pooled or total >= min_size:
            break
        pooled.append(name)
        total += int(size)
    kept = [str(v) for v in _display_order(values) if v not in pooled]
    labels = values.astype(object).map(
        lambda v: other if v in pooled else str(v), na_action="ignore"
    )
    categories = kept + ([other] if pooled else [])
    return pd.Series(pd.Categorical(labels, categories=categories, ordered=True), values.index)


def prepost_change(
    frame: pd.DataFrame,
    pre: str,
    post: str,
    by: str | None = None,
    *,
    min_size: int = MIN_SIZE,
) -> pd.DataFrame:
    """How many rated themselves higher, the same or lower after than before, by group.

    Parameters
    ----------
    frame
        One row per person.
    pre, post
        The columns holding the rating before and after (any numeric scale).
    by
        A column to group by (for example ``role``), or ``None`` for one row, group ``"all"``.
        People without a group are left out.
    min_size
        Groups with fewer matched pairs are pooled into ``"other groups"``; a selection with
        fewer pairs in all raises ``SelectionError``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n`` (matched pairs), ``increased``, ``same``, ``decreased`` (counts),
        ``share_increased``, ``share_same``, ``share_decreased``, ``mean_pre``, ``mean_post``
        and ``mean_change`` (after minus before, in scale steps).

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 2, 3, 3, 4, None], "post": [2, 4, 3, 2, 5, 1]})
    >>> prepost_change(frame, "pre", "post")[["group", "n", "increased", "share_increased"]]
      group  n  increased  share_increased
    0   all  5          3              0.6
    """
    _require_columns(frame, [pre, post, by])
    rows = frame if by is None else frame.dropna(subset=[by])
    pairs = matched_pairs(rows, pre, post, min_size=min_size)
    groups = (
        pd.Series(pd.Categorical(["all"] * len(pairs)), index=pairs.index)
        if by is None
        else pool_small_groups(pairs[by], min_size=min_size)
    )
    direction = change_direction(pairs, pre, post)
    parts = pd.DataFrame({d: direction.eq(d).astype(int) for d in DIRECTIONS})
    parts["pre"] = pairs[pre].astype(float)
    parts["post"] = pairs[post].astype(float)
    table = parts.groupby(groups, observed=True).agg(
        n=("pre", "size"),
        increased=("increased", "sum"),
        same=("same", "sum"),
        decreased=("decreased", "sum"),
        mean_pre=("pre", "mean"),
        mean_post=("post", "mean"),
    )
    for d in DIRECTIONS:
        table[f"share_{d}"] = table[d] / table["n"]
    table["mean_change"] = table["mean_post"] - table["mean_pre"]
    table = table.rename_axis("group").reset_index()
    table["group"] = table["group"].astype(str).astype(object)
    shares = [f"share_{d}" for d in DIRECTIONS]
    return table[["group", "n", *DIRECTIONS, *shares, "mean_pre", "mean_post", "mean_change"]]


def change_long(table: pd.DataFrame) -> pd.DataFrame:
    """A ``prepost_change`` table in long format, one row per group and direction, for charts.

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 2, 3, 3, 4], "post": [2, 4, 3, 2, 5]})
    >>> change_long(prepost_change(frame, "pre", "post"))[["direction", "count", "share"]]
       direction  count  share
    0  increased      3    0.6
    1       same      1    0.2
    2  decreased      1    0.2
    """
    rows = [
        {
            "group": row.group,
            "direction": d,
            "n": row.n,
            "count": getattr(row, d),
            "share": getattr(row, f"share_{d}"),
        }
        for row in table.itertuples(index=False)
        for d in DIRECTIONS
    ]
    return pd.DataFrame(rows, columns=["group", "direction", "n", "count", "share"])


def share_increased(frame: pd.DataFrame, pre: str, post: str) -> float:
    """The share of matched pairs whose after rating is higher than the before rating.

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 2, 3, 3, 4], "post": [2, 4, 3, 2, 5]})
    >>> share_increased(frame, "pre", "post")
    0.6
    """
    return float(prepost_change(frame, pre, post)["share_increased"].iloc[0])


def of_ten_sentence(frame: pd.DataFrame, pre: str, post: str, gained: str) -> str:
    """The headline "8 of 10 (440 of 550) ..." for the share who rated themselves higher.

    Parameters
    ----------
    frame
        One row per person.
    pre, post
        The columns holding the rating before and after.
    gained
        What the people who rated themselves higher did, completing the sentence.

    Returns
    -------
    str
        The headline, as *Innovationsledning* reported its results.

    Examples
    --------
    >>> frame = pd.DataFrame({"pre": [1, 2, 3, 3, 4], "post": [2, 4, 3, 2, 5]})
    >>> of_ten_sentence(frame, "pre", "post", "rated their knowledge higher")
    '6 of 10 (3 of 5) rated their knowledge higher'
    """
    row = prepost_change(frame, pre, post).iloc[0]
    return _("{share} ({count}) {gained}").format(
        share=of_ten(row["share_increased"]),
        count=count_of(row["increased"], row["n"]),
        gained=_(gained),
    )


def satisfied_share(
    frame: pd.DataFrame,
    column: str = "satisfaction",
    satisfied: Collection[object] = SATISFIED,
    by: str | None = None,
    *,
    min_size: int = MIN_SIZE,
) -> pd.DataFrame:
    """The share who were satisfied, overall or by group, with small groups pooled.

    Parameters
    ----------
    frame
        One row per respondent.
    column
        The satisfaction answer; missing answers are left out of the base.
    satisfied
        The answers that count as satisfied: ``("satisfied", "very satisfied")`` for the
        Innovation Day, ``(4, 5)`` for a 1-5 score.
    by
        A column to group by, or ``None`` for one row, group ``"all"``.
    min_size
        Groups with fewer answers are pooled into ``"other groups"``.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``n`` (answers), ``satisfied`` (count) and ``share``.

    Examples
    --------
    >>> day = pd.DataFrame({"satisfaction": ["satisfied", "neither", "very satisfied",
    ...                                      "satisfied", None, "dissatisfied"]})
    >>> satisfied_share(day)
      group  n  satisfied  share
    0   all  5          3    0.6
    """
    _require_columns(frame, [column, by])
    answered = frame.dropna(subset=[column] if by is None else [column, by])
    if len(answered) < min_size:
        msg = _(
            "Only {n} people in this selection answered {column}; at least {min_size} are "
            "needed so that no one can be identified. Choose a broader selection."
        ).format(n=len(answered), column=repr(column), min_size=min_size)
        raise SelectionError(msg)
    if by is not None:
        answered = answered.assign(**{by: pool_small_groups(answered[by], min_size=min_size)})
    table = share(answered, column, by=by, value=list(satisfied), noun="respondents")
    return table.rename(columns={"yes": "satisfied"})


def _decimals(value: float) -> int:
    text = repr(float(value)).rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


#: How each published figure is computed from the synthetic tables (participants, day).
PUBLISHED_CHECKS: dict[str, Callable[[pd.DataFrame, pd.DataFrame], float]] = {
    "relay_participants": lambda people, day: float(len(people)),
    "share_more_knowledge": lambda people, day: share_increased(
        people, "knowledge_pre", "knowledge_post"
    ),
    "share_more_insight": lambda people, day: share_increased(
        people, "insight_pre", "insight_post"
    ),
    "innovation_day_participants": lambda people, day: float(len(day)),
    "innovation_day_share_satisfied": lambda people, day: float(
        satisfied_share(day)["share"].iloc[0]
    ),
}


def compare_published(
    participants: pd.DataFrame, innovation_day: pd.DataFrame, published: pd.DataFrame
) -> pd.DataFrame:
    """Each figure the programme published next to the same figure computed from the data.

    Parameters
    ----------
    participants
        The relay case's ``participants`` table (SYNTHETIC).
    innovation_day
        The relay case's ``innovation_day`` table (SYNTHETIC).
    published
        The relay case's ``published`` table (REAL reported figures).

    Returns
    -------
    pandas.DataFrame
        ``metric``, ``description``, ``as_reported``, ``published``, ``computed`` and
        ``matches``: whether the computed value, rounded to the published figure's precision
        ("8 of 10" is 0.8), equals it. Figures the data cannot recompute (SKL members'
        awareness, organisations implementing in 2016) have no computed value.

    Examples
    --------
    >>> people = pd.DataFrame({"knowledge_pre": [1, 2, 3, 3, 4],
    ...                        "knowledge_post": [2, 4, 4, 4, 4],
    ...                        "insight_pre": [1] * 5, "insight_post": [2, 2, 2, 1, 1]})
    >>> day = pd.DataFrame({"satisfaction": ["satisfied"] * 4 + ["neither"]})
    >>> published = pd.DataFrame({"metric": ["share_more_knowledge", "share_more_insight"],
    ...     "value": [0.8, 0.7], "description": ["more knowledge", "more insight"],
    ...     "as_reported": ["8 av 10", "7 av 10"]})
    >>> compare_published(people, day, published)[["metric", "computed", "matches"]]
                     metric  computed  matches
    0  share_more_knowledge       0.8     True
    1    share_more_insight       0.6    False
    """
    _require_columns(published, ["metric", "value", "description", "as_reported"])
    rows = []
    for row in published.itertuples(index=False):
        check = PUBLISHED_CHECKS.get(row.metric)
        computed = check(participants, innovation_day) if check else float("nan")
        matches = round(computed, _decimals(row.value)) == row.value if check else pd.NA
        rows.append((row.metric, row.description, row.as_reported, row.value, computed, matches))
    columns = ["metric", "description", "as_reported", "published", "computed", "matches"]
    table = pd.DataFrame(rows, columns=columns)
    table["matches"] = table["matches"].astype("boolean")
    return table
