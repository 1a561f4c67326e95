"""A Swedish cohort is graded exactly as an English one: same answers, same points, per cell.

The English side is the English cohorts the other grading tests grade anyway
(``graded_courses``): its ``partial`` participant answered the first question with the model
answer and left the rest as handed out. The same answers (taken from the English instructor's
version) are put into the Swedish student version of each assignment and graded in a copy of
the Swedish course (``exercises/sv``, inside a copy of the English course's configuration as in
the repository): one submission per assignment, graded once for all test workers
(``shared_once``). One assignment goes through every step with ``innolead --lang sv grade``
(feedback page, batch summary, cohort report); the others only with ``innolead --lang sv
autograde``, which is what decides points.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from innolead.editions import notebooks
from innolead.grading import samples
from innolead.grading.course import DEFAULT_ROOT, Course, api, tool_env
from innolead.grading.verdict import HiddenTest, decide
from tests.conftest import shared_once
from tests.grading.conftest import ASSIGNMENTS, INNOLEAD, TIMEOUT, GradedCourse

SCENARIO = "partial"
PARTICIPANT = samples.student_name(SCENARIO)
#: The assignment graded through every step with the command; the others are autograded.
WHOLE = ASSIGNMENTS[0]


@dataclass
class Cohort:
    """The Swedish course copy after grading, and what ``innolead --lang sv grade`` printed."""

    course: Course
    printed: str = ""
    scores: dict[str, dict[str, float]] = field(default_factory=dict)  # assignment -> cell -> score


def _copy(tmp: Path) -> Course:
    root = tmp / "course" / "sv"
    (root / "source").mkdir(parents=True)
    shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root.parent)
    shutil.copy(notebooks.EDITIONS["sv"] / "nbgrader_config.py", root)
    for assignment in ASSIGNMENTS:
        shutil.copytree(
            notebooks.EDITIONS["sv"] / "source" / assignment, root / "source" / assignment
        )
    return Course(root)


def _submit(course: Course, assignment: str) -> None:
    """The English cohort's answers of the scenario, in the Swedish student version."""
    name = samples.notebook_name(course, assignment)
    english = nbformat.read(Course(DEFAULT_ROOT).source_notebook(assignment, name), as_version=4)
    release = nbformat.read(course.release_notebook(assignment, name), as_version=4)
    submitted = samples.SCENARIOS[SCENARIO].build(release, samples.parts(english))
    folder = course.submission(PARTICIPANT, assignment)
    folder.mkdir(parents=True)
    nbformat.write(submitted, folder / f"{name}.ipynb")


def scores(course: Course, assignment: str) -> dict[str, float]:
    """Each graded cell's score of the participant, from the course's gradebook."""
    name = samples.notebook_name(course, assignment)
    with Gradebook(course.db_url) as gb:
        notebook = gb.find_submission_notebook(name, assignment, PARTICIPANT)
        return {grade.name: grade.score for grade in notebook.grades}


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """This process's environment with ``values`` set, as the instructor's command sets it."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def _innolead(course: Course, *args: str) -> str:
    """What ``innolead --lang sv`` printed for a command on the Swedish course."""
    command = [*INNOLEAD, "--lang", "sv", "--course", str(course.root), *args]
    run = subprocess.run(
        [*command, "--timeout", TIMEOUT, "--workers", "1"],
        env=tool_env(), text=True, capture_output=True, timeout=600, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout + run.stderr


def _grade(tmp: Path) -> Cohort:
    cohort = Cohort(_copy(tmp))
    course = cohort.course
    with _environment(PATH=tool_env()["PATH"]):  # nbgrader's gradebook runs alembic
        for assignment in ASSIGNMENTS:  # the English version is validated by its own cohort
            result = api(course).generate_assignment(assignment, force=True, create=True)
            assert result["success"], result.get("error")
            _submit(course, assignment)
    cohort.printed = _innolead(course, "grade", WHOLE)
    for assignment in ASSIGNMENTS[1:]:
        _innolead(course, "autograde", assignment)
    cohort.scores = {assignment: scores(course, assignment) for assignment in ASSIGNMENTS}
    return cohort


@pytest.fixture(scope="module")
def swedish_cohort(tmp_path_factory: pytest.TempPathFactory, bubblewrap: None) -> Cohort:
    """The English cohort's answers graded in the Swedish course."""
    return shared_once("swedish-course", tmp_path_factory, _grade)


@pytest.mark.slow
@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_swedish_assignment_scores_the_same_answers_the_same_per_cell(
    swedish_cohort: Cohort, graded_courses: dict[str, GradedCourse], assignment: str
):
    """Does every graded cell of the Swedish notebook give the points the English one gives
    for the same answers, with right and wrong answers among them?"""
    english = graded_courses[assignment].require().course
    assert swedish_cohort.scores[assignment] == scores(english, assignment)
    given = set(swedish_cohort.scores[assignment].values())
    assert len(given) > 1, "the answers should be partly right, partly not"


@pytest.mark.slow
def test_swedish_feedback_page_speaks_swedish(swedish_cohort: Cohort):
    """Is the Swedish participant's feedback page in Swedish: its language and the grader's
    verdicts?"""
    folder = swedish_cohort.course.feedback / PARTICIPANT / WHOLE
    page = (folder / f"{WHOLE}.html").read_text(encoding="utf-8")
    assert 'lang="sv"' in page
    assert "Rättat av kursens rättare, utanför din notebook: rätt." in page
    assert "answer_b är inte rätt: välj måttet ”Utvärderad”" in page  # a hidden test's message
    assert "Ditt svar" in page  # nbgrader's template words, in Swedish too
    assert "Checked by the grader" not in page
    assert "is not right" not in page
    assert "Score:" not in page


@pytest.mark.slow
def test_swedish_batch_summary_speaks_swedish(swedish_cohort: Cohort):
    """Does `innolead --lang sv grade` summarise the batch in Swedish?"""
    assert f"Rättade {WHOLE} automatiskt: 1 inlämning(ar)" in swedish_cohort.printed
    assert "== Steg 1 av 4: autograde" in swedish_cohort.printed
    assert "Autograded" not in swedish_cohort.printed
    assert "written to" not in swedish_cohort.printed


@pytest.mark.slow
def test_swedish_cohort_report_speaks_swedish(swedish_cohort: Cohort):
    """Is the Swedish cohort report in Swedish, the questions named by the Swedish headings?"""
    report = swedish_cohort.course.reports / WHOLE / "cohort.html"
    page = report.read_text(encoding="utf-8")
    assert 'lang="sv"' in page
    assert "Poängfördelning per fråga" in page
    assert "Del A (2 poäng)" in page
    assert "Score distribution" not in page


def _hidden_test(assignment: str, grade_id: str) -> HiddenTest:
    source = Course(DEFAULT_ROOT).source_notebook(assignment, assignment)
    cell = samples.cell_of(nbformat.read(source, as_version=4), grade_id)
    return HiddenTest.from_source(grade_id, cell.source)


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("Urban development", True),  # the data value (the analyst track)
        ("Samhällsbyggnad", True),  # as the Swedish explorer shows it
        (" samhällsbyggnad ", True),
        ("Utbildning", False),  # another department, in Swedish
        ("Education", False),
    ],
)
def test_grader_takes_an_answer_as_either_language_shows_it(answer: str, right: bool):
    """Does the unchanged hidden test accept the right department as the explorer shows it in
    Swedish, and still refuse a wrong one?"""
    test = _hidden_test("part1", "portfolio_best_converter_correct")
    assert (decide(test, {"answer_c": answer}) is None) is right
