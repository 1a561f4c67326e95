"""The `portfolio` case: funnel logic, calibration and every documented assumption."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.cases import load

STAGES = ["submitted", "screened", "tested", "implemented", "spread"]
BEST = "Urban development"


@pytest.fixture(scope="module")
def ideas() -> pd.DataFrame:
    return load("portfolio")


def _reached(ideas: pd.DataFrame, stage: str) -> pd.Series:
    return ideas["stage"] >= stage


def _implementation_rate(ideas: pd.DataFrame) -> pd.Series:
    implemented = _reached(ideas, "implemented")
    return implemented.groupby(ideas["department"], observed=True).mean().sort_values()


def test_portfolio_size_is_realistic(ideas: pd.DataFrame) -> None:
    """Does the portfolio hold 250-400 ideas?"""
    assert 250 <= len(ideas) <= 400


def test_portfolio_covers_2019_to_2025(ideas: pd.DataFrame) -> None:
    """Were ideas submitted in every year from 2019 to 2025?"""
    years = set(ideas["submitted_date"].dt.year)
    assert years == set(range(2019, 2026))


def test_portfolio_funnel_never_grows(ideas: pd.DataFrame) -> None:
    """Does each stage have no more dated ideas than the stage before it?"""
    counts = [int(ideas[f"{stage}_date"].notna().sum()) for stage in STAGES]
    assert counts == sorted(counts, reverse=True)


@pytest.mark.parametrize("stage", STAGES)
def test_portfolio_date_present_exactly_when_reached(ideas: pd.DataFrame, stage: str) -> None:
    """Does an idea have a date for a stage exactly when it reached that stage?"""
    assert (ideas[f"{stage}_date"].notna() == _reached(ideas, stage)).all()


@pytest.mark.parametrize(("earlier", "later"), list(zip(STAGES, STAGES[1:], strict=False)))
def test_portfolio_dates_never_go_back(ideas: pd.DataFrame, earlier: str, later: str) -> None:
    """Is every stage reached on or after the stage before it?"""
    both = ideas.dropna(subset=[f"{later}_date"])
    assert (both[f"{later}_date"] >= both[f"{earlier}_date"]).all()


def test_portfolio_status_matches_stage(ideas: pd.DataFrame) -> None:
    """Is an idea 'in operation' exactly when it was implemented?"""
    in_operation = ideas["status"] == "in operation"
    assert (in_operation == _reached(ideas, "implemented")).all()


def test_portfolio_enhancement_is_most_common(ideas: pd.DataFrame) -> None:
    """Are more than half of the ideas enhancement, the largest facet (OECD portfolio point)?"""
    shares = ideas["facet"].value_counts(normalize=True)
    assert shares.idxmax() == "enhancement"
    assert shares["enhancement"] > 0.5


@pytest.mark.parametrize("before", [None, "2024-01-01"])
def test_portfolio_best_converter_is_urban_development(
    ideas: pd.DataFrame, before: str | None
) -> None:
    """Does Urban development convert the largest share of its ideas into implementation?"""
    if before is not None:
        ideas = ideas[ideas["submitted_date"] < before]
    assert _implementation_rate(ideas).idxmax() == BEST


@pytest.mark.parametrize("before", [None, "2024-01-01"])
def test_portfolio_best_converter_is_clear(ideas: pd.DataFrame, before: str | None) -> None:
    """Does the best department convert at least 15 points more than the runner-up?"""
    if before is not None:
        ideas = ideas[ideas["submitted_date"] < before]
    rates = _implementation_rate(ideas)
    assert rates.iloc[-1] - rates.iloc[-2] >= 0.15


def test_portfolio_realised_benefit_only_after_implementation(ideas: pd.DataFrame) -> None:
    """Is realised benefit recorded exactly for implemented ideas?"""
    recorded = ideas["realised_benefit_sek"].notna()
    assert (recorded == _reached(ideas, "implemented")).all()


def test_portfolio_realised_typically_below_expected(ideas: pd.DataFrame) -> None:
    """Is realised benefit below expected for at least 60 % of implemented ideas?"""
    both = ideas.dropna(subset=["realised_benefit_sek", "expected_benefit_sek"])
    below = both["realised_benefit_sek"] < both["expected_benefit_sek"]
    assert below.mean() >= 0.6


def test_portfolio_some_ideas_beat_expectations(ideas: pd.DataFrame) -> None:
    """Does at least one implemented idea deliver more than expected (not a clean rule)?"""
    both = ideas.dropna(subset=["realised_benefit_sek", "expected_benefit_sek"])
    assert (both["realised_benefit_sek"] > both["expected_benefit_sek"]).any()


@pytest.mark.parametrize(("earlier", "later"), list(zip(STAGES, STAGES[1:], strict=False)))
def test_portfolio_time_in_stage_has_long_tail(
    ideas: pd.DataFrame, earlier: str, later: str
) -> None:
    """Does the slowest idea take at least three times the median time in the stage?"""
    days = (ideas[f"{later}_date"] - ideas[f"{earlier}_date"]).dt.days.dropna()
    assert days.max() >= 3 * days.median()
    assert days.mean() > days.median()


def test_portfolio_external_funding_near_12_percent(ideas: pd.DataFrame) -> None:
    """Are 8-16 % of ideas externally funded, near CO-PI's 12 % (copi_funding)?"""
    share = (ideas["funded_by"] == "external").mean()
    assert 0.08 <= share <= 0.16


def test_portfolio_idea_sluice_only_after_it_opened(ideas: pd.DataFrame) -> None:
    """Are ideas funded by the idea sluice all submitted from March 2021, when it opened?"""
    sluice = ideas.loc[ideas["funded_by"] == "idea sluice", "submitted_date"]
    assert len(sluice) > 0
    assert (sluice >= "2021-03-01").all()


def test_portfolio_anticipatory_rarely_implemented(ideas: pd.DataFrame) -> None:
    """Are anticipatory ideas implemented less often than enhancement ideas?"""
    implemented = _reached(ideas, "implemented")
    rate = implemented.groupby(ideas["facet"], observed=True).mean()
    assert rate["anticipatory"] < rate["enhancement"]


def test_portfolio_cost_grows_with_stage(ideas: pd.DataFrame) -> None:
    """Does the median cost rise from submitted through tested to implemented?"""
    median = ideas.groupby("stage", observed=True)["cost_sek"].median()
    assert median["submitted"] < median["screened"] < median["tested"] < median["implemented"]


def test_portfolio_expected_benefit_missing_is_rare(ideas: pd.DataFrame) -> None:
    """Is an expected benefit missing for some ideas, but fewer than 15 %?"""
    missing = ideas["expected_benefit_sek"].isna().mean()
    assert 0 < missing < 0.15


def test_portfolio_adaptive_peaks_in_pandemic_years(ideas: pd.DataFrame) -> None:
    """Is the adaptive share higher in 2020 and 2021 than in any other year?"""
    year = ideas["submitted_date"].dt.year
    share = (ideas["facet"] == "adaptive").groupby(year).mean()
    pandemic = share[[2020, 2021]]
    assert pandemic.min() > share.drop([2020, 2021]).max()


def test_portfolio_bold_ideas_funded_outside_budget(ideas: pd.DataFrame) -> None:
    """Are mission-oriented and anticipatory ideas funded by the fund or externally more often?"""
    special = ideas["funded_by"].isin(["innovation fund", "external"])
    bold = ideas["facet"].isin(["mission-oriented", "anticipatory"])
    assert special[bold].mean() > special[ideas["facet"] == "enhancement"].mean()
