"""Where the toolkit finds its files, in a checkout and when installed with ``pip install``.

The toolkit runs in three places: a checkout of the repository (the book, the tests, an
instructor's course folder), an environment made with ``pip install`` (a JupyterHub image, a
participant's own Python) and a grading sandbox that sees only what it is given. So no other
module works out a path from its own location; they ask here.

- The case data ships inside the package as ``innolead.casedata`` (the repository's
  ``cases/`` folder, mapped in ``pyproject.toml``); ``$INNOLEAD_CASES`` points elsewhere.
- The course folder an instructor works in is ``--course``, else ``$INNOLEAD_COURSE``, else the
  checkout's ``exercises/``.
- The checkout itself (for the book and the generators that rewrite its pages) exists only
  when the package is imported from one.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

#: The environment variables that override the places below.
CASES_VARIABLE = "INNOLEAD_CASES"
COURSE_VARIABLE = "INNOLEAD_COURSE"

#: The installed (or checked-out) ``innolead`` package folder.
PACKAGE = Path(str(resources.files("innolead")))


def cases_dir() -> Path:
    """The folder with one subfolder of data per case (``$INNOLEAD_CASES`` or the package's)."""
    chosen = os.environ.get(CASES_VARIABLE)
    if chosen:
        return Path(chosen).resolve()
    return Path(str(resources.files("innolead.casedata"))).resolve()


def checkout() -> Path | None:
    """The repository the package is imported from, or ``None`` when it is installed."""
    root = PACKAGE.resolve().parent
    return root if (root / "_toc.yml").is_file() and (root / "cases").is_dir() else None


def require_checkout(why: str) -> Path:
    """The repository, or an error saying that ``why`` needs one."""
    root = checkout()
    if root is None:
        msg = (
            f"{why} needs a checkout of the course repository, but innolead is installed in "
            f"{PACKAGE}. Run it from a clone of the repository (`make setup` there)."
        )
        raise RuntimeError(msg)
    return root


def default_course() -> Path | None:
    """The course folder commands use without ``--course``: ``$INNOLEAD_COURSE`` or the
    checkout's ``exercises/``; ``None`` when neither exists."""
    chosen = os.environ.get(COURSE_VARIABLE)
    if chosen:
        return Path(chosen).resolve()
    root = checkout()
    return root / "exercises" if root else None


def sandbox_readable() -> tuple[str, ...]:
    """What a graded notebook may read besides its own folder: the toolkit and the case data."""
    found = [str(PACKAGE.resolve()), str(cases_dir())]
    return tuple(dict.fromkeys(found))
