"""Build a shared test result in a process of its own: ``python -m tests.background NAME
FOLDER MODULE:FUNCTION``.

``tests.conftest.prefetch`` starts this at collection so that the graded cohorts are made while
the test workers run everything else; the tests then read the result through ``shared_once``.
A failure prints its traceback (to the log ``prefetch`` keeps) and exits non-zero.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

from tests.conftest import build_shared


def main(name: str, folder: str, target: str) -> None:
    module, function = target.split(":")
    build = getattr(importlib.import_module(module), function)
    build_shared(name, Path(folder), build)


if __name__ == "__main__":
    main(*sys.argv[1:])
