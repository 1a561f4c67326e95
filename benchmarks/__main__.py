"""``make bench``: run the benchmarks and write their figures to ``benchmarks/results/``.

Benchmarks are not tests: their figures depend on the machine. Each run writes a JSON file
per benchmark it ran, and a Markdown summary (``latest.md``) of the latest figures of every
benchmark, each with the date it ran and the machine's cores. Run one with
``python -m benchmarks build`` (or suite, explorers, pages, lighthouse, grading, hub); the
others keep their figures.
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import os
import platform
import sys
from pathlib import Path

OUT = Path(__file__).with_name("results")
ORDER = ("build", "suite", "explorers", "pages", "lighthouse", "grading", "hub")
#: Benchmarks whose module has a ``table(figures)`` for the summary.
TABLES = ("lighthouse",)
#: The key under which each result file records when and where it was made.
RUN = "_run"


def _summary(name: str, result: dict) -> list[str]:
    figures = {k: v for k, v in result.items() if k != RUN}
    lines = [f"## {name}", ""]
    if RUN in result:
        lines += [f"Run {result[RUN]}.", ""]
    if name in TABLES:  # figures best read as a table
        lines += [importlib.import_module(f"benchmarks.{name}").table(figures), ""]
    return [*lines, "```json", json.dumps(figures, indent=2), "```", ""]


def main(argv: list[str]) -> int:
    chosen = argv or list(ORDER)
    OUT.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    where = (
        f"{stamp} on {platform.machine()} with {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    for name in chosen:
        print(f"running {name} ...", flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        result = module.run()
        print(json.dumps(result, indent=2), flush=True)
        path = OUT / f"{name}.json"
        path.write_text(json.dumps({RUN: where, **result}, indent=2) + "\n", encoding="utf-8")
    lines = ["# Benchmark results", "", f"Last run {where} ({', '.join(chosen)}).", ""]
    for name in ORDER:
        path = OUT / f"{name}.json"
        if path.is_file():
            lines += _summary(name, json.loads(path.read_text(encoding="utf-8")))
    (OUT / "latest.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
