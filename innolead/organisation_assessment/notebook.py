"""Write the leader's self-assessment notebook (not an nbgrader assignment).

``python -m innolead.organisation_assessment.notebook`` writes
``exercises/self-assessment/organisation_self_assessment.ipynb`` and its Swedish twin
``exercises/sv/self-assessment/...`` (words from the toolkit's catalogue); a test checks that
the files are what this module writes. The code cells are collapsed (``source_hidden``), so
that a leader who opens the notebook with ``make lab`` sees text and controls, not code.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from innolead.coursedir import DEFAULT_ROOT
from innolead.i18n import N_, translations
from innolead.language import LANGUAGES, VARIABLE

PATH = DEFAULT_ROOT / "self-assessment" / "organisation_self_assessment.ipynb"
_KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_INTRO = N_(
    "# Organisational innovation self-assessment\n"
    "\n"
    '*About fifteen minutes. Chapter 10, "Your Innovation Plan", explains how to use '
    "the result.*\n"
    "\n"
    "Where does your organisation stand on the seven capabilities this course teaches?\n"
    "Rate each from 1 (weak) to 5 (strong), on your own first, with one piece of "
    "evidence in mind for each score.\n"
    "Then compare your scores with your management group's: where you disagree, you "
    "are seeing different parts of the organisation.\n"
    "\n"
    "**How to use it.** Choose *Run > Run All Cells* (the code is hidden; you need none).\n"
    "Move each slider to your rating.\n"
    "The chart sets your ratings beside a benchmark, and the reading list names the "
    "chapters for your three weakest areas.\n"
    "Type your organisation's name and press *Save assessment* to keep the result in "
    "a file next to this notebook.\n"
    "In six months, rate again and choose the earlier file under *Compare with* to "
    "see what moved.\n"
)

_BENCHMARK = N_(
    "## About the benchmark\n"
    "\n"
    "The benchmark is **not** a measurement of your organisation or of real "
    "workplaces one by one.\n"
    "It comes from the course's barometer case: **SYNTHETIC** data on 2,400 invented "
    "public workplaces, calibrated to the published Nordic innovation barometers.\n"
    "Each capability is set against one barometer measure, the share of workplaces "
    "that do what the capability is about, and that share is put on the 1-5 scale as "
    "1 + 4 × share.\n"
    "The table below shows which measure stands for which capability.\n"
    "A measure is a proxy: treat a gap as a question for your management group, not "
    "as a verdict.\n"
)

_CODE_WIDGET = "from innolead.organisation_assessment import SelfAssessment\n\nSelfAssessment()"
_CODE_MAPPING = "from innolead.organisation_assessment import mapping\n\nmapping()"


def path_for(language: str) -> Path:
    """Where the notebook in ``language`` lives: the Swedish one beside the Swedish course."""
    if language == LANGUAGES[0]:
        return PATH
    return DEFAULT_ROOT / language / "self-assessment" / PATH.name


def _hidden(source: str, name: str) -> nbformat.NotebookNode:
    cell = new_code_cell(source)
    cell.id = name
    cell.metadata = {"jupyter": {"source_hidden": True}, "tags": ["hide-input"]}
    return cell


def _text(source: str, name: str) -> nbformat.NotebookNode:
    cell = new_markdown_cell(source)
    cell.id = name
    return cell


def build_notebook(language: str = LANGUAGES[0]) -> nbformat.NotebookNode:
    """The self-assessment notebook in ``language``: introduction, the widget, the benchmark
    and its mapping. A notebook in another language than English sets the course language
    before the toolkit draws anything, wherever it is opened."""
    words = translations(language).gettext
    setting = f'import os\nos.environ["{VARIABLE}"] = "{language}"\n\n'
    if language == LANGUAGES[0]:
        setting = ""
    cells = [
        _text(words(_INTRO), "intro"),
        _hidden(setting + _CODE_WIDGET, "widget"),
        _text(words(_BENCHMARK), "benchmark"),
        _hidden(_CODE_MAPPING, "mapping"),
    ]
    return new_notebook(
        cells=cells, metadata={"kernelspec": _KERNEL, "language_info": {"name": "python"}}
    )


def write_notebooks() -> list[Path]:
    """Write the notebook in every course language and return the paths."""
    written = []
    for language in LANGUAGES:
        path = path_for(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(build_notebook(language), path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_notebooks():
        print(f"Wrote {path}")
