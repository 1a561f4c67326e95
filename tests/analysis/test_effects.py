"""Pilot effects: unit changes, naive and difference-in-differences estimates, trends."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from innolead.analysis.effects import (
    counterfactual,
    diff_in_diff,
    estimates,
    estimates_table,
    group_period_means,
    monthly_means,
    naive_change,
    per_user,
    similar_baseline,
    unit_changes,
)
from innolead.analysis.errors import SelectionError

TREATED, COMPARISON = "intervention", "comparison"


def _pilot(values: dict[str, tuple[str, list[float]]]) -> pd.DataFrame:
    """A pilot frame: per unit its group and four monthly values, two before, two after."""
    rows = []
    for unit, (group, series) in values.items():
        for month, value in enumerate(series, start=1):
            period = "before" if month <= 2 else "after"
            row = {"unit_id": unit, "group": group, "month": month, "period": period}
            rows.append({**row, "y": value})
    return pd.DataFrame(rows)


# Changes (after mean - before mean): A 4 - 7 = -3, B 3 - 5 = -2, C 5 - 6 = -1, D 4 - 4 = 0.
SMALL = _pilot(
    {
        "A": (TREATED, [6.0, 8.0, 4.0, 4.0]),
        "B": (TREATED, [5.0, 5.0, 4.0, 2.0]),
        "C": (COMPARISON, [6.0, 6.0, 5.0, 5.0]),
        "D": (COMPARISON, [4.0, 4.0, 4.0, 4.0]),
    }
)


def test_unit_changes_computes_after_minus_before() -> None:
    """Is each unit's change its mean after minus its mean before (-3, -2, -1, 0)?"""
    changes = unit_changes(SMALL, "y").set_index("unit")["change"]
    assert changes.to_dict() == {"A": -3.0, "B": -2.0, "C": -1.0, "D": 0.0}


def test_unit_changes_skips_missing_months() -> None:
    """Is a missing month left out of the unit's mean (A after: mean of 4 and 4 is 4)?"""
    frame = SMALL.copy()
    extra = {"unit_id": "A", "group": TREATED, "month": 5, "period": "after", "y": np.nan}
    frame.loc[len(frame)] = extra
    assert unit_changes(frame, "y").set_index("unit").loc["A", "after"] == 4.0


def test_unit_changes_drops_unit_without_after_data() -> None:
    """Is a unit with no value after the start left out?"""
    frame = SMALL.copy()
    frame.loc[(frame["unit_id"] == "D") & (frame["period"] == "after"), "y"] = np.nan
    assert unit_changes(frame, "y")["unit"].tolist() == ["A", "B", "C"]


def test_unit_changes_does_not_change_input() -> None:
    """Is the input frame left as it was?"""
    frame = SMALL.copy()
    unit_changes(frame, "y")
    pd.testing.assert_frame_equal(frame, SMALL)


def test_group_period_means_counts_rows_used() -> None:
    """Does the table give n (rows with a value) and missing for each group and period?"""
    frame = SMALL.copy()
    frame.loc[0, "y"] = np.nan  # A's first month: the treated before mean becomes (8+5+5)/3 = 6
    table = group_period_means(frame, "y").set_index(["group", "period"])
    assert table.loc[(TREATED, "before")].tolist() == [3, 1, 6.0]


def test_naive_change_is_mean_of_treated_changes() -> None:
    """Is the naive estimate (-3 + -2) / 2 = -2.5, with a one-sample t interval?"""
    # SD of (-3, -2) is sqrt(0.5); SE = sqrt(0.5 / 2) = 0.5; t(0.975, 1) = 12.706.
    result = naive_change(SMALL, "y")
    margin = stats.t.ppf(0.975, 1) * 0.5
    assert (result.estimate, result.low, result.high) == pytest.approx(
        (-2.5, -2.5 - margin, -2.5 + margin)
    )


def test_diff_in_diff_hand_computed() -> None:
    """Is DiD = -2.5 - (-0.5) = -2.0, SE = sqrt(0.25 + 0.25) and Welch df = 2?"""
    # Variances of (-3, -2) and (-1, 0) are both 0.5; divided by n = 2 each gives 0.25.
    # df = 0.5^2 / (0.25^2 / 1 + 0.25^2 / 1) = 2.
    result = diff_in_diff(SMALL, "y")
    assert (result.estimate, result.se, result.df) == pytest.approx((-2.0, np.sqrt(0.5), 2.0))


def test_diff_in_diff_interval_matches_scipy_welch() -> None:
    """Is the interval the one scipy's Welch t-test gives for the same unit changes?"""
    changes = unit_changes(SMALL, "y")
    groups = [changes.loc[changes["group"] == g, "change"] for g in (TREATED, COMPARISON)]
    expected = stats.ttest_ind(*groups, equal_var=False).confidence_interval(0.95)
    result = diff_in_diff(SMALL, "y")
    assert (result.low, result.high) == pytest.approx((expected.low, expected.high))


def test_diff_in_diff_recovers_planted_effect() -> None:
    """With a common trend of -1 and a planted effect of -0.8, is DiD -0.8 and naive -1.8?"""
    rng = np.random.default_rng(1)
    values = {}
    for i in range(12):
        group = TREATED if i < 6 else COMPARISON
        level = rng.normal(6, 1)
        effect = -0.8 if group == TREATED else 0.0
        values[f"U{i}"] = (group, [level, level, level - 1 + effect, level - 1 + effect])
    found = estimates(_pilot(values), "y")
    assert (found["did"].estimate, found["naive"].estimate) == pytest.approx((-0.8, -1.8))


def test_estimates_table_lists_both_estimates() -> None:
    """Does the table hold the naive and the DiD estimate with the units each used?"""
    table = estimates_table(estimates(SMALL, "y"))
    expected = {"estimate": [-2.5, -2.0], "units": [2, 4]}
    assert table[["estimate", "units"]].to_dict("list") == expected


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (SMALL.iloc[0:0], "No rows"),
        (SMALL[SMALL["group"] == TREATED], "two comparison units"),
        (SMALL[SMALL["unit_id"] != "D"], "this selection has 1"),
        (SMALL.assign(y=np.nan), "No rows"),
        (SMALL[SMALL["period"] == "before"], "both before and after"),
    ],
    ids=["empty", "no comparison", "one comparison unit", "all missing", "no after data"],
)
def test_diff_in_diff_rejects_unusable_selection(frame: pd.DataFrame, message: str) -> None:
    """Does a selection the estimate cannot use raise a SelectionError that says why?"""
    with pytest.raises(SelectionError, match=message):
        diff_in_diff(frame, "y")


def test_naive_change_rejects_unknown_column() -> None:
    """Does an unknown outcome column get a message listing the columns?"""
    with pytest.raises(SelectionError, match="the columns are"):
        naive_change(SMALL, "hours")


def test_monthly_means_averages_each_group_month() -> None:
    """Is the treated mean in month 1 (6 + 5) / 2 = 5.5 over n = 2 units?"""
    table = monthly_means(SMALL, "y").set_index(["group", "month"])
    assert table.loc[(TREATED, 1)].tolist() == [2, 5.5]


@pytest.mark.parametrize(
    ("method", "expected"),
    # Treated monthly means: 5.5, 6.5 | 4.0, 3.0; comparison: 5, 5 | 4.5, 4.5.
    # naive: the treated before mean, 6.0, in each after month.
    # did: comparison + before gap (0.5 + 1.5) / 2 = 1.0, so 5.5 in each after month.
    [("naive", [6.0, 6.0]), ("did", [5.5, 5.5])],
)
def test_counterfactual_follows_each_method(method: str, expected: list[float]) -> None:
    """Does each method's counterfactual match the hand computation for the after months?"""
    periods = SMALL.drop_duplicates("month").set_index("month")["period"]
    result = counterfactual(monthly_means(SMALL, "y"), periods, method)
    assert result["mean"].tolist() == pytest.approx(expected)


def test_similar_baseline_keeps_comparison_units_in_treated_range() -> None:
    """Does it keep C (before 6, within 5-7) and drop D (before 4)?"""
    assert similar_baseline(SMALL, "y")["unit_id"].unique().tolist() == ["A", "B", "C"]


def test_per_user_divides_by_users() -> None:
    """Is cost per user cost / users (1000 / 10 = 100)?"""
    frame = pd.DataFrame({"cost_sek": [1000], "users": [10]})
    assert per_user(frame, "cost_sek", name="cost_per_user")["cost_per_user"].tolist() == [100.0]


def test_per_user_does_not_change_input() -> None:
    """Is the input frame left without the new column?"""
    frame = pd.DataFrame({"cost_sek": [1000], "users": [10]})
    per_user(frame, "cost_sek")
    assert list(frame.columns) == ["cost_sek", "users"]


def test_per_user_leaves_zero_users_missing() -> None:
    """Is the ratio missing (not infinite) when a row has no users?"""
    frame = pd.DataFrame({"cost_sek": [900], "users": [0]})
    assert per_user(frame, "cost_sek")["cost_sek_per_user"].isna().all()
