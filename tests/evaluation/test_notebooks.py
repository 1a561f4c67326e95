"""Tests of the self-assessment notebooks handed out before and after the course."""

from __future__ import annotations

import nbformat
import pytest

from innolead.evaluation.answers import MARKER, read_response
from innolead.evaluation.items import ITEMS, PHASES, check_answers, items_for
from innolead.evaluation.notebooks import build_notebook, notebook_path


@pytest.mark.parametrize("phase", PHASES)
def test_build_notebook_matches_the_course_files(phase: str) -> None:
    """Is each source notebook exactly what the generator writes (no hand edits drift)?"""
    on_disk = nbformat.read(notebook_path(phase), as_version=4)
    assert nbformat.writes(on_disk) == nbformat.writes(build_notebook(phase)), (
        "Regenerate with `python -m innolead.evaluation.notebooks`."
    )


def _answer_cells(phase: str) -> dict[str, nbformat.NotebookNode]:
    cells = build_notebook(phase).cells
    return {c.metadata[MARKER]["answer"]: c for c in cells if MARKER in c.metadata}


def test_build_notebook_asks_the_same_questions_before_and_after() -> None:
    """Are the pre round's answer cells identical in the post round?"""
    pre, post = _answer_cells("pre"), _answer_cells("post")
    assert list(pre) == [item.name for item in items_for("pre")]
    assert list(post) == [*pre, "satisfaction", "comments"]
    assert all(pre[name].source == post[name].source for name in pre)


@pytest.mark.parametrize("phase", PHASES)
def test_build_notebook_locks_everything_but_the_answers(phase: str) -> None:
    """Is every cell locked by nbgrader except the answer cells, which stay editable?"""
    for cell in build_notebook(phase).cells:
        if MARKER in cell.metadata:
            assert cell.metadata.get("editable", True)
            assert "nbgrader" not in cell.metadata  # nbgrader would replace a solution cell
        else:
            assert cell.metadata["nbgrader"]["locked"]
            assert not cell.metadata["editable"]


@pytest.mark.parametrize("name", ["knowledge", "insight", "confidence", "satisfaction"])
def test_build_notebook_answer_cell_shows_the_scale(name: str) -> None:
    """Does a scale question's answer cell read ``knowledge = ...  # 1 = ..., 5 = ...``?"""
    source = _answer_cells("post")[name].source
    assert f"{name} = ...  # {ITEMS[name].scale_text()}" in source.splitlines()


@pytest.mark.parametrize("phase", PHASES)
def test_build_notebook_as_handed_out_reads_as_all_blank(phase: str, tmp_path: object) -> None:
    """Does an untouched notebook read as every answer blank, with no problem?"""
    path = tmp_path / "nb.ipynb"
    nbformat.write(build_notebook(phase), path)
    response = read_response(path, "anna", phase, "nb.ipynb")
    assert response.problems == ()
    assert response.blank == tuple(item.name for item in items_for(phase))


@pytest.mark.parametrize("phase", PHASES)
def test_build_notebook_check_cell_runs_on_the_handed_out_notebook(phase: str) -> None:
    """Do the notebook's cells run in order, ending with the check saying what is left?"""
    namespace: dict[str, object] = {}
    for cell in build_notebook(phase).cells:
        if cell.cell_type == "code" and "check_answers" not in cell.source:
            exec(compile(cell.source, "<cell>", "exec"), namespace)  # our own template
    assert "knowledge: not answered yet." in check_answers(phase, namespace)
