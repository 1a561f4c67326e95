"""Load on the course hub: N participants start at once, each opening part1 and running its
explorer cells in a kernel of their own server (which stays up, as a participant keeps working).

Measured per round (N from HUB_BENCH_N, default "10,30": one round each, to see the growth):
time from spawn request to a ready server (p50, p95, max), hub API latency while the cohort
starts and works (p50, p95), memory per active participant (server + kernel: the cgroup's
resident memory, and the proportional set size of their processes), the hub's and proxy's
memory, and the processor time a participant's start and first run cost.

Needs root (real system users; `make bench` runs it where it can, and records why not).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import json
import os
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

PREFIX = "ilhub-b"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _pss_kib(uid: int) -> int:
    from tests.hub.hubclient import user_pids

    total = 0
    for pid in user_pids(uid):
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def _cpu_of_user(uid: int) -> float:
    """Processor seconds a user's live processes (server and kernel) have used since they began:
    what starting the server and running part1 cost, whoever else shares the machine."""
    from tests.hub.hubclient import user_pids

    ticks = 0
    for pid in user_pids(uid):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        ticks += int(fields[11]) + int(fields[12]) + int(fields[13]) + int(fields[14])
    return ticks / os.sysconf("SC_CLK_TCK")


def _rss_bytes(user: str) -> int | None:
    """Resident anonymous and mapped memory charged to a user's cgroup (page cache excluded)."""
    from tests.hub.hubclient import hubtools

    folder = hubtools.cgroup_dirs(user)["memory"]
    stat = folder / "memory.stat"
    if not stat.exists():
        return None
    fields = dict(line.split() for line in stat.read_text().splitlines())
    if "anon" in fields:  # cgroup v2
        return int(fields["anon"]) + int(fields.get("file_mapped", 0))
    return int(fields.get("total_rss", fields.get("rss", 0))) + int(
        fields.get("total_mapped_file", fields.get("mapped_file", 0))
    )


def _cpu_seconds() -> float:
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    busy = sum(int(v) for i, v in enumerate(fields) if i not in (3, 4))  # all but idle, iowait
    return busy / os.sysconf("SC_CLK_TCK")


def _process_rss_mib(pid: int | None) -> float | None:
    if not pid:
        return None
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return None


def _load(hub, names: list[str], tokens: dict[str, str]) -> dict:
    """All participants at once: spawn, Fetch, run part1; the hub API probed throughout."""
    from tests.hub import hubclient as hc

    latencies: list[float] = []
    spawn: dict[str, float] = {}
    run: dict[str, float] = {}
    stop = threading.Event()

    def probe() -> None:  # the hub API as the admin panel and the culler use it
        while not stop.is_set():
            started = time.monotonic()
            hub.api("GET", f"/users/{names[0]}")
            latencies.append(time.monotonic() - started)
            stop.wait(0.2)

    failed: list[str] = []

    def participant(name: str) -> None:
        try:
            spawn[name] = hub.spawn(name, timeout=900)
        except RuntimeError:  # counted: a server the hub gave up on under this load
            failed.append(name)
            return
        server = hc.Server(hub, name, tokens[name])
        server.action("fetch", "part1")
        started = time.monotonic()
        server.execute(f"{hc.COURSE_ID}/part1/part1.ipynb", timeout=600, keep_kernel=True)
        run[name] = time.monotonic() - started

    prober = threading.Thread(target=probe, daemon=True)
    cpu_before, wall_before = _cpu_seconds(), time.monotonic()
    prober.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(names)) as pool:
        for job in [pool.submit(participant, name) for name in names]:
            job.result()
    wall = time.monotonic() - wall_before
    cpu = _cpu_seconds() - cpu_before
    stop.set()
    prober.join()
    return {"spawn": spawn, "run": run, "latencies": latencies, "wall": wall, "cpu": cpu,
            "failed": failed}


def _stats(values: list[float], scale: float = 1.0, digits: int = 2) -> dict:
    return {"p50": round(scale * statistics.median(values), digits),
            "p95": round(scale * _pct(values, 0.95), digits),
            "max": round(scale * max(values), digits)}


def _memory(hub, names: list[str]) -> dict:
    from tests.hub.hubclient import hubtools

    time.sleep(3)  # let the kernels settle after their last cell
    rss = [r for r in (_rss_bytes(name) for name in names) if r]
    pss = [p for p in (_pss_kib(hubtools.pwd.getpwnam(name).pw_uid) for name in names) if p]
    proxy = hub.state / "proxy.pid"
    mib = 1024**2
    cpu = [_cpu_of_user(hubtools.pwd.getpwnam(name).pw_uid) for name in names]
    return {
        "cpu_seconds_per_participant": {"median": round(statistics.median(cpu), 2),
                                        "max": round(max(cpu), 2)},
        "memory_per_participant_mib": {
            "rss_median": round(statistics.median(rss) / mib, 1) if rss else None,
            "rss_max": round(max(rss) / mib, 1) if rss else None,
            "pss_median": round(statistics.median(pss) / 1024, 1),
            "pss_max": round(max(pss) / 1024, 1),
        },
        "hub_rss_mib": _process_rss_mib(hub.process.pid),
        "proxy_rss_mib": _process_rss_mib(int(proxy.read_text())) if proxy.exists() else None,
    }


def _round(n: int) -> dict:
    from tests.hub import hubclient as hc
    from tests.hub.hubclient import hubtools

    work = Path(tempfile.mkdtemp(prefix=f"{hc.USER_PREFIX}bench-", dir="/var/tmp"))
    work.chmod(0o755)
    hub = hc.Hub(work, work / "exchange")
    teacher = f"{PREFIX}-instructor"
    names = [f"{PREFIX}{i:03d}" for i in range(1, n + 1)]
    env = {
        "INNOLEAD_EXCHANGE": str(hub.exchange),
        "JUPYTER_CONFIG_PATH": str(hc.PREFIX / "instructor-config"),
        "INNOLEAD_COURSE": f"/home/{teacher}/course",
    }
    try:
        hubtools.add_user(teacher, hubtools.INSTRUCTORS_GROUP)
        hubtools.setup_instructor(teacher, hub.exchange, hc.PREFIX)
        for name in names:
            hubtools.add_user(name, hubtools.PARTICIPANTS_GROUP)
        hub.start()
        hub.add_users(names)
        for command in (("generate", "part1"), ("release", "part1", "--exchange")):
            hc.as_user(teacher, "innolead", *command, env=env)
        tokens = {name: hub.user_token(name) for name in names}
        idle_hub = _process_rss_mib(hub.process.pid)
        load_before = round(os.getloadavg()[0], 1)  # the machine is shared: say how busy
        load = _load(hub, names, tokens)
        return {
            "participants": n,
            "spawn_failures": len(load["failed"]),
            "load_average_before": load_before,
            "spawn_seconds": _stats(list(load["spawn"].values())),
            "run_part1_seconds": _stats(list(load["run"].values())),
            "hub_api_latency_ms": {**_stats(load["latencies"], 1000, 1),
                                   "samples": len(load["latencies"])},
            **_memory(hub, names),
            "hub_rss_mib_idle": idle_hub,
            "cohort_start_wall_seconds": round(load["wall"], 1),
            "machine_cpu_seconds_per_participant_start": round(load["cpu"] / n, 2),
        }
    finally:
        if hub.process:
            for name in names:
                with contextlib.suppress(Exception):  # clean-up: remove all that is left
                    hub.stop_server(name)
        hub.stop()
        for name in [teacher, *names]:
            hc.remove_user(name)
        shutil.rmtree(work, ignore_errors=True)


def run() -> dict:
    if os.geteuid() != 0:
        return {"skipped": "needs root: it creates system users and spawns servers as them"}
    from tests.hub import hubclient as hc

    hc.install_environment()
    sizes = [int(x) for x in os.environ.get("HUB_BENCH_N", "10,30").split(",") if x.strip()]
    rounds = []
    for n in sizes:
        rounds.append(_round(n))
        print(json.dumps(rounds[-1]), flush=True)  # each round's figures as soon as they exist
    largest = rounds[-1]
    per = largest["memory_per_participant_mib"]
    return {
        "machine_cores": os.cpu_count(),
        "rounds": rounds,
        "summary": {
            "N": largest["participants"],
            "spawn_p95_seconds": largest["spawn_seconds"]["p95"],
            "hub_api_p95_ms": largest["hub_api_latency_ms"]["p95"],
            "memory_per_active_participant_mib": per["rss_median"] or per["pss_median"],
            "growth": {
                r["participants"]: {
                    "spawn_p95_seconds": r["spawn_seconds"]["p95"],
                    "hub_api_p95_ms": r["hub_api_latency_ms"]["p95"],
                    "rss_median_mib": r["memory_per_participant_mib"]["rss_median"],
                } for r in rounds
            },
        },
    }
