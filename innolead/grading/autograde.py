"""Autograde a cohort: one submission at a time, each in its own process, with progress.

``grade_submission`` grades one participant's submission and returns an ``Outcome``; it is
the unit a parallel or sandboxed runner can schedule. ``autograde`` runs it over a cohort,
prints "N of M submissions, elapsed, time left" after each, then a batch summary, and saves
the outcomes to ``reports/<assignment>/autograde.json`` for the cohort report.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from innolead.grading import gradebook
from innolead.grading.course import Course, api, load_config
from innolead.grading.isolation import run_isolated
from innolead.grading.precheck import RESUBMIT, precheck
from innolead.grading.preprocessors import OUTPUT_CUT

GRADED, REJECTED = "graded", "rejected"
#: Seconds a whole submission may take beyond its cells' own timeouts before it is stopped.
SLACK_SECONDS = 120
#: Error names that mean a cell was stopped for running too long.
STOPPED = {"CellTimeoutError", "KeyboardInterrupt", "TimeoutError"}


@dataclass
class Outcome:
    """What happened to one submission."""

    student: str
    status: str
    score: float = 0.0
    max_score: float = 0.0
    seconds: float = 0.0
    reflections_to_grade: int = 0
    reason: str = ""
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The outcome in a few words, for the progress line and the summary."""
        if self.status == REJECTED:
            return f"rejected: {self.reason}"
        text = f"{self.score:g} of {self.max_score:g} points"
        if self.reflections_to_grade:
            text += f", {self.reflections_to_grade} reflection(s) to grade by hand"
        return text


def cell_timeout(course: Course, timeout: float | None = None) -> float:
    """The per-cell timeout in force: ``timeout`` or the course configuration's."""
    if timeout is not None:
        return float(timeout)
    return float(load_config(course).ExecutePreprocessor.get("timeout", 30))


def _time_limit(course: Course, assignment: str, timeout: float) -> float:
    """How long one whole submission may take: every code cell at its timeout, plus slack."""
    cells = 0
    for name in course.notebooks(assignment):
        nb = nbformat.read(course.source_notebook(assignment, name), as_version=4)
        cells += sum(1 for cell in nb.cells if cell.cell_type == "code")
    return timeout * max(cells, 1) + SLACK_SECONDS


def _nbgrader_autograde(root: str, assignment: str, student: str, timeout: float) -> dict:
    """The child process's job: plain nbgrader autograde of one submission."""
    course = Course(Path(root))
    result = api(course, ExecutePreprocessor__timeout=timeout).autograde(
        assignment, student, force=True, create=True
    )
    log = result.get("log", "") + "\n" + result.get("error", "")
    print(log)
    return {"success": bool(result.get("success")), "log": log}


def _observations(course: Course, assignment: str, student: str, timeout: float) -> list[str]:
    """What the graded notebook shows: stopped cells, cut output, answers that raised."""
    notes = []
    for name in course.notebooks(assignment):
        path = course.autograded / student / assignment / f"{name}.ipynb"
        if not path.is_file():
            continue
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            label = meta.get("grade_id", f"cell {nb.cells.index(cell) + 1}")
            for output in cell.get("outputs", []):
                if output.output_type == "error" and output.ename in STOPPED:
                    notes.append(f"{label} ran longer than {timeout:g} s and was stopped")
                elif output.output_type == "error" and meta.get("solution"):
                    notes.append(f"{label} raised {output.ename}")
                elif output.output_type == "error" and meta.get("locked") and not meta.get("grade"):
                    notes.append(
                        f"{label} (a read-only cell) raised {output.ename}: check that the "
                        "course toolkit is installed where grading runs"
                    )
                elif output.output_type == "stream" and OUTPUT_CUT in output.text:
                    notes.append(f"{label} printed too much; the output was cut")
    return list(dict.fromkeys(notes))


#: Causes nbgrader reports in its log, in words an instructor can act on.
KNOWN_FAILURES = {
    "DeadKernelError": "the notebook's Python stopped while it ran (for example exit() or a crash)",
    "Kernel didn't respond": "the notebook's Python did not start in time (is the machine busy?)",
    "SandboxUnavailable": "the grading sandbox is not installed on this machine",
    "UnresponsiveKernelError": "the notebook's Python stopped answering and could not be stopped",
}
_ERROR_LINE = re.compile(r"^\s*([\w.]+(?:Error|Exception|Unavailable)): (.+)$", re.MULTILINE)


def failure_reason(log: str) -> str:
    """Why nbgrader failed, in one line: a known cause in words, else the first real error."""
    for marker, words in KNOWN_FAILURES.items():
        if marker in log:
            return words
    errors = [m for m in _ERROR_LINE.finditer(log) if not m.group(1).endswith("NbGraderException")]
    if errors:
        return f"{errors[0].group(1).rsplit('.', 1)[-1]}: {errors[0].group(2)[:160]}"
    return "unknown error"


def _reject(course: Course, assignment: str, student: str, outcome: Outcome) -> Outcome:
    gradebook.zero_submission(course, assignment, student)
    shutil.rmtree(course.autograded / student / assignment, ignore_errors=True)
    outcome.status = REJECTED
    outcome.score, outcome.reflections_to_grade = 0.0, 0
    return outcome


def grade_submission(
    course: Course, assignment: str, student: str, *, timeout: float | None = None
) -> Outcome:
    """Grade one participant's submission in a process of its own and settle the gradebook.

    The submission is pre-checked (readable? renamed? cells deleted or edited?), graded by
    plain ``nbgrader autograde`` with the course configuration, and its graded notebook is
    scanned for stopped cells and cut output. A submission that cannot be read or graded is
    recorded with 0 points and a reason, so the gradebook always has an entry for it.
    """
    started = time.monotonic()
    timeout = cell_timeout(course, timeout)
    outcome = Outcome(student, GRADED, max_score=gradebook.max_score(course, assignment))
    check = precheck(course, assignment, student)
    outcome.notes = list(check.notes)
    if check.rejected:
        outcome.reason = f"{check.rejected}. {RESUBMIT}"
    else:
        log = course.report_dir(assignment) / "logs" / f"{student}.log"
        limit = _time_limit(course, assignment, timeout)
        status, value = run_isolated(
            _nbgrader_autograde,
            (str(course.root), assignment, student, timeout),
            log=log,
            limit=limit,
        )
        if status != "ok":
            outcome.reason = f"grading failed: {value}. See {log}"
        elif not value["success"]:
            outcome.reason = (
                f"nbgrader could not grade it: {failure_reason(value['log'])}. See {log}"
            )
        else:
            outcome.notes += _observations(course, assignment, student, timeout)
    if outcome.reason:
        _reject(course, assignment, student, outcome)
    else:
        score, _, pending = gradebook.submission_score(course, assignment, student)
        outcome.score, outcome.reflections_to_grade = score, pending
    outcome.seconds = round(time.monotonic() - started, 2)
    return outcome


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def progress_line(done: int, total: int, elapsed: float, outcome: Outcome) -> str:
    """``[3 of 12] anna: 6 of 10 points (3.4 s) | elapsed 0:10, about 0:31 left``."""
    left = elapsed / done * (total - done)
    return (
        f"[{done} of {total}] {outcome.student}: {outcome.line()} ({outcome.seconds:.1f} s) "
        f"| elapsed {_clock(elapsed)}, about {_clock(left)} left"
    )


def summary(assignment: str, outcomes: list[Outcome], elapsed: float) -> str:
    """The batch summary: counts, then every submission that was rejected or has a note."""
    graded = [o for o in outcomes if o.status == GRADED]
    rejected = [o for o in outcomes if o.status == REJECTED]
    pending = sum(o.reflections_to_grade for o in outcomes)
    per = elapsed / len(outcomes) if outcomes else 0.0
    lines = [
        f"Autograded {assignment}: {len(outcomes)} submission(s) in {_clock(elapsed)} "
        f"({per:.1f} s each): {len(graded)} graded, {len(rejected)} rejected.",
    ]
    for o in rejected:
        lines.append(f"  REJECTED {o.student}: {o.reason}")
    for o in outcomes:
        for note in o.notes:
            lines.append(f"  note {o.student}: {note}")
    if pending:
        lines.append(f"{pending} reflection(s) await manual grading in the formgrader.")
    return "\n".join(lines)


def save_outcomes(course: Course, assignment: str, outcomes: list[Outcome]) -> Path:
    """Merge ``outcomes`` into ``reports/<assignment>/autograde.json`` (one entry a student)."""
    path = course.report_dir(assignment) / "autograde.json"
    known = json.loads(path.read_text()) if path.is_file() else {}
    known.update({o.student: asdict(o) for o in outcomes})
    path.write_text(json.dumps(dict(sorted(known.items())), indent=1))
    return path


def load_outcomes(course: Course, assignment: str) -> dict[str, Outcome]:
    """The saved outcomes of the last autograde runs, by student."""
    path = course.reports / assignment / "autograde.json"
    if not path.is_file():
        return {}
    return {k: Outcome(**v) for k, v in json.loads(path.read_text()).items()}


def autograde(
    course: Course,
    assignment: str,
    students: list[str] | None = None,
    *,
    timeout: float | None = None,
    say: Callable[[str], None] = print,
) -> list[Outcome]:
    """Autograde every submission of ``assignment`` (or ``students``), with progress."""
    gradebook.require_assignment(course, assignment)
    cohort = students or course.submitters(assignment)
    unknown = [s for s in cohort if s not in course.submitters(assignment)]
    if unknown:
        msg = f"No submission of {assignment} in {course.submitted} for: {', '.join(unknown)}."
        raise FileNotFoundError(msg)
    if not cohort:
        say(
            f"No submissions of {assignment} in {course.submitted}. Collect them first: "
            f"`innolead collect {assignment} --exchange` or `--lms DOWNLOAD.zip`."
        )
        return []
    say(f"Autograding {len(cohort)} submission(s) of {assignment}, one at a time.")
    outcomes, started = [], time.monotonic()
    for done, student in enumerate(cohort, start=1):
        outcome = grade_submission(course, assignment, student, timeout=timeout)
        outcomes.append(outcome)
        say(progress_line(done, len(cohort), time.monotonic() - started, outcome))
    elapsed = time.monotonic() - started
    path = save_outcomes(course, assignment, outcomes)
    say(summary(assignment, outcomes, elapsed))
    say(f"Outcomes saved to {path}.")
    say(f"Next: `innolead feedback {assignment}`, or `innolead grade {assignment}` for all steps.")
    return outcomes
