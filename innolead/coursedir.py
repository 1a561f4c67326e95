"""The course folder: where nbgrader's folders and the course commands' own folders are.

Grading, the programme evaluation and the self-assessment notebooks all work on one nbgrader
course folder (``exercises/`` in the repository, ``--course`` or ``$INNOLEAD_COURSE``
elsewhere). This module only names its folders; running nbgrader on it is
``innolead.grading.course``'s job, so reading the folder costs no nbgrader import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from innolead import paths

#: Seconds a gradebook write waits for another process's write to finish (SQLite's busy
#: timeout), so grading processes running side by side queue instead of failing.
GRADEBOOK_BUSY_SECONDS = 120
#: The course folder commands use without ``--course``: ``$INNOLEAD_COURSE``, the checkout's
#: ``exercises/``, or ``exercises/`` in the current folder.
DEFAULT_ROOT = paths.default_course() or Path("exercises").resolve()
CONFIG_FILE = "nbgrader_config.py"


class CourseError(RuntimeError):
    """A course folder, assignment or step the instructor named is not usable as it is."""


@dataclass(frozen=True)
class Course:
    """An nbgrader course folder and the folders nbgrader and the course commands use."""

    root: Path

    @classmethod
    def at(cls, root: str | Path | None = None) -> Course:
        """The course at ``root``, ``$INNOLEAD_COURSE`` or the repository's ``exercises/``."""
        chosen = Path(root or os.environ.get(paths.COURSE_VARIABLE) or DEFAULT_ROOT).resolve()
        if not (chosen / CONFIG_FILE).is_file():
            msg = (
                f"{chosen} is not an nbgrader course folder: it has no {CONFIG_FILE}. "
                f"Run the command from the repository, or pass --course PATH to the folder "
                f"that holds {CONFIG_FILE} and source/."
            )
            raise CourseError(msg)
        return cls(chosen)

    # nbgrader's folders (nbgrader's CourseDirectory defaults, which the course keeps)
    @property
    def source(self) -> Path:
        return self.root / "source"

    @property
    def release(self) -> Path:
        return self.root / "release"

    @property
    def submitted(self) -> Path:
        return self.root / "submitted"

    @property
    def autograded(self) -> Path:
        return self.root / "autograded"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback"

    @property
    def downloaded(self) -> Path:
        """Where ``nbgrader zip_collect`` looks for an LMS download."""
        return self.root / "downloaded"

    # the course commands' own folders
    @property
    def lms(self) -> Path:
        """The zip files to upload to an LMS."""
        return self.root / "lms"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def db_url(self) -> str:
        """The gradebook's URL, with the busy timeout parallel grading needs."""
        return f"sqlite:///{self.gradebook}?timeout={GRADEBOOK_BUSY_SECONDS}"

    def assignments(self) -> list[str]:
        """The assignments in ``source/``, in order."""
        if not self.source.is_dir():
            return []
        return sorted(p.name for p in self.source.iterdir() if p.is_dir() and _visible(p))

    def check_assignment(self, assignment: str) -> str:
        """``assignment`` if ``source/`` has it, else an error listing the ones there are."""
        if assignment not in self.assignments():
            known = ", ".join(self.assignments()) or "none"
            msg = (
                f"There is no assignment {assignment!r} in {self.source}. "
                f"The assignments are: {known}."
            )
            raise CourseError(msg)
        return assignment

    def notebooks(self, assignment: str) -> list[str]:
        """The notebook names (without ``.ipynb``) of an assignment, from ``source/``."""
        folder = self.source / assignment
        return sorted(p.stem for p in folder.glob("*.ipynb"))

    def source_notebook(self, assignment: str, notebook: str) -> Path:
        return self.source / assignment / f"{notebook}.ipynb"

    def release_notebook(self, assignment: str, notebook: str) -> Path:
        return self.release / assignment / f"{notebook}.ipynb"

    def submission(self, student: str, assignment: str) -> Path:
        return self.submitted / student / assignment

    def submitters(self, assignment: str) -> list[str]:
        """The participants with a folder for ``assignment`` in ``submitted/``."""
        if not self.submitted.is_dir():
            return []
        return sorted(
            p.name for p in self.submitted.iterdir() if _visible(p) and (p / assignment).is_dir()
        )

    def report_dir(self, assignment: str) -> Path:
        folder = self.reports / assignment
        folder.mkdir(parents=True, exist_ok=True)
        return folder


def _visible(path: Path) -> bool:
    return not path.name.startswith((".", "_"))
