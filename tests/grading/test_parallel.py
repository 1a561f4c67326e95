"""Grading several submissions at once: the pool, the gradebook, and serial-parallel sameness.

The first tests run small jobs (no nbgrader); the slow ones compare the hostile cohort graded
in parallel with a copy of it graded one at a time (``conftest.hostile_cohort``: the copy holds
``conftest.SERIAL``, the kinds of submission that could behave differently in a shared worker).
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from innolead.cli import main
from innolead.grading import content, gradebook
from innolead.grading.autograde import default_workers
from innolead.grading.course import Course, tool_env
from innolead.grading.isolation import Task, run_pool
from tests.grading.conftest import HOSTILE_ASSIGNMENT, HostileCohort


def _stamp(folder: str, name: str, seconds: float) -> str:
    """A job: note when it started and ended, in a file of its own."""
    started = time.monotonic()
    time.sleep(seconds)
    Path(folder, name).write_text(f"{started} {time.monotonic()}")
    return name


def _exit() -> None:
    os._exit(3)


def _pool(tasks: list[Task], workers: int) -> dict[str, tuple[str, object]]:
    results: dict[str, tuple[str, object]] = {}
    run_pool(
        tasks, workers, lambda task, status, value: results.update({task.key: (status, value)})
    )
    return results


def test_run_pool_runs_at_most_workers_at_once(tmp_path: Path) -> None:
    """Do all jobs finish, never more than `workers` of them at the same time?"""
    tasks = [
        Task(f"job{i}", _stamp, (str(tmp_path), f"job{i}", 0.3), tmp_path / f"job{i}.log", 30)
        for i in range(6)
    ]
    results = _pool(tasks, 2)
    assert results == {f"job{i}": ("ok", f"job{i}") for i in range(6)}
    spans = [tuple(map(float, (tmp_path / f"job{i}").read_text().split())) for i in range(6)]
    for start, _ in spans:
        assert sum(1 for s, e in spans if s <= start < e) <= 2


def test_run_pool_stops_a_job_that_outlives_its_limit(tmp_path: Path) -> None:
    """Is a job still running at its limit stopped, and the others still done?"""
    tasks = [
        Task("slow", _stamp, (str(tmp_path), "slow", 30), tmp_path / "slow.log", 1),
        Task("quick", _stamp, (str(tmp_path), "quick", 0), tmp_path / "quick.log", 30),
    ]
    results = _pool(tasks, 2)
    assert results["slow"][0] == "timeout"
    assert results["quick"] == ("ok", "quick")


def test_run_pool_reports_a_job_that_crashed(tmp_path: Path) -> None:
    """Is a job whose process dies reported as crashed, with its exit code?"""
    results = _pool([Task("gone", _exit, (), tmp_path / "gone.log", 30)], 1)
    assert results["gone"] == (
        "crashed",
        "the grading process ended unexpectedly (exit code 3)",
    )


def test_default_workers_follow_the_cores_a_container_allows() -> None:
    """Limited to one core (as a container or `taskset` limits it), is the default one worker?"""
    code = "from innolead.grading.autograde import default_workers; print(default_workers())"
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}),
    )
    assert run.stdout.strip() == "1"
    assert default_workers() == len(os.sched_getaffinity(0))


def test_cli_refuses_zero_workers(capsys: pytest.CaptureFixture[str]) -> None:
    """Does `--workers 0` give one clear line and exit code 2?"""
    assert main(["autograde", "part1", "--workers", "0"]) == 2
    assert "--workers must be 1 or more, not 0." in capsys.readouterr().err


def _make_gradebook(root: Path, students: int) -> Course:
    """A course with a gradebook that knows one assignment with two graded cells."""
    from nbgrader.api import Gradebook

    root.mkdir()
    (root / "nbgrader_config.py").write_text('c.CourseDirectory.course_id = "innolead"\n')
    course = Course(root)
    with Gradebook(course.db_url, course_id="innolead") as gb:
        gb.update_or_create_assignment("a1")
        gb.update_or_create_notebook("nb", "a1")
        for cell in ("q1", "q2"):
            gb.update_or_create_grade_cell(cell, "nb", "a1", max_score=2, cell_type="code")
        for number in range(students):
            gb.update_or_create_student(f"s{number}")
    return course


def _write_submission(root: str, student: str) -> str:
    gradebook.zero_submission(Course(Path(root)), "a1", student)
    return student


def test_gradebook_takes_concurrent_writers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Do eight processes writing submissions at once all land, each exactly once?"""
    monkeypatch.setenv("PATH", tool_env()["PATH"])  # nbgrader runs `alembic` for a new gradebook
    course = _make_gradebook(tmp_path / "course", 8)
    context = multiprocessing.get_context("fork")
    with context.Pool(8) as pool:
        done = pool.starmap(_write_submission, [(str(course.root), f"s{n}") for n in range(8)])
    assert sorted(done) == [f"s{n}" for n in range(8)]
    db = sqlite3.connect(course.gradebook)
    try:
        per_student = dict(
            db.execute(
                "SELECT sa.student_id, count(g.id) FROM submitted_assignment sa "
                "JOIN submitted_notebook sn ON sn.assignment_id = sa.id "
                "JOIN grade g ON g.notebook_id = sn.id GROUP BY sa.student_id"
            ).fetchall()
        )
    finally:
        db.close()
    assert per_student == {f"s{n}": 2 for n in range(8)}


# --- The hostile cohort, graded one at a time and in parallel ---------------------------------


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of an export, in a fixed order (parallel grading adds participants in the order
    they finish)."""
    with path.open(newline="") as handle:
        return sorted(csv.DictReader(handle), key=lambda row: sorted(row.items()))


@pytest.mark.slow
@pytest.mark.parametrize("export", ["grades.csv", f"{HOSTILE_ASSIGNMENT}/questions.csv"])
def test_parallel_and_serial_exports_are_identical(
    hostile_cohort: HostileCohort, export: str
) -> None:
    """Do parallel and one-at-a-time grading export exactly the same grades?"""
    both = set(hostile_cohort.serial_cohort)
    who = "student_id" if export == "grades.csv" else "student"
    parallel = [r for r in _rows(hostile_cohort.course.reports / export) if r[who] in both]
    serial = [r for r in _rows(hostile_cohort.serial.reports / export) if r[who] in both]
    assert parallel == serial
    assert {r[who] for r in serial} == both
    assert len(_rows(hostile_cohort.course.reports / export)) >= len(hostile_cohort.cohort)


@pytest.mark.slow
def test_parallel_and_serial_feedback_is_identical(hostile_cohort: HostileCohort) -> None:
    """Does every participant get the same feedback page from both?"""
    for student in hostile_cohort.serial_cohort:
        pages = []
        for course in (hostile_cohort.course, hostile_cohort.serial):
            found = sorted((course.feedback / student / HOSTILE_ASSIGNMENT).glob("*.html"))
            assert found, student
            pages.append(content.html_text(found[0]))
        assert pages[0] == pages[1], student


def _outcomes(course: Course, students: dict[str, str]) -> dict[str, dict]:
    saved = json.loads((course.reports / HOSTILE_ASSIGNMENT / "autograde.json").read_text())
    for outcome in saved.values():
        del outcome["seconds"]
    return {student: saved.get(student) for student in students}


@pytest.mark.slow
def test_parallel_and_serial_outcomes_are_identical(hostile_cohort: HostileCohort) -> None:
    """Are the saved outcomes (status, score, reason, notes) the same but for the time taken?"""
    serial = _outcomes(hostile_cohort.serial, hostile_cohort.serial_cohort)
    assert None not in serial.values()
    assert _outcomes(hostile_cohort.course, hostile_cohort.serial_cohort) == serial


def _without_times(text: str) -> str:
    text = re.sub(r"\(\d+\.\d+ s\)", "(T s)", text)
    text = re.sub(r"\d+:\d\d", "M:SS", text)
    return re.sub(r"\(\d+\.\d+ s each\)", "(T s each)", text)


@pytest.mark.slow
def test_parallel_and_serial_print_the_same_progress_and_summary(
    hostile_cohort: HostileCohort,
) -> None:
    """Do both print the same progress line and the same summary lines for each participant?"""
    parallel, serial = (hostile_cohort.output(run) for run in ("parallel", "serial"))
    assert "2 at a time" in parallel
    assert "one at a time" in serial
    both = set(hostile_cohort.serial_cohort)

    def progress(out: str) -> list[str]:
        lines = re.findall(r"^\[\d+ of \d+\] (.*)$", _without_times(out), flags=re.MULTILINE)
        return sorted(line for line in lines if line.split(":")[0] in both)

    def summary(out: str) -> list[str]:
        part = out.split(f"Autograded {HOSTILE_ASSIGNMENT}:")[1].split("Outcomes")[0]
        said = re.findall(r"^  (?:REJECTED|note) ([^:]+): .*$", part, flags=re.MULTILINE)
        lines = re.findall(r"^  (?:REJECTED|note) [^:]+: .*$", part, flags=re.MULTILINE)
        return sorted(line for line, who in zip(lines, said, strict=True) if who in both)

    assert len(progress(serial)) == len(both)
    assert progress(parallel) == progress(serial)
    assert summary(serial)  # the rejected and noted ones among them say why
    assert summary(parallel) == summary(serial)
    total = len(hostile_cohort.cohort)
    assert re.search(rf"\[{total} of {total}\] .* \| elapsed \d+:\d\d, about 0:00 left", parallel)


@pytest.mark.slow
def test_parallel_grading_writes_one_grade_per_cell(hostile_cohort: HostileCohort) -> None:
    """Has the gradebook one submission per participant and one grade per graded cell?"""
    db = sqlite3.connect(hostile_cohort.course.gradebook)
    try:
        submissions = db.execute(
            "SELECT student_id, count(*) FROM submitted_assignment GROUP BY student_id"
        ).fetchall()
        duplicated = db.execute(
            "SELECT count(*) FROM (SELECT notebook_id, cell_id, count(*) AS n FROM grade "
            "GROUP BY notebook_id, cell_id HAVING n > 1)"
        ).fetchone()
        per_submission = {
            n for (n,) in db.execute("SELECT count(*) FROM grade GROUP BY notebook_id").fetchall()
        }
    finally:
        db.close()
    assert dict(submissions) == dict.fromkeys(hostile_cohort.cohort, 1)
    assert duplicated == (0,)
    assert len(per_submission) == 1  # every submission has the same number of grades


def _pid() -> int:
    return os.getpid()


def test_run_pool_reuses_a_worker_until_a_job_takes_it_down(tmp_path: Path) -> None:
    """Do jobs share a warm worker, and does a fresh one follow a worker that crashed?"""
    tasks = [Task(f"pid{i}", _pid, (), tmp_path / f"pid{i}.log", 30) for i in range(3)]
    tasks.insert(2, Task("gone", _exit, (), tmp_path / "gone.log", 30))
    results = _pool(tasks, 1)
    pids = [results[f"pid{i}"][1] for i in range(3)]
    assert pids[0] == pids[1] != pids[2]
    assert pids[0] != os.getpid()


def _say(text: str) -> None:
    print(text)


def test_run_pool_logs_each_job_to_its_own_file(tmp_path: Path) -> None:
    """Does what each job prints land in its own log, even when one worker runs both?"""
    tasks = [Task(n, _say, (f"hello {n}",), tmp_path / f"{n}.log", 30) for n in ("a", "b")]
    _pool(tasks, 1)
    assert (tmp_path / "a.log").read_text() == "hello a\n"
    assert (tmp_path / "b.log").read_text() == "hello b\n"
