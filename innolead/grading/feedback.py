"""Write each participant's feedback as HTML, and check it reveals no hidden test.

The hiding itself is nbgrader configuration (``HideHiddenTests`` in ``nbgrader_config.py``),
so the formgrader's button and plain ``nbgrader generate_feedback`` hide them too. This step
runs nbgrader's feedback, adds a short page for each rejected submission, and refuses to go
on if any page still contains a line of a hidden test or rubric.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from innolead.grading import content, gradebook
from innolead.grading.autograde import REJECTED, load_outcomes
from innolead.grading.course import Course, CourseError, api, run_nbgrader
from innolead.grading.release import exchange_args
from innolead.i18n import Messages

#: The feedback step's messages, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

REJECTED_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{assignment}: not graded</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.5">
<h1>{assignment}: your submission could not be graded</h1>
<p><strong>Score: 0 of {max_score:g} points.</strong></p>
<p>Reason: {reason}</p>
<p>Please contact your instructor: they can grade a corrected file.</p>
</body></html>
"""


def feedback_files(course: Course, assignment: str) -> list[Path]:
    """Every feedback page of ``assignment``."""
    return sorted(course.feedback.glob(f"*/{assignment}/*.html"))


def check_feedback(course: Course, assignment: str) -> list[str]:
    """Feedback pages that show a line of a hidden test or a rubric, with the line."""
    secrets = content.hidden_test_lines(course, assignment)
    problems = []
    for path in feedback_files(course, assignment):
        for line in content.leaks_in(content.html_text(path), secrets):
            problems.append(f"{path.relative_to(course.root)}: {line!r}")
    return problems


def _rejected_pages(course: Course, assignment: str) -> list[str]:
    written = []
    outcomes = load_outcomes(course, assignment)
    for student, outcome in outcomes.items():
        if outcome.status != REJECTED:
            continue
        for name in course.notebooks(assignment):
            page = course.feedback / student / assignment / f"{name}.html"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(
                REJECTED_PAGE.format(
                    assignment=html.escape(assignment),
                    max_score=outcome.max_score,
                    reason=html.escape(outcome.reason),
                ),
                encoding="utf-8",
            )
        written.append(student)
    return written


def feedback(
    course: Course,
    assignment: str,
    *,
    exchange: bool = False,
    exchange_root: str | None = None,
    say: Callable[[str], None] = print,
) -> list[Path]:
    """Generate the feedback of every graded submission, check it, and release it if asked."""
    gradebook.require_assignment(course, assignment)
    result = api(course).generate_feedback(assignment, force=True)
    if not result.get("success"):
        msg = f"nbgrader could not generate feedback for {assignment}:\n{result.get('error', '')}"
        raise CourseError(msg)
    rejected = _rejected_pages(course, assignment)
    problems = check_feedback(course, assignment)
    if problems:
        for path in feedback_files(course, assignment):
            path.unlink()
        msg = (
            "Feedback would reveal hidden tests or rubrics, so it was deleted:\n  "
            + "\n  ".join(problems[:10])
            + "\nCheck GenerateFeedback.preprocessors in nbgrader_config.py."
        )
        raise CourseError(msg)
    pages = feedback_files(course, assignment)
    say(
        _(
            "Feedback for {assignment}: {n} page(s) in {folder}/<participant>/{assignment}/ "
            "({rejected} for rejected submissions). No hidden test or rubric appears in them."
        ).format(
            assignment=assignment, n=len(pages), folder=course.feedback, rejected=len(rejected)
        )
    )
    if exchange:
        done = run_nbgrader(
            course, "release_feedback", assignment, *exchange_args(exchange_root), quiet=True
        )
        if done.returncode:
            msg = f"nbgrader could not release the feedback to the exchange:\n{done.stderr[-800:]}"
            raise CourseError(msg)
        say(
            _(
                "Released to the exchange: participants press 'Fetch Feedback' in "
                "Nbgrader > Assignment List."
            )
        )
    else:
        say(_("Next: send each participant their page (for an LMS, attach it as feedback)."))
    say(
        _("Then: `innolead export {assignment}` and `innolead report {assignment}`.").format(
            assignment=assignment
        )
    )
    return pages
