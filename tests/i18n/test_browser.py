"""The Swedish edition in a real browser: the switch, the phone menu, search and the widget.

The rest of the browser checks (axe, phone width, kernel-free explorers, page speed) run on the
Swedish edition as they are, with BOOK_HTML=_build/html/sv (see the Makefile's `test` target);
these are the checks whose words differ by language.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_language_switch_round_trip(book_url: str, page: tuple) -> None:
    """Does "På svenska" open the Swedish chapter, and "In English" bring the reader back?"""
    tab, log = page
    tab.goto(f"{book_url}/book/chapters/05-implementation-spread.html", wait_until="networkidle")
    tab.get_by_role("link", name="På svenska").click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("/sv/book/chapters/05-implementation-spread.html")
    assert tab.locator("html").get_attribute("lang") == "sv"
    assert "Implementering och spridning" in tab.locator("h1").first.inner_text()
    tab.get_by_role("link", name="In English").click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("/book/chapters/05-implementation-spread.html")
    assert "/sv/" not in tab.url
    assert log.errors == []


def test_swedish_phone_navigation_opens(book_url: str, phone_page: tuple) -> None:
    """On a phone, does the Swedish menu button open the table of contents?"""
    tab, _ = phone_page
    tab.goto(f"{book_url}/sv/book/welcome.html", wait_until="networkidle")
    toc_link = tab.locator("a.reference.internal:visible", has_text="Ordlista").first
    assert toc_link.count() == 0, "the table of contents should be folded away on a phone"
    tab.get_by_role("button", name="Visa eller dölj huvudmenyn").first.click()
    toc_link.wait_for(state="visible", timeout=5000)
    toc_link.click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("sv/book/appendices/glossary.html")


def test_swedish_search_finds_glossary_term(book_url: str, page: tuple) -> None:
    """Does the Swedish edition's own search find its glossary for a Swedish term?"""
    tab, _ = page
    tab.goto(f"{book_url}/sv/search.html?q=innovationsstafett", wait_until="networkidle")
    results = tab.locator("#search-results a", has_text="Ordlista")
    results.first.wait_for(state="visible", timeout=10_000)
    assert results.count() >= 1


def test_swedish_widget_shows_its_saved_view(book_url: str, page: tuple) -> None:
    """Does the Swedish widget page show the saved dropdown with its Swedish label?"""
    tab, log = page
    tab.goto(f"{book_url}/sv/book/appendices/live-explorers.html", wait_until="networkidle")
    saved = tab.locator(".innolead-widget-fallback .widget-dropdown select")
    assert saved.input_value() == "Ringa in"
    assert tab.get_by_label("Steg").count() == 1
    assert log.errors == []
