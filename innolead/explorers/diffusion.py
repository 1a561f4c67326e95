"""Explorer of the `diffusion` case: does the Bass model explain how the technology spread?

The reader sets the Bass coefficients p (outside influence) and q (imitation) and sees the
simulated curve (dashed) over the observed adoption of all municipalities or of one group.
The default shows coefficients close to the best fit for all 290 municipalities.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from innolead.analysis.adopters import category_shares
from innolead.analysis.diffusion import (
    BassFit,
    bass_curve,
    cumulative_adoption,
    fit_bass,
    mean_gap,
    peak_year,
    year_reaching,
)
from innolead.analysis.errors import SelectionError
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice, Slider
from innolead.explorers.view import Chart, View
from innolead.format import num, pct

FIRST_YEAR, LAST_YEAR = 2008, 2025
#: The explorer's groups: option label, how the sentence names them, municipality groups held.
GROUPS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "all": ("All municipalities", "municipalities", None),
    "city": (
        "Large cities and their commuter municipalities",
        "large cities and their commuter belt",
        ("large city", "commuter municipality near a large city"),
    ),
    "larger town": ("Larger towns", "larger towns", ("larger town",)),
    "small town": ("Small towns", "small towns", ("small town",)),
    "town commuter": (
        "Commuter municipalities near a town",
        "commuter municipalities near a town",
        ("commuter municipality near a town",),
    ),
    "rural": ("Rural municipalities", "rural municipalities", ("rural municipality",)),
}
OBSERVED = "Observed"
MODEL = "Bass model"


@dataclass(frozen=True)
class Selection:
    """A group's municipalities, its observed adoption curve and its best Bass fit."""

    frame: pd.DataFrame
    adoption: pd.DataFrame
    fit: BassFit


def _select(frame: pd.DataFrame, groups: tuple[str, ...] | None) -> Selection | str:
    rows = frame if groups is None else frame[frame["municipality_group"].isin(groups)]
    try:
        adoption = cumulative_adoption(rows, first=FIRST_YEAR, last=LAST_YEAR)
        return Selection(rows, adoption, fit_bass(adoption))
    except SelectionError as err:
        return str(err)


def prepare(frame: pd.DataFrame) -> dict[str, Selection | str]:
    """Each group's selection, or the reason it cannot be shown."""
    return {key: _select(frame, groups) for key, (_, _, groups) in GROUPS.items()}


def load() -> dict[str, Selection | str]:
    """The diffusion case, with each group's adoption curve and Bass fit precomputed."""
    return prepare(load_case("diffusion"))


def _year(value: int | None) -> str:
    return "not within these years" if value is None else str(value)


def _points(share: float) -> str:
    return f"{num(share * 100, 1)} percentage points"


def _long(adoption: pd.DataFrame, curve: pd.DataFrame, column: str) -> pd.DataFrame:
    observed = adoption[["year", column]].assign(series=OBSERVED)
    model = curve[["year", column]].assign(series=MODEL)
    return pd.concat([observed, model], ignore_index=True).rename(columns={column: "value"})


def _cumulative_view(
    chosen: Selection, curve: pd.DataFrame, p: float, q: float, label: str
) -> View:
    adoption, fit = chosen.adoption, chosen.fit
    best = bass_curve(adoption, fit.p, fit.q, fit.m)
    gap = mean_gap(adoption, curve)
    title = f"Share that have adopted, {label} (synthetic)"
    chart = Chart(
        kind="line",
        data=_long(adoption, curve, "share"),
        x="year",
        y="value",
        title=title,
        x_title="Year",
        y_title="Share of municipalities",
        series="series",
        share=True,
        dashed=(MODEL,),
    )
    table = pd.DataFrame(
        {
            "Curve": ["Your Bass curve (dashed)", "Best fit"],
            "p": [p, fit.p],
            "q": [q, fit.q],
            "Market potential m": [fit.m, fit.m],
            "Mean gap (percentage points)": [gap * 100, mean_gap(adoption, best) * 100],
            "Reaches 50 % in": pd.array([year_reaching(curve), year_reaching(best)], "Int64"),
        }
    )
    formats = {"p": "num3", "q": "num2", "Market potential m": "num"}
    formats["Mean gap (percentage points)"] = "num1"
    last = adoption.iloc[-1]
    sentence = (
        f"By {LAST_YEAR}, {int(last['cumulative'])} of the {label} ({pct(last['share'])}) had "
        f"adopted; the observed share passed 50 % in {_year(year_reaching(adoption))}. The "
        f"Bass curve with p = {p:.3f} and q = {q:.2f} (dashed; market potential held at the best "
        f"fit's {num(fit.m)} municipalities) is on average {_points(gap)} "
        f"from the observed share and reaches 50 % in {_year(year_reaching(curve))}. The best "
        f"fit is p = {fit.p:.3f} and q = {fit.q:.2f} (synthetic data)."
    )
    alt = (
        f"Line chart of the cumulative share of the {label} that had adopted, {FIRST_YEAR} to "
        f"{LAST_YEAR}, rising to {pct(last['share'])}, with a dashed Bass curve for p = {p:.3f} "
        f"and q = {q:.2f} that runs on average {_points(gap)} from the observed line."
    )
    return View(chart, table, sentence, alt, formats=formats)


def _yearly_view(chosen: Selection, curve: pd.DataFrame, p: float, q: float, label: str) -> View:
    adoption = chosen.adoption
    title = f"New adopters per year, {label} (synthetic)"
    chart = Chart(
        kind="line",
        data=_long(adoption, curve, "adopters"),
        x="year",
        y="value",
        title=title,
        x_title="Year",
        y_title="Municipalities starting that year",
        series="series",
        dashed=(MODEL,),
    )
    shares = category_shares(chosen.frame)
    table = pd.DataFrame(
        {
            "Adopter category": shares["category"].str.capitalize(),
            "First year": shares["first_year"],
            "Last year": shares["last_year"],
            "Adopters": shares["adopters"],
            "Share of adopters": shares["share"],
            "Rogers' share": shares["rogers_share"],
        }
    )
    formats = {"Share of adopters": "pct", "Rogers' share": "pct1"}
    observed_peak, model_peak = peak_year(adoption), peak_year(curve)
    peak_count = adoption.set_index("year").loc[observed_peak, "adopters"]
    model_count = curve.set_index("year").loc[model_peak, "adopters"]
    parts = [f"{pct(v)} {c}" for c, v in zip(shares["category"], shares["share"], strict=True)]
    listed = ", ".join(parts[:-1]) + f" and {parts[-1]}"
    sentence = (
        f"Among the {label}, the most started in {observed_peak} ({peak_count}); the Bass curve "
        f"with p = {p:.3f} and q = {q:.2f} (dashed) peaks in {model_peak} "
        f"({num(model_count)}). Cut by Rogers' rule, the {shares['adopters'].sum()} adopters "
        f"are {listed}, against Rogers' "
        "2.5, 13.5, 34, 34 and 16 % (synthetic data)."
    )
    alt = (
        f"Line chart of the number of the {label} starting each year, {FIRST_YEAR} to "
        f"{LAST_YEAR}, peaking in {observed_peak} with {peak_count}, with a dashed Bass curve "
        f"for p = {p:.3f} and q = {q:.2f} that peaks in {model_peak}."
    )
    return View(chart, table, sentence, alt, formats=formats)


def view(data: dict[str, Selection | str], p: float, q: float, group: str, show: str) -> View:
    """The view for one state: Bass p and q, the group of municipalities and the chart shown."""
    chosen = data[group]
    if isinstance(chosen, str):
        raise SelectionError(chosen)
    curve = bass_curve(chosen.adoption, p, q, chosen.fit.m)
    label = f"{len(chosen.frame)} {GROUPS[group][1]}"
    if show == "yearly":
        return _yearly_view(chosen, curve, p, q, label)
    return _cumulative_view(chosen, curve, p, q, label)


SPEC = ExplorerSpec(
    case="diffusion",
    title="How digital night-time supervision spread across 290 municipalities",
    look_for=(
        "The S-shape: a slow start, a steep middle and a long tail. Move p (outside influence) "
        "and q (imitation) and see which one moves the start and which the steepness; then "
        "compare the groups: which started early, and which are still waiting?"
    ),
    controls=(
        Slider(
            "p",
            "Innovation coefficient p",
            (0.002, 0.005, 0.01, 0.02, 0.03),
            0.01,
            help="Adoption from outside influence: the chance per year that a municipality "
            "starts regardless of how many others have.",
        ),
        Slider(
            "q",
            "Imitation coefficient q",
            (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
            0.4,
            fmt="{:.1f}",
            help="Adoption from imitation: how strongly earlier adopters pull the rest along.",
        ),
        Choice(
            "group",
            "Municipalities",
            tuple((option, key) for key, (option, _, _) in GROUPS.items()),
            "all",
        ),
        Choice(
            "show",
            "Show",
            (("Share that has adopted", "cumulative"), ("New adopters per year", "yearly")),
            "cumulative",
            toggle=True,
        ),
    ),
    load=load,
    view=view,
)
