"""A real course hub for tests and the load benchmark: start, restart and stop JupyterHub as the
deployment does (deploy/hub/install.sh's environment, deploy/hub/jupyterhub_config.py), create
and remove system users, and act as a participant through the hub: spawn a server, use the
Assignment List's REST endpoints (what its Fetch and Submit buttons call), run a notebook in a
kernel of the participant's own server over the kernel websocket, and save it there.

Needs root (the hub spawns servers as the participants' own system users).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import requests
import websocket

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy" / "hub"
sys.path.insert(0, str(DEPLOY))
import hubtools  # noqa: E402

PREFIX = Path(os.environ.get("INNOLEAD_HUB_PREFIX", "/opt/innolead-hub"))
VENV = PREFIX / "venv"
COURSE_ID = hubtools.COURSE_ID
#: Every account the tests and the benchmark create starts with this, and is removed after.
USER_PREFIX = "ilhub-"

TEST_CONFIG = '''
import os
c = get_config()  # noqa: F821
# Test-only: one shared password (DummyAuthenticator), and an admin service for the harness.
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = os.environ["INNOLEAD_TEST_PASSWORD"]
c.JupyterHub.services.append(
    {"name": "course-test", "api_token": os.environ["INNOLEAD_TEST_TOKEN"]}
)
c.JupyterHub.load_roles.append({"name": "admin", "services": ["course-test"]})
c.JupyterHub.log_level = os.environ.get("INNOLEAD_TEST_LOG_LEVEL", "INFO")
c.Spawner.start_timeout = 900
c.Spawner.http_timeout = 900
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def install_environment() -> None:
    """The shared environment as `make hub` installs it (idempotent; quick when current)."""
    subprocess.run(
        [str(DEPLOY / "install.sh"), "--env-only"],
        check=True,
        env={**os.environ, "INNOLEAD_HUB_PREFIX": str(PREFIX)},
        stdout=subprocess.DEVNULL,
    )


def user_pids(uid: int) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
    return pids


def remove_user(name: str) -> None:
    """Stop what a test user runs (its own processes, by id) and delete the account and home."""
    assert name.startswith(USER_PREFIX), name
    try:
        uid = hubtools.pwd.getpwnam(name).pw_uid
    except KeyError:
        return
    for _ in range(3):
        pids = user_pids(uid)
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.5)
    subprocess.run(["userdel", "--remove", name], check=False, capture_output=True)
    hubtools.release(name)


def as_user(name: str, *command: str, env: dict | None = None, check: bool = True,
            cwd: str | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """Run a command as a system user with the environment the hub gives that user's server."""
    entry = hubtools.pwd.getpwnam(name)
    base = {
        "HOME": entry.pw_dir,
        "USER": name,
        "LOGNAME": name,
        "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
    }
    full = ["setpriv", f"--reuid={entry.pw_uid}", f"--regid={entry.pw_gid}", "--init-groups",
            "env", "-i", *[f"{k}={v}" for k, v in {**base, **(env or {})}.items()], *command]
    return subprocess.run(full, capture_output=True, text=True, check=check,
                          cwd=cwd or entry.pw_dir, timeout=timeout)


@dataclass
class Hub:
    """One JupyterHub started from the deployment's configuration, with its own files and ports."""

    workdir: Path
    exchange: Path
    mem_limit: str = "1G"
    cpu_limit: str = "1"
    idle_seconds: int = 3600
    token: str = field(default_factory=lambda: secrets.token_hex(32))
    password: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    port: int = field(default_factory=free_port)
    api_port: int = field(default_factory=free_port)
    proxy_api_port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def __post_init__(self) -> None:
        self.etc = self.workdir / "etc"
        self.state = self.workdir / "state"
        self.log_path = self.workdir / "jupyterhub.log"
        for folder, mode in ((self.workdir, 0o755), (self.etc, 0o755), (self.state, 0o700)):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(mode)
        (self.etc / "local_config.py").write_text(TEST_CONFIG)
        self.exchange.mkdir(parents=True, exist_ok=True)
        self.exchange.chmod(0o777)
        self.session = requests.Session()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        return {
            **os.environ,
            "INNOLEAD_HUB_PREFIX": str(PREFIX),
            "INNOLEAD_HUB_ETC": str(self.etc),
            "INNOLEAD_HUB_STATE": str(self.state),
            "INNOLEAD_EXCHANGE": str(self.exchange),
            "INNOLEAD_HUB_PORT": str(self.port),
            "INNOLEAD_HUB_API_PORT": str(self.api_port),
            "INNOLEAD_PROXY_API_PORT": str(self.proxy_api_port),
            "INNOLEAD_MEM_LIMIT": self.mem_limit,
            "INNOLEAD_CPU_LIMIT": self.cpu_limit,
            "INNOLEAD_IDLE_SECONDS": str(self.idle_seconds),
            "INNOLEAD_TEST_PASSWORD": self.password,
            "INNOLEAD_TEST_TOKEN": self.token,
        }

    # --- the hub process -----------------------------------------------------------------
    def start(self, timeout: float = 90) -> None:
        log = self.log_path.open("a")
        self.process = subprocess.Popen(
            [str(VENV / "bin/jupyterhub"), "-f", str(PREFIX / "etc/jupyterhub_config.py")],
            cwd=self.state, env=self.env(), stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                msg = f"the hub exited ({self.process.returncode}):\n{self.log()}"
                raise RuntimeError(msg)
            with contextlib.suppress(requests.RequestException):
                if self.session.get(f"{self.url}/hub/health", timeout=2).ok:
                    return
            time.sleep(0.3)
        msg = f"the hub did not answer within {timeout} s:\n{self.log()}"
        raise RuntimeError(msg)

    def stop(self) -> None:
        """Stop the hub (and the proxy it started); participants' servers keep running."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def log(self, tail: int = 6000) -> str:
        return self.log_path.read_text(errors="replace")[-tail:] if self.log_path.exists() else ""

    # --- the hub's REST API ----------------------------------------------------------------
    def api(self, method: str, path: str, token: str | None = None, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {token or self.token}"}
        return self.session.request(
            method, f"{self.url}/hub/api{path}", headers=headers, timeout=60, **kwargs
        )

    def add_users(self, names: list[str]) -> None:
        response = self.api("POST", "/users", json={"usernames": names})
        assert response.status_code in (201, 409), response.text

    def user_token(self, name: str) -> str:
        response = self.api("POST", f"/users/{name}/tokens", json={"note": "hub tests"})
        assert response.status_code == 201, response.text
        return response.json()["token"]

    def spawn(self, name: str, timeout: float = 300) -> float:
        """Ask the hub for a user's server and wait until it answers; seconds it took."""
        started = time.monotonic()
        response = self.api("POST", f"/users/{name}/server")
        assert response.status_code in (201, 202, 400), response.text
        deadline = started + timeout
        while time.monotonic() < deadline:
            model = self.api("GET", f"/users/{name}").json()
            server = model.get("servers", {}).get("")
            if server and server.get("ready"):
                return time.monotonic() - started
            if not model.get("pending") and not server:
                msg = f"{name}'s server did not start:\n{self.log()}"
                raise RuntimeError(msg)
            time.sleep(0.25)
        msg = f"{name}'s server was not ready within {timeout} s"
        raise RuntimeError(msg)

    def server_pid(self, name: str) -> int | None:
        response = self.api("GET", f"/users/{name}", params={"include_stopped_servers": "0"})
        state = response.json().get("servers", {}).get("", {}).get("state") or {}
        return state.get("pid")

    def stop_server(self, name: str) -> None:
        response = self.api("DELETE", f"/users/{name}/server")
        assert response.status_code in (202, 204, 400), response.text
        for _ in range(120):
            if not self.api("GET", f"/users/{name}").json().get("servers"):
                return
            time.sleep(0.25)


@dataclass
class Server:
    """A user's single-user server through the hub's proxy, with the user's own token."""

    hub: Hub
    name: str
    token: str

    @property
    def base(self) -> str:
        return f"{self.hub.url}/user/{self.name}"

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"token {self.token}", **kwargs.pop("headers", {})}
        return self.hub.session.request(
            method, f"{self.base}{path}", headers=headers, timeout=kwargs.pop("timeout", 120),
            allow_redirects=False, **kwargs
        )

    # --- the Assignment List (nbgrader's server extension) ---------------------------------
    def assignments(self) -> list[dict]:
        response = self.request("GET", "/assignments", params={"course_id": COURSE_ID})
        response.raise_for_status()
        return response.json()["value"]

    def action(self, verb: str, assignment: str) -> dict:
        response = self.request(
            "POST", f"/assignments/{verb}",
            data={"course_id": COURSE_ID, "assignment_id": assignment},
        )
        response.raise_for_status()
        return response.json()

    # --- files and kernels ---------------------------------------------------------------
    def read_notebook(self, path: str) -> nbformat.NotebookNode:
        response = self.request("GET", f"/api/contents/{path}", params={"content": "1"})
        response.raise_for_status()
        return nbformat.from_dict(response.json()["content"])

    def write_notebook(self, path: str, nb: nbformat.NotebookNode) -> None:
        body = {"type": "notebook", "format": "json", "content": nb}
        response = self.request("PUT", f"/api/contents/{path}", data=json.dumps(body))
        response.raise_for_status()

    def execute(
        self, path: str, timeout: float = 180, keep_kernel: bool = False
    ) -> nbformat.NotebookNode:
        """Run every code cell of the saved notebook in a kernel of this server (a session on
        the notebook, as JupyterLab opens it), put the outputs in and save it. The kernel is
        shut down afterwards unless ``keep_kernel`` (a participant who keeps working)."""
        nb = self.read_notebook(path)
        response = self.request(
            "POST", "/api/sessions",
            data=json.dumps({"path": path, "type": "notebook", "name": path.rsplit("/", 1)[-1],
                             "kernel": {"name": "python3"}}),
        )
        response.raise_for_status()
        session = response.json()
        kernel = session["kernel"]["id"]
        ws_url = self.base.replace("http://", "ws://") + f"/api/kernels/{kernel}/channels"
        ws = websocket.create_connection(
            ws_url, header=[f"Authorization: token {self.token}"], timeout=timeout
        )
        try:
            for number, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
                cell.outputs = _run_cell(ws, cell.source, self.name)
                cell.execution_count = number + 1
        finally:
            ws.close()
            if not keep_kernel:
                self.request("DELETE", f"/api/sessions/{session['id']}")
        self.write_notebook(path, nb)
        return nb


def _run_cell(ws: websocket.WebSocket, code: str, username: str) -> list:
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": username, "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True,
                    "user_expressions": {}, "allow_stdin": False, "stop_on_error": False},
    }))
    outputs = []
    while True:
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = msg["header"]["msg_type"]
        if kind in ("stream", "display_data", "execute_result", "error"):
            outputs.append(nbformat.v4.output_from_msg(msg))
        elif kind == "status" and msg["content"]["execution_state"] == "idle":
            return outputs
