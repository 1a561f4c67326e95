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
from innolead.explorers.view import Chart, View, in_language
from innolead.format import count_of, num, pct
from innolead.i18n import N_, _

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

#: Per breakdown column: the menu label, the axis title and how one group reads in a sentence.
BREAKDOWNS = {
    "size_band": (N_("Size band"), N_("Workplace size (employees)"), N_("{group} employees")),
    "sector": (N_("Sector"), N_("Sector"), "{group}"),
    "service_area": (N_("Service area"), N_("Service area"), "{group}"),
    "municipality_group": (N_("Municipality group"), N_("Municipality group"), "{group}"),
}

SECTORS = (
    (N_("All sectors"), "all"),
    (N_("Municipalities"), "municipality"),
    (N_("Regions"), "region"),
    (N_("State agencies"), "state"),
)
#: The case's groups as the chart, table and sentence show them (size bands are numbers).
GROUP_NAMES = (
    N_("municipality"),
    N_("region"),
    N_("state"),
    N_("administration"),
    N_("culture and leisure"),
    N_("education"),
    N_("health and care"),
    N_("social services"),
    N_("technical services"),
    N_("large city"),
    N_("medium town"),
    N_("rural"),
)

SYNTHETIC = N_("synthetic data calibrated to the Nordic barometers")
TOTAL = N_("All in selection")
#: Groups with fewer answers than this are flagged in the sentence as a small base.
SMALL_BASE = 30


def load() -> pd.DataFrame:
    """The barometer's workplaces (SYNTHETIC)."""
    return load_case("barometer")


def _shown(groups: pd.DataFrame) -> pd.DataFrame:
    """The groups with their names in the course language."""
    return groups.assign(group=in_language(groups["group"]))


def _table(groups: pd.DataFrame, total: pd.DataFrame, measure: str, by: str) -> pd.DataFrame:
    base = _(MEASURES[measure].base).capitalize()
    rows = groups
    if len(groups) > 1:
        rows = pd.concat([groups, total.assign(group=_(TOTAL))], ignore_index=True)
    return rows[["group", "n", "yes", "share"]].rename(
        columns={"group": _(BREAKDOWNS[by][0]), "n": base, "yes": _("Yes"), "share": _("Share")}
    )


def _group(row: pd.Series, by: str, base: str) -> str:
    """A group as the sentence names it ("1-9 employees"), flagged when its base is small."""
    name = _(BREAKDOWNS[by][2]).format(group=row["group"])
    if row["n"] < SMALL_BASE:
        name += _(", only {n} {base}").format(n=num(row["n"]), base=base)
    return name


def _range(groups: pd.DataFrame, by: str, base: str) -> str:
    """The lowest and highest group's share, or nothing when there is one group."""
    if len(groups) < 2:
        return ""
    low = groups.loc[groups["share"].idxmin()]
    high = groups.loc[groups["share"].idxmax()]
    return _(", ranging from {low} ({low_group}) to {high} ({high_group})").format(
        low=pct(low["share"]),
        low_group=_group(low, by, base),
        high=pct(high["share"]),
        high_group=_group(high, by, base),
    )


def sentence(total: pd.DataFrame, groups: pd.DataFrame, measure: str, by: str) -> str:
    """The view's sentence: the overall share with its base, and the range over the groups."""
    spec = MEASURES[measure]
    row = total.iloc[0]
    base = _(spec.base)
    return _("In this selection {count} {base}, {share}, {phrase}{range} ({synthetic}).").format(
        count=count_of(row["yes"], row["n"]),
        base=base,
        share=pct(row["share"]),
        phrase=_(spec.phrase),
        range=_range(groups, by, base),
        synthetic=_(SYNTHETIC),
    )


def _alt(groups: pd.DataFrame, measure: str, by: str) -> str:
    spec = MEASURES[measure]
    pairs = zip(groups["group"], groups["share"], strict=True)
    shares = "; ".join(f"{group} {pct(value)}" for group, value in pairs)
    return _("Bar chart of the share of {base} that {phrase}, by {breakdown}: {shares}.").format(
        base=_(spec.base),
        phrase=_(spec.phrase),
        breakdown=_(BREAKDOWNS[by][0]).lower(),
        shares=shares,
    )


def view(data: pd.DataFrame, measure: str, by: str, sector: str) -> View:
    """The share for one measure, broken down by one grouping, in one sector or all."""
    frame = filter_frame(data, noun=WORKPLACES, sector=sector)
    groups = _shown(measure_share(frame, measure, by=by))
    total = measure_share(frame, measure)
    spec = MEASURES[measure]
    base = _(spec.base)
    chart = Chart(
        kind="bar",
        data=groups[["group", "n", "yes", "share"]],
        x="group",
        y="share",
        title=_("{measure}: share of {base} (synthetic data)").format(
            measure=_(spec.label), base=base
        ),
        x_title=_(BREAKDOWNS[by][1]),
        y_title=_("Share of {base}").format(base=base),
        share=True,
        order=tuple(groups["group"]),
    )
    table = _table(groups, total, measure, by)
    formats = {_("Share"): "pct", table.columns[1]: "num", _("Yes"): "num"}
    return View(
        chart,
        table,
        sentence(total, groups, measure, by),
        _alt(groups, measure, by),
        formats=formats,
    )


SPEC = ExplorerSpec(
    case="barometer",
    title=N_("The innovation barometer: who innovates, and what happens next (synthetic data)"),
    look_for=N_(
        "About 8 of 10 workplaces introduced an innovation, more often the larger the "
        "workplace. Then switch the measure to 'Evaluated' or 'Actively spread': these are "
        "shares of the innovating workplaces only, and they are much lower. Check the base "
        "column before you trust a difference between small groups."
    ),
    controls=(
        Choice(
            "measure",
            N_("Measure"),
            tuple((MEASURES[key].label, key) for key in SHOWN_MEASURES),
            "innovated",
            help=N_("Innovation types and what followed are asked only of innovating workplaces."),
        ),
        Choice(
            "by",
            N_("Break down by"),
            tuple((label, key) for key, (label, _, _) in BREAKDOWNS.items()),
            "size_band",
        ),
        Choice("sector", N_("Sector"), SECTORS, "all"),
    ),
    load=load,
    view=view,
)
