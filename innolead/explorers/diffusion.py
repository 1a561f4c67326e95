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
from innolead.explorers.view import Chart, View, in_language
from innolead.format import num, pct
from innolead.i18n import N_, _

FIRST_YEAR, LAST_YEAR = 2008, 2025
#: The explorer's groups: option label, how the sentence names them, municipality groups held.
#: The first two are msgids; the sentence's words follow a count ("{n} small towns").
GROUPS: dict[str, tuple[str, str, tuple[str, ...] | None]] = {
    "all": (N_("All municipalities"), N_("{n} municipalities"), None),
    "city": (
        N_("Large cities and their commuter municipalities"),
        N_("{n} large cities and their commuter belt"),
        ("large city", "commuter municipality near a large city"),
    ),
    "larger town": (N_("Larger towns"), N_("{n} larger towns"), ("larger town",)),
    "small town": (N_("Small towns"), N_("{n} small towns"), ("small town",)),
    "town commuter": (
        N_("Commuter municipalities near a town"),
        N_("{n} commuter municipalities near a town"),
        ("commuter municipality near a town",),
    ),
    "rural": (N_("Rural municipalities"), N_("{n} rural municipalities"), ("rural municipality",)),
}
OBSERVED = N_("Observed")
MODEL = N_("Bass model")
#: Rogers' adopter categories, as the table and sentence show them.
CATEGORY_NAMES = (
    N_("innovators"),
    N_("early adopters"),
    N_("early majority"),
    N_("late majority"),
    N_("laggards"),
    N_("not yet adopted"),
)


@dataclass(frozen=True)
class Selection:
    """A group's municipalities, its observed adoption curve and its best Bass fit."""

    frame: pd.DataFrame
    adoption: pd.DataFrame
    fit: BassFit


@dataclass(frozen=True)
class Unfit:
    """A group whose curve cannot be fitted; the view asks again, for the reason in words."""

    rows: pd.DataFrame


def _fit(rows: pd.DataFrame) -> Selection:
    adoption = cumulative_adoption(rows, first=FIRST_YEAR, last=LAST_YEAR)
    return Selection(rows, adoption, fit_bass(adoption))


def _select(frame: pd.DataFrame, groups: tuple[str, ...] | None) -> Selection | Unfit:
    rows = frame if groups is None else frame[frame["municipality_group"].isin(groups)]
    try:
        return _fit(rows)
    except SelectionError:
        return Unfit(rows)


def prepare(frame: pd.DataFrame) -> dict[str, Selection | Unfit]:
    """Each group's selection, or the rows whose curve cannot be shown."""
    return {key: _select(frame, groups) for key, (_a, _b, groups) in GROUPS.items()}


def load() -> dict[str, Selection | Unfit]:
    """The diffusion case, with each group's adoption curve and Bass fit precomputed."""
    return prepare(load_case("diffusion"))


def _year(value: int | None) -> str:
    """When a curve passes 50 %: "in 2017", or "not within these years"."""
    return _("not within these years") if value is None else _("in {year}").format(year=value)


def _points(share: float) -> str:
    return _("{points} percentage points").format(points=num(share * 100, 1))


def _long(adoption: pd.DataFrame, curve: pd.DataFrame, column: str) -> pd.DataFrame:
    observed = adoption[["year", column]].assign(series=_(OBSERVED))
    model = curve[["year", column]].assign(series=_(MODEL))
    return pd.concat([observed, model], ignore_index=True).rename(columns={column: "value"})


def _curves_table(
    chosen: Selection, curve: pd.DataFrame, best: pd.DataFrame, p: float, q: float
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The reader's Bass curve beside the best fit, and how to format each column."""
    adoption, fit = chosen.adoption, chosen.fit
    potential, gap_column = _("Market potential m"), _("Mean gap (percentage points)")
    table = pd.DataFrame(
        {
            _("Curve"): [_("Your Bass curve (dashed)"), _("Best fit")],
            "p": [p, fit.p],
            "q": [q, fit.q],
            potential: [fit.m, fit.m],
            gap_column: [mean_gap(adoption, curve) * 100, mean_gap(adoption, best) * 100],
            _("Reaches 50 % in"): pd.array([year_reaching(curve), year_reaching(best)], "Int64"),
        }
    )
    return table, {"p": "num3", "q": "num2", potential: "num", gap_column: "num1"}


def _cumulative_view(
    chosen: Selection, curve: pd.DataFrame, p: float, q: float, label: str
) -> View:
    adoption, fit = chosen.adoption, chosen.fit
    best = bass_curve(adoption, fit.p, fit.q, fit.m)
    gap = mean_gap(adoption, curve)
    title = _("Share that have adopted, {group} (synthetic)").format(group=label)
    chart = Chart(
        kind="line",
        data=_long(adoption, curve, "share"),
        x="year",
        y="value",
        title=title,
        x_title=_("Year"),
        y_title=_("Share of municipalities"),
        series="series",
        share=True,
        dashed=(_(MODEL),),
    )
    table, formats = _curves_table(chosen, curve, best, p, q)
    last = adoption.iloc[-1]
    # What both the sentence and the text alternative say (each translated as a whole).
    facts = {
        "group": label,
        "last_year": LAST_YEAR,
        "share": pct(last["share"]),
        "p": num(p, 3),
        "q": num(q, 2),
        "gap": _points(gap),
    }
    sentence = _(
        "By {last_year}, {adopted} of the {group} ({share}) had adopted; the observed share "
        "passed 50 % {observed_half}. The Bass curve with p = {p} and q = {q} (dashed; market "
        "potential held at the best fit's {m} municipalities) is on average {gap} from the "
        "observed share and reaches 50 % {model_half}. The best fit is p = {best_p} and "
        "q = {best_q} (synthetic data)."
    ).format(
        **facts,
        adopted=int(last["cumulative"]),
        observed_half=_year(year_reaching(adoption)),
        m=num(fit.m),
        model_half=_year(year_reaching(curve)),
        best_p=num(fit.p, 3),
        best_q=num(fit.q, 2),
    )
    alt = _(
        "Line chart of the cumulative share of the {group} that had adopted, {first_year} to "
        "{last_year}, rising to {share}, with a dashed Bass curve for p = {p} and q = {q} that "
        "runs on average {gap} from the observed line."
    ).format(**facts, first_year=FIRST_YEAR)
    return View(chart, table, sentence, alt, formats=formats)


def _yearly_view(chosen: Selection, curve: pd.DataFrame, p: float, q: float, label: str) -> View:
    adoption = chosen.adoption
    title = _("New adopters per year, {group} (synthetic)").format(group=label)
    chart = Chart(
        kind="line",
        data=_long(adoption, curve, "adopters"),
        x="year",
        y="value",
        title=title,
        x_title=_("Year"),
        y_title=_("Municipalities starting that year"),
        series="series",
        dashed=(_(MODEL),),
    )
    shares = category_shares(chosen.frame)
    categories = in_language(shares["category"].astype(str))
    share_column, rogers = _("Share of adopters"), _("Rogers' share")
    table = pd.DataFrame(
        {
            _("Adopter category"): categories.str.capitalize(),
            _("First year"): shares["first_year"],
            _("Last year"): shares["last_year"],
            _("Adopters"): shares["adopters"],
            share_column: shares["share"],
            rogers: shares["rogers_share"],
        }
    )
    formats = {share_column: "pct", rogers: "pct1"}
    observed_peak, model_peak = peak_year(adoption), peak_year(curve)
    peak_count = adoption.set_index("year").loc[observed_peak, "adopters"]
    model_count = curve.set_index("year").loc[model_peak, "adopters"]
    parts = [f"{pct(v)} {c}" for c, v in zip(categories, shares["share"], strict=True)]
    listed = _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])
    # What both the sentence and the text alternative say (each translated as a whole).
    facts = {
        "group": label,
        "observed_peak": observed_peak,
        "peak_count": peak_count,
        "p": num(p, 3),
        "q": num(q, 2),
        "model_peak": model_peak,
    }
    sentence = _(
        "Among the {group}, the most started in {observed_peak} ({peak_count}); the Bass curve "
        "with p = {p} and q = {q} (dashed) peaks in {model_peak} ({model_count}). Cut by Rogers' "
        "rule, the {adopters} adopters are {listed}, against Rogers' 2.5, 13.5, 34, 34 and 16 % "
        "(synthetic data)."
    ).format(
        **facts, model_count=num(model_count), adopters=shares["adopters"].sum(), listed=listed
    )
    alt = _(
        "Line chart of the number of the {group} starting each year, {first_year} to "
        "{last_year}, peaking in {observed_peak} with {peak_count}, with a dashed Bass curve for "
        "p = {p} and q = {q} that peaks in {model_peak}."
    ).format(**facts, first_year=FIRST_YEAR, last_year=LAST_YEAR)
    return View(chart, table, sentence, alt, formats=formats)


def view(data: dict[str, Selection | Unfit], p: float, q: float, group: str, show: str) -> View:
    """The view for one state: Bass p and q, the group of municipalities and the chart shown."""
    chosen = data[group]
    if isinstance(chosen, Unfit):
        chosen = _fit(chosen.rows)  # raises the SelectionError, in the course language
    curve = bass_curve(chosen.adoption, p, q, chosen.fit.m)
    label = _(GROUPS[group][1]).format(n=len(chosen.frame))
    if show == "yearly":
        return _yearly_view(chosen, curve, p, q, label)
    return _cumulative_view(chosen, curve, p, q, label)


SPEC = ExplorerSpec(
    case="diffusion",
    title=N_("How digital night-time supervision spread across 290 municipalities"),
    look_for=N_(
        "The S-shape: a slow start, a steep middle and a long tail. Move p (outside influence) "
        "and q (imitation) and see which one moves the start and which the steepness; then "
        "compare the groups: which started early, and which are still waiting?"
    ),
    controls=(
        Slider(
            "p",
            N_("Innovation coefficient p"),
            (0.002, 0.005, 0.01, 0.02, 0.03),
            0.01,
            help=N_(
                "Adoption from outside influence: the chance per year that a municipality "
                "starts regardless of how many others have."
            ),
        ),
        Slider(
            "q",
            N_("Imitation coefficient q"),
            (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
            0.4,
            fmt="{:.1f}",
            help=N_("Adoption from imitation: how strongly earlier adopters pull the rest along."),
        ),
        Choice(
            "group",
            N_("Municipalities"),
            tuple((option, key) for key, (option, _, _) in GROUPS.items()),
            "all",
        ),
        Choice(
            "show",
            N_("Show"),
            ((N_("Share that has adopted"), "cumulative"), (N_("New adopters per year"), "yearly")),
            "cumulative",
            toggle=True,
        ),
    ),
    load=load,
    view=view,
)
