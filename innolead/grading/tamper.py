"""Look for answer code that tries to fool the tests, before a submission is graded.

An answer is a plain value (a share, a name, a number), and the hidden tests check it with the
real ``type`` and types, which a notebook cannot rebind. Code in an answer cell that rebinds a
built-in name, defines a class, changes an attribute of something (a toolkit function, say) or
reaches into Python's or the kernel's machinery is not needed for any question, so the batch
summary names it for a look by hand. Nothing here changes a score; the code is read, never run.
"""

from __future__ import annotations

import ast
import builtins

import nbformat

from innolead.i18n import Messages

#: The notes for the instructor, in the course language (the ``grading`` catalogue).
_ = Messages("grading").gettext

#: Names of Python's built-ins (``type``, ``float``, ``abs`` ...).
BUILTIN_NAMES = frozenset(dir(builtins))
#: Modules that give access to the interpreter or the kernel.
MACHINERY = frozenset(
    {"builtins", "ctypes", "gc", "importlib", "inspect", "IPython", "ipykernel", "sys"}
)
#: Calls that run or change code indirectly.
INDIRECT = frozenset({"__import__", "compile", "eval", "exec", "get_ipython", "globals", "setattr"})


#: Nodes whose names are local to them, so binding a name inside does not rebind it.
_SCOPES = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Lambda,
    ast.ListComp,
    ast.SetComp,
    ast.DictComp,
    ast.GeneratorExp,
)


def _notebook_level(tree: ast.AST) -> list[ast.AST]:
    """The nodes that run in the notebook's own namespace (not inside functions or classes)."""
    found, queue = [], [tree]
    while queue:
        node = queue.pop()
        found.append(node)
        if not isinstance(node, _SCOPES):
            queue.extend(ast.iter_child_nodes(node))
    return found


def _bound_names(tree: ast.AST) -> set[str]:
    """Names the notebook's namespace gets bound, and ``builtins.name = ...`` anywhere."""
    names = set()
    for node in _notebook_level(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
            names.add(node.id)
        elif isinstance(node, _SCOPES[:3]):
            names.add(node.name)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            names.update(node.names)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id in {"builtins", "__builtins__"}
        ):
            names.add(node.attr)
    return names


def _imported(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def _dunders(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
        if name.startswith("__") and name.endswith("__") and name != "__name__":
            found.add(name)
    return found


def findings(source: str) -> list[str]:
    """What in an answer cell's code goes beyond giving an answer, in a few words each."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []  # it cannot run either; its test fails and the summary says it raised
    found = []
    rebound = sorted(_bound_names(tree) & BUILTIN_NAMES)
    if rebound:
        found.append(_("rebinds built-in name(s) {names}").format(names=", ".join(rebound)))
    if any(isinstance(node, ast.ClassDef) for node in ast.walk(tree)):
        found.append(_("defines a class"))
    changed = sorted(
        {
            ast.unparse(node)
            for node in ast.walk(tree)
            if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store | ast.Del)
        }
    )
    if changed:
        found.append(_("changes {names}").format(names=", ".join(changed)))
    machinery = sorted(_imported(tree) & MACHINERY)
    if machinery:
        found.append(_("imports {names}").format(names=", ".join(machinery)))
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    reaching = sorted(_dunders(tree) | (calls & INDIRECT))
    if reaching:
        found.append(_("uses {names}").format(names=", ".join(reaching)))
    return found


def answer_notes(nb: nbformat.NotebookNode, release: nbformat.NotebookNode) -> list[str]:
    """Notes for the batch summary on answer cells whose code tries more than an answer."""
    answers = {
        cell.metadata["nbgrader"]["grade_id"]
        for cell in release.cells
        if cell.cell_type == "code"
        and cell.metadata.get("nbgrader", {}).get("solution")
        and not cell.metadata["nbgrader"].get("grade")
    }
    notes = []
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers and cell.cell_type == "code":
            what = findings(cell.source)
            if what:
                note = _(
                    "answer cell {cell} {findings}: an answer is a plain value, so look at it "
                    "by hand (its tests check the real types)"
                )
                notes.append(note.format(cell=grade_id, findings="; ".join(what)))
    return notes
