"""Tests of the `portfolio` explorer: each state shows what ``innolead.analysis.funnel`` returns.

Expected values are computed here from the analysis functions directly, not through the
explorer's ``view``, so a wrong wiring between controls and analysis shows up as a failure.
"""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead.analysis.funnel import (
    benefit_realisation,
    best_converter,
    conversion_by,
    funnel_counts,
    portfolio_mix,
    submitted_before,
    time_in_stage,
)
from innolead.analysis.shares import filter_frame
from innolead.explorers import Explorer, explore
from innolead.explorers.portfolio import SPEC, PortfolioData, prepare
from innolead.format import num, pct
from innolead.web.static_explorer import export

UNITS_FACETS_YEARS = [
    ("all", "all", "all"),
    ("Education", "all", "all"),
    ("all", "enhancement", "before2024"),
    ("Urban development", "adaptive", "all"),
    ("Social services", "all", "before2024"),
]


@pytest.fixture(scope="module")
def data() -> PortfolioData:
    return SPEC.load()


@pytest.fixture(scope="module")
def explorer(data: PortfolioData) -> Explorer:
    """One explorer for the state tests: each sets every control, so order does not matter."""
    return explore("portfolio", data=data)


def _ideas(data: PortfolioData, years: str) -> pd.DataFrame:
    ideas = data.years["all"]
    return ideas if years == "all" else submitted_before(ideas, "2024-01-01")


def _selected(data: PortfolioData, unit: str, facet: str, years: str) -> pd.DataFrame:
    return filter_frame(_ideas(data, years), department=unit, facet=facet)


@pytest.mark.parametrize(("unit", "facet", "years"), UNITS_FACETS_YEARS)
def test_portfolio_funnel_matches_analysis(
    data: PortfolioData, explorer: Explorer, unit: str, facet: str, years: str
) -> None:
    """Does the funnel chart show the counts ``funnel_counts`` gives for the selection?"""
    view = explorer.set(show="funnel", unit=unit, facet=facet, years=years)
    expected = funnel_counts(_selected(data, unit, facet, years))
    assert view.chart.data["reached"].tolist() == expected["reached"].tolist()
    assert view.table["Ideas that got this far"].tolist() == expected["reached"].tolist()
    implemented = expected.set_index("stage").loc["implemented"]
    assert f"{num(implemented['reached'])} ({pct(implemented['share_of_all'])})" in view.sentence


@pytest.mark.parametrize(("unit", "facet", "years"), UNITS_FACETS_YEARS)
def test_portfolio_conversion_matches_analysis(
    data: PortfolioData, explorer: Explorer, unit: str, facet: str, years: str
) -> None:
    """Does the conversion view rank every department as ``conversion_by`` does?"""
    view = explorer.set(show="conversion", unit=unit, facet=facet, years=years)
    expected = conversion_by(filter_frame(_ideas(data, years), facet=facet))
    pd.testing.assert_frame_equal(view.chart.data, expected)
    assert view.table["Share implemented"].tolist() == expected["rate"].tolist()
    best = best_converter(filter_frame(_ideas(data, years), facet=facet))
    assert f"{best} converts best" in view.sentence


@pytest.mark.parametrize(("unit", "facet", "years"), UNITS_FACETS_YEARS)
def test_portfolio_time_matches_analysis(
    data: PortfolioData, explorer: Explorer, unit: str, facet: str, years: str
) -> None:
    """Does the time view show the median and 90th percentile ``time_in_stage`` gives?"""
    view = explorer.set(show="time", unit=unit, facet=facet, years=years)
    expected = time_in_stage(_selected(data, unit, facet, years))
    assert view.table["Median days"].tolist() == expected["median_days"].tolist()
    assert view.table["90th percentile days"].tolist() == expected["p90_days"].tolist()
    assert sorted(view.chart.data["days"]) == sorted(
        [*expected["median_days"], *expected["p90_days"]]
    )


@pytest.mark.parametrize(("unit", "facet", "years"), UNITS_FACETS_YEARS)
def test_portfolio_mix_matches_analysis(
    data: PortfolioData, explorer: Explorer, unit: str, facet: str, years: str
) -> None:
    """Does the mix view show each facet's share as ``portfolio_mix`` gives it?"""
    view = explorer.set(show="mix", unit=unit, facet=facet, years=years)
    expected = portfolio_mix(filter_frame(_ideas(data, years), department=unit))
    pd.testing.assert_frame_equal(view.chart.data, expected)
    assert view.table["Share of ideas"].tolist() == expected["share"].tolist()


@pytest.mark.parametrize(("unit", "facet", "years"), UNITS_FACETS_YEARS)
def test_portfolio_benefit_matches_analysis(
    data: PortfolioData, explorer: Explorer, unit: str, facet: str, years: str
) -> None:
    """Does the benefit view show each department's ratio, then all, as computed?"""
    view = explorer.set(show="benefit", unit=unit, facet=facet, years=years)
    rows = filter_frame(_ideas(data, years), facet=facet)
    groups, total = benefit_realisation(rows, by="department"), benefit_realisation(rows)
    ratios = [*groups["ratio"], total["ratio"].iloc[0]]
    assert view.table["Realised of expected"].tolist() == pytest.approx(ratios)
    assert f"{pct(total['ratio'].iloc[0])}" in view.sentence


@pytest.mark.parametrize("show", ["funnel", "conversion", "time", "mix", "benefit"])
def test_portfolio_sentence_shown_and_labelled(explorer: Explorer, show: str) -> None:
    """Is each view's sentence labelled synthetic and shown in the sentence widget?"""
    view = explorer.set(show=show, unit="all", facet="all", years="all")
    assert "synthetic data" in view.sentence
    assert view.sentence in html.unescape(explorer.sentence.value)


def test_portfolio_default_shows_whole_funnel(data: PortfolioData) -> None:
    """Does the default view say 66 of 320 ideas reached implementation, Urban development best?"""
    view = explore("portfolio", data=data).view
    assert view.sentence.startswith(
        "Of 320 ideas, 66 (21 %) reached implementation; Urban development converts best, 45 %."
    )
    assert view.chart.data["stage"].tolist()[0] == "submitted"


def test_portfolio_funnel_names_where_ideas_stop(data: PortfolioData) -> None:
    """Does the default sentence name screened to tested as the step fewest moved on from?"""
    view = explore("portfolio", data=data).view
    assert "from screened to tested (46 % of 237)" in view.sentence


def test_portfolio_conversion_describes_chosen_unit(data: PortfolioData) -> None:
    """With Education chosen, does the sentence give its count, rate and rank?"""
    view = explore("portfolio", data=data).set(show="conversion", unit="Education")
    assert view.sentence.startswith("Education implemented 7 of its 67 ideas (10 %), rank 6 of 6")


def test_portfolio_conversion_warns_on_small_groups(data: PortfolioData) -> None:
    """For anticipatory ideas (no department has 10), does the sentence warn of small bases?"""
    view = explore("portfolio", data=data).set(show="conversion", facet="anticipatory")
    assert "every rate rests on few" in view.sentence


def test_portfolio_no_benefit_shows_message(data: PortfolioData) -> None:
    """With no implemented anticipatory idea with an estimate, is there a reason, no chart?"""
    explorer = explore("portfolio", data=data, show="benefit", facet="anticipatory")
    assert explorer.view.chart is None
    assert explorer.chart.outputs == ()
    assert "both an expected and a realised benefit" in explorer.sentence.value


def test_portfolio_missing_department_shows_message(data: PortfolioData) -> None:
    """With no Education ideas in the data, does choosing Education give a reason, no chart?"""
    ideas = data.years["all"]
    explorer = explore("portfolio", data=prepare(ideas[ideas["department"] != "Education"]))
    view = explorer.set(unit="Education")
    assert view.chart is None
    assert "No ideas match this selection" in explorer.sentence.value


def test_portfolio_alt_lists_every_stage(data: PortfolioData) -> None:
    """Does the funnel's text alternative give every stage's count?"""
    view = explore("portfolio", data=data).view
    for stage, count in zip(view.chart.data["stage"], view.chart.data["reached"], strict=True):
        assert f"{stage} {num(count)}" in view.alt


def test_portfolio_export_every_state_complete(data: PortfolioData) -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    exported = export(SPEC, data)
    assert len(exported["states"]) < 600
    for state in exported["states"].values():
        assert state["sentence"]
        assert (state["chart"] is None) == bool(state["error"])
