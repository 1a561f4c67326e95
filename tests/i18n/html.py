"""Read the built pages of both editions (shared by the i18n tests)."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

#: What is not the edition's own prose: code, explorers (their words come from the toolkit's
#: catalogues), glued values (data labels), citations and the bibliography (titles keep their
#: own language), math, and the language switch.
NOT_PROSE = (
    "pre, code, script, style, .highlight, .cell_output, .innolead-explorer, .pasted-text, "
    ".bibtex-citation, .citation, .citation-list, .footnote, .math, .innolead-language-switch, "
    ".headerlink, "
    ".innolead-widget-fallback, .jupyter-widgets, .docutils.container"
)
PROSE = "p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, .admonition-title, figcaption"


def page(built: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((built / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def article(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.select_one("article") or soup


def prose(soup: BeautifulSoup, drop_italics: bool = False) -> list[str]:
    """The reading text of a page's article, one string per paragraph, list item or cell."""
    body = article(BeautifulSoup(str(soup), "html.parser"))
    selectors = NOT_PROSE + (", em" if drop_italics else "")
    for node in body.select(selectors):
        node.decompose()
    texts = []
    for node in body.select(PROSE):
        if node.find(PROSE.split(", ")):  # an outer element: its children are read themselves
            continue
        text = re.sub(r"\s+", " ", node.get_text(" ")).strip()
        if text:
            texts.append(text)
    return texts


#: A quotation keeps its own language in either edition.
QUOTATION = re.compile(r"[“”\"][^“”\"]{3,}[“”\"]")


def sentences(texts: list[str]) -> list[str]:
    """Sentences of the texts, with quotations left out."""
    texts = [QUOTATION.sub(" ", t) for t in texts]
    return [s.strip() for t in texts for s in re.split(r"(?<=[.!?:;])\s+", t) if s.strip()]
