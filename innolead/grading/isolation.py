"""Run grading jobs in worker processes, several at a time, so no submission stops the batch.

Each worker is forked from the instructor's command, which has already imported nbgrader (a
few seconds per process saved), and grades one submission after another, as plain
``nbgrader autograde`` does, so that what nbgrader prepares on its first notebook (about half
a second) serves the next ones too. For each job it writes everything it prints to the job's
log file and sends the result back through a pipe. A job that outlives its time limit is
stopped by killing its worker, whose sandboxed kernel dies with it (bubblewrap's
``--die-with-parent``); a fresh worker takes the next job. ``run_pool`` keeps up to
``workers`` jobs running and hands each result back in the order they finish; all forking
happens in the calling thread.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Task:
    """One job for ``run_pool``: call ``target(*args)``, log to ``log``, stop after ``limit`` s."""

    key: str
    target: Callable[..., Any]
    args: tuple
    log: Path
    limit: float


def _serve(conn: Connection) -> None:
    """A worker's life: run the jobs it receives, one after another, until told to stop."""
    sys.stdout = os.fdopen(1, "w", buffering=1, closefd=False)
    sys.stderr = os.fdopen(2, "w", buffering=1, closefd=False)
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        target, args, log = job
        fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.dup2(fd, 1)
        os.dup2(fd, 2)
        os.close(fd)
        try:
            result = ("ok", target(*args))
        except BaseException as err:  # report anything, including SystemExit, to the parent
            result = ("error", f"{type(err).__name__}: {err}")
        sys.stdout.flush()
        sys.stderr.flush()
        conn.send(result)


class _Worker:
    """A forked worker process and the job it is running, if any."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("fork")
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve, args=(theirs,), daemon=True)
        self.process.start()
        theirs.close()
        self.task: Task | None = None
        self.deadline = 0.0

    def run(self, task: Task) -> None:
        task.log.parent.mkdir(parents=True, exist_ok=True)
        self.conn.send((task.target, task.args, str(task.log)))
        self.task, self.deadline = task, time.monotonic() + task.limit

    def result(self) -> tuple[str, Any]:
        """The job's answer once the pipe is readable (an answer or the worker's end), or a
        timeout; after a timeout or a crash the worker is gone."""
        assert self.task is not None
        try:
            if not self.conn.poll(0):
                self.stop()  # the job's sandboxed kernel dies with it
                return "timeout", f"still running after {self.task.limit:.0f} s, so it was stopped"
            return self.conn.recv()
        except EOFError:
            self.process.join(timeout=10)
            code = self.process.exitcode
            return "crashed", f"the grading process ended unexpectedly (exit code {code})"

    @property
    def alive(self) -> bool:
        return self.process.is_alive() and not self.conn.closed

    def stop(self) -> None:
        """End the worker: at once if it is running a job, else by asking it to."""
        if self.task is None and not self.conn.closed:
            with contextlib.suppress(OSError):  # it may be gone already
                self.conn.send(None)
        self.conn.close()
        if self.task is not None:
            self.process.kill()
        self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()


def run_pool(
    tasks: Iterable[Task],
    workers: int,
    on_result: Callable[[Task, str, Any], None],
    before_start: Callable[[Task], bool] = lambda task: True,
) -> None:
    """Run ``tasks``, ``workers`` at a time, calling ``on_result(task, status, value)`` for each.

    ``before_start(task)`` runs just before a task would start; if it returns False the task is
    skipped (it settled the task itself). ``status`` is ``"ok"`` with the target's return value,
    ``"error"`` when it raised, ``"timeout"`` when it outlived its limit, or ``"crashed"``.
    """
    waiting: deque[Task] = deque(tasks)
    idle: list[_Worker] = []
    busy: list[_Worker] = []

    def fill() -> None:
        while waiting and len(busy) < max(workers, 1):
            task = waiting.popleft()
            if before_start(task):
                worker = idle.pop() if idle else _Worker()
                worker.run(task)
                busy.append(worker)

    try:
        while waiting or busy:
            fill()
            if not busy:
                continue
            soonest = min(worker.deadline for worker in busy) - time.monotonic()
            ready = wait([worker.conn for worker in busy], timeout=max(soonest, 0))
            now = time.monotonic()
            for worker in [w for w in busy if w.conn in ready or w.deadline <= now]:
                busy.remove(worker)
                task, result = worker.task, worker.result()
                worker.task = None
                assert task is not None  # a busy worker always holds a task
                if result[0] in ("ok", "error") and worker.alive:
                    idle.append(worker)
                else:
                    worker.stop()
                fill()  # the worker takes its next job before this one is settled
                on_result(task, *result)
    finally:
        for worker in idle + busy:
            worker.stop()
