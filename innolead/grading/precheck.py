"""Look at a submission before nbgrader grades it: can it be read, and what did it change?

Nothing here decides a score. A notebook that cannot be read is rejected with a reason; a
notebook saved under another name is renamed; changes to locked or deleted cells are noted
for the batch summary (nbgrader's configured preprocessors undo them when it grades), and so
is answer code that tries more than giving an answer (``innolead.grading.tamper``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from innolead.grading.course import Course
from innolead.grading.tamper import answer_notes
from innolead.i18n import N_, Messages

#: What the pre-check tells the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

#: What a participant is told to do when their file cannot be read.
RESUBMIT = N_(
    "Ask the participant to open the notebook in JupyterLab, save it, download it with "
    "File > Download, and submit that file again."
)


#: The largest notebook file grading reads. A course notebook, outputs and all, is well under
#: 5 MB; a bigger file would only take the grading computer's memory and time.
MAX_NOTEBOOK_BYTES = 50 * 1024**2


@dataclass
class Precheck:
    """What the pre-check found in one submission."""

    rejected: str = ""
    notes: list[str] = field(default_factory=list)


def _nbgrader_cells(nb: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    cells = {}
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id:
            cells[grade_id] = cell
    return cells


def _read(path: Path) -> tuple[nbformat.NotebookNode | None, str]:
    """The notebook at ``path``, or why it cannot be read."""
    size = path.stat().st_size
    if size > MAX_NOTEBOOK_BYTES:
        return None, _(
            "{name} is {size} MB, more than grading reads ({limit} MB); its outputs are "
            "probably huge, so clear them first (Edit > Clear Outputs of All Cells)"
        ).format(
            name=path.name,
            size=f"{size / 1024**2:.0f}",
            limit=f"{MAX_NOTEBOOK_BYTES / 1024**2:.0f}",
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return None, _("{name} is not a text file (is it a notebook at all?)").format(
            name=path.name
        )
    if not text.strip():
        return None, _("{name} is empty").format(name=path.name)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as err:
        return None, _("{name} is not valid notebook JSON ({error} at line {line})").format(
            name=path.name, error=err.msg, line=err.lineno
        )
    try:
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except Exception as err:  # nbformat raises several kinds for malformed notebooks
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        return None, _("{name} is not a valid Jupyter notebook ({error})").format(
            name=path.name, error=first[:120]
        )
    return nb, ""


def _rename_stray(folder: Path, expected: list[str], check: Precheck) -> None:
    """Rename a lone notebook saved under another name ("part1 (1).ipynb") to the expected one."""
    missing = [name for name in expected if not (folder / f"{name}.ipynb").exists()]
    strays = sorted(p for p in folder.glob("*.ipynb") if p.stem not in expected)
    if len(missing) == 1 and len(strays) == 1:
        target = folder / f"{missing[0]}.ipynb"
        strays[0].rename(target)
        check.notes.append(
            _("renamed {old} to {new}").format(old=repr(strays[0].name), new=repr(target.name))
        )


def _compare(nb: nbformat.NotebookNode, release: nbformat.NotebookNode, check: Precheck) -> None:
    mine, model = _nbgrader_cells(nb), _nbgrader_cells(release)
    deleted = [gid for gid in model if gid not in mine]
    edited = [
        gid
        for gid, cell in model.items()
        if gid in mine
        and cell.metadata["nbgrader"].get("locked")
        and mine[gid].source != cell.source
    ]
    retagged = [
        gid
        for gid, cell in model.items()
        if gid in mine
        and any(
            mine[gid].metadata["nbgrader"].get(k) != cell.metadata["nbgrader"].get(k)
            for k in ("grade", "solution", "locked", "points")
        )
    ]
    if deleted:
        note = _("deleted cell(s) {cells}: put back before grading")
        check.notes.append(note.format(cells=", ".join(deleted)))
    if edited:
        note = _("edited locked cell(s) {cells}: restored before grading")
        check.notes.append(note.format(cells=", ".join(edited)))
    if retagged:
        note = _("changed grading settings of {cells}: reset")
        check.notes.append(note.format(cells=", ".join(retagged)))


def precheck(course: Course, assignment: str, student: str) -> Precheck:
    """Check a submission's notebooks before grading; rename a stray file if that is all."""
    check = Precheck()
    folder = course.submission(student, assignment)
    expected = course.notebooks(assignment)
    _rename_stray(folder, expected, check)
    present = [name for name in expected if (folder / f"{name}.ipynb").exists()]
    if not present:
        found = ", ".join(sorted(p.name for p in folder.iterdir())) or _("nothing")
        check.rejected = _("no notebook named {names} (found: {found})").format(
            names=", ".join(n + ".ipynb" for n in expected), found=found
        )
        return check
    for name in present:
        nb, problem = _read(folder / f"{name}.ipynb")
        if problem:
            check.rejected = problem
            return check
        release = course.release_notebook(assignment, name)
        if nb is not None and release.is_file():
            model = nbformat.read(release, as_version=4)
            _compare(nb, model, check)
            check.notes += answer_notes(nb, model)
    return check
