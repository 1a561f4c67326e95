"""Bad case data gets a clear message naming the file, the line and the column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from innolead.cases import CASES_DIR, CaseDataError, load

CASE = "relay"
FILE = "participants.csv"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A private copy of the relay case to corrupt."""
    shutil.copytree(CASES_DIR / CASE, tmp_path / CASE)
    return tmp_path


def _rewrite(root: Path, edit: object) -> Path:
    path = root / CASE / FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")
    return path


def _set_cell(lines: list[str], line: int, column: str, value: str) -> list[str]:
    header = lines[0].split(",")
    cells = lines[line - 1].split(",")
    cells[header.index(column)] = value
    lines[line - 1] = ",".join(cells)
    return lines


def test_load_clean_copy(copy: Path) -> None:
    """Does an untouched copy load (so the failures below are the corruption's)?"""
    assert len(load(CASE, root=copy)) == 550


def test_missing_file(copy: Path) -> None:
    """Does a missing file name the file and say how to restore it?"""
    (copy / CASE / FILE).unlink()
    with pytest.raises(CaseDataError, match=r"participants\.csv: file not found.*generate\.py"):
        load(CASE, root=copy)


def test_empty_file(copy: Path) -> None:
    """Does an empty file say so?"""
    (copy / CASE / FILE).write_text("", encoding="utf-8")
    with pytest.raises(CaseDataError, match="file is empty"):
        load(CASE, root=copy)


def test_header_only(copy: Path) -> None:
    """Does a file with a header but no rows say so?"""
    _rewrite(copy, lambda lines: lines[:1])
    with pytest.raises(CaseDataError, match="no data rows"):
        load(CASE, root=copy)


def test_missing_column(copy: Path) -> None:
    """Does a missing column name the column and list the expected header?"""

    def drop_last(lines: list[str]) -> list[str]:
        return [",".join(line.split(",")[:-1]) for line in lines]

    _rewrite(copy, drop_last)
    with pytest.raises(CaseDataError, match=r"missing column\(s\)"):
        load(CASE, root=copy)


def test_extra_column(copy: Path) -> None:
    """Does an unexpected column name it?"""
    _rewrite(copy, lambda lines: [lines[0] + ",comment"] + [ln + ",x" for ln in lines[1:]])
    with pytest.raises(CaseDataError, match=r"unexpected column\(s\) \['comment'\]"):
        load(CASE, root=copy)


def test_wrong_type(copy: Path) -> None:
    """Does text in a number column name the file, line, column and value?"""
    _rewrite(copy, lambda lines: _set_cell(lines, 7, "knowledge_pre", "three"))
    expected = r"participants\.csv, column 'knowledge_pre'.*line 7: 'three'"
    with pytest.raises(CaseDataError, match=expected):
        load(CASE, root=copy)


def test_value_outside_allowed_set(copy: Path) -> None:
    """Does a category outside its allowed values name the line and the allowed values?"""
    _rewrite(copy, lambda lines: _set_cell(lines, 12, "org_type", "parish"))
    with pytest.raises(CaseDataError, match=r"column 'org_type'.*one of.*line 12: 'parish'"):
        load(CASE, root=copy)


def test_value_outside_range(copy: Path) -> None:
    """Does a number outside its documented range name the line and the bound?"""
    _rewrite(copy, lambda lines: _set_cell(lines, 20, "knowledge_post", "9"))
    with pytest.raises(CaseDataError, match=r"line 20, column 'knowledge_post'.*maximum"):
        load(CASE, root=copy)


def test_duplicate_key(copy: Path) -> None:
    """Does a repeated key name the duplicate rows?"""
    _rewrite(copy, lambda lines: [*lines, lines[5]])
    with pytest.raises(CaseDataError, match="duplicate key"):
        load(CASE, root=copy)


def test_missing_required_value(copy: Path) -> None:
    """Does an empty cell in a column that may not be empty name the line?"""
    _rewrite(copy, lambda lines: _set_cell(lines, 30, "role", ""))
    with pytest.raises(CaseDataError, match=r"line 30, column 'role'.*missing"):
        load(CASE, root=copy)


def test_unknown_case() -> None:
    """Does an unknown case name list the cases there are?"""
    with pytest.raises(KeyError, match="The cases are: barometer"):
        load("barometr")


def test_unknown_table() -> None:
    """Does an unknown table name list the tables of the case?"""
    with pytest.raises(KeyError, match="choose one of"):
        load("relay", table="people")
