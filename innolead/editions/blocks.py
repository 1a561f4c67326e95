"""Split a MyST Markdown page into the blocks a translator translates one at a time.

A block is what a reader sees as one unit: a paragraph, a heading, a list, a table, or a whole
fenced directive (an exercise, an admonition, a figure, an explorer's code cell). The split is
the same for both languages, so the Swedish page has the English page's blocks in the same
order, and a changed English block names the one Swedish block that is now stale.

Two kinds of block are not translated but copied from the English page: the page's front
matter and code cells tagged ``remove-cell`` (the hidden preamble that computes the glued
numbers), so both editions always run the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FENCE = re.compile(r"^(`{3,}|:{3,})")
HIDDEN_CELL = re.compile(r"^:tags:\s*\[[^\]]*\bremove-cell\b", re.M)


@dataclass(frozen=True)
class Block:
    """One block of a page: ``kind`` is ``front``, ``code`` (copied as is) or ``text``."""

    kind: str
    text: str

    @property
    def translatable(self) -> bool:
        return self.kind == "text"


def _fence_end(lines: list[str], start: int) -> int:
    """The index just past the fence that opens at ``lines[start]``."""
    fence = FENCE.match(lines[start])
    opening = fence.group(1) if fence else "```"
    closing = re.compile(rf"^{re.escape(opening[0])}{{{len(opening)},}}\s*$")
    for i in range(start + 1, len(lines)):
        if closing.match(lines[i]):
            return i + 1
    return len(lines)


def _paragraph_end(lines: list[str], start: int) -> int:
    i = start + 1
    while i < len(lines) and lines[i].strip() and not FENCE.match(lines[i]):
        i += 1
    return i


def _glossary(lines: list[str]) -> list[Block]:
    """A glossary fence: its opening and closing lines copied, each entry a block of its own."""
    inner = lines[1:-1]
    options = 0
    while options < len(inner) and inner[options].startswith(":"):
        options += 1
    entries = "\n".join(inner[options:]).strip().split("\n\n")
    return [
        Block("code", "\n".join(lines[: 1 + options])),
        *(Block("text", entry.strip("\n")) for entry in entries),
        Block("code", lines[-1]),
    ]


def split(text: str) -> list[Block]:
    """The page's blocks in order (blank lines between blocks are dropped).

    >>> [b.kind for b in split("---\\na: 1\\n---\\n\\n# Title\\n\\nSome text.\\n")]
    ['front', 'text', 'text']
    """
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    if lines and lines[0] == "---":
        end = lines.index("---", 1) + 1
        blocks.append(Block("front", "\n".join(lines[:end])))
        i = end
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        end = _fence_end(lines, i) if FENCE.match(lines[i]) else _paragraph_end(lines, i)
        if lines[i].startswith("```{glossary}"):
            blocks += _glossary(lines[i:end])
            i = end
            continue
        chunk = "\n".join(lines[i:end])
        hidden = chunk.startswith("```{code-cell}") and HIDDEN_CELL.search(chunk)
        blocks.append(Block("code" if hidden else "text", chunk))
        i = end
    return blocks


def join(blocks: list[str]) -> str:
    """A page made of block texts, one blank line apart."""
    return "\n\n".join(blocks) + "\n"
