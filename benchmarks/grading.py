"""Benchmark: autograde a cohort serially with plain nbgrader and with `innolead autograde`.

``bench_autograde(50)`` copies the course to a temporary folder, generates one assignment,
writes 50 made-up submissions (alternately full marks and part done), and times, each on
fresh copies of that same folder:

1. plain ``nbgrader autograde --force``, serial, with the course configuration (so in the
   grading sandbox), as an instructor would run it in the course folder;
2. ``innolead autograde --workers 1`` (one submission at a time, in a worker process);
3. ``innolead autograde`` (parallel, with the default number of workers: the cores);
4. for reference, plain serial ``nbgrader autograde`` without the sandbox, as nbgrader grades
   out of the box (``--CourseExecute.kernel_manager_class`` set back to jupyter_client's).

Each grades the cohort in two halves, interleaved with the others (``bench_autograde``). It
checks that all four give the same scores and reports seconds per submission and the
speed-up of the parallel run. Grading is bound by the processor, so the speed-up cannot beat
how much more work the machine does with all its cores busy than with one; ``core_scaling``
measures that with a plain Python loop and the report gives it alongside.

``make bench`` calls ``run()``; run it alone with ``python -m benchmarks grading`` or
``python -m benchmarks.grading``.
"""

from __future__ import annotations

import csv
import multiprocessing
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from innolead.grading import samples
from innolead.grading.autograde import default_workers
from innolead.grading.course import DEFAULT_ROOT, Course, nbgrader_command, tool_env

SCENARIOS = ("full", "partial")
#: The kernel manager nbgrader uses out of the box: no sandbox.
UNSANDBOXED = "--CourseExecute.kernel_manager_class=jupyter_client.manager.AsyncKernelManager"


@dataclass(frozen=True)
class Run:
    """One way of grading the cohort, and how long it took in all."""

    label: str
    seconds: float


@dataclass(frozen=True)
class GradingBenchmark:
    """Seconds per submission for each way of grading, and whether they agree."""

    assignment: str
    submissions: int
    workers: int
    runs: dict[str, Run]
    same_scores: bool
    scaling: float  # work done by `workers` busy processes, relative to one (core_scaling)

    def per_submission(self, key: str) -> float:
        return self.runs[key].seconds / self.submissions

    def speed_up(self, baseline: str, key: str = "parallel") -> float:
        return self.runs[baseline].seconds / self.runs[key].seconds

    def lines(self) -> list[str]:
        """The result as the benchmark report prints it."""
        lines = [f"Autograding {self.submissions} submissions of {self.assignment}:"]
        for key, run in self.runs.items():
            lines.append(
                f"  {run.label:<52} {self.per_submission(key):.2f} s per submission "
                f"({run.seconds:.0f} s in all)"
            )
        lines += [
            f"  speed-up of innolead autograde ({self.workers} workers) over plain serial "
            f"nbgrader autograde: {self.speed_up('nbgrader'):.2f}x with the sandbox, "
            f"{self.speed_up('nbgrader_unsandboxed'):.2f}x without it",
            f"  same scores from all: {'yes' if self.same_scores else 'NO'}",
            f"  this machine: {self.workers} busy processes do {self.scaling:.2f}x the work of one "
            "(a plain Python loop), the most any parallel grading can gain here",
        ]
        return lines


def _spin(seconds: float) -> int:
    """Count as far as possible in ``seconds`` (a plain, processor-bound Python loop)."""
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        for _ in range(10_000):
            count += 1
    return count


def core_scaling(workers: int, seconds: float = 2.0, rounds: int = 5) -> float:
    """How much more loop work ``workers`` processes do together than one process alone.

    A shared machine's speed changes from second to second, so one process alone and
    ``workers`` together take turns ``rounds`` times; the median of the rounds' ratios counts.
    """
    context = multiprocessing.get_context("fork")
    ratios = []
    with context.Pool(workers) as pool:
        for _ in range(rounds):
            alone = _spin(seconds)
            together = sum(pool.map(_spin, [seconds] * workers))
            ratios.append(together / alone)
    return statistics.median(ratios)


def _run(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        command, cwd=cwd, env=tool_env(), capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - started
    if result.returncode:
        msg = f"`{' '.join(command)}` failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        raise RuntimeError(msg)
    return elapsed


def _scores(root: Path) -> dict[str, str]:
    subprocess.run(
        [*nbgrader_command(), "export", "--to", "scores.csv"],
        cwd=root,
        env=tool_env(),
        capture_output=True,
        check=True,
    )
    with (root / "scores.csv").open(newline="") as handle:
        return {row["student_id"]: row["score"] for row in csv.DictReader(handle)}


def _innolead() -> list[str]:
    script = Path(sys.executable).parent / "innolead"
    return [str(script)] if script.exists() else [sys.executable, "-m", "innolead.cli"]


def _cohort(root: Path, submissions: int, assignment: str) -> None:
    """A course folder with ``assignment`` generated and ``submissions`` made-up submissions."""
    (root / "source").mkdir(parents=True)
    shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root)
    shutil.copytree(DEFAULT_ROOT / "source" / assignment, root / "source" / assignment)
    _run([*_innolead(), "--course", str(root), "generate", assignment], root)
    course = Course(root)
    for number in range(1, submissions + 1):
        scenario = SCENARIOS[number % len(SCENARIOS)]
        samples.write_submission(course, assignment, scenario, f"p{number:03d}")


def _plans(assignment: str) -> dict[str, tuple[str, Callable[[Path], list[str]]]]:
    """Each way of grading: its label, and its command for a course folder."""
    nbgrader = [*nbgrader_command(), "autograde", assignment, "--force"]

    def innolead(*options: str) -> Callable[[Path], list[str]]:
        return lambda root: [*_innolead(), "--course", str(root), "autograde", assignment, *options]

    return {
        "nbgrader": ("plain nbgrader autograde (serial, sandboxed)", lambda root: nbgrader),
        "innolead_serial": ("innolead autograde --workers 1", innolead("--workers", "1")),
        "parallel": (f"innolead autograde ({default_workers()} workers, the default)", innolead()),
        "nbgrader_unsandboxed": (
            "plain nbgrader autograde (serial, no sandbox)",
            lambda root: [*nbgrader, UNSANDBOXED],
        ),
    }


def _half(pristine: Path, root: Path, keep: list[str]) -> None:
    """A fresh copy of the course at ``root`` with only the submissions of ``keep``."""
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(pristine, root)
    for folder in (root / "submitted").iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder)


def bench_autograde(submissions: int = 50, assignment: str = "part4") -> GradingBenchmark:
    """Time grading ``submissions`` made-up submissions of ``assignment`` in the four ways.

    A shared machine's speed drifts over the minutes this takes, so the cohort is graded in two
    halves: every way grades the first half in turn, then the second half in the reverse
    order, each on a fresh copy of the course. Each way's time is the sum of its two halves.
    """
    plans = _plans(assignment)
    seconds = dict.fromkeys(plans, 0.0)
    scores: dict[str, dict[str, str]] = {key: {} for key in plans}
    with tempfile.TemporaryDirectory(prefix="innolead-bench-") as tmp:
        pristine, root = Path(tmp) / "pristine", Path(tmp) / "course"
        _cohort(pristine, submissions, assignment)
        students = sorted(p.name for p in (pristine / "submitted").iterdir())
        halves = [students[: len(students) // 2], students[len(students) // 2 :]]
        for number, half in enumerate(halves):
            order = list(plans) if number == 0 else list(reversed(plans))
            for key in order:
                _half(pristine, root, half)
                seconds[key] += _run(plans[key][1](root), root)
                scores[key].update(_scores(root))
    runs = {key: Run(plans[key][0], seconds[key]) for key in plans}
    first = next(iter(scores.values()))
    same = all(s == first for s in scores.values()) and len(first) == submissions
    workers = default_workers()
    return GradingBenchmark(
        assignment, submissions, workers, runs, same, round(core_scaling(workers), 2)
    )


def run(submissions: int = 50, assignment: str = "part4") -> dict[str, object]:
    """The benchmark as ``make bench`` records it (``benchmarks/__main__.py``): a JSON dict."""
    result = bench_autograde(submissions, assignment)
    return {
        "assignment": result.assignment,
        "submissions": result.submissions,
        "workers": result.workers,
        **{
            f"{key}_seconds_per_submission": round(result.per_submission(key), 3)
            for key in result.runs
        },
        "speed_up_over_plain_nbgrader": round(result.speed_up("nbgrader"), 2),
        "speed_up_over_plain_nbgrader_unsandboxed": round(
            result.speed_up("nbgrader_unsandboxed"), 2
        ),
        "same_scores": result.same_scores,
        "core_scaling": result.scaling,
        "summary": result.lines(),
    }


def main() -> None:
    """Run the benchmark with 50 submissions and print the result."""
    for line in bench_autograde().lines():
        print(line, flush=True)


if __name__ == "__main__":
    main()
