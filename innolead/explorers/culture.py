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
from innolead.explorers.view import Chart, View
from innolead.format import num, pct

#: Per outcome: its label, how a value reads in a sentence, and its table format.
OUTCOMES = {
    "submitted_per_staff": (
        "Ideas submitted per staff member",
        "submitted {} ideas per staff member",
        "num2",
    ),
    "implemented_per_staff": (
        "Ideas implemented per staff member",
        "implemented {} ideas per staff member",
        "num2",
    ),
    "implementation_rate": (
        "Share of submitted ideas implemented",
        "implemented {} of the ideas they submitted",
        "pct",
    ),
}

#: Per grouping: the menu label, the table's group heading, and the score the sentence names.
GROUPINGS = {
    "safety": ("Psychological safety (quarters)", "Safety quarter", "psychological safety"),
    "lead_invites_ideas": (
        "Manager asks for ideas (quarters)",
        "Manager-asks-for-ideas quarter",
        "how often the manager asks for ideas",
    ),
    "administration": ("Administration", "Administration", "psychological safety"),
}

#: The administrations, in the order the case documents them.
ADMINISTRATIONS = get_case("culture").table("units").column("administration").categories()

CAVEAT = "synthetic data; a correlation, not proof of cause"


def load() -> pd.DataFrame:
    """One row per unit with at least 5 respondents: mean safety, manager items, idea rates."""
    return unit_table(load_case("culture"), load_case("culture", table="units"), MIN_RESPONDENTS)


def _value(value: float, outcome: str) -> str:
    return pct(value) if OUTCOMES[outcome][2] == "pct" else num(value, 2)


def _noun(outcome: str) -> str:
    """The outcome inside a sentence: "ideas submitted per staff member", "the share of ..."."""
    label = OUTCOMES[outcome][0].lower()
    return f"the {label}" if OUTCOMES[outcome][2] == "pct" else label


def _rates(units: pd.DataFrame, outcome: str, grouping: str) -> pd.DataFrame:
    if grouping == "administration":
        return group_rates(units, "administration", outcome, score="safety")
    return quartile_rates(units, outcome, score=grouping)


def _comparison(rates: pd.DataFrame, outcome: str, grouping: str) -> str:
    """The first half of the sentence: top against bottom group, or the one group's value."""
    _, verb, _ = OUTCOMES[outcome]
    if grouping != "administration":
        top, bottom = rates.iloc[-1], rates.iloc[0]
        return (
            f"Units in the highest quarter for {GROUPINGS[grouping][2]} ({top['units']} units) "
            f"{verb.format(_value(top['rate'], outcome))}, against "
            f"{_value(bottom['rate'], outcome)} in the lowest quarter ({bottom['units']} units)"
        )
    if len(rates) == 1:
        row = rates.iloc[0]
        return f"Units in {row['group']} ({row['units']} units) " + verb.format(
            _value(row["rate"], outcome)
        )
    low = rates.loc[rates["rate"].idxmin()]
    high = rates.loc[rates["rate"].idxmax()]
    return (
        f"{OUTCOMES[outcome][0]} ranges from {_value(low['rate'], outcome)} in "
        f"{low['group']} ({low['units']} units) to {_value(high['rate'], outcome)} in "
        f"{high['group']} ({high['units']} units)"
    )


def sentence(rates: pd.DataFrame, units: pd.DataFrame, outcome: str, grouping: str) -> str:
    """The view's sentence: the group comparison, then the unit-level correlation."""
    score = "safety" if grouping == "administration" else grouping
    result = correlation(units, score, outcome)
    return (
        f"{_comparison(rates, outcome, grouping)}; across the {result.n} units, the "
        f"correlation between {GROUPINGS[grouping][2]} and {_noun(outcome)} is "
        f"r = {result.r:.2f}, {strength(result.r)} ({CAVEAT})."
    )


def _table(rates: pd.DataFrame, outcome: str, grouping: str) -> tuple[pd.DataFrame, dict]:
    label, _, fmt = OUTCOMES[outcome]
    score = "Mean safety (1-7)"
    if grouping == "lead_invites_ideas":
        score = "Mean 'manager asks for ideas' (1-7)"
    table = rates.rename(
        columns={
            "group": GROUPINGS[grouping][1],
            "units": "Units",
            "staff": "Staff",
            "submitted": "Ideas submitted",
            "implemented": "Ideas implemented",
            "rate": label,
            "mean_score": score,
        }
    )
    formats = {label: fmt, score: "num2", "Staff": "num", "Ideas submitted": "num"}
    return table, formats


def _alt(rates: pd.DataFrame, outcome: str, grouping: str) -> str:
    pairs = zip(rates["group"], rates["rate"], strict=True)
    values = "; ".join(f"{group} {_value(rate, outcome)}" for group, rate in pairs)
    return (
        f"Bar chart of {OUTCOMES[outcome][0].lower()} for units grouped by "
        f"{GROUPINGS[grouping][0].lower()}: {values}."
    )


def view(
    data: pd.DataFrame, outcome: str, grouping: str, administration: str, min_respondents: int
) -> View:
    """An idea outcome per group of units, with the unit-level correlation in the sentence."""
    units = filter_frame(data, noun="units", administration=administration)
    units = reported_units(units, min_respondents)
    rates = _rates(units, outcome, grouping)
    text = sentence(rates, units, outcome, grouping)
    label = OUTCOMES[outcome][0]
    chart = Chart(
        kind="bar",
        data=rates[["group", "units", "rate"]],
        x="group",
        y="rate",
        title=f"{label}, units grouped by {GROUPINGS[grouping][0].lower()} (synthetic data)",
        x_title=GROUPINGS[grouping][1],
        y_title=label,
        share=OUTCOMES[outcome][2] == "pct",
        order=tuple(rates["group"]),
    )
    table, formats = _table(rates, outcome, grouping)
    return View(chart, table, text, _alt(rates, outcome, grouping), formats=formats)


SPEC = ExplorerSpec(
    case="culture",
    title="Psychological safety and ideas in Strandvik's units (synthetic data)",
    look_for=(
        "Units where staff feel safer submit and implement more ideas: compare the highest "
        "and the lowest quarter, then read the correlation, which is moderate and noisy. It "
        "describes units; it does not show that safety causes ideas. Include only units with "
        "more respondents, or pick one administration, and watch how much fewer units move "
        "the picture."
    ),
    controls=(
        Choice(
            "outcome",
            "Outcome",
            tuple((label, key) for key, (label, _, _) in OUTCOMES.items()),
            "submitted_per_staff",
        ),
        Choice(
            "grouping",
            "Group units by",
            tuple((label, key) for key, (label, _, _) in GROUPINGS.items()),
            "safety",
        ),
        Choice(
            "administration",
            "Administration",
            (("All administrations", "all"), *((a.capitalize(), a) for a in ADMINISTRATIONS)),
            "all",
        ),
        Choice(
            "min_respondents",
            "Units included",
            (
                ("All units (5+ respondents)", 5),
                ("Units with 10+ respondents", 10),
                ("Units with 15+ respondents", 15),
            ),
            5,
            help="Real staff surveys report no unit with fewer than 5 respondents.",
        ),
    ),
    load=load,
    view=view,
)
