"""The `relay` case: calibration to SKL's published results and the documented assumptions."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.cases import get, load


@pytest.fixture(scope="module")
def participants() -> pd.DataFrame:
    return load("relay")


@pytest.fixture(scope="module")
def day() -> pd.DataFrame:
    return load("relay", table="innovation_day")


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return load("relay", table="published").set_index("metric")


def _gained(frame: pd.DataFrame, rating: str) -> pd.Series:
    return frame[f"{rating}_post"] > frame[f"{rating}_pre"]


def test_relay_has_550_participants(participants: pd.DataFrame) -> None:
    """Does the synthetic table hold exactly the 550 participants SKL reported?"""
    assert len(participants) == 550


@pytest.mark.parametrize(("rating", "expected"), [("knowledge", 440), ("insight", 385)])
def test_relay_gain_counts_match_published(
    participants: pd.DataFrame, rating: str, expected: int
) -> None:
    """Do exactly 440 (8 of 10) gain knowledge and 385 (7 of 10) gain insight?"""
    assert _gained(participants, rating).sum() == expected


@pytest.mark.parametrize(
    ("metric", "rating"),
    [("share_more_knowledge", "knowledge"), ("share_more_insight", "insight")],
)
def test_relay_gain_shares_equal_published_table(
    participants: pd.DataFrame, published: pd.DataFrame, metric: str, rating: str
) -> None:
    """Does the synthetic share of gainers equal the figure in the published table?"""
    assert _gained(participants, rating).mean() == pytest.approx(published.loc[metric, "value"])


def test_relay_innovation_day_has_250_respondents(day: pd.DataFrame) -> None:
    """Does the Innovation Day table hold exactly 250 respondents?"""
    assert len(day) == 250


def test_relay_innovation_day_200_satisfied(day: pd.DataFrame, published: pd.DataFrame) -> None:
    """Are exactly 200 respondents (the published 80 %) satisfied or very satisfied?"""
    satisfied = day["satisfaction"].isin(["satisfied", "very satisfied"])
    assert satisfied.sum() == 200
    assert satisfied.mean() == pytest.approx(
        published.loc["innovation_day_share_satisfied", "value"]
    )


@pytest.mark.parametrize(
    ("metric", "value"),
    [
        ("relay_participants", 550),
        ("share_more_knowledge", 0.8),
        ("share_more_insight", 0.7),
        ("share_members_aware", 0.57),
        ("innovation_day_participants", 250),
        ("innovation_day_share_satisfied", 0.8),
        ("organisations_implementing_2016", 10),
    ],
)
def test_relay_published_figures_as_reported(
    published: pd.DataFrame, metric: str, value: float
) -> None:
    """Does the published table hold the figure Vinnova's project page reports?"""
    assert published.loc[metric, "value"] == pytest.approx(value)
    assert published.loc[metric, "source"] == "vinnova2015innovationsledning"


@pytest.mark.parametrize(
    ("table", "synthetic"),
    [("participants", True), ("innovation_day", True), ("published", False)],
)
def test_relay_tables_labelled_synthetic_or_real(table: str, synthetic: bool) -> None:
    """Is each table labelled SYNTHETIC exactly when its records are invented?"""
    spec = get("relay").table(table)
    assert spec.synthetic is synthetic
    assert ("SYNTHETIC" in spec.description) is synthetic
    assert ("REAL" in spec.description) is not synthetic


def test_relay_sizes_between_40_and_60(participants: pd.DataFrame) -> None:
    """Do all 11 relays have between 40 and 60 participants?"""
    sizes = participants["relay"].value_counts()
    assert len(sizes) == 11
    assert sizes.between(40, 60).all()


@pytest.mark.parametrize("column", ["region", "relay_start"])
def test_relay_one_region_and_date_per_relay(participants: pd.DataFrame, column: str) -> None:
    """Does every participant of a relay share the relay's region and start date?"""
    assert participants.groupby("relay")[column].nunique().eq(1).all()


def test_relay_gains_differ_between_relays(participants: pd.DataFrame) -> None:
    """Do the relays differ in their share of knowledge gainers by at least 15 points?"""
    shares = _gained(participants, "knowledge").groupby(participants["relay"]).mean()
    assert shares.max() - shares.min() >= 0.15


@pytest.mark.parametrize("rating", ["knowledge", "insight"])
def test_relay_later_relays_gain_more(participants: pd.DataFrame, rating: str) -> None:
    """Do relays 7-11 have a larger share of gainers than relays 1-5 (concept developed)?"""
    gained = _gained(participants, rating)
    assert gained[participants["relay"] >= 7].mean() > gained[participants["relay"] <= 5].mean()


def test_relay_top_officials_start_higher(participants: pd.DataFrame) -> None:
    """Do top officials rate their knowledge higher before the relay than unit managers do?"""
    before = participants.groupby("role", observed=True)["knowledge_pre"].mean()
    assert before["top official"] > before["unit manager"]


def test_relay_gainers_mostly_gain_both(participants: pd.DataFrame) -> None:
    """Are most insight gainers also knowledge gainers (the two go together)?"""
    knowledge = _gained(participants, "knowledge")
    insight = _gained(participants, "insight")
    assert knowledge[insight].mean() > knowledge[~insight].mean()


def test_relay_some_ratings_fall(participants: pd.DataFrame) -> None:
    """Do a few participants (1-5 %) rate their knowledge lower after the relay?"""
    fell = (participants["knowledge_post"] < participants["knowledge_pre"]).mean()
    assert 0.005 <= fell <= 0.05


def test_relay_satisfaction_missing_is_rare(participants: pd.DataFrame) -> None:
    """Are relay satisfaction answers missing for some but under 5 % of participants?"""
    missing = participants["satisfaction"].isna().mean()
    assert 0 < missing < 0.05


def test_relay_gainers_more_satisfied(participants: pd.DataFrame) -> None:
    """Are knowledge gainers on average more satisfied with the relay than the others?"""
    gained = _gained(participants, "knowledge")
    mean = participants["satisfaction"].astype("float").groupby(gained).mean()
    assert mean[True] > mean[False]


def test_relay_politicians_less_often_satisfied(day: pd.DataFrame) -> None:
    """Were politicians less often satisfied with the Innovation Day than managers?"""
    satisfied = day["satisfaction"].isin(["satisfied", "very satisfied"])
    share = satisfied.groupby(day["respondent_type"], observed=True).mean()
    assert share["politician"] < share["manager"]
