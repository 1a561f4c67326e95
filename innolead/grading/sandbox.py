"""Run participants' notebooks in a sandbox while they are graded.

nbgrader executes a submission with the instructor's own rights, in the course folder, with no
limits. This kernel manager starts every grading kernel inside bubblewrap (Debian package
``bubblewrap``) instead:

- the filesystem holds only the system, Python, the course toolkit and case data (all
  read-only) and the submission's own folder (read-only); the kernel writes only to a private
  scratch folder that is deleted afterwards; ``source/``, ``release/``, the gradebook, other
  participants' folders and the home directory do not exist inside;
- there is no network (a new, empty network namespace) and no view of other processes;
- ``prlimit`` caps CPU seconds, memory, processes and file size, so a runaway notebook ends
  and nbgrader records the failure for that submission only.

nbgrader picks it up through its own extension point, ``c.Execute.kernel_manager_class`` in
``exercises/nbgrader_config.py``. Without bubblewrap it refuses to start rather than grade
unprotected.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from traitlets import Int, List, Unicode

REPO = Path(__file__).resolve().parents[2]
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/passwd", "/etc/group")
SYSTEM_TREES = ("/etc/fonts", "/etc/alternatives")


class SandboxUnavailable(RuntimeError):
    """bubblewrap or prlimit is missing, so grading cannot be isolated."""


def require_tools() -> tuple[str, str]:
    """The paths of bwrap and prlimit, or a message saying how to install them."""
    bwrap, prlimit = shutil.which("bwrap"), shutil.which("prlimit")
    if not bwrap or not prlimit:
        missing = "bubblewrap (bwrap)" if not bwrap else "util-linux (prlimit)"
        msg = (
            f"Grading runs participants' code in a sandbox, but {missing} is not installed. "
            "Install it with `sudo apt-get install -y bubblewrap util-linux`, then grade again. "
            "Nothing was graded."
        )
        raise SandboxUnavailable(msg)
    return bwrap, prlimit


def _own_process_count() -> int:
    uid = os.getuid()
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += 1
            except OSError:
                continue
    return count


def _bind(flag: str, path: str | Path) -> list[str]:
    return [flag, str(path), str(path)] if Path(path).exists() else []


def sandbox_command(
    command: list[str],
    *,
    workdir: Path,
    scratch: Path,
    readonly: list[str],
    cpu_seconds: int,
    memory_bytes: int,
    extra_processes: int,
    file_bytes: int,
) -> list[str]:
    """Wrap a kernel command in bubblewrap and prlimit."""
    bwrap, prlimit = require_tools()
    args = [bwrap, "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    args += ["--unshare-net", "--unshare-pid", "--unshare-ipc", "--unshare-uts"]
    for directory in SYSTEM_DIRS:
        if Path(directory).is_symlink():
            args += ["--symlink", os.readlink(directory), directory]
        else:
            args += _bind("--ro-bind", directory)
    for path in (*SYSTEM_FILES, *SYSTEM_TREES):
        args += _bind("--ro-bind", path)
    args += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for path in dict.fromkeys([sys.base_prefix, sys.prefix, *readonly]):
        args += _bind("--ro-bind", path)
    args += ["--bind", str(scratch), str(scratch)]
    args += _bind("--ro-bind", workdir) + ["--chdir", str(workdir)]
    args += ["--unsetenv", "JPY_PARENT_PID", "--setenv", "HOME", str(scratch)]
    args += ["--setenv", "TMPDIR", str(scratch), "--setenv", "MPLCONFIGDIR", str(scratch)]
    args += ["--setenv", "OPENBLAS_NUM_THREADS", "1", "--setenv", "NBGRADER_EXECUTION", "autograde"]
    limits = [
        prlimit,
        f"--cpu={cpu_seconds}",
        f"--as={memory_bytes}",
        f"--nproc={_own_process_count() + extra_processes}",
        f"--fsize={file_bytes}",
        "--",
    ]
    return [*args, "--", *limits, *command]


class SandboxedKernelManager(AsyncKernelManager):
    """A kernel manager whose kernels run in bubblewrap under resource limits."""

    cpu_seconds = Int(300, help="CPU seconds a grading kernel may use.").tag(config=True)
    memory_bytes = Int(3 * 1024**3, help="Address space of a grading kernel.").tag(config=True)
    extra_processes = Int(
        64, help="Processes a kernel may start beyond those its user already runs."
    ).tag(config=True)
    file_bytes = Int(50 * 1024**2, help="Largest file a kernel may write.").tag(config=True)
    readonly_paths = List(
        Unicode(),
        default_value=[str(REPO / "innolead"), str(REPO / "cases")],
        help="Folders the notebooks may read: the course toolkit and case data.",
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

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = super().format_kernel_cmd(extra_arguments)
        workdir = Path(self._launch_args.get("cwd") or os.getcwd()).resolve()
        return sandbox_command(
            command,
            workdir=workdir,
            scratch=self._scratch,
            readonly=list(self.readonly_paths),
            cpu_seconds=self.cpu_seconds,
            memory_bytes=self.memory_bytes,
            extra_processes=self.extra_processes,
            file_bytes=self.file_bytes,
        )

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._scratch, ignore_errors=True)


def probe() -> str:
    """Start a sandboxed kernel once and report what it can see (for `innolead doctor`)."""
    code = "import os; print(sorted(os.listdir('/')))"
    result = subprocess.run(
        sandbox_command(
            [sys.executable, "-c", code],
            workdir=Path.cwd(),
            scratch=Path(tempfile.mkdtemp()),
            readonly=[str(REPO / "innolead"), str(REPO / "cases")],
            cpu_seconds=10,
            memory_bytes=2 * 1024**3,
            extra_processes=16,
            file_bytes=1024**2,
        ),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    return result.stdout or result.stderr
