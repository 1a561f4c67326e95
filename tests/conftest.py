"""Fixtures shared by the test suite: the built book, a local web server and a browser."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import pickle
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The built book the tests read; BOOK_HTML points them at another build folder.
HTML = Path(os.environ.get("BOOK_HTML") or ROOT / "_build" / "html").resolve()
T = TypeVar("T")
#: The full browser (``make bench`` runs Lighthouse in it); CHROMIUM=/path names another.
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
#: Chromium's headless shell (Debian's chromium-headless-shell), which Playwright itself runs for
#: headless tests: the same engine without the full browser's layers, a third less CPU per page
#: (measured: 19 pages in new tabs, 17.2 s of CPU against 11.0 s). The tests run in it unless
#: CHROMIUM names a browser, and in the full browser where no headless shell is installed.
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def built_book() -> Path:
    """The HTML that `make book` built; the suite fails (not skips) without it."""
    if not (HTML / "index.html").exists():
        pytest.fail(f"No built book in {HTML}: run `make test` (it builds the book first).")
    return HTML


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="session")
def book_url(built_book: Path) -> Iterator[str]:
    """The built book served on 127.0.0.1 by a throwaway HTTP server."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def browser_executable() -> Path | None:
    """The browser the tests drive: CHROMIUM if set, else the headless shell, else chromium."""
    if "CHROMIUM" in os.environ:
        return CHROMIUM if CHROMIUM.exists() else None
    for candidate in (HEADLESS_SHELL, CHROMIUM):
        if candidate.exists():
            return candidate
    found = shutil.which("chromium-headless-shell") or shutil.which("chromium")
    return Path(found) if found else None


def browser_missing_message() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if browser_executable() is None:
        return (
            f"No browser found at {HEADLESS_SHELL} or {CHROMIUM}. Install one with `apt-get "
            "install -y chromium-headless-shell` (Debian) or set CHROMIUM=/path/to/chromium."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "The playwright package is missing: run `make setup`."
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium driven by Playwright (a system package: browser downloads do not work
    here)."""
    reason = browser_missing_message()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but the browser cannot run: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(browser_executable()), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageLog:
    """What a page did while loading: console errors and every URL it requested."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []

    def attach(self, page: object) -> None:
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def clear(self) -> None:
        self.errors.clear()
        self.requests.clear()


#: The desktop window the page tests use.
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
#: A phone: the narrowest common viewport (iPhone SE/mini class), with the page's viewport meta.
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
#: Chromium's CPU slowdown for the throttled runs, as Lighthouse's mobile profile uses.
CPU_SLOWDOWN = 4


class SessionTab:
    """One tab of a context, kept for the session and lent to one test at a time.

    A reader goes from page to page in one window, so the cache is warm after the first page.
    A new context per test made Chromium fetch, parse and compile the theme again each time,
    and a new tab per test started a renderer process each time; each cost about as much as
    the page (measured: 19 pages, 32 s of CPU in new contexts, 15 s in new tabs, 8 s in one
    tab). Between tests the tab goes to about:blank and its log is emptied, so nothing a page
    does reaches the next test; a tab a test closed, or whose page crashed, is replaced.
    Tests of what a *first* visit loads or requests use ``cold_page`` or ``slow_phone_page``.
    """

    def __init__(self, context: object) -> None:
        self.context = context
        self.tab: object | None = None
        self.log = PageLog()

    def lend(self) -> tuple[object, PageLog]:
        if self.tab is None or self.tab.is_closed():
            self.tab = self.context.new_page()
            self.log = PageLog()
            self.log.attach(self.tab)
        self.log.clear()
        return self.tab, self.log

    def give_back(self) -> None:
        from playwright.sync_api import Error

        try:
            self.tab.goto("about:blank")
        except Error:
            self.tab.close()


@pytest.fixture(scope="session")
def _desktop_tab(browser: object) -> Iterator[SessionTab]:
    context = browser.new_context(**DESKTOP)
    yield SessionTab(context)
    context.close()


@pytest.fixture(scope="session")
def _phone_tab(browser: object) -> Iterator[SessionTab]:
    context = browser.new_context(**PHONE)
    yield SessionTab(context)
    context.close()


def _lend(session: SessionTab) -> Iterator[tuple[object, PageLog]]:
    yield session.lend()
    session.give_back()


def _tab(context: object, slowdown: int = 1) -> Iterator[tuple[object, PageLog]]:
    """A new tab in ``context`` with its log, its CPU ``slowdown`` times slower; closed after.

    The slowdown is set through the DevTools protocol on this tab's page, so a throttled tab
    is never reused: a navigation that changes renderer process could drop it unseen.
    """
    tab = context.new_page()
    if slowdown > 1:
        context.new_cdp_session(tab).send("Emulation.setCPUThrottlingRate", {"rate": slowdown})
    log = PageLog()
    log.attach(tab)
    yield tab, log
    tab.close()


@pytest.fixture
def page(_desktop_tab: SessionTab) -> Iterator[tuple[object, PageLog]]:
    """The session's desktop tab (``SessionTab``), with an empty log."""
    yield from _lend(_desktop_tab)


@pytest.fixture
def phone_page(_phone_tab: SessionTab) -> Iterator[tuple[object, PageLog]]:
    """The session's tab on a 375 px wide phone (``SessionTab``), with an empty log."""
    yield from _lend(_phone_tab)


@pytest.fixture
def cold_page(browser: object) -> Iterator[tuple[object, PageLog]]:
    """A desktop tab in a context of its own: an empty cache, as on a first visit."""
    context = browser.new_context(**DESKTOP)
    yield from _tab(context)
    context.close()


@pytest.fixture
def slow_phone_page(browser: object) -> Iterator[tuple[object, PageLog]]:
    """A first visit on a slow phone: 375 px, the CPU 4x slower and an empty cache, so that
    deferred and lazily loaded scripts arrive late and must not race into console errors."""
    context = browser.new_context(**PHONE)
    yield from _tab(context, CPU_SLOWDOWN)
    context.close()


#: Shared results being built in the background (``prefetch``): name -> builder process.
_PREFETCHED: dict[str, subprocess.Popen] = {}


def shared_once(name: str, factory: pytest.TempPathFactory, build: Callable[[Path], T]) -> T:
    """``build(folder)`` run once per test session, however many pytest-xdist workers ask.

    The graded cohorts take minutes; with two workers each would otherwise grade its own copy
    on the same two cores. The first worker to ask builds under a file lock and leaves the
    result (a pickle) beside the folder; the others wait for it and read it. If ``prefetch``
    already started it in the background, this waits for that.
    """
    shared = _shared_folder(factory)
    started = _PREFETCHED.get(name)
    if started is not None and started.wait():
        log = _log(shared, name).read_text(encoding="utf-8", errors="replace")
        pytest.fail(f"Building {name!r} in the background failed:\n{log[-4000:]}")
    # Started by another worker, or not at all: its builder holds the lock while it builds.
    return build_shared(name, shared, build)


def prefetch(name: str, factory: pytest.TempPathFactory, build: str) -> None:
    """Start ``shared_once(name, factory, build)`` now, in a process of its own
    (``tests.background``); ``build`` is named as ``module:function``.

    Grading a cohort mostly waits on its kernels, and browser tests mostly wait on the page;
    started at collection, the cohorts are graded while the workers run every other test,
    instead of holding a worker (and the tests queued behind it) for minutes. A process, not a
    thread: it keeps the environment of this moment, whatever a test later sets in this one.
    The first pytest-xdist worker to get here starts it; the others find its marker and later
    wait for the result in ``shared_once``.
    """
    if name in _PREFETCHED:
        return
    shared = _shared_folder(factory)
    try:
        os.close(os.open(shared / f"{name}.started", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return  # another worker of this session has started it
    with _log(shared, name).open("w") as log:
        _PREFETCHED[name] = subprocess.Popen(
            [sys.executable, "-m", "tests.background", name, str(shared), build],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip


#: What ``prefetch`` starts at collection when a selected test asks for it: fixture ->
#: (shared name, builder as ``module:function``). Each is read through ``shared_once``.
BACKGROUND = {
    "graded_courses": ("graded", "tests.grading.conftest:_grade_every_assignment"),
    "hostile_cohort": ("hostile", "tests.grading.conftest:_grade_hostile_cohort"),
    "swedish_cohort": ("swedish-course", "tests.grading.test_swedish_course:_grade"),
    "evaluation_course": ("evaluation", "tests.evaluation.test_workflow:_hand_out_and_collect"),
}


@pytest.hookimpl(trylast=True)  # after -m/-k have deselected what will not run
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start building the shared results the selected tests read, and run those tests last.

    Each pytest-xdist worker starts the same builds; ``shared_once``'s lock lets one of them
    build and the others wait for its result, while every worker runs the tests that need none.
    """
    wanted = {name for item in items for name in getattr(item, "fixturenames", ())}
    wanted &= set(BACKGROUND)
    factory = config._tmp_path_factory  # noqa: SLF001 (the session's, as tmp_path_factory)
    for fixture in sorted(wanted):
        name, build = BACKGROUND[fixture]
        prefetch(name, factory, build)
    items.sort(key=lambda item: bool(wanted & set(getattr(item, "fixturenames", ()))))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """An interrupted session stops the cohorts it was still grading in the background."""
    if exitstatus == pytest.ExitCode.INTERRUPTED:
        for process in _PREFETCHED.values():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, 15)


def _log(shared: Path, name: str) -> Path:
    """Where this process's background build of ``name`` writes what it prints."""
    return shared / f"{name}.{os.getpid()}.log"


def _shared_folder(factory: pytest.TempPathFactory) -> Path:
    """This session's folder, the same for every pytest-xdist worker."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def build_shared(name: str, shared: Path, build: Callable[[Path], T]) -> T:
    """``build(shared / name)`` unless another process has built it: then its result."""
    done = shared / f"{name}.pickle"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.exists():
            return pickle.loads(done.read_bytes())  # noqa: S301 (written by this session)
        folder = shared / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        value = build(folder)
        done.write_bytes(pickle.dumps(value))
        return value


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def jupyter_lab(root: Path, home: Path, wait: float = 90) -> Iterator[tuple[str, str]]:
    """JupyterLab on 127.0.0.1 serving ``root`` (run there, so nbgrader's formgrader finds its
    course), with its settings under ``home``: yields the base URL and the login token."""
    port, token = _free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(home / ".config"),
        "JUPYTER_RUNTIME_DIR": str(home / ".runtime"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home),
    }
    command = [
        str(Path(sys.executable).with_name("jupyter")),
        "lab",
        "--no-browser",
        "--allow-root",
        f"--ServerApp.port={port}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={root}",
        f"--IdentityProvider.token={token}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    server = subprocess.Popen(
        command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + wait
    try:
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail(f"JupyterLab did not start within {wait:g} s")
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
