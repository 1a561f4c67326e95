"""Tests of ``innolead.analysis.prepost``: matched pairs, change by group, pooling, published."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from innolead.analysis.errors import SelectionError
from innolead.analysis.prepost import (
    OTHER,
    change_direction,
    change_long,
    compare_published,
    matched_pairs,
    of_ten_sentence,
    pool_small_groups,
    prepost_change,
    satisfied_share,
    share_increased,
)
from innolead.cases import load
from tests.statistics import satisfaction_by_change

# Five matched pairs and one unpaired row: up, up, same, down, up; the last has no "before".
SMALL = pd.DataFrame(
    {
        "pre": pd.array([1, 2, 3, 3, 4, None], dtype="Int64"),
        "post": pd.array([2, 4, 3, 2, 5, 1], dtype="Int64"),
        "team": ["a", "a", "a", "b", "b", "b"],
    }
)


@pytest.fixture(scope="module")
def participants() -> pd.DataFrame:
    return load("relay")


@pytest.fixture(scope="module")
def day() -> pd.DataFrame:
    return load("relay", table="innovation_day")


@pytest.fixture(scope="module")
def published() -> pd.DataFrame:
    return load("relay", table="published")


@pytest.mark.parametrize(
    ("pre", "post", "expected"),
    [(1, 2, "increased"), (3, 3, "same"), (4, 2, "decreased"), (None, 5, None)],
)
def test_change_direction_labels_each_pair(pre: int, post: int, expected: str | None) -> None:
    """Is each pair labelled increased, same or decreased, and missing when unpaired?"""
    frame = pd.DataFrame({"pre": pd.array([pre], "Int64"), "post": pd.array([post], "Int64")})
    label = change_direction(frame, "pre", "post").iloc[0]
    assert (pd.isna(label) and expected is None) or label == expected


def test_matched_pairs_drops_unpaired_rows() -> None:
    """Are rows missing either rating left out (6 rows, 5 pairs)?"""
    assert len(matched_pairs(SMALL, "pre", "post")) == 5


def test_matched_pairs_refuses_fewer_than_min_size() -> None:
    """With 5 pairs and a minimum of 6, is the selection refused with a reason?"""
    with pytest.raises(SelectionError, match="at least 6 are needed"):
        matched_pairs(SMALL, "pre", "post", min_size=6)


def test_prepost_change_overall_by_hand() -> None:
    """Do counts, shares and means equal the hand computation for five pairs?"""
    # Pairs: 1->2, 2->4, 3->3, 3->2, 4->5: 3 up, 1 same, 1 down; means 13/5 and 16/5.
    row = prepost_change(SMALL, "pre", "post").iloc[0]
    assert row[["group", "n", "increased", "same", "decreased"]].tolist() == ["all", 5, 3, 1, 1]
    assert row[["share_increased", "share_same", "share_decreased"]].tolist() == pytest.approx(
        [0.6, 0.2, 0.2]
    )
    assert row[["mean_pre", "mean_post", "mean_change"]].tolist() == pytest.approx([2.6, 3.2, 0.6])


def test_prepost_change_by_group_by_hand() -> None:
    """By team (min size 2), does each team get its own counts?"""
    # Team a: 1->2, 2->4, 3->3 (2 up, 1 same); team b: 3->2, 4->5 (1 up, 1 down), one unpaired.
    table = prepost_change(SMALL, "pre", "post", by="team", min_size=2)
    assert table[["group", "n", "increased", "decreased"]].values.tolist() == [
        ["a", 3, 2, 0],
        ["b", 2, 1, 1],
    ]


def test_prepost_change_keeps_category_order() -> None:
    """Are groups listed in the column's category order, not alphabetically?"""
    frame = SMALL.assign(team=pd.Categorical(SMALL["team"], categories=["b", "a"], ordered=True))
    table = prepost_change(frame, "pre", "post", by="team", min_size=2)
    assert table["group"].tolist() == ["b", "a"]


def test_prepost_change_pools_small_groups() -> None:
    """With the default minimum of 5, are both small teams pooled into one row of 5?"""
    table = prepost_change(SMALL, "pre", "post", by="team")
    assert table[["group", "n"]].values.tolist() == [[OTHER, 5]]


def test_prepost_change_shares_add_up(participants: pd.DataFrame) -> None:
    """For every relay, are the three shares in [0, 1] and do they add up to 1?"""
    table = prepost_change(participants, "knowledge_pre", "knowledge_post", by="relay")
    shares = table[["share_increased", "share_same", "share_decreased"]]
    assert shares.ge(0).all().all()
    assert shares.le(1).all().all()
    assert shares.sum(axis=1).to_numpy() == pytest.approx(np.ones(len(table)))


def test_prepost_change_recovers_planted_share() -> None:
    """With exactly 70 of 100 planted to rate higher, is the share increased 0.7?"""
    rng = np.random.default_rng(1)
    pre = rng.integers(1, 4, size=100)
    post = pre + np.r_[np.ones(70, dtype=int), np.zeros(30, dtype=int)]
    frame = pd.DataFrame({"pre": pre, "post": rng.permutation(post - pre) + pre})
    assert share_increased(frame, "pre", "post") == pytest.approx(0.7)


@pytest.mark.parametrize(
    "frame",
    [
        SMALL.iloc[0:0],
        SMALL.assign(post=pd.array([None] * 6, dtype="Int64")),
        SMALL.iloc[:3],
    ],
    ids=["empty", "all-missing", "too-few"],
)
def test_prepost_change_refuses_unsummarisable_selection(frame: pd.DataFrame) -> None:
    """Does an empty, all-missing or too small selection raise a SelectionError?"""
    with pytest.raises(SelectionError, match="Choose a broader selection"):
        prepost_change(frame, "pre", "post")


def test_prepost_change_names_missing_column() -> None:
    """Does a misspelt column name give a message listing the real columns?"""
    with pytest.raises(ValueError, match="its columns are"):
        prepost_change(SMALL, "before", "post")


@pytest.mark.parametrize(
    ("sizes", "expected"),
    [
        # c (2) alone is still too small, so the next smallest, b (5), joins it: 7.
        ({"a": 6, "b": 5, "c": 2}, {"a": 6, OTHER: 7}),
        # c (2) and d (3) together make 5, large enough.
        ({"a": 6, "b": 5, "c": 2, "d": 3}, {"a": 6, "b": 5, OTHER: 5}),
        ({"a": 6, "b": 5, "c": 8}, {"a": 6, "b": 5, "c": 8}),
    ],
    ids=["pool-too-small", "pool-large-enough", "none-small"],
)
def test_pool_small_groups_by_hand(sizes: dict[str, int], expected: dict[str, int]) -> None:
    """Are groups under 5 pooled, and does a pool still under 5 take in the next smallest?"""
    values = pd.Series([g for g, n in sizes.items() for _ in range(n)])
    counts = pool_small_groups(values).value_counts(sort=False).to_dict()
    assert counts == expected


@pytest.mark.parametrize("seed", range(5))
def test_pool_small_groups_never_shows_small_group(seed: int) -> None:
    """For random group sizes, is every shown group (pooled or not) at least 5 people?"""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 9, size=6)
    values = pd.Series(np.repeat([f"g{i}" for i in range(6)], sizes))
    counts = pool_small_groups(values).value_counts()
    assert (counts[counts > 0] >= 5).all()


def test_change_long_has_three_rows_per_group() -> None:
    """Does the long format give increased, same, decreased for each group, in that order?"""
    table = prepost_change(SMALL, "pre", "post", by="team", min_size=2)
    long = change_long(table)
    assert long["direction"].tolist() == ["increased", "same", "decreased"] * 2
    assert long["count"].tolist() == [2, 1, 0, 1, 0, 1]


@pytest.mark.parametrize(
    ("pre", "post", "expected"),
    [("knowledge_pre", "knowledge_post", 0.8), ("insight_pre", "insight_post", 0.7)],
)
def test_share_increased_matches_programme(
    participants: pd.DataFrame, pre: str, post: str, expected: float
) -> None:
    """Does the relay data give SKL's published 8 of 10 and 7 of 10?"""
    assert share_increased(participants, pre, post) == pytest.approx(expected)


def test_of_ten_sentence_on_relay(participants: pd.DataFrame) -> None:
    """Does the headline read "8 of 10 (440 of 550) ..." on the relay data?"""
    text = of_ten_sentence(participants, "knowledge_pre", "knowledge_post", "gained knowledge")
    assert text == "8 of 10 (440 of 550) gained knowledge"


def test_satisfied_share_by_hand() -> None:
    """With 3 of 5 answers satisfied or very satisfied and one skipped, is the share 0.6?"""
    answers = ["satisfied", "neither", "very satisfied", "satisfied", None, "dissatisfied"]
    row = satisfied_share(pd.DataFrame({"satisfaction": answers})).iloc[0]
    assert row[["n", "satisfied", "share"]].tolist() == [5, 3, 0.6]


def test_satisfied_share_innovation_day(day: pd.DataFrame) -> None:
    """Were 200 of the 250 Innovation Day respondents satisfied, as SKL reported (80 %)?"""
    row = satisfied_share(day).iloc[0]
    assert row[["n", "satisfied"]].tolist() == [250, 200]


def test_satisfied_share_numeric_scale_by_group(participants: pd.DataFrame) -> None:
    """On the relay's 1-5 score, does each role's base exclude the skipped answers?"""
    table = satisfied_share(participants, satisfied=(4, 5), by="role")
    assert table["n"].sum() == participants["satisfaction"].notna().sum()


def test_satisfied_share_refuses_too_few() -> None:
    """With only 3 answers, is the share refused so no one can be identified?"""
    with pytest.raises(SelectionError, match="no one can be identified"):
        satisfied_share(pd.DataFrame({"satisfaction": ["satisfied"] * 3}))


def test_compare_published_matches_relay(
    participants: pd.DataFrame, day: pd.DataFrame, published: pd.DataFrame
) -> None:
    """Does every figure the data can recompute match the published one?"""
    table = compare_published(participants, day, published).set_index("metric")
    computable = table["matches"].notna()
    assert computable.sum() == 5
    assert table.loc[computable, "matches"].all()


@pytest.mark.parametrize("metric", ["share_members_aware", "organisations_implementing_2016"])
def test_compare_published_leaves_outside_figures_empty(
    participants: pd.DataFrame, day: pd.DataFrame, published: pd.DataFrame, metric: str
) -> None:
    """Are figures the data cannot recompute left without a computed value?"""
    table = compare_published(participants, day, published).set_index("metric")
    assert pd.isna(table.loc[metric, "computed"])


def test_compare_published_flags_mismatch() -> None:
    """Is 3 of 5 (0.6) flagged as not matching a published 0.7, at one decimal?"""
    people = pd.DataFrame({"insight_pre": [1] * 5, "insight_post": [2, 2, 2, 1, 1]})
    published = pd.DataFrame(
        {
            "metric": ["share_more_insight"],
            "value": [0.7],
            "description": ["more insight"],
            "as_reported": ["7 av 10"],
        }
    )
    assert not compare_published(people, people, published)["matches"].iloc[0]


def test_satisfaction_by_change_by_hand() -> None:
    """Do those who rated higher average (5+4+5)/3 and those who stayed the same (3+2)/2?"""
    frame = pd.DataFrame(
        {
            "pre": [1, 1, 1, 2, 2, 2],
            "post": [2, 2, 2, 2, 2, 2],
            "satisfaction": [5, 4, 5, 3, 2, None],
        }
    )
    table = satisfaction_by_change(frame, "pre", "post", min_size=2)
    assert table["direction"].tolist() == ["increased", "same"]
    assert table["mean_satisfaction"].tolist() == pytest.approx([14 / 3, 2.5])


def test_satisfaction_by_change_relay_gainers_happier(participants: pd.DataFrame) -> None:
    """On the relay data, are knowledge gainers more satisfied than those who stayed the same?"""
    table = satisfaction_by_change(participants, "knowledge_pre", "knowledge_post")
    means = table.set_index("direction")["mean_satisfaction"]
    assert means["increased"] > means["same"]
