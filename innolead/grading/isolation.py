"""Run one grading job in a process of its own, so that no submission can stop the batch.

The child is forked from the instructor's command, which has already imported nbgrader (a
few seconds per process saved). It writes everything it prints to a log file, sends its
result back through a pipe, and is killed if it outlives its time limit; the kernel it started
notices its parent is gone and exits too (ipykernel's parent poller).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _child(conn: Any, log_path: str, target: Callable[..., Any], args: tuple) -> None:
    fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = os.fdopen(1, "w", buffering=1)
    sys.stderr = os.fdopen(2, "w", buffering=1)
    try:
        conn.send(("ok", target(*args)))
    except BaseException as err:  # report anything, including SystemExit, to the parent
        conn.send(("error", f"{type(err).__name__}: {err}"))
    finally:
        conn.close()


def run_isolated(
    target: Callable[..., Any], args: tuple, *, log: Path, limit: float
) -> tuple[str, Any]:
    """Call ``target(*args)`` in a forked process; its output goes to ``log``.

    Returns
    -------
    tuple
        ``("ok", result)``, ``("error", message)`` when ``target`` raised,
        ``("timeout", message)`` when it ran longer than ``limit`` seconds, or
        ``("crashed", message)`` when the process died without an answer.
    """
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    log.parent.mkdir(parents=True, exist_ok=True)
    process = context.Process(target=_child, args=(send, str(log), target, args), daemon=True)
    process.start()
    send.close()
    try:
        if not receive.poll(limit):
            process.kill()
            process.join()
            return "timeout", f"still running after {limit:.0f} s, so it was stopped"
        return receive.recv()
    except EOFError:
        process.join()
        return "crashed", f"the grading process ended unexpectedly (exit code {process.exitcode})"
    finally:
        receive.close()
        process.join(timeout=10)
        if process.is_alive():
            process.kill()
            process.join()
