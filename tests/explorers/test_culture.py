"""Tests of the `culture` explorer: each state shows what the analysis functions return.

Expected values are computed here from ``innolead.analysis.scales`` directly, not through the
explorer's ``view``, so a wrong wiring between controls and analysis shows up as a failure.
"""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead.analysis.scales import (
    Correlation,
    correlation,
    group_rates,
    quartile_rates,
    reported_units,
    unit_table,
)
from innolead.analysis.shares import filter_frame
from innolead.cases import load
from innolead.explorers import Explorer, explore
from innolead.explorers.culture import SPEC
from innolead.format import num, pct
from innolead.web.static_explorer import export

STATES = [
    ("submitted_per_staff", "safety", "all", 5),
    ("implemented_per_staff", "safety", "all", 10),
    ("implementation_rate", "lead_invites_ideas", "all", 5),
    ("submitted_per_staff", "administration", "all", 15),
    ("implemented_per_staff", "safety", "education", 5),
    ("implementation_rate", "administration", "elder care", 5),
]


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return SPEC.load()


@pytest.fixture(scope="module")
def explorer(data: pd.DataFrame) -> Explorer:
    """One explorer for the state tests: each sets every control, so order does not matter."""
    return explore("culture", data=data)


def _expected(
    data: pd.DataFrame, outcome: str, grouping: str, administration: str, least: int
) -> tuple[pd.DataFrame, Correlation]:
    units = reported_units(filter_frame(data, administration=administration), least)
    if grouping == "administration":
        rates = group_rates(units, "administration", outcome, score="safety")
        return rates, correlation(units, "safety", outcome)
    return quartile_rates(units, outcome, score=grouping), correlation(units, grouping, outcome)


def _state(outcome: str, grouping: str, administration: str, least: int) -> dict:
    return {
        "outcome": outcome,
        "grouping": grouping,
        "administration": administration,
        "min_respondents": least,
    }


def test_culture_load_is_unit_table(data: pd.DataFrame) -> None:
    """Does the explorer load the 78-unit table that ``unit_table`` builds from the case?"""
    expected = unit_table(load("culture"), load("culture", table="units"))
    pd.testing.assert_frame_equal(data, expected)


@pytest.mark.parametrize(("outcome", "grouping", "administration", "least"), STATES)
def test_culture_chart_matches_analysis(
    data: pd.DataFrame,
    explorer: Explorer,
    outcome: str,
    grouping: str,
    administration: str,
    least: int,
) -> None:
    """Does the chart show each group's pooled rate as the analysis computes it?"""
    view = explorer.set(**_state(outcome, grouping, administration, least))
    rates, _ = _expected(data, outcome, grouping, administration, least)
    assert view.chart.data["group"].tolist() == rates["group"].tolist()
    assert view.chart.data["rate"].tolist() == pytest.approx(rates["rate"].tolist())
    assert view.chart.share == (outcome == "implementation_rate")


@pytest.mark.parametrize(("outcome", "grouping", "administration", "least"), STATES)
def test_culture_table_matches_analysis(
    data: pd.DataFrame,
    explorer: Explorer,
    outcome: str,
    grouping: str,
    administration: str,
    least: int,
) -> None:
    """Does the table give each group's units, staff, ideas and mean score?"""
    view = explorer.set(**_state(outcome, grouping, administration, least))
    rates, _ = _expected(data, outcome, grouping, administration, least)
    table = view.table
    assert table["Units"].tolist() == rates["units"].tolist()
    assert table["Staff"].tolist() == rates["staff"].tolist()
    assert table["Ideas submitted"].tolist() == rates["submitted"].tolist()
    assert table.iloc[:, -1].tolist() == pytest.approx(rates["mean_score"].tolist())


@pytest.mark.parametrize(("outcome", "grouping", "administration", "least"), STATES)
def test_culture_sentence_states_correlation(
    data: pd.DataFrame,
    explorer: Explorer,
    outcome: str,
    grouping: str,
    administration: str,
    least: int,
) -> None:
    """Does the sentence give r with its number of units, the caveat, and is it shown?"""
    view = explorer.set(**_state(outcome, grouping, administration, least))
    _, result = _expected(data, outcome, grouping, administration, least)
    assert f"across the {result.n} units" in view.sentence
    assert f"r = {result.r:.2f}" in view.sentence
    assert "a correlation, not proof of cause" in view.sentence
    assert view.sentence in html.unescape(explorer.sentence.value)


@pytest.mark.parametrize(("outcome", "grouping", "administration", "least"), STATES[:3])
def test_culture_sentence_compares_top_and_bottom(
    data: pd.DataFrame,
    explorer: Explorer,
    outcome: str,
    grouping: str,
    administration: str,
    least: int,
) -> None:
    """For quarters, does the sentence give the highest and lowest quarter's rates?"""
    view = explorer.set(**_state(outcome, grouping, administration, least))
    rates, _ = _expected(data, outcome, grouping, administration, least)
    show = pct if outcome == "implementation_rate" else (lambda value: num(value, 2))
    assert f"{show(rates['rate'].iloc[-1])}" in view.sentence
    assert f"against {show(rates['rate'].iloc[0])} in the lowest quarter" in view.sentence


def test_culture_default_shows_main_story(data: pd.DataFrame) -> None:
    """Does the default view show safer units submitting more ideas, with a moderate r?"""
    view = explore("culture", data=data).view
    rates = view.chart.data["rate"]
    assert view.chart.data["group"].iloc[-1] == "Highest quarter"
    assert rates.iloc[-1] > 2 * rates.iloc[0]
    assert "across the 78 units" in view.sentence
    assert "r = 0.38, a moderate link" in view.sentence


def test_culture_alt_lists_every_group(data: pd.DataFrame) -> None:
    """Does the text alternative name every group with its rate?"""
    view = explore("culture", data=data).view
    for group, rate in zip(view.chart.data["group"], view.chart.data["rate"], strict=True):
        assert f"{group} {num(rate, 2)}" in view.alt


@pytest.mark.parametrize(
    ("state", "reason"),
    [
        ({"administration": "culture and leisure", "min_respondents": 15}, "No units"),
        ({"administration": "central administration", "min_respondents": 10}, "Only 4 units"),
    ],
)
def test_culture_small_selection_shows_message(
    data: pd.DataFrame, state: dict, reason: str
) -> None:
    """Does a selection with too few units show a clear reason and no chart?"""
    explorer = explore("culture", data=data)
    view = explorer.set(**state)
    assert view.chart is None
    assert explorer.chart.outputs == ()
    assert reason in explorer.sentence.value


def test_culture_export_every_state_complete(data: pd.DataFrame) -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    exported = export(SPEC, data)
    assert len(exported["states"]) < 600
    for state in exported["states"].values():
        assert state["sentence"]
        assert (state["chart"] is None) == bool(state["error"])
