"""Tests of ``innolead.analysis.funnel``: funnel counts, conversion, time in stage, benefit."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.analysis.funnel import (
    STAGES,
    benefit_realisation,
    best_converter,
    best_row,
    conversion_by,
    funnel_counts,
    implementation_rate,
    portfolio_mix,
    reached,
    stage_conversion,
    submitted_before,
    time_in_stage,
)
from innolead.cases import load


def _stages(values: list[str]) -> pd.Categorical:
    return pd.Categorical(values, categories=STAGES, ordered=True)


# Six ideas in two units. Unit A: implemented, tested, submitted; unit B: spread, spread,
# screened. Reached implementation: A 1 of 3, B 2 of 3.
SMALL = pd.DataFrame(
    {
        "unit": ["A", "A", "A", "B", "B", "B"],
        "facet": ["enhancement", "adaptive", "enhancement", "enhancement", "adaptive", "adaptive"],
        "stage": _stages(["implemented", "tested", "submitted", "spread", "spread", "screened"]),
    }
)


@pytest.fixture(scope="module")
def ideas() -> pd.DataFrame:
    return load("portfolio")


@pytest.mark.parametrize(
    ("target", "expected"),
    [("submitted", 6), ("screened", 5), ("tested", 4), ("implemented", 3), ("spread", 2)],
)
def test_reached_counts_later_stages(target: str, expected: int) -> None:
    """Does an idea that got further count as having reached every earlier stage?"""
    assert reached(SMALL, target).sum() == expected


def test_reached_rejects_unknown_stage() -> None:
    """Does a misspelt stage give a message listing the stages?"""
    with pytest.raises(ValueError, match="the stages are"):
        reached(SMALL, "implement")


def test_funnel_counts_by_hand() -> None:
    """Do the counts, shares and conversions equal the hand computation (6, 5, 4, 3, 2)?"""
    table = funnel_counts(SMALL)
    assert table["reached"].tolist() == [6, 5, 4, 3, 2]
    assert table["share_of_all"].tolist() == pytest.approx([1, 5 / 6, 4 / 6, 3 / 6, 2 / 6])
    assert table["conversion"].iloc[1:].tolist() == pytest.approx([5 / 6, 4 / 5, 3 / 4, 2 / 3])


def test_funnel_counts_needs_stage_order_for_text() -> None:
    """Is a plain text stage column refused unless the stages are given in order?"""
    frame = SMALL.assign(stage=SMALL["stage"].astype(str))
    with pytest.raises(ValueError, match="pass the stages in order"):
        funnel_counts(frame)


def test_funnel_counts_accepts_stage_list_for_text() -> None:
    """With the stages given, does a plain text column give the same funnel?"""
    frame = SMALL.assign(stage=SMALL["stage"].astype(str))
    assert funnel_counts(frame, stages=STAGES)["reached"].tolist() == [6, 5, 4, 3, 2]


@pytest.mark.parametrize("seed", range(5))
def test_funnel_counts_never_increase_random(seed: int) -> None:
    """For random stages, do the counts never increase down the funnel?"""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame({"stage": _stages(list(rng.choice(STAGES, size=40)))})
    assert funnel_counts(frame)["reached"].is_monotonic_decreasing


@pytest.mark.parametrize(
    "department",
    [
        "Elderly care and disability",
        "Education",
        "Social services",
        "Urban development",
        "Culture and leisure",
        "Municipal executive office",
    ],
)
def test_funnel_counts_never_increase_case(ideas: pd.DataFrame, department: str) -> None:
    """For each department of the portfolio, do the counts never increase?"""
    table = funnel_counts(ideas[ideas["department"] == department])
    assert table["reached"].is_monotonic_decreasing


def test_funnel_counts_leaves_out_missing_stage() -> None:
    """Is an idea without a stage left out of the base?"""
    frame = pd.DataFrame({"stage": _stages(["tested", None, "submitted"])})
    assert funnel_counts(frame)["reached"].iloc[0] == 2


def test_funnel_counts_refuses_empty_selection() -> None:
    """Does an empty selection raise a SelectionError with a reason?"""
    with pytest.raises(SelectionError, match="No ideas match this selection"):
        funnel_counts(SMALL.iloc[0:0])


def test_stage_conversion_by_hand() -> None:
    """Does each step give started, moved on and their ratio (6->5, 5->4, 4->3, 3->2)?"""
    table = stage_conversion(SMALL)
    assert table["started"].tolist() == [6, 5, 4, 3]
    assert table["moved_on"].tolist() == [5, 4, 3, 2]
    assert table["step"].iloc[0] == "submitted → screened"


def test_implementation_rate_case(ideas: pd.DataFrame) -> None:
    """Did 66 of the portfolio's 320 ideas reach implementation?"""
    assert implementation_rate(ideas) == pytest.approx(66 / 320)


def test_conversion_by_by_hand() -> None:
    """Is unit B (2 of 3) listed before unit A (1 of 3), with counts?"""
    table = conversion_by(SMALL, "unit")
    assert table[["group", "ideas", "reached"]].values.tolist() == [["B", 3, 2], ["A", 3, 1]]
    assert table["rate"].tolist() == pytest.approx([2 / 3, 1 / 3])


def test_conversion_by_rates_in_range(ideas: pd.DataFrame) -> None:
    """Are all department rates shares between 0 and 1, sorted from best to worst?"""
    rates = conversion_by(ideas)["rate"]
    assert rates.between(0, 1).all()
    assert rates.is_monotonic_decreasing


@pytest.mark.parametrize("before", [None, "2024-01-01"])
def test_best_converter_is_urban_development(ideas: pd.DataFrame, before: str | None) -> None:
    """Does Urban development convert best, for all ideas and for ideas before 2024?"""
    frame = ideas if before is None else submitted_before(ideas, before)
    assert best_converter(frame) == "Urban development"


def test_best_row_skips_small_groups() -> None:
    """Is a group with 2 of 2 ideas passed over for one with 6 of 10 (minimum 10 ideas)?"""
    table = pd.DataFrame(
        {"group": ["C", "B"], "ideas": [2, 10], "reached": [2, 6], "rate": [1.0, 0.6]}
    )
    assert best_row(table)["group"] == "B"


def test_best_converter_refuses_when_no_group_large_enough() -> None:
    """With no unit holding 10 ideas, is the question refused with a reason?"""
    with pytest.raises(SelectionError, match="10 or more ideas"):
        best_converter(SMALL, "unit")


def test_time_in_stage_by_hand() -> None:
    """For 10, 20 and 30 days, is the median 20 and the 90th percentile 28?"""
    # numpy's linear quantile: position 0.9 * 2 = 1.8, so 20 + 0.8 * 10 = 28.
    start = pd.to_datetime(["2024-01-01"] * 4)
    end = pd.to_datetime(["2024-01-11", "2024-01-21", "2024-01-31", None])
    table = time_in_stage(pd.DataFrame({"a_date": start, "b_date": end}), ["a", "b"])
    row = table.iloc[0]
    assert row[["ideas", "median_days", "p90_days", "max_days"]].tolist() == [3, 20, 28, 30]


def test_time_in_stage_long_tail(ideas: pd.DataFrame) -> None:
    """In the portfolio, is every step's 90th percentile above its median?"""
    table = time_in_stage(ideas)
    assert (table["p90_days"] > table["median_days"]).all()
    assert len(table) == 4


def test_time_in_stage_refuses_when_nobody_moved() -> None:
    """If no idea reached the next stage, is there a clear message?"""
    frame = pd.DataFrame(
        {"a_date": pd.to_datetime(["2024-01-01"]), "b_date": pd.to_datetime([None])}
    )
    with pytest.raises(SelectionError, match="has moved from one stage"):
        time_in_stage(frame, ["a", "b"])


def test_portfolio_mix_by_hand() -> None:
    """Are 3 of 6 ideas enhancement (share 0.5, 2 implemented) and 3 adaptive (1)?"""
    table = portfolio_mix(SMALL.assign(facet=pd.Categorical(SMALL["facet"])))
    table = table.set_index("group")
    assert table.loc["enhancement", ["ideas", "share", "reached"]].tolist() == [3, 0.5, 2]
    assert table.loc["adaptive", "reached"] == 1


def test_portfolio_mix_shares_add_up(ideas: pd.DataFrame) -> None:
    """Do the facet shares add up to 1, with enhancement the largest?"""
    table = portfolio_mix(ideas)
    assert table["share"].sum() == pytest.approx(1)
    assert table.loc[table["share"].idxmax(), "group"] == "enhancement"


def test_benefit_realisation_by_hand() -> None:
    """Expected 100+200+100, realised 50+100+150: ratio 0.75, 2 of 3 below expected?"""
    frame = pd.DataFrame(
        {
            "expected_benefit_sek": pd.array([100, 200, 100, None], dtype="Int64"),
            "realised_benefit_sek": pd.array([50, 100, 150, 80], dtype="Int64"),
        }
    )
    row = benefit_realisation(frame).iloc[0]
    assert row[["ideas", "expected", "realised"]].tolist() == [3, 400, 300]
    assert row[["ratio", "share_below"]].tolist() == pytest.approx([0.75, 2 / 3])


def test_benefit_realisation_case_mostly_below(ideas: pd.DataFrame) -> None:
    """In the portfolio, do at least 60 % of implemented ideas realise less than expected?"""
    assert benefit_realisation(ideas)["share_below"].iloc[0] >= 0.6


def test_benefit_realisation_refuses_without_pairs() -> None:
    """With no idea holding both figures, is there a clear message?"""
    frame = pd.DataFrame({"expected_benefit_sek": [100], "realised_benefit_sek": [None]})
    with pytest.raises(SelectionError, match="both an expected and a realised"):
        benefit_realisation(frame)


def test_submitted_before_keeps_older_ideas(ideas: pd.DataFrame) -> None:
    """Are only ideas submitted before 2024 kept?"""
    older = submitted_before(ideas, "2024-01-01")
    assert older["submitted_date"].max() < pd.Timestamp("2024-01-01")
    assert 0 < len(older) < len(ideas)


def test_submitted_before_refuses_empty(ideas: pd.DataFrame) -> None:
    """Does a date before the first idea give a clear message?"""
    with pytest.raises(SelectionError, match="submitted before 2000"):
        submitted_before(ideas, "2000-01-01")
