"""The grading sandbox: what participants' code can see, reach and use while it is graded.

The first tests start the sandbox directly (a second each); the slow ones read the hostile
cohort (``conftest.hostile_cohort``), graded by ``innolead grade`` with real nbgrader.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import nbformat
import pytest

from innolead.grading import samples
from innolead.grading.bwrap import ProcessLimits, SandboxUnavailable, require_tools, sandbox_command
from innolead.grading.course import nbgrader_command, tool_env
from innolead.grading.sandbox import exit_reason, probe
from innolead.grading.watchdog import Limits, Watchdog, processes_under
from tests.grading import hostile
from tests.grading.conftest import (
    HOSTILE_ASSIGNMENT,
    INNOLEAD,
    VICTIM,
    HostileCohort,
    Listener,
)

#: Tests that start a sandbox fail with what to install when bubblewrap is missing.
needs_bwrap = pytest.mark.usefixtures("bubblewrap")
LIMITS = ProcessLimits(30, 2 * 1024**3, 64, 1024**2)


@pytest.fixture
def course_folder(tmp_path: Path) -> Path:
    """A course folder with a gradebook, an instructor version and two participants."""
    root = tmp_path / "course"
    for folder in ("source/a1", "submitted/anna/a1", "submitted/ben/a1", "autograded/anna/a1"):
        (root / folder).mkdir(parents=True)
    (root / "gradebook.db").write_text("grades")
    (root / "nbgrader_config.py").write_text("")
    (root / "source/a1/a1.ipynb").write_text("hidden tests")
    (root / "submitted/ben/a1/a1.ipynb").write_text("ben's answers")
    (root / "autograded/anna/a1/a1.ipynb").write_text("anna's answers")
    return root


def _bwrap_args(uid: int | None = None) -> list[str]:
    return sandbox_command(
        ["python"],
        workdir=Path("/tmp"),
        scratch=Path("/tmp"),
        readonly=[],
        limits=LIMITS,
        uid=uid,
    )


@needs_bwrap
def test_sandbox_command_has_no_network_processes_or_environment() -> None:
    """Does the kernel get its own empty network and process space, and a cleared environment?"""
    args = _bwrap_args()
    for flag in ("--unshare-net", "--unshare-pid", "--die-with-parent", "--clearenv"):
        assert flag in args
    assert "--share-net" not in args


@needs_bwrap
@pytest.mark.parametrize(
    ("uid", "expected"),
    [(None, ["--unshare-user", "--disable-userns"]), (1_900_000_001, ["--reuid=1900000001"])],
)
def test_sandbox_command_switches_user_only_as_root(uid: int | None, expected: list[str]) -> None:
    """Does a root instructor's kernel run as its own user, and others' in a user namespace?"""
    args = _bwrap_args(uid)
    assert all(flag in args for flag in expected)
    assert ("--clear-groups" in args) == (uid is not None)


@needs_bwrap
def test_kernel_sees_only_its_own_submission(course_folder: Path) -> None:
    """Inside, is the course folder empty but for the submission's own folder?"""
    workdir = course_folder / "autograded/anna/a1"
    code = (
        "import os; root = os.path.dirname(os.path.dirname(os.path.dirname(os.getcwd())));"
        "print(sorted(os.listdir(root)), sorted(os.listdir('.')))"
    )
    assert probe(code, workdir).strip() == "['autograded'] ['a1.ipynb']"


@needs_bwrap
@pytest.mark.parametrize(
    "secret", ["gradebook.db", "source/a1/a1.ipynb", "submitted/ben/a1/a1.ipynb"]
)
def test_kernel_cannot_read_outside_its_submission(course_folder: Path, secret: str) -> None:
    """Is the gradebook, the instructor's version or another participant's work out of reach?"""
    code = f"open({str(course_folder / secret)!r}).read()"
    assert "FileNotFoundError" in probe(code, course_folder / "autograded/anna/a1")


@needs_bwrap
def test_kernel_does_not_see_the_home_folder() -> None:
    """Is the instructor's home empty inside, but for folders that lead to Python itself?"""
    home = Path.home()
    code = (
        f"import json, os; h = {str(home)!r}; "
        "print(json.dumps(os.listdir(h) if os.path.isdir(h) else []))"
    )
    seen = set(json.loads(probe(code)))
    python = [Path(p).resolve() for p in (sys.prefix, sys.base_prefix)]
    leading = {p.relative_to(home).parts[0] for p in python if p.is_relative_to(home)}
    assert seen <= leading, seen


@needs_bwrap
def test_kernel_writes_only_to_its_scratch_space(course_folder: Path) -> None:
    """Can the kernel write to its own /tmp, but not to its submission's folder?"""
    code = (
        "open('/tmp/note.txt', 'w').write('ok'); print('tmp ok');open('mine.txt', 'w').write('x')"
    )
    out = probe(code, course_folder / "autograded/anna/a1")
    assert "tmp ok" in out
    assert re.search(r"(PermissionError|OSError).*(Read-only|Permission denied)", out), out
    assert not (course_folder / "autograded/anna/a1/mine.txt").exists()


@needs_bwrap
def test_kernel_cannot_reach_a_server_on_this_computer() -> None:
    """Does a server on 127.0.0.1 that this process reaches stay unreachable from inside?"""
    listener = Listener()
    try:
        socket.create_connection(("127.0.0.1", listener.port), timeout=5).close()
        code = f"import socket; socket.create_connection(('127.0.0.1', {listener.port}), timeout=5)"
        out = probe(code)
    finally:
        listener.close()
    assert "ConnectionRefusedError" in out or "Network is unreachable" in out, out
    assert len(listener.connections) == 1  # only this test's own connection


@needs_bwrap
def test_kernel_gets_none_of_the_instructors_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Is a token in the instructor's environment absent inside?"""
    monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "secret-token")
    out = probe("import os; print(sorted(os.environ))")
    assert "JUPYTERHUB_API_TOKEN" not in out
    assert "NBGRADER_EXECUTION" in out


@needs_bwrap
def test_sandbox_refuses_to_run_in_the_course_folder(course_folder: Path) -> None:
    """Does a notebook run in the course folder itself stop with a reason instead?"""
    with pytest.raises(SandboxUnavailable, match="the sandbox would show the whole course"):
        probe("print(1)", course_folder)


@needs_bwrap
def test_sandbox_refuses_a_readonly_folder_that_holds_the_submission(course_folder: Path) -> None:
    """Does a configured read-only folder that contains the submission stop grading?"""
    with pytest.raises(SandboxUnavailable, match="Remove it from"):
        sandbox_command(
            ["python"],
            workdir=course_folder / "autograded/anna/a1",
            scratch=Path("/tmp"),
            readonly=[str(course_folder)],
            limits=LIMITS,
        )


def _path_without(tmp_path: Path, missing: str) -> str:
    """A PATH with the sandbox's tools except ``missing``, and this Python's scripts."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bwrap", "prlimit", "setpriv"):
        found = shutil.which(tool)
        if tool != missing and found:
            (bin_dir / tool).symlink_to(found)
    return os.pathsep.join([str(Path(sys.executable).parent), str(bin_dir)])


def test_missing_bubblewrap_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without bwrap on PATH, does the sandbox refuse with the package to install?"""
    monkeypatch.setenv("PATH", _path_without(tmp_path, "bwrap"))
    with pytest.raises(SandboxUnavailable) as raised:
        require_tools()
    assert "`sudo apt-get install bubblewrap`" in str(raised.value)
    assert "Nothing was graded." in str(raised.value)


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (152, "processor time"),
        (-9, "was killed"),
        (139, "crashed"),
        (1, "it ended itself (exit status 1)"),
        (None, ""),
    ],
)
def test_exit_reason_says_why_the_kernel_stopped(status: int | None, words: str) -> None:
    """Does a kernel's exit status become words an instructor understands?"""
    assert words in exit_reason(status)


# --- The hostile cohort, graded by innolead and nbgrader ---------------------------------------

HOSTILE_STUDENTS = [samples.student_name(name) for name in hostile.HOSTILE]
#: The hostile sample scenarios and what the summary says about them.
SAMPLE_NOTES = {
    "kernel-exit": r"REJECTED kernel-exit: .*the notebook's Python stopped while it ran: it ended "
    r"itself \(exit status 1\)",
    "tampered": r"note tampered: answer cell \S+ defines a class",
}


@pytest.mark.slow
@pytest.mark.parametrize("student", [*HOSTILE_STUDENTS, *SAMPLE_NOTES])
def test_hostile_submission_scores_only_what_it_earned(
    hostile_cohort: HostileCohort, student: str
) -> None:
    """Does each hostile submission score 0 for the questions it attacked, the rest graded?"""
    assert hostile_cohort.grades[student] == hostile_cohort.expected(student)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("student", "note"),
    [
        *[(samples.student_name(n), h.summary) for n, h in hostile.HOSTILE.items()],
        *SAMPLE_NOTES.items(),
    ],
)
def test_hostile_submission_is_named_with_a_reason(
    hostile_cohort: HostileCohort, student: str, note: str
) -> None:
    """Does the batch summary say, for each hostile submission, what was stopped and why?"""
    lines = [line for line in hostile_cohort.output().splitlines() if f" {student}:" in line]
    assert any(re.search(note, line) for line in lines), "\n".join(lines)


@pytest.mark.slow
def test_honest_participants_are_graded_beside_hostile_ones(hostile_cohort: HostileCohort) -> None:
    """Do the honest participants get their full expected scores?"""
    for student in ("full", "partial"):
        assert hostile_cohort.grades[student] == hostile_cohort.expected(student)
    assert hostile_cohort.expected("full") > 0


@pytest.mark.slow
def test_no_submission_reached_the_network(hostile_cohort: HostileCohort) -> None:
    """Did the server on 127.0.0.1 that a submission tried to reach get no connection?"""
    assert hostile_cohort.listener.connections == []


@pytest.mark.slow
def test_gradebook_is_intact_after_hostile_grading(hostile_cohort: HostileCohort) -> None:
    """Is the gradebook sound, with no score above the maximum and every participant in it?"""
    db = sqlite3.connect(hostile_cohort.course.gradebook)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM grade WHERE auto_score > 2").fetchone() == (0,)
        students = {row[0] for row in db.execute("SELECT student_id FROM submitted_assignment")}
    finally:
        db.close()
    assert students == set(hostile_cohort.cohort)


@pytest.mark.slow
def test_hostile_cohort_took_no_submission_down_with_it(hostile_cohort: HostileCohort) -> None:
    """Was every participant graded or rejected, none left out of the export?"""
    total = len(hostile_cohort.cohort)
    assert set(hostile_cohort.grades) == set(hostile_cohort.cohort)
    summary = rf"Autograded part4: {total} submission\(s\) .*: {total - 2} graded, 2 rejected"
    assert re.search(summary, hostile_cohort.output())


@pytest.fixture
def graded_copy(hostile_cohort: HostileCohort, tmp_path: Path) -> Path:
    """A copy of the graded hostile cohort's course folder, for a test to grade again."""
    root = tmp_path / "course"
    shutil.copytree(hostile_cohort.course.root, root, symlinks=True)
    return root


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_missing_bubblewrap_stops_innolead_before_grading(
    graded_copy: Path, tmp_path: Path
) -> None:
    """Without bwrap, does `innolead autograde` say what to install and leave the gradebook be?"""
    before = _digest(graded_copy / "gradebook.db")
    env = {**tool_env(), "PATH": _path_without(tmp_path, "bwrap")}
    run = subprocess.run(
        [*INNOLEAD, "--course", str(graded_copy), "autograde", HOSTILE_ASSIGNMENT],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 2
    assert "`sudo apt-get install bubblewrap`" in run.stderr
    assert "Traceback" not in run.stderr
    assert _digest(graded_copy / "gradebook.db") == before


def _plain_autograde(root: Path, student: str, path: str | None = None) -> str:
    env = tool_env() if path is None else {**tool_env(), "PATH": path}
    run = subprocess.run(
        [*nbgrader_command(), "autograde", HOSTILE_ASSIGNMENT, "--force", f"--student={student}"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    return run.stdout + run.stderr


@pytest.mark.slow
def test_plain_nbgrader_grades_in_the_sandbox(graded_copy: Path) -> None:
    """Does plain `nbgrader autograde` in the course folder grade sandboxed too?"""
    student = samples.student_name("reads_source")
    _plain_autograde(graded_copy, student)
    graded = nbformat.read(
        graded_copy / "autograded" / student / HOSTILE_ASSIGNMENT / "part4.ipynb", 4
    )
    errors = [o for c in graded.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert errors[0].ename == "FileNotFoundError"


@pytest.mark.slow
def test_plain_nbgrader_without_bubblewrap_grades_nothing(
    graded_copy: Path, tmp_path: Path
) -> None:
    """Without bwrap, does plain `nbgrader autograde` say what to install and grade nothing?"""
    out = _plain_autograde(graded_copy, VICTIM, _path_without(tmp_path, "bwrap"))
    assert "sudo apt-get install bubblewrap" in out
    assert not (graded_copy / "autograded" / VICTIM / HOSTILE_ASSIGNMENT / "part4.ipynb").exists()


TREE = """
import os, sys, time
# root -> init -> kernel (first), then `strays` more processes under init
if os.fork() == 0:
    if os.fork() == 0:
        time.sleep(60); os._exit(0)
    time.sleep(0.2)
    for _ in range(int(sys.argv[1])):
        if os.fork() == 0:
            time.sleep(60); os._exit(0)
    time.sleep(60); os._exit(0)
time.sleep(60)
"""


@pytest.fixture
def tree() -> Iterator[Callable[[int], subprocess.Popen]]:
    """Start a process tree shaped like a sandbox's; every process of it ends after the test."""
    started: list[int] = []

    def start(strays: int) -> subprocess.Popen:
        root = subprocess.Popen([sys.executable, "-c", TREE, str(strays)])
        deadline = time.monotonic() + 10
        while len(processes_under(root.pid)) < 2 + strays and time.monotonic() < deadline:
            time.sleep(0.05)
        started.extend([root.pid, *(p.pid for p in processes_under(root.pid))])
        return root

    yield start
    for pid in started:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize(("strays", "stopped"), [(2, False), (5, True)])
def test_watchdog_stops_a_sandbox_with_too_many_processes(
    tree: Callable[[int], subprocess.Popen], strays: int, stopped: bool
) -> None:
    """Is a sandbox with more processes than allowed stopped whole, and a smaller one left?"""
    root = tree(strays)
    dog = Watchdog(root.pid, Limits(max_processes=3, memory_bytes=2**40, cpu_seconds=60))
    assert dog.check() is stopped
    assert ("more than 3 processes at once" in dog.fatal) is stopped
    assert (root.wait(timeout=10) if stopped else root.poll()) == (-9 if stopped else None)


def test_watchdog_ends_processes_a_cell_left_running(
    tree: Callable[[int], subprocess.Popen],
) -> None:
    """After a cell, are the processes it left stopped (the kernel kept), and noted?"""
    root = tree(2)
    dog = Watchdog(root.pid, Limits(max_processes=3, memory_bytes=2**40, cpu_seconds=60))
    dog.end_strays()
    time.sleep(0.2)
    assert dog.take_events() == [
        "it left 2 process(es) running after the cell ended; they were stopped"
    ]
    assert len(processes_under(root.pid)) == 2  # init and the kernel
