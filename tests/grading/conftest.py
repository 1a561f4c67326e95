"""Graded cohorts, made once per session through the instructor commands.

Each assignment gets a temporary copy of the course (its own gradebook), and the whole
workflow runs there as an instructor would run it: ``innolead generate``, plain
``nbgrader validate --invert``, ``innolead release``, an LMS download collected with
``innolead collect --lms`` (and, for one assignment, a roster and an exchange round trip), then
``innolead grade``. Two assignments are graded at a time. A further cohort of hostile
submissions (``hostile_cohort``) is graded in parallel and, a representative part of it
(``SERIAL``), one at a time, in the same folder. The tests only read the results.
"""

from __future__ import annotations

import csv
import getpass
import os
import shutil
import socket
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from innolead.grading import samples
from innolead.grading.bwrap import SandboxUnavailable, require_tools
from innolead.grading.course import DEFAULT_ROOT, Course, nbgrader_command, tool_env
from innolead.grading.generate import summarise
from tests.conftest import shared_once
from tests.grading import hostile

#: The graded assignments (the course also holds ungraded ones, such as the self-assessment).
ASSIGNMENTS = [
    a for a in Course(DEFAULT_ROOT).assignments() if summarise(Course(DEFAULT_ROOT), a).points
]


def source_notebooks() -> list[tuple[str, nbformat.NotebookNode]]:
    """(assignment, instructor version) of every notebook of the graded assignments."""
    course = Course(DEFAULT_ROOT)
    return [
        (assignment, nbformat.read(course.source_notebook(assignment, name), as_version=4))
        for assignment in ASSIGNMENTS
        for name in course.notebooks(assignment)
    ]


#: The assignment that also gets the robustness scenarios, a roster and the exchange route.
MACHINERY = "part4"
EXTRA = ("raises", "big_output", "deleted_cells", "renamed", "kernel_exit")
#: Seconds a cell may run while graded in the tests (the infinite loop costs this much).
TIMEOUT = "8"
ABSENT = "absent-participant"
_SCRIPT = Path(sys.executable).parent / "innolead"
#: The instructor's console script (``python -m innolead.cli`` if it is not installed).
INNOLEAD = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "innolead.cli"]


@dataclass
class GradedCourse:
    """A course copy graded end to end, and what each command printed."""

    assignment: str
    course: Course
    cohort: dict[str, str] = field(default_factory=dict)  # participant -> scenario
    runs: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    grades: dict[str, float] = field(default_factory=dict)  # from grades.csv after grading
    error: str = ""  # why the workflow stopped, if it did

    def require(self) -> GradedCourse:
        """This course, or a test failure saying where its workflow stopped."""
        if self.error:
            pytest.fail(f"The {self.assignment} workflow stopped: {self.error}")
        return self

    def output(self, step: str) -> str:
        run = self.runs[step]
        return run.stdout + run.stderr

    def expected(self, student: str) -> float:
        return samples.expected_score(self.course, self.assignment, self.cohort[student])


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        command, cwd=cwd, env=tool_env(), text=True, capture_output=True, timeout=900, check=False
    )


def _innolead(graded: GradedCourse, step: str, *args: str) -> subprocess.CompletedProcess:
    run = _run([*INNOLEAD, "--course", str(graded.course.root), *args], graded.course.root)
    graded.runs[step] = run
    if run.returncode:
        msg = f"`innolead {' '.join(args)}` failed:\n{run.stdout}\n{run.stderr}"
        raise AssertionError(msg)
    return run


def _exchange_round_trip(graded: GradedCourse, tmp: Path) -> None:
    """Release to an exchange, fetch and submit as a participant would, collect."""
    a, exchange, home = graded.assignment, tmp / "exchange", tmp / "participant"
    exchange.mkdir()
    home.mkdir()
    _innolead(
        graded, "release-exchange", "release", a, "--exchange", "--exchange-root", str(exchange)
    )
    student_side = ["--course=innolead", f"--Exchange.root={exchange}"]
    fetched = _run([*nbgrader_command(), "fetch_assignment", a, *student_side], home)
    assert fetched.returncode == 0, fetched.stdout + fetched.stderr
    file_name, text = samples.render(graded.course, a, "full")
    (home / a / file_name).write_text(text, encoding="utf-8")
    submitted = _run([*nbgrader_command(), "submit", a, *student_side], home)
    assert submitted.returncode == 0, submitted.stdout + submitted.stderr
    _innolead(
        graded, "collect-exchange", "collect", a, "--exchange", "--exchange-root", str(exchange)
    )
    graded.cohort[getpass.getuser()] = "full"


def _pipeline(tmp: Path, assignment: str) -> GradedCourse:
    root = tmp / assignment / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root)
    shutil.copytree(DEFAULT_ROOT / "source" / assignment, root / "source" / assignment)
    graded = GradedCourse(assignment, Course(root))
    try:
        _steps(graded, tmp)
    except AssertionError as err:
        graded.error = str(err)
    return graded


def _steps(graded: GradedCourse, tmp: Path) -> None:
    assignment, root = graded.assignment, graded.course.root
    _innolead(graded, "generate", "generate", assignment)
    if assignment == MACHINERY:  # `innolead generate` ran the same check on every assignment
        notebooks = [str(p) for p in sorted((root / "release" / assignment).glob("*.ipynb"))]
        invert = [*nbgrader_command(), "validate", "--invert", *notebooks]
        graded.runs["invert"] = _run(invert, root)
    _innolead(graded, "release", "release", assignment)
    # The never-ending loop costs a whole cell timeout, so only one assignment pays it.
    core = [s for s in samples.CORE if assignment == MACHINERY or s != "infinite_loop"]
    scenarios = core + (list(EXTRA) if assignment == MACHINERY else [])
    download = tmp / assignment / "download.zip"
    graded.cohort = samples.write_lms_download(graded.course, assignment, scenarios, download)
    _innolead(graded, "collect", "collect", assignment, "--lms", str(download))
    if assignment == MACHINERY:
        roster = tmp / assignment / "roster.csv"
        ids = [*graded.cohort, ABSENT]
        roster.write_text("id,first_name,last_name\n" + "".join(f"{i},,\n" for i in ids))
        _innolead(graded, "students", "students", str(roster))
        _exchange_round_trip(graded, tmp / assignment)
    # One worker each: two assignments are graded at a time, beside the hostile cohort in the
    # other test worker, on a machine that may have only two cores.
    _innolead(graded, "grade", "grade", assignment, "--timeout", TIMEOUT, "--workers", "1")
    with (root / "reports" / "grades.csv").open(newline="") as handle:
        graded.grades = {
            row["student_id"]: float(row["score"])
            for row in csv.DictReader(handle)
            if row["assignment"] == assignment
        }


@pytest.fixture(scope="session")
def bubblewrap() -> None:
    """Grading runs in the sandbox, so its tests need bubblewrap: fail saying what to install.

    A missing sandbox is a missing piece of the course, not a reason to skip its tests.
    """
    try:
        require_tools()
    except SandboxUnavailable as err:
        pytest.fail(str(err))


def _grade_every_assignment(tmp: Path) -> dict[str, GradedCourse]:
    workers = min(2, os.cpu_count() or 1)
    with ThreadPoolExecutor(workers) as pool:
        done = pool.map(lambda a: _pipeline(tmp, a), ASSIGNMENTS)
        return dict(zip(ASSIGNMENTS, done, strict=True))


@pytest.fixture(scope="session")
def graded_courses(
    tmp_path_factory: pytest.TempPathFactory, bubblewrap: None
) -> dict[str, GradedCourse]:
    """Every assignment graded end to end in its own course copy, two at a time."""
    return shared_once("graded", tmp_path_factory, _grade_every_assignment)


#: The hostile cohort's assignment, and the sample scenarios graded beside the hostile ones:
#: honest work, and the robustness cases that are hostile too (a kernel that exits, answers
#: that claim to equal anything). The never-ending loop is graded in part4's cohort
#: (test_workflow), and a job that outlives its time in the pool is tested in test_parallel.
HOSTILE_ASSIGNMENT = "part4"
BESIDE_HOSTILE = ("full", "partial", "kernel_exit", "tampered")
#: The participant whose submission the hostile notebooks try to read.
VICTIM = "full"
#: The submissions also graded one at a time, to compare with the parallel run: honest work,
#: and the kinds that reach beyond their own kernel, into what the parallel workers share: a
#: kernel that exits, a fork bomb (one user's process limit), an output flood (the worker's
#: memory), a write to the gradebook, and markup (the pages). Kernel tricks stay inside their
#: own kernel; the whole cohort, tricks included, is graded in parallel and checked score by
#: score.
SERIAL = (
    "full",
    "partial",
    "kernel_exit",
    "fork_bomb",
    "output_flood",
    "writes_gradebook",
    "markup",
)


class Listener:
    """A TCP server on 127.0.0.1 that records every connection made to it."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.connections: list[tuple[str, int]] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, address = self.server.accept()
            except OSError:
                return
            self.connections.append(address)
            connection.close()

    def close(self) -> None:
        self.server.close()

    def __getstate__(self) -> dict:
        """What another test worker needs: the port and the connections seen (no socket)."""
        return {"port": self.port, "connections": list(self.connections)}

    def __setstate__(self, state: dict) -> None:
        self.port, self.connections = state["port"], state["connections"]


@dataclass
class HostileCohort:
    """One cohort with every hostile submission, graded in parallel; part of it, as a copy,
    also graded one at a time (``SERIAL``).

    Both gradings ran in the same folder (``course``), one after the other, so that paths in
    the feedback are the same; the serial result was then moved to ``serial``.
    """

    course: Course
    serial: Course
    cohort: dict[str, str]  # participant -> scenario (a sample or a hostile one)
    serial_cohort: dict[str, str]  # the part of it also graded one at a time (``SERIAL``)
    runs: dict[str, subprocess.CompletedProcess]
    listener: Listener
    grades: dict[str, float] = field(default_factory=dict)

    def output(self, run: str = "parallel") -> str:
        return self.runs[run].stdout + self.runs[run].stderr

    def expected(self, student: str) -> float:
        scenario = self.cohort[student]
        if scenario in hostile.HOSTILE:
            return hostile.expected_score(self.course, HOSTILE_ASSIGNMENT, scenario)
        return samples.expected_score(self.course, HOSTILE_ASSIGNMENT, scenario)


def _grade_copy(
    root: Path, pristine: Path, *options: str, only: set[str] | None = None
) -> subprocess.CompletedProcess:
    """Grade a fresh copy of ``pristine`` in ``root``: every submission, or ``only`` these."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(pristine, root, symlinks=True)
    for folder in (root / "submitted").iterdir() if only is not None else ():
        if folder.name not in only:
            shutil.rmtree(folder)
    args = ["--course", str(root), "grade", HOSTILE_ASSIGNMENT, "--timeout", TIMEOUT, *options]
    run = _run([*INNOLEAD, *args], root)
    assert run.returncode == 0, run.stdout + run.stderr
    return run


def _read_grades(root: Path) -> dict[str, float]:
    with (root / "reports" / "grades.csv").open(newline="") as handle:
        return {row["student_id"]: float(row["score"]) for row in csv.DictReader(handle)}


@pytest.fixture(scope="session")
def hostile_cohort(tmp_path_factory: pytest.TempPathFactory, bubblewrap: None) -> HostileCohort:
    """The hostile submissions and some honest ones, graded serially, then in parallel."""
    return shared_once("hostile", tmp_path_factory, _grade_hostile_cohort)


def _grade_hostile_cohort(tmp: Path) -> HostileCohort:
    root, pristine = tmp / "course", tmp / "pristine"
    (root / "source").mkdir(parents=True)
    shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root)
    shutil.copytree(
        DEFAULT_ROOT / "source" / HOSTILE_ASSIGNMENT, root / "source" / HOSTILE_ASSIGNMENT
    )
    course = Course(root)
    generated = _run([*INNOLEAD, "--course", str(root), "generate", HOSTILE_ASSIGNMENT], root)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    listener = Listener()
    cohort = samples.write_cohort(course, HOSTILE_ASSIGNMENT, list(BESIDE_HOSTILE))
    for name in hostile.HOSTILE:
        student = samples.student_name(name)
        hostile.write_submission(
            course, HOSTILE_ASSIGNMENT, name, student, other=VICTIM, port=listener.port
        )
        cohort[student] = name
    shutil.copytree(root, pristine, symlinks=True)
    serial_cohort = {s: n for s, n in cohort.items() if n in SERIAL}
    runs = {"serial": _grade_copy(root, pristine, "--workers", "1", only=set(serial_cohort))}
    serial = tmp / "serial"
    root.rename(serial)
    runs["parallel"] = _grade_copy(root, pristine)
    graded = HostileCohort(course, Course(serial), cohort, serial_cohort, runs, listener)
    graded.grades = _read_grades(root)
    listener.close()
    return graded
