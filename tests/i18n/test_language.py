"""No English left in the Swedish edition's reading text, and no Swedish in the English one.

A language-identification library (langdetect, a port of Google's language-detection) reads
every sentence of five words or more in every page's article. Code, explorers, glued values,
citations and the bibliography are left out (see tests/i18n/html.py); so are italic words on
English pages, because the house style writes Swedish terms in italics there.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from bs4 import BeautifulSoup
from langdetect import DetectorFactory, detect_langs
from markdown_it import MarkdownIt

from innolead.editions import notebooks, sources
from tests.i18n.html import page, prose, sentences

DetectorFactory.seed = 0  # langdetect is random unless seeded
PAGES = sources.pages()
MIN_WORDS = 5
#: Sentences allowed in the other language: names, titles and quotations.
ALLOWED = (
    re.compile(r"Det är som en kris, fast tvärtom"),  # a quotation the English text keeps
    re.compile(r"Restart Kernel and Run All Cells"),  # JupyterLab's menu, in English there
)
SCANDINAVIAN = {"sv", "da", "no"}
#: The Swedish glossary gives each term its English gloss, as the English one gives Swedish terms.
ENGLISH_GLOSS = re.compile(r"Engelska:[^.]*\.")
GLOSSARY_TERM = re.compile(r"^([^\s].*)$", re.M)


def _glossary_terms() -> list[str]:
    """The glossary's Swedish terms: both editions may use them as they are."""
    text = (sources.ROOT / "book/appendices/glossary.md").read_text(encoding="utf-8")
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    terms = [t.strip() for t in GLOSSARY_TERM.findall(block) if not t.startswith(":")]
    return sorted(terms, key=len, reverse=True)


TERMS = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in _glossary_terms()) + r")\w*", re.I)


def _words(sentence: str) -> int:
    return len(re.findall(r"[^\W\d_]{2,}", sentence))


def _only_names(sentence: str) -> bool:
    """Is the sentence just names (every word capitalised), such as a list of places?"""
    return all(w[0].isupper() for w in re.findall(r"[^\W\d_]{2,}", sentence))


def _foreign(sentences_: list[str], unwanted: set[str]) -> list[str]:
    found = []
    for sentence in sentences_:
        if any(a.search(sentence) for a in ALLOWED) or _only_names(sentence):
            continue
        if unwanted == SCANDINAVIAN:  # glossary terms are at home in the English edition
            sentence = TERMS.sub(" ", sentence)
        if _words(sentence) < MIN_WORDS:
            continue
        best = detect_langs(sentence)[0]
        if best.lang in unwanted and best.prob > 0.9:
            found.append(f"[{best.lang}] {sentence}")
    return found


@pytest.mark.parametrize("name", PAGES)
def test_swedish_page_has_no_english_sentence(built_book: Path, name: str) -> None:
    """Is every sentence of the Swedish page's reading text Swedish?"""
    text = sentences([ENGLISH_GLOSS.sub(" ", t) for t in prose(page(built_book / "sv", name))])
    assert len(text) > 3, f"sv/{name}: no reading text found"
    found = _foreign(text, {"en"})
    assert not found, f"sv/{name}.html has English sentences:\n" + "\n".join(found)


@pytest.mark.parametrize("name", PAGES)
def test_english_page_has_no_swedish_sentence(built_book: Path, name: str) -> None:
    """Is every sentence of the English page's reading text English (italic terms aside)?"""
    text = sentences(prose(page(built_book, name), drop_italics=True))
    found = _foreign(text, SCANDINAVIAN)
    assert not found, f"{name}.html has Swedish sentences:\n" + "\n".join(found)


def _notebook_text(path: Path) -> list[str]:
    """A notebook's reading text: its Markdown as a reader sees it, and its code's comments and
    messages."""
    markdown = MarkdownIt("commonmark").enable("table")
    texts = []
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type == "markdown":
            texts += prose(BeautifulSoup(markdown.render(cell.source), "html.parser"))
        elif cell.cell_type == "code":
            texts += [piece.text for piece in notebooks.pieces(cell.source)]
    return texts


@pytest.mark.parametrize(
    ("assignment", "name"), notebooks.notebooks(), ids=[a for a, _ in notebooks.notebooks()]
)
def test_swedish_course_notebook_has_no_english_sentence(assignment: str, name: str) -> None:
    """Is every sentence a Swedish participant reads in the notebook Swedish?"""
    path = notebooks.source_path(assignment, name, notebooks.EDITIONS["sv"])
    text = sentences(_notebook_text(path))
    assert len(text) > 10, f"{path}: no reading text found"
    found = _foreign(text, {"en"})
    assert not found, f"{path} has English sentences:\n" + "\n".join(found)


def test_swedish_organisation_self_assessment_has_no_english_sentence() -> None:
    """Is the Swedish organisational self-assessment notebook Swedish to read, and the
    English one free of Swedish?"""
    from innolead.organisation_assessment.notebook import path_for

    swedish, english = (sentences(_notebook_text(path_for(lang))) for lang in ("sv", "en"))
    assert len(swedish) > 10
    assert _foreign(swedish, {"en"}) == []
    assert _foreign(english, SCANDINAVIAN) == []
