"""Grades decided in the grader's process, from answers the kernel only reports as plain data.

A test cell that passes "when it raises no error in the participant's kernel" trusts that
kernel, and an answer cell can change how every later cell runs: input and AST transformers,
event callbacks, exception handlers, tracing, a patched kernel. So while a notebook is graded
the kernel is asked for one thing only: to *report* the value of each answer a hidden test
reads, as plain data with its real type. The hidden test itself runs here, in nbgrader's
process, which the notebook cannot reach, on values rebuilt from that data. A kernel that lies
can only report an answer, and only a right answer scores. The expected answers, and the
hidden tests, never enter the kernel.

Two nbgrader preprocessors do it (see ``exercises/nbgrader_config.py``):

- ``AskForAnswers`` runs before the notebook is executed. Each test cell is sent to the kernel
  as a report of its answers followed by its visible checks (the same friendly form checks a
  participant sees while working); its hidden tests are left out.
- ``DecideGrades`` runs after execution. It reads the one report in each test cell's outputs,
  runs the cell's hidden tests from the gradebook (the instructor's version, never the
  submission) on the reported values, and rewrites the cell's outputs so that nbgrader's
  ``SaveAutoGrades`` gives the points exactly when they pass: whatever the kernel printed or
  raised in a test cell becomes plain text that counts for nothing. The cell's source is put
  back as the instructor wrote it.
"""

from __future__ import annotations

import ast
import builtins
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

from innolead.answers import as_data_value
from innolead.grading import markers
from innolead.i18n import N_, Messages

#: The grader's words to a participant, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

#: The MIME type of the report a test cell sends; nothing else in a notebook uses it.
MIME = "application/vnd.innolead.answers+json"
#: Most characters of one reported value (a longer text cannot be a right answer anyway).
MAX_VALUE_CHARS = 10_000
#: Most characters of what the kernel printed in a test cell that the graded notebook keeps.
MAX_KERNEL_TEXT = 2_000
#: The first line of what a test cell shows when the grader found the answer right.
RIGHT = N_("Checked by the grader, outside your notebook: right.")
#: The first words of what the kernel printed in a test cell, kept as plain text.
KERNEL_SAID = N_("Your notebook's own check printed (it does not count for the score):")

#: What a participant reads when the instructor's hidden test itself is broken.
UNRUNNABLE = N_("the grader could not run this check ({problem}); tell your instructor")

#: How each plain type travels: the kernel writes ``str``/``repr`` text, the grader parses it.
PARSE: dict[str, Callable[[str], Any]] = {
    "builtins.float": float,
    "builtins.int": int,
    "builtins.str": str,
    "builtins.bool": {"True": True, "False": False}.__getitem__,
    "builtins.NoneType": lambda text: None,
}

REPORT = """\
# While your notebook is graded, this line reports your answers to the grader, which checks
# them outside your notebook.
def _innolead_report(names):
    import builtins
    from IPython import get_ipython
    from IPython.display import display
    plain = {{builtins.float: builtins.repr, builtins.int: builtins.str,
             builtins.bool: builtins.str, builtins.str: builtins.str,
             builtins.type(None): builtins.str}}
    namespace, found = get_ipython().user_ns, {{}}
    for name in names:
        if name in namespace:
            value = namespace[name]
            kind = builtins.type(value)
            found[name] = {{"type": kind.__module__ + "." + kind.__qualname__}}
            if kind in plain:
                try:
                    found[name]["value"] = plain[kind](value)[:{limit}]
                except ValueError:  # an integer too long to write out
                    pass
    display({{{mime!r}: found}}, raw=True)
_innolead_report({names!r})
del _innolead_report
"""


class ReportError(ValueError):
    """The kernel's report of its answers is missing, repeated or not plain data."""


class GraderError(RuntimeError):
    """A hidden test cannot run in the grader: a fault in the instructor's notebook."""


class Unplain:
    """An answer that is not a plain value; only its type's name came from the kernel.

    Every comparison with it fails and it has no methods, so no check can take it for right.
    """

    __slots__ = ("type_name",)

    def __init__(self, type_name: str) -> None:
        self.type_name = type_name

    def __repr__(self) -> str:
        return f"<a value of type {self.type_name}>"


@dataclass(frozen=True)
class HiddenTest:
    """One test cell as the grader runs it."""

    grade_id: str
    source: str  # the whole cell, as the instructor wrote it
    visible: str  # what the kernel runs after the report: the cell without its hidden tests
    code: str  # what the grader runs: the hidden tests (the whole cell when it has none)
    answers: tuple[str, ...]  # the names ``code`` reads from the notebook

    @classmethod
    def from_source(
        cls, grade_id: str, source: str, hidden: tuple[str, str] = markers.HIDDEN
    ) -> HiddenTest:
        """Raises ``GraderError`` when the cell's markers or code are broken."""
        try:
            cut = markers.split(source, hidden, f"test cell {grade_id}")
        except markers.MarkerError as err:
            raise GraderError(str(err)) from err
        code = "\n".join(cut.regions) if cut.regions else source
        visible = cut.outside if cut.regions else ""
        try:
            answers = free_names(code)
        except SyntaxError as err:
            msg = f"the hidden test of {grade_id} is not valid Python: {err}"
            raise GraderError(msg) from err
        return cls(grade_id, source, visible, code, answers)

    def kernel_source(self) -> str:
        """What the kernel runs for this cell while it is graded."""
        report = REPORT.format(names=list(self.answers), mime=MIME, limit=MAX_VALUE_CHARS)
        return report + ("\n" + self.visible if self.visible.strip() else "")


_NAMED = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.ExceptHandler


def free_names(code: str) -> tuple[str, ...]:
    """The names ``code`` reads but never binds and Python does not provide: its answers.

    >>> free_names("import math\\n_e = math.pi\\nassert abs(answer_a - _e) < len('ab')")
    ('answer_a',)
    """
    bound, read = set(dir(builtins)), []
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Load):
                read.append(node.id)
            else:
                bound.add(node.id)
        elif isinstance(node, ast.alias):
            bound.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
        elif isinstance(node, _NAMED) and node.name:  # def, class, except ... as name
            bound.add(node.name)
    return tuple(dict.fromkeys(name for name in read if name not in bound))


def rebuild(record: object) -> Any:
    """An answer from the kernel's report: a plain value of its real type, or ``Unplain``."""
    if not isinstance(record, dict) or not isinstance(record.get("type"), str):
        msg = "an answer in the report is not a type and a value"
        raise ReportError(msg)
    kind, text = record["type"][:200], record.get("value")
    if kind not in PARSE or not isinstance(text, str):
        return Unplain(kind)
    try:
        return PARSE[kind](text)
    except (ValueError, KeyError) as err:
        msg = f"the report gives a {kind} that is not one: {text[:40]!r}"
        raise ReportError(msg) from err


def read_report(outputs: list, names: tuple[str, ...]) -> dict[str, Any]:
    """The answers a test cell's one report gives (``ReportError`` when it is not one)."""
    reports = [
        output.get("data", {})[MIME]
        for output in outputs
        if output.get("output_type") in ("display_data", "execute_result")
        and MIME in output.get("data", {})
    ]
    if not reports:
        msg = _(
            "the notebook did not report its answers to the grader "
            "(it stopped, or changed how its cells run, before this check)"
        )
        raise ReportError(msg)
    if len(reports) > 1:
        msg = _("the notebook reported its answers more than once, so none was taken")
        raise ReportError(msg)
    payload = reports[0]
    if isinstance(payload, str):
        try:
            payload = json.loads(payload)
        except ValueError as err:
            msg = _("the report of the answers is not JSON")
            raise ReportError(msg) from err
    if not isinstance(payload, dict):
        msg = _("the report of the answers is not a set of named values")
        raise ReportError(msg)
    return {name: rebuild(payload[name]) for name in names if name in payload}


@functools.cache
def _setup(code: str, grade_id: str) -> dict[str, Any]:
    """What a hidden test works out before it reads an answer, once per grading process."""
    namespace: dict[str, Any] = {"__name__": "__hidden_test__"}
    try:
        exec(compile(code, f"<hidden test {grade_id}>", "exec"), namespace)  # instructor's code
    except Exception as err:
        msg = f"the hidden test of {grade_id} failed before it read an answer: {err!r}"
        raise GraderError(msg) from err
    return namespace


def decide(test: HiddenTest, values: dict[str, Any]) -> str | None:
    """``None`` when the hidden tests pass with these answers, else why not (for feedback).

    The statements before the first one that reads an answer (working out the expected value
    with the toolkit) run once per process; the rest run on a copy of what they bound.
    """
    missing = [name for name in test.answers if name not in values]
    if missing:
        return _(
            "{name} has no value: run its answer cell, and keep the name {name} "
            "as it is written there"
        ).format(name=missing[0])
    # A text answer as an explorer showed it in any course language is its data value.
    values = {name: as_data_value(value) for name, value in values.items()}
    tree = ast.parse(test.code)
    first = next(
        (i for i, s in enumerate(tree.body) if set(free_names_in(s)) & set(test.answers)),
        len(tree.body),
    )
    setup = ast.unparse(ast.Module(body=tree.body[:first], type_ignores=[]))
    namespace = dict(_setup(setup, test.grade_id)) if setup else {"__name__": "__hidden_test__"}
    namespace.update(values)
    checks = compile(
        ast.Module(body=tree.body[first:], type_ignores=[]),
        f"<hidden test {test.grade_id}>",
        "exec",
    )
    try:
        exec(checks, namespace)  # the instructor's checks, on plain values
    except AssertionError as err:  # the hidden test's own message, translated when it can be
        if str(err):
            return _(str(err))
        return _("the answer checked in {cell} is not right").format(cell=test.grade_id)
    except Exception as err:  # a wrong kind of value: the check could not even compare it
        return _("{names} is not the kind of answer the question asks for ({error})").format(
            names=", ".join(test.answers), error=type(err).__name__
        )
    return None


def free_names_in(statement: ast.stmt) -> tuple[str, ...]:
    """The names one statement reads (bound elsewhere or not)."""
    return tuple(
        node.id
        for node in ast.walk(statement)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    )


def is_test_cell(cell: NotebookNode) -> bool:
    """A cell nbgrader gives points for by running it: graded, code, not an answer."""
    meta = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(meta.get("grade")) and not meta.get("solution")


def trusted_tests(
    resources: dict, hidden: tuple[str, str] = markers.HIDDEN
) -> dict[str, HiddenTest | GraderError]:
    """Every test cell of this notebook, from the gradebook's copy of the instructor's version."""
    info = resources["nbgrader"]
    with Gradebook(info["db_url"]) as gb:
        try:
            notebook = gb.find_notebook(info["notebook"], info["assignment"])
        except MissingEntry:
            return {}
        answers = {cell.name for cell in notebook.solution_cells}
        graded = {cell.name for cell in notebook.grade_cells if cell.cell_type == "code"}
        sources = {cell.name: cell.source for cell in notebook.source_cells}
    found: dict[str, HiddenTest | GraderError] = {}
    for name in sorted(graded - answers):
        try:
            found[name] = HiddenTest.from_source(name, sources.get(name, ""), hidden)
        except GraderError as err:
            found[name] = err
    return found


def kernel_text(outputs: list) -> str:
    """What the kernel printed or raised in a test cell, as plain text (kept for the reader)."""
    parts = []
    for output in outputs:
        kind = output.get("output_type")
        if kind == "stream":
            parts.append(str(output.get("text", "")))
        elif kind == "error":
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}\n")
    text = "".join(parts).strip()
    if len(text) > MAX_KERNEL_TEXT:
        text = text[:MAX_KERNEL_TEXT] + " ..."
    return text


def verdict_outputs(printed: str, problem: str | None) -> list[NotebookNode]:
    """A test cell's outputs: the kernel's text, then the grader's verdict.

    nbgrader gives a test cell no points when one of its outputs is an error or on stderr, and
    all of them otherwise; only the verdict can be either.
    """
    outputs = []
    if printed:
        outputs.append(
            NotebookNode(output_type="stream", name="stdout", text=f"{_(KERNEL_SAID)}\n{printed}\n")
        )
    if problem is None:
        outputs.append(NotebookNode(output_type="stream", name="stdout", text=_(RIGHT) + "\n"))
    else:
        outputs.append(
            NotebookNode(
                output_type="error",
                ename="AssertionError",
                evalue=problem,
                traceback=[f"AssertionError: {problem}"],
            )
        )
    return outputs


class AskForAnswers(NbGraderPreprocessor):
    """Send each test cell to the kernel as a report of its answers and its visible checks."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        tests = trusted_tests(resources, markers.Delimiters.from_config(self.config).hidden)
        for cell in nb.cells:
            if not is_test_cell(cell):
                continue
            test = tests.get(cell.metadata["nbgrader"].get("grade_id", ""))
            if isinstance(test, HiddenTest):
                cell.source = test.kernel_source()
            else:  # not in the gradebook, or broken: nothing of it runs; DecideGrades says why
                cell.source = "# This check is decided by the grader."
        return nb, resources


class DecideGrades(NbGraderPreprocessor):
    """Decide each test cell from the kernel's report and the gradebook's hidden tests."""

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        tests = trusted_tests(resources, markers.Delimiters.from_config(self.config).hidden)
        for cell in nb.cells:
            if not is_test_cell(cell):
                continue
            grade_id = cell.metadata["nbgrader"].get("grade_id", "")
            test = tests.get(grade_id)
            printed = kernel_text(cell.get("outputs", []))
            problem = self._problem(grade_id, test, cell.get("outputs", []))
            if isinstance(test, HiddenTest):
                cell.source = test.source
            cell.outputs = verdict_outputs(printed, problem)
        return nb, resources

    def _problem(self, grade_id: str, test: object, outputs: list) -> str | None:
        if test is None:
            return _("this check is not part of the assignment, so it was not graded")
        if isinstance(test, GraderError):
            self.log.error("Test cell %s cannot be graded: %s", grade_id, test)
            return _(UNRUNNABLE).format(problem=test)
        assert isinstance(test, HiddenTest)
        try:
            return decide(test, read_report(outputs, test.answers))
        except ReportError as err:
            return str(err)
        except GraderError as err:
            self.log.error("Test cell %s cannot be graded: %s", grade_id, err)
            return _(UNRUNNABLE).format(problem=err)
