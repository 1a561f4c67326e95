"""Tests of ``innolead.evaluation.items``: what counts as a valid answer, and the own check."""

from __future__ import annotations

import pytest

from innolead.evaluation.items import ITEMS, check_answer, check_answers, is_blank, items_for


@pytest.mark.parametrize(
    ("item", "value", "expected"),
    [
        ("knowledge", 1, 1),
        ("knowledge", 5, 5),
        ("knowledge", 4.0, 4),
        ("knowledge", " 3 ", 3),
        ("role", "Unit manager ", "unit manager"),
        ("org_type", "region", "region"),
        ("comments", "  Good course. ", "Good course."),
    ],
)
def test_check_answer_accepts_valid_answers(item: str, value: object, expected: object) -> None:
    """Is a valid answer accepted, and given in the form the report uses?"""
    assert check_answer(ITEMS[item], value) == (expected, "")


@pytest.mark.parametrize(
    ("item", "value"),
    [
        ("knowledge", 7),
        ("knowledge", 0),
        ("knowledge", 4.5),
        ("knowledge", "a lot"),
        ("knowledge", True),
        ("knowledge", [3]),
        ("satisfaction", 6),
        ("role", "boss"),
        ("role", 3),
        ("comments", 42),
    ],
)
def test_check_answer_rejects_invalid_answers_with_a_reason(item: str, value: object) -> None:
    """Is an invalid answer (7, "a lot", an unknown role) rejected with a reason to act on?"""
    answer, reason = check_answer(ITEMS[item], value)
    assert answer is None
    assert reason.startswith("should be")


@pytest.mark.parametrize(("value", "blank"), [(..., True), (None, True), ("", True), (0, False)])
def test_is_blank_means_left_as_handed_out(value: object, blank: bool) -> None:
    """Are the three dots, None and empty text blank, and anything else an answer?"""
    assert is_blank(value) is blank


def test_items_for_post_adds_satisfaction_and_comments() -> None:
    """Does the post round ask the pre round's questions, then satisfaction and comments?"""
    pre = [item.name for item in items_for("pre")]
    post = [item.name for item in items_for("post")]
    assert post == [*pre, "satisfaction", "comments"]


def test_check_answers_reports_each_question() -> None:
    """Does the participant's own check say, per question, fine, blank or what to change?"""
    text = check_answers("pre", {"role": "other", "org_type": ..., "knowledge": 9})
    lines = dict(line.split(":", 1) for line in text.splitlines())
    assert lines["role = 'other'"] == " fine."
    assert lines["org_type"] == " not answered yet."
    assert "please change it" in lines["knowledge = 9"]
    assert "not set yet" in lines["insight"]
