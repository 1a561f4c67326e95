"""Write the leader's self-assessment notebook (not an nbgrader assignment).

``python -m innolead.organisation_assessment.notebook`` writes
``exercises/self-assessment/organisation_self_assessment.ipynb``; a test checks that the file
is what this module writes. The code cells are collapsed (``source_hidden``) so that a leader
who opens the notebook with ``make lab`` sees text and controls, not code.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from innolead.coursedir import DEFAULT_ROOT

PATH = DEFAULT_ROOT / "self-assessment" / "organisation_self_assessment.ipynb"
_KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_INTRO = "\n".join(
    (
        "# Organisational innovation self-assessment",
        "",
        '*About fifteen minutes. Chapter 10, "Your Innovation Plan", explains how to use '
        "the result.*",
        "",
        "Where does your organisation stand on the seven capabilities this course teaches?",
        "Rate each from 1 (weak) to 5 (strong), on your own first, with one piece of "
        "evidence in mind for each score.",
        "Then compare your scores with your management group's: where you disagree, you "
        "are seeing different parts of the organisation.",
        "",
        "**How to use it.** Choose *Run > Run All Cells* (the code is hidden; you need none).",
        "Move each slider to your rating.",
        "The chart sets your ratings beside a benchmark, and the reading list names the "
        "chapters for your three weakest areas.",
        "Type your organisation's name and press *Save assessment* to keep the result in "
        "a file next to this notebook.",
        "In six months, rate again and choose the earlier file under *Compare with* to "
        "see what moved.",
        "",
    )
)

_BENCHMARK = "\n".join(
    (
        "## About the benchmark",
        "",
        "The benchmark is **not** a measurement of your organisation or of real "
        "workplaces one by one.",
        "It comes from the course's barometer case: **SYNTHETIC** data on 2,400 invented "
        "public workplaces, calibrated to the published Nordic innovation barometers.",
        "Each capability is set against one barometer measure, the share of workplaces "
        "that do what the capability is about, and that share is put on the 1-5 scale as "
        "1 + 4 × share.",
        "The table below shows which measure stands for which capability.",
        "A measure is a proxy: treat a gap as a question for your management group, not "
        "as a verdict.",
        "",
    )
)

_CODE_WIDGET = "from innolead.organisation_assessment import SelfAssessment\n\nSelfAssessment()"
_CODE_MAPPING = "from innolead.organisation_assessment import mapping\n\nmapping()"


def _hidden(source: str, name: str) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    cell.id = name
    cell.metadata = {"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
    return cell


def _text(source: str, name: str) -> nbformat.NotebookNode:
    cell = new_markdown_cell(source)
    cell.id = name
    return cell


def build_notebook() -> nbformat.NotebookNode:
    """The self-assessment notebook: introduction, the widget, the benchmark and its mapping."""
    cells = [
        _text(_INTRO, "intro"),
        _hidden(_CODE_WIDGET, "widget"),
        _text(_BENCHMARK, "benchmark"),
        _hidden(_CODE_MAPPING, "mapping"),
    ]
    return new_notebook(
        cells=cells, metadata={"kernelspec": _KERNEL, "language_info": {"name": "python"}}
    )


def write_notebook(path: Path = PATH) -> Path:
    """Write the notebook to ``path`` and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(build_notebook(), path)
    return path


if __name__ == "__main__":
    print(f"Wrote {write_notebook(Path(sys.argv[1]) if len(sys.argv) > 1 else PATH)}")
