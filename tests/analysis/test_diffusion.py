"""Diffusion: cumulative adoption, the Bass and logistic models, Rogers' adopter categories."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from innolead.analysis.diffusion import (
    ROGERS_SHARES,
    adopter_categories,
    adoption_share,
    bass_cumulative,
    bass_curve,
    category_bounds,
    category_of,
    category_shares,
    cumulative_adoption,
    fit_bass,
    mean_gap,
    peak_year,
    r_squared,
    year_reaching,
)
from innolead.analysis.errors import SelectionError
from innolead.cases import load
from tests.statistics import fit_logistic, logistic_cumulative

# Four municipalities: two adopt in 2010, one in 2012, one never.
SMALL = pd.DataFrame(
    {
        "municipality": ["Aby", "Berga", "Cby", "Dala"],
        "adoption_year": pd.array([2010, 2010, 2012, None], dtype="Int64"),
    }
)
# Years 2010, 2012, 2014: mean 2012, SD 2, so the cuts are 2008, 2010, 2012 and 2014.
THREE = pd.DataFrame({"municipality": list("ABCD"), "adoption_year": [2010, 2012, 2014, None]})
YEARS = np.arange(2008, 2026)


def _curve(cumulative: np.ndarray, municipalities: int = 290) -> pd.DataFrame:
    """An adoption frame (as ``cumulative_adoption`` returns) for 2008-2025."""
    return pd.DataFrame(
        {"year": YEARS, "cumulative": cumulative, "municipalities": municipalities}
    ).assign(share=lambda f: f["cumulative"] / municipalities)


@pytest.fixture(scope="module")
def case() -> pd.DataFrame:
    return load("diffusion")


def test_cumulative_adoption_hand_computed() -> None:
    """Are new adopters 2, 0, 1 and cumulative shares 2/4, 2/4, 3/4 in 2010-2012?"""
    table = cumulative_adoption(SMALL)
    expected = {"adopters": [2, 0, 1], "cumulative": [2, 2, 3], "share": [0.5, 0.5, 0.75]}
    assert table[["adopters", "cumulative", "share"]].to_dict("list") == expected


def test_cumulative_adoption_counts_earlier_adopters_from_first_year() -> None:
    """With first=2011, does 2011's cumulative count include the two 2010 adopters?"""
    assert cumulative_adoption(SMALL, first=2011)["cumulative"].tolist() == [2, 3]


def test_cumulative_adoption_fills_years_without_adopters() -> None:
    """Does a range 2008-2013 give a row for every year, zero before 2010?"""
    table = cumulative_adoption(SMALL, first=2008, last=2013)
    assert table["cumulative"].tolist() == [0, 0, 2, 2, 3, 3]


def test_cumulative_adoption_never_decreases_on_case(case: pd.DataFrame) -> None:
    """On the case data, is the cumulative count non-decreasing?"""
    assert cumulative_adoption(case)["cumulative"].is_monotonic_increasing


def test_cumulative_adoption_shares_within_bounds_on_case(case: pd.DataFrame) -> None:
    """On the case data, do all cumulative shares lie in [0, 1]?"""
    assert cumulative_adoption(case)["share"].between(0, 1).all()


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (SMALL.iloc[0:0], "No municipalities match"),
        (SMALL.assign(adoption_year=pd.array([None] * 4, dtype="Int64")), "has adopted yet"),
    ],
    ids=["empty", "no adopters"],
)
def test_cumulative_adoption_rejects_unusable_selection(frame: pd.DataFrame, message: str) -> None:
    """Does an empty selection or one without adopters raise a clear SelectionError?"""
    with pytest.raises(SelectionError, match=message):
        cumulative_adoption(frame)


def test_bass_cumulative_without_imitation_is_exponential() -> None:
    """With q = 0, is N(t) = m (1 - exp(-p t)) (pure outside influence)?"""
    t = np.array([1.0, 5.0, 10.0])
    expected = 200 * (1 - np.exp(-0.1 * t))
    assert bass_cumulative(t, 0.1, 0.0, 200) == pytest.approx(expected)


@pytest.mark.parametrize(("t", "expected"), [(0.0, 0.0), (200.0, 270.0)])
def test_bass_cumulative_runs_from_zero_to_market_potential(t: float, expected: float) -> None:
    """Does the Bass curve start at 0 and approach the market potential m = 270?"""
    assert bass_cumulative(t, 0.01, 0.4, 270) == pytest.approx(expected)


def test_bass_cumulative_never_falls() -> None:
    """Is the Bass curve non-decreasing over time?"""
    assert (np.diff(bass_cumulative(np.arange(0, 60), 0.01, 0.4, 270)) >= 0).all()


def test_logistic_cumulative_is_half_at_midpoint() -> None:
    """Is the logistic curve at m / 2 at its midpoint t0?"""
    assert logistic_cumulative(7.0, 0.6, 7.0, 300) == pytest.approx(150)


@pytest.mark.parametrize(("field", "planted"), [("p", 0.012), ("q", 0.35), ("m", 260.0)])
def test_fit_bass_recovers_planted_coefficients(field: str, planted: float) -> None:
    """Does fitting a noise-free Bass curve give back its p, q and m?"""
    fit = fit_bass(_curve(bass_cumulative(YEARS - 2007, 0.012, 0.35, 260)))
    assert getattr(fit, field) == pytest.approx(planted, rel=1e-3)


@pytest.mark.parametrize(("field", "planted"), [("k", 0.45), ("t0", 8.0), ("m", 250.0)])
def test_fit_logistic_recovers_planted_parameters(field: str, planted: float) -> None:
    """Does fitting a noise-free logistic curve give back its k, t0 and m?"""
    fit = fit_logistic(_curve(logistic_cumulative(YEARS - 2007, 0.45, 8.0, 250)))
    assert getattr(fit, field) == pytest.approx(planted, rel=1e-3)


def test_fit_bass_case_has_high_r_squared(case: pd.DataFrame) -> None:
    """Does the Bass fit to the case's 290 municipalities explain at least 95 %?"""
    assert fit_bass(cumulative_adoption(case, first=2008, last=2025)).r_squared >= 0.95


def test_fit_bass_rejects_too_few_adopters() -> None:
    """Does a group with only 3 adopters get 'too few to fit' instead of a wild curve?"""
    with pytest.raises(SelectionError, match="too few"):
        fit_bass(cumulative_adoption(SMALL, first=2008, last=2025))


def test_r_squared_hand_computed() -> None:
    """Is R² = 1 - 1 / 2 = 0.5 for observed 1, 2, 3 and predicted 1, 2, 4?"""
    assert r_squared(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0, 4.0])) == 0.5


def test_r_squared_rejects_flat_curve() -> None:
    """Does a flat observed curve raise a SelectionError (R² undefined)?"""
    with pytest.raises(SelectionError, match="flat"):
        r_squared(np.array([3.0, 3.0]), np.array([3.0, 3.0]))


def test_bass_curve_adopters_add_up_to_cumulative() -> None:
    """Do the model's new adopters per year sum to its cumulative count at the end?"""
    curve = bass_curve(_curve(np.zeros(len(YEARS))), 0.01, 0.4, 270)
    assert curve["adopters"].sum() == pytest.approx(curve["cumulative"].iloc[-1])


def test_bass_curve_share_uses_all_municipalities() -> None:
    """Is the model's share its cumulative count over the 290 municipalities?"""
    curve = bass_curve(_curve(np.zeros(len(YEARS))), 0.01, 0.4, 270)
    assert curve["share"].to_numpy() == pytest.approx(curve["cumulative"].to_numpy() / 290)


def test_mean_gap_hand_computed() -> None:
    """Is the mean absolute gap between shares (0.1, 0.5) and (0.2, 0.4) 0.1?"""
    gap = mean_gap(pd.DataFrame({"share": [0.1, 0.5]}), pd.DataFrame({"share": [0.2, 0.4]}))
    assert gap == pytest.approx(0.1)


@pytest.mark.parametrize(("share", "expected"), [(0.5, 2010), (0.75, 2012), (0.9, None)])
def test_year_reaching_finds_first_year(share: float, expected: int | None) -> None:
    """Is the first year at or above the share returned, or None if never reached?"""
    assert year_reaching(cumulative_adoption(SMALL), share) == expected


def test_peak_year_takes_first_maximum() -> None:
    """On a tie, is the earlier of the two peak years returned?"""
    curve = pd.DataFrame({"year": [2010, 2011, 2012], "adopters": [5, 2, 5]})
    assert peak_year(curve) == 2010


def test_adoption_share_counts_non_adopters_in_base() -> None:
    """Is the share that have adopted 3 of 4 = 0.75?"""
    assert adoption_share(SMALL) == 0.75


def test_category_bounds_hand_computed() -> None:
    """Are the cuts mean - 2 SD, mean - SD, mean, mean + SD = 2008, 2010, 2012, 2014?"""
    assert category_bounds(THREE)["from_year"].tolist()[1:] == [2008.0, 2010.0, 2012.0, 2014.0]


def test_adopter_categories_hand_computed() -> None:
    """Are 2010, 2012, 2014 early majority, late majority and laggards (cuts include the lower
    bound), and the non-adopter 'not yet adopted'?"""
    expected = ["early majority", "late majority", "laggards", "not yet adopted"]
    assert adopter_categories(THREE)["category"].tolist() == expected


def test_adopter_categories_does_not_change_input() -> None:
    """Is the input frame left as it was?"""
    frame = THREE.copy()
    adopter_categories(frame)
    pd.testing.assert_frame_equal(frame, THREE)


def test_category_shares_sum_to_one_on_case(case: pd.DataFrame) -> None:
    """Do the five category shares of the case's adopters add up to 1?"""
    assert category_shares(case)["share"].sum() == pytest.approx(1.0)


def test_category_shares_list_rogers_targets() -> None:
    """Does the table give Rogers' 2.5, 13.5, 34, 34 and 16 % next to the observed shares?"""
    assert category_shares(THREE)["rogers_share"].tolist() == list(ROGERS_SHARES.values())


def test_category_shares_hand_computed() -> None:
    """Are the three adopters one each in early majority, late majority and laggards?"""
    assert category_shares(THREE)["adopters"].tolist() == [0, 0, 1, 1, 1]


def test_category_shares_rejects_single_adopter() -> None:
    """Does a single adopter (no standard deviation) raise a clear SelectionError?"""
    with pytest.raises(SelectionError, match="at least two adopters"):
        category_shares(THREE.head(1))


@pytest.mark.parametrize(
    ("municipality", "expected"), [("B", "late majority"), ("D", "not yet adopted")]
)
def test_category_of_names_the_category(municipality: str, expected: str) -> None:
    """Is a municipality's category the one its adoption year falls in?"""
    assert category_of(THREE, municipality) == expected


def test_category_of_suggests_close_names() -> None:
    """Does a misspelt name get a SelectionError that suggests the right one?"""
    with pytest.raises(SelectionError, match="Did you mean 'Berga'"):
        category_of(SMALL, "Bergaa")


def test_category_of_case_bergaker_has_not_adopted(case: pd.DataFrame) -> None:
    """Is the case's Bergåker 'not yet adopted', as its README says?"""
    assert category_of(case, "Bergåker") == "not yet adopted"
