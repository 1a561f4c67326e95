"""Hostile submissions: code that tries to cheat, spy or stall while it is graded.

Each scenario is a submission a participant might hand in to test the grading: all answers
right, but the first answer cell starts with code that tries something the grading sandbox
must stop (read the instructor's version or the gradebook, write the gradebook, reach the
network, start processes or take memory without end, flood the output), answers that only
pretend to be right by rebinding ``type`` or ``float``, or wrong answers made "right" by
changing the course toolkit that the hidden tests would use in the notebook's kernel.
``expected_score`` says what each must score when grading is safe and ``summary`` what the
batch summary must say about it; the tests (``tests/grading/test_sandbox.py``) grade them with
real nbgrader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat

from innolead.grading import samples
from innolead.grading.course import Course

#: Fake answers that claim to equal anything; ``type`` or ``float`` are then rebound so that
#: a check such as ``type(answer) is float`` would take them for plain values.
FAKES = """import builtins

class FakeFloat(float):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __sub__(self, other): return 0.0
    def __rsub__(self, other): return 0.0
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return True
    def __ge__(self, other): return True
    def __hash__(self): return 0

class FakeText(str):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __hash__(self): return 0
    def strip(self, *args): return self
    def lower(self): return self

class FakeInt(int):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    def __lt__(self, other): return True
    def __le__(self, other): return True
    def __gt__(self, other): return True
    def __ge__(self, other): return True
    def __hash__(self): return 0

FAKE = {"float": FakeFloat(0.5), "str": FakeText("x"), "int": FakeInt(1)}
"""

#: Rebinds ``type`` in the notebook to call a fake the plain type, and ``abs`` and ``min`` so
#: that comparisons made with them come out right. (Rebinding ``builtins.type`` instead breaks
#: the kernel itself, so the notebook's cells time out.)
REBIND_TYPE = """_real_type = builtins.type

def type(obj, *args):
    if args:
        return _real_type(obj, *args)
    plain = {FakeFloat: float, FakeText: str, FakeInt: int}
    return plain.get(_real_type(obj), _real_type(obj))

abs = lambda value: 0.0
min = lambda *values, **how: values[0]
"""

#: Rebinds ``float``, ``str`` and ``int`` in the notebook to the fakes.
REBIND_FLOAT = "float, str, int = FakeFloat, FakeText, FakeInt\n"


#: Replaces every public function of the course's analysis modules with one that returns 0.5:
#: a hidden test that worked out its expected answer in the notebook's kernel would then expect
#: 0.5, the answer this notebook gives to every number question.
PATCH_TOOLKIT = """import importlib
import innolead.analysis
for _topic in [name for name in innolead.analysis.__all__ if name.islower()]:
    _module = importlib.import_module("innolead.analysis." + _topic)
    for _name in dir(_module):
        if not _name.startswith("_") and callable(getattr(_module, _name)):
            setattr(_module, _name, lambda *args, **kwargs: 0.5)
"""


def _patched_toolkit(release: nbformat.NotebookNode, p: samples.Parts) -> nbformat.NotebookNode:
    """Every number answer 0.5, after the toolkit's functions were made to return 0.5."""
    nb = samples.full(release, p)
    for number, grade_id in enumerate(p.answers):
        name = samples.answer_name(p.solutions[grade_id])
        setup = PATCH_TOOLKIT if number == 0 else ""
        if p.kinds[name] == "float":
            samples.cell_of(nb, grade_id).source = f"{setup}{name} = 0.5\n"
        elif setup:
            cell = samples.cell_of(nb, grade_id)
            cell.source = f"{setup}{cell.source}"
    return nb


def _non_numbers(p: samples.Parts) -> float:
    """The points of the questions whose answer is not a number with a decimal point."""
    kinds = [p.kinds[samples.answer_name(p.solutions[grade_id])] for grade_id in p.answers]
    return sum(points for kind, (_, points) in zip(kinds, p.tests, strict=True) if kind != "float")


def _faked(rebinding: str) -> samples.Build:
    """Every answer a fake that claims to equal anything, with ``rebinding`` run first."""

    def build(release: nbformat.NotebookNode, p: samples.Parts) -> nbformat.NotebookNode:
        nb = samples.full(release, p)
        for number, grade_id in enumerate(p.answers):
            name = samples.answer_name(p.solutions[grade_id])
            setup = FAKES + rebinding if number == 0 else ""
            samples.cell_of(nb, grade_id).source = f"{setup}{name} = FAKE[{p.kinds[name]!r}]\n"
        return nb

    return build


@dataclass(frozen=True)
class Hostile:
    """A hostile submission: what it tries, how it is built, its score, its summary line."""

    name: str
    description: str
    code: str  # placeholders {source} {gradebook} {other} {port}; "" when ``build`` is set
    score: Callable[[samples.Parts], float]
    summary: str  # a regular expression the batch summary must match for this participant
    build: samples.Build | None = None


def _all_but_first(p: samples.Parts) -> float:
    return sum(points for _, points in p.tests) - p.tests[0][1]


HOSTILE: dict[str, Hostile] = {
    h.name: h
    for h in (
        Hostile(
            "reads_source",
            "reads the instructor's version, with the hidden tests",
            "print(open({source!r}).read())",
            _all_but_first,
            r"raised FileNotFoundError: .*source",
        ),
        Hostile(
            "reads_gradebook",
            "reads the gradebook",
            "print(open({gradebook!r}, 'rb').read()[:1000])",
            _all_but_first,
            r"raised FileNotFoundError: .*gradebook\.db",
        ),
        Hostile(
            "reads_other",
            "reads another participant's submission",
            "print(open({other!r}).read())",
            _all_but_first,
            r"raised FileNotFoundError: .*submitted",
        ),
        Hostile(
            "writes_gradebook",
            "gives itself full marks in the gradebook",
            "import sqlite3\n"
            "db = sqlite3.connect({gradebook!r})\n"
            "db.execute('UPDATE grade SET auto_score = 100')\n"
            "db.commit()",
            _all_but_first,
            r"raised OperationalError: unable to open database file",
        ),
        Hostile(
            "writes_submission",
            "overwrites its own notebook",
            "open({notebook!r}, 'w').write('{{}}')",
            _all_but_first,
            r"raised (PermissionError|OSError): .*(Read-only|Permission denied)",
        ),
        Hostile(
            "network",
            "sends data to a server on this computer",
            "import socket\n"
            "socket.create_connection(('127.0.0.1', {port}), timeout=5).sendall(b'answers?')",
            _all_but_first,
            r"raised ConnectionRefusedError",
        ),
        Hostile(
            "fork_bomb",
            "starts processes without end, ignoring every error and interrupt",
            "import os\nwhile True:\n    try:\n        os.fork()\n    except BaseException:\n"
            "        pass",
            lambda p: 0.0,
            r"REJECTED .*started more than \d+ processes at once",
        ),
        Hostile(
            "memory_bomb",
            "takes memory without end (and lets go of it when that fails, so later cells run)",
            "def hog():\n"
            "    taken = []\n"
            "    try:\n"
            "        while True:\n"
            "            taken.append(bytes(100 * 1024**2))\n"
            "    finally:\n"
            "        taken.clear()\n"
            "hog()",
            _all_but_first,
            r"raised MemoryError",
        ),
        Hostile(
            "output_flood",
            "prints without end",
            "while True:\n    print('x' * 1_000_000)",
            _all_but_first,
            r"raised OutputLimitExceeded: this cell printed more than [\d,]+ characters",
        ),
        Hostile(
            "rebinds_type",
            "fake answers, with type, abs and min rebound to let them pass",
            "",
            lambda p: 0.0,
            r"answer cell \w+ rebinds built-in name\(s\) .*type",
            build=_faked(REBIND_TYPE),
        ),
        Hostile(
            "patches_toolkit",
            "number answers of 0.5, with the toolkit's functions changed to return 0.5",
            "",
            _non_numbers,
            r"answer cell \w+ imports importlib; uses .*setattr",
            build=_patched_toolkit,
        ),
        Hostile(
            "rebinds_float",
            "fake answers, with float, str and int rebound to the fakes",
            "",
            lambda p: 0.0,
            r"answer cell \w+ rebinds built-in name\(s\) .*float",
            build=_faked(REBIND_FLOAT),
        ),
    )
}


def expected_score(course: Course, assignment: str, name: str) -> float:
    """The autograded score a hostile submission must get when grading is safe."""
    notebook = samples.notebook_name(course, assignment)
    source = nbformat.read(course.source_notebook(assignment, notebook), as_version=4)
    return float(HOSTILE[name].score(samples.parts(source)))


def write_submission(
    course: Course, assignment: str, name: str, student: str, *, other: str = "", port: int = 9
) -> Path:
    """Write hostile scenario ``name`` as ``student``'s submission of ``assignment``.

    ``other`` is the participant whose submission it tries to read; ``port`` is where on
    127.0.0.1 it tries to connect.
    """
    notebook = samples.notebook_name(course, assignment)
    source = nbformat.read(course.source_notebook(assignment, notebook), as_version=4)
    release = nbformat.read(course.release_notebook(assignment, notebook), as_version=4)
    hostile = HOSTILE[name]
    folder = course.submission(student, assignment)
    where = {
        "source": str(course.source_notebook(assignment, notebook)),
        "gradebook": str(course.gradebook),
        "other": str(course.submission(other or student, assignment) / f"{notebook}.ipynb"),
        "notebook": f"{notebook}.ipynb",
        "port": port,
    }
    build = hostile.build or samples.prefixed(hostile.code.format(**where))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{notebook}.ipynb"
    path.write_text(nbformat.writes(build(release, samples.parts(source))), encoding="utf-8")
    return path
