"""How to run nbgrader on the course folder.

The course folder itself (``Course``: where nbgrader's and the course commands' folders are)
lives in ``innolead.coursedir``, so that the evaluation and the self-assessment can find it
without importing grading; it is re-exported here for the grading modules.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from innolead.coursedir import (
    CONFIG_FILE,
    DEFAULT_ROOT,
    GRADEBOOK_BUSY_SECONDS,
    Course,
    CourseError,
)

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_ROOT",
    "GRADEBOOK_BUSY_SECONDS",
    "Course",
    "CourseError",
    "api",
    "load_config",
    "nbgrader_command",
    "run_nbgrader",
    "tool_env",
]


def tool_env() -> dict[str, str]:
    """The environment for nbgrader: this Python's ``bin`` first on PATH.

    nbgrader shells out to ``alembic`` when it creates the gradebook, and to ``jupyter`` for
    kernels; both live next to this Python, which may not be on the caller's PATH.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def nbgrader_command() -> list[str]:
    """How to run this environment's nbgrader."""
    beside = Path(sys.executable).parent / "nbgrader"
    return [str(beside)] if beside.exists() else [shutil.which("nbgrader") or "nbgrader"]


def run_nbgrader(course: Course, *args: str, quiet: bool = False) -> subprocess.CompletedProcess:
    """Run a plain nbgrader command in the course root, as an instructor would type it."""
    command = [*nbgrader_command(), *args]
    print(f"$ nbgrader {' '.join(args)}", flush=True)
    result = subprocess.run(
        command, cwd=course.root, env=tool_env(), text=True, capture_output=True, check=False
    )
    if not quiet or result.returncode:
        sys.stdout.write(result.stdout)
        sys.stdout.write(result.stderr)
    return result


def load_config(course: Course, **overrides: Any) -> Any:
    """nbgrader's configuration for ``course``, as ``nbgrader`` run in its root would load it.

    That is the user's and the system's ``nbgrader_config.py`` (if any), then the course's,
    then ``overrides`` given as ``{"Section.trait": value}`` keyword pairs with ``__`` for the
    dot (``ExecutePreprocessor__timeout=10``).
    """
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(course.root)]:
        if (Path(folder) / CONFIG_FILE).is_file():
            config.merge(PyFileConfigLoader(CONFIG_FILE, path=folder).load_config())
    config.CourseDirectory.root = str(course.root)
    for key, value in overrides.items():
        section, trait = key.split("__")
        config[section][trait] = value
    return config


def api(course: Course, **overrides: Any) -> Any:
    """nbgrader's Python API (``NbGraderAPI``) on ``course``, configured as ``load_config``."""
    import logging

    from nbgrader.apps import NbGraderAPI

    # nbgrader logs through traitlets' root logger; the course commands print their own
    # summaries, and NbGraderAPI captures each step's log for them.
    logging.getLogger("traitlets").setLevel(logging.ERROR)
    return NbGraderAPI(config=load_config(course, **overrides))
