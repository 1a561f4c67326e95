"""Tests of ``innolead.analysis.shares``: shares with base counts, and the barometer helpers.

Small frames are written out in each test with the hand computation in a comment; the case
data is used for properties (shares between 0 and 1, bases that add up, the planted size
effect) and for the numbers the chapters quote.
"""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.analysis.shares import (
    MEASURES,
    compare_published,
    crosstab_shares,
    distribution,
    evaluated_rate,
    evaluation_shares,
    filter_frame,
    innovation_by,
    innovation_rate,
    measure_rate,
    measure_share,
    multi_share,
    origin_shares,
    share,
    spread_rate,
    type_shares,
)
from innolead.cases import load


def _survey() -> pd.DataFrame:
    """Six respondents: two sizes, a yes/no answer with one blank, a three-way answer."""
    return pd.DataFrame(
        {
            "size": pd.Categorical(
                ["small", "small", "small", "large", "large", "large"],
                categories=["small", "large"],
                ordered=True,
            ),
            "sector": ["region", "state", "state", "state", "region", "state"],
            "innovated": pd.array([True, False, None, True, True, False], dtype="boolean"),
            "evaluated": ["none", "internal", None, "external", "none", "none"],
        }
    )


@pytest.fixture(scope="module")
def workplaces() -> pd.DataFrame:
    return load("barometer")


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return load("barometer", table="published")


# --- filter_frame ----------------------------------------------------------------------------


def test_filter_frame_all_keeps_every_row() -> None:
    """Does "all" leave a column unfiltered?"""
    assert len(filter_frame(_survey(), sector="all")) == 6


@pytest.mark.parametrize(
    ("equals", "expected"),
    [
        ({"sector": "state"}, 4),  # rows 1, 2, 3, 5
        ({"sector": "state", "size": "large"}, 2),  # rows 3 and 5
        ({"sector": ["state", "region"], "size": "small"}, 3),  # a list accepts either value
    ],
)
def test_filter_frame_keeps_matching_rows(equals: dict, expected: int) -> None:
    """Does the filter keep exactly the rows equal to every given value?"""
    assert len(filter_frame(_survey(), **equals)) == expected


def test_filter_frame_empty_selection_raises() -> None:
    """Does a selection with no rows raise a SelectionError naming what was chosen?"""
    with pytest.raises(SelectionError, match=r"No workplaces match .*sector = 'municipality'"):
        filter_frame(_survey(), noun="workplaces", sector="municipality")


def test_filter_frame_unknown_column_raises() -> None:
    """Does an unknown column give a message listing the real columns?"""
    with pytest.raises(KeyError, match="its columns are"):
        filter_frame(_survey(), colour="red")


def test_filter_frame_leaves_input_unchanged() -> None:
    """Is the input frame unchanged after filtering?"""
    frame = _survey()
    filter_frame(frame, sector="state")
    pd.testing.assert_frame_equal(frame, _survey())


# --- share -----------------------------------------------------------------------------------


def test_share_overall_excludes_missing() -> None:
    """Is the overall share yes / answered, with the blank left out of the base?"""
    # 5 answered (one blank), 3 of them True: 3 / 5 = 0.6.
    row = share(_survey(), "innovated").iloc[0]
    assert (row["group"], row["n"], row["yes"], row["share"]) == ("all", 5, 3, 0.6)


def test_share_by_group_hand_computed() -> None:
    """Are the per-group bases, yes counts and shares those worked out by hand?"""
    # small: answers True, False, blank -> n 2, yes 1, 0.5; large: True, True, False -> 2/3.
    table = share(_survey(), "innovated", by="size", missing=True)
    assert table["group"].tolist() == ["small", "large"]  # category order kept
    assert table["n"].tolist() == [2, 3]
    assert table["yes"].tolist() == [1, 2]
    assert table["missing"].tolist() == [1, 0]
    assert table["share"].tolist() == pytest.approx([0.5, 2 / 3])


def test_share_accepts_several_yes_values() -> None:
    """Does a list of values count any of them as yes?"""
    # evaluated: none, internal, -, external, none, none -> 2 of 5 answered were evaluated.
    row = share(_survey(), "evaluated", value=["internal", "external"]).iloc[0]
    assert (row["n"], row["yes"]) == (5, 2)


def test_share_drops_groups_without_answers() -> None:
    """Is a group in which nobody answered left out rather than shown as NaN?"""
    frame = _survey().assign(innovated=pd.array([None] * 3 + [True] * 3, dtype="boolean"))
    assert share(frame, "innovated", by="size")["group"].tolist() == ["large"]


def test_share_empty_frame_raises() -> None:
    """Does an empty selection raise a SelectionError instead of returning NaN?"""
    with pytest.raises(SelectionError, match="No workplaces match"):
        share(_survey().iloc[0:0], "innovated", noun="workplaces")


def test_share_all_missing_raises() -> None:
    """Does a column with no answers at all raise a SelectionError naming the column?"""
    frame = _survey().assign(innovated=pd.array([None] * 6, dtype="boolean"))
    with pytest.raises(SelectionError, match="answered 'innovated'"):
        share(frame, "innovated")


@pytest.mark.parametrize("measure", sorted(MEASURES))
def test_share_case_shares_between_zero_and_one(workplaces: pd.DataFrame, measure: str) -> None:
    """On the case data, is every group's share in [0, 1] and yes never above the base?"""
    table = measure_share(workplaces, measure, by="service_area")
    assert table["share"].between(0, 1).all()
    assert (table["yes"] <= table["n"]).all()


def test_share_case_bases_add_up(workplaces: pd.DataFrame) -> None:
    """Do the group bases plus missing answers add up to the number of workplaces?"""
    table = share(workplaces, "externally_financed", by="sector", missing=True)
    assert table["n"].sum() + table["missing"].sum() == len(workplaces)


# --- distribution and crosstab_shares -------------------------------------------------------


def test_distribution_hand_computed() -> None:
    """Are the counts and shares of each answer those worked out by hand?"""
    # 5 answers: none 3, internal 1, external 1 (alphabetical order for plain text).
    table = distribution(_survey(), "evaluated")
    assert dict(zip(table["answer"], table["count"], strict=True)) == {
        "external": 1,
        "internal": 1,
        "none": 3,
    }
    assert table["n"].unique().tolist() == [5]


def test_distribution_keeps_unchosen_categories() -> None:
    """Does a category nobody chose appear with a count of zero?"""
    frame = pd.DataFrame({"origin": pd.Categorical(["copy"], categories=["first", "copy"])})
    assert distribution(frame, "origin")["count"].tolist() == [0, 1]


def test_distribution_all_missing_raises() -> None:
    """Does a question nobody answered raise a SelectionError?"""
    with pytest.raises(SelectionError):
        distribution(pd.DataFrame({"origin": [None, None]}), "origin")


def test_crosstab_shares_hand_computed() -> None:
    """Are the within-group shares those worked out by hand?"""
    # region: none, none -> none 2/2; state: internal, -, external, none -> 1/3 each.
    table = crosstab_shares(_survey(), "sector", "evaluated").set_index(["group", "answer"])
    assert table.loc[("region", "none"), "share"] == 1.0
    assert table.loc[("region", "internal"), "count"] == 0
    assert table.loc[("state", "internal"), "share"] == pytest.approx(1 / 3)
    assert table.loc[("state", "none"), "n"] == 3


def test_crosstab_shares_sum_to_one_per_group(workplaces: pd.DataFrame) -> None:
    """On the case data, do the shares within each sector add up to 1?"""
    table = crosstab_shares(workplaces, "sector", "evaluated")
    assert table.groupby("group")["share"].sum().to_numpy() == pytest.approx(1.0)


def test_crosstab_shares_nothing_answered_raises() -> None:
    """Does a selection without any pair of answers raise a SelectionError?"""
    frame = pd.DataFrame({"sector": ["a", None], "evaluated": [None, "none"]})
    with pytest.raises(SelectionError, match="answered both"):
        crosstab_shares(frame, "sector", "evaluated")


# --- multi_share ------------------------------------------------------------------------------


def test_multi_share_hand_computed() -> None:
    """Does each option get its own base and share?"""
    # a: True, True, blank -> 2/2; b: False, True, True -> 2/3.
    frame = pd.DataFrame({"a": [True, True, None], "b": [False, True, True]})
    table = multi_share(frame, ["a", "b"], ["A", "B"])
    assert table["option"].tolist() == ["A", "B"]
    assert table["n"].tolist() == [2, 3]
    assert table["share"].tolist() == pytest.approx([1.0, 2 / 3])


def test_multi_share_by_group_has_group_column() -> None:
    """With ``by``, is there one row per option and group?"""
    frame = pd.DataFrame({"g": ["x", "y"], "a": [True, False], "b": [True, True]})
    table = multi_share(frame, ["a", "b"], ["A", "B"], by="g")
    assert table[["group", "option"]].to_numpy().tolist() == [
        ["x", "A"],
        ["y", "A"],
        ["x", "B"],
        ["y", "B"],
    ]


def test_multi_share_label_count_mismatch_raises() -> None:
    """Does a missing label give a clear message?"""
    with pytest.raises(ValueError, match="one label per column"):
        multi_share(pd.DataFrame({"a": [True]}), ["a"], [])


# --- The barometer -------------------------------------------------------------------------


def test_innovation_rate_hand_computed() -> None:
    """Is the innovation rate yes / answered?"""
    assert innovation_rate(_survey()) == 0.6  # 3 of 5 answered


def test_innovation_rate_case_value(workplaces: pd.DataFrame) -> None:
    """Is the case's innovation rate 1,929 of 2,400, as the README's realised 0.804 says?"""
    assert innovation_rate(workplaces) == pytest.approx(1929 / 2400)


def test_innovation_by_rises_with_size(workplaces: pd.DataFrame) -> None:
    """Is the planted size effect recovered: does the share rise with every size band?"""
    shares = innovation_by(workplaces, "size_band")["share"]
    assert shares.is_monotonic_increasing


def test_innovation_by_municipalities_highest(workplaces: pd.DataFrame) -> None:
    """Is the planted sector effect recovered: do municipal workplaces innovate most often?"""
    table = innovation_by(workplaces, "sector").set_index("group")
    assert table["share"].idxmax() == "municipality"


def test_type_shares_base_is_innovators(workplaces: pd.DataFrame) -> None:
    """Are the four type shares computed over the innovating workplaces only?"""
    table = type_shares(workplaces)
    assert (table["n"] == int(workplaces["innovated"].sum())).all()


def test_type_shares_process_most_common(workplaces: pd.DataFrame) -> None:
    """Is a change of processes or organisation the most common type, as published?"""
    table = type_shares(workplaces)
    assert table.loc[table["share"].idxmax(), "option"] == "Processes or organisation"


@pytest.mark.parametrize(
    ("function", "low", "high"),
    [(evaluated_rate, 0.40, 0.45), (spread_rate, 0.50, 0.58)],
)
def test_rates_within_calibration_range(
    workplaces: pd.DataFrame, function: object, low: float, high: float
) -> None:
    """Are the evaluated and spread rates within the README's calibration ranges?"""
    assert low <= function(workplaces) <= high


@pytest.mark.parametrize("function", [origin_shares, evaluation_shares])
def test_answer_shares_sum_to_one(workplaces: pd.DataFrame, function: object) -> None:
    """Do the origin and evaluation shares of innovations add up to 1?"""
    assert function(workplaces)["share"].sum() == pytest.approx(1.0)


def test_measure_rate_unknown_measure_raises() -> None:
    """Does an unknown measure name list the real ones?"""
    with pytest.raises(KeyError, match="the measures are"):
        measure_rate(_survey(), "happiness")


def test_compare_published_hand_computed() -> None:
    """Does the synthetic share come first, followed by each published figure?"""
    # Synthetic: 3 of 5 answered innovated = 0.6; published Sweden 2018: 0.81.
    published = pd.DataFrame(
        {
            "country": ["SE", "NO"],
            "edition": ["2018", "2020"],
            "measure": ["innovated", "innovated"],
            "group": ["all", "municipal sector"],
            "base": ["workplaces", "workplaces"],
            "value": [0.81, 0.75],
            "as_reported": ["8 out of 10", "about 3 out of 4"],
            "source": ["skl2019innovationsbarometern", "ks2020barometer"],
        }
    )
    table = compare_published(_survey(), published)
    assert table["figure"].tolist() == [
        "Teaching data (synthetic)",
        "Sweden 2018",
        "Norway 2020 (municipal sector)",
    ]
    assert table["share"].tolist() == [0.6, 0.81, 0.75]
    assert table["as_reported"].iloc[0] == "3 of 5 workplaces"


def test_compare_published_case_close_to_sweden(
    workplaces: pd.DataFrame, published: pd.DataFrame
) -> None:
    """Is the synthetic innovation rate within 0.03 of the Swedish 2018 figure of 81 %?"""
    shares = compare_published(workplaces, published).set_index("figure")["share"]
    assert shares["Teaching data (synthetic)"] == pytest.approx(shares["Sweden 2018"], abs=0.03)


def test_compare_published_missing_measure_raises(
    workplaces: pd.DataFrame, published: pd.DataFrame
) -> None:
    """Does a measure without a published figure raise a SelectionError?"""
    with pytest.raises(SelectionError, match="no figure for 'spread_actively'"):
        compare_published(workplaces, published, "spread_actively")
