"""The graded course in Swedish: each course notebook rendered from its English source.

A Swedish cohort must be graded by the very hidden tests the English cohort is, so the Swedish
notebooks are not a second set of sources that could drift: they are written from the English
notebooks (``exercises/source/``) and one gettext catalogue per assignment
(``locales/sv/exercises/<assignment>.po``) into the Swedish course folder (``exercises/sv/``),
which has its own ``nbgrader_config.py`` importing the English one.

What a translator sees, one entry each (the page catalogues' blocks and merge, reused):

- a Markdown cell, whole (instructions, questions, rubrics and model answers);
- in a code cell, outside its hidden tests and its solution: each comment, and each string a
  participant reads (a docstring, an ``assert`` message, what ``print`` prints).

Everything else is copied: code, cell ids, nbgrader metadata, solutions and hidden tests, so the
graded parts are the English ones byte for byte (``tests/i18n/test_course_notebooks.py``). A
Swedish notebook also tells the toolkit to speak Swedish (one line where it first imports it),
so its explorers and checks answer in Swedish wherever the notebook is opened.
"""

from __future__ import annotations

import ast
import copy
import io
import json
import re
import textwrap
import tokenize
from dataclasses import dataclass
from pathlib import Path

import nbformat
import polib  # type: ignore[import-untyped]

from innolead.editions.blocks import Block
from innolead.editions.catalog import LOCALES, ROOT, Status, merge, tally
from innolead.grading import markers
from innolead.language import VARIABLE

#: The English course folder and the Swedish one inside it (nbgrader ignores it: not source/).
ENGLISH = ROOT / "exercises"
EDITIONS = {"sv": ENGLISH / "sv"}
#: The comments after ``#`` that are code to complete, not prose: indented by the hash's space.
_CODE_COMMENT = re.compile(r"^#\s{2,}")
_LETTER = re.compile(r"[^\W\d_]")
_REGIONS = (markers.HIDDEN, markers.SOLUTION)
#: Where a Swedish notebook chooses its language, and the line that does it.
_IMPORTS = re.compile(r"^(?:from innolead\b|import innolead\b)", re.M)


@dataclass(frozen=True)
class Piece:
    """A translatable span of a code cell: ``start``/``end`` are character offsets."""

    start: int
    end: int
    text: str  # the English the participant reads (the msgid)
    prefix: str  # what the translation is written after: "# " or a string's opening quote
    suffix: str  # a string's closing quote, or nothing


def notebooks(root: Path = ENGLISH) -> list[tuple[str, str]]:
    """Every (assignment, notebook) of the English course's ``source/``, in order."""
    return sorted(
        (path.parent.name, path.stem)
        for path in (root / "source").glob("*/*.ipynb")
        if not path.parent.name.startswith((".", "_"))
    )


def catalog_path(assignment: str, language: str = "sv") -> Path:
    return LOCALES / language / "exercises" / f"{assignment}.po"


def source_path(assignment: str, notebook: str, root: Path = ENGLISH) -> Path:
    return root / "source" / assignment / f"{notebook}.ipynb"


def _excluded_lines(source: str) -> set[int]:
    """1-based numbers of the lines of hidden tests and solutions, their markers included."""
    lines, inside, found = source.split("\n"), None, set()
    for number, line in enumerate(lines, start=1):
        begin = next((pair for pair in _REGIONS if pair[0] in line), None)
        if begin:
            inside = begin
        if inside:
            found.add(number)
        if inside and inside[1] in line:
            inside = None
    return found


def _char_col(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _texts(node: ast.expr) -> list[ast.Constant]:
    """The string constants of a message: the node itself, or the parts it adds up."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _texts(node.left) + _texts(node.right)
    return []


def _prose_spans(source: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(line, column) spans of the strings a participant reads: docstrings, assert messages
    and print's arguments (columns in characters, as ``tokenize`` counts them); a string
    passed on to a function (``check_answers("pre", ...)``) is code, not prose."""
    lines = source.split("\n")
    nodes: list[ast.Constant] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assert) and node.msg is not None:
            nodes += _texts(node.msg)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print":
            nodes += [text for arg in node.args for text in _texts(arg)]
        elif isinstance(node, ast.Expr):
            nodes += _texts(node.value)

    def at(line: int, byte_col: int) -> tuple[int, int]:
        return line, _char_col(lines[line - 1], byte_col)

    return [
        (at(n.lineno, n.col_offset), at(n.end_lineno or n.lineno, n.end_col_offset or 0))
        for n in nodes
    ]


def _quote(token: str) -> tuple[str, str]:
    """A string token's opening (prefix and quotes) and closing quotes."""
    match = re.match(r"^([rRbBuU]*)('''|\"\"\"|'|\")", token)
    if match is None:
        msg = f"not a string literal: {token[:40]!r}"
        raise ValueError(msg)
    return match.group(0), match.group(2)


def pieces(source: str) -> list[Piece]:
    """The translatable pieces of a code cell, in order (none inside hidden tests or solutions).

    >>> [p.text for p in pieces('x = 1  # one\\nassert x, "x should be one"\\nprint("done")')]
    ['one', 'x should be one', 'done']
    """
    excluded = _excluded_lines(source)
    spans = _prose_spans(source)
    offsets = [0]
    for line in source.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        (row, col), (end_row, end_col) = token.start, token.end
        if row in excluded or not _LETTER.search(token.string):
            continue
        start, end = offsets[row - 1] + col, offsets[end_row - 1] + end_col
        if token.type == tokenize.COMMENT and not _CODE_COMMENT.match(token.string):
            prefix = re.match(r"#\s?", token.string).group(0)  # type: ignore[union-attr]
            found.append(Piece(start, end, token.string[len(prefix) :], prefix, ""))
        elif token.type == tokenize.STRING and any(a <= token.start < b for a, b in spans):
            opening, closing = _quote(token.string)
            if "f" not in opening.lower():
                found.append(Piece(start, end, ast.literal_eval(token.string), opening, closing))
    return found


def _literal(text: str, closing: str) -> str:
    """``text`` as the inside of a string literal closed by ``closing``."""
    text = text.replace("\\", "\\\\")
    if len(closing) == 1:
        text = text.replace(closing, "\\" + closing).replace("\n", "\\n")
    return text.replace(closing * 3, "\\".join(closing * 3)) if len(closing) == 3 else text


def translate_code(source: str, translate: dict[str, str]) -> str:
    """``source`` with each piece replaced by its translation (kept English when it has none)."""
    out = source
    for piece in reversed(pieces(source)):
        text = translate.get(piece.text) or piece.text
        new = piece.prefix + (_literal(text, piece.suffix) if piece.suffix else text) + piece.suffix
        out = out[: piece.start] + new + out[piece.end :]
    return out


def language_line(language: str) -> str:
    return f'os.environ["{VARIABLE}"] = "{language}"\n'


def speak(source: str, language: str) -> str:
    """A locked cell that imports the toolkit, told first which language it speaks."""
    match = _IMPORTS.search(source)
    if match is None:
        return source
    line = language_line(language)
    if re.search(r"^import os$", source[: match.start()], re.M):
        at = source.index("import os\n") + len("import os\n")
        return source[:at] + line + source[at:]
    return source[: match.start()] + "import os\n\n" + line + source[match.start() :]


def english_blocks(nb: nbformat.NotebookNode) -> list[Block]:
    """What a translator translates in a notebook, as blocks of the page catalogues."""
    blocks = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and _LETTER.search(cell.source):
            blocks.append(Block("text", cell.source))
        elif cell.cell_type == "code":
            blocks += [Block("text", piece.text) for piece in pieces(cell.source)]
    return blocks


def _read(assignment: str, notebook: str) -> nbformat.NotebookNode:
    return nbformat.read(source_path(assignment, notebook), as_version=4)


def load(assignment: str, language: str = "sv") -> polib.POFile:
    path = catalog_path(assignment, language)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "Innovation Leadership",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source": f"exercises/source/{assignment}/",
    }
    return po


def update(assignment: str, notebook: str, language: str = "sv") -> polib.POFile:
    """Merge the assignment's catalogue with its English notebook (changed entries fuzzy)."""
    source = f"exercises/source/{assignment}/{notebook}.ipynb"
    po = merge(load(assignment, language), english_blocks(_read(assignment, notebook)), source)
    path = catalog_path(assignment, language)
    path.parent.mkdir(parents=True, exist_ok=True)
    po.save(str(path))
    return po


def status(assignment: str, notebook: str, language: str = "sv") -> Status:
    blocks = english_blocks(_read(assignment, notebook))
    where = catalog_path(assignment, language)
    return tally(Status(f"exercises/{assignment}", where=where), load(assignment, language), blocks)


def render(assignment: str, notebook: str, language: str = "sv") -> nbformat.NotebookNode:
    """The notebook in ``language``: translated prose, the English code and grading parts."""
    po = load(assignment, language)
    words = {e.msgid: e.msgstr for e in po if e.msgstr and not e.obsolete}
    nb = copy.deepcopy(_read(assignment, notebook))
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = words.get(cell.source) or cell.source
        elif cell.cell_type == "code":
            cell.source = translate_code(cell.source, words)
            grading = cell.metadata.get("nbgrader", {})
            if grading.get("locked") and not grading.get("grade"):
                cell.source = speak(cell.source, language)
    return nb


#: The module that marks the hidden tests' messages for the ``grading`` catalogue.
MESSAGES = ROOT / "innolead" / "grading" / "hidden_messages.py"
_MESSAGES_HEAD = '''"""What the hidden tests tell a participant whose answer is wrong, to translate.

Generated by `python -m innolead.editions sources` from the English course's hidden tests; do not
edit. The hidden tests are the same in every language, so their messages are translated where
the grader reports them (``verdict.decide``), through the ``grading`` catalogue.
"""

from innolead.i18n import N_

MESSAGES = (
'''


def hidden_messages() -> list[str]:
    """The messages of the English course's hidden tests' ``assert`` statements, in order."""
    found: list[str] = []
    for assignment, name in notebooks():
        for cell in _read(assignment, name).cells:
            for region in markers.split(cell.source, markers.HIDDEN).regions:
                for node in ast.walk(ast.parse(region)):
                    if isinstance(node, ast.Assert) and node.msg is not None:
                        text = "".join(str(c.value) for c in _texts(node.msg))
                        if text and text not in found:
                            found.append(text)
    return found


def messages_module() -> str:
    """The module's text: each message in lines that fit, as adjacent strings Babel joins."""
    entries = []
    for message in hidden_messages():
        one = f"    N_({json.dumps(message, ensure_ascii=False)}),\n"
        if len(one) <= 101:  # 100 characters and the newline: as ruff's formatter keeps it
            entries.append(one)
            continue
        fits = len(json.dumps(message, ensure_ascii=False)) <= 92
        parts = [message] if fits else textwrap.wrap(message, 86, drop_whitespace=False)
        quoted = "".join(f"        {json.dumps(part, ensure_ascii=False)}\n" for part in parts)
        entries.append(f"    N_(\n{quoted}    ),\n")
    return _MESSAGES_HEAD + "".join(entries) + ")\n"


def expected(language: str = "sv") -> dict[Path, str]:
    """Every generated notebook of the ``language`` course: path -> text."""
    root = EDITIONS[language]
    return {
        source_path(a, n, root): nbformat.writes(render(a, n, language)) + "\n"
        for a, n in notebooks()
    }


def write(language: str = "sv") -> list[Path]:
    """Write the ``language`` course's notebooks and the hidden tests' messages to translate
    (only files whose text changed)."""
    changed = []
    for path, text in [*expected(language).items(), (MESSAGES, messages_module())]:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed
