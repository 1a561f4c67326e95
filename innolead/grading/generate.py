"""Make the student versions of assignments, and check them before anyone sees them.

For each assignment: the instructor's version must pass all its tests (``nbgrader validate``),
nbgrader then writes the student version to ``release/`` (``nbgrader generate_assignment``),
which must hold no solution, hidden test or rubric, and must pass no test
(``nbgrader validate --invert``): otherwise a blank notebook would earn points.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import nbformat

if TYPE_CHECKING:
    from nbgrader.validator import Validator

from innolead.grading import content
from innolead.grading.course import Course, CourseError, api, load_config
from innolead.i18n import Messages

#: What generating tells the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext


@dataclass(frozen=True)
class Summary:
    """The graded pieces of an assignment, for the printed summary."""

    questions: int
    question_points: float
    reflections: int
    reflection_points: float

    @property
    def points(self) -> float:
        return self.question_points + self.reflection_points


def summarise(course: Course, assignment: str) -> Summary:
    """Count an assignment's autograded questions and reflections, and their points."""
    counts = {"tests": [0, 0.0], "reflections": [0, 0.0]}
    for name in course.notebooks(assignment):
        nb = nbformat.read(course.source_notebook(assignment, name), as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                key = "reflections" if meta.get("solution") else "tests"
                counts[key][0] += 1
                counts[key][1] += float(meta.get("points", 0))
    (questions, question_points), (reflections, reflection_points) = (
        counts["tests"],
        counts["reflections"],
    )
    return Summary(int(questions), question_points, int(reflections), reflection_points)


def _validator(course: Course, invert: bool) -> Validator:
    from nbgrader.validator import Validator

    config = load_config(course)
    config.Validator.invert = invert
    return Validator(config=config)


def _first_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip()[:160] if lines else ""


def validate_source(course: Course, assignment: str) -> list[str]:
    """Problems with the instructor's version: test cells that fail on the solutions."""
    problems = []
    validator = _validator(course, invert=False)
    for name in course.notebooks(assignment):
        results = validator.validate(str(course.source_notebook(assignment, name)))
        for failure in results.get("failed", []):
            first = failure["source"].splitlines()[0] if failure["source"] else ""
            problems.append(
                f"{name}: test fails on the solution: {first} -> "
                f"{_first_line(failure['raw_error'])}"
            )
        for changed in results.get("type_changed", []):
            problems.append(f"{name}: a cell changed type: {changed['source'][:60]}")
    return problems


def check_release(course: Course, assignment: str) -> list[str]:
    """Problems with the student version: leaked secrets, or tests a blank notebook passes."""
    problems = []
    secrets = content.secret_lines(course, assignment)
    validator = _validator(course, invert=True)
    for name in course.notebooks(assignment):
        path = course.release_notebook(assignment, name)
        leaked = content.leaks_in(content.notebook_text(path), secrets, whole_lines=True)
        problems += [f"{name}: the student version contains {line!r}" for line in leaked]
        for passed in validator.validate(str(path)).get("passed", []):
            first = passed["source"].splitlines()[0] if passed["source"] else ""
            problems.append(f"{name}: a blank student version passes the test {first}")
    return problems


def generate_one(course: Course, assignment: str, say: Callable[[str], None] = print) -> None:
    """Validate, generate and check one assignment; raise ``CourseError`` on any problem."""
    course.check_assignment(assignment)
    say(
        _("{assignment}: checking that the instructor's version passes all its tests ...").format(
            assignment=assignment
        )
    )
    problems = validate_source(course, assignment)
    if problems:
        msg = f"{assignment}: the instructor's version does not pass its own tests:\n  "
        raise CourseError(msg + "\n  ".join(problems))
    say(_("{assignment}: writing the student version ...").format(assignment=assignment))
    result = api(course).generate_assignment(assignment, force=True, create=True)
    if not result.get("success"):
        msg = f"{assignment}: nbgrader could not generate it:\n{result.get('error', '')}"
        raise CourseError(msg)
    problems = check_release(course, assignment)
    if problems:
        msg = f"{assignment}: the student version is not safe to hand out:\n  "
        raise CourseError(msg + "\n  ".join(problems))
    s = summarise(course, assignment)
    files = ", ".join(
        str(course.release_notebook(assignment, n).relative_to(course.root))
        for n in course.notebooks(assignment)
    )
    graded = (
        _(
            "{questions} autograded question(s) ({question_points} points) and {reflections} "
            "reflection(s) ({reflection_points} points): {points} points"
        ).format(
            questions=s.questions,
            question_points=f"{s.question_points:g}",
            reflections=s.reflections,
            reflection_points=f"{s.reflection_points:g}",
            points=f"{s.points:g}",
        )
        if s.points
        else _("Not graded (no test or reflection cells)")
    )
    say(
        _(
            "{assignment}: OK. {graded}. Student version: {files} (no solutions, no hidden "
            "tests, passes no test when blank)."
        ).format(assignment=assignment, graded=graded, files=files)
    )


def generate(
    course: Course, assignments: list[str] | None = None, say: Callable[[str], None] = print
) -> list[str]:
    """Generate the student versions of ``assignments`` (all when omitted)."""
    chosen = assignments or course.assignments()
    if not chosen:
        msg = f"No assignments in {course.source}."
        raise CourseError(msg)
    for assignment in chosen:
        generate_one(course, assignment, say)
    say(
        _(
            "Next: hand them out with `innolead release ASSIGNMENT --lms` (a zip and notebook to "
            "upload to your LMS) or `innolead release ASSIGNMENT --exchange` (JupyterHub)."
        )
    )
    return chosen
