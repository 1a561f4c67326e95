"""Tests of the `needs` explorer: each state shows what ``innolead.analysis.needs`` returns.

Expected values are computed here from the analysis functions directly, not through the
explorer's ``view``, so a wrong wiring between controls and analysis shows up as a failure.
"""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead.analysis.needs import (
    USERS,
    assumed_vs_reported,
    reported_ranking,
    satisfaction_by_step,
    top_pain_point_by_step,
)
from innolead.cases import load
from innolead.explorers import Explorer, explore
from innolead.explorers.needs import SPEC, NeedsData, prepare
from innolead.format import num, pct
from innolead.web.static_explorer import export

#: Each user-group option and the groups it holds, written out here independently.
MEMBERS = {
    "all": None,
    "people": [*USERS, "relative"],
    "users": list(USERS),
    "relative": ["relative"],
    "staff": ["staff"],
}
GROUPS_STEPS = [
    ("all", "all"),
    ("people", "all"),
    ("users", "daily visits"),
    ("relative", "needs assessment"),
    ("staff", "all"),
    ("all", "changes to care"),
]


@pytest.fixture(scope="module")
def responses() -> pd.DataFrame:
    return load("needs")


@pytest.fixture(scope="module")
def assumptions() -> pd.DataFrame:
    return load("needs", table="assumptions")


@pytest.fixture(scope="module")
def data() -> NeedsData:
    return SPEC.load()


@pytest.fixture(scope="module")
def explorer(data: NeedsData) -> Explorer:
    """One explorer for the state tests: each sets every control, so order does not matter."""
    return explore("needs", data=data)


def _answers(responses: pd.DataFrame, group: str, step: str = "all") -> pd.DataFrame:
    rows = (
        responses
        if MEMBERS[group] is None
        else responses[responses["user_group"].isin(MEMBERS[group])]
    )
    return rows if step == "all" else rows[rows["journey_step"] == step]


@pytest.mark.parametrize(("group", "step"), GROUPS_STEPS)
def test_needs_satisfaction_matches_analysis(
    responses: pd.DataFrame, explorer: Explorer, group: str, step: str
) -> None:
    """Does the chart show each step's mean as ``satisfaction_by_step`` gives it?"""
    view = explorer.set(show="satisfaction", group=group, step=step)
    expected = satisfaction_by_step(_answers(responses, group))
    pd.testing.assert_frame_equal(view.chart.data, expected)
    assert view.table["Answers"].tolist() == expected["n"].tolist()


@pytest.mark.parametrize(("group", "step"), GROUPS_STEPS)
def test_needs_pain_matches_analysis(
    responses: pd.DataFrame, explorer: Explorer, group: str, step: str
) -> None:
    """Does the chart show each problem's share of answers as ``reported_ranking`` gives it?"""
    view = explorer.set(show="pain", group=group, step=step)
    rows = _answers(responses, group, step)
    expected = reported_ranking(rows)
    pd.testing.assert_frame_equal(view.chart.data, expected)
    top = expected.iloc[0]
    assert f"{num(top['count'])} of {num(top['answers'])} answers" in view.sentence


@pytest.mark.parametrize("group", ["all", "people", "staff"])
def test_needs_pain_table_lists_top_problem_per_step(
    responses: pd.DataFrame, explorer: Explorer, group: str
) -> None:
    """Over all steps, does the table give each step's most named problem?"""
    view = explorer.set(show="pain", group=group, step="all")
    expected = top_pain_point_by_step(_answers(responses, group))
    assert view.table["Most named problem"].tolist() == expected["pain_point"].tolist()
    assert view.table["Share of answers"].tolist() == expected["share"].tolist()


@pytest.mark.parametrize(("group", "step"), GROUPS_STEPS)
def test_needs_assumed_matches_analysis(
    responses: pd.DataFrame,
    assumptions: pd.DataFrame,
    explorer: Explorer,
    group: str,
    step: str,
) -> None:
    """Does the table set the management group's ranks against ``assumed_vs_reported``?"""
    view = explorer.set(show="assumed", group=group, step=step)
    expected = assumed_vs_reported(_answers(responses, group, step), assumptions)
    assert view.table["Problem"].tolist() == expected["pain_point"].tolist()
    assert view.table["Reported rank"].tolist() == expected["reported_rank"].tolist()
    assert view.chart.data["share"].tolist() == expected["share"].tolist()


@pytest.mark.parametrize("show", ["satisfaction", "pain", "assumed"])
def test_needs_sentence_shown_and_labelled(explorer: Explorer, show: str) -> None:
    """Is each view's sentence labelled synthetic and shown in the sentence widget?"""
    view = explorer.set(show=show, group="all", step="all")
    assert "synthetic data" in view.sentence
    assert view.sentence in html.unescape(explorer.sentence.value)


def test_needs_default_shows_the_dips(responses: pd.DataFrame, data: NeedsData) -> None:
    """Does the default view say satisfaction dips at changes to care and the needs assessment?"""
    view = explore("needs", data=data).view
    means = satisfaction_by_step(responses).set_index("step")
    assert view.sentence.startswith(
        "For all respondents, satisfaction dips at two steps: 'changes to care' "
        f"({num(means.loc['changes to care', 'mean'], 1)} of 5"
    )
    assert "'needs assessment'" in view.sentence


def test_needs_assumed_shows_waiting_not_top(data: NeedsData) -> None:
    """For users and relatives, does the sentence put waiting 3rd and name 'not involved'?"""
    view = explore("needs", data=data).set(show="assumed", group="people")
    assert "ranked 'waiting' first; users and relatives put it 3rd" in view.sentence
    assert "'not involved', which the group never listed" in view.sentence


def test_needs_staff_sentence_notes_other_question(data: NeedsData) -> None:
    """For staff, does the sentence say that staff rate the steps for the users?"""
    view = explore("needs", data=data).set(group="staff")
    assert view.sentence.endswith("Staff rate how well each step works for the users.")


def test_needs_small_step_in_satisfaction_is_named(data: NeedsData) -> None:
    """If a step has under 5 answers for a group, does the sentence say so (chart still drawn)?"""
    view = explore("needs", data=data).set(group="spouse", step="ending")
    assert "too few to show" in view.sentence
    assert view.chart is not None


def test_needs_small_selection_shows_message(data: NeedsData) -> None:
    """With only 4 answers at a step, is there a reason instead of a chart?"""
    explorer = explore("needs", data=data, show="pain", group="spouse", step="ending")
    assert explorer.view.chart is None
    assert explorer.chart.outputs == ()
    assert "too few to show" in explorer.sentence.value


def test_needs_missing_group_shows_message(
    responses: pd.DataFrame, assumptions: pd.DataFrame
) -> None:
    """With no staff answers in the data, does choosing staff give a reason and no chart?"""
    staffless = prepare(responses[responses["user_group"] != "staff"], assumptions)
    explorer = explore("needs", data=staffless)
    view = explorer.set(group="staff")
    assert view.chart is None
    assert "No answers match this selection" in explorer.sentence.value


def test_needs_alt_lists_every_step(data: NeedsData) -> None:
    """Does the default text alternative give every step's mean?"""
    view = explore("needs", data=data).view
    for step, mean in zip(view.chart.data["step"], view.chart.data["mean"], strict=True):
        assert f"{step} {num(mean, 1)}" in view.alt


def test_needs_pain_share_formatting(data: NeedsData) -> None:
    """Does the pain view's table show shares as per cent?"""
    view = explore("needs", data=data).set(show="pain")
    assert view.display_table()["Share of answers"].iloc[0] == pct(
        view.table["Share of answers"].iloc[0]
    )


def test_needs_export_every_state_complete(data: NeedsData) -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    exported = export(SPEC, data)
    assert len(exported["states"]) < 600
    for state in exported["states"].values():
        assert state["sentence"]
        assert (state["chart"] is None) == bool(state["error"])
