"""Work out each hidden test's expected answer in the grader, where a notebook cannot reach it.

A hidden test computes its expected answer with the course toolkit, then compares the
participant's answer with it. Run in the participant's kernel, that computation uses the
kernel's copy of the toolkit, which an answer cell can change (``prepost.share_increased =
lambda *args: 0.5`` makes any share "right"). ``ComputeExpected`` runs in nbgrader's own
process before the notebook is executed: it takes each test cell's hidden region from the
gradebook (the instructor's version, never the submission), runs the statements before its
first ``assert`` there, and hands the kernel their results as literals::

    _type, _float = (0).__class__.__class__, (0.0).__class__
    _expected = 0.7163636363636363  # worked out by the grader with the course toolkit
    assert _type(answer_a) is _float and -0.006 < answer_a - _expected < 0.006, "..."

The kernel then needs no toolkit for the hidden tests, which also makes grading quicker. A
hidden region whose results are not plain values (numbers, text) is left to run in the kernel
as written, with a warning in nbgrader's log.
"""

from __future__ import annotations

import ast
import functools
from typing import Any

from nbformat import NotebookNode
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import NbGraderPreprocessor

BEGIN, END = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
#: The comment on each line this preprocessor writes.
NOTE = "# worked out by the grader with the course toolkit"
#: The values a hidden test may receive as a literal.
PLAIN = (bool, int, float, str)


class NotPlain(ValueError):
    """A hidden region's setup gives something other than plain values; it runs as written."""


def _builds_types_only(statement: ast.stmt, namespace: dict[str, Any]) -> bool:
    """Is ``statement`` an assignment of types made from literals, such as ``(0.0).__class__``?

    Such a statement cannot be fooled by the notebook (it calls nothing and imports nothing),
    so the kernel runs it as written.
    """
    if not isinstance(statement, ast.Assign):
        return False
    if any(isinstance(node, ast.Call | ast.Name) for node in ast.walk(statement.value)):
        return False
    names = [n.id for t in statement.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
    return bool(names) and all(isinstance(namespace.get(name), type) for name in names)


@functools.cache
def _run_setup(code: str, label: str) -> dict[str, Any]:
    """The names the setup statements bind, run once per grading process and hidden region."""
    namespace: dict[str, Any] = {"__name__": "__hidden_test__"}
    exec(compile(code, f"<hidden test {label}>", "exec"), namespace)  # instructor's code
    return namespace


def precompute(hidden: str, label: str = "") -> str:
    """``hidden`` (the code between the hidden-test markers) with its setup run here.

    Raises ``NotPlain`` when a name the checks use is not a plain value, and whatever the setup
    raises when it fails.
    """
    tree = ast.parse(hidden)
    first = next((i for i, s in enumerate(tree.body) if isinstance(s, ast.Assert)), None)
    if not first:  # no setup, or no check to hand values to
        return hidden
    setup, checks = tree.body[:first], tree.body[first:]
    lines = hidden.split("\n")

    def text(statements: list[ast.stmt]) -> str:
        return "\n".join("\n".join(lines[s.lineno - 1 : s.end_lineno]) for s in statements)

    namespace = _run_setup(text(setup), label)
    kept = [s for s in setup if _builds_types_only(s, namespace)]
    bound_by_kept = {n.id for s in kept for n in ast.walk(s) if isinstance(n, ast.Name)}
    used = {
        node.id
        for statement in checks
        for node in ast.walk(statement)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    }
    literals = []
    for name in sorted(used & namespace.keys() - bound_by_kept):
        value = namespace[name]
        if type(value) not in PLAIN:
            msg = f"{name} is a {type(value).__name__}, not a plain value"
            raise NotPlain(msg)
        literals.append(f"{name} = {value!r}  {NOTE}")
    indent = lines[setup[0].lineno - 1][: setup[0].col_offset]
    head = "\n".join(lines[: setup[0].lineno - 1])
    tail = "\n".join(lines[checks[0].lineno - 1 :])
    body = [text(kept)] if kept else []
    body += [indent + line for line in literals]
    return "\n".join(part for part in (head, *body, tail) if part)


def with_expected(source: str, label: str = "") -> str:
    """A test cell's ``source`` with the setup of each hidden region worked out here."""
    out, rest = [], source
    while BEGIN in rest and END in rest.split(BEGIN, 1)[1]:
        before, after = rest.split(BEGIN, 1)
        marker_end = after.index("\n") + 1 if "\n" in after else len(after)
        begin_line = before + BEGIN + after[:marker_end]
        inside, rest = after[marker_end:].split(END, 1)
        # ``inside`` ends with the indentation before the END marker on its own line.
        code, _, end_indent = inside.rpartition("\n")
        out += [begin_line, precompute(code, label) + "\n" + end_indent + END]
    return "".join(out) + rest


class ComputeExpected(NbGraderPreprocessor):
    """Work out hidden tests' expected answers in nbgrader's process (see the module's note).

    Runs in autograding before the notebook is executed. The code comes from the gradebook's
    copy of each test cell, so a submission cannot make the grader run code of its own.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        trusted = self._trusted_sources(resources)
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            source = trusted.get(meta.get("grade_id", ""))
            if cell.cell_type != "code" or meta.get("solution") or not source:
                continue
            if BEGIN not in source:
                continue
            try:
                cell.source = with_expected(source, meta["grade_id"])
            except Exception as err:  # NotPlain, or the setup failed: the kernel runs it
                self.log.warning(
                    "Hidden test %s runs in the kernel as written (%s: %s)",
                    meta["grade_id"],
                    type(err).__name__,
                    err,
                )
        return nb, resources

    @staticmethod
    def _trusted_sources(resources: dict) -> dict[str, str]:
        """The instructor's source of every test cell of this notebook, from the gradebook."""
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            try:
                notebook = gb.find_notebook(info["notebook"], info["assignment"])
            except MissingEntry:
                return {}
            return {cell.name: cell.source for cell in notebook.source_cells if cell.locked}
