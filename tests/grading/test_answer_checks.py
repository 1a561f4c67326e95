"""Hidden tests are not fooled by answers that only pretend to be right.

Each hidden test of the four assignments runs here, in this process (no kernel), after the
code of a hostile notebook: fake answers that claim to equal anything, with ``type`` or
``float`` rebound so that a plain ``type(answer) is float`` check would take them for real.
"""

from __future__ import annotations

import pytest

from innolead.grading import content, samples
from tests.grading import hostile
from tests.grading.conftest import source_notebooks

#: A plain check of each kind, as the hidden tests made it before they took the real types.
PLAIN_CHECK = {
    "float": "assert type({a}) is float and abs({a} - _expected) < 0.006",
    "int": "assert type({a}) is int and {a} == _expected",
    "str": "assert type({a}) is str and {a}.strip().lower() == str(_expected).lower()",
}


def _hidden_tests() -> list[tuple[str, str, str, str]]:
    """(assignment, answer name, kind, hidden region) of every autograded question."""
    found = []
    for assignment, nb in source_notebooks():
        kinds = samples.parts(nb).kinds
        for cell in nb.cells:
            for region in content.regions(cell.source, content.HIDDEN):
                answer = next(a for a in kinds if f"_type({a})" in region)
                found.append((assignment, answer, kinds[answer], region))
    return found


HIDDEN = _hidden_tests()
REBINDINGS = {"rebinds_type": hostile.REBIND_TYPE, "rebinds_float": hostile.REBIND_FLOAT}


def _namespace(rebinding: str, answer: str, kind: str) -> dict:
    namespace: dict = {}
    exec(f"{hostile.FAKES}{rebinding}{answer} = FAKE[{kind!r}]", namespace)  # noqa: S102
    return namespace


@pytest.mark.parametrize("rebinding", REBINDINGS)
@pytest.mark.parametrize(("assignment", "answer", "kind", "region"), HIDDEN)
def test_fake_answer_fools_a_plain_check(
    rebinding: str, assignment: str, answer: str, kind: str, region: str
) -> None:
    """Would a plain type() check, after the notebook's rebinding, take the fake for real?"""
    namespace = _namespace(REBINDINGS[rebinding], answer, kind)
    setup = region.split("\nassert ")[0]
    exec(setup, namespace)  # noqa: S102 (the hidden test's own lines, up to its check)
    exec(PLAIN_CHECK[kind].format(a=answer), namespace)  # noqa: S102 (passes: fooled)


@pytest.mark.parametrize("rebinding", REBINDINGS)
@pytest.mark.parametrize(("assignment", "answer", "kind", "region"), HIDDEN)
def test_hidden_test_rejects_a_fake_answer(
    rebinding: str, assignment: str, answer: str, kind: str, region: str
) -> None:
    """Does the hidden test, with the real types, fail the fake answer?"""
    namespace = _namespace(REBINDINGS[rebinding], answer, kind)
    with pytest.raises(AssertionError, match="is not right"):
        exec(region, namespace)  # noqa: S102
