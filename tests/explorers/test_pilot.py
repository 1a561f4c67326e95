"""The `pilot` explorer: every state shows what the effects functions compute for it."""

from __future__ import annotations

import html
import itertools

import pandas as pd
import pytest

from innolead import explore
from innolead.analysis.effects import (
    counterfactual,
    estimates,
    monthly_means,
    per_user,
    similar_baseline,
)
from innolead.cases import load
from innolead.explorers.pilot import ASSUMED, OUTCOMES, SERIES, SPEC, prepare
from innolead.format import num
from innolead.web.static_explorer import export

STATES = list(itertools.product(("did", "naive"), ("all", "similar"), ("hours", "cost")))


@pytest.fixture(scope="module")
def explorer():
    return explore("pilot")


@pytest.fixture(scope="module")
def observations() -> pd.DataFrame:
    return per_user(load("pilot"), "cost_sek", name="cost_per_user")


def _selection(observations: pd.DataFrame, comparison: str) -> pd.DataFrame:
    return similar_baseline(observations) if comparison == "similar" else observations


@pytest.mark.parametrize(("method", "comparison", "outcome"), STATES)
def test_pilot_explorer_table_matches_estimates(
    explorer, observations, method, comparison, outcome
):
    """Does the table hold the naive and DiD estimates and intervals of this state?"""
    view = explorer.set(method=method, comparison=comparison, outcome=outcome)
    found = estimates(_selection(observations, comparison), OUTCOMES[outcome][0])
    expected = [v for e in (found["naive"], found["did"]) for v in (e.estimate, e.low, e.high)]
    assert view.table.iloc[:2, 1:4].to_numpy().ravel() == pytest.approx(expected)


@pytest.mark.parametrize(("method", "comparison", "outcome"), STATES)
def test_pilot_explorer_sentence_states_estimate(
    explorer, observations, method, comparison, outcome
):
    """Does the sentence give the shown estimate and its 95 % interval, as formatted numbers?"""
    view = explorer.set(method=method, comparison=comparison, outcome=outcome)
    shown = estimates(_selection(observations, comparison), OUTCOMES[outcome][0])[method]
    decimals = OUTCOMES[outcome][3]
    expected = (
        f"by {num(shown.estimate, decimals)} {OUTCOMES[outcome][2]}",
        f"interval {num(shown.low, decimals)} to {num(shown.high, decimals)}",
    )
    assert all(part in view.sentence for part in expected)


@pytest.mark.parametrize(("method", "comparison", "outcome"), STATES)
def test_pilot_explorer_chart_matches_monthly_means(
    explorer, observations, method, comparison, outcome
):
    """Are the chart's solid lines the groups' monthly means and its dashed line the method's
    counterfactual?"""
    view = explorer.set(method=method, comparison=comparison, outcome=outcome)
    frame = _selection(observations, comparison)
    trend = monthly_means(frame, OUTCOMES[outcome][0])
    periods = frame.drop_duplicates("month").set_index("month")["period"].astype(str)
    expected = pd.concat(
        [
            trend.assign(series=trend["group"].map(SERIES))[["month", "series", "mean"]],
            counterfactual(trend, periods, method).assign(series=ASSUMED),
        ],
        ignore_index=True,
    )
    got = view.chart.data.set_index(["series", "month"])["value"].sort_index()
    want = expected.set_index(["series", "month"])["mean"].sort_index()
    assert got.to_numpy() == pytest.approx(want.to_numpy())


def test_pilot_explorer_sentence_widget_shows_sentence(explorer) -> None:
    """Does the sentence widget show the view's sentence?"""
    view = explorer.set(method="naive", comparison="all", outcome="hours")
    assert view.sentence in html.unescape(explorer.sentence.value)


def test_pilot_explorer_default_tells_main_story(observations) -> None:
    """Does the default view give the DiD estimate, say the truth lies inside its interval and
    contrast it with the naive change?"""
    found = estimates(observations, "night_hours_per_user")
    view = explore("pilot").view
    expected = (
        f"by {num(found['did'].estimate, 2)} hours",
        "lies inside this interval",
        f"naive before/after change in the pilot areas, {num(found['naive'].estimate, 2)}",
    )
    assert all(part in view.sentence for part in expected)


def test_pilot_explorer_naive_sentence_says_why_it_misleads(explorer) -> None:
    """Does the naive view say the figure misleads because the comparison areas changed too?"""
    view = explorer.set(method="naive", comparison="all", outcome="hours")
    assert "misleads: the 16 comparison areas, without cameras, changed by" in view.sentence


def test_pilot_explorer_every_exported_state_shows_something() -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    states = export(SPEC)["states"].values()
    assert all(s["sentence"] and (s["chart"] is not None or s["error"]) for s in states)


@pytest.fixture(scope="module")
def without_pilot_areas():
    """The explorer over data with the pilot areas removed."""
    observations = load("pilot")
    return explore("pilot", data=prepare(observations[observations["group"] == "comparison"]))


def test_pilot_explorer_without_pilot_areas_shows_message(without_pilot_areas) -> None:
    """With no pilot areas in the data, does the sentence say what is missing?"""
    assert "at least two pilot units" in without_pilot_areas.sentence.value


def test_pilot_explorer_without_pilot_areas_shows_no_chart(without_pilot_areas) -> None:
    """With no pilot areas in the data, is no chart shown?"""
    assert without_pilot_areas.chart.outputs == ()
