"""Export grades: nbgrader's own CSV (one row per participant and assignment) and per question."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import asdict, fields
from pathlib import Path

from innolead.grading import gradebook
from innolead.grading.course import Course, load_config
from innolead.grading.gradebook import CellGrade
from innolead.i18n import Messages

#: The export step's messages, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext


def export_grades(course: Course) -> Path:
    """Write ``reports/grades.csv`` for every assignment with nbgrader's CSV exporter.

    This is what ``nbgrader export`` writes: one row per participant and assignment, with
    ``raw_score``, ``late_submission_penalty``, ``score`` and ``max_score``.
    """
    from nbgrader.api import Gradebook
    from nbgrader.plugins.export import CsvExportPlugin

    course.reports.mkdir(parents=True, exist_ok=True)
    path = course.reports / "grades.csv"
    config = load_config(course)
    plugin = CsvExportPlugin(config=config, to=str(path))
    with Gradebook(course.db_url, course_id=config.CourseDirectory.course_id) as gb:
        plugin.export(gb)
    return path


def export_questions(course: Course, assignment: str) -> Path:
    """Write ``reports/<assignment>/questions.csv``: one row per participant and graded cell."""
    path = course.report_dir(assignment) / "questions.csv"
    rows = gradebook.cell_grades(course, assignment)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=[f.name for f in fields(CellGrade)])
        writer.writeheader()
        writer.writerows(asdict(row) for row in rows)
    return path


def export(
    course: Course, assignment: str | None = None, say: Callable[[str], None] = print
) -> Path:
    """Export the grades of all assignments, and the per-question grades of ``assignment``."""
    if assignment:
        gradebook.require_assignment(course, assignment)
    grades = export_grades(course)
    say(
        _(
            "Grades written to {path} (nbgrader's format: one row per participant and assignment)."
        ).format(path=grades)
    )
    if assignment:
        questions = export_questions(course, assignment)
        say(_("Points per question written to {path}.").format(path=questions))
    say(
        _(
            "Scores count reflections only once they are graded by hand: grade them in the "
            "formgrader, then run `innolead export` again."
        )
    )
    return grades
