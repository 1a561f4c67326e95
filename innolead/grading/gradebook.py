"""Read and, for rejected submissions, settle the gradebook through nbgrader's own API."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.exc import SAWarning

if TYPE_CHECKING:
    from nbgrader.api import Gradebook

from innolead.grading.course import Course, CourseError

#: How the cohort report and the exports call the two kinds of graded cell.
AUTOGRADED, REFLECTION = "autograded", "reflection"


@dataclass(frozen=True)
class CellGrade:
    """One participant's grade for one graded cell."""

    student: str
    notebook: str
    grade_id: str
    kind: str
    score: float
    max_score: float
    needs_manual_grade: bool


def _gradebook(course: Course) -> Gradebook:
    from nbgrader.api import Gradebook

    return Gradebook(course.db_url, course_id=_course_id(course))


def _course_id(course: Course) -> str:
    from innolead.grading.course import load_config

    return str(load_config(course).CourseDirectory.get("course_id", "")) or "default_course"


def require_assignment(course: Course, assignment: str) -> None:
    """Fail with the next step to take when ``assignment`` has not been generated yet."""
    from nbgrader.api import MissingEntry

    course.check_assignment(assignment)
    missing = not course.gradebook.is_file()
    if not missing:
        with _gradebook(course) as gb:
            try:
                gb.find_assignment(assignment)
            except MissingEntry:
                missing = True
    if missing or not (course.release / assignment).is_dir():
        msg = (
            f"Assignment {assignment!r} has no student version in the gradebook yet. "
            f"Run `innolead generate {assignment}` first."
        )
        raise CourseError(msg)


def max_score(course: Course, assignment: str) -> float:
    """The points an assignment is worth."""
    with _gradebook(course) as gb:
        return float(gb.find_assignment(assignment).max_score)


def students(course: Course) -> list[str]:
    """Every participant the gradebook knows (from a roster or from earlier grading)."""
    if not course.gradebook.is_file():
        return []
    with _gradebook(course) as gb:
        return sorted(s.id for s in gb.students)


def graded_students(course: Course, assignment: str) -> list[str]:
    """The participants with a submission of ``assignment`` in the gradebook."""
    with _gradebook(course) as gb:
        return sorted(s.student.id for s in gb.find_assignment(assignment).submissions)


def cell_grades(course: Course, assignment: str) -> list[CellGrade]:
    """Every grade of ``assignment``: one per participant and graded cell."""
    rows = []
    with _gradebook(course) as gb:
        found = gb.find_assignment(assignment)
        manual = {
            (nb.name, cell.name)
            for nb in found.notebooks
            for cell in nb.solution_cells
            if cell.name in {g.name for g in nb.grade_cells}
        }
        for submission in found.submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    kind = REFLECTION if (notebook.name, grade.name) in manual else AUTOGRADED
                    rows.append(
                        CellGrade(
                            submission.student.id,
                            notebook.name,
                            grade.name,
                            kind,
                            float(grade.score or 0.0),
                            float(grade.max_score),
                            bool(grade.needs_manual_grade),
                        )
                    )
    return sorted(rows, key=lambda r: (r.student, r.notebook, r.grade_id))


def submission_score(course: Course, assignment: str, student: str) -> tuple[float, float, int]:
    """A participant's score, the maximum, and how many reflections await manual grading."""
    with _gradebook(course) as gb:
        submission = gb.find_submission(assignment, student)
        pending = sum(1 for nb in submission.notebooks for g in nb.grades if g.needs_manual_grade)
        return float(submission.score), float(submission.max_score), pending


def zero_submission(course: Course, assignment: str, student: str) -> None:
    """Record a rejected submission: zero for every graded cell, nothing left to grade.

    This is what nbgrader itself records for a notebook that was not submitted, so the export
    and the formgrader show the participant with 0 points instead of a half-graded entry.
    """
    with _gradebook(course) as gb:
        gb.update_or_create_student(student)
    # nbgrader's add_submission makes SQLAlchemy warn about its autoflush order (it does so
    # inside `nbgrader autograde` too); the rows are written correctly.
    with _gradebook(course) as gb, warnings.catch_warnings():
        warnings.simplefilter("ignore", category=SAWarning)
        submission = gb.update_or_create_submission(assignment, student)
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = 0.0
                grade.manual_score = None
                grade.needs_manual_grade = False
        gb.db.commit()
