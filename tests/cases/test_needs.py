"""The `needs` case: the study's size and every documented assumption."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.cases import load

USERS = ["older person living alone", "older person living with spouse"]


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return load("needs")


@pytest.fixture(scope="module")
def journey() -> pd.DataFrame:
    return load("needs", table="journey")


@pytest.fixture(scope="module")
def assumptions() -> pd.DataFrame:
    return load("needs", table="assumptions")


def _mean_by_step(responses: pd.DataFrame) -> pd.Series:
    return responses.groupby("journey_step", observed=True)["satisfaction"].mean()


def test_needs_study_size_is_realistic(responses: pd.DataFrame) -> None:
    """Does the study hold 300-600 responses?"""
    assert 300 <= len(responses) <= 600


def test_needs_interview_count_is_realistic(responses: pd.DataFrame) -> None:
    """Were 20-40 respondents interviewed?"""
    interviewed = responses.loc[responses["method"] == "interview", "respondent_id"]
    assert 20 <= interviewed.nunique() <= 40


def test_needs_interviews_cover_more_steps(responses: pd.DataFrame) -> None:
    """Does an interview cover more journey steps on average than a survey answer?"""
    steps = responses.groupby(["respondent_id", "method"], observed=True).size()
    by_method = steps.groupby(level="method").mean()
    assert by_method["interview"] > by_method["survey"]


@pytest.mark.parametrize("column", ["user_group", "age_band", "method"])
def test_needs_respondent_facts_constant(responses: pd.DataFrame, column: str) -> None:
    """Does each respondent keep one group, age band and method across their rows?"""
    assert responses.groupby("respondent_id")[column].nunique().eq(1).all()


def test_needs_journey_steps_in_order(journey: pd.DataFrame) -> None:
    """Are the journey's steps numbered 1 to 7 in the documented order?"""
    assert journey["step_order"].tolist() == list(range(1, 8))
    assert journey["journey_step"].tolist() == list(journey["journey_step"].cat.categories)


def test_needs_every_step_has_answers(responses: pd.DataFrame) -> None:
    """Does every journey step have at least 30 answers?"""
    counts = responses["journey_step"].value_counts()
    assert (counts >= 30).all()


@pytest.mark.parametrize("step", ["needs assessment", "changes to care"])
def test_needs_satisfaction_dips_at_step(responses: pd.DataFrame, step: str) -> None:
    """Is the step among the two with the lowest mean satisfaction?"""
    assert step in _mean_by_step(responses).nsmallest(2).index


def test_needs_dips_are_clear(responses: pd.DataFrame) -> None:
    """Are both dips at least 0.4 points below every other step?"""
    means = _mean_by_step(responses).sort_values()
    assert means.iloc[2] - means.iloc[1] >= 0.4


@pytest.mark.parametrize("group", [None, "users"])
def test_needs_continuity_top_pain_point_in_daily_visits(
    responses: pd.DataFrame, group: str | None
) -> None:
    """Is 'too many different staff' the pain point named most about daily visits?"""
    daily = responses[responses["journey_step"] == "daily visits"]
    if group == "users":
        daily = daily[daily["user_group"].isin(USERS)]
    counts = daily["pain_point"].value_counts()
    assert counts.idxmax() == "too many different staff"


def test_needs_relatives_rate_information_lower(responses: pd.DataFrame) -> None:
    """Do relatives rate information at least 0.3 points lower than users do?"""
    info = responses["information"].astype("float")
    relatives = info[responses["user_group"] == "relative"].mean()
    users = info[responses["user_group"].isin(USERS)].mean()
    assert users - relatives >= 0.3


def test_needs_staff_name_time_pressure_most(responses: pd.DataFrame) -> None:
    """Do staff name time pressure more often than any other pain point?"""
    staff = responses.loc[responses["user_group"] == "staff", "pain_point"]
    assert staff.value_counts().idxmax() == "time pressure"


def test_needs_management_top_problem_is_not_users_top(
    responses: pd.DataFrame, assumptions: pd.DataFrame
) -> None:
    """Is management's top-ranked problem outside the two named most by users and relatives?"""
    top = assumptions.loc[assumptions["rank"] == 1, "pain_point"].iloc[0]
    people = responses[responses["user_group"] != "staff"]
    named = people.loc[people["pain_point"] != "none", "pain_point"].value_counts()
    assert top not in named.head(2).index


def test_needs_management_missed_a_pain_point(
    responses: pd.DataFrame, assumptions: pd.DataFrame
) -> None:
    """Did users name a pain point ('not involved') that management never listed?"""
    named = set(responses["pain_point"]) - {"none"}
    missed = named - set(assumptions["pain_point"])
    assert missed == {"not involved"}


def test_needs_information_missing_only_in_surveys(responses: pd.DataFrame) -> None:
    """Is the information rating missing only in survey answers, and there rarely (<10 %)?"""
    missing = responses["information"].isna()
    assert not missing[responses["method"] == "interview"].any()
    assert 0 < missing.mean() < 0.10


@pytest.mark.parametrize(
    ("group", "bands"),
    [
        ("older person living alone", {"65-74", "75-84", "85+"}),
        ("older person living with spouse", {"65-74", "75-84", "85+"}),
        ("staff", {"18-44", "45-64"}),
    ],
)
def test_needs_age_fits_group(responses: pd.DataFrame, group: str, bands: set[str]) -> None:
    """Are users aged 65 or over and staff of working age?"""
    ages = set(responses.loc[responses["user_group"] == group, "age_band"])
    assert ages <= bands


def test_needs_users_top_two_pain_points(responses: pd.DataFrame) -> None:
    """Do users and relatives name unclear information and too many staff most often?"""
    people = responses[responses["user_group"] != "staff"]
    named = people.loc[people["pain_point"] != "none", "pain_point"].value_counts()
    assert set(named.head(2).index) == {"unclear information", "too many different staff"}
