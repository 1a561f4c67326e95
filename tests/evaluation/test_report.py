"""Tests of the programme evaluation report on the fixture cohorts, with hand-computed figures.

The cohorts are in ``tests/evaluation/cohorts.py``; its comments give the counts each
expected figure below is computed from.
"""

from __future__ import annotations

import csv
import html
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from innolead.evaluation.cohort import read_cohort
from innolead.evaluation.figures import Figures, evaluation_figures
from innolead.evaluation.report import evaluation_report
from innolead.grading.course import CourseError
from tests.evaluation import cohorts
from tests.evaluation.htmltables import images, tables

SCENARIOS: dict[str, Callable[[], cohorts.Cohort]] = {
    "complete": cohorts.complete,
    "missing": cohorts.with_missing,
    "small_group": cohorts.with_small_group,
    "invalid": cohorts.with_invalid,
}
KNOWLEDGE = "increased their knowledge of what innovation work involves."
INSIGHT = "gained insight into how they can contribute in their own organisation."
CONFIDENCE = "grew more confident with the course's methods."


class Run:
    """A scenario written as collected notebooks, read, and reported."""

    def __init__(self, root: Path, cohort: cohorts.Cohort) -> None:
        self.root = cohorts.write_cohort(root, cohort)
        self.report = evaluation_report(root, root / "out" / "evaluation.html")
        self.figures: Figures = evaluation_figures(read_cohort(root))
        self.html = self.report.read_text(encoding="utf-8")
        with (root / "out" / "evaluation-follow-up.csv").open(newline="") as handle:
            self.follow_up = list(csv.DictReader(handle))

    def group_table(self, caption_start: str) -> dict[str, list[str]]:
        (table,) = [t for t in tables(self.html) if t.caption.startswith(caption_start)]
        return {header: table.column(header) for header in table.headers}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    result = {}
    for name, make in SCENARIOS.items():
        root = tmp_path_factory.mktemp(name)
        result[name] = Run(root, make())
    return result


@pytest.mark.parametrize(
    ("scenario", "expected"),
    [
        (
            "complete",
            [
                f"8 of 10 (12 of 15) {KNOWLEDGE}",
                f"7 of 10 (10 of 15) {INSIGHT}",
                f"6 of 10 (9 of 15) {CONFIDENCE}",
            ],
        ),
        (
            "missing",
            [
                f"8 of 10 (12 of 15) {KNOWLEDGE}",
                f"7 of 10 (10 of 15) {INSIGHT}",
                f"6 of 10 (9 of 15) {CONFIDENCE}",
            ],
        ),
        # p03 (higher) and p10 (lower) have an invalid knowledge answer; p05 (lower) and p11
        # (higher) an invalid insight answer; p12 (same) an invalid confidence answer.
        (
            "invalid",
            [
                f"8 of 10 (11 of 13) {KNOWLEDGE}",
                f"7 of 10 (9 of 13) {INSIGHT}",
                f"6 of 10 (9 of 14) {CONFIDENCE}",
            ],
        ),
    ],
)
def test_evaluation_report_headlines(runs: dict[str, Run], scenario: str, expected: list) -> None:
    """Are the "X of 10" headlines the hand-computed ones, in the figures and on the page?"""
    assert runs[scenario].figures.headlines == expected
    for line in expected:
        assert line in html.unescape(runs[scenario].html)


@pytest.mark.parametrize(
    ("scenario", "n", "satisfied", "sentence"),
    [
        ("complete", 15, 12, "80 % (12 of 15)"),
        ("missing", 16, 12, "75 % (12 of 16)"),  # p18 answered only after: 1, not satisfied
        ("invalid", 14, 12, "86 % (12 of 14)"),  # p09's 4.5 is left out
    ],
)
def test_evaluation_report_satisfaction_counts_every_post_answer(
    runs: dict[str, Run], scenario: str, n: int, satisfied: int, sentence: str
) -> None:
    """Is satisfaction the share of 4s and 5s among all valid answers after the course?"""
    row = runs[scenario].figures.satisfaction.iloc[0]
    assert (row["n"], row["satisfied"]) == (n, satisfied)
    assert f"{sentence} were satisfied with the course" in runs[scenario].html


def test_evaluation_report_change_counts(runs: dict[str, Run]) -> None:
    """Are higher, same and lower per question the hand-computed counts (complete cohort)?"""
    change = runs["complete"].figures.change
    counts = change[["n", "increased", "same", "decreased"]].to_numpy().tolist()
    assert counts == [[15, 12, 2, 1], [15, 10, 4, 1], [15, 9, 6, 0]]
    assert change.loc[0, ["mean_pre", "mean_post"]].tolist() == pytest.approx([2.8, 3.8])


def test_evaluation_report_distributions(runs: dict[str, Run]) -> None:
    """Are the knowledge answers before and after counted step by step on the 1-5 scale?"""
    table = runs["complete"].figures.distributions["knowledge"]
    assert table["before"].tolist() == [1, 5, 6, 2, 1]
    assert table["after"].tolist() == [0, 1, 5, 5, 4]
    shown = runs["complete"].group_table("Knowledge of innovation work: how the 15")
    assert shown["Before"] == ["1", "5", "6", "2", "1"]


def test_evaluation_report_satisfaction_answers(runs: dict[str, Run]) -> None:
    """Are the satisfaction answers counted step by step (complete cohort)?"""
    answers = runs["complete"].figures.satisfaction_answers
    assert answers["count"].tolist() == [0, 1, 2, 7, 5]


@pytest.mark.parametrize(
    ("scenario", "counts"),
    [
        ("complete", (15, 15, 15, 0, 0, 0)),
        ("missing", (17, 16, 15, 2, 1, 0)),
        ("invalid", (15, 15, 15, 0, 0, 7)),
    ],
)
def test_evaluation_report_counts_unmatched_and_invalid(
    runs: dict[str, Run], scenario: str, counts: tuple
) -> None:
    """Are responses per round, matched, unmatched and invalid counted, and shown?"""
    figures = runs[scenario].figures.counts
    keys = ("pre", "post", "matched", "pre_only", "post_only", "problems")
    assert tuple(figures[k] for k in keys) == counts
    shown = runs[scenario].group_table("Responses collected")["Count"]
    assert [int(v) for v in shown[:6]] == list(counts)


def test_evaluation_report_lists_unmatched_for_the_instructor(runs: dict[str, Run]) -> None:
    """Are participants who answered one round listed by id in the follow-up file?"""
    rows = [(r["participant"], r["round"]) for r in runs["missing"].follow_up]
    assert rows == [("p16", "pre"), ("p17", "pre"), ("p18", "post")]


def test_evaluation_report_lists_every_invalid_answer(runs: dict[str, Run]) -> None:
    """Is every invalid answer in the follow-up file with participant, notebook and cell?"""
    listed = {
        (r["participant"], r["notebook"], r["cell"], r["question"])
        for r in runs["invalid"].follow_up
    }
    expected = {
        (pid, f"self_assessment_{phase}/selfassessment.ipynb", str(cell), item)
        for pid, phase, item, _, cell in cohorts.INVALID
    }
    assert listed == expected


def test_evaluation_report_counts_invalid_answers_by_question(runs: dict[str, Run]) -> None:
    """Does the report count the invalid answers per round and question (no ids)?"""
    shown = runs["invalid"].group_table("Answers that could not be used")
    assert sum(int(v) for v in shown["Answers"]) == len(cohorts.INVALID)
    assert shown["Round"] == ["pre"] * 4 + ["post"] * 3


def test_evaluation_report_prints_problems_and_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Does the command print each invalid answer and where it wrote the report?"""
    root = cohorts.write_cohort(tmp_path, cohorts.with_invalid())
    path = evaluation_report(root, None)
    out = capsys.readouterr().out
    assert path == root / "reports" / "evaluation" / "programme_evaluation.html"
    assert f"Wrote the report: {path}" in out
    assert "7 answers could not be used:" in out
    assert "p03, self_assessment_pre/selfassessment.ipynb, cell 7, knowledge:" in out


@pytest.mark.parametrize(
    ("scenario", "by", "groups", "n", "increased"),
    [
        (
            "complete",
            "Role",
            ["department head", "top official", "unit manager"],
            ["5", "5", "5"],
            ["4", "4", "4"],
        ),
        ("complete", "Organisation type", ["municipality", "region"], ["10", "5"], ["8", "4"]),
        # top officials (3) are pooled with the next smallest group, department heads (5)
        ("small_group", "Role", ["unit manager", "other groups"], ["7", "8"], ["6", "6"]),
    ],
)
def test_evaluation_report_knowledge_by_group(
    runs: dict[str, Run], scenario: str, by: str, groups: list, n: list, increased: list
) -> None:
    """Is knowledge change by group shown with small groups merged, as computed by hand?"""
    noun = by.lower()
    shown = runs[scenario].group_table(f"Knowledge of innovation work, by {noun}")
    assert (shown[by], shown["Participants"], shown["Rated higher"]) == (groups, n, increased)


def test_evaluation_report_drops_a_breakdown_with_no_group_of_five(runs: dict[str, Run]) -> None:
    """With 14 in municipalities and 1 in a region, is there no breakdown by type at all?"""
    run = runs["small_group"]
    assert run.figures.by_group["org_type"] is None
    assert run.figures.satisfaction_by_group["org_type"] is None
    assert "No organisation type has 5 or more matched participants." in run.html


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_evaluation_report_never_shows_a_group_under_five(
    runs: dict[str, Run], scenario: str
) -> None:
    """Does every row of every by-group table have at least 5 participants?"""
    for table in tables(runs[scenario].html):
        if ", by " in table.caption:
            column = "Participants" if "Participants" in table.headers else "Answers"
            assert all(int(n) >= 5 for n in table.column(column)), table.caption


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_evaluation_report_shows_no_participant_id(runs: dict[str, Run], scenario: str) -> None:
    """Can the report be shared: no participant id anywhere on the page?"""
    text = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", runs[scenario].html)
    assert not re.search(r"\bp\d\d\b", text)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_evaluation_report_is_self_contained_and_accessible(
    runs: dict[str, Run], scenario: str
) -> None:
    """No external asset; every image has alt text; every table a caption and scoped headers?"""
    html = runs[scenario].html
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<script" not in html
    assert "<link" not in html
    assert '<html lang="en">' in html
    shown = images(html)
    assert shown
    assert all((img.get("alt") or "").strip() for img in shown)
    assert all(img["src"].startswith("data:image/png;base64,") for img in shown)
    assert all(t.caption and t.scoped for t in tables(html))


def test_evaluation_report_comments_are_anonymous_and_sorted(runs: dict[str, Run]) -> None:
    """Are the open comments shown without names, in alphabetical order?"""
    assert runs["complete"].figures.comments == [
        "More cases from regions, please.",
        "The relay was the best part.",
    ]


def test_evaluation_report_reads_a_renamed_notebook(tmp_path: Path) -> None:
    """Is a lone notebook under another name (as zip_collect may save it) still read?"""
    root = cohorts.write_cohort(tmp_path, cohorts.complete())
    for path in (root / "submitted").glob("*/*/selfassessment.ipynb"):
        path.rename(path.with_name("assessment.ipynb"))
    assert read_cohort(root).problems == []
    assert evaluation_figures(read_cohort(root)).counts["matched"] == 15


def test_evaluation_report_without_submissions_says_what_to_do(tmp_path: Path) -> None:
    """Does an empty course stop with a message that says to collect first?"""
    cohorts.make_course(tmp_path)
    with pytest.raises(CourseError, match="collect self_assessment_pre"):
        evaluation_report(tmp_path, None)


def test_evaluation_report_shows_no_figure_for_fewer_than_five(tmp_path: Path) -> None:
    """With 3 participants, are change, answers and satisfaction withheld, with the reason?"""
    three = {pid: rounds for pid, rounds in cohorts.complete().items() if pid <= "p03"}
    run = Run(tmp_path, three)
    assert all(line.startswith("Fewer than 5 participants") for line in run.figures.headlines)
    assert run.figures.change.empty
    assert run.figures.satisfaction.empty
    assert run.figures.distributions == {}
    assert images(run.html) == []
