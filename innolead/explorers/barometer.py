"""Explorer of the `barometer` case: who innovates, and what happens to their innovations?

The default view shows the share of workplaces that introduced at least one innovation, by
size band: about 8 of 10 did, and the share rises with the size of the workplace. Other
measures (the four types, collaboration, evaluation, spreading, effects) are shares of the
innovating workplaces, so the table always gives the base each share is computed on.
"""

from __future__ import annotations

import pandas as pd

from innolead.analysis.barometer import MEASURES, WORKPLACES, measure_share
from innolead.analysis.shares import filter_frame
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View
from innolead.format import num, pct

#: The measures a reader can choose, in menu order (keys of ``MEASURES``).
SHOWN_MEASURES = (
    "innovated",
    "type_process_org",
    "type_communication",
    "type_service",
    "type_product",
    "more_than_one_type",
    "origin_adapted",
    "collaboration_external",
    "collaborated_private",
    "evaluated",
    "evaluated_external",
    "spread_actively",
    "effect_quality",
    "effect_efficiency",
)

#: Per breakdown column: the axis title and how one group reads in a sentence.
BREAKDOWNS = {
    "size_band": ("Size band", "Workplace size (employees)", "{} employees"),
    "sector": ("Sector", "Sector", "{}"),
    "service_area": ("Service area", "Service area", "{}"),
    "municipality_group": ("Municipality group", "Municipality group", "{}"),
}

SECTORS = (
    ("All sectors", "all"),
    ("Municipalities", "municipality"),
    ("Regions", "region"),
    ("State agencies", "state"),
)

SYNTHETIC = "synthetic data calibrated to the Nordic barometers"
TOTAL = "All in selection"
#: Groups with fewer answers than this are flagged in the sentence as a small base.
SMALL_BASE = 30


def load() -> pd.DataFrame:
    """The barometer's workplaces (SYNTHETIC)."""
    return load_case("barometer")


def _table(groups: pd.DataFrame, total: pd.DataFrame, measure: str, by: str) -> pd.DataFrame:
    base = MEASURES[measure].base.capitalize()
    rows = groups
    if len(groups) > 1:
        rows = pd.concat([groups, total.assign(group=TOTAL)], ignore_index=True)
    return rows[["group", "n", "yes", "share"]].rename(
        columns={"group": BREAKDOWNS[by][0], "n": base, "yes": "Yes", "share": "Share"}
    )


def _group(row: pd.Series, by: str, base: str) -> str:
    """A group as the sentence names it ("1-9 employees"), flagged when its base is small."""
    name = BREAKDOWNS[by][2].format(row["group"])
    if row["n"] < SMALL_BASE:
        name += f", only {num(row['n'])} {base}"
    return name


def _range(groups: pd.DataFrame, by: str, base: str) -> str:
    """The lowest and highest group's share, or nothing when there is one group."""
    if len(groups) < 2:
        return ""
    low = groups.loc[groups["share"].idxmin()]
    high = groups.loc[groups["share"].idxmax()]
    return (
        f", ranging from {pct(low['share'])} ({_group(low, by, base)}) "
        f"to {pct(high['share'])} ({_group(high, by, base)})"
    )


def sentence(total: pd.DataFrame, groups: pd.DataFrame, measure: str, by: str) -> str:
    """The view's sentence: the overall share with its base, and the range over the groups."""
    spec = MEASURES[measure]
    row = total.iloc[0]
    return (
        f"In this selection {num(row['yes'])} of {num(row['n'])} {spec.base}, "
        f"{pct(row['share'])}, {spec.phrase}{_range(groups, by, spec.base)} ({SYNTHETIC})."
    )


def _alt(groups: pd.DataFrame, measure: str, by: str) -> str:
    spec = MEASURES[measure]
    pairs = zip(groups["group"], groups["share"], strict=True)
    shares = "; ".join(f"{group} {pct(value)}" for group, value in pairs)
    return (
        f"Bar chart of the share of {spec.base} that {spec.phrase}, by "
        f"{BREAKDOWNS[by][0].lower()}: {shares}."
    )


def view(data: pd.DataFrame, measure: str, by: str, sector: str) -> View:
    """The share for one measure, broken down by one grouping, in one sector or all."""
    frame = filter_frame(data, noun=WORKPLACES, sector=sector)
    groups = measure_share(frame, measure, by=by)
    total = measure_share(frame, measure)
    spec = MEASURES[measure]
    chart = Chart(
        kind="bar",
        data=groups[["group", "n", "yes", "share"]],
        x="group",
        y="share",
        title=f"{spec.label}: share of {spec.base} (synthetic data)",
        x_title=BREAKDOWNS[by][1],
        y_title=f"Share of {spec.base}",
        share=True,
        order=tuple(groups["group"]),
    )
    table = _table(groups, total, measure, by)
    formats = {"Share": "pct", table.columns[1]: "num", "Yes": "num"}
    return View(
        chart,
        table,
        sentence(total, groups, measure, by),
        _alt(groups, measure, by),
        formats=formats,
    )


SPEC = ExplorerSpec(
    case="barometer",
    title="The innovation barometer: who innovates, and what happens next (synthetic data)",
    look_for=(
        "About 8 of 10 workplaces introduced an innovation, more often the larger the "
        "workplace. Then switch the measure to 'Evaluated' or 'Actively spread': these are "
        "shares of the innovating workplaces only, and they are much lower. Check the base "
        "column before you trust a difference between small groups."
    ),
    controls=(
        Choice(
            "measure",
            "Measure",
            tuple((MEASURES[key].label, key) for key in SHOWN_MEASURES),
            "innovated",
            help="Innovation types and what followed are asked only of innovating workplaces.",
        ),
        Choice(
            "by",
            "Break down by",
            tuple((label, key) for key, (label, _, _) in BREAKDOWNS.items()),
            "size_band",
        ),
        Choice("sector", "Sector", SECTORS, "all"),
    ),
    load=load,
    view=view,
)
