"""The one page shell and its pieces: escaping, the Content-Security-Policy, accessible tables."""

from __future__ import annotations

import pandas as pd
import pytest

from innolead.grading.autograde import REJECTED, Outcome
from innolead.grading.cohort_report import CohortFigures, QuestionRow, Waiting, distribution
from innolead.grading.cohort_report import render_report as cohort_page
from innolead.html_policy import META
from innolead.render import pages
from tests.evaluation.htmltables import tables

SCRIPT = "<script>alert(1)</script>"


def sample_cohort(student: str = SCRIPT) -> CohortFigures:
    """A cohort report's figures with markup in every participant field."""
    return CohortFigures(
        assignment="part1",
        made="2026-01-01 12:00",
        known=3,
        submitted=2,
        graded=1,
        total="5",
        totals=distribution([2.0, 5.0]),
        questions=[
            QuestionRow("Part A", "q1", "autograded", "2", 2, 0, "1.50", 1, distribution([1, 2]))
        ],
        missing=["absent"],
        rejected=[Outcome(student, REJECTED, reason=f"broken {SCRIPT}")],
        notes=[(student, "renamed 'x (1).ipynb'")],
        waiting=[Waiting(student, "Reflect", "r1")],
    )


def _pages() -> dict[str, str]:
    frame = pd.DataFrame({"group": [SCRIPT], "share": [0.5]})
    body = [pages.section("Figures", [pages.table(frame, "Shares"), pages.paragraph(SCRIPT)])]
    return {"shell": pages.page(f"Report {SCRIPT}", body), "cohort": cohort_page(sample_cohort())}


@pytest.mark.parametrize("name", ["shell", "cohort"])
def test_page_escapes_what_it_is_given(name: str) -> None:
    """Does markup in a title, a cell, a reason or a participant id reach the page as text?"""
    html = _pages()[name]
    assert "<script" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("name", ["shell", "cohort"])
def test_page_forbids_scripts_and_other_hosts(name: str) -> None:
    """Does every page carry the Content-Security-Policy right after its character set?"""
    html = _pages()[name]
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n')
    assert html.index(META) < html.index("<title>")


@pytest.mark.parametrize("name", ["shell", "cohort"])
def test_page_has_one_heading_and_a_main(name: str) -> None:
    """Is there exactly one h1, inside main, and a viewport for phones?"""
    html = _pages()[name]
    assert html.count("<h1>") == 1
    assert html.index("<main>") < html.index("<h1>") < html.index("</main>")
    assert 'name="viewport"' in html


def test_cohort_report_tables_have_captions_and_column_headers() -> None:
    """Does each cohort table have a caption and scoped column headers, with its rows?"""
    found = {t.caption: t for t in tables(_pages()["cohort"])}
    assert set(found) == {
        "Score distribution per question",
        "Missing submissions",
        "Rejected submissions",
        "Notes from autograding",
        "Reflections awaiting manual grading",
    }
    assert all(t.scoped for t in found.values())
    assert found["Missing submissions"].rows == [["absent"]]
    assert found["Score distribution per question"].column("Mean") == ["1.50"]


def test_cohort_report_says_when_a_list_is_empty() -> None:
    """Is an empty list a sentence, not an empty table?"""
    empty = CohortFigures("part1", "now", 0, 0, 0, "5", [], [], [], [], [], [])
    html = cohort_page(empty)
    assert tables(html) == []
    assert "No grades yet: run `innolead autograde` first." in html
    assert "None: every reflection has been graded." in html
