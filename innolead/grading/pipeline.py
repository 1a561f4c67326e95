"""The order of the grading steps that ``innolead grade`` runs, as data (and tested as such)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from innolead.grading.autograde import autograde
from innolead.grading.cohort_report import report
from innolead.grading.course import Course
from innolead.grading.export import export
from innolead.grading.feedback import feedback
from innolead.i18n import N_, Messages

#: The steps' names and purposes, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext


@dataclass(frozen=True)
class Step:
    """One step of ``innolead grade``: its name and how to run it (the tuple's order is the
    order they run in)."""

    name: str
    run: Callable[..., Any]
    purpose: str


#: Autograde first (it fills the gradebook), then feedback from the graded notebooks, then
#: the CSV export and the cohort report, which read the gradebook and the autograde outcomes.
GRADE_STEPS: tuple[Step, ...] = (
    Step(
        "autograde",
        lambda course, a, opts, say: autograde(
            course, a, timeout=opts.get("timeout"), workers=opts.get("workers"), say=say
        ),
        N_("run every submission and record the points of each test"),
    ),
    Step(
        "feedback",
        lambda course, a, opts, say: feedback(
            course,
            a,
            exchange=opts.get("exchange", False),
            exchange_root=opts.get("exchange_root"),
            say=say,
        ),
        N_("write each participant's feedback page, without hidden tests"),
    ),
    Step(
        "export",
        lambda course, a, opts, say: export(course, a, say=say),
        N_("write grades.csv and the points per question"),
    ),
    Step(
        "report",
        lambda course, a, opts, say: report(course, a, say=say),
        N_("write the cohort report"),
    ),
)


def grade(
    course: Course,
    assignment: str,
    options: dict[str, Any] | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Run every step of ``GRADE_STEPS`` in order on ``assignment``."""
    for number, step in enumerate(GRADE_STEPS, start=1):
        heading = _("Step {number} of {steps}: {name} ({purpose})").format(
            number=number, steps=len(GRADE_STEPS), name=step.name, purpose=_(step.purpose)
        )
        say(f"\n== {heading} ==")
        step.run(course, assignment, options or {}, say)
