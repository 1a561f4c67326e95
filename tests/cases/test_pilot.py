"""Calibration and assumptions of the SYNTHETIC `pilot` case (cases/pilot/README.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.effects import (
    Estimate,
    diff_in_diff,
    group_period_means,
    naive_change,
    unit_changes,
)
from innolead.cases import get, load

STAFF_COST_PER_HOUR = 520  # SEK, the README's assumption
TECH_COST_PER_USER = 300  # SEK per user and month, the README's assumption


@pytest.fixture(scope="module")
def obs() -> pd.DataFrame:
    return load("pilot")


@pytest.fixture(scope="module")
def truth() -> pd.Series:
    table = load("pilot", table="truth")
    return table.set_index("parameter")["value"]


@pytest.fixture(scope="module")
def changes(obs: pd.DataFrame) -> pd.DataFrame:
    """Per unit: mean outcome after minus mean outcome before the start."""
    return unit_changes(obs)


@pytest.fixture(scope="module")
def did(obs: pd.DataFrame) -> Estimate:
    """Unit-level difference-in-differences with a Welch 95 % interval."""
    return diff_in_diff(obs)


@pytest.mark.parametrize(("group", "expected"), [("intervention", 8), ("comparison", 16)])
def test_pilot_group_has_expected_number_of_units(obs, group, expected):
    """Does each group have the number of home-care areas the README states?"""
    assert obs.loc[obs["group"] == group, "unit_id"].nunique() == expected


@pytest.mark.parametrize("period", ["before", "after"])
def test_pilot_every_unit_has_twelve_months_per_period(obs, period):
    """Does every area have exactly 12 months before and 12 months after the start?"""
    months = obs[obs["period"] == period].groupby("unit_id")["month"].nunique()
    assert (months == 12).all()


def test_pilot_period_matches_start_month(obs):
    """Is 'after' exactly the months from 1 January 2024 on?"""
    is_after = obs["month"] >= pd.Timestamp("2024-01-01")
    assert ((obs["period"] == "after") == is_after).all()


def test_pilot_did_recovers_true_effect(did, truth):
    """Does the difference-in-differences 95 % interval contain the planted true effect?"""
    assert did.contains(truth["true_effect"])


def test_pilot_naive_estimate_lies_outside_did_interval(obs, did):
    """Is the naive before/after change in the pilot areas outside the DiD 95 % interval?"""
    assert not did.contains(naive_change(obs).estimate)


def test_pilot_naive_estimate_overstates_the_effect(obs, truth):
    """Is the naive change at least 1.5 times as large as the true effect (same sign)?"""
    assert naive_change(obs).estimate / truth["true_effect"] >= 1.5


def test_pilot_comparison_units_follow_common_trend(changes, truth):
    """Do comparison areas change by about 12 months of the common trend (within 0.3 h)?"""
    control = changes.loc[changes["group"] == "comparison", "change"].mean()
    assert control == pytest.approx(12 * truth["common_trend"], abs=0.3)


def test_pilot_intervention_units_start_higher(obs):
    """Did the volunteer (intervention) areas have more night-time hours before the start?"""
    means = group_period_means(obs).set_index(["group", "period"])["mean"]
    assert means["intervention", "before"] > means["comparison", "before"] + 0.3


def test_pilot_winter_has_more_hours_than_summer(obs):
    """Are night-time hours higher in December-February than in June-August?"""
    month = obs["month"].dt.month
    winter = obs.loc[month.isin([12, 1, 2]), "night_hours_per_user"].mean()
    summer = obs.loc[month.isin([6, 7, 8]), "night_hours_per_user"].mean()
    assert winter > summer


@pytest.mark.parametrize("column", ["night_hours_per_user", "cost_sek"])
def test_pilot_missing_values_only_in_documented_gaps(obs, column):
    """Are exactly the five documented area-months (HT07, HT18) missing?"""
    missing = obs.loc[obs[column].isna(), ["unit_id", "month"]]
    expected = {
        ("HT07", "2023-09-01"),
        ("HT07", "2023-10-01"),
        ("HT07", "2023-11-01"),
        ("HT18", "2024-05-01"),
        ("HT18", "2024-06-01"),
    }
    found = {(u, m.strftime("%Y-%m-%d")) for u, m in missing.itertuples(index=False)}
    assert found == expected


def test_pilot_outlier_month_stands_out(obs):
    """Is HT21's February 2024 at least 1.5 times that area's median month?"""
    unit = obs[obs["unit_id"] == "HT21"].set_index("month")["night_hours_per_user"]
    assert unit[pd.Timestamp("2024-02-01")] >= 1.5 * unit.median()


def test_pilot_cost_follows_hours_users_and_technology(obs):
    """Is cost = users x (hours x 520 SEK + 300 SEK in pilot areas after the start)?"""
    rows = obs.dropna(subset=["night_hours_per_user"])
    tech = ((rows["group"] == "intervention") & (rows["period"] == "after")).astype(int)
    per_user = rows["night_hours_per_user"] * STAFF_COST_PER_HOUR + tech * TECH_COST_PER_USER
    expected = rows["users"].astype(float) * per_user
    assert (rows["cost_sek"].astype(float) - expected).abs().max() <= 1


@pytest.mark.parametrize("table", ["observations", "truth"])
def test_pilot_tables_are_marked_synthetic(table):
    """Is every table of the case, the truth table included, marked SYNTHETIC in the spec?"""
    assert get("pilot").table(table).synthetic
