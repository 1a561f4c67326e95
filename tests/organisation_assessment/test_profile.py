"""Tests of the organisational self-assessment's pure functions and its file format.

Benchmarks are checked against the analysis functions run directly on the barometer case
(``measure_share`` for the measures ``MEASURES`` names, ``share`` for the two others), so a
wrong wiring between a capability and its measure shows up here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest

from innolead.analysis.shares import MEASURES, filter_frame, measure_share, share
from innolead.cases import load as load_case
from innolead.organisation_assessment import (
    CAPABILITIES,
    Assessment,
    benchmarks,
    compare,
    load,
    profile,
    reading_list,
    save,
    weakest,
)
from innolead.organisation_assessment.capabilities import chapter_number

ROOT = Path(__file__).resolve().parents[2]
#: Capability -> key of ``MEASURES`` where the benchmark is a named barometer measure.
NAMED = {
    "strategy_governance": "innovated",
    "culture_safety": "employees_helped",
    "implementation_spread": "spread_actively",
    "collaboration": "collaboration_external",
    "evaluation_learning": "evaluated",
}
RATINGS = {
    "strategy_governance": 4,
    "culture_safety": 3,
    "needs_ideas": 2,
    "testing_evidence": 3,
    "implementation_spread": 2,
    "collaboration": 5,
    "evaluation_learning": 2,
}


@pytest.fixture(scope="module")
def workplaces() -> pd.DataFrame:
    return load_case("barometer")


@pytest.fixture(scope="module")
def bench(workplaces: pd.DataFrame) -> pd.DataFrame:
    return benchmarks(workplaces)


@pytest.mark.parametrize(("capability", "measure"), NAMED.items())
def test_benchmarks_equal_the_barometer_measure(
    workplaces: pd.DataFrame, bench: pd.DataFrame, capability: str, measure: str
) -> None:
    """Is the benchmark the share ``measure_share`` computes from the barometer case?"""
    expected = measure_share(workplaces, measure).iloc[0]
    row = bench.set_index("capability").loc[capability]
    assert (row["n"], row["yes"]) == (expected["n"], expected["yes"])
    assert row["share"] == pytest.approx(expected["share"])
    assert row["level"] == pytest.approx(1 + 4 * expected["share"], abs=0.005)


def test_benchmarks_needs_and_testing_use_the_barometer_columns(
    workplaces: pd.DataFrame, bench: pd.DataFrame
) -> None:
    """Are the two other proxies the shares of citizen-driven innovations and of testing
    not being the main barrier, computed with ``share``?"""
    rows = bench.set_index("capability")["share"]
    assert rows["needs_ideas"] == pytest.approx(share(workplaces, "driver_citizens")["share"][0])
    others = [b for b in workplaces["main_barrier"].cat.categories if "testing" not in b]
    expected = share(workplaces, "main_barrier", value=others)["share"][0]
    assert rows["testing_evidence"] == pytest.approx(expected)


def test_benchmarks_by_sector_use_that_sector_only(workplaces: pd.DataFrame) -> None:
    """With a sector chosen, is each benchmark computed on that sector's workplaces?"""
    regions = benchmarks(workplaces, "region").set_index("capability")
    expected = measure_share(filter_frame(workplaces, sector="region"), "evaluated")
    assert regions.loc["evaluation_learning", "share"] == pytest.approx(expected["share"][0])


def test_profile_sets_ratings_beside_the_benchmark(bench: pd.DataFrame) -> None:
    """Does the profile hold each rating, its benchmark level and the gap between them?"""
    table = profile(RATINGS, bench).set_index("capability")
    level = bench.set_index("capability").loc["collaboration", "level"]
    assert table.loc["collaboration", "rating"] == 5
    assert table.loc["collaboration", "gap"] == pytest.approx(5 - level, abs=0.01)
    assert list(table.index) == list(CAPABILITIES)


@pytest.mark.parametrize(
    "ratings",
    [{**RATINGS, "collaboration": 6}, {**RATINGS, "collaboration": "high"}, {"collaboration": 3}],
)
def test_profile_rejects_incomplete_or_invalid_ratings(
    bench: pd.DataFrame, ratings: dict[str, object]
) -> None:
    """Is a rating outside 1-5, or a missing capability, refused with what to fix?"""
    with pytest.raises(ValueError, match=r"whole number from 1|each of the seven"):
        profile(ratings, bench)


def test_weakest_breaks_ties_by_the_gap_to_the_benchmark(bench: pd.DataFrame) -> None:
    """Among the three rated 2, does the one furthest below its benchmark come first?"""
    table = profile(RATINGS, bench)
    twos = table.loc[table["rating"] == 2].sort_values("gap")["capability"].tolist()
    assert weakest(table)["capability"].tolist() == twos


def test_reading_list_names_the_chapters_of_the_weakest_areas(bench: pd.DataFrame) -> None:
    """Are the chapters for the three weakest capabilities listed, each with the reason?"""
    reading = reading_list(profile(RATINGS, bench))
    assert set(reading["chapter"]) == {"ch-03", "ch-05", "ch-09"}
    assert all(why.startswith("You rated it 2 of 5") for why in reading["why"])
    assert all("synthetic barometer" in why for why in reading["why"])


@pytest.mark.parametrize("capability", list(CAPABILITIES.values()), ids=list(CAPABILITIES))
def test_capabilities_point_at_the_right_chapter(capability: object) -> None:
    """Does each capability's chapter file exist, with the label and title it names?"""
    text = (ROOT / capability.chapter_file).read_text(encoding="utf-8")
    assert f"({capability.chapter})=" in text
    assert f"# {capability.chapter_title}\n" in text
    assert capability.chapter_file.startswith(f"book/chapters/{chapter_number(capability):02d}")


def test_capabilities_match_the_chapter_10_table() -> None:
    """Are the seven capabilities those of chapter 10's table, with the same chapters?"""
    text = (ROOT / "book/chapters/10-innovation-plan.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([A-Z][^|]+?) \| [^|]+ \| \{ref\}`(ch-\d\d)` \|$", text, re.M)
    assert rows == [(c.label, c.chapter) for c in CAPABILITIES.values()]


def test_compare_labels_each_change_and_adds_the_benchmark(bench: pd.DataFrame) -> None:
    """Does the comparison of two assessments say which rose, stayed or fell, with benchmark?"""
    later = {**RATINGS, "needs_ideas": 4, "collaboration": 4}
    table = compare(RATINGS, later, bench).set_index("capability")
    assert table.loc["needs_ideas", ["change", "direction"]].tolist() == [2, "increased"]
    assert table.loc["collaboration", "direction"] == "decreased"
    assert table.loc["culture_safety", "direction"] == "same"
    expected = bench.set_index("capability").loc["evaluation_learning", "level"]
    assert table.loc["evaluation_learning", "benchmark"] == expected


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    """Does a saved assessment load back equal, from a readable JSON file?"""
    assessment = Assessment("Norrvik", "2026-03-01", RATINGS, {"culture_safety": "survey"})
    path = save(assessment, tmp_path / "a" / "norrvik.json")
    assert load(path) == assessment
    assert json.loads(path.read_text(encoding="utf-8"))["ratings"]["collaboration"] == 5


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "something else"}, "not a saved self-assessment"),
        ({"assessed_on": "1 March"}, "YYYY-MM-DD"),
        ({"ratings": {**RATINGS, "collaboration": 9}}, "'collaboration' is 9"),
        ({"sector": "county"}, "'sector' is 'county'"),
    ],
)
def test_load_explains_a_bad_file(tmp_path: Path, change: dict, message: str) -> None:
    """Is a bad file refused with the file named and what to fix?"""
    data = Assessment("Norrvik", "2026-03-01", RATINGS).to_dict() | change
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        load(path)
    assert str(path) in str(err.value)


def test_measures_named_by_the_capabilities_exist() -> None:
    """Is every named benchmark measure one of the barometer's ``MEASURES``?"""
    for capability, key in NAMED.items():
        assert CAPABILITIES[capability].measure is MEASURES[key]
