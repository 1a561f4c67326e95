"""Collect submissions: from the nbgrader exchange, or from an LMS download (zip_collect)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from innolead.grading import gradebook
from innolead.grading.course import Course, CourseError, run_nbgrader
from innolead.grading.release import exchange_args
from innolead.i18n import Messages

#: What collecting tells the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

_SKIPPED = re.compile(r"Skipped submission with no match information provided: (.*)")


def _next(assignment: str) -> str:
    if assignment.startswith("self_assessment"):
        return _(
            "Next: once both rounds are collected, `innolead evaluate` writes the programme "
            "evaluation report (self-assessments are not graded)."
        )
    return _(
        "Next: `innolead grade {assignment}` (autograde, feedback, export and cohort report)."
    ).format(assignment=assignment)


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
        _(
            "Collected {assignment}: {n} participant(s) have a submission in {folder} "
            "({new} new: {names})."
        ).format(
            assignment=assignment,
            n=len(found),
            folder=course.submitted,
            new=len(new),
            names=", ".join(new) or _("none"),
        )
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
    say(
        _("Collected {assignment} from {download}: {n} participant(s): {names}.").format(
            assignment=assignment, download=download, n=len(found), names=", ".join(found)
        )
    )
    if skipped:
        say(
            _(
                "{n} file(s) did not match the naming pattern and were skipped: {names}. Rename "
                "them <participant>_{assignment}.ipynb and collect again, or change "
                "FileNameCollectorPlugin.named_regexp in nbgrader_config.py."
            ).format(n=len(skipped), names=", ".join(skipped), assignment=assignment)
        )
    say(_next(assignment))
    return found
