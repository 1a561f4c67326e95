"""Benchmark: autograde a cohort through the instructor command and through plain nbgrader.

``bench_autograde(50)`` copies the course to a temporary folder, generates one assignment,
writes 50 made-up submissions (alternately full marks and part done), then times

1. ``innolead autograde`` (each submission in its own process, with progress and summary), and
2. plain ``nbgrader autograde --force`` on the same submissions,

and checks that both give the same scores. ``make bench`` calls ``run()``; run it alone with
``python -m benchmarks grading`` or ``python -m benchmarks.grading``.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from innolead.grading import samples
from innolead.grading.course import DEFAULT_ROOT, Course, nbgrader_command, tool_env

SCENARIOS = ("full", "partial")


@dataclass(frozen=True)
class GradingBenchmark:
    """Seconds per submission for the instructor command and for plain nbgrader."""

    assignment: str
    submissions: int
    innolead_seconds: float
    nbgrader_seconds: float
    same_scores: bool

    def lines(self) -> list[str]:
        """The result as the benchmark report prints it."""
        per_innolead = self.innolead_seconds / self.submissions
        per_nbgrader = self.nbgrader_seconds / self.submissions
        return [
            f"Autograding {self.submissions} submissions of {self.assignment}:",
            f"  innolead autograde:        {per_innolead:.2f} s per submission "
            f"({self.innolead_seconds:.0f} s in all)",
            f"  plain nbgrader autograde:  {per_nbgrader:.2f} s per submission "
            f"({self.nbgrader_seconds:.0f} s in all)",
            f"  same scores from both: {'yes' if self.same_scores else 'NO'}",
        ]


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


def bench_autograde(submissions: int = 50, assignment: str = "part4") -> GradingBenchmark:
    """Time autograding ``submissions`` made-up submissions of ``assignment`` both ways."""
    with tempfile.TemporaryDirectory(prefix="innolead-bench-") as tmp:
        root = Path(tmp) / "course"
        (root / "source").mkdir(parents=True)
        shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root)
        shutil.copytree(DEFAULT_ROOT / "source" / assignment, root / "source" / assignment)
        course = Course(root)
        _run([*_innolead(), "--course", str(root), "generate", assignment], root)
        for number in range(1, submissions + 1):
            scenario = SCENARIOS[number % len(SCENARIOS)]
            samples.write_submission(course, assignment, scenario, f"p{number:03d}")
        ours = _run([*_innolead(), "--course", str(root), "autograde", assignment], root)
        first = _scores(root)
        plain = _run([*nbgrader_command(), "autograde", assignment, "--force"], root)
        second = _scores(root)
    return GradingBenchmark(assignment, submissions, ours, plain, first == second)


def run(submissions: int = 50, assignment: str = "part4") -> dict[str, object]:
    """The benchmark as ``make bench`` records it (``benchmarks/__main__.py``): a JSON dict."""
    result = bench_autograde(submissions, assignment)
    return {
        "assignment": result.assignment,
        "submissions": result.submissions,
        "innolead_autograde_seconds_per_submission": round(
            result.innolead_seconds / result.submissions, 3
        ),
        "nbgrader_autograde_seconds_per_submission": round(
            result.nbgrader_seconds / result.submissions, 3
        ),
        "same_scores": result.same_scores,
        "summary": result.lines(),
    }


def main() -> None:
    """Run the benchmark with 50 submissions and print the result."""
    for line in bench_autograde().lines():
        print(line, flush=True)


if __name__ == "__main__":
    main()
