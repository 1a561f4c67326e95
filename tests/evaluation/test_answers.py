"""Tests of ``innolead.evaluation.answers``: answers are read as data, never run."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from innolead.evaluation.answers import read_response
from innolead.evaluation.notebooks import build_notebook
from tests.evaluation.cohorts import DELETED, write_response

NB = "self_assessment_pre/selfassessment.ipynb"
#: The 1-based cell numbers of the pre notebook's answer cells.
CELL = {"role": 3, "org_type": 5, "knowledge": 7, "insight": 9, "confidence": 11}


def _read(tmp_path: Path, phase: str = "pre", **typed: str) -> object:
    path = write_response(tmp_path, "anna", phase, typed)
    return read_response(path, "anna", phase, NB)


def test_read_response_reads_plain_answers(tmp_path: Path) -> None:
    """Are answers typed in place of the three dots read, and the rest reported blank?"""
    response = _read(tmp_path, role='"department head"', knowledge="4", insight="2")
    assert response.answers == {"role": "department head", "knowledge": 4, "insight": 2}
    assert response.blank == ("org_type", "confidence")
    assert response.problems == ()


def test_read_response_never_runs_code(tmp_path: Path) -> None:
    """Is code in an answer cell reported as not a plain answer, and never executed?"""
    marker = tmp_path / "ran.txt"
    response = _read(tmp_path, knowledge=f"open({str(marker)!r}, 'w').write('x')")
    assert not marker.exists()
    (problem,) = response.problems
    assert (problem.item, problem.cell) == ("knowledge", CELL["knowledge"])
    assert "not a plain answer" in problem.reason


@pytest.mark.parametrize(
    ("item", "typed", "written", "reason"),
    [
        ("knowledge", "7", "7", "should be a whole number from 1 to 5"),
        ("insight", '"a lot"', '"a lot"', "should be a whole number from 1 to 5"),
        ("role", '"boss"', '"boss"', 'should be one of "top official"'),
        ("confidence", "2 + 1", "2 + 1", "is not a plain answer"),
        ("confidence", "3 3", "confidence = 3 3", "is not valid Python"),
        ("insight", DELETED, "# I am not sure.", "no longer sets insight"),
    ],
)
def test_read_response_reports_invalid_answer_with_its_cell(
    tmp_path: Path, item: str, typed: str, written: str, reason: str
) -> None:
    """Is an invalid answer reported with participant, notebook, cell and what was written?"""
    (problem,) = _read(tmp_path, **{item: typed}).problems
    assert (problem.participant, problem.notebook, problem.cell) == ("anna", NB, CELL[item])
    assert (problem.item, problem.value) == (item, written)
    assert reason in problem.reason


def test_read_response_takes_the_last_assignment(tmp_path: Path) -> None:
    """If a participant sets an answer again in a new cell, does the later one count?"""
    nb = build_notebook("pre")
    nb.cells.append(nbformat.v4.new_code_cell("knowledge = 5"))
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    assert read_response(path, "anna", "pre", NB).answers == {"knowledge": 5}


def test_read_response_flags_an_answer_set_in_a_statement(tmp_path: Path) -> None:
    """Is an answer set inside other code (``if ...: knowledge = 4``) reported, not guessed?"""
    (problem,) = _read(tmp_path, knowledge="4\nif True:\n    knowledge = 5").problems
    assert "on a line of its own" in problem.reason


def test_read_response_reports_an_unreadable_notebook(tmp_path: Path) -> None:
    """Does a file that is not a notebook become a problem for the whole notebook?"""
    path = tmp_path / "broken.ipynb"
    path.write_text("{ not json", encoding="utf-8")
    response = read_response(path, "anna", "pre", NB)
    (problem,) = response.problems
    assert response.answers == {}
    assert problem.cell is None
    assert "not a readable notebook" in problem.reason


@pytest.mark.parametrize("typed", ["3\x00", "(" * 300 + "3" + ")" * 300])
def test_read_response_survives_a_hostile_cell(tmp_path: Path, typed: str) -> None:
    """Is a cell with a null byte or absurd nesting reported, not a crash of the report?"""
    (problem,) = _read(tmp_path, knowledge=typed).problems
    assert (problem.item, problem.cell) == ("knowledge", CELL["knowledge"])
