"""Calibration and assumptions of the SYNTHETIC `diffusion` case (cases/diffusion/README.md)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy.optimize import curve_fit

from innolead.cases import load

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


def _bass(t, p, q, m):
    decay = np.exp(-(p + q) * t)
    return m * (1 - decay) / (1 + q / p * decay)


def _logistic(t, k, t0, m):
    return m / (1 + np.exp(-k * (t - t0)))


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load("diffusion")


@pytest.fixture(scope="module")
def cumulative(frame: pd.DataFrame) -> pd.Series:
    """Number of municipalities that have adopted by the end of each year."""
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    return frame["adoption_year"].value_counts().reindex(years, fill_value=0).cumsum()


@pytest.fixture(scope="module")
def bass_fit(cumulative: pd.Series) -> np.ndarray:
    t = cumulative.index.to_numpy() - FIRST_YEAR + 1
    params, _ = curve_fit(_bass, t, cumulative.to_numpy(), p0=[0.01, 0.4, 250], maxfev=10_000)
    return params


def test_diffusion_has_290_municipalities(frame):
    """Are there exactly 290 municipalities, as in Sweden?"""
    assert len(frame) == 290


def test_diffusion_municipality_names_are_unique(frame):
    """Does every municipality have its own name?"""
    assert frame["municipality"].is_unique


def test_diffusion_every_region_is_used(frame):
    """Does each of the 21 regions hold at least one municipality?"""
    assert frame["region"].nunique() == 21


@pytest.mark.parametrize(("model", "p0"), [(_bass, [0.01, 0.4, 250]), (_logistic, [0.5, 9, 250])])
def test_diffusion_cumulative_adoption_is_s_shaped(cumulative, model, p0):
    """Does a Bass or logistic curve explain at least 95 % of the cumulative adoption?"""
    t = cumulative.index.to_numpy() - FIRST_YEAR + 1
    y = cumulative.to_numpy()
    params, _ = curve_fit(model, t, y, p0=p0, maxfev=10_000)
    residual = y - model(t, *params)
    r_squared = 1 - (residual**2).sum() / ((y - y.mean()) ** 2).sum()
    assert r_squared >= 0.95


@pytest.mark.parametrize(
    ("index", "stated", "low", "high"), [(0, "p", 0.005, 0.02), (1, "q", 0.3, 0.5)]
)
def test_diffusion_bass_fit_recovers_coefficients(bass_fit, index, stated, low, high):
    """Does a Bass fit to the data give p in 0.005-0.02 and q in 0.3-0.5?"""
    assert low <= bass_fit[index] <= high, f"fitted {stated} = {bass_fit[index]:.3f}"


@pytest.mark.parametrize(("category", "target"), list(ROGERS.items()))
def test_diffusion_rogers_category_shares(frame, category, target):
    """Is each Rogers category's share of adopters within 5 points of Rogers' figure?"""
    years = frame["adoption_year"].dropna().astype(float)
    mean, sd = years.mean(), years.std()
    cuts = [-np.inf, mean - 2 * sd, mean - sd, mean, mean + sd, np.inf]
    categories = pd.cut(years, cuts, right=False, labels=list(ROGERS))
    share = 100 * (categories == category).mean()
    assert share == pytest.approx(target, abs=ROGERS_TOLERANCE)


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
