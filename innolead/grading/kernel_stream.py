"""A grading kernel's stdout and stderr, capped: a cell's runaway printing stops with an error.

ipykernel sends what a cell prints in one message per flush (every 0.2 s), so a loop that
prints without end makes messages of hundreds of megabytes, which the grading process would
have to receive and decode before it could cut them. The sandboxed kernel uses this stream
instead (``--IPKernelApp.outstream_class``). Per cell and stream it sends at most
``$INNOLEAD_SENT_CHARS`` characters and drops the rest, with one line saying so; once the cell
has printed more than ``$INNOLEAD_STOP_CHARS``, the next ``print`` raises
``OutputLimitExceeded``, so a runaway loop ends there (once per cell).
"""

from __future__ import annotations

import os

from ipykernel.iostream import OutStream

#: What the stream prints once when it starts dropping a cell's output.
DROPPED = "\n[innolead: the rest of this cell's output was dropped while grading]\n"


class OutputLimitExceeded(RuntimeError):
    """A cell printed more than grading allows."""


class CappedOutStream(OutStream):
    """``OutStream`` that sends a limited part of each cell's output and stops runaway printing."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.sent_chars = int(os.environ.get("INNOLEAD_SENT_CHARS", "2000000"))
        self.stop_chars = int(os.environ.get("INNOLEAD_STOP_CHARS", "10000000"))
        self._cell: frozenset = frozenset()
        self._written = 0
        self._stopped = False

    def write(self, string: str) -> int:
        cell = frozenset(self.parent_header.items())
        if cell != self._cell:
            self._cell, self._written, self._stopped = cell, 0, False
        size = len(string) if isinstance(string, str) else 0
        room = self.sent_chars - self._written
        self._written += size
        if self._written > self.stop_chars and not self._stopped:
            self._stopped = True
            msg = (
                f"this cell printed more than {self.stop_chars:,} characters "
                "(the grading sandbox's limit)"
            )
            raise OutputLimitExceeded(msg)
        if room <= 0:
            return size
        if size > room:
            super().write(string[:room] + DROPPED)
            return size
        written = super().write(string)
        return size if written is None else written
