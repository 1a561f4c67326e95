"""The participant list: import a roster so the cohort report can name missing submissions."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from innolead.grading.course import Course, CourseError, run_nbgrader
from innolead.i18n import Messages

#: What importing a roster tells the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

COLUMNS = ("id", "first_name", "last_name", "email")


def import_roster(course: Course, roster: Path, say: Callable[[str], None] = print) -> int:
    """Add or update the participants in a CSV roster (``nbgrader db student import``)."""
    if not roster.is_file():
        msg = f"{roster} does not exist. Give a CSV file with the columns {', '.join(COLUMNS)}."
        raise CourseError(msg)
    with roster.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if "id" not in (reader.fieldnames or []):
            msg = (
                f"{roster} has no 'id' column (it has {reader.fieldnames}). The first line must "
                f"name the columns: {','.join(COLUMNS)} (only id is required)."
            )
            raise CourseError(msg)
        rows = list(reader)
    result = run_nbgrader(course, "db", "student", "import", str(roster.resolve()), quiet=True)
    if result.returncode:
        msg = f"nbgrader could not import {roster}:\n{result.stderr[-800:]}"
        raise CourseError(msg)
    say(
        _("Imported {n} participant(s) from {roster} into the gradebook.").format(
            n=len(rows), roster=roster
        )
    )
    say(_("The cohort report now lists everyone on the roster who has not submitted."))
    return len(rows)
