"""One parser for nbgrader's region markers, reading the course's configured delimiters."""

from __future__ import annotations

from pathlib import Path

import pytest
from traitlets.config import Config

from innolead.grading import markers

CELL = "a = 1\n    ### BEGIN HIDDEN TESTS\n    assert a\n    ### END HIDDEN TESTS\nprint(a)"


def test_split_keeps_the_outside_and_dedents_the_region() -> None:
    """Are marker lines dropped, the outside kept in order and each region dedented?"""
    cut = markers.split(CELL)
    assert cut.outside == "a = 1\nprint(a)"
    assert cut.regions == ("assert a",)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("### BEGIN HIDDEN TESTS\nassert a", "is never closed"),
        ("assert a\n### END HIDDEN TESTS", "without"),
        ("### BEGIN HIDDEN TESTS\n### BEGIN HIDDEN TESTS\n### END HIDDEN TESTS", "again"),
    ],
)
def test_unbalanced_markers_fail_loudly(source: str, words: str) -> None:
    """Does a marker without its pair raise an error naming the cell, not pass silently?"""
    with pytest.raises(markers.MarkerError, match=f"cell q7.*{words}|{words}"):
        markers.split(source, markers.HIDDEN, "cell q7")


def test_rewrite_replaces_a_region_with_one_indented_line() -> None:
    """Does a hidden region become one placeholder line at the marker's indentation?"""
    rewritten = markers.rewrite(CELL, markers.HIDDEN, "# hidden")
    assert rewritten == "a = 1\n    # hidden\nprint(a)"
    assert markers.rewrite(CELL, markers.HIDDEN, None) == "a = 1\nprint(a)"


def test_configured_delimiters_are_used(tmp_path: Path) -> None:
    """Does a course that renames nbgrader's delimiters get its own markers everywhere?"""
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        'c.ClearHiddenTests.begin_test_delimeter = "BEGIN SECRET"\n'
        'c.ClearHiddenTests.end_test_delimeter = "END SECRET"\n'
    )
    found = markers.Delimiters.for_course(tmp_path)
    assert found.hidden == ("BEGIN SECRET", "END SECRET")
    assert found.solution == markers.SOLUTION
    source = "x\n# BEGIN SECRET\nassert x\n# END SECRET"
    assert markers.split(source, found.hidden).regions == ("assert x",)


def test_delimiters_from_a_preprocessor_config() -> None:
    """Does a traitlets Config (what a preprocessor sees) give the configured pairs?"""
    config = Config()
    config.ClearMarkScheme.begin_mark_scheme_delimeter = "BEGIN RUBRIC"
    assert markers.Delimiters.from_config(config).mark_scheme == ("BEGIN RUBRIC", "END MARK SCHEME")
    assert markers.Delimiters.from_config(Config()) == markers.Delimiters()
