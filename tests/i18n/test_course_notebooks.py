"""The Swedish course notebooks: complete, current, and graded by the English course's parts.

A Swedish participant must be graded by exactly what grades an English one. So the Swedish
notebooks (exercises/sv/source/) are written from the English ones and their catalogues
(locales/sv/exercises/), and these tests check that only what a participant reads differs:
hidden tests, solutions, points, cell ids and nbgrader metadata are the English ones, and a
Swedish rubric stays inside its mark-scheme markers (or the student version would show it).
"""

from __future__ import annotations

import nbformat
import pytest

from innolead.editions import notebooks
from innolead.grading import markers

NOTEBOOKS = notebooks.notebooks()
IDS = [f"{a}/{n}" for a, n in NOTEBOOKS]


def _pair(assignment: str, name: str) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    english = nbformat.read(notebooks.source_path(assignment, name), as_version=4)
    swedish_path = notebooks.source_path(assignment, name, notebooks.EDITIONS["sv"])
    return english, nbformat.read(swedish_path, as_version=4)


def _code_only(source: str) -> str:
    """A code cell with its prose blanked: what must be the same in both languages."""
    return notebooks.translate_code(source, {p.text: "·" for p in notebooks.pieces(source)})


@pytest.mark.parametrize(("assignment", "name"), NOTEBOOKS, ids=IDS)
def test_notebook_catalogue_has_no_stale_or_untranslated_entry(assignment: str, name: str):
    """Is every Markdown cell and comment of the English notebook translated, and current?"""
    status = notebooks.status(assignment, name)
    assert status.complete, status.report()


def test_swedish_notebooks_are_generated_from_the_catalogues():
    """Is exercises/sv/source/ what `python -m innolead.editions sources` writes?"""
    stale = [
        str(path.relative_to(notebooks.ROOT))
        for path, text in notebooks.expected().items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"Out of date, run `python -m innolead.editions sources`: {stale}"


@pytest.mark.parametrize(("assignment", "name"), NOTEBOOKS, ids=IDS)
def test_swedish_notebook_has_the_english_cells_and_grading_metadata(assignment: str, name: str):
    """Same cells in the same order, with the same ids, types and metadata (grade ids, points,
    locks, answer markers)?"""
    english, swedish = _pair(assignment, name)
    assert [(c.id, c.cell_type, c.metadata) for c in swedish.cells] == [
        (c.id, c.cell_type, c.metadata) for c in english.cells
    ]
    assert swedish.metadata == english.metadata


@pytest.mark.parametrize(("assignment", "name"), NOTEBOOKS, ids=IDS)
def test_swedish_hidden_tests_solutions_and_points_are_the_english_ones(assignment: str, name: str):
    """Are the hidden-test and solution regions byte for byte the English ones, with the same
    points?"""
    english, swedish = _pair(assignment, name)
    for en, sv in zip(english.cells, swedish.cells, strict=True):
        for pair in (markers.HIDDEN, markers.SOLUTION):
            assert markers.split(sv.source, pair).regions == markers.split(en.source, pair).regions
        en_meta, sv_meta = en.metadata.get("nbgrader", {}), sv.metadata.get("nbgrader", {})
        assert sv_meta.get("points") == en_meta.get("points"), en_meta.get("grade_id")


@pytest.mark.parametrize(("assignment", "name"), NOTEBOOKS, ids=IDS)
def test_swedish_code_differs_only_in_what_a_participant_reads(assignment: str, name: str):
    """Is every code cell the English code, comments and messages aside (and the one line
    that makes the toolkit speak Swedish)?"""
    english, swedish = _pair(assignment, name)
    for en, sv in zip(english.cells, swedish.cells, strict=True):
        if en.cell_type != "code":
            continue
        code = sv.source.replace(notebooks.language_line("sv"), "", 1)
        if "import os" not in en.source:  # the language line brought its import
            code = code.replace("import os\n\n", "", 1)
        assert _code_only(code) == _code_only(en.source)


@pytest.mark.parametrize(("assignment", "name"), NOTEBOOKS, ids=IDS)
def test_swedish_rubrics_stay_inside_their_mark_scheme(assignment: str, name: str):
    """Does every Swedish Markdown cell keep the English cell's mark-scheme markers, so the
    student version never shows a rubric?"""
    english, swedish = _pair(assignment, name)
    for en, sv in zip(english.cells, swedish.cells, strict=True):
        for marker in markers.MARK_SCHEME:
            assert sv.source.count(marker) == en.source.count(marker), sv.source[:60]


def test_a_translation_that_breaks_the_code_is_refused():
    """Does a translated message that would end its string early stay inside it?"""
    source = 'assert x, "x should be one"'
    swedish = notebooks.translate_code(source, {"x should be one": 'x ska vara "ett"'})
    assert swedish == 'assert x, "x ska vara \\"ett\\""'
    compile(swedish, "<cell>", "exec")


def test_strings_passed_on_to_code_are_not_prose():
    """Are only a participant's messages translatable, not arguments such as a round's name?"""
    source = 'print(check_answers("pre", globals()))\nprint("Done " + str(n) + " of them")'
    assert [p.text for p in notebooks.pieces(source)] == ["Done ", " of them"]


def test_hidden_test_messages_are_marked_for_translation():
    """Does innolead/grading/hidden_messages.py mark every message of the English hidden tests,
    so a Swedish participant reads them in Swedish (the grading catalogue)?"""
    assert notebooks.MESSAGES.read_text(encoding="utf-8") == notebooks.messages_module(), (
        "run `python -m innolead.editions sources`, then `python -m innolead.i18n extract`"
    )


@pytest.mark.parametrize("phase", ["pre", "post"])
def test_swedish_self_assessment_gives_the_english_data(tmp_path, phase: str):
    """Do the same answers in the Swedish and the English self-assessment read as the same
    data (item ids and scales), so the programme evaluation counts both cohorts alike?"""
    from innolead.evaluation.answers import read_response
    from innolead.evaluation.items import ASSIGNMENTS, NOTEBOOK

    given = {"role": '"unit manager"', "org_type": '"region"', "knowledge": "4", "insight": "2",
             "confidence": "5", "satisfaction": "4", "comments": '"Bra."'}  # fmt: skip
    read = {}
    for language, root in (("en", notebooks.ENGLISH), ("sv", notebooks.EDITIONS["sv"])):
        nb = nbformat.read(notebooks.source_path(ASSIGNMENTS[phase], NOTEBOOK, root), 4)
        for cell in nb.cells:
            item = cell.metadata.get("innolead", {}).get("answer")
            if item:
                cell.source = cell.source.replace(f"{item} = ...", f"{item} = {given[item]}")
                cell.source = cell.source.replace('"""\n\n"""', given[item])
        path = tmp_path / f"{language}.ipynb"
        nbformat.write(nb, path)
        read[language] = read_response(path, "kim", phase, path.name)
    assert read["sv"].answers == read["en"].answers
    assert len(read["en"].answers) >= 5
    assert not read["sv"].problems
