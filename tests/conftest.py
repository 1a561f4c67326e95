"""Fixtures shared by the test suite: the built book, a local web server and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The built book the tests read; BOOK_HTML points them at another build folder.
HTML = Path(os.environ.get("BOOK_HTML") or ROOT / "_build" / "html").resolve()
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
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


def browser_missing_message() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        return (
            f"Chromium not found at {CHROMIUM}. Install it with `apt-get install -y chromium` "
            "(Debian) or set CHROMIUM=/path/to/chromium."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "The playwright package is missing: run `make setup`."
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless system Chromium driven by Playwright (browser downloads do not work here)."""
    reason = browser_missing_message()
    if reason:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but the browser cannot run: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    executable = CHROMIUM if CHROMIUM.exists() else Path(shutil.which("chromium") or "")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
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


@pytest.fixture
def page(browser: object) -> Iterator[tuple[object, PageLog]]:
    """A fresh browser page with its log."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    log = PageLog()
    log.attach(tab)
    yield tab, log
    context.close()


#: A phone: the narrowest common viewport (iPhone SE/mini class), with the page's viewport meta.
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True}
#: Chromium's CPU slowdown for the throttled runs, as Lighthouse's mobile profile uses.
CPU_SLOWDOWN = 4


@pytest.fixture
def phone_page(browser: object) -> Iterator[tuple[object, PageLog]]:
    """A fresh page on a 375 px wide phone, with its log."""
    context = browser.new_context(**PHONE)
    tab = context.new_page()
    log = PageLog()
    log.attach(tab)
    yield tab, log
    context.close()


@pytest.fixture
def throttled_page(browser: object) -> Iterator[tuple[object, PageLog]]:
    """A fresh page whose CPU runs 4x slower (DevTools protocol), with its log: deferred and
    lazily loaded scripts must not race each other into console errors on a slow phone."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    cdp = context.new_cdp_session(tab)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    log = PageLog()
    log.attach(tab)
    yield tab, log
    context.close()


#: Expensive session fixtures, and the group whose tests share one copy of each. With
#: pytest-xdist (`-n`, `--dist loadgroup`) every test of a group runs in the same worker, so
#: each cohort is graded once; all other tests spread over the workers.
SHARED_FIXTURES = {
    "hostile_cohort": "hostile-cohort",
    "graded_courses": "graded-courses",
    "hub": "hub",
}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put each test that needs an expensive session fixture in that fixture's group."""
    for item in items:
        needed = set(getattr(item, "fixturenames", ()))
        for fixture, group in SHARED_FIXTURES.items():
            if fixture in needed:
                item.add_marker(pytest.mark.xdist_group(group))
                break
