"""Explorer of the `needs` case: what do home-care users, relatives and staff actually report?

The default view is satisfaction along the home-care journey: it dips at two steps, when needs
change and at the needs assessment. The other views show which problems people name at each
step, and set the management group's ranked list of problems next to what people reported:
waiting, the group's top problem, is not what users and relatives name most, and they name a
problem the group never listed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.needs import (
    USERS,
    assumed_vs_reported,
    reported_ranking,
    satisfaction_by_step,
    top_pain_point_by_step,
)
from innolead.cases import get as case_spec
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View
from innolead.format import num, pct

STEPS: tuple[str, ...] = case_spec("needs").table("responses").column("journey_step").categories()
#: Per user-group option: its menu label, the groups it holds and how it reads in a sentence.
GROUPS: dict[str, tuple[str, tuple[str, ...] | str, str]] = {
    "all": ("All respondents", "all", "all respondents"),
    "people": ("Users and relatives", (*USERS, "relative"), "users and relatives"),
    "users": ("Older people (users)", USERS, "older people receiving home care"),
    "alone": (
        "Older people living alone",
        ("older person living alone",),
        "older people living alone",
    ),
    "spouse": (
        "Older people living with a spouse",
        ("older person living with spouse",),
        "older people living with a spouse",
    ),
    "relative": ("Relatives", ("relative",), "relatives"),
    "staff": ("Staff", ("staff",), "staff"),
}
#: Staff answer a different question; the sentence says so.
STAFF_NOTE = " Staff rate how well each step works for the users."
#: Fewer answers than this at a step are not shown (as in ``satisfaction_by_step``).
MIN_ANSWERS = 5
SYNTHETIC = "synthetic data"


@dataclass(frozen=True)
class NeedsData:
    """The answers of each user-group option, and the management group's assumptions."""

    groups: dict[str, pd.DataFrame]
    assumptions: pd.DataFrame


def prepare(responses: pd.DataFrame, assumptions: pd.DataFrame) -> NeedsData:
    """Split the answers once per user-group option, so a control change only looks them up."""
    groups = {
        key: responses
        if members == "all"
        else responses.loc[responses["user_group"].isin(list(members))]
        for key, (_, members, _) in GROUPS.items()
    }
    return NeedsData(groups, assumptions)


def load() -> NeedsData:
    """The home-care study's answers and the management group's list (SYNTHETIC)."""
    return prepare(load_case("needs"), load_case("needs", table="assumptions"))


def answers_for(data: NeedsData, group: str, step: str = "all") -> pd.DataFrame:
    """The answers of a user-group option, at one step or all; too few answers are refused."""
    rows = data.groups[group]
    if step != "all":
        rows = rows.loc[rows["journey_step"] == step]
    if len(rows) < MIN_ANSWERS:
        where = "" if step == "all" else f" about '{step}'"
        msg = (
            f"No answers match this selection: only {len(rows)} answers from "
            f"{GROUPS[group][2]}{where}, too few to show; choose all steps or a broader user "
            "group."
        )
        raise SelectionError(msg)
    return rows


def _finish(text: str, group: str) -> str:
    """End a sentence with the synthetic-data label, and the staff note for staff."""
    return f"{text} ({SYNTHETIC}).{STAFF_NOTE if group == 'staff' else ''}"


def _ordinal(rank: int) -> str:
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(rank if rank < 20 else rank % 10, "th")
    return f"{rank}{suffix}"


# --- Satisfaction by step ---------------------------------------------------------------------


def satisfaction_sentence(table: pd.DataFrame, group: str, step: str) -> str:
    """The dips (all steps) or the chosen step against the lowest one."""
    who = GROUPS[group][2]
    ranked = table.sort_values("mean", kind="stable")
    lowest = ranked.iloc[0]
    if step == "all":
        second, rest = ranked.iloc[1], ranked.iloc[2:]
        text = (
            f"For {who}, satisfaction dips at two steps: '{lowest['step']}' "
            f"({num(lowest['mean'], 1)} of 5, {num(lowest['n'])} answers) and "
            f"'{second['step']}' ({num(second['mean'], 1)}, {num(second['n'])} answers); the "
            f"other steps average {num(rest['mean'].min(), 1)} to {num(rest['mean'].max(), 1)}"
        )
    elif step not in set(table["step"]):
        text = (
            f"Fewer than {MIN_ANSWERS} answers from {who} are about '{step}', too few to show; "
            f"the lowest step is '{lowest['step']}' ({num(lowest['mean'], 1)} of 5)"
        )
    else:
        row = table.loc[table["step"] == step].iloc[0]
        text = (
            f"At '{step}', {who} give a mean satisfaction of {num(row['mean'], 1)} of 5 "
            f"({num(row['n'])} answers, {pct(row['share_dissatisfied'])} dissatisfied); the "
            f"lowest step is '{lowest['step']}' ({num(lowest['mean'], 1)})"
        )
    return _finish(text, group)


def _satisfaction(data: NeedsData, group: str, step: str) -> View:
    table = satisfaction_by_step(answers_for(data, group), min_answers=MIN_ANSWERS)
    chart = Chart(
        "bar",
        table,
        "step",
        "mean",
        "Mean satisfaction at each step of the home-care journey (synthetic data)",
        "Step of the journey",
        "Mean satisfaction (1-5)",
        order=tuple(table["step"]),
    )
    means = "; ".join(f"{r.step} {num(r.mean, 1)}" for r in table.itertuples(index=False))
    alt = f"Bar chart of mean satisfaction (1-5) at each step for {GROUPS[group][2]}: {means}."
    shown = table.rename(
        columns={
            "step": "Step",
            "n": "Answers",
            "mean": "Mean satisfaction",
            "share_dissatisfied": "Dissatisfied (1-2)",
        }
    )
    formats = {"Mean satisfaction": "num1", "Dissatisfied (1-2)": "pct"}
    return View(chart, shown, satisfaction_sentence(table, group, step), alt, formats=formats)


# --- Problems named ---------------------------------------------------------------------------


def pain_sentence(ranking: pd.DataFrame, tops: pd.DataFrame | None, group: str, step: str) -> str:
    """The most named problem in the selection, and (all steps) the sharpest step."""
    who = GROUPS[group][2]
    top = ranking.iloc[0]
    where = "across the journey" if step == "all" else f"at '{step}'"
    text = (
        f"{where[:1].upper()}{where[1:]}, {num(top['count'])} of {num(top['answers'])} answers "
        f"from {who} ({pct(top['share'])}) named '{top['pain_point']}', the most common problem"
    )
    if tops is not None:
        sharp = tops.loc[tops["share"].idxmax()]
        text += (
            f"; the sharpest is '{sharp['pain_point']}' at '{sharp['step']}', named in "
            f"{pct(sharp['share'])} of {num(sharp['answers'])} answers"
        )
    return _finish(text, group)


def _pain_table(ranking: pd.DataFrame, tops: pd.DataFrame | None) -> pd.DataFrame:
    if tops is None:
        return ranking.rename(
            columns={
                "pain_point": "Problem named",
                "count": "Answers naming it",
                "share": "Share of answers",
            }
        )[["Problem named", "Answers naming it", "Share of answers"]]
    return tops.rename(
        columns={
            "step": "Step",
            "answers": "Answers",
            "pain_point": "Most named problem",
            "count": "Answers naming it",
            "share": "Share of answers",
        }
    )


def _pain(data: NeedsData, group: str, step: str) -> View:
    rows = answers_for(data, group, step)
    ranking = reported_ranking(rows)
    tops = top_pain_point_by_step(rows, min_answers=MIN_ANSWERS) if step == "all" else None
    chart = Chart(
        "hbar",
        ranking,
        "pain_point",
        "share",
        "Problems named, share of all answers (synthetic data)",
        "Problem named",
        "Share of answers",
        share=True,
        order=tuple(ranking["pain_point"]),
    )
    where = "across the journey" if step == "all" else f"at '{step}'"
    pairs = zip(ranking["pain_point"], ranking["share"], strict=True)
    shares = "; ".join(f"{p} {pct(v)}" for p, v in pairs)
    alt = f"Bar chart of the problems {GROUPS[group][2]} named {where}: {shares}."
    sentence = pain_sentence(ranking, tops, group, step)
    shown = _pain_table(ranking, tops)
    return View(chart, shown, sentence, alt, formats={"Share of answers": "pct"})


# --- Assumed against reported -----------------------------------------------------------------


def _label(pain_point: str, assumed: float) -> str:
    if pd.isna(assumed):
        return f"{pain_point} (not on the list)"
    return f"{pain_point} (management: {_ordinal(int(assumed))})"


def assumed_sentence(table: pd.DataFrame, group: str) -> str:
    """What the management group ranked first, where people put it, and what it missed."""
    who = GROUPS[group][2]
    first = table.loc[table["assumed_rank"] == 1].iloc[0]
    top = table.iloc[0]
    if pd.isna(first["reported_rank"]):
        placed = f"no one among {who} named it"
    else:
        placed = (
            f"{who} put it {_ordinal(int(first['reported_rank']))} ({pct(first['share'])} of "
            f"{num(first['answers'])} answers)"
        )
    missed = table.loc[table["assumed_rank"].isna() & (table["count"] > 0)]
    never = ""
    if not missed.empty:
        names = " and ".join(f"'{p}'" for p in missed["pain_point"])
        count = int(missed["count"].sum())
        never = f", and {num(count)} answer{'s' if count > 1 else ''} named {names}, which the "
        never += "group never listed"
    text = (
        f"The management group ranked '{first['pain_point']}' first; {placed}. They named "
        f"'{top['pain_point']}' most ({pct(top['share'])}){never}"
    )
    return _finish(text, group)


def _assumed(data: NeedsData, group: str, step: str) -> View:
    rows = answers_for(data, group, step)
    table = assumed_vs_reported(rows, data.assumptions)
    chart_data = table.assign(
        problem=[
            _label(p, a) for p, a in zip(table["pain_point"], table["assumed_rank"], strict=True)
        ]
    )
    where = "" if step == "all" else f" at {step}"
    chart = Chart(
        "hbar",
        chart_data,
        "problem",
        "share",
        f"Problems people named{where}, with the management group's rank (synthetic data)",
        "Problem named (management group's rank)",
        "Share of answers",
        share=True,
        order=tuple(chart_data["problem"]),
    )
    parts = "; ".join(
        f"{p}: {pct(v)}" for p, v in zip(chart_data["problem"], table["share"], strict=True)
    )
    alt = (
        f"Bar chart of the share of answers from {GROUPS[group][2]}{where} naming each problem, "
        f"labelled with the management group's rank. {parts}."
    )
    shown = table.rename(
        columns={
            "pain_point": "Problem",
            "assumed_rank": "Management's rank",
            "reported_rank": "Reported rank",
            "count": "Answers naming it",
            "share": "Share of answers",
            "rank_gap": "Rank gap",
        }
    ).drop(columns="answers")
    sentence = assumed_sentence(table, group)
    return View(chart, shown, sentence, alt, formats={"Share of answers": "pct"})


VIEWS: dict[str, tuple[str, Callable[[NeedsData, str, str], View]]] = {
    "satisfaction": ("Satisfaction by step", _satisfaction),
    "pain": ("Problems named", _pain),
    "assumed": ("Assumed vs reported problems", _assumed),
}


def view(data: NeedsData, show: str, group: str, step: str) -> View:
    """One view of the home-care study for a user group and one step or all."""
    return VIEWS[show][1](data, group, step)


SPEC = ExplorerSpec(
    case="needs",
    title="Home care in Ekdala: from assumption to insight (synthetic data)",
    look_for=(
        "Satisfaction dips when needs change and at the needs assessment. Switch to 'Problems "
        "named' and choose the step 'daily visits': meeting too many different staff is the "
        "main problem there. Then compare with the management group's list: waiting, its top "
        "problem, is not what users and relatives name most, and they name not being involved, "
        "which the group never listed."
    ),
    controls=(
        Choice(
            "show", "View", tuple((label, key) for key, (label, _) in VIEWS.items()), "satisfaction"
        ),
        Choice(
            "group",
            "User group",
            tuple((label, key) for key, (label, _, _) in GROUPS.items()),
            "all",
        ),
        Choice(
            "step",
            "Journey step",
            (("All steps", "all"), *((s.capitalize(), s) for s in STEPS)),
            "all",
            help="In the satisfaction view the chosen step is described in words.",
        ),
    ),
    load=load,
    view=view,
)
