"""The cohort report: one self-contained HTML page per assignment for the instructor.

It shows how the cohort scored on each question, who has not submitted, which submissions
were rejected and why, and which reflections still wait for manual grading.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import nbformat

from innolead.grading import gradebook
from innolead.grading.autograde import REJECTED, load_outcomes
from innolead.grading.course import Course
from innolead.grading.gradebook import REFLECTION, CellGrade
from innolead.html_policy import META

CSS = """
body { font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       line-height: 1.45; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
th, td { border-bottom: 1px solid #ccc; padding: 0.3em 0.6em; text-align: left;
         vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: 0.8em; background: #1f5f8b; vertical-align: middle; }
.dist { white-space: nowrap; }
"""


@dataclass(frozen=True)
class Question:
    """A graded cell as the report names it."""

    grade_id: str
    heading: str
    kind: str
    points: float


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


def _e(value: object) -> str:
    return html.escape(str(value))


def _distribution(scores: list[float]) -> str:
    counts = Counter(scores)
    top = max(counts.values(), default=1)
    parts = []
    for value in sorted(counts):
        width = 6 * counts[value] / top
        parts.append(
            f'<span class="dist">{value:g}: {counts[value]} '
            f'<span class="bar" style="width:{width:.2f}em" aria-hidden="true"></span></span>'
        )
    return " &nbsp; ".join(parts) or "no grades yet"


def _question_rows(qs: list[Question], grades: list[CellGrade]) -> list[str]:
    rows = []
    for q in qs:
        mine = [g for g in grades if g.grade_id == q.grade_id]
        done = [g.score for g in mine if not g.needs_manual_grade]
        waiting = sum(g.needs_manual_grade for g in mine)
        mean = f"{sum(done) / len(done):.2f}" if done else "-"
        full = sum(score == q.points for score in done)
        rows.append(
            f"<tr><td>{_e(q.heading)}<br><code>{_e(q.grade_id)}</code></td><td>{_e(q.kind)}</td>"
            f'<td class="num">{q.points:g}</td><td class="num">{len(done)}</td>'
            f'<td class="num">{waiting}</td><td class="num">{mean}</td>'
            f'<td class="num">{full}</td><td>{_distribution(done)}</td></tr>'
        )
    return rows


def _table(caption: str, header: list[str], rows: list[str], empty: str) -> str:
    if not rows:
        return f"<h2>{_e(caption)}</h2><p>{_e(empty)}</p>"
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    return (
        f"<h2>{_e(caption)}</h2><table><caption>{_e(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _totals(grades: list[CellGrade]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for g in grades:
        totals[g.student] = totals.get(g.student, 0.0) + g.score
    return totals


def build(course: Course, assignment: str) -> str:
    """The report's HTML."""
    qs = questions(course, assignment)
    grades = gradebook.cell_grades(course, assignment)
    outcomes = load_outcomes(course, assignment)
    graded = set(gradebook.graded_students(course, assignment))
    submitted = set(course.submitters(assignment))
    everyone = set(gradebook.students(course)) | submitted
    missing = sorted(everyone - submitted - graded)
    rejected = [o for o in outcomes.values() if o.status == REJECTED and o.student in graded]
    waiting = [g for g in grades if g.needs_manual_grade]
    heading = {q.grade_id: q.heading for q in qs}
    total = sum(q.points for q in qs)
    totals = _totals(grades)
    parts = [
        f"<h1>Cohort report: {_e(assignment)}</h1>",
        f"<p>Made {datetime.now():%Y-%m-%d %H:%M} from the gradebook. "
        f"{len(everyone)} participant(s) known, {len(submitted)} submitted, "
        f"{len(graded) - len(rejected)} graded, {len(rejected)} rejected, {len(missing)} missing. "
        f"{len(waiting)} reflection(s) await manual grading. The assignment is worth {total:g} "
        "points; scores below count a reflection only once it has been graded.</p>",
        "<h2>Total scores</h2>",
        f"<p>{_distribution(list(totals.values()))}</p>",
        _table(
            "Score distribution per question",
            [
                "Question",
                "Kind",
                "Points",
                "Graded",
                "Awaiting",
                "Mean",
                "Full marks",
                "Distribution (points: participants)",
            ],
            _question_rows(qs, grades),
            "No grades yet: run `innolead autograde` first.",
        ),
        _table(
            "Missing submissions",
            ["Participant"],
            [f"<tr><td>{_e(s)}</td></tr>" for s in missing],
            "Every known participant has submitted (participants are known from a roster, "
            "`innolead students`, or from earlier assignments).",
        ),
        _table(
            "Rejected submissions",
            ["Participant", "Reason"],
            [f"<tr><td>{_e(o.student)}</td><td>{_e(o.reason)}</td></tr>" for o in rejected],
            "None.",
        ),
        _table(
            "Notes from autograding",
            ["Participant", "Note"],
            [
                f"<tr><td>{_e(o.student)}</td><td>{_e(note)}</td></tr>"
                for o in outcomes.values()
                for note in o.notes
            ],
            "None.",
        ),
        _table(
            "Reflections awaiting manual grading",
            ["Participant", "Question"],
            [
                f"<tr><td>{_e(g.student)}</td><td>{_e(heading.get(g.grade_id, g.grade_id))}"
                f"<br><code>{_e(g.grade_id)}</code></td></tr>"
                for g in waiting
            ],
            "None: every reflection has been graded.",
        ),
        "<p>Grade reflections in the formgrader (JupyterLab: <em>Nbgrader &gt; Formgrader</em>,"
        " then <em>Manual Grading</em>) with the rubric shown above each answer.</p>",
    ]
    body = "\n".join(parts)
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">{META}'
        f"<title>Cohort report: {_e(assignment)}</title><style>{CSS}</style></head>"
        f"<body>\n{body}\n</body></html>\n"
    )


def report(course: Course, assignment: str, say: Callable[[str], None] = print) -> Path:
    """Write ``reports/<assignment>/cohort.html`` and say what it shows."""
    gradebook.require_assignment(course, assignment)
    path = course.report_dir(assignment) / "cohort.html"
    path.write_text(build(course, assignment), encoding="utf-8")
    waiting = sum(g.needs_manual_grade for g in gradebook.cell_grades(course, assignment))
    say(f"Cohort report written to {path}. Open it in a browser.")
    if waiting:
        say(
            f"{waiting} reflection(s) await manual grading: open the formgrader, grade them "
            f"with the rubric, then run `innolead feedback {assignment}` and "
            f"`innolead export {assignment}` again."
        )
    return path
