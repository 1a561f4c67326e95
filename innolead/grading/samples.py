"""Made-up submissions for rehearsing the grading workflow, testing it and timing it.

Each scenario turns the student version of an assignment into what a participant might hand
in: full marks, part done, blank, tampered with, broken, never-ending, and so on. The answers
of a full submission come from the instructor's source notebook, so they stay right when the
assignment changes. ``expected_score`` says what each scenario must score.
"""

from __future__ import annotations

import copy
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from innolead.grading import markers
from innolead.grading.course import Course, CourseError

FAKE_ANSWERS = '''
class Anything(float):
    """A value that claims to equal whatever it is compared with."""
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __sub__(self, other): return 0.0
    def __rsub__(self, other): return 0.0
    def __abs__(self): return 0.0
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __ge__(self, other): return True
    def __hash__(self): return 0
    def strip(self): return self
    def lower(self): return self
'''


@dataclass(frozen=True)
class Parts:
    """The graded pieces of one notebook, in order."""

    answers: list[str]  # grade_ids of autograded answer cells
    tests: list[tuple[str, float]]  # (grade_id, points) of test cells
    reflections: list[tuple[str, float]]  # (grade_id, points) of manually graded answers
    solutions: dict[str, str]  # grade_id -> the source's answer, delimiters removed
    kinds: dict[str, str] = field(default_factory=dict)  # answer name -> float, int or str


def _meta(cell: nbformat.NotebookNode) -> dict:
    return cell.metadata.get("nbgrader", {})


_KIND = re.compile(r"^assert type\((answer_\w+)\) is (float|int|str)\b", re.MULTILINE)


def parts(source: nbformat.NotebookNode) -> Parts:
    """The answer, test and reflection cells of a source notebook, with its solutions."""
    answers, tests, reflections, solutions, kinds = [], [], [], {}, {}
    for cell in source.cells:
        meta = _meta(cell)
        grade_id = str(meta.get("grade_id"))
        if meta.get("solution"):
            solutions[grade_id] = markers.without_markers(cell.source, markers.SOLUTION)
            if meta.get("grade"):
                reflections.append((grade_id, float(meta["points"])))
            else:
                answers.append(grade_id)
        elif meta.get("grade"):
            tests.append((grade_id, float(meta["points"])))
            kinds.update(dict(_KIND.findall(cell.source)))
    return Parts(answers, tests, reflections, solutions, kinds)


def cell_of(nb: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    """The cell of ``nb`` with nbgrader id ``grade_id``."""
    return next(c for c in nb.cells if _meta(c).get("grade_id") == grade_id)


def _answered(release: nbformat.NotebookNode, p: Parts, ids: list[str]) -> nbformat.NotebookNode:
    nb = copy.deepcopy(release)
    for grade_id in ids:
        cell_of(nb, grade_id).source = p.solutions[grade_id]
    return nb


def full(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
    """Every answer right, every reflection written."""
    return _answered(release, p, p.answers + [r for r, _ in p.reflections])


def partial(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
    """Only the first question answered (right), and the reflections written."""
    return _answered(release, p, p.answers[:1] + [r for r, _ in p.reflections])


def blank(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
    """Handed in as it was handed out."""
    return copy.deepcopy(release)


def tampered(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
    """Values that claim to equal anything, tests replaced by ``pass``, points raised."""
    nb = copy.deepcopy(release)
    for grade_id in p.answers:
        name = answer_name(p.solutions[grade_id])
        cell_of(nb, grade_id).source = f"{FAKE_ANSWERS}\n{name} = Anything(0.5)"
    for grade_id, _ in p.tests:
        cell = cell_of(nb, grade_id)
        cell.source = "pass"
        cell.metadata["nbgrader"]["points"] = 100
    first = cell_of(nb, p.tests[0][0])
    first.metadata["nbgrader"]["grade"] = False
    return nb


def prefixed(code: str) -> Build:
    """A build: all answers right, but the first answer cell starts with ``code``."""

    def build(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
        nb = full(release, p)
        cell = cell_of(nb, p.answers[0])
        cell.source = f"{code}\n{cell.source}"
        return nb

    return build


def deleted(release: nbformat.NotebookNode, p: Parts) -> nbformat.NotebookNode:
    """All answers right, but the last test cell, the reflections and the first cell deleted."""
    nb = full(release, p)
    gone = {p.tests[-1][0], *(r for r, _ in p.reflections)}
    nb.cells = [c for c in nb.cells[1:] if _meta(c).get("grade_id") not in gone]
    return nb


def answer_name(solution: str) -> str:
    """The variable an answer cell assigns (``answer_a``)."""
    match = re.search(r"^(answer_\w+)\s*=", solution, flags=re.MULTILINE)
    if not match:
        msg = f"No `answer_... =` line in the solution:\n{solution}"
        raise ValueError(msg)
    return match.group(1)


Build = Callable[[nbformat.NotebookNode, Parts], nbformat.NotebookNode]


@dataclass(frozen=True)
class Scenario:
    """A kind of submission, how to make it, and how its file is written."""

    name: str
    build: Build
    score: Callable[[Parts], float]
    description: str
    file_name: str = "{notebook}.ipynb"
    broken: bool = False


def _auto(p: Parts) -> float:
    return sum(points for _, points in p.tests)


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("full", full, _auto, "every answer right, the reflection written"),
        Scenario("partial", partial, lambda p: p.tests[0][1], "only the first question done"),
        Scenario("blank", blank, lambda p: 0.0, "handed in as it was handed out"),
        Scenario(
            "tampered",
            tampered,
            lambda p: 0.0,
            "fake answers that claim to equal anything, tests replaced, points raised",
        ),
        Scenario(
            "broken_json", full, lambda p: 0.0, "a damaged file, cut off half-way", broken=True
        ),
        Scenario(
            "infinite_loop",
            prefixed("while True:\n    pass"),
            lambda p: _auto(p) - p.tests[0][1],
            "all right, but the first answer starts with a loop that never ends",
        ),
        Scenario(
            "raises",
            prefixed("import innolead_no_such_module"),
            lambda p: _auto(p) - p.tests[0][1],
            "all right, but the first answer imports a module that does not exist",
        ),
        Scenario(
            "big_output",
            prefixed('print("x" * 5_000_000)'),
            _auto,
            "all right, but the first answer prints 5 MB",
        ),
        Scenario(
            "kernel_exit",
            prefixed("import os\nos._exit(1)"),
            lambda p: 0.0,
            "the first answer ends Python (os._exit): rejected with a reason",
        ),
        Scenario(
            "deleted_cells", deleted, _auto, "all right, but some tests and the reflection deleted"
        ),
        Scenario(
            "renamed",
            full,
            _auto,
            "all right, saved as 'NAME (1).ipynb'",
            file_name="{notebook} (1).ipynb",
        ),
    )
}
#: The scenarios every assignment is tested with (the others test the machinery once).
CORE = ("full", "partial", "blank", "tampered", "broken_json", "infinite_loop")


def notebook_name(course: Course, assignment: str) -> str:
    """The one notebook of an assignment that sample submissions are made of."""
    names = course.notebooks(assignment)
    if len(names) != 1:
        msg = f"Sample submissions need a one-notebook assignment; {assignment} has {names}."
        raise CourseError(msg)
    return names[0]


def expected_score(course: Course, assignment: str, scenario: str) -> float:
    """The autograded score a scenario must get (reflections are still to grade by hand)."""
    name = notebook_name(course, assignment)
    source = nbformat.read(course.source_notebook(assignment, name), as_version=4)
    return float(SCENARIOS[scenario].score(parts(source)))


def render(course: Course, assignment: str, scenario: str) -> tuple[str, str]:
    """A scenario's file name and text."""
    name = notebook_name(course, assignment)
    release_path = course.release_notebook(assignment, name)
    if not release_path.is_file():
        msg = f"No student version {release_path}: run `innolead generate {assignment}` first."
        raise FileNotFoundError(msg)
    source = nbformat.read(course.source_notebook(assignment, name), as_version=4)
    release = nbformat.read(release_path, as_version=4)
    chosen = SCENARIOS[scenario]
    text = nbformat.writes(chosen.build(release, parts(source)))
    return chosen.file_name.format(notebook=name), text[: len(text) // 2] if chosen.broken else text


def write_submission(course: Course, assignment: str, scenario: str, student: str) -> Path:
    """Write one scenario's submission to ``submitted/<student>/<assignment>/``."""
    file_name, text = render(course, assignment, scenario)
    folder = course.submission(student, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return path


def student_name(scenario: str, prefix: str = "") -> str:
    """The made-up participant id of a scenario (no underscores: LMS names split on them)."""
    return f"{prefix}{scenario.replace('_', '-')}"


def write_lms_download(
    course: Course, assignment: str, scenarios: list[str], archive: Path, *, prefix: str = ""
) -> dict[str, str]:
    """A zip as an LMS (Canvas) gives it: ``<participant>_<user>_<submission>_<file>``."""
    cohort = {}
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for number, scenario in enumerate(scenarios, start=1):
            student = student_name(scenario, prefix)
            file_name, text = render(course, assignment, scenario)
            zf.writestr(f"{student}_{1000 + number}_{5000 + number}_{file_name}", text)
            cohort[student] = scenario
    return cohort


def write_cohort(
    course: Course, assignment: str, scenarios: list[str], *, prefix: str = ""
) -> dict[str, str]:
    """One submission per scenario, the student named after it; returns student -> scenario."""
    cohort = {}
    for scenario in scenarios:
        student = student_name(scenario, prefix)
        write_submission(course, assignment, scenario, student)
        cohort[student] = scenario
    return cohort
