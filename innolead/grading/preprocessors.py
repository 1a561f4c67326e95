"""nbgrader preprocessors that ``exercises/nbgrader_config.py`` adds to nbgrader's own steps.

They sit in nbgrader's configuration, not in the course's wrapper commands, so plain
``nbgrader autograde``, ``nbgrader generate_feedback`` and the formgrader's buttons behave
exactly like ``innolead grade``:

- ``RestoreDeletedCells`` (autograde, before ``OverwriteCells``) puts back graded and read-only
  cells a participant deleted, and resets tampered nbgrader metadata, so every test runs and
  the gradebook has a grade for every cell.
- ``CourseExecute`` (autograde, in place of nbgrader's ``Execute``) caps the output a cell may
  keep, honours a configured kernel manager class (the grading sandbox), and writes down why
  the sandbox stopped a cell or the whole notebook.
- ``HideHiddenTests`` (feedback) removes hidden tests, mark schemes and test tracebacks from
  the feedback, which nbgrader otherwise shows (jupyter/nbgrader#917, #1363).
"""

from __future__ import annotations

import copy
import json
import uuid
from pathlib import Path
from typing import Any

from nbclient.exceptions import DeadKernelError
from nbformat import NotebookNode, read
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer, Unicode

from innolead.grading import markers

#: Text that marks a cell's output as cut; the autograde summary looks for it.
OUTPUT_CUT = "Output cut"
#: Text that starts the line saying why grading stopped a cell early; the summary looks for it.
STOPPED_CELL = "Stopped while grading"
#: The nbgrader metadata a participant must not change; restored from the release version.
GUARDED_METADATA = ("grade", "solution", "locked", "points", "task")


def _is_test_cell(cell: NotebookNode) -> bool:
    meta = cell.metadata.get("nbgrader", {})
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


class HideHiddenTests(NbGraderPreprocessor):
    """Remove hidden tests, mark schemes and test tracebacks before feedback is written.

    The regions are nbgrader's configured hidden-test and mark-scheme delimiters (unbalanced
    markers stop the feedback with the cell named, rather than leak a region).
    A test cell keeps its visible checks; each hidden region becomes one comment line. The
    traceback of a failing test cell is cut to its last line (``AssertionError: <message>``),
    because IPython's traceback quotes the failing line, which may be a hidden one.
    """

    placeholder = Unicode(
        "# (Hidden tests ran here when your notebook was graded.)",
        help="The line that replaces each hidden-test region in the feedback.",
    ).tag(config=True)

    def preprocess_cell(
        self, cell: NotebookNode, resources: dict, cell_index: int
    ) -> tuple[NotebookNode, dict]:
        delimiters = markers.Delimiters.from_config(self.config)
        label = f"cell {cell.metadata.get('nbgrader', {}).get('grade_id', cell_index)}"
        source = markers.rewrite(cell.source, delimiters.hidden, self.placeholder, label)
        cell.source = markers.rewrite(source, delimiters.mark_scheme, None, label)
        if _is_test_cell(cell):
            for output in cell.get("outputs", []):
                if output.output_type == "error":
                    output.traceback = [f"{output.ename}: {output.evalue}"]
        return cell, resources


class RestoreDeletedCells(NbGraderPreprocessor):
    """Put back deleted nbgrader cells and reset changed nbgrader metadata, from the release.

    nbgrader's own ``OverwriteCells.add_missing_cells`` re-adds only deleted *grade* cells and
    fails when the cell before one is a read-only cell. This preprocessor takes the release
    version as the template: every cell with an nbgrader ``grade_id`` that the submission lacks
    is inserted after its predecessor, and ``grade``/``solution``/``locked``/``points``/``task``
    are reset where a participant changed them. ``OverwriteCells`` then restores the content of
    locked cells from the gradebook as usual.
    """

    def preprocess(self, nb: NotebookNode, resources: dict) -> tuple[NotebookNode, dict]:
        template = self._release_notebook(resources)
        if template is None:
            return nb, resources
        present = {
            cell.metadata["nbgrader"]["grade_id"]: cell
            for cell in nb.cells
            if cell.metadata.get("nbgrader", {}).get("grade_id")
        }
        position = -1
        for model in template.cells:
            grade_id = model.metadata.get("nbgrader", {}).get("grade_id")
            if not grade_id:
                continue
            cell = present.get(grade_id)
            if cell is None:
                cell = self._copy_for(nb, model)
                nb.cells.insert(position + 1, cell)
                self.log.warning("Restored deleted cell %s from the release version", grade_id)
            else:
                self._reset_metadata(cell, model, grade_id)
            position = _index_of(nb.cells, cell)
        return nb, resources

    def _coursedir(self) -> Any:
        """nbgrader's course directory: the converter (exporter's parent) running this step."""
        converter = getattr(self.parent, "parent", None)
        return getattr(converter, "coursedir", None)

    def _release_notebook(self, resources: dict) -> NotebookNode | None:
        info = resources.get("nbgrader", {})
        coursedir = self._coursedir()
        if coursedir is None:
            self.log.warning("No course directory known: deleted cells are not restored")
            return None
        folder = coursedir.format_path(coursedir.release_directory, ".", info["assignment"])
        path = Path(folder) / f"{info['notebook']}.ipynb"
        if not path.is_file():
            self.log.warning(
                "No release version %s: deleted cells are not restored. "
                "Run `innolead generate %s` first.",
                path,
                info["assignment"],
            )
            return None
        return read(path, as_version=4)

    def _copy_for(self, nb: NotebookNode, model: NotebookNode) -> NotebookNode:
        cell = copy.deepcopy(model)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        if nb.get("nbformat_minor", 0) >= 5:
            cell["id"] = uuid.uuid4().hex[:8]
        else:
            cell.pop("id", None)
        return cell

    def _reset_metadata(self, cell: NotebookNode, model: NotebookNode, grade_id: str) -> None:
        want, have = model.metadata["nbgrader"], cell.metadata["nbgrader"]
        changed = [k for k in GUARDED_METADATA if k in want and have.get(k) != want[k]]
        changed += [k for k in GUARDED_METADATA if k not in want and k in have]
        for key in changed:
            if key in want:
                have[key] = want[key]
            else:
                del have[key]
        if changed:
            self.log.warning(
                "Reset changed nbgrader metadata %s of cell %s", sorted(changed), grade_id
            )


def _index_of(cells: list, cell: NotebookNode) -> int:
    return next(i for i, c in enumerate(cells) if c is cell)


def _size(content: dict[str, Any]) -> int:
    """About how many characters an output message carries."""
    if "text" in content:
        return len(content["text"])
    if "data" in content:
        return sum(
            len(v) if isinstance(v, str) else len(json.dumps(v)) for v in content["data"].values()
        )
    if "traceback" in content:
        return sum(len(line) for line in content["traceback"])
    return 0


class CourseExecute(Execute):
    """nbgrader's ``Execute`` with output limits, a configurable kernel manager, and reasons.

    nbgrader's ``LimitOutput`` counts lines, so one ``print("x" * 10**8)`` passes it; this cap
    counts characters as the outputs arrive, so they never pile up in memory, in the gradebook
    or in the feedback. (The sandboxed kernel itself sends only part of a cell's output and
    stops runaway printing: ``innolead.grading.kernel_stream``.)
    nbgrader's ``Execute`` passes ``AsyncKernelManager`` as a keyword, which overrides
    configuration; this class applies a configured ``kernel_manager_class`` (the grading
    sandbox) after all. When that kernel manager can say why it stepped in (``end_cell``) or why
    the kernel died (``stop_reason``), the cell's output or the error says so.
    """

    max_output_chars = Integer(
        100_000,
        help="Most characters of output one cell keeps when graded (-1: no limit).",
    ).tag(config=True)

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        configured = self._find_my_config(self.config).get("kernel_manager_class")
        if configured is not None:
            self.kernel_manager_class = configured
        self._chars: dict[int, int] = {}
        self._manager: Any = None

    def create_kernel_manager(self) -> Any:
        self._manager = super().create_kernel_manager()
        return self._manager

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> Any:
        self._chars, self._manager = {}, km
        try:
            return super().preprocess(nb, resources, km)
        except DeadKernelError as err:
            reason = getattr(self._manager, "stop_reason", lambda: "")()
            if not reason:
                raise
            msg = f"Kernel died: {reason}"
            raise DeadKernelError(msg) from err

    def on_cell_executed(self, **kwargs: Any) -> None:
        super().on_cell_executed(**kwargs)
        for reason in getattr(self._manager, "end_cell", lambda: [])():
            kwargs["cell"].outputs.append(_stopped(reason))
        if getattr(self._manager, "stopped_by_sandbox", ""):
            # The sandbox is gone, even if this was the last cell: the notebook is not graded.
            msg = "Kernel died"
            raise DeadKernelError(msg)

    def output(
        self, outs: list, msg: dict, display_id: str | None, cell_index: int
    ) -> NotebookNode | None:
        if self.max_output_chars < 0 or msg["msg_type"] == "error":
            return super().output(outs, msg, display_id, cell_index)
        used = self._chars.get(cell_index, 0)
        size = _size(msg["content"])
        self._chars[cell_index] = used + size
        if used + size <= self.max_output_chars:
            return super().output(outs, msg, display_id, cell_index)
        if used <= self.max_output_chars:
            notice = NotebookNode(
                output_type="stream",
                name="stderr",
                text=(
                    f"\n... {OUTPUT_CUT}: this cell printed more than "
                    f"{self.max_output_chars:,} characters; the rest was not kept.\n"
                ),
            )
            outs.append(notice)
        return None


def _stopped(reason: str) -> NotebookNode:
    """The output line that says why grading stopped a cell."""
    return NotebookNode(output_type="stream", name="stderr", text=f"{STOPPED_CELL}: {reason}.\n")
