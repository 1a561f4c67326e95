"""Time a cold build (execution cache cleared) and a warm rebuild with no change, then a cold
build of both editions as `make book` runs it (English and Swedish side by side).

Each build runs in a fresh Python process that reports the peak resident memory of its
children (jupyter-book and the kernels it starts), so the two figures do not mix.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_RUN = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def _build() -> dict[str, float]:
    jb = str(Path(sys.executable).with_name("jupyter-book"))
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", _RUN, jb, "build", str(ROOT), "-W", "-n", "--keep-going"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - start
    code, max_kib = (int(x) for x in out.stdout.split())
    if code != 0:
        msg = "the book build failed; run `make book` to see why"
        raise RuntimeError(msg)
    return {"seconds": round(seconds, 1), "peak_mib": round(max_kib / 1024, 1)}


def _both_editions() -> float:
    """Seconds for `make book` from nothing: the Swedish sources, then both editions."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", "book"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
    )  # fmt: skip
    return round(time.perf_counter() - start, 1)


def run() -> dict[str, object]:
    """Cold build then warm rebuild (the warm one should take at most a fifth of the cold); then
    both editions cold, which should take at most 1.7 times one."""
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    cold = _build()
    warm = _build()
    both = _both_editions()
    return {
        "cold": cold,
        "warm": warm,
        "warm_over_cold": round(warm["seconds"] / cold["seconds"], 3),
        "target": "<= 0.2",
        "both_editions_cold_seconds": both,
        "both_over_one": round(both / cold["seconds"], 2),
        "both_target": "<= 1.7",
    }


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
