"""The pre-check reads a submission before nbgrader does, and rejects what it cannot grade."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from innolead.grading import precheck as check
from innolead.grading.course import Course


@pytest.fixture
def course(tmp_path: Path) -> Course:
    """A course with one assignment a1 (notebook a1) and anna's folder for it."""
    root = tmp_path / "course"
    (root / "source" / "a1").mkdir(parents=True)
    (root / "submitted" / "anna" / "a1").mkdir(parents=True)
    nbformat.write(nbformat.v4.new_notebook(), root / "source" / "a1" / "a1.ipynb")
    return Course(root)


def _submit(course: Course, nb: nbformat.NotebookNode, name: str = "a1.ipynb") -> Path:
    path = course.submission("anna", "a1") / name
    nbformat.write(nb, path)
    return path


def test_a_readable_notebook_passes(course: Course) -> None:
    """Is a plain, valid notebook accepted without a note?"""
    _submit(course, nbformat.v4.new_notebook())
    result = check.precheck(course, "a1", "anna")
    assert (result.rejected, result.notes) == ("", [])


def test_an_oversized_notebook_is_rejected_unread(
    course: Course, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Is a notebook over the size limit rejected with its size and what to do?"""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print('x')")]
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", text="x" * 3 * 1024**2)]
    _submit(course, nb)
    monkeypatch.setattr(check, "MAX_NOTEBOOK_BYTES", 1024**2)
    result = check.precheck(course, "a1", "anna")
    assert result.rejected.startswith("a1.ipynb is 3 MB, more than grading reads (1 MB)")
    assert "Clear Outputs" in result.rejected


def test_a_notebook_under_another_name_is_renamed(course: Course) -> None:
    """Is a lone "a1 (1).ipynb" renamed to a1.ipynb, with a note?"""
    _submit(course, nbformat.v4.new_notebook(), "a1 (1).ipynb")
    result = check.precheck(course, "a1", "anna")
    assert result.rejected == ""
    assert result.notes == ["renamed 'a1 (1).ipynb' to 'a1.ipynb'"]
    assert (course.submission("anna", "a1") / "a1.ipynb").is_file()
