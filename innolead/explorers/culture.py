"""Explorer of the `culture` case: do units where staff feel safe produce more ideas?

The default view ranks the 78 units by their psychological-safety index and splits them into
four quarters: units in the safest quarter submitted about three times as many ideas per
staff member as units in the least safe quarter, and across units the correlation is moderate
(r about 0.4). The sentence always says that this is a correlation, not proof of cause.
"""

from __future__ import annotations

import pandas as pd

from innolead.analysis.relationships import (
    correlation,
    group_rates,
    quartile_rates,
    reported_units,
    strength,
)
from innolead.analysis.scales import MIN_RESPONDENTS, unit_table
from innolead.analysis.shares import filter_frame
from innolead.cases import get as get_case
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View, in_language
from innolead.format import num, pct
from innolead.i18n import N_, _, ngettext

#: Per outcome: its label, how a value reads in a sentence, and its table format (msgids).
OUTCOMES = {
    "submitted_per_staff": (
        N_("Ideas submitted per staff member"),
        N_("submitted {value} ideas per staff member"),
        "num2",
    ),
    "implemented_per_staff": (
        N_("Ideas implemented per staff member"),
        N_("implemented {value} ideas per staff member"),
        "num2",
    ),
    "implementation_rate": (
        N_("Share of submitted ideas implemented"),
        N_("implemented {value} of the ideas they submitted"),
        "pct",
    ),
}
#: How each outcome is named inside a sentence ("the correlation between ... and ...").
OUTCOME_NOUNS = {
    "submitted_per_staff": N_("ideas submitted per staff member"),
    "implemented_per_staff": N_("ideas implemented per staff member"),
    "implementation_rate": N_("the share of submitted ideas implemented"),
}

#: Per grouping: the menu label, the table's group heading, and the score the sentence names.
GROUPINGS = {
    "safety": (
        N_("Psychological safety (quarters)"),
        N_("Safety quarter"),
        N_("psychological safety"),
    ),
    "lead_invites_ideas": (
        N_("Manager asks for ideas (quarters)"),
        N_("Manager-asks-for-ideas quarter"),
        N_("how often the manager asks for ideas"),
    ),
    "administration": (N_("Administration"), N_("Administration"), N_("psychological safety")),
}
#: How units are grouped, inside the chart's title and the text alternative.
GROUPED_BY = {
    "safety": N_("psychological safety (quarters)"),
    "lead_invites_ideas": N_("manager asks for ideas (quarters)"),
    "administration": N_("administration"),
}

#: The administrations, in the order the case documents them.
ADMINISTRATIONS = get_case("culture").table("units").column("administration").categories()
#: The administrations as readers see them, in the chart and sentence and in the menu.
ADMINISTRATION_NAMES = (
    N_("central administration"),
    N_("community building"),
    N_("culture and leisure"),
    N_("education"),
    N_("elder care"),
    N_("social services"),
    N_("Central administration"),
    N_("Community building"),
    N_("Culture and leisure"),
    N_("Education"),
    N_("Elder care"),
    N_("Social services"),
)

CAVEAT = N_("synthetic data; a correlation, not proof of cause")


def load() -> pd.DataFrame:
    """One row per unit with at least 5 respondents: mean safety, manager items, idea rates."""
    return unit_table(load_case("culture"), load_case("culture", table="units"), MIN_RESPONDENTS)


def _value(value: float, outcome: str) -> str:
    return pct(value) if OUTCOMES[outcome][2] == "pct" else num(value, 2)


def _units(count: int) -> str:
    return ngettext("{count} unit", "{count} units", count).format(count=count)


def _rates(units: pd.DataFrame, outcome: str, grouping: str) -> pd.DataFrame:
    if grouping == "administration":
        rates = group_rates(units, "administration", outcome, score="safety")
    else:
        rates = quartile_rates(units, outcome, score=grouping)
    return rates.assign(group=in_language(rates["group"]))


def _comparison(rates: pd.DataFrame, outcome: str, grouping: str) -> str:
    """The first half of the sentence: top against bottom group, or the one group's value."""
    verb = _(OUTCOMES[outcome][1])
    if grouping != "administration":
        top, bottom = rates.iloc[-1], rates.iloc[0]
        return _(
            "Units in the highest quarter for {score} ({top_units}) {outcome}, against {bottom} "
            "in the lowest quarter ({bottom_units})"
        ).format(
            score=_(GROUPINGS[grouping][2]),
            top_units=_units(top["units"]),
            outcome=verb.format(value=_value(top["rate"], outcome)),
            bottom=_value(bottom["rate"], outcome),
            bottom_units=_units(bottom["units"]),
        )
    if len(rates) == 1:
        row = rates.iloc[0]
        return _("Units in {group} ({units}) {outcome}").format(
            group=row["group"],
            units=_units(row["units"]),
            outcome=verb.format(value=_value(row["rate"], outcome)),
        )
    low = rates.loc[rates["rate"].idxmin()]
    high = rates.loc[rates["rate"].idxmax()]
    return _(
        "{outcome} ranges from {low} in {low_group} ({low_units}) to {high} in {high_group} "
        "({high_units})"
    ).format(
        outcome=_(OUTCOMES[outcome][0]),
        low=_value(low["rate"], outcome),
        low_group=low["group"],
        low_units=_units(low["units"]),
        high=_value(high["rate"], outcome),
        high_group=high["group"],
        high_units=_units(high["units"]),
    )


def sentence(rates: pd.DataFrame, units: pd.DataFrame, outcome: str, grouping: str) -> str:
    """The view's sentence: the group comparison, then the unit-level correlation."""
    score = "safety" if grouping == "administration" else grouping
    result = correlation(units, score, outcome)
    return _(
        "{comparison}; across the {n} units, the correlation between {score} and {outcome} is "
        "r = {r}, {strength} ({caveat})."
    ).format(
        comparison=_comparison(rates, outcome, grouping),
        n=result.n,
        score=_(GROUPINGS[grouping][2]),
        outcome=_(OUTCOME_NOUNS[outcome]),
        r=num(result.r, 2),
        strength=strength(result.r),
        caveat=_(CAVEAT),
    )


def _table(rates: pd.DataFrame, outcome: str, grouping: str) -> tuple[pd.DataFrame, dict]:
    label, fmt = _(OUTCOMES[outcome][0]), OUTCOMES[outcome][2]
    score = _("Mean safety (1-7)")
    if grouping == "lead_invites_ideas":
        score = _("Mean 'manager asks for ideas' (1-7)")
    staff, submitted = _("Staff"), _("Ideas submitted")
    table = rates.rename(
        columns={
            "group": _(GROUPINGS[grouping][1]),
            "units": _("Units"),
            "staff": staff,
            "submitted": submitted,
            "implemented": _("Ideas implemented"),
            "rate": label,
            "mean_score": score,
        }
    )
    formats = {label: fmt, score: "num2", staff: "num", submitted: "num"}
    return table, formats


def _alt(rates: pd.DataFrame, outcome: str, grouping: str) -> str:
    pairs = zip(rates["group"], rates["rate"], strict=True)
    values = "; ".join(f"{group} {_value(rate, outcome)}" for group, rate in pairs)
    return _("Bar chart of {outcome} for units grouped by {grouping}: {values}.").format(
        outcome=_(OUTCOME_NOUNS[outcome]), grouping=_(GROUPED_BY[grouping]), values=values
    )


def view(
    data: pd.DataFrame, outcome: str, grouping: str, administration: str, min_respondents: int
) -> View:
    """An idea outcome per group of units, with the unit-level correlation in the sentence."""
    units = filter_frame(data, noun="units", administration=administration)
    units = reported_units(units, min_respondents)
    rates = _rates(units, outcome, grouping)
    text = sentence(rates, units, outcome, grouping)
    label = _(OUTCOMES[outcome][0])
    chart = Chart(
        kind="bar",
        data=rates[["group", "units", "rate"]],
        x="group",
        y="rate",
        title=_("{outcome}, units grouped by {grouping} (synthetic data)").format(
            outcome=label, grouping=_(GROUPED_BY[grouping])
        ),
        x_title=_(GROUPINGS[grouping][1]),
        y_title=label,
        share=OUTCOMES[outcome][2] == "pct",
        order=tuple(rates["group"]),
    )
    table, formats = _table(rates, outcome, grouping)
    return View(chart, table, text, _alt(rates, outcome, grouping), formats=formats)


SPEC = ExplorerSpec(
    case="culture",
    title=N_("Psychological safety and ideas in Strandvik's units (synthetic data)"),
    look_for=N_(
        "Units where staff feel safer submit and implement more ideas: compare the highest "
        "and the lowest quarter, then read the correlation, which is moderate and noisy. It "
        "describes units; it does not show that safety causes ideas. Include only units with "
        "more respondents, or pick one administration, and watch how much fewer units move "
        "the picture."
    ),
    controls=(
        Choice(
            "outcome",
            N_("Outcome"),
            tuple((label, key) for key, (label, _, _) in OUTCOMES.items()),
            "submitted_per_staff",
        ),
        Choice(
            "grouping",
            N_("Group units by"),
            tuple((label, key) for key, (label, _, _) in GROUPINGS.items()),
            "safety",
        ),
        Choice(
            "administration",
            N_("Administration"),
            (
                (N_("All administrations"), "all"),
                *((a.capitalize(), a) for a in ADMINISTRATIONS),
            ),
            "all",
        ),
        Choice(
            "min_respondents",
            N_("Units included"),
            (
                (N_("All units (5+ respondents)"), 5),
                (N_("Units with 10+ respondents"), 10),
                (N_("Units with 15+ respondents"), 15),
            ),
            5,
            help=N_("Real staff surveys report no unit with fewer than 5 respondents."),
        ),
    ),
    load=load,
    view=view,
)
