"""WCAG 2.1 AA in a real browser: axe-core over every page, phones, keyboard, search."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.book.toc import toc_pages
from tests.browser.helpers import open_explorers

pytestmark = pytest.mark.browser

AXE = Path(__file__).with_name("vendor") / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [f"{p}.html" for p in toc_pages()] + ["search.html", "genindex.html"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => `${v.id} (${v.nodes.length}): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
}"""


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(book_url: str, page: tuple, path: str) -> None:
    """Does axe-core find no WCAG 2.0/2.1 A or AA violation on the page (and, on a desktop
    screen, does the page log no console error)?"""
    tab, log = page
    tab.goto(f"{book_url}/{path}", wait_until="networkidle")
    open_explorers(tab)  # explorers load as they near the screen: check them drawn
    tab.wait_for_timeout(300)  # let explorers and widgets finish drawing
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    assert log.errors == []
    assert tab.evaluate(RUN_AXE, TAGS) == []


def test_phone_navigation_opens(book_url: str, phone_page: tuple) -> None:
    """On a phone, does the menu button open the table of contents?"""
    tab, _ = phone_page
    tab.goto(f"{book_url}/book/welcome.html", wait_until="networkidle")
    toc_link = tab.locator("a.reference.internal:visible", has_text="Glossary").first
    assert toc_link.count() == 0, "the table of contents should be folded away on a phone"
    tab.locator("button.primary-toggle:visible").first.click()
    toc_link.wait_for(state="visible", timeout=5000)
    toc_link.click()
    tab.wait_for_load_state("networkidle")
    assert tab.url.endswith("book/appendices/glossary.html")


def test_search_finds_glossary_term(book_url: str, page: tuple) -> None:
    """Does the built-in search find the glossary page for a Swedish term?"""
    tab, _ = page
    tab.goto(f"{book_url}/search.html?q=innovationsstafett", wait_until="networkidle")
    results = tab.locator("#search-results a", has_text="Glossary")
    results.first.wait_for(state="visible", timeout=10_000)
    assert results.count() >= 1
