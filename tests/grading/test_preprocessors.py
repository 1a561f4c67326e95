"""The course's nbgrader preprocessors, on small notebooks built here (no kernel)."""

from __future__ import annotations

import copy
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from innolead.grading.preprocessors import (
    OUTPUT_CUT,
    CourseExecute,
    HideHiddenTests,
    RestoreDeletedCells,
)


def _nb(meta: dict, source: str, cell_type: str = "code") -> nbformat.NotebookNode:
    make = new_code_cell if cell_type == "code" else new_markdown_cell
    return make(source, metadata={"nbgrader": {"schema_version": 3, **meta}})


TEST_CELL = '''"""Check that x is 1."""
assert type(x) is int, "x should be a whole number."
### BEGIN HIDDEN TESTS
assert x == compute_secret(), "x is not right."
### END HIDDEN TESTS'''


def test_hide_hidden_tests_replaces_the_region_with_a_comment() -> None:
    """Does the feedback keep the visible check and replace the hidden region by one line?"""
    cell = _nb({"grade": True, "solution": False, "grade_id": "t", "points": 1}, TEST_CELL)
    nb, _ = HideHiddenTests().preprocess(new_notebook(cells=[cell]), {})
    assert "compute_secret" not in nb.cells[0].source
    assert "x should be a whole number" in nb.cells[0].source
    assert nb.cells[0].source.endswith(HideHiddenTests().placeholder)


def test_hide_hidden_tests_cuts_test_tracebacks_to_the_message() -> None:
    """Is a failing test's traceback (which quotes hidden lines) cut to 'Error: message'?"""
    cell = _nb({"grade": True, "solution": False, "grade_id": "t", "points": 1}, TEST_CELL)
    cell.outputs = [
        new_output(
            "error",
            ename="AssertionError",
            evalue="x is not right.",
            traceback=["----> 4 assert x == compute_secret()", "AssertionError: x is not right."],
        )
    ]
    nb, _ = HideHiddenTests().preprocess(new_notebook(cells=[cell]), {})
    assert nb.cells[0].outputs[0].traceback == ["AssertionError: x is not right."]


def test_hide_hidden_tests_removes_mark_schemes() -> None:
    """Is an instructor's rubric removed from the feedback without a trace?"""
    text = "## Part D\n\nWrite.\n\n### BEGIN MARK SCHEME\n| criterion |\n### END MARK SCHEME"
    cell = _nb({"locked": True, "grade_id": "q"}, text, "markdown")
    nb, _ = HideHiddenTests().preprocess(new_notebook(cells=[cell]), {})
    assert nb.cells[0].source == "## Part D\n\nWrite.\n"


@pytest.fixture
def release() -> nbformat.NotebookNode:
    return new_notebook(
        cells=[
            _nb({"locked": True, "grade_id": "intro"}, "# Intro", "markdown"),
            _nb({"solution": True, "grade_id": "q1_answer"}, "x = ..."),
            _nb({"grade": True, "locked": True, "grade_id": "q1_correct", "points": 2}, "assert x"),
            _nb({"locked": True, "grade_id": "end"}, "Done", "markdown"),
        ]
    )


def _restore(tmp_path: Path, release: nbformat.NotebookNode, nb: nbformat.NotebookNode):
    folder = tmp_path / "release" / "a1"
    folder.mkdir(parents=True, exist_ok=True)
    nbformat.write(release, folder / "nb.ipynb")
    coursedir = SimpleNamespace(
        release_directory="release",
        format_path=lambda step, student, assignment: str(tmp_path / step / assignment),
    )

    class Restorer(RestoreDeletedCells):
        def _coursedir(self) -> SimpleNamespace:
            return coursedir

    restorer = Restorer()
    resources = {"nbgrader": {"assignment": "a1", "notebook": "nb"}}
    return restorer.preprocess(nb, resources)[0]


def _ids(nb: nbformat.NotebookNode) -> list[str]:
    return [c.metadata.get("nbgrader", {}).get("grade_id", "-") for c in nb.cells]


def test_restore_puts_deleted_cells_back_in_place(
    tmp_path: Path, release: nbformat.NotebookNode
) -> None:
    """Are deleted graded and read-only cells put back where they were?"""
    extra = new_code_cell("y = 2")
    submission = new_notebook(cells=[release.cells[1], extra])
    restored = _restore(tmp_path, release, submission)
    assert _ids(restored) == ["intro", "q1_answer", "q1_correct", "end", "-"]


def test_restore_resets_changed_grading_metadata(
    tmp_path: Path, release: nbformat.NotebookNode
) -> None:
    """Are a test cell's points and grade flag reset to the release's values?"""
    submission = copy.deepcopy(release)
    meta = submission.cells[2].metadata["nbgrader"]
    meta["points"], meta["grade"] = 100, False
    restored = _restore(tmp_path, release, submission)
    assert restored.cells[2].metadata["nbgrader"]["points"] == 2
    assert restored.cells[2].metadata["nbgrader"]["grade"] is True


def test_restore_leaves_a_complete_submission_alone(
    tmp_path: Path, release: nbformat.NotebookNode
) -> None:
    """Is a submission with every cell left as it is?"""
    submission = copy.deepcopy(release)
    submission.cells[1].source = "x = 1"
    restored = _restore(tmp_path, release, submission)
    assert _ids(restored) == _ids(release)
    assert restored.cells[1].source == "x = 1"


def _message(text: str) -> dict:
    return {
        "msg_type": "stream",
        "header": {"msg_type": "stream"},
        "parent_header": {"msg_id": "m"},
        "content": {"name": "stdout", "text": text},
    }


def test_course_execute_cuts_output_past_the_limit() -> None:
    """Does a cell keep at most max_output_chars characters, then one notice?"""
    execute = CourseExecute(max_output_chars=10)
    execute.output_hook_stack = {"m": []}
    execute.clear_before_next_output = False
    outs: list = []
    for text in ["12345", "67890", "abcdefghij", "more"]:
        execute.output(outs, _message(text), None, 0)
    texts = [o.text for o in outs]
    assert texts[:2] == ["12345", "67890"]
    assert len(texts) == 3
    assert OUTPUT_CUT in texts[2]


@pytest.mark.parametrize("section", ["CourseExecute", "Execute", "ExecutePreprocessor"])
def test_course_execute_honours_a_configured_kernel_manager(section: str) -> None:
    """Is a configured kernel_manager_class used (nbgrader's own Execute overrides it)?"""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets.config import Config

    class Sandboxed(AsyncKernelManager):
        pass

    config = Config()
    config[section].kernel_manager_class = Sandboxed
    assert CourseExecute(config=config).kernel_manager_class is Sandboxed
