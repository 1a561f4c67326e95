"""The figures of the programme evaluation report, computed with ``innolead.analysis``.

Change is counted in matched pairs only (participants who answered both rounds), with
``prepost``'s small-group rule: no figure is shown for fewer than ``MIN_SIZE`` people, and
groups under that size are pooled into "other groups". Participants who did not give their
role or organisation type form a group "not stated", pooled like any other, so that the groups
always add up to the total and no one can be worked out by subtraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.prepost import (
    MIN_SIZE,
    OTHER,
    matched_pairs,
    of_ten_sentence,
    prepost_change,
    satisfied_share,
)
from innolead.analysis.shares import distribution
from innolead.evaluation.cohort import Cohort, cohort_frame
from innolead.evaluation.items import CHANGE_ITEMS, GROUP_ITEMS, ITEMS, PHASES, SATISFIED
from innolead.format import count_of, pct
from innolead.i18n import N_, _

NOT_STATED = N_("not stated")
_SCALE = pd.CategoricalDtype([1, 2, 3, 4, 5], ordered=True)


@dataclass(frozen=True)
class Figures:
    """Everything the report shows, as plain tables and sentences."""

    counts: dict[str, int]
    headlines: list[str]
    change: pd.DataFrame
    distributions: dict[str, pd.DataFrame]
    satisfaction: pd.DataFrame
    satisfaction_answers: pd.DataFrame
    by_group: dict[str, pd.DataFrame]
    satisfaction_by_group: dict[str, pd.DataFrame]
    problems: pd.DataFrame
    blanks: pd.DataFrame
    comments: list[str]
    notes: list[str] = field(default_factory=list)


def matched(frame: pd.DataFrame) -> pd.DataFrame:
    """The participants who answered both rounds (everyone else is left out of change)."""
    return frame.loc[frame["in_pre"] & frame["in_post"]].copy()


def _columns(item: str) -> tuple[str, str]:
    return f"{item}_pre", f"{item}_post"


def _too_few(item: str, n: int) -> str:
    return _(
        "Fewer than {min_size} participants answered the question on {item} both before and "
        "after ({n}), so its change is not shown: with so few, answers could be traced to a "
        "person."
    ).format(min_size=MIN_SIZE, item=_(ITEMS[item].label).lower(), n=n)


def headline(frame: pd.DataFrame, item: str) -> str:
    """ "8 of 10 (12 of 15) increased their knowledge ...", or why it is not shown.

    Examples
    --------
    >>> frame = pd.DataFrame({"in_pre": [True] * 5, "in_post": [True] * 5,
    ...     "knowledge_pre": [1, 2, 3, 3, 4], "knowledge_post": [2, 4, 3, 2, 5]})
    >>> headline(frame, "knowledge")
    '6 of 10 (3 of 5) increased their knowledge of what innovation work involves.'
    """
    pre, post = _columns(item)
    pairs = matched(frame)
    try:
        return of_ten_sentence(pairs, pre, post, ITEMS[item].gained) + "."
    except SelectionError:
        return _too_few(item, len(pairs.dropna(subset=[pre, post])))


def change_table(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Higher, same and lower for each item (matched pairs), and notes on items not shown."""
    tables, notes = [], []
    pairs = matched(frame)
    for item in CHANGE_ITEMS:
        pre, post = _columns(item)
        try:
            table = prepost_change(pairs, pre, post)
        except SelectionError:
            notes.append(_too_few(item, len(pairs.dropna(subset=[pre, post]))))
            continue
        tables.append(table.drop(columns="group").assign(item=_(ITEMS[item].label)))
    if not tables:
        return pd.DataFrame(), notes
    table = pd.concat(tables, ignore_index=True)
    return table[["item", *[c for c in table.columns if c != "item"]]], notes


def rating_answers(frame: pd.DataFrame, item: str) -> pd.DataFrame:
    """How the matched pairs answered before and after, step by step on the 1-5 scale.

    Returns
    -------
    pandas.DataFrame
        ``answer`` (1-5), ``meaning`` (the scale's words), ``before``, ``after`` (counts)
        and ``n``; raises ``SelectionError`` for fewer than ``MIN_SIZE`` pairs.
    """
    pre, post = _columns(item)
    pairs = matched_pairs(matched(frame), pre, post)
    counts = {}
    for name, column in (("before", pre), ("after", post)):
        answers = pairs[[column]].astype(float).astype("Int64").astype(_SCALE)
        counts[name] = distribution(answers, column, noun="participants")["count"].to_numpy()
    return pd.DataFrame(
        {
            "answer": list(range(1, 6)),
            "meaning": [_(word) for word in ITEMS[item].scale],
            "before": counts["before"],
            "after": counts["after"],
            "n": len(pairs),
        }
    )


def satisfaction_answers(frame: pd.DataFrame) -> pd.DataFrame:
    """How every post response rated satisfaction, step by step (``SelectionError`` if < 5)."""
    answered = frame.loc[frame["in_post"], ["satisfaction"]].dropna()
    if len(answered) < MIN_SIZE:
        msg = _("Only {n} participants rated their satisfaction.").format(n=len(answered))
        raise SelectionError(msg)
    table = distribution(answered.astype(_SCALE), "satisfaction", noun="participants")
    table["answer"] = table["answer"].astype(int)
    return table.assign(meaning=[_(word) for word in ITEMS["satisfaction"].scale])[
        ["answer", "meaning", "count", "n", "share"]
    ]


def satisfaction_sentence(table: pd.DataFrame) -> str:
    """ "80 % (12 of 15) were satisfied with the course ...", from ``satisfied_share``.

    Examples
    --------
    >>> satisfaction_sentence(pd.DataFrame({"group": ["all"], "n": [15], "satisfied": [12],
    ...                                     "share": [0.8]}))
    '80 % (12 of 15) were satisfied with the course (4 or 5 on the five-step scale).'
    """
    row = table.iloc[0]
    return _(
        "{share} ({count}) were satisfied with the course (4 or 5 on the five-step scale)."
    ).format(share=pct(row["share"]), count=count_of(row["satisfied"], row["n"]))


def with_groups(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with a missing role or organisation type shown as ``"not stated"``."""
    filled = frame.copy()
    for column in GROUP_ITEMS:
        filled[column] = filled[column].astype(object).where(filled[column].notna(), NOT_STATED)
    return filled


def _shown(table: pd.DataFrame) -> pd.DataFrame | None:
    """A group table if it tells more than the total: not a lone pooled row, nothing < 5."""
    table = table.loc[table["n"] >= MIN_SIZE]
    if table.empty or list(table["group"]) == [OTHER]:
        return None
    return table.reset_index(drop=True)


def change_by_group(frame: pd.DataFrame, by: str) -> pd.DataFrame | None:
    """Each item's change by role or organisation type, small groups pooled (or ``None``)."""
    pairs = with_groups(matched(frame))
    tables = []
    for item in CHANGE_ITEMS:
        pre, post = _columns(item)
        try:
            table = _shown(prepost_change(pairs, pre, post, by=by))
        except SelectionError:
            continue
        if table is not None:
            tables.append(table.assign(item=_(ITEMS[item].label)))
    if not tables:
        return None
    table = pd.concat(tables, ignore_index=True)
    return table[["item", "group", "n", "increased", "share_increased", "mean_change"]]


def satisfaction_by_group(frame: pd.DataFrame, by: str) -> pd.DataFrame | None:
    """The share satisfied by role or organisation type, small groups pooled (or ``None``)."""
    post = with_groups(frame.loc[frame["in_post"]])
    try:
        return _shown(satisfied_share(post, "satisfaction", SATISFIED, by=by))
    except SelectionError:
        return None


_WHOLE = N_("whole notebook")
_ORDER = {name: i for i, name in enumerate(["", *ITEMS])}


def _counts(rows: list[tuple[str, str]]) -> pd.DataFrame:
    """Counts by round (pre first) and question (in the notebook's order)."""
    ordered = sorted(rows, key=lambda row: (PHASES.index(row[0]), _ORDER[row[1]]))
    table = pd.DataFrame(ordered, columns=["round", "question"])
    table["question"] = table["question"].map(lambda n: _(ITEMS[n].label if n else _WHOLE))
    return table.value_counts(sort=False).rename("answers").reset_index()


def problem_counts(cohort: Cohort) -> pd.DataFrame:
    """How many answers could not be used, by round and question."""
    return _counts([(p.phase, p.item) for p in cohort.problems])


def blank_counts(cohort: Cohort) -> pd.DataFrame:
    """How many answers were left blank, by round and question."""
    return _counts([(r.phase, item) for r in cohort.responses() for item in r.blank])


def response_counts(cohort: Cohort) -> dict[str, int]:
    """Responses per round, matched and unmatched, and unusable answers."""
    problems = cohort.problems
    return {
        "pre": len(cohort.pre),
        "post": len(cohort.post),
        "matched": len(cohort.matched),
        "pre_only": len(cohort.pre_only),
        "post_only": len(cohort.post_only),
        "problems": len(problems),
        "notebooks_with_problems": len({(p.participant, p.phase) for p in problems}),
    }


def _comments(frame: pd.DataFrame) -> list[str]:
    """The open comments, without names and in alphabetical order (not the order of ids)."""
    if int(frame["in_post"].sum()) < MIN_SIZE:
        return []
    return sorted(c for c in frame["comments"].dropna() if str(c).strip())


def evaluation_figures(cohort: Cohort) -> Figures:
    """Every figure of the report, from the cohort's answers."""
    frame = cohort_frame(cohort)
    change, notes = change_table(frame)
    distributions = {}
    for item in CHANGE_ITEMS:
        try:
            distributions[item] = rating_answers(frame, item)
        except SelectionError:
            continue
    post = frame.loc[frame["in_post"]]
    try:
        satisfaction = satisfied_share(post, "satisfaction", SATISFIED)
        answers = satisfaction_answers(frame)
    except SelectionError:
        satisfaction, answers = pd.DataFrame(), pd.DataFrame()
    return Figures(
        counts=response_counts(cohort),
        headlines=[headline(frame, item) for item in CHANGE_ITEMS],
        change=change,
        distributions=distributions,
        satisfaction=satisfaction,
        satisfaction_answers=answers,
        by_group={by: change_by_group(frame, by) for by in GROUP_ITEMS},
        satisfaction_by_group={by: satisfaction_by_group(frame, by) for by in GROUP_ITEMS},
        problems=problem_counts(cohort),
        blanks=blank_counts(cohort),
        comments=_comments(frame),
        notes=notes,
    )
