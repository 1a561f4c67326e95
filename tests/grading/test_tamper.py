"""The summary names answer cells that do more than give an answer, and never honest ones."""

from __future__ import annotations

import pytest

from innolead.grading import samples
from innolead.grading.tamper import findings
from tests.grading.conftest import source_notebooks


def _solutions() -> list[tuple[str, str]]:
    found = []
    for _, nb in source_notebooks():
        p = samples.parts(nb)
        found += [(grade_id, p.solutions[grade_id]) for grade_id in p.answers]
    return found


SOLUTIONS = _solutions()


@pytest.mark.parametrize(("grade_id", "solution"), SOLUTIONS, ids=[g for g, _ in SOLUTIONS])
def test_the_instructors_answers_raise_no_note(grade_id: str, solution: str) -> None:
    """Does the model answer of every question (both tracks) pass without a note?"""
    assert findings(solution) == []


@pytest.mark.parametrize(
    ("code", "note"),
    [
        ("type = lambda x: float\nanswer_a = 0.5", "rebinds built-in name(s) type"),
        ("import builtins\nbuiltins.float = str", "rebinds built-in name(s) float"),
        ("class Fake(float): pass", "defines a class"),
        ("from innolead.analysis import prepost\nprepost.share_increased = max", "changes prepost"),
        ("import sys\nsys.modules.clear()", "imports sys"),
        ("get_ipython().input_transformers_post.append(str)", "uses get_ipython"),
        ("setattr(object, 'x', 1)", "uses setattr"),
        ("answer_a = (0.5).__class__", "uses __class__"),
    ],
)
def test_code_beyond_an_answer_is_named(code: str, note: str) -> None:
    """Is each way of reaching beyond a plain answer named in the note?"""
    assert any(note in finding for finding in findings(code)), findings(code)


def test_code_that_does_not_parse_raises_no_note() -> None:
    """Is a syntax error left to its test (which fails and says it raised)?"""
    assert findings("answer_a = (") == []
