"""``make bench``: run the benchmarks and write their figures to ``benchmarks/results/``.

Benchmarks are not tests: their figures depend on the machine. Each run writes a JSON file
per benchmark and a Markdown summary (``latest.md``) with the date and the machine's cores.
Run one with ``python -m benchmarks build`` (or explorers, pages, grading).
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
ORDER = ("build", "explorers", "pages", "grading")


def _summary(name: str, result: object) -> list[str]:
    lines = [f"## {name}", "", "```json", json.dumps(result, indent=2), "```", ""]
    return lines


def main(argv: list[str]) -> int:
    chosen = argv or list(ORDER)
    OUT.mkdir(exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# Benchmark results",
        "",
        f"Run {stamp} on {platform.machine()} with {os.cpu_count()} cores, Python "
        f"{platform.python_version()}.",
        "",
    ]
    for name in chosen:
        print(f"running {name} ...", flush=True)
        module = importlib.import_module(f"benchmarks.{name}")
        result = module.run()
        (OUT / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        lines += _summary(name, result)
        print(json.dumps(result, indent=2), flush=True)
    (OUT / "latest.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT / 'latest.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
