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
from innolead.explorers.view import Chart, View, in_language
from innolead.format import count_of, num, pct
from innolead.i18n import N_, _, ngettext

_IDEAS = case_spec("portfolio").table("ideas")
DEPARTMENTS: tuple[str, ...] = _IDEAS.column("department").categories()
FACETS: tuple[str, ...] = _IDEAS.column("facet").categories()
#: Ideas submitted from this date have had less than two years to finish their journey.
CUTOFF = "2024-01-01"
#: A department needs this many ideas in the selection to be called the best converter.
MIN_IDEAS = 10
#: With fewer ideas in a step, the sentence gives no median or 90th percentile.
MIN_FOR_SPREAD = 5
SYNTHETIC = N_("synthetic data")
#: The case's departments, stages and facets as readers see them.
VALUE_NAMES = (
    N_("Elderly care and disability"),
    N_("Education"),
    N_("Social services"),
    N_("Urban development"),
    N_("Culture and leisure"),
    N_("Municipal executive office"),
    N_("submitted"),
    N_("screened"),
    N_("tested"),
    N_("implemented"),
    N_("spread"),
    N_("enhancement"),
    N_("mission-oriented"),
    N_("adaptive"),
    N_("anticipatory"),
    N_("Enhancement"),
    N_("Mission-oriented"),
    N_("Adaptive"),
    N_("Anticipatory"),
)
#: A facet's ideas in a sentence ("anticipatory ideas"; Swedish bends the adjective).
FACET_IDEAS = {
    "enhancement": N_("enhancement ideas"),
    "mission-oriented": N_("mission-oriented ideas"),
    "adaptive": N_("adaptive ideas"),
    "anticipatory": N_("anticipatory ideas"),
}


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
        if self.facet != "all":
            words = _(FACET_IDEAS[self.facet])
            words = words if count is None else _("{n} {ideas}").format(n=num(count), ideas=words)
        elif count is None:
            words = _("ideas")
        else:
            words = ngettext("{n} idea", "{n} ideas", count).format(n=num(count))
        if self.unit != "all":
            words = _("{ideas} from {department}").format(ideas=words, department=_(self.unit))
        if self.years != "all":
            words = _("{ideas} submitted before 2024").format(ideas=words)
        return words


def _step(step: str) -> str:
    """A step of the funnel ("screened → tested") in the course language."""
    return " → ".join(_(stage) for stage in step.split(" → "))


def best_clause(table: pd.DataFrame) -> str:
    """The clause "Urban development converts best, 45 %" from a ``conversion_by`` table."""
    try:
        best = best_row(table, min_ideas=MIN_IDEAS)
    except SelectionError:
        return _(
            "no department has {min_ideas} or more of these ideas, so every rate rests on few"
        ).format(min_ideas=MIN_IDEAS)
    return _("{department} converts best, {share}").format(
        department=_(best["group"]), share=pct(best["rate"])
    )


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
    best = "; " + best_clause(conversion_by(rows)) if scope.unit == "all" else ""
    sentence = _(
        "Of {ideas}, {reached} ({share}) reached implementation{best}. The smallest share moved "
        "on from {from_stage} to {to_stage} ({rate} of {started}) ({synthetic})."
    ).format(
        ideas=scope.ideas(len(rows)),
        reached=num(implemented["reached"]),
        share=pct(implemented["share_of_all"]),
        best=best,
        from_stage=_(stuck["from_stage"]),
        to_stage=_(stuck["to_stage"]),
        rate=pct(stuck["rate"]),
        started=num(stuck["started"]),
        synthetic=_(SYNTHETIC),
    )
    stages = table.assign(stage=in_language(table["stage"]))
    chart = Chart(
        "hbar",
        stages[["stage", "reached"]],
        "stage",
        "reached",
        _("How far ideas got by 31 December 2025 (synthetic data)"),
        _("Stage"),
        _("Ideas that reached the stage"),
        order=tuple(_(stage) for stage in STAGES),
    )
    counts = ", ".join(
        f"{s} {num(n)}" for s, n in zip(stages["stage"], stages["reached"], strict=True)
    )
    alt = _("Funnel bar chart of {ideas} by the stage they reached: {counts}.").format(
        ideas=scope.ideas(), counts=counts
    )
    share_all, share_previous = _("Share of all"), _("Share of previous stage")
    shown = stages.rename(
        columns={
            "stage": _("Stage"),
            "reached": _("Ideas that got this far"),
            "share_of_all": share_all,
            "conversion": share_previous,
        }
    )
    formats = {share_all: "pct", share_previous: "pct"}
    return View(chart, shown, sentence, alt, formats=formats)


def _rank_words(table: pd.DataFrame, scope: Scope) -> str:
    everyone = replace(scope, unit="all")
    if scope.unit not in set(table["group"]):
        return _("{department} has no {ideas} in this selection.").format(
            department=_(scope.unit), ideas=everyone.ideas()
        )
    row = table.loc[table["group"] == scope.unit].iloc[0]
    rank = int((table["rate"] > row["rate"]).sum()) + 1
    shared = int((table["rate"] == row["rate"]).sum()) > 1
    text = (
        _(
            "{department} implemented {reached} of its {total} {ideas} ({share}), rank {rank} "
            "(shared) of {departments} departments"
        )
        if shared
        else _(
            "{department} implemented {reached} of its {total} {ideas} ({share}), rank {rank} "
            "of {departments} departments"
        )
    )
    return text.format(
        department=_(scope.unit),
        reached=num(row["reached"]),
        total=num(row["ideas"]),
        ideas=everyone.ideas(),
        share=pct(row["rate"]),
        rank=rank,
        departments=len(table),
    )


def _extremes(table: pd.DataFrame, scope: Scope) -> str:
    top, low = table.iloc[0], table.iloc[-1]
    return _(
        "Of {ideas}, {top} implemented {top_count} ({top_share}) and {low} {low_count} "
        "({low_share})"
    ).format(
        ideas=scope.ideas(int(table["ideas"].sum())),
        top=_(top["group"]),
        top_count=count_of(top["reached"], top["ideas"]),
        top_share=pct(top["rate"]),
        low=_(low["group"]),
        low_count=count_of(low["reached"], low["ideas"]),
        low_share=pct(low["rate"]),
    )


def _conversion(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", facet=scope.facet)
    table = conversion_by(rows)
    everyone = replace(scope, unit="all")
    lead = _extremes(table, everyone) if scope.unit == "all" else _rank_words(table, scope)
    best = best_clause(table)
    shown_table = table.assign(group=in_language(table["group"]))
    chart = Chart(
        "hbar",
        shown_table,
        "group",
        "rate",
        _("Share of ideas that reached implementation, by department (synthetic data)"),
        _("Department"),
        _("Share of the department's ideas"),
        share=True,
        order=tuple(shown_table["group"]),
    )
    pairs = zip(shown_table["group"], table["rate"], strict=True)
    rates = "; ".join(f"{g} {pct(r)}" for g, r in pairs)
    alt = _("Bar chart of the share of {ideas} implemented, by department: {rates}.").format(
        ideas=everyone.ideas(), rates=rates
    )
    share = _("Share implemented")
    shown = shown_table.rename(
        columns={
            "group": _("Department"),
            "ideas": _("Ideas"),
            "reached": _("Implemented"),
            "rate": share,
        }
    )
    sentence = _("{lead}; {best} ({synthetic}).").format(
        lead=lead, best=best, synthetic=_(SYNTHETIC)
    )
    return View(chart, shown, sentence, alt, formats={share: "pct"})


def time_sentence(table: pd.DataFrame, scope: Scope) -> str:
    """The slowest step by median, with its spread when enough ideas made it."""
    slow = table.loc[table["median_days"].idxmax()]
    filtered = (scope.unit, scope.facet, scope.years) != ("all", "all", "all")
    lead = _("For {ideas}, the slowest step is {step}").format(
        ideas=scope.ideas() if filtered else _("all ideas"), step=_step(slow["step"])
    )
    if slow["ideas"] < MIN_FOR_SPREAD:
        return _(
            "{lead}, but only {n} of them made it, taking up to {max_days} days ({synthetic})."
        ).format(
            lead=lead,
            n=num(slow["ideas"]),
            max_days=num(slow["max_days"]),
            synthetic=_(SYNTHETIC),
        )
    return _(
        "{lead}: of the {n} that made it, half took {median} days or less and one in ten more "
        "than {p90} days ({synthetic})."
    ).format(
        lead=lead,
        n=num(slow["ideas"]),
        median=num(slow["median_days"]),
        p90=num(slow["p90_days"]),
        synthetic=_(SYNTHETIC),
    )


def _time(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(
        frames.years[scope.years], noun="ideas", department=scope.unit, facet=scope.facet
    )
    table = time_in_stage(rows)
    sentence = time_sentence(table, scope)
    steps = table.assign(step=table["step"].map(_step))
    data = pd.concat(
        [
            steps.assign(measure=_("Median (half took less)"), days=steps["median_days"]),
            steps.assign(
                measure=_("90th percentile (one in ten took more)"), days=steps["p90_days"]
            ),
        ],
        ignore_index=True,
    )[["step", "measure", "ideas", "days"]]
    chart = Chart(
        "hbar",
        data,
        "step",
        "days",
        _("Days from one stage to the next, for ideas that moved on (synthetic data)"),
        _("Step"),
        _("Days"),
        series="measure",
        order=tuple(steps["step"]),
    )
    parts = "; ".join(
        _("{step}: median {median}, 90th percentile {p90}").format(
            step=r.step, median=num(r.median_days), p90=num(r.p90_days)
        )
        for r in steps.itertuples(index=False)
    )
    alt = _("Bar chart of the days {ideas} took from one stage to the next. {parts}.").format(
        ideas=scope.ideas(), parts=parts
    )
    median, p90, longest = _("Median days"), _("90th percentile days"), _("Longest (days)")
    shown = steps.rename(
        columns={
            "step": _("Step"),
            "ideas": _("Ideas that moved on"),
            "median_days": median,
            "p90_days": p90,
            "max_days": longest,
        }
    )
    formats = {median: "num", p90: "num", longest: "num"}
    return View(chart, shown, sentence, alt, formats=formats)


def _mix_sentence(table: pd.DataFrame, scope: Scope, overall: float) -> str:
    everyone = replace(scope, facet="all")
    total = int(table["ideas"].sum())
    synthetic = _(SYNTHETIC)
    if scope.facet == "all":
        top = table.loc[table["ideas"].idxmax()]
        low = table.loc[table["rate"].idxmin()]
        return _(
            "Of {ideas}, {top_count} ({top_share}) are {top}; {low} were implemented least "
            "often, {low_count} ({low_rate}), against {overall} of all ({synthetic})."
        ).format(
            ideas=everyone.ideas(total),
            top_count=num(top["ideas"]),
            top_share=pct(top["share"]),
            top=_(top["group"]),
            low=_(FACET_IDEAS[low["group"]]),
            low_count=count_of(low["reached"], low["ideas"]),
            low_rate=pct(low["rate"]),
            overall=pct(overall),
            synthetic=synthetic,
        )
    if scope.facet not in set(table["group"]):
        return _("There are no {ideas} ({synthetic}).").format(
            ideas=scope.ideas(), synthetic=synthetic
        )
    row = table.loc[table["group"] == scope.facet].iloc[0]
    facet_ideas = _(FACET_IDEAS[scope.facet])
    return _(
        "{facet_ideas} are {count} of {ideas} ({share}); {reached} of them ({rate}) reached "
        "implementation, against {overall} of all ({synthetic})."
    ).format(
        facet_ideas=facet_ideas[:1].upper() + facet_ideas[1:],
        count=num(row["ideas"]),
        ideas=everyone.ideas(total),
        share=pct(row["share"]),
        reached=num(row["reached"]),
        rate=pct(row["rate"]),
        overall=pct(overall),
        synthetic=synthetic,
    )


def _mix(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", department=scope.unit)
    table = portfolio_mix(rows)
    overall = float(table["reached"].sum() / table["ideas"].sum())
    facets = table.assign(group=in_language(table["group"]))
    chart = Chart(
        "bar",
        facets,
        "group",
        "share",
        _("The portfolio's balance: share of ideas by OECD facet (synthetic data)"),
        _("OECD innovation facet"),
        _("Share of ideas"),
        share=True,
        order=tuple(facets["group"]),
    )
    parts = "; ".join(
        _("{facet} {share} of ideas, {rate} implemented").format(
            facet=r.group, share=pct(r.share), rate=pct(r.rate)
        )
        for r in facets.itertuples(index=False)
    )
    alt = _("Bar chart of {ideas} by OECD facet: {parts}.").format(
        ideas=replace(scope, facet="all").ideas(), parts=parts
    )
    share_ideas, share_implemented = _("Share of ideas"), _("Share implemented")
    shown = facets.rename(
        columns={
            "group": _("Facet"),
            "ideas": _("Ideas"),
            "share": share_ideas,
            "reached": _("Implemented"),
            "rate": share_implemented,
        }
    )
    formats = {share_ideas: "pct", share_implemented: "pct"}
    return View(chart, shown, _mix_sentence(table, scope, overall), alt, formats=formats)


def _benefit_sentence(table: pd.DataFrame, total: pd.Series, scope: Scope) -> str:
    synthetic = _(SYNTHETIC)
    if scope.unit == "all":
        return _(
            "The {n} implemented {ideas} with a benefit estimate were expected to bring "
            "{expected} million SEK a year and brought {realised} million, {ratio} of it; "
            "{below} of them brought less than expected ({synthetic})."
        ).format(
            n=num(total["ideas"]),
            ideas=scope.ideas(),
            expected=num(total["expected"] / 1e6, 1),
            realised=num(total["realised"] / 1e6, 1),
            ratio=pct(total["ratio"]),
            below=pct(total["share_below"]),
            synthetic=synthetic,
        )
    if scope.unit not in set(table["group"]):
        return _(
            "{department} has no implemented {ideas} with a benefit estimate in this selection "
            "({synthetic})."
        ).format(
            department=_(scope.unit), ideas=replace(scope, unit="all").ideas(), synthetic=synthetic
        )
    row = table.loc[table["group"] == scope.unit].iloc[0]
    return _(
        "The {n} implemented ideas with an estimate in {department} brought {ratio} of their "
        "expected benefit ({realised} of {expected} million SEK a year), against {total} for "
        "all departments ({synthetic})."
    ).format(
        n=num(row["ideas"]),
        department=_(scope.unit),
        ratio=pct(row["ratio"]),
        realised=num(row["realised"] / 1e6, 1),
        expected=num(row["expected"] / 1e6, 1),
        total=pct(total["ratio"]),
        synthetic=synthetic,
    )


def _benefit(frames: PortfolioData, scope: Scope) -> View:
    rows = filter_frame(frames.years[scope.years], noun="ideas", facet=scope.facet)
    table = benefit_realisation(rows, by="department")
    total = benefit_realisation(rows).iloc[0]
    departments = table.assign(group=in_language(table["group"]))
    data = pd.concat(
        [
            departments.assign(benefit=_("Expected"), msek=table["expected"] / 1e6),
            departments.assign(benefit=_("Realised"), msek=table["realised"] / 1e6),
        ],
        ignore_index=True,
    )[["group", "benefit", "ideas", "msek"]]
    chart = Chart(
        "hbar",
        data,
        "group",
        "msek",
        _("Expected and realised benefit of implemented ideas (synthetic data)"),
        _("Department"),
        _("Million SEK per year"),
        series="benefit",
        order=tuple(departments["group"]),
    )
    parts = "; ".join(
        _("{department} {share} of expected").format(department=r.group, share=pct(r.ratio))
        for r in departments.itertuples(index=False)
    )
    alt = _(
        "Bar chart of the expected and realised benefit per year of implemented ideas, by "
        "department. Realised as a share of expected: {parts}."
    ).format(parts=parts)
    shown = pd.concat([departments, total.to_frame().T.assign(group=_("All departments"))])
    expected, realised = _("Expected (MSEK/year)"), _("Realised (MSEK/year)")
    ratio, below = _("Realised of expected"), _("Below expected")
    shown = pd.DataFrame(
        {
            _("Department"): shown["group"].to_numpy(),
            _("Implemented ideas with an estimate"): shown["ideas"].astype(int).to_numpy(),
            expected: (shown["expected"].astype(float) / 1e6).to_numpy(),
            realised: (shown["realised"].astype(float) / 1e6).to_numpy(),
            ratio: shown["ratio"].astype(float).to_numpy(),
            below: shown["share_below"].astype(float).to_numpy(),
        }
    )
    formats = {expected: "num1", realised: "num1", ratio: "pct", below: "pct"}
    return View(chart, shown, _benefit_sentence(table, total, scope), alt, formats=formats)


VIEWS: dict[str, tuple[str, Callable[[PortfolioData, Scope], View]]] = {
    "funnel": (N_("Funnel: how far ideas got"), _funnel),
    "conversion": (N_("Conversion by department"), _conversion),
    "time": (N_("Time in each stage"), _time),
    "mix": (N_("Portfolio mix by facet"), _mix),
    "benefit": (N_("Expected and realised benefit"), _benefit),
}


def view(data: PortfolioData, show: str, unit: str, facet: str, years: str) -> View:
    """One view of the portfolio for a department, a facet and a span of years."""
    return VIEWS[show][1](data, Scope(unit, facet, years))


SPEC = ExplorerSpec(
    case="portfolio",
    title=N_(
        "Åbacka's idea portfolio: where ideas get stuck, and who converts them (synthetic data)"
    ),
    look_for=N_(
        "Only about 1 idea in 5 reaches implementation, and most are lost before a test. "
        "Switch to 'Conversion by department': Urban development converts far more of its "
        "ideas than the others. Then look at the facets: most ideas are enhancement, and "
        "anticipatory ideas are almost never implemented. Use 'Submitted before 2024' to see "
        "that recent ideas simply have not had time."
    ),
    controls=(
        Choice(
            "show", N_("View"), tuple((label, key) for key, (label, _) in VIEWS.items()), "funnel"
        ),
        Choice(
            "unit",
            N_("Department"),
            ((N_("All departments"), "all"), *((d, d) for d in DEPARTMENTS)),
            "all",
            help=N_("In the views that compare departments, the chosen one is described in words."),
        ),
        Choice(
            "facet",
            N_("OECD facet"),
            ((N_("All facets"), "all"), *((f.capitalize(), f) for f in FACETS)),
            "all",
            help=N_("In the portfolio mix, the chosen facet is described in words."),
        ),
        Choice(
            "years",
            N_("Ideas submitted"),
            (("2019-2025", "all"), (N_("Before 2024 (had time to finish)"), "before2024")),
            "all",
            toggle=True,
        ),
    ),
    load=load,
    view=view,
)
