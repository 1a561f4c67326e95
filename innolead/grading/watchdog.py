"""Watch a sandboxed kernel's processes from outside, for the limits prlimit cannot set.

prlimit limits each process of the sandbox on its own; a notebook that starts processes can
multiply them (a fork bomb), and processes a cell starts would outlive it. A ``Watchdog`` looks
at every process in one sandbox a few times a second, from outside, and

- stops the whole sandbox when the notebook runs more than ``max_processes`` processes at once
  besides its kernel (a fork bomb), when they together hold more than ``memory_bytes`` of
  memory (prlimit's memory limit counts each process alone), or when all its processes
  together have used more than ``cpu_seconds`` of processor time;
- stops, on request (``end_strays``, after each cell), processes a cell left running.

It records why each time, for the grading summary. The sandbox's processes are the
descendants of the ``bwrap`` process: bubblewrap's init (process 1 inside) and, started first
under it, the kernel; every other process is one the notebook started, because an orphan is
adopted by that init, never by a process outside the sandbox.
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path

_TICKS = os.sysconf("SC_CLK_TCK")
_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Process:
    """What /proc says about one process."""

    pid: int
    parent: int
    started: int  # clock ticks after boot
    cpu_seconds: float  # its own and its waited-for children's
    memory_bytes: int  # resident


def _read(pid: int) -> Process | None:
    """The process ``pid``, or None when it has ended (a zombie holds nothing but its entry)."""
    try:
        data = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # The command name (field 2) may hold spaces and brackets; the fields after it do not.
    fields = data[data.rindex(b")") + 2 :].split()
    if fields[0] in (b"Z", b"X"):
        return None
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime, stime, cutime, cstime
    return Process(pid, int(fields[1]), int(fields[19]), ticks / _TICKS, int(fields[21]) * _PAGE)


def processes_under(root: int) -> list[Process]:
    """Every descendant of process ``root`` (not ``root`` itself), oldest first."""
    children: dict[int, list[Process]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            found = _read(int(entry.name))
            if found is not None:
                children.setdefault(found.parent, []).append(found)
    under: list[Process] = []
    queue = [root]
    while queue:
        for child in children.get(queue.pop(), []):
            under.append(child)
            queue.append(child.pid)
    return sorted(under, key=lambda p: (p.started, p.pid))


def proportional_memory(pid: int) -> int:
    """Memory a process holds, shared pages split among their users (Pss), in bytes."""
    try:
        with Path(f"/proc/{pid}/smaps_rollup").open() as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _kill(pids: list[int], signum: int = signal.SIGKILL) -> None:
    for pid in pids:
        try:
            os.kill(pid, signum)
        except OSError:
            continue  # it ended by itself meanwhile


@dataclass(frozen=True)
class Limits:
    """What one sandbox may use, summed over all its processes."""

    max_processes: int
    memory_bytes: int
    cpu_seconds: float


class Watchdog:
    """Polls one sandbox's processes in a thread and enforces ``Limits`` on the whole sandbox.

    Going over a limit stops the whole sandbox, kernel included, at once: the notebook is then
    not graded, with the reason, the same way however busy the machine is (an interrupted cell
    could go on or not, depending on where the interrupt lands).
    """

    def __init__(self, root: int, limits: Limits, interval: float = 0.25) -> None:
        self.root, self.limits, self.interval = root, limits, interval
        self.events: list[str] = []  # why the watchdog stepped in, oldest first
        self.fatal = ""  # why it stopped the whole sandbox, if it did
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sandbox-watchdog", daemon=True)

    def start(self) -> Watchdog:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            if self.check():
                return

    def _split(self) -> tuple[list[Process], list[Process]]:
        """The notebook's own processes (not bubblewrap's init, not the kernel), and all."""
        everything = processes_under(self.root)
        init = next((p for p in everything if p.parent == self.root), None)
        if init is None:
            return [], everything
        under_init = [p for p in everything if p.parent == init.pid]
        kernel = under_init[0] if under_init else None
        return [p for p in everything if p is not init and p is not kernel], everything

    def _record(self, reason: str) -> None:
        with self._lock:
            self.events.append(reason)

    def take_events(self) -> list[str]:
        """The reasons recorded since the last call, once each."""
        with self._lock:
            events, self.events = list(dict.fromkeys(self.events)), []
        return events

    def _stop_all(self, reason: str) -> bool:
        with self._lock:
            if not self.fatal:
                self.fatal = reason
        _kill([self.root])  # bubblewrap then ends every process in the sandbox
        return True

    def over_limit(self, others: list[Process], everything: list[Process]) -> str:
        """Which limit the sandbox is over, in words ("" if none)."""
        if sum(p.cpu_seconds for p in everything) > self.limits.cpu_seconds:
            return (
                f"it used more than {self.limits.cpu_seconds:g} s of processor time "
                "(the grading sandbox's limit)"
            )
        if len(others) > self.limits.max_processes:
            return (
                f"it started more than {self.limits.max_processes} processes at once "
                "(the grading sandbox's limit)"
            )
        memory = sum(proportional_memory(p.pid) for p in everything) if others else 0
        if memory > self.limits.memory_bytes:
            return (
                f"its processes used more than {self.limits.memory_bytes / 1024**3:g} GB of "
                "memory together (the grading sandbox's limit)"
            )
        return ""

    def check(self) -> bool:
        """Look once; stop the whole sandbox and return True if it is over a limit."""
        reason = self.over_limit(*self._split())
        return self._stop_all(reason) if reason else False

    def end_strays(self) -> None:
        """After a cell: apply the limits, then stop processes the cell left running."""
        others, everything = self._split()
        reason = self.over_limit(others, everything)
        if reason:
            self._stop_all(reason)
        elif others:
            self._record(
                f"it left {len(others)} process(es) running after the cell ended; they were stopped"
            )
            _kill([p.pid for p in others])
