"""Collect submissions: from the nbgrader exchange, or from an LMS download (zip_collect)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from innolead.grading import gradebook
from innolead.grading.course import Course, CourseError, run_nbgrader
from innolead.grading.release import exchange_args

_SKIPPED = re.compile(r"Skipped submission with no match information provided: (.*)")


def _next(assignment: str) -> str:
    if assignment.startswith("self_assessment"):
        return (
            "Next: once both rounds are collected, `innolead evaluate` writes the programme "
            "evaluation report (self-assessments are not graded)."
        )
    return f"Next: `innolead grade {assignment}` (autograde, feedback, export and cohort report)."


def collect_exchange(
    course: Course,
    assignment: str,
    exchange_root: str | None = None,
    say: Callable[[str], None] = print,
) -> list[str]:
    """Collect the submissions in the exchange (``nbgrader collect --update``)."""
    gradebook.require_assignment(course, assignment)
    before = set(course.submitters(assignment))
    result = run_nbgrader(
        course, "collect", assignment, "--update", *exchange_args(exchange_root), quiet=True
    )
    if result.returncode:
        msg = f"nbgrader could not collect {assignment} from the exchange:\n{result.stderr[-800:]}"
        raise CourseError(msg)
    found = course.submitters(assignment)
    new = sorted(set(found) - before)
    say(
        f"Collected {assignment}: {len(found)} participant(s) have a submission in "
        f"{course.submitted} ({len(new)} new: {', '.join(new) or 'none'})."
    )
    say(_next(assignment))
    return found


def _stage(download: Path, archive: Path) -> None:
    """Put an LMS download (a zip, a notebook or a folder of them) where zip_collect looks."""
    if not download.exists():
        msg = f"{download} does not exist. Give the zip file (or folder) you downloaded."
        raise CourseError(msg)
    shutil.rmtree(archive, ignore_errors=True)
    archive.mkdir(parents=True)
    if download.is_dir():
        shutil.copytree(download, archive, dirs_exist_ok=True)
    else:
        shutil.copy2(download, archive / download.name)


def collect_lms(
    course: Course, assignment: str, download: Path, say: Callable[[str], None] = print
) -> list[str]:
    """Collect submissions from an LMS download with ``nbgrader zip_collect``.

    File names are matched to participant ids by ``FileNameCollectorPlugin.named_regexp`` in
    ``nbgrader_config.py``; files it cannot match are listed, not guessed.
    """
    gradebook.require_assignment(course, assignment)
    _stage(Path(download), course.downloaded / assignment / "archive")
    result = run_nbgrader(course, "zip_collect", assignment, "--force", quiet=True)
    if result.returncode:
        msg = f"nbgrader zip_collect failed for {assignment}:\n{result.stderr[-800:]}"
        raise CourseError(msg)
    skipped = [Path(m).name for m in _SKIPPED.findall(result.stdout + result.stderr)]
    found = course.submitters(assignment)
    say(f"Collected {assignment} from {download}: {len(found)} participant(s): {', '.join(found)}.")
    if skipped:
        say(
            f"{len(skipped)} file(s) did not match the naming pattern and were skipped: "
            f"{', '.join(skipped)}. Rename them <participant>_{assignment}.ipynb and collect "
            "again, or change FileNameCollectorPlugin.named_regexp in nbgrader_config.py."
        )
    say(_next(assignment))
    return found
