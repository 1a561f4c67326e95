"""Calibration and assumptions of the SYNTHETIC `diffusion` case (cases/diffusion/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.diffusion import (
    BassFit,
    category_shares,
    cumulative_adoption,
    fit_bass,
)
from innolead.cases import load
from tests.statistics import fit_logistic

FIRST_YEAR, LAST_YEAR = 2008, 2025
ROGERS = {  # rogers2003diffusion: share of adopters in each category, in per cent
    "innovators": 2.5,
    "early adopters": 13.5,
    "early majority": 34.0,
    "late majority": 34.0,
    "laggards": 16.0,
}
ROGERS_TOLERANCE = 5.0  # percentage points, documented in the README
BASS_P, BASS_Q = 0.01, 0.4  # the generator's coefficients, documented in the README


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load("diffusion")


@pytest.fixture(scope="module")
def cumulative(frame: pd.DataFrame) -> pd.DataFrame:
    """Number of municipalities that have adopted by the end of each year."""
    return cumulative_adoption(frame, first=FIRST_YEAR, last=LAST_YEAR)


@pytest.fixture(scope="module")
def bass_fit(cumulative: pd.DataFrame) -> BassFit:
    return fit_bass(cumulative)


def test_diffusion_has_290_municipalities(frame):
    """Are there exactly 290 municipalities, as in Sweden?"""
    assert len(frame) == 290


def test_diffusion_municipality_names_are_unique(frame):
    """Does every municipality have its own name?"""
    assert frame["municipality"].is_unique


def test_diffusion_every_region_is_used(frame):
    """Does each of the 21 regions hold at least one municipality?"""
    assert frame["region"].nunique() == 21


@pytest.mark.parametrize("fit", [fit_bass, fit_logistic])
def test_diffusion_cumulative_adoption_is_s_shaped(cumulative, fit):
    """Does a Bass or logistic curve explain at least 95 % of the cumulative adoption?"""
    assert fit(cumulative).r_squared >= 0.95


@pytest.mark.parametrize(("stated", "low", "high"), [("p", 0.005, 0.02), ("q", 0.3, 0.5)])
def test_diffusion_bass_fit_recovers_coefficients(bass_fit, stated, low, high):
    """Does a Bass fit to the data give p in 0.005-0.02 and q in 0.3-0.5?"""
    fitted = getattr(bass_fit, stated)
    assert low <= fitted <= high, f"fitted {stated} = {fitted:.3f}"


@pytest.mark.parametrize(("category", "target"), list(ROGERS.items()))
def test_diffusion_rogers_category_shares(frame, category, target):
    """Is each Rogers category's share of adopters within 5 points of Rogers' figure?"""
    shares = category_shares(frame).set_index("category")["share"]
    assert 100 * shares[category] == pytest.approx(target, abs=ROGERS_TOLERANCE)


def test_diffusion_larger_municipalities_adopt_earlier(frame):
    """Did the larger half of adopters adopt at least one year earlier than the smaller half?"""
    adopters = frame.dropna(subset=["adoption_year"])
    larger = adopters["population"] >= frame["population"].median()
    gap = (
        adopters.loc[~larger, "adoption_year"].mean() - adopters.loc[larger, "adoption_year"].mean()
    )
    assert gap >= 1.0


def test_diffusion_some_have_not_adopted(frame):
    """Had between 5 % and 15 % of municipalities not adopted by the end of 2025?"""
    share = frame["adoption_year"].isna().mean()
    assert 0.05 <= share <= 0.15


def test_diffusion_first_adopters_in_first_year(frame):
    """Did the first municipalities adopt in 2008, the first year of the data?"""
    assert frame["adoption_year"].min() == FIRST_YEAR


def test_diffusion_group_medians_follow_settlement_size(frame):
    """Is the median population ordered large city > larger town > ... > rural?"""
    order = [
        "large city",
        "larger town",
        "commuter municipality near a large city",
        "small town",
        "commuter municipality near a town",
        "rural municipality",
    ]
    medians = frame.groupby("municipality_group", observed=True)["population"].median()
    assert medians[order].is_monotonic_decreasing
