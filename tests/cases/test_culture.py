"""Tests of the `culture` case: its size and consistency, and every stated assumption.

No published figure calibrates this case; each test checks a documented ASSUMPTION (see
cases/culture/README.md). The safety index is the mean of the seven items after reverse-keyed
items are turned round (8 - answer), over the items a respondent answered.
"""

from __future__ import annotations

import pandas as pd
import pytest
from scipy import stats

from innolead.cases import load

SAFETY_ITEMS = [
    "ps1_errors_blamed_r",
    "ps2_raise_problems",
    "ps3_differ_excluded_r",
    "ps4_safe_to_try",
    "ps5_help_looks_weak_r",
    "ps6_no_undermining",
    "ps7_skills_used",
]
REVERSED = [c for c in SAFETY_ITEMS if c.endswith("_r")]
POSITIVE = [c for c in SAFETY_ITEMS if c not in REVERSED]
LEADERSHIP_ITEMS = ["lead_invites_ideas", "lead_mistakes_learning"]


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    table = load("culture")
    items = table[SAFETY_ITEMS].astype("float64")
    items[REVERSED] = 8 - items[REVERSED]
    return table.assign(safety=items.mean(axis=1))


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return load("culture", table="units")


@pytest.fixture(scope="module")
def by_unit(responses: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    """Unit means of the safety index and leadership items, joined to the unit table."""
    means = responses.groupby("unit_id")[["safety", *LEADERSHIP_ITEMS]].mean()
    table = units.set_index("unit_id").join(means.astype("float64"))
    staff = table["staff_count"].astype("float64")
    return table.assign(
        submitted_per_staff=table["ideas_submitted"].astype("float64") / staff,
        implemented_per_staff=table["ideas_implemented"].astype("float64") / staff,
    )


# --- Size and consistency -------------------------------------------------------------------------


def test_culture_unit_count_in_range(units: pd.DataFrame) -> None:
    """Does the municipality have between 60 and 90 units?"""
    assert 60 <= len(units) <= 90


def test_culture_respondent_count_in_range(responses: pd.DataFrame) -> None:
    """Did between 900 and 1,500 staff answer the survey?"""
    assert 900 <= len(responses) <= 1500


def test_culture_every_respondent_in_a_known_unit(
    responses: pd.DataFrame, units: pd.DataFrame
) -> None:
    """Does every respondent belong to a unit listed in the unit table?"""
    assert responses["unit_id"].isin(units["unit_id"]).all()


def test_culture_administration_matches_unit(responses: pd.DataFrame, units: pd.DataFrame) -> None:
    """Is each respondent's administration the administration of their unit?"""
    expected = responses["unit_id"].map(units.set_index("unit_id")["administration"])
    assert (responses["administration"].astype(str) == expected.astype(str)).all()


def test_culture_units_have_five_to_staff_count_respondents(
    responses: pd.DataFrame, by_unit: pd.DataFrame
) -> None:
    """Does every unit have at least 5 respondents and no more than its staff count?"""
    count = responses.groupby("unit_id").size().reindex(by_unit.index, fill_value=0)
    assert ((count >= 5) & (count <= by_unit["staff_count"])).all()


def test_culture_implemented_at_most_submitted(units: pd.DataFrame) -> None:
    """Has no unit implemented more ideas than it submitted?"""
    assert (units["ideas_implemented"] <= units["ideas_submitted"]).all()


# --- The items ------------------------------------------------------------------------------------


@pytest.mark.parametrize("item", REVERSED)
def test_culture_reverse_keyed_items_run_against_the_others(
    responses: pd.DataFrame, item: str
) -> None:
    """Does a reverse-keyed item correlate negatively (r < -0.3) with the positive items?"""
    positive_mean = responses[POSITIVE].astype("float64").mean(axis=1)
    assert responses[item].astype("float64").corr(positive_mean) < -0.3


def test_culture_safety_scale_is_reliable(responses: pd.DataFrame) -> None:
    """Is Cronbach's alpha of the seven items (reverse-keyed turned round) within 0.70-0.90?"""
    items = responses[SAFETY_ITEMS].astype("float64").dropna()
    items[REVERSED] = 8 - items[REVERSED]
    k = len(SAFETY_ITEMS)
    alpha = k / (k - 1) * (1 - items.var().sum() / items.sum(axis=1).var())
    assert 0.70 <= alpha <= 0.90


def test_culture_mean_safety_around_five(responses: pd.DataFrame) -> None:
    """Is the average safety index between 4.6 and 5.4 on the 1-7 scale?"""
    assert 4.6 <= responses["safety"].mean() <= 5.4


@pytest.mark.parametrize("item", SAFETY_ITEMS + LEADERSHIP_ITEMS)
def test_culture_item_nonresponse_small(responses: pd.DataFrame, item: str) -> None:
    """Is between 1 % and 7 % of this item left blank?"""
    assert 0.01 <= responses[item].isna().mean() <= 0.07


def test_culture_leadership_nonresponse_above_safety(responses: pd.DataFrame) -> None:
    """Are the items about one's own manager left blank more often than the safety items?"""
    missing = responses.isna().mean()
    assert missing[LEADERSHIP_ITEMS].mean() > missing[SAFETY_ITEMS].mean()


def test_culture_everyone_answered_some_safety_items(responses: pd.DataFrame) -> None:
    """Did every respondent answer at least one of the seven safety items?"""
    assert responses["safety"].notna().all()


# --- Assumptions about units, managers and ideas --------------------------------------------------


def test_culture_units_differ_in_safety(responses: pd.DataFrame) -> None:
    """Is the share of safety variance between units (ICC1) between 0.08 and 0.35?"""
    groups = [g.dropna().to_numpy() for _, g in responses.groupby("unit_id")["safety"]]
    f_value = stats.f_oneway(*groups).statistic
    size = responses.groupby("unit_id").size().mean()
    assert 0.08 <= (f_value - 1) / (f_value + size - 1) <= 0.35


@pytest.mark.parametrize("ideas", ["submitted_per_staff", "implemented_per_staff"])
def test_culture_safety_goes_with_ideas(by_unit: pd.DataFrame, ideas: str) -> None:
    """Does unit safety correlate with ideas per staff member at r between 0.3 and 0.6?"""
    assert 0.3 <= by_unit["safety"].corr(by_unit[ideas]) <= 0.6


@pytest.mark.parametrize("item", LEADERSHIP_ITEMS)
def test_culture_manager_behaviour_goes_with_safety(by_unit: pd.DataFrame, item: str) -> None:
    """Does the unit mean of a manager item correlate with unit safety at r between 0.4 and 0.8?"""
    assert 0.4 <= by_unit[item].corr(by_unit["safety"]) <= 0.8


def test_culture_manager_tenure_unrelated_to_safety(by_unit: pd.DataFrame) -> None:
    """Is the correlation between manager tenure and unit safety weaker than 0.25 either way?"""
    assert abs(by_unit["manager_tenure_years"].corr(by_unit["safety"])) < 0.25


def test_culture_team_leaders_see_more_safety(responses: pd.DataFrame) -> None:
    """Do team leaders rate safety 0.1-0.8 points higher than frontline staff, on average?"""
    means = responses.groupby("role", observed=True)["safety"].mean()
    assert 0.1 <= means["team leader"] - means["frontline staff"] <= 0.8


def test_culture_elder_care_lowest_safety(responses: pd.DataFrame) -> None:
    """Does elder care have the lowest average safety of the administrations?"""
    means = responses.groupby("administration", observed=True)["safety"].mean()
    assert means.idxmin() == "elder care"


def test_culture_idea_campaign_outlier(by_unit: pd.DataFrame) -> None:
    """Does at least one unit submit over three times the median ideas per staff member?"""
    rate = by_unit["submitted_per_staff"]
    assert rate.max() > 3 * rate.median()


def test_culture_about_a_third_of_ideas_implemented(units: pd.DataFrame) -> None:
    """Were between 25 % and 50 % of all submitted ideas implemented?"""
    assert 0.25 <= units["ideas_implemented"].sum() / units["ideas_submitted"].sum() <= 0.50
