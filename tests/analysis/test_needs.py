"""Tests of ``innolead.analysis.needs``: satisfaction and pain points along a journey."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.analysis.needs import (
    USERS,
    assumed_vs_reported,
    lowest_steps,
    missed_problems,
    pain_points_by_step,
    reported_ranking,
    satisfaction_by_step,
    top_pain_point_by_step,
)
from innolead.cases import load

STEPS = ["first", "middle", "last"]
# Seven answers on three steps. first: 5, 4 (mean 4.5); middle: 1, 2, 3 (mean 2, 2 of 3 low);
# last: 4 and one missing score. Pain points: middle has staff, staff, waiting; first has none.
SMALL = pd.DataFrame(
    {
        "journey_step": pd.Categorical(
            ["first", "first", "middle", "middle", "middle", "last", "last"],
            categories=STEPS,
            ordered=True,
        ),
        "user_group": ["user", "relative", "user", "relative", "user", "user", "relative"],
        "satisfaction": pd.array([5, 4, 1, 2, 3, 4, None], dtype="Int64"),
        "pain_point": ["none", "none", "staff", "staff", "waiting", "waiting", "none"],
    }
)


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return load("needs")


@pytest.fixture(scope="module")
def assumptions() -> pd.DataFrame:
    return load("needs", table="assumptions")


def test_satisfaction_by_step_by_hand() -> None:
    """Are the means 4.5, 2 and 4 in journey order, with the missing score left out?"""
    table = satisfaction_by_step(SMALL, min_answers=1)
    assert table["step"].tolist() == STEPS
    assert table["n"].tolist() == [2, 3, 1]
    assert table["mean"].tolist() == pytest.approx([4.5, 2.0, 4.0])
    assert table["share_dissatisfied"].tolist() == pytest.approx([0, 2 / 3, 0])


def test_satisfaction_by_step_drops_small_steps() -> None:
    """With a minimum of 2 answers, is the step with one answer left out?"""
    table = satisfaction_by_step(SMALL, min_answers=2)
    assert table["step"].tolist() == ["first", "middle"]


def test_satisfaction_by_step_by_group() -> None:
    """Split by group, does 'middle' give users (1+3)/2 = 2 and relatives 2?"""
    table = satisfaction_by_step(SMALL, "user_group", min_answers=1)
    middle = table[table["step"] == "middle"].set_index("group")
    assert middle["mean"].to_dict() == {"user": 2.0, "relative": 2.0}
    assert middle["n"].to_dict() == {"user": 2, "relative": 1}


def test_satisfaction_by_step_refuses_empty() -> None:
    """Does an empty selection raise a SelectionError with a reason?"""
    with pytest.raises(SelectionError, match="No answers match"):
        satisfaction_by_step(SMALL.iloc[0:0])


def test_satisfaction_by_step_refuses_all_too_small() -> None:
    """If no step has the minimum number of answers, is there a clear message?"""
    with pytest.raises(SelectionError, match="5 or more answers"):
        satisfaction_by_step(SMALL)


def test_satisfaction_by_step_means_on_scale(responses: pd.DataFrame) -> None:
    """Are all step means on the 1-5 scale and all shares in [0, 1]?"""
    table = satisfaction_by_step(responses, "user_group")
    assert table["mean"].between(1, 5).all()
    assert table["share_dissatisfied"].between(0, 1).all()


def test_lowest_steps_by_hand() -> None:
    """Is 'middle' (2.0) the lowest step, then 'last' (4.0)?"""
    assert lowest_steps(SMALL, 2, min_answers=1) == ["middle", "last"]


def test_lowest_steps_case_dips(responses: pd.DataFrame) -> None:
    """Does satisfaction dip at the needs assessment and at changes to care?"""
    assert set(lowest_steps(responses)) == {"needs assessment", "changes to care"}


def test_pain_points_by_step_by_hand() -> None:
    """At 'middle', did 2 of 3 answers name staff and 1 of 3 waiting, 'none' left out?"""
    table = pain_points_by_step(SMALL, min_answers=1)
    middle = table[table["step"] == "middle"].set_index("pain_point")
    assert middle["count"].to_dict() == {"staff": 2, "waiting": 1}
    assert middle["share"].tolist() == pytest.approx([2 / 3, 1 / 3])
    assert "none" not in set(table["pain_point"])


def test_pain_points_by_step_base_includes_none() -> None:
    """At 'last', is the base 2 answers, though only one named a problem?"""
    table = pain_points_by_step(SMALL, min_answers=1)
    last = table[(table["step"] == "last") & (table["pain_point"] == "waiting")].iloc[0]
    assert last[["answers", "count", "share"]].tolist() == [2, 1, 0.5]


def test_pain_points_by_step_shares_in_range(responses: pd.DataFrame) -> None:
    """In the case, are all shares in [0, 1] and does each step's total stay at most 1?"""
    table = pain_points_by_step(responses)
    assert table["share"].between(0, 1).all()
    assert (table.groupby("step")["share"].sum() <= 1 + 1e-9).all()


@pytest.mark.parametrize(("group", "expected"), [(None, 45), ("users", 33)])
def test_top_pain_point_by_step_daily_visits(
    responses: pd.DataFrame, group: str | None, expected: int
) -> None:
    """At daily visits, is 'too many different staff' named most, by all and by users?"""
    frame = responses if group is None else responses[responses["user_group"].isin(USERS)]
    tops = top_pain_point_by_step(frame).set_index("step")
    assert tops.loc["daily visits", "pain_point"] == "too many different staff"
    assert tops.loc["daily visits", "count"] == expected


def test_reported_ranking_by_hand() -> None:
    """Are staff and waiting tied first (2 each of 7 answers), 'none' left out?"""
    table = reported_ranking(SMALL)
    assert table["reported_rank"].tolist() == [1, 1]
    assert table["share"].tolist() == pytest.approx([2 / 7, 2 / 7])


def test_reported_ranking_refuses_no_problems() -> None:
    """If nobody named a problem, is there a clear message?"""
    with pytest.raises(SelectionError, match="No one in this selection named a problem"):
        reported_ranking(pd.DataFrame({"pain_point": ["none", "none"]}))


def test_assumed_vs_reported_by_hand() -> None:
    """Does the table set each assumed rank against the reported rank and their gap?"""
    # Reported: staff 2 (rank 1), involved 1 (rank 2), waiting 1 (rank 2); assumed: waiting 1,
    # staff 2, digital 3 (named by no one).
    responses = pd.DataFrame({"pain_point": ["staff", "staff", "waiting", "involved"]})
    assumptions = pd.DataFrame({"rank": [1, 2, 3], "pain_point": ["waiting", "staff", "digital"]})
    table = assumed_vs_reported(responses, assumptions).set_index("pain_point")
    assert table.loc["staff", ["assumed_rank", "reported_rank", "rank_gap"]].tolist() == [2, 1, 1]
    assert table.loc["waiting", "rank_gap"] == -1
    assert pd.isna(table.loc["involved", "assumed_rank"])
    assert table.loc["digital", "count"] == 0


def test_assumed_vs_reported_waiting_not_top_for_people(
    responses: pd.DataFrame, assumptions: pd.DataFrame
) -> None:
    """For users and relatives, is waiting (management's first) outside the top two?"""
    people = responses[responses["user_group"] != "staff"]
    table = assumed_vs_reported(people, assumptions).set_index("pain_point")
    assert table.loc["waiting", "assumed_rank"] == 1
    assert table.loc["waiting", "reported_rank"] > 2


def test_missed_problems_case(responses: pd.DataFrame, assumptions: pd.DataFrame) -> None:
    """Is 'not involved' the one problem people named that management never listed?"""
    assert missed_problems(responses, assumptions) == ["not involved"]
