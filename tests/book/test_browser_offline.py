"""In a real browser the pages load cleanly and request nothing beyond 127.0.0.1."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = pytest.mark.browser

PAGES = ["book/welcome.html", "book/appendices/live-explorers.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_without_console_errors(book_url: str, page: tuple, path: str) -> None:
    """Does the page load with no console error?"""
    tab, log = page
    tab.goto(f"{book_url}/{path}", wait_until="networkidle")
    assert log.errors == []


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_stay_local(book_url: str, page: tuple, path: str) -> None:
    """Does every request the page makes go to 127.0.0.1?"""
    tab, log = page
    tab.goto(f"{book_url}/{path}", wait_until="networkidle")
    hosts = {urlparse(u).hostname for u in log.requests if not u.startswith("data:")}
    assert hosts == {"127.0.0.1"}, f"requests left the machine: {sorted(hosts)}"


def test_widget_control_renders(book_url: str, page: tuple) -> None:
    """Does the embedded ipywidgets dropdown render as a visible control?"""
    tab, _ = page
    tab.goto(f"{book_url}/book/appendices/live-explorers.html", wait_until="networkidle")
    select = tab.locator(".widget-dropdown select")
    select.wait_for(state="visible", timeout=10_000)
    assert select.input_value() == "Ringa in"
