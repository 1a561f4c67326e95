"""Tests of the `relay` explorer: each state shows what ``innolead.analysis.prepost`` returns.

Expected values are computed here from the analysis functions directly, not through the
explorer's ``view``, so a wrong wiring between controls and analysis shows up as a failure.
"""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead.analysis.prepost import OTHER, change_long, prepost_change
from innolead.explorers import Explorer, explore
from innolead.explorers.relay import ITEMS, SPEC, RelayData, pooled_label, sentence
from innolead.format import num, of_ten, pct
from innolead.web.static_explorer import export

STATES = [
    (item, by) for item in ("knowledge", "insight") for by in ("all", "role", "org_type", "relay")
]


@pytest.fixture(scope="module")
def data() -> RelayData:
    return SPEC.load()


@pytest.fixture(scope="module")
def explorer(data: RelayData) -> Explorer:
    """One explorer for the state tests: each sets every control, so order does not matter."""
    return explore("relay", data=data)


def _expected(data: RelayData, item: str, by: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    spec = ITEMS[item]
    people = data.participants
    overall = prepost_change(people, spec.pre, spec.post)
    groups = overall if by == "all" else prepost_change(people, spec.pre, spec.post, by=by)
    return overall, groups


@pytest.mark.parametrize(("item", "by"), STATES)
def test_relay_chart_matches_analysis(
    data: RelayData, explorer: Explorer, item: str, by: str
) -> None:
    """Does the chart show each group's share higher, same and lower as computed?"""
    view = explorer.set(item=item, by=by)
    _, groups = _expected(data, item, by)
    expected = change_long(groups)
    assert view.chart.data["share"].tolist() == pytest.approx(expected["share"].tolist())
    assert view.chart.data["count"].tolist() == expected["count"].tolist()
    assert view.chart.share


@pytest.mark.parametrize(("item", "by"), STATES)
def test_relay_table_matches_analysis(
    data: RelayData, explorer: Explorer, item: str, by: str
) -> None:
    """Does the table list each group's people, gainers and shares, then everyone?"""
    view = explorer.set(item=item, by=by)
    overall, groups = _expected(data, item, by)
    rows = groups if by == "all" else pd.concat([groups, overall], ignore_index=True)
    assert view.table["People"].tolist() == rows["n"].tolist()
    assert view.table["Rated higher"].tolist() == rows["increased"].tolist()
    assert view.table["Share higher"].tolist() == pytest.approx(rows["share_increased"].tolist())
    assert len(view.table) <= 12


@pytest.mark.parametrize(("item", "by"), STATES)
def test_relay_sentence_states_headline_and_base(
    data: RelayData, explorer: Explorer, item: str, by: str
) -> None:
    """Does the sentence give "X of 10 (gainers of n)" and the synthetic label, and is it shown?"""
    view = explorer.set(item=item, by=by)
    overall, groups = _expected(data, item, by)
    row = overall.iloc[0]
    published = data.published[ITEMS[item].metric]
    assert view.sentence == sentence(overall, groups, item, by, published)
    assert f"{of_ten(row['share_increased'])} ({num(row['increased'])} of {num(row['n'])})" in (
        view.sentence
    )
    assert "synthetic data" in view.sentence
    assert view.sentence in html.unescape(explorer.sentence.value)


@pytest.mark.parametrize(("item", "by"), [s for s in STATES if s[1] != "all"])
def test_relay_sentence_names_lowest_and_highest_group(
    data: RelayData, explorer: Explorer, item: str, by: str
) -> None:
    """Does a breakdown's sentence give the lowest and the highest group's share?"""
    view = explorer.set(item=item, by=by)
    _, groups = _expected(data, item, by)
    low, high = groups["share_increased"].min(), groups["share_increased"].max()
    assert f"ranges from {pct(low)}" in view.sentence
    assert f"to {pct(high)}" in view.sentence


def test_relay_default_shows_headline(data: RelayData) -> None:
    """Does the default view give the programme's headline, 8 of 10 (440 of 550), as reported?"""
    view = explore("relay", data=data).view
    assert view.sentence.startswith(
        "8 of 10 (440 of 550) rated their knowledge of innovation work higher after the relay"
    )
    assert "SKL reported 8 of 10" in view.sentence
    assert view.chart.data["direction"].tolist() == ["Rated higher", "Same", "Rated lower"]


def test_relay_role_shows_top_officials_lowest(data: RelayData) -> None:
    """By role, do top officials (who started highest) rate themselves higher least often?"""
    view = explore("relay", data=data).set(by="role")
    higher = view.table.set_index("Role")["Share higher"].drop("All participants")
    assert higher.idxmin() == "Top official"


def test_relay_pools_small_groups(data: RelayData) -> None:
    """In one relay, are the small organisation types pooled and labelled as such?"""
    people = data.participants[data.participants["relay"] == 1]
    explorer = explore("relay", data=RelayData(people, data.published), by="org_type")
    assert pooled_label() in explorer.view.table["Organisation type"].tolist()
    assert "pooled" in explorer.view.sentence
    assert OTHER not in explorer.view.table["Organisation type"].tolist()


def test_relay_alt_lists_every_group(data: RelayData) -> None:
    """Does the text alternative name every relay with its share higher?"""
    view = explore("relay", data=data).set(by="relay")
    for number in range(1, 12):
        assert f"Relay {number}: " in view.alt


def test_relay_too_few_people_shows_message(data: RelayData) -> None:
    """With only three participants, is there a reason instead of a chart?"""
    explorer = explore("relay", data=RelayData(data.participants.head(3), data.published))
    assert explorer.view.chart is None
    assert explorer.chart.outputs == ()
    assert "no one can be identified" in explorer.sentence.value


def test_relay_prepare_reads_published_shares(data: RelayData) -> None:
    """Does the explorer read 0.8 and 0.7 from the published table?"""
    assert data.published["share_more_knowledge"] == pytest.approx(0.8)
    assert data.published["share_more_insight"] == pytest.approx(0.7)


def test_relay_export_every_state_complete(data: RelayData) -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    exported = export(SPEC, data)
    assert len(exported["states"]) == 8
    for state in exported["states"].values():
        assert state["sentence"]
        assert (state["chart"] is None) == bool(state["error"])
