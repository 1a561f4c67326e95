"""The instructor's source notebooks follow the course's rules for graded assignments.

These read the notebooks only (no kernel), so they run in every test session.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from innolead.grading import content
from innolead.grading.course import DEFAULT_ROOT, Course
from tests.grading.conftest import ASSIGNMENTS

COURSE = Course(DEFAULT_ROOT)
#: Each part of the book has its assignment, with the cases its chapters use.
CASES = {
    "part1": {"barometer", "portfolio"},
    "part2": {"needs", "pilot", "diffusion"},
    "part3": {"portfolio", "culture", "barometer"},
    "part4": {"relay"},
}


def _cells(assignment: str) -> list[nbformat.NotebookNode]:
    cells = []
    for name in COURSE.notebooks(assignment):
        cells += nbformat.read(COURSE.source_notebook(assignment, name), as_version=4).cells
    return cells


def _meta(cell: nbformat.NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


def _tests(assignment: str) -> list[nbformat.NotebookNode]:
    return [c for c in _cells(assignment) if _meta(c).get("grade") and not _meta(c).get("solution")]


def _reflections(assignment: str) -> list[nbformat.NotebookNode]:
    return [c for c in _cells(assignment) if _meta(c).get("grade") and _meta(c).get("solution")]


def test_assignments_cover_the_four_parts() -> None:
    """Is there one graded assignment per part of the book?"""
    assert sorted(CASES) == ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment_uses_its_parts_cases(assignment: str) -> None:
    """Does the assignment load exactly the cases of its part's chapters?"""
    text = "\n".join(c.source for c in _cells(assignment))
    loaded = set(re.findall(r'load\("(\w+)"', text))
    assert loaded == CASES[assignment]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_assignment_has_three_hidden_tested_questions(assignment: str) -> None:
    """Has the assignment at least three autograded questions, each with hidden tests?"""
    tests = _tests(assignment)
    assert len(tests) >= 3
    assert all(content.regions(c.source, content.HIDDEN) for c in tests)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_reflection_has_a_rubric(assignment: str) -> None:
    """Has every reflection a rubric with criteria and points in the instructor's version?"""
    found = content.rubrics(COURSE, assignment)
    assert len(found) == len(_reflections(assignment)) >= 1
    for rubric in found:
        assert "| criterion |" in rubric.text
        assert f"Rubric ({rubric.points:g} points" in rubric.text


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_test_cells_open_with_a_check_docstring(assignment: str) -> None:
    """Does every test cell open with a '\"\"\"Check that ...' docstring?"""
    for cell in _tests(assignment):
        assert cell.source.startswith('"""Check that '), cell.source[:60]


#: How a hidden test takes the real ``type`` and the answer's type: from literals, not from
#: names a participant's notebook could rebind (``type = ...`` or ``builtins.float = ...``).
REAL_TYPES = {
    "float": "_type, _float = (0).__class__.__class__, (0.0).__class__",
    "int": "_type, _int = (0).__class__.__class__, (0).__class__",
    "str": '_type, _str = (0).__class__.__class__, "".__class__',
}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_hidden_tests_check_the_type_before_comparing(assignment: str) -> None:
    """Does every hidden comparison first check, with the real type(), the answer's exact type?"""
    for cell in _tests(assignment):
        for region in content.regions(cell.source, content.HIDDEN):
            compare = [line for line in region.splitlines() if line.startswith("assert ")]
            assert compare
            for line in compare:
                found = re.match(r"assert _type\(answer_\w+\) is _(float|int|str) and ", line)
                assert found, line
                assert region.splitlines()[0].startswith(REAL_TYPES[found.group(1)]), region


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_hidden_tests_use_no_rebindable_builtin(assignment: str) -> None:
    """Do hidden tests avoid built-in names a notebook could rebind (type, float, abs, min ...)?"""
    risky = re.compile(r"(?<![\w.])(type|float|int|str|abs|min|max|round|len|isinstance)\(")
    for cell in _tests(assignment):
        for region in content.regions(cell.source, content.HIDDEN):
            code = [line.split("#")[0] for line in region.splitlines()[1:]]
            assert not [line for line in code if risky.search(line)], region


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_hidden_tests_compute_answers_with_the_toolkit(assignment: str) -> None:
    """Does every hidden test compute the expected answer with an analysis function?"""
    for cell in _tests(assignment):
        region = content.regions(cell.source, content.HIDDEN)[0]
        assert "from innolead.analysis." in region
        assert re.search(r"^_expected = .*\(", region, flags=re.MULTILINE)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_parts_state_the_points_of_their_cell(assignment: str) -> None:
    """Is each part headed 'Part X (n points)' with n the points of the cell that grades it?"""
    heading = None
    for cell in _cells(assignment):
        found = re.search(r"^## Part ([A-Z]) \((\d+) points?\)", cell.source, flags=re.MULTILINE)
        if found:
            heading = float(found.group(2))
        if _meta(cell).get("grade"):
            assert heading == float(_meta(cell)["points"]), _meta(cell)["grade_id"]
            heading = None


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_grade_ids_describe_what_they_check(assignment: str) -> None:
    """Are grade ids descriptive: answers end _answer, tests _correct, reflections _reflection?"""
    for cell in _cells(assignment):
        meta = _meta(cell)
        grade_id = meta.get("grade_id", "")
        assert not grade_id.startswith("cell-"), grade_id
        if meta.get("solution") and meta.get("grade"):
            assert grade_id.endswith("_reflection")
        elif meta.get("solution"):
            assert grade_id.endswith("_answer")
        elif meta.get("grade"):
            assert grade_id.endswith("_correct")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_every_cell_but_answers_is_locked(assignment: str) -> None:
    """Are all cells nbgrader cells, and every test and read-only cell locked?"""
    for cell in _cells(assignment):
        meta = _meta(cell)
        assert meta, cell.source[:60]
        assert bool(meta.get("locked")) == (not meta.get("solution")), meta["grade_id"]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_explorers_are_skipped_while_grading(assignment: str) -> None:
    """Is every explorer call guarded by the NBGRADER_EXECUTION flag?"""
    cells = _cells(assignment)
    assert 'grading = "NBGRADER_EXECUTION" in os.environ' in cells[1].source
    calls = [c for c in cells if "explore(" in c.source and c.cell_type == "code"]
    assert calls
    for cell in calls:
        assert "if not grading:\n    display(explore(" in cell.source


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_answer_cells_offer_both_tracks(assignment: str) -> None:
    """Does every answer cell offer the no-code track and a scaffolded pandas line?"""
    for cell in _cells(assignment):
        meta = _meta(cell)
        if meta.get("solution") and not meta.get("grade"):
            assert cell.source.startswith("# No-code track: ")
            assert "# Analyst track: " in cell.source
            assert "___" in cell.source
