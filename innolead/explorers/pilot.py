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

#: Per outcome: column, what it is, its unit, decimals in text, table format.
OUTCOMES = {
    "hours": ("night_hours_per_user", "night-time staff hours", "hours per user per month", 2),
    "cost": ("cost_per_user", "net night-time cost", "SEK per user per month", 0),
}
SERIES = {TREATED: "Pilot areas", COMPARISON: "Comparison areas"}
ASSUMED = "Pilot areas without cameras, as the estimate assumes"
METHOD_LABELS = {
    "naive before/after": "Naive before/after (pilot areas only)",
    "difference-in-differences": "Difference-in-differences",
}


@dataclass(frozen=True)
class Selection:
    """For one choice of comparison areas and outcome: both estimates and the monthly means."""

    found: dict[str, Estimate]
    trend: pd.DataFrame


@dataclass(frozen=True)
class PilotData:
    """Each (comparison, outcome) selection or why it fails, the months' periods, the truth."""

    selections: dict[tuple[str, str], Selection | str]
    periods: pd.Series
    true_effect: float | None


def _select(frame: pd.DataFrame, comparison: str, outcome: str) -> Selection | str:
    column = OUTCOMES[outcome][0]
    try:
        rows = similar_baseline(frame) if comparison == "similar" else frame
        return Selection(estimates(rows, column), monthly_means(rows, column))
    except SelectionError as err:
        return str(err)


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
    _, what, unit, _ = OUTCOMES[outcome]
    assumed = counterfactual(trend, periods, method).assign(series=ASSUMED)
    observed = trend.assign(series=trend["group"].map(SERIES))[["month", "series", "mean"]]
    data = pd.concat([observed, assumed[["month", "series", "mean"]]], ignore_index=True)
    data = data.rename(columns={"mean": "value"})
    title = f"{what.capitalize()} by month; cameras from January 2024 (synthetic data)"
    y_title = unit.capitalize()
    return Chart(
        "line", data, "month", "value", title, "Month", y_title, "series", dashed=(ASSUMED,)
    )


def _table(found: dict[str, Estimate], outcome: str, true_effect: float | None) -> pd.DataFrame:
    unit = OUTCOMES[outcome][2]
    table = estimates_table(found)
    table["method"] = table["method"].map(METHOD_LABELS)
    if outcome == "hours" and true_effect is not None:
        planted = {"method": "Planted true effect (synthetic data only)", "estimate": true_effect}
        table = pd.concat([table, pd.DataFrame([planted])], ignore_index=True)
    return table.rename(
        columns={
            "method": "Estimate",
            "estimate": f"Effect ({unit})",
            "low": "95 % interval from",
            "high": "95 % interval to",
            "units": "Areas used",
        }
    )


def _signed(value: float, outcome: str) -> str:
    return num(value, OUTCOMES[outcome][3])


def _interval(estimate: Estimate, outcome: str) -> str:
    text = f"95 % confidence interval {_signed(estimate.low, outcome)} to "
    return text + _signed(estimate.high, outcome)


def _truth_note(estimate: Estimate, outcome: str, true_effect: float | None) -> str:
    if outcome != "hours" or true_effect is None:
        return ""
    where = "inside" if estimate.contains(true_effect) else "outside"
    return f" The planted true effect, {num(true_effect, 2)} hours, lies {where} this interval."


def _zero_note(estimate: Estimate) -> str:
    if estimate.contains(0.0):
        return " The interval includes zero, so the data cannot rule out no effect at all."
    return ""


def _did_sentence(did: Estimate, naive: Estimate, outcome: str, truth: float | None) -> str:
    _, what, unit, _ = OUTCOMES[outcome]
    comparison = naive.estimate - did.estimate
    return (
        f"Compared with the change in {did.n_comparison} comparison areas, the cameras changed "
        f"{what} by {_signed(did.estimate, outcome)} {unit} in the {did.n_treated} pilot areas "
        f"({_interval(did, outcome)}; synthetic data).{_zero_note(did)}"
        f"{_truth_note(did, outcome, truth)} The naive before/after change in the pilot areas, "
        f"{_signed(naive.estimate, outcome)}, is {naive.estimate / did.estimate:.1f} times as "
        f"large, because the comparison areas changed by {_signed(comparison, outcome)} "
        "without any cameras."
    )


def _naive_sentence(naive: Estimate, did: Estimate, outcome: str, truth: float | None) -> str:
    _, what, unit, _ = OUTCOMES[outcome]
    comparison = naive.estimate - did.estimate
    return (
        f"In the {naive.n_treated} pilot areas, {what} changed by "
        f"{_signed(naive.estimate, outcome)} {unit} from the 12 months before to the 12 months "
        f"after the start ({_interval(naive, outcome)}; synthetic data)."
        f"{_truth_note(naive, outcome, truth)} This naive figure misleads: the "
        f"{did.n_comparison} comparison areas, without cameras, changed by "
        f"{_signed(comparison, outcome)} over the same months, so part of the change would "
        "have happened anyway. Difference-in-differences, which subtracts that change, gives "
        f"{_signed(did.estimate, outcome)}."
    )


def _alt(estimate: Estimate, outcome: str) -> str:
    _, what, unit, _ = OUTCOMES[outcome]
    return (
        f"Line chart of monthly mean {what} ({unit}) in the pilot and comparison areas, January "
        "2023 to December 2024. Both groups fall after the start in January 2024, the pilot "
        "areas from a higher level and by more. The dashed line shows where the pilot areas "
        f"would be without cameras if the {estimate.method} estimate is right; its gap to the "
        f"pilot areas' line, about {_signed(estimate.estimate, outcome)} {unit}, is the effect."
    )


def view(data: PilotData, method: str, comparison: str, outcome: str) -> View:
    """The view for one state: estimate shown, comparison areas used and outcome."""
    chosen = data.selections[comparison, outcome]
    if isinstance(chosen, str):
        raise SelectionError(chosen)
    found = chosen.found
    did, naive = found["did"], found["naive"]
    shown = did if method == "did" else naive
    if method == "did":
        sentence = _did_sentence(did, naive, outcome, data.true_effect)
    else:
        sentence = _naive_sentence(naive, did, outcome, data.true_effect)
    table = _table(found, outcome, data.true_effect)
    fmt = "num2" if outcome == "hours" else "num"
    formats = {c: fmt for c in table.columns if c not in ("Estimate", "Areas used")}
    formats["Areas used"] = "num"
    chart = _chart(chosen.trend, data.periods, method, outcome)
    return View(chart, table, sentence, _alt(shown, outcome), formats=formats)


SPEC = ExplorerSpec(
    case="pilot",
    title="Digital night-time supervision in Lindåsa's home care: what did the pilot cause?",
    look_for=(
        "Hours fell in the comparison areas too. Switch between the naive before/after figure "
        "and difference-in-differences, and see how much of the fall the cameras caused, and "
        "how sure we can be."
    ),
    controls=(
        Choice(
            "method",
            "Estimate",
            (("Difference-in-differences", "did"), ("Naive before/after", "naive")),
            "did",
            toggle=True,
            help="Naive: the change in the pilot areas alone. Difference-in-differences: that "
            "change minus the change in the comparison areas.",
        ),
        Choice(
            "comparison",
            "Comparison areas",
            (("All comparison areas", "all"), ("Similar starting level only", "similar")),
            "all",
            help="Similar: comparison areas whose hours before the start lie within the range "
            "of the pilot areas'.",
        ),
        Choice(
            "outcome",
            "Outcome",
            (("Night-time staff hours per user", "hours"), ("Net cost per user (SEK)", "cost")),
            "hours",
            toggle=True,
            help="Net cost: staff hours at 520 SEK plus, in pilot areas, cameras and licences.",
        ),
    ),
    load=load,
    view=view,
)
