"""Write the pre and post self-assessment notebooks from ``ITEMS``, so both ask the same.

Run ``python -m innolead.evaluation.notebooks`` after changing a question; a test checks that
the notebooks in ``exercises/source/`` are exactly what this module writes. Every cell but the
answer cells is locked (nbgrader ``locked``), so a participant can only change their answers.
Answer cells carry ``{"innolead": {"answer": <item>}}`` in their metadata and the tag
``answer``; they are not nbgrader solution cells, because nbgrader would replace a solution
cell's whole text with its stub, and the participant is meant to see ``knowledge = ...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from innolead.coursedir import DEFAULT_ROOT
from innolead.evaluation.answers import MARKER
from innolead.evaluation.items import ASSIGNMENTS, NOTEBOOK, PHASES, Item, items_for

_KERNEL = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}

_INTRO = {
    "pre": (
        "# Before the course: your self-assessment\n\n"
        "*Not graded. About five minutes.*\n\n"
        "Before we start, please rate yourself on three things this course sets out to change: "
        "your knowledge of what innovation work involves, your insight into how you can "
        "contribute in your own organisation, and your confidence with the course's methods.\n"
        "At the end of the course you answer the same questions again, and the course counts "
        "how many moved up, as SKL's *Innovationsledning* did (\"8 of 10 increased their "
        'knowledge").\n'
    ),
    "post": (
        "# After the course: your self-assessment\n\n"
        "*Not graded. About five minutes.*\n\n"
        "These are the questions you answered at the start, plus how satisfied you are with "
        "the course and what we should change.\n"
        "Answer from where you stand today; there is no need to remember what you answered "
        "before.\n"
    ),
}

_HOW = (
    "\n**How to answer.** Below each question is a grey answer cell.\n"
    "Put your answer in place of the three dots `...` and leave the rest of the line as it "
    "is: a number, such as `knowledge = 4`, or a choice in quotes, such as "
    '`role = "unit manager"`.\n'
    "You need no programming.\n"
    "At the end, run the check, save the notebook and submit it as you submit the "
    "assignments.\n\n"
    "**Your privacy.** Your answers are reported only as totals, never for a group of fewer "
    "than 5 people.\n"
    "The instructor sees your own answers only to match your two notebooks and to ask about "
    "an answer that cannot be read.\n"
)

_CHECK = (
    "# Run this cell (Shift+Enter) to check your answers before you submit.\n"
    "from innolead.evaluation.items import check_answers\n\n"
    'print(check_answers("{phase}", globals()))'
)

_SUBMIT = (
    "## Check, save and submit\n\n"
    "Run the cell below: it says for each question whether the answer can be read.\n"
    "Then save the notebook (Ctrl+S, or Cmd+S on a Mac) and submit it. Thank you!\n"
)


def _locked(cell: nbformat.NotebookNode, phase: str, name: str) -> nbformat.NotebookNode:
    cell.id = f"{phase}-{name}".replace("_", "-")
    cell.metadata = {
        "deletable": False,
        "editable": False,
        "nbgrader": {
            "grade": False,
            "grade_id": f"self_assessment_{phase}_{name}",
            "locked": True,
            "schema_version": 3,
            "solution": False,
            "task": False,
        },
    }
    return cell


def _question(number: int, item: Item) -> str:
    text = f"## {number}. {item.label}\n\n{item.question}\n"
    if item.kind == "scale":
        text += "\n" + "; ".join(f"{i} = {s}" for i, s in enumerate(item.scale, 1)) + ".\n"
    elif item.kind == "choice":
        text += "\nChoose one: " + ", ".join(f'"{option}"' for option in item.options) + ".\n"
    return text


def _answer_source(item: Item) -> str:
    if item.kind == "scale":
        return (
            f"# Your answer: a number from 1 to {len(item.scale)} in place of the three dots.\n"
            f"{item.name} = ...  # {item.scale_text()}"
        )
    if item.kind == "choice":
        options = ", ".join(f'"{option}"' for option in item.options)
        return (
            "# Your answer: one of these, in quotes, in place of the three dots:\n"
            f"# {options}\n{item.name} = ..."
        )
    return (
        "# Your answer: write between the triple quotes, as many lines as you like.\n"
        f'{item.name} = """\n\n"""'
    )


def _answer(item: Item, phase: str) -> nbformat.NotebookNode:
    cell = new_code_cell(_answer_source(item))
    cell.id = f"{phase}-{item.name}-answer".replace("_", "-")
    cell.metadata = {"deletable": False, MARKER: {"answer": item.name}, "tags": ["answer"]}
    return cell


def build_notebook(phase: str) -> nbformat.NotebookNode:
    """The source notebook of one round (``"pre"`` or ``"post"``)."""
    cells = [_locked(new_markdown_cell(_INTRO[phase] + _HOW), phase, "intro")]
    for number, item in enumerate(items_for(phase), start=1):
        cells.append(_locked(new_markdown_cell(_question(number, item)), phase, item.name))
        cells.append(_answer(item, phase))
    cells.append(_locked(new_markdown_cell(_SUBMIT), phase, "submit"))
    cells.append(_locked(new_code_cell(_CHECK.format(phase=phase)), phase, "check"))
    return new_notebook(
        cells=cells, metadata={"kernelspec": _KERNEL, "language_info": {"name": "python"}}
    )


def notebook_path(phase: str, root: Path = DEFAULT_ROOT) -> Path:
    """Where a round's source notebook lives in the course folder."""
    return root / "source" / ASSIGNMENTS[phase] / f"{NOTEBOOK}.ipynb"


def write_notebooks(root: Path = DEFAULT_ROOT) -> list[Path]:
    """Write both rounds' source notebooks into ``root/source/`` and return their paths."""
    paths = []
    for phase in PHASES:
        path = notebook_path(phase, root)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(build_notebook(phase), path)
        paths.append(path)
    return paths


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROOT
    for written in write_notebooks(root):
        print(f"Wrote {written}")
