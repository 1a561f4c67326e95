"""Explorer of the `portfolio` case: where do Åbacka's ideas get stuck, and who converts them?

The default view is the whole funnel: of 320 ideas, 66 (21 %) reached implementation, the
fewest moved on from screened to tested, and Urban development converts the largest share of
its ideas. Other views compare the departments, show how long ideas wait in each stage, the
balance of the portfolio over the OECD facets, and realised against expected benefit. The
"Ideas submitted" toggle keeps only ideas old enough to have finished their journey.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pandas as pd

from innolead.analysis.errors import SelectionError
from innolead.analysis.funnel import (
    IMPLEMENTED,
    STAGES,
    benefit_realisation,
    best_row,
    conversion_by,
    funnel_counts,
    portfolio_mix,
    stage_conversion,
    submitted_before,
    time_in_stage,
)
from innolead.analysis.shares import filter_frame
from innolead.cases import get as case_spec
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View
from innolead.format import num, pct

_IDEAS = case_spec("portfolio").table("ideas")
DEPARTMENTS: tuple[str, ...] = _IDEAS.column("department").categories()
FACETS: tuple[str, ...] = _IDEAS.column("facet").categories()
#: Ideas submitted from this date have had less than two years to finish their journey.
CUTOFF = "2024-01-01"
#: A department needs this many ideas in the selection to be called the best converter.
MIN_IDEAS = 10
#: With fewer ideas in a step, the sentence gives no median or 90th percentile.
MIN_FOR_SPREAD = 5
SYNTHETIC = "synthetic data"


@dataclass(frozen=True)
class PortfolioData:
    """The ideas, all years and only those submitted before ``CUTOFF``."""

    years: dict[str, pd.DataFrame]


def prepare(ideas: pd.DataFrame) -> PortfolioData:
    """The ideas, and the older ideas prepared once for the years toggle."""
    return PortfolioData({"all": ideas, "before2024": submitted_before(ideas, CUTOFF)})


def load() -> PortfolioData:
    """Åbacka's ideas (SYNTHETIC), ready for the explorer."""
    return prepare(load_case("portfolio"))


@dataclass(frozen=True)
class Scope:
    """The selection in words: which department, facet and years."""

    unit: str
    facet: str
    years: str

    def ideas(self, count: int | None = None) -> str:
        """The selection in words: "47 ideas from Education", "anticipatory ideas"."""
        words = [] if count is None else [num(count)]
        words += [] if self.facet == "all" else [self.facet]
        words.append("idea" if count == 1 else "ideas")
        words += [] if self.unit == "all" else [f"from {self.unit}"]
        words += [] if self.years == "all" else ["submitted before 2024"]
        return " ".join(words)


def best_clause(table: pd.DataFrame) -> str:
    """The clause "Urban development converts best, 45 %" from a ``conversion_by`` table."""
    try:
        best = best_row(table, min_ideas=MIN_IDEAS)
    except SelectionError:
        return f"no department has {MIN_IDEAS} or more of these ideas, so every rate rests on few"
    return f"{best['group']} converts best, {pct(best['rate'])}"


def stuck_step(steps: pd.DataFrame) -> pd.Series:
    """The step up to implementation where the smallest share of ideas moved on."""
    upto = steps.loc[steps["to_stage"].map(STAGES.index) <= STAGES.index(IMPLEMENTED)]
    return upto.loc[upto["rate"].fillna(1.0).idxmin()]


def _funnel(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(
        frames.years[scope.years], noun="ideas", department=scope.unit, facet=scope.facet
    )
    table = funnel_counts(rows)
    stuck = stuck_step(stage_conversion(rows))
    implemented = table.set_index("stage").loc[IMPLEMENTED]
    best = f"; {best_clause(conversion_by(rows))}" if scope.unit == "all" else ""
    sentence = (
        f"Of {scope.ideas(len(rows))}, {num(implemented['reached'])} "
        f"({pct(implemented['share_of_all'])}) reached implementation{best}. The smallest "
        f"share moved on from {stuck['from_stage']} to {stuck['to_stage']} "
        f"({pct(stuck['rate'])} of {num(stuck['started'])}) ({SYNTHETIC})."
    )
    chart = Chart(
        "hbar",
        table[["stage", "reached"]],
        "stage",
        "reached",
        "How far ideas got by 31 December 2025 (synthetic data)",
        "Stage",
        "Ideas that reached the stage",
        order=STAGES,
    )
    counts = ", ".join(
        f"{s} {num(n)}" for s, n in zip(table["stage"], table["reached"], strict=True)
    )
    alt = f"Funnel bar chart of {scope.ideas()} by the stage they reached: {counts}."
    shown = table.rename(
        columns={
            "stage": "Stage",
            "reached": "Ideas that got this far",
            "share_of_all": "Share of all",
            "conversion": "Share of previous stage",
        }
    )
    formats = {"Share of all": "pct", "Share of previous stage": "pct"}
    return View(chart, shown, sentence, alt, formats=formats)


def _rank_words(table: pd.DataFrame, scope: Scope) -> str:
    if scope.unit not in set(table["group"]):
        return f"{scope.unit} has no {replace(scope, unit='all').ideas()} in this selection."
    row = table.loc[table["group"] == scope.unit].iloc[0]
    rank = int((table["rate"] > row["rate"]).sum()) + 1
    shared = " (shared)" if int((table["rate"] == row["rate"]).sum()) > 1 else ""
    return (
        f"{scope.unit} implemented {num(row['reached'])} of its {num(row['ideas'])} "
        f"{replace(scope, unit='all').ideas()} ({pct(row['rate'])}), rank {rank}{shared} of "
        f"{len(table)} departments"
    )


def _extremes(table: pd.DataFrame, scope: Scope) -> str:
    top, low = table.iloc[0], table.iloc[-1]
    return (
        f"Of {scope.ideas(int(table['ideas'].sum()))}, {top['group']} implemented "
        f"{num(top['reached'])} of {num(top['ideas'])} ({pct(top['rate'])}) and {low['group']} "
        f"{num(low['reached'])} of {num(low['ideas'])} ({pct(low['rate'])})"
    )


def _conversion(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", facet=scope.facet)
    table = conversion_by(rows)
    everyone = replace(scope, unit="all")
    lead = _extremes(table, everyone) if scope.unit == "all" else _rank_words(table, scope)
    best = best_clause(table)
    chart = Chart(
        "hbar",
        table,
        "group",
        "rate",
        "Share of ideas that reached implementation, by department (synthetic data)",
        "Department",
        "Share of the department's ideas",
        share=True,
        order=tuple(table["group"]),
    )
    rates = "; ".join(f"{g} {pct(r)}" for g, r in zip(table["group"], table["rate"], strict=True))
    alt = f"Bar chart of the share of {everyone.ideas()} implemented, by department: {rates}."
    shown = table.rename(
        columns={
            "group": "Department",
            "ideas": "Ideas",
            "reached": "Implemented",
            "rate": "Share implemented",
        }
    )
    sentence = f"{lead}; {best} ({SYNTHETIC})."
    return View(chart, shown, sentence, alt, formats={"Share implemented": "pct"})


def time_sentence(table: pd.DataFrame, scope: Scope) -> str:
    """The slowest step by median, with its spread when enough ideas made it."""
    slow = table.loc[table["median_days"].idxmax()]
    filtered = (scope.unit, scope.facet, scope.years) != ("all", "all", "all")
    lead = f"For {scope.ideas() if filtered else 'all ideas'}, the slowest step is {slow['step']}"
    if slow["ideas"] < MIN_FOR_SPREAD:
        return (
            f"{lead}, but only {num(slow['ideas'])} of them made it, taking up to "
            f"{num(slow['max_days'])} days ({SYNTHETIC})."
        )
    return (
        f"{lead}: of the {num(slow['ideas'])} that made it, half took "
        f"{num(slow['median_days'])} days or less and one in ten more than "
        f"{num(slow['p90_days'])} days ({SYNTHETIC})."
    )


def _time(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(
        frames.years[scope.years], noun="ideas", department=scope.unit, facet=scope.facet
    )
    table = time_in_stage(rows)
    sentence = time_sentence(table, scope)
    data = pd.concat(
        [
            table.assign(measure="Median (half took less)", days=table["median_days"]),
            table.assign(measure="90th percentile (one in ten took more)", days=table["p90_days"]),
        ],
        ignore_index=True,
    )[["step", "measure", "ideas", "days"]]
    chart = Chart(
        "hbar",
        data,
        "step",
        "days",
        "Days from one stage to the next, for ideas that moved on (synthetic data)",
        "Step",
        "Days",
        series="measure",
        order=tuple(table["step"]),
    )
    parts = "; ".join(
        f"{r.step}: median {num(r.median_days)}, 90th percentile {num(r.p90_days)}"
        for r in table.itertuples(index=False)
    )
    alt = f"Bar chart of the days {scope.ideas()} took from one stage to the next. {parts}."
    shown = table.rename(
        columns={
            "step": "Step",
            "ideas": "Ideas that moved on",
            "median_days": "Median days",
            "p90_days": "90th percentile days",
            "max_days": "Longest (days)",
        }
    )
    formats = {"Median days": "num", "90th percentile days": "num", "Longest (days)": "num"}
    return View(chart, shown, sentence, alt, formats=formats)


def _mix_sentence(table: pd.DataFrame, scope: Scope, overall: float) -> str:
    everyone = replace(scope, facet="all")
    total = int(table["ideas"].sum())
    if scope.facet == "all":
        top = table.loc[table["ideas"].idxmax()]
        low = table.loc[table["rate"].idxmin()]
        return (
            f"Of {everyone.ideas(total)}, {num(top['ideas'])} ({pct(top['share'])}) are "
            f"{top['group']}; {low['group']} ideas were implemented least often, "
            f"{num(low['reached'])} of {num(low['ideas'])} ({pct(low['rate'])}), against "
            f"{pct(overall)} of all ({SYNTHETIC})."
        )
    if scope.facet not in set(table["group"]):
        return f"There are no {scope.ideas()} ({SYNTHETIC})."
    row = table.loc[table["group"] == scope.facet].iloc[0]
    return (
        f"{scope.facet.capitalize()} ideas are {num(row['ideas'])} of {everyone.ideas(total)} "
        f"({pct(row['share'])}); {num(row['reached'])} of them ({pct(row['rate'])}) reached "
        f"implementation, against {pct(overall)} of all ({SYNTHETIC})."
    )


def _mix(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", department=scope.unit)
    table = portfolio_mix(rows)
    overall = float(table["reached"].sum() / table["ideas"].sum())
    chart = Chart(
        "bar",
        table,
        "group",
        "share",
        "The portfolio's balance: share of ideas by OECD facet (synthetic data)",
        "OECD innovation facet",
        "Share of ideas",
        share=True,
        order=tuple(table["group"]),
    )
    parts = "; ".join(
        f"{r.group} {pct(r.share)} of ideas, {pct(r.rate)} implemented"
        for r in table.itertuples(index=False)
    )
    alt = f"Bar chart of {replace(scope, facet='all').ideas()} by OECD facet: {parts}."
    shown = table.rename(
        columns={
            "group": "Facet",
            "ideas": "Ideas",
            "share": "Share of ideas",
            "reached": "Implemented",
            "rate": "Share implemented",
        }
    )
    formats = {"Share of ideas": "pct", "Share implemented": "pct"}
    return View(chart, shown, _mix_sentence(table, scope, overall), alt, formats=formats)


def _benefit_sentence(table: pd.DataFrame, total: pd.Series, scope: Scope) -> str:
    if scope.unit == "all":
        return (
            f"The {num(total['ideas'])} implemented {scope.ideas()} with a benefit estimate "
            f"were expected to bring {num(total['expected'] / 1e6, 1)} million SEK a year and "
            f"brought {num(total['realised'] / 1e6, 1)} million, {pct(total['ratio'])} of it; "
            f"{pct(total['share_below'])} of them brought less than expected ({SYNTHETIC})."
        )
    if scope.unit not in set(table["group"]):
        return (
            f"{scope.unit} has no implemented {replace(scope, unit='all').ideas()} with a "
            f"benefit estimate in this selection ({SYNTHETIC})."
        )
    row = table.loc[table["group"] == scope.unit].iloc[0]
    return (
        f"{scope.unit}'s {num(row['ideas'])} implemented ideas with an estimate brought "
        f"{pct(row['ratio'])} of their expected benefit ({num(row['realised'] / 1e6, 1)} of "
        f"{num(row['expected'] / 1e6, 1)} million SEK a year), against {pct(total['ratio'])} "
        f"for all departments ({SYNTHETIC})."
    )


def _benefit(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", facet=scope.facet)
    table = benefit_realisation(rows, by="department")
    total = benefit_realisation(rows).iloc[0]
    data = pd.concat(
        [
            table.assign(benefit="Expected", msek=table["expected"] / 1e6),
            table.assign(benefit="Realised", msek=table["realised"] / 1e6),
        ],
        ignore_index=True,
    )[["group", "benefit", "ideas", "msek"]]
    chart = Chart(
        "hbar",
        data,
        "group",
        "msek",
        "Expected and realised benefit of implemented ideas (synthetic data)",
        "Department",
        "Million SEK per year",
        series="benefit",
        order=tuple(table["group"]),
    )
    parts = "; ".join(
        f"{r.group} {pct(r.ratio)} of expected" for r in table.itertuples(index=False)
    )
    alt = (
        "Bar chart of the expected and realised benefit per year of implemented ideas, by "
        f"department. Realised as a share of expected: {parts}."
    )
    shown = pd.concat([table, total.to_frame().T.assign(group="All departments")])
    shown = pd.DataFrame(
        {
            "Department": shown["group"].to_numpy(),
            "Implemented ideas with an estimate": shown["ideas"].astype(int).to_numpy(),
            "Expected (MSEK/year)": (shown["expected"].astype(float) / 1e6).to_numpy(),
            "Realised (MSEK/year)": (shown["realised"].astype(float) / 1e6).to_numpy(),
            "Realised of expected": shown["ratio"].astype(float).to_numpy(),
            "Below expected": shown["share_below"].astype(float).to_numpy(),
        }
    )
    formats = {
        "Expected (MSEK/year)": "num1",
        "Realised (MSEK/year)": "num1",
        "Realised of expected": "pct",
        "Below expected": "pct",
    }
    return View(chart, shown, _benefit_sentence(table, total, scope), alt, formats=formats)


VIEWS: dict[str, tuple[str, Callable[[PortfolioData, Scope], View]]] = {
    "funnel": ("Funnel: how far ideas got", _funnel),
    "conversion": ("Conversion by department", _conversion),
    "time": ("Time in each stage", _time),
    "mix": ("Portfolio mix by facet", _mix),
    "benefit": ("Expected and realised benefit", _benefit),
}


def view(data: PortfolioData, show: str, unit: str, facet: str, years: str) -> View:
    """One view of the portfolio for a department, a facet and a span of years."""
    return VIEWS[show][1](data, Scope(unit, facet, years))


SPEC = ExplorerSpec(
    case="portfolio",
    title="Åbacka's idea portfolio: where ideas get stuck, and who converts them (synthetic data)",
    look_for=(
        "Only about 1 idea in 5 reaches implementation, and most are lost before a test. "
        "Switch to 'Conversion by department': Urban development converts far more of its "
        "ideas than the others. Then look at the facets: most ideas are enhancement, and "
        "anticipatory ideas are almost never implemented. Use 'Submitted before 2024' to see "
        "that recent ideas simply have not had time."
    ),
    controls=(
        Choice("show", "View", tuple((label, key) for key, (label, _) in VIEWS.items()), "funnel"),
        Choice(
            "unit",
            "Department",
            (("All departments", "all"), *((d, d) for d in DEPARTMENTS)),
            "all",
            help="In the views that compare departments, the chosen one is described in words.",
        ),
        Choice(
            "facet",
            "OECD facet",
            (("All facets", "all"), *((f.capitalize(), f) for f in FACETS)),
            "all",
            help="In the portfolio mix, the chosen facet is described in words.",
        ),
        Choice(
            "years",
            "Ideas submitted",
            (("2019-2025", "all"), ("Before 2024 (had time to finish)", "before2024")),
            "all",
            toggle=True,
        ),
    ),
    load=load,
    view=view,
)
