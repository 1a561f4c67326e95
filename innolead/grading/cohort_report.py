"""The cohort report: one self-contained HTML page per assignment for the instructor.

It shows how the cohort scored on each question, who has not submitted, which submissions
were rejected and why, and which reflections still wait for manual grading. ``gather`` reads
the gradebook into a ``CohortFigures`` (plain data, already formatted); ``render`` lays it out
in the course's page shell (``innolead/render/templates/cohort_report.html``), which escapes
every participant id, reason and note.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from innolead.grading import gradebook
from innolead.grading.autograde import REJECTED, Outcome, load_outcomes
from innolead.grading.course import Course
from innolead.grading.gradebook import REFLECTION, CellGrade
from innolead.i18n import Messages
from innolead.render.pages import render

#: The report's words for the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext
#: The width, in em, of the longest bar of a distribution.
BAR_EM = 6


@dataclass(frozen=True)
class Question:
    """A graded cell as the report names it."""

    grade_id: str
    heading: str
    kind: str
    points: float


@dataclass(frozen=True)
class Bar:
    """One value of a score distribution: the score, how many got it, the bar's width (em)."""

    value: str
    count: int
    width: str


@dataclass(frozen=True)
class QuestionRow:
    """One question's line in the report, formatted."""

    heading: str
    grade_id: str
    kind: str
    points: str
    graded: int
    waiting: int
    mean: str
    full: int
    bars: list[Bar]


@dataclass(frozen=True)
class Waiting:
    """A reflection awaiting manual grading."""

    student: str
    heading: str
    grade_id: str


@dataclass(frozen=True)
class CohortFigures:
    """Everything the report shows, already counted and formatted."""

    assignment: str
    made: str
    known: int
    submitted: int
    graded: int
    total: str
    totals: list[Bar]
    questions: list[QuestionRow]
    missing: list[str]
    rejected: list[Outcome]
    notes: list[tuple[str, str]]
    waiting: list[Waiting]


def questions(course: Course, assignment: str) -> list[Question]:
    """The graded cells in notebook order, each with the heading of its part."""
    found, heading = [], ""
    for name in course.notebooks(assignment):
        nb = nbformat.read(course.source_notebook(assignment, name), as_version=4)
        for cell in nb.cells:
            lines = cell.source.splitlines() if cell.cell_type == "markdown" else []
            heading = next(
                (ln.lstrip("# ").strip() for ln in lines if ln.startswith("## ")), heading
            )
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade"):
                kind = REFLECTION if meta.get("solution") else gradebook.AUTOGRADED
                found.append(Question(meta["grade_id"], heading, kind, float(meta["points"])))
    return found


def distribution(scores: list[float]) -> list[Bar]:
    """Each score with how many got it, the most common drawn ``BAR_EM`` wide.

    Examples
    --------
    >>> [(bar.value, bar.count, bar.width) for bar in distribution([1.0, 2.0, 2.0])]
    [('1', 1, '3.00'), ('2', 2, '6.00')]
    """
    counts = Counter(scores)
    top = max(counts.values(), default=1)
    return [
        Bar(f"{value:g}", counts[value], f"{BAR_EM * counts[value] / top:.2f}")
        for value in sorted(counts)
    ]


def _question_row(q: Question, grades: list[CellGrade]) -> QuestionRow:
    mine = [g for g in grades if g.grade_id == q.grade_id]
    done = [g.score for g in mine if not g.needs_manual_grade]
    return QuestionRow(
        heading=q.heading,
        grade_id=q.grade_id,
        kind=q.kind,
        points=f"{q.points:g}",
        graded=len(done),
        waiting=sum(g.needs_manual_grade for g in mine),
        mean=f"{sum(done) / len(done):.2f}" if done else "-",
        full=sum(score == q.points for score in done),
        bars=distribution(done),
    )


def _totals(grades: list[CellGrade]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for g in grades:
        totals[g.student] = totals.get(g.student, 0.0) + g.score
    return totals


def gather(course: Course, assignment: str) -> CohortFigures:
    """Read the gradebook, the outcomes and the submissions into the report's figures."""
    qs = questions(course, assignment)
    grades = gradebook.cell_grades(course, assignment)
    outcomes = load_outcomes(course, assignment)
    graded = set(gradebook.graded_students(course, assignment))
    submitted = set(course.submitters(assignment))
    everyone = set(gradebook.students(course)) | submitted
    rejected = [o for o in outcomes.values() if o.status == REJECTED and o.student in graded]
    heading = {q.grade_id: q.heading for q in qs}
    return CohortFigures(
        assignment=assignment,
        made=f"{datetime.now():%Y-%m-%d %H:%M}",
        known=len(everyone),
        submitted=len(submitted),
        graded=len(graded) - len(rejected),
        total=f"{sum(q.points for q in qs):g}",
        totals=distribution(list(_totals(grades).values())),
        questions=[_question_row(q, grades) for q in qs],
        missing=sorted(everyone - submitted - graded),
        rejected=rejected,
        notes=[(o.student, note) for o in outcomes.values() for note in o.notes],
        waiting=[
            Waiting(g.student, heading.get(g.grade_id, g.grade_id), g.grade_id)
            for g in grades
            if g.needs_manual_grade
        ],
    )


def words(r: CohortFigures) -> dict[str, object]:
    """What the report says around its figures, in the course language (the template only
    lays the words out, so that every one of them is in the catalogue)."""
    return {
        "title": _("Cohort report: {assignment}").format(assignment=r.assignment),
        "summary": _(
            "Made {made} from the gradebook. {known} participant(s) known, {submitted} "
            "submitted, {graded} graded, {rejected} rejected, {missing} missing. {waiting} "
            "reflection(s) await manual grading. The assignment is worth {total} points; "
            "scores below count a reflection only once it has been graded."
        ).format(
            made=r.made,
            known=r.known,
            submitted=r.submitted,
            graded=r.graded,
            rejected=len(r.rejected),
            missing=len(r.missing),
            waiting=len(r.waiting),
            total=r.total,
        ),  # fmt: skip
        "totals": _("Total scores"),
        "no_grades": _("no grades yet"),
        "per_question": _("Score distribution per question"),
        "question_head": [
            _("Question"),
            _("Kind"),
            _("Points"),
            _("Graded"),
            _("Awaiting"),
            _("Mean"),
            _("Full marks"),
            _("Distribution (points: participants)"),
        ],  # fmt: skip
        "kinds": {gradebook.AUTOGRADED: _("autograded"), REFLECTION: _("reflection")},
        "no_questions": _("No grades yet: run `innolead autograde` first."),
        "missing": _("Missing submissions"),
        "participant": [_("Participant")],
        "none_missing": _(
            "Every known participant has submitted (participants are known from a roster, "
            "`innolead students`, or from earlier assignments)."
        ),
        "rejected": _("Rejected submissions"),
        "reason_head": [_("Participant"), _("Reason")],
        "none": _("None."),
        "notes": _("Notes from autograding"),
        "note_head": [_("Participant"), _("Note")],
        "waiting": _("Reflections awaiting manual grading"),
        "waiting_head": [_("Participant"), _("Question")],
        "none_waiting": _("None: every reflection has been graded."),
        "formgrader": _(
            "Grade reflections in the formgrader (JupyterLab: Nbgrader > Formgrader, then "
            "Manual Grading) with the rubric shown above each answer."
        ),
    }


def render_report(figures: CohortFigures) -> str:
    """The report's HTML page, in the course's page shell."""
    w = words(figures)
    return render("cohort_report.html", title=w["title"], r=figures, w=w)


def build(course: Course, assignment: str) -> str:
    """The report's HTML."""
    return render_report(gather(course, assignment))


def report(course: Course, assignment: str, say: Callable[[str], None] = print) -> Path:
    """Write ``reports/<assignment>/cohort.html`` and say what it shows."""
    gradebook.require_assignment(course, assignment)
    path = course.report_dir(assignment) / "cohort.html"
    figures = gather(course, assignment)
    path.write_text(render_report(figures), encoding="utf-8")
    say(_("Cohort report written to {path}. Open it in a browser.").format(path=path))
    if figures.waiting:
        say(
            _(
                "{n} reflection(s) await manual grading: open the formgrader, grade them with "
                "the rubric, then run `innolead feedback {assignment}` and "
                "`innolead export {assignment}` again."
            ).format(n=len(figures.waiting), assignment=assignment)
        )
    return path
