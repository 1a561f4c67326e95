"""The grader decides each test cell from a reported answer; the kernel never sees a hidden test.

These tests take every test cell of the four assignments as the gradebook holds it and check
the two halves of ``innolead.grading.verdict`` without a kernel: what the kernel is sent (a
report and the visible checks, nothing hidden, no expected value), and how a report becomes a
score (only a right answer of the right type passes). The hostile cohort
(``tests/grading/test_sandbox.py``) grades the same way with real nbgrader and real kernels.
"""

from __future__ import annotations

import ast

import nbformat
import pytest

from innolead.grading import content, markers
from innolead.grading.verdict import (
    MIME,
    HiddenTest,
    ReportError,
    Unplain,
    _setup,
    decide,
    free_names,
    read_report,
    rebuild,
    verdict_outputs,
)
from tests.grading.conftest import source_notebooks


def _test_cells() -> list[tuple[str, str]]:
    """(grade_id, source) of every autograded test cell of the graded assignments."""
    return [
        (cell.metadata["nbgrader"]["grade_id"], cell.source)
        for _, nb in source_notebooks()
        for cell in nb.cells
        if cell.cell_type == "code"
        and cell.metadata.get("nbgrader", {}).get("grade")
        and not cell.metadata["nbgrader"].get("solution")
    ]


TEST_CELLS = _test_cells()
IDS = [grade_id for grade_id, _ in TEST_CELLS]


def _expected(test: HiddenTest) -> object:
    """The value the hidden test's own setup works out (what a right answer equals)."""
    tree = ast.parse(test.code)
    first = next(i for i, s in enumerate(tree.body) if isinstance(s, ast.Assert))
    setup = ast.unparse(ast.Module(body=tree.body[:first], type_ignores=[]))
    return _setup(setup, test.grade_id)["_expected"]


def _near_miss(value: object) -> object:
    if isinstance(value, str):
        return value + " (not this one)"
    return value + (1 if isinstance(value, int) else 0.05)


def _report(**answers: dict) -> list[nbformat.NotebookNode]:
    return [nbformat.v4.new_output("display_data", data={MIME: answers})]


def test_every_graded_assignment_has_test_cells() -> None:
    """Are there test cells (15 questions) for this file to check at all?"""
    assert len(TEST_CELLS) == 15


@pytest.mark.parametrize(("grade_id", "source"), TEST_CELLS, ids=IDS)
def test_every_test_cell_has_hidden_tests_on_one_answer(grade_id: str, source: str) -> None:
    """Does each test cell hold hidden tests that read only its answer variable?"""
    test = HiddenTest.from_source(grade_id, source)
    assert markers.split(source).regions, "a test cell without hidden tests"
    assert len(test.answers) == 1
    assert test.answers[0].startswith("answer_")


@pytest.mark.parametrize(("grade_id", "source"), TEST_CELLS, ids=IDS)
def test_kernel_is_sent_no_hidden_test_and_no_expected_value(grade_id: str, source: str) -> None:
    """Does the kernel get the report and visible checks, with no hidden line or answer?"""
    test = HiddenTest.from_source(grade_id, source)
    sent = test.kernel_source()
    hidden = [line.strip() for line in test.code.splitlines() if len(line.strip()) > 8]
    assert hidden
    assert not [line for line in hidden if line in sent]
    assert not content.leaks_in(sent, [])
    assert repr(_expected(test)) not in sent
    assert MIME in sent
    visible = [line for line in markers.split(source).outside.splitlines() if line.strip()]
    assert all(line in sent for line in visible)


@pytest.mark.parametrize(("grade_id", "source"), TEST_CELLS, ids=IDS)
def test_only_the_right_answer_of_the_right_type_passes(grade_id: str, source: str) -> None:
    """Does the grader pass the expected value and fail a near miss, a stub and a fake?"""
    test = HiddenTest.from_source(grade_id, source)
    (name,) = test.answers
    right = _expected(test)
    assert type(right) in (float, int, str)
    assert decide(test, {name: right}) is None
    assert decide(test, {name: _near_miss(right)})
    assert decide(test, {name: Unplain("builtins.ellipsis")})
    assert decide(test, {name: Unplain("builtins.float")})
    assert "has no value" in decide(test, {})


def test_a_right_number_sent_as_text_is_not_right() -> None:
    """Does "0.72" (text) fail where 0.72 (a number) is asked for: the type is checked too?"""
    grade_id, source = next((g, s) for g, s in TEST_CELLS if "_float" in s)
    test = HiddenTest.from_source(grade_id, source)
    (name,) = test.answers
    assert decide(test, {name: repr(_expected(test))})


@pytest.mark.parametrize(
    ("record", "value"),
    [
        ({"type": "builtins.float", "value": "0.25"}, 0.25),
        ({"type": "builtins.int", "value": "7"}, 7),
        ({"type": "builtins.str", "value": "Education"}, "Education"),
        ({"type": "builtins.bool", "value": "True"}, True),
        ({"type": "builtins.NoneType", "value": "None"}, None),
    ],
)
def test_plain_answers_are_rebuilt_with_their_type(record: dict, value: object) -> None:
    """Does a reported plain value come back as the same value of the same type?"""
    rebuilt = rebuild(record)
    assert rebuilt == value
    assert type(rebuilt) is type(value)


@pytest.mark.parametrize(
    "record",
    [
        {"type": "numpy.float64", "value": "0.25"},  # a float subclass is not a float
        {"type": "builtins.float"},  # claims float but sends no value
        {"type": "__main__.Anything", "value": "0.25"},
        {"type": "builtins.ellipsis"},  # the release stub
    ],
)
def test_anything_else_is_rebuilt_as_unplain(record: dict) -> None:
    """Does a value that is not plain come back as ``Unplain``, equal to nothing?"""
    rebuilt = rebuild(record)
    assert isinstance(rebuilt, Unplain)
    assert rebuilt != 0.25
    with pytest.raises(TypeError):
        _ = rebuilt < 1


@pytest.mark.parametrize(
    "record",
    [
        "0.25",
        {"value": "0.25"},
        {"type": "builtins.float", "value": "about a quarter"},
        {"type": "builtins.int", "value": "9" * 5000},  # longer than Python converts
        {"type": "builtins.bool", "value": "yes"},
    ],
)
def test_malformed_reports_are_refused(record: object) -> None:
    """Does a record that is not a type and a parseable value raise ``ReportError``?"""
    with pytest.raises(ReportError):
        rebuild(record)


def test_no_report_is_no_answer() -> None:
    """Does a test cell whose kernel reported nothing get no answer?"""
    with pytest.raises(ReportError, match="did not report"):
        read_report([nbformat.v4.new_output("stream", text="all fine")], ("answer_a",))


def test_two_reports_are_no_answer() -> None:
    """Does a cell with a second (forged) report get no answer, rather than the better one?"""
    record = {"type": "builtins.float", "value": "0.5"}
    outputs = _report(answer_a=record) + _report(answer_a=record)
    with pytest.raises(ReportError, match="more than once"):
        read_report(outputs, ("answer_a",))


def test_report_gives_only_the_names_asked_for() -> None:
    """Does a report of extra names give only the answers the hidden test reads?"""
    record = {"type": "builtins.float", "value": "0.5"}
    values = read_report(_report(answer_a=record, _expected=record), ("answer_a",))
    assert values == {"answer_a": 0.5}


def test_verdict_outputs_score_only_through_the_decision() -> None:
    """Is a right answer shown without error, and a wrong one as an error nbgrader scores 0?"""
    right = verdict_outputs("AssertionError: printed by the kernel", None)
    wrong = verdict_outputs("Checked by the grader: right.", "answer_a is not right")
    assert [o.output_type for o in right] == ["stream", "stream"]
    assert all(o.name == "stdout" for o in right)
    assert [o.output_type for o in wrong] == ["stream", "error"]
    assert wrong[-1].evalue == "answer_a is not right"


@pytest.mark.parametrize(
    ("code", "names"),
    [
        ("assert answer_a == 1", ("answer_a",)),
        ("from math import pi as _p\nassert abs(answer_b - _p) < 1", ("answer_b",)),
        ("_f = lambda x: x + 1\nassert _f(answer_c) == 2", ("answer_c",)),
        ("try:\n    x = 1\nexcept Exception as e:\n    print(e)\nassert x", ()),
    ],
)
def test_free_names_are_what_the_notebook_must_supply(code: str, names: tuple) -> None:
    """Are names bound in the hidden test, imported or built in left out of the answers?"""
    assert free_names(code) == names


def test_broken_markers_are_named() -> None:
    """Does an unclosed hidden-test region fail with the cell's id?"""
    with pytest.raises(markers.MarkerError, match="test cell q1"):
        markers.split("### BEGIN HIDDEN TESTS\nassert x\n", markers.HIDDEN, "test cell q1")
