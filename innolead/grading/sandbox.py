"""Run participants' notebooks in a sandbox while they are graded.

nbgrader executes a submission with the instructor's own rights, in the course folder, with no
limits. This kernel manager starts every grading kernel inside bubblewrap (Debian package
``bubblewrap``) instead:

- the filesystem holds only the system, Python, the course toolkit and case data (all
  read-only) and the submission's own folder (read-only); ``source/``, ``release/``, the
  gradebook, other participants' folders and the home directory do not exist inside;
- the kernel writes only to its scratch space: a private, size-limited ``/tmp`` (its home) and
  the folder of its connection sockets; both disappear with the kernel;
- there is no network (a new, empty network namespace), no view of other processes, and none
  of the instructor's environment variables (tokens, keys);
- ``prlimit`` caps each process's processor seconds, memory, processes and file size, and a
  ``Watchdog`` caps the sandbox as a whole, so a runaway notebook ends with a reason and
  nbgrader records the failure for that submission only.

When grading runs as root (a container, some hubs), the kernel runs under a user id of its
own, because the kernel does not apply process limits to root.

nbgrader picks it up through its own extension point, ``c.CourseExecute.kernel_manager_class`` in
``exercises/nbgrader_config.py``. Without bubblewrap it refuses to start rather than grade
unprotected.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import zmq
import zmq.asyncio
from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Float, Int, List, Type, Unicode, default

from innolead.grading.bwrap import (
    ROOT_UID_BASE,
    TOOLKIT_PATHS,
    ProcessLimits,
    SandboxUnavailable,
    require_tools,
    sandbox_command,
    sandbox_uid,
    task_count,
)
from innolead.grading.watchdog import Limits, Watchdog

__all__ = [
    "SandboxUnavailable",
    "SandboxedKernelClient",
    "SandboxedKernelManager",
    "exit_reason",
    "probe",
]

#: The largest message grading accepts from a kernel; a bigger one (a flood that bypasses the
#: kernel's capped output stream) is refused by ZeroMQ before it takes the grader's memory.
MAX_MESSAGE_BYTES = 64 * 1024**2
#: The kernel's output stream, which sends a limited part of a cell's output and stops a cell
#: that prints without end.
CAPPED_STREAM = "innolead.grading.kernel_stream.CappedOutStream"

#: What a kernel's exit status says about why it stopped (bwrap reports 128 + signal).
_SIGNALLED = {
    signal.SIGXCPU: "it used up its processor time (the grading sandbox's limit)",
    signal.SIGKILL: "it was killed, for example after using up its processor time",
    signal.SIGSEGV: "it crashed (segmentation fault), for example when it ran out of memory",
    signal.SIGABRT: "it crashed (aborted), for example when it ran out of memory",
    signal.SIGXFSZ: "it wrote a file larger than the grading sandbox allows",
}


def exit_reason(status: int | None) -> str:
    """Why a sandboxed kernel stopped, from its exit status, in words."""
    if status is None:
        return ""
    if status > 128 and status - 128 in {s.value for s in _SIGNALLED}:
        return _SIGNALLED[signal.Signals(status - 128)]
    if status < 0 and -status in {s.value for s in _SIGNALLED}:
        return _SIGNALLED[signal.Signals(-status)]
    return f"it ended itself (exit status {status})"


class SandboxedKernelClient(AsyncKernelClient):
    """A kernel client that refuses messages larger than ``MAX_MESSAGE_BYTES``."""

    @default("context")
    def _context_default(self) -> zmq.asyncio.Context:
        self._created_context = True
        context = zmq.asyncio.Context()
        context.setsockopt(zmq.MAXMSGSIZE, MAX_MESSAGE_BYTES)
        return context


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in bubblewrap under resource limits."""

    client_class = DottedObjectName("innolead.grading.sandbox.SandboxedKernelClient")
    client_factory = Type(SandboxedKernelClient, klass=AsyncKernelClient)

    cpu_seconds = Int(
        300, help="Processor seconds a grading kernel and its processes may use in all."
    ).tag(config=True)
    memory_bytes = Int(
        3 * 1024**3, help="Memory a grading kernel may use (each process, and all together)."
    ).tag(config=True)
    extra_processes = Int(
        64,
        help="Processes and threads the sandbox's user may start beyond those it runs already "
        "(a hard limit set by prlimit).",
    ).tag(config=True)
    max_processes = Int(
        16,
        help="Processes a notebook may run at once besides its kernel; beyond that the watchdog "
        "stops them and interrupts the cell.",
    ).tag(config=True)
    file_bytes = Int(50 * 1024**2, help="Largest file a kernel may write.").tag(config=True)
    tmp_bytes = Int(
        64 * 1024**2, help="Size of the kernel's private /tmp, its home and scratch folder."
    ).tag(config=True)
    readonly_paths = List(
        Unicode(),
        default_value=list(TOOLKIT_PATHS),
        help="Folders the notebooks may read: the course toolkit and case data.",
    ).tag(config=True)
    root_uid_base = Int(
        ROOT_UID_BASE,
        help="When grading runs as root, kernels run as a user id from this one up (one per "
        "grading process; by default in the range systemd leaves unused), owning no file.",
    ).tag(config=True)
    sent_output_chars = Int(
        2_000_000,
        help="Characters of a cell's output the kernel sends; it drops the rest, so that no "
        "single message swamps grading.",
    ).tag(config=True)
    stop_output_chars = Int(
        10_000_000,
        help="Characters a cell may print before printing raises OutputLimitExceeded, which "
        "ends a runaway loop.",
    ).tag(config=True)
    watch_interval = Float(
        0.25, help="Seconds between the watchdog's looks at the sandbox's processes."
    ).tag(config=True)

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)
        require_tools()
        self._scratch = Path(tempfile.mkdtemp(prefix="innolead-grading-"))
        # ZeroMQ over TCP cannot cross into the kernel's empty network namespace; IPC sockets
        # in the shared scratch folder can.
        self.transport = "ipc"
        self.ip = str(self._scratch / "kernel")
        self.connection_file = str(self._scratch / "kernel.json")
        self._uid = sandbox_uid(self.root_uid_base)
        self.watchdog: Watchdog | None = None
        self.exit_status: int | None = None

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        extra = [*(extra_arguments or []), f"--IPKernelApp.outstream_class={CAPPED_STREAM}"]
        command = super().format_kernel_cmd(extra)
        workdir = Path(str((self._launch_args or {}).get("cwd") or Path.cwd())).resolve()
        if self._uid is not None:
            for path in (self._scratch, Path(self.connection_file)):
                os.chown(path, self._uid, self._uid)
        owner = os.getuid() if self._uid is None else self._uid
        limits = ProcessLimits(
            self.cpu_seconds,
            self.memory_bytes,
            task_count(owner) + self.extra_processes,
            self.file_bytes,
        )
        return sandbox_command(
            command,
            workdir=workdir,
            scratch=self._scratch,
            readonly=list(self.readonly_paths),
            limits=limits,
            uid=self._uid,
            tmp_bytes=self.tmp_bytes,
            env={
                "INNOLEAD_SENT_CHARS": str(self.sent_output_chars),
                "INNOLEAD_STOP_CHARS": str(self.stop_output_chars),
            },
        )

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: object) -> None:
        await super()._async_launch_kernel(kernel_cmd, **kw)
        limits = Limits(self.max_processes, self.memory_bytes, self.cpu_seconds)
        pid = getattr(self.provisioner, "pid", None)
        assert pid is not None, "the kernel's provisioner started no process"
        self.watchdog = Watchdog(pid, limits, self.watch_interval).start()

    async def interrupt_kernel(self) -> None:  # type: ignore[override]  # AsyncKernelManager's
        """Ask the kernel to interrupt itself: a signal would reach bubblewrap, not the kernel."""
        if not self.has_kernel:
            msg = "Cannot interrupt kernel. No kernel is running!"
            raise RuntimeError(msg)
        self._connect_control_socket()
        self.session.send(self._control_socket, self.session.msg("interrupt_request", content={}))

    async def is_alive(self) -> bool:  # type: ignore[override]  # AsyncKernelManager's
        alive = await super().is_alive()
        process = getattr(self.provisioner, "process", None)
        if not alive and process is not None and self.exit_status is None:
            self.exit_status = process.poll()
        return alive

    @property
    def stopped_by_sandbox(self) -> str:
        """Why the watchdog stopped the whole sandbox ("" if it did not)."""
        return self.watchdog.fatal if self.watchdog is not None else ""

    def stop_reason(self) -> str:
        """Why the kernel stopped on its own, in words ("" if it did not)."""
        return self.stopped_by_sandbox or exit_reason(self.exit_status)

    def end_cell(self) -> list[str]:
        """After a cell: stop processes it left behind; why the sandbox stepped in, if it did."""
        if self.watchdog is None:
            return []
        self.watchdog.end_strays()
        return self.watchdog.take_events()

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        if self.watchdog is not None and not restart:
            self.watchdog.stop()
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._scratch, ignore_errors=True)


def probe(
    code: str = "import os; print(sorted(os.listdir('/')))", workdir: Path | None = None
) -> str:
    """Run ``code`` in a sandbox once and return what it printed (for checks and tests)."""
    with tempfile.TemporaryDirectory(prefix="innolead-probe-") as tmp:
        scratch, work = Path(tmp) / "scratch", Path(workdir or Path(tmp) / "work")
        scratch.mkdir()
        work.mkdir(exist_ok=True)
        uid = sandbox_uid()
        if uid is not None:
            os.chown(scratch, uid, uid)
        limits = ProcessLimits(30, 2 * 1024**3, task_count(uid or os.getuid()) + 32, 1024**2)
        result = subprocess.run(
            sandbox_command(
                [sys.executable, "-c", code],
                workdir=work,
                scratch=scratch,
                readonly=list(TOOLKIT_PATHS),
                limits=limits,
                uid=uid,
            ),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    return result.stdout + result.stderr
