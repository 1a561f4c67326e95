"""Both editions are built: every page in English and in Swedish, each linked to the other.

The Swedish edition lives under sv/ in the built site; every page carries a language switch to
the same page in the other edition, says lang="sv", and shows the theme's words in Swedish.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from innolead.editions import sources
from tests.i18n.html import article, page

PAGES = sources.pages()
#: The theme's and extensions' English words that must not appear on a Swedish page.
ENGLISH_THEME_WORDS = (
    "Search this book",
    "Skip to main content",
    "Back to top",
    "Toggle primary sidebar",
    "Toggle secondary sidebar",
    "Download source file",
    "Download notebook file",
    "Download this page",
    "Print to PDF",
    "Fullscreen mode",
    "Launch on",
    "On this page",
    "previous page",
    "next page",
    ">Contents<",
    "Link to this heading",
    "Show code cell",
    "Hide code cell",
    "Launch interactive content",
    'aria-label="Main"',
    "Solution to",
    ">Exercise",
    "Copyright",
    "This is the saved view",
)


@pytest.fixture(scope="module")
def swedish(built_book: Path) -> Path:
    edition = built_book / "sv"
    if not (edition / "index.html").exists():
        pytest.fail(f"No Swedish edition in {edition}: `make book` builds it.")
    return edition


def _switch(html: Path) -> str:
    link = page(html.parent, html.stem).select_one("a.innolead-language-switch")
    assert link is not None, f"{html} has no language switch"
    return link["href"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_links_to_its_counterpart_and_back(
    built_book: Path, swedish: Path, name: str
) -> None:
    """Does the English page's switch land on the Swedish page, and that one's back on it?"""
    english = built_book / f"{name}.html"
    there = (english.parent / _switch(english)).resolve()
    assert there == (swedish / f"{name}.html").resolve(), f"{name}: switch points at {there}"
    back = (there.parent / _switch(there)).resolve()
    assert back == english.resolve(), f"{name}: the Swedish switch points at {back}"


@pytest.mark.parametrize("name", PAGES)
def test_swedish_page_says_it_is_swedish(swedish: Path, name: str) -> None:
    """Does every Swedish page declare lang="sv" (for screen readers and search engines)?"""
    assert page(swedish, name).html["lang"] == "sv"


@pytest.mark.parametrize("name", [*PAGES, "search", "genindex"])
def test_swedish_page_has_no_english_theme_words(swedish: Path, name: str) -> None:
    """Are the theme's words (search, buttons, navigation, exercises) Swedish on every page?"""
    html = (swedish / f"{name}.html").read_text(encoding="utf-8")
    found = [word for word in ENGLISH_THEME_WORDS if word in html]
    assert not found, f"sv/{name}.html still shows {found}"


def test_swedish_theme_words_are_in_place(swedish: Path) -> None:
    """Does a chapter show the Swedish search box, contents title and exercise labels?"""
    html = (swedish / "book/chapters/01-why-innovate.html").read_text(encoding="utf-8")
    for word in ("Sök i boken", "Innehåll", "Övning", "Lösning till", "föregående", "nästa"):
        assert word in html, f"{word!r} missing from the Swedish chapter 1"


@pytest.mark.parametrize("name", PAGES)
def test_built_pages_have_the_same_structure(built_book: Path, swedish: Path, name: str) -> None:
    """Do both editions' built pages have the same sections, figures, explorers and exercises?"""

    def shape(root: Path) -> dict[str, int]:
        body = article(page(root, name))
        return {
            "sections": len(body.select("section")),
            "figures": len(body.select("figure, .figure")),
            "explorers": len(body.select("[data-innolead-explorer]")),
            "exercises": len(body.select(".exercise")),
            "solutions": len(body.select(".solution")),
            "tables": len(body.select("table")),
            "citations": len(body.find_all("a", href=re.compile(r"references\.html#"))),
        }

    assert shape(swedish) == shape(built_book)
