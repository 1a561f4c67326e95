"""JupyterHub configuration of the course hub (installed as /opt/innolead-hub/etc/).

Everything a municipality changes (the authenticator, admins, limits, the public address) goes
in /etc/innolead-hub/local_config.py, loaded last; see local_config.example.py. Environment
variables (INNOLEAD_*) place the hub's files and ports, so a second hub (the tests) can run on
the same machine.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hubtools  # noqa: E402
from jupyterhub.spawner import LocalProcessSpawner  # noqa: E402
from jupyterhub.utils import random_port  # noqa: E402, F401 (kept for local configs)
from tornado import web  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub provides get_config when it reads this file)

PREFIX = Path(os.environ.get("INNOLEAD_HUB_PREFIX", "/opt/innolead-hub"))
ETC = Path(os.environ.get("INNOLEAD_HUB_ETC", "/etc/innolead-hub"))
STATE = Path(os.environ.get("INNOLEAD_HUB_STATE", "/var/lib/innolead-hub"))
EXCHANGE = os.environ.get("INNOLEAD_EXCHANGE", "/srv/nbgrader/exchange")
VENV = PREFIX / "venv"
IP = os.environ.get("INNOLEAD_HUB_IP", "127.0.0.1")
PORT = int(os.environ.get("INNOLEAD_HUB_PORT", "8000"))
HUB_PORT = int(os.environ.get("INNOLEAD_HUB_API_PORT", "8081"))
PROXY_API_PORT = int(os.environ.get("INNOLEAD_PROXY_API_PORT", "8001"))
#: Seconds without activity after which the idle culler stops a server (its notebooks are saved
#: on disk; the participant's next login starts a fresh server in a few seconds).
IDLE_SECONDS = int(os.environ.get("INNOLEAD_IDLE_SECONDS", "3600"))
#: Per-user limits (server and kernels together). 1G is what the load benchmark measured a
#: participant working on an assignment to need with headroom (instructor guide, JupyterHub).
MEM_LIMIT = os.environ.get("INNOLEAD_MEM_LIMIT", "1G")
CPU_LIMIT = float(os.environ.get("INNOLEAD_CPU_LIMIT", "1"))

# --- The hub and its proxy -----------------------------------------------------------------
c.JupyterHub.bind_url = f"http://{IP}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = HUB_PORT
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [str(PREFIX / "proxy/node_modules/.bin/configurable-http-proxy")]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{PROXY_API_PORT}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
# A restarted hub (an update, a crash) finds the participants' servers still running and their
# routes, instead of stopping every open notebook.
c.JupyterHub.cleanup_servers = False
# Participants see their own server only; instructors are not hub admins unless local_config
# says so (the formgrader runs in the instructor's own server).
c.JupyterHub.admin_access = False


# --- Who may log in ------------------------------------------------------------------------
def course_members_only(
    authenticator: Any, handler: Any, authentication: dict | None
) -> dict | None:
    """Refuse a login whose account is in neither course group (a colleague with a municipal
    account who is not on the course, or a typo), whatever the authenticator said."""
    if authentication and hubtools.role(authentication["name"]) is None:
        authenticator.log.warning("%s is not in the course's groups", authentication["name"])
        return None
    return authentication


c.Authenticator.post_auth_hook = course_members_only
c.Authenticator.allow_all = True  # the groups decide, in the hook above


# --- Spawning ------------------------------------------------------------------------------
class CourseSpawnerMixin:
    """Servers run as the participant's own system user from the shared environment, opening
    JupyterLab on ~/innolead; instructors also get the formgrader (their own config first)."""

    def _course_role(self) -> str:
        found = hubtools.role(self.user.name)
        if found is None:
            raise web.HTTPError(403, f"{self.user.name} is not on the course.")
        return found

    def get_env(self) -> dict[str, str]:
        env = super().get_env()
        env["PATH"] = f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin"
        env["INNOLEAD_EXCHANGE"] = EXCHANGE
        if self._course_role() == "instructor":
            env["JUPYTER_CONFIG_PATH"] = str(PREFIX / "instructor-config")
            env["INNOLEAD_COURSE"] = str(Path(f"~{self.user.name}").expanduser() / "course")
        return env

    def _prepare(self) -> None:
        if self._course_role() == "participant":
            hubtools.participant_folder(self.user.name)
            self.default_url = "/lab/tree/innolead"
        else:
            self.default_url = "/lab/tree/course"


class CourseSpawner(CourseSpawnerMixin, LocalProcessSpawner):
    """LocalProcessSpawner, with memory and processor limits through the user's cgroup where
    cgroups can be written (LocalProcessSpawner itself does not enforce them)."""

    async def start(self) -> Any:
        self._prepare()
        url = await super().start()
        try:
            hubtools.limit(self.user.name, self.pid, self.mem_limit, self.cpu_limit)
        except OSError as error:
            self.log.warning("No cgroup limits for %s: %s", self.user.name, error)
        return url

    async def stop(self, now: bool = False) -> None:
        await super().stop(now=now)
        hubtools.release(self.user.name)


if os.environ.get("INNOLEAD_SPAWNER") == "systemd":
    # Where systemd is PID 1: a transient unit per user enforces mem_limit and cpu_limit.
    from systemdspawner import SystemdSpawner

    class CourseSystemdSpawner(CourseSpawnerMixin, SystemdSpawner):
        async def start(self) -> Any:
            self._prepare()
            return await super().start()

    c.JupyterHub.spawner_class = CourseSystemdSpawner
    c.SystemdSpawner.unit_name_template = "innolead-hub-{USERNAME}"
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
else:
    c.JupyterHub.spawner_class = CourseSpawner

c.Spawner.cmd = [str(VENV / "bin/jupyterhub-singleuser")]
c.Spawner.notebook_dir = "~"
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.ip = "127.0.0.1"

# --- Services --------------------------------------------------------------------------------
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            str(VENV / "bin/python"),
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={IDLE_SECONDS}",
            f"--cull-every={max(30, IDLE_SECONDS // 10)}",
            "--concurrency=5",
        ],
    }
]
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }
]

# --- The site's own settings (authenticator, admins, limits) -------------------------------
local = ETC / "local_config.py"
if local.is_file():
    load_subconfig(str(local))  # noqa: F821
