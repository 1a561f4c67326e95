"""Why a submission lost points or could not be graded, in the words of the batch summary.

``observations`` reads a graded notebook: cells stopped for running too long or by the grading
sandbox, output that was cut, answers that raised (with a hint when the sandbox is the likely
cause, such as a file outside the submission or the network). ``failure_reason`` turns
nbgrader's log of a notebook it could not grade into one line.
"""

from __future__ import annotations

import re

import nbformat

from innolead.grading.course import Course
from innolead.grading.preprocessors import OUTPUT_CUT, STOPPED_CELL
from innolead.i18n import N_, Messages

#: The batch summary's notes, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

#: Error names that mean a cell was stopped for running too long.
STOPPED = {"CellTimeoutError", "KeyboardInterrupt", "TimeoutError"}


def cell_notes(label: str, meta: dict, outputs: list, timeout: float) -> list[str]:
    """What one graded cell's outputs show, in the words of the batch summary."""
    stopped = [
        line.split(":", 1)[1].strip().rstrip(".")
        for output in outputs
        if output.output_type == "stream"
        for line in output.text.splitlines()
        if line.startswith(STOPPED_CELL + ":")
    ]
    notes = [_("{cell} was stopped: {reason}").format(cell=label, reason=r) for r in stopped]
    for output in outputs:
        if output.output_type == "error" and output.ename in STOPPED:
            if not stopped:
                note = _("{cell} ran longer than {seconds} s and was stopped")
                notes.append(note.format(cell=label, seconds=f"{timeout:g}"))
        elif output.output_type == "error" and meta.get("solution"):
            detail = _detail(output.ename, output.evalue)
            note = _("{cell} raised {error}{detail}")
            notes.append(note.format(cell=label, error=output.ename, detail=detail))
        elif output.output_type == "error" and meta.get("locked") and not meta.get("grade"):
            note = _(
                "{cell} (a read-only cell) raised {error}: check that the course toolkit is "
                "installed where grading runs"
            )
            notes.append(note.format(cell=label, error=output.ename))
        elif output.output_type == "stream" and OUTPUT_CUT in output.text:
            notes.append(_("{cell} printed too much; the output was cut").format(cell=label))
    return notes


#: What an error in a graded notebook usually means when the grading sandbox caused it.
SANDBOX_HINTS = {
    "MemoryError": N_("more memory than grading allows"),
    "Read-only file system": N_("grading lets a notebook write only to its scratch folder"),
    "Connection refused": N_("grading has no network"),
    "Network is unreachable": N_("grading has no network"),
    "name resolution": N_("grading has no network"),
    "Resource temporarily unavailable": N_("more processes than grading allows"),
    "File too large": N_("a larger file than grading allows"),
    "No such file or directory: '/": N_(
        "while grading, a notebook sees only its own folder, the toolkit and the case data"
    ),
    "unable to open database file": N_(
        "while grading, a notebook sees only its own folder, the toolkit and the case data"
    ),
}


def _detail(ename: str, evalue: str) -> str:
    """An error's message on one short line (it names the file or address), with a hint."""
    lines = str(evalue).strip().splitlines()
    text = f": {lines[0][:120]}" if lines else ""
    hints = [hint for key, hint in SANDBOX_HINTS.items() if key in f"{ename}: {text}"]
    return text + (f" ({_(hints[0])})" if hints else "")


def observations(course: Course, assignment: str, student: str, timeout: float) -> list[str]:
    """What the graded notebook shows: stopped cells, cut output, answers that raised."""
    notes = []
    for name in course.notebooks(assignment):
        path = course.autograded / student / assignment / f"{name}.ipynb"
        if not path.is_file():
            continue
        nb = nbformat.read(path, as_version=4)
        for number, cell in enumerate(nb.cells, start=1):
            meta = cell.metadata.get("nbgrader", {})
            label = meta.get("grade_id", f"cell {number}")
            notes += cell_notes(label, meta, cell.get("outputs", []), timeout)
    return list(dict.fromkeys(notes))


#: Causes nbgrader reports in its log, in words an instructor can act on.
KNOWN_FAILURES = {
    "DeadKernelError": N_(
        "the notebook's Python stopped while it ran (for example exit() or a crash)"
    ),
    "Kernel didn't respond": N_(
        "the notebook's Python did not start in time (is the machine busy?)"
    ),
    "SandboxUnavailable": N_("the grading sandbox is not installed on this machine"),
    "UnresponsiveKernelError": N_(
        "the notebook's Python stopped answering and could not be stopped"
    ),
}
_ERROR_LINE = re.compile(r"^\s*([\w.]+(?:Error|Exception|Unavailable)): (.+)$", re.MULTILINE)
#: The reason the grading sandbox gave for a kernel that died (``CourseExecute`` adds it).
_DIED = re.compile(r"DeadKernelError: Kernel died: (.+)$", re.MULTILINE)


def failure_reason(log: str) -> str:
    """Why nbgrader failed, in one line: a known cause in words, else the first real error."""
    died = _DIED.search(log)
    if died:
        reason = died.group(1).strip()[:200]
        return _("the notebook's Python stopped while it ran: {reason}").format(reason=reason)
    for marker, words in KNOWN_FAILURES.items():
        if marker in log:
            return _(words)
    errors = [m for m in _ERROR_LINE.finditer(log) if not m.group(1).endswith("NbGraderException")]
    if errors:
        return f"{errors[0].group(1).rsplit('.', 1)[-1]}: {errors[0].group(2)[:160]}"
    return _("unknown error")
