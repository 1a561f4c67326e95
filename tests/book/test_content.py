"""Every chapter has the parts the course design requires, within its word budget.

A rule nobody checks drifts, so the chapter skeleton is tested here: learning objectives,
a case exploration, reflection questions, a self-check with revealable answers, further
reading with citations, a reading time, alt text on figures, and 1,500-3,500 words of prose.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from tests.book.toc import ROOT, chapter_pages, toc_pages

CHAPTERS = chapter_pages()
PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX|lorem ipsum)\b", re.IGNORECASE)
CITE = re.compile(r"\{cite(?::[pt])?\}`([^`]+)`")


def _text(page: str) -> str:
    return (ROOT / f"{page}.md").read_text(encoding="utf-8")


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {heading}\s*$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    return match.group(1) if match else ""


def prose_words(text: str) -> int:
    """Words a reader reads: no front matter, code cells, directive options or markup."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.DOTALL)
    text = re.sub(r"```\{code-cell\}.*?```", "", text, flags=re.DOTALL)
    text = re.sub(r"^:[\w-]+:.*$", "", text, flags=re.MULTILINE)
    text = re.sub(r"^```.*$|^:::.*$|^\(.*\)=$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\{[\w:-]+\}`[^`]*`", "x", text)
    return len(re.findall(r"[A-Za-zÅÄÖåäö0-9][\w'’%-]*", text))


def test_book_has_ten_chapters() -> None:
    """Does the table of contents list chapters 1 to 10?"""
    numbers = sorted(int(re.search(r"/(\d\d)-", p).group(1)) for p in CHAPTERS)
    assert numbers == list(range(1, 11))


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_has_label_and_reading_time(page: str) -> None:
    """Does the chapter open with its ch-NN label, a title and a reading time?"""
    text = _text(page)
    number = re.search(r"/(\d\d)-", page).group(1)
    assert f"(ch-{number})=" in text
    assert re.search(r"^\*Reading time: about \d+ minutes\.\*$", text, re.MULTILINE)


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_has_three_to_five_objectives(page: str) -> None:
    """Does the chapter list 3-5 learning objectives?"""
    bullets = re.findall(r"^- ", _section(_text(page), "Learning objectives"), re.MULTILINE)
    assert 3 <= len(bullets) <= 5, f"{page}: {len(bullets)} objectives"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_explores_a_case(page: str) -> None:
    """Does 'Explore the case' show an explorer and say what to look for?"""
    section = _section(_text(page), "Explore the case")
    assert "explorer(" in section, f"{page}: no explorer in 'Explore the case'"
    assert "look for" in section.lower()


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_quotes_computed_numbers(page: str) -> None:
    """Does the chapter put numbers from the toolkit into its prose (glue), not typed ones?"""
    assert re.search(r"\{glue(:text)?\}`", _text(page)), f"{page}: no glued number"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_has_three_reflection_questions(page: str) -> None:
    """Does 'Reflect' pose at least three numbered questions?"""
    questions = re.findall(r"^\d+\. .*\?", _section(_text(page), "Reflect"), re.MULTILINE)
    assert len(questions) >= 3, f"{page}: {len(questions)} reflection questions"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_self_check_pairs_exercises_and_solutions(page: str) -> None:
    """Does the self-check have 3+ exercises, each with a dropdown solution?"""
    section = _section(_text(page), "Self-check")
    exercises = re.findall(r":label: (ex-\d\d-\d+)", section)
    solutions = re.findall(r"```\{solution\} (ex-\d\d-\d+)\n:class: dropdown", section)
    assert len(exercises) >= 3
    assert sorted(exercises) == sorted(solutions)


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_self_check_uses_case_data(page: str) -> None:
    """Does at least one self-check answer quote a number computed from the case data?"""
    assert re.search(r"\{glue(:text)?\}`", _section(_text(page), "Self-check"))


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_cites_three_sources(page: str) -> None:
    """Does the chapter cite at least three distinct sources?"""
    keys = {k.strip() for group in CITE.findall(_text(page)) for k in group.split(",")}
    assert len(keys) >= 3, f"{page}: cites {sorted(keys)}"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_further_reading_cites(page: str) -> None:
    """Does 'Further reading' point to cited works?"""
    assert CITE.search(_section(_text(page), "Further reading"))


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_prose_length(page: str) -> None:
    """Is the chapter's prose between 1,500 and 3,500 words?"""
    words = prose_words(_text(page))
    assert 1500 <= words <= 3500, f"{page}: {words} words"


@pytest.mark.parametrize("page", CHAPTERS)
def test_chapter_links_glossary(page: str) -> None:
    """Does the chapter link at least one Swedish term to the glossary?"""
    assert "{term}`" in _text(page)


def _page_source(page: str) -> str:
    """A page's source text, whatever its format (MyST Markdown or a notebook's cells)."""
    for suffix in (".md", ".ipynb"):
        path = ROOT / f"{page}{suffix}"
        if path.exists():
            if suffix == ".md":
                return path.read_text(encoding="utf-8")
            nb = nbformat.read(path, as_version=4)
            return "\n".join(cell.source for cell in nb.cells)
    pytest.fail(f"{page} is in _toc.yml but has no .md or .ipynb source")


@pytest.mark.parametrize("page", toc_pages())
def test_no_placeholder_text(page: str) -> None:
    """Is the page free of TODO, TBD, FIXME and lorem ipsum?"""
    assert not PLACEHOLDER.search(_page_source(page))


@pytest.mark.parametrize("page", toc_pages())
def test_figures_have_alt_text(page: str) -> None:
    """Does every figure and image on the page carry alt text?"""
    text = _page_source(page)
    for block in re.findall(r"```\{(?:figure|image|glue:figure)\}.*?```", text, re.DOTALL):
        assert ":alt:" in block, f"{page}: figure without :alt: -> {block[:80]}"
    assert not re.search(r"!\[\]\(", text), f"{page}: Markdown image with empty alt"


def test_built_images_have_alt(built_book: object) -> None:
    """Does every <img> in the built book have a non-empty alt attribute?"""
    missing = []
    for html in built_book.rglob("*.html"):
        for tag in re.findall(r"<img\b[^>]*>", html.read_text(encoding="utf-8")):
            if not re.search(r'\balt="[^"]+"', tag):
                missing.append(f"{html.name}: {tag[:80]}")
    assert not missing, missing[:5]


def test_glossary_has_forty_terms() -> None:
    """Does the Swedish-English glossary define at least 40 terms?"""
    text = (ROOT / "book/appendices/glossary.md").read_text(encoding="utf-8")
    block = re.search(r"```\{glossary\}\n(.*?)```", text, re.DOTALL)
    assert block
    terms = re.findall(r"^\S.*$", block.group(1), re.MULTILINE)
    terms = [t for t in terms if not t.startswith(":")]
    assert len(terms) >= 40, f"{len(terms)} terms"
