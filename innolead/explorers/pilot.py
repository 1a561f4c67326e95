"""Explorer of the `pilot` case: how much of the fall in night-time hours did the cameras cause?

The default view shows the difference-in-differences estimate with its 95 % interval and, in
the sentence, the naive before/after change it corrects. The chart shows the monthly means of
the pilot and comparison areas, and dashed, what the chosen estimate assumes the pilot areas
would have done without cameras.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from innolead.analysis.counterfactual import (
    counterfactual,
    monthly_means,
    per_user,
    similar_baseline,
)
from innolead.analysis.effects import COMPARISON, TREATED, Estimate, estimates, estimates_table
from innolead.analysis.errors import SelectionError
from innolead.cases import load as load_case
from innolead.explorers.base import ExplorerSpec
from innolead.explorers.controls import Choice
from innolead.explorers.view import Chart, View
from innolead.format import num
from innolead.i18n import N_, _

#: Per outcome: column, what it is, its unit, decimals in text, table format.
OUTCOMES = {
    "hours": (
        "night_hours_per_user",
        N_("night-time staff hours"),
        N_("hours per user per month"),
        2,
    ),
    "cost": ("cost_per_user", N_("net night-time cost"), N_("SEK per user per month"), 0),
}
#: The outcomes as a chart title begins with them.
TITLES = {
    "hours": N_("Night-time staff hours by month; cameras from January 2024 (synthetic data)"),
    "cost": N_("Net night-time cost by month; cameras from January 2024 (synthetic data)"),
}
SERIES = {TREATED: N_("Pilot areas"), COMPARISON: N_("Comparison areas")}
ASSUMED = N_("Pilot areas without cameras, as the estimate assumes")
METHOD_LABELS = {
    "naive before/after": N_("Naive before/after (pilot areas only)"),
    "difference-in-differences": N_("Difference-in-differences"),
}
#: The estimates' names (``Estimate.method``) inside the chart's text alternative.
METHOD_NAMES = (N_("difference-in-differences"), N_("naive before/after"))


@dataclass(frozen=True)
class Selection:
    """For one choice of comparison areas and outcome: both estimates and the monthly means."""

    found: dict[str, Estimate]
    trend: pd.DataFrame


@dataclass(frozen=True)
class PilotData:
    """Each (comparison, outcome) selection or why it fails, the months' periods, the truth."""

    selections: dict[tuple[str, str], Selection | Unavailable]
    periods: pd.Series
    true_effect: float | None


@dataclass(frozen=True)
class Unavailable:
    """A selection the analysis cannot estimate; the view asks again, for the reason in words."""

    frame: pd.DataFrame
    comparison: str
    outcome: str


def _estimate(frame: pd.DataFrame, comparison: str, outcome: str) -> Selection:
    column = OUTCOMES[outcome][0]
    rows = similar_baseline(frame) if comparison == "similar" else frame
    return Selection(estimates(rows, column), monthly_means(rows, column))


def _select(frame: pd.DataFrame, comparison: str, outcome: str) -> Selection | Unavailable:
    try:
        return _estimate(frame, comparison, outcome)
    except SelectionError:
        return Unavailable(frame, comparison, outcome)


def prepare(observations: pd.DataFrame, truth: pd.DataFrame | None = None) -> PilotData:
    """What the explorer needs, from the case's two tables (``truth`` is optional).

    The estimates and monthly means depend only on the comparison areas and the outcome, so
    they are computed here once for each of the four combinations.
    """
    frame = per_user(observations, "cost_sek", name="cost_per_user")
    periods = frame.drop_duplicates("month").set_index("month")["period"].astype(str)
    pairs = [(c, o) for c in ("all", "similar") for o in OUTCOMES]
    selections = {(c, o): _select(frame, c, o) for c, o in pairs}
    effect = None
    if truth is not None:
        effect = float(truth.set_index("parameter").loc["true_effect", "value"])
    return PilotData(selections, periods, effect)


def load() -> PilotData:
    """The pilot case, ready for the explorer."""
    return prepare(load_case("pilot"), load_case("pilot", table="truth"))


def _chart(trend: pd.DataFrame, periods: pd.Series, method: str, outcome: str) -> Chart:
    assumed = counterfactual(trend, periods, method).assign(series=_(ASSUMED))
    series = {group: _(name) for group, name in SERIES.items()}
    observed = trend.assign(series=trend["group"].map(series))[["month", "series", "mean"]]
    data = pd.concat([observed, assumed[["month", "series", "mean"]]], ignore_index=True)
    data = data.rename(columns={"mean": "value"})
    title = _(TITLES[outcome])
    y_title = _(OUTCOMES[outcome][2]).capitalize()
    return Chart(
        "line", data, "month", "value", title, _("Month"), y_title, "series", dashed=(_(ASSUMED),)
    )


def _table(found: dict[str, Estimate], outcome: str, true_effect: float | None) -> pd.DataFrame:
    unit = _(OUTCOMES[outcome][2])
    table = estimates_table(found)
    table["method"] = table["method"].map(lambda m: _(METHOD_LABELS[m]))
    if outcome == "hours" and true_effect is not None:
        planted = {
            "method": _("Planted true effect (synthetic data only)"),
            "estimate": true_effect,
        }
        table = pd.concat([table, pd.DataFrame([planted])], ignore_index=True)
    return table.rename(
        columns={
            "method": _("Estimate"),
            "estimate": _("Effect ({unit})").format(unit=unit),
            "low": _("95 % interval from"),
            "high": _("95 % interval to"),
            "units": _("Areas used"),
        }
    )


def _signed(value: float, outcome: str) -> str:
    return num(value, OUTCOMES[outcome][3])


def _interval(estimate: Estimate, outcome: str) -> str:
    return _("95 % confidence interval {low} to {high}").format(
        low=_signed(estimate.low, outcome), high=_signed(estimate.high, outcome)
    )


def _truth_note(estimate: Estimate, outcome: str, true_effect: float | None) -> str:
    if outcome != "hours" or true_effect is None:
        return ""
    if estimate.contains(true_effect):
        note = _("The planted true effect, {effect} hours, lies inside this interval.")
    else:
        note = _("The planted true effect, {effect} hours, lies outside this interval.")
    return " " + note.format(effect=num(true_effect, 2))


def _zero_note(estimate: Estimate) -> str:
    if estimate.contains(0.0):
        return " " + _("The interval includes zero, so the data cannot rule out no effect at all.")
    return ""


def _did_sentence(did: Estimate, naive: Estimate, outcome: str, truth: float | None) -> str:
    what, unit = _(OUTCOMES[outcome][1]), _(OUTCOMES[outcome][2])
    comparison = naive.estimate - did.estimate
    first = _(
        "Compared with the change in {n_comparison} comparison areas, the cameras changed {what} "
        "by {effect} {unit} in the {n_treated} pilot areas ({interval}; synthetic data)."
    ).format(
        n_comparison=did.n_comparison,
        what=what,
        effect=_signed(did.estimate, outcome),
        unit=unit,
        n_treated=did.n_treated,
        interval=_interval(did, outcome),
    )
    last = _(
        "The naive before/after change in the pilot areas, {naive}, is {times} times as large, "
        "because the comparison areas changed by {comparison} without any cameras."
    ).format(
        naive=_signed(naive.estimate, outcome),
        times=num(naive.estimate / did.estimate, 1),
        comparison=_signed(comparison, outcome),
    )
    return f"{first}{_zero_note(did)}{_truth_note(did, outcome, truth)} {last}"


def _naive_sentence(naive: Estimate, did: Estimate, outcome: str, truth: float | None) -> str:
    what, unit = _(OUTCOMES[outcome][1]), _(OUTCOMES[outcome][2])
    comparison = naive.estimate - did.estimate
    first = _(
        "In the {n_treated} pilot areas, {what} changed by {effect} {unit} from the 12 months "
        "before to the 12 months after the start ({interval}; synthetic data)."
    ).format(
        n_treated=naive.n_treated,
        what=what,
        effect=_signed(naive.estimate, outcome),
        unit=unit,
        interval=_interval(naive, outcome),
    )
    last = _(
        "This naive figure misleads: the {n_comparison} comparison areas, without cameras, "
        "changed by {comparison} over the same months, so part of the change would have "
        "happened anyway. Difference-in-differences, which subtracts that change, gives {did}."
    ).format(
        n_comparison=did.n_comparison,
        comparison=_signed(comparison, outcome),
        did=_signed(did.estimate, outcome),
    )
    return f"{first}{_truth_note(naive, outcome, truth)} {last}"


def _alt(estimate: Estimate, outcome: str) -> str:
    what, unit = _(OUTCOMES[outcome][1]), _(OUTCOMES[outcome][2])
    return _(
        "Line chart of monthly mean {what} ({unit}) in the pilot and comparison areas, January "
        "2023 to December 2024. Both groups fall after the start in January 2024, the pilot "
        "areas from a higher level and by more. The dashed line shows where the pilot areas "
        "would be without cameras if the {method} estimate is right; its gap to the pilot "
        "areas' line, about {effect} {unit}, is the effect."
    ).format(
        what=what, unit=unit, method=_(estimate.method), effect=_signed(estimate.estimate, outcome)
    )


def view(data: PilotData, method: str, comparison: str, outcome: str) -> View:
    """The view for one state: estimate shown, comparison areas used and outcome."""
    chosen = data.selections[comparison, outcome]
    if isinstance(chosen, Unavailable):  # raises the SelectionError, in the course language
        chosen = _estimate(chosen.frame, chosen.comparison, chosen.outcome)
    found = chosen.found
    did, naive = found["did"], found["naive"]
    shown = did if method == "did" else naive
    if method == "did":
        sentence = _did_sentence(did, naive, outcome, data.true_effect)
    else:
        sentence = _naive_sentence(naive, did, outcome, data.true_effect)
    table = _table(found, outcome, data.true_effect)
    fmt = "num2" if outcome == "hours" else "num"
    areas = _("Areas used")
    formats = {c: fmt for c in table.columns if c not in (_("Estimate"), areas)}
    formats[areas] = "num"
    chart = _chart(chosen.trend, data.periods, method, outcome)
    return View(chart, table, sentence, _alt(shown, outcome), formats=formats)


SPEC = ExplorerSpec(
    case="pilot",
    title=N_("Digital night-time supervision in Lindåsa's home care: what did the pilot cause?"),
    look_for=N_(
        "Hours fell in the comparison areas too. Switch between the naive before/after figure "
        "and difference-in-differences, and see how much of the fall the cameras caused, and "
        "how sure we can be."
    ),
    controls=(
        Choice(
            "method",
            N_("Estimate"),
            ((N_("Difference-in-differences"), "did"), (N_("Naive before/after"), "naive")),
            "did",
            toggle=True,
            help=N_(
                "Naive: the change in the pilot areas alone. Difference-in-differences: that "
                "change minus the change in the comparison areas."
            ),
        ),
        Choice(
            "comparison",
            N_("Comparison areas"),
            ((N_("All comparison areas"), "all"), (N_("Similar starting level only"), "similar")),
            "all",
            help=N_(
                "Similar: comparison areas whose hours before the start lie within the range "
                "of the pilot areas'."
            ),
        ),
        Choice(
            "outcome",
            N_("Outcome"),
            (
                (N_("Night-time staff hours per user"), "hours"),
                (N_("Net cost per user (SEK)"), "cost"),
            ),
            "hours",
            toggle=True,
            help=N_("Net cost: staff hours at 520 SEK plus, in pilot areas, cameras and licences."),
        ),
    ),
    load=load,
    view=view,
)
