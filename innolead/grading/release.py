"""Hand out the student version: to the nbgrader exchange (JupyterHub) or as files for an LMS."""

from __future__ import annotations

import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

from innolead.grading import gradebook
from innolead.grading.course import Course, CourseError, load_config, run_nbgrader
from innolead.i18n import Messages

#: What releasing tells the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext


def exchange_args(exchange_root: str | None) -> list[str]:
    """nbgrader options for another exchange folder than the configured one."""
    return [f"--Exchange.root={exchange_root}"] if exchange_root else []


def release_lms(course: Course, assignment: str, say: Callable[[str], None] = print) -> Path:
    """Copy the student version to ``lms/<assignment>/`` and zip it as ``lms/<assignment>.zip``."""
    gradebook.require_assignment(course, assignment)
    source = course.release / assignment
    target = course.lms / assignment
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    archive = course.lms / f"{assignment}.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(target.rglob("*")):
            if path.is_file():
                zf.write(path, path.relative_to(course.lms))
    files = ", ".join(p.name for p in sorted(target.glob("*.ipynb")))
    say(
        _("Released {assignment} for an LMS: {folder} ({files}) and {archive}.").format(
            assignment=assignment, folder=target, files=files, archive=archive
        )
    )
    say(
        _(
            "Next: upload {files} (or the zip) to the LMS assignment. Tell participants to open "
            "it in JupyterLab, keep its name, and upload the saved .ipynb file. After the "
            "deadline, download all submissions as one zip and run `innolead collect "
            "{assignment} --lms DOWNLOAD.zip`."
        ).format(files=files, assignment=assignment)
    )
    return archive


def release_exchange(
    course: Course,
    assignment: str,
    exchange_root: str | None = None,
    say: Callable[[str], None] = print,
) -> None:
    """Release the student version to the nbgrader exchange (``nbgrader release_assignment``)."""
    gradebook.require_assignment(course, assignment)
    result = run_nbgrader(
        course,
        "release_assignment",
        assignment,
        "--force",
        *exchange_args(exchange_root),
        quiet=True,
    )
    root = exchange_root or load_config(course).Exchange.get("root", "/srv/nbgrader/exchange")
    course_id = load_config(course).CourseDirectory.course_id
    if result.returncode:
        reasons = [
            line.strip()
            for line in (result.stdout + result.stderr).splitlines()
            if "[ERROR]" in line or "Error" in line
        ]
        why = f" nbgrader said: {reasons[-1][:300]}" if reasons else ""
        msg = (
            f"nbgrader could not release {assignment} to the exchange {root}.{why} Check that "
            f"{root} exists and everyone can write to it (mode 777: `sudo mkdir -p {root} && "
            f"sudo chmod 777 {root}`; see the instructor guide, 'JupyterHub')."
        )
        raise CourseError(msg)
    say(
        _("Released {assignment} to the exchange {root} (course {course_id}).").format(
            assignment=assignment, root=root, course_id=course_id
        )
    )
    say(
        _(
            "Next: participants choose Nbgrader > Assignment List in JupyterLab and press Fetch "
            "(or run `nbgrader fetch_assignment {assignment} --course {course_id}`), work, and "
            "press Submit. After the deadline run `innolead collect {assignment} --exchange`."
        ).format(assignment=assignment, course_id=course_id)
    )
