"""The strict build produced every page, and no page reaches for a third-party host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.book.toc import ROOT, toc_pages

EXTERNAL_ASSET = re.compile(r"""(?:src|href)=["'](https?:)?//[^"']+\.(?:js|css|woff2?|ttf|svg)""")


@pytest.mark.parametrize("page", toc_pages())
def test_toc_page_is_built(built_book: Path, page: str) -> None:
    """Is every page in _toc.yml present in the built HTML?"""
    assert (built_book / f"{page}.html").is_file(), f"{page} is in _toc.yml but was not built"


@pytest.mark.parametrize("page", toc_pages())
def test_toc_page_source_exists(page: str) -> None:
    """Does every page in _toc.yml have a source file?"""
    assert any((ROOT / f"{page}{suffix}").is_file() for suffix in (".md", ".ipynb"))


def test_no_page_loads_third_party_assets(built_book: Path) -> None:
    """Do all built pages load scripts, styles and fonts only from the book itself?"""
    offenders = {}
    for html in built_book.rglob("*.html"):
        hit = EXTERNAL_ASSET.search(html.read_text(encoding="utf-8"))
        if hit:
            offenders[str(html.relative_to(built_book))] = hit.group(0)
    assert not offenders, f"pages load third-party assets: {offenders}"


def test_widget_manager_is_vendored(built_book: Path) -> None:
    """Does the widget page load the vendored require.js and html-manager, not a CDN?"""
    html = (built_book / "book/appendices/live-explorers.html").read_text(encoding="utf-8")
    assert "_static/vendor/requirejs/require.js" in html
    assert "_static/vendor/html-manager/embed-amd.js" in html
    assert "application/vnd.jupyter.widget-state+json" in html


def test_text_page_does_not_load_widget_manager(built_book: Path) -> None:
    """Does a page without widgets stay light (no widget manager, no Vega)?"""
    html = (built_book / "book/welcome.html").read_text(encoding="utf-8")
    assert "embed-amd.js" not in html
    assert "vega" not in html


def test_light_mode_is_forced(built_book: Path) -> None:
    """Is the light colour mode the default (dark mode breaks notebook outputs)?"""
    html = (built_book / "book/welcome.html").read_text(encoding="utf-8")
    assert 'data-theme="light"' in html
    assert "theme-switch-button" not in html, "readers must not be able to switch to dark mode"


def test_chapters_offer_live_python_and_downloads(built_book: Path) -> None:
    """Does a chapter page link to a Binder launch and offer its source for download?"""
    html = (built_book / "book/chapters/04-ideas-tests-evidence.html").read_text(encoding="utf-8")
    assert 'href="https://mybinder.org/v2/gh/' in html
    assert "_sources/book/chapters/04-ideas-tests-evidence.md" in html
