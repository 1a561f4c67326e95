"""Tests of the `barometer` explorer: each state shows what the analysis functions return.

Expected values are computed here from ``innolead.analysis.shares`` directly, not through the
explorer's ``view``, so a wrong wiring between controls and analysis shows up as a failure.
"""

from __future__ import annotations

import html

import pandas as pd
import pytest

from innolead.analysis.shares import filter_frame, measure_share
from innolead.explorers import Explorer, explore
from innolead.explorers.barometer import SPEC
from innolead.format import num, pct
from innolead.web.static_explorer import export

STATES = [
    ("innovated", "size_band", "all"),
    ("innovated", "sector", "all"),
    ("evaluated", "service_area", "municipality"),
    ("spread_actively", "municipality_group", "region"),
    ("type_product", "size_band", "state"),
    ("more_than_one_type", "sector", "all"),
    ("collaborated_private", "service_area", "all"),
]


@pytest.fixture(scope="module")
def data() -> pd.DataFrame:
    return SPEC.load()


@pytest.fixture(scope="module")
def explorer(data: pd.DataFrame) -> Explorer:
    """One explorer for the state tests: each sets every control, so order does not matter."""
    return explore("barometer", data=data)


def _expected(
    data: pd.DataFrame, measure: str, by: str, sector: str
) -> tuple[pd.DataFrame, pd.Series]:
    frame = filter_frame(data, sector=sector)
    return measure_share(frame, measure, by=by), measure_share(frame, measure).iloc[0]


@pytest.mark.parametrize(("measure", "by", "sector"), STATES)
def test_barometer_chart_matches_analysis(
    data: pd.DataFrame, explorer: Explorer, measure: str, by: str, sector: str
) -> None:
    """Does the chart show, per group, the share that ``measure_share`` computes?"""
    view = explorer.set(measure=measure, by=by, sector=sector)
    groups, _ = _expected(data, measure, by, sector)
    shown = view.chart.data.reset_index(drop=True)
    pd.testing.assert_frame_equal(shown[["group", "n", "yes", "share"]], groups)
    assert view.chart.share


@pytest.mark.parametrize(("measure", "by", "sector"), STATES)
def test_barometer_table_matches_analysis(
    data: pd.DataFrame, explorer: Explorer, measure: str, by: str, sector: str
) -> None:
    """Does the table list each group's base, yes count and share, then the selection total?"""
    view = explorer.set(measure=measure, by=by, sector=sector)
    groups, total = _expected(data, measure, by, sector)
    table = view.table
    assert table.iloc[:, 1].tolist()[: len(groups)] == groups["n"].tolist()
    assert table["Share"].tolist()[: len(groups)] == groups["share"].tolist()
    if len(groups) > 1:
        assert table.iloc[-1].tolist()[1:] == [total["n"], total["yes"], total["share"]]


@pytest.mark.parametrize(("measure", "by", "sector"), STATES)
def test_barometer_sentence_states_share_and_base(
    data: pd.DataFrame, explorer: Explorer, measure: str, by: str, sector: str
) -> None:
    """Does the sentence give "yes of base, share" for the selection, and is it shown?"""
    view = explorer.set(measure=measure, by=by, sector=sector)
    _, total = _expected(data, measure, by, sector)
    assert f"{num(total['yes'])} of {num(total['n'])}" in view.sentence
    assert f", {pct(total['share'])}, " in view.sentence
    assert "synthetic data" in view.sentence
    assert view.sentence in html.unescape(explorer.sentence.value)


def test_barometer_default_shows_main_story(data: pd.DataFrame) -> None:
    """Does the default view show about 8 of 10 innovating, rising with workplace size?"""
    view = explore("barometer", data=data).view
    assert view.sentence.startswith("In this selection 1 929 of 2 400 workplaces, 80 %")
    assert view.chart.data["group"].tolist() == ["1-9", "10-49", "50-249", "250+"]
    assert view.chart.data["share"].is_monotonic_increasing
    assert "from 71 % (1-9 employees) to 93 % (250+ employees)" in view.sentence


def test_barometer_sentence_flags_small_group(data: pd.DataFrame) -> None:
    """Is a group with fewer than 30 answers flagged as a small base in the sentence?"""
    view = explore("barometer", data=data).set(
        measure="spread_actively", by="service_area", sector="state"
    )
    assert "only 8 innovating workplaces" in view.sentence


def test_barometer_alt_lists_every_group(data: pd.DataFrame) -> None:
    """Does the text alternative name every group with its share?"""
    view = explore("barometer", data=data).view
    for group, value in zip(view.chart.data["group"], view.chart.data["share"], strict=True):
        assert f"{group} {pct(value)}" in view.alt


def test_barometer_empty_selection_shows_message(data: pd.DataFrame) -> None:
    """With no state workplaces in the data, does choosing them show a reason and no chart?"""
    explorer = explore("barometer", data=data[data["sector"] != "state"])
    view = explorer.set(sector="state")
    assert view.chart is None
    assert explorer.chart.outputs == ()
    assert "No workplaces match this selection" in explorer.sentence.value


def test_barometer_export_every_state_complete(data: pd.DataFrame) -> None:
    """Does every precomputed state have a sentence and either a chart or an error?"""
    exported = export(SPEC, data)
    assert len(exported["states"]) < 600
    for state in exported["states"].values():
        assert state["sentence"]
        assert (state["chart"] is None) == bool(state["error"])
