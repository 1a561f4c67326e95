"""What the instructor's source notebooks hold that participants must never see.

Used to check the student versions and the feedback for leaks, and to print the rubrics.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat

from innolead.grading import markers
from innolead.grading.course import Course

HIDDEN, MARK_SCHEME, SOLUTION = markers.HIDDEN, markers.MARK_SCHEME, markers.SOLUTION
#: Lines shorter than this are too generic to prove a leak (``)``, ``else:``).
MIN_LINE = 12


def regions(text: str, delimiters: tuple[str, str]) -> list[str]:
    """The text of every region between a pair of delimiter lines (``markers.split``)."""
    return list(markers.split(text, delimiters).regions)


def _source_cells(course: Course, assignment: str) -> list[nbformat.NotebookNode]:
    cells = []
    for name in course.notebooks(assignment):
        nb = nbformat.read(course.source_notebook(assignment, name), as_version=4)
        cells.extend(nb.cells)
    return cells


def _distinctive(text: str, markdown: bool = False) -> list[str]:
    """The lines of ``text`` long enough to prove a leak; Markdown as its rendered words."""
    lines = [line.strip() for line in text.splitlines()]
    if markdown:
        cells = (part for line in lines for part in line.split("|"))
        lines = [re.sub(r"[*_`#]", "", part).strip() for part in cells]
        return [line for line in lines if len(line) >= MIN_LINE]
    return [line for line in lines if len(line) >= MIN_LINE and not line.startswith("#")]


def secret_lines(course: Course, assignment: str) -> list[str]:
    """Lines of hidden tests, mark schemes and code solutions: none may reach a participant."""
    found = hidden_test_lines(course, assignment)
    configured = markers.Delimiters.for_course(course.root)
    for cell in _source_cells(course, assignment):
        if cell.cell_type == "code":
            for region in regions(cell.source, configured.solution):
                found += _distinctive(region)
    return list(dict.fromkeys(found))


def hidden_test_lines(course: Course, assignment: str) -> list[str]:
    """Lines of hidden tests and mark schemes (the feedback may show a participant's code)."""
    found: list[str] = []
    configured = markers.Delimiters.for_course(course.root)
    for cell in _source_cells(course, assignment):
        markdown = cell.cell_type == "markdown"
        for delimiters in (configured.hidden, configured.mark_scheme):
            for region in regions(cell.source, delimiters):
                found += _distinctive(region, markdown)
    return list(dict.fromkeys(found))


def leaks_in(text: str, lines: list[str], *, whole_lines: bool = False) -> list[str]:
    """The ``lines`` (and delimiters) that occur in ``text``.

    With ``whole_lines`` a line counts only when it is a whole line of ``text`` (a student
    version may quote part of a solution in a scaffold comment); otherwise anywhere.
    """
    delimiters = [d for pair in (HIDDEN, MARK_SCHEME, SOLUTION) for d in pair]
    found = [m for m in delimiters if m in text]
    if whole_lines:
        present = {line.strip() for line in text.splitlines()}
        return found + [line for line in lines if line in present]
    return found + [line for line in lines if line in text]


@dataclass(frozen=True)
class Rubric:
    """The mark scheme of one reflection, from the instructor's source notebook."""

    assignment: str
    heading: str
    grade_id: str
    points: float
    text: str


def rubrics(course: Course, assignment: str) -> list[Rubric]:
    """The rubric of every reflection: the mark scheme in the cell above its answer cell."""
    found, pending = [], None
    configured = markers.Delimiters.for_course(course.root)
    for cell in _source_cells(course, assignment):
        meta = cell.metadata.get("nbgrader", {})
        schemes = regions(cell.source, configured.mark_scheme)
        if schemes:
            heading = next((ln for ln in cell.source.splitlines() if ln.startswith("#")), "")
            pending = (heading.lstrip("# ").strip(), schemes[0].strip())
        elif meta.get("grade") and meta.get("solution") and pending:
            heading, text = pending
            found.append(Rubric(assignment, heading, meta["grade_id"], float(meta["points"]), text))
            pending = None
    return found


def rubrics_markdown(course: Course, assignments: list[str]) -> str:
    """Every rubric as Markdown, for the instructor guide and for printing."""
    parts = []
    for assignment in assignments:
        for rubric in rubrics(course, assignment):
            parts.append(
                f"#### {assignment}, {rubric.heading}\n\n"
                f"Graded cell `{rubric.grade_id}`, {rubric.points:g} points.\n\n{rubric.text}\n"
            )
    return "\n".join(parts)


def notebook_text(path: Path) -> str:
    """The source of every cell of a notebook, for leak checks (JSON escapes quotes)."""
    nb = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in nb.cells)


def html_text(path: Path) -> str:
    """What a reader of an HTML file sees (and can copy), for leak checks."""
    text = path.read_text(encoding="utf-8", errors="replace")
    text = re.sub(r"<(style|script)\b.*?</\1>", "", text, flags=re.DOTALL | re.IGNORECASE)
    return html.unescape(re.sub(r"<[^>]+>", "", text))
