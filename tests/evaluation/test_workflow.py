"""End to end: the self-assessments through the instructor's commands and real nbgrader.

``innolead generate`` and ``innolead release`` hand out both rounds; participants fill in the
student version they were given (answers typed in place of the three dots); an LMS download
is collected with ``innolead collect --lms``; ``evaluation_report`` reads what nbgrader
collected. Slow: it runs nbgrader.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import pytest

from innolead.evaluation.cohort import read_cohort
from innolead.evaluation.figures import evaluation_figures
from innolead.evaluation.items import ASSIGNMENTS, NOTEBOOK
from innolead.evaluation.report import evaluation_report
from innolead.grading.course import DEFAULT_ROOT, tool_env
from tests.conftest import shared_once
from tests.evaluation import cohorts

pytestmark = pytest.mark.slow

_SCRIPT = Path(sys.executable).parent / "innolead"
INNOLEAD = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "innolead.cli"]


def _innolead(root: Path, *args: str) -> str:
    run = subprocess.run(
        [*INNOLEAD, "--course", str(root), *args],
        cwd=root,
        env=tool_env(),
        text=True,
        capture_output=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    return run.stdout


def _hand_out_and_collect(tmp: Path) -> Path:
    root = tmp / "course"
    (root / "source").mkdir(parents=True)
    shutil.copy(DEFAULT_ROOT / "nbgrader_config.py", root)
    cohort = cohorts.with_invalid()
    for phase, assignment in ASSIGNMENTS.items():
        shutil.copytree(DEFAULT_ROOT / "source" / assignment, root / "source" / assignment)
        _innolead(root, "generate", assignment)
        _innolead(root, "release", assignment)
        handed_out = nbformat.read(root / "release" / assignment / f"{NOTEBOOK}.ipynb", 4)
        download = tmp / f"{assignment}.zip"
        with zipfile.ZipFile(download, "w") as archive:
            for participant, rounds in cohort.items():
                filled = cohorts.fill(handed_out, rounds[phase])
                archive.writestr(f"{participant}_{NOTEBOOK}.ipynb", nbformat.writes(filled))
        _innolead(root, "collect", assignment, "--lms", str(download))
    return root


@pytest.fixture(scope="module")
def evaluation_course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A course copy where both rounds were handed out, answered and collected (built once a
    session, in the background from collection: ``tests.conftest.BACKGROUND``)."""
    return shared_once("evaluation", tmp_path_factory, _hand_out_and_collect)


@pytest.fixture
def course(evaluation_course: Path, tmp_path: Path) -> Path:
    """A copy of it of this test's own, so that reports one test writes are not another's."""
    shutil.copytree(evaluation_course, tmp_path / "course", symlinks=True)
    return tmp_path / "course"


def test_collected_self_assessments_give_the_expected_figures(course: Path) -> None:
    """Do the collected notebooks give the invalid cohort's hand-computed headlines?"""
    figures = evaluation_figures(read_cohort(course))
    assert figures.counts["matched"] == 15
    assert figures.headlines[0].startswith("8 of 10 (11 of 13) increased their knowledge")
    assert figures.counts["problems"] == len(cohorts.INVALID)


def test_collected_self_assessments_report(course: Path) -> None:
    """Does ``evaluation_report`` write the report into the course's reports folder?"""
    path = evaluation_report(course, None)
    assert path.is_relative_to(course / "reports")
    assert "8 of 10 (11 of 13)" in path.read_text(encoding="utf-8")
