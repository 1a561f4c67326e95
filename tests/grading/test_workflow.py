"""End to end: every assignment through the instructor's commands and real nbgrader.

The cohorts are graded once per session (``conftest.graded_courses``); these tests read what
the commands printed and wrote.
"""

from __future__ import annotations

import getpass
import re
import subprocess

import pytest

from innolead.grading import content
from innolead.grading.course import nbgrader_command, tool_env
from tests.grading.conftest import ABSENT, ASSIGNMENTS, MACHINERY, TIMEOUT, GradedCourse

pytestmark = pytest.mark.slow


@pytest.fixture(params=ASSIGNMENTS)
def graded(request: pytest.FixtureRequest, graded_courses: dict[str, GradedCourse]) -> GradedCourse:
    return graded_courses[request.param].require()


@pytest.fixture
def machinery(graded_courses: dict[str, GradedCourse]) -> GradedCourse:
    return graded_courses[MACHINERY].require()


def _feedback_page(graded: GradedCourse, student: str) -> str:
    pages = sorted((graded.course.feedback / student / graded.assignment).glob("*.html"))
    assert pages, f"no feedback page for {student}"
    return content.html_text(pages[0])


def test_generate_validates_the_instructor_version(graded: GradedCourse) -> None:
    """Does `innolead generate` pass the source's own tests and report the points?"""
    out = graded.output("generate")
    assert f"{graded.assignment}: OK." in out, out


def test_student_version_has_no_solution_or_hidden_test(graded: GradedCourse) -> None:
    """Is every solution, hidden test and rubric line absent from the student version?"""
    secrets = content.secret_lines(graded.course, graded.assignment)
    for path in (graded.course.release / graded.assignment).glob("*.ipynb"):
        text = content.notebook_text(path)
        assert content.leaks_in(text, secrets, whole_lines=True) == []
        assert "HIDDEN" not in text
        assert "SOLUTION" not in text


def test_student_version_passes_no_test(graded: GradedCourse) -> None:
    """Does a blank student version pass no test: as `innolead generate` checked (nbgrader's
    validator, inverted) and, for one assignment, as plain `nbgrader validate --invert` finds?"""
    assert "passes no test when blank" in graded.output("generate")
    if graded.assignment == MACHINERY:
        out = graded.output("invert")
        assert "Success! The notebook does not pass any tests." in out, out


def test_export_gives_each_scenario_its_expected_score(graded: GradedCourse) -> None:
    """Does grades.csv hold exactly the expected score for every participant?"""
    expected = {student: graded.expected(student) for student in graded.cohort}
    got = {student: graded.grades.get(student) for student in graded.cohort}
    assert got == expected


def test_feedback_shows_the_score_and_no_hidden_test(graded: GradedCourse) -> None:
    """Has every graded participant a feedback page with the score and no hidden line?"""
    secrets = content.hidden_test_lines(graded.course, graded.assignment)
    for student in graded.cohort:
        if graded.cohort[student] in ("broken_json", "kernel_exit"):
            continue
        text = _feedback_page(graded, student)
        assert re.search(rf"Score: {graded.grades[student]:.1f} / \d+\.0", text), student
        assert content.leaks_in(text, secrets) == [], student


def test_broken_notebook_is_rejected_with_a_reason(graded: GradedCourse) -> None:
    """Is a broken notebook rejected, named with its reason, and given a feedback note?"""
    out = graded.output("grade")
    assert "REJECTED broken-json: " in out
    assert "is not valid notebook JSON" in out
    assert "could not be graded" in _feedback_page(graded, "broken-json")


def test_autograde_prints_progress_and_a_summary(graded: GradedCourse) -> None:
    """Does autograde print 'N of M', elapsed and time left, then a batch summary?"""
    out = graded.output("grade")
    total = len(graded.cohort)
    assert f"[{total} of {total}]" in out
    assert "elapsed" in out
    assert "left" in out
    assert re.search(rf"Autograded {graded.assignment}: {total} submission\(s\)", out)


def test_infinite_loop_is_stopped_and_noted(machinery: GradedCourse) -> None:
    """Is the never-ending cell stopped, noted, and the rest of that notebook graded?"""
    out = machinery.output("grade")
    assert re.search(rf"note infinite-loop: \S+ ran longer than {TIMEOUT} s and was stopped", out)


def test_cohort_report_lists_reflections_to_grade(graded: GradedCourse) -> None:
    """Does the cohort report show the questions and the reflections awaiting grading?"""
    page = graded.course.reports / graded.assignment / "cohort.html"
    text = content.html_text(page)
    assert "Score distribution per question" in text
    assert "Reflections awaiting manual grading" in text
    assert "full" in text.split("Reflections awaiting manual grading")[-1]


@pytest.mark.parametrize(
    ("student", "note"),
    [
        ("raises", r"raised ModuleNotFoundError"),
        ("big-output", r"printed too much; the output was cut"),
        ("deleted-cells", r"deleted cell\(s\) .+: put back before grading"),
        ("renamed", r"renamed '.+ \(1\)\.ipynb' to"),
        ("tampered", r"edited locked cell\(s\) .+: restored before grading"),
        ("tampered", r"changed grading settings of .+: reset"),
    ],
)
def test_summary_notes_what_happened(machinery: GradedCourse, student: str, note: str) -> None:
    """Does the batch summary say what was odd about each unusual submission?"""
    assert re.search(rf"note {student}: .*{note}", machinery.output("grade"))


def test_kernel_exit_is_rejected_with_a_reason(machinery: GradedCourse) -> None:
    """Is a notebook that ends its own Python rejected with a reason, the rest graded?"""
    out = machinery.output("grade")
    assert "REJECTED kernel-exit: nbgrader could not grade it: the notebook's Python stopped" in out
    assert "could not be graded" in _feedback_page(machinery, "kernel-exit")


def test_missing_participant_is_reported_and_scores_zero(machinery: GradedCourse) -> None:
    """Is a roster participant without a submission listed as missing, with 0 in the export?"""
    page = content.html_text(machinery.course.reports / MACHINERY / "cohort.html")
    assert ABSENT in page.split("Rejected submissions")[0].split("Missing submissions")[-1]
    assert machinery.grades[ABSENT] == 0.0


def test_exchange_submission_is_collected_and_graded(machinery: GradedCourse) -> None:
    """Does a submission through the exchange reach the gradebook with full marks?"""
    student = getpass.getuser()
    assert machinery.grades[student] == machinery.expected(student)
    assert "Released part4 to the exchange" in machinery.output("release-exchange")


def test_plain_nbgrader_feedback_hides_hidden_tests(machinery: GradedCourse) -> None:
    """Does plain `nbgrader generate_feedback` (the formgrader's route) hide hidden tests too?"""
    run = subprocess.run(
        [*nbgrader_command(), "generate_feedback", MACHINERY, "--force"],
        cwd=machinery.course.root,
        env=tool_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    secrets = content.hidden_test_lines(machinery.course, MACHINERY)
    for student in ("full", "partial", "tampered"):
        text = _feedback_page(machinery, student)
        assert content.leaks_in(text, secrets) == [], student
        assert "Hidden tests ran here" in text


def test_manual_grade_reaches_the_export(machinery: GradedCourse, tmp_path: object) -> None:
    """Does a reflection graded by hand count in the next export?"""
    from nbgrader.api import Gradebook

    from innolead.grading import gradebook
    from innolead.grading.export import export_grades

    course = machinery.course
    reflections = [g for g in gradebook.cell_grades(course, MACHINERY) if g.student == "partial"]
    pending = [g for g in reflections if g.needs_manual_grade]
    assert pending
    with Gradebook(course.db_url, course_id="innolead") as gb:
        for g in pending:
            gb.find_grade(g.grade_id, g.notebook, MACHINERY, "partial").manual_score = g.max_score
        gb.db.commit()
    path = export_grades(course)
    text = path.read_text()
    total = machinery.grades["partial"] + sum(g.max_score for g in pending)
    assert f"partial,,,,{total},0.0,{total}," in text
