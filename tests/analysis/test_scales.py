"""Tests of ``innolead.analysis.scales``: scale scores, unit means and idea comparisons.

Small frames are written out in each test with the hand computation in a comment; the case
data is used for the README's realised values (mean safety 4.80, alpha 0.82, r 0.38/0.41) and
for the planted link between safety and ideas.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.analysis.scales import (
    MANAGER_ITEMS,
    QUARTERS,
    REVERSED_ITEMS,
    SAFETY_ITEMS,
    correlation,
    group_rates,
    idea_rates,
    implementation_rate,
    keyed_items,
    quartile_groups,
    quartile_rates,
    reported_units,
    safety_index,
    scale_score,
    strength,
    unit_means,
    unit_table,
)
from innolead.cases import load
from tests.statistics import cronbach_alpha, group_means


def _units() -> pd.DataFrame:
    """Four units in two groups, with staff and ideas."""
    return pd.DataFrame(
        {
            "unit_id": ["A", "B", "C", "D"],
            "level": ["low", "low", "high", "high"],
            "staff_count": [10, 10, 5, 20],
            "ideas_submitted": [1, 3, 5, 0],
            "ideas_implemented": [0, 1, 3, 0],
            "safety": [4.0, 4.5, 5.5, 6.0],
        }
    )


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return load("culture")


@pytest.fixture(scope="module")
def units() -> pd.DataFrame:
    return load("culture", table="units")


@pytest.fixture(scope="module")
def table(responses: pd.DataFrame, units: pd.DataFrame) -> pd.DataFrame:
    return unit_table(responses, units)


# --- Scale scores ------------------------------------------------------------------------------


def test_keyed_items_turns_reverse_items_round() -> None:
    """Is a reverse-keyed answer replaced by 8 minus the answer on a 1-7 scale?"""
    frame = pd.DataFrame({"calm": [7, 2], "blamed_r": [1, 6]})
    assert keyed_items(frame, ["calm", "blamed_r"])["blamed_r"].tolist() == [7.0, 2.0]


def test_keyed_items_explicit_reverse_list() -> None:
    """Is an explicitly named item reversed even without the ``_r`` suffix?"""
    frame = pd.DataFrame({"a": [1], "b": [5]})
    assert keyed_items(frame, ["a", "b"], reverse=["b"], low=1, high=5)["b"].tolist() == [1.0]


def test_keyed_items_stray_reverse_item_raises() -> None:
    """Does a reverse-keyed item outside the scale give a clear message?"""
    with pytest.raises(ValueError, match="not among the items"):
        keyed_items(pd.DataFrame({"a": [1]}), ["a"], reverse=["z"])


def test_keyed_items_leaves_input_unchanged() -> None:
    """Is the input frame unchanged after turning items round?"""
    frame = pd.DataFrame({"x_r": [1, 2]})
    keyed_items(frame, ["x_r"])
    assert frame["x_r"].tolist() == [1, 2]


def test_scale_score_means_answered_items() -> None:
    """Is the score the mean of the answered items, with reverse-keyed items turned round?"""
    # Row 0: 6 and 8 - 3 = 5 -> 5.5. Row 1: only 4 answered -> 4.0. Row 2: 8 - 7 = 1 -> 1.0.
    frame = pd.DataFrame({"calm": [6, 4, None], "blamed_r": [3, None, 7]})
    assert scale_score(frame, ["calm", "blamed_r"]).tolist() == [5.5, 4.0, 1.0]


def test_scale_score_nothing_answered_raises() -> None:
    """Does a selection where nobody answered any item raise a SelectionError?"""
    with pytest.raises(SelectionError, match="answered any of the items"):
        scale_score(pd.DataFrame({"a": [None, None]}), ["a"])


def test_scale_score_empty_frame_raises() -> None:
    """Does an empty selection raise a SelectionError?"""
    with pytest.raises(SelectionError, match="No respondents"):
        scale_score(pd.DataFrame({"a": []}), ["a"])


def test_safety_index_within_scale(responses: pd.DataFrame) -> None:
    """Is every respondent's safety index between 1 and 7?"""
    assert safety_index(responses).between(1, 7).all()


def test_safety_index_case_mean(responses: pd.DataFrame) -> None:
    """Is the average safety index the README's realised 4.80?"""
    assert safety_index(responses).mean() == pytest.approx(4.80, abs=0.005)


def test_safety_index_uses_the_three_reverse_items() -> None:
    """Are exactly the three ``_r`` items reverse-keyed, as the README documents?"""
    documented = ("ps1_errors_blamed_r", "ps3_differ_excluded_r", "ps5_help_looks_weak_r")
    assert documented == REVERSED_ITEMS


def test_cronbach_alpha_hand_computed() -> None:
    """Is alpha the value worked out by hand?"""
    # Items a = 1, 2, 3 and b = 1, 3, 2: variances 1 and 1; totals 2, 5, 5, variance 3.
    # alpha = 2 / 1 * (1 - 2 / 3) = 2/3.
    frame = pd.DataFrame({"a": [1, 2, 3], "b": [1, 3, 2]})
    assert cronbach_alpha(frame, ["a", "b"]) == pytest.approx(2 / 3)


def test_cronbach_alpha_case_value(responses: pd.DataFrame) -> None:
    """Is the safety scale's alpha the README's realised 0.82?"""
    assert cronbach_alpha(responses, SAFETY_ITEMS) == pytest.approx(0.82, abs=0.005)


def test_cronbach_alpha_too_few_respondents_raises() -> None:
    """Does alpha with a single complete respondent raise a SelectionError?"""
    with pytest.raises(SelectionError, match="two complete respondents"):
        cronbach_alpha(pd.DataFrame({"a": [1, None], "b": [2, 3]}), ["a", "b"])


# --- Unit and group means -------------------------------------------------------------------


def test_unit_means_hand_computed() -> None:
    """Are the unit means and respondent counts those worked out by hand?"""
    # A: 5 respondents, safety 5, 6, 7, blank, 6 -> 24 / 4 = 6.0 (blank left out of the mean).
    frame = pd.DataFrame({"unit_id": ["A"] * 5, "safety": [5, 6, 7, None, 6]})
    row = unit_means(frame, ["safety"]).iloc[0]
    assert (row["respondents"], row["safety"]) == (5, 6.0)


def test_unit_means_suppresses_small_units() -> None:
    """Is a unit with fewer than 5 respondents left out?"""
    frame = pd.DataFrame({"unit_id": ["A"] * 5 + ["B"] * 4, "safety": [5] * 9})
    assert unit_means(frame, ["safety"])["unit_id"].tolist() == ["A"]


def test_unit_means_all_suppressed_raises() -> None:
    """Does a selection where every unit is too small raise a SelectionError?"""
    frame = pd.DataFrame({"unit_id": ["A"] * 3, "safety": [5, 6, 7]})
    with pytest.raises(SelectionError, match="5 or more respondents"):
        unit_means(frame, ["safety"])


def test_group_means_hand_computed() -> None:
    """Are the group means over answered rows those worked out by hand?"""
    # lead: 6 -> 6.0 (n 1); staff: 4, 5, blank -> 4.5 (n 2).
    frame = pd.DataFrame({"role": ["lead", "staff", "staff", "staff"], "s": [6, 4, 5, None]})
    table = group_means(frame, "s", "role")
    assert table.to_dict("list") == {"group": ["lead", "staff"], "n": [1, 2], "mean": [6.0, 4.5]}


def test_group_means_team_leaders_higher(responses: pd.DataFrame) -> None:
    """Is the planted role gap recovered: do team leaders rate safety above frontline staff?"""
    scored = responses.assign(safety=safety_index(responses))
    means = group_means(scored, "safety", "role").set_index("group")["mean"]
    assert means["team leader"] > means["frontline staff"]


def test_group_means_all_missing_raises() -> None:
    """Does a column without values raise a SelectionError?"""
    with pytest.raises(SelectionError, match="has a value for 's'"):
        group_means(pd.DataFrame({"role": ["a"], "s": [None]}), "s", "role")


# --- Idea rates and the unit table --------------------------------------------------------------


def test_idea_rates_hand_computed() -> None:
    """Are ideas per staff member and the implementation rate those worked out by hand?"""
    # C: 5 / 5 = 1.0 submitted per staff, 3 / 5 = 0.6 implemented per staff, 3 / 5 = 0.6.
    row = idea_rates(_units()).iloc[2]
    assert (row["submitted_per_staff"], row["implemented_per_staff"]) == (1.0, 0.6)
    assert row["implementation_rate"] == 0.6


def test_idea_rates_no_ideas_gives_no_rate() -> None:
    """Does a unit that submitted no ideas get no implementation rate (NaN, not 0)?"""
    assert math.isnan(idea_rates(_units())["implementation_rate"].iloc[3])


def test_unit_table_case_shape(table: pd.DataFrame) -> None:
    """Does the unit table have all 78 units with their respondents and idea rates?"""
    assert len(table) == 78
    assert {"respondents", "safety", *MANAGER_ITEMS, "implementation_rate"} <= set(table)


def test_unit_table_respondents_add_up(table: pd.DataFrame, responses: pd.DataFrame) -> None:
    """Do the units' respondent counts add up to every respondent (no unit suppressed)?"""
    assert table["respondents"].sum() == len(responses)


# --- Correlation and strength ------------------------------------------------------------------


def test_correlation_hand_computed() -> None:
    """Is r computed over complete pairs only?"""
    # Pairs (1, 2), (2, 4), (3, 6) lie on a line: r = 1, n = 3; the fourth row is incomplete.
    frame = pd.DataFrame({"x": [1, 2, 3, 4], "y": [2, 4, 6, None]})
    result = correlation(frame, "x", "y")
    assert result.r == pytest.approx(1.0)
    assert result.n == 3


@pytest.mark.parametrize(
    ("outcome", "expected"), [("submitted_per_staff", 0.38), ("implemented_per_staff", 0.41)]
)
def test_correlation_case_recovers_planted_link(
    table: pd.DataFrame, outcome: str, expected: float
) -> None:
    """Is the README's realised unit-level correlation of safety with ideas recovered?"""
    assert correlation(table, "safety", outcome).r == pytest.approx(expected, abs=0.005)


def test_correlation_too_few_units_raises() -> None:
    """Does a correlation over two units raise a SelectionError?"""
    with pytest.raises(SelectionError, match="at least 3"):
        correlation(pd.DataFrame({"x": [1, 2], "y": [1, 2]}), "x", "y")


def test_correlation_constant_values_raises() -> None:
    """Does a column where every unit has the same value raise a SelectionError?"""
    with pytest.raises(SelectionError, match="same value"):
        correlation(pd.DataFrame({"x": [1, 2, 3], "y": [5, 5, 5]}), "x", "y")


@pytest.mark.parametrize(
    ("r", "word"),
    [
        (0.0, "no clear link"),
        (0.29, "a weak link"),
        (-0.4, "a moderate link"),
        (0.5, "a strong link"),
    ],
)
def test_strength_names_size(r: float, word: str) -> None:
    """Is the correlation described with the word for its size, whatever its sign?"""
    assert strength(r) == word


# --- Groups of units ---------------------------------------------------------------------------


def test_reported_units_keeps_large_units() -> None:
    """Are only units with at least the given number of respondents kept?"""
    frame = pd.DataFrame({"unit_id": ["A", "B", "C"], "respondents": [5, 10, 12]})
    assert reported_units(frame, 10)["unit_id"].tolist() == ["B", "C"]


def test_reported_units_none_left_raises() -> None:
    """Does a rule that leaves no unit raise a SelectionError?"""
    with pytest.raises(SelectionError, match="15 or more respondents"):
        reported_units(pd.DataFrame({"respondents": [5, 6]}), 15)


def test_quartile_groups_equal_sizes(table: pd.DataFrame) -> None:
    """Are the 78 units split into quarters of 19 or 20, lowest scores first?"""
    groups = quartile_groups(table["safety"])
    sizes = groups.value_counts().reindex(list(QUARTERS))
    assert sizes.tolist() == [20, 19, 19, 20]
    means = table["safety"].groupby(groups, observed=True).mean()
    assert means.is_monotonic_increasing


def test_quartile_groups_missing_stays_ungrouped() -> None:
    """Does a unit without a score get no group?"""
    values = pd.Series([1.0, 2.0, None, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0])
    assert pd.isna(quartile_groups(values).iloc[2])


def test_quartile_groups_too_few_units_raises() -> None:
    """Does splitting seven units into four groups raise a SelectionError?"""
    with pytest.raises(SelectionError, match="Only 7 units"):
        quartile_groups(pd.Series(range(7), dtype="float64"))


def test_group_rates_pooled_hand_computed() -> None:
    """Is a group's rate its total ideas over its total staff?"""
    # low: (1 + 3) / (10 + 10) = 0.2; high: (5 + 0) / (5 + 20) = 0.2.
    table = group_rates(_units(), "level", "submitted_per_staff").set_index("group")
    assert table.loc["low", "rate"] == pytest.approx(0.2)
    assert table.loc["high", "staff"] == 25


def test_group_rates_implementation_rate_hand_computed() -> None:
    """Is the implementation rate implemented over submitted ideas in the group?"""
    # low: (0 + 1) / (1 + 3) = 0.25; high: 3 / 5 = 0.6.
    table = group_rates(_units(), "level", "implementation_rate", score="safety")
    assert table.set_index("group")["rate"].to_dict() == pytest.approx({"high": 0.6, "low": 0.25})
    assert table.set_index("group").loc["high", "mean_score"] == 5.75  # (5.5 + 6.0) / 2


def test_group_rates_drops_group_without_base() -> None:
    """Is a group that submitted no ideas left out of the implementation rate?"""
    units = _units().assign(ideas_submitted=[0, 0, 5, 0], ideas_implemented=[0, 0, 3, 0])
    assert group_rates(units, "level", "implementation_rate")["group"].tolist() == ["high"]


def test_group_rates_unknown_outcome_raises() -> None:
    """Does an unknown outcome list the real ones?"""
    with pytest.raises(KeyError, match="the outcomes are"):
        group_rates(_units(), "level", "happiness")


def test_group_rates_empty_raises() -> None:
    """Does an empty selection raise a SelectionError?"""
    with pytest.raises(SelectionError, match="No units"):
        group_rates(_units().iloc[0:0], "level", "submitted_per_staff")


@pytest.mark.parametrize("outcome", ["submitted_per_staff", "implemented_per_staff"])
def test_quartile_rates_safest_quarter_highest(table: pd.DataFrame, outcome: str) -> None:
    """Is the planted link recovered: do the safest units produce more ideas than the least?"""
    rates = quartile_rates(table, outcome)
    assert rates["group"].tolist() == list(QUARTERS)
    assert rates["rate"].iloc[-1] > 2 * rates["rate"].iloc[0]


def test_implementation_rate_hand_computed() -> None:
    """Is the overall rate all implemented ideas over all submitted?"""
    assert implementation_rate(_units()) == pytest.approx(4 / 9)  # (0+1+3+0) / (1+3+5+0)


def test_implementation_rate_case_value(units: pd.DataFrame) -> None:
    """Is the case's implementation rate the README's realised 39 %?"""
    assert implementation_rate(units) == pytest.approx(0.39, abs=0.005)


def test_implementation_rate_no_ideas_raises() -> None:
    """Does a selection without submitted ideas raise a SelectionError?"""
    with pytest.raises(SelectionError, match="No ideas were submitted"):
        implementation_rate(_units().assign(ideas_submitted=0))
