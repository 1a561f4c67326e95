"""The course hub's system side: accounts, the instructor's course folder, per-user cgroups.

Standard library only: the hub's configuration imports it, and so do the tests and the load
benchmark (which run in the repository's .venv, not the hub's environment).

Command line (as root)::

    python3 hubtools.py --add-instructor NAME [--exchange DIR] [--prefix DIR]
    python3 hubtools.py --add-participant NAME [NAME ...]
    python3 hubtools.py --setup-instructor NAME [--exchange DIR] [--prefix DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import grp
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

COURSE_ID = "innolead"
INSTRUCTORS_GROUP = "innolead-instructors"
PARTICIPANTS_GROUP = "innolead-participants"
DEFAULT_PREFIX = Path("/opt/innolead-hub")
DEFAULT_EXCHANGE = Path("/srv/nbgrader/exchange")
#: The folder under which the hub makes one cgroup per user.
CGROUP_NAME = "innolead-hub"


# --- accounts ---------------------------------------------------------------------------------
def members(group: str) -> set[str]:
    """The users in a system group (as a supplementary or as their primary group)."""
    try:
        entry = grp.getgrnam(group)
    except KeyError:
        return set()
    users = set(entry.gr_mem)
    users |= {p.pw_name for p in pwd.getpwall() if p.pw_gid == entry.gr_gid}
    return users


def role(user: str) -> str | None:
    """'instructor', 'participant' or None (not in the course: the hub refuses the login)."""
    if user in members(INSTRUCTORS_GROUP):
        return "instructor"
    if user in members(PARTICIPANTS_GROUP):
        return "participant"
    return None


def add_user(name: str, group: str) -> pwd.struct_passwd:
    """Create a system user in ``group`` with a private home (0700), or add it to the group."""
    try:
        pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--create-home", "--shell", "/bin/bash", "--groups", group, name],
            check=True,
        )
    else:
        subprocess.run(["usermod", "--append", "--groups", group, name], check=True)
    entry = pwd.getpwnam(name)
    Path(entry.pw_dir).chmod(0o700)
    return entry


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(Path(root) / name, uid, gid, follow_symlinks=False)


def participant_folder(name: str) -> Path:
    """~/innolead of a participant (where fetched assignments go), created if missing."""
    entry = pwd.getpwnam(name)
    folder = Path(entry.pw_dir) / COURSE_ID
    if not folder.exists():
        folder.mkdir(mode=0o700)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    return folder


def setup_instructor(
    name: str, exchange: Path = DEFAULT_EXCHANGE, prefix: Path = DEFAULT_PREFIX
) -> Path:
    """The instructor's ~/course (from the installed course template) and the exchange's course
    folder owned by the instructor (nbgrader's release refuses a folder someone else owns, and a
    participant who created it first could read every submission)."""
    entry = pwd.getpwnam(name)
    course = Path(entry.pw_dir) / "course"
    if not course.exists():
        shutil.copytree(prefix / "course" / "template", course)
        _chown_tree(course, entry.pw_uid, entry.pw_gid)
        course.chmod(0o700)
    exchange = Path(exchange)
    exchange.mkdir(parents=True, exist_ok=True)
    exchange.chmod(0o777)
    folder = exchange / COURSE_ID
    if folder.exists() and folder.stat().st_uid != entry.pw_uid:
        msg = (
            f"{folder} belongs to {pwd.getpwuid(folder.stat().st_uid).pw_name}, not the "
            f"instructor {name}: check its contents, then remove it and run this again."
        )
        raise SystemExit(msg)
    folder.mkdir(mode=0o755, exist_ok=True)
    os.chown(folder, entry.pw_uid, grp.getgrnam(INSTRUCTORS_GROUP).gr_gid)
    folder.chmod(0o755)
    return course


# --- cgroups ----------------------------------------------------------------------------------
def _own_cgroup(controller: str) -> str:
    """This process's cgroup path for a v1 controller ('' for the unified v2 hierarchy)."""
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, names, path = line.split(":", 2)
        if controller in names.split(","):
            return path
    return "/"


def cgroup_dirs(user: str) -> dict[str, Path]:
    """Where a user's cgroup lives: {'memory': ..., 'cpu': ...} (the same folder on v2)."""
    base = Path("/sys/fs/cgroup")
    if (base / "cgroup.controllers").exists():  # cgroup v2
        folder = base / CGROUP_NAME / user
        return {"memory": folder, "cpu": folder}
    return {
        controller: base / controller / _own_cgroup(controller).lstrip("/") / CGROUP_NAME / user
        for controller in ("memory", "cpu")
    }


def _write(path: Path, value: str) -> None:
    path.write_text(value)


def _enable_v2_controllers(folder: Path) -> None:
    root = Path("/sys/fs/cgroup")
    parent = folder.parent
    parent.mkdir(exist_ok=True)
    for level in (root, parent):
        available = (level / "cgroup.controllers").read_text().split()
        wanted = [f"+{c}" for c in ("memory", "cpu") if c in available]
        if wanted:
            _write(level / "cgroup.subtree_control", " ".join(wanted))


def limit(user: str, pid: int, mem_bytes: int | None, cpus: float | None) -> dict[str, Path]:
    """Put ``pid`` (a user's server; its kernels follow) in the user's cgroup with limits.

    Raises OSError where cgroups cannot be written (a container without them): the caller logs
    it and the server runs without limits.
    """
    dirs = cgroup_dirs(user)
    v2 = dirs["memory"] == dirs["cpu"]
    if v2:
        _enable_v2_controllers(dirs["memory"])
    for folder in dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    mem, cpu = dirs["memory"], dirs["cpu"]
    if mem_bytes:
        _write(mem / ("memory.max" if v2 else "memory.limit_in_bytes"), str(mem_bytes))
    if cpus:
        period = 100_000
        quota = int(cpus * period)
        if v2:
            _write(cpu / "cpu.max", f"{quota} {period}")
        else:
            _write(cpu / "cpu.cfs_period_us", str(period))
            _write(cpu / "cpu.cfs_quota_us", str(quota))
    for folder in {mem, cpu}:
        _write(folder / "cgroup.procs", str(pid))
    return dirs


def memory_bytes(user: str) -> int | None:
    """Memory a user's server and kernels use now (their cgroup's charge), or None."""
    folder = cgroup_dirs(user)["memory"]
    for name in ("memory.current", "memory.usage_in_bytes"):
        if (folder / name).exists():
            return int((folder / name).read_text())
    return None


def limits_of(user: str) -> dict[str, str]:
    """The limits set on a user's cgroup, as the kernel reports them."""
    dirs = cgroup_dirs(user)
    out = {}
    for name in ("memory.max", "memory.limit_in_bytes"):
        if (dirs["memory"] / name).exists():
            out["memory"] = (dirs["memory"] / name).read_text().strip()
    for name in ("cpu.max", "cpu.cfs_quota_us"):
        if (dirs["cpu"] / name).exists():
            out["cpu"] = (dirs["cpu"] / name).read_text().strip()
    out["procs"] = (dirs["memory"] / "cgroup.procs").read_text()
    return out


def release(user: str) -> None:
    """Remove a user's (empty) cgroup after their server stopped; never fails."""
    for folder in set(cgroup_dirs(user).values()):
        with contextlib.suppress(OSError):
            folder.rmdir()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--add-instructor", metavar="NAME")
    parser.add_argument("--add-participant", metavar="NAME", nargs="+", default=[])
    parser.add_argument("--setup-instructor", metavar="NAME")
    parser.add_argument("--exchange", type=Path, default=Path(
        os.environ.get("INNOLEAD_EXCHANGE", DEFAULT_EXCHANGE)))
    parser.add_argument("--prefix", type=Path, default=Path(
        os.environ.get("INNOLEAD_HUB_PREFIX", DEFAULT_PREFIX)))
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        parser.error("run as root: it creates accounts and folders")
    for name in args.add_participant:
        add_user(name, PARTICIPANTS_GROUP)
        participant_folder(name)
        print(f"participant {name} ready")
    for name in filter(None, (args.add_instructor, args.setup_instructor)):
        add_user(name, INSTRUCTORS_GROUP)
        course = setup_instructor(name, args.exchange, args.prefix)
        print(f"instructor {name} ready: course folder {course}, exchange {args.exchange}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
