"""Autograde a cohort: several submissions at a time, in worker processes, with progress.

A submission is pre-checked here, graded by plain ``nbgrader autograde`` in a worker process
(whose kernel runs in the grading sandbox the course configuration names), and settled here:
its graded notebook is scanned for stopped cells, and a submission that could not be graded is
recorded with 0 points and a reason. ``autograde`` runs up to ``workers`` submissions at once
(default: the machine's cores), prints "N of M submissions, elapsed, time left" as each one
finishes, then a batch summary in the cohort's order, and saves the outcomes to
``reports/<assignment>/autograde.json`` for the cohort report. Serial grading is the same with
one worker, so both give the same scores and feedback.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import nbformat

from innolead.grading import gradebook
from innolead.grading.course import Course, CourseError, api, load_config
from innolead.grading.diagnosis import failure_reason, observations
from innolead.grading.isolation import Task, run_pool
from innolead.grading.precheck import RESUBMIT, precheck
from innolead.i18n import Messages

#: The batch's words to the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

GRADED, REJECTED = "graded", "rejected"
#: Seconds a whole submission may take beyond its cells' own timeouts before it is stopped.
SLACK_SECONDS = 120


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
            return _("rejected: {reason}").format(reason=self.reason)
        text = _("{score} of {max_score} points").format(
            score=f"{self.score:g}", max_score=f"{self.max_score:g}"
        )
        if self.reflections_to_grade:
            text += _(", {n} reflection(s) to grade by hand").format(n=self.reflections_to_grade)
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


def default_workers() -> int:
    """How many submissions to grade at once by default: the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _nbgrader_autograde(root: str, assignment: str, student: str, timeout: float) -> dict:
    """The child process's job: plain nbgrader autograde of one submission."""
    course = Course(Path(root))
    # The gradebook URL with a busy timeout: parallel workers wait for each other's writes.
    result = api(
        course, ExecutePreprocessor__timeout=timeout, CourseDirectory__db_url=course.db_url
    ).autograde(assignment, student, force=True, create=True)
    log = result.get("log", "") + "\n" + result.get("error", "")
    print(log)
    return {"success": bool(result.get("success")), "log": log}


def _reject(course: Course, assignment: str, student: str, outcome: Outcome) -> Outcome:
    gradebook.zero_submission(course, assignment, student)
    shutil.rmtree(course.autograded / student / assignment, ignore_errors=True)
    outcome.status = REJECTED
    outcome.score, outcome.reflections_to_grade = 0.0, 0
    return outcome


def _prepare(course: Course, assignment: str, student: str, max_points: float) -> Outcome:
    """Pre-check a submission; its outcome carries a reason if it cannot be graded at all."""
    outcome = Outcome(student, GRADED, max_score=max_points)
    check = precheck(course, assignment, student)
    outcome.notes = list(check.notes)
    if check.rejected:
        outcome.reason = f"{check.rejected}. {_(RESUBMIT)}"
    return outcome


def _settle(
    course: Course, assignment: str, outcome: Outcome, result: tuple[str, Any], timeout: float
) -> Outcome:
    """Record a submission's grading in the gradebook: its score, or 0 points and a reason."""
    status, value = result
    log = _log_path(course, assignment, outcome.student)
    if outcome.reason:
        pass  # rejected by the pre-check; nbgrader never ran
    elif status != "ok":
        outcome.reason = _("grading failed: {error}. See {log}").format(error=value, log=log)
    elif not value["success"]:
        reason = failure_reason(value["log"])
        outcome.reason = _("nbgrader could not grade it: {reason}. See {log}").format(
            reason=reason, log=log
        )
    else:
        outcome.notes += observations(course, assignment, outcome.student, timeout)
    if outcome.reason:
        _reject(course, assignment, outcome.student, outcome)
    else:
        score, _points, pending = gradebook.submission_score(course, assignment, outcome.student)
        outcome.score, outcome.reflections_to_grade = score, pending
    return outcome


def _warm_up() -> None:
    """Load once, before forking, what every grading process would otherwise load itself.

    nbgrader's apps, the course's preprocessors and sandbox, the case loader (for hidden
    tests' expected answers), and jupyter_client's list of kernel provisioners (read from
    every installed package's metadata, about 0.2 s).
    """
    import nbgrader.apps  # noqa: F401
    from jupyter_client.provisioning.factory import KernelProvisionerFactory

    import innolead.cases  # noqa: F401 (hidden tests' expected answers: pandas, the loader)
    import innolead.grading.feedback_page  # noqa: F401
    import innolead.grading.preprocessors  # noqa: F401
    import innolead.grading.sandbox  # noqa: F401
    import innolead.grading.sanitize  # noqa: F401
    import innolead.grading.verdict  # noqa: F401

    KernelProvisionerFactory.instance()


def _log_path(course: Course, assignment: str, student: str) -> Path:
    return course.report_dir(assignment) / "logs" / f"{student}.log"


def grade_cohort(
    course: Course,
    assignment: str,
    cohort: list[str],
    *,
    timeout: float | None = None,
    workers: int = 1,
    on_outcome: Callable[[Outcome], None] = lambda outcome: None,
) -> list[Outcome]:
    """Grade ``cohort``, ``workers`` submissions at a time; outcomes in the cohort's order.

    Each submission is pre-checked, graded by plain ``nbgrader autograde`` with the course
    configuration in a worker process (stopped, worker and all, if it outlives every cell's
    timeout plus ``SLACK_SECONDS``), and settled in the gradebook; ``on_outcome`` sees each
    outcome as soon as it is settled. The workers' gradebook writes (nbgrader's) and this
    process's (scores of rejected submissions) wait for each other through the gradebook's busy
    timeout, and each submission is graded by one worker only, so no grade is lost or written
    twice.
    """
    timeout = cell_timeout(course, timeout)
    limit = _time_limit(course, assignment, timeout)
    max_points = gradebook.max_score(course, assignment)
    _warm_up()
    started: dict[str, float] = {}
    outcomes: dict[str, Outcome] = {}

    def finish(task: Task, status: str, value: Any) -> None:
        outcome = outcomes[task.key]
        _settle(course, assignment, outcome, (status, value), timeout)
        outcome.seconds = round(time.monotonic() - started[task.key], 2)
        on_outcome(outcome)

    def start(task: Task) -> bool:
        started[task.key] = time.monotonic()
        outcomes[task.key] = _prepare(course, assignment, task.key, max_points)
        if outcomes[task.key].reason:
            finish(task, "skipped", None)
            return False
        return True

    tasks = [
        Task(
            student,
            _nbgrader_autograde,
            (str(course.root), assignment, student, timeout),
            _log_path(course, assignment, student),
            limit,
        )
        for student in cohort
    ]
    run_pool(tasks, workers, finish, before_start=start)
    return [outcomes[student] for student in cohort]


def require_sandbox(course: Course) -> str:
    """Check the grading sandbox the course names can run; a warning if it names none."""
    from innolead.grading.sandbox import SandboxedKernelManager, require_tools

    named = load_config(course).CourseExecute.get("kernel_manager_class")
    if named is None:
        return (
            "Warning: nbgrader_config.py names no grading sandbox "
            "(c.CourseExecute.kernel_manager_class), so participants' code runs with your "
            "rights and no limits."
        )
    from traitlets.utils.importstring import import_item

    chosen = import_item(named) if isinstance(named, str) else named
    if issubclass(chosen, SandboxedKernelManager):
        require_tools()
    return ""


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def progress_line(done: int, total: int, elapsed: float, outcome: Outcome) -> str:
    """``[3 of 12] anna: 6 of 10 points (3.4 s) | elapsed 0:10, about 0:31 left``."""
    left = elapsed / done * (total - done)
    return _(
        "[{done} of {total}] {student}: {outcome} ({seconds} s) "
        "| elapsed {elapsed}, about {left} left"
    ).format(
        done=done,
        total=total,
        student=outcome.student,
        outcome=outcome.line(),
        seconds=f"{outcome.seconds:.1f}",
        elapsed=_clock(elapsed),
        left=_clock(left),
    )


def summary(assignment: str, outcomes: list[Outcome], elapsed: float) -> str:
    """The batch summary: counts, then every submission that was rejected or has a note."""
    graded = [o for o in outcomes if o.status == GRADED]
    rejected = [o for o in outcomes if o.status == REJECTED]
    pending = sum(o.reflections_to_grade for o in outcomes)
    per = elapsed / len(outcomes) if outcomes else 0.0
    lines = [
        _(
            "Autograded {assignment}: {n} submission(s) in {elapsed} ({per} s each): "
            "{graded} graded, {rejected} rejected."
        ).format(
            assignment=assignment,
            n=len(outcomes),
            elapsed=_clock(elapsed),
            per=f"{per:.1f}",
            graded=len(graded),
            rejected=len(rejected),
        ),
    ]
    for o in rejected:
        lines.append(_("  REJECTED {student}: {reason}").format(student=o.student, reason=o.reason))
    for o in outcomes:
        for note in o.notes:
            lines.append(_("  note {student}: {note}").format(student=o.student, note=note))
    if pending:
        lines.append(
            _("{n} reflection(s) await manual grading in the formgrader.").format(n=pending)
        )
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
    workers: int | None = None,
    say: Callable[[str], None] = print,
) -> list[Outcome]:
    """Autograde every submission of ``assignment`` (or ``students``), with progress.

    ``workers`` submissions are graded at once (default: the machine's cores). The progress
    lines come as submissions finish; the summary and the saved outcomes follow the cohort's
    order, so they read the same whatever the number of workers.
    """
    if workers is not None and workers < 1:
        msg = f"--workers must be 1 or more, not {workers}."
        raise CourseError(msg)
    gradebook.require_assignment(course, assignment)
    cohort = students or course.submitters(assignment)
    unknown = [s for s in cohort if s not in course.submitters(assignment)]
    if unknown:
        msg = f"No submission of {assignment} in {course.submitted} for: {', '.join(unknown)}."
        raise FileNotFoundError(msg)
    if not cohort:
        say(
            _(
                "No submissions of {assignment} in {folder}. Collect them first: "
                "`innolead collect {assignment} --exchange` or `--lms DOWNLOAD.zip`."
            ).format(assignment=assignment, folder=course.submitted)
        )
        return []
    warning = require_sandbox(course)
    if warning:
        say(warning)
    workers = min(workers or default_workers(), len(cohort))
    pace = _("one at a time") if workers == 1 else _("{n} at a time").format(n=workers)
    say(
        _("Autograding {n} submission(s) of {assignment}, {pace}.").format(
            n=len(cohort), assignment=assignment, pace=pace
        )
    )
    started, done = time.monotonic(), []

    def progress(outcome: Outcome) -> None:
        done.append(outcome)
        say(progress_line(len(done), len(cohort), time.monotonic() - started, outcome))

    outcomes = grade_cohort(
        course, assignment, cohort, timeout=timeout, workers=workers, on_outcome=progress
    )
    elapsed = time.monotonic() - started
    path = save_outcomes(course, assignment, outcomes)
    say(summary(assignment, outcomes, elapsed))
    say(_("Outcomes saved to {path}.").format(path=path))
    say(
        _(
            "Next: `innolead feedback {assignment}`, or `innolead grade {assignment}` "
            "for all steps."
        ).format(assignment=assignment)
    )
    return outcomes
