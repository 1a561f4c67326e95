"""Hidden tests get their expected answers from the grader, not from the participant's kernel.

``ComputeExpected`` runs each hidden test's setup in nbgrader's process and hands the kernel
literals, so an answer cell that changes the kernel's copy of the toolkit changes nothing.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

from innolead.analysis import prepost
from innolead.grading import content
from innolead.grading.expected import NOTE, ComputeExpected, NotPlain, precompute, with_expected
from tests.grading.conftest import source_notebooks


def _test_cells() -> list[tuple[str, str]]:
    """(grade_id, source) of every test cell with hidden tests in the four assignments."""
    return [
        (cell.metadata["nbgrader"]["grade_id"], cell.source)
        for _, nb in source_notebooks()
        for cell in nb.cells
        if content.regions(cell.source, content.HIDDEN)
    ]


TEST_CELLS = _test_cells()


def _hidden(source: str) -> str:
    (region,) = content.regions(source, content.HIDDEN)
    return region


def _run(code: str, answer: object) -> None:
    """Run a hidden region as the kernel would, with ``answer`` for every answer name."""
    names = {n.id for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Name)}
    namespace = {name: answer for name in names if name.startswith("answer_")}
    exec(code, namespace)  # the instructor's hidden test


def _wrong(value: object) -> object:
    if isinstance(value, str):
        return value + " (not this one)"
    return value + (1 if isinstance(value, int) else 0.01)


def test_the_course_has_hidden_tests_to_compute() -> None:
    """Are there hidden tests (15 questions) for this file to check at all?"""
    assert len(TEST_CELLS) == 15


@pytest.mark.parametrize(("grade_id", "source"), TEST_CELLS, ids=[g for g, _ in TEST_CELLS])
def test_hidden_test_gets_its_expected_answer_as_a_literal(grade_id: str, source: str) -> None:
    """Does the kernel get a literal, equal to what the setup computes, and no toolkit call?"""
    original, computed = _hidden(source), _hidden(with_expected(source, grade_id))
    assert NOTE in computed
    assert "import" not in computed
    assert "_load(" not in computed
    namespace: dict = {}
    exec(original.split("\nassert ")[0], namespace)  # the setup, as the kernel ran it before
    literal = ast.literal_eval(computed.split("_expected = ")[1].split(NOTE)[0].strip())
    assert literal == namespace["_expected"]
    assert type(literal) is type(namespace["_expected"])


@pytest.mark.parametrize(("grade_id", "source"), TEST_CELLS, ids=[g for g, _ in TEST_CELLS])
def test_computed_hidden_test_passes_the_right_answer_only(grade_id: str, source: str) -> None:
    """Does the rewritten hidden test pass the expected answer and fail a near miss?"""
    computed = _hidden(with_expected(source, grade_id))
    namespace: dict = {}
    exec(_hidden(source).split("\nassert ")[0], namespace)
    right = namespace["_expected"]
    _run(computed, right)
    with pytest.raises(AssertionError):
        _run(computed, _wrong(right))


def test_changed_toolkit_fools_the_kernel_but_not_the_grader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Would a notebook that changes the toolkit pass in the kernel, and fail once computed?"""
    grade_id, source = next((g, s) for g, s in TEST_CELLS if "share_increased(" in s)
    computed = _hidden(with_expected(source, grade_id))  # worked out before the change
    monkeypatch.setattr(prepost, "share_increased", lambda *args, **kwargs: 0.5)
    _run(_hidden(source), 0.5)  # in the kernel, the changed toolkit expects 0.5: fooled
    with pytest.raises(AssertionError):
        _run(computed, 0.5)


def test_setup_that_gives_no_plain_value_is_refused() -> None:
    """Is a setup whose result is not a number or text left to the kernel (NotPlain)?"""
    hidden = "_expected = [1, 2]\nassert answer_a == _expected\n"
    with pytest.raises(NotPlain, match="_expected is a list"):
        precompute(hidden, "list")


def test_region_without_setup_is_unchanged() -> None:
    """Is a hidden region that only checks left as it is?"""
    hidden = "assert answer_a == 3\n"
    assert precompute(hidden) == hidden


def _gradebook_with(root: Path, source: str) -> str:
    """A gradebook whose notebook nb of assignment a1 has one locked test cell, q1."""
    from nbgrader.api import Gradebook

    url = f"sqlite:///{root / 'gradebook.db'}"
    with Gradebook(url) as gb:
        gb.update_or_create_assignment("a1")
        gb.update_or_create_notebook("nb", "a1")
        gb.update_or_create_source_cell(
            "q1", "nb", "a1", source=source, cell_type="code", locked=True, checksum="x"
        )
        gb.update_or_create_grade_cell("q1", "nb", "a1", max_score=1, cell_type="code")
    return url


def _test_cell(grade_id: str, source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "solution": False}
    return cell


def test_preprocessor_runs_the_gradebooks_code_never_the_submissions(tmp_path: Path) -> None:
    """Is the setup taken from the gradebook, and a submission's own hidden code never run?"""
    trusted = "### BEGIN HIDDEN TESTS\n_expected = 6 * 7\nassert answer_a == _expected\n"
    trusted += "### END HIDDEN TESTS"
    url = _gradebook_with(tmp_path, trusted)
    planted = tmp_path / "ran-in-the-grader"
    injected = f"### BEGIN HIDDEN TESTS\n_x = open({str(planted)!r}, 'w')\nassert True\n"
    injected += "### END HIDDEN TESTS"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        _test_cell("q1", "assert answer_a == answer_a  # the participant's edit"),
        _test_cell("extra", injected),  # a cell the participant added
    ]
    resources = {"nbgrader": {"db_url": url, "notebook": "nb", "assignment": "a1"}}
    nb, _ = ComputeExpected().preprocess(nb, resources)
    assert f"_expected = 42  {NOTE}" in nb.cells[0].source
    assert "participant" not in nb.cells[0].source
    assert nb.cells[1].source == injected
    assert not planted.exists()
