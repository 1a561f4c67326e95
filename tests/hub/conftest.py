"""A real course hub for the `hub` tests: one JupyterHub on 127.0.0.1 started from the
deployment's own configuration, real system users (an instructor and HUB_PARTICIPANTS
participants, 21 by default), and the course run through it once, step by step.

The steps run in order as the tests ask for them (`cohort.reach(step)`): a later test brings the
cohort to its step, and a step that failed fails every test after it. Needs root: CI runs the
suite as root, `make test` through passwordless sudo for a user who has it (`REQUIRE_HUB=1`
makes a missing root or environment a failure, not a skip).
"""

from __future__ import annotations

import concurrent.futures
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest

from innolead.grading import samples
from innolead.grading.course import Course
from tests.hub import hubclient as hc
from tests.hub.hubclient import hubtools

INSTRUCTOR = f"{hc.USER_PREFIX}instructor"
N_PARTICIPANTS = int(os.environ.get("HUB_PARTICIPANTS", "21"))
ASSIGNMENT = "part1"
NOTEBOOK = f"{hc.COURSE_ID}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb"
SCENARIOS = ("full", "partial", "blank", "tampered")
REFLECTION = "portfolio_steering_reflection"
COMMENT = "A clear note: name the unit that should stop evaluating nothing."


def participant(number: int) -> str:
    return f"{hc.USER_PREFIX}p{number:02d}"


def instructor_env(hub: hc.Hub) -> dict[str, str]:
    """What the hub gives the instructor's server (and so the instructor's terminal)."""
    return {
        "INNOLEAD_EXCHANGE": str(hub.exchange),
        "JUPYTER_CONFIG_PATH": str(hc.PREFIX / "instructor-config"),
        "INNOLEAD_COURSE": f"/home/{INSTRUCTOR}/course",
    }


def instructor(hub: hc.Hub, *command: str, check: bool = True):
    """An instructor's command (`innolead ...`, `nbgrader ...`) run as the instructor."""
    return hc.as_user(INSTRUCTOR, *command, env=instructor_env(hub), check=check)


@pytest.fixture(scope="session")
def hub() -> Iterator[hc.Hub]:
    """The running hub with its accounts; everything is removed afterwards."""
    required = os.environ.get("REQUIRE_HUB") == "1"
    if os.geteuid() != 0:
        message = (
            "the hub tests create system users and spawn servers as them: run them as root "
            "(`make test` does, through passwordless sudo, for a user who has it)"
        )
        if required:
            pytest.fail(message)
        pytest.skip(message)
    if int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) > 1:
        # pytest-xdist's loadgroup does not keep a group in one worker under pytest 9, and
        # every worker would build its own hub and cohort: the suite runs in one process.
        pytest.skip("the hub suite shares one hub: run it in one process, "
                    "`pytest -n 0 -m hub tests/hub` (as `make test` does)")
    # One hub suite at a time on a machine (the accounts' names are fixed): wait for another.
    lock = Path("/run/lock/innolead-hub-tests.lock").open("w")  # noqa: SIM115 (held to the end)
    fcntl.flock(lock, fcntl.LOCK_EX)
    hc.install_environment()
    work = Path(tempfile.mkdtemp(prefix=hc.USER_PREFIX + "test-", dir="/var/tmp"))
    work.chmod(0o755)
    the_hub = hc.Hub(work, work / "exchange")
    names = [INSTRUCTOR] + [participant(n) for n in range(1, N_PARTICIPANTS + 1)]
    for name in names:  # left over from a run that was killed: start from nothing
        hc.remove_user(name)
    try:
        hubtools.add_user(INSTRUCTOR, hubtools.INSTRUCTORS_GROUP)
        hubtools.setup_instructor(INSTRUCTOR, the_hub.exchange, hc.PREFIX)
        for name in names[1:]:
            hubtools.add_user(name, hubtools.PARTICIPANTS_GROUP)
        the_hub.start()
        the_hub.add_users(names)
        yield the_hub
    finally:
        # The hub leaves servers running when it stops; removing an account stops its
        # processes (by id) and its cgroup.
        the_hub.stop()
        for name in names:
            hc.remove_user(name)
        shutil.rmtree(work, ignore_errors=True)
        lock.close()


@dataclass
class Cohort:
    """The course run once through the hub; each step records what the tests check."""

    hub: hc.Hub
    names: list[str]
    done: list[str] = field(default_factory=list)
    failed: str | None = None
    servers: dict[str, hc.Server] = field(default_factory=dict)
    scenario: dict[str, str] = field(default_factory=dict)
    submissions: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    facts: dict[str, object] = field(default_factory=dict)
    browser_steps: dict[str, object] = field(default_factory=dict)

    STEPS = ("released", "worked", "restarted", "graded", "hand_graded", "feedback")

    @property
    def course(self) -> Course:
        return Course.at(f"/home/{INSTRUCTOR}/course")

    def reach(self, step: str) -> None:
        wanted = self.STEPS[: self.STEPS.index(step) + 1]
        if self.failed in wanted:
            pytest.fail(f"an earlier step of the course failed: {self.failed}")
        for name in wanted:
            if name in self.done:
                continue
            started = time.monotonic()
            try:
                getattr(self, f"_{name}")()
            except BaseException:
                self.failed = name
                raise
            self.timings[name] = time.monotonic() - started
            self.done.append(name)

    def server(self, name: str) -> hc.Server:
        if name not in self.servers:
            self.servers[name] = hc.Server(self.hub, name, self.hub.user_token(name))
        return self.servers[name]

    # --- the steps -----------------------------------------------------------------------
    def _released(self) -> None:
        for command in (("innolead", "generate", ASSIGNMENT),
                        ("innolead", "release", ASSIGNMENT, "--exchange")):
            result = instructor(self.hub, *command, check=False)
            assert result.returncode == 0, result.stdout + result.stderr
            self.facts[command[1]] = result.stdout

    def answers(self, release: nbformat.NotebookNode, scenario: str) -> nbformat.NotebookNode:
        source = nbformat.read(self.course.source_notebook(ASSIGNMENT, ASSIGNMENT), as_version=4)
        return samples.SCENARIOS[scenario].build(release, samples.parts(source))

    def work(self, name: str, plan: list[str]) -> None:
        """One participant: a server, Fetch, answers typed in, run in the server's own kernel,
        saved, Submit (once per scenario in the plan; an empty plan fetches and never submits)."""
        self.timings[f"spawn:{name}"] = self.hub.spawn(name)
        server = self.server(name)
        server.action("fetch", ASSIGNMENT)
        release = server.read_notebook(NOTEBOOK)
        for scenario in plan:
            server.write_notebook(NOTEBOOK, self.answers(release, scenario))
            executed = server.execute(NOTEBOOK)
            self.facts[f"outputs:{name}"] = sum(len(c.outputs) for c in executed.cells
                                                if c.cell_type == "code")
            if name == self.names[-1]:
                self.kill_server_mid_assignment(name, executed)
            result = server.action("submit", ASSIGNMENT)
            assert result["success"], result
            self.submissions[name] = self.submissions.get(name, 0) + 1
            self.scenario[name] = scenario

    def kill_server_mid_assignment(self, name: str, saved: nbformat.NotebookNode) -> None:
        """Fault: the participant's server dies (SIGKILL) after a save; the notebook survives."""
        pid = self.hub.server_pid(name)
        os.kill(pid, 9)
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.1)
        on_disk = nbformat.read(f"/home/{name}/{NOTEBOOK}", as_version=4)
        self.facts["killed"] = {"pid": pid, "saved": saved, "on_disk": on_disk}
        # The hub notices the dead server; the participant starts a new one and carries on.
        self.hub.stop_server(name)
        self.hub.spawn(name)
        self.facts["killed"]["reopened"] = self.server(name).read_notebook(NOTEBOOK)

    def _worked(self) -> None:
        plans = {}
        for number, name in enumerate(self.names[1:], start=1):
            scenario = SCENARIOS[number % len(SCENARIOS)]
            if number == 1:
                plans[name] = []  # fetches, never submits
            elif number <= 4:
                plans[name] = ["partial", "full"]  # submits twice; the later one counts
            else:
                plans[name] = [scenario]
        browser_user = self.names[0]
        self.browser_steps["user"] = browser_user
        self.hub.spawn(browser_user)
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
            for job in [pool.submit(self.work, name, plan) for name, plan in plans.items()]:
                job.result()
        self.timings["participants"] = time.monotonic() - started
        self.facts["plans"] = plans

    def _restarted(self) -> None:
        """Fault: the hub restarts mid-course; servers, routes and submissions survive."""
        before = {name: self.hub.server_pid(name) for name in self.servers}
        inbound = sorted(p.name for p in (self.hub.exchange / hc.COURSE_ID / "inbound").iterdir())
        self.hub.restart()
        after = {name: self.hub.server_pid(name) for name in self.servers}
        self.facts["restart"] = {"before": before, "after": after, "inbound": inbound}

    def _graded(self) -> None:
        for command in (("innolead", "collect", ASSIGNMENT, "--exchange"),
                        ("innolead", "autograde", ASSIGNMENT, "--workers", "2")):
            result = instructor(self.hub, *command, check=False)
            assert result.returncode == 0, result.stdout + result.stderr
            self.facts[command[1]] = result.stdout

    def _hand_graded(self) -> None:
        grader = self.browser_steps.get("formgrader")
        assert grader, "the formgrader test grades the reflection by hand in the browser"

    def _feedback(self) -> None:
        result = instructor(self.hub, "innolead", "feedback", ASSIGNMENT, "--exchange",
                            check=False)
        assert result.returncode == 0, result.stdout + result.stderr
        for name, count in self.submissions.items():
            if count:
                self.server(name).action("fetch_feedback", ASSIGNMENT)


@pytest.fixture(scope="session")
def cohort(hub: hc.Hub) -> Cohort:
    return Cohort(hub, [participant(n) for n in range(1, N_PARTICIPANTS + 1)])


GRADEBOOK = """
import json, os
from nbgrader.api import Gradebook, MissingEntry
root = os.environ["INNOLEAD_COURSE"]
out = {}
with Gradebook("sqlite:///" + root + "/gradebook.db") as gb:
    for sub in gb.assignment_submissions("%(a)s"):
        nb = gb.find_submission_notebook("%(a)s", "%(a)s", sub.student_id)
        grade = gb.find_grade("%(r)s", "%(a)s", "%(a)s", sub.student_id)
        comment = gb.find_comment("%(r)s", "%(a)s", "%(a)s", sub.student_id)
        out[sub.student_id] = {"notebook_id": nb.id, "auto": sub.code_score, "score": sub.score,
                               "manual": grade.manual_score, "comment": comment.manual_comment}
print(json.dumps(out))
""".replace("%(a)s", ASSIGNMENT).replace("%(r)s", REFLECTION)


def gradebook(hub: hc.Hub) -> dict[str, dict]:
    """The gradebook's scores and comments, read by the instructor (it is theirs alone)."""
    import json

    result = instructor(hub, "python", "-c", GRADEBOOK, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def feedback_html(name: str) -> str:
    """A participant's fetched feedback page (the newest), as they would open it."""
    pages = sorted(Path(f"/home/{name}/{hc.COURSE_ID}/{ASSIGNMENT}/feedback").glob("*/*.html"))
    assert pages, f"{name} has no fetched feedback"
    return pages[-1].read_text(encoding="utf-8")

