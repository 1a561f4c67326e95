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
from innolead.explorers.view import Chart, View, in_language
from innolead.format import count_of, num, pct
from innolead.i18n import N_, _, ngettext

STEPS: tuple[str, ...] = case_spec("needs").table("responses").column("journey_step").categories()
#: Per user-group option: its menu label, the groups it holds and how it reads in a sentence.
GROUPS: dict[str, tuple[str, tuple[str, ...] | str, str]] = {
    "all": (N_("All respondents"), "all", N_("all respondents")),
    "people": (N_("Users and relatives"), (*USERS, "relative"), N_("users and relatives")),
    "users": (N_("Older people (users)"), USERS, N_("older people receiving home care")),
    "alone": (
        N_("Older people living alone"),
        ("older person living alone",),
        N_("older people living alone"),
    ),
    "spouse": (
        N_("Older people living with a spouse"),
        ("older person living with spouse",),
        N_("older people living with a spouse"),
    ),
    "relative": (N_("Relatives"), ("relative",), N_("relatives")),
    "staff": (N_("Staff"), ("staff",), N_("staff")),
}
#: The journey's steps and the problems people name, as readers see them.
VALUE_NAMES = (
    N_("first contact"),
    N_("needs assessment"),
    N_("decision"),
    N_("start of care"),
    N_("daily visits"),
    N_("changes to care"),
    N_("ending"),
    N_("First contact"),
    N_("Needs assessment"),
    N_("Decision"),
    N_("Start of care"),
    N_("Daily visits"),
    N_("Changes to care"),
    N_("Ending"),
    N_("waiting"),
    N_("too many different staff"),
    N_("unclear information"),
    N_("time pressure"),
    N_("digital access"),
    N_("not involved"),
    N_("none"),
)
#: Staff answer a different question; the sentence says so.
STAFF_NOTE = N_("Staff rate how well each step works for the users.")
#: Fewer answers than this at a step are not shown (as in ``satisfaction_by_step``).
MIN_ANSWERS = 5
SYNTHETIC = N_("synthetic data")


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
        for key, (_label, members, _words) in GROUPS.items()
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
        if step == "all":
            msg = _(
                "No answers match this selection: only {n} answers from {who}, too few to show; "
                "choose all steps or a broader user group."
            ).format(n=len(rows), who=_(GROUPS[group][2]))
        else:
            msg = _(
                "No answers match this selection: only {n} answers from {who} about '{step}', "
                "too few to show; choose all steps or a broader user group."
            ).format(n=len(rows), who=_(GROUPS[group][2]), step=_(step))
        raise SelectionError(msg)
    return rows


def _finish(text: str, group: str) -> str:
    """End a sentence with the synthetic-data label, and the staff note for staff."""
    note = " " + _(STAFF_NOTE) if group == "staff" else ""
    return _("{text} ({synthetic}).").format(text=text, synthetic=_(SYNTHETIC)) + note


def _ordinal(rank: int) -> str:
    """1st, 2nd, 3rd (Swedish 1:a, 2:a, 3:e: the same cases, so the catalogue carries them)."""
    case = rank if rank < 20 else rank % 10
    forms = {1: _("{rank}st"), 2: _("{rank}nd"), 3: _("{rank}rd")}
    return forms.get(case, _("{rank}th")).format(rank=rank)


def _shown(table: pd.DataFrame, *columns: str) -> pd.DataFrame:
    """The table with the data values of ``columns`` in the course language."""
    return table.assign(**{c: in_language(table[c]) for c in columns})


# --- Satisfaction by step ---------------------------------------------------------------------


def satisfaction_sentence(table: pd.DataFrame, group: str, step: str) -> str:
    """The dips (all steps) or the chosen step against the lowest one."""
    who = _(GROUPS[group][2])
    ranked = table.sort_values("mean", kind="stable")
    lowest = ranked.iloc[0]
    if step == "all":
        second, rest = ranked.iloc[1], ranked.iloc[2:]
        text = _(
            "For {who}, satisfaction dips at two steps: '{lowest}' ({lowest_mean} of 5, "
            "{lowest_n} answers) and '{second}' ({second_mean}, {second_n} answers); the other "
            "steps average {rest_min} to {rest_max}"
        ).format(
            who=who,
            lowest=_(lowest["step"]),
            lowest_mean=num(lowest["mean"], 1),
            lowest_n=num(lowest["n"]),
            second=_(second["step"]),
            second_mean=num(second["mean"], 1),
            second_n=num(second["n"]),
            rest_min=num(rest["mean"].min(), 1),
            rest_max=num(rest["mean"].max(), 1),
        )
    elif step not in set(table["step"]):
        text = _(
            "Fewer than {min_answers} answers from {who} are about '{step}', too few to show; "
            "the lowest step is '{lowest}' ({lowest_mean} of 5)"
        ).format(
            min_answers=MIN_ANSWERS,
            who=who,
            step=_(step),
            lowest=_(lowest["step"]),
            lowest_mean=num(lowest["mean"], 1),
        )
    else:
        row = table.loc[table["step"] == step].iloc[0]
        text = _(
            "At '{step}', {who} give a mean satisfaction of {mean} of 5 ({n} answers, "
            "{dissatisfied} dissatisfied); the lowest step is '{lowest}' ({lowest_mean})"
        ).format(
            step=_(step),
            who=who,
            mean=num(row["mean"], 1),
            n=num(row["n"]),
            dissatisfied=pct(row["share_dissatisfied"]),
            lowest=_(lowest["step"]),
            lowest_mean=num(lowest["mean"], 1),
        )
    return _finish(text, group)


def _satisfaction(data: NeedsData, group: str, step: str) -> View:
    table = satisfaction_by_step(answers_for(data, group), min_answers=MIN_ANSWERS)
    shown_steps = _shown(table, "step")
    chart = Chart(
        "bar",
        shown_steps,
        "step",
        "mean",
        _("Mean satisfaction at each step of the home-care journey (synthetic data)"),
        _("Step of the journey"),
        _("Mean satisfaction (1-5)"),
        order=tuple(shown_steps["step"]),
    )
    means = "; ".join(f"{r.step} {num(r.mean, 1)}" for r in shown_steps.itertuples(index=False))
    alt = _("Bar chart of mean satisfaction (1-5) at each step for {who}: {means}.").format(
        who=_(GROUPS[group][2]), means=means
    )
    mean, dissatisfied = _("Mean satisfaction"), _("Dissatisfied (1-2)")
    shown = shown_steps.rename(
        columns={
            "step": _("Step"),
            "n": _("Answers"),
            "mean": mean,
            "share_dissatisfied": dissatisfied,
        }
    )
    formats = {mean: "num1", dissatisfied: "pct"}
    return View(chart, shown, satisfaction_sentence(table, group, step), alt, formats=formats)


# --- Problems named ---------------------------------------------------------------------------


def _where(step: str) -> str:
    return _("across the journey") if step == "all" else _("at '{step}'").format(step=_(step))


def pain_sentence(ranking: pd.DataFrame, tops: pd.DataFrame | None, group: str, step: str) -> str:
    """The most named problem in the selection, and (all steps) the sharpest step."""
    top = ranking.iloc[0]
    where = _where(step)
    text = _(
        "{where}, {count} answers from {who} ({share}) named '{problem}', the most common problem"
    ).format(
        where=where[:1].upper() + where[1:],
        count=count_of(top["count"], top["answers"]),
        who=_(GROUPS[group][2]),
        share=pct(top["share"]),
        problem=_(top["pain_point"]),
    )
    if tops is not None:
        sharp = tops.loc[tops["share"].idxmax()]
        text += _(
            "; the sharpest is '{problem}' at '{step}', named in {share} of {answers} answers"
        ).format(
            problem=_(sharp["pain_point"]),
            step=_(sharp["step"]),
            share=pct(sharp["share"]),
            answers=num(sharp["answers"]),
        )
    return _finish(text, group)


def _pain_table(ranking: pd.DataFrame, tops: pd.DataFrame | None) -> pd.DataFrame:
    named, naming, share = _("Problem named"), _("Answers naming it"), _("Share of answers")
    if tops is None:
        return _shown(ranking, "pain_point").rename(
            columns={"pain_point": named, "count": naming, "share": share}
        )[[named, naming, share]]
    return _shown(tops, "step", "pain_point").rename(
        columns={
            "step": _("Step"),
            "answers": _("Answers"),
            "pain_point": _("Most named problem"),
            "count": naming,
            "share": share,
        }
    )


def _pain(data: NeedsData, group: str, step: str) -> View:
    rows = answers_for(data, group, step)
    ranking = reported_ranking(rows)
    tops = top_pain_point_by_step(rows, min_answers=MIN_ANSWERS) if step == "all" else None
    shown_ranking = _shown(ranking, "pain_point")
    chart = Chart(
        "hbar",
        shown_ranking,
        "pain_point",
        "share",
        _("Problems named, share of all answers (synthetic data)"),
        _("Problem named"),
        _("Share of answers"),
        share=True,
        order=tuple(shown_ranking["pain_point"]),
    )
    pairs = zip(shown_ranking["pain_point"], ranking["share"], strict=True)
    shares = "; ".join(f"{p} {pct(v)}" for p, v in pairs)
    alt = _("Bar chart of the problems {who} named {where}: {shares}.").format(
        who=_(GROUPS[group][2]), where=_where(step), shares=shares
    )
    sentence = pain_sentence(ranking, tops, group, step)
    shown = _pain_table(ranking, tops)
    return View(chart, shown, sentence, alt, formats={_("Share of answers"): "pct"})


# --- Assumed against reported -----------------------------------------------------------------


def _label(pain_point: str, assumed: float) -> str:
    if pd.isna(assumed):
        return _("{problem} (not on the list)").format(problem=_(pain_point))
    return _("{problem} (management: {rank})").format(
        problem=_(pain_point), rank=_ordinal(int(assumed))
    )


def _placed(first: pd.Series, who: str) -> str:
    if pd.isna(first["reported_rank"]):
        return _("no one among {who} named it").format(who=who)
    return _("{who} put it {rank} ({share} of {answers} answers)").format(
        who=who,
        rank=_ordinal(int(first["reported_rank"])),
        share=pct(first["share"]),
        answers=num(first["answers"]),
    )


def assumed_sentence(table: pd.DataFrame, group: str) -> str:
    """What the management group ranked first, where people put it, and what it missed."""
    who = _(GROUPS[group][2])
    first = table.loc[table["assumed_rank"] == 1].iloc[0]
    top = table.iloc[0]
    missed = table.loc[table["assumed_rank"].isna() & (table["count"] > 0)]
    never = ""
    if not missed.empty:
        names = _(" and ").join(_("'{problem}'").format(problem=_(p)) for p in missed["pain_point"])
        count = int(missed["count"].sum())
        never = ngettext(
            ", and {count} answer named {names}, which the group never listed",
            ", and {count} answers named {names}, which the group never listed",
            count,
        ).format(count=num(count), names=names)
    text = _(
        "The management group ranked '{first}' first; {placed}. They named '{top}' most "
        "({share}){never}"
    ).format(
        first=_(first["pain_point"]),
        placed=_placed(first, who),
        top=_(top["pain_point"]),
        share=pct(top["share"]),
        never=never,
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
    where = "" if step == "all" else " " + _("at {step}").format(step=_(step))
    chart = Chart(
        "hbar",
        chart_data,
        "problem",
        "share",
        _(
            "Problems people named{where}, with the management group's rank (synthetic data)"
        ).format(where=where),
        _("Problem named (management group's rank)"),
        _("Share of answers"),
        share=True,
        order=tuple(chart_data["problem"]),
    )
    parts = "; ".join(
        f"{p}: {pct(v)}" for p, v in zip(chart_data["problem"], table["share"], strict=True)
    )
    alt = _(
        "Bar chart of the share of answers from {who}{where} naming each problem, labelled with "
        "the management group's rank. {parts}."
    ).format(who=_(GROUPS[group][2]), where=where, parts=parts)
    shown = (
        _shown(table, "pain_point")
        .rename(
            columns={
                "pain_point": _("Problem"),
                "assumed_rank": _("Management's rank"),
                "reported_rank": _("Reported rank"),
                "count": _("Answers naming it"),
                "share": _("Share of answers"),
                "rank_gap": _("Rank gap"),
            }
        )
        .drop(columns="answers")
    )
    sentence = assumed_sentence(table, group)
    return View(chart, shown, sentence, alt, formats={_("Share of answers"): "pct"})


VIEWS: dict[str, tuple[str, Callable[[NeedsData, str, str], View]]] = {
    "satisfaction": (N_("Satisfaction by step"), _satisfaction),
    "pain": (N_("Problems named"), _pain),
    "assumed": (N_("Assumed vs reported problems"), _assumed),
}


def view(data: NeedsData, show: str, group: str, step: str) -> View:
    """One view of the home-care study for a user group and one step or all."""
    return VIEWS[show][1](data, group, step)


SPEC = ExplorerSpec(
    case="needs",
    title=N_("Home care in Ekdala: from assumption to insight (synthetic data)"),
    look_for=N_(
        "Satisfaction dips when needs change and at the needs assessment. Switch to 'Problems "
        "named' and choose the step 'daily visits': meeting too many different staff is the "
        "main problem there. Then compare with the management group's list: waiting, its top "
        "problem, is not what users and relatives name most, and they name not being involved, "
        "which the group never listed."
    ),
    controls=(
        Choice(
            "show",
            N_("View"),
            tuple((label, key) for key, (label, _) in VIEWS.items()),
            "satisfaction",
        ),
        Choice(
            "group",
            N_("User group"),
            tuple((label, key) for key, (label, _, _) in GROUPS.items()),
            "all",
        ),
        Choice(
            "step",
            N_("Journey step"),
            ((N_("All steps"), "all"), *((s.capitalize(), s) for s in STEPS)),
            "all",
            help=N_("In the satisfaction view the chosen step is described in words."),
        ),
    ),
    load=load,
    view=view,
)
