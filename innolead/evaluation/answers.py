"""Read the self-assessment answers from collected notebooks, without running any of them.

A participant's notebook is data, not code to execute: each code cell is parsed with ``ast``
and only top-level assignments of the form ``knowledge = 3`` to a known item are looked at,
with the value read by ``ast.literal_eval`` (numbers, text, ``None``, the three dots). Anything
else in the place of an answer (``7``, ``"a lot"``, ``2 + 2``, a broken cell) becomes a
``Problem`` that names the participant, the notebook and the cell, so the instructor can follow
it up; nothing is silently dropped.
"""

from __future__ import annotations

import ast
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from innolead.evaluation.items import Item, check_answer, is_blank, items_for
from innolead.i18n import _

#: Where an answer cell says which item it holds (set by the notebook generator).
MARKER = "innolead"
_SHOWN = 60
BLANK = "blank"


@dataclass(frozen=True)
class Problem:
    """An answer that cannot be used, and where to find it.

    ``notebook`` is ``<assignment>/<notebook>.ipynb``; ``cell`` counts every cell from 1 (as
    in JupyterLab, top to bottom), or is ``None`` when the whole notebook is affected.
    """

    participant: str
    phase: str
    notebook: str
    cell: int | None
    item: str
    value: str
    reason: str

    def line(self) -> str:
        """The problem in one line, for the instructor's console.

        Examples
        --------
        >>> Problem("p03", "pre", "a/b.ipynb", 7, "knowledge", "7", "should be 1 to 5").line()
        'p03, a/b.ipynb, cell 7, knowledge: should be 1 to 5; written: 7'
        """
        where = _("cell {n}").format(n=self.cell) if self.cell is not None else _("whole notebook")
        what = f", {self.item}" if self.item else ""
        written = "; " + _("written: {value}").format(value=self.value) if self.value else ""
        return f"{self.participant}, {self.notebook}, {where}{what}: {self.reason}{written}"


@dataclass(frozen=True)
class Response:
    """One participant's notebook in one round: the usable answers, blanks and problems."""

    participant: str
    phase: str
    notebook: str
    answers: dict[str, Any] = field(default_factory=dict)
    blank: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()


@dataclass
class _Found:
    """The last assignment to an item: where it is and what it holds."""

    cell: int
    text: str
    value: Any = None
    error: str = ""


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _cells(path: Path) -> list[dict[str, Any]]:
    """The notebook's cells as plain JSON; raises ``ValueError`` with a reason if unreadable."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        msg = _("the file is not a readable notebook ({error}); ask for it again").format(
            error=type(err).__name__
        )
        raise ValueError(msg) from None
    cells = raw.get("cells") if isinstance(raw, dict) else None
    if not isinstance(cells, list):
        msg = _("the file has no list of cells, so it is not a notebook; ask for it again")
        raise ValueError(msg)
    return [cell for cell in cells if isinstance(cell, dict)]


def _gist(source: str, line: int | None = None) -> str:
    """The line to show for a cell: the given line, else the last line that is not a comment."""
    lines = [text for text in source.splitlines() if text.strip()]
    if line is not None and 0 < line <= len(source.splitlines()):
        return _shorten(source.splitlines()[line - 1])
    code = [text for text in lines if not text.lstrip().startswith("#")]
    return _shorten((code or lines or [""])[-1])


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _marked_item(cell: dict[str, Any]) -> str:
    meta = cell.get("metadata", {})
    marker = meta.get(MARKER, {}) if isinstance(meta, dict) else {}
    return str(marker.get("answer", "")) if isinstance(marker, dict) else ""


def _names(target: ast.expr) -> list[str]:
    """Every plain name a target assigns (``a``, ``a, b``, ``[a, *b]``)."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple | ast.List):
        return [name for elt in target.elts for name in _names(elt)]
    if isinstance(target, ast.Starred):
        return _names(target.value)
    return []


def _statement(node: ast.stmt, source: str, cell: int, wanted: set[str]) -> dict[str, _Found]:
    """What one top-level statement assigns to the wanted items."""
    text = _shorten(ast.get_source_segment(source, node) or "")
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name) and target.id in wanted:
            value_text = _shorten(ast.get_source_segment(source, node.value) or "")
            try:
                return {target.id: _Found(cell, value_text, ast.literal_eval(node.value))}
            except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                reason = _("is not a plain answer: write just a number or text in quotes")
                return {target.id: _Found(cell, value_text, error=reason)}
    targets = [t for n in ast.walk(node) if isinstance(n, ast.Assign) for t in n.targets]
    targets += [n.target for n in ast.walk(node) if isinstance(n, ast.AugAssign | ast.AnnAssign)]
    names = {name for target in targets for name in _names(target)} & wanted
    reason = _("is not set as a plain answer: write it on a line of its own, as {name} = ...")
    return {name: _Found(cell, text, error=reason.format(name=name)) for name in names}


def _scan(cells: list[dict[str, Any]], wanted: set[str]) -> tuple[dict[str, _Found], dict]:
    """The last assignment to each wanted item, and the cell each answer is marked in."""
    found: dict[str, _Found] = {}
    marked: dict[str, tuple[int, str]] = {}
    for number, cell in enumerate(cells, start=1):
        if cell.get("cell_type") != "code":
            continue
        source, item = _source(cell), _marked_item(cell)
        if item in wanted:
            marked[item] = (number, _gist(source))
        try:
            tree = ast.parse(source)
        except SyntaxError as err:
            if item in wanted:
                reason = _("the answer cell is not valid Python ({error}, line {line})").format(
                    error=err.msg, line=err.lineno
                )
                found[item] = _Found(number, _gist(source, err.lineno), error=reason)
            continue
        except (ValueError, RecursionError, MemoryError):  # null bytes, absurd nesting
            if item in wanted:
                reason = _("the answer cell cannot be read as Python; ask for the answer again")
                found[item] = _Found(number, _gist(source), error=reason)
            continue
        for node in tree.body:
            found.update(_statement(node, source, number, wanted))
    return found, marked


def _judge(
    item: Item, found: _Found | None, marked: tuple[int, str] | None
) -> tuple[Any, _Found | None]:
    """``(answer, None)`` for a usable answer, else ``(None, why)``; ``why.error`` may be BLANK."""
    if found is None and marked is not None:
        reason = _("the answer cell no longer sets {name}; write {name} = ...").format(
            name=item.name
        )
        return None, _Found(marked[0], marked[1], error=reason)
    if found is None or (not found.error and is_blank(found.value)):
        return None, _Found(0, "", error=BLANK)
    if found.error:
        return None, found
    value, reason = check_answer(item, found.value)
    return (None, _Found(found.cell, found.text, error=reason)) if reason else (value, None)


def read_response(path: Path, participant: str, phase: str, notebook: str) -> Response:
    """Read one collected notebook (never executed).

    Parameters
    ----------
    path
        The notebook file.
    participant
        The participant id (the folder name under ``submitted/``).
    phase
        ``"pre"`` or ``"post"``: which items to read.
    notebook
        How problems name the notebook: ``<assignment>/<notebook>.ipynb``.

    Returns
    -------
    Response
        The valid answers by item, the items left blank and every problem found.
    """
    items = items_for(phase)
    try:
        cells = _cells(path)
    except ValueError as err:
        unreadable = Problem(participant, phase, notebook, None, "", "", str(err))
        return Response(participant, phase, notebook, problems=(unreadable,))
    found, marked = _scan(cells, {item.name for item in items})
    answers, blank, problems = {}, [], []
    for item in items:
        value, why = _judge(item, found.get(item.name), marked.get(item.name))
        if why is None:
            answers[item.name] = value
        elif why.error == BLANK:
            blank.append(item.name)
        else:
            where = (participant, phase, notebook, why.cell)
            problems.append(Problem(*where, item.name, why.text, why.error))
    return Response(participant, phase, notebook, answers, tuple(blank), tuple(problems))
