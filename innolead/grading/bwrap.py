"""The bubblewrap command line of a grading sandbox, and the tools it needs.

``sandbox_command`` wraps a kernel's command in ``bwrap`` (new mount, process, network, IPC and
host-name namespaces; read-only binds of the system, Python, the toolkit and the case data and
of the submission's folder; a writable scratch folder; none of the instructor's environment),
``setpriv`` when grading runs as root, and ``prlimit``. ``require_tools`` says what to install
when a tool is missing, and checks once that bubblewrap can start a sandbox here.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from innolead import paths
from innolead.grading.course import CourseError

#: What a graded notebook legitimately reads besides its own folder: the toolkit and case data.
TOOLKIT_PATHS = paths.sandbox_readable()
SYSTEM_DIRS = ("/usr", "/lib", "/lib64", "/lib32", "/bin", "/sbin")
SYSTEM_FILES = ("/etc/ld.so.cache", "/etc/localtime", "/etc/passwd", "/etc/group")
SYSTEM_TREES = ("/etc/fonts", "/etc/alternatives")
#: The instructor's environment variables a kernel keeps; all others (tokens, keys) are dropped.
KEPT_ENV = ("PATH", "LANG", "LANGUAGE", "LC_ALL", "LC_CTYPE", "TZ", "PYTHONPATH")
#: Variables every grading kernel gets: one thread per numeric library (so the process limit
#: and the other workers are not starved), no bytecode written, and nbgrader's grading flag.
SANDBOX_ENV = {
    "HOME": "/tmp",
    "TMPDIR": "/tmp",
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "PYTHONDONTWRITEBYTECODE": "1",
    "NBGRADER_EXECUTION": "autograde",
}
#: The commands the sandbox needs, and the Debian package of each.
TOOLS = {"bwrap": "bubblewrap", "prlimit": "util-linux", "setpriv": "util-linux"}
#: Files that mark an nbgrader course folder, which a sandbox must never show.
COURSE_MARKERS = ("gradebook.db", "nbgrader_config.py")


#: When grading runs as root, kernels run as a user id from this one up (root ignores process
#: limits); by default in the range systemd leaves unused, so the id owns no file.
ROOT_UID_BASE = 1_900_000_000


def sandbox_uid(base: int = ROOT_UID_BASE) -> int | None:
    """The user id a sandbox switches to: None unless grading runs as root.

    One id per grading process, so that each sandbox's process limit counts its own processes.
    """
    return base + os.getpid() % 65_536 if os.geteuid() == 0 else None


class SandboxUnavailable(CourseError):
    """The sandbox's tools are missing or cannot run here, so grading cannot be isolated."""


def _needed_tools(switch_user: bool) -> list[str]:
    # Root ignores process limits, so a root instructor's kernels switch user with setpriv.
    return ["bwrap", "prlimit"] + (["setpriv"] if switch_user else [])


def require_tools(switch_user: bool | None = None) -> dict[str, str]:
    """The paths of the sandbox's commands, or a message saying what to install.

    ``switch_user`` (by default: whether this process is root) asks for setpriv too.
    """
    wanted = _needed_tools(os.geteuid() == 0 if switch_user is None else switch_user)
    found = {tool: shutil.which(tool) for tool in wanted}
    missing = [tool for tool, path in found.items() if not path]
    if missing:
        names = " and ".join(f"{TOOLS[t]} (the {t} command)" for t in missing)
        packages = " ".join(sorted({TOOLS[t] for t in missing}))
        msg = (
            f"Grading runs participants' code in a sandbox, but {names} is not installed on "
            f"this computer. Install it with `sudo apt-get install {packages}`, then grade "
            "again. Nothing was graded."
        )
        raise SandboxUnavailable(msg)
    _check_bwrap_runs(found["bwrap"])
    return {tool: str(path) for tool, path in found.items()}


@functools.cache
def _check_bwrap_runs(bwrap: str) -> None:
    """Start an empty sandbox once per process: namespaces may be switched off."""
    user = [] if os.geteuid() == 0 else ["--unshare-user"]
    probe = [bwrap, *user, "--unshare-pid", "--unshare-net", "--ro-bind", "/", "/", "true"]
    result = subprocess.run(probe, capture_output=True, text=True, timeout=30, check=False)
    if result.returncode:
        why = (result.stderr.strip().splitlines() or ["no message"])[-1]
        msg = (
            f"bubblewrap is installed but cannot start a sandbox here ({why}). On Debian, "
            "allow user namespaces with `sudo sysctl -w kernel.unprivileged_userns_clone=1`; "
            "on Ubuntu 24.04 or later, AppArmor must let bwrap use them. Nothing was graded."
        )
        raise SandboxUnavailable(msg)


@dataclass(frozen=True)
class ProcessLimits:
    """What each process in a sandbox may use (prlimit)."""

    cpu_seconds: int
    memory_bytes: int
    tasks: int  # processes and threads of the sandbox's user, RLIMIT_NPROC
    file_bytes: int

    def prlimit(self, prlimit: str) -> list[str]:
        return [
            prlimit,
            # SIGXCPU at the soft limit (a clear exit status), SIGKILL 5 s later.
            f"--cpu={self.cpu_seconds}:{self.cpu_seconds + 5}",
            f"--as={self.memory_bytes}",
            f"--nproc={self.tasks}",
            f"--fsize={self.file_bytes}",
            "--",
        ]


def task_count(uid: int) -> int:
    """Processes and threads a user runs now (what RLIMIT_NPROC counts on older kernels)."""
    count = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    stat = (entry / "stat").read_bytes()
                    count += int(stat[stat.rindex(b")") + 2 :].split()[17])
            except (OSError, ValueError, IndexError):
                continue
    return count


def _bind(flag: str, path: str | Path) -> list[str]:
    return [flag, str(path), str(path)] if Path(path).exists() else []


def _within(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_exposure(workdir: Path, readonly: list[Path]) -> None:
    """Refuse a sandbox that would show more of the course than the submission."""
    for folder in readonly:
        if _within(workdir, folder):
            msg = (
                f"The sandbox would show {folder} read-only, which holds the submission's folder "
                f"{workdir} and so the rest of the course. Remove it from "
                "SandboxedKernelManager.readonly_paths. Nothing was graded."
            )
            raise SandboxUnavailable(msg)
    for marker in COURSE_MARKERS:
        if (workdir / marker).exists():
            msg = (
                f"A notebook would run in the course folder {workdir} itself (it holds {marker}), "
                "so the sandbox would show the whole course. Grade with `innolead autograde` "
                "or `nbgrader autograde`, which run each submission in its own folder."
            )
            raise SandboxUnavailable(msg)


def _parents(paths: list[Path]) -> list[str]:
    """Folders above the bound paths, made traversable (bwrap would create them as 0700)."""
    system = [Path(d) for d in SYSTEM_DIRS]
    above = {
        str(parent)
        for path in paths
        for parent in path.parents
        if parent != Path("/") and not any(_within(parent, s) for s in system)
    }
    return [
        arg for folder in sorted(above, key=len) for arg in ("--perms", "0755", "--dir", folder)
    ]


def _filesystem(workdir: Path, scratch: Path, readonly: list[Path], tmp_bytes: int) -> list[str]:
    args = []
    for directory in SYSTEM_DIRS:
        if Path(directory).is_symlink():
            args += ["--symlink", str(Path(directory).readlink()), directory]
        else:
            args += _bind("--ro-bind", directory)
    for path in (*SYSTEM_FILES, *SYSTEM_TREES):
        args += _bind("--ro-bind", path)
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += ["--size", str(tmp_bytes), "--perms", "1777", "--tmpfs", "/tmp"]
    mine = [p for p in readonly if p.exists()]
    args += _parents([*mine, scratch, workdir])
    for readable in mine:
        args += ["--ro-bind", str(readable), str(readable)]
    args += ["--bind", str(scratch), str(scratch)]
    args += ["--ro-bind", str(workdir), str(workdir), "--chdir", str(workdir)]
    return args


def _environment(extra: dict[str, str]) -> list[str]:
    args = ["--clearenv"]
    for name in KEPT_ENV:
        if name in os.environ:
            args += ["--setenv", name, os.environ[name]]
    for name, value in {**SANDBOX_ENV, **extra}.items():
        args += ["--setenv", name, value]
    return args


def sandbox_command(
    command: list[str],
    *,
    workdir: Path,
    scratch: Path,
    readonly: list[str],
    limits: ProcessLimits,
    uid: int | None = None,
    tmp_bytes: int = 64 * 1024**2,
    env: dict[str, str] | None = None,
) -> list[str]:
    """Wrap a kernel command in bubblewrap and prlimit (and setpriv to ``uid``, as root)."""
    tools = require_tools(switch_user=uid is not None)
    workdir, scratch = workdir.resolve(), scratch.resolve()
    paths = [Path(p).resolve() for p in dict.fromkeys([sys.base_prefix, sys.prefix, *readonly])]
    _check_exposure(workdir, paths)
    args = [tools["bwrap"], "--die-with-parent", "--new-session"]
    args += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts"]
    args += ["--unshare-cgroup-try"]
    if uid is None:
        args += ["--unshare-user", "--disable-userns", "--cap-drop", "ALL"]
        switch = []
    else:
        # As root: keep only what setpriv needs to become `uid`, which then has no capability.
        args += ["--cap-drop", "ALL", "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
        switch = [tools["setpriv"], f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        switch += ["--no-new-privs", "--"]
    args += _filesystem(workdir, scratch, paths, tmp_bytes)
    args += _environment(env or {})
    return [*args, "--", *switch, *limits.prlimit(tools["prlimit"]), *command]
