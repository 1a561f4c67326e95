"""Benchmark: how long the test suite takes, as `make test` runs it (issue 14: under 5 minutes
on 2 cores, without the hub suite).

Times the main pass (``pytest -m "not hub"``) and the Swedish edition's pass, each in a fresh
process, on the book ``make bench`` has just built. Both cores stay busy for most of a run, so
the suite's time follows the CPU it spends, and most of that is spent outside pytest: Chromium,
the grading kernels and the instructor commands the graded cohorts run. The CPU figure counts
what pytest and the processes it waited for used; Chromium's and the sandboxed kernels'
processes outlive their parents and are not in it (process accounting, ``acct``, sees them).

``make bench`` calls ``run()``; run it alone with ``python -m benchmarks suite``.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(command: list[str], env: dict[str, str]) -> dict[str, object]:
    """Run ``command`` in the repository; its wall time, reaped CPU and pytest's summary."""
    cpu, start = _children_cpu(), time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    lines = [line for line in run.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
    return {
        "wall_seconds": round(wall, 1),
        "cpu_seconds_reaped": round(_children_cpu() - cpu, 1),
        "summary": lines[-1].strip("= ") if lines else run.stdout[-300:],
        "exit_code": run.returncode,
    }


def _swedish_selection() -> tuple[list[str], str]:
    """The Swedish pass's test files and -k expression, as `make test` runs it (the Makefile's
    SV_CHECKS and SV_SKIP, printed by `make print-sv`)."""
    out = subprocess.run(
        ["make", "-s", "--no-print-directory", "print-sv"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.splitlines()  # fmt: skip
    return out[0].split(), out[1]


def run() -> dict[str, object]:
    """Time the main pass and the Swedish pass of `make test` (the hub suite is ``hub``)."""
    python = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    env = {**os.environ, "REQUIRE_BROWSER": "1"}
    main = _timed([*python, "-m", "not hub"], env)
    files, skip = _swedish_selection()
    swedish_env = {**env, "INNOLEAD_LANG": "sv", "BOOK_HTML": str(ROOT / "_build/html/sv")}
    swedish = _timed([*python, *files, "-k", skip], swedish_env)
    return {"cores": os.cpu_count(), "main": main, "swedish": swedish}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
